//! The mentions of a document, as `factline mentions` shows them: the
//! same numbers, amounts, quantities, percents and dates that records are
//! built on, with character offsets and values.

use serde::Serialize;

use crate::dims::{Anchor, Kind};
use crate::text::Document;

/// One mention of a document, ready to print.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Found {
    /// The document.
    pub doc_id: String,
    /// number, money, quantity, percent, date, duration or set.
    pub kind: Kind,
    /// The words as they stand in the text.
    pub text: String,
    /// Char offset of the first char.
    pub start: usize,
    /// Char offset one past the last char.
    pub end: usize,
    /// Value in base units (percent for percents).
    pub value: Option<f64>,
    /// Upper end of a range.
    pub value_max: Option<f64>,
    /// ISO 4217, a quantity unit, `%`, or the unit of time of a duration
    /// or set (`day`, `week`, `month`, `year`).
    pub unit: Option<String>,
    /// exact, approx, over, under, up_to.
    pub qualifier: crate::record::Qualifier,
    /// First day of a date's period.
    pub period_start: Option<chrono::NaiveDate>,
    /// Last day of a date's period.
    pub period_end: Option<chrono::NaiveDate>,
    /// day, month, quarter, half, year or range.
    pub grain: Option<&'static str>,
    /// The rules that made it.
    pub rules: crate::dims::RuleNames,
}

/// Every mention of a document, in text order, by the rules of the
/// language its letters show.
pub fn mentions(doc: &Document) -> Vec<Found> {
    mentions_in(doc, crate::lang::Lang::detect(&doc.text))
}

/// Every mention of a document by the rules of one language.
pub fn mentions_in(doc: &Document, lang: crate::lang::Lang) -> Vec<Found> {
    let Some(g) = crate::grammar::of(lang) else {
        return Vec::new();
    };
    let anchor = Anchor {
        published: doc.published,
    };
    let mut out = Vec::new();
    for s in g.sentences(&doc.text) {
        let toks = g.tokenize(&doc.text, s.start, s.end);
        for m in g.all_mentions(&toks, anchor) {
            let (b0, b1) = m.span(&toks);
            out.push(Found {
                doc_id: doc.id.clone(),
                kind: m.kind,
                text: doc.text[b0..b1].to_string(),
                start: s.char_at(&doc.text, b0),
                end: s.char_at(&doc.text, b1),
                value: m.value,
                value_max: m.value_max,
                unit: m.unit,
                qualifier: m.qualifier,
                period_start: m.period.and_then(|p| p.start),
                period_end: m.period.and_then(|p| p.end),
                grain: m.period.map(|p| p.grain.as_str()),
                rules: m.rules,
            });
        }
    }
    out
}
