//! `factline chart`: draws one chart of the stored records to PNG or SVG
//! (by the file extension).
//!
//! Examples:
//!
//! ```text
//! factline chart --metric trade_turnover --subject KZ+RU --out output/turnover.svg
//! factline chart --kind timeline --metric launch_date --out output/launches.png
//! factline chart --kind stock --metric projects_count --labels en --out projects.png
//! ```
//!
//! Tests: `tests/it/chart.rs`.

use std::path::PathBuf;

use anyhow::Context;
use chrono::NaiveDate;

use crate::chart::{ChartKind, ChartSpec, Lang, plot, state};
use crate::cmd::common::{StoreArgs, metric, parse_date, parse_subject};
use crate::record::Metric;
use crate::store::RecordFilter;
use crate::ui::{self, Ctx};

/// Arguments of `factline chart`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Kind of chart: a metric over its periods, a stock by publication
    /// date, launch windows, or targets against actuals.
    #[arg(long, value_enum, default_value_t = ChartKind::Line)]
    pub kind: ChartKind,
    /// Metric id (trade_turnover, projects_count, launch_date, …).
    #[arg(long, value_parser = metric)]
    pub metric: Metric,
    /// Only this subject (KZ+RU, CN>RU, Сарань/шина; parties by code or
    /// name, in any order).
    #[arg(long, value_parser = parse_subject)]
    pub subject: Option<String>,
    /// Only figures of this grain: year, half, quarter, month, ytd-N
    /// (January to month N), span, stock; each grain is its own series.
    #[arg(long)]
    pub grain: Option<String>,
    /// Where to write the chart: FILE.png or FILE.svg.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// A title of one's own.
    #[arg(long)]
    pub title: Option<String>,
    /// Language of titles, labels and notes.
    #[arg(long, value_enum, default_value_t = Lang::Ru)]
    pub labels: Lang,
    /// Where the store is.
    #[command(flatten)]
    pub store: StoreArgs,
    /// "Today" on timelines (default: the current date).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
}

impl Args {
    /// The chart spec these arguments ask for.
    pub fn spec(&self) -> ChartSpec {
        let mut spec = ChartSpec::new(self.kind, self.metric).lang(self.labels);
        spec.subject = self.subject.clone();
        spec.grain = self.grain.clone();
        spec.title = self.title.clone();
        spec.as_of = self.as_of;
        spec
    }
}

/// Runs `factline chart`.
pub fn run(args: Args, ctx: &Ctx) -> anyhow::Result<()> {
    plot::ImageFormat::of(&args.out)?;
    fits(args.kind, args.metric)?;
    // Only the chart's metric (and subject) is read from the store.
    let filter = RecordFilter {
        metric: Some(args.metric.as_str().to_string()),
        subject: args.subject.clone(),
        ..Default::default()
    };
    let frame = filter
        .apply(args.store.open(ctx)?.records()?)
        .collect()
        .context("reading the stored records")?;
    let state = state::build(&args.spec(), &frame).context("reading the record frame")?;
    if let Some(msg) = &state.message {
        ui::nothing(format!("{}: not written: {msg}", args.out.display()));
        return Ok(());
    }
    if let Some(parent) = args.out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("creating {}", parent.display()))?;
    }
    plot::write(&state, &args.out)?;
    ctx.note(format!(
        "{}: {} drawn",
        args.out.display(),
        crate::ui::count(state.record_ids().len(), "record")
    ));
    Ok(())
}

/// Refuses a kind of chart that does not fit the metric: a timeline
/// draws launch windows, the other kinds draw figures.
fn fits(kind: ChartKind, metric: Metric) -> anyhow::Result<()> {
    let launch = metric == Metric::LaunchDate;
    match (kind, launch) {
        (ChartKind::Timeline, false) => anyhow::bail!(
            "a timeline draws launch windows: use --metric launch_date, or --kind line, stock or target for {}",
            metric.as_str()
        ),
        (ChartKind::Line | ChartKind::Stock | ChartKind::Target, true) => {
            anyhow::bail!("launch_date has windows, not figures: use --kind timeline")
        }
        _ => Ok(()),
    }
}
