//! *stock over time*: figures that describe a stock as of the day they
//! were said (no period: "135 projects under way", "13 projects done")
//! as a series on `published`, one series per metric, subject, unit and
//! status, with the change from the previous statement. Targets are
//! goals, not stocks, and launch dates have no value: both are left out.
//! A figure said twice in one document counts once.
//!
//! `bar` says what a stacked bar may add up (`shared/spec/compare.md`):
//! only statuses that partition one total at one date, i.e. done, under
//! way and under study said together in one sentence, each once. Any
//! other figure (a plan, a second figure of one status) is a bar of its
//! own, drawn beside the others and never added to them.

use polars::prelude::*;

use super::figure::in_documents;
use super::{changes, cols, failed, sort_in_time, steps};

/// One stock series.
const KEY: [&str; 4] = ["metric", "subject", "unit", "status"];

/// One statement: figures said together in one sentence.
const STATEMENT: [&str; 5] = ["doc_id", "metric", "subject", "unit", "quote"];

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

/// The `bar` of each figure: its statement's first record when the
/// statement's figures partition a total, else its own record.
fn with_bars(figures: LazyFrame) -> PolarsResult<LazyFrame> {
    let over = cols(&STATEMENT);
    let part = PARTS
        .iter()
        .fold(lit(false), |e, p| e.or(col("status").eq(lit(*p))));
    let stacked = len()
        .over(&over)?
        .gt(lit(1))
        .and(col("status").n_unique().over(&over)?.eq(len().over(&over)?))
        .and(
            part.cast(DataType::UInt32)
                .sum()
                .over(&over)?
                .eq(len().over(&over)?),
        );
    let first = col("record_id").first().over(&over)?;
    Ok(figures.with_column(
        when(stacked)
            .then(first)
            .otherwise(col("record_id"))
            .alias("bar"),
    ))
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

    fn in_one_sentence(status: &str, value: f64) -> crate::record::Record {
        let mut r = rec(
            "x",
            "2024-03-04",
            "projects_count",
            "KZ+RU",
            status,
            Some(value),
        );
        r.quote = "one sentence".into();
        r
    }

    fn bars(records: Vec<crate::record::Record>) -> Vec<Option<String>> {
        column_str(&stock(frame(records)).collect().unwrap(), "bar")
    }

    #[test]
    fn only_statuses_that_partition_one_total_share_a_bar() {
        let parts = bars(vec![
            in_one_sentence("ongoing", 135.0),
            in_one_sentence("pipeline", 67.0),
        ]);
        assert_eq!(parts, [Some("x#0".to_string()), Some("x#0".to_string())]);
        let plan_and_done = bars(vec![
            in_one_sentence("planned", 10.0),
            in_one_sentence("actual", 4.0),
        ]);
        assert_eq!(
            plan_and_done
                .iter()
                .flatten()
                .collect::<std::collections::HashSet<_>>()
                .len(),
            2
        );
        let mut other = in_one_sentence("pipeline", 67.0);
        other.quote = "another sentence".into();
        let apart = bars(vec![in_one_sentence("ongoing", 135.0), other]);
        assert_eq!(
            apart
                .iter()
                .flatten()
                .collect::<std::collections::HashSet<_>>()
                .len(),
            2
        );
    }

    #[test]
    fn the_same_figure_twice_in_a_document_is_one_bar_part() {
        let df = stock(frame(vec![
            in_one_sentence("ongoing", 135.0),
            in_one_sentence("ongoing", 135.0),
            in_one_sentence("pipeline", 67.0),
        ]))
        .collect()
        .unwrap();
        assert_eq!(df.height(), 2);
        assert_eq!(column_f64(&df, "statements"), [Some(2.0), Some(1.0)]);
        assert_eq!(column_str(&df, "bar")[1].as_deref(), Some("x#0"));
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
