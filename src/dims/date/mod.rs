//! DATE: days, months, quarters, halves, years and spans, as periods
//! (`dims::Period`). One rule set per language.

use std::collections::HashMap;

pub mod en;
pub mod ru;

/// Phrases (a modifier's words and what it does) by their first word, each
/// list in the order given: the phrases a word can begin, found by one
/// look-up instead of a comparison with every phrase.
pub(crate) struct ByFirst<M: 'static>(HashMap<&'static str, Vec<(&'static [&'static str], M)>>);

impl<M: Copy> ByFirst<M> {
    /// The phrases of `list` by first word.
    pub(crate) fn new(list: &'static [(&'static [&'static str], M)]) -> Self {
        let mut by: HashMap<&str, Vec<_>> = HashMap::new();
        for &(words, m) in list {
            by.entry(words[0]).or_default().push((words, m));
        }
        ByFirst(by)
    }

    /// The phrases that begin with `word`, in their order.
    pub(crate) fn of(&self, word: &str) -> &[(&'static [&'static str], M)] {
        self.0.get(word).map_or(&[], Vec::as_slice)
    }
}
