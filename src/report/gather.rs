//! Gathering: the document table and the records become the overview and
//! the appendix, and [`Charts`] draws what the sections ask for from
//! `compare`'s results. Every figure is written as an [`Inline::Num`]
//! carrying its record id.

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, NaiveDate};
use polars::prelude::*;

use crate::chart::compared::Compared;
use crate::chart::labels::{fill, word};
use crate::chart::rows::RecordRow;
use crate::chart::words;
use crate::chart::{ChartSpec, ChartState, Lang, plot, state};
use crate::record::{Metric, Status};
use crate::report::model::{Block, ChartRef, Inline, Section, Table, text};
use crate::report::tally::Tally;

/// Past this many documents (or records), the overview's document list
/// (or the appendix of every record) goes to `documents.csv` (or
/// `records.csv`) beside the report instead; the appendix then holds the
/// records the report cites.
pub const LIST_LIMIT: usize = 300;

/// What a report is made for.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Language of every word.
    pub lang: Lang,
    /// "Today": launches past their window by then are overdue.
    pub as_of: NaiveDate,
}

/// A document as the report lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct DocRow {
    /// The document's id.
    pub doc_id: String,
    /// When it was published.
    pub published: Option<NaiveDate>,
    /// Its title, if known.
    pub title: Option<String>,
    /// Where it came from, if known.
    pub url: Option<String>,
}

/// Reads the document table (columns `doc_id`, `published`, `title`,
/// `url`), sorted by date; addresses other than http(s) are dropped.
pub fn doc_rows(df: &DataFrame) -> PolarsResult<Vec<DocRow>> {
    let s = |name: &str| -> PolarsResult<Vec<Option<String>>> {
        Ok(df
            .column(name)?
            .str()?
            .iter()
            .map(|v| v.map(str::to_string))
            .collect())
    };
    let (ids, titles, urls) = (s("doc_id")?, s("title")?, s("url")?);
    let dates: Vec<Option<NaiveDate>> = df.column("published")?.date()?.as_date_iter().collect();
    let mut docs: Vec<DocRow> = (0..df.height())
        .map(|i| DocRow {
            doc_id: ids[i].clone().unwrap_or_default(),
            published: dates[i],
            title: titles[i].clone().filter(|t| !t.is_empty()),
            url: urls[i].clone().filter(|u| is_web_address(u)),
        })
        .collect();
    docs.sort_by(|a, b| (a.published, &a.doc_id).cmp(&(b.published, &b.doc_id)));
    Ok(docs)
}

/// A chart the report shows, with its spec and its marks.
#[derive(Debug, Clone)]
pub struct Chart {
    /// What was asked for.
    pub spec: ChartSpec,
    /// What is drawn.
    pub state: ChartState,
    /// The chart as SVG, drawn once for the page and the file.
    pub svg: String,
}

/// Collects the charts of a report as sections ask for them.
#[derive(Debug, Default)]
pub struct Charts {
    /// In the order they appear.
    pub list: Vec<Chart>,
}

impl Charts {
    /// Builds one chart and returns the block that shows it.
    pub fn add(&mut self, spec: ChartSpec, compared: &Compared) -> anyhow::Result<Block> {
        let state = state::from_compared(&spec, compared);
        let (svg, spots) = plot::svg_with_spots(&state)?;
        let block = Block::Chart(ChartRef {
            stem: spec.file_stem(),
            title: state.title.clone(),
            svg: svg.clone(),
            spots,
        });
        self.list.push(Chart { spec, state, svg });
        Ok(block)
    }
}

/// A figure as the article gave it: qualifier word, value and unit
/// ("около 1 млрд долл."); a launch's figure is its window.
pub fn figure(r: &RecordRow, lang: Lang) -> String {
    match r.value {
        Some(v) => words::qualified(
            v,
            r.value_max,
            r.unit.as_deref().unwrap_or(""),
            &r.qualifier,
            lang,
        ),
        None => words::format_period(r.period_start, r.period_end, lang),
    }
}

fn date_text(d: Option<NaiveDate>, lang: Lang) -> String {
    d.map(|d| words::format_date(d, lang)).unwrap_or_default()
}

/// The overview: documents, dates, records by metric and status.
pub fn overview(tally: &Tally, docs: &[DocRow], opts: &Options) -> Section {
    let lang = opts.lang;
    let dates: Vec<NaiveDate> = docs.iter().filter_map(|d| d.published).collect();
    let range = match (dates.iter().min(), dates.iter().max()) {
        (Some(a), Some(b)) => format!(
            "{} {} {} {}",
            word(lang, "gather.from"),
            words::format_date(*a, lang),
            word(lang, "gather.to"),
            words::format_date(*b, lang)
        ),
        _ => word(lang, "gather.undated").to_string(),
    };
    let summary = fill(
        lang,
        "gather.summary",
        &[
            ("docs", &docs.len()),
            ("range", &range),
            ("records", &tally.total),
            ("date", &words::format_date(opts.as_of, lang)),
        ],
    );
    Section {
        id: "overview".into(),
        level: 2,
        title: word(lang, "gather.overview").into(),
        blocks: vec![
            Block::Para(text(summary)),
            Block::Table(counts_table(tally, lang)),
            documents_block(tally, docs, lang),
        ],
    }
}

/// The document list, or a pointer to `documents.csv` past [`LIST_LIMIT`].
fn documents_block(tally: &Tally, docs: &[DocRow], lang: Lang) -> Block {
    if docs.len() <= LIST_LIMIT {
        return Block::Table(documents_table(tally, docs, lang));
    }
    let key = "gather.documents_elsewhere";
    Block::Para(text(fill(lang, key, &[("docs", &docs.len())])))
}

fn documents_table(tally: &Tally, docs: &[DocRow], lang: Lang) -> Table {
    let mut table = Table::new(&[
        word(lang, "gather.document"),
        word(lang, "gather.date"),
        word(lang, "gather.title"),
        word(lang, "gather.records"),
    ]);
    for d in docs {
        let host = d.url.as_deref().map(host_of);
        let title = d.title.clone().or(host).unwrap_or_else(|| "—".into());
        let title = match &d.url {
            Some(url) => vec![Inline::Link {
                text: title,
                href: url.clone(),
            }],
            None => text(title),
        };
        let count = tally.by_doc.get(&d.doc_id).copied().unwrap_or(0);
        table.push(vec![
            text(&d.doc_id),
            text(date_text(d.published, lang)),
            title,
            text(count.to_string()),
        ]);
    }
    table
}

fn counts_table(tally: &Tally, lang: Lang) -> Table {
    let mut header = vec![word(lang, "gather.metric")];
    header.extend(Status::ALL.iter().map(|s| words::status_name(*s, lang)));
    header.push(word(lang, "gather.total"));
    let mut table = Table::new(&header);
    for metric in Metric::ALL {
        let total = tally.of_metric(metric);
        if total == 0 {
            continue;
        }
        let mut row = vec![text(words::metric_name(metric, lang))];
        for status in Status::ALL {
            let n = tally.by_status.get(&(metric, status)).copied().unwrap_or(0);
            row.push(text(n.to_string()));
        }
        row.push(text(total.to_string()));
        table.push(row);
    }
    table
}

/// The record ids a report's sections link to.
pub fn cited(sections: &[Section]) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for s in sections {
        for b in &s.blocks {
            let cells: Vec<&Vec<Inline>> = match b {
                Block::Para(p) => vec![p],
                Block::Table(t) => t.rows.iter().flatten().collect(),
                Block::Chart(c) => {
                    ids.extend(c.spots.iter().map(|s| s.record_id.clone()));
                    vec![]
                }
            };
            for inline in cells.into_iter().flatten() {
                match inline {
                    Inline::Num { record_id, .. } => ids.insert(record_id.clone()),
                    Inline::Record(id) => ids.insert(id.clone()),
                    _ => false,
                };
            }
        }
    }
    ids
}

/// The appendix: every record with its quote, document, date and anchor
/// (`all`); past [`LIST_LIMIT`] records, those the report cites, which are
/// the rows given (every record is in `records.csv`).
pub fn appendix(rows: &[RecordRow], docs: &[DocRow], all: bool, lang: Lang) -> Section {
    let rows: Vec<&RecordRow> = rows.iter().collect();
    let mut table = Table::new(&[
        word(lang, "gather.record"),
        word(lang, "gather.document"),
        word(lang, "gather.published"),
        word(lang, "gather.metric"),
        word(lang, "gather.subject"),
        word(lang, "gather.status"),
        word(lang, "gather.value"),
        word(lang, "gather.quote"),
    ]);
    let mut sorted = rows;
    sorted.sort_by(|a, b| {
        (a.published, &a.doc_id, record_number(&a.record_id)).cmp(&(
            b.published,
            &b.doc_id,
            record_number(&b.record_id),
        ))
    });
    let urls: HashMap<&str, &str> = docs
        .iter()
        .filter_map(|d| Some((d.doc_id.as_str(), d.url.as_deref()?)))
        .collect();
    for r in sorted {
        let doc = match urls.get(r.doc_id.as_str()).map(|u| u.to_string()) {
            Some(url) => vec![Inline::Link {
                text: r.doc_id.clone(),
                href: url,
            }],
            None => text(&r.doc_id),
        };
        let subject = r.subject.as_deref().map(|s| words::subject_name(s, lang));
        let span = figure_span(r);
        table.push_anchored(
            &r.record_id,
            vec![
                text(&r.record_id),
                doc,
                text(date_text(r.published, lang)),
                text(words::metric_name(r.metric, lang)),
                text(subject.unwrap_or_default()),
                text(words::status_name(r.status, lang)),
                text(stated(r, lang)),
                marked_quote(&r.quote, span),
            ],
        );
    }
    let mut blocks = Vec::new();
    if !all {
        blocks.push(Block::Para(text(word(
            lang,
            "gather.the_records_the_report",
        ))));
    }
    blocks.push(Block::Table(table));
    Section {
        id: "appendix".into(),
        level: 2,
        title: word(lang, "gather.appendix_every_record").into(),
        blocks,
    }
}

/// Where the record's figure stands in its quote, if it can be found.
fn figure_span(r: &RecordRow) -> Option<(usize, usize)> {
    let year = r.period_end.or(r.period_start).map(|d| d.year());
    crate::table::figure_span(&r.quote, r.value, year)
}

/// The figure as the quote states it (with its qualifier), when it can
/// be found there: a journalist copies it as it was said; else the figure
/// in words.
fn stated(r: &RecordRow, lang: Lang) -> String {
    match figure_span(r).filter(|_| r.value.is_some()) {
        Some((a, b)) => {
            let said: String = r.quote.chars().skip(a).take(b - a).collect();
            words::with_qualifier(&r.qualifier, &said, lang)
        }
        None => figure(r, lang),
    }
}

/// Gives each chart mark of the sections its tooltip: the figure as the
/// quote states it, its period, and the document and day it was said.
pub fn title_spots(sections: &mut [Section], rows: &[RecordRow], lang: Lang) {
    let by_id: HashMap<&str, &RecordRow> = rows.iter().map(|r| (r.record_id.as_str(), r)).collect();
    let charts = sections.iter_mut().flat_map(|s| s.blocks.iter_mut());
    for block in charts {
        let Block::Chart(chart) = block else { continue };
        for spot in &mut chart.spots {
            let Some(r) = by_id.get(spot.record_id.as_str()) else {
                continue;
            };
            let period = words::format_period(r.period_start, r.period_end, lang);
            let args: [(&str, &dyn std::fmt::Display); 4] = [
                ("value", &stated(r, lang)),
                ("period", &period),
                ("doc", &r.doc_id),
                ("date", &date_text(r.published, lang)),
            ];
            let key = if period.is_empty() {
                "chart.tip_undated"
            } else {
                "chart.tip"
            };
            spot.title = fill(lang, key, &args);
        }
    }
}

/// Only http(s) addresses become links: a manifest is input, and a
/// `javascript:` address in it must not run in the reader's browser.
fn is_web_address(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// The host of an address (`https://sozmedia.kz/34470/` → `sozmedia.kz`).
fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split('/').next().unwrap_or(rest).to_string()
}

/// The number after `#` in a record id, so `002#10` sorts after `002#9`.
fn record_number(id: &str) -> usize {
    // `003#1234-1249`: the figure's first char orders a document's records.
    id.rsplit('#')
        .next()
        .and_then(|n| n.split(['-', '.']).next()?.parse().ok())
        .unwrap_or(0)
}

/// A quote in «», with the words of its figure marked.
fn marked_quote(quote: &str, span: Option<(usize, usize)>) -> Vec<Inline> {
    let Some((a, b)) = span else {
        return text(format!("«{quote}»"));
    };
    let part =
        |from: usize, to: usize| quote.chars().skip(from).take(to - from).collect::<String>();
    vec![
        Inline::Text(format!("«{}", part(0, a))),
        Inline::Mark(part(a, b)),
        Inline::Text(format!("{}»", part(b, quote.chars().count()))),
    ]
}
