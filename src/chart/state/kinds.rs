//! Phase 4 of the chart state: the marks of each kind (line, stock,
//! timeline, target) from the selected records, already scaled and
//! labelled.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::chart::marks::{Body, Lane, LaneMark, LinePoint, LineSeries};
use crate::chart::marks::{StockBar, StockSegment, TargetRow};
use crate::chart::rows::RecordRow;
use crate::chart::spec::{ChartSpec, Lang, XAxis};
use crate::chart::words::{self, Scale, pick};
use crate::record::Status;

fn label(r: &RecordRow, scale: &Scale, lang: Lang) -> String {
    let v = r.value.unwrap_or(0.0) / scale.divisor;
    let mut s = words::format_number(v, lang);
    if let Some(max) = r.value_max {
        s.push('–');
        s.push_str(&words::format_number(max / scale.divisor, lang));
    }
    s
}

fn subject_of(r: &RecordRow, lang: Lang) -> String {
    match &r.subject {
        Some(s) => words::subject_name(s, lang),
        None => pick(lang, "без субъекта", "no subject").to_string(),
    }
}

/// Most points a line chart writes numbers on.
const MAX_LABELLED: usize = 16;

/// Phase 4, line: one series per subject over the spec's x date; a figure
/// repeated for the same date and status is drawn once.
pub(super) fn line(spec: &ChartSpec, rows: &[&RecordRow], scale: &Scale) -> Body {
    let mut by_subject: BTreeMap<String, Vec<LinePoint>> = BTreeMap::new();
    for r in rows {
        let date = match spec.x {
            XAxis::Period => period_middle(r).or(r.published),
            XAxis::Published => r.published,
        };
        let (Some(date), Some(value)) = (date, r.value) else {
            continue;
        };
        let points = by_subject.entry(subject_of(r, spec.lang)).or_default();
        let point = LinePoint {
            date,
            value: value / scale.divisor,
            value_max: r.value_max.map(|v| v / scale.divisor),
            hollow: !matches!(r.status, Status::Actual | Status::Ongoing),
            label: label(r, scale, spec.lang),
            record_id: r.record_id.clone(),
        };
        let same = |p: &LinePoint| {
            p.date == point.date && p.hollow == point.hollow && p.label == point.label
        };
        if !points.iter().any(same) {
            points.push(point);
        }
    }
    // Past this many points the numbers would cover each other; the axis
    // and the report's tables carry them.
    let labelled = by_subject.values().map(Vec::len).sum::<usize>() <= MAX_LABELLED;
    let series: Vec<LineSeries> = by_subject
        .into_iter()
        .map(|(name, mut points)| {
            points.sort_by(|a, b| {
                (a.date, b.value)
                    .partial_cmp(&(b.date, a.value))
                    .unwrap_or(std::cmp::Ordering::Equal)
            });
            share_labels(&mut points);
            if !labelled {
                points.iter_mut().for_each(|p| p.label.clear());
            }
            LineSeries { name, points }
        })
        .collect();
    let dates: Vec<NaiveDate> = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.date))
        .collect();
    let (Some(first), Some(last)) = (dates.iter().min(), dates.iter().max()) else {
        return Body::Empty;
    };
    let y_top = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.value_max.unwrap_or(p.value)))
        .fold(0.0, f64::max);
    Body::Line {
        series,
        x_range: pad_dates(*first, *last),
        y_max: nice_top(y_top),
    }
}

/// Revised figures share a date: the highest point carries all their
/// numbers ("28 / 26"), top to bottom, and the others none, so labels
/// never sit on each other. Points are sorted by date, highest first.
fn share_labels(points: &mut [LinePoint]) {
    let mut i = 0;
    while i < points.len() {
        let mut j = i + 1;
        while j < points.len() && points[j].date == points[i].date {
            j += 1;
        }
        if j - i > 1 {
            let all: Vec<String> = points[i..j].iter().map(|p| p.label.clone()).collect();
            points[i].label = all.join(" / ");
            for p in &mut points[i + 1..j] {
                p.label.clear();
            }
        }
        i = j;
    }
}

/// The middle of a record's period: a year's figure sits within its year.
fn period_middle(r: &RecordRow) -> Option<NaiveDate> {
    match (r.period_start, r.period_end) {
        (Some(s), Some(e)) => Some(s + (e - s) / 2),
        (s, e) => e.or(s),
    }
}

/// Widens a date range to whole years, with a year's room on the right
/// when the last date is late in its year (labels go there).
fn pad_dates(first: NaiveDate, last: NaiveDate) -> (NaiveDate, NaiveDate) {
    use chrono::Datelike;
    let jan1 = |y: i32| NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(first);
    let mut end_year = last.year() + 1;
    if last.ordinal() > 250 {
        end_year += 1;
    }
    (jan1(first.year()), jan1(end_year))
}

/// Room above the tallest mark for its label.
fn nice_top(top: f64) -> f64 {
    if top <= 0.0 { 1.0 } else { top * 1.18 }
}

/// Phase 4, stock: one stacked bar per statement (document, date and
/// subject), one segment per status; a status said twice in one document
/// counts once, with its largest figure.
pub(super) fn stock(spec: &ChartSpec, rows: &[&RecordRow], scale: &Scale) -> Body {
    type Key = (Option<NaiveDate>, String, String);
    let mut groups: BTreeMap<Key, BTreeMap<Status, &RecordRow>> = BTreeMap::new();
    for r in rows {
        let key = (
            r.published,
            r.doc_id.clone(),
            r.subject.clone().unwrap_or_default(),
        );
        let slot = groups.entry(key).or_default().entry(r.status).or_insert(r);
        if r.value > slot.value {
            *slot = r;
        }
    }
    let subjects: std::collections::BTreeSet<String> = groups.keys().map(|k| k.2.clone()).collect();
    let lang = spec.lang;
    let bars: Vec<StockBar> = groups
        .into_iter()
        .map(|((published, doc, subject), statuses)| {
            let mut label = match published {
                Some(d) => words::format_date(d, lang),
                None => doc.clone(),
            };
            let mut short = match published {
                Some(d) => d.format("%m.%Y").to_string(),
                None => doc,
            };
            if subjects.len() > 1 {
                label = format!("{label} · {}", words::subject_name(&subject, lang));
                short = format!("{short} · {subject}");
            }
            let segments = statuses
                .into_values()
                .map(|r| StockSegment {
                    status: r.status,
                    value: r.value.unwrap_or(0.0) / scale.divisor,
                    label: label_of(r, scale, lang),
                    record_id: r.record_id.clone(),
                })
                .collect();
            StockBar {
                label,
                short,
                segments,
            }
        })
        .collect();
    if bars.is_empty() {
        return Body::Empty;
    }
    let top = bars
        .iter()
        .map(|b| b.segments.iter().map(|s| s.value).sum::<f64>())
        .fold(0.0, f64::max);
    Body::Stock {
        bars,
        y_max: nice_top(top),
    }
}

fn label_of(r: &RecordRow, scale: &Scale, lang: Lang) -> String {
    label(r, scale, lang)
}

/// Phase 4, timeline: per plant, every announcement of its launch window
/// in publication order, each compared with the one before it.
pub(super) fn timeline(spec: &ChartSpec, rows: &[&RecordRow]) -> Body {
    let lang = spec.lang;
    let mut by_plant: BTreeMap<String, Vec<&RecordRow>> = BTreeMap::new();
    for r in rows {
        by_plant.entry(subject_of(r, lang)).or_default().push(r);
    }
    let mut lanes = Vec::new();
    for (plant, mut announced) in by_plant {
        announced.sort_by_key(|r| (r.published, r.record_id.clone()));
        let mut previous_end: Option<NaiveDate> = None;
        let mut shown: Vec<(NaiveDate, NaiveDate, &str)> = Vec::new();
        for r in announced {
            let (Some(start), Some(end)) = window(r) else {
                continue;
            };
            // The same window said twice in one document is one announcement.
            if shown.contains(&(start, end, r.doc_id.as_str())) {
                continue;
            }
            let mark = match (r.status, previous_end) {
                (Status::Actual, _) => LaneMark::Launched,
                (_, Some(prev)) if end > prev => LaneMark::Slipped,
                _ => LaneMark::Announced,
            };
            previous_end = Some(end);
            let (start_shown, end_shown) = visible(start, end);
            lanes.push(Lane {
                name: if shown.is_empty() {
                    plant.clone()
                } else {
                    String::new()
                },
                start: start_shown,
                end: end_shown,
                label: announcement(r, lang),
                mark,
                record_id: r.record_id.clone(),
            });
            shown.push((start, end, r.doc_id.as_str()));
        }
    }
    let today = spec
        .as_of
        .unwrap_or_else(|| chrono::Utc::now().date_naive());
    let first = lanes.iter().map(|l| l.start).min();
    let last = lanes.iter().map(|l| l.end).max();
    let (Some(first), Some(last)) = (first, last) else {
        return Body::Empty;
    };
    Body::Timeline {
        lanes,
        x_range: pad_dates(first.min(today), last.max(today)),
        today,
    }
}

/// A launch window; a single date is a window of one month ending there.
fn window(r: &RecordRow) -> (Option<NaiveDate>, Option<NaiveDate>) {
    match (r.period_start, r.period_end) {
        (Some(s), Some(e)) => (Some(s.min(e)), Some(e.max(s))),
        (Some(s), None) => (Some(s), Some(s + chrono::Duration::days(30))),
        (None, Some(e)) => (Some(e - chrono::Duration::days(30)), Some(e)),
        (None, None) => (None, None),
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

fn announcement(r: &RecordRow, lang: Lang) -> String {
    let period = words::format_period(r.period_start, r.period_end, lang);
    let when = match r.published {
        Some(d) => words::format_date(d, lang),
        None => "?".to_string(),
    };
    match lang {
        Lang::Ru => format!("{period}: заявлено {when} ({})", r.doc_id),
        Lang::En => format!("{period}: announced {when} ({})", r.doc_id),
    }
}

/// Phase 4, target: per subject and unit, its latest target (by when it
/// was set) as 100 %, and its latest actual (by the end of its period, a
/// stock by its publication) as a share of it, as `compare::targets`
/// reads "latest". Each row has its own scale, so a small target is as
/// legible as a large one.
pub(super) fn target(spec: &ChartSpec, rows: &[&RecordRow]) -> Body {
    let lang = spec.lang;
    let mut groups: BTreeMap<(String, String), Vec<&RecordRow>> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.value.is_some()) {
        let key = (subject_of(r, lang), r.unit.clone().unwrap_or_default());
        groups.entry(key).or_default().push(r);
    }
    let mut out = Vec::new();
    for ((name, _), records) in groups {
        let latest = |status: Status| {
            records
                .iter()
                .filter(|r| r.status == status)
                .max_by_key(|r| match status {
                    Status::Target => (r.published, r.period_end, r.record_id.clone()),
                    _ => (
                        r.period_end.or(r.published),
                        r.published,
                        r.record_id.clone(),
                    ),
                })
                .copied()
        };
        if let Some(goal) = latest(Status::Target) {
            out.push(target_row(&name, goal, latest(Status::Actual), lang));
        }
    }
    if out.is_empty() {
        return Body::Empty;
    }
    let top = out.iter().filter_map(|r| r.share).fold(100.0, f64::max);
    Body::Target {
        rows: out,
        x_max: (top * 1.1 + 70.0).max(215.0),
    }
}

fn target_row(name: &str, goal: &RecordRow, actual: Option<&RecordRow>, lang: Lang) -> TargetRow {
    let deadline = goal.period_end.map(|d| d.format("%Y").to_string());
    let name = match deadline {
        Some(y) => format!("{name} · {} {y}", pick(lang, "цель к", "target by")),
        None => format!("{name} · {}", pick(lang, "цель", "target")),
    };
    let unit = goal.unit.as_deref().unwrap_or("");
    let g = goal.value.unwrap_or(0.0);
    let Some((a, actual)) = actual.and_then(|r| r.value.map(|v| (v, r))) else {
        let shown = words::format_value(g, goal.value_max, unit, lang);
        return TargetRow {
            name,
            share: None,
            label: format!("{shown}, {}", pick(lang, "факта нет", "no actual yet")),
            target_id: goal.record_id.clone(),
            actual_id: None,
        };
    };
    let scale = words::scale_for(unit, a.abs().max(g.abs()), lang);
    let when = actual
        .period_end
        .or(actual.published)
        .map(|d| d.format("%Y").to_string())
        .unwrap_or_default();
    let share = (g > 0.0).then(|| a / g * 100.0);
    let mut label = format!(
        "{} {when}: {} {} {}",
        pick(lang, "факт", "actual"),
        words::format_number(a / scale.divisor, lang),
        pick(lang, "из", "of"),
        words::format_number(g / scale.divisor, lang),
    );
    if !scale.label.is_empty() {
        label = format!("{label} {}", scale.label);
    }
    if let Some(p) = share {
        label = format!("{label} = {} %", words::format_number(p.round(), lang));
    }
    TargetRow {
        name,
        share,
        label,
        target_id: goal.record_id.clone(),
        actual_id: Some(actual.record_id.clone()),
    }
}
