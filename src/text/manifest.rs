//! Manifests: a CSV beside the texts (or `--manifest FILE`) that says
//! what is known of each document.
//!
//! A bad row is named (file and line) and skipped, the others are used;
//! a `doc_id` given twice is an error naming both lines, and the first
//! row is kept; a quote left open ends at its line, not at the end of
//! the file.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;

use super::Document;
use super::load::InputError;
use super::meta::parse_partial_date;
use crate::record::{DateBasis, Precision};

/// One manifest row: what is known about one document.
#[derive(Debug, Clone, PartialEq)]
pub struct ManifestRow {
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Its precision.
    pub precision: Option<Precision>,
    /// Headline.
    pub title: Option<String>,
    /// Source address.
    pub url: Option<String>,
}

impl ManifestRow {
    /// Sets the row's fields on a document (the manifest wins).
    pub fn apply(&self, doc: &mut Document) {
        if let Some(d) = self.published {
            doc.published = Some(d);
            doc.precision = self.precision.or(Some(Precision::Day));
            doc.date_basis = DateBasis::Manifest;
        }
        if self.title.is_some() {
            doc.title = self.title.clone();
        }
        if self.url.is_some() {
            doc.url = self.url.clone();
        }
    }
}

/// A manifest: rows by `doc_id`.
pub type Manifest = HashMap<String, ManifestRow>;

/// A manifest as read: the rows that could be used, and what was wrong
/// with the others.
#[derive(Debug, Default)]
pub struct Read {
    /// The usable rows.
    pub rows: Manifest,
    /// Bad rows, duplicates, open quotes: each names its file and line.
    pub problems: Vec<InputError>,
}

/// Reads a manifest CSV (`doc_id`, `published`, and any of `title`,
/// `source_url`/`url`, `published_precision`; other columns ignored).
/// `Err` when nothing of it can be used (unreadable, empty, no `doc_id`).
pub fn read_manifest(path: &Path) -> Result<Read, InputError> {
    let shown = path.display().to_string();
    let at = |line: usize| match line {
        0 => shown.clone(),
        n => format!("{shown}:{n}"),
    };
    let fail = |line: usize, m: String| InputError::error(at(line), m);
    let bytes =
        super::load::read_path(path).map_err(|m| fail(0, format!("cannot read manifest: {m}")))?;
    let text = super::decode::decode(bytes).map_err(|m| fail(0, m))?.text;
    let csv = parse_csv(&text);
    let mut read = Read::default();
    // Problems by line, said in line order at the end.
    let mut problems: Vec<(usize, InputError)> = csv
        .open_quotes
        .iter()
        .map(|&l| {
            (
                l,
                fail(l, "quote not closed on this line; row skipped".into()),
            )
        })
        .collect();
    let Some((_, header)) = csv.rows.first() else {
        return Err(fail(0, "empty manifest".into()));
    };
    let columns =
        Columns::of(header).ok_or_else(|| fail(1, "manifest has no doc_id column".into()))?;
    let mut first_line: HashMap<String, usize> = HashMap::new();
    for (line, row) in &csv.rows[1..] {
        let Some(id) = columns.get(row, Some(columns.id)) else {
            continue;
        };
        let parsed = match columns.row(row) {
            Ok(parsed) => parsed,
            Err(m) => {
                problems.push((*line, fail(*line, format!("{m}; row skipped"))));
                continue;
            }
        };
        if let Some(first) = first_line.get(&id) {
            let m =
                format!("doc_id {id:?} given again (first on line {first}); this row is ignored");
            problems.push((*line, fail(*line, m)));
            continue;
        }
        first_line.insert(id.clone(), *line);
        read.rows.insert(id, parsed);
    }
    problems.sort_by_key(|(line, _)| *line);
    read.problems = problems.into_iter().map(|(_, p)| p).collect();
    Ok(read)
}

/// Where each field of a manifest row is.
struct Columns {
    id: usize,
    published: Option<usize>,
    precision: Option<usize>,
    title: Option<usize>,
    url: Option<usize>,
}

impl Columns {
    fn of(header: &[String]) -> Option<Columns> {
        let col = |names: &[&str]| header.iter().position(|h| names.contains(&h.trim()));
        Some(Columns {
            id: col(&["doc_id", "id"])?,
            published: col(&["published", "date"]),
            precision: col(&["published_precision"]),
            title: col(&["title"]),
            url: col(&["source_url", "url"]),
        })
    }

    fn get(&self, row: &[String], c: Option<usize>) -> Option<String> {
        c.and_then(|c| row.get(c))
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    }

    fn row(&self, row: &[String]) -> Result<ManifestRow, String> {
        let (published, mut precision) = match self.get(row, self.published) {
            Some(p) => {
                let (d, pr) = parse_partial_date(&p).ok_or(format!("bad published date {p:?}"))?;
                (Some(d), Some(pr))
            }
            None => (None, None),
        };
        if let Some(p) = self.get(row, self.precision) {
            precision = Some(Precision::parse(&p).ok_or(format!("bad published_precision {p:?}"))?);
        }
        Ok(ManifestRow {
            published,
            precision,
            title: self.get(row, self.title),
            url: self.get(row, self.url),
        })
    }
}

/// Rows of a CSV with the line each starts on, and the lines of rows
/// whose quote was never closed.
#[derive(Debug, Default)]
pub struct Csv {
    /// (line, fields), blank rows left out.
    pub rows: Vec<(usize, Vec<String>)>,
    /// Lines on which a quoted field opened and never closed.
    pub open_quotes: Vec<usize>,
}

/// A small RFC 4180 reader: quoted fields, doubled quotes, newlines in
/// quotes. A quote still open at the end of the text is taken back: its
/// row is reported and reading starts again on the next line.
pub fn parse_csv(text: &str) -> Csv {
    let mut csv = Csv::default();
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut first = 1;
    loop {
        match parse_rows(&lines, first, &mut csv.rows) {
            None => return csv,
            Some(open) => {
                csv.open_quotes.push(open);
                lines.drain(..=open - first);
                first = open + 1;
            }
        }
    }
}

/// Parses `lines` (the first being line `first`) into `rows`; returns
/// the line of a row whose quote is still open at the end (that row and
/// the lines after it are not in `rows`).
fn parse_rows(lines: &[&str], first: usize, rows: &mut Vec<(usize, Vec<String>)>) -> Option<usize> {
    let (mut row, mut field, mut quoted) = (Vec::new(), String::new(), false);
    let mut row_line = first;
    for (i, line) in lines.iter().enumerate() {
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') if field.is_empty() => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut field)),
                (false, '\n') => {
                    row.push(std::mem::take(&mut field));
                    push_row(rows, row_line, std::mem::take(&mut row));
                    row_line = first + i + 1;
                }
                (false, '\r') => {}
                (false, c) => field.push(c),
            }
        }
    }
    if quoted {
        return Some(row_line);
    }
    row.push(field);
    push_row(rows, row_line, row);
    None
}

fn push_row(rows: &mut Vec<(usize, Vec<String>)>, line: usize, row: Vec<String>) {
    if row.iter().any(|f| !f.trim().is_empty()) {
        rows.push((line, row));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(csv: &Csv) -> Vec<Vec<String>> {
        csv.rows.iter().map(|(_, r)| r.clone()).collect()
    }

    #[test]
    fn csv_quotes() {
        let csv = parse_csv("a,b\n\"x, y\",\"he said \"\"hi\"\"\"\n");
        assert_eq!(fields(&csv)[1], vec!["x, y", "he said \"hi\""]);
        assert!(csv.open_quotes.is_empty());
    }

    #[test]
    fn an_open_quote_ends_at_its_line() {
        let csv = parse_csv("id,title\na,\"open\nb,fine\nc,done\n");
        assert_eq!(csv.open_quotes, vec![2]);
        let rows: Vec<(usize, String)> = csv.rows.iter().map(|(l, r)| (*l, r[0].clone())).collect();
        assert_eq!(
            rows,
            vec![(1, "id".into()), (3, "b".into()), (4, "c".into())]
        );
    }

    #[test]
    fn a_closed_quote_may_hold_a_line_break() {
        let csv = parse_csv("id,title\nc,\"two\nlines\"\nd,x\n");
        assert!(csv.open_quotes.is_empty());
        assert_eq!(csv.rows[1].1[1], "two\nlines");
        assert_eq!(csv.rows[2].0, 4);
    }

    fn manifest(text: &str) -> Read {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("manifest.csv");
        std::fs::write(&p, text).unwrap();
        read_manifest(&p).unwrap()
    }

    #[test]
    fn a_bad_row_is_named_and_the_others_used() {
        let m = manifest("doc_id,published\na,2024-03-04\nb,2024-13-45\nc,2023\n");
        assert_eq!(m.rows.len(), 2);
        assert_eq!(m.problems.len(), 1);
        let p = m.problems[0].to_string();
        assert!(
            p.contains("manifest.csv:3") && p.contains("2024-13-45"),
            "{p}"
        );
    }

    #[test]
    fn a_manifest_is_read_as_a_document_is() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("manifest.csv");
        std::fs::write(&p, b"doc_id\0published\n").unwrap();
        let e = read_manifest(&p).err().unwrap().to_string();
        assert!(e.contains("cannot read manifest: binary file"), "{e}");
    }

    #[test]
    fn problems_are_said_in_line_order() {
        let m = manifest("doc_id,published\na,2024-13-45\nb,\"open\nc,2024-03-04\na,2024-01-01\n");
        let lines: Vec<String> = m.problems.iter().map(|p| p.source.clone()).collect();
        let mut sorted = lines.clone();
        sorted.sort_by_key(|s| s.rsplit(':').next().unwrap().parse::<usize>().unwrap());
        assert!(lines.len() >= 2, "{lines:?}");
        assert_eq!(lines, sorted);
    }

    #[test]
    fn a_duplicate_id_keeps_the_first_row_and_names_both_lines() {
        let m = manifest("doc_id,published\na,2024-03-04\na,2020-01-01\n");
        assert_eq!(m.rows["a"].published, NaiveDate::from_ymd_opt(2024, 3, 4));
        let p = m.problems[0].to_string();
        assert!(p.contains("manifest.csv:3") && p.contains("line 2"), "{p}");
    }
}
