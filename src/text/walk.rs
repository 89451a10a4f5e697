//! Which files a path names: the path itself when it is not a folder (a
//! file, a FIFO, a device named on purpose), else the text files under
//! it in name order.
//!
//! As ripgrep does, symbolic links inside folders are not followed unless
//! asked (`--follow`), and then a link back to a folder already read is
//! said and not read again; special files found in folders (FIFOs,
//! sockets, devices) are skipped with a note; a subfolder that cannot be
//! read is named and the rest is still read.

use std::collections::HashSet;
use std::fs::{self, FileType};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use super::load::{InputError, io_msg};

/// What a path holds: the files to read, and what was passed over.
#[derive(Debug, Default)]
pub struct Listed {
    /// Files to read, in order.
    pub files: Vec<PathBuf>,
    /// Folders that could not be read (errors) and entries skipped by
    /// policy (warnings).
    pub problems: Vec<InputError>,
}

/// The files under `path` whose extension is one of `exts`.
pub fn list(path: &Path, follow: bool, exts: &[&str]) -> Listed {
    let mut out = Listed::default();
    let shown = path.display().to_string();
    match fs::metadata(path) {
        Err(e) => out.problems.push(InputError::error(
            shown,
            format!("cannot read: {}", io_msg(&e)),
        )),
        Ok(md) if !md.is_dir() => out.files.push(path.to_path_buf()),
        Ok(md) => {
            let mut walk = Walk {
                follow,
                exts,
                seen: HashSet::from([(md.dev(), md.ino())]),
                out,
            };
            walk.folder(path);
            out = walk.out;
            out.files.sort();
        }
    }
    out
}

struct Walk<'a> {
    follow: bool,
    exts: &'a [&'a str],
    /// Folders read so far, by device and inode.
    seen: HashSet<(u64, u64)>,
    out: Listed,
}

impl Walk<'_> {
    /// Reads one folder and, depth first, the folders under it (with a
    /// stack of its own, so a deep tree cannot overflow the call stack).
    fn folder(&mut self, top: &Path) {
        let mut stack = vec![top.to_path_buf()];
        while let Some(dir) = stack.pop() {
            let entries = match fs::read_dir(&dir) {
                Ok(entries) => entries,
                Err(e) => {
                    let m = format!("cannot list folder: {}", io_msg(&e));
                    self.out.problems.push(InputError::error(shown(&dir), m));
                    continue;
                }
            };
            for entry in entries {
                match entry.and_then(|e| Ok((e.path(), e.file_type()?))) {
                    Ok((path, kind)) => {
                        if let Some(sub) = self.entry(path, kind) {
                            stack.push(sub);
                        }
                    }
                    Err(e) => {
                        let m = format!("cannot list folder: {}", io_msg(&e));
                        self.out.problems.push(InputError::error(shown(&dir), m));
                    }
                }
            }
        }
    }

    /// Files one entry of a folder; returns it when it is a folder to
    /// read.
    fn entry(&mut self, path: PathBuf, kind: FileType) -> Option<PathBuf> {
        if kind.is_symlink() {
            return self.link(path);
        }
        if kind.is_dir() {
            if self.follow
                && let Ok(md) = fs::metadata(&path)
            {
                self.seen.insert((md.dev(), md.ino()));
            }
            return Some(path);
        }
        if kind.is_file() {
            if self.wanted(&path) {
                self.out.files.push(path);
            }
            return None;
        }
        if self.wanted(&path) {
            let m = "skipped: not a regular file (a FIFO, socket or device); name it to read it";
            self.out.problems.push(InputError::warning(shown(&path), m));
        }
        None
    }

    /// A symbolic link inside a folder: skipped unless `--follow`; then
    /// its target is filed as any entry, a folder only once.
    fn link(&mut self, path: PathBuf) -> Option<PathBuf> {
        if !self.follow {
            if self.wanted(&path) || path.is_dir() {
                let m = "skipped: a symbolic link (use --follow to read what it points to)";
                self.out.problems.push(InputError::warning(shown(&path), m));
            }
            return None;
        }
        let md = match fs::metadata(&path) {
            Ok(md) => md,
            Err(e) => {
                let m = format!("cannot follow link: {}", io_msg(&e));
                self.out.problems.push(InputError::error(shown(&path), m));
                return None;
            }
        };
        if md.is_dir() {
            if !self.seen.insert((md.dev(), md.ino())) {
                let m = "skipped: a symbolic link to a folder already read (a loop)";
                self.out.problems.push(InputError::warning(shown(&path), m));
                return None;
            }
            return Some(path);
        }
        if md.is_file() && self.wanted(&path) {
            self.out.files.push(path);
        }
        None
    }

    fn wanted(&self, path: &Path) -> bool {
        path.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| self.exts.contains(&e.to_ascii_lowercase().as_str()))
    }
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}
