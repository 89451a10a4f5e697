//! Files of the store: reading a Parquet table, replacing one atomically
//! (`*.tmp`, fsync, rename, fsync of the folder), and the lock that keeps
//! two ingests from writing at once. Nothing else in factline opens these
//! files.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::Path;

use anyhow::{Context, bail};
use polars::prelude::*;

use super::schema::check_schema;
use crate::ui::Ctx;

/// Set in tests: the process aborts, as a killed ingest would, after the
/// step of a commit it names: `1` when both tables are written beside the
/// old ones, `2` when the commit marker is written too.
pub const ABORT_HOOK: &str = "FACTLINE_TEST_ABORT_AFTER_WRITE";

/// Reads a table of the store; a missing file is an empty table with the
/// schema. A file that is not Parquet or has other columns is an error
/// naming the file.
pub fn read_table(path: &Path, schema: &Schema) -> anyhow::Result<DataFrame> {
    read_table_with(path, schema, Ok)
}

/// [`read_table`] with an upgrade of an older layout applied before the
/// columns are checked.
pub fn read_table_with(
    path: &Path,
    schema: &Schema,
    upgrade: impl Fn(DataFrame) -> PolarsResult<DataFrame>,
) -> anyhow::Result<DataFrame> {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(DataFrame::empty_with_schema(schema));
        }
        Err(e) => return Err(e).with_context(|| format!("{}: cannot open", path.display())),
    };
    let df = ParquetReader::new(file)
        .finish()
        .and_then(upgrade)
        .map_err(|e| anyhow::anyhow!("{}: not a readable Parquet table: {e}", path.display()))?;
    if let Err(msg) = check_schema(&df, schema) {
        bail!("{}: not a factline table: {msg}", path.display());
    }
    Ok(df)
}

/// A table of the store to be read lazily: filters and column selections
/// applied to it are pushed down into the Parquet scan (only the row
/// groups and columns asked for are read). The schema is checked from
/// the file's metadata; a missing file is an empty table.
pub fn scan_table(path: &Path, schema: &Schema) -> anyhow::Result<LazyFrame> {
    if !path.exists() {
        return Ok(DataFrame::empty_with_schema(schema).lazy());
    }
    let unreadable =
        |e: PolarsError| anyhow::anyhow!("{}: not a readable Parquet table: {e}", path.display());
    let at = PlRefPath::try_from_pathbuf(path.to_path_buf()).map_err(unreadable)?;
    let mut lf = LazyFrame::scan_parquet(at, ScanArgsParquet::default()).map_err(unreadable)?;
    let got = lf.collect_schema().map_err(unreadable)?;
    if let Err(msg) = check_schema(&DataFrame::empty_with_schema(&got), schema) {
        bail!("{}: not a factline table: {msg}", path.display());
    }
    Ok(lf)
}

/// Replaces `path` with `df` so that a reader sees either the old file or
/// the new one, whole (`crate::atomic`).
pub fn write_table(path: &Path, df: &mut DataFrame) -> anyhow::Result<()> {
    crate::atomic::replace_with(path, |tmp| write_parquet(tmp, df), || {})
}

/// Writes `df` beside `path`, at its temporary name, synced; a commit
/// renames it later.
pub fn write_tmp(path: &Path, df: &mut DataFrame) -> anyhow::Result<()> {
    let tmp = crate::atomic::tmp_path(path);
    let written = write_parquet(&tmp, df).and_then(|()| Ok(File::open(&tmp)?.sync_all()?));
    written.with_context(|| format!("{}: cannot write", tmp.display()))
}

fn write_parquet(path: &Path, df: &mut DataFrame) -> anyhow::Result<()> {
    let mut file = File::create(path)?;
    ParquetWriter::new(&mut file).finish(df)?;
    file.flush()?;
    Ok(())
}

/// Aborts the process after commit step `step` when the test hook asks.
pub fn abort_hook(step: u8) {
    if std::env::var(ABORT_HOOK).is_ok_and(|v| v == step.to_string()) {
        std::process::abort();
    }
}

/// The exclusive lock of a store, held while the value lives.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

/// The lock file's name inside the store folder.
pub const LOCK_FILE: &str = ".lock";

/// Takes the store's lock; when another process holds it, says so once on
/// stderr and waits for it. Holding it, finishes a commit a killed
/// ingest cut short and removes the temporary files one left behind.
pub fn lock(dir: &Path, ctx: &Ctx) -> anyhow::Result<Lock> {
    let lock = wait_for_lock(dir, ctx)?;
    super::format::recover(dir)?;
    crate::atomic::remove_stale(dir);
    Ok(lock)
}

fn wait_for_lock(dir: &Path, ctx: &Ctx) -> anyhow::Result<Lock> {
    let path = dir.join(LOCK_FILE);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("{}: cannot open the lock file", path.display()))?;
    match file.try_lock() {
        Ok(()) => return Ok(Lock { _file: file }),
        Err(TryLockError::WouldBlock) => ctx.note(format!(
            "{}: another ingest is writing to this store; waiting for it to finish",
            dir.display()
        )),
        Err(TryLockError::Error(e)) => {
            return Err(e).with_context(|| format!("{}: cannot lock", path.display()));
        }
    }
    file.lock()
        .with_context(|| format!("{}: cannot lock", path.display()))?;
    Ok(Lock { _file: file })
}
