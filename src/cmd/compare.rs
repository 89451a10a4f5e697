//! `factline compare`: the stored records as comparisons over time
//! (series, repeats, revisions, launches, targets, stock; see `compare`).
//!
//! Examples:
//!
//! ```text
//! factline compare                                  # every kind
//! factline compare --kind stock --subject KZ+RU
//! factline compare --metric launch_date --format csv
//! factline compare --kind targets --currency USD
//! ```
//!
//! Without `--kind`, every kind with rows is printed: as tables under a
//! heading each, as JSONL with a `kind` field first, or as one CSV whose
//! `kind` column says which comparison a row belongs to (columns of the
//! other kinds empty).
//!
//! Tests: `tests/it/compare.rs`.

use anyhow::bail;
use chrono::NaiveDate;
use polars::prelude::*;

use crate::cmd::common::{FilterArgs, Format, StoreArgs, parse_date};
use crate::compare::{self, Kind, rates};
use crate::table;
use crate::ui::Ctx;

/// Arguments of `factline compare`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Which comparison (default: all of them).
    #[arg(long, value_enum)]
    pub kind: Option<Kind>,
    /// Which records are compared.
    #[command(flatten)]
    pub filter: FilterArgs,
    /// The day a launch window counts as passed (default: today).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
    /// Convert money to this currency first (USD, EUR, RUB, KZT, …).
    #[arg(long, value_name = "CODE")]
    pub currency: Option<String>,
    /// Output format (default: table on a terminal, JSONL otherwise).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Where the store is.
    #[command(flatten)]
    pub store: StoreArgs,
}

/// Columns left out of tables (long; CSV and JSONL keep them).
const NOT_IN_TABLES: [&str; 13] = [
    "record_id",
    "record_ids",
    "prev_record_id",
    "target_record_id",
    "target_record_ids",
    "actual_record_id",
    "actual_record_ids",
    "class",
    "quote",
    "quote_a",
    "quote_b",
    "target_quote",
    "actual_quote",
];

/// Runs `factline compare`.
pub fn run(args: Args, ctx: &Ctx) -> anyhow::Result<()> {
    let currency = args.currency.as_deref().map(check_currency).transpose()?;
    let store = args.store.open(ctx)?;
    let mut records = args.filter.filter().apply(store.records()?);
    if let Some(code) = &currency {
        records = compare::to_currency(records, code);
    }
    let as_of = args
        .as_of
        .unwrap_or_else(|| chrono::Utc::now().date_naive());
    let kinds = match args.kind {
        Some(k) => vec![k],
        None => Kind::ALL.to_vec(),
    };
    let mut results = Vec::new();
    for kind in kinds {
        let df = kind.apply(records.clone(), as_of).collect()?;
        if df.height() > 0 || args.kind.is_some() {
            results.push((kind, df));
        }
    }
    let format = Format::or_default(args.format);
    write(results, format, args.kind.is_none())?;
    Ok(())
}

/// Upper-cases a currency code and checks that the rate table has it.
fn check_currency(code: &str) -> anyhow::Result<String> {
    let code = code.to_ascii_uppercase();
    let known = rates::currencies();
    if !known.contains(&code) {
        bail!(
            "--currency {code}: no rates for it; one of: {}",
            known.join(", ")
        );
    }
    Ok(code)
}

/// Writes the results; `tagged` (several kinds) adds the kind to each
/// table heading, JSONL line or CSV row.
fn write(results: Vec<(Kind, DataFrame)>, format: Format, tagged: bool) -> anyhow::Result<()> {
    if !tagged {
        let Some((_, mut df)) = results.into_iter().next() else {
            return Ok(());
        };
        if format == Format::Table {
            df = df.drop_many(NOT_IN_TABLES);
        }
        return table::print(&mut df, format);
    }
    match format {
        Format::Table => {
            for (kind, df) in results {
                println!("{}", kind.as_str());
                table::print(&mut df.drop_many(NOT_IN_TABLES), format)?;
            }
        }
        Format::Jsonl => {
            for (kind, df) in results {
                table::print(&mut with_kind(df, kind)?, format)?;
            }
        }
        Format::Csv => {
            let frames: Vec<LazyFrame> = results
                .into_iter()
                .map(|(k, df)| with_kind(df, k).map(IntoLazy::lazy))
                .collect::<PolarsResult<_>>()?;
            let mut all = concat_lf_diagonal(frames, UnionArgs::default())?.collect()?;
            table::print(&mut all, format)?;
        }
    }
    Ok(())
}

/// `df` with a first column `kind`.
fn with_kind(mut df: DataFrame, kind: Kind) -> PolarsResult<DataFrame> {
    let tag = Column::new("kind".into(), vec![kind.as_str(); df.height()]);
    df.insert_column(0, tag)?;
    Ok(df)
}
