//! Qualifiers: the words before a figure that say whether it is exact,
//! approximate, a floor or a ceiling. One file per language.

pub mod en;
pub mod ru;

use crate::lexicon::{Entry, PhraseSet};
use crate::text::token::Token;

/// The longest words of a qualifier lexicon that end just before token
/// `end`, at most `reach` tokens long and kept by `keep`, with their first
/// token.
pub fn ending_at<'s>(
    set: &'s PhraseSet,
    toks: &[Token],
    end: usize,
    reach: usize,
    keep: impl Fn(&Entry) -> bool,
) -> Option<(&'s Entry, usize)> {
    let mut best = None;
    for back in 1..=reach {
        let Some(s) = end.checked_sub(back) else {
            break;
        };
        if let Some((n, e)) = set.longest_at(toks, s)
            && s + n == end
            && keep(e)
        {
            best = Some((e, s));
        }
    }
    best
}
