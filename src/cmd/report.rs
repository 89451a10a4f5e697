//! `factline report`: ingests the given documents (if any) into the store,
//! then writes the report of everything stored: `DIR/report.md`,
//! `DIR/report.html` (one self-contained file), `DIR/charts/*.png|svg`,
//! and `DIR/records.csv` and `DIR/documents.csv`. The store is `DIR/store`
//! unless `--store` says otherwise, so two reports into two folders never
//! mix their documents; the command says which store it used.
//!
//! Examples:
//!
//! ```text
//! factline report seeds --out output          # ingest the seeds into output/store, then report
//! factline report --out output --labels en    # report on output/store as it is
//! factline report news/ --store /data/factline --as-of 2025-01-01 --out out
//! ```
//!
//! Tests: `tests/it/report.rs`.

use std::path::PathBuf;

use anyhow::Context;
use chrono::NaiveDate;

use crate::chart::Lang;
use crate::cmd::common::{InputArgs, parse_date};
use crate::report::{self, Options};
use crate::store::Store;
use crate::ui::Ctx;

/// Arguments of `factline report`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Documents to ingest first (files, folders; --lang picks their
    /// rules); the report covers the whole store either way.
    #[command(flatten)]
    pub input: InputArgs,
    /// Folder to write the report into.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Store folder (default: DIR/store, in the --out folder).
    #[arg(long, value_name = "DIR")]
    pub store: Option<PathBuf>,
    /// Language of the report's words and its charts' labels (the
    /// articles' language is --lang).
    #[arg(long, value_enum, default_value_t = Lang::Ru)]
    pub labels: Lang,
    /// The report's "today" (default: the current date): launches whose
    /// window ended before it are overdue.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
}

/// Runs `factline report`.
pub fn run(args: Args, ctx: &Ctx) -> anyhow::Result<()> {
    if args.out.exists() && !args.out.is_dir() {
        anyhow::bail!(
            "{}: not a folder, cannot hold the report (--out)",
            args.out.display()
        );
    }
    let dir = args.store.clone().unwrap_or_else(|| args.out.join("store"));
    ctx.note(format!("store: {}", dir.display()));
    let mut store = Store::open(&dir)?;
    if !args.input.paths.is_empty() {
        let summary = super::ingest::ingest_input(&mut store, &args.input, ctx)?;
        ctx.note(summary.to_string());
    }
    if let Some(note) = store.stale_note()? {
        ctx.note(note);
    }
    let records = store.records()?;
    let documents = store
        .documents()?
        .collect()
        .context("reading the stored documents")?;
    let opts = Options {
        lang: args.labels,
        as_of: args
            .as_of
            .unwrap_or_else(|| chrono::Utc::now().date_naive()),
    };
    let (built, charts) = report::build(records.clone(), &documents, &opts)?;
    let written = report::write(&args.out, &built, &charts)?;
    let ([records_csv, documents_csv], n) =
        report::write_tables(&args.out, records, &documents).context("writing the tables")?;
    ctx.note(format!(
        "{} records → {}, {}, {}, {} and {} chart files in {}",
        n,
        written.markdown.display(),
        written.html.display(),
        records_csv.display(),
        documents_csv.display(),
        written.charts.len(),
        args.out.join("charts").display()
    ));
    Ok(())
}
