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
pub mod tally;
pub mod targets;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use anyhow::Context;
use polars::prelude::{CsvWriter, DataFrame, IdxSize, IntoLazy, LazyFrame, SerWriter, col};

use crate::chart::compared::Compared;
use crate::chart::labels::word;
use crate::chart::plot;
pub use gather::{Charts, LIST_LIMIT, Options};
pub use model::Report;
pub use sections::MAX_CHARTS;

/// Gathers the whole report from the record frame and the document table.
/// Builds the report from the records (a frame or a lazy scan of the
/// store: only the counts, the comparisons and the records it cites are
/// ever taken out of it) and the document table.
pub fn build(
    records: LazyFrame,
    documents: &DataFrame,
    opts: &Options,
) -> anyhow::Result<(Report, Charts)> {
    let docs = gather::doc_rows(documents).context("reading the document table")?;
    let tally = tally::Tally::of(records.clone(), docs.len() <= LIST_LIMIT)
        .context("counting the records")?;
    let compared = Compared::of(records.clone(), opts.as_of)?;
    let mut charts = Charts::default();
    let mut sections = vec![
        gather::overview(&tally, &docs, opts),
        findings::findings(&compared, opts.lang),
    ];
    sections.extend(sections::metric_sections(&compared, &mut charts, opts)?);
    sections.push(changes::changes(&compared, opts.lang));
    sections.push(launch::launches(&compared, &mut charts, opts)?);
    sections.push(targets::targets(&compared, &mut charts, opts)?);
    let cited = gather::cited(&sections);
    let all = tally.total <= LIST_LIMIT;
    let rows = tally::shown_rows(records, &cited, all).context("reading the cited records")?;
    gather::title_spots(&mut sections, &rows, opts.lang);
    sections.push(gather::appendix(&rows, &docs, all, opts.lang));
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
/// Writes `records.csv` (in batches read from the store, so that memory
/// does not grow with it) and `documents.csv` beside the report; returns
/// their paths and the number of records written.
pub fn write_tables(
    dir: &Path,
    records: LazyFrame,
    documents: &DataFrame,
) -> anyhow::Result<([PathBuf; 2], usize)> {
    let mut docs = documents
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
    let n = write_csv_batches(&out[0], records)?;
    let mut file = create(&out[1])?;
    CsvWriter::new(&mut file).finish(&mut docs)?;
    Ok((out, n))
}

/// Rows read and written at a time by [`write_csv_batches`].
const CSV_BATCH: usize = 100_000;

fn write_csv_batches(path: &Path, rows: LazyFrame) -> anyhow::Result<usize> {
    let mut file = create(path)?;
    let mut written = 0;
    loop {
        let mut batch = rows
            .clone()
            .slice(written as i64, CSV_BATCH as IdxSize)
            .collect()?;
        let n = batch.height();
        CsvWriter::new(&mut file)
            .include_header(written == 0)
            .finish(&mut batch)?;
        written += n;
        if n < CSV_BATCH {
            return Ok(written);
        }
    }
}

fn create(path: &Path) -> anyhow::Result<std::fs::File> {
    std::fs::File::create(path).with_context(|| format!("writing {}", path.display()))
}
