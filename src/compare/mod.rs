//! Comparisons over time: what was said, when, and how it changed.
//!
//! Every function here takes the record frame (as `store::Store::records`
//! gives it, or `store::records_frame` builds it) and returns a new
//! `LazyFrame`; nothing here reads or writes files. One file per kind:
//!
//! - [`series`]: one metric, subject, grain and unit over its periods,
//!   each figure once with every source, and the change at each step;
//! - [`repeats`]: the same figure in several documents, counted once;
//! - [`revisions`]: one figure given different values, and whether the
//!   values (with their qualifiers) really disagree;
//! - [`launches`]: every announcement of a launch window, against the
//!   window announced before it;
//! - [`targets`]: each target against the actual of its own period;
//! - [`stock`]: stocks as of `published` (projects under way …) and which
//!   of them a stacked bar may add up.
//!
//! [`figure`] holds what they share: the grain of a period, the status
//! class, and one figure per document (`shared/spec/compare.md`). This is
//! the one place these facts are derived; charts and the report lay out
//! the frames returned here.
//!
//! [`to_currency`] converts money with the annual rates of
//! `data/rates.tsv` before any of them.

mod currency;
pub mod figure;
mod launches;
pub mod rates;
mod repeats;
mod revisions;
#[cfg(test)]
mod seeds;
mod series;
mod stock;
mod targets;
#[cfg(test)]
mod testing;

use chrono::NaiveDate;
use polars::prelude::*;

pub use currency::to_currency;
pub use launches::launches;
pub use repeats::{figures, repeats};
pub use revisions::revisions;
pub use series::series;
pub use stock::stock;
pub use targets::targets;

/// The kinds of comparison (`compare --kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Kind {
    /// One metric, subject, grain and unit over time, with the change at
    /// each step.
    Series,
    /// The same figure in several documents, every source kept.
    Repeats,
    /// One figure with different values in different documents.
    Revisions,
    /// Every launch announcement against the window announced before it.
    Launches,
    /// Targets against the actual of their own period, with the share.
    Targets,
    /// Stocks (projects under way, jobs …) as a series on `published`.
    Stock,
}

impl Kind {
    /// Every kind, in the order `compare` prints them.
    pub const ALL: [Kind; 6] = [
        Kind::Stock,
        Kind::Series,
        Kind::Targets,
        Kind::Launches,
        Kind::Revisions,
        Kind::Repeats,
    ];

    /// The kind's name, as `--kind` spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Series => "series",
            Kind::Repeats => "repeats",
            Kind::Revisions => "revisions",
            Kind::Launches => "launches",
            Kind::Targets => "targets",
            Kind::Stock => "stock",
        }
    }

    /// Runs this comparison on a record frame; `as_of` is the day a
    /// launch window counts as passed (only `launches` uses it).
    pub fn apply(self, records: LazyFrame, as_of: NaiveDate) -> LazyFrame {
        match self {
            Kind::Series => series(records),
            Kind::Repeats => repeats(records),
            Kind::Revisions => revisions(records),
            Kind::Launches => launches(records, as_of),
            Kind::Targets => targets(records),
            Kind::Stock => stock(records),
        }
    }
}

/// Sort options for "in the order things were said": ascending, records
/// without a date first, ties kept in input order.
fn in_order(n: usize) -> SortMultipleOptions {
    SortMultipleOptions::default()
        .with_order_descending_multi(vec![false; n])
        .with_nulls_last(false)
        .with_maintain_order(true)
}

/// Sorts by `keys`, then by when and where the statement was made.
fn sort_in_time(lf: LazyFrame, keys: &[&str]) -> LazyFrame {
    let mut by: Vec<PlSmallStr> = keys.iter().map(|k| (*k).into()).collect();
    by.extend(["published".into(), "doc_id".into(), "span_start".into()]);
    let n = by.len();
    lf.sort(by, in_order(n))
}

/// Columns as expressions.
fn cols(names: &[&str]) -> Vec<Expr> {
    names.iter().map(|n| col(*n)).collect()
}

/// A figure as one number: the midpoint of a range, else the value.
fn point() -> Expr {
    when(col("value_max").is_not_null())
        .then((col("value") + col("value_max")) / lit(2.0))
        .otherwise(col("value"))
}

/// `part` as a percentage of `whole`; null when `whole` is 0 or null.
fn percent(part: Expr, whole: Expr) -> Expr {
    when(whole.clone().neq(lit(0.0)))
        .then(part / whole * lit(100.0))
        .otherwise(lit(NULL).cast(DataType::Float64))
}

/// For each row of a frame sorted in time: the previous statement's
/// point and date within `keys`, the change from it (absolute and %),
/// and the step number (1 = first statement).
fn steps(keys: &[&str]) -> PolarsResult<Vec<Expr>> {
    let over = cols(keys);
    Ok(vec![
        point().shift(lit(1)).over(&over)?.alias("prev_value"),
        col("published")
            .shift(lit(1))
            .over(&over)?
            .alias("prev_published"),
        col("doc_id")
            .cum_count(false)
            .over(&over)?
            .cast(DataType::Int64)
            .alias("step"),
    ])
}

/// The change columns, from `prev_value` (see [`steps`]).
fn changes() -> [Expr; 2] {
    [
        (point() - col("prev_value")).alias("change"),
        percent(point() - col("prev_value"), col("prev_value")).alias("change_pct"),
    ]
}

/// An empty frame with one string column `error` saying what failed; a
/// comparison that cannot be planned (a frame without the record
/// columns) yields this instead of panicking.
fn failed(kind: &str, err: PolarsError) -> LazyFrame {
    let msg = format!("{kind}: {err}");
    df!("error" => [msg])
        .map(IntoLazy::lazy)
        .unwrap_or_default()
}

/// One-row label of a window: `2022`, `2023–2024`, `by 2027-12-31`,
/// `from 2025-01-01`, or `2021-01-01..2021-11-30`.
fn window_label(start: &str, end: &str) -> Expr {
    let s = col(start);
    let e = col(end);
    let whole_years = s
        .clone()
        .dt()
        .month()
        .eq(lit(1))
        .and(s.clone().dt().day().eq(lit(1)))
        .and(e.clone().dt().month().eq(lit(12)))
        .and(e.clone().dt().day().eq(lit(31)));
    let y = |x: &Expr| x.clone().dt().year().cast(DataType::String);
    let d = |x: &Expr| x.clone().cast(DataType::String);
    when(s.clone().is_null().and(e.clone().is_null()))
        .then(lit(NULL).cast(DataType::String))
        .when(s.clone().is_null())
        .then(concat_str([lit("by "), d(&e)], "", false))
        .when(e.clone().is_null())
        .then(concat_str([lit("from "), d(&s)], "", false))
        .when(whole_years.clone().and(y(&s).eq(y(&e))))
        .then(y(&s))
        .when(whole_years)
        .then(concat_str([y(&s), lit("–"), y(&e)], "", false))
        .otherwise(concat_str([d(&s), lit(".."), d(&e)], "", false))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::testing::{day, frame, rec};

    #[test]
    fn window_labels_read_like_the_text() {
        let mut a = rec("a", "2022-01-24", "launch_date", "x", "planned", None);
        a.period_start = Some(day("2023-01-01"));
        a.period_end = Some(day("2024-12-31"));
        let mut b = a.clone();
        b.period_start = None;
        b.period_end = Some(day("2027-12-31"));
        let mut c = a.clone();
        c.period_start = Some(day("2021-01-01"));
        c.period_end = Some(day("2021-11-30"));
        let mut d = a.clone();
        d.period_start = Some(day("2022-01-01"));
        d.period_end = Some(day("2022-12-31"));
        let df = frame(vec![a, b, c, d])
            .select([window_label("period_start", "period_end").alias("w")])
            .collect()
            .unwrap();
        let w: Vec<Option<&str>> = df.column("w").unwrap().str().unwrap().iter().collect();
        assert_eq!(
            w,
            [
                Some("2023–2024"),
                Some("by 2027-12-31"),
                Some("2021-01-01..2021-11-30"),
                Some("2022")
            ]
        );
    }

    #[test]
    fn every_kind_runs_on_an_empty_store() {
        let empty = frame(vec![]);
        for kind in Kind::ALL {
            let df = kind.apply(empty.clone(), day("2026-01-01")).collect();
            let df = df.unwrap_or_else(|e| panic!("{}: {e}", kind.as_str()));
            assert_eq!(df.height(), 0, "{}", kind.as_str());
            assert!(df.get_column_names().len() > 3, "{}", kind.as_str());
        }
    }

    #[test]
    fn every_kind_stacks_into_one_table() {
        // `compare --format csv` without `--kind`: one table of all kinds,
        // so a column shared by two kinds has one dtype.
        let gold = frame(crate::compare::testing::seeds_gold());
        let frames: Vec<LazyFrame> = Kind::ALL
            .iter()
            .map(|k| k.apply(gold.clone(), day("2026-01-01")))
            .collect();
        let all = concat_lf_diagonal(frames, UnionArgs::default())
            .and_then(LazyFrame::collect)
            .unwrap();
        assert!(all.height() > 20);
    }

    #[test]
    fn a_frame_without_record_columns_is_an_error_not_a_panic() {
        let other = df!("x" => [1i64]).unwrap().lazy();
        for kind in Kind::ALL {
            assert!(
                kind.apply(other.clone(), day("2026-01-01"))
                    .collect()
                    .is_err()
            );
        }
    }
}
