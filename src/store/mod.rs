//! The embedded store: records and the documents they came from, kept as
//! two Parquet tables in one folder (`records.parquet`,
//! `documents.parquet`) that Spark, DuckDB or polars can read directly.
//!
//! This module owns those files: it is the only part of factline that
//! reads or writes them (`file`), and it defines their columns once
//! (`schema`). It does not extract (it calls [`crate::extract::extract`])
//! and does not compare (that is [`crate::compare`], on the frames
//! returned here).
//!
//! An ingest is idempotent: a document is known by its id and a hash of
//! its text and date; the same document again changes nothing, a changed
//! one replaces its own records, a new one adds its records. The two
//! tables are replaced as one (`format::commit`): a run killed at any
//! moment leaves the old pair or the new pair, never a mix.
//!
//! Each document row names the version of the rules that made its
//! records (`RULES_VERSION`): a document stored by older rules is
//! re-extracted when it is ingested again, and `records`/`report` say
//! when the store holds such records. The folder's `store.json` gives the
//! layout's version: an older store is upgraded as it is read, a newer
//! one is refused.

pub mod file;
pub mod filter;
mod format;
pub mod partition;
pub mod schema;

use std::collections::{HashMap, HashSet};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use polars::prelude::*;
use rayon::prelude::*;
use sha2::{Digest, Sha256};

pub use filter::RecordFilter;
pub use schema::{DocumentRow, number_records, record_id, record_schema, records_frame};

use crate::extract::extract;
use crate::record::Record;
use crate::text::Document;
use crate::ui::{self, Ctx};

/// The record table's file name.
pub const RECORDS_FILE: &str = "records.parquet";
/// The document table's file name.
pub const DOCUMENTS_FILE: &str = "documents.parquet";
/// The environment variable that moves the default store.
pub const STORE_ENV: &str = "FACTLINE_STORE";
/// The file that names the layout's version.
pub const FORMAT_FILE: &str = "store.json";
/// The layout this build reads and writes: 2 added `rules_version` to
/// the documents and span-based record ids.
pub const FORMAT_VERSION: u64 = 2;
/// The version of the extraction rules of this build (a hash of their
/// sources and lexicons).
pub const RULES_VERSION: &str = env!("FACTLINE_RULES_VERSION");

/// A store folder. Reading needs no lock (tables are replaced by rename);
/// `ingest` takes the folder's lock for the whole run.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    reextract: bool,
    keep_stale: bool,
}

/// What one ingest did, per document and in records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IngestSummary {
    /// Documents the store did not have.
    pub new: usize,
    /// Documents whose text or date changed: their records were replaced.
    pub changed: usize,
    /// Documents already stored as they are.
    pub unchanged: usize,
    /// Documents that could not be processed (their old records stay).
    pub failed: usize,
    /// Records written for new and changed documents.
    pub records_added: usize,
    /// Records dropped because their document changed.
    pub records_removed: usize,
    /// Unchanged documents extracted again because older rules made
    /// their records (counted in `changed`).
    pub stale_reextracted: usize,
    /// Unchanged documents with records of older rules, left as they are
    /// (`--keep-stale`).
    pub stale_kept: usize,
}

impl IngestSummary {
    /// Adds the counts of another run (one batch of a larger input).
    pub fn add(&mut self, o: &IngestSummary) {
        self.new += o.new;
        self.changed += o.changed;
        self.unchanged += o.unchanged;
        self.failed += o.failed;
        self.records_added += o.records_added;
        self.records_removed += o.records_removed;
        self.stale_reextracted += o.stale_reextracted;
        self.stale_kept += o.stale_kept;
    }

    /// Every document counted.
    pub fn documents(&self) -> usize {
        self.new + self.changed + self.unchanged + self.failed
    }
}

impl std::fmt::Display for IngestSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {} new, {} changed, {} unchanged, {} failed; {} added",
            crate::ui::count(self.documents(), "document"),
            self.new,
            self.changed,
            self.unchanged,
            self.failed,
            crate::ui::count(self.records_added, "record")
        )?;
        if self.records_removed > 0 {
            write!(f, ", {} removed", self.records_removed)?;
        }
        if self.stale_reextracted > 0 {
            let n = self.stale_reextracted;
            write!(
                f,
                "; {n} re-extracted because older rules made their records"
            )?;
        }
        if self.stale_kept > 0 {
            let n = self.stale_kept;
            write!(f, "; {n} keep records made by older rules")?;
        }
        Ok(())
    }
}

impl Store {
    /// The store in `dir`. The folder need not exist yet (an empty store);
    /// a path that is not a folder is an error.
    pub fn open(dir: &Path) -> anyhow::Result<Store> {
        if dir.exists() && !dir.is_dir() {
            bail!("{}: not a folder, cannot be a store", dir.display());
        }
        format::check(dir)?;
        Ok(Store {
            dir: dir.to_path_buf(),
            reextract: false,
            keep_stale: false,
        })
    }

    /// With `true`, documents stored unchanged but by older rules are
    /// counted and named, not extracted again.
    pub fn set_keep_stale(&mut self, on: bool) {
        self.keep_stale = on;
    }

    /// A note for the reader when the store holds records made by older
    /// rules (with a few of their documents and what to do), or `None`.
    pub fn stale_note(&self) -> anyhow::Result<Option<String>> {
        let stale = self.stale_documents()?;
        if stale.is_empty() {
            return Ok(None);
        }
        let shown: Vec<&str> = stale.iter().take(3).map(String::as_str).collect();
        let more = if stale.len() > 3 { ", …" } else { "" };
        Ok(Some(format!(
            "{}: {} documents ({}{more}) hold records made by older rules; ingest them again to re-extract",
            self.dir.display(),
            stale.len(),
            shown.join(", ")
        )))
    }

    /// The ids of the stored documents whose records older rules made.
    pub fn stale_documents(&self) -> anyhow::Result<Vec<String>> {
        let docs = self.documents_df()?;
        let ids = docs.column("doc_id")?.str()?;
        let rules = docs.column("rules_version")?.str()?;
        Ok(ids
            .iter()
            .zip(rules.iter())
            .filter(|(_, r)| *r != Some(RULES_VERSION))
            .filter_map(|(i, _)| i.map(str::to_string))
            .collect())
    }

    /// With `true`, the next ingests extract every document again, even
    /// those stored unchanged (after the extraction rules changed); they
    /// count as changed.
    pub fn set_reextract(&mut self, on: bool) {
        self.reextract = on;
    }

    /// `$FACTLINE_STORE`, or `output/store`.
    pub fn default_dir() -> PathBuf {
        std::env::var_os(STORE_ENV)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("output/store"))
    }

    /// The store's folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Whether anything was ever ingested here.
    pub fn exists(&self) -> bool {
        self.dir.join(DOCUMENTS_FILE).is_file() || self.dir.join(RECORDS_FILE).is_file()
    }

    /// Every stored record, as the record frame (empty, with its schema,
    /// when nothing is stored), scanned lazily: a filter or a selection on
    /// it reads only what it needs.
    pub fn records(&self) -> anyhow::Result<LazyFrame> {
        file::scan_table(
            &format::table_path(&self.dir, RECORDS_FILE),
            &record_schema(),
        )
    }

    /// Every stored document, one row each.
    pub fn documents(&self) -> anyhow::Result<LazyFrame> {
        Ok(self.documents_df()?.lazy())
    }

    /// Writes the partitioned copy of the records (`partitioned/metric=…/
    /// year=…/`); returns the number of partitions.
    pub fn write_partitioned(&self) -> anyhow::Result<usize> {
        partition::write(&self.dir, &self.records_df()?)
    }

    fn records_df(&self) -> anyhow::Result<DataFrame> {
        file::read_table(
            &format::table_path(&self.dir, RECORDS_FILE),
            &record_schema(),
        )
    }

    fn documents_df(&self) -> anyhow::Result<DataFrame> {
        let path = format::table_path(&self.dir, DOCUMENTS_FILE);
        file::read_table_with(&path, &schema::document_schema(), format::upgrade_documents)
    }

    /// Extracts the new and changed documents among `docs` and writes
    /// their records, replacing what the store had for them. A document
    /// whose extraction fails is reported and counted; its old records
    /// stay. Takes the store's lock (waiting for another ingest).
    pub fn ingest(&mut self, docs: Vec<Document>, ctx: &Ctx) -> anyhow::Result<IngestSummary> {
        self.ingest_with(docs, ctx, extract)
    }

    /// [`Store::ingest`] with another extraction (re-ingesting records
    /// made elsewhere, such as annotated gold, or tests).
    pub fn ingest_with<F>(
        &mut self,
        docs: Vec<Document>,
        ctx: &Ctx,
        extract: F,
    ) -> anyhow::Result<IngestSummary>
    where
        F: Fn(&Document) -> Vec<Record> + Sync,
    {
        std::fs::create_dir_all(&self.dir)
            .with_context(|| format!("{}: cannot create the store folder", self.dir.display()))?;
        let _lock = file::lock(&self.dir, ctx)?;
        let old_docs = self.documents_df()?;
        let known = known_hashes(&old_docs)?;
        let mut summary = IngestSummary::default();
        let policy = Policy {
            reextract: self.reextract,
            keep_stale: self.keep_stale,
        };
        let todo = triage(docs, &known, policy, &mut summary);
        let done = extract_all(todo, ctx, &extract, &mut summary);
        if !done.is_empty() {
            self.write(done, old_docs, &mut summary)?;
        }
        Ok(summary)
    }

    /// Replaces the records and document rows of the `done` documents.
    fn write(
        &self,
        done: Vec<Done>,
        old_docs: DataFrame,
        summary: &mut IngestSummary,
    ) -> anyhow::Result<()> {
        let ids: Vec<String> = done.iter().map(|d| d.doc.id.clone()).collect();
        let replaced: Vec<&str> = ids.iter().map(String::as_str).collect();
        let old_records = self.records_df()?;
        let kept = drop_docs(old_records.clone().lazy(), &replaced)?;
        summary.records_removed = old_records.height() - kept.height();
        let numbered: Vec<(String, Record)> = done
            .iter()
            .flat_map(|d| d.records.iter().cloned())
            .collect();
        summary.records_added = numbered.len();
        let mut records = kept.vstack(&records_frame(&numbered)?)?;
        let rows: Vec<DocumentRow> = done.into_iter().map(|d| d.row()).collect();
        let kept_docs = drop_docs(old_docs.lazy(), &replaced)?;
        let mut documents = kept_docs.vstack(&schema::documents_frame(&rows)?)?;
        // Records first: see the module doc for why this order heals.
        let mut tables = [
            (RECORDS_FILE, &mut records),
            (DOCUMENTS_FILE, &mut documents),
        ];
        format::commit(&self.dir, &mut tables, file::abort_hook)
    }
}

/// What a stored document is known by: its content hash and the version
/// of the rules that made its records.
struct Known {
    hash: String,
    rules: Option<String>,
}

/// doc_id → what is known of the stored documents.
fn known_hashes(docs: &DataFrame) -> anyhow::Result<HashMap<String, Known>> {
    let ids = docs.column("doc_id")?.str()?;
    let hashes = docs.column("content_hash")?.str()?;
    let rules = docs.column("rules_version")?.str()?;
    Ok(ids
        .iter()
        .zip(hashes.iter())
        .zip(rules.iter())
        .filter_map(|((i, h), r)| {
            let known = Known {
                hash: h?.to_string(),
                rules: r.map(str::to_string),
            };
            Some((i?.to_string(), known))
        })
        .collect())
}

/// What an ingest does with documents already stored.
#[derive(Clone, Copy)]
struct Policy {
    /// Extract every document again.
    reextract: bool,
    /// Leave documents of older rules as they are (count and name them).
    keep_stale: bool,
}

/// The hex SHA-256 of what the records depend on: id, text and date.
pub fn content_hash(doc: &Document) -> String {
    let mut h = Sha256::new();
    for part in [
        doc.id.as_str(),
        doc.text.as_str(),
        &doc.published.map(|d| d.to_string()).unwrap_or_default(),
        doc.precision.map(|p| p.as_str()).unwrap_or(""),
        doc.date_basis.as_str(),
        doc.rules.map(|l| l.as_str()).unwrap_or(""),
    ] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// A document to extract, with its hash and whether the store had it.
struct Todo {
    doc: Document,
    hash: String,
    known: bool,
}

/// Sorts documents into unchanged (counted) and to-do (all of them with
/// `reextract`); a second document with an id already seen in this run is
/// a failure.
fn triage(
    docs: Vec<Document>,
    known: &HashMap<String, Known>,
    policy: Policy,
    summary: &mut IngestSummary,
) -> Vec<Todo> {
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut todo = Vec::new();
    for doc in docs {
        if let Some(first) = seen.get(&doc.id) {
            ui::error(format!(
                "{}: document id {:?} already read from {first}; skipped",
                doc.source, doc.id
            ));
            summary.failed += 1;
            continue;
        }
        seen.insert(doc.id.clone(), doc.source.clone());
        let hash = content_hash(&doc);
        let (same, stale) = match known.get(&doc.id) {
            Some(k) => (k.hash == hash, k.rules.as_deref() != Some(RULES_VERSION)),
            None => (false, false),
        };
        if same && stale && policy.keep_stale && !policy.reextract {
            ui::warn(format!("{}: records made by older rules, kept", doc.source));
            summary.stale_kept += 1;
            summary.unchanged += 1;
            continue;
        }
        if same && !stale && !policy.reextract {
            summary.unchanged += 1;
            continue;
        }
        if same && stale {
            summary.stale_reextracted += 1;
        }
        todo.push(Todo {
            known: known.contains_key(&doc.id),
            doc,
            hash,
        });
    }
    todo
}

/// A document extracted, ready to store.
struct Done {
    doc: Document,
    hash: String,
    records: Vec<(String, Record)>,
}

impl Done {
    fn row(self) -> DocumentRow {
        DocumentRow {
            records: self.records.len(),
            doc: self.doc,
            content_hash: self.hash,
            ingested_at: chrono::Utc::now().naive_utc(),
            rules_version: RULES_VERSION.to_string(),
        }
    }
}

/// Runs extraction over the to-do documents in parallel; a document whose
/// extraction panics is reported and counted as failed.
fn extract_all<F>(todo: Vec<Todo>, ctx: &Ctx, extract: &F, summary: &mut IngestSummary) -> Vec<Done>
where
    F: Fn(&Document) -> Vec<Record> + Sync,
{
    let bar = ctx.progress(todo.len() as u64, "extracting");
    let results: Vec<(Todo, Option<Vec<Record>>)> = todo
        .into_par_iter()
        .map(|t| {
            let out = catch_unwind(AssertUnwindSafe(|| extract(&t.doc))).ok();
            bar.inc(1);
            (t, out)
        })
        .collect();
    bar.finish_and_clear();
    let mut done = Vec::new();
    for (t, out) in results {
        let Some(mut records) = out else {
            ui::error(format!(
                "{}: extraction failed; old records kept",
                t.doc.source
            ));
            summary.failed += 1;
            continue;
        };
        if t.known {
            summary.changed += 1;
        } else {
            summary.new += 1;
        }
        for r in &mut records {
            r.doc_id = t.doc.id.clone();
        }
        done.push(Done {
            records: number_records(records),
            doc: t.doc,
            hash: t.hash,
        });
    }
    done
}

/// The rows of `lf` whose `doc_id` is not one of `ids`.
fn drop_docs(lf: LazyFrame, ids: &[&str]) -> PolarsResult<DataFrame> {
    let ids: HashSet<&str> = ids.iter().copied().collect();
    let ids = Series::new("ids".into(), ids.into_iter().collect::<Vec<_>>());
    lf.filter(col("doc_id").is_in(lit(ids).implode(true), false).not())
        .collect()
}

#[cfg(test)]
mod tests;
