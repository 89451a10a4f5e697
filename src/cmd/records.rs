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

use polars::prelude::*;

use crate::cmd::common::{FilterArgs, Format, StoreArgs};
pub use crate::cmd::common::{parse_metric, parse_status};
use crate::table;
use crate::ui::Ctx;

/// Arguments of `factline records`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Which records.
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Output format (default: table on a terminal, JSONL otherwise).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Where the store is.
    #[command(flatten)]
    pub store: StoreArgs,
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

/// Runs `factline records`.
pub fn run(args: Args, ctx: &Ctx) -> anyhow::Result<()> {
    let store = args.store.open(ctx)?;
    let format = Format::or_default(args.format);
    let mut lf = sorted(args.filter.filter().apply(store.records()?));
    if format == Format::Table {
        lf = lf.select(TABLE_COLUMNS.map(col));
    }
    let mut df = lf.collect()?;
    table::print(&mut df, format)?;
    ctx.note(crate::ui::count(df.height(), "record"));
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
