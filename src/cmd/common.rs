//! Arguments and helpers that several subcommands share: where the
//! documents come from, and how output is written.

use std::io::IsTerminal;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::text::Document;
use crate::text::load::{self, LoadOptions};
use crate::ui;

/// Which rules to use for a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    /// Russian.
    Ru,
    /// English.
    En,
    /// Chosen per document from its letters.
    #[default]
    Auto,
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
    /// Language of the rules.
    #[arg(long, value_enum, default_value_t = Lang::Auto)]
    pub lang: Lang,
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
            vec![PathBuf::from("-")]
        } else {
            self.paths.clone()
        };
        load::Docs::new(&paths, &opts)
    }

    /// The language of the rules for a document: the one asked for, else
    /// the one its letters show.
    pub fn rules_lang(&self, doc: &Document) -> crate::lang::Lang {
        match self.lang {
            Lang::Ru => crate::lang::Lang::Ru,
            Lang::En => crate::lang::Lang::En,
            Lang::Auto => crate::lang::Lang::detect(&doc.text),
        }
    }

    /// Whether the rules can read a document: Russian and English ones
    /// are built. A skipped document is said on stderr.
    pub fn readable(&self, doc: &Document) -> bool {
        let lang = match self.lang {
            Lang::Ru => "ru",
            Lang::En => "en",
            Lang::Auto => crate::text::detect_lang(&doc.text),
        };
        if !matches!(lang, "ru" | "en") {
            ui::warn(format!(
                "{}: skipped: no rules for its language",
                doc.source
            ));
        }
        matches!(lang, "ru" | "en")
    }

    /// Calls `f` on batches of documents (about `bytes` of text each),
    /// reporting unreadable ones as they come; for work that streams.
    /// Returns the documents read and those that could not be.
    pub fn for_each_batch(
        &self,
        bytes: usize,
        mut f: impl FnMut(Vec<Document>) -> anyhow::Result<()>,
    ) -> anyhow::Result<(usize, usize)> {
        let mut batch = Vec::new();
        let (mut size, mut n, mut failed) = (0, 0, 0);
        for item in self.stream() {
            match item {
                Ok(doc) if !self.readable(&doc) => {}
                Ok(doc) => {
                    size += doc.text.len();
                    n += 1;
                    batch.push(doc);
                }
                Err(note) if note.warning => ui::warn(note.to_string()),
                Err(err) => {
                    ui::error(err.to_string());
                    failed += 1;
                }
            }
            if size >= bytes {
                f(std::mem::take(&mut batch))?;
                size = 0;
            }
        }
        if !batch.is_empty() {
            f(batch)?;
        }
        Ok((n, failed))
    }
}

/// Parses a `YYYY-MM-DD` date for clap, with a message naming the value.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("{s:?} is not a date of the form YYYY-MM-DD"))
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
