//! The "what changed" section, from `compare`: figures given different
//! values in different documents (revisions, contradictions, or the same
//! figure rounded) and figures repeated across documents. The comparison
//! frames name the records on both sides, so each value links to the
//! appendix. Each table is bounded ([`MAX_ROWS`]: the latest revisions,
//! the most repeated figures); `compare --kind revisions|repeats` has them
//! all.

use chrono::NaiveDate;
use polars::prelude::*;

use crate::chart::Lang;
use crate::chart::rows::{RecordRow, by_record_id, dates, floats, strs};
use crate::chart::words::{self, pick};
use crate::compare;
use crate::record::Metric;
use crate::report::gather::figure;
use crate::report::model::{Block, Inline, Section, Table, num, text};

/// The most rows of each table.
pub const MAX_ROWS: usize = 100;
/// The most record links a repeat lists.
const MAX_LINKS: usize = 5;

/// One side of a revision: a value as one document stated it.
#[derive(Debug, Clone, PartialEq)]
struct Side {
    doc_id: String,
    published: Option<NaiveDate>,
    value: Option<f64>,
    value_max: Option<f64>,
}

/// The section: revisions first, then repeats; a sentence when neither.
pub fn changes(records: LazyFrame, rows: &[RecordRow], lang: Lang) -> anyhow::Result<Section> {
    let latest = SortMultipleOptions::default().with_order_descending(true);
    let revised = compare::revisions(records.clone())
        .sort(["published_b"], latest.clone())
        .limit(MAX_ROWS as IdxSize)
        .collect()?;
    let repeated = compare::repeats(records)
        .sort(["documents"], latest)
        .limit(MAX_ROWS as IdxSize)
        .collect()?;
    let mut blocks = Vec::new();
    if revised.height() > 0 {
        let intro = pick(
            lang,
            "Одна и та же цифра (показатель, субъект, статус, период) в разных документах с разными значениями.",
            "One figure (metric, subject, status, period) given different values in different documents.",
        );
        blocks.push(Block::Para(text(intro)));
        blocks.push(Block::Table(revisions_table(&revised, rows, lang)?));
    }
    if repeated.height() > 0 {
        let intro = pick(
            lang,
            "Цифры, повторённые в нескольких документах: считаются один раз.",
            "Figures repeated in several documents: counted once.",
        );
        blocks.push(Block::Para(text(intro)));
        blocks.push(Block::Table(repeats_table(&repeated, rows, lang)?));
    }
    if blocks.is_empty() {
        let none = pick(
            lang,
            "Ни одна цифра не повторена и не пересмотрена в разных документах.",
            "No figure is repeated or revised across documents.",
        );
        blocks.push(Block::Para(text(none)));
    }
    Ok(Section {
        id: "changes".into(),
        level: 2,
        title: pick(lang, "Что изменилось", "What changed").into(),
        blocks,
    })
}

fn revisions_table(df: &DataFrame, rows: &[RecordRow], lang: Lang) -> anyhow::Result<Table> {
    let key = |n: &str| strs(df, n);
    let metric = key("metric")?;
    let (start, end) = (dates(df, "period_start")?, dates(df, "period_end")?);
    let verdict = key("verdict")?;
    let side = |s: &str| -> PolarsResult<Vec<Side>> {
        let ids = strs(df, &format!("doc_id_{s}"))?;
        let published = dates(df, &format!("published_{s}"))?;
        let values = floats(df, &format!("value_{s}"))?;
        let maxes = floats(df, &format!("value_max_{s}"))?;
        Ok((0..df.height())
            .map(|i| Side {
                doc_id: ids[i].clone().unwrap_or_default(),
                published: published[i],
                value: values[i],
                value_max: maxes[i],
            })
            .collect())
    };
    let (a, b) = (side("a")?, side("b")?);
    let (id_a, id_b) = (key("record_id_a")?, key("record_id_b")?);
    let index = by_record_id(rows);
    let by_id = |id: &Option<String>| id.as_deref().and_then(|i| index.get(i).copied());
    let pct = floats(df, "change_pct")?;
    let mut table = Table::new(&[
        pick(lang, "Показатель", "Figure"),
        pick(lang, "Период", "Period"),
        pick(lang, "Раньше", "Earlier"),
        pick(lang, "Позже", "Later"),
        pick(lang, "Изменение", "Change"),
        pick(lang, "Оценка", "Verdict"),
    ]);
    for i in 0..df.height() {
        if metric[i].as_deref().and_then(Metric::parse).is_none() {
            continue;
        }
        // The comparison names the records of both sides.
        let (ra, rb) = (by_id(&id_a[i]), by_id(&id_b[i]));
        let Some(like) = ra.or(rb) else {
            continue;
        };
        let m = like.metric;
        let title = format!(
            "{} · {}",
            words::metric_name(m, lang),
            words::subject_name(like.subject.as_deref().unwrap_or(""), lang)
        );
        let change = match (rb, pct[i]) {
            (Some(r), Some(p)) => num(percent_change(p, lang), &r.record_id),
            _ => text("—"),
        };
        table.push(vec![
            text(title),
            text(words::format_period(start[i], end[i], lang)),
            said(ra, &a[i], lang),
            said(rb, &b[i], lang),
            change,
            text(verdict_word(verdict[i].as_deref().unwrap_or(""), lang)),
        ]);
    }
    Ok(table)
}

/// A change in percent, signed, to a tenth: "+3,8 %", "−7,1 %".
fn percent_change(p: f64, lang: Lang) -> String {
    let p = (p * 10.0).round() / 10.0;
    let sign = if p > 0.0 { "+" } else { "" };
    format!("{sign}{} %", words::format_number(p, lang))
}

/// "24,2 млрд долл. (004, 01.06.2022)", the figure linked to its record.
fn said(record: Option<&RecordRow>, side: &Side, lang: Lang) -> Vec<Inline> {
    let when = side
        .published
        .map(|d| words::format_date(d, lang))
        .unwrap_or_default();
    let source = Inline::Text(format!(" ({}, {when})", side.doc_id));
    match record {
        Some(r) => {
            let mut cell = num(figure(r, lang), &r.record_id);
            cell.push(source);
            cell
        }
        None => vec![Inline::Text("?".into()), source],
    }
}

fn verdict_word(verdict: &str, lang: Lang) -> &'static str {
    match verdict {
        "agrees" => pick(lang, "то же, с округлением", "the same, rounded"),
        "revised" => pick(lang, "пересмотрено", "revised"),
        "contradicts" => pick(lang, "противоречие", "contradiction"),
        _ => "—",
    }
}

fn repeats_table(df: &DataFrame, rows: &[RecordRow], lang: Lang) -> anyhow::Result<Table> {
    let ids = strs(df, "record_ids")?;
    let index = by_record_id(rows);
    let firsts = dates(df, "first_published")?;
    let lasts = dates(df, "last_published")?;
    let mut table = Table::new(&[
        pick(lang, "Показатель", "Figure"),
        pick(lang, "Значение", "Value"),
        pick(lang, "Сказано", "Said"),
        pick(lang, "Записи", "Records"),
    ]);
    for i in 0..df.height() {
        let list: Vec<&str> = ids[i]
            .as_deref()
            .unwrap_or("")
            .split(", ")
            .filter(|s| !s.is_empty())
            .collect();
        let Some(first) = list.first().and_then(|id| index.get(id).copied()) else {
            continue;
        };
        let title = format!(
            "{} · {}",
            words::metric_name(first.metric, lang),
            words::subject_name(first.subject.as_deref().unwrap_or(""), lang)
        );
        let day = |d: Option<NaiveDate>| d.map(|d| words::format_date(d, lang)).unwrap_or_default();
        let span = if firsts[i] == lasts[i] {
            day(firsts[i])
        } else {
            format!("{}–{}", day(firsts[i]), day(lasts[i]))
        };
        let mut links = Vec::new();
        for (k, id) in list.iter().take(MAX_LINKS).enumerate() {
            if k > 0 {
                links.push(Inline::Text(", ".into()));
            }
            links.push(Inline::Record(id.to_string()));
        }
        if list.len() > MAX_LINKS {
            let more = list.len() - MAX_LINKS;
            links.push(Inline::Text(match lang {
                Lang::Ru => format!(" и ещё {more}"),
                Lang::En => format!(" and {more} more"),
            }));
        }
        table.push(vec![
            text(title),
            num(figure(first, lang), &first.record_id),
            text(span),
            links,
        ]);
    }
    Ok(table)
}
