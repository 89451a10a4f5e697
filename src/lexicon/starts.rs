//! What a token's own word can be, answered for all the lexicons and
//! word questions at once: every set read by `lexicon!` and every
//! `WordQuestion` is registered with a bit, and a token carries the bits
//! of the sets one of whose entries its word can begin and of the
//! questions its word answers yes. A phrase look-up at a token whose bit
//! is clear is answered without touching the set; the bits of a word are
//! worked out once per distinct word and thread.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use super::PhraseSet;
use super::memo::Chunked;
use crate::text::token::{Lower, TokKind, Token, fold};

/// Sets and questions that get a bit; any further one is always asked in
/// full.
pub const MAX_BITS: usize = 64;

/// Words the per-thread table keeps before it starts over.
const MEMO_WORDS: usize = 1 << 16;

/// What a bit stands for.
#[derive(Clone, Copy)]
enum Asked {
    /// An entry of the set may begin at the word.
    Set(&'static PhraseSet),
    /// The question says yes of the token.
    Word(&'static WordQuestion),
}

impl Asked {
    /// The answer for `t`, whose word begins with the chars `first`.
    fn of(self, t: &Token, first: (char, char)) -> bool {
        match self {
            Asked::Set(s) => s.may_begin_from(&t.lower, first),
            Asked::Word(q) => (q.ask)(t),
        }
    }
}

/// The registered sets and questions, in the order of their bits.
static ASKED: Mutex<Vec<Asked>> = Mutex::new(Vec::new());
/// How many are registered: a thread whose table knows fewer starts it
/// over.
static COUNT: AtomicUsize = AtomicUsize::new(0);

/// The bits of a token: `mask` holds the bit of each of the first `known`
/// registered sets and questions that its word answers yes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Starts {
    mask: u64,
    known: u8,
}

impl Starts {
    /// Nothing known: every set is searched and every question asked in
    /// full.
    pub const UNKNOWN: Starts = Starts { mask: 0, known: 0 };

    /// Whether `bit` is known, and then whether it is set.
    #[inline]
    pub fn get(self, bit: u8) -> Option<bool> {
        (bit < self.known).then_some(self.mask & (1 << bit) != 0)
    }

    /// Whether the set with `bit` can be turned away at this token.
    #[inline]
    pub fn rules_out(self, bit: u8) -> bool {
        self.get(bit) == Some(false)
    }
}

/// Sets the lower case and the bits of new tokens, whose offsets are
/// into `text`, both kept per distinct text: a word seen before is
/// neither folded nor asked about again. Numbers are left unknown (few
/// repeat, so they would only fill the table). The thread's table is
/// taken once for all the tokens.
pub fn fill(toks: &mut [Token], text: &str) {
    TABLE.with(|table| {
        let mut table = table.borrow_mut();
        table.sync();
        for t in toks {
            let raw = &text[t.start..t.end];
            if matches!(t.kind, TokKind::Num | TokKind::NumDate) {
                t.lower = fold(raw);
                t.starts = Starts::UNKNOWN;
            } else {
                table.fill(t, raw);
            }
        }
    });
}

/// A question about a token's own word (its lower case, and so its kind),
/// asked of every token: answered from the token's bits, worked out once
/// per distinct word, where the token has them.
pub struct WordQuestion {
    ask: fn(&Token) -> bool,
    /// The questions `ask` asks by their `of`.
    parts: &'static [&'static WordQuestion],
    bit: OnceLock<Option<u8>>,
}

impl WordQuestion {
    /// The question `ask`.
    pub const fn new(ask: fn(&Token) -> bool) -> WordQuestion {
        WordQuestion::built_on(ask, &[])
    }

    /// The question `ask`, which asks `parts` by their `of`: they get
    /// their bits before this one, so a new word's answers to them are
    /// worked out once and serve this question as they serve any other.
    pub const fn built_on(
        ask: fn(&Token) -> bool,
        parts: &'static [&'static WordQuestion],
    ) -> WordQuestion {
        WordQuestion {
            ask,
            parts,
            bit: OnceLock::new(),
        }
    }

    /// The answer for `t`.
    pub fn of(&'static self, t: &Token) -> bool {
        self.bit()
            .and_then(|b| t.starts.get(b))
            .unwrap_or_else(|| (self.ask)(t))
    }

    /// This question's bit, given to its parts first.
    fn bit(&'static self) -> Option<u8> {
        *self.bit.get_or_init(|| {
            for p in self.parts {
                p.bit();
            }
            add(Asked::Word(self))
        })
    }
}

/// Gives `asked` the next bit, if one is left.
fn add(asked: Asked) -> Option<u8> {
    let mut all = ASKED
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    push(&mut all, asked)
}

fn push(all: &mut Vec<Asked>, asked: Asked) -> Option<u8> {
    let bit = u8::try_from(all.len())
        .ok()
        .filter(|&b| usize::from(b) < MAX_BITS)?;
    all.push(asked);
    COUNT.store(all.len(), Ordering::Release);
    Some(bit)
}

/// Builds a set and gives it the next bit, once per lexicon.
pub fn register(build: impl FnOnce() -> PhraseSet) -> &'static PhraseSet {
    let mut all = ASKED
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let set: &'static PhraseSet = Box::leak(Box::new(build()));
    // The bit is set before the set is shared: it is read without a lock.
    let bit = push(&mut all, Asked::Set(set));
    set.bit.get_or_init(|| bit);
    set
}

/// One thread's answers, with what they were worked out against.
#[derive(Default)]
struct Table {
    asked: Vec<Asked>,
    /// A word's text → its lower case and bits.
    words: HashMap<Box<str>, (Lower, u64), Chunked>,
}

thread_local! {
    static TABLE: RefCell<Table> = RefCell::new(Table::default());
}

impl Table {
    /// Starts over when sets or questions were registered since the table
    /// was last used (a later registration is seen at the next call: its
    /// bit stays unknown, and its set is searched in full, until then).
    fn sync(&mut self) {
        if COUNT.load(Ordering::Acquire) != self.asked.len() {
            let all = ASKED
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            self.asked.clone_from(&all);
            self.words.clear();
        }
    }

    fn fill(&mut self, t: &mut Token, raw: &str) {
        let known = self.asked.len() as u8;
        if let Some((lower, mask)) = self.words.get(raw) {
            t.lower.clone_from(lower);
            t.starts = Starts { mask: *mask, known };
            return;
        }
        t.lower = fold(raw);
        // The answers worked out so far serve the questions after them
        // (the date rules ask whether a word may be a number).
        let mut mask = 0u64;
        let first = super::prefix(&t.lower);
        for (i, a) in self.asked.iter().enumerate() {
            t.starts = Starts {
                mask,
                known: i as u8,
            };
            mask |= u64::from(a.of(t, first)) << i;
        }
        if self.words.len() >= MEMO_WORDS {
            self.words.clear();
        }
        self.words.insert(raw.into(), (t.lower.clone(), mask));
        t.starts = Starts { mask, known };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_no_entry_begins_with_is_ruled_out() {
        let units = crate::grammar::ru::units();
        let bit = units.bit().expect("a lexicon gets a bit");
        let word = |w: &str| crate::text::token::tokenize(w, 0, w.len()).remove(0);
        assert!(word("zzzqx").starts.rules_out(bit));
        let first = units.entries()[0].pattern.split(' ').next().unwrap();
        let first = word(first.trim_end_matches(['*', '?']));
        assert!(!first.starts.rules_out(bit));
        assert!(!Starts::UNKNOWN.rules_out(bit));
        assert!(!word("2021").starts.rules_out(bit));
    }

    #[test]
    fn a_question_is_answered_from_the_bits_as_it_would_be_asked() {
        static LONG: WordQuestion = WordQuestion::new(|t| t.lower.len() > 4);
        let toks = crate::text::token::tokenize("ab abcdef, 12345", 0, 16);
        let asked: Vec<bool> = toks.iter().map(|t| t.lower.len() > 4).collect();
        assert_eq!(asked, [false, true, false, true]);
        // Registered by the first answer: tokens made after it carry it.
        let first: Vec<bool> = toks.iter().map(|t| LONG.of(t)).collect();
        assert_eq!(first, asked);
        let toks = crate::text::token::tokenize("ab abcdef, 12345", 0, 16);
        assert!(
            toks[1]
                .starts
                .get(LONG.bit.get().unwrap().unwrap())
                .is_some()
        );
        let again: Vec<bool> = toks.iter().map(|t| LONG.of(t)).collect();
        assert_eq!(again, asked);
    }

    #[test]
    fn a_question_built_on_others_is_given_its_bit_after_theirs() {
        static VOWEL: WordQuestion = WordQuestion::new(|t| t.lower.starts_with(['a', 'o']));
        static SHORT: WordQuestion = WordQuestion::new(|t| t.lower.len() < 4);
        static BOTH: WordQuestion =
            WordQuestion::built_on(|t| VOWEL.of(t) && SHORT.of(t), &[&VOWEL, &SHORT]);
        let text = "ox oxen box, 77";
        let asked = |toks: &[Token]| -> Vec<bool> { toks.iter().map(|t| BOTH.of(t)).collect() };
        let toks = crate::text::token::tokenize(text, 0, text.len());
        assert_eq!(asked(&toks), [true, false, false, false, false]);
        let bit = |q: &WordQuestion| q.bit.get().copied().flatten().unwrap();
        assert!(bit(&VOWEL) < bit(&BOTH) && bit(&SHORT) < bit(&BOTH));
        // Tokens made now carry all three, and answer the same.
        let toks = crate::text::token::tokenize(text, 0, text.len());
        assert!(toks[0].starts.get(bit(&BOTH)).is_some());
        assert_eq!(asked(&toks), [true, false, false, false, false]);
    }
}
