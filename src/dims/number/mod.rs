//! NUMBER: digits, scale words, number words, ranges. The shared type is
//! `dims::Num`; the rules of each language are in its own file.

pub mod en;
pub mod ru;

use std::cell::RefCell;

use crate::dims::Num;
use crate::text::token::Token;

/// The numbers read in the sentence being read, by token: the money,
/// percent, quantity and date rules each ask for the number at the same
/// tokens, and it is read once.
#[derive(Default)]
struct Memo {
    /// The sentence's tokens (where they lie and how many), or none
    /// outside [`remembered`].
    toks: Option<(usize, usize)>,
    /// The tokens read so far and what was read at each (a few per
    /// sentence: only tokens a number may begin at are asked).
    read: Vec<(usize, Option<Num>)>,
}

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::new(Memo::default());
}

/// Runs `f` with the numbers read in `toks` remembered until it returns.
pub fn remembered<R>(toks: &[Token], f: impl FnOnce() -> R) -> R {
    struct Forget;
    impl Drop for Forget {
        fn drop(&mut self) {
            MEMO.with(|m| m.borrow_mut().toks = None);
        }
    }
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        m.toks = Some((toks.as_ptr() as usize, toks.len()));
        m.read.clear();
    });
    let _forget = Forget;
    f()
}

/// The number at token `i` as `read` reads it, read once per token
/// inside [`remembered`] over these same tokens. The memo is kept by
/// token alone: every call on one sentence passes the same reading (its
/// language's `number_at`).
pub fn once(toks: &[Token], i: usize, read: impl FnOnce() -> Option<Num>) -> Option<Num> {
    let key = Some((toks.as_ptr() as usize, toks.len()));
    let known = MEMO.with(|m| {
        let m = m.borrow();
        (m.toks == key)
            .then(|| m.read.iter().find(|(j, _)| *j == i).map(|(_, n)| n.clone()))
            .flatten()
    });
    if let Some(n) = known {
        return n;
    }
    let n = read();
    MEMO.with(|m| {
        let mut m = m.borrow_mut();
        if m.toks == key {
            m.read.push((i, n.clone()));
        }
    });
    n
}

#[cfg(test)]
mod tests {
    use crate::dims::number::ru;
    use crate::text::token::{TokKind, tokenize};

    #[test]
    fn a_remembered_number_is_the_one_read_afresh() {
        let s = "от 2 до 3 млрд руб., полтора миллиона, 1,5 трлн и 40 тыс. тонн, два-три года";
        let toks = tokenize(s, 0, s.len());
        let fresh: Vec<_> = (0..toks.len()).map(|i| ru::number_at(&toks, i)).collect();
        assert!(fresh.iter().flatten().count() > 4);
        let twice = super::remembered(&toks, || {
            let back: Vec<_> = (0..toks.len())
                .rev()
                .map(|i| ru::number_at(&toks, i))
                .collect();
            let again: Vec<_> = (0..toks.len()).map(|i| ru::number_at(&toks, i)).collect();
            (back.into_iter().rev().collect::<Vec<_>>(), again)
        });
        assert_eq!(twice.0, fresh);
        assert_eq!(twice.1, fresh);
        // Other tokens are read afresh, not from the memo of these.
        let other = tokenize("5 млн", 0, "5 млн".len());
        let inside = super::remembered(&toks, || {
            ru::number_at(&toks, 0).and(ru::number_at(&other, 0))
        });
        assert_eq!(inside, ru::number_at(&other, 0));
    }

    #[test]
    fn english_numbers_begin_only_where_the_gate_of_number_at_lets_them() {
        let s = "between 3 and 4 million, half a billion, a quarter of a million, \
                 three quarters of a trillion, a million, minus 7, -12 degrees, a dozen, \
                 two dozen eggs, twenty-five, one hundred and six, tens of thousands, \
                 several hundred, $2.5-$3 billion, 1,200 tonnes, 14.03.2020, one of them";
        let toks = tokenize(s, 0, s.len());
        let mut read = 0;
        for i in 0..toks.len() {
            if super::en::simple_or_range_at(&toks, i).is_some() {
                assert!(super::en::may_begin(&toks[i]), "{}", toks[i].lower);
                read += 1;
            }
        }
        assert!(read > 15, "{read}");
        let fresh: Vec<_> = (0..toks.len())
            .map(|i| super::en::number_at(&toks, i))
            .collect();
        let twice = super::remembered(&toks, || {
            let back: Vec<_> = (0..toks.len())
                .rev()
                .map(|i| super::en::number_at(&toks, i))
                .collect();
            back.into_iter().rev().collect::<Vec<_>>()
        });
        assert_eq!(twice, fresh);
    }

    #[test]
    fn russian_numbers_begin_only_where_the_gate_of_number_at_lets_them() {
        let s = "Несколько десятков тысяч, сотни млн. и 14.03.2020 — от 2 до 3 млрд руб., \
                 полтора миллиона, два-три года, пятнадцать; вторая сотня, 1,5 трлн";
        let toks = tokenize(s, 0, s.len());
        for i in 0..toks.len() {
            let t = &toks[i];
            let open = t.kind == TokKind::Num || (t.kind == TokKind::Word && ru::may_be_figure(t));
            if !open {
                assert!(ru::simple_at(&toks, i).is_none(), "{}", t.lower);
                assert!(ru::vague_at(&toks, i).is_none(), "{}", t.lower);
            }
        }
        let vague = ["несколько", "десятков", "сотни"];
        assert!(
            toks.iter()
                .filter(|t| vague.contains(&t.lower.as_str()))
                .all(ru::may_be_figure)
        );
    }
}
