//! DATE: days, months, quarters, halves, years and spans, as periods
//! (`dims::Period`). One rule set per language.

use std::collections::HashMap;

use crate::lexicon::memo::Chunked;
use crate::text::token::Token;

pub mod en;
pub mod ru;

/// A phrase: its words and what it stands for (a modifier's words and
/// what it does).
pub(crate) type Phrase<M> = (&'static [&'static str], M);

/// Phrases by their first word, each list in the order given: the phrases
/// a word can begin, found by one look-up instead of a comparison with
/// every phrase (a hash of eight bytes a step: the words are short).
pub(crate) struct ByFirst<M: 'static>(HashMap<&'static str, Vec<Phrase<M>>, Chunked>);

impl<M: Copy> ByFirst<M> {
    /// The phrases of `list` by first word.
    pub(crate) fn new(list: &'static [Phrase<M>]) -> Self {
        let mut by: HashMap<&str, Vec<_>, Chunked> = HashMap::default();
        for &(words, m) in list {
            by.entry(words[0]).or_default().push((words, m));
        }
        ByFirst(by)
    }

    /// Whether a phrase begins with `word`.
    pub(crate) fn begins(&self, word: &str) -> bool {
        self.0.contains_key(word)
    }

    /// The phrases whose words are those of the tokens from `i` on, in
    /// their order.
    pub(crate) fn at<'a>(
        &'a self,
        toks: &'a [Token],
        i: usize,
    ) -> impl Iterator<Item = &'a Phrase<M>> + 'a {
        let w = move |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
        self.0
            .get(w(i))
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .filter(move |(words, _)| {
                words[1..]
                    .iter()
                    .enumerate()
                    .all(|(k, x)| w(i + 1 + k) == *x)
            })
    }
}
