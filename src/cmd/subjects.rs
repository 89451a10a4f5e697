//! `factline subjects`: the subjects the store holds (parties, directions,
//! plants) with their names and counts, to know what `--subject` takes.
//!
//! Tested in `tests/it/cli.rs`.

use polars::prelude::*;

use super::common::{Format, StoreArgs};
use super::records::parse_metric;
use crate::chart::spec::Lang;
use crate::chart::words::subject_name;
use crate::store::RecordFilter;
use crate::table;
use crate::ui::Ctx;

/// Arguments of `factline subjects`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only subjects with records of this metric.
    #[arg(long, value_parser = parse_metric)]
    pub metric: Option<String>,
    /// Where the store is.
    #[command(flatten)]
    pub store: StoreArgs,
    /// Output format (default: table on a terminal, JSONL otherwise).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

/// Runs `factline subjects`: each subject with its kind, names, records,
/// metrics and the span of publication dates, most records first.
pub fn run(args: Args, ctx: &Ctx) -> anyhow::Result<()> {
    let store = args.store.open(ctx)?;
    let filter = RecordFilter {
        metric: args.metric.clone(),
        ..RecordFilter::default()
    };
    let grouped = filter
        .apply(store.records()?)
        .filter(col("subject").is_not_null())
        .group_by([col("subject")])
        .agg([
            len().cast(DataType::Int64).alias("records"),
            col("doc_id")
                .n_unique()
                .cast(DataType::Int64)
                .alias("documents"),
            col("metric")
                .unique()
                .sort(Default::default())
                .str()
                .join(",", true)
                .alias("metrics"),
            col("published").min().alias("first"),
            col("published").max().alias("last"),
        ])
        .sort_by_exprs(
            [col("records"), col("subject")],
            SortMultipleOptions::default().with_order_descending_multi([true, false]),
        )
        .collect()?;
    let subjects: Vec<String> = grouped
        .column("subject")?
        .str()?
        .iter()
        .map(|s| s.unwrap_or_default().to_string())
        .collect();
    let kind: Vec<&str> = subjects.iter().map(|s| kind_of(s)).collect();
    let en: Vec<String> = subjects.iter().map(|s| subject_name(s, Lang::En)).collect();
    let ru: Vec<String> = subjects.iter().map(|s| subject_name(s, Lang::Ru)).collect();
    let mut df = grouped;
    df.insert_column(1, Column::new("kind".into(), kind))?;
    df.insert_column(2, Column::new("name_en".into(), en))?;
    df.insert_column(3, Column::new("name_ru".into(), ru))?;
    table::print(&mut df, Format::or_default(args.format))
}

/// `plant` for a `place/product` key, `direction` for `FROM>TO`, else
/// `parties`.
fn kind_of(subject: &str) -> &'static str {
    if subject.contains('/') {
        "plant"
    } else if subject.contains('>') {
        "direction"
    } else {
        "parties"
    }
}
