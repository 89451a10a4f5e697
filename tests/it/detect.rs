//! Language detection: the corpus of `data/detect.tsv` (texts the rules
//! read, and texts in languages with no rules here), and the skip note of
//! a document in such a language.

use std::path::Path;

use factline::lang::Lang;

/// The id detection gives a text: `ru`, `en`, or an unread language's.
fn detected(text: &str) -> &'static str {
    match Lang::unread(text) {
        Some(other) => other.id(),
        None => Lang::detect(text).as_str(),
    }
}

#[test]
fn corpus_of_languages() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/detect.tsv");
    let data = std::fs::read_to_string(&path).unwrap();
    let mut failures = Vec::new();
    let mut seen = std::collections::BTreeMap::new();
    for (i, line) in data.lines().enumerate().skip(1) {
        let (want, text) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("data/detect.tsv:{}: no tab", i + 1));
        *seen.entry(want).or_insert(0) += 1;
        let got = detected(text);
        if got != want {
            failures.push(format!("line {}: want {want}, got {got}: {text}", i + 1));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    for id in ["ru", "en", "kk-cyrl", "kk/uz-latn"] {
        assert!(
            seen.get(id).copied().unwrap_or(0) >= 2,
            "{id}: too few texts"
        );
    }
}

#[test]
fn a_document_in_kazakh_is_named_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let kk = "Зауыт биыл іске қосылды. Кәсіпорын жылына мың тонна өнім шығарады және жүз адамды жұмыспен қамтиды.";
    std::fs::write(dir.path().join("kk1.txt"), kk).unwrap();
    std::fs::write(
        dir.path().join("ru1.txt"),
        "Экспорт в 2023 году вырос до 7 млрд долларов.",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_factline"))
        .args(["extract", "--format", "jsonl", "--published", "2024-02-03"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("kk1") && stderr.contains("skipped") && stderr.contains("Kazakh"),
        "{stderr}"
    );
    assert!(stdout.contains("\"doc_id\":\"ru1\""), "{stdout}");
    assert!(!stdout.contains("kk1"), "{stdout}");
    // Asked for by name, the Russian rules read it anyway.
    let forced = std::process::Command::new(env!("CARGO_BIN_EXE_factline"))
        .args(["extract", "--format", "jsonl", "--lang", "ru"])
        .arg(dir.path().join("kk1.txt"))
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&forced.stderr).contains("skipped"));
}
