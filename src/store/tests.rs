//! Unit tests of the store: schema, idempotent ingest, replacement of a
//! changed document's records, failures that keep old records.

use chrono::NaiveDate;
use polars::prelude::*;

use super::*;
use crate::record::{DateBasis, Metric, Qualifier, Status};

/// A toy extraction: each line `metric value` of the text is a record.
fn lines(doc: &Document) -> Vec<Record> {
    doc.text
        .lines()
        .filter_map(|l| {
            let (m, v) = l.split_once(' ')?;
            Some(Record {
                doc_id: doc.id.clone(),
                published: doc.published,
                date_basis: doc.date_basis,
                published_precision: doc.precision,
                metric: Metric::parse(m)?,
                subject: Some("KZ+RU".into()),
                status: Status::Actual,
                value: v.parse().ok(),
                value_max: None,
                unit: Some("USD".into()),
                qualifier: Qualifier::Exact,
                period_start: None,
                period_end: None,
                quote: l.to_string(),
                span_start: 0,
                span_end: l.chars().count(),
                rules: vec!["toy".into()],
            })
        })
        .collect()
}

fn doc(id: &str, text: &str) -> Document {
    let day = NaiveDate::from_ymd_opt(2022, 1, 24).unwrap();
    let mut d = Document::new(id, text).with_published(day, DateBasis::Manifest);
    d.source = format!("{id}.txt");
    d
}

fn two_docs() -> Vec<Document> {
    vec![
        doc("a", "trade_turnover 100\njobs 5"),
        doc("b", "investment 7"),
    ]
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(&dir.path().join("store")).unwrap();
    (dir, s)
}

fn ids(s: &Store) -> Vec<String> {
    let df = s.records().unwrap().collect().unwrap();
    let c = df.column("record_id").unwrap().str().unwrap().clone();
    let mut v: Vec<String> = c.iter().map(|x| x.unwrap().to_string()).collect();
    v.sort();
    v
}

#[test]
fn empty_store_reads_as_empty_frame_with_the_schema() {
    let (_t, s) = store();
    let df = s.records().unwrap().collect().unwrap();
    assert_eq!(df.height(), 0);
    assert_eq!(**df.schema(), record_schema());
    assert!(!s.exists());
}

#[test]
fn record_frame_has_the_contract_columns_in_order() {
    let mut r = lines(&doc("x", "jobs 5")).remove(0);
    r.subject = None;
    let df = records_frame(&number_records(vec![r])).unwrap();
    let names: Vec<&str> = df.get_column_names().iter().map(|n| n.as_str()).collect();
    let expected: Vec<&str> = schema::RECORD_COLUMNS.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, expected);
    assert_eq!(df.column("published").unwrap().dtype(), &DataType::Date);
    assert_eq!(df.column("span_end").unwrap().dtype(), &DataType::Int64);
    assert_eq!(
        df.column("record_id").unwrap().str().unwrap().get(0),
        Some("x#0-6")
    );
    assert_eq!(df.column("subject").unwrap().null_count(), 1);
    assert_eq!(
        df.column("rules").unwrap().str().unwrap().get(0),
        Some("toy")
    );
}

#[test]
fn an_empty_record_list_still_has_the_schema() {
    let df = records_frame(&[]).unwrap();
    assert_eq!(**df.schema(), record_schema());
}

#[test]
fn ingesting_the_same_documents_twice_changes_nothing() {
    let (_t, mut s) = store();
    let first = s.ingest_with(two_docs(), &Ctx::silent(), lines).unwrap();
    assert_eq!((first.new, first.records_added), (2, 3));
    let before = std::fs::metadata(s.dir().join(RECORDS_FILE))
        .unwrap()
        .modified()
        .unwrap();
    let again = s.ingest_with(two_docs(), &Ctx::silent(), lines).unwrap();
    assert_eq!(again.unchanged, 2);
    assert_eq!((again.new, again.changed, again.records_added), (0, 0, 0));
    let after = std::fs::metadata(s.dir().join(RECORDS_FILE))
        .unwrap()
        .modified()
        .unwrap();
    assert_eq!(before, after, "an ingest with nothing new must not rewrite");
    assert_eq!(ids(&s), ["a#0-18", "a#0-6", "b#0-12"]);
}

#[test]
fn a_changed_document_replaces_only_its_own_records() {
    let (_t, mut s) = store();
    s.ingest_with(two_docs(), &Ctx::silent(), lines).unwrap();
    let docs = vec![doc("a", "trade_turnover 120"), doc("b", "investment 7")];
    let sum = s.ingest_with(docs, &Ctx::silent(), lines).unwrap();
    assert_eq!((sum.changed, sum.unchanged), (1, 1));
    assert_eq!((sum.records_added, sum.records_removed), (1, 2));
    assert_eq!(ids(&s), ["a#0-18", "b#0-12"]);
    let df = s.records().unwrap().collect().unwrap();
    let v = df.column("value").unwrap().f64().unwrap();
    let mut values: Vec<f64> = v.iter().flatten().collect();
    values.sort_by(f64::total_cmp);
    assert_eq!(values, [7.0, 120.0]);
}

#[test]
fn reextract_runs_unchanged_documents_again() {
    let (_t, mut s) = store();
    s.ingest_with(two_docs(), &Ctx::silent(), |_: &Document| Vec::new())
        .unwrap();
    assert_eq!(ids(&s).len(), 0);
    let same = s.ingest_with(two_docs(), &Ctx::silent(), lines).unwrap();
    assert_eq!((same.unchanged, same.records_added), (2, 0));
    s.set_reextract(true);
    let again = s.ingest_with(two_docs(), &Ctx::silent(), lines).unwrap();
    assert_eq!((again.changed, again.records_added), (2, 3));
    assert_eq!(ids(&s), ["a#0-18", "a#0-6", "b#0-12"]);
}

#[test]
fn a_new_date_makes_a_document_changed() {
    let (_t, mut s) = store();
    s.ingest_with(two_docs(), &Ctx::silent(), lines).unwrap();
    let mut docs = two_docs();
    docs[1].published = NaiveDate::from_ymd_opt(2023, 5, 1);
    let sum = s.ingest_with(docs, &Ctx::silent(), lines).unwrap();
    assert_eq!((sum.changed, sum.unchanged), (1, 1));
}

#[test]
fn the_document_table_keeps_hash_metadata_and_counts() {
    let (_t, mut s) = store();
    let mut docs = two_docs();
    docs[0].title = Some("Заголовок".into());
    s.ingest_with(docs, &Ctx::silent(), lines).unwrap();
    let df = s
        .documents()
        .unwrap()
        .sort(["doc_id"], Default::default())
        .collect()
        .unwrap();
    assert_eq!(**df.schema(), schema::document_schema());
    assert_eq!(df.height(), 2);
    let title = df.column("title").unwrap().str().unwrap();
    assert_eq!(title.get(0), Some("Заголовок"));
    assert_eq!(title.get(1), None);
    let hash = df.column("content_hash").unwrap().str().unwrap();
    assert_eq!(hash.get(0).unwrap().len(), 64);
    let n = df.column("records").unwrap().i64().unwrap();
    assert_eq!((n.get(0), n.get(1)), (Some(2), Some(1)));
}

#[test]
fn a_second_document_with_the_same_id_fails_and_the_first_is_kept() {
    let (_t, mut s) = store();
    let docs = vec![doc("a", "jobs 1"), doc("a", "jobs 2")];
    let sum = s.ingest_with(docs, &Ctx::silent(), lines).unwrap();
    assert_eq!((sum.new, sum.failed, sum.records_added), (1, 1, 1));
}

#[test]
fn an_extraction_that_panics_fails_that_document_and_keeps_its_records() {
    let (_t, mut s) = store();
    s.ingest_with(two_docs(), &Ctx::silent(), lines).unwrap();
    let docs = vec![doc("a", "boom"), doc("c", "jobs 3")];
    let sum = s
        .ingest_with(docs, &Ctx::silent(), |d: &Document| {
            assert!(d.text != "boom", "toy extraction refuses this text");
            lines(d)
        })
        .unwrap();
    assert_eq!((sum.new, sum.failed), (1, 1));
    assert_eq!(ids(&s), ["a#0-18", "a#0-6", "b#0-12", "c#0-6"]);
}

#[test]
fn a_damaged_table_is_an_error_naming_the_file() {
    let (_t, mut s) = store();
    s.ingest_with(two_docs(), &Ctx::silent(), lines).unwrap();
    std::fs::write(s.dir().join(RECORDS_FILE), b"not parquet").unwrap();
    let err = s.records().err().unwrap().to_string();
    assert!(err.contains("records.parquet"), "{err}");
    assert!(err.contains("not a readable Parquet table"), "{err}");
}

#[test]
fn a_table_with_other_columns_is_refused() {
    let (_t, s) = store();
    std::fs::create_dir_all(s.dir()).unwrap();
    let mut other = df!("x" => [1i64]).unwrap();
    super::file::write_table(&s.dir().join(RECORDS_FILE), &mut other).unwrap();
    let err = s.records().err().unwrap().to_string();
    assert!(err.contains("not a factline table"), "{err}");
}

#[test]
fn a_file_is_not_a_store() {
    let t = tempfile::tempdir().unwrap();
    let f = t.path().join("f");
    std::fs::write(&f, "x").unwrap();
    assert!(Store::open(&f).is_err());
}

#[test]
fn filters_select_by_metric_subject_place_and_dates() {
    let mut recs = lines(&doc("a", "jobs 1\ncapacity 2\njobs 3"));
    recs[1].subject = Some("Костанай/чугунное литьё".into());
    recs[2].published = NaiveDate::from_ymd_opt(2024, 3, 4);
    let lf = records_frame(&number_records(recs)).unwrap().lazy();
    let count = |f: RecordFilter| f.apply(lf.clone()).collect().unwrap().height();
    let jobs = Some("jobs".to_string());
    assert_eq!(
        count(RecordFilter {
            metric: jobs.clone(),
            ..Default::default()
        }),
        2
    );
    let place = Some("Костанай".to_string());
    assert_eq!(
        count(RecordFilter {
            subject: place,
            ..Default::default()
        }),
        1
    );
    let since = NaiveDate::from_ymd_opt(2023, 1, 1);
    assert_eq!(
        count(RecordFilter {
            metric: jobs,
            since,
            ..Default::default()
        }),
        1
    );
    let until = NaiveDate::from_ymd_opt(2022, 1, 24);
    assert_eq!(
        count(RecordFilter {
            until,
            ..Default::default()
        }),
        2
    );
    let doc = Some("zzz".to_string());
    assert_eq!(
        count(RecordFilter {
            doc,
            ..Default::default()
        }),
        0
    );
}

#[test]
fn the_summary_reads_as_one_line() {
    let s = IngestSummary {
        new: 5,
        changed: 1,
        unchanged: 2,
        failed: 1,
        records_added: 24,
        records_removed: 3,
        ..IngestSummary::default()
    };
    assert_eq!(
        s.to_string(),
        "9 documents: 5 new, 1 changed, 2 unchanged, 1 failed; 24 records added, 3 removed"
    );
}

/// Rewrites the documents table as older rules (or an older layout,
/// without the column) would have left it.
fn age_documents(s: &Store, drop_column: bool) {
    let path = s.dir().join(DOCUMENTS_FILE);
    let mut df = s.documents().unwrap().collect().unwrap();
    if drop_column {
        df = df.drop("rules_version").unwrap();
        std::fs::remove_file(s.dir().join(FORMAT_FILE)).unwrap();
    } else {
        let old = Column::new("rules_version".into(), vec!["0ld"; df.height()]);
        df.with_column(old).unwrap();
    }
    super::file::write_table(&path, &mut df).unwrap();
}

#[test]
fn documents_made_by_older_rules_are_extracted_again() {
    let (_t, mut s) = store();
    s.ingest_with(two_docs(), &Ctx::silent(), lines).unwrap();
    assert_eq!(s.stale_note().unwrap(), None);
    age_documents(&s, false);
    assert_eq!(s.stale_documents().unwrap(), ["a", "b"]);
    assert!(
        s.stale_note()
            .unwrap()
            .unwrap()
            .contains("2 documents (a, b)")
    );
    let again = s.ingest_with(two_docs(), &Ctx::silent(), lines).unwrap();
    assert_eq!(
        (again.stale_reextracted, again.changed, again.unchanged),
        (2, 2, 0)
    );
    assert!(s.stale_documents().unwrap().is_empty());
    // The same figures keep their ids across the re-extraction.
    assert_eq!(ids(&s), ["a#0-18", "a#0-6", "b#0-12"]);
}

#[test]
fn keep_stale_counts_and_keeps_them() {
    let (_t, mut s) = store();
    s.ingest_with(two_docs(), &Ctx::silent(), lines).unwrap();
    age_documents(&s, false);
    s.set_keep_stale(true);
    let again = s.ingest_with(two_docs(), &Ctx::silent(), lines).unwrap();
    assert_eq!(
        (again.stale_kept, again.unchanged, again.changed),
        (2, 2, 0)
    );
    assert_eq!(s.stale_documents().unwrap().len(), 2);
}

#[test]
fn a_store_of_the_first_layout_is_read_and_upgraded() {
    let (_t, mut s) = store();
    s.ingest_with(two_docs(), &Ctx::silent(), lines).unwrap();
    age_documents(&s, true);
    let s2 = Store::open(s.dir()).unwrap();
    assert_eq!(s2.stale_documents().unwrap().len(), 2);
    let again = s.ingest_with(two_docs(), &Ctx::silent(), lines).unwrap();
    assert_eq!(again.stale_reextracted, 2);
    let layout = std::fs::read_to_string(s.dir().join(FORMAT_FILE)).unwrap();
    assert!(layout.contains(&format!("\"layout\": {FORMAT_VERSION}")));
}

#[test]
fn a_store_of_a_newer_layout_is_refused() {
    let (_t, mut s) = store();
    s.ingest_with(two_docs(), &Ctx::silent(), lines).unwrap();
    std::fs::write(s.dir().join(FORMAT_FILE), "{\"layout\": 99}").unwrap();
    let err = Store::open(s.dir()).unwrap_err().to_string();
    assert!(err.contains("layout 99") && err.contains("newer"), "{err}");
}

#[test]
fn records_are_scanned_with_the_filter_and_columns_pushed_down() {
    let (_t, mut s) = store();
    s.ingest_with(two_docs(), &Ctx::silent(), lines).unwrap();
    let lf = s
        .records()
        .unwrap()
        .filter(col("doc_id").eq(lit("b")))
        .select([col("record_id")]);
    let plan = lf.clone().explain(true).unwrap();
    let scan = plan.lines().find(|l| l.contains("SCAN")).unwrap_or("");
    assert!(scan.to_lowercase().contains("parquet"), "{plan}");
    assert!(
        plan.contains("SELECTION") && plan.contains("\"b\""),
        "{plan}"
    );
    assert!(plan.contains("PROJECT 2/18 COLUMNS"), "{plan}");
    assert_eq!(lf.collect().unwrap().height(), 1);
}
