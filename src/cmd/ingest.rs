//! `factline ingest`: read documents, extract the new and changed ones and
//! add their records to the store (see `store` for what "changed" means).
//!
//! Examples:
//!
//! ```text
//! factline ingest seeds                  # a folder with manifest.csv
//! factline ingest more_articles/ --store /data/factline
//! ```
//!
//! Tests: `tests/it/store.rs`.

use std::path::PathBuf;

use crate::cmd::common::InputArgs;
use crate::store::{IngestSummary, Store};
use crate::ui::Ctx;

/// Text per batch: each batch is extracted on all cores and written to
/// the store before the next is read.
const BATCH_BYTES: usize = 64 << 20;

/// Arguments of `factline ingest`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where the documents come from.
    #[command(flatten)]
    pub input: InputArgs,
    /// Store folder (default: $FACTLINE_STORE or output/store).
    #[arg(long, value_name = "DIR")]
    pub store: Option<PathBuf>,
    /// Extract every document again, also those stored unchanged (after
    /// the extraction rules changed).
    #[arg(long)]
    pub reextract: bool,
    /// Leave documents stored by older rules as they are: count and name
    /// them instead of extracting them again.
    #[arg(long, conflicts_with = "reextract")]
    pub keep_stale: bool,
    /// Also write the records partitioned by metric and year
    /// (`STORE/partitioned/metric=…/year=…/`), for Spark, DuckDB, polars.
    #[arg(long)]
    pub partitioned: bool,
}

/// Runs `factline ingest`: prints on stderr how many documents were new,
/// changed, unchanged or failed and how many records were added.
pub fn run(args: Args, ctx: &Ctx) -> anyhow::Result<()> {
    let dir = args.store.clone().unwrap_or_else(Store::default_dir);
    let mut store = Store::open(&dir)?;
    store.set_reextract(args.reextract);
    store.set_keep_stale(args.keep_stale);
    let summary = ingest_input(&mut store, &args.input, ctx)?;
    ctx.note(summary.to_string());
    if args.partitioned {
        let n = store.write_partitioned()?;
        ctx.note(format!(
            "{n} partitions in {}",
            store
                .dir()
                .join(crate::store::partition::PARTITIONED_DIR)
                .display()
        ));
    }
    Ok(())
}

/// Ingests every document of `input` in batches, so that memory grows
/// with the records and not with the text of the whole input, each with
/// the rules of its language (`--lang`, else detected); unreadable
/// documents count as failed.
pub fn ingest_input(
    store: &mut Store,
    input: &InputArgs,
    ctx: &Ctx,
) -> anyhow::Result<IngestSummary> {
    let mut summary = IngestSummary::default();
    let (_, unreadable) = input.for_each_batch(BATCH_BYTES, |batch| {
        // Each document keeps the language it was read in: extraction
        // does not tell it again, and the store sees a change of it.
        let docs = batch
            .into_iter()
            .map(|(mut d, lang)| {
                d.rules = Some(lang);
                d
            })
            .collect();
        // The store sorts out the documents it already holds first.
        let extract = |d: &crate::text::Document| {
            let lang = d.rules.unwrap_or_else(|| input.readable_lang(d));
            crate::extract::extract_in(d, lang)
        };
        summary.add(&store.ingest_with(docs, ctx, extract)?);
        Ok(())
    })?;
    summary.failed += unreadable;
    Ok(summary)
}
