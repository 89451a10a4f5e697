//! The command line: one file per subcommand, each with its `Args` and
//! `run`. This file holds only the global flags and the dispatch.

pub mod chart;
pub mod common;
pub mod compare;
pub mod completions;
pub mod documents;
mod examples;
pub mod explain;
pub mod extract;
pub mod ingest;
pub mod mentions;
pub mod metrics;
pub mod records;
pub mod report;
pub mod subjects;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::ui::{self, Ctx};

/// factline: economic figures in news articles, as dated records.
#[derive(Debug, Parser)]
#[command(name = "factline", version, about, long_about = None)]
pub struct Cli {
    /// Print nothing on stderr but errors and warnings (a document
    /// skipped, or read with replacement characters).
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// Worker threads, at most 256; 0 uses every core. Commands that
    /// stream their input read the next batch on one thread more.
    #[arg(long, global = true, default_value_t = 0, value_name = "N", value_parser = thread_count)]
    pub threads: usize,
    /// When to use colour: auto (on a terminal, unless NO_COLOR is set),
    /// always or never.
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    pub color: ColorWhen,
    /// CSV: write text cells as they are. By default a text cell that
    /// starts with = + - @ gets a leading ' so that a spreadsheet never
    /// runs it as a formula; numbers are never changed.
    #[arg(long, global = true)]
    pub csv_raw: bool,
    /// CSV: start with a UTF-8 byte-order mark, so that Excel opens
    /// Cyrillic text as UTF-8.
    #[arg(long, global = true)]
    pub bom: bool,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorWhen {
    /// On a terminal, unless `NO_COLOR` is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl ColorWhen {
    /// Whether colour is wanted, with `NO_COLOR` (any non-empty value)
    /// turning `auto` off.
    pub fn enabled(self, terminal: bool) -> bool {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        match self {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => terminal && !no_color,
        }
    }

    /// The same choice for clap's help and error messages.
    pub fn for_clap(self) -> clap::ColorChoice {
        match self {
            ColorWhen::Auto if !self.enabled(true) => clap::ColorChoice::Never,
            ColorWhen::Auto => clap::ColorChoice::Auto,
            ColorWhen::Always => clap::ColorChoice::Always,
            ColorWhen::Never => clap::ColorChoice::Never,
        }
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract records from articles (files, folders, JSONL, or - for stdin).
    #[command(after_help = examples::EXTRACT)]
    Extract(extract::Args),
    /// Show every rule that fires on one sentence and what comes out.
    #[command(after_help = examples::EXPLAIN)]
    Explain(explain::Args),
    /// List every number, amount, quantity, percent and date recognised.
    #[command(after_help = examples::MENTIONS)]
    Mentions(mentions::Args),
    /// Extract and add to the store (only new or changed documents).
    #[command(after_help = examples::INGEST)]
    Ingest(ingest::Args),
    /// List the stored records.
    #[command(after_help = examples::RECORDS)]
    Records(records::Args),
    /// List what is known of each document: date, basis, records, warnings.
    #[command(after_help = examples::DOCUMENTS)]
    Documents(documents::Args),
    /// List the metrics that can be asked for, with what the store holds.
    #[command(after_help = examples::METRICS)]
    Metrics(metrics::Args),
    /// List the subjects the store holds (parties, directions, plants).
    #[command(after_help = examples::SUBJECTS)]
    Subjects(subjects::Args),
    /// Compare stored figures over time.
    #[command(after_help = examples::COMPARE)]
    Compare(compare::Args),
    /// Draw one chart (PNG or SVG, by the file extension).
    #[command(after_help = examples::CHART)]
    Chart(chart::Args),
    /// Ingest (if paths are given) and write the report with its charts.
    #[command(after_help = examples::REPORT)]
    Report(report::Args),
    /// Print the completion script for a shell (bash, zsh, fish, …).
    #[command(after_help = examples::COMPLETIONS)]
    Completions(completions::Args),
    /// Print the manual page (or write one per subcommand with --out).
    #[command(after_help = examples::MAN)]
    Man(completions::ManArgs),
}

/// Parses the command line, with help and errors coloured as `--color`
/// and `NO_COLOR` say (read before the rest, so they apply to the help
/// itself).
pub fn parse() -> Cli {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let when = color_arg(&args).unwrap_or(ColorWhen::Auto);
    let matches = Cli::command()
        .color(when.for_clap())
        .get_matches_from(&args);
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// The value of `--color` among raw arguments, if given and valid.
fn color_arg(args: &[std::ffi::OsString]) -> Option<ColorWhen> {
    let args: Vec<&str> = args.iter().filter_map(|a| a.to_str()).collect();
    let value = args
        .iter()
        .enumerate()
        .find_map(|(i, a)| match a.strip_prefix("--color") {
            Some(v) if v.starts_with('=') => Some(v[1..].to_string()),
            Some("") => args.get(i + 1).map(|v| v.to_string()),
            _ => None,
        })?;
    clap::ValueEnum::from_str(&value, true).ok()
}

/// The most worker threads `--threads` takes: more threads than cores
/// only wait on each other, and thousands take seconds to start.
const MAX_THREADS: usize = 256;

/// `--threads`: a whole number up to `MAX_THREADS`.
fn thread_count(s: &str) -> Result<usize, String> {
    let n: usize = s
        .parse()
        .map_err(|_| format!("{s:?} is not a whole number of threads"))?;
    if n > MAX_THREADS {
        return Err(format!("{n} is more than {MAX_THREADS} threads"));
    }
    Ok(n)
}

/// Runs the command line; the exit code is 0 when all went well, 1 when
/// there was nothing to give (a chart with no records), 2 when some input
/// or step failed (the failures are printed as they happen).
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let ctx = Ctx {
        quiet: cli.quiet,
        threads: cli.threads,
    };
    crate::output::set_csv_raw(cli.csv_raw);
    crate::output::set_csv_bom(cli.bom);
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
        Command::Metrics(a) => metrics::run(a, &ctx)?,
        Command::Subjects(a) => subjects::run(a, &ctx)?,
        Command::Compare(a) => compare::run(a, &ctx)?,
        Command::Chart(a) => chart::run(a, &ctx)?,
        Command::Report(a) => report::run(a, &ctx)?,
        Command::Completions(a) => completions::run(a)?,
        Command::Man(a) => completions::man(a)?,
    }
    Ok(if ui::failed() {
        ExitCode::from(2)
    } else if ui::empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
