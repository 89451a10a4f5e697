//! The command line: one file per subcommand, each with its `Args` and
//! `run`. This file holds only the global flags and the dispatch.

pub mod chart;
pub mod common;
pub mod compare;
pub mod documents;
pub mod explain;
pub mod extract;
pub mod ingest;
pub mod mentions;
pub mod records;
pub mod report;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::ui::{self, Ctx};

/// factline: economic figures in news articles, as dated records.
#[derive(Debug, Parser)]
#[command(name = "factline", version, about, long_about = None)]
pub struct Cli {
    /// Print nothing on stderr but errors.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// Worker threads (default: all cores).
    #[arg(long, global = true, default_value_t = 0)]
    pub threads: usize,
    /// CSV: write text cells as they are. By default a text cell that
    /// starts with = + - @ gets a leading ' so that a spreadsheet never
    /// runs it as a formula; numbers are never changed.
    #[arg(long, global = true)]
    pub csv_raw: bool,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract records from articles (files, folders, JSONL, or - for stdin).
    Extract(extract::Args),
    /// Show every rule that fires on one sentence and what comes out.
    Explain(explain::Args),
    /// List every number, amount, quantity, percent and date recognised.
    Mentions(mentions::Args),
    /// Extract and add to the store (only new or changed documents).
    Ingest(ingest::Args),
    /// List the stored records.
    Records(records::Args),
    /// List what is known of each document: date, basis, records, warnings.
    Documents(documents::Args),
    /// Compare stored figures over time.
    Compare(compare::Args),
    /// Draw one chart (PNG or SVG, by the file extension).
    Chart(chart::Args),
    /// Ingest (if paths are given) and write the report with its charts.
    Report(report::Args),
}

/// Runs the command line; the exit code is 0 when all went well, 2 when
/// some input or step failed (the failures are printed as they happen).
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let ctx = Ctx {
        quiet: cli.quiet,
        threads: cli.threads,
    };
    crate::output::set_csv_raw(cli.csv_raw);
    if ctx.threads > 0 {
        // A second initialisation (in tests) is harmless: keep the first.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(ctx.threads)
            .build_global();
    }
    match cli.command {
        Command::Extract(a) => extract::run(a, &ctx)?,
        Command::Explain(a) => explain::run(a, &ctx)?,
        Command::Mentions(a) => mentions::run(a, &ctx)?,
        Command::Ingest(a) => ingest::run(a, &ctx)?,
        Command::Records(a) => records::run(a, &ctx)?,
        Command::Documents(a) => documents::run(a, &ctx)?,
        Command::Compare(a) => compare::run(a, &ctx)?,
        Command::Chart(a) => chart::run(a, &ctx)?,
        Command::Report(a) => report::run(a, &ctx)?,
    }
    Ok(if ui::failed() {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
