//! Test helpers: records and frames built by hand, and the seeds' gold
//! records (`testdata/seeds.gold.jsonl`, a copy of
//! `shared/eval/seeds.gold.jsonl`) with the publication dates of
//! `seeds/manifest.csv`.

use chrono::NaiveDate;
use polars::prelude::*;

use crate::record::{DateBasis, Metric, Precision, Qualifier, Record, Status};
use crate::store::{number_records, records_frame};

/// The gold records of the five seed articles.
pub const SEEDS_GOLD: &str = include_str!("testdata/seeds.gold.jsonl");

/// The seeds' publication dates and precisions (from their manifest).
const SEEDS_PUBLISHED: [(&str, &str, Precision); 5] = [
    ("000", "2019-04-03", Precision::Day),
    ("001", "2019-07-15", Precision::Month),
    ("002", "2022-01-24", Precision::Day),
    ("003", "2024-03-04", Precision::Month),
    ("004", "2022-06-01", Precision::Year),
];

/// A `YYYY-MM-DD` date.
pub fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A record with the fields a comparison looks at; unit USD when there
/// is a value, no period, exact.
pub fn rec(
    doc: &str,
    published: &str,
    metric: &str,
    subject: &str,
    status: &str,
    value: Option<f64>,
) -> Record {
    Record {
        doc_id: doc.into(),
        published: Some(day(published)),
        date_basis: DateBasis::Manifest,
        published_precision: Some(Precision::Day),
        metric: Metric::parse(metric).unwrap(),
        subject: Some(subject.into()),
        status: Status::parse(status).unwrap(),
        value,
        value_max: None,
        unit: value.map(|_| "USD".into()),
        qualifier: Qualifier::Exact,
        period_start: None,
        period_end: None,
        quote: format!("{metric} {subject}"),
        span_start: 0,
        span_end: 1,
        rules: vec![],
    }
}

/// The record frame of `records`, numbered per document.
pub fn frame(records: Vec<Record>) -> LazyFrame {
    let mut numbered = Vec::new();
    let mut docs: Vec<String> = records.iter().map(|r| r.doc_id.clone()).collect();
    docs.dedup();
    let mut rest = records;
    for d in docs {
        let (mine, others): (Vec<Record>, Vec<Record>) =
            rest.into_iter().partition(|r| r.doc_id == d);
        rest = others;
        numbered.extend(number_records(mine));
    }
    records_frame(&numbered).unwrap().lazy()
}

/// The seeds' gold records, dated by the manifest.
pub fn seeds_gold() -> Vec<Record> {
    SEEDS_GOLD
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            let o = v.as_object_mut().unwrap();
            o.remove("alt_status");
            let id = o["doc_id"].as_str().unwrap().to_string();
            let (_, date, precision) = SEEDS_PUBLISHED.iter().find(|(d, ..)| *d == id).unwrap();
            o.insert("published".into(), (*date).into());
            o.insert("date_basis".into(), "manifest".into());
            o.insert("published_precision".into(), precision.as_str().into());
            o.insert("span_start".into(), 0.into());
            o.insert("span_end".into(), 0.into());
            serde_json::from_value(v).unwrap()
        })
        .collect()
}

/// A float column as options.
pub fn column_f64(df: &DataFrame, name: &str) -> Vec<Option<f64>> {
    let c = df.column(name).unwrap().cast(&DataType::Float64).unwrap();
    c.f64().unwrap().iter().collect()
}

/// A string column as options.
pub fn column_str(df: &DataFrame, name: &str) -> Vec<Option<String>> {
    let c = df.column(name).unwrap().cast(&DataType::String).unwrap();
    c.str()
        .unwrap()
        .iter()
        .map(|s| s.map(String::from))
        .collect()
}

#[test]
fn the_gold_records_load_with_their_dates() {
    let gold = seeds_gold();
    assert_eq!(gold.len(), 24);
    assert!(gold.iter().all(|r| r.published.is_some()));
}
