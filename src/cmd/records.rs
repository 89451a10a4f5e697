//! `factline records`: list the stored records, filtered.
//!
//! Examples:
//!
//! ```text
//! factline records --metric projects_count --subject KZ+RU
//! factline records --since 2022-01-01 --format csv > records.csv
//! ```
//!
//! Tests: `tests/it/store.rs`.

use std::path::PathBuf;

use chrono::NaiveDate;
use polars::prelude::*;

use crate::cmd::common::{Format, parse_date, parse_subject};
use crate::record::{Metric, Status};
use crate::store::{RecordFilter, Store};
use crate::table;
use crate::ui::Ctx;

/// Arguments of `factline records`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only this metric (trade_turnover, projects_count, launch_date, …).
    #[arg(long, value_parser = parse_metric)]
    pub metric: Option<String>,
    /// Only this subject (KZ+RU, CN>RU, Сарань/шина; a place keeps all
    /// its plant keys). Parties in any order, by code or name:
    /// RU+KZ, Казахстан+Россия, Kazakhstan+Russia.
    #[arg(long, value_parser = parse_subject)]
    pub subject: Option<String>,
    /// Only this status (actual, ongoing, pipeline, planned, target).
    #[arg(long, value_parser = parse_status)]
    pub status: Option<String>,
    /// Only records published on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<NaiveDate>,
    /// Only records published on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub until: Option<NaiveDate>,
    /// Only the records of this document id.
    #[arg(long, value_name = "ID")]
    pub doc: Option<String>,
    /// Output format (default: table on a terminal, JSONL otherwise).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Store folder (default: $FACTLINE_STORE or output/store).
    #[arg(long, value_name = "DIR")]
    pub store: Option<PathBuf>,
}

/// The columns a table shows (CSV and JSONL have every column).
const TABLE_COLUMNS: [&str; 12] = [
    "record_id",
    "published",
    "metric",
    "subject",
    "status",
    "value",
    "value_max",
    "unit",
    "qualifier",
    "period_start",
    "period_end",
    "quote",
];

/// Checks a `--metric` value against the spec's ids.
pub fn parse_metric(s: &str) -> Result<String, String> {
    match Metric::parse(s) {
        Some(m) => Ok(m.as_str().to_string()),
        None => Err(format!(
            "unknown metric {s:?}; one of: {}",
            Metric::ALL.map(|m| m.as_str()).join(", ")
        )),
    }
}

/// Checks a `--status` value against the spec's ids.
pub fn parse_status(s: &str) -> Result<String, String> {
    match Status::parse(s) {
        Some(m) => Ok(m.as_str().to_string()),
        None => Err(format!(
            "unknown status {s:?}; one of: {}",
            Status::ALL.map(|m| m.as_str()).join(", ")
        )),
    }
}

impl Args {
    fn filter(&self) -> RecordFilter {
        RecordFilter {
            metric: self.metric.clone(),
            subject: self.subject.clone(),
            status: self.status.clone(),
            since: self.since,
            until: self.until,
            doc: self.doc.clone(),
        }
    }
}

/// Runs `factline records`.
pub fn run(args: Args, ctx: &Ctx) -> anyhow::Result<()> {
    let dir = args.store.clone().unwrap_or_else(Store::default_dir);
    let store = Store::open(&dir)?;
    if !store.exists() {
        ctx.note(format!(
            "{}: empty store, nothing ingested yet",
            dir.display()
        ));
    }
    if let Some(note) = store.stale_note()? {
        ctx.note(note);
    }
    let format = Format::or_default(args.format);
    let mut lf = sorted(args.filter().apply(store.records()?));
    if format == Format::Table {
        lf = lf.select(TABLE_COLUMNS.map(col));
    }
    let mut df = lf.collect()?;
    table::print(&mut df, format)?;
    ctx.note(format!("{} records", df.height()));
    Ok(())
}

/// Records in reading order: by date, document, then place in the text.
pub fn sorted(lf: LazyFrame) -> LazyFrame {
    lf.sort(
        ["published", "doc_id", "span_start"],
        SortMultipleOptions::default()
            .with_nulls_last(true)
            .with_maintain_order(true),
    )
}
