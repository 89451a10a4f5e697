//! Answers about single words, kept per thread: a rule that asks the same
//! costly question of every token (can this word begin a number?) asks it
//! once per distinct word. News repeats its words, so most tokens are
//! answered by one hash look-up.

use std::cell::RefCell;
use std::collections::HashMap;

use super::Fnv;

/// Words a memo keeps before it starts over, so that memory stays flat
/// however many documents pass.
const MEMO_WORDS: usize = 1 << 16;

/// The answers of one predicate over words.
#[derive(Debug, Default)]
pub struct WordMemo(RefCell<HashMap<Box<str>, bool, Fnv>>);

impl WordMemo {
    /// `f(w)`, computed the first time `w` is asked about.
    pub fn get_or(&self, w: &str, f: impl FnOnce(&str) -> bool) -> bool {
        if let Some(&v) = self.0.borrow().get(w) {
            return v;
        }
        let v = f(w);
        let mut map = self.0.borrow_mut();
        if map.len() >= MEMO_WORDS {
            map.clear();
        }
        map.insert(w.into(), v);
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asks_once_per_word() {
        let memo = WordMemo::default();
        let mut calls = 0;
        for w in ["два", "год", "два", "два"] {
            memo.get_or(w, |x| {
                calls += 1;
                x == "два"
            });
        }
        assert_eq!(calls, 2);
        assert!(memo.get_or("два", |_| false));
        assert!(!memo.get_or("год", |_| true));
    }
}
