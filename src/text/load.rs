//! Reading documents: files, folders, JSONL, standard input; UTF-8 or
//! Windows-1251; metadata from a manifest, front matter or the input.
//!
//! A document that cannot be read becomes an `InputError` naming the file
//! (and line, for JSONL) and what is wrong; the others are still read.

use std::collections::HashMap;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;

use super::Document;
use super::meta::{self, Manifest};
use crate::record::{DateBasis, Precision};

/// What the caller knows beyond the files themselves.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// `--manifest FILE`: overrides any `manifest.csv` beside the texts.
    pub manifest: Option<PathBuf>,
    /// `--published DATE`: the date of every document read.
    pub published: Option<NaiveDate>,
}

/// A document (or a whole input) that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The file, `file:line` for JSONL, or `-`.
    pub source: String,
    /// What is wrong, in lower case.
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.source, self.message)
    }
}

impl std::error::Error for InputError {}

fn err(source: impl Into<String>, message: impl Into<String>) -> InputError {
    InputError {
        source: source.into(),
        message: message.into(),
    }
}

/// The extensions read from folders.
const EXTENSIONS: [&str; 3] = ["txt", "md", "jsonl"];

/// Reads every document under `paths`, in a stable order: paths as given,
/// folders walked in name order.
pub fn load(paths: &[PathBuf], opts: &LoadOptions) -> Vec<Result<Document, InputError>> {
    let mut out = Vec::new();
    let explicit = match &opts.manifest {
        Some(p) => match meta::read_manifest(p) {
            Ok(m) => Some(m),
            Err(e) => {
                out.push(Err(e));
                None
            }
        },
        None => None,
    };
    let mut manifests: HashMap<PathBuf, Option<Manifest>> = HashMap::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.extend(read_stdin(opts, explicit.as_ref()));
            continue;
        }
        let files = match list_files(path) {
            Ok(f) => f,
            Err(e) => {
                out.push(Err(e));
                continue;
            }
        };
        for file in files {
            let manifest = match &explicit {
                Some(m) => Some(m),
                None => beside(&file, &mut manifests, &mut out),
            };
            out.extend(read_file(&file, opts, manifest));
        }
    }
    out
}

/// The `manifest.csv` in the file's folder, read once per folder.
fn beside<'a>(
    file: &Path,
    cache: &'a mut HashMap<PathBuf, Option<Manifest>>,
    out: &mut Vec<Result<Document, InputError>>,
) -> Option<&'a Manifest> {
    let dir = file.parent().unwrap_or(Path::new(".")).to_path_buf();
    let entry = cache.entry(dir.clone()).or_insert_with(|| {
        let p = dir.join("manifest.csv");
        if !p.is_file() {
            return None;
        }
        match meta::read_manifest(&p) {
            Ok(m) => Some(m),
            Err(e) => {
                out.push(Err(e));
                None
            }
        }
    });
    entry.as_ref()
}

fn list_files(path: &Path) -> Result<Vec<PathBuf>, InputError> {
    let shown = path.display().to_string();
    let md =
        std::fs::metadata(path).map_err(|e| err(&shown, format!("cannot read: {}", io_msg(&e))))?;
    if md.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files = Vec::new();
    walk(path, &mut files).map_err(|e| err(&shown, format!("cannot list: {}", io_msg(&e))))?;
    files.sort();
    Ok(files)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, files)?;
        } else if has_text_extension(&path) {
            files.push(path);
        }
    }
    Ok(())
}

fn has_text_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

fn io_msg(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_lowercase(),
        None => s.to_lowercase(),
    }
}

fn read_file(
    path: &Path,
    opts: &LoadOptions,
    manifest: Option<&Manifest>,
) -> Vec<Result<Document, InputError>> {
    let shown = path.display().to_string();
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return vec![Err(err(&shown, io_msg(&e)))],
    };
    let text = match decode(&bytes) {
        Ok(t) => t,
        Err(m) => return vec![Err(err(&shown, m))],
    };
    let is_jsonl = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"));
    if is_jsonl {
        return read_jsonl(&text, &shown, opts, manifest);
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.clone());
    vec![Ok(finish(
        Document::new(stem, text),
        &shown,
        opts,
        manifest,
    ))]
}

fn read_stdin(
    opts: &LoadOptions,
    manifest: Option<&Manifest>,
) -> Vec<Result<Document, InputError>> {
    let mut bytes = Vec::new();
    if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
        return vec![Err(err("-", io_msg(&e)))];
    }
    let text = match decode(&bytes) {
        Ok(t) => t,
        Err(m) => return vec![Err(err("-", m))],
    };
    if looks_like_jsonl(&text) {
        return read_jsonl(&text, "-", opts, manifest);
    }
    vec![Ok(finish(
        Document::new("stdin", text),
        "-",
        opts,
        manifest,
    ))]
}

/// Plain text or JSONL? JSONL when the first non-blank line is a JSON
/// object.
pub fn looks_like_jsonl(text: &str) -> bool {
    text.lines()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| {
            let l = l.trim();
            l.starts_with('{')
                && l.ends_with('}')
                && serde_json::from_str::<serde_json::Value>(l).is_ok()
        })
}

/// Decodes UTF-8 (with or without BOM) or Windows-1251; refuses binary.
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.contains(&0) {
        return Err("binary file (NUL bytes), not text".into());
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.replace("\r\n", "\n"));
    }
    let controls = bytes
        .iter()
        .filter(|&&b| b < 0x09 || (0x0E..0x20).contains(&b) || b == 0x98)
        .count();
    if controls * 100 > bytes.len().max(1) {
        return Err("binary file, not text".into());
    }
    let (text, _, _) = encoding_rs::WINDOWS_1251.decode(bytes);
    Ok(text.replace("\r\n", "\n"))
}

/// One line of a JSONL input.
#[derive(Debug, Deserialize)]
struct JsonDoc {
    id: serde_json::Value,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
    text: String,
}

/// Reads JSONL documents, one per line; a bad line is an error naming
/// the file and line, and the other lines are still read.
pub fn read_jsonl(
    text: &str,
    shown: &str,
    opts: &LoadOptions,
    manifest: Option<&Manifest>,
) -> Vec<Result<Document, InputError>> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let source = format!("{shown}:{}", i + 1);
        out.push(parse_json_doc(line, &source, opts, manifest));
    }
    out
}

/// Parses one JSONL line into a document.
pub fn parse_json_doc(
    line: &str,
    source: &str,
    opts: &LoadOptions,
    manifest: Option<&Manifest>,
) -> Result<Document, InputError> {
    let jd: JsonDoc =
        serde_json::from_str(line).map_err(|e| err(source, format!("bad JSON document: {e}")))?;
    let id = match &jd.id {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Number(n) => n.to_string(),
        _ => return Err(err(source, "\"id\" must be a string or number")),
    };
    let mut doc = Document::new(id, jd.text.replace("\r\n", "\n"));
    doc.title = jd.title.filter(|t| !t.is_empty());
    doc.url = jd.url.filter(|u| !u.is_empty());
    if let Some(p) = jd.published.as_deref().filter(|p| !p.is_empty()) {
        let (date, prec) = meta::parse_partial_date(p)
            .ok_or_else(|| err(source, format!("bad \"published\" date {p:?}")))?;
        doc.published = Some(date);
        doc.precision = Some(prec);
        doc.date_basis = DateBasis::Metadata;
    }
    Ok(finish(doc, source, opts, manifest))
}

/// Applies front matter, the manifest and `--published`, in that order of
/// increasing authority, then a dateline when nothing else gave a date.
fn finish(
    mut doc: Document,
    source: &str,
    opts: &LoadOptions,
    manifest: Option<&Manifest>,
) -> Document {
    doc.source = source.to_string();
    meta::apply_front_matter(&mut doc);
    if let Some(row) = manifest.and_then(|m| m.get(&doc.id)) {
        row.apply(&mut doc);
    }
    if let Some(date) = opts.published {
        doc.published = Some(date);
        doc.precision = Some(Precision::Day);
        doc.date_basis = DateBasis::Metadata;
    }
    if doc.published.is_none() {
        meta::apply_dateline(&mut doc);
    }
    doc
}
