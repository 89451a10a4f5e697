//! *series*: statements of the same figure (metric, subject, status,
//! unit and period) ordered by `published`, each with the change from the
//! previous statement. Launch dates have no value and are left to
//! `launches`. A range counts as its midpoint; ties on `published` keep a
//! stable order (document id, then place in the text).

use polars::prelude::*;

use super::{changes, cols, failed, sort_in_time, steps};

/// What makes statements the same figure.
pub const SERIES_KEY: [&str; 6] = [
    "metric",
    "subject",
    "status",
    "unit",
    "period_start",
    "period_end",
];

const OUTPUT: [&str; 19] = [
    "metric",
    "subject",
    "status",
    "unit",
    "period_start",
    "period_end",
    "step",
    "published",
    "value",
    "value_max",
    "qualifier",
    "prev_published",
    "prev_value",
    "change",
    "change_pct",
    "doc_id",
    "record_id",
    "quote",
    "statements",
];

/// One row per statement with a value, grouped by metric, subject,
/// status, unit and period, in time order: `step` (1 = first), `prev_value`/`prev_published` of the
/// statement before, `change` and `change_pct` from it, and `statements`
/// (how many in the series).
pub fn series(records: LazyFrame) -> LazyFrame {
    plan(records).unwrap_or_else(|e| failed("series", e))
}

fn plan(records: LazyFrame) -> PolarsResult<LazyFrame> {
    let lf = records.filter(col("value").is_not_null());
    let mut with = steps(&SERIES_KEY)?;
    with.push(len().over(cols(&SERIES_KEY))?.alias("statements"));
    Ok(sort_in_time(lf, &SERIES_KEY)
        .with_columns(with)
        .with_columns(changes())
        .select(cols(&OUTPUT)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::testing::{column_f64, day, frame, rec};

    fn turnover(doc: &str, published: &str, value: f64) -> crate::record::Record {
        let mut r = rec(
            doc,
            published,
            "trade_turnover",
            "KZ+RU",
            "actual",
            Some(value),
        );
        r.period_start = Some(day("2021-01-01"));
        r.period_end = Some(day("2021-12-31"));
        r
    }

    #[test]
    fn each_step_has_the_change_from_the_one_before() {
        let lf = frame(vec![
            turnover("c", "2022-06-01", 24.2e9),
            turnover("a", "2022-01-10", 22.0e9),
            turnover("b", "2022-03-01", 24.2e9),
        ]);
        let df = series(lf).collect().unwrap();
        let docs: Vec<&str> = df
            .column("doc_id")
            .unwrap()
            .str()
            .unwrap()
            .iter()
            .flatten()
            .collect();
        assert_eq!(docs, ["a", "b", "c"]);
        assert_eq!(column_f64(&df, "change"), [None, Some(2.2e9), Some(0.0)]);
        let pct = column_f64(&df, "change_pct");
        assert!((pct[1].unwrap() - 10.0).abs() < 1e-9);
        let steps = df.column("step").unwrap().cast(&DataType::Int64).unwrap();
        let steps: Vec<Option<i64>> = steps.i64().unwrap().iter().collect();
        assert_eq!(steps, [Some(1), Some(2), Some(3)]);
    }

    #[test]
    fn one_statement_is_a_series_without_change() {
        let df = series(frame(vec![turnover("a", "2022-01-10", 1.0)]))
            .collect()
            .unwrap();
        assert_eq!(df.height(), 1);
        assert_eq!(column_f64(&df, "change"), [None]);
    }

    #[test]
    fn equal_dates_keep_a_stable_order_by_document() {
        let lf = frame(vec![
            turnover("b", "2022-01-10", 30.0),
            turnover("a", "2022-01-10", 20.0),
        ]);
        let df = series(lf).collect().unwrap();
        assert_eq!(column_f64(&df, "value"), [Some(20.0), Some(30.0)]);
        assert_eq!(column_f64(&df, "change"), [None, Some(10.0)]);
    }

    #[test]
    fn a_range_counts_as_its_midpoint() {
        let mut r = turnover("b", "2023-01-01", 2.5e9);
        r.value_max = Some(3.0e9);
        let df = series(frame(vec![turnover("a", "2022-01-01", 2.0e9), r]))
            .collect()
            .unwrap();
        assert_eq!(column_f64(&df, "change"), [None, Some(0.75e9)]);
    }

    #[test]
    fn periods_units_and_open_periods_are_separate_series() {
        let mut other_year = turnover("b", "2023-01-01", 5.0);
        other_year.period_start = Some(day("2022-01-01"));
        other_year.period_end = Some(day("2022-12-31"));
        let mut roubles = turnover("c", "2023-01-01", 7.0);
        roubles.unit = Some("RUB".into());
        let mut open = turnover("d", "2023-01-01", 9.0);
        open.period_end = None;
        let mut stock = turnover("e", "2024-01-01", 11.0);
        (stock.period_start, stock.period_end) = (None, None);
        let mut stock2 = stock.clone();
        stock2.doc_id = "f".into();
        stock2.published = Some(day("2024-06-01"));
        stock2.value = Some(12.0);
        let lf = frame(vec![
            turnover("a", "2022-01-01", 4.0),
            other_year,
            roubles,
            open,
            stock,
            stock2,
        ]);
        let df = series(lf).collect().unwrap();
        assert_eq!(df.height(), 6);
        let changes: Vec<Option<f64>> = column_f64(&df, "change");
        assert_eq!(changes.iter().filter(|c| c.is_some()).count(), 1);
        assert!(
            changes.contains(&Some(1.0)),
            "the two stocks form one series"
        );
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
        let lf = frame(vec![
            turnover("a", "2022-01-01", 0.0),
            turnover("b", "2023-01-01", 5.0),
        ]);
        let df = series(lf).collect().unwrap();
        assert_eq!(column_f64(&df, "change_pct"), [None, None]);
        assert_eq!(column_f64(&df, "change"), [None, Some(5.0)]);
    }
}
