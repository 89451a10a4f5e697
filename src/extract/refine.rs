//! One plant, one key: an article that calls a plant by its product now
//! plainly (`glass production`, `производство стекла`) and now exactly
//! (`flat glass`, `листового стекла`) in the same place speaks of one
//! plant, keyed by the exact product; the records a sentence then gives
//! twice for it are one.

use super::Reading;
use crate::classify::plant::Plant;
use crate::record::Record;

/// `за весь год товарооборот составит $60 млрд … «Товарооборот должен
/// достигнуть $60 млрд»`: a figure said again with no period of its own
/// (same metric, subject, value and unit) is of the period said first;
/// for flows, whose figures always have one.
pub(super) fn restated_periods(rs: &mut [Reading]) {
    // The first saying of each figure, by where it is; a restatement is
    // never one, so what is read here does not change below.
    let mut said: Vec<&Record> = Vec::new();
    let mut periods = Vec::new();
    for (k, x) in rs.iter().flat_map(|r| &r.records).enumerate() {
        let bare = x.period_start.is_none()
            && x.period_end.is_none()
            && x.value.is_some()
            && super::is_flow(x.metric);
        let first = said.iter().find(|y| same_figure(x, y));
        match first {
            Some(y) if bare && y.period_end.is_some() => {
                periods.push((k, y.period_start, y.period_end));
            }
            _ => said.push(x),
        }
    }
    let mut periods = periods.into_iter().peekable();
    for (k, x) in rs.iter_mut().flat_map(|r| &mut r.records).enumerate() {
        if let Some((start, end)) = periods.next_if(|p| p.0 == k).map(|p| (p.1, p.2)) {
            x.period_start = start;
            x.period_end = end;
            x.rules
                .push("period:<of the same figure said before>".into());
        }
    }
}

/// Whether two records give one figure: metric, subject, value and unit.
fn same_figure(x: &Record, y: &Record) -> bool {
    y.metric == x.metric && y.subject == x.subject && y.value == x.value && y.unit == x.unit
}

/// Rekeys the records of a plain product to the one exact product of the
/// same place, and drops what that makes a repeat within a sentence.
pub(super) fn plant_keys(rs: &mut [Reading]) {
    let keys: Vec<String> = rs
        .iter()
        .flat_map(|r| r.records.iter())
        .filter_map(|x| x.subject.clone())
        .filter(|s| Plant::from_key(s).is_some())
        .collect();
    for r in rs.iter_mut() {
        for x in r.records.iter_mut() {
            if let Some(fine) = x.subject.as_deref().and_then(|k| exact_of(k, &keys)) {
                x.subject = Some(fine);
            }
        }
        dedup(&mut r.records);
    }
}

/// `Кызылорда/стекло` → `Кызылорда/листовое стекло`, when that is the
/// one key of the place whose product ends with this one's words.
fn exact_of(key: &str, keys: &[String]) -> Option<String> {
    let (place, product) = key.split_once('/')?;
    let mut finer: Vec<&String> = keys
        .iter()
        .filter(|k| {
            k.split_once('/').is_some_and(|(p, q)| {
                p == place
                    && q.strip_suffix(product)
                        .is_some_and(|head| head.ends_with(' '))
            })
        })
        .collect();
    finer.sort();
    finer.dedup();
    (finer.len() == 1).then(|| finer[0].clone())
}

/// Records equal in what they say and where (metric, subject, value,
/// unit, status, period, span) are one.
fn dedup(records: &mut Vec<Record>) {
    let same = |x: &Record, y: &Record| {
        same_figure(x, y)
            && y.status == x.status
            && y.period_start == x.period_start
            && y.period_end == x.period_end
            && y.span_start == x.span_start
            && y.span_end == x.span_end
    };
    // A record goes when one kept before it says the same.
    let mut keep = vec![true; records.len()];
    for i in 0..records.len() {
        keep[i] = !(0..i).any(|j| keep[j] && same(&records[j], &records[i]));
    }
    let mut keep = keep.into_iter();
    records.retain(|_| keep.next().unwrap_or(true));
}
