//! Answers about single words, kept per thread: a rule that asks the same
//! costly question of every token (can this word begin a number?) asks it
//! once per distinct word. News repeats its words, so most tokens are
//! answered by one hash look-up.

use std::cell::RefCell;
use std::collections::HashMap;

/// Words a memo keeps before it starts over, so that memory stays flat
/// however many documents pass.
const MEMO_WORDS: usize = 1 << 16;

/// The answers of one predicate over words.
#[derive(Debug, Default)]
pub struct WordMemo(RefCell<HashMap<Box<str>, bool, Chunked>>);

/// A hash of eight bytes a step (the multiply-rotate of rustc's FxHash):
/// a word of Russian letters is 10–20 bytes, two or three steps.
#[derive(Debug, Clone, Copy, Default)]
pub struct Chunked;

impl std::hash::BuildHasher for Chunked {
    type Hasher = ChunkedHasher;
    fn build_hasher(&self) -> ChunkedHasher {
        ChunkedHasher(0)
    }
}

/// The hasher of `Chunked`.
#[derive(Debug, Clone, Copy)]
pub struct ChunkedHasher(u64);

impl ChunkedHasher {
    fn add(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for ChunkedHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap_or_default()));
        }
        // The last bytes, as the low bytes of a word (a loop of at most
        // seven steps: a copy of a length known only now calls `memcpy`).
        let rest = chunks.remainder();
        let last = rest
            .iter()
            .rev()
            .fold(0u64, |x, &b| (x << 8) | u64::from(b));
        self.add(last ^ rest.len() as u64);
    }
}

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
    fn the_last_bytes_are_hashed_as_the_low_bytes_of_a_word() {
        use std::hash::Hasher;
        for word in ["", "a", "год", "abcdefgh", "abcdefghi", "товарооборот"] {
            let mut ours = ChunkedHasher(0);
            ours.write(word.as_bytes());
            let mut padded = ChunkedHasher(0);
            let b = word.as_bytes();
            let whole = b.len() / 8 * 8;
            for c in b[..whole].chunks(8) {
                padded.add(u64::from_le_bytes(c.try_into().unwrap()));
            }
            let mut last = [0u8; 8];
            last[..b.len() - whole].copy_from_slice(&b[whole..]);
            padded.add(u64::from_le_bytes(last) ^ (b.len() - whole) as u64);
            assert_eq!(ours.finish(), padded.finish(), "{word}");
        }
    }

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
