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

/// Text per batch: enough to keep every core busy, little enough that
/// memory does not grow with the corpus.
const BATCH_BYTES: usize = 8 << 20;

/// Runs `factline extract`: documents stream through in batches, each
/// batch extracted on all cores and written in input order.
pub fn run(args: Args, ctx: &Ctx) -> anyhow::Result<()> {
    let bar = ctx.spinner("extract");
    let stdout = crate::output::stdout_buffered();
    let mut w = RecordWriter::new(stdout, Format::or_default(args.format));
    let mut n = 0;
    // The languages read: their grammars may have a note on what the run
    // met that their data lacks.
    let mut langs: Vec<crate::lang::Lang> = Vec::new();
    let (docs, _) = args.input.for_each_batch(BATCH_BYTES, |batch| {
        for &(_, lang) in batch.iter() {
            if !langs.contains(&lang) {
                langs.push(lang);
            }
        }
        let per_doc: Vec<_> = batch
            .par_iter()
            .map(|(d, lang)| extract::extract_in(d, *lang))
            .collect();
        for records in &per_doc {
            n += records.len();
            w.write(records)?;
        }
        bar.inc(batch.len() as u64);
        Ok(())
    })?;
    bar.finish_and_clear();
    w.finish()?;
    ctx.note(format!(
        "{} from {}",
        crate::ui::count(n, "record"),
        crate::ui::count(docs, "document")
    ));
    let grammars = langs.into_iter().filter_map(crate::grammar::of);
    for note in grammars.filter_map(|g| g.records.missing_note()) {
        ctx.note(note);
    }
    Ok(())
}
