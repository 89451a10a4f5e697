//! Subjects of trade and of sets: the sides of exports and imports when
//! the words leave them open, and the region of a set of projects.

use super::Reading;
use crate::classify::subject;
use crate::record::Metric;

/// `A>B` → `B>A`.
pub(super) fn reverse(d: &str) -> String {
    match d.split_once('>') {
        Some((a, b)) => [b, ">", a].concat(),
        None => d.to_string(),
    }
}

/// Whether a cue of the other flow (`экспорт` for imports) stands before
/// the figure in its sentence.
pub(super) fn flow_cue_before(r: &Reading, flow: Metric, at: usize) -> bool {
    r.metric_cues
        .iter()
        .any(|c| c.end <= at && Metric::parse(c.entry.col(0)) == Some(flow))
}

/// The nearest cue of a flow before the figure, if the sentence has one.
pub(super) fn own_cue_before(r: &Reading, flow: Metric, at: usize) -> Option<usize> {
    r.metric_cues
        .iter()
        .filter(|c| c.end <= at && Metric::parse(c.entry.col(0)) == Some(flow))
        .map(|c| c.start)
        .next_back()
}

/// Exports and imports with no partner words: the statistics are those of
/// the party the document is most about, so exports run from it and
/// imports to it (decision 51); one party alone is the world trade of it.
pub(super) fn reporter_direction(
    metric: Metric,
    parties: &[String],
    doc: &[String],
) -> (Option<String>, String) {
    let pair = subject::key(parties);
    let reporter = doc.iter().find(|c| parties.contains(c));
    let other = reporter.and_then(|r| {
        parties
            .iter()
            .find(|c| *c != r && !c.starts_with(r.as_str()))
    });
    match (reporter, other) {
        (Some(a), Some(b)) if pair.as_deref().is_some_and(|p| p.matches('+').count() == 1) => {
            let d = if metric == Metric::Exports {
                [a.as_str(), ">", b].concat()
            } else {
                [b.as_str(), ">", a].concat()
            };
            (Some(d), "subject:<the reporting party's trade>".into())
        }
        _ => (pair, "subject:<parties>".into()),
    }
}

/// The ISO 3166-2 code of the one region a sentence names, if the
/// places lexicon gives it one.
/// A place of another country (`с участием оренбургских компаний`) makes
/// the set a joint one.
pub(super) fn region_code(r: &Reading) -> Option<String> {
    let places = &r.places;
    let mut codes: Vec<&str> = places
        .iter()
        .map(|(_, _, e)| e.col(3))
        .filter(|c| !c.is_empty())
        .collect();
    codes.dedup();
    let [one] = codes.as_slice() else {
        return None;
    };
    let country = one.split('-').next().unwrap_or("");
    places
        .iter()
        .all(|(_, _, e)| e.col(2) == country)
        .then(|| one.to_string())
}
