//! The English qualifier words before a figure (`about`, `more than`,
//! `at least`, `up to`), read with `data/en/qualifiers.tsv`.

use crate::dims::Mention;
use crate::record::Qualifier;
use crate::text::token::Token;

/// The qualifier words just before token `i` (`about`, `more than`, `at
/// least`, `up to`): (qualifier, first token of the words).
pub fn qualifier_before(toks: &[Token], i: usize) -> Option<(Qualifier, usize)> {
    let set = crate::grammar::en::qualifiers();
    let mut best = None;
    for back in 1..=4 {
        let Some(s) = i.checked_sub(back) else { break };
        if let Some((n, e)) = set.longest_at(toks, s)
            && s + n == i
        {
            best = Some((e, s));
        }
    }
    let (e, s) = best?;
    Some((Qualifier::parse(e.col(0))?, s))
}

/// Applies the qualifier before a mention, if any.
pub(crate) fn qualify(toks: &[Token], mut m: Mention, rule: &'static str) -> Mention {
    if let Some((q, s)) = qualifier_before(toks, m.tok_start) {
        m.qualifier = q;
        m.tok_start = s;
        m.rules.push(rule);
    }
    m
}
