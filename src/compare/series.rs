//! *series*: one (metric, subject, grain, unit) is one line
//! (`shared/spec/compare.md`): figures of different grains never share a
//! line, so a ten-month figure is not a point of the yearly series. Each
//! figure is one point: said twice in a document or repeated across
//! documents, it keeps every source (`documents`, `doc_ids`,
//! `record_ids`). Points run in period order within their status (a
//! target is no step from a plan), each with the change from the point
//! before. An
//! actual whose period starts after the day it was stated is `ahead`: it
//! is kept apart (its own run, flagged) and never a step of the actuals.
//! Launch dates have no value and are left to `launches`.

use polars::prelude::*;

use super::figure::{FIGURE_KEY, ahead, in_documents, period_label};
use super::{changes, cols, failed, in_order, point};

/// One line of a chart.
pub const SERIES_KEY: [&str; 4] = ["metric", "subject", "grain", "unit"];

/// Where a point's previous point is looked for: its series, status and
/// whether it is ahead (a plan is not a step from a target).
const RUN: [&str; 6] = ["metric", "subject", "grain", "unit", "status", "ahead"];

const OUTPUT: [&str; 26] = [
    "metric",
    "subject",
    "grain",
    "unit",
    "period",
    "status",
    "class",
    "ahead",
    "period_start",
    "period_end",
    "value",
    "value_max",
    "qualifier",
    "published",
    "last_published",
    "documents",
    "doc_ids",
    "prev_period",
    "prev_value",
    "change",
    "change_pct",
    "points",
    "step",
    "record_id",
    "record_ids",
    "quote",
];

/// One row per figure with a value (see the module): its series key,
/// `period` (a label: `2022`, `Jan–Jul 2022`), `status`, `class`, `ahead`, the first
/// and last day it was said, its sources, the previous point of its run
/// (`prev_period`, `prev_value`) with `change` and `change_pct`, `step`
/// (1 = first of its run) and `points` (how many in the series).
pub fn series(records: LazyFrame) -> LazyFrame {
    plan(records).unwrap_or_else(|e| failed("series", e))
}

/// Each figure once across documents, with every source.
pub(super) fn points(records: LazyFrame) -> LazyFrame {
    let mut key = cols(&FIGURE_KEY);
    key.extend(cols(&["grain", "class"]));
    in_documents(records)
        .group_by_stable(key)
        .agg([
            col("published").min().alias("published"),
            col("published").max().alias("last_published"),
            col("doc_id")
                .n_unique()
                .cast(DataType::Int64)
                .alias("documents"),
            col("doc_id")
                .unique_stable()
                .str()
                .join(", ", true)
                .alias("doc_ids"),
            col("record_id").first(),
            col("record_ids").str().join(", ", true),
            col("quote").first(),
        ])
        .with_columns([ahead().alias("ahead"), period_label().alias("period")])
}

fn plan(records: LazyFrame) -> PolarsResult<LazyFrame> {
    let valued = records.filter(
        col("value")
            .is_not_null()
            .and(col("metric").neq(lit("launch_date"))),
    );
    let mut order = cols(&RUN);
    order.extend(cols(&[
        "period_start",
        "period_end",
        "published",
        "record_id",
    ]));
    let n = order.len();
    let run = cols(&RUN);
    Ok(points(valued)
        .sort_by_exprs(order, in_order(n))
        .with_columns([
            point().shift(lit(1)).over(&run)?.alias("prev_value"),
            col("period").shift(lit(1)).over(&run)?.alias("prev_period"),
            col("record_id")
                .cum_count(false)
                .over(&run)?
                .cast(DataType::Int64)
                .alias("step"),
            len()
                .over(cols(&SERIES_KEY))?
                .cast(DataType::Int64)
                .alias("points"),
        ])
        .with_columns(changes())
        .select(cols(&OUTPUT)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::testing::{column_f64, column_str, day, frame, rec};
    use crate::record::Record;

    fn exports(doc: &str, published: &str, start: &str, end: &str, value: f64) -> Record {
        let mut r = rec(doc, published, "exports", "CN>RU", "actual", Some(value));
        r.period_start = Some(day(start));
        r.period_end = Some(day(end));
        r
    }

    fn year(doc: &str, published: &str, y: i32, value: f64) -> Record {
        let (s, e) = (format!("{y}-01-01"), format!("{y}-12-31"));
        exports(doc, published, &s, &e, value)
    }

    #[test]
    fn each_year_has_the_change_from_the_year_before() {
        let df = series(frame(vec![
            year("c", "2024-02-01", 2023, 24.2e9),
            year("a", "2022-02-01", 2021, 20.0e9),
            year("b", "2023-02-01", 2022, 22.0e9),
        ]))
        .collect()
        .unwrap();
        assert_eq!(column_str(&df, "period")[0].as_deref(), Some("2021"));
        assert_eq!(column_f64(&df, "change"), [None, Some(2.0e9), Some(2.2e9)]);
        assert!((column_f64(&df, "change_pct")[2].unwrap() - 10.0).abs() < 1e-9);
        assert_eq!(column_f64(&df, "points"), [Some(3.0); 3]);
    }

    #[test]
    fn partial_periods_are_series_of_their_own_never_joined_to_years() {
        let df = series(frame(vec![
            year("a", "2022-02-01", 2021, 100.0),
            exports("b", "2022-08-20", "2022-01-01", "2022-07-31", 60.0),
            exports("c", "2022-11-20", "2022-01-01", "2022-10-31", 85.0),
            exports("d", "2022-03-20", "2022-02-01", "2022-02-28", 9.0),
            year("e", "2023-02-01", 2022, 110.0),
        ]))
        .collect()
        .unwrap();
        let grains = column_str(&df, "grain");
        let changes = column_f64(&df, "change");
        let of = |g: &str| -> Vec<Option<f64>> {
            (0..df.height())
                .filter(|i| grains[*i].as_deref() == Some(g))
                .map(|i| changes[i])
                .collect()
        };
        assert_eq!(of("year"), [None, Some(10.0)]);
        assert_eq!(of("ytd-7"), [None]);
        assert_eq!(of("ytd-10"), [None]);
        assert_eq!(of("month"), [None]);
        let labels = column_str(&df, "period");
        assert!(
            labels.contains(&Some("Jan–Jul 2022".to_string())),
            "{labels:?}"
        );
        assert!(labels.contains(&Some("Feb 2022".to_string())), "{labels:?}");
    }

    #[test]
    fn a_figure_said_twice_or_reprinted_is_one_point_with_every_source() {
        let a = year("a", "2022-02-01", 2021, 100.0);
        let mut headline = a.clone();
        headline.quote = "headline".into();
        let reprint = year("b", "2022-02-03", 2021, 100.0);
        let df = series(frame(vec![a, headline, reprint])).collect().unwrap();
        assert_eq!(df.height(), 1);
        assert_eq!(column_f64(&df, "documents"), [Some(2.0)]);
        assert_eq!(
            column_str(&df, "record_ids"),
            [Some("a#0-1, a#0-1.1, b#0-1".to_string())]
        );
        assert_eq!(column_str(&df, "doc_ids"), [Some("a, b".to_string())]);
    }

    #[test]
    fn an_actual_stated_before_its_period_starts_is_apart_and_no_step() {
        let early = exports("z", "2022-01-01", "2022-12-01", "2022-12-31", 5.0);
        let df = series(frame(vec![
            exports("a", "2022-11-20", "2022-11-01", "2022-11-30", 4.0),
            early,
        ]))
        .collect()
        .unwrap();
        let ahead: Vec<Option<bool>> = df.column("ahead").unwrap().bool().unwrap().iter().collect();
        assert_eq!(ahead, [Some(false), Some(true)]);
        assert_eq!(column_f64(&df, "change"), [None, None]);
    }

    #[test]
    fn plans_run_apart_from_actuals_and_units_are_separate_series() {
        let mut plan = year("b", "2022-02-01", 2025, 200.0);
        plan.status = crate::record::Status::Target;
        let mut roubles = year("c", "2023-02-01", 2022, 7.0);
        roubles.unit = Some("RUB".into());
        let df = series(frame(vec![
            year("a", "2022-02-01", 2021, 100.0),
            plan,
            roubles,
        ]))
        .collect()
        .unwrap();
        assert_eq!(column_f64(&df, "change"), [None, None, None]);
        assert_eq!(column_f64(&df, "points"), [Some(1.0), Some(2.0), Some(2.0)]);
    }

    #[test]
    fn launch_dates_have_no_series() {
        let r = rec(
            "a",
            "2022-01-01",
            "launch_date",
            "Сарань/шина",
            "planned",
            None,
        );
        assert_eq!(series(frame(vec![r])).collect().unwrap().height(), 0);
    }

    #[test]
    fn a_change_from_zero_has_no_percentage() {
        let df = series(frame(vec![
            year("a", "2022-01-01", 2020, 0.0),
            year("b", "2023-01-01", 2021, 5.0),
        ]))
        .collect()
        .unwrap();
        assert_eq!(column_f64(&df, "change_pct"), [None, None]);
        assert_eq!(column_f64(&df, "change"), [None, Some(5.0)]);
    }
}
