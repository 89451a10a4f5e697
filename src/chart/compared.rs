//! `compare`'s frames as rows: the one place that reads them into Rust,
//! so charts and the report lay out what `compare` derived (series,
//! stock bars, launch verdicts, targets against actuals) and derive
//! nothing again.

use chrono::NaiveDate;
use polars::prelude::*;

use crate::chart::rows::{dates, floats, strs};
use crate::compare;
use crate::record::{Metric, Status};

/// A point of a series (`compare::series`): one figure, every source.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesPoint {
    /// What the figure measures.
    pub metric: Metric,
    /// Parties, direction or plant key.
    pub subject: Option<String>,
    /// The length of time the figure covers (`year`, `ytd-7`, `stock` …).
    pub grain: String,
    /// Unit of `value`.
    pub unit: Option<String>,
    /// actual / ongoing / pipeline / planned / target.
    pub status: Status,
    /// Stated before its period started: not a fact.
    pub ahead: bool,
    /// First day of the period.
    pub period_start: Option<NaiveDate>,
    /// Last day of the period.
    pub period_end: Option<NaiveDate>,
    /// The figure in base units.
    pub value: f64,
    /// Upper end of a range.
    pub value_max: Option<f64>,
    /// exact / approx / over / under / up_to.
    pub qualifier: String,
    /// When it was first said.
    pub published: Option<NaiveDate>,
    /// The documents that state it.
    pub doc_ids: String,
    /// How many documents state it.
    pub documents: i64,
    /// The previous point of its run, if any.
    pub prev_value: Option<f64>,
    /// The change from it, in percent.
    pub change_pct: Option<f64>,
    /// The record of its first statement.
    pub record_id: String,
}

/// A stock figure (`compare::stock`) and the bar it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct StockFigure {
    /// What the figure measures.
    pub metric: Metric,
    /// Parties or plant key.
    pub subject: Option<String>,
    /// Unit of `value`.
    pub unit: Option<String>,
    /// The status: a part of its bar.
    pub status: Status,
    /// When it was said.
    pub published: Option<NaiveDate>,
    /// The figure.
    pub value: f64,
    /// Upper end of a range.
    pub value_max: Option<f64>,
    /// The bar: figures with one bar partition one total.
    pub bar: String,
    /// The document.
    pub doc_id: String,
    /// Its record.
    pub record_id: String,
}

/// One announcement of a launch window (`compare::launches`).
#[derive(Debug, Clone, PartialEq)]
pub struct Announcement {
    /// The plant or project key.
    pub subject: String,
    /// When it was announced.
    pub published: Option<NaiveDate>,
    /// The document.
    pub doc_id: String,
    /// The window.
    pub period_start: Option<NaiveDate>,
    /// The window's end.
    pub period_end: Option<NaiveDate>,
    /// `actual` when the launch is reported done.
    pub status: Status,
    /// When the previous window of the key was announced.
    pub prev_published: Option<NaiveDate>,
    /// The shift of the end against the previous window, in days.
    pub shift_days: Option<f64>,
    /// first / kept / slipped / earlier.
    pub verdict: String,
    /// launched / overdue / pending / unknown, on the latest announcement.
    pub state: Option<String>,
    /// The record.
    pub record_id: String,
    /// The record of the previous announcement.
    pub prev_record_id: Option<String>,
}

/// One target and the actual it meets (`compare::targets`).
#[derive(Debug, Clone, PartialEq)]
pub struct TargetLine {
    /// What the target is for.
    pub metric: Metric,
    /// Parties.
    pub subject: Option<String>,
    /// Unit of both values.
    pub unit: Option<String>,
    /// The target's record.
    pub target_id: String,
    /// The target (its low end, for a range).
    pub target_value: f64,
    /// The upper end of a target range.
    pub target_value_max: Option<f64>,
    /// exact / approx / over / under / up_to.
    pub target_qualifier: String,
    /// Its deadline.
    pub target_end: Option<NaiveDate>,
    /// When it was stated.
    pub target_published: Option<NaiveDate>,
    /// The actual's record.
    pub actual_id: Option<String>,
    /// The actual.
    pub actual_value: Option<f64>,
    /// The actual's period.
    pub actual_start: Option<NaiveDate>,
    /// The actual's period end.
    pub actual_end: Option<NaiveDate>,
    /// own / partial / none / no_period.
    pub matched: String,
    /// Share of the target, only for the actual of its own period.
    pub share_pct: Option<f64>,
}

/// One value of a figure as a document stated it (a side of a revision).
#[derive(Debug, Clone, PartialEq)]
pub struct Stated {
    /// The record of its first statement.
    pub record_id: String,
    /// The document.
    pub doc_id: String,
    /// When it was said.
    pub published: Option<NaiveDate>,
    /// The figure.
    pub value: Option<f64>,
    /// Upper end of a range.
    pub value_max: Option<f64>,
    /// exact / approx / over / under / up_to.
    pub qualifier: String,
}

/// A figure given two values, the earlier beside the later
/// (`compare::revisions`).
#[derive(Debug, Clone, PartialEq)]
pub struct Revision {
    /// What the figure measures.
    pub metric: Metric,
    /// Parties.
    pub subject: Option<String>,
    /// Unit of both values.
    pub unit: Option<String>,
    /// The period.
    pub period_start: Option<NaiveDate>,
    /// The period's end.
    pub period_end: Option<NaiveDate>,
    /// The earlier value.
    pub a: Stated,
    /// The later value.
    pub b: Stated,
    /// The change, in percent.
    pub change_pct: Option<f64>,
    /// agrees / revised / contradicts.
    pub verdict: String,
}

/// A figure stated in several documents (`compare::repeats`).
#[derive(Debug, Clone, PartialEq)]
pub struct Repeat {
    /// What the figure measures.
    pub metric: Metric,
    /// Parties.
    pub subject: Option<String>,
    /// The figure, as first stated.
    pub first: Stated,
    /// Unit of the figure.
    pub unit: Option<String>,
    /// When it was last said.
    pub last_published: Option<NaiveDate>,
    /// How many documents state it.
    pub documents: i64,
    /// Every record, in the order said.
    pub record_ids: Vec<String>,
}

/// What `compare` derived from one record frame.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Compared {
    /// Every series point.
    pub series: Vec<SeriesPoint>,
    /// Every stock figure.
    pub stock: Vec<StockFigure>,
    /// Every launch announcement.
    pub launches: Vec<Announcement>,
    /// Every target.
    pub targets: Vec<TargetLine>,
    /// Every pair of values of one figure, latest first.
    pub revisions: Vec<Revision>,
    /// Every figure said in several documents, most documents first.
    pub repeats: Vec<Repeat>,
}

impl Compared {
    /// Runs the comparisons on a record frame and reads their frames.
    pub fn of(records: LazyFrame, as_of: NaiveDate) -> PolarsResult<Compared> {
        Ok(Compared {
            series: series_points(&compare::series(records.clone()).collect()?)?,
            stock: stock_figures(&compare::stock(records.clone()).collect()?)?,
            launches: announcements(&compare::launches(records.clone(), as_of).collect()?)?,
            targets: target_lines(&compare::targets(records.clone()).collect()?)?,
            revisions: revisions(
                &compare::revisions(records.clone())
                    .sort(["published_b"], latest())
                    .collect()?,
            )?,
            repeats: repeats(
                &compare::repeats(records)
                    .sort(["documents"], latest())
                    .collect()?,
            )?,
        })
    }
}

fn bools(df: &DataFrame, name: &str) -> PolarsResult<Vec<bool>> {
    Ok(df
        .column(name)?
        .bool()?
        .iter()
        .map(|b| b.unwrap_or(false))
        .collect())
}

fn numbers(df: &DataFrame, name: &str) -> PolarsResult<Vec<Option<f64>>> {
    Ok(df
        .column(name)?
        .cast(&DataType::Float64)?
        .f64()?
        .iter()
        .collect())
}

fn metric_status(m: &Option<String>, s: &Option<String>) -> Option<(Metric, Status)> {
    Some((Metric::parse(m.as_deref()?)?, Status::parse(s.as_deref()?)?))
}

fn series_points(df: &DataFrame) -> PolarsResult<Vec<SeriesPoint>> {
    let (metric, status) = (strs(df, "metric")?, strs(df, "status")?);
    let (subject, grain, unit) = (strs(df, "subject")?, strs(df, "grain")?, strs(df, "unit")?);
    let ahead = bools(df, "ahead")?;
    let (start, end, published) = (
        dates(df, "period_start")?,
        dates(df, "period_end")?,
        dates(df, "published")?,
    );
    let (value, max) = (floats(df, "value")?, floats(df, "value_max")?);
    let (qualifier, docs, ids) = (
        strs(df, "qualifier")?,
        strs(df, "doc_ids")?,
        strs(df, "record_id")?,
    );
    let (documents, prev, pct) = (
        numbers(df, "documents")?,
        floats(df, "prev_value")?,
        floats(df, "change_pct")?,
    );
    let mut out = Vec::with_capacity(df.height());
    for i in 0..df.height() {
        let (Some((metric, status)), Some(value)) =
            (metric_status(&metric[i], &status[i]), value[i])
        else {
            continue;
        };
        out.push(SeriesPoint {
            metric,
            subject: subject[i].clone(),
            grain: grain[i].clone().unwrap_or_default(),
            unit: unit[i].clone(),
            status,
            ahead: ahead[i],
            period_start: start[i],
            period_end: end[i],
            value,
            value_max: max[i],
            qualifier: qualifier[i].clone().unwrap_or_default(),
            published: published[i],
            doc_ids: docs[i].clone().unwrap_or_default(),
            documents: documents[i].unwrap_or(1.0) as i64,
            prev_value: prev[i],
            change_pct: pct[i],
            record_id: ids[i].clone().unwrap_or_default(),
        });
    }
    Ok(out)
}

fn stock_figures(df: &DataFrame) -> PolarsResult<Vec<StockFigure>> {
    let (metric, status) = (strs(df, "metric")?, strs(df, "status")?);
    let (subject, unit, bar) = (strs(df, "subject")?, strs(df, "unit")?, strs(df, "bar")?);
    let (published, value, max) = (
        dates(df, "published")?,
        floats(df, "value")?,
        floats(df, "value_max")?,
    );
    let (docs, ids) = (strs(df, "doc_id")?, strs(df, "record_id")?);
    let mut out = Vec::with_capacity(df.height());
    for i in 0..df.height() {
        let (Some((metric, status)), Some(value)) =
            (metric_status(&metric[i], &status[i]), value[i])
        else {
            continue;
        };
        out.push(StockFigure {
            metric,
            subject: subject[i].clone(),
            unit: unit[i].clone(),
            status,
            published: published[i],
            value,
            value_max: max[i],
            bar: bar[i].clone().unwrap_or_default(),
            doc_id: docs[i].clone().unwrap_or_default(),
            record_id: ids[i].clone().unwrap_or_default(),
        });
    }
    Ok(out)
}

fn announcements(df: &DataFrame) -> PolarsResult<Vec<Announcement>> {
    let (subject, status, docs) = (
        strs(df, "subject")?,
        strs(df, "status")?,
        strs(df, "doc_id")?,
    );
    let (published, start, end, prev_published) = (
        dates(df, "published")?,
        dates(df, "period_start")?,
        dates(df, "period_end")?,
        dates(df, "prev_published")?,
    );
    let (shift, verdict, state) = (
        numbers(df, "shift_days")?,
        strs(df, "verdict")?,
        strs(df, "state")?,
    );
    let (ids, prev_ids) = (strs(df, "record_id")?, strs(df, "prev_record_id")?);
    let mut out = Vec::with_capacity(df.height());
    for i in 0..df.height() {
        let Some(status) = status[i].as_deref().and_then(Status::parse) else {
            continue;
        };
        out.push(Announcement {
            subject: subject[i].clone().unwrap_or_default(),
            published: published[i],
            doc_id: docs[i].clone().unwrap_or_default(),
            period_start: start[i],
            period_end: end[i],
            status,
            prev_published: prev_published[i],
            shift_days: shift[i],
            verdict: verdict[i].clone().unwrap_or_default(),
            state: state[i].clone(),
            record_id: ids[i].clone().unwrap_or_default(),
            prev_record_id: prev_ids[i].clone(),
        });
    }
    Ok(out)
}

fn target_lines(df: &DataFrame) -> PolarsResult<Vec<TargetLine>> {
    let (metric, subject, unit) = (strs(df, "metric")?, strs(df, "subject")?, strs(df, "unit")?);
    let (target_id, target_value) = (strs(df, "target_record_id")?, floats(df, "target_value")?);
    let (target_max, target_q) = (
        floats(df, "target_value_max")?,
        strs(df, "target_qualifier")?,
    );
    let (target_end, target_published) = (
        dates(df, "target_period_end")?,
        dates(df, "target_published")?,
    );
    let (actual_id, actual_value) = (strs(df, "actual_record_id")?, floats(df, "actual_value")?);
    let (actual_start, actual_end) = (
        dates(df, "actual_period_start")?,
        dates(df, "actual_period_end")?,
    );
    let (matched, share) = (strs(df, "match")?, floats(df, "share_pct")?);
    let mut out = Vec::with_capacity(df.height());
    for i in 0..df.height() {
        let (Some(m), Some(v)) = (
            metric[i].as_deref().and_then(Metric::parse),
            target_value[i],
        ) else {
            continue;
        };
        out.push(TargetLine {
            metric: m,
            subject: subject[i].clone(),
            unit: unit[i].clone(),
            target_id: target_id[i].clone().unwrap_or_default(),
            target_value: v,
            target_value_max: target_max[i],
            target_qualifier: target_q[i].clone().unwrap_or_default(),
            target_end: target_end[i],
            target_published: target_published[i],
            actual_id: actual_id[i].clone(),
            actual_value: actual_value[i],
            actual_start: actual_start[i],
            actual_end: actual_end[i],
            matched: matched[i].clone().unwrap_or_default(),
            share_pct: share[i],
        });
    }
    Ok(out)
}

/// Descending, ties in the order `compare` gave.
fn latest() -> SortMultipleOptions {
    SortMultipleOptions::default()
        .with_order_descending(true)
        .with_maintain_order(true)
}

/// The side `s` (`a`, `b`) of each revision.
fn sides(df: &DataFrame, s: &str) -> PolarsResult<Vec<Stated>> {
    let c = |n: &str| format!("{n}_{s}");
    let (ids, docs, q) = (
        strs(df, &c("record_id"))?,
        strs(df, &c("doc_id"))?,
        strs(df, &c("qualifier"))?,
    );
    let (published, value, max) = (
        dates(df, &c("published"))?,
        floats(df, &c("value"))?,
        floats(df, &c("value_max"))?,
    );
    Ok((0..df.height())
        .map(|i| Stated {
            record_id: ids[i].clone().unwrap_or_default(),
            doc_id: docs[i].clone().unwrap_or_default(),
            published: published[i],
            value: value[i],
            value_max: max[i],
            qualifier: q[i].clone().unwrap_or_default(),
        })
        .collect())
}

fn revisions(df: &DataFrame) -> PolarsResult<Vec<Revision>> {
    let (metric, subject, unit) = (strs(df, "metric")?, strs(df, "subject")?, strs(df, "unit")?);
    let (start, end) = (dates(df, "period_start")?, dates(df, "period_end")?);
    let (pct, verdict) = (floats(df, "change_pct")?, strs(df, "verdict")?);
    let (a, b) = (sides(df, "a")?, sides(df, "b")?);
    let mut out = Vec::with_capacity(df.height());
    for (i, (a, b)) in a.into_iter().zip(b).enumerate() {
        let Some(m) = metric[i].as_deref().and_then(Metric::parse) else {
            continue;
        };
        out.push(Revision {
            metric: m,
            subject: subject[i].clone(),
            unit: unit[i].clone(),
            period_start: start[i],
            period_end: end[i],
            a,
            b,
            change_pct: pct[i],
            verdict: verdict[i].clone().unwrap_or_default(),
        });
    }
    Ok(out)
}

fn repeats(df: &DataFrame) -> PolarsResult<Vec<Repeat>> {
    let (metric, subject, unit) = (strs(df, "metric")?, strs(df, "subject")?, strs(df, "unit")?);
    let (first, last) = (dates(df, "first_published")?, dates(df, "last_published")?);
    let (value, max, q) = (
        floats(df, "value")?,
        floats(df, "value_max")?,
        strs(df, "qualifier")?,
    );
    let (documents, ids, docs) = (
        numbers(df, "documents")?,
        strs(df, "record_ids")?,
        strs(df, "doc_ids")?,
    );
    let mut out = Vec::with_capacity(df.height());
    for i in 0..df.height() {
        let Some(m) = metric[i].as_deref().and_then(Metric::parse) else {
            continue;
        };
        let record_ids: Vec<String> = ids[i]
            .as_deref()
            .unwrap_or("")
            .split(", ")
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        let first_doc = docs[i].as_deref().unwrap_or("").split(", ").next();
        out.push(Repeat {
            metric: m,
            subject: subject[i].clone(),
            first: Stated {
                record_id: record_ids.first().cloned().unwrap_or_default(),
                doc_id: first_doc.unwrap_or_default().to_string(),
                published: first[i],
                value: value[i],
                value_max: max[i],
                qualifier: q[i].clone().unwrap_or_default(),
            },
            unit: unit[i].clone(),
            last_published: last[i],
            documents: documents[i].unwrap_or(0.0) as i64,
            record_ids,
        });
    }
    Ok(out)
}
