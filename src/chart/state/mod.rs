//! Chart state: a spec plus the record frame become the marks to draw, the
//! axis words and the source note, or a message when nothing is selected.
//!
//! The phases, in order:
//! 1. read the frame into plain rows (`chart::rows`);
//! 2. select the spec's metric and subject;
//! 3. keep the most common unit and pick its scale;
//! 4. build the kind's marks (`line`, `stock`, `timeline`, `target`);
//! 5. write title, axis labels and the source note in the spec's language.
//!
//! Phase 4 is in `kinds`. Nothing here draws; `chart::plot` does.

mod kinds;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use polars::prelude::{DataFrame, PolarsResult};

use crate::chart::marks::Body;
use crate::chart::rows::{RecordRow, rows};
use crate::chart::spec::{ChartKind, ChartSpec, Lang, XAxis};
use crate::chart::words::{self, Scale, pick};
use crate::record::{Metric, Status};
use kinds::{line, stock, target, timeline};

/// Everything a chart shows, in words and marks, not yet placed.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartState {
    /// What kind of chart.
    pub kind: ChartKind,
    /// The chart's title.
    pub title: String,
    /// The x axis caption, with its unit.
    pub x_label: String,
    /// The y axis caption, with its unit.
    pub y_label: String,
    /// "Источники: 002 (24.01.2022), …".
    pub source: String,
    /// The spec's own note and any records left out.
    pub note: Option<String>,
    /// Why the chart is empty, when it is.
    pub message: Option<String>,
    /// The marks.
    pub body: Body,
    /// The language of the words (legends are written by the drawing).
    pub lang: Lang,
}

impl ChartState {
    /// The records behind the marks, in drawing order.
    pub fn record_ids(&self) -> Vec<&str> {
        self.body.record_ids()
    }
}

/// Phases 1–5 on a record frame.
pub fn build(spec: &ChartSpec, frame: &DataFrame) -> PolarsResult<ChartState> {
    Ok(from_rows(spec, &rows(frame)?))
}

/// Phases 2–5 on rows already read.
pub fn from_rows(spec: &ChartSpec, all: &[RecordRow]) -> ChartState {
    let lang = spec.lang;
    let selected: Vec<&RecordRow> = all
        .iter()
        .filter(|r| r.metric == spec.metric)
        .filter(|r| spec.subject.is_none() || r.subject == spec.subject)
        .filter(|r| kind_takes(spec.kind, r))
        .collect();
    // Timelines have no values; target rows each have their own scale.
    let (kept, unit, left_out) =
        if spec.metric == Metric::LaunchDate || spec.kind == ChartKind::Target {
            (selected, String::new(), 0)
        } else {
            keep_main_unit(selected)
        };
    let (kept, undated) = drop_undated_plans(spec, kept);
    let (kept, hidden) = keep_main_subjects(spec, kept);
    let scale = words::scale_for(&unit, max_abs(&kept), lang);
    let body = match spec.kind {
        ChartKind::Line => line(spec, &kept, &scale),
        ChartKind::Stock => stock(spec, &kept, &scale),
        ChartKind::Timeline => timeline(spec, &kept),
        ChartKind::Target => target(spec, &kept),
    };
    let ids = body.record_ids();
    let shown: Vec<&RecordRow> = kept
        .iter()
        .copied()
        .filter(|r| ids.contains(&r.record_id.as_str()))
        .collect();
    let (x_label, y_label) = axis_labels(spec, &scale);
    ChartState {
        kind: spec.kind,
        title: spec.title.clone().unwrap_or_else(|| title(spec)),
        x_label,
        y_label,
        source: source_note(&shown, lang),
        note: note(spec, left_out, undated, hidden),
        message: matches!(body, Body::Empty).then(|| empty_message(spec)),
        body,
        lang,
    }
}

/// Which records a kind can show at all.
fn kind_takes(kind: ChartKind, r: &RecordRow) -> bool {
    match kind {
        ChartKind::Timeline => r.period_start.is_some() || r.period_end.is_some(),
        ChartKind::Target => matches!(r.status, Status::Actual | Status::Target),
        _ => r.value.is_some(),
    }
}

/// On a period axis, a plan or target with no period has no place (the
/// date it was said is not the date it is for): leave it out and count it.
fn drop_undated_plans<'a>(
    spec: &ChartSpec,
    rows: Vec<&'a RecordRow>,
) -> (Vec<&'a RecordRow>, usize) {
    if spec.kind != ChartKind::Line || spec.x != XAxis::Period {
        return (rows, 0);
    }
    let total = rows.len();
    let kept: Vec<&RecordRow> = rows
        .into_iter()
        .filter(|r| {
            let plan = !matches!(r.status, Status::Actual | Status::Ongoing);
            !plan || r.period_start.is_some() || r.period_end.is_some()
        })
        .collect();
    let dropped = total - kept.len();
    (kept, dropped)
}

/// Most series a line chart draws: one colour each, and still legible.
pub const MAX_SERIES: usize = 6;

/// A line chart of every subject keeps the [`MAX_SERIES`] subjects with
/// the most records (then the largest figures); returns how many it hid.
fn keep_main_subjects<'a>(
    spec: &ChartSpec,
    rows: Vec<&'a RecordRow>,
) -> (Vec<&'a RecordRow>, usize) {
    if spec.kind != ChartKind::Line {
        return (rows, 0);
    }
    let mut by_subject: BTreeMap<Option<&str>, (usize, f64)> = BTreeMap::new();
    for r in &rows {
        let e = by_subject.entry(r.subject.as_deref()).or_insert((0, 0.0));
        e.0 += 1;
        e.1 = e.1.max(r.value.unwrap_or(0.0).abs());
    }
    if by_subject.len() <= MAX_SERIES {
        return (rows, 0);
    }
    let mut ranked: Vec<(Option<&str>, (usize, f64))> = by_subject.into_iter().collect();
    ranked.sort_by(|a, b| {
        (b.1.0, b.1.1)
            .partial_cmp(&(a.1.0, a.1.1))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let hidden = ranked.len() - MAX_SERIES;
    let keep: Vec<Option<String>> = ranked[..MAX_SERIES]
        .iter()
        .map(|(s, _)| s.map(str::to_string))
        .collect();
    let kept = rows
        .into_iter()
        .filter(|r| keep.contains(&r.subject))
        .collect();
    (kept, hidden)
}

/// Phase 3: the most common unit wins; the others are counted as left out.
fn keep_main_unit(rows: Vec<&RecordRow>) -> (Vec<&RecordRow>, String, usize) {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &rows {
        *counts.entry(r.unit.as_deref().unwrap_or("")).or_default() += 1;
    }
    let Some((unit, _)) = counts
        .iter()
        .max_by_key(|(u, n)| (**n, std::cmp::Reverse(**u)))
    else {
        return (rows, String::new(), 0);
    };
    let unit = unit.to_string();
    let total = rows.len();
    let kept: Vec<&RecordRow> = rows
        .into_iter()
        .filter(|r| r.unit.as_deref().unwrap_or("") == unit)
        .collect();
    let left_out = total - kept.len();
    (kept, unit, left_out)
}

fn max_abs(rows: &[&RecordRow]) -> f64 {
    rows.iter()
        .flat_map(|r| [r.value, r.value_max])
        .flatten()
        .fold(0.0, |m, v| m.max(v.abs()))
}

/// Phase 5: the default title.
fn title(spec: &ChartSpec) -> String {
    let lang = spec.lang;
    let metric = words::metric_name(spec.metric, lang);
    let base = match spec.kind {
        ChartKind::Target => format!(
            "{metric}: {}",
            pick(lang, "цели и факт", "targets and actuals")
        ),
        ChartKind::Timeline if spec.metric == Metric::LaunchDate => {
            pick(lang, "Сроки запуска проектов", "Project launch dates").to_string()
        }
        _ => metric.to_string(),
    };
    match &spec.subject {
        Some(s) => format!("{base}: {}", words::subject_name(s, lang)),
        None => base,
    }
}

/// Phase 5: axis captions with units.
fn axis_labels(spec: &ChartSpec, scale: &Scale) -> (String, String) {
    let lang = spec.lang;
    let metric = words::metric_name(spec.metric, lang);
    let valued = if scale.label.is_empty() {
        metric.to_string()
    } else {
        format!("{metric}, {}", scale.label)
    };
    let published = pick(lang, "Дата публикации", "Date published");
    match spec.kind {
        ChartKind::Line => {
            let x = match spec.x {
                XAxis::Period => pick(lang, "Период", "Period"),
                XAxis::Published => published,
            };
            (x.to_string(), valued)
        }
        ChartKind::Stock => (published.to_string(), valued),
        ChartKind::Timeline => (
            pick(lang, "Заявленное окно запуска", "Announced launch window").to_string(),
            String::new(),
        ),
        ChartKind::Target => (
            pick(lang, "Достигнуто от цели, %", "Share of target reached, %").to_string(),
            String::new(),
        ),
    }
}

/// Phase 5: the documents behind the marks, by date.
fn source_note(rows: &[&RecordRow], lang: Lang) -> String {
    let mut docs: Vec<(Option<NaiveDate>, &str)> = rows
        .iter()
        .map(|r| (r.published, r.doc_id.as_str()))
        .collect();
    docs.sort();
    docs.dedup();
    let shown: Vec<String> = docs
        .iter()
        .take(8)
        .map(|(d, id)| match d {
            Some(d) => format!("{id} ({})", words::format_date(*d, lang)),
            None => id.to_string(),
        })
        .collect();
    let mut note = format!(
        "{}: {}",
        pick(lang, "Источники", "Sources"),
        shown.join(", ")
    );
    if docs.is_empty() {
        note = pick(lang, "Источники: нет", "Sources: none").to_string();
    } else if docs.len() > shown.len() {
        let more = docs.len() - shown.len();
        note.push_str(&format!(" {} {more}", pick(lang, "и ещё", "and")));
    }
    note
}

fn note(spec: &ChartSpec, left_out: usize, undated: usize, hidden: usize) -> Option<String> {
    let mut parts: Vec<String> = spec.note.iter().cloned().collect();
    if left_out > 0 {
        parts.push(match spec.lang {
            Lang::Ru => format!("Не показаны записи в других единицах: {left_out}"),
            Lang::En => format!("Records in other units not shown: {left_out}"),
        });
    }
    if hidden > 0 {
        parts.push(match spec.lang {
            Lang::Ru => format!(
                "Показаны {MAX_SERIES} субъектов с наибольшим числом записей, ещё {hidden} — по --subject"
            ),
            Lang::En => format!(
                "The {MAX_SERIES} subjects with the most records are shown; {hidden} more with --subject"
            ),
        });
    }
    if undated > 0 {
        parts.push(match spec.lang {
            Lang::Ru => format!("Не показаны планы и цели без срока: {undated}"),
            Lang::En => format!("Plans and targets with no date not shown: {undated}"),
        });
    }
    (!parts.is_empty()).then(|| parts.join(". "))
}

fn empty_message(spec: &ChartSpec) -> String {
    let what = match &spec.subject {
        Some(s) => format!("{} · {s}", spec.metric),
        None => spec.metric.to_string(),
    };
    match spec.lang {
        Lang::Ru => format!("Нет записей для этого графика ({what})"),
        Lang::En => format!("No records for this chart ({what})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::marks::LaneMark;

    fn row(id: &str, published: &str, metric: Metric, status: Status) -> RecordRow {
        RecordRow {
            record_id: id.to_string(),
            doc_id: id.split('#').next().unwrap_or(id).to_string(),
            published: NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
            metric,
            subject: Some("KZ+RU".to_string()),
            status,
            value: None,
            value_max: None,
            unit: None,
            qualifier: "exact".to_string(),
            period_start: None,
            period_end: None,
            quote: String::new(),
        }
    }

    fn date(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    fn launch(id: &str, published: &str, start: &str, end: &str) -> RecordRow {
        let mut r = row(id, published, Metric::LaunchDate, Status::Planned);
        r.subject = Some("Сарань/шина".to_string());
        r.period_start = date(start);
        r.period_end = date(end);
        r
    }

    #[test]
    fn a_later_window_is_a_slip_and_an_earlier_one_is_not() {
        let rows = vec![
            launch("2#1", "2022-01-24", "2022-01-01", "2022-12-31"),
            launch("5#1", "2023-05-10", "2023-07-01", "2023-12-31"),
            launch("7#1", "2023-09-01", "2023-10-01", "2023-10-31"),
        ];
        let spec = ChartSpec::new(ChartKind::Timeline, Metric::LaunchDate);
        let Body::Timeline { lanes, .. } = from_rows(&spec, &rows).body else {
            panic!("not a timeline");
        };
        let marks: Vec<LaneMark> = lanes.iter().map(|l| l.mark).collect();
        assert_eq!(
            marks,
            [LaneMark::Announced, LaneMark::Slipped, LaneMark::Announced]
        );
        assert_eq!(lanes[0].name, "Сарань/шина");
        assert_eq!(lanes[1].name, "");
    }

    #[test]
    fn a_window_said_twice_in_a_document_is_one_lane_and_a_day_still_shows() {
        let rows = vec![
            launch("2#1", "2022-01-24", "2022-01-01", "2022-12-31"),
            launch("2#2", "2022-01-24", "2022-01-01", "2022-12-31"),
            launch("9#1", "2019-09-25", "2019-09-24", "2019-09-24"),
        ];
        let spec = ChartSpec::new(ChartKind::Timeline, Metric::LaunchDate);
        let Body::Timeline { lanes, .. } = from_rows(&spec, &rows).body else {
            panic!("not a timeline");
        };
        let ids: Vec<&str> = lanes.iter().map(|l| l.record_id.as_str()).collect();
        assert_eq!(ids, ["9#1", "2#1"]);
        assert_eq!((lanes[0].end - lanes[0].start).num_days(), 30);
        assert!(
            lanes[0]
                .label
                .starts_with("24.09.2019–24.09.2019: заявлено")
        );
    }

    #[test]
    fn a_line_of_every_subject_keeps_the_six_most_said() {
        let mut rows = Vec::new();
        for (k, code) in ["BY", "CN", "KG", "TJ", "UZ", "AM", "AZ", "GE"]
            .iter()
            .enumerate()
        {
            for n in 0..=(k % 3) {
                let id = format!("{code}#{n}");
                let mut r = row(&id, "2022-01-24", Metric::TradeTurnover, Status::Actual);
                r.subject = Some(format!("KZ+{code}"));
                r.value = Some(1e9 * (k + 1) as f64);
                r.unit = Some("USD".into());
                r.period_end = date(&format!("{}-12-31", 2015 + n));
                rows.push(r);
            }
        }
        let spec = ChartSpec::new(ChartKind::Line, Metric::TradeTurnover);
        let state = from_rows(&spec, &rows);
        let Body::Line { series, .. } = &state.body else {
            panic!("not a line chart");
        };
        assert_eq!(series.len(), MAX_SERIES);
        // One record each, and the smallest figures: Tajikistan, Belarus.
        let names: Vec<&str> = series.iter().map(|s| s.name.as_str()).collect();
        assert!(!names.contains(&"Казахстан — Таджикистан"), "{names:?}");
        assert!(!names.contains(&"Казахстан — Беларусь"), "{names:?}");
        assert!(names.contains(&"Казахстан — Азербайджан"), "{names:?}");
        let note = state.note.unwrap_or_default();
        assert!(note.contains("ещё 2 — по --subject"), "{note}");
    }

    #[test]
    fn a_repeated_figure_is_drawn_once_and_other_units_are_counted() {
        let mut a = row("1#1", "2022-01-24", Metric::TradeTurnover, Status::Actual);
        a.value = Some(24.2e9);
        a.unit = Some("USD".to_string());
        a.period_start = date("2021-01-01");
        a.period_end = date("2021-12-31");
        let mut b = a.clone();
        b.record_id = "2#1".to_string();
        let mut c = a.clone();
        c.record_id = "3#1".to_string();
        c.unit = Some("RUB".to_string());
        let spec = ChartSpec::new(ChartKind::Line, Metric::TradeTurnover);
        let state = from_rows(&spec, &[a, b, c]);
        assert_eq!(state.record_ids(), ["1#1"]);
        assert_eq!(state.y_label, "Товарооборот, млрд долл.");
        assert_eq!(
            state.note.as_deref(),
            Some("Не показаны записи в других единицах: 1")
        );
    }

    #[test]
    fn a_stock_status_said_twice_in_a_document_counts_once() {
        let mut a = row("3#1", "2024-03-04", Metric::ProjectsCount, Status::Ongoing);
        a.value = Some(135.0);
        a.unit = Some("count".to_string());
        let mut b = a.clone();
        b.record_id = "3#2".to_string();
        b.value = Some(100.0);
        let spec = ChartSpec::new(ChartKind::Stock, Metric::ProjectsCount);
        let Body::Stock { bars, .. } = from_rows(&spec, &[a, b]).body else {
            panic!("not a stock chart");
        };
        assert_eq!(bars.len(), 1);
        assert_eq!(bars[0].segments.len(), 1);
        assert_eq!(bars[0].segments[0].label, "135");
    }

    #[test]
    fn no_records_gives_a_message() {
        let spec = ChartSpec::new(ChartKind::Target, Metric::Jobs).subject("KZ+RU");
        let state = from_rows(&spec, &[]);
        assert_eq!(state.body, Body::Empty);
        assert_eq!(
            state.message.as_deref(),
            Some("Нет записей для этого графика (jobs · KZ+RU)")
        );
        assert_eq!(state.source, "Источники: нет");
    }
}
