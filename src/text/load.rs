//! Reading documents: files, folders, JSONL, standard input; UTF-8 or
//! Windows-1251; metadata from a manifest, front matter or the input.
//!
//! `Docs` is an iterator: documents are read one at a time (a JSONL file
//! or standard input line by line), so memory does not grow with the
//! corpus. A document that cannot be read comes out as an `InputError`
//! naming the file (and line, for JSONL) and what is wrong; the others
//! are still read.

use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use serde::Deserialize;

use super::Document;
use super::decode::{Decoded, decode, plain_utf8};
use super::manifest::{self, Manifest};
use super::meta;
use super::walk;
use crate::record::{DateBasis, Precision};

/// What the caller knows beyond the files themselves.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// `--manifest FILE`: overrides any `manifest.csv` beside the texts.
    pub manifest: Option<PathBuf>,
    /// `--published DATE`: the date of every document read.
    pub published: Option<NaiveDate>,
    /// `--follow`: follow symbolic links found inside folders.
    pub follow: bool,
}

/// A document (or a whole input) that could not be read, or a note on
/// something passed over by policy or read with damage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// The file, `file:line` for JSONL, or `-`.
    pub source: String,
    /// What is wrong, in lower case.
    pub message: String,
    /// A note, not a failure: the run still did its job (a special file
    /// skipped, a link not followed, bytes replaced).
    pub warning: bool,
}

impl InputError {
    /// Something could not be read: the run failed in part.
    pub fn error(source: impl Into<String>, message: impl Into<String>) -> InputError {
        InputError {
            source: source.into(),
            message: message.into(),
            warning: false,
        }
    }

    /// Something was passed over by policy or read with damage.
    pub fn warning(source: impl Into<String>, message: impl Into<String>) -> InputError {
        InputError {
            warning: true,
            ..InputError::error(source, message)
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.source, self.message)
    }
}

impl std::error::Error for InputError {}

fn err(source: impl Into<String>, message: impl Into<String>) -> InputError {
    InputError::error(source, message)
}

/// One item a `Docs` iterator yields.
pub type Item = Result<Document, InputError>;

/// The extensions read from folders.
const EXTENSIONS: [&str; 3] = ["txt", "md", "jsonl"];

/// Reads every document under `paths` at once (for small inputs).
pub fn load(paths: &[PathBuf], opts: &LoadOptions) -> Vec<Item> {
    Docs::new(paths, opts).collect()
}

/// A JSONL input being read line by line.
struct Lines {
    reader: Box<dyn BufRead>,
    shown: String,
    line: usize,
    manifest: Option<Arc<Manifest>>,
}

/// The documents under some paths, read one at a time, in a stable order:
/// paths as given, folders walked in name order.
pub struct Docs {
    opts: LoadOptions,
    explicit: Option<Arc<Manifest>>,
    manifests: HashMap<PathBuf, Option<Arc<Manifest>>>,
    paths: VecDeque<PathBuf>,
    files: VecDeque<PathBuf>,
    lines: Option<Lines>,
    pending: VecDeque<Item>,
}

impl Docs {
    /// An iterator over the documents under `paths` (`-` is stdin).
    pub fn new(paths: &[PathBuf], opts: &LoadOptions) -> Docs {
        let mut pending = VecDeque::new();
        let explicit = opts
            .manifest
            .as_ref()
            .and_then(|p| read_manifest(p, &mut pending));
        Docs {
            opts: opts.clone(),
            explicit,
            manifests: HashMap::new(),
            paths: paths.iter().cloned().collect(),
            files: VecDeque::new(),
            lines: None,
            pending,
        }
    }

    fn next_line(&mut self) -> Option<Item> {
        let lines = self.lines.as_mut()?;
        let mut buf = Vec::new();
        loop {
            buf.clear();
            match lines.reader.read_until(b'\n', &mut buf) {
                Ok(0) => {
                    self.lines = None;
                    return None;
                }
                Ok(_) => lines.line += 1,
                Err(e) => {
                    let shown = lines.shown.clone();
                    self.lines = None;
                    return Some(Err(err(shown, io_msg(&e))));
                }
            }
            if buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let source = format!("{}:{}", lines.shown, lines.line);
            let manifest = lines.manifest.clone();
            let parse = |text: &str| {
                parse_json_doc(text.trim_end(), &source, &self.opts, manifest.as_deref())
            };
            let item = match plain_utf8(&buf) {
                Some(text) => parse(text),
                None => decode_noting(std::mem::take(&mut buf), &source, &mut self.pending)
                    .and_then(|text| parse(&text)),
            };
            return Some(item);
        }
    }

    /// Opens a file: a JSONL file becomes the lines to read, any other
    /// file is one document.
    fn open_file(&mut self, file: PathBuf) -> Option<Item> {
        let manifest = match &self.explicit {
            Some(m) => Some(m.clone()),
            None => self.beside(&file),
        };
        let shown = file.display().to_string();
        if !is_jsonl(&file) {
            let item = read_file(&file, &self.opts, manifest.as_deref(), &mut self.pending);
            return Some(item);
        }
        match std::fs::File::open(&file) {
            Ok(f) => {
                let reader = Box::new(BufReader::with_capacity(1 << 16, f));
                self.lines = Some(Lines {
                    reader,
                    shown,
                    line: 0,
                    manifest,
                });
                None
            }
            Err(e) => Some(Err(err(shown, io_msg(&e)))),
        }
    }

    fn open_path(&mut self, path: PathBuf) {
        if path.as_os_str() == "-" {
            if let Some(item) = self.open_stdin() {
                self.pending.push_back(item);
            }
            return;
        }
        let listed = walk::list(&path, self.opts.follow, &EXTENSIONS);
        self.files.extend(listed.files);
        self.pending.extend(listed.problems.into_iter().map(Err));
    }

    /// Standard input: JSONL lines when the first line is a JSON object,
    /// else one plain-text document.
    fn open_stdin(&mut self) -> Option<Item> {
        let mut reader = BufReader::with_capacity(1 << 16, std::io::stdin());
        let head = match reader.fill_buf() {
            Ok(h) => h.to_vec(),
            Err(e) => return Some(Err(err("-", io_msg(&e)))),
        };
        let first = head.split(|&b| b == b'\n').next().unwrap_or(&[]);
        let manifest = self.explicit.clone();
        if looks_like_jsonl(&String::from_utf8_lossy(first)) {
            self.lines = Some(Lines {
                reader: Box::new(reader),
                shown: "-".into(),
                line: 0,
                manifest,
            });
            return None;
        }
        let bytes = match read_document(reader, None) {
            Ok(b) => b,
            Err(m) => return Some(Err(err("-", m))),
        };
        let item = decode_noting(bytes, "-", &mut self.pending).map(|text| {
            finish(
                Document::new("stdin", text),
                "-",
                &self.opts,
                manifest.as_deref(),
            )
        });
        Some(item)
    }

    /// The `manifest.csv` in the file's folder, read once per folder.
    fn beside(&mut self, file: &Path) -> Option<Arc<Manifest>> {
        let dir = file.parent().unwrap_or(Path::new(".")).to_path_buf();
        if let Some(m) = self.manifests.get(&dir) {
            return m.clone();
        }
        let p = dir.join("manifest.csv");
        let m = if p.is_file() {
            read_manifest(&p, &mut self.pending)
        } else {
            None
        };
        self.manifests.insert(dir, m.clone());
        m
    }
}

impl Iterator for Docs {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(p) = self.pending.pop_front() {
                return Some(p);
            }
            if self.lines.is_some() {
                if let Some(item) = self.next_line() {
                    return Some(item);
                }
                continue;
            }
            if let Some(file) = self.files.pop_front() {
                if let Some(item) = self.open_file(file) {
                    self.pending.push_back(item);
                }
                continue;
            }
            let path = self.paths.pop_front()?;
            self.open_path(path);
        }
    }
}

fn is_jsonl(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"))
}

/// An I/O error as a message: lower case, without the OS error number.
pub(super) fn io_msg(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_lowercase(),
        None => s.to_lowercase(),
    }
}

/// The most bytes read as one document (a file, or standard input read
/// as plain text): a document a thousand times an article's size is no
/// article, and input that never ends (`/dev/zero`, a pipe) must not fill
/// the memory.
const MAX_DOCUMENT: u64 = 1 << 30;

/// The bytes read before the rest of a document, to tell binary input at
/// once.
const HEAD: u64 = 1 << 16;

/// One document's bytes from `r` (about `size` of them, if known):
/// refused as soon as its first bytes show it binary, and when it is
/// larger than `MAX_DOCUMENT`.
fn read_document(r: impl Read, size: Option<u64>) -> Result<Vec<u8>, String> {
    read_capped(r, size, MAX_DOCUMENT)
}

/// `read_document` with a cap of `max` bytes.
fn read_capped(mut r: impl Read, size: Option<u64>, max: u64) -> Result<Vec<u8>, String> {
    let size = size.unwrap_or(0).min(max);
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0) + 1);
    (&mut r)
        .take(HEAD)
        .read_to_end(&mut bytes)
        .map_err(|e| io_msg(&e))?;
    if super::decode::binary_head(&bytes) {
        return Err(super::decode::NUL_BYTES.into());
    }
    let left = (max + 1).saturating_sub(bytes.len() as u64);
    r.take(left)
        .read_to_end(&mut bytes)
        .map_err(|e| io_msg(&e))?;
    if bytes.len() as u64 > max {
        return Err(format!(
            "more than {} MiB: too large to read as one document (JSONL holds one a line)",
            max >> 20
        ));
    }
    Ok(bytes)
}

/// The bytes of the file at `path`, read as one document is
/// (`read_document`): what is wrong in a line for the reader.
pub(super) fn read_path(path: &Path) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|e| io_msg(&e))?;
    let size = file.metadata().ok().map(|m| m.len());
    read_document(file, size)
}

fn read_file(
    path: &Path,
    opts: &LoadOptions,
    manifest: Option<&Manifest>,
    notes: &mut VecDeque<Item>,
) -> Item {
    let shown = path.display().to_string();
    let bytes = read_path(path).map_err(|m| err(&shown, m))?;
    let text = decode_noting(bytes, &shown, notes)?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.clone());
    Ok(finish(Document::new(stem, text), &shown, opts, manifest))
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

/// Decodes bytes, queueing a note when some had to be replaced.
fn decode_noting(
    bytes: Vec<u8>,
    source: &str,
    notes: &mut VecDeque<Item>,
) -> Result<String, InputError> {
    let Decoded { text, warning } = decode(bytes).map_err(|m| err(source, m))?;
    if let Some(w) = warning {
        notes.push_back(Err(InputError::warning(source, w)));
    }
    Ok(text)
}

/// Reads a manifest, queueing what was wrong with it.
fn read_manifest(path: &Path, notes: &mut VecDeque<Item>) -> Option<Arc<Manifest>> {
    match manifest::read_manifest(path) {
        Ok(read) => {
            notes.extend(read.problems.into_iter().map(Err));
            Some(Arc::new(read.rows))
        }
        Err(e) => {
            notes.push_back(Err(e));
            None
        }
    }
}

/// `\r\n` read as `\n`; the text is copied only when it has one.
fn unix_lines(s: String) -> String {
    if s.contains('\r') {
        s.replace("\r\n", "\n")
    } else {
        s
    }
}

/// One line of a JSONL input.
#[derive(Debug, Deserialize)]
#[serde(expecting = "a JSON object with \"id\" and \"text\"")]
struct JsonDoc<'a> {
    #[serde(borrow)]
    id: &'a serde_json::value::RawValue,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
    text: String,
}

/// Parses one JSONL line into a document.
pub fn parse_json_doc(
    line: &str,
    source: &str,
    opts: &LoadOptions,
    manifest: Option<&Manifest>,
) -> Item {
    if !line.trim_start().starts_with('{') {
        return Err(err(
            source,
            "not a JSON object (each JSONL line is {\"id\": …, \"text\": …})",
        ));
    }
    let jd: JsonDoc =
        serde_json::from_str(line).map_err(|e| err(source, format!("bad JSON document: {e}")))?;
    let id = id_text(jd.id).ok_or_else(|| err(source, "\"id\" must be a string or number"))?;
    let mut doc = Document::new(id, unix_lines(jd.text));
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

/// A JSONL id as the text it is: a string's contents, or a number's
/// digits as written (`100000000000000000001` stays itself).
fn id_text(raw: &serde_json::value::RawValue) -> Option<String> {
    let raw = raw.get();
    if raw.starts_with('"') {
        return serde_json::from_str(raw).ok();
    }
    let number = raw.starts_with(|c: char| c == '-' || c.is_ascii_digit());
    number.then(|| raw.to_string())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_that_never_ends_is_refused_not_read() {
        // NUL bytes from the start: refused after the head alone.
        let zeros = read_capped(std::io::repeat(0), None, u64::MAX - 1);
        assert_eq!(zeros.unwrap_err(), crate::text::decode::NUL_BYTES);
        // Text that goes on past the cap.
        let text = read_capped(std::io::repeat(b'a'), None, 3 << 20).unwrap_err();
        assert!(text.starts_with("more than 3 MiB"), "{text}");
        // A UTF-16 text has NUL bytes and is no binary file.
        let utf16 = [0xFF, 0xFE, b'a', 0, b'b', 0];
        assert_eq!(read_capped(&utf16[..], Some(6), 100).unwrap(), utf16);
        let exact = read_capped(&b"12345"[..], None, 5).unwrap();
        assert_eq!(exact, b"12345");
        assert!(read_capped(&b"123456"[..], None, 5).is_err());
    }
}
