//! *stock over time*: figures that describe a stock as of the day they
//! were said (no period: "135 projects under way", "13 projects done")
//! as a series on `published`, one series per metric, subject, unit and
//! status, with the change from the previous statement. Targets are
//! goals, not stocks, and launch dates have no value: both are left out.
//! A figure said twice in one document counts once.
//!
//! `bar` says what a stacked bar may add up (`shared/spec/compare.md`):
//! only statuses that partition one total at one date, i.e. done, under
//! way and under study said together in one document, each once. Any
//! other figure (a plan, a target, a status given two different figures)
//! is a bar of its own, drawn beside the others and never added to them.

use polars::prelude::*;

use super::figure::in_documents;
use super::{changes, cols, failed, sort_in_time, steps};

/// One stock series.
const KEY: [&str; 4] = ["metric", "subject", "unit", "status"];

/// One statement: figures of one thing said together in one document.
const STATEMENT: [&str; 4] = ["doc_id", "metric", "subject", "unit"];

/// Statuses that split one total into parts.
const PARTS: [&str; 3] = ["actual", "ongoing", "pipeline"];

const OUTPUT: [&str; 19] = [
    "metric",
    "subject",
    "unit",
    "status",
    "published",
    "value",
    "value_max",
    "qualifier",
    "bar",
    "step",
    "prev_published",
    "prev_value",
    "change",
    "change_pct",
    "doc_id",
    "statements",
    "record_id",
    "record_ids",
    "quote",
];

/// One row per stock figure, in time order within its series
/// (metric, subject, unit, status), with `step`, `prev_value`,
/// `prev_published`, `change`, `change_pct`, and `bar` (see the module).
pub fn stock(records: LazyFrame) -> LazyFrame {
    plan(records).unwrap_or_else(|e| failed("stock", e))
}

fn plan(records: LazyFrame) -> PolarsResult<LazyFrame> {
    let lf = records.filter(
        col("value")
            .is_not_null()
            .and(col("period_start").is_null())
            .and(col("period_end").is_null())
            .and(col("status").neq(lit("target")))
            .and(col("metric").neq(lit("launch_date"))),
    );
    Ok(sort_in_time(with_bars(in_documents(lf))?, &KEY)
        .with_columns(steps(&KEY)?)
        .with_columns(changes())
        .select(cols(&OUTPUT)))
}

/// The `bar` of each figure: the first record of its statement's parts
/// when the statement has two parts or more, else its own record.
fn with_bars(figures: LazyFrame) -> PolarsResult<LazyFrame> {
    let over = cols(&STATEMENT);
    let mut by_status = over.clone();
    by_status.push(col("status"));
    let part_status = PARTS
        .iter()
        .fold(lit(false), |e, p| e.or(col("status").eq(lit(*p))));
    let figures = figures.with_column(
        part_status
            .and(len().over(&by_status)?.eq(lit(1)))
            .alias("part"),
    );
    // The parts of one statement and the first of them, by a grouping
    // joined back (a filtered aggregate over a window is slow).
    let mut args = JoinArgs::new(JoinType::Left);
    args.nulls_equal = true;
    args.maintain_order = MaintainOrderJoin::Left;
    let parts = figures
        .clone()
        .filter(col("part"))
        .group_by_stable(over.clone())
        .agg([
            col("record_id").first().alias("first_part"),
            len().alias("parts"),
        ]);
    Ok(figures
        .join(parts, over.clone(), over, args)
        .with_column(
            when(col("part").and(col("parts").gt_eq(lit(2))))
                .then(col("first_part"))
                .otherwise(col("record_id"))
                .alias("bar"),
        )
        .drop(by_name(["part", "first_part", "parts"], true, false)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::testing::{column_f64, column_str, day, frame, rec};

    #[test]
    fn statuses_are_separate_series_and_changes_run_within_each() {
        let df = stock(frame(vec![
            rec(
                "x",
                "2024-03-04",
                "projects_count",
                "KZ+RU",
                "ongoing",
                Some(135.0),
            ),
            rec(
                "y",
                "2022-06-01",
                "projects_count",
                "KZ+RU",
                "ongoing",
                Some(22.0),
            ),
            rec(
                "y",
                "2022-06-01",
                "projects_count",
                "KZ+RU",
                "actual",
                Some(13.0),
            ),
            rec(
                "x",
                "2024-03-04",
                "projects_count",
                "KZ+RU",
                "pipeline",
                Some(67.0),
            ),
        ]))
        .collect()
        .unwrap();
        assert_eq!(
            column_str(&df, "status"),
            ["actual", "ongoing", "ongoing", "pipeline"].map(|s| Some(s.to_string()))
        );
        assert_eq!(column_f64(&df, "change"), [None, None, Some(113.0), None]);
    }

    #[test]
    fn flows_targets_and_launches_are_not_stocks() {
        let mut flow = rec(
            "a",
            "2022-01-01",
            "trade_turnover",
            "KZ+RU",
            "actual",
            Some(1.0),
        );
        flow.period_end = Some(day("2021-12-31"));
        let df = stock(frame(vec![
            flow,
            rec(
                "a",
                "2022-01-01",
                "trade_turnover",
                "KZ+RU",
                "target",
                Some(9.0),
            ),
            rec("a", "2022-01-01", "launch_date", "KZ+RU", "planned", None),
            rec("a", "2022-01-01", "jobs", "KZ+RU", "planned", Some(2500.0)),
        ]))
        .collect()
        .unwrap();
        assert_eq!(column_str(&df, "metric"), [Some("jobs".to_string())]);
    }

    fn said(doc: &str, status: &str, value: f64) -> crate::record::Record {
        rec(
            doc,
            "2024-03-04",
            "projects_count",
            "KZ+RU",
            status,
            Some(value),
        )
    }

    fn bars(records: Vec<crate::record::Record>) -> Vec<Option<String>> {
        column_str(&stock(frame(records)).collect().unwrap(), "bar")
    }

    fn distinct(bars: &[Option<String>]) -> usize {
        bars.iter().collect::<std::collections::HashSet<_>>().len()
    }

    #[test]
    fn only_statuses_that_partition_one_total_share_a_bar() {
        let parts = bars(vec![
            said("x", "ongoing", 135.0),
            said("x", "pipeline", 67.0),
        ]);
        assert_eq!(
            parts,
            [Some("x#0-1".to_string()), Some("x#0-1".to_string())]
        );
        // A plan beside what is done, or a target beside a plan: apart.
        let plan_and_done = bars(vec![said("x", "planned", 10.0), said("x", "actual", 4.0)]);
        assert_eq!(distinct(&plan_and_done), 2);
        // One status given two figures in one document: no partition.
        let twice = bars(vec![
            said("x", "ongoing", 135.0),
            said("x", "ongoing", 100.0),
            said("x", "pipeline", 67.0),
        ]);
        assert_eq!(distinct(&twice), 3);
        // Two documents: two statements.
        let apart = bars(vec![
            said("x", "ongoing", 135.0),
            said("y", "pipeline", 67.0),
        ]);
        assert_eq!(distinct(&apart), 2);
    }

    #[test]
    fn the_same_figure_twice_in_a_document_is_one_bar_part() {
        let df = stock(frame(vec![
            said("x", "ongoing", 135.0),
            said("x", "ongoing", 135.0),
            said("x", "pipeline", 67.0),
        ]))
        .collect()
        .unwrap();
        assert_eq!(df.height(), 2);
        assert_eq!(column_f64(&df, "statements"), [Some(2.0), Some(1.0)]);
        assert_eq!(column_str(&df, "bar")[1].as_deref(), Some("x#0-1"));
    }

    #[test]
    fn one_statement_and_equal_dates() {
        let df = stock(frame(vec![
            rec("b", "2022-06-01", "jobs", "KZ+RU", "planned", Some(3.0)),
            rec("a", "2022-06-01", "jobs", "KZ+RU", "planned", Some(2.0)),
        ]))
        .collect()
        .unwrap();
        assert_eq!(column_f64(&df, "value"), [Some(2.0), Some(3.0)]);
        assert_eq!(column_f64(&df, "change"), [None, Some(1.0)]);
    }
}
