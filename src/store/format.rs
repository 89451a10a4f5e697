//! The store's layout version, in `store.json` beside the tables: an
//! older layout is upgraded as it is read, a newer one is refused with a
//! message, never misread.
//!
//! `store.json` also commits the two tables as one: both new tables are
//! written beside the old ones (`*.tmp.parquet`, synced), then
//! `store.json` says `"pending": true`, then both are renamed into place,
//! then `store.json` is written without it. A run killed before the
//! marker leaves the old pair; one killed after it leaves the new pair,
//! which readers take from the temporary files until the next ingest
//! finishes the renames. The tables stay plain Parquet files.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use polars::prelude::*;

use super::{DOCUMENTS_FILE, FORMAT_FILE, FORMAT_VERSION, RECORDS_FILE};

/// Refuses a store written by a newer factline; an older one (no
/// `store.json`, or a lower version) is fine: its tables are upgraded as
/// they are read and rewritten at the next ingest.
pub fn check(dir: &Path) -> anyhow::Result<()> {
    let version = read(dir)?;
    if version > FORMAT_VERSION {
        bail!(
            "{}: a store of layout {version}, written by a newer factline; this one reads layouts up to {FORMAT_VERSION}",
            dir.display()
        );
    }
    Ok(())
}

/// The layout version of the store in `dir`: 1 for tables without a
/// `store.json`, 0 for an empty folder.
fn read(dir: &Path) -> anyhow::Result<u64> {
    let value = marker(dir)?;
    let path = dir.join(FORMAT_FILE);
    match value {
        None => {
            let tables = [RECORDS_FILE, DOCUMENTS_FILE];
            Ok(u64::from(tables.iter().any(|t| dir.join(t).is_file())))
        }
        Some(v) => v["layout"]
            .as_u64()
            .with_context(|| format!("{}: no \"layout\" version in it", path.display())),
    }
}

/// `store.json` as JSON, or `None` when there is none.
fn marker(dir: &Path) -> anyhow::Result<Option<serde_json::Value>> {
    let path = dir.join(FORMAT_FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).with_context(|| format!("{}: cannot read", path.display())),
    };
    let value = serde_json::from_str(&text)
        .with_context(|| format!("{}: not the store's layout file", path.display()))?;
    Ok(Some(value))
}

/// Writes this build's layout version, with `pending` while the renames
/// of a commit are under way.
fn write(dir: &Path, pending: bool) -> anyhow::Result<()> {
    let text = match pending {
        true => format!("{{\"layout\": {FORMAT_VERSION}, \"pending\": true}}\n"),
        false => format!("{{\"layout\": {FORMAT_VERSION}}}\n"),
    };
    crate::atomic::write(&dir.join(FORMAT_FILE), text)
}

/// Whether a commit's renames were cut short.
fn pending(dir: &Path) -> bool {
    marker(dir)
        .ok()
        .flatten()
        .is_some_and(|v| v["pending"] == serde_json::Value::Bool(true))
}

/// Where to read the table `name` from: its temporary file while a cut
/// short commit has left one, else the table itself.
pub fn table_path(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    let tmp = crate::atomic::tmp_path(&path);
    if pending(dir) && tmp.is_file() {
        tmp
    } else {
        path
    }
}

/// Replaces the tables `(name, frame)` of the store as one (see the
/// module doc). `hook(step)` runs after each step (tests kill there).
pub fn commit(
    dir: &Path,
    tables: &mut [(&str, &mut DataFrame)],
    hook: impl Fn(u8),
) -> anyhow::Result<()> {
    for (name, df) in tables.iter_mut() {
        super::file::write_tmp(&dir.join(name), df)?;
    }
    hook(1);
    write(dir, true)?;
    hook(2);
    finish(dir)
}

/// Finishes the renames of a commit cut short (under the store's lock,
/// before stale temporaries are removed); nothing to do otherwise.
pub fn recover(dir: &Path) -> anyhow::Result<()> {
    if pending(dir) {
        finish(dir)?;
    }
    Ok(())
}

fn finish(dir: &Path) -> anyhow::Result<()> {
    for name in [RECORDS_FILE, DOCUMENTS_FILE] {
        let path = dir.join(name);
        let tmp = crate::atomic::tmp_path(&path);
        if tmp.is_file() {
            std::fs::rename(&tmp, &path).with_context(|| {
                format!("{}: cannot replace with {}", path.display(), tmp.display())
            })?;
        }
    }
    crate::atomic::sync_dir(dir);
    write(dir, false)
}

/// A documents table of layout 1 has no `rules_version`: every document
/// in it counts as made by older rules.
pub fn upgrade_documents(df: DataFrame) -> PolarsResult<DataFrame> {
    if df.column("rules_version").is_ok() {
        return Ok(df);
    }
    let n = df.height();
    let mut df = df;
    df.with_column(Column::full_null(
        "rules_version".into(),
        n,
        &DataType::String,
    ))?;
    Ok(df)
}
