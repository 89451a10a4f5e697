//! The counts the overview shows (records by metric and status, records
//! per document), taken from the record frame by polars, so that a report
//! over a large store never holds every record at once.

use std::collections::{BTreeSet, HashMap};

use polars::prelude::*;

use crate::chart::rows::{RecordRow, rows, strs};
use crate::record::{Metric, Status};

/// How many records there are, by metric and status, and per document.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    /// Every record.
    pub total: usize,
    /// Records of each metric and status.
    pub by_status: HashMap<(Metric, Status), usize>,
    /// Records of each document, when the document list is shown.
    pub by_doc: HashMap<String, usize>,
}

impl Tally {
    /// Counts the records of `records`; per document only when `per_doc`.
    pub fn of(records: LazyFrame, per_doc: bool) -> PolarsResult<Tally> {
        let counts = group_counts(records.clone(), &["metric", "status"])?;
        let metrics = strs(&counts, "metric")?;
        let statuses = strs(&counts, "status")?;
        let ns = numbers(&counts)?;
        let mut tally = Tally::default();
        for ((m, s), n) in metrics.iter().zip(&statuses).zip(ns) {
            tally.total += n;
            let m = m.as_deref().and_then(Metric::parse);
            let s = s.as_deref().and_then(Status::parse);
            if let (Some(m), Some(s)) = (m, s) {
                *tally.by_status.entry((m, s)).or_default() += n;
            }
        }
        if per_doc {
            let counts = group_counts(records, &["doc_id"])?;
            let docs = strs(&counts, "doc_id")?;
            for (d, n) in docs.into_iter().zip(numbers(&counts)?) {
                tally.by_doc.insert(d.unwrap_or_default(), n);
            }
        }
        Ok(tally)
    }

    /// Records of one metric.
    pub fn of_metric(&self, metric: Metric) -> usize {
        Status::ALL
            .iter()
            .map(|s| self.by_status.get(&(metric, *s)).copied().unwrap_or(0))
            .sum()
    }
}

fn group_counts(records: LazyFrame, by: &[&str]) -> PolarsResult<DataFrame> {
    let keys: Vec<Expr> = by.iter().map(|c| col(*c)).collect();
    records
        .group_by(keys)
        .agg([len().cast(DataType::UInt64).alias("n")])
        .collect()
}

fn numbers(df: &DataFrame) -> PolarsResult<Vec<usize>> {
    Ok(df
        .column("n")?
        .u64()?
        .iter()
        .map(|n| n.unwrap_or(0) as usize)
        .collect())
}

/// The records a report shows in full: those it cites, or all of them
/// when `all` (a small store).
pub fn shown_rows(
    records: LazyFrame,
    cited: &BTreeSet<String>,
    all: bool,
) -> PolarsResult<Vec<RecordRow>> {
    let frame = if all {
        records.collect()?
    } else {
        let ids = Series::new("ids".into(), cited.iter().cloned().collect::<Vec<_>>());
        records
            .filter(col("record_id").is_in(lit(ids).implode(true), false))
            .collect()?
    };
    rows(&frame)
}
