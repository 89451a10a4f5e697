//! Chart state: a spec plus what `compare` derived become the marks to
//! draw, the axis words and the source note, or a message when nothing is
//! selected.
//!
//! The phases, in order:
//! 1. run the comparisons on the record frame (`chart::compared`);
//! 2. select the spec's metric, subject and grain;
//! 3. keep the most common unit and pick its scale;
//! 4. lay out the kind's marks (`line`, `stock`, `timeline`, `target`);
//! 5. write title, axis labels and the source note in the spec's language.
//!
//! Phase 4 is in `kinds`; it derives nothing: series, stacked bars,
//! launch verdicts and target matches are `compare`'s. Nothing here
//! draws; `chart::plot` does.

mod kinds;
mod lanes;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use polars::prelude::{DataFrame, IntoLazy, PolarsResult};

use crate::chart::compared::Compared;
use crate::chart::labels::{fill, word};
use crate::chart::marks::Body;
use crate::chart::spec::{ChartKind, ChartSpec, Lang, XAxis};
use crate::chart::words::{self, Scale};
use crate::record::Metric;
use kinds::{Laid, line, stock, target};
pub use kinds::{MAX_BARS, MAX_LANES, MAX_SERIES, MAX_TARGET_ROWS, target_words};
use lanes::timeline;
pub use lanes::{duration, verdict_words};

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
    let as_of = spec
        .as_of
        .unwrap_or_else(|| chrono::Utc::now().date_naive());
    let compared = Compared::of(frame.clone().lazy(), as_of)?;
    Ok(from_compared(spec, &compared))
}

/// What a kind left out, by reason, for the note.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct LeftOut {
    /// Figures in other units than the one drawn.
    pub units: usize,
    /// Plans and targets with no date, on a period axis.
    pub undated: usize,
    /// Actuals stated before their period started.
    pub ahead: usize,
    /// Series, bars, lanes or rows past the chart's bound.
    pub hidden: usize,
}

/// Phases 2–5 on the comparisons.
pub fn from_compared(spec: &ChartSpec, c: &Compared) -> ChartState {
    let lang = spec.lang;
    let subject_ok = |s: &Option<String>| spec.subject.is_none() || *s == spec.subject;
    let mut left = LeftOut::default();
    let (laid, scale) = match spec.kind {
        ChartKind::Line => {
            let points = c
                .series
                .iter()
                .filter(|p| p.metric == spec.metric && subject_ok(&p.subject))
                .filter(|p| spec.grain.is_none() || spec.grain.as_deref() == Some(&p.grain))
                .collect();
            let (kept, unit) = keep_main_unit(points, |p| p.unit.as_deref(), &mut left);
            let scale = scale_of(
                &unit,
                kept.iter().map(|p| p.value_max.unwrap_or(p.value)),
                lang,
            );
            (line(spec, kept, &scale, &mut left), scale)
        }
        ChartKind::Stock => {
            let figs = c
                .stock
                .iter()
                .filter(|f| f.metric == spec.metric && subject_ok(&f.subject))
                .collect();
            let (kept, unit) = keep_main_unit(figs, |f| f.unit.as_deref(), &mut left);
            let scale = scale_of(
                &unit,
                kept.iter().map(|f| f.value_max.unwrap_or(f.value)),
                lang,
            );
            (stock(spec, kept, &scale, &mut left), scale)
        }
        ChartKind::Timeline => {
            let lanes = c
                .launches
                .iter()
                .filter(|a| spec.subject.is_none() || Some(&a.subject) == spec.subject.as_ref())
                .collect();
            (timeline(spec, lanes, &mut left), no_scale())
        }
        ChartKind::Target => {
            let rows = c
                .targets
                .iter()
                .filter(|t| t.metric == spec.metric && subject_ok(&t.subject))
                .collect();
            (target(spec, rows, &mut left), no_scale())
        }
    };
    let Laid { body, sources } = laid;
    let (x_label, y_label) = axis_labels(spec, &scale);
    ChartState {
        kind: spec.kind,
        title: spec.title.clone().unwrap_or_else(|| title(spec)),
        x_label,
        y_label,
        source: source_note(sources, lang),
        note: note(spec, left),
        message: matches!(body, Body::Empty).then(|| empty_message(spec)),
        body,
        lang,
    }
}

fn no_scale() -> Scale {
    Scale {
        divisor: 1.0,
        label: String::new(),
    }
}

fn scale_of(unit: &str, values: impl Iterator<Item = f64>, lang: Lang) -> Scale {
    let top = values.fold(0.0, |m: f64, v| m.max(v.abs()));
    words::scale_for(unit, top, lang)
}

/// Phase 3: the most common unit wins; the others are counted as left out.
fn keep_main_unit<'a, T>(
    items: Vec<&'a T>,
    unit: impl Fn(&T) -> Option<&str>,
    left: &mut LeftOut,
) -> (Vec<&'a T>, String) {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for i in &items {
        *counts.entry(unit(i).unwrap_or("")).or_default() += 1;
    }
    let Some((main, _)) = counts
        .iter()
        .max_by_key(|(u, n)| (**n, std::cmp::Reverse(**u)))
    else {
        return (items, String::new());
    };
    let main = main.to_string();
    let total = items.len();
    let kept: Vec<&T> = items
        .into_iter()
        .filter(|i| unit(i).unwrap_or("") == main)
        .collect();
    left.units += total - kept.len();
    (kept, main)
}

/// Phase 5: the default title.
fn title(spec: &ChartSpec) -> String {
    let lang = spec.lang;
    let metric = words::metric_name(spec.metric, lang);
    let base = match spec.kind {
        ChartKind::Target => format!("{metric}: {}", word(lang, "state.targets_and_actuals")),
        ChartKind::Timeline if spec.metric == Metric::LaunchDate => {
            word(lang, "state.project_launch_dates").to_string()
        }
        _ => metric.to_string(),
    };
    let base = match &spec.subject {
        Some(s) => format!("{base}: {}", words::subject_name(s, lang)),
        None => base,
    };
    let grain = spec
        .grain
        .as_deref()
        .map(|g| words::grain_name(g, lang))
        .unwrap_or_default();
    if grain.is_empty() {
        base
    } else {
        format!("{base} ({grain})")
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
    let published = word(lang, "state.date_published");
    match spec.kind {
        ChartKind::Line => {
            let x = match spec.x {
                XAxis::Period => word(lang, "state.period"),
                XAxis::Published => published,
            };
            (x.to_string(), valued)
        }
        ChartKind::Stock => (published.to_string(), valued),
        ChartKind::Timeline => (
            word(lang, "state.announced_launch_window").to_string(),
            String::new(),
        ),
        ChartKind::Target => (
            word(lang, "state.share_of_target_reached").to_string(),
            String::new(),
        ),
    }
}

/// Phase 5: the documents behind the marks, by date.
fn source_note(mut docs: Vec<(Option<NaiveDate>, String)>, lang: Lang) -> String {
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
    let mut note = format!("{}: {}", word(lang, "state.sources"), shown.join(", "));
    if docs.is_empty() {
        note = word(lang, "state.sources_none").to_string();
    } else if docs.len() > shown.len() {
        let more = docs.len() - shown.len();
        note.push_str(&format!(" {} {more}", word(lang, "state.and")));
    }
    note
}

fn note(spec: &ChartSpec, left: LeftOut) -> Option<String> {
    let mut parts: Vec<String> = spec.note.iter().cloned().collect();
    let LeftOut {
        units,
        undated,
        ahead,
        hidden,
    } = left;
    if units > 0 {
        parts.push(fill(spec.lang, "state.other_units", &[("units", &units)]));
    }
    if ahead > 0 {
        parts.push(fill(spec.lang, "state.ahead", &[("ahead", &ahead)]));
    }
    if hidden > 0 {
        parts.push(fill(spec.lang, "state.hidden", &[("hidden", &hidden)]));
    }
    if undated > 0 {
        parts.push(fill(spec.lang, "state.undated", &[("undated", &undated)]));
    }
    (!parts.is_empty()).then(|| parts.join(". "))
}

fn empty_message(spec: &ChartSpec) -> String {
    let what = match &spec.subject {
        Some(s) => format!("{} · {s}", spec.metric),
        None => spec.metric.to_string(),
    };
    fill(spec.lang, "state.empty", &[("what", &what)])
}
