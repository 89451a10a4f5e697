//! Arguments and helpers that several subcommands share: where the
//! documents come from, and how output is written.

use std::io::IsTerminal;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::lang::Lang;
use crate::text::Document;
use crate::text::load::{self, LoadOptions};
use crate::ui;

/// `--lang`: the rules of one language for every document, or per
/// document the language its letters show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LangChoice {
    /// Chosen per document from its letters.
    #[default]
    Auto,
    /// The same for every document.
    Fixed(Lang),
}

/// Parses `--lang`: a language's id or `auto`.
fn lang_choice() -> impl clap::builder::TypedValueParser<Value = LangChoice> {
    use clap::ValueEnum;
    use clap::builder::TypedValueParser;
    let mut names: Vec<&'static str> = Lang::value_variants().iter().map(|l| l.as_str()).collect();
    names.push("auto");
    clap::builder::PossibleValuesParser::new(names)
        .map(|s: String| Lang::from_str(&s, true).map_or(LangChoice::Auto, LangChoice::Fixed))
}

/// Where the documents come from and what is known about them.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct InputArgs {
    /// Files (.txt, .md, .jsonl), folders (read recursively), or - for
    /// standard input (plain text or JSONL, detected).
    pub paths: Vec<PathBuf>,
    /// A manifest CSV (doc_id, published, [title, source_url, published_precision]).
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    /// Publication date for every document read (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub published: Option<NaiveDate>,
    /// Language of the articles, whose rules read them: ru, en, or auto
    /// (per document, from its letters).
    #[arg(long, value_name = "LANG", default_value = "auto", value_parser = lang_choice())]
    pub lang: LangChoice,
    /// Follow symbolic links inside folders (links named on the command
    /// line are always read); a link back to a folder already read is
    /// said and skipped.
    #[arg(long)]
    pub follow: bool,
}

impl InputArgs {
    /// The documents, read one at a time (`-` when no path is given).
    pub fn stream(&self) -> load::Docs {
        let opts = LoadOptions {
            manifest: self.manifest.clone(),
            published: self.published,
            follow: self.follow,
        };
        let paths = if self.paths.is_empty() {
            if std::io::stdin().is_terminal() {
                ui::warn(
                    "reading standard input (type or paste, end with Ctrl-D); give files or folders to read them, or see --help",
                );
            }
            vec![PathBuf::from("-")]
        } else {
            self.paths.clone()
        };
        load::Docs::new(&paths, &opts)
    }

    /// The language whose rules read a document: the one asked for, else
    /// the one its letters show. With `--lang auto`, a document whose
    /// letters show a language with no rules here (Kazakh, Uzbek) is said
    /// on stderr and gets none: it is skipped.
    pub fn rules_lang(&self, doc: &Document) -> Option<Lang> {
        let LangChoice::Auto = self.lang else {
            return Some(self.readable_lang(doc));
        };
        match Lang::identify(&doc.text) {
            Ok(lang) => Some(lang),
            Err(other) => {
                ui::warn(format!(
                    "{} ({}): skipped: written in {} ({}), which has no rules here; --lang ru|en reads it anyway",
                    doc.source,
                    doc.id,
                    other.name(),
                    other.id()
                ));
                None
            }
        }
    }

    /// `rules_lang` of a document it has found readable.
    pub fn readable_lang(&self, doc: &Document) -> Lang {
        match self.lang {
            LangChoice::Fixed(lang) => lang,
            LangChoice::Auto => Lang::detect(&doc.text),
        }
    }

    /// Calls `f` on batches of documents (about `bytes` of text each),
    /// each with the language whose rules read it, reporting unreadable
    /// ones as they come; for work that streams. The next batch is read
    /// (parsed, its languages told) on a thread of its own while `f`
    /// works on the one before: reading is about a tenth of extraction's
    /// work, and two batches at most are held at once. Returns the
    /// documents read and those that could not be.
    pub fn for_each_batch(
        &self,
        bytes: usize,
        mut f: impl FnMut(Vec<(Document, Lang)>) -> anyhow::Result<()>,
    ) -> anyhow::Result<(usize, usize)> {
        std::thread::scope(|scope| {
            let (tx, rx) = std::sync::mpsc::sync_channel(0);
            let reader = scope.spawn(move || self.read_batches(bytes, |b| tx.send(b).is_ok()));
            // An error of `f` drops the receiver, and the reader stops at
            // its next batch.
            for batch in rx {
                f(batch)?;
            }
            reader
                .join()
                .map_err(|_| anyhow::anyhow!("the thread reading the input stopped"))
        })
    }

    /// Reads batches of documents and hands each to `send`, until the
    /// input ends or `send` says no: the documents read and those that
    /// could not be.
    fn read_batches(
        &self,
        bytes: usize,
        mut send: impl FnMut(Vec<(Document, Lang)>) -> bool,
    ) -> (usize, usize) {
        let mut batch = Vec::new();
        let (mut size, mut n, mut failed) = (0, 0, 0);
        for item in self.stream() {
            if let Some(doc) = said(item, &mut failed)
                && let Some(lang) = self.rules_lang(&doc)
            {
                size += doc.text.len();
                n += 1;
                batch.push((doc, lang));
            }
            if size >= bytes {
                if !send(std::mem::take(&mut batch)) {
                    return (n, failed);
                }
                size = 0;
            }
        }
        if !batch.is_empty() {
            send(batch);
        }
        (n, failed)
    }
}

/// The document of an input item; a note or an error is said on stderr
/// (an error counted in `failed`) and gives none.
pub fn said(item: load::Item, failed: &mut usize) -> Option<Document> {
    match item {
        Ok(doc) => Some(doc),
        Err(note) if note.warning => {
            ui::warn(note.to_string());
            None
        }
        Err(err) => {
            ui::error(err.to_string());
            *failed += 1;
            None
        }
    }
}

/// `--store DIR`: which store a command reads.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct StoreArgs {
    /// Store folder (default: $FACTLINE_STORE or output/store).
    #[arg(long, value_name = "DIR")]
    pub store: Option<PathBuf>,
}

impl StoreArgs {
    /// Opens the store to read, saying so when it is empty and when it
    /// holds records made by older rules.
    pub fn open(&self, ctx: &ui::Ctx) -> anyhow::Result<crate::store::Store> {
        let dir = self
            .store
            .clone()
            .unwrap_or_else(crate::store::Store::default_dir);
        let store = crate::store::Store::open(&dir)?;
        if !store.exists() {
            ctx.note(format!(
                "{}: empty store, nothing ingested yet",
                dir.display()
            ));
        }
        if let Some(note) = store.stale_note()? {
            ctx.note(note);
        }
        Ok(store)
    }
}

/// The record filters `records`, `documents` and `compare` share.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct FilterArgs {
    /// Only this metric (trade_turnover, projects_count, launch_date, …).
    #[arg(long, value_parser = parse_metric)]
    pub metric: Option<String>,
    /// Only this subject (KZ+RU, CN>RU, Сарань/шина; a place keeps all
    /// its plant keys). Parties in any order, by code or name:
    /// RU+KZ, Казахстан+Россия, Kazakhstan+Russia.
    #[arg(long, value_parser = parse_subject)]
    pub subject: Option<String>,
    /// Only this status (actual, ongoing, pipeline, planned, target).
    #[arg(long, value_parser = parse_status)]
    pub status: Option<String>,
    /// Only what was published on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<NaiveDate>,
    /// Only what was published on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub until: Option<NaiveDate>,
    /// Only this document id.
    #[arg(long, value_name = "ID")]
    pub doc: Option<String>,
}

impl FilterArgs {
    /// The filter over the record frame.
    pub fn filter(&self) -> crate::store::RecordFilter {
        crate::store::RecordFilter {
            metric: self.metric.clone(),
            subject: self.subject.clone(),
            status: self.status.clone(),
            since: self.since,
            until: self.until,
            doc: self.doc.clone(),
        }
    }
}

/// A `--metric` value as the spec's metric, the ids listed when it is
/// unknown.
pub fn metric(s: &str) -> Result<crate::record::Metric, String> {
    use crate::record::Metric;
    Metric::parse(s).ok_or_else(|| {
        format!(
            "unknown metric {s:?}; one of: {}",
            Metric::ALL.map(|m| m.as_str()).join(", ")
        )
    })
}

/// Checks a `--metric` value against the spec's ids.
pub fn parse_metric(s: &str) -> Result<String, String> {
    metric(s).map(|m| m.as_str().to_string())
}

/// Checks a `--status` value against the spec's ids.
pub fn parse_status(s: &str) -> Result<String, String> {
    use crate::record::Status;
    match Status::parse(s) {
        Some(m) => Ok(m.as_str().to_string()),
        None => Err(format!(
            "unknown status {s:?}; one of: {}",
            Status::ALL.map(|m| m.as_str()).join(", ")
        )),
    }
}

/// Parses a `--subject` value into the form records keep: parties in any
/// order and by name or code (`RU+KZ`, `kz+ru`, `Казахстан+Россия`,
/// `Kazakhstan+Russia` → `KZ+RU`), a direction with its arrow kept
/// (`China>Russia` → `CN>RU`), a plant key (`Сарань/шина`) or a place
/// (`Костанай`) as it is.
pub fn parse_subject(s: &str) -> Result<String, String> {
    let s = s.trim();
    if s.contains('/') {
        return Ok(s.to_string());
    }
    if !s.contains(['+', '>']) {
        // One party, or a place whose plant keys are wanted (`Костанай`).
        return Ok(subject_code(s).unwrap_or_else(|| s.to_string()));
    }
    let arrow = s.contains('>');
    let parts: Result<Vec<String>, String> = s
        .split(['>', '+'])
        .map(|p| subject_code(p).ok_or_else(|| format!("unknown party {p:?} in subject {s:?}; give an ISO code (KZ, RU-TA) or a country's name")))
        .collect();
    let mut parts = parts?;
    if arrow {
        return Ok(parts.join(">"));
    }
    parts.sort();
    parts.dedup();
    Ok(parts.join("+"))
}

/// An ISO 3166 code (`kz`, `RU-TA`) or a country named in Russian or
/// English, as its code.
fn subject_code(part: &str) -> Option<String> {
    let part = part.trim();
    let code = part.to_uppercase();
    let (country, region) = code.split_once('-').unwrap_or((&code, ""));
    let is_code = country.len() == 2
        && country.chars().all(|c| c.is_ascii_uppercase())
        && region.len() <= 3
        && region.chars().all(|c| c.is_ascii_alphanumeric());
    if is_code {
        return Some(code);
    }
    crate::chart::words::code_of_name(part).map(str::to_string)
}

/// Parses a `YYYY-MM-DD` date for clap, with a message naming the value.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| match e.kind() {
        // `2024-02-30`: the form is right, the day is not in the calendar.
        chrono::format::ParseErrorKind::OutOfRange => format!("{s:?} is no day of the calendar"),
        _ => format!("{s:?} is not a date of the form YYYY-MM-DD"),
    })
}

/// How records and tables are written to stdout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns, for a terminal.
    Table,
    /// Comma-separated values with a header.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

impl Format {
    /// The format asked for, or table on a terminal and JSONL otherwise.
    pub fn or_default(asked: Option<Format>) -> Format {
        asked.unwrap_or_else(|| {
            if std::io::stdout().is_terminal() {
                Format::Table
            } else {
                Format::Jsonl
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Input args over a JSONL file of documents `d0`…`d{n-1}`.
    fn input(dir: &std::path::Path, n: usize) -> InputArgs {
        let path = dir.join("docs.jsonl");
        let lines: Vec<String> = (0..n)
            .map(|i| format!(r#"{{"id": "d{i}", "text": "Экспорт вырос на {i} процентов."}}"#))
            .collect();
        std::fs::write(&path, lines.join("\n")).unwrap();
        InputArgs {
            paths: vec![path],
            ..InputArgs::default()
        }
    }

    #[test]
    fn batches_come_in_input_order_and_an_error_stops_the_reading() {
        let dir = tempfile::tempdir().unwrap();
        let args = input(dir.path(), 7);
        let mut ids = Vec::new();
        let (n, failed) = args
            .for_each_batch(40, |batch| {
                ids.extend(batch.into_iter().map(|(d, _)| d.id));
                Ok(())
            })
            .unwrap();
        assert_eq!((n, failed), (7, 0));
        let want: Vec<String> = (0..7).map(|i| format!("d{i}")).collect();
        assert_eq!(ids, want);
        let mut calls = 0;
        let stopped = args.for_each_batch(1, |_| {
            calls += 1;
            anyhow::ensure!(calls < 2, "full");
            Ok(())
        });
        assert_eq!(stopped.unwrap_err().to_string(), "full");
        assert_eq!(calls, 2);
    }
}
