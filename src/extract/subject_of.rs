//! Whom a record is about: the plant it belongs to (`place/product`) or
//! the parties; and the launch records of a date, one per plant product.

use super::{Context, Reading, base_record, pick_status};
use crate::classify::plant::Plant;
use crate::classify::subject;
use crate::dims::{Kind, Mention};
use crate::lexicon;
use crate::record::{Metric, Qualifier, Record};
use crate::text::Document;

/// Metrics that belong to one plant when one is named.
fn plant_level(metric: Metric) -> bool {
    matches!(
        metric,
        Metric::Capacity
            | Metric::Output
            | Metric::LaunchDate
            | Metric::Investment
            | Metric::Exports
    )
}

/// The plant a figure at token `at` belongs to: the nearest named before
/// it, else after it, else the one the paragraph was about.
fn plant_for<'a>(r: &'a Reading, ctx: &'a Context, at: usize) -> Option<&'a Plant> {
    let named: Vec<&Plant> = r.plants.iter().filter(|p| p.place.is_some()).collect();
    named
        .iter()
        .rev()
        .find(|p| p.start <= at)
        .or_else(|| named.first())
        .copied()
        .or({
            if r.parties.is_empty() {
                ctx.plant.as_ref()
            } else {
                None
            }
        })
}

/// What a quantity says is made: `тонн полиэтилена` → полиэтилен,
/// `тракторов` → трактор (not a mere unit such as `тонн` or `штук`).
fn product_of(r: &Reading, m: &Mention) -> Option<String> {
    if m.kind != Kind::Quantity {
        return None;
    }
    for k in m.num_tok..m.tok_end {
        if let Some((_, e)) = lexicon::products().longest_at(&r.toks[..m.tok_end], k) {
            return Some(e.col(0).to_string());
        }
    }
    const GENERIC: [&str; 10] = [
        "mass",
        "штука",
        "изделие",
        "техника",
        "машина",
        "человек",
        "место",
        "рабочее место",
        "проект",
        "комплект",
    ];
    m.class.clone().filter(|c| !GENERIC.contains(&c.as_str()))
}

/// The plant key of a figure: the plant's own product, or the product
/// the figure (or another quantity of the sentence) names.
fn plant_key(r: &Reading, ctx: &Context, at: usize, m: Option<&Mention>) -> Option<String> {
    let p = plant_for(r, ctx, at)?;
    if let Some(k) = p.keys().into_iter().next() {
        return Some(k);
    }
    let product = m
        .and_then(|m| product_of(r, m))
        .or_else(|| r.mentions.iter().find_map(|x| product_of(r, x)));
    match product {
        Some(product) => p.key_with(&product),
        // `мощность сборочного производства` after `выпускать электробусы`:
        // the plant whose product the sentence named.
        None => r.plants.iter().find_map(|q| q.keys().into_iter().next()),
    }
}

/// The subject of a record and the rule that chose it.
pub(super) fn subject_for(
    r: &Reading,
    ctx: &Context,
    m: Option<&Mention>,
    at: usize,
    metric: Metric,
) -> (Option<String>, String) {
    if plant_level(metric)
        && let Some(k) = plant_key(r, ctx, at, m)
    {
        return (Some(k), "subject:<plant>".into());
    }
    let own = subject::codes(&r.parties);
    if matches!(metric, Metric::Exports | Metric::Imports) {
        let others = subject::parties_for(&own, &ctx.parties, &ctx.doc_parties);
        let dir = subject::direction(metric, &r.toks, &r.parties, &others);
        return match dir {
            Some(d) => (Some(d), "subject:<direction>".into()),
            None => (subject::key(&others), "subject:<parties>".into()),
        };
    }
    if matches!(metric, Metric::Output | Metric::Capacity) {
        return (subject::key(&own), "subject:<sentence parties>".into());
    }
    let all = subject::parties_for(&own, &ctx.parties, &ctx.doc_parties);
    (subject::key(&all), "subject:<parties>".into())
}

/// The launch records of a date: one per product of the plant it belongs
/// to, or one for the parties when it belongs to none.
pub(super) fn launch_records(
    doc: &Document,
    r: &Reading,
    ctx: &Context,
    m: &Mention,
    cue: &str,
) -> Vec<Record> {
    let mut base = base_record(doc, r, m, Metric::LaunchDate);
    base.value = None;
    base.value_max = None;
    base.unit = None;
    base.qualifier = Qualifier::Exact;
    base.rules.push(cue.to_string());
    let Some(p) = m.period else { return Vec::new() };
    base.period_start = p.start;
    base.period_end = p.end;
    let fig = (m.tok_start, m.tok_end);
    let (st, rule) = pick_status(r, ctx, fig, Metric::LaunchDate, Some(p), doc.published);
    base.status = st;
    base.rules.push(rule);
    let keys = match plant_for(r, ctx, m.tok_start) {
        Some(p) if !p.keys().is_empty() => p.keys(),
        _ => plant_key(r, ctx, m.tok_start, None).into_iter().collect(),
    };
    if keys.is_empty() {
        let all = subject::parties_for(&subject::codes(&r.parties), &ctx.parties, &ctx.doc_parties);
        base.subject = subject::key(&all);
        base.rules.push("subject:<parties>".into());
        return vec![base];
    }
    keys.into_iter()
        .map(|k| {
            let mut rec = base.clone();
            rec.subject = Some(k);
            rec.rules.push("subject:<plant>".into());
            rec
        })
        .collect()
}
