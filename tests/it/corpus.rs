//! The corpus test: walks every corpus in `data/corpus/<lang>/` and checks
//! each line. Mention corpora (`number`, `money`, `quantity`, `percent`,
//! `date`): the surface must give exactly one mention of that kind that
//! spans all of it, with the expected value; `*.neg.tsv` lines must give
//! none of that kind. Record corpora: the sentence, as a document
//! published on the anchor date, must give exactly the expected records
//! (only the keys written are checked); `records.neg.tsv` lines give none.

use std::fmt::Write as _;
use std::path::Path;

use chrono::NaiveDate;
use factline::dims::{self, Anchor, Kind, Mention};
use factline::extract;
use factline::grammar;
use factline::lang::Lang;
use factline::record::{DateBasis, Record};
use factline::text::Document;
use factline::text::token::Token;

/// Relative dates in every corpus resolve against this day.
const ANCHOR: (i32, u32, u32) = (2024, 3, 4);

fn anchor() -> NaiveDate {
    NaiveDate::from_ymd_opt(ANCHOR.0, ANCHOR.1, ANCHOR.2).unwrap()
}

fn lines(path: &Path) -> Vec<(usize, String)> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.to_string()))
        .collect()
}

fn mentions(surface: &str, lang: Lang) -> (Vec<Token>, Vec<Mention>) {
    let g = grammar::of(lang).unwrap();
    let toks = g.tokenize(surface, 0, surface.len());
    let m = dims::find_with(
        g.dims,
        &toks,
        Anchor {
            published: Some(anchor()),
        },
    );
    (toks, m)
}

fn show(m: &[Mention]) -> String {
    m.iter()
        .map(|m| {
            format!(
                "{}[{}..{}] value={:?} max={:?} unit={:?} q={} period={:?}",
                m.kind.as_str(),
                m.tok_start,
                m.tok_end,
                m.value,
                m.value_max,
                m.unit,
                m.qualifier,
                m.period.map(|p| (p.start, p.end, p.grain.as_str()))
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * b.abs().max(1.0)
}

fn parse_value(s: &str) -> (f64, Option<f64>) {
    match s.split_once("..") {
        Some((a, b)) => (a.parse().unwrap(), Some(b.parse().unwrap())),
        None => (s.parse().unwrap(), None),
    }
}

fn date_or_open(s: &str) -> Option<NaiveDate> {
    (s != "_").then(|| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap())
}

/// Checks one mention against an expectation; `None` when it fits.
fn check_mention(kind: Kind, expected: &str, m: &Mention) -> Option<String> {
    let parts: Vec<&str> = expected.split_whitespace().collect();
    if kind == Kind::Date {
        let (s, e) = parts[0].split_once("..").unwrap();
        let p = m.period?;
        let ok = p.start == date_or_open(s)
            && p.end == date_or_open(e)
            && parts.get(1).is_none_or(|g| *g == p.grain.as_str());
        return (!ok).then(|| "wrong period".into());
    }
    if parts[0] == "_" {
        let unit_ok = parts.get(1).is_none_or(|u| m.unit.as_deref() == Some(u));
        return (m.value.is_some() || !unit_ok).then(|| "a value, or wrong unit".into());
    }
    let (v, max) = parse_value(parts[0]);
    let value_ok = m.value.is_some_and(|x| close(x, v))
        && match (max, m.value_max) {
            (None, None) => true,
            (Some(a), Some(b)) => close(a, b),
            _ => false,
        };
    if !value_ok {
        return Some("wrong value".into());
    }
    let (unit, qual) = match kind {
        Kind::Money | Kind::Quantity | Kind::Duration | Kind::Set => {
            (parts.get(1).copied(), parts.get(2).copied())
        }
        Kind::Percent => (Some("%"), parts.get(1).copied()),
        _ => (None, None),
    };
    if unit.is_some() && m.unit.as_deref() != unit {
        return Some("wrong unit".into());
    }
    if m.qualifier.as_str() != qual.unwrap_or("exact") {
        return Some("wrong qualifier".into());
    }
    None
}

fn run_mentions(kind: Kind, path: &Path, lang: Lang, failures: &mut String) -> usize {
    let mut n = 0;
    for (line, text) in lines(path) {
        let (expected, surface) = text.split_once('\t').expect("EXPECTED<TAB>SURFACE");
        let (toks, found) = mentions(surface, lang);
        let of_kind: Vec<&Mention> = found.iter().filter(|m| m.kind == kind).collect();
        let whole =
            of_kind.len() == 1 && of_kind[0].tok_start == 0 && of_kind[0].tok_end == toks.len();
        let why = if of_kind.is_empty() {
            Some("empty result on".to_string())
        } else if of_kind.len() > 1 {
            Some(format!("{} mentions found for", of_kind.len()))
        } else if !whole {
            Some("does not fully match".to_string())
        } else {
            check_mention(kind, expected, of_kind[0])
        };
        if let Some(why) = why {
            let _ = writeln!(
                failures,
                "{}:{line}: {why} {surface:?}: expected {expected}, got {}",
                path.display(),
                show(&found)
            );
        }
        n += 1;
    }
    n
}

fn run_negative(kind: Kind, path: &Path, lang: Lang, failures: &mut String) -> usize {
    let mut n = 0;
    for (line, surface) in lines(path) {
        let (_, found) = mentions(&surface, lang);
        let bad: Vec<Mention> = found.into_iter().filter(|m| m.kind == kind).collect();
        if !bad.is_empty() {
            let _ = writeln!(
                failures,
                "{}:{line}: must give no {} on {surface:?}, got {}",
                path.display(),
                kind.as_str(),
                show(&bad)
            );
        }
        n += 1;
    }
    n
}

fn doc(sentence: &str) -> Document {
    Document::new("corpus", sentence).with_published(anchor(), DateBasis::Manifest)
}

/// An expectation's `key=value` pairs.
type Expected = Vec<(String, String)>;

fn pairs(expected: &str) -> Expected {
    expected
        .split_whitespace()
        .map(|kv| {
            let (k, v) = kv.split_once('=').expect("key=value");
            (k.to_string(), v.to_string())
        })
        .collect()
}

/// Pairs each expectation with a record that fits it: (expectations
/// with no record, records with no expectation).
fn pair_up<'a>(got: &'a [Record], wanted: &[Expected]) -> (Vec<String>, Vec<&'a Record>) {
    let mut left: Vec<&Record> = got.iter().collect();
    let mut missing = Vec::new();
    for w in wanted {
        match left.iter().position(|r| fits(r, w)) {
            Some(i) => {
                left.remove(i);
            }
            None => missing.push(show_expected(w)),
        }
    }
    (missing, left)
}

/// Whether a record has every key=value of an expectation.
fn fits(r: &Record, expected: &Expected) -> bool {
    expected.iter().all(|(k, v)| {
        let (k, v) = (k.as_str(), v.as_str());
        let opt = |o: Option<String>| o.unwrap_or_else(|| "-".into());
        match k {
            "metric" => r.metric.as_str() == v,
            "value" => r.value.is_some_and(|x| close(x, v.parse().unwrap())),
            "value_max" if v == "null" => r.value_max.is_none(),
            "value_max" => r.value_max.is_some_and(|x| close(x, v.parse().unwrap())),
            "unit" => r.unit.as_deref() == Some(v),
            "qualifier" => r.qualifier.as_str() == v,
            "status" => r.status.as_str() == v,
            "subject" => same_subject(&opt(r.subject.clone()), v),
            "period" if v == "-" => r.period_start.is_none() && r.period_end.is_none(),
            "period" => {
                let (s, e) = v.split_once("..").unwrap();
                r.period_start == date_or_open(s) && r.period_end == date_or_open(e)
            }
            _ => panic!("unknown key {k}"),
        }
    })
}

/// Subjects compared as the evaluation compares them: parties exactly;
/// plant keys by places that start alike and one product's words among
/// the other's, each word by its first five letters.
fn same_subject(got: &str, want: &str) -> bool {
    let (Some((gp, gw)), Some((wp, ww))) = (got.split_once('/'), want.split_once('/')) else {
        return got == want;
    };
    let five = |s: &str| {
        s.to_lowercase()
            .replace('ё', "е")
            .chars()
            .take(5)
            .collect::<String>()
    };
    let words = |s: &str| s.split_whitespace().map(five).collect::<Vec<_>>();
    let (g, w) = (words(gw), words(ww));
    let within = |a: &[String], b: &[String]| a.iter().all(|x| b.contains(x));
    five(gp) == five(wp) && (within(&g, &w) || within(&w, &g))
}

fn show_records(rs: &[Record]) -> String {
    rs.iter()
        .map(|r| {
            format!(
                "metric={} value={:?} unit={:?} qualifier={} status={} period={:?}..{:?} subject={:?}",
                r.metric, r.value, r.unit, r.qualifier, r.status, r.period_start, r.period_end, r.subject
            )
        })
        .collect::<Vec<_>>()
        .join("\n      ")
}

fn run_records(path: &Path, lang: Lang, failures: &mut String) -> usize {
    let mut n = 0;
    for (line, text) in lines(path) {
        let (expected, sentence) = text.split_once('\t').expect("EXPECTED<TAB>SENTENCE");
        let got = extract::extract_in(&doc(sentence), lang);
        let wanted: Vec<Expected> = expected.split(" ; ").map(pairs).collect();
        let (missing, left) = pair_up(&got, &wanted);
        if !missing.is_empty() || !left.is_empty() {
            let _ = writeln!(
                failures,
                "{}:{line}: {sentence:?}\n   missing: {}\n   got: {}",
                path.display(),
                missing.join(" ; "),
                show_records(&got)
            );
        }
        n += wanted.len();
    }
    n
}

fn run_records_negative(path: &Path, lang: Lang, failures: &mut String) -> usize {
    let mut n = 0;
    for (line, sentence) in lines(path) {
        let got = extract::extract_in(&doc(&sentence), lang);
        if !got.is_empty() {
            let _ = writeln!(
                failures,
                "{}:{line}: must give no record on {sentence:?}, got {}",
                path.display(),
                show_records(&got)
            );
        }
        n += 1;
    }
    n
}

/// An expectation of the articles corpus as `key=value` pairs.
fn expectation(v: &serde_json::Value) -> Expected {
    v.as_object()
        .unwrap()
        .iter()
        .map(|(k, x)| match x {
            serde_json::Value::String(s) => (k.clone(), s.clone()),
            other => (k.clone(), other.to_string()),
        })
        .collect()
}

fn show_expected(e: &Expected) -> String {
    e.iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Articles known not to be read fully right yet: (file, id).
fn known_gaps(dir: &Path) -> Vec<(String, String)> {
    let p = dir.join("known-gaps.tsv");
    if !p.exists() {
        return Vec::new();
    }
    lines(&p)
        .into_iter()
        .map(|(_, l)| {
            let mut cols = l.split('\t');
            (
                cols.next().unwrap().to_string(),
                cols.next().unwrap().to_string(),
            )
        })
        .collect()
}

/// Articles: each line a document with the records it must give, all of
/// them and no others; subjects, statuses and periods come from context.
/// An article listed in `known-gaps.tsv` may fail (it is printed), and
/// must not pass (so the list stays true).
fn run_articles(
    path: &Path,
    lang: Lang,
    gaps: &[(String, String)],
    failures: &mut String,
) -> usize {
    let file = path.file_name().unwrap().to_string_lossy().to_string();
    let mut n = 0;
    for (line, text) in lines(path) {
        let a: serde_json::Value = serde_json::from_str(&text).expect("a JSON article");
        let published =
            NaiveDate::parse_from_str(a["published"].as_str().unwrap(), "%Y-%m-%d").unwrap();
        let doc = Document::new(a["id"].as_str().unwrap(), a["text"].as_str().unwrap())
            .with_published(published, DateBasis::Manifest);
        let got = extract::extract_in(&doc, lang);
        let wanted: Vec<Expected> = a["records"]
            .as_array()
            .unwrap()
            .iter()
            .map(expectation)
            .collect();
        let (missing, left) = pair_up(&got, &wanted);
        let id = a["id"].as_str().unwrap().to_string();
        let known = gaps.iter().any(|(f, i)| *f == file && *i == id);
        let failed = !missing.is_empty() || !left.is_empty();
        if known && !failed {
            let _ = writeln!(
                failures,
                "{}:{line}: article {id:?} passes now: remove it from known-gaps.tsv",
                path.display()
            );
        }
        if known && failed {
            println!(
                "known gap {file} {id}: {} missing, {} extra",
                missing.len(),
                left.len()
            );
        } else if failed {
            let extra: Vec<Record> = left.into_iter().cloned().collect();
            let _ = writeln!(
                failures,
                "{}:{line}: article {}\n   missing: {}\n   extra: {}",
                path.display(),
                a["id"],
                missing.join("\n            "),
                show_records(&extra)
            );
        }
        n += wanted.len();
    }
    n
}

#[test]
fn corpora() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus");
    let mut failures = String::new();
    let (mut pos, mut neg) = (0, 0);
    let mut small = Vec::new();
    for lang in std::fs::read_dir(&root).unwrap() {
        let dir = lang.unwrap().path();
        let (pos0, neg0) = (pos, neg);
        let id = dir.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let lang = grammar::by_id(id)
            .unwrap_or_else(|| panic!("data/corpus/{id}: no grammar for that language"))
            .lang;
        for kind in [
            "number", "money", "quantity", "percent", "date", "duration", "set",
        ] {
            let k = Kind::parse(kind).unwrap();
            let p = dir.join(format!("{kind}.tsv"));
            if p.exists() {
                pos += run_mentions(k, &p, lang, &mut failures);
            }
            let p = dir.join(format!("{kind}.neg.tsv"));
            if p.exists() {
                neg += run_negative(k, &p, lang, &mut failures);
            }
        }
        let p = dir.join("records.tsv");
        if p.exists() {
            pos += run_records(&p, lang, &mut failures);
        }
        let p = dir.join("records.neg.tsv");
        if p.exists() {
            neg += run_records_negative(&p, lang, &mut failures);
        }
        let mut articles: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                let name = p.file_name().unwrap().to_string_lossy();
                name.starts_with("articles") && name.ends_with(".jsonl")
            })
            .collect();
        articles.sort();
        let gaps = known_gaps(&dir);
        for p in articles {
            pos += run_articles(&p, lang, &gaps, &mut failures);
        }
        // Each language's corpora on their own are large enough.
        if pos - pos0 < 400 || neg - neg0 < 100 {
            small.push(format!(
                "{}: {} positive, {} negative",
                dir.display(),
                pos - pos0,
                neg - neg0
            ));
        }
    }
    assert!(small.is_empty(), "corpora too small: {small:?}");
    let count = failures
        .lines()
        .filter(|l| l.starts_with(|c: char| c != ' '))
        .count();
    assert!(
        pos >= 400 && neg >= 100,
        "too small: {pos} positive, {neg} negative"
    );
    assert!(
        failures.is_empty(),
        "{count} corpus lines failed (of {pos} positive, {neg} negative):\n{failures}"
    );
}
