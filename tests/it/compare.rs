//! `factline compare` on a store that holds the seeds with their gold
//! records (what extraction should find in them), so the issue's
//! "done when" is checked through the command line.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use factline::record::Record;
use factline::store::Store;
use factline::text::Document;
use factline::text::load::{LoadOptions, load};
use factline::ui::Ctx;
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_factline");
const GOLD: &str = include_str!("../../src/compare/testdata/seeds.gold.jsonl");

/// The gold records of `doc`, dated like the document.
fn gold_of(doc: &Document) -> Vec<Record> {
    GOLD.lines()
        .filter_map(|l| {
            let mut v: Value = serde_json::from_str(l).ok()?;
            let o = v.as_object_mut()?;
            if o["doc_id"] != doc.id.as_str() {
                return None;
            }
            o.remove("alt_status");
            o.insert(
                "published".into(),
                serde_json::to_value(doc.published).ok()?,
            );
            o.insert("date_basis".into(), doc.date_basis.as_str().into());
            let precision = doc.precision.map(|p| p.as_str());
            o.insert("published_precision".into(), precision.into());
            o.insert("span_start".into(), 0.into());
            o.insert("span_end".into(), 0.into());
            serde_json::from_value(v).ok()
        })
        .collect()
}

fn gold_store(dir: &Path) -> PathBuf {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let docs: Vec<Document> = load(&[seeds], &LoadOptions::default())
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let store = dir.join("store");
    let mut s = Store::open(&store).unwrap();
    let sum = s.ingest_with(docs, &Ctx::silent(), gold_of).unwrap();
    assert_eq!(sum.records_added, 24);
    store
}

fn compare(store: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("compare")
        .args(args)
        .arg("--store")
        .arg(store)
        .output()
        .unwrap()
}

fn jsonl(store: &Path, args: &[&str]) -> Vec<Value> {
    let mut all = args.to_vec();
    all.extend(["--format", "jsonl"]);
    let out = compare(store, &all);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn find<'a>(rows: &'a [Value], pairs: &[(&str, Value)]) -> &'a Value {
    rows.iter()
        .find(|r| pairs.iter().all(|(k, v)| &r[*k] == v))
        .unwrap_or_else(|| panic!("no row with {pairs:?} in {rows:#?}"))
}

#[test]
fn joint_projects_show_as_a_stock_over_time() {
    let t = tempfile::tempdir().unwrap();
    let store = gold_store(t.path());
    let rows = jsonl(&store, &["--kind", "stock", "--subject", "KZ+RU"]);
    for (published, status, value) in [
        ("2022-06-01", "actual", 13.0),
        ("2022-06-01", "ongoing", 22.0),
        ("2024-03-04", "ongoing", 135.0),
        ("2024-03-04", "pipeline", 67.0),
    ] {
        find(
            &rows,
            &[
                ("metric", "projects_count".into()),
                ("published", published.into()),
                ("status", status.into()),
                ("value", value.into()),
            ],
        );
    }
    let grown = find(
        &rows,
        &[
            ("metric", "projects_value".into()),
            ("value", 26.5e9.into()),
        ],
    );
    assert_eq!(grown["prev_value"], 4.0e9);
    find(
        &rows,
        &[
            ("metric", "projects_value".into()),
            ("value", 14.0e9.into()),
        ],
    );
}

#[test]
fn turnover_2021_target_and_plant_launches() {
    let t = tempfile::tempdir().unwrap();
    let store = gold_store(t.path());
    let series = jsonl(&store, &["--kind", "series", "--metric", "trade_turnover"]);
    find(
        &series,
        &[
            ("subject", "KZ+RU".into()),
            ("period_end", "2021-12-31".into()),
            ("value", 24.2e9.into()),
        ],
    );
    // «В ближайшие годы … до 1 миллиарда»: no deadline, so no actual is
    // progress towards it.
    let targets = jsonl(&store, &["--kind", "targets", "--subject", "KZ+RU-TA"]);
    assert_eq!(targets.len(), 1);
    assert_eq!(targets[0]["match"], "no_period");
    assert_eq!(targets[0]["actual_value"], Value::Null);
    assert_eq!(targets[0]["share_pct"], Value::Null);
    let launches = jsonl(&store, &["--kind", "launches", "--as-of", "2022-06-01"]);
    let saran = find(&launches, &[("subject", "Сарань/шина".into())]);
    assert_eq!(saran["window"], "2022");
    assert_eq!(saran["verdict"], "first");
    assert_eq!(saran["state"], "pending");
    find(&launches, &[("subject", "Костанай/чугунное литьё".into())]);
    find(
        &launches,
        &[("subject", "Атырау/бутадиеновый каучук".into())],
    );
}

#[test]
fn without_a_kind_every_kind_with_rows_is_tagged() {
    let t = tempfile::tempdir().unwrap();
    let store = gold_store(t.path());
    let rows = jsonl(&store, &[]);
    let mut kinds: Vec<&str> = rows.iter().map(|r| r["kind"].as_str().unwrap()).collect();
    kinds.dedup();
    assert_eq!(kinds, ["stock", "series", "targets", "launches"]);
    let csv = compare(&store, &["--metric", "launch_date", "--format", "csv"]);
    let text = String::from_utf8(csv.stdout).unwrap();
    let mut lines = text.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("kind,subject,plant,published,doc_id,window"),
        "{text}"
    );
    assert_eq!(lines.count(), 7, "{text}");
    // Every kind in one CSV: shared columns have one dtype.
    let all = compare(&store, &["--format", "csv"]);
    let err = String::from_utf8_lossy(&all.stderr);
    assert!(all.status.success(), "{err}");
    let text = String::from_utf8(all.stdout).unwrap();
    for kind in ["stock", "series", "targets", "launches"] {
        assert!(text.contains(&format!("\n{kind},")), "{kind}: {text}");
    }
    let table = compare(&store, &["--format", "table", "--subject", "Сарань"]);
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(text.starts_with("stock\n"), "{text}");
    assert!(
        text.contains("\nlaunches\n") && text.contains("Сарань/шина"),
        "{text}"
    );
}

#[test]
fn currency_converts_and_an_unknown_code_is_one_line() {
    let t = tempfile::tempdir().unwrap();
    let store = gold_store(t.path());
    let args = |kind| ["--kind", kind, "--subject", "KZ+RU-TA", "--currency", "eur"];
    // 2021 (the actual's period) for the actual, 2022 (published) for the target.
    let series = jsonl(&store, &args("series"));
    let actual = find(&series, &[("status", "actual".into())]);
    let actual = actual["value"].as_f64().unwrap();
    assert!((actual - 423.3e6 * 0.8455).abs() < 1.0, "{actual}");
    let rows = jsonl(&store, &args("targets"));
    let target = rows[0]["target_value"].as_f64().unwrap();
    assert!((target - 1.0e9 * 0.9497).abs() < 1.0, "{target}");
    let bad = compare(&store, &["--currency", "XYZ"]);
    assert!(!bad.status.success());
    let err = String::from_utf8(bad.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("--currency XYZ: no rates for it"), "{err}");
}
