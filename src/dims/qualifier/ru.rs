//! The Russian qualifier words before a figure (`почти`, `более чем`,
//! `не менее`), read with `data/ru/qualifiers.tsv`.

use crate::record::Qualifier;
use crate::text::token::Token;

/// The qualifier words just before token `i` (`почти`, `более чем`,
/// `не менее`), skipping one preposition (`почти на 4 млрд`):
/// (qualifier, first token of the words).
pub fn qualifier_before(toks: &[Token], i: usize) -> Option<(Qualifier, usize)> {
    let set = crate::grammar::ru::qualifiers();
    let mut best = super::ending_at(set, toks, i, 4, |_| true);
    // `почти на`, `более чем на`: one preposition between.
    if best.is_none() && i >= 2 && matches!(toks[i - 1].lower.as_str(), "на" | "в" | "с") {
        best = super::ending_at(set, toks, i - 1, 3, |e| e.col(0) != "up_to");
    }
    let (e, s) = best?;
    let q = Qualifier::parse(e.col(0))?;
    Some((q, s))
}
