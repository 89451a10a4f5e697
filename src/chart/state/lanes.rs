//! Phase 4 of the chart state for timelines: one lane per announcement
//! of `compare::launches`, coloured by its verdict, and the words of a
//! verdict that the report shares.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::LeftOut;
use super::kinds::{Laid, MAX_LANES, pad_dates};
use crate::chart::compared::Announcement;
use crate::chart::labels::{count, fill, word};
use crate::chart::marks::{Body, Lane, LaneMark};
use crate::chart::spec::{ChartSpec, Lang};
use crate::chart::words;
use crate::record::Status;

/// Phase 4, timeline: per plant, every announcement of its launch window
/// in the order `compare::launches` gives, coloured by its verdict. Plants
/// with a slip, then with the most announcements, come first, up to
/// [`MAX_LANES`] lanes.
pub(crate) fn timeline(spec: &ChartSpec, anns: Vec<&Announcement>, left: &mut LeftOut) -> Laid {
    let lang = spec.lang;
    let mut by_plant: BTreeMap<String, Vec<&Announcement>> = BTreeMap::new();
    for a in anns
        .into_iter()
        .filter(|a| a.period_start.or(a.period_end).is_some())
    {
        by_plant.entry(a.subject.clone()).or_default().push(a);
    }
    let mut plants: Vec<(String, Vec<&Announcement>)> = by_plant.into_iter().collect();
    let slipped = |v: &[&Announcement]| v.iter().any(|a| a.verdict == "slipped");
    plants.sort_by_key(|(_, v)| (!slipped(v), std::cmp::Reverse(v.len())));
    let mut lanes = Vec::new();
    let mut sources = Vec::new();
    for (plant, announced) in plants {
        let room = MAX_LANES - lanes.len();
        if announced.len() > room && !lanes.is_empty() {
            left.hidden += 1;
            continue;
        }
        // A plant alone past the bound keeps its latest announcements.
        let skip = announced.len().saturating_sub(room);
        for (i, a) in announced.into_iter().skip(skip).enumerate() {
            let (start, end) = window(a);
            let mark = match (a.status, a.verdict.as_str()) {
                (Status::Actual, _) => LaneMark::Launched,
                (_, "slipped") => LaneMark::Slipped,
                _ => LaneMark::Announced,
            };
            let (start_shown, end_shown) = visible(start, end);
            sources.push((a.published, a.doc_id.clone()));
            lanes.push(Lane {
                name: if i == 0 {
                    words::subject_name(&plant, lang)
                } else {
                    String::new()
                },
                start: start_shown,
                end: end_shown,
                label: announcement(a, lang),
                mark,
                record_id: a.record_id.clone(),
            });
        }
    }
    let today = spec
        .as_of
        .unwrap_or_else(|| chrono::Utc::now().date_naive());
    let first = lanes.iter().map(|l| l.start).min();
    let last = lanes.iter().map(|l| l.end).max();
    let (Some(first), Some(last)) = (first, last) else {
        return Laid::empty();
    };
    Laid {
        body: Body::Timeline {
            lanes,
            x_range: pad_dates(first.min(today), last.max(today)),
            today,
        },
        sources,
    }
}

/// A launch window; a single date is a window of one month ending there.
fn window(a: &Announcement) -> (NaiveDate, NaiveDate) {
    let month = chrono::Duration::days(30);
    match (a.period_start, a.period_end) {
        (Some(s), Some(e)) => (s.min(e), e.max(s)),
        (Some(s), None) => (s, s + month),
        (None, Some(e)) => (e - month, e),
        (None, None) => unreachable!("lanes have a window"),
    }
}

/// A window drawn at least a month wide, centred on the real one, so a
/// single day still shows as a bar; its label keeps the real dates.
fn visible(start: NaiveDate, end: NaiveDate) -> (NaiveDate, NaiveDate) {
    let short = 30 - (end - start).num_days();
    if short <= 0 {
        return (start, end);
    }
    let before = chrono::Duration::days(short / 2);
    (start - before, end + chrono::Duration::days(short) - before)
}

/// "2023: заявлено 10.05.2023 (005)", with the verdict when it moved.
fn announcement(a: &Announcement, lang: Lang) -> String {
    let period = words::format_period(a.period_start, a.period_end, lang);
    let when = match a.published {
        Some(d) => words::format_date(d, lang),
        None => "?".to_string(),
    };
    let moved = verdict_words(a, lang);
    let tail = if moved.is_empty() {
        String::new()
    } else {
        format!(", {moved}")
    };
    let args: [(&str, &dyn std::fmt::Display); 4] = [
        ("period", &period),
        ("when", &when),
        ("doc", &a.doc_id),
        ("tail", &tail),
    ];
    fill(lang, "lanes.announced", &args)
}

/// How an announcement moved against the one before, in words ("позже
/// на 6 мес."), from `compare`'s verdict and shift.
pub fn verdict_words(a: &Announcement, lang: Lang) -> String {
    let months = a.shift_days.map(|d| (d / 30.4).round().abs() as i64);
    let span = months.map(|m| duration(m, lang)).unwrap_or_default();
    match a.verdict.as_str() {
        "slipped" => fill(lang, "lanes.slipped", &[("span", &span)]),
        "earlier" => fill(lang, "lanes.earlier", &[("span", &span)]),
        "kept" => word(lang, "lanes.same_window").to_string(),
        _ => String::new(),
    }
}

/// Whole years in years ("8 лет", "2 года"), the rest in months.
pub fn duration(months: i64, lang: Lang) -> String {
    if months < 12 || months % 12 != 0 {
        return count(lang, "duration.months", months);
    }
    count(lang, "duration.years", months / 12)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifts_read_in_years_when_whole() {
        assert_eq!(duration(96, Lang::Ru), "8 лет");
        assert_eq!(duration(24, Lang::Ru), "2 года");
        assert_eq!(duration(12, Lang::Ru), "1 год");
        assert_eq!(duration(132, Lang::Ru), "11 лет");
        assert_eq!(duration(18, Lang::Ru), "18 мес.");
        assert_eq!(duration(12, Lang::En), "1 year");
    }
}
