//! *stock over time*: figures that describe a stock as of the day they
//! were said (no period: "135 projects under way", "13 projects done")
//! as a series on `published`, one series per metric, subject, unit and
//! status, with the change from the previous statement. Targets are
//! goals, not stocks, and launch dates have no value: both are left out.

use polars::prelude::*;

use super::{changes, cols, failed, sort_in_time, steps};

/// One stock series.
const KEY: [&str; 4] = ["metric", "subject", "unit", "status"];

const OUTPUT: [&str; 16] = [
    "metric",
    "subject",
    "unit",
    "status",
    "published",
    "value",
    "value_max",
    "qualifier",
    "step",
    "prev_published",
    "prev_value",
    "change",
    "change_pct",
    "doc_id",
    "record_id",
    "quote",
];

/// One row per stock statement, in time order within its series
/// (metric, subject, unit, status), with `step`, `prev_value`,
/// `prev_published`, `change` and `change_pct`.
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
    Ok(sort_in_time(lf, &KEY)
        .with_columns(steps(&KEY)?)
        .with_columns(changes())
        .select(cols(&OUTPUT)))
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
