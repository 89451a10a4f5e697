//! Phase 4 of the chart state: the marks of each kind (line, stock,
//! timeline, target), laid out from `compare`'s rows, already scaled and
//! labelled. Nothing is derived here: which figures are one point, which
//! share a bar, how a launch window moved and which actual meets a target
//! all come from `compare`. Each kind is bounded (series, bars, lanes,
//! rows), so a chart stays legible at any corpus size; what is left out
//! is counted for the note and stays in the report's tables.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::LeftOut;
use crate::chart::compared::{SeriesPoint, StockFigure, TargetLine};
use crate::chart::labels::word;
use crate::chart::marks::{Body, LinePoint, LineSeries};
use crate::chart::marks::{StockBar, StockSegment, TargetRow};
use crate::chart::spec::{ChartSpec, Lang, XAxis};
use crate::chart::words::{self, Scale};
use crate::record::Status;

/// Marks and the documents behind them (date, id) for the source note.
pub(crate) struct Laid {
    pub body: Body,
    pub sources: Vec<(Option<NaiveDate>, String)>,
}

impl Laid {
    pub(super) fn empty() -> Laid {
        Laid {
            body: Body::Empty,
            sources: vec![],
        }
    }
}

/// Most series a line chart draws: one colour each, and still legible.
pub const MAX_SERIES: usize = 6;
/// Most bars a stock chart draws (the latest).
pub const MAX_BARS: usize = 24;
/// Most lanes a timeline draws.
pub const MAX_LANES: usize = 30;
/// Most rows a target chart draws.
pub const MAX_TARGET_ROWS: usize = 20;
/// Most points a line chart writes numbers on.
const MAX_LABELLED: usize = 16;

fn number(v: f64, max: Option<f64>, scale: &Scale, lang: Lang) -> String {
    let mut s = words::format_number(v / scale.divisor, lang);
    if let Some(max) = max {
        s.push('–');
        s.push_str(&words::format_number(max / scale.divisor, lang));
    }
    s
}

fn subject_of(s: &Option<String>, lang: Lang) -> String {
    match s {
        Some(s) => words::subject_name(s, lang),
        None => word(lang, "kinds.no_subject").to_string(),
    }
}

fn docs_of(ids: &str, published: Option<NaiveDate>) -> Vec<(Option<NaiveDate>, String)> {
    ids.split(", ")
        .filter(|d| !d.is_empty())
        .map(|d| (published, d.to_string()))
        .collect()
}

/// The name of a line: its subject, and its grain when not a year.
fn line_name(p: &SeriesPoint, lang: Lang) -> String {
    let grain = words::grain_name(&p.grain, lang);
    let subject = subject_of(&p.subject, lang);
    if grain.is_empty() {
        subject
    } else {
        format!("{subject} · {grain}")
    }
}

/// Where a point goes: the middle of its period, a deadline at its end,
/// a stock at its publication.
fn x_of(spec: &ChartSpec, p: &SeriesPoint) -> Option<NaiveDate> {
    match (spec.x, p.period_start, p.period_end) {
        (XAxis::Published, ..) => p.published,
        (_, Some(s), Some(e)) => Some(s + (e - s) / 2),
        (_, s, e) => e.or(s).or(p.published),
    }
}

/// Phase 4, line: one series per subject and grain (figures of different
/// grains never share a line); actuals stated before their period are
/// left out with a warning; plans with no date have no place on a
/// period axis.
pub(super) fn line(
    spec: &ChartSpec,
    points: Vec<&SeriesPoint>,
    scale: &Scale,
    left: &mut LeftOut,
) -> Laid {
    let plan = |p: &SeriesPoint| !matches!(p.status, Status::Actual | Status::Ongoing);
    let mut lines: BTreeMap<String, Vec<&SeriesPoint>> = BTreeMap::new();
    for p in points {
        if p.ahead {
            left.ahead += 1;
        } else if spec.x == XAxis::Period && plan(p) && p.grain == "stock" {
            left.undated += 1;
        } else {
            lines.entry(line_name(p, spec.lang)).or_default().push(p);
        }
    }
    let lines = keep_largest(lines, MAX_SERIES, left);
    let labelled = lines.iter().map(|(_, v)| v.len()).sum::<usize>() <= MAX_LABELLED;
    let mut sources = Vec::new();
    let mut series = Vec::new();
    for (name, pts) in lines {
        let mut marks: Vec<LinePoint> = Vec::new();
        for p in pts {
            let Some(date) = x_of(spec, p) else { continue };
            sources.extend(docs_of(&p.doc_ids, p.published));
            marks.push(LinePoint {
                date,
                value: p.value / scale.divisor,
                value_max: p.value_max.map(|v| v / scale.divisor),
                hollow: plan(p),
                label: if labelled {
                    number(p.value, p.value_max, scale, spec.lang)
                } else {
                    String::new()
                },
                record_id: p.record_id.clone(),
            });
        }
        marks.sort_by(|a, b| {
            (a.date, b.value)
                .partial_cmp(&(b.date, a.value))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        share_labels(&mut marks);
        series.push(LineSeries {
            name,
            points: marks,
        });
    }
    let dates: Vec<NaiveDate> = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.date))
        .collect();
    let (Some(first), Some(last)) = (dates.iter().min(), dates.iter().max()) else {
        return Laid::empty();
    };
    let y_top = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.value_max.unwrap_or(p.value)))
        .fold(0.0, f64::max);
    Laid {
        body: Body::Line {
            series,
            x_range: pad_dates(*first, *last),
            y_max: nice_top(y_top),
        },
        sources,
    }
}

/// The `n` groups with the most items (then by name); the rest counted.
fn keep_largest<T>(
    groups: BTreeMap<String, Vec<T>>,
    n: usize,
    left: &mut LeftOut,
) -> Vec<(String, Vec<T>)> {
    let mut ranked: Vec<(String, Vec<T>)> = groups.into_iter().collect();
    ranked.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    if ranked.len() > n {
        left.hidden += ranked.len() - n;
        ranked.truncate(n);
    }
    ranked.sort_by(|a, b| a.0.cmp(&b.0));
    ranked
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

/// Widens a date range to whole years, with a year's room on the right
/// when the last date is late in its year (labels go there).
pub(super) fn pad_dates(first: NaiveDate, last: NaiveDate) -> (NaiveDate, NaiveDate) {
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

/// Phase 4, stock: one bar per `bar` of `compare::stock` — the parts of
/// one total said together are stacked, every other figure stands alone
/// beside them — the latest [`MAX_BARS`] bars.
pub(super) fn stock(
    spec: &ChartSpec,
    figs: Vec<&StockFigure>,
    scale: &Scale,
    left: &mut LeftOut,
) -> Laid {
    let mut bars: BTreeMap<(Option<NaiveDate>, String), Vec<&StockFigure>> = BTreeMap::new();
    for f in figs {
        bars.entry((f.published, f.bar.clone()))
            .or_default()
            .push(f);
    }
    let skip = bars.len().saturating_sub(MAX_BARS);
    left.hidden += skip;
    let subjects: std::collections::BTreeSet<&Option<String>> =
        bars.values().flatten().map(|f| &f.subject).collect();
    let lang = spec.lang;
    let mut sources = Vec::new();
    let mut out = Vec::new();
    for ((published, _), mut parts) in bars.into_iter().skip(skip) {
        parts.sort_by_key(|f| f.status);
        let first = parts[0];
        let mut label = match published {
            Some(d) => words::format_date(d, lang),
            None => first.doc_id.clone(),
        };
        let mut short = match published {
            Some(d) => d.format("%m.%Y").to_string(),
            None => first.doc_id.clone(),
        };
        if subjects.len() > 1 {
            let subject = first.subject.clone().unwrap_or_default();
            label = format!("{label} · {}", words::subject_name(&subject, lang));
            short = format!("{short} · {subject}");
        }
        sources.push((published, first.doc_id.clone()));
        let segments = parts
            .into_iter()
            .map(|f| StockSegment {
                status: f.status,
                value: f.value / scale.divisor,
                label: number(f.value, f.value_max, scale, lang),
                record_id: f.record_id.clone(),
            })
            .collect();
        out.push(StockBar {
            label,
            short,
            segments,
        });
    }
    if out.is_empty() {
        return Laid::empty();
    }
    let top = out
        .iter()
        .map(|b| b.segments.iter().map(|s| s.value).sum::<f64>())
        .fold(0.0, f64::max);
    Laid {
        body: Body::Stock {
            bars: out,
            y_max: nice_top(top),
        },
        sources,
    }
}

/// Phase 4, target: one row per target of `compare::targets`, as 100 %,
/// with the share only where the actual of its own period meets it; a
/// partial actual is written beside it with its own period, no share.
pub(super) fn target(spec: &ChartSpec, lines: Vec<&TargetLine>, left: &mut LeftOut) -> Laid {
    let lang = spec.lang;
    left.hidden += lines.len().saturating_sub(MAX_TARGET_ROWS);
    let mut sources = Vec::new();
    let rows: Vec<TargetRow> = lines
        .into_iter()
        .take(MAX_TARGET_ROWS)
        .map(|t| {
            let doc = t.target_id.rsplit_once('#').map_or("", |(d, _)| d);
            sources.push((t.target_published, doc.to_string()));
            target_row(t, lang)
        })
        .collect();
    if rows.is_empty() {
        return Laid::empty();
    }
    let top = rows.iter().filter_map(|r| r.share).fold(100.0, f64::max);
    Laid {
        body: Body::Target {
            rows,
            x_max: (top * 1.1 + 70.0).max(215.0),
        },
        sources,
    }
}

/// The words of one target row ("факт 2025: 180 из 200 млрд долл. = 90 %").
pub fn target_words(t: &TargetLine, lang: Lang) -> String {
    let unit = t.unit.as_deref().unwrap_or("");
    let top = t
        .actual_value
        .unwrap_or(0.0)
        .abs()
        .max(t.target_value.abs());
    let scale = words::scale_for(unit, top, lang);
    let n = |v: f64| words::format_number(v / scale.divisor, lang);
    let unit_words = if scale.label.is_empty() {
        String::new()
    } else {
        format!(" {}", scale.label)
    };
    let period = words::format_period(t.actual_start, t.actual_end, lang);
    let goal = words::qualified(
        t.target_value,
        t.target_value_max,
        unit,
        &t.target_qualifier,
        lang,
    );
    match (t.matched.as_str(), t.actual_value) {
        ("own", Some(a)) => {
            let share = t
                .share_pct
                .map(|p| format!(" = {} %", words::format_number(p.round(), lang)))
                .unwrap_or_default();
            let of = word(lang, "kinds.of");
            let fact = word(lang, "kinds.actual");
            format!(
                "{fact} {period}: {} {of} {}{unit_words}{share}",
                n(a),
                n(t.target_value)
            )
        }
        ("partial", Some(a)) => {
            let target = word(lang, "kinds.target");
            format!("{period}: {}{unit_words}; {target} {goal}", n(a))
        }
        ("no_period", _) => format!("{goal}, {}", word(lang, "kinds.no_deadline")),
        _ => format!("{goal}, {}", word(lang, "kinds.no_actual_for_its")),
    }
}

fn target_row(t: &TargetLine, lang: Lang) -> TargetRow {
    use chrono::Datelike;
    let name = subject_of(&t.subject, lang);
    let name = match t.target_end {
        Some(d) => format!("{name} · {} {}", word(lang, "kinds.target_by"), d.year()),
        None => format!("{name} · {}", word(lang, "kinds.target")),
    };
    TargetRow {
        name,
        share: t.share_pct,
        label: target_words(t, lang),
        target_id: t.target_id.clone(),
        actual_id: t.actual_id.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::ChartKind;
    use crate::record::Metric;

    fn point(subject: &str, grain: &str, year: i32, value: f64) -> SeriesPoint {
        let day = |m, d| NaiveDate::from_ymd_opt(year, m, d);
        SeriesPoint {
            metric: Metric::TradeTurnover,
            subject: Some(subject.to_string()),
            grain: grain.to_string(),
            unit: Some("USD".into()),
            status: Status::Actual,
            ahead: false,
            period_start: day(1, 1),
            period_end: if grain == "year" {
                day(12, 31)
            } else {
                day(7, 31)
            },
            value,
            value_max: None,
            qualifier: "exact".into(),
            published: day(12, 31),
            doc_ids: format!("{subject}-{year}"),
            documents: 1,
            prev_value: None,
            change_pct: None,
            record_id: format!("{subject}-{grain}-{year}#0"),
        }
    }

    fn scale() -> Scale {
        words::scale_for("USD", 1e9, Lang::Ru)
    }

    #[test]
    fn a_line_of_every_subject_keeps_the_most_said_series() {
        let codes = [
            "KZ+BY", "KZ+CN", "KZ+KG", "KZ+TJ", "KZ+UZ", "KZ+AM", "KZ+AZ", "KZ+GE",
        ];
        let mut points = Vec::new();
        for (k, code) in codes.iter().enumerate() {
            for y in 0..=(k % 3) {
                points.push(point(code, "year", 2015 + y as i32, 1e9));
            }
        }
        let spec = ChartSpec::new(ChartKind::Line, Metric::TradeTurnover);
        let mut left = LeftOut::default();
        let laid = line(&spec, points.iter().collect(), &scale(), &mut left);
        let Body::Line { series, .. } = laid.body else {
            panic!("not a line chart");
        };
        assert_eq!(series.len(), MAX_SERIES);
        assert_eq!(left.hidden, 2);
        let names: Vec<&str> = series.iter().map(|s| s.name.as_str()).collect();
        assert!(!names.contains(&"Казахстан — Беларусь"), "{names:?}");
        assert!(!names.contains(&"Казахстан — Таджикистан"), "{names:?}");
        assert!(names.contains(&"Казахстан — Азербайджан"), "{names:?}");
    }

    #[test]
    fn a_target_keeps_its_range_and_a_partial_actual_its_own_period() {
        let mut t = TargetLine {
            metric: Metric::TradeTurnover,
            subject: Some("AM+RU".into()),
            unit: Some("USD".into()),
            target_id: "t#0".into(),
            target_value: 14e9,
            target_value_max: Some(16e9),
            target_qualifier: "exact".into(),
            target_end: NaiveDate::from_ymd_opt(2025, 12, 31),
            target_published: NaiveDate::from_ymd_opt(2025, 2, 1),
            actual_id: None,
            actual_value: None,
            actual_start: None,
            actual_end: None,
            matched: "none".into(),
            share_pct: None,
        };
        assert_eq!(
            target_words(&t, Lang::Ru),
            "14–16 млрд долл., факта за период нет"
        );
        t.matched = "partial".into();
        t.actual_id = Some("a#0".into());
        t.actual_value = Some(8.3e9);
        t.actual_start = NaiveDate::from_ymd_opt(2025, 1, 1);
        t.actual_end = NaiveDate::from_ymd_opt(2025, 6, 30);
        assert_eq!(
            target_words(&t, Lang::Ru),
            "I пол. 2025: 8,3 млрд долл.; цель 14–16 млрд долл."
        );
    }

    #[test]
    fn months_and_years_of_one_subject_are_two_lines() {
        let points = [
            point("KZ+RU", "year", 2021, 24e9),
            point("KZ+RU", "ytd-7", 2022, 15e9),
            point("KZ+RU", "year", 2022, 28e9),
        ];
        let spec = ChartSpec::new(ChartKind::Line, Metric::TradeTurnover);
        let laid = line(
            &spec,
            points.iter().collect(),
            &scale(),
            &mut LeftOut::default(),
        );
        let Body::Line { series, .. } = laid.body else {
            panic!("not a line chart");
        };
        let shape: Vec<(&str, usize)> = series
            .iter()
            .map(|s| (s.name.as_str(), s.points.len()))
            .collect();
        assert_eq!(
            shape,
            [
                ("Казахстан — Россия", 2),
                ("Казахстан — Россия · янв–июл", 1)
            ]
        );
    }
}
