//! `factline extract` and `factline mentions` run as a user runs them.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_factline"))
}

fn seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("factline runs")
}

fn jsonl(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

fn find<'a>(records: &'a [Value], doc: &str, metric: &str, value: Option<f64>) -> &'a Value {
    records
        .iter()
        .find(|r| r["doc_id"] == doc && r["metric"] == metric && r["value"].as_f64() == value)
        .unwrap_or_else(|| panic!("no {metric} {value:?} in {doc}"))
}

#[test]
fn seeds_give_the_records_in_full() {
    let out = run(&["extract", seeds().to_str().unwrap(), "--format", "jsonl"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rs = jsonl(&out);
    let t = find(&rs, "002", "trade_turnover", Some(423_300_000.0));
    assert_eq!(t["published"], "2022-01-24");
    assert_eq!(t["date_basis"], "manifest");
    assert_eq!(t["subject"], "KZ+RU-TA");
    assert_eq!(t["status"], "actual");
    assert_eq!(t["unit"], "USD");
    assert_eq!(t["qualifier"], "exact");
    assert_eq!(t["period_start"], "2021-01-01");
    assert_eq!(t["period_end"], "2021-11-30");
    let text = std::fs::read_to_string(seeds().join("002.txt")).unwrap();
    let (a, b) = (
        t["span_start"].as_u64().unwrap() as usize,
        t["span_end"].as_u64().unwrap() as usize,
    );
    let span: String = text.chars().skip(a).take(b - a).collect();
    assert_eq!(span, "423,3 миллиона долларов");

    let p = find(&rs, "003", "projects_value", Some(26_500_000_000.0));
    assert_eq!(
        (p["status"].as_str(), p["subject"].as_str()),
        (Some("ongoing"), Some("KZ+RU"))
    );
    assert!(p["period_start"].is_null() && p["period_end"].is_null());

    let c = find(&rs, "002", "capacity", Some(9_000_000.0));
    assert_eq!(
        (c["status"].as_str(), c["unit"].as_str()),
        (Some("target"), Some("pcs/yr"))
    );
    assert_eq!(c["subject"], "Сарань/шина");

    let launches: Vec<&Value> = rs
        .iter()
        .filter(|r| r["doc_id"] == "002" && r["metric"] == "launch_date")
        .collect();
    let keys: Vec<&str> = launches
        .iter()
        .filter_map(|r| r["subject"].as_str())
        .collect();
    assert!(
        keys.contains(&"Костанай/чугунное литьё")
            && keys.contains(&"Костанай/редуктор ведущего моста"),
        "{keys:?}"
    );
    let j = find(&rs, "001", "jobs", Some(2500.0));
    assert_eq!(
        (j["qualifier"].as_str(), j["status"].as_str()),
        (Some("over"), Some("planned"))
    );
}

#[test]
fn dateline_gives_the_date_without_a_manifest() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(seeds().join("002.txt"), dir.path().join("002.txt")).unwrap();
    let out = run(&["extract", dir.path().to_str().unwrap(), "--format", "jsonl"]);
    let rs = jsonl(&out);
    assert!(!rs.is_empty());
    assert!(
        rs.iter()
            .all(|r| r["published"] == "2022-01-24" && r["date_basis"] == "dateline")
    );
}

#[test]
fn bad_documents_are_named_and_the_rest_still_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.txt"),
        "Товарооборот за 2023 год составил 4 млрд долларов.",
    )
    .unwrap();
    std::fs::write(dir.path().join("blob.txt"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    std::fs::write(
        dir.path().join("docs.jsonl"),
        "{\"id\":\"j1\",\"published\":\"2024-01-10\",\"text\":\"Инвестиции составили 2 млрд рублей.\"}\n{not json\n",
    )
    .unwrap();
    let out = run(&["extract", dir.path().to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.lines()
            .any(|l| l.contains("blob.txt") && l.contains("binary")),
        "{err}"
    );
    assert!(
        err.lines()
            .any(|l| l.contains("docs.jsonl:2") && l.contains("bad JSON")),
        "{err}"
    );
    let rs = jsonl(&out);
    let docs: Vec<&str> = rs.iter().filter_map(|r| r["doc_id"].as_str()).collect();
    assert!(docs.contains(&"good") && docs.contains(&"j1"), "{docs:?}");
}

#[test]
fn windows_1251_is_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let (bytes, _, _) =
        encoding_rs::WINDOWS_1251.encode("Товарооборот за 2023 год составил 4 млрд долларов.");
    std::fs::write(dir.path().join("cp.txt"), &bytes).unwrap();
    let rs = jsonl(&run(&[
        "extract",
        dir.path().to_str().unwrap(),
        "--format",
        "jsonl",
    ]));
    assert_eq!(rs.len(), 1);
    assert_eq!(rs[0]["value"].as_f64(), Some(4e9));
}

#[test]
fn bad_flags_are_refused_with_the_value_named() {
    let out = run(&["extract", "seeds", "--format", "xml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("xml"));
    let out = run(&["extract", "seeds", "--published", "2024-13-01"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("2024-13-01"));
}

#[test]
fn stdin_jsonl_and_csv() {
    use std::io::Write;
    let mut child = bin()
        .args(["extract", "-", "--format", "csv"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let line = "{\"id\":\"x\",\"published\":\"2024-03-04\",\"title\":\"\",\"url\":\"\",\"text\":\"В текущем году товарооборот составит около 30 млрд долларов.\"}\n";
    child
        .stdin
        .take()
        .unwrap()
        .write_all(line.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("doc_id,published,date_basis")
    );
    let row = lines.next().unwrap();
    assert!(
        row.starts_with("x,2024-03-04,metadata,day,trade_turnover,"),
        "{row}"
    );
    assert!(
        row.contains(",30000000000,") && row.contains(",approx,2024-01-01,2024-12-31,"),
        "{row}"
    );
}

#[test]
fn a_csv_has_its_header_when_no_document_is_read() {
    let t = tempfile::tempdir().unwrap();
    let out = run(&["extract", t.path().to_str().unwrap(), "--format", "csv"]);
    assert!(out.status.success());
    let csv = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(csv.starts_with("doc_id,published,"), "{csv:?}");
    assert_eq!(csv.lines().count(), 1);
}

#[test]
fn mentions_cover_the_seeds_figures() {
    let out = run(&[
        "mentions",
        seeds().to_str().unwrap(),
        "--format",
        "jsonl",
        "--kind",
        "money,date",
    ]);
    assert!(out.status.success());
    let ms = jsonl(&out);
    let has = |text: &str, kind: &str| ms.iter().any(|m| m["text"] == text && m["kind"] == kind);
    assert!(has("$26,5 млрд", "money"));
    assert!(has("почти на 4 млрд долл.", "money"));
    assert!(has("за 11 месяцев 2021 года", "date"));
    assert!(has("до конца 2027 года", "date"));
    assert!(
        ms.iter()
            .all(|m| m["kind"] == "money" || m["kind"] == "date")
    );
    // CSV has the same columns, the rules as one cell.
    let csv = run(&[
        "mentions",
        seeds().to_str().unwrap(),
        "--format",
        "csv",
        "--kind",
        "money",
    ]);
    let csv = String::from_utf8_lossy(&csv.stdout).to_string();
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().ends_with(",grain,rules"));
    assert!(
        lines.all(|l| l.contains('<')),
        "every row names its rules:\n{csv}"
    );
}

#[test]
fn stdin_filter_keeps_order_and_skips_bad_lines() {
    use std::io::Write;
    let mut child = bin()
        .args(["extract", "-", "--format", "jsonl", "--quiet"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = String::new();
    for i in 0..40 {
        if i == 7 {
            input.push_str("{\"id\": broken\n");
        }
        input.push_str(&format!(
            "{{\"id\":\"d{i}\",\"published\":\"2023-05-01\",\"text\":\"Товарооборот за 2022 год составил {} млрд долларов.\"}}\n",
            i + 1
        ));
    }
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("-:8: bad JSON document"), "{err}");
    let rs = jsonl(&out);
    let ids: Vec<String> = rs
        .iter()
        .map(|r| r["doc_id"].as_str().unwrap().to_string())
        .collect();
    let want: Vec<String> = (0..40).map(|i| format!("d{i}")).collect();
    assert_eq!(ids, want);
    assert_eq!(rs[39]["value"].as_f64(), Some(40e9));
}

/// Every money amount, quantity and launch window the seeds' gold records
/// rest on is a mention with that value or period.
#[test]
fn mentions_hold_every_figure_of_the_seed_gold() {
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/compare/testdata/seeds.gold.jsonl");
    let gold: Vec<Value> = std::fs::read_to_string(gold)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ms = jsonl(&run(&[
        "mentions",
        seeds().to_str().unwrap(),
        "--format",
        "jsonl",
    ]));
    for g in &gold {
        let doc = g["doc_id"].as_str().unwrap();
        let found = if let Some(v) = g["value"].as_f64() {
            let unit = g["unit"].as_str().unwrap().trim_end_matches("/yr");
            ms.iter().any(|m| {
                m["doc_id"] == doc
                    && m["value"].as_f64() == Some(v)
                    && (m["unit"]
                        .as_str()
                        .is_some_and(|u| u.trim_end_matches("/yr") == unit)
                        || unit == "count")
            })
        } else {
            ms.iter().any(|m| {
                m["doc_id"] == doc
                    && m["kind"] == "date"
                    && m["period_end"] == g["period_end"]
                    && (g["period_start"].is_null() || m["period_start"] == g["period_start"])
            })
        };
        assert!(found, "no mention for {g}");
    }
}
