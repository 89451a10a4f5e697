//! The Russian qualifier words before a figure (`почти`, `более чем`,
//! `не менее`), read with `data/ru/qualifiers.tsv`.

use crate::record::Qualifier;
use crate::text::token::Token;

/// The qualifier words just before token `i` (`почти`, `более чем`,
/// `не менее`), skipping one preposition (`почти на 4 млрд`):
/// (qualifier, first token of the words).
pub fn qualifier_before(toks: &[Token], i: usize) -> Option<(Qualifier, usize)> {
    let set = crate::grammar::ru::qualifiers();
    let mut best = None;
    for back in 1..=4 {
        let Some(s) = i.checked_sub(back) else { break };
        if let Some((n, e)) = set.longest_at(toks, s)
            && s + n == i
        {
            best = Some((e, s));
        }
    }
    // `почти на`, `более чем на`: one preposition between.
    if best.is_none() && i >= 2 && matches!(toks[i - 1].lower.as_str(), "на" | "в" | "с") {
        for back in 2..=4 {
            let Some(s) = i.checked_sub(back) else { break };
            if let Some((n, e)) = set.longest_at(toks, s)
                && s + n == i - 1
                && e.col(0) != "up_to"
            {
                best = Some((e, s));
            }
        }
    }
    let (e, s) = best?;
    let q = Qualifier::parse(e.col(0))?;
    Some((q, s))
}
