//! Gathering: the record frame, the document table and the comparisons
//! become the report's sections and the charts it shows. Every figure is
//! written as an [`Inline::Num`] carrying its record id.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use polars::prelude::*;

use crate::chart::rows::RecordRow;
use crate::chart::words::{self, pick};
use crate::chart::{ChartKind, ChartSpec, ChartState, Lang, plot, state};
use crate::record::{Metric, Status};
use crate::report::model::{Block, ChartRef, Inline, Section, Table, num, text};

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
}

/// Collects the charts of a report as sections ask for them.
#[derive(Debug, Default)]
pub struct Charts {
    /// In the order they appear.
    pub list: Vec<Chart>,
}

impl Charts {
    /// Builds one chart and returns the block that shows it.
    pub fn add(&mut self, spec: ChartSpec, rows: &[RecordRow]) -> anyhow::Result<Block> {
        let state = state::from_rows(&spec, rows);
        let block = Block::Chart(ChartRef {
            stem: spec.file_stem(),
            title: state.title.clone(),
            svg: plot::svg_string(&state)?,
        });
        self.list.push(Chart { spec, state });
        Ok(block)
    }
}

/// A figure as the article gave it: qualifier word, value and unit
/// ("около 1 млрд долл."); a launch's figure is its window.
pub fn figure(r: &RecordRow, lang: Lang) -> String {
    let Some(value) = r.value else {
        return words::format_period(r.period_start, r.period_end, lang);
    };
    let unit = r.unit.as_deref().unwrap_or("");
    let shown = words::format_value(value, r.value_max, unit, lang);
    let cue = match r.qualifier.as_str() {
        "approx" => pick(lang, "около ", "about "),
        "over" => pick(lang, "более ", "over "),
        "under" => pick(lang, "менее ", "under "),
        "up_to" => pick(lang, "до ", "up to "),
        _ => "",
    };
    format!("{cue}{shown}")
}

fn date_text(d: Option<NaiveDate>, lang: Lang) -> String {
    d.map(|d| words::format_date(d, lang)).unwrap_or_default()
}

/// The overview: documents, dates, records by metric and status.
pub fn overview(rows: &[RecordRow], docs: &[DocRow], opts: &Options) -> Section {
    let lang = opts.lang;
    let dates: Vec<NaiveDate> = docs.iter().filter_map(|d| d.published).collect();
    let range = match (dates.iter().min(), dates.iter().max()) {
        (Some(a), Some(b)) => format!(
            "{} {} {} {}",
            pick(lang, "с", "from"),
            words::format_date(*a, lang),
            pick(lang, "по", "to"),
            words::format_date(*b, lang)
        ),
        _ => pick(lang, "без дат", "undated").to_string(),
    };
    let summary = match lang {
        Lang::Ru => format!(
            "Документов: {}, {range}. Записей: {}. Состояние на {}.",
            docs.len(),
            rows.len(),
            words::format_date(opts.as_of, lang)
        ),
        Lang::En => format!(
            "Documents: {}, {range}. Records: {}. As of {}.",
            docs.len(),
            rows.len(),
            words::format_date(opts.as_of, lang)
        ),
    };
    Section {
        id: "overview".into(),
        level: 2,
        title: pick(lang, "Обзор", "Overview").into(),
        blocks: vec![
            Block::Para(text(summary)),
            Block::Table(documents_table(rows, docs, lang)),
            Block::Table(counts_table(rows, lang)),
        ],
    }
}

fn documents_table(rows: &[RecordRow], docs: &[DocRow], lang: Lang) -> Table {
    let mut table = Table::new(&[
        pick(lang, "Документ", "Document"),
        pick(lang, "Дата", "Date"),
        pick(lang, "Заголовок", "Title"),
        pick(lang, "Записей", "Records"),
    ]);
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for r in rows {
        *counts.entry(r.doc_id.as_str()).or_default() += 1;
    }
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
        let count = counts.get(d.doc_id.as_str()).copied().unwrap_or(0);
        table.push(vec![
            text(&d.doc_id),
            text(date_text(d.published, lang)),
            title,
            text(count.to_string()),
        ]);
    }
    table
}

fn counts_table(rows: &[RecordRow], lang: Lang) -> Table {
    let mut header = vec![pick(lang, "Показатель", "Metric")];
    header.extend(Status::ALL.iter().map(|s| words::status_name(*s, lang)));
    header.push(pick(lang, "всего", "total"));
    let mut table = Table::new(&header);
    for metric in Metric::ALL {
        let of_metric: Vec<&RecordRow> = rows.iter().filter(|r| r.metric == metric).collect();
        if of_metric.is_empty() {
            continue;
        }
        let mut row = vec![text(words::metric_name(metric, lang))];
        for status in Status::ALL {
            let n = of_metric.iter().filter(|r| r.status == status).count();
            row.push(text(n.to_string()));
        }
        row.push(text(of_metric.len().to_string()));
        table.push(row);
    }
    table
}

/// The most per-subject charts a report draws: a feed of thousands of
/// articles names hundreds of plants, and a page of a thousand charts is
/// read by nobody; the largest groups get charts, the others a table.
pub const MAX_CHARTS: usize = 40;

/// One section per metric and subject (launch dates have their own),
/// each with its records and, for the `MAX_CHARTS` largest, a chart.
pub fn metric_sections(
    rows: &[RecordRow],
    charts: &mut Charts,
    opts: &Options,
) -> anyhow::Result<Vec<Section>> {
    let lang = opts.lang;
    let mut groups: BTreeMap<(Metric, String), Vec<&RecordRow>> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.metric != Metric::LaunchDate) {
        let subject = r.subject.clone().unwrap_or_default();
        groups.entry((r.metric, subject)).or_default().push(r);
    }
    let mut sections = vec![Section {
        id: "metrics".into(),
        level: 2,
        title: pick(lang, "Показатели", "Figures").into(),
        blocks: vec![],
    }];
    let mut sizes: Vec<(usize, &(Metric, String))> =
        groups.iter().map(|(k, g)| (g.len(), k)).collect();
    sizes.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let drawn: Vec<(Metric, String)> = sizes
        .iter()
        .take(MAX_CHARTS)
        .map(|(_, k)| (*k).clone())
        .collect();
    for ((metric, subject), group) in groups {
        if !drawn.contains(&(metric, subject.clone())) {
            let name = if subject.is_empty() {
                "—".to_string()
            } else {
                subject.clone()
            };
            sections.push(Section {
                id: format!("m-{}-{}", metric.as_str(), sections.len()),
                level: 3,
                title: format!("{} — {name}", words::metric_name(metric, lang)),
                blocks: vec![Block::Table(records_table(&group, lang))],
            });
            continue;
        }
        let dated = group.iter().filter(|r| r.period_end.is_some()).count();
        let kind = if dated * 2 >= group.len() {
            ChartKind::Line
        } else {
            ChartKind::Stock
        };
        let mut spec = ChartSpec::new(kind, metric).lang(lang).as_of(opts.as_of);
        if !subject.is_empty() {
            spec = spec.subject(subject.clone());
        }
        let chart = charts.add(spec.clone(), rows)?;
        sections.push(Section {
            id: format!("m-{}", spec.file_stem()),
            level: 3,
            title: charts
                .list
                .last()
                .map(|c| c.state.title.clone())
                .unwrap_or_default(),
            blocks: vec![chart, Block::Table(records_table(&group, lang))],
        });
    }
    Ok(sections)
}

/// The records of one group: when, where, what status, the figure.
fn records_table(group: &[&RecordRow], lang: Lang) -> Table {
    let mut table = Table::new(&[
        pick(lang, "Опубликовано", "Published"),
        pick(lang, "Документ", "Document"),
        pick(lang, "Статус", "Status"),
        pick(lang, "Период", "Period"),
        pick(lang, "Значение", "Value"),
    ]);
    let mut sorted = group.to_vec();
    sorted.sort_by_key(|r| (r.published, r.period_end, r.record_id.clone()));
    for r in sorted {
        table.push(vec![
            text(date_text(r.published, lang)),
            text(&r.doc_id),
            text(words::status_name(r.status, lang)),
            text(words::format_period(r.period_start, r.period_end, lang)),
            num(figure(r, lang), &r.record_id),
        ]);
    }
    table
}

/// The appendix: every record with its quote, document, date and anchor.
pub fn appendix(rows: &[RecordRow], docs: &[DocRow], lang: Lang) -> Section {
    let mut table = Table::new(&[
        pick(lang, "Запись", "Record"),
        pick(lang, "Документ", "Document"),
        pick(lang, "Опубликовано", "Published"),
        pick(lang, "Показатель", "Metric"),
        pick(lang, "Субъект", "Subject"),
        pick(lang, "Статус", "Status"),
        pick(lang, "Значение", "Value"),
        pick(lang, "Цитата", "Quote"),
    ]);
    let mut sorted: Vec<&RecordRow> = rows.iter().collect();
    sorted.sort_by(|a, b| {
        (a.published, &a.doc_id, record_number(&a.record_id)).cmp(&(
            b.published,
            &b.doc_id,
            record_number(&b.record_id),
        ))
    });
    let urls: std::collections::HashMap<&str, &str> = docs
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
        table.push_anchored(
            &r.record_id,
            vec![
                text(&r.record_id),
                doc,
                text(date_text(r.published, lang)),
                text(words::metric_name(r.metric, lang)),
                text(subject.unwrap_or_default()),
                text(words::status_name(r.status, lang)),
                text(figure(r, lang)),
                text(format!("«{}»", r.quote)),
            ],
        );
    }
    Section {
        id: "appendix".into(),
        level: 2,
        title: pick(lang, "Приложение: все записи", "Appendix: every record").into(),
        blocks: vec![Block::Table(table)],
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
    id.rsplit('#')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}
