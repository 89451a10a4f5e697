//! Replacing a file whole: what is written goes to `NAME.tmp` beside it,
//! is synced and renamed over `NAME`, then the folder is synced. A reader
//! (or a run killed half way, or a full disk) sees the old file or the
//! new one, never a part of one.

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use anyhow::Context;

/// Writes `path` through `write`, which is given the temporary path to
/// create; on any error the temporary file is removed and `path` is left
/// as it was. `before_rename` runs between the sync and the rename (the
/// store's tests kill the process there).
pub fn replace_with(
    path: &Path,
    write: impl FnOnce(&Path) -> anyhow::Result<()>,
    before_rename: impl FnOnce(),
) -> anyhow::Result<()> {
    let tmp = tmp_path(path);
    let written = write(&tmp).and_then(|()| {
        File::open(&tmp)?.sync_all()?;
        Ok(())
    });
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(e.context(format!("{}: cannot write", tmp.display())));
    }
    before_rename();
    fs::rename(&tmp, path)
        .with_context(|| format!("{}: cannot replace with {}", path.display(), tmp.display()))?;
    sync_dir(path.parent().unwrap_or(Path::new(".")));
    Ok(())
}

/// Writes `bytes` to `path` whole or not at all.
pub fn write(path: &Path, bytes: impl AsRef<[u8]>) -> anyhow::Result<()> {
    replace_with(path, |tmp| Ok(fs::write(tmp, bytes)?), || {})
}

/// `records.parquet` → `records.tmp.parquet`: the extension stays last,
/// since some writers choose the format by it (a PNG encoder does).
pub fn tmp_path(path: &Path) -> PathBuf {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let name = match path.extension() {
        Some(ext) => format!("{stem}.tmp.{}", ext.to_string_lossy()),
        None => format!("{stem}.tmp"),
    };
    path.with_file_name(name)
}

/// A temporary file of `tmp_path`.
fn is_tmp(path: &Path) -> bool {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    name.ends_with(".tmp") || name.contains(".tmp.")
}

/// Removes the `*.tmp` files a killed run left in `dir`; returns how
/// many.
pub fn remove_stale(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| is_tmp(p))
        .filter(|p| fs::remove_file(p).is_ok())
        .count()
}

/// Makes the renames durable; a folder that cannot be opened (some
/// platforms) is not an error, the rename itself is already atomic.
pub fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_tmp() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.md");
        write(&p, "old").unwrap();
        let r = replace_with(
            &p,
            |tmp| {
                fs::write(tmp, "half")?;
                anyhow::bail!("disk full")
            },
            || {},
        );
        assert!(r.is_err());
        assert_eq!(fs::read_to_string(&p).unwrap(), "old");
        assert!(!tmp_path(&p).exists());
    }

    #[test]
    fn stale_tmp_files_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("x.tmp.parquet"), "x").unwrap();
        fs::write(dir.path().join("y.tmp"), "x").unwrap();
        fs::write(dir.path().join("x.parquet"), "x").unwrap();
        assert_eq!(remove_stale(dir.path()), 2);
        assert!(dir.path().join("x.parquet").exists());
    }
}
