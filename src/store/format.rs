//! The store's layout version, in `store.json` beside the tables: an
//! older layout is upgraded as it is read, a newer one is refused with a
//! message, never misread.

use std::path::Path;

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
    let path = dir.join(FORMAT_FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let tables = [RECORDS_FILE, DOCUMENTS_FILE];
            return Ok(u64::from(tables.iter().any(|t| dir.join(t).is_file())));
        }
        Err(e) => return Err(e).with_context(|| format!("{}: cannot read", path.display())),
    };
    let value: serde_json::Value = serde_json::from_str(&text)
        .with_context(|| format!("{}: not the store's layout file", path.display()))?;
    value["layout"]
        .as_u64()
        .with_context(|| format!("{}: no \"layout\" version in it", path.display()))
}

/// Writes this build's layout version.
pub fn write(dir: &Path) -> anyhow::Result<()> {
    let text = format!("{{\"layout\": {FORMAT_VERSION}}}\n");
    crate::atomic::write(&dir.join(FORMAT_FILE), text)
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
