//! Reads the record frame (the store's columns) into plain rows: the one
//! conversion of records into Rust data, for the report's overview and
//! appendix (everything compared comes from `chart::compared`), and the
//! column readers both use.

use chrono::NaiveDate;
use polars::prelude::*;

use crate::record::{Metric, Status};

/// One record as the charts and the report need it.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordRow {
    /// `"{doc_id}#{n}"`: the anchor every figure links to.
    pub record_id: String,
    /// The document.
    pub doc_id: String,
    /// When the statement was made.
    pub published: Option<NaiveDate>,
    /// What the figure measures.
    pub metric: Metric,
    /// Parties, direction or plant key.
    pub subject: Option<String>,
    /// actual / ongoing / pipeline / planned / target.
    pub status: Status,
    /// The figure in base units.
    pub value: Option<f64>,
    /// Upper end of a range.
    pub value_max: Option<f64>,
    /// Unit of `value`.
    pub unit: Option<String>,
    /// exact / approx / over / under / up_to.
    pub qualifier: String,
    /// First day of the period described.
    pub period_start: Option<NaiveDate>,
    /// Last day of the period described (a target's deadline).
    pub period_end: Option<NaiveDate>,
    /// The sentence the figure came from.
    pub quote: String,
}

pub(crate) fn strs(df: &DataFrame, name: &str) -> PolarsResult<Vec<Option<String>>> {
    let col = df.column(name)?;
    Ok(col.str()?.iter().map(|s| s.map(str::to_string)).collect())
}

pub(crate) fn dates(df: &DataFrame, name: &str) -> PolarsResult<Vec<Option<NaiveDate>>> {
    Ok(df.column(name)?.date()?.as_date_iter().collect())
}

pub(crate) fn floats(df: &DataFrame, name: &str) -> PolarsResult<Vec<Option<f64>>> {
    Ok(df.column(name)?.f64()?.iter().collect())
}

/// Every row of a record frame. Rows whose metric or status is not one of
/// the spec's ids are skipped (a newer store read by an older binary).
pub fn rows(df: &DataFrame) -> PolarsResult<Vec<RecordRow>> {
    let ids = strs(df, "record_id")?;
    let docs = strs(df, "doc_id")?;
    let published = dates(df, "published")?;
    let metrics = strs(df, "metric")?;
    let subjects = strs(df, "subject")?;
    let statuses = strs(df, "status")?;
    let values = floats(df, "value")?;
    let maxes = floats(df, "value_max")?;
    let units = strs(df, "unit")?;
    let qualifiers = strs(df, "qualifier")?;
    let starts = dates(df, "period_start")?;
    let ends = dates(df, "period_end")?;
    let quotes = strs(df, "quote")?;
    let mut out = Vec::with_capacity(df.height());
    for i in 0..df.height() {
        let metric = metrics[i].as_deref().and_then(Metric::parse);
        let status = statuses[i].as_deref().and_then(Status::parse);
        let (Some(metric), Some(status)) = (metric, status) else {
            continue;
        };
        out.push(RecordRow {
            record_id: ids[i].clone().unwrap_or_default(),
            doc_id: docs[i].clone().unwrap_or_default(),
            published: published[i],
            metric,
            subject: subjects[i].clone(),
            status,
            value: values[i],
            value_max: maxes[i],
            unit: units[i].clone(),
            qualifier: qualifiers[i].clone().unwrap_or_default(),
            period_start: starts[i],
            period_end: ends[i],
            quote: quotes[i].clone().unwrap_or_default(),
        });
    }
    Ok(out)
}
