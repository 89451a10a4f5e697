//! The English qualifier words before a figure (`about`, `more than`,
//! `at least`, `up to`), read with `data/en/qualifiers.tsv`.

use crate::dims::Mention;
use crate::record::Qualifier;
use crate::text::token::Token;

/// The qualifier words just before token `i` (`about`, `more than`, `at
/// least`, `up to`): (qualifier, first token of the words).
pub fn qualifier_before(toks: &[Token], i: usize) -> Option<(Qualifier, usize)> {
    let (e, s) = super::ending_at(crate::grammar::en::qualifiers(), toks, i, 4, |_| true)?;
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
