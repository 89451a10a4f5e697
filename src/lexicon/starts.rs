//! Which phrase sets a word may start an entry of, answered for all the
//! lexicons at once: every set read by `lexicon!` is registered with a bit,
//! and a token carries the bits of the sets one of whose entries its word
//! can begin. A phrase look-up at a token whose bit is clear is answered
//! without touching the set; the bits of a word are worked out once per
//! distinct word and thread.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::PhraseSet;
use super::memo::Chunked;
use crate::text::token::TokKind;

/// Sets that get a bit; any further set is always searched in full.
pub const MAX_SETS: usize = 64;

/// Words the per-thread table keeps before it starts over.
const MEMO_WORDS: usize = 1 << 16;

/// The registered sets, in the order of their bits.
static SETS: Mutex<Vec<&'static PhraseSet>> = Mutex::new(Vec::new());
/// How many sets are registered: a thread whose table knows fewer starts
/// it over.
static COUNT: AtomicUsize = AtomicUsize::new(0);

/// The bits of a token: `mask` holds the bit of each of the first `known`
/// registered sets that an entry of may begin at the token's word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Starts {
    mask: u64,
    known: u8,
}

impl Starts {
    /// Nothing known: every set is searched in full.
    pub const UNKNOWN: Starts = Starts { mask: 0, known: 0 };

    /// Whether the set with `bit` can be turned away at this token.
    pub fn rules_out(self, bit: u8) -> bool {
        bit < self.known && self.mask & (1 << bit) == 0
    }

    /// The bits of a word of `kind` whose lower case is `lower`; numbers
    /// are left unknown (few repeat, so they would only fill the table).
    pub fn of(kind: TokKind, lower: &str) -> Starts {
        if matches!(kind, TokKind::Num | TokKind::NumDate) {
            return Starts::UNKNOWN;
        }
        TABLE.with(|t| t.borrow_mut().get(lower))
    }
}

/// Builds a set and gives it the next bit, once per lexicon.
pub fn register(build: impl FnOnce() -> PhraseSet) -> &'static PhraseSet {
    let mut sets = SETS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let mut set = build();
    set.bit = u8::try_from(sets.len())
        .ok()
        .filter(|&b| usize::from(b) < MAX_SETS);
    let set: &'static PhraseSet = Box::leak(Box::new(set));
    if set.bit.is_some() {
        sets.push(set);
        COUNT.store(sets.len(), Ordering::Release);
    }
    set
}

/// One thread's answers, with the sets they were worked out against.
#[derive(Default)]
struct Table {
    sets: Vec<&'static PhraseSet>,
    words: HashMap<Box<str>, u64, Chunked>,
}

thread_local! {
    static TABLE: RefCell<Table> = RefCell::new(Table::default());
}

impl Table {
    fn get(&mut self, lower: &str) -> Starts {
        if COUNT.load(Ordering::Acquire) != self.sets.len() {
            let sets = SETS
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            self.sets.clone_from(&sets);
            self.words.clear();
        }
        let known = self.sets.len() as u8;
        if let Some(&mask) = self.words.get(lower) {
            return Starts { mask, known };
        }
        let mask = self
            .sets
            .iter()
            .enumerate()
            .filter(|(_, s)| s.may_begin(lower))
            .fold(0u64, |m, (i, _)| m | 1 << i);
        if self.words.len() >= MEMO_WORDS {
            self.words.clear();
        }
        self.words.insert(lower.into(), mask);
        Starts { mask, known }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_no_entry_begins_with_is_ruled_out() {
        let units = crate::grammar::ru::units();
        let bit = units.bit.expect("a lexicon gets a bit");
        let none = Starts::of(TokKind::Word, "zzzqx");
        assert!(none.rules_out(bit));
        let first = units.entries()[0].pattern.split(' ').next().unwrap();
        let word = crate::text::token::fold(first.trim_end_matches(['*', '?']));
        assert!(!Starts::of(TokKind::Word, &word).rules_out(bit));
        assert!(!Starts::UNKNOWN.rules_out(bit));
        assert!(!Starts::of(TokKind::Num, "zzzqx").rules_out(bit));
    }
}
