//! The report: what a user of factline takes away. From the record frame
//! and the document table it gathers an overview, one section per metric
//! and subject with its chart and records, the launches, the targets and
//! an appendix of every record; then writes `report.md`, a self-contained
//! `report.html` (CSS inline, charts inline as SVG) and every chart as PNG
//! and SVG under `charts/`. Every figure links to its record.
//!
//! `model` is the report as plain data, `gather` and `launch` fill it,
//! `md` and `html` render it. Drawing is `chart`'s.

pub mod changes;
pub mod gather;
pub mod html;
pub mod launch;
pub mod md;
pub mod model;
pub mod targets;

use std::path::{Path, PathBuf};

use anyhow::Context;
use polars::prelude::{DataFrame, IntoLazy};

use crate::chart::rows::rows;
use crate::chart::words::pick;
use crate::chart::{Lang, plot};
pub use gather::{Charts, MAX_CHARTS, Options};
pub use model::Report;

/// Gathers the whole report from the record frame and the document table.
pub fn build(
    records: &DataFrame,
    documents: &DataFrame,
    opts: &Options,
) -> anyhow::Result<(Report, Charts)> {
    let rows = rows(records).context("reading the record frame")?;
    let docs = gather::doc_rows(documents).context("reading the document table")?;
    let mut charts = Charts::default();
    let mut sections = vec![gather::overview(&rows, &docs, opts)];
    sections.extend(gather::metric_sections(&rows, &mut charts, opts)?);
    sections.push(changes::changes(records.clone().lazy(), &rows, opts.lang)?);
    sections.push(launch::launches(
        records.clone().lazy(),
        &rows,
        &mut charts,
        opts,
    )?);
    sections.push(targets::targets(
        records.clone().lazy(),
        &rows,
        &mut charts,
        opts,
    )?);
    sections.push(gather::appendix(&rows, &docs, opts.lang));
    let report = Report {
        title: pick(
            opts.lang,
            "factline: экономические показатели в новостях",
            "factline: economic figures in the news",
        )
        .into(),
        lang: match opts.lang {
            Lang::Ru => "ru",
            Lang::En => "en",
        },
        sections,
    };
    Ok((report, charts))
}

/// The files one report run wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// `DIR/report.md`.
    pub markdown: PathBuf,
    /// `DIR/report.html`.
    pub html: PathBuf,
    /// Every chart, PNG and SVG.
    pub charts: Vec<PathBuf>,
}

/// Writes the report and its charts into `dir` (created if missing).
pub fn write(dir: &Path, report: &Report, charts: &Charts) -> anyhow::Result<Written> {
    let chart_dir = dir.join("charts");
    std::fs::create_dir_all(&chart_dir)
        .with_context(|| format!("creating {}", chart_dir.display()))?;
    let mut written = Vec::new();
    for chart in &charts.list {
        for ext in ["png", "svg"] {
            let path = chart_dir.join(format!("{}.{ext}", chart.spec.file_stem()));
            plot::write(&chart.state, &path)?;
            written.push(path);
        }
    }
    let markdown = dir.join("report.md");
    crate::atomic::write(&markdown, md::render(report))?;
    let html = dir.join("report.html");
    crate::atomic::write(&html, html::render(report))?;
    Ok(Written {
        markdown,
        html,
        charts: written,
    })
}
