//! Files of the store: reading a Parquet table, replacing one atomically
//! (`*.tmp`, fsync, rename, fsync of the folder), and the lock that keeps
//! two ingests from writing at once. Nothing else in factline opens these
//! files.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use polars::prelude::*;

use super::schema::check_schema;
use crate::ui::Ctx;

/// Set to `1` in tests: the process aborts after a table's temporary file
/// is written and synced, before it is renamed into place, as a killed
/// ingest would.
pub const ABORT_HOOK: &str = "FACTLINE_TEST_ABORT_AFTER_WRITE";

/// Reads a table of the store; a missing file is an empty table with the
/// schema. A file that is not Parquet or has other columns is an error
/// naming the file.
pub fn read_table(path: &Path, schema: &Schema) -> anyhow::Result<DataFrame> {
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(DataFrame::empty_with_schema(schema));
        }
        Err(e) => return Err(e).with_context(|| format!("{}: cannot open", path.display())),
    };
    let df = ParquetReader::new(file)
        .finish()
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
/// the new one, whole: the frame goes to `path.tmp`, which is synced and
/// renamed over `path`, then the folder is synced.
pub fn write_table(path: &Path, df: &mut DataFrame) -> anyhow::Result<()> {
    let tmp = tmp_path(path);
    let mut write = || -> anyhow::Result<()> {
        let mut file = File::create(&tmp)?;
        ParquetWriter::new(&mut file).finish(df)?;
        file.flush()?;
        file.sync_all()?;
        Ok(())
    };
    if let Err(e) = write() {
        let _ = fs::remove_file(&tmp);
        return Err(e.context(format!("{}: cannot write", tmp.display())));
    }
    if std::env::var_os(ABORT_HOOK).is_some_and(|v| v == "1") {
        std::process::abort();
    }
    fs::rename(&tmp, path)
        .with_context(|| format!("{}: cannot replace with {}", path.display(), tmp.display()))?;
    sync_dir(path.parent().unwrap_or(Path::new(".")));
    Ok(())
}

/// `records.parquet` → `records.parquet.tmp`.
fn tmp_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".tmp");
    path.with_file_name(name)
}

/// Makes the renames durable; a folder that cannot be opened (some
/// platforms) is not an error, the rename itself is already atomic.
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
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
/// stderr and waits for it.
pub fn lock(dir: &Path, ctx: &Ctx) -> anyhow::Result<Lock> {
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
