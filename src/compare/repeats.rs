//! *repeats*: the same figure stated in several documents (reprints,
//! follow-ups quoting an earlier number) counted once, with every source
//! kept. "The same figure" is the same metric, subject, status, value,
//! range, unit, qualifier and period.

use polars::prelude::*;

use super::figure::FIGURE_KEY;
use super::{cols, sort_in_time};

/// Every distinct figure once: `documents` (how many distinct documents
/// state it), `statements`, `first_published`, `last_published`,
/// `doc_ids` and `record_ids` (in the order they were said), and the
/// first `quote`.
pub fn figures(records: LazyFrame) -> LazyFrame {
    sort_in_time(records, &[])
        .group_by_stable(cols(&FIGURE_KEY))
        .agg([
            col("doc_id")
                .n_unique()
                .cast(DataType::Int64)
                .alias("documents"),
            len().cast(DataType::Int64).alias("statements"),
            col("published").min().alias("first_published"),
            col("published").max().alias("last_published"),
            col("doc_id")
                .unique_stable()
                .str()
                .join(", ", true)
                .alias("doc_ids"),
            col("record_id").str().join(", ", true).alias("record_ids"),
            col("quote").first().alias("quote"),
        ])
}

/// The figures stated in more than one document (see [`figures`]).
pub fn repeats(records: LazyFrame) -> LazyFrame {
    figures(records).filter(col("documents").gt(lit(1)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::testing::{column_f64, column_str, frame, rec};

    fn jobs(doc: &str, published: &str, value: f64) -> crate::record::Record {
        rec(doc, published, "jobs", "KZ+RU", "planned", Some(value))
    }

    #[test]
    fn a_reprinted_figure_is_counted_once_with_all_sources() {
        let lf = frame(vec![
            jobs("c", "2024-03-05", 11000.0),
            jobs("a", "2024-03-04", 11000.0),
            jobs("b", "2024-03-04", 12000.0),
            jobs("d", "2024-03-06", 11000.0),
        ]);
        let df = repeats(lf).collect().unwrap();
        assert_eq!(df.height(), 1);
        assert_eq!(column_f64(&df, "documents"), [Some(3.0)]);
        assert_eq!(column_str(&df, "doc_ids"), [Some("a, c, d".to_string())]);
        assert_eq!(
            column_str(&df, "first_published"),
            [Some("2024-03-04".to_string())]
        );
    }

    #[test]
    fn one_statement_is_no_repeat_but_still_a_figure() {
        let lf = frame(vec![jobs("a", "2024-03-04", 1.0)]);
        assert_eq!(repeats(lf.clone()).collect().unwrap().height(), 0);
        assert_eq!(figures(lf).collect().unwrap().height(), 1);
    }

    #[test]
    fn the_same_document_twice_is_not_a_repeat() {
        let lf = frame(vec![
            jobs("a", "2024-03-04", 1.0),
            jobs("a", "2024-03-04", 1.0),
        ]);
        let df = figures(lf.clone()).collect().unwrap();
        assert_eq!(column_f64(&df, "statements"), [Some(2.0)]);
        assert_eq!(repeats(lf).collect().unwrap().height(), 0);
    }

    #[test]
    fn a_qualifier_or_a_range_makes_another_figure() {
        let mut over = jobs("b", "2024-03-05", 11000.0);
        over.qualifier = crate::record::Qualifier::Over;
        let mut range = jobs("c", "2024-03-05", 11000.0);
        range.value_max = Some(12000.0);
        let lf = frame(vec![jobs("a", "2024-03-04", 11000.0), over, range]);
        assert_eq!(figures(lf.clone()).collect().unwrap().height(), 3);
        assert_eq!(repeats(lf).collect().unwrap().height(), 0);
    }

    #[test]
    fn repeated_launch_windows_are_repeats_too() {
        let mut a = rec(
            "a",
            "2022-01-24",
            "launch_date",
            "Сарань/шина",
            "planned",
            None,
        );
        a.period_start = Some(crate::compare::testing::day("2022-01-01"));
        a.period_end = Some(crate::compare::testing::day("2022-12-31"));
        let mut b = a.clone();
        b.doc_id = "b".into();
        let df = repeats(frame(vec![a, b])).collect().unwrap();
        assert_eq!(df.height(), 1);
    }
}
