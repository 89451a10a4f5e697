//! *launches*: for each plant or project key, the launch windows
//! announced over time. The latest window is compared with the first on
//! its end (or its start, for an open window "from 2025"): later is
//! `slipped`, the same is `kept`, earlier is `forward`; a key said once
//! is `single`. A subject that is not a plant key (`KZ+RU`: a set of
//! projects of two countries) gets `set` when said more than once: its
//! windows may belong to different projects, so they make no trend. The `state` says where things stand at `as_of`:
//! `launched` when the latest statement reports the launch as done
//! (status `actual`), `overdue` when the latest window has ended before
//! `as_of`, `pending` otherwise, `unknown` without any date.

use chrono::NaiveDate;
use polars::prelude::*;

use super::{failed, sort_in_time, window_label};

/// One row per subject (plant key, project, or parties): `statements`,
/// the first and the latest statement (`first_published`, `first_start`,
/// `first_end`, `latest_…`, `latest_status`), `shift_days` between the
/// two windows' ends, `trend`, `state` at `as_of`, and `windows`: every
/// statement as `published: window`, in time order.
pub fn launches(records: LazyFrame, as_of: NaiveDate) -> LazyFrame {
    plan(records, as_of).unwrap_or_else(|e| failed("launches", e))
}

fn plan(records: LazyFrame, as_of: NaiveDate) -> PolarsResult<LazyFrame> {
    let lf = sort_in_time(
        records.filter(col("metric").eq(lit("launch_date"))),
        &["subject"],
    )
    .with_columns([
        concat_str(
            [
                col("published")
                    .cast(DataType::String)
                    .fill_null(lit("undated")),
                lit(": "),
                window_label("period_start", "period_end").fill_null(lit("no date")),
            ],
            "",
            false,
        )
        .alias("window"),
        coalesce(&[col("period_end"), col("period_start")]).alias("edge"),
    ]);
    let first = |c: &str| col(c).first().alias(format!("first_{c}"));
    let last = |c: &str| col(c).last().alias(format!("latest_{c}"));
    let grouped = lf.group_by_stable([col("subject")]).agg([
        len().cast(DataType::Int64).alias("statements"),
        first("published"),
        col("period_start").first().alias("first_start"),
        col("period_end").first().alias("first_end"),
        col("edge").first().alias("first_edge"),
        last("published"),
        col("period_start").last().alias("latest_start"),
        col("period_end").last().alias("latest_end"),
        col("edge").last().alias("latest_edge"),
        last("status"),
        col("window").str().join("; ", false).alias("windows"),
        col("doc_id")
            .unique_stable()
            .str()
            .join(", ", true)
            .alias("doc_ids"),
    ]);
    let days = |c: &str| col(c).cast(DataType::Int32).cast(DataType::Int64);
    let shift = days("latest_edge") - days("first_edge");
    let plant_key = col("subject")
        .str()
        .split(lit("/"))
        .list()
        .len()
        .gt(lit(1))
        .fill_null(lit(false));
    let trend = when(col("statements").eq(lit(1)))
        .then(lit("single"))
        .when(plant_key.not())
        .then(lit("set"))
        .when(shift.clone().is_null())
        .then(lit(NULL).cast(DataType::String))
        .when(shift.clone().gt(lit(0)))
        .then(lit("slipped"))
        .when(shift.clone().lt(lit(0)))
        .then(lit("forward"))
        .otherwise(lit("kept"));
    let state = when(col("latest_status").eq(lit("actual")))
        .then(lit("launched"))
        .when(col("latest_edge").is_null())
        .then(lit("unknown"))
        .when(col("latest_edge").lt(lit(as_of)))
        .then(lit("overdue"))
        .otherwise(lit("pending"));
    Ok(grouped
        .with_columns([
            shift.alias("shift_days"),
            trend.alias("trend"),
            state.alias("state"),
        ])
        .select(
            [
                "subject",
                "statements",
                "trend",
                "state",
                "shift_days",
                "first_published",
                "first_start",
                "first_end",
                "latest_published",
                "latest_start",
                "latest_end",
                "latest_status",
                "windows",
                "doc_ids",
            ]
            .map(col),
        ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::testing::{column_f64, column_str, day, frame, rec};
    use crate::record::Record;

    fn launch(doc: &str, published: &str, key: &str, start: Option<&str>, end: &str) -> Record {
        let mut r = rec(doc, published, "launch_date", key, "planned", None);
        r.period_start = start.map(day);
        r.period_end = Some(day(end));
        r
    }

    fn one(records: Vec<Record>, as_of: &str) -> DataFrame {
        launches(frame(records), day(as_of)).collect().unwrap()
    }

    fn text(df: &DataFrame, c: &str) -> String {
        column_str(df, c)[0].clone().unwrap_or_default()
    }

    #[test]
    fn a_later_window_slipped_and_the_passed_one_is_overdue() {
        let df = one(
            vec![
                launch(
                    "b",
                    "2022-01-24",
                    "Сарань/шина",
                    Some("2022-01-01"),
                    "2022-12-31",
                ),
                launch(
                    "a",
                    "2019-04-03",
                    "Сарань/шина",
                    Some("2020-01-01"),
                    "2020-12-31",
                ),
                launch(
                    "c",
                    "2023-05-01",
                    "Сарань/шина",
                    Some("2023-01-01"),
                    "2023-12-31",
                ),
            ],
            "2026-01-01",
        );
        assert_eq!(df.height(), 1);
        assert_eq!(text(&df, "trend"), "slipped");
        assert_eq!(text(&df, "state"), "overdue");
        assert_eq!(column_f64(&df, "shift_days"), [Some(1095.0)]);
        assert_eq!(
            text(&df, "windows"),
            "2019-04-03: 2020; 2022-01-24: 2022; 2023-05-01: 2023"
        );
    }

    #[test]
    fn one_statement_is_single_and_pending_before_its_end() {
        let df = one(
            vec![launch(
                "a",
                "2022-01-24",
                "Костанай/чугунное литьё",
                Some("2023-01-01"),
                "2024-12-31",
            )],
            "2024-06-01",
        );
        assert_eq!(text(&df, "trend"), "single");
        assert_eq!(text(&df, "state"), "pending");
        assert_eq!(text(&df, "windows"), "2022-01-24: 2023–2024");
    }

    #[test]
    fn an_earlier_window_is_forward_and_the_same_is_kept() {
        let forward = one(
            vec![
                launch("a", "2020-01-01", "Город/завод", None, "2025-12-31"),
                launch("b", "2021-01-01", "Город/завод", None, "2024-12-31"),
            ],
            "2020-06-01",
        );
        assert_eq!(text(&forward, "trend"), "forward");
        let kept = one(
            vec![
                launch(
                    "a",
                    "2020-01-01",
                    "Город/завод",
                    Some("2024-01-01"),
                    "2024-12-31",
                ),
                launch(
                    "b",
                    "2021-01-01",
                    "Город/завод",
                    Some("2024-06-01"),
                    "2024-12-31",
                ),
            ],
            "2020-06-01",
        );
        assert_eq!(text(&kept, "trend"), "kept");
    }

    #[test]
    fn a_launch_reported_done_is_launched_not_overdue() {
        let mut done = launch(
            "b",
            "2023-02-01",
            "Город/завод",
            Some("2022-01-01"),
            "2022-12-31",
        );
        done.status = crate::record::Status::Actual;
        let df = one(
            vec![
                launch(
                    "a",
                    "2021-01-01",
                    "Город/завод",
                    Some("2022-01-01"),
                    "2022-12-31",
                ),
                done,
            ],
            "2026-01-01",
        );
        assert_eq!(text(&df, "state"), "launched");
        assert_eq!(text(&df, "trend"), "kept");
    }

    #[test]
    fn equal_dates_take_the_document_order_for_latest() {
        let df = one(
            vec![
                launch("b", "2022-01-01", "Город/завод", None, "2024-12-31"),
                launch("a", "2022-01-01", "Город/завод", None, "2023-12-31"),
            ],
            "2020-01-01",
        );
        assert_eq!(text(&df, "trend"), "slipped");
        assert_eq!(text(&df, "doc_ids"), "a, b");
    }

    #[test]
    fn open_windows_compare_on_their_start() {
        let mut open = rec(
            "b",
            "2023-01-01",
            "launch_date",
            "Город/завод",
            "planned",
            None,
        );
        open.period_start = Some(day("2026-01-01"));
        let df = one(
            vec![
                launch(
                    "a",
                    "2022-01-01",
                    "Город/завод",
                    Some("2025-01-01"),
                    "2025-12-31",
                ),
                open,
            ],
            "2025-06-01",
        );
        assert_eq!(text(&df, "trend"), "slipped");
        assert_eq!(text(&df, "state"), "pending");
        assert!(text(&df, "windows").ends_with("2023-01-01: from 2026-01-01"));
    }

    #[test]
    fn windows_of_a_set_of_projects_make_no_trend() {
        let df = one(
            vec![
                launch("a", "2019-04-03", "KZ+RU", Some("2019-01-01"), "2019-12-31"),
                launch("b", "2024-03-04", "KZ+RU", None, "2027-12-31"),
            ],
            "2026-01-01",
        );
        assert_eq!(text(&df, "trend"), "set");
        assert_eq!(text(&df, "state"), "pending");
    }

    #[test]
    fn other_metrics_and_keys_stay_apart() {
        let df = one(
            vec![
                launch("a", "2022-01-01", "Город/завод", None, "2023-12-31"),
                launch("a", "2022-01-01", "y", None, "2023-12-31"),
                rec("a", "2022-01-01", "jobs", "x", "planned", Some(5.0)),
            ],
            "2020-01-01",
        );
        assert_eq!(df.height(), 2);
    }
}
