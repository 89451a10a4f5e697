//! Word lists: the open lists of words a rule checks a token against
//! (verbs of change, words for a plant, stop words…), one word or stem a
//! line in `data/<lang>/<name>.tsv`, the first column read as written.
//! Each file's header says what its columns mean and what a new line
//! does; `words!` embeds one in the binary and reads it once.

use std::collections::HashSet;

use super::Fnv;
use super::stems::Stems;

/// A list of words, in file order, with the line each came from.
#[derive(Debug, Clone, Default)]
pub struct WordList {
    file: &'static str,
    words: Vec<String>,
    lines: Vec<usize>,
    set: HashSet<String, Fnv>,
    stems: Stems,
}

impl WordList {
    /// Reads a list: the first column of every line that is neither
    /// blank nor a `#` comment.
    pub fn from_tsv(file: &'static str, tsv: &str) -> WordList {
        let mut list = WordList {
            file,
            ..WordList::default()
        };
        for (n, line) in tsv.lines().enumerate() {
            let word = line.split('\t').next().unwrap_or("").trim();
            if word.is_empty() || line.starts_with('#') {
                continue;
            }
            list.words.push(word.to_string());
            list.lines.push(n + 1);
            list.set.insert(word.to_string());
        }
        list.stems = Stems::new(&list.words);
        list
    }

    /// Whether `w` is one of the words.
    pub fn contains(&self, w: &str) -> bool {
        self.set.contains(w)
    }

    /// The words, in file order.
    pub fn iter(&self) -> std::slice::Iter<'_, String> {
        self.words.iter()
    }

    /// Whether `w` starts with one of the words (the words are stems).
    pub fn stem_of(&self, w: &str) -> bool {
        self.stems.begin(w)
    }

    /// Where a word is written: `data/ru/one_plant.tsv:5`.
    pub fn place(&self, w: &str) -> Option<String> {
        let k = self.words.iter().position(|x| x == w)?;
        Some(format!("{}:{}", self.file, self.lines[k]))
    }
}

/// A word list of `data/<lang>/<file>`, read once:
/// `words!(STOP, ru, "plant_stop.tsv")` makes the static `STOP`.
#[macro_export]
macro_rules! words {
    ($(#[$doc:meta])* $vis:vis $name:ident, $lang:ident, $file:literal) => {
        $(#[$doc])*
        $vis static $name: std::sync::LazyLock<$crate::lexicon::words::WordList> =
            std::sync::LazyLock::new(|| {
                $crate::lexicon::words::WordList::from_tsv(
                    concat!("data/", stringify!($lang), "/", $file),
                    include_str!(concat!(
                        env!("CARGO_MANIFEST_DIR"),
                        "/data/",
                        stringify!($lang),
                        "/",
                        $file
                    )),
                )
            });
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_first_column_and_knows_each_line() {
        let w = WordList::from_tsv("x.tsv", "# word\tnote\nfoo\tone\n\nbar\n# baz\n");
        assert_eq!(w.iter().collect::<Vec<_>>(), vec!["foo", "bar"]);
        assert!(w.contains("bar") && !w.contains("baz"));
        assert!(w.stem_of("food") && !w.stem_of("fo"));
        assert_eq!(w.place("bar").as_deref(), Some("x.tsv:4"));
    }
}
