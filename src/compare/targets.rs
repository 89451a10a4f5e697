//! *targets*: each target beside the latest actual for the same metric,
//! subject and unit, with the share reached. "Latest" is the actual whose
//! period ends last (a stock without a period counts at its `published`
//! date), then the last published. Units must match: convert money first
//! (`to_currency`) to compare a target in dollars with an actual in
//! roubles. A target range is measured against its low end.

use polars::prelude::*;

use super::{cols, failed, percent, sort_in_time};

const KEY: [&str; 3] = ["metric", "subject", "unit"];

/// Columns of a target, renamed `target_…`.
const TARGET: [&str; 8] = [
    "record_id",
    "value",
    "value_max",
    "qualifier",
    "period_end",
    "published",
    "doc_id",
    "quote",
];

/// Columns of the matching actual, renamed `actual_…`.
const ACTUAL: [&str; 8] = [
    "record_id",
    "value",
    "qualifier",
    "period_start",
    "period_end",
    "published",
    "doc_id",
    "quote",
];

/// One row per target with a value: the target's columns (`target_…`),
/// the latest actual's (`actual_…`, null when there is none) and
/// `share_pct` = actual / target × 100.
pub fn targets(records: LazyFrame) -> LazyFrame {
    plan(records).unwrap_or_else(|e| failed("targets", e))
}

fn plan(records: LazyFrame) -> PolarsResult<LazyFrame> {
    let valued = records.filter(col("value").is_not_null());
    let renamed = |prefix: &str, names: &[&str]| -> Vec<Expr> {
        let mut e = cols(&KEY);
        e.extend(names.iter().map(|c| col(*c).alias(format!("{prefix}_{c}"))));
        e
    };
    let goals = sort_in_time(
        valued.clone().filter(col("status").eq(lit("target"))),
        &["metric", "subject"],
    )
    .select(renamed("target", &TARGET));
    let latest = valued
        .filter(col("status").eq(lit("actual")))
        .with_column(coalesce(&[col("period_end"), col("published")]).alias("as_of"))
        .sort(
            ["as_of", "published", "doc_id", "span_start"],
            super::in_order(4),
        )
        .group_by_stable(cols(&KEY))
        .agg(ACTUAL.iter().map(|c| col(*c).last()).collect::<Vec<_>>())
        .select(renamed("actual", &ACTUAL));
    let mut args = JoinArgs::new(JoinType::Left);
    args.maintain_order = MaintainOrderJoin::Left;
    Ok(goals
        .join(latest, cols(&KEY), cols(&KEY), args)
        .with_column(percent(col("actual_value"), col("target_value")).alias("share_pct")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::testing::{column_f64, column_str, day, frame, rec};
    use crate::record::Record;

    fn turnover(doc: &str, published: &str, status: &str, v: f64, end: Option<&str>) -> Record {
        let mut r = rec(
            doc,
            published,
            "trade_turnover",
            "KZ+RU-TA",
            status,
            Some(v),
        );
        r.period_end = end.map(day);
        r.period_start = end.map(|e| day(&format!("{}-01-01", &e[..4])));
        r
    }

    #[test]
    fn a_target_sits_beside_the_latest_actual() {
        let df = targets(frame(vec![
            turnover("a", "2021-02-01", "actual", 300.0e6, Some("2020-12-31")),
            turnover("b", "2022-01-24", "actual", 423.3e6, Some("2021-11-30")),
            turnover("b", "2022-01-24", "target", 1.0e9, None),
        ]))
        .collect()
        .unwrap();
        assert_eq!(df.height(), 1);
        assert_eq!(column_f64(&df, "actual_value"), [Some(423.3e6)]);
        let share = column_f64(&df, "share_pct")[0].unwrap();
        assert!((share - 42.33).abs() < 1e-9, "{share}");
    }

    #[test]
    fn a_target_without_an_actual_keeps_its_row() {
        let df = targets(frame(vec![turnover(
            "b",
            "2022-01-24",
            "target",
            1.0e9,
            None,
        )]))
        .collect()
        .unwrap();
        assert_eq!(df.height(), 1);
        assert_eq!(column_f64(&df, "share_pct"), [None]);
    }

    #[test]
    fn other_currencies_do_not_match_until_converted() {
        let mut rub = turnover("a", "2022-01-24", "actual", 7.3e9, Some("2021-12-31"));
        rub.unit = Some("RUB".into());
        let goal = turnover("b", "2022-01-24", "target", 1.0e9, None);
        let raw = targets(frame(vec![rub.clone(), goal.clone()]))
            .collect()
            .unwrap();
        assert_eq!(column_f64(&raw, "actual_value"), [None]);
        let usd = crate::compare::to_currency(frame(vec![rub, goal]), "USD");
        let df = targets(usd).collect().unwrap();
        let share = column_f64(&df, "share_pct")[0].unwrap();
        // 7.3e9 RUB at 73.65 RUB/USD (2021) ≈ 99.1 m USD ≈ 9.9 %.
        assert!((share - 9.91).abs() < 0.01, "{share}");
    }

    #[test]
    fn a_stock_actual_counts_at_its_published_date() {
        let df = targets(frame(vec![
            turnover("a", "2023-01-01", "actual", 5.0, Some("2021-12-31")),
            turnover("b", "2024-01-01", "actual", 6.0, None),
            turnover("c", "2024-01-01", "target", 10.0, None),
        ]))
        .collect()
        .unwrap();
        assert_eq!(column_f64(&df, "share_pct"), [Some(60.0)]);
        assert_eq!(column_str(&df, "actual_doc_id"), [Some("b".to_string())]);
    }

    #[test]
    fn a_range_target_is_measured_on_its_low_end() {
        let mut goal = turnover("c", "2024-01-01", "target", 10.0, None);
        goal.value_max = Some(20.0);
        let df = targets(frame(vec![
            turnover("a", "2023-01-01", "actual", 5.0, Some("2022-12-31")),
            goal,
        ]))
        .collect()
        .unwrap();
        assert_eq!(column_f64(&df, "share_pct"), [Some(50.0)]);
        assert_eq!(column_f64(&df, "target_value_max"), [Some(20.0)]);
    }
}
