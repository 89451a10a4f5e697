//! Converting money to one currency for comparison, with the annual
//! average rate of the year the figure is about: the year of
//! `period_end`, else of `period_start`, else of `published`; a year
//! outside the table takes the nearest year in it. The original figure
//! stays in `value_orig`, `value_max_orig` and `unit_orig`.

use polars::prelude::*;

use super::rates;

/// Converts every money figure whose currency and year have a rate to
/// `code`: `value`, `value_max` and `unit` become the converted figure,
/// and the frame gains `value_orig`, `value_max_orig`, `unit_orig`,
/// `fx_rate` (units of `code` per original unit) and `fx_year`. Rows
/// that are not money, or whose currency has no rate (or `code` is not in
/// the table), keep their figure and get null `fx_rate`.
pub fn to_currency(records: LazyFrame, code: &str) -> LazyFrame {
    let table = match rates::frame() {
        Ok(df) => df.lazy(),
        Err(_) => return records,
    };
    let (lo, hi) = rates::years();
    let year = coalesce(&[
        col("period_end").dt().year(),
        col("period_start").dt().year(),
        col("published").dt().year(),
    ]);
    let clamped = when(year.clone().lt(lit(lo)))
        .then(lit(lo))
        .when(year.clone().gt(lit(hi)))
        .then(lit(hi))
        .otherwise(year);
    let from = table.clone().select([
        col("fx_currency"),
        col("fx_year"),
        col("per_usd").alias("from_per_usd"),
    ]);
    let to = table
        .filter(col("fx_currency").eq(lit(code.to_string())))
        .select([col("fx_year"), col("per_usd").alias("to_per_usd")]);
    let mut args = JoinArgs::new(JoinType::Left);
    args.maintain_order = MaintainOrderJoin::Left;
    let rate = col("fx_rate");
    let converted = |c: &str| {
        when(rate.clone().is_not_null())
            .then(col(c) * rate.clone())
            .otherwise(col(c))
    };
    records
        .with_column(clamped.cast(DataType::Int32).alias("fx_year"))
        .join(
            from,
            [col("unit"), col("fx_year")],
            [col("fx_currency"), col("fx_year")],
            args.clone(),
        )
        .join(to, [col("fx_year")], [col("fx_year")], args)
        .with_columns([
            (col("to_per_usd") / col("from_per_usd")).alias("fx_rate"),
            col("value").alias("value_orig"),
            col("value_max").alias("value_max_orig"),
            col("unit").alias("unit_orig"),
        ])
        .with_columns([
            converted("value_orig").alias("value"),
            converted("value_max_orig").alias("value_max"),
            when(rate.clone().is_not_null())
                .then(lit(code.to_string()))
                .otherwise(col("unit_orig"))
                .alias("unit"),
            when(rate.is_not_null())
                .then(col("fx_year"))
                .otherwise(lit(NULL).cast(DataType::Int32))
                .alias("fx_year"),
        ])
        .drop(by_name(["from_per_usd", "to_per_usd"], true, false))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::testing::{column_f64, column_str, day, frame, rec};

    #[test]
    fn money_is_converted_with_the_rate_of_its_year_and_originals_stay() {
        let mut rub = rec(
            "a",
            "2022-01-24",
            "trade_turnover",
            "KZ+RU",
            "actual",
            Some(73.65e9),
        );
        rub.unit = Some("RUB".into());
        rub.period_start = Some(day("2021-01-01"));
        rub.period_end = Some(day("2021-12-31"));
        let count = rec(
            "a",
            "2022-01-24",
            "projects_count",
            "KZ+RU",
            "actual",
            Some(13.0),
        );
        let mut count = count;
        count.unit = Some("count".into());
        let usd = rec(
            "a",
            "2024-03-04",
            "projects_value",
            "KZ+RU",
            "ongoing",
            Some(26.5e9),
        );
        let df = to_currency(frame(vec![rub, count, usd]), "USD")
            .collect()
            .unwrap();
        let v = column_f64(&df, "value");
        assert!((v[0].unwrap() - 1.0e9).abs() < 1.0, "{v:?}");
        assert_eq!(v[1], Some(13.0));
        assert_eq!(v[2], Some(26.5e9));
        assert_eq!(
            column_str(&df, "unit"),
            ["USD", "count", "USD"].map(|s| Some(s.to_string()))
        );
        assert_eq!(column_str(&df, "unit_orig")[0].as_deref(), Some("RUB"));
        assert_eq!(column_f64(&df, "value_orig")[0], Some(73.65e9));
        assert_eq!(
            column_f64(&df, "fx_year"),
            [Some(2021.0), None, Some(2024.0)]
        );
        // The record columns come first, unchanged in order.
        let names = df.get_column_names();
        assert_eq!(names[0].as_str(), "record_id");
        assert_eq!(names[17].as_str(), "rules");
    }

    #[test]
    fn mixed_currencies_meet_in_a_third_and_years_are_clamped() {
        let mut kzt = rec(
            "a",
            "2030-01-01",
            "investment",
            "x",
            "planned",
            Some(469.44e6),
        );
        kzt.unit = Some("KZT".into());
        let mut eur = rec("b", "2005-01-01", "investment", "x", "planned", Some(1.0));
        eur.unit = Some("EUR".into());
        eur.value_max = Some(2.0);
        let df = to_currency(frame(vec![kzt, eur]), "RUB").collect().unwrap();
        let v = column_f64(&df, "value");
        // 2030 → 2024: 469.44e6 KZT = 1e6 USD = 92.57e6 RUB.
        assert!((v[0].unwrap() - 92.57e6).abs() < 1.0, "{v:?}");
        // 2005 → 2010: 1 EUR = 1/0.7543 USD = 30.37/0.7543 RUB.
        assert!((v[1].unwrap() - 30.37 / 0.7543).abs() < 1e-9);
        let max = column_f64(&df, "value_max")[1].unwrap();
        assert!((max - 2.0 * 30.37 / 0.7543).abs() < 1e-9);
        assert_eq!(column_f64(&df, "fx_year"), [Some(2024.0), Some(2010.0)]);
    }

    #[test]
    fn an_unknown_currency_leaves_the_figure_as_it_is() {
        let mut r = rec("a", "2022-01-01", "investment", "x", "planned", Some(5.0));
        r.unit = Some("XYZ".into());
        let df = to_currency(frame(vec![r]), "USD").collect().unwrap();
        assert_eq!(column_f64(&df, "value"), [Some(5.0)]);
        assert_eq!(column_str(&df, "unit"), [Some("XYZ".to_string())]);
        assert_eq!(column_f64(&df, "fx_rate"), [None]);
    }
}
