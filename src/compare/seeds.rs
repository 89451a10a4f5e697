//! The "done when" on the seeds, checked on their gold records
//! (what extraction should find) so it holds before extraction lands.

use polars::prelude::*;

use super::testing::{column_f64, column_str, day, frame, seeds_gold};
use super::*;

fn gold() -> LazyFrame {
    frame(seeds_gold())
}

fn rows(df: &DataFrame, names: &[&str]) -> Vec<String> {
    let columns: Vec<Vec<Option<String>>> = names.iter().map(|c| column_str(df, c)).collect();
    (0..df.height())
        .map(|i| {
            columns
                .iter()
                .map(|c| c[i].clone().unwrap_or_default())
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect()
}

#[test]
fn joint_projects_are_a_stock_over_time() {
    let df = stock(gold().filter(col("subject").eq(lit("KZ+RU"))))
        .collect()
        .unwrap();
    let got = rows(&df, &["metric", "status", "published", "value", "change"]);
    let expected = [
        "jobs | planned | 2019-07-15 | 2500.0 | ",
        "jobs | planned | 2024-03-04 | 11000.0 | 8500.0",
        "projects_count | actual | 2022-06-01 | 13.0 | ",
        "projects_count | ongoing | 2022-06-01 | 22.0 | ",
        "projects_count | ongoing | 2024-03-04 | 135.0 | 113.0",
        "projects_count | pipeline | 2024-03-04 | 67.0 | ",
        "projects_value | ongoing | 2022-06-01 | 4000000000.0 | ",
        "projects_value | ongoing | 2024-03-04 | 26500000000.0 | 22500000000.0",
        "projects_value | pipeline | 2024-03-04 | 14000000000.0 | ",
    ];
    assert_eq!(got, expected);
}

#[test]
fn the_2021_turnover_is_a_series() {
    let lf = gold().filter(col("metric").eq(lit("trade_turnover")));
    let df = series(lf).collect().unwrap();
    let got = rows(
        &df,
        &["subject", "status", "period_start", "period_end", "value"],
    );
    assert!(
        got.contains(&"KZ+RU | actual | 2021-01-01 | 2021-12-31 | 24200000000.0".to_string()),
        "{got:?}"
    );
}

#[test]
fn the_tatarstan_target_has_no_deadline_so_no_share() {
    // «В ближайшие годы … довести до 1 миллиарда долларов»: no period, so
    // the 11 months of 2021 are not progress towards it.
    let df = targets(gold()).collect().unwrap();
    let ta = df
        .lazy()
        .filter(col("subject").eq(lit("KZ+RU-TA")))
        .collect()
        .unwrap();
    assert_eq!(column_f64(&ta, "target_value"), [Some(1.0e9)]);
    assert_eq!(column_str(&ta, "match"), [Some("no_period".to_string())]);
    assert_eq!(column_f64(&ta, "actual_value"), [None]);
    assert_eq!(column_f64(&ta, "share_pct"), [None]);
}

#[test]
fn the_three_plants_have_their_launch_windows() {
    let df = launches(gold(), day("2026-11-23")).collect().unwrap();
    let got = rows(&df, &["subject", "verdict", "state", "published", "window"]);
    for want in [
        "Сарань/шина | first | overdue | 2022-01-24 | 2022",
        "Костанай/чугунное литьё | first | overdue | 2022-01-24 | 2023–2024",
        "Костанай/редуктор ведущего моста | first | overdue | 2022-01-24 | 2023–2024",
        "Атырау/бутадиеновый каучук | first | overdue | 2022-01-24 | 2021–2025",
    ] {
        assert!(got.contains(&want.to_string()), "{want} not in {got:?}");
    }
}

#[test]
fn nothing_in_the_seeds_is_a_revision_and_dollars_stay_dollars() {
    assert_eq!(revisions(gold()).collect().unwrap().height(), 0);
    let usd = to_currency(gold(), "USD").collect().unwrap();
    assert_eq!(column_f64(&usd, "value"), column_f64(&usd, "value_orig"));
}
