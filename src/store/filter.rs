//! Selecting records: the filters that `records` and `compare` share
//! (`--metric`, `--subject`, `--status`, `--since`, `--until`, `--doc`),
//! as one predicate over the record frame.

use chrono::NaiveDate;
use polars::prelude::*;

/// Which records to keep; `None` keeps everything on that field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RecordFilter {
    /// Metric id, exact.
    pub metric: Option<String>,
    /// Subject: exact, or a place that starts plant keys
    /// (`Костанай` keeps `Костанай/чугунное литьё`).
    pub subject: Option<String>,
    /// Status id, exact.
    pub status: Option<String>,
    /// Published on or after this day.
    pub since: Option<NaiveDate>,
    /// Published on or before this day.
    pub until: Option<NaiveDate>,
    /// Document id, exact.
    pub doc: Option<String>,
}

impl RecordFilter {
    /// The records of `lf` that pass every filter given. A date filter
    /// drops records without a `published` date.
    pub fn apply(&self, lf: LazyFrame) -> LazyFrame {
        let mut pred = lit(true);
        let eq = |c: &str, v: &str| col(c).eq(lit(v.to_string()));
        if let Some(m) = &self.metric {
            pred = pred.and(eq("metric", m));
        }
        if let Some(s) = &self.subject {
            let place = col("subject").str().starts_with(lit(format!("{s}/")));
            pred = pred.and(eq("subject", s).or(place));
        }
        if let Some(s) = &self.status {
            pred = pred.and(eq("status", s));
        }
        if let Some(d) = &self.doc {
            pred = pred.and(eq("doc_id", d));
        }
        if let Some(d) = self.since {
            pred = pred.and(col("published").gt_eq(lit(d)));
        }
        if let Some(d) = self.until {
            pred = pred.and(col("published").lt_eq(lit(d)));
        }
        lf.filter(pred.fill_null(lit(false)))
    }
}
