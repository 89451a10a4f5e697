//! FILTERS: figures that look like statements but are not (each
//! language's own rules, `ru.rs`), and one figure restated in another
//! currency (`2,4 трлн рублей (около $28 млрд)`), which copies the record
//! before.

pub mod ru;

use crate::dims::Kind;
use crate::extract::Reading;
use crate::record::Record;
use crate::text::Document;

/// `X рублей (около $28 млрд)`: the amount in brackets restates the one
/// before it; same record, other currency.
/// With the record it copies: its index in `out`.
pub fn restated(doc: &Document, r: &Reading, k: usize, out: &[Record]) -> Option<(Record, usize)> {
    let m = &r.mentions[k];
    let prev = r.mentions[..k].last()?;
    let bracket = m
        .tok_start
        .checked_sub(1)
        .is_some_and(|b| r.toks[b].is("(") && b == prev.tok_end);
    if m.kind != Kind::Money || prev.kind != Kind::Money || !bracket {
        return None;
    }
    let from = out
        .iter()
        .rposition(|x| x.unit == prev.unit && x.value == prev.value)?;
    let last = &out[from];
    let (b0, b1) = m.span(&r.toks);
    let mut rec = last.clone();
    rec.value = m.value;
    rec.value_max = m.value_max;
    rec.unit = m.unit.clone();
    rec.qualifier = m.qualifier;
    rec.span_start = r.sentence.char_at(&doc.text, b0);
    rec.span_end = r.sentence.char_at(&doc.text, b1);
    rec.rules
        .push("<amount> (<amount in another currency>)".into());
    Some((rec, from))
}
