//! *revisions and contradictions*: one figure (metric, subject, status
//! class — a plan and a target are one class —, unit, grain and period)
//! given different values in different documents; a figure said twice in
//! one document counts once.
//!
//! Each value is read as the interval its words allow: an exact figure
//! ±1 % (news round: 24,2 and 24 млрд are the same statement), `approx`
//! ±10 % (≈4 млрд covers 3,9 млрд), `over` from the value up ("over
//! 11 thousand" covers 11 500), `under`/`up_to` up to the value, a range
//! from its low to its high end. Two statements whose intervals meet
//! *agree*; otherwise the later one *revised* the earlier, or, said on
//! the same day (or undated), they *contradict*.
//!
//! A stock (no period, not a target: "135 projects under way") is a
//! figure as of its `published` day; stated again later it has moved on
//! rather than been revised (see `stock`), so stocks pair up only when
//! said on the same day.

use polars::prelude::*;

use super::figure::in_documents;
use super::{cols, failed, percent, sort_in_time};

/// Relative slack of an exact figure (rounding in the text).
pub const ROUNDING: f64 = 0.01;
/// Relative slack of an approximate figure (около, порядка, почти).
pub const APPROX: f64 = 0.10;

/// Per-statement columns compared in a pair (suffixed `_a`, `_b`).
const SIDE: [&str; 12] = [
    "ord",
    "documents",
    "doc_ids",
    "record_id",
    "doc_id",
    "published",
    "value",
    "value_max",
    "qualifier",
    "lo",
    "hi",
    "quote",
];

const OUTPUT: [&str; 28] = [
    "metric",
    "subject",
    "class",
    "unit",
    "grain",
    "period_start",
    "period_end",
    "verdict",
    "published_a",
    "record_id_a",
    "doc_id_a",
    "value_a",
    "value_max_a",
    "qualifier_a",
    "documents_a",
    "doc_ids_a",
    "published_b",
    "record_id_b",
    "doc_id_b",
    "value_b",
    "value_max_b",
    "qualifier_b",
    "documents_b",
    "doc_ids_b",
    "change",
    "change_pct",
    "quote_a",
    "quote_b",
];

/// Each value of a figure beside the next different value of the same
/// figure in time, from different documents (a figure stated with k
/// values gives k − 1 pairs, not k², so a feed that restates a figure
/// hundreds of times stays cheap): each value as its earliest statement,
/// the earlier as `_a` and the later as `_b` (with `documents_…`, how many documents state
/// it, and `doc_ids_…`, which), the `change` between their points (midpoints of ranges) and a
/// `verdict`: `agrees`, `revised` or `contradicts`.
pub fn revisions(records: LazyFrame) -> LazyFrame {
    plan(records).unwrap_or_else(|e| failed("revisions", e))
}

fn plan(records: LazyFrame) -> PolarsResult<LazyFrame> {
    // `step`: the place of a value among its figure's values in time; a
    // value pairs with the one a step later.
    let base = distinct_values(records).with_column(
        col("ord")
            .cum_count(false)
            .over(cols(&JOIN_KEY))?
            .alias("step"),
    );
    let side = |suffix: &str, shift: i64| {
        let mut exprs = cols(&JOIN_KEY);
        exprs.push((col("step").cast(DataType::Int64) - lit(shift)).alias("step"));
        exprs.extend(SIDE.iter().map(|c| col(*c).alias(format!("{c}_{suffix}"))));
        base.clone().select(exprs)
    };
    let mut args = JoinArgs::new(JoinType::Inner);
    args.nulls_equal = true;
    let mut key = cols(&JOIN_KEY);
    key.push(col("step"));
    let pairs = side("a", 0)
        .join(side("b", 1), key.clone(), key, args)
        .filter(
            col("ord_a")
                .lt(col("ord_b"))
                .and(
                    // Some document of one value differs from some of the other.
                    col("doc_id_a")
                        .neq(col("doc_id_b"))
                        .or(col("documents_a").gt(lit(1)))
                        .or(col("documents_b").gt(lit(1))),
                )
                .and(
                    col("value_a")
                        .neq(col("value_b"))
                        .or(col("value_max_a").neq_missing(col("value_max_b"))),
                ),
        );
    let bigger = |a: &str, b: &str| when(col(a).gt(col(b))).then(col(a)).otherwise(col(b));
    let smaller = |a: &str, b: &str| when(col(a).lt(col(b))).then(col(a)).otherwise(col(b));
    let meet = bigger("lo_a", "lo_b").lt_eq(smaller("hi_a", "hi_b"));
    let point = |s: &str| {
        let (v, m) = (col(format!("value_{s}")), col(format!("value_max_{s}")));
        when(m.clone().is_not_null())
            .then((v.clone() + m) / lit(2.0))
            .otherwise(v)
    };
    let change = point("b") - point("a");
    let verdict = when(meet)
        .then(lit("agrees"))
        .when(col("published_b").gt(col("published_a")))
        .then(lit("revised"))
        .otherwise(lit("contradicts"));
    let mut order = cols(&JOIN_KEY[..7]);
    order.extend([col("ord_a"), col("ord_b")]);
    let n = order.len();
    Ok(pairs
        .with_columns([
            verdict.alias("verdict"),
            change.clone().alias("change"),
            percent(change, point("a")).alias("change_pct"),
        ])
        .sort_by_exprs(order, super::in_order(n))
        .select(cols(&OUTPUT)))
}

/// The pairing key: the figure, plus the day for stocks (which pair up
/// only when said on the same day).
const JOIN_KEY: [&str; 8] = [
    "metric",
    "subject",
    "class",
    "unit",
    "grain",
    "period_start",
    "period_end",
    "pair_day",
];

/// Each distinct value of each figure once, as its earliest statement,
/// with the number of `documents` that state it and an `ord` (time order).
/// Pairing distinct values rather than statements keeps the self-join
/// small when a figure is reprinted many times.
fn distinct_values(records: LazyFrame) -> LazyFrame {
    let valued = records.filter(
        col("value")
            .is_not_null()
            .and(col("metric").neq(lit("launch_date"))),
    );
    let day = when(is_stock())
        .then(col("published"))
        .otherwise(lit(NULL).cast(DataType::Date));
    let mut key = cols(&JOIN_KEY);
    key.extend(cols(&["value", "value_max", "qualifier"]));
    let mut firsts: Vec<Expr> = ["record_id", "doc_id", "published", "lo", "hi", "quote"]
        .iter()
        .map(|c| col(*c).first())
        .collect();
    firsts.push(
        col("doc_id")
            .n_unique()
            .cast(DataType::Int64)
            .alias("documents"),
    );
    firsts.push(
        col("doc_id")
            .unique_stable()
            .str()
            .join(", ", true)
            .alias("doc_ids"),
    );
    sort_in_time(in_documents(valued), &[])
        .with_columns(bounds())
        .with_column(day.alias("pair_day"))
        .group_by_stable(key)
        .agg(firsts)
        .with_row_index("ord", None)
}

/// A figure as of its `published` day: no period and not a target.
fn is_stock() -> Expr {
    col("period_start")
        .is_null()
        .and(col("period_end").is_null())
        .and(col("status").neq(lit("target")))
}

/// `lo` and `hi`: the interval a statement's words allow.
fn bounds() -> [Expr; 2] {
    let q = |s: &str| col("qualifier").eq(lit(s));
    let below = q("under").or(q("up_to"));
    let top = coalesce(&[col("value_max"), col("value")]);
    let lo = when(q("over"))
        .then(col("value"))
        .when(q("approx"))
        .then(col("value") * lit(1.0 - APPROX))
        .when(below.clone())
        .then(lit(f64::NEG_INFINITY))
        .otherwise(col("value") * lit(1.0 - ROUNDING));
    let hi = when(q("over"))
        .then(lit(f64::INFINITY))
        .when(q("approx"))
        .then(top.clone() * lit(1.0 + APPROX))
        .when(below)
        .then(top.clone())
        .otherwise(top * lit(1.0 + ROUNDING));
    [lo.alias("lo"), hi.alias("hi")]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::testing::{column_f64, column_str, day, frame, rec};
    use crate::record::{Qualifier, Record};

    fn value(doc: &str, published: &str, v: f64, q: Qualifier) -> Record {
        let mut r = rec(doc, published, "trade_turnover", "KZ+RU", "actual", Some(v));
        r.qualifier = q;
        r.period_start = Some(day("2021-01-01"));
        r.period_end = Some(day("2021-12-31"));
        r
    }

    /// A stock: projects under way as of `published`.
    fn under_way(doc: &str, published: &str, v: f64) -> Record {
        rec(
            doc,
            published,
            "projects_count",
            "KZ+RU",
            "ongoing",
            Some(v),
        )
    }

    fn verdicts(records: Vec<Record>) -> Vec<Option<String>> {
        let df = revisions(frame(records)).collect().unwrap();
        column_str(&df, "verdict")
    }

    #[test]
    fn approx_four_does_not_contradict_three_point_nine() {
        let v = verdicts(vec![
            value("a", "2022-06-01", 4.0e9, Qualifier::Approx),
            value("b", "2022-07-01", 3.9e9, Qualifier::Exact),
        ]);
        assert_eq!(v, [Some("agrees".to_string())]);
    }

    #[test]
    fn over_eleven_thousand_does_not_contradict_eleven_and_a_half() {
        let v = verdicts(vec![
            value("a", "2024-03-04", 11_000.0, Qualifier::Over),
            value("b", "2024-03-04", 11_500.0, Qualifier::Exact),
        ]);
        assert_eq!(v, [Some("agrees".to_string())]);
    }

    #[test]
    fn up_to_bounds_from_above() {
        let v = verdicts(vec![
            value("a", "2024-03-04", 45_000.0, Qualifier::UpTo),
            value("b", "2024-03-04", 50_000.0, Qualifier::Exact),
        ]);
        assert_eq!(v, [Some("contradicts".to_string())]);
    }

    #[test]
    fn a_later_different_value_revises_and_a_same_day_one_contradicts() {
        let v = verdicts(vec![
            value("a", "2022-01-01", 22.0e9, Qualifier::Exact),
            value("b", "2022-06-01", 24.2e9, Qualifier::Exact),
            value("c", "2022-06-01", 26.0e9, Qualifier::Exact),
        ]);
        let v: Vec<&str> = v.iter().flatten().map(String::as_str).collect();
        // Each value beside the next one in time: a→b, then b→c.
        assert_eq!(v, ["revised", "contradicts"]);
    }

    #[test]
    fn a_figure_with_many_values_gives_one_pair_per_step() {
        let records: Vec<_> = (0..50)
            .map(|i| {
                value(
                    &format!("d{i}"),
                    &format!("2023-01-{:02}", i % 28 + 1),
                    1e9 + i as f64 * 1e8,
                    Qualifier::Exact,
                )
            })
            .collect();
        let df = revisions(frame(records)).collect().unwrap();
        assert_eq!(df.height(), 49);
    }

    #[test]
    fn the_earlier_statement_is_always_side_a() {
        let records = vec![
            value("z", "2023-01-01", 5.0, Qualifier::Exact),
            value("a", "2022-01-01", 4.0, Qualifier::Exact),
        ];
        let df = revisions(frame(records)).collect().unwrap();
        assert_eq!(column_str(&df, "doc_id_a"), [Some("a".to_string())]);
        assert_eq!(column_f64(&df, "change"), [Some(1.0)]);
        assert_eq!(column_f64(&df, "change_pct"), [Some(25.0)]);
    }

    #[test]
    fn rounding_in_the_text_is_no_revision() {
        let v = verdicts(vec![
            value("a", "2022-01-01", 24.2e9, Qualifier::Exact),
            value("b", "2022-03-01", 24.0e9, Qualifier::Exact),
        ]);
        assert_eq!(v, [Some("agrees".to_string())]);
    }

    #[test]
    fn a_range_that_covers_the_value_agrees() {
        let mut range = value("a", "2022-01-01", 2.5e9, Qualifier::Exact);
        range.value_max = Some(3.0e9);
        let v = verdicts(vec![
            range,
            value("b", "2022-03-01", 2.8e9, Qualifier::Exact),
        ]);
        assert_eq!(v, [Some("agrees".to_string())]);
    }

    #[test]
    fn same_values_other_periods_statuses_or_one_document_are_no_pair() {
        let mut other_status = value("b", "2022-03-01", 5.0, Qualifier::Exact);
        other_status.status = crate::record::Status::Pipeline;
        let mut other_period = value("c", "2022-03-01", 6.0, Qualifier::Exact);
        other_period.period_end = Some(day("2021-11-30"));
        let v = verdicts(vec![
            value("a", "2022-01-01", 4.0, Qualifier::Exact),
            value("a", "2022-01-01", 7.0, Qualifier::Exact),
            value("d", "2022-05-01", 4.0, Qualifier::Exact),
            other_status,
            other_period,
        ]);
        // Only 4 (a, d) against 7 (a): d is another document; the first
        // statements of both values are a's, on the same day.
        assert_eq!(v, [Some("contradicts".to_string())]);
    }

    #[test]
    fn a_stock_said_again_later_is_no_revision_but_the_same_day_is() {
        let v = verdicts(vec![
            under_way("a", "2022-06-01", 22.0),
            under_way("b", "2024-03-04", 135.0),
            under_way("c", "2024-03-04", 140.0),
        ]);
        assert_eq!(v, [Some("contradicts".to_string())]);
        let mut goal = under_way("a", "2022-01-24", 1.0e9);
        goal.status = crate::record::Status::Target;
        let mut later = goal.clone();
        later.doc_id = "b".into();
        later.published = Some(day("2024-01-01"));
        later.value = Some(2.0e9);
        assert_eq!(verdicts(vec![goal, later]), [Some("revised".to_string())]);
    }

    #[test]
    fn reprints_of_each_value_make_one_pair_with_their_counts() {
        let records = vec![
            value("a", "2022-01-01", 4.0, Qualifier::Exact),
            value("b", "2022-01-02", 4.0, Qualifier::Exact),
            value("c", "2022-02-01", 5.0, Qualifier::Exact),
            value("d", "2022-02-02", 5.0, Qualifier::Exact),
            value("e", "2022-02-03", 5.0, Qualifier::Exact),
        ];
        let df = revisions(frame(records)).collect().unwrap();
        assert_eq!(df.height(), 1);
        assert_eq!(column_f64(&df, "documents_a"), [Some(2.0)]);
        assert_eq!(column_f64(&df, "documents_b"), [Some(3.0)]);
        assert_eq!(column_str(&df, "doc_id_b"), [Some("c".to_string())]);
        assert_eq!(column_str(&df, "doc_ids_b"), [Some("c, d, e".to_string())]);
    }

    #[test]
    fn open_periods_pair_up_with_their_own_kind() {
        let mut a = value("a", "2022-01-01", 1.0, Qualifier::Exact);
        a.period_start = None;
        a.period_end = Some(day("2027-12-31"));
        let mut b = a.clone();
        b.doc_id = "b".into();
        b.value = Some(2.0);
        assert_eq!(verdicts(vec![a, b]).len(), 1);
    }
}
