//! Classification: which metric a figure measures, its status, its
//! qualifier and its subject. Rules read the cue words of `data/` around
//! each figure; the nearer a cue, the stronger (see `cost`).

pub mod elided;
pub mod filters;
pub mod lemma;
pub mod metric;
pub mod place;
pub mod plant;
pub mod status;
pub mod subject;

use crate::dims::Mention;
use crate::lexicon::{Entry, PhraseSet};
use crate::text::token::{TokKind, Token};

/// A cue word found in a sentence.
#[derive(Debug, Clone)]
pub struct Cue<'a> {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The lexicon line.
    pub entry: &'a Entry,
}

impl Cue<'_> {
    /// The rule name for explanations: `metric_cues:товарооборот*`.
    pub fn name(&self, lexicon: &str) -> String {
        [lexicon, ":", &self.entry.pattern].concat()
    }
}

/// Every cue of a lexicon in a sentence.
pub fn cues<'a>(set: &'a PhraseSet, toks: &[Token]) -> Vec<Cue<'a>> {
    set.find_all(toks, 0, toks.len())
        .into_iter()
        .map(|(start, n, entry)| Cue {
            start,
            end: start + n,
            entry,
        })
        .collect()
}

/// How far a cue is from a figure, in tokens, with a price for each
/// clause boundary and each other figure between them. A cue after the
/// figure costs more than one before it (Russian puts the noun first:
/// `товарооборот … составил 4 млрд`).
pub fn cost(
    toks: &[Token],
    mentions: &[Mention],
    cue: (usize, usize),
    fig: (usize, usize),
) -> usize {
    let (lo, hi, after) = if cue.1 <= fig.0 {
        (cue.1, fig.0, false)
    } else if cue.0 >= fig.1 {
        (fig.1, cue.0, true)
    } else {
        return 0;
    };
    let mut c = hi - lo;
    // An aside in brackets (`товарооборот (Турции с Татарстаном - ИФ)
    // составляет`) counts as one word.
    let mut depth = 0usize;
    for (k, t) in toks[lo..hi].iter().enumerate() {
        if t.is("(") {
            depth += 1;
            continue;
        }
        if t.is(")") && depth > 0 {
            depth -= 1;
            continue;
        }
        if depth > 0 {
            c -= 1;
            continue;
        }
        // The full stop of `тыс.` or `долл.` inside a sentence is no boundary.
        let abbreviation = t.is(".") && toks.get(lo + k + 1).is_some_and(|n| !n.cap);
        if !abbreviation {
            c += boundary_price(t);
        }
    }
    // A bare number left without a unit (`вырос в 2 раза, до …`) is a
    // factor, not a figure that competes for the cue.
    let between = mentions
        .iter()
        .filter(|m| m.is_measure())
        .filter(|m| m.tok_start >= lo && m.tok_end <= hi)
        .count();
    c += 4 * between;
    if after { 2 * c + 3 } else { c }
}

fn boundary_price(t: &Token) -> usize {
    if t.kind != TokKind::Punct {
        return 0;
    }
    match t.lower.as_str() {
        ";" | "(" | ")" | ":" | "." | "!" | "?" => 12,
        "," => 4,
        "«" | "»" | "\"" => 2,
        _ => 0,
    }
}
