//! *targets*: each target beside the actual of its own period
//! (`shared/spec/compare.md`): a target for 2025 (a deadline of 31
//! December 2025) is met by the 2025 yearly actual (`match` = `own`, with
//! `share_pct`). Before that exists, the latest actual of the same metric,
//! subject and unit that falls inside the target's window — stated no
//! earlier than the target, up to its deadline — stands beside it marked
//! with its own period (`partial`, no share: seven months are not the
//! year). An actual of a period that ended before the target was stated
//! is history, not progress; a target with no deadline is compared with
//! nothing (`no_period`); `none` when no actual qualifies. Units must
//! match: convert money first (`to_currency`). A target range is measured
//! against its low end. A figure said twice in a document is one target.

use polars::prelude::*;

use super::figure::{in_documents, period_label};
use super::series::points;
use super::{cols, failed, in_order, percent, sort_in_time};

const KEY: [&str; 3] = ["metric", "subject", "unit"];

/// Columns of a target, renamed `target_…`.
const TARGET: [&str; 12] = [
    "record_id",
    "record_ids",
    "value",
    "value_max",
    "qualifier",
    "period_start",
    "period_end",
    "period",
    "published",
    "doc_id",
    "quote",
    "tid",
];

/// Columns of the matching actual, renamed `actual_…`.
const ACTUAL: [&str; 12] = [
    "record_id",
    "record_ids",
    "value",
    "value_max",
    "qualifier",
    "period_start",
    "period_end",
    "period",
    "grain",
    "published",
    "doc_ids",
    "quote",
];

/// One row per target with a value: the target's columns (`target_…`),
/// the actual it meets (`actual_…`, null when none), `match` and
/// `share_pct` (see the module).
pub fn targets(records: LazyFrame) -> LazyFrame {
    plan(records).unwrap_or_else(|e| failed("targets", e))
}

fn renamed(prefix: &str, names: &[&str]) -> Vec<Expr> {
    let mut e = cols(&KEY);
    e.extend(names.iter().map(|c| col(*c).alias(format!("{prefix}_{c}"))));
    e
}

fn plan(records: LazyFrame) -> PolarsResult<LazyFrame> {
    let valued = records.filter(col("value").is_not_null());
    let goals = sort_in_time(
        in_documents(valued.clone().filter(col("status").eq(lit("target")))),
        &["metric", "subject"],
    )
    .with_column(period_label().alias("period"))
    .with_row_index("tid", None)
    .select(renamed("target", &TARGET));
    let actuals = points(valued.filter(col("status").eq(lit("actual"))))
        .filter(col("ahead").not())
        .select(renamed("actual", &ACTUAL));
    let best = best_actuals(goals.clone(), actuals)?;
    let mut args = JoinArgs::new(JoinType::Left);
    args.maintain_order = MaintainOrderJoin::Left;
    let matched = when(col("target_period_end").is_null())
        .then(lit("no_period"))
        .when(col("actual_record_id").is_null())
        .then(lit("none"))
        .when(col("own"))
        .then(lit("own"))
        .otherwise(lit("partial"));
    let share = when(col("own").fill_null(lit(false)))
        .then(percent(col("actual_value"), col("target_value")))
        .otherwise(lit(NULL).cast(DataType::Float64));
    Ok(goals
        .join(best, [col("target_tid")], [col("target_tid")], args)
        .with_columns([matched.alias("match"), share.alias("share_pct")])
        .drop(by_name(["target_tid", "own", "as_of"], true, false)))
}

/// For each target (`target_tid`), the one actual it meets: its own
/// period's, else the latest inside its window.
/// The dates of a goal that decide which actual meets it.
const WINDOW: [&str; 3] = [
    "target_published",
    "target_period_start",
    "target_period_end",
];

/// The columns of an actual that decide whether it meets a goal.
const PERIOD: [&str; 4] = [
    "actual_period_start",
    "actual_period_end",
    "actual_grain",
    "as_of",
];

/// For each goal (`target_tid`), the actual that meets it: its own period
/// if one was stated, else the latest one stated after the goal and by
/// its deadline. Many goals share a window (key and dates) and many
/// actuals a period, so the matching runs on distinct windows against
/// the latest actual of each period, never on every pair.
fn best_actuals(goals: LazyFrame, actuals: LazyFrame) -> PolarsResult<LazyFrame> {
    let mut args = JoinArgs::new(JoinType::Inner);
    args.nulls_equal = true;
    let own = col("actual_period_end")
        .eq(col("target_period_end"))
        .and(
            when(col("target_period_start").is_null())
                .then(col("actual_grain").eq(lit("year")))
                .otherwise(col("actual_period_start").eq(col("target_period_start"))),
        )
        .fill_null(lit(false));
    let inside = col("as_of")
        .gt_eq(col("target_published"))
        .and(col("as_of").lt_eq(col("target_period_end")))
        .fill_null(lit(false));
    let window = [&KEY[..], &WINDOW[..]].concat();
    let windows = goals
        .clone()
        .select(cols(&window))
        .unique_stable(None, UniqueKeepStrategy::First);
    let mut keep = vec![col("own"), col("as_of")];
    keep.extend(ACTUAL.iter().map(|c| col(format!("actual_{c}"))));
    let best = windows
        .join(
            latest_per_period(actuals),
            cols(&KEY),
            cols(&KEY),
            args.clone(),
        )
        .with_column(own.alias("own"))
        .filter(col("own").or(inside))
        // Ties (`янв–июл` and `июль` of one article end on one day) go to
        // the longer period, then to the record said first: the same
        // pick on every run.
        .sort(
            [
                "own",
                "as_of",
                "actual_published",
                "actual_period_start",
                "actual_record_id",
            ],
            in_order(5).with_order_descending_multi([false, false, false, true, true]),
        )
        .group_by_stable(cols(&window))
        .agg(keep.into_iter().map(|e| e.last()).collect::<Vec<_>>());
    let mut ids = vec![col("target_tid")];
    ids.extend(cols(&window));
    Ok(goals
        .select(ids)
        .join(best, cols(&window), cols(&window), args)
        .drop(by_name(WINDOW, true, false))
        .drop(by_name(KEY, true, false)))
}

/// The actuals of each key, one per period and as-of date: the one said
/// last (what a goal's best match would pick among them).
fn latest_per_period(actuals: LazyFrame) -> LazyFrame {
    let as_of = coalesce(&[col("actual_period_end"), col("actual_published")]);
    let group = [&KEY[..], &PERIOD[..]].concat();
    let rest: Vec<Expr> = ACTUAL
        .iter()
        .map(|c| format!("actual_{c}"))
        .filter(|c| !PERIOD.contains(&c.as_str()))
        .map(|c| col(c).last())
        .collect();
    actuals
        .with_column(as_of.alias("as_of"))
        .sort(["actual_published", "actual_record_id"], in_order(2))
        .group_by_stable(cols(&group))
        .agg(rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::testing::{column_f64, column_str, day, frame, rec};
    use crate::record::Record;

    /// A turnover figure; `period` is `YYYY` (a year), `YYYY-MM` (January
    /// to the end of that month) or empty (no period).
    fn turnover(doc: &str, published: &str, status: &str, v: f64, period: &str) -> Record {
        let mut r = rec(doc, published, "trade_turnover", "KZ+RU", status, Some(v));
        let end = match period.len() {
            4 => Some(day(&format!("{period}-12-31"))),
            7 => {
                let first = day(&format!("{period}-01"));
                Some(first + chrono::Months::new(1) - chrono::Days::new(1))
            }
            _ => None,
        };
        r.period_end = end;
        r.period_start = end.map(|e| day(&format!("{}-01-01", &e.to_string()[..4])));
        r
    }

    /// A target with a deadline at the end of `year`, no start.
    fn goal(doc: &str, published: &str, v: f64, year: &str) -> Record {
        let mut r = turnover(doc, published, "target", v, year);
        r.period_start = None;
        r
    }

    fn one(records: Vec<Record>) -> DataFrame {
        let df = targets(frame(records)).collect().unwrap();
        assert_eq!(df.height(), 1);
        df
    }

    fn text(df: &DataFrame, c: &str) -> String {
        column_str(df, c)[0].clone().unwrap_or_default()
    }

    #[test]
    fn a_target_meets_the_yearly_actual_of_its_own_year() {
        let df = one(vec![
            goal("t", "2022-01-24", 200.0, "2025"),
            turnover("a", "2025-08-20", "actual", 96.0, "2025-07"),
            turnover("b", "2026-02-01", "actual", 180.0, "2025"),
            turnover("c", "2027-02-01", "actual", 250.0, "2026"),
        ]);
        assert_eq!(text(&df, "match"), "own");
        assert_eq!(column_f64(&df, "actual_value"), [Some(180.0)]);
        assert_eq!(column_f64(&df, "share_pct"), [Some(90.0)]);
        assert_eq!(text(&df, "target_period"), "by 2025-12-31");
    }

    #[test]
    fn of_two_actuals_ending_on_one_day_the_longer_period_is_taken_every_time() {
        // One article gives January–July and July alone: the goal for
        // the year is measured on the seven months, on every run, in
        // either order.
        let mut july = turnover("a", "2025-08-20", "actual", 19.7, "2025-07");
        july.period_start = Some(day("2025-07-01"));
        july.span_start = 600;
        let seven = turnover("a", "2025-08-20", "actual", 136.7, "2025-07");
        for order in [[july.clone(), seven.clone()], [seven.clone(), july.clone()]] {
            for _ in 0..5 {
                let mut rs = vec![goal("t", "2022-01-24", 200.0, "2025")];
                rs.extend(order.iter().cloned());
                let df = one(rs);
                assert_eq!(column_f64(&df, "actual_value"), [Some(136.7)]);
            }
        }
    }

    #[test]
    fn seven_months_stand_beside_a_yearly_target_marked_and_without_a_share() {
        let df = one(vec![
            goal("t", "2022-01-24", 200.0, "2025"),
            turnover("h", "2022-02-01", "actual", 70.0, "2021"),
            turnover("a", "2025-08-20", "actual", 96.0, "2025-07"),
        ]);
        assert_eq!(text(&df, "match"), "partial");
        assert_eq!(text(&df, "actual_period"), "Jan–Jul 2025");
        assert_eq!(column_f64(&df, "share_pct"), [None]);
    }

    #[test]
    fn a_past_target_is_not_measured_by_a_later_or_earlier_actual() {
        let df = one(vec![
            goal("t", "2018-05-01", 10.0, "2020"),
            turnover("h", "2018-02-01", "actual", 6.0, "2017"),
            turnover("a", "2025-02-01", "actual", 31.0, "2024"),
        ]);
        assert_eq!(text(&df, "match"), "none");
        assert_eq!(column_f64(&df, "actual_value"), [None]);
        assert_eq!(column_f64(&df, "share_pct"), [None]);
    }

    #[test]
    fn a_target_without_a_deadline_is_compared_with_nothing() {
        let df = one(vec![
            turnover("a", "2022-01-24", "actual", 423.3e6, "2021-11"),
            turnover("b", "2022-01-24", "target", 1.0e9, ""),
        ]);
        assert_eq!(text(&df, "match"), "no_period");
        assert_eq!(column_f64(&df, "actual_value"), [None]);
    }

    #[test]
    fn every_target_is_a_row_and_one_said_twice_is_one() {
        let mut twice = goal("t", "2022-01-24", 5.0, "2030");
        twice.quote = "headline".into();
        let df = targets(frame(vec![
            goal("t", "2022-01-24", 5.0, "2030"),
            twice,
            goal("t", "2022-01-24", 9.0, "2035"),
            goal("u", "2023-01-24", 6.0, "2030"),
        ]))
        .collect()
        .unwrap();
        assert_eq!(df.height(), 3);
        assert_eq!(
            column_str(&df, "target_record_ids")[0].as_deref(),
            Some("t#0-1, t#0-1.1")
        );
    }

    #[test]
    fn other_currencies_do_not_match_until_converted() {
        let mut rub = turnover("a", "2022-01-24", "actual", 7.3e9, "2021");
        rub.unit = Some("RUB".into());
        let target = goal("b", "2020-01-24", 1.0e9, "2021");
        let raw = one(vec![rub.clone(), target.clone()]);
        assert_eq!(column_f64(&raw, "actual_value"), [None]);
        let usd = crate::compare::to_currency(frame(vec![rub, target]), "USD");
        let df = targets(usd).collect().unwrap();
        let share = column_f64(&df, "share_pct")[0].unwrap();
        // 7.3e9 RUB at 73.65 RUB/USD (2021) ≈ 99.1 m USD ≈ 9.9 %.
        assert!((share - 9.91).abs() < 0.01, "{share}");
    }

    #[test]
    fn a_range_target_is_measured_on_its_low_end() {
        let mut range = goal("c", "2021-01-01", 10.0, "2022");
        range.value_max = Some(20.0);
        let df = one(vec![
            turnover("a", "2023-01-01", "actual", 5.0, "2022"),
            range,
        ]);
        assert_eq!(column_f64(&df, "share_pct"), [Some(50.0)]);
        assert_eq!(column_f64(&df, "target_value_max"), [Some(20.0)]);
    }
}
