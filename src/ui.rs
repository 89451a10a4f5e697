//! Messages and progress on stderr. Data goes to stdout; everything here
//! goes to stderr and is silenced by `--quiet`. A per-run flag remembers
//! that something failed, so the exit code can say so at the end.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};

use indicatif::{ProgressBar, ProgressStyle};

/// What every subcommand gets from the global flags.
#[derive(Debug, Clone, Copy)]
pub struct Ctx {
    /// `--quiet`: no notes, no progress.
    pub quiet: bool,
    /// `--threads N`: worker threads (0 = all cores).
    pub threads: usize,
}

impl Ctx {
    /// A context that prints nothing (for tests and library use).
    pub fn silent() -> Ctx {
        Ctx {
            quiet: true,
            threads: 0,
        }
    }

    /// Prints a note on stderr unless quiet.
    pub fn note(&self, msg: impl AsRef<str>) {
        if !self.quiet {
            eprintln!("factline: {}", msg.as_ref());
        }
    }

    /// A progress bar over `len` items when stderr is a terminal and the
    /// run is not quiet; a hidden one otherwise.
    pub fn progress(&self, len: u64, what: &str) -> ProgressBar {
        if self.quiet || !std::io::stderr().is_terminal() {
            return ProgressBar::hidden();
        }
        let bar = ProgressBar::new(len);
        let style = ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} ({elapsed})")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
        bar.set_style(style);
        bar.set_message(what.to_string());
        bar
    }
}

impl Ctx {
    /// A spinner counting items of unknown total when stderr is a
    /// terminal and the run is not quiet; a hidden one otherwise.
    pub fn spinner(&self, what: &str) -> ProgressBar {
        if self.quiet || !std::io::stderr().is_terminal() {
            return ProgressBar::hidden();
        }
        let bar = ProgressBar::new_spinner();
        let style = ProgressStyle::with_template("{spinner} {msg} {pos} documents ({elapsed})")
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
        bar.set_style(style);
        bar.set_message(what.to_string());
        bar
    }
}

static FAILED: AtomicBool = AtomicBool::new(false);
static EMPTY: AtomicBool = AtomicBool::new(false);

/// `n` and a noun in the singular or the plural: `1 record`, `3 records`.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Says on stderr (always) that the run found nothing to give, and
/// remembers it: the exit code is 1, as grep's when nothing matches.
pub fn nothing(msg: impl AsRef<str>) {
    EMPTY.store(true, Ordering::SeqCst);
    eprintln!("factline: {}", msg.as_ref());
}

/// Whether the run found nothing to give.
pub fn empty() -> bool {
    EMPTY.load(Ordering::SeqCst)
}

/// Prints an error line on stderr (always, even when quiet) and remembers
/// that the run failed in part.
pub fn error(msg: impl AsRef<str>) {
    FAILED.store(true, Ordering::SeqCst);
    eprintln!("factline: {}", msg.as_ref());
}

/// Prints a warning on stderr (always): something was passed over, but
/// the run did its job.
pub fn warn(msg: impl AsRef<str>) {
    eprintln!("factline: {}", msg.as_ref());
}

/// Whether `error` was called during this run.
pub fn failed() -> bool {
    FAILED.load(Ordering::SeqCst)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_of_one_is_singular() {
        assert_eq!(count(1, "record"), "1 record");
        assert_eq!(count(0, "document"), "0 documents");
        assert_eq!(count(12, "mention"), "12 mentions");
    }
}
