//! *launches*: for each plant or project key, every statement of its
//! launch window is an announcement, in the order it was made
//! (`shared/spec/compare.md`). Each announcement carries the previous
//! window of its key, the shift of its end in days (of its start, for an
//! open window "from 2025") and a verdict: `first`, `kept` (same end),
//! `slipped` (later) or `earlier`. The previous window is the last one of
//! the previous document: windows of one document are not compared with
//! each other (stages, or a construction period beside a launch, read
//! like slips), but a later window comes after an earlier one, so the
//! latest announcement of "moved from 2024 to 2025" is 2025. A window
//! said twice in a document is one announcement. A subject that is not a
//! plant key (`KZ+RU`: a set of projects of two countries) is never
//! compared: each of its announcements stands alone (`first`).
//!
//! The latest announcement of a key has its `state` at `as_of`:
//! `launched` when it reports the launch as done (status `actual`),
//! `overdue` when its window ended before `as_of`, `pending` otherwise,
//! `unknown` without any date.

use chrono::NaiveDate;
use polars::prelude::*;

use super::figure::in_documents;
use super::{cols, failed, in_order, window_label};

const OUTPUT: [&str; 20] = [
    "subject",
    "plant",
    "published",
    "doc_id",
    "window",
    "period_start",
    "period_end",
    "status",
    "prev_published",
    "prev_window",
    "prev_record_id",
    "shift_days",
    "verdict",
    "latest",
    "state",
    "announcements",
    "step",
    "record_id",
    "record_ids",
    "quote",
];

/// One row per announcement (see the module), grouped by subject in
/// time order.
pub fn launches(records: LazyFrame, as_of: NaiveDate) -> LazyFrame {
    plan(records, as_of).unwrap_or_else(|e| failed("launches", e))
}

fn plan(records: LazyFrame, as_of: NaiveDate) -> PolarsResult<LazyFrame> {
    let plant = col("subject")
        .str()
        .split(lit("/"))
        .list()
        .len()
        .gt(lit(1))
        .fill_null(lit(false));
    let announced = in_documents(records.filter(col("metric").eq(lit("launch_date"))))
        .with_columns([
            window_label("period_start", "period_end").alias("window"),
            coalesce(&[col("period_end"), col("period_start")]).alias("edge"),
            plant.alias("plant"),
        ])
        .sort(
            ["subject", "published", "doc_id", "edge", "span_start"],
            in_order(5),
        );
    // A set of projects is compared with nothing: each record is its own key.
    let key = when(col("plant"))
        .then(col("subject"))
        .otherwise(col("record_id"))
        .alias("key");
    let announced = announced.with_column(key);
    let over = [col("key")];
    let mut args = JoinArgs::new(JoinType::Left);
    args.maintain_order = MaintainOrderJoin::Left;
    let with_prev = announced
        .clone()
        .join(
            previous_documents(announced)?,
            cols(&["key", "doc_id"]),
            cols(&["key", "doc_id"]),
            args,
        )
        .with_columns([
            col("record_id")
                .cum_count(false)
                .over(over.clone())?
                .cast(DataType::Int64)
                .alias("step"),
            len()
                .over(over)?
                .cast(DataType::Int64)
                .alias("announcements"),
        ]);
    let days = |c: &str| col(c).cast(DataType::Int32).cast(DataType::Int64);
    let shift = days("edge") - days("prev_edge");
    let verdict = when(col("prev_record_id").is_null())
        .then(lit("first"))
        .when(shift.clone().is_null())
        .then(lit(NULL).cast(DataType::String))
        .when(shift.clone().gt(lit(0)))
        .then(lit("slipped"))
        .when(shift.clone().lt(lit(0)))
        .then(lit("earlier"))
        .otherwise(lit("kept"));
    let latest = col("step").eq(col("announcements"));
    let state = when(latest.clone().not())
        .then(lit(NULL).cast(DataType::String))
        .when(col("status").eq(lit("actual")))
        .then(lit("launched"))
        .when(col("edge").is_null())
        .then(lit("unknown"))
        .when(col("edge").lt(lit(as_of)))
        .then(lit("overdue"))
        .otherwise(lit("pending"));
    Ok(with_prev
        .with_columns([
            shift.alias("shift_days"),
            verdict.alias("verdict"),
            latest.alias("latest"),
            state.alias("state"),
        ])
        .select(cols(&OUTPUT)))
}

/// Per key and document, the window the key had before that document:
/// the last window of the previous document (`prev_…`). Windows within
/// one document are not compared with each other (stages, a construction
/// period and a launch, or an old and a new window: the text decides, the
/// order does not); each is compared with what was announced before.
fn previous_documents(announced: LazyFrame) -> PolarsResult<LazyFrame> {
    let last = |c: &str| col(c).last().alias(format!("doc_{c}"));
    let prev = |c: &str| {
        col(format!("doc_{c}"))
            .shift(lit(1))
            .over([col("key")])
            .map(|e| e.alias(format!("prev_{c}")))
    };
    Ok(announced
        .group_by_stable(cols(&["key", "doc_id"]))
        .agg([
            last("published"),
            last("window"),
            last("record_id"),
            last("edge"),
        ])
        .select([
            col("key"),
            col("doc_id"),
            prev("published")?,
            prev("window")?,
            prev("record_id")?,
            prev("edge")?,
        ]))
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

    fn year(doc: &str, published: &str, key: &str, y: i32) -> Record {
        let (s, e) = (format!("{y}-01-01"), format!("{y}-12-31"));
        launch(doc, published, key, Some(&s), &e)
    }

    fn run(records: Vec<Record>, as_of: &str) -> DataFrame {
        launches(frame(records), day(as_of)).collect().unwrap()
    }

    fn strs(df: &DataFrame, c: &str) -> Vec<String> {
        column_str(df, c)
            .into_iter()
            .map(Option::unwrap_or_default)
            .collect()
    }

    const SARAN: &str = "Сарань/шина";

    #[test]
    fn each_announcement_against_the_one_before() {
        let df = run(
            vec![
                year("b", "2022-01-24", SARAN, 2022),
                year("a", "2019-04-03", SARAN, 2020),
                year("c", "2023-05-01", SARAN, 2023),
                year("d", "2023-09-01", SARAN, 2023),
                year("e", "2024-01-01", SARAN, 2021),
            ],
            "2026-01-01",
        );
        assert_eq!(
            strs(&df, "verdict"),
            ["first", "slipped", "slipped", "kept", "earlier"]
        );
        assert_eq!(
            strs(&df, "prev_window"),
            ["", "2020", "2022", "2023", "2023"]
        );
        assert_eq!(
            column_f64(&df, "shift_days"),
            [None, Some(730.0), Some(365.0), Some(0.0), Some(-730.0)]
        );
        assert_eq!(strs(&df, "state"), ["", "", "", "", "overdue"]);
    }

    #[test]
    fn a_window_moved_later_in_one_document_ends_on_the_later_one() {
        // «Запуск перенесли на 2025 год»: the headline first, the old
        // window («планировался в 2024 году») later in the text.
        let mut new = year("a", "2024-06-01", SARAN, 2025);
        new.span_start = 1;
        let mut old = year("a", "2024-06-01", SARAN, 2024);
        old.span_start = 500;
        let df = run(vec![new.clone(), old.clone()], "2024-07-01");
        assert_eq!(strs(&df, "window"), ["2024", "2025"]);
        assert_eq!(strs(&df, "verdict"), ["first", "first"]);
        assert_eq!(strs(&df, "state"), ["", "pending"]);
        // Against an earlier document's 2024, the old window is kept and
        // the new one slipped.
        let before = year("0", "2023-01-01", SARAN, 2024);
        let df = run(vec![before, new, old], "2024-07-01");
        assert_eq!(strs(&df, "verdict"), ["first", "kept", "slipped"]);
        assert_eq!(strs(&df, "prev_window"), ["", "2024", "2024"]);
    }

    #[test]
    fn a_window_said_twice_in_a_document_is_one_announcement() {
        let df = run(
            vec![
                year("a", "2022-01-24", SARAN, 2022),
                year("a", "2022-01-24", SARAN, 2022),
            ],
            "2022-06-01",
        );
        assert_eq!(df.height(), 1);
        assert_eq!(strs(&df, "record_ids"), ["a#0-1, a#0-1.1"]);
        assert_eq!(strs(&df, "state"), ["pending"]);
    }

    #[test]
    fn a_launch_reported_done_is_launched_not_overdue() {
        let mut done = year("b", "2023-02-01", SARAN, 2022);
        done.status = crate::record::Status::Actual;
        let df = run(
            vec![year("a", "2021-01-01", SARAN, 2022), done],
            "2026-01-01",
        );
        assert_eq!(strs(&df, "verdict"), ["first", "kept"]);
        assert_eq!(strs(&df, "state"), ["", "launched"]);
    }

    #[test]
    fn open_windows_compare_on_their_start() {
        let mut open = rec("b", "2023-01-01", "launch_date", SARAN, "planned", None);
        open.period_start = Some(day("2026-01-01"));
        let df = run(
            vec![year("a", "2022-01-01", SARAN, 2025), open],
            "2025-06-01",
        );
        assert_eq!(strs(&df, "verdict"), ["first", "slipped"]);
        assert_eq!(strs(&df, "window")[1], "from 2026-01-01");
        assert_eq!(strs(&df, "state")[1], "pending");
    }

    #[test]
    fn windows_of_a_set_of_projects_are_never_compared() {
        // «ряд проектов» in 2019 and a border-crossing rebuild «до 2027».
        let df = run(
            vec![
                year("a", "2019-04-03", "KZ+RU", 2019),
                launch("b", "2024-03-04", "KZ+RU", None, "2027-12-31"),
            ],
            "2026-01-01",
        );
        assert_eq!(strs(&df, "verdict"), ["first", "first"]);
        assert_eq!(column_f64(&df, "shift_days"), [None, None]);
        assert_eq!(strs(&df, "state"), ["overdue", "pending"]);
    }

    #[test]
    fn other_metrics_and_keys_stay_apart() {
        let df = run(
            vec![
                year("a", "2022-01-01", "Город/завод", 2023),
                year("a", "2022-01-01", "Город/цех", 2024),
                rec("a", "2022-01-01", "jobs", "x", "planned", Some(5.0)),
            ],
            "2020-01-01",
        );
        assert_eq!(strs(&df, "verdict"), ["first", "first"]);
    }
}
