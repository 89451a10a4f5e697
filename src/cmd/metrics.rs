//! `factline metrics`: the metrics that can be asked for, with their
//! names and what the store holds of each.
//!
//! Tested in `tests/it/cli.rs`.

use polars::prelude::*;

use super::common::{Format, StoreArgs};
use crate::chart::spec::Lang;
use crate::chart::words::metric_name;
use crate::record::Metric;
use crate::table;
use crate::ui::Ctx;

/// Arguments of `factline metrics`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where the store is.
    #[command(flatten)]
    pub store: StoreArgs,
    /// Output format (default: table on a terminal, JSONL otherwise).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

/// Runs `factline metrics`: every metric, stored or not, with its records,
/// documents, subjects and the span of publication dates.
pub fn run(args: Args, ctx: &Ctx) -> anyhow::Result<()> {
    let store = args.store.open(ctx)?;
    let names = df!(
        "metric" => Metric::ALL.map(|m| m.as_str()),
        "name_en" => Metric::ALL.map(|m| metric_name(m, Lang::En)),
        "name_ru" => Metric::ALL.map(|m| metric_name(m, Lang::Ru)),
    )?;
    let counts = store.records()?.group_by([col("metric")]).agg([
        len().cast(DataType::Int64).alias("records"),
        col("doc_id")
            .n_unique()
            .cast(DataType::Int64)
            .alias("documents"),
        col("subject")
            .n_unique()
            .cast(DataType::Int64)
            .alias("subjects"),
        col("published").min().alias("first"),
        col("published").max().alias("last"),
    ]);
    let mut df = names
        .lazy()
        .join(
            counts,
            [col("metric")],
            [col("metric")],
            JoinArgs::new(JoinType::Left),
        )
        .with_column(col("records").fill_null(lit(0i64)))
        .collect()?;
    table::print(&mut df, Format::or_default(args.format))
}
