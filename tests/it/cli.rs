//! The command line as a shell user meets it: help with examples,
//! completions, the manual page, colour control.

use std::process::{Command, Output};

fn factline(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_factline"));
    cmd.args(args).env_remove("NO_COLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("factline runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const SUBCOMMANDS: [&str; 11] = [
    "extract",
    "explain",
    "mentions",
    "ingest",
    "records",
    "documents",
    "compare",
    "chart",
    "report",
    "completions",
    "man",
];

#[test]
fn every_subcommand_help_has_examples() {
    for sub in SUBCOMMANDS {
        let out = factline(&[sub, "--help"], &[]);
        assert!(out.status.success(), "{sub}");
        let help = stdout(&out);
        assert!(help.contains("Examples:"), "{sub}: {help}");
        assert!(help.contains(&format!("factline {sub}")), "{sub}: {help}");
    }
}

#[test]
fn completions_generate_for_the_common_shells() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef factline"),
        ("fish", "complete -c factline"),
    ] {
        let out = factline(&["completions", shell], &[]);
        assert!(out.status.success(), "{shell}");
        let script = stdout(&out);
        assert!(
            script.contains(marker),
            "{shell}: {}",
            &script[..script.len().min(200)]
        );
        assert!(
            script.contains("extract") && script.contains("format"),
            "{shell}"
        );
    }
}

#[test]
fn the_manual_page_is_roff_and_one_page_per_subcommand() {
    let out = factline(&["man"], &[]);
    let page = stdout(&out);
    assert!(
        page.starts_with(".ie") || page.contains(".TH factline"),
        "{}",
        &page[..200]
    );
    assert!(page.contains("extract"));
    let dir = tempfile::tempdir().unwrap();
    let out = factline(&["man", "--out", dir.path().to_str().unwrap()], &[]);
    assert!(out.status.success());
    for page in ["factline.1", "factline-extract.1", "factline-report.1"] {
        assert!(dir.path().join(page).is_file(), "{page}");
    }
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let esc = |o: &Output| o.stdout.contains(&0x1b);
    assert!(esc(&factline(&["--color", "always", "--help"], &[])));
    assert!(!esc(&factline(&["--color", "never", "--help"], &[])));
    assert!(!esc(&factline(&["--help"], &[("NO_COLOR", "1")])));
    assert!(esc(&factline(
        &["--color=always", "extract", "--help"],
        &[("NO_COLOR", "1")]
    )));
}

#[test]
fn threads_help_says_what_zero_means() {
    let help = stdout(&factline(&["--help"], &[]));
    assert!(help.contains("0 uses every core"), "{help}");
}

#[test]
fn a_bad_date_or_folder_is_named_with_what_is_wrong() {
    let err = |args: &[&str]| {
        let out = factline(args, &[]);
        assert!(!out.status.success(), "{args:?}");
        String::from_utf8_lossy(&out.stderr).to_string()
    };
    let day = err(&["extract", "seeds", "--published", "2024-02-30"]);
    assert!(
        day.contains("\"2024-02-30\" is no day of the calendar"),
        "{day}"
    );
    let form = err(&["extract", "seeds", "--published", "30.02.2024"]);
    assert!(
        form.contains("is not a date of the form YYYY-MM-DD"),
        "{form}"
    );
    let t = tempfile::tempdir().unwrap();
    let file = t.path().join("f");
    std::fs::write(&file, "").unwrap();
    let under = file.join("man");
    let man = err(&["man", "--out", under.to_str().unwrap()]);
    assert!(
        man.contains(&format!(
            "{}: cannot write the manual pages",
            under.display()
        )),
        "{man}"
    );
}

#[test]
fn too_many_threads_are_refused_before_any_start() {
    for n in ["100000", "257", "x"] {
        let out = factline(&["--threads", n, "records", "--store", "/nonexistent"], &[]);
        assert_eq!(out.status.code(), Some(2), "{n}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("--threads"), "{err}");
    }
    assert!(
        factline(&["--threads", "256", "--help"], &[])
            .status
            .success()
    );
}

fn seeds_store() -> (tempfile::TempDir, String) {
    let t = tempfile::tempdir().unwrap();
    let store = t.path().join("store").to_str().unwrap().to_string();
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let out = factline(&["ingest", seeds, "--store", &store, "-q"], &[]);
    assert!(out.status.success());
    (t, store)
}

fn jsonl(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn metrics_and_subjects_list_what_can_be_asked_for() {
    let (_t, store) = seeds_store();
    let metrics = jsonl(&factline(
        &["metrics", "--store", &store, "--format", "jsonl"],
        &[],
    ));
    assert_eq!(metrics.len(), 10, "every metric, stored or not");
    let launch = metrics
        .iter()
        .find(|m| m["metric"] == "launch_date")
        .unwrap();
    assert_eq!(launch["name_en"], "Launch dates");
    assert!(launch["records"].as_i64().unwrap() > 0);
    let subjects = jsonl(&factline(
        &["subjects", "--store", &store, "--format", "jsonl"],
        &[],
    ));
    let kz_ru = subjects.iter().find(|s| s["subject"] == "KZ+RU").unwrap();
    assert_eq!(kz_ru["kind"], "parties");
    assert_eq!(kz_ru["name_en"], "Kazakhstan — Russia");
    assert!(subjects.iter().any(|s| s["kind"] == "plant"));
}

#[test]
fn subject_filters_take_names_and_any_order() {
    let (_t, store) = seeds_store();
    let count = |subject: &str| {
        let out = factline(
            &[
                "records",
                "--store",
                &store,
                "--subject",
                subject,
                "--format",
                "jsonl",
            ],
            &[],
        );
        assert!(out.status.success(), "{subject}");
        jsonl(&out).len()
    };
    let base = count("KZ+RU");
    assert!(base > 0);
    for alias in ["RU+KZ", "kz+ru", "Казахстан+Россия", "Russia+Kazakhstan"] {
        assert_eq!(count(alias), base, "{alias}");
    }
    let bad = factline(
        &["records", "--store", &store, "--subject", "Narnia+KZ"],
        &[],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown party \"Narnia\""));
}

#[test]
fn explain_writes_dates_as_a_reader_does() {
    let out = factline(
        &[
            "explain",
            "Завод запустят до конца 2027 года.",
            "--published",
            "2022-01-24",
        ],
        &[],
    );
    let text = stdout(&out);
    assert!(text.contains("… 2027-12-31"), "{text}");
    assert!(!text.contains("Some("), "{text}");
}

#[test]
fn explain_names_the_file_and_line_of_every_lexicon_hit() {
    let out = factline(
        &[
            "explain",
            "В Павлодаре Казахстан построит завод полипропилена.",
        ],
        &[],
    );
    let text = stdout(&out);
    for (what, file) in [
        ("party", "data/ru/parties.tsv:"),
        ("place", "data/ru/places.tsv:"),
        ("product", "data/ru/products.tsv:"),
    ] {
        let line = text.lines().find(|l| l.trim_start().starts_with(what));
        assert!(line.is_some_and(|l| l.contains(file)), "{what}: {text}");
    }
}

#[test]
fn csv_for_spreadsheets_has_a_bom_and_one_rules_separator() {
    let (_t, store) = seeds_store();
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let extract = factline(&["extract", seeds, "--format", "csv", "--bom"], &[]);
    assert!(extract.stdout.starts_with("\u{feff}doc_id,".as_bytes()));
    let records = factline(
        &["records", "--store", &store, "--format", "csv", "--bom"],
        &[],
    );
    assert!(records.stdout.starts_with("\u{feff}record_id,".as_bytes()));
    let plain = factline(&["records", "--store", &store, "--format", "csv"], &[]);
    assert!(plain.stdout.starts_with(b"record_id,"));
    for out in [&extract, &records] {
        assert!(
            stdout(out).contains("<digits> | "),
            "one separator for rules"
        );
    }
}

/// Checks one JSON object against a schema's `required`, `type` and
/// `enum` (the parts of JSON Schema these documents use).
fn check_against(schema: &serde_json::Value, v: &serde_json::Value) -> Result<(), String> {
    let obj = v.as_object().ok_or("not an object")?;
    for req in schema["required"].as_array().unwrap() {
        let key = req.as_str().unwrap();
        if !obj.contains_key(key) {
            return Err(format!("missing {key}"));
        }
    }
    for (key, value) in obj {
        let Some(prop) = schema["properties"].get(key) else {
            return Err(format!("{key} is not in the schema"));
        };
        let types: Vec<&str> = match &prop["type"] {
            serde_json::Value::String(t) => vec![t.as_str()],
            serde_json::Value::Array(ts) => ts.iter().filter_map(|t| t.as_str()).collect(),
            _ => vec![],
        };
        let kind = match value {
            serde_json::Value::Null => "null",
            serde_json::Value::String(_) => "string",
            serde_json::Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
            serde_json::Value::Number(_) => "number",
            serde_json::Value::Array(_) => "array",
            serde_json::Value::Object(_) => "object",
            serde_json::Value::Bool(_) => "boolean",
        };
        let fits = types.contains(&kind) || (kind == "integer" && types.contains(&"number"));
        if !fits {
            return Err(format!("{key} is {kind}, the schema says {types:?}"));
        }
        if let Some(allowed) = prop["enum"].as_array()
            && !allowed.contains(value)
        {
            return Err(format!("{key} = {value} is not one of {allowed:?}"));
        }
    }
    Ok(())
}

#[test]
fn the_jsonl_schemas_describe_the_seeds_output() {
    let root = env!("CARGO_MANIFEST_DIR");
    let schema = |name: &str| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(format!("{root}/docs/{name}")).unwrap())
            .unwrap()
    };
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let (_t, store) = seeds_store();
    let cases = [
        (
            "record.schema.json",
            factline(&["extract", seeds, "--format", "jsonl"], &[]),
        ),
        (
            "record.schema.json",
            factline(&["records", "--store", &store, "--format", "jsonl"], &[]),
        ),
        (
            "mention.schema.json",
            factline(&["mentions", seeds, "--format", "jsonl"], &[]),
        ),
    ];
    for (name, out) in cases {
        let s = schema(name);
        let lines = jsonl(&out);
        assert!(!lines.is_empty(), "{name}");
        for v in &lines {
            check_against(&s, v).unwrap_or_else(|e| panic!("{name}: {e}: {v}"));
        }
        // The check can fail: a line without its doc_id does not pass.
        let mut broken = lines[0].clone();
        broken.as_object_mut().unwrap().remove("doc_id");
        assert!(check_against(&s, &broken).is_err());
    }
}

#[test]
fn a_chart_kind_must_fit_its_metric_and_an_empty_chart_is_not_written() {
    let (t, store) = seeds_store();
    let out = t.path().join("c.png");
    let o = out.to_str().unwrap();
    let wrong = factline(
        &[
            "chart",
            "--kind",
            "timeline",
            "--metric",
            "trade_turnover",
            "--store",
            &store,
            "--out",
            o,
        ],
        &[],
    );
    assert_eq!(wrong.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("--metric launch_date"));
    let empty = factline(
        &["chart", "--metric", "output", "--store", &store, "--out", o],
        &[],
    );
    assert_eq!(
        empty.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&empty.stderr)
    );
    assert!(String::from_utf8_lossy(&empty.stderr).contains("not written"));
    assert!(!out.exists());
    let drawn = factline(
        &[
            "chart",
            "--metric",
            "trade_turnover",
            "--subject",
            "Russia+Kazakhstan",
            "--store",
            &store,
            "--out",
            o,
        ],
        &[],
    );
    assert!(
        drawn.status.success(),
        "{}",
        String::from_utf8_lossy(&drawn.stderr)
    );
    assert!(out.is_file());
}

#[test]
fn mentions_take_the_rules_lang_asks_for() {
    let run = |lang: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_factline"))
            .args(["mentions", "-", "--format", "jsonl", "--lang", lang])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(b"Exports reached $5 billion last year.")
            .unwrap();
        jsonl(&child.wait_with_output().unwrap())
    };
    let money = |ms: &[serde_json::Value]| {
        ms.iter()
            .any(|m| m["kind"] == "money" && m["value"].as_f64() == Some(5e9))
    };
    assert!(money(&run("en")));
    assert!(money(&run("auto")));
    assert!(
        !money(&run("ru")),
        "Russian rules read no English scale word"
    );
}
