//! `factline extract`: records from articles.
//!
//! Examples:
//!
//! ```text
//! factline extract seeds                       # table on a terminal
//! factline extract seeds --format jsonl        # one record per line
//! factline extract article.txt --published 2024-03-04
//! cat docs.jsonl | factline extract - --format csv
//! ```
//!
//! Tested in `tests/it/extract.rs`.

use rayon::prelude::*;

use super::common::{Format, InputArgs};
use crate::extract;
use crate::output::RecordWriter;
use crate::ui::Ctx;

/// Arguments of `factline extract`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where the documents come from.
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format (default: table on a terminal, jsonl otherwise).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

/// Runs `factline extract`.
pub fn run(args: Args, ctx: &Ctx) -> anyhow::Result<()> {
    let docs = args.input.load(ctx);
    let bar = ctx.progress(docs.len() as u64, "extract");
    let per_doc: Vec<_> = docs
        .par_iter()
        .map(|d| {
            let r = extract::extract(d);
            bar.inc(1);
            r
        })
        .collect();
    bar.finish_and_clear();
    let stdout = std::io::stdout().lock();
    let mut w = RecordWriter::new(stdout, Format::or_default(args.format));
    let mut n = 0;
    for records in &per_doc {
        n += records.len();
        w.write(records)?;
    }
    w.finish()?;
    ctx.note(format!("{n} records from {} documents", docs.len()));
    Ok(())
}
