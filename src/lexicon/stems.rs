//! Stems looked up by a word's first letter: a rule asking whether a word
//! begins with one of a list's stems compares it only with the stems that
//! begin as it does, not with the whole list (a new word of a text is
//! asked of every list the bits keep, so this is paid per new word).

/// A list of stems, grouped by the `mark` of their first char.
#[derive(Debug, Clone, Default)]
pub struct Stems {
    /// The stems, ordered by mark (in the given order within one mark).
    stems: Vec<Box<str>>,
    /// `stems[from[m]..from[m + 1]]` are the stems of mark `m`.
    from: Vec<usize>,
    /// An empty stem begins every word.
    empty: bool,
}

impl Stems {
    /// The stems, in the given order within each first char.
    pub fn new<S: AsRef<str>>(stems: impl IntoIterator<Item = S>) -> Stems {
        let mut out = Stems::default();
        let mut marked: Vec<(usize, Box<str>)> = Vec::new();
        for s in stems {
            let s = s.as_ref();
            if s.is_empty() {
                out.empty = true;
            } else {
                marked.push((mark(s), s.into()));
            }
        }
        // A stable sort keeps the given order within a mark.
        marked.sort_by_key(|(m, _)| *m);
        out.from = (0..=MARKS)
            .map(|m| marked.partition_point(|(k, _)| *k < m))
            .collect();
        out.stems = marked.into_iter().map(|(_, s)| s).collect();
        out
    }

    /// The stems `w` begins with, longest and shortest alike, except the
    /// empty stem.
    pub fn prefixes_of<'a>(&'a self, w: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        let same = if w.is_empty() || self.stems.is_empty() {
            &[][..]
        } else {
            let m = mark(w);
            &self.stems[self.from[m]..self.from[m + 1]]
        };
        same.iter().map(|s| &**s).filter(move |s| w.starts_with(s))
    }

    /// Whether `w` begins with one of the stems.
    pub fn begin(&self, w: &str) -> bool {
        self.empty || self.prefixes_of(w).next().is_some()
    }
}

/// How many marks there are.
const MARKS: usize = 128;

/// A number below `MARKS` that words of one first char share: the first
/// byte of an ASCII char, else the second (which tells the Russian
/// letters apart). `w` is not empty.
#[inline]
fn mark(w: &str) -> usize {
    let b = w.as_bytes();
    let k = if b[0] < 0x80 { b[0] } else { b[1] };
    usize::from(k & 0x7f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    // `а` and `0` share a mark, as do `р` and a NUL byte.
    const LIST: [&str; 9] = [
        "завод",
        "за",
        "комбинат",
        "ё",
        "a",
        "ab",
        "недел",
        "0x",
        "р",
    ];

    #[test]
    fn finds_the_stems_a_word_begins_with() {
        let s = Stems::new(LIST);
        assert!(s.begin("заводской") && s.begin("зал") && !s.begin("з"));
        assert_eq!(s.prefixes_of("заводы").collect::<Vec<_>>(), ["завод", "за"]);
        assert!(!s.begin("") && !s.begin("б"));
        assert!(Stems::new(["x", ""]).begin("y"));
    }

    proptest! {
        #[test]
        fn agrees_with_comparing_every_stem(w in "[завоdкмбинтёabр0x\\x00]{0,9}") {
            let s = Stems::new(LIST);
            prop_assert_eq!(s.begin(&w), LIST.iter().any(|x| w.starts_with(x)));
            let mut all: Vec<&str> = LIST.iter().copied().filter(|x| w.starts_with(x)).collect();
            let mut got: Vec<&str> = s.prefixes_of(&w).collect();
            all.sort_unstable();
            got.sort_unstable();
            prop_assert_eq!(got, all);
        }
    }
}
