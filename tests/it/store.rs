//! `factline ingest` and `factline records` on temporary stores: the
//! binary as a user runs it, with records put in place through the
//! library where the extraction of this build finds none.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use chrono::NaiveDate;
use factline::record::{DateBasis, Metric, Qualifier, Record, Status};
use factline::store::Store;
use factline::text::Document;
use factline::ui::Ctx;

const BIN: &str = env!("CARGO_BIN_EXE_factline");

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn factline(args: &[&str], store: &Path) -> Output {
    Command::new(BIN)
        .args(args)
        .arg("--store")
        .arg(store)
        .env_remove("FACTLINE_TEST_ABORT_AFTER_WRITE")
        .stdin(Stdio::null())
        .output()
        .expect("run factline")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A toy extraction: each line `metric value [subject]` of the text is a
/// record (subject KZ+RU when not given).
fn lines(doc: &Document) -> Vec<Record> {
    doc.text
        .lines()
        .filter_map(|l| {
            let mut words = l.split(' ');
            let (m, v) = (words.next()?, words.next()?);
            let subject = words.next().unwrap_or("KZ+RU");
            Some(Record {
                doc_id: doc.id.clone(),
                published: doc.published,
                date_basis: doc.date_basis,
                published_precision: doc.precision,
                metric: Metric::parse(m)?,
                subject: Some(subject.into()),
                status: Status::Actual,
                value: v.parse().ok(),
                value_max: None,
                unit: Some("count".into()),
                qualifier: Qualifier::Exact,
                period_start: None,
                period_end: None,
                quote: l.to_string(),
                span_start: 0,
                span_end: 1,
                rules: vec![],
            })
        })
        .collect()
}

fn doc(id: &str, day: u32, text: &str) -> Document {
    let date = NaiveDate::from_ymd_opt(2022, 1, day).unwrap();
    Document::new(id, text).with_published(date, DateBasis::Metadata)
}

/// A store with three records from two documents, and the JSONL of the
/// same two documents as `ingest` reads them.
fn filled_store(dir: &Path) -> PathBuf {
    let store = dir.join("store");
    let docs = vec![
        doc("a", 10, "jobs 100\nprojects_count 13"),
        doc("b", 20, "jobs 150"),
    ];
    let mut s = Store::open(&store).unwrap();
    s.ingest_with(docs, &Ctx::silent(), lines).unwrap();
    store
}

fn jsonl_line(id: &str, text: &str) -> String {
    serde_json::json!({"id": id, "published": "2022-01-10", "text": text}).to_string()
}

fn record_ids(store: &Path) -> Vec<String> {
    let out = factline(&["records", "--format", "jsonl"], store);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["record_id"].as_str().unwrap().to_string()
        })
        .collect()
}

#[test]
fn ingesting_the_seeds_twice_changes_nothing() {
    let t = tempfile::tempdir().unwrap();
    let store = t.path().join("store");
    let seeds = seeds();
    let seeds = seeds.to_str().unwrap();
    let first = factline(&["ingest", seeds], &store);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        stderr(&first).contains("5 documents: 5 new, 0 changed"),
        "{}",
        stderr(&first)
    );
    let before = record_ids(&store);
    let again = factline(&["ingest", seeds], &store);
    assert!(
        stderr(&again)
            .contains("5 documents: 0 new, 0 changed, 5 unchanged, 0 failed; 0 records added")
    );
    assert_eq!(record_ids(&store), before);
}

#[test]
fn editing_one_seed_makes_only_that_document_changed() {
    let t = tempfile::tempdir().unwrap();
    let copy = t.path().join("seeds");
    fs::create_dir(&copy).unwrap();
    for e in fs::read_dir(seeds()).unwrap() {
        let p = e.unwrap().path();
        fs::copy(&p, copy.join(p.file_name().unwrap())).unwrap();
    }
    let store = t.path().join("store");
    factline(&["ingest", copy.to_str().unwrap()], &store);
    let hashes = |s: &Path| {
        let df = Store::open(s)
            .unwrap()
            .documents()
            .unwrap()
            .collect()
            .unwrap();
        let ids = df.column("doc_id").unwrap().str().unwrap().clone();
        let h = df.column("content_hash").unwrap().str().unwrap().clone();
        let mut v: Vec<(String, String)> = ids
            .iter()
            .zip(h.iter())
            .map(|(i, h)| (i.unwrap().into(), h.unwrap().into()))
            .collect();
        v.sort();
        v
    };
    let before = hashes(&store);
    let p = copy.join("002.txt");
    let text = fs::read_to_string(&p).unwrap();
    fs::write(&p, format!("{text}\nДополнение.")).unwrap();
    let out = factline(&["ingest", copy.to_str().unwrap()], &store);
    assert!(
        stderr(&out).contains("0 new, 1 changed, 4 unchanged"),
        "{}",
        stderr(&out)
    );
    let after = hashes(&store);
    let differ: Vec<&str> = before
        .iter()
        .zip(&after)
        .filter(|(b, a)| b != a)
        .map(|(b, _)| b.0.as_str())
        .collect();
    assert_eq!(differ, ["002"]);
}

#[test]
fn an_ingest_killed_before_its_rename_leaves_the_earlier_store() {
    let t = tempfile::tempdir().unwrap();
    let store = filled_store(t.path());
    let before = record_ids(&store);
    assert_eq!(before, ["a#0-1", "a#0-1.1", "b#0-1"]);
    let input = t.path().join("docs.jsonl");
    fs::write(&input, jsonl_line("a", "changed text") + "\n").unwrap();
    let killed = Command::new(BIN)
        .args(["ingest", input.to_str().unwrap(), "--store"])
        .arg(&store)
        .env("FACTLINE_TEST_ABORT_AFTER_WRITE", "1")
        .output()
        .unwrap();
    assert!(!killed.status.success(), "the hook must stop the process");
    assert!(
        store.join("records.tmp.parquet").exists(),
        "it died after writing"
    );
    assert_eq!(record_ids(&store), before);
    // The next ingest finds the document changed and completes.
    let out = factline(&["ingest", input.to_str().unwrap()], &store);
    assert!(stderr(&out).contains("1 changed"), "{}", stderr(&out));
    assert!(!store.join("records.tmp.parquet").exists());
    assert_eq!(record_ids(&store), ["b#0-1"]);
}

#[test]
fn an_ingest_killed_after_its_commit_marker_shows_the_new_pair() {
    let t = tempfile::tempdir().unwrap();
    let store = filled_store(t.path());
    let input = t.path().join("docs.jsonl");
    fs::write(&input, jsonl_line("a", "changed text") + "\n").unwrap();
    let killed = Command::new(BIN)
        .args(["ingest", input.to_str().unwrap(), "--store"])
        .arg(&store)
        .env("FACTLINE_TEST_ABORT_AFTER_WRITE", "2")
        .output()
        .unwrap();
    assert!(!killed.status.success(), "the hook must stop the process");
    // Records and documents are read as the new pair, never a mix.
    assert_eq!(record_ids(&store), ["b#0-1"]);
    let docs = factline(&["records", "--doc", "a", "--format", "jsonl"], &store);
    assert_eq!(stdout(&docs), "");
    // The next ingest finishes the renames; nothing is extracted again.
    let out = factline(&["ingest", input.to_str().unwrap()], &store);
    assert!(stderr(&out).contains("1 unchanged"), "{}", stderr(&out));
    assert!(!store.join("records.tmp.parquet").exists());
    let layout = fs::read_to_string(store.join("store.json")).unwrap();
    assert!(!layout.contains("pending"), "{layout}");
    assert_eq!(record_ids(&store), ["b#0-1"]);
}

#[test]
fn an_ingest_killed_at_any_moment_leaves_a_whole_store() {
    let t = tempfile::tempdir().unwrap();
    let input = t.path().join("many.jsonl");
    let mut lines: Vec<String> = (0..4000)
        .map(|i| jsonl_line(&format!("n{i}"), &format!("Текст номер {i}.")))
        .collect();
    lines.push(jsonl_line("a", "changed text"));
    fs::write(&input, lines.join("\n") + "\n").unwrap();
    // A whole run takes about 0.3 s in a debug build: the kills land
    // before, during and after the writes.
    for delay in [5, 30, 60, 100, 150, 200, 250, 400] {
        let dir = t.path().join(delay.to_string());
        fs::create_dir(&dir).unwrap();
        let store = filled_store(&dir);
        let mut child = Command::new(BIN)
            .args(["ingest", input.to_str().unwrap(), "--store"])
            .arg(&store)
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
        let ids = record_ids(&store);
        let whole = ids == ["a#0-1", "a#0-1.1", "b#0-1"] || ids == ["b#0-1"];
        assert!(whole, "after a kill at {delay} ms: {ids:?}");
    }
}

#[test]
fn a_second_ingest_waits_for_the_first() {
    let t = tempfile::tempdir().unwrap();
    let store = filled_store(t.path());
    let held = File::create(store.join(".lock")).unwrap();
    held.lock().unwrap();
    let input = t.path().join("docs.jsonl");
    fs::write(&input, jsonl_line("c", "x") + "\n").unwrap();
    let mut child = Command::new(BIN)
        .args(["ingest", input.to_str().unwrap(), "--store"])
        .arg(&store)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(700));
    assert!(
        child.try_wait().unwrap().is_none(),
        "must wait for the lock"
    );
    drop(held);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("another ingest is writing to this store; waiting"),
        "{err}"
    );
    assert!(err.contains("1 new"), "{err}");
}

#[test]
fn records_filters_and_writes_csv_jsonl_and_table() {
    let t = tempfile::tempdir().unwrap();
    let store = filled_store(t.path());
    let csv = factline(&["records", "--metric", "jobs", "--format", "csv"], &store);
    let text = stdout(&csv);
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows.len(), 3, "{text}");
    assert!(rows[0].starts_with("record_id,doc_id,published,date_basis,"));
    assert!(
        rows[1].starts_with("a#0-1,a,2022-01-10,metadata,"),
        "{}",
        rows[1]
    );
    let since = factline(
        &["records", "--since", "2022-01-15", "--format", "jsonl"],
        &store,
    );
    let one: Vec<serde_json::Value> = stdout(&since)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(one.len(), 1);
    assert_eq!(one[0]["doc_id"], "b");
    assert_eq!(one[0]["value"], 150.0);
    assert_eq!(one[0]["period_start"], serde_json::Value::Null);
    let table = factline(&["records", "--doc", "a", "--format", "table"], &store);
    let text = stdout(&table);
    assert!(
        text.contains("projects_count") && text.contains("│"),
        "{text}"
    );
    assert!(!text.contains("b#0-1"));
}

#[test]
fn the_store_folder_comes_from_the_environment() {
    let t = tempfile::tempdir().unwrap();
    let store = filled_store(t.path());
    let out = Command::new(BIN)
        .args(["records", "--format", "csv"])
        .env("FACTLINE_STORE", &store)
        .output()
        .unwrap();
    assert_eq!(stdout(&out).lines().count(), 4);
}

#[test]
fn a_bad_store_is_one_line_and_a_failing_exit() {
    let t = tempfile::tempdir().unwrap();
    let store = filled_store(t.path());
    fs::write(store.join("records.parquet"), "garbage").unwrap();
    let out = factline(&["records"], &store);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("records.parquet: not a readable Parquet table"),
        "{err}"
    );
}

/// Timings on a synthetic store (run with `--ignored --nocapture`):
/// 20 000 documents of 5 records each, about 500 subjects, 28 days.
#[test]
#[ignore]
fn measure_ingest_and_compare_at_scale() {
    use std::time::Instant;
    let t = tempfile::tempdir().unwrap();
    let store = t.path().join("store");
    let docs = |salt: usize| -> Vec<Document> {
        (0..20_000)
            .map(|i| {
                let v = if i % 100 == 0 { i + salt } else { i };
                let s = format!("S{}", i % 500);
                let text = format!(
                    "jobs {v} {s}\nprojects_count {} {s}\ninvestment {} {s}\ncapacity 5\noutput 6 {s}",
                    i % 50,
                    i * 1000
                );
                doc(&format!("d{i}"), 1 + (i % 28) as u32, &text)
            })
            .collect()
    };
    let mut s = Store::open(&store).unwrap();
    let clock = Instant::now();
    let sum = s.ingest_with(docs(0), &Ctx::silent(), lines).unwrap();
    eprintln!("first ingest: {sum} in {:?}", clock.elapsed());
    let clock = Instant::now();
    let sum = s.ingest_with(docs(0), &Ctx::silent(), lines).unwrap();
    eprintln!("same again: {sum} in {:?}", clock.elapsed());
    let clock = Instant::now();
    let sum = s.ingest_with(docs(1), &Ctx::silent(), lines).unwrap();
    eprintln!("1% changed: {sum} in {:?}", clock.elapsed());
    for f in ["records.parquet", "documents.parquet"] {
        let len = fs::metadata(store.join(f)).unwrap().len();
        eprintln!("{f}: {} KiB", len / 1024);
    }
    let clock = Instant::now();
    let records = s.records().unwrap();
    let n = records.clone().collect().unwrap().height();
    eprintln!("read {n} records in {:?}", clock.elapsed());
    let as_of = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    for kind in factline::compare::Kind::ALL {
        let clock = Instant::now();
        let rows = kind
            .apply(records.clone(), as_of)
            .collect()
            .unwrap()
            .height();
        eprintln!("{}: {rows} rows in {:?}", kind.as_str(), clock.elapsed());
    }
}

#[test]
fn reextract_and_an_empty_store() {
    let t = tempfile::tempdir().unwrap();
    let store = t.path().join("store");
    let empty = factline(&["records", "--format", "csv"], &store);
    assert!(empty.status.success());
    assert!(stdout(&empty).starts_with("record_id,doc_id,published"));
    assert!(stderr(&empty).contains("empty store, nothing ingested yet"));
    assert!(!store.exists(), "reading must not create the store");
    let seeds = seeds();
    let seeds = seeds.to_str().unwrap();
    factline(&["ingest", seeds], &store);
    let again = factline(&["ingest", "--reextract", seeds], &store);
    assert!(
        stderr(&again).contains("5 documents: 0 new, 5 changed"),
        "{}",
        stderr(&again)
    );
    let quiet = factline(&["ingest", "--quiet", seeds], &store);
    assert!(quiet.status.success());
    assert_eq!(stderr(&quiet), "");
}

#[test]
fn reading_by_other_rules_is_a_change() {
    let t = tempfile::tempdir().unwrap();
    let store = t.path().join("store");
    let seeds = seeds();
    let seeds = seeds.to_str().unwrap();
    let said = |args: &[&str]| {
        let out = factline(args, &store);
        assert!(out.status.success(), "{}", stderr(&out));
        stderr(&out)
    };
    let records = || {
        stdout(&factline(&["records", "--format", "jsonl", "-q"], &store))
            .lines()
            .count()
    };
    said(&["ingest", seeds]);
    let russian = records();
    assert!(russian > 0);
    let english = said(&["ingest", seeds, "--lang", "en"]);
    assert!(english.contains("0 new, 5 changed"), "{english}");
    assert!(
        records() < russian,
        "the English rules find less in Russian text"
    );
    assert!(said(&["ingest", seeds, "--lang", "en"]).contains("5 unchanged"));
    assert!(said(&["ingest", seeds]).contains("0 new, 5 changed"));
    assert_eq!(records(), russian);
}

#[test]
fn partitioned_copy_holds_every_record_once() {
    use polars::prelude::*;
    let t = tempfile::tempdir().unwrap();
    let store = t.path().join("store");
    let out = Command::new(BIN)
        .args([
            "ingest",
            seeds().to_str().unwrap(),
            "--partitioned",
            "--store",
        ])
        .arg(&store)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let mut rows = 0;
    let mut metrics = Vec::new();
    for m in fs::read_dir(store.join("partitioned")).unwrap() {
        let m = m.unwrap().path();
        let name = m.file_name().unwrap().to_string_lossy().to_string();
        let metric = name
            .strip_prefix("metric=")
            .expect("metric=… folders")
            .to_string();
        for y in fs::read_dir(&m).unwrap() {
            let part = y.unwrap().path().join("part-0.parquet");
            let df = ParquetReader::new(File::open(&part).unwrap())
                .finish()
                .unwrap();
            assert!(
                df.column("metric").is_err(),
                "the partition column is in the path"
            );
            rows += df.height();
        }
        metrics.push(metric);
    }
    metrics.sort();
    assert_eq!(rows, 24);
    assert!(
        metrics.contains(&"launch_date".to_string())
            && metrics.contains(&"trade_turnover".to_string())
    );
}
