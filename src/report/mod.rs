//! The report: what a user of factline takes away. From the record frame
//! and the document table it gathers an overview, the findings, one
//! section per series (metric, subject and grain) with its chart and
//! points, what changed, the launches, the targets and an appendix; then
//! writes `report.md`, a self-contained `report.html` (CSS inline, charts
//! inline as SVG), every chart as PNG and SVG under `charts/` (charts of
//! an earlier run that this one did not draw are removed), and
//! `records.csv` and `documents.csv` beside them. Every figure links to
//! its record. Every comparison is `compare`'s; the sections lay it out.
//! What the report shows is bounded (charts, sections, rows, the document
//! list and the appendix past a few hundred), so its size does not grow
//! with the corpus; the CSV files hold everything.
//!
//! `model` is the report as plain data, `gather`, `findings`, `sections`,
//! `changes`, `launch` and `targets` fill it, `md` and `html` render it.
//! Drawing is `chart`'s.

pub mod changes;
pub mod findings;
pub mod gather;
pub mod html;
pub mod launch;
pub mod md;
pub mod model;
pub mod sections;
pub mod targets;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::Context;
use polars::prelude::{CsvWriter, DataFrame, IntoLazy, SerWriter, col};

use crate::chart::compared::Compared;
use crate::chart::labels::word;
use crate::chart::plot;
use crate::chart::rows::rows;
pub use gather::{Charts, LIST_LIMIT, Options};
pub use model::Report;
pub use sections::MAX_CHARTS;

/// Gathers the whole report from the record frame and the document table.
pub fn build(
    records: &DataFrame,
    documents: &DataFrame,
    opts: &Options,
) -> anyhow::Result<(Report, Charts)> {
    let rows = rows(records).context("reading the record frame")?;
    let docs = gather::doc_rows(documents).context("reading the document table")?;
    let compared = Compared::of(records.clone().lazy(), opts.as_of)?;
    let mut charts = Charts::default();
    let mut sections = vec![
        gather::overview(&rows, &docs, opts),
        findings::findings(&compared, opts.lang),
    ];
    sections.extend(sections::metric_sections(&compared, &mut charts, opts)?);
    sections.push(changes::changes(&compared, opts.lang));
    sections.push(launch::launches(&compared, &mut charts, opts)?);
    sections.push(targets::targets(&compared, &mut charts, opts)?);
    gather::title_spots(&mut sections, &rows, opts.lang);
    let cited = gather::cited(&sections);
    sections.push(gather::appendix(&rows, &docs, &cited, opts.lang));
    let report = Report {
        title: word(opts.lang, "report.title").into(),
        lang: opts.lang.as_str(),
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
        let stem = chart.spec.file_stem();
        let png = chart_dir.join(format!("{stem}.png"));
        plot::write(&chart.state, &png)?;
        let svg = chart_dir.join(format!("{stem}.svg"));
        std::fs::write(&svg, &chart.svg).with_context(|| format!("writing {}", svg.display()))?;
        written.extend([png, svg]);
    }
    remove_stale(&chart_dir, &written)?;
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

/// Removes the charts an earlier run drew that this one did not.
fn remove_stale(chart_dir: &Path, written: &[PathBuf]) -> anyhow::Result<()> {
    let keep: HashSet<&PathBuf> = written.iter().collect();
    for entry in std::fs::read_dir(chart_dir)? {
        let path = entry?.path();
        let chart = path.extension().is_some_and(|e| e == "png" || e == "svg");
        if chart && !keep.contains(&path) {
            std::fs::remove_file(&path)
                .with_context(|| format!("removing the stale chart {}", path.display()))?;
        }
    }
    Ok(())
}

/// Writes `records.csv` (every record, with its quote) and
/// `documents.csv` (every document) into `dir`; returns their paths.
pub fn write_tables(
    dir: &Path,
    records: &DataFrame,
    documents: &DataFrame,
) -> anyhow::Result<[PathBuf; 2]> {
    let docs = documents
        .clone()
        .lazy()
        .select([
            col("doc_id"),
            col("published"),
            col("title"),
            col("url"),
            col("records"),
        ])
        .collect()?;
    let out = [dir.join("records.csv"), dir.join("documents.csv")];
    for (path, df) in out.iter().zip([records.clone(), docs]) {
        let mut df = df;
        let mut file =
            std::fs::File::create(path).with_context(|| format!("writing {}", path.display()))?;
        CsvWriter::new(&mut file).finish(&mut df)?;
    }
    Ok(out)
}
