//! What every comparison shares: the *grain* of a period (the length of
//! time a figure covers, `shared/spec/compare.md`), the status *class*
//! (actual, plan …), and one figure per document: records equal in every
//! field of [`FIGURE_KEY`] within one document (a headline restating the
//! lead) are one figure, with all their record ids kept.

use polars::prelude::*;

use super::{cols, sort_in_time};

/// What makes two statements the same figure.
pub const FIGURE_KEY: [&str; 9] = [
    "metric",
    "subject",
    "status",
    "value",
    "value_max",
    "unit",
    "qualifier",
    "period_start",
    "period_end",
];

/// Columns a figure keeps from its first statement in a document.
const FIRST: [&str; 6] = [
    "record_id",
    "published",
    "date_basis",
    "published_precision",
    "quote",
    "span_start",
];

/// Each figure once per document (see the module): the columns of its
/// first statement, `record_ids` (every statement, in text order) and
/// `statements` (how many), in time order.
pub fn in_documents(records: LazyFrame) -> LazyFrame {
    let mut key = vec![col("doc_id")];
    key.extend(cols(&FIGURE_KEY));
    let mut agg: Vec<Expr> = FIRST.iter().map(|c| col(*c).first()).collect();
    agg.push(col("record_id").str().join(", ", true).alias("record_ids"));
    agg.push(len().cast(DataType::Int64).alias("statements"));
    sort_in_time(records, &[])
        .group_by_stable(key)
        .agg(agg)
        .with_columns([grain().alias("grain"), status_class().alias("class")])
}

/// The status class: a plan and a target of one thing are one class
/// (`plan`); the other statuses are each their own.
pub fn status_class() -> Expr {
    let s = col("status");
    when(s.clone().eq(lit("planned")).or(s.clone().eq(lit("target"))))
        .then(lit("plan"))
        .otherwise(s)
}

/// Days since 1970 of a date column, as Int32.
fn days(c: &str) -> Expr {
    col(c).cast(DataType::Int32)
}

/// Whether a date column is the last day of its month.
fn month_end(c: &str) -> Expr {
    (days(c) + lit(1))
        .cast(DataType::Date)
        .dt()
        .day()
        .eq(lit(1))
}

/// The grain of each record's period: `year`, `half`, `quarter`,
/// `month`, `ytd-N`, `span`, `stock` (no period) or `deadline` (an end
/// alone: a target's or a launch's deadline).
pub fn grain() -> Expr {
    let (s, e) = (col("period_start"), col("period_end"));
    let sm = s.clone().dt().month().cast(DataType::Int32);
    let em = e.clone().dt().month().cast(DataType::Int32);
    let same_year = s.clone().dt().year().eq(e.clone().dt().year());
    let whole_months = s
        .clone()
        .dt()
        .day()
        .eq(lit(1))
        .and(month_end("period_end"))
        .and(same_year);
    let months = em.clone() - sm.clone() + lit(1);
    let from_jan = sm.clone().eq(lit(1));
    let ytd = concat_str([lit("ytd-"), em.clone().cast(DataType::String)], "", false);
    when(s.clone().is_null().and(e.clone().is_null()))
        .then(lit("stock"))
        .when(s.clone().is_null())
        .then(lit("deadline"))
        .when(e.clone().is_null().or(whole_months.not()))
        .then(lit("span"))
        .when(months.clone().eq(lit(12)))
        .then(lit("year"))
        .when(
            months
                .clone()
                .eq(lit(6))
                .and(sm.clone().eq(lit(1)).or(sm.clone().eq(lit(7)))),
        )
        .then(lit("half"))
        .when(
            months
                .clone()
                .eq(lit(3))
                .and(((sm.clone() - lit(1)) % lit(3)).eq(lit(0))),
        )
        .then(lit("quarter"))
        .when(months.eq(lit(1)))
        .then(lit("month"))
        .when(from_jan)
        .then(ytd)
        .otherwise(lit("span"))
}

/// English month abbreviations, January first.
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The abbreviation of a month number column.
fn month_name(month: Expr) -> Expr {
    let mut e = lit(NULL).cast(DataType::String);
    for (i, m) in MONTHS.iter().enumerate().rev() {
        e = when(month.clone().eq(lit(i as i32 + 1)))
            .then(lit(*m))
            .otherwise(e);
    }
    e
}

/// The label of a period by its grain (needs `grain`): `2022`, `H1 2022`,
/// `Q3 2022`, `Mar 2022`, `Jan–Jul 2022`, else as [`super::window_label`].
pub fn period_label() -> Expr {
    let (s, e) = (col("period_start"), col("period_end"));
    let year = s.clone().dt().year().cast(DataType::String);
    let sm = s.clone().dt().month().cast(DataType::Int32);
    let em = e.dt().month().cast(DataType::Int32);
    let g = |x: &str| col("grain").eq(lit(x.to_string()));
    let join = |parts: Vec<Expr>| concat_str(parts, "", false);
    let half = when(sm.clone().eq(lit(1)))
        .then(lit("H1 "))
        .otherwise(lit("H2 "));
    let quarter = ((sm.clone() - lit(1)) / lit(3) + lit(1)).cast(DataType::String);
    when(g("year"))
        .then(year.clone())
        .when(g("half"))
        .then(join(vec![half, year.clone()]))
        .when(g("quarter"))
        .then(join(vec![lit("Q"), quarter, lit(" "), year.clone()]))
        .when(g("month"))
        .then(join(vec![month_name(sm.clone()), lit(" "), year.clone()]))
        .when(col("grain").str().starts_with(lit("ytd-")))
        .then(join(vec![
            month_name(sm),
            lit("–"),
            month_name(em),
            lit(" "),
            year,
        ]))
        .otherwise(super::window_label("period_start", "period_end"))
}

/// A figure whose period starts after the day it was stated: it cannot
/// be an actual (a year's result stated on 22 December is fine, its
/// period started in January).
pub fn ahead() -> Expr {
    col("class")
        .eq(lit("actual"))
        .and(col("period_start").gt(col("published")))
        .fill_null(lit(false))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::testing::{column_f64, column_str, day, frame, rec};
    use crate::record::Record;

    fn period(start: Option<&str>, end: Option<&str>) -> Record {
        let mut r = rec("a", "2024-01-10", "exports", "CN>RU", "actual", Some(1.0));
        r.period_start = start.map(day);
        r.period_end = end.map(day);
        r
    }

    #[test]
    fn each_period_has_its_grain() {
        let cases = [
            (Some("2023-01-01"), Some("2023-12-31"), "year"),
            (Some("2023-07-01"), Some("2023-12-31"), "half"),
            (Some("2023-01-01"), Some("2023-06-30"), "half"),
            (Some("2023-07-01"), Some("2023-09-30"), "quarter"),
            (Some("2023-01-01"), Some("2023-03-31"), "quarter"),
            (Some("2024-02-01"), Some("2024-02-29"), "month"),
            (Some("2022-01-01"), Some("2022-07-31"), "ytd-7"),
            (Some("2022-01-01"), Some("2022-10-31"), "ytd-10"),
            (Some("2022-01-01"), Some("2023-12-31"), "span"),
            (Some("2022-01-01"), Some("2022-01-15"), "span"),
            (Some("2022-02-01"), Some("2022-05-31"), "span"),
            (Some("2022-01-01"), None, "span"),
            (None, Some("2027-12-31"), "deadline"),
            (None, None, "stock"),
        ];
        let records = cases.iter().map(|(s, e, _)| period(*s, *e)).collect();
        let df = frame(records)
            .select([grain().alias("g")])
            .collect()
            .unwrap();
        let want: Vec<Option<String>> = cases.iter().map(|c| Some(c.2.to_string())).collect();
        assert_eq!(column_str(&df, "g"), want);
    }

    #[test]
    fn a_figure_said_twice_in_a_document_is_one_with_both_ids() {
        let a = period(Some("2023-01-01"), Some("2023-12-31"));
        let mut b = a.clone();
        b.quote = "the headline".into();
        let mut other = a.clone();
        other.doc_id = "b".into();
        let df = in_documents(frame(vec![a, b, other])).collect().unwrap();
        assert_eq!(df.height(), 2);
        assert_eq!(column_f64(&df, "statements"), [Some(2.0), Some(1.0)]);
        assert_eq!(
            column_str(&df, "record_ids")[0].as_deref(),
            Some("a#0-1, a#0-1.1")
        );
    }

    #[test]
    fn an_actual_whose_period_starts_after_publication_is_ahead() {
        let december = period(Some("2024-12-01"), Some("2024-12-31"));
        let mut year = period(Some("2023-01-01"), Some("2023-12-31"));
        year.published = Some(day("2023-12-22"));
        let mut plan = december.clone();
        plan.status = crate::record::Status::Planned;
        let df = in_documents(frame(vec![december, year, plan]))
            .select([ahead().alias("x")])
            .collect()
            .unwrap();
        let x: Vec<Option<bool>> = df.column("x").unwrap().bool().unwrap().iter().collect();
        // In time order: the 2023 result (said 22.12.2023), then December 2024.
        assert_eq!(x, [Some(false), Some(true), Some(false)]);
    }
}
