//! `factline documents`: dates the texts state, with basis, precision,
//! record counts and warnings, from files or from the store.

use std::fs;
use std::process::Command;

use serde_json::Value;

fn run(args: &[&str]) -> Vec<Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_factline"))
        .args(args)
        .output()
        .expect("factline runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

#[test]
fn dates_stated_in_the_text_are_listed_with_their_basis() {
    let t = tempfile::tempdir().unwrap();
    let files = [
        (
            "stamp.txt",
            "Завод открыт\n\n06.03.2023, 10:15\n\nТоварооборот в 2022 году составил 4 млрд долларов.\n",
        ),
        (
            "line.txt",
            "ПАВЛОДАР. 17 ФЕВРАЛЯ - Экспорт за 2021 год составил 2 млрд долларов.\n",
        ),
        (
            "english.txt",
            "Plant opens\n\n9 September 2020, 14:02\n\nThe plant will make 40,000 tonnes a year.\n",
        ),
        ("none.txt", "Текст без даты и без цифр.\n"),
        ("clash.txt", "01.02.2020\nТекст.\n\n03.04.2021\n"),
    ];
    for (name, text) in files {
        fs::write(t.path().join(name), text).unwrap();
    }
    let docs = run(&["documents", t.path().to_str().unwrap(), "--format", "jsonl"]);
    let by_id = |id: &str| docs.iter().find(|d| d["doc_id"] == id).unwrap().clone();
    let stamp = by_id("stamp");
    assert_eq!(stamp["published"], "2023-03-06");
    assert_eq!(stamp["date_basis"], "dateline");
    assert_eq!(stamp["published_precision"], "day");
    assert_eq!(stamp["records"], 1);
    let line = by_id("line");
    assert_eq!(line["published"], "2022-02-17");
    assert_eq!(
        line["published_precision"], "month",
        "the year is a best estimate"
    );
    assert_eq!(by_id("english")["published"], "2020-09-09");
    let none = by_id("none");
    assert_eq!(none["published"], Value::Null);
    assert_eq!(
        none["records"], 0,
        "a document with no records is listed too"
    );
    let clash = by_id("clash");
    assert!(clash["warnings"].as_str().unwrap().contains("2021-04-03"));
}

#[test]
fn record_counts_are_those_of_the_rules_extract_reads_with() {
    let t = tempfile::tempdir().unwrap();
    let p = t.path().join("ru.txt");
    fs::write(
        &p,
        "Товарооборот между Арменией и Грузией в 2023 году составил 7,2 млрд долларов.\n",
    )
    .unwrap();
    let count = |lang: &str| {
        let path = p.to_str().unwrap();
        let args = |cmd| [cmd, path, "--lang", lang, "--format", "jsonl"];
        let (docs, extracted) = (run(&args("documents")), run(&args("extract")));
        assert_eq!(docs[0]["records"], extracted.len(), "--lang {lang}");
        extracted.len()
    };
    assert_eq!(count("auto"), 1);
    assert_eq!(count("ru"), 1);
    assert_eq!(
        count("en"),
        0,
        "English rules find no figure in Russian text"
    );
}

#[test]
fn a_date_in_the_address_is_read_when_the_text_gives_none() {
    let line = r#"{"id":"u","url":"https://example.kz/news/2019/04/02/plant","text":"Экспорт в 2018 году составил 3 млрд долларов."}"#;
    let t = tempfile::tempdir().unwrap();
    let p = t.path().join("docs.jsonl");
    fs::write(&p, format!("{line}\n")).unwrap();
    let docs = run(&["documents", p.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(docs[0]["published"], "2019-04-02");
    assert_eq!(docs[0]["date_basis"], "url");
}

#[test]
fn the_stores_documents_are_listed_and_filtered() {
    let t = tempfile::tempdir().unwrap();
    fs::write(
        t.path().join("a.txt"),
        "07.07.2022\nЭкспорт в 2021 году составил 3 млрд долларов.\n",
    )
    .unwrap();
    fs::write(t.path().join("b.txt"), "08.08.2023\nТекст без цифр.\n").unwrap();
    let store = t.path().join("store");
    let s = store.to_str().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_factline"))
        .args(["ingest", t.path().to_str().unwrap(), "--store", s])
        .output()
        .unwrap();
    assert!(out.status.success());
    let all = run(&["documents", "--store", s, "--format", "jsonl"]);
    assert_eq!(all.len(), 2);
    let since = run(&[
        "documents",
        "--store",
        s,
        "--since",
        "2023-01-01",
        "--format",
        "jsonl",
    ]);
    assert_eq!(since.len(), 1);
    assert_eq!(since[0]["doc_id"], "b");
    let exports = run(&[
        "documents",
        "--store",
        s,
        "--metric",
        "exports",
        "--format",
        "jsonl",
    ]);
    assert_eq!(exports.len(), 1);
    assert_eq!(exports[0]["doc_id"], "a");
}

/// The stamp corpora of every language folder: each line of
/// `stamps.tsv` gives its date and precision, no line of
/// `stamps.neg.tsv` gives a date.
#[test]
fn stamp_corpora() {
    use factline::text::dateline::find;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus");
    let lines = |p: &std::path::Path| -> Vec<(usize, String)> {
        fs::read_to_string(p)
            .unwrap_or_default()
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
            .map(|(i, l)| (i + 1, l.replace("\\n", "\n")))
            .collect()
    };
    let (mut failures, mut pos, mut neg) = (String::new(), 0, 0);
    for lang in fs::read_dir(&root).unwrap() {
        let dir = lang.unwrap().path();
        let p = dir.join("stamps.tsv");
        for (n, line) in lines(&p) {
            pos += 1;
            let (want, text) = line.split_once('\t').unwrap();
            let got = find(text).map(|f| format!("{} {}", f.date, f.precision.as_str()));
            if got.as_deref() != Some(want) {
                failures.push_str(&format!("{}:{n}: want {want}, got {got:?}\n", p.display()));
            }
        }
        let p = dir.join("stamps.neg.tsv");
        for (n, text) in lines(&p) {
            neg += 1;
            if let Some(f) = find(&text) {
                failures.push_str(&format!("{}:{n}: got {}\n", p.display(), f.date));
            }
        }
    }
    assert!(pos >= 25 && neg >= 10, "{pos} stamps, {neg} negatives");
    assert!(failures.is_empty(), "{failures}");
}
