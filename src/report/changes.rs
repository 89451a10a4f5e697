//! The "what changed" section, laid out from `compare`: figures given
//! different values in different documents (revisions, contradictions, or
//! the same figure rounded) and figures repeated across documents. The
//! comparisons name the records on both sides, so each value links to
//! the appendix. Each table is bounded ([`MAX_ROWS`]: the latest
//! revisions, the most repeated figures); `compare --kind
//! revisions|repeats` has them all.

use chrono::NaiveDate;

use crate::chart::Lang;
use crate::chart::compared::{Compared, Repeat, Revision, Stated};
use crate::chart::labels::{fill, word};
use crate::chart::words;
use crate::report::model::{Block, Inline, Section, Table, num, text};

/// The most rows of each table.
pub const MAX_ROWS: usize = 100;
/// The most record links a repeat lists.
const MAX_LINKS: usize = 5;

/// The section: revisions first, then repeats; a sentence when neither.
pub fn changes(c: &Compared, lang: Lang) -> Section {
    let mut blocks = Vec::new();
    if !c.revisions.is_empty() {
        let intro = word(lang, "changes.one_figure_metric_subject");
        blocks.push(Block::Para(text(intro)));
        blocks.push(Block::Table(revisions_table(&c.revisions, lang)));
    }
    if !c.repeats.is_empty() {
        let intro = word(lang, "changes.figures_repeated_in_several");
        blocks.push(Block::Para(text(intro)));
        blocks.push(Block::Table(repeats_table(&c.repeats, lang)));
    }
    if blocks.is_empty() {
        let none = word(lang, "changes.no_figure_is_repeated");
        blocks.push(Block::Para(text(none)));
    }
    Section {
        id: "changes".into(),
        level: 2,
        title: word(lang, "changes.what_changed").into(),
        blocks,
    }
}

fn title(metric: crate::record::Metric, subject: &Option<String>, lang: Lang) -> String {
    format!(
        "{} · {}",
        words::metric_name(metric, lang),
        words::subject_name(subject.as_deref().unwrap_or(""), lang)
    )
}

fn revisions_table(revisions: &[Revision], lang: Lang) -> Table {
    let mut table = Table::new(&[
        word(lang, "changes.figure"),
        word(lang, "changes.period"),
        word(lang, "changes.earlier"),
        word(lang, "changes.later"),
        word(lang, "changes.change"),
        word(lang, "changes.verdict"),
    ]);
    for r in revisions.iter().take(MAX_ROWS) {
        let unit = r.unit.as_deref().unwrap_or("");
        let change = match r.change_pct {
            Some(p) => num(percent_change(p, lang), &r.b.record_id),
            None => text("—"),
        };
        table.push(vec![
            text(title(r.metric, &r.subject, lang)),
            text(words::format_period(r.period_start, r.period_end, lang)),
            said(&r.a, unit, lang),
            said(&r.b, unit, lang),
            change,
            text(verdict_word(&r.verdict, lang)),
        ]);
    }
    table
}

/// A change in percent, signed, to a tenth: "+3,8 %", "−7,1 %".
fn percent_change(p: f64, lang: Lang) -> String {
    let p = (p * 10.0).round() / 10.0;
    let sign = if p > 0.0 { "+" } else { "" };
    format!("{sign}{} %", words::format_number(p, lang))
}

fn day(d: Option<NaiveDate>, lang: Lang) -> String {
    d.map(|d| words::format_date(d, lang)).unwrap_or_default()
}

/// A stated value in words.
fn figure(s: &Stated, unit: &str, lang: Lang) -> String {
    match s.value {
        Some(v) => words::qualified(v, s.value_max, unit, &s.qualifier, lang),
        None => "?".into(),
    }
}

/// "24,2 млрд долл. (004, 01.06.2022)", the figure linked to its record.
fn said(s: &Stated, unit: &str, lang: Lang) -> Vec<Inline> {
    let mut cell = num(figure(s, unit, lang), &s.record_id);
    cell.push(Inline::Text(format!(
        " ({}, {})",
        s.doc_id,
        day(s.published, lang)
    )));
    cell
}

fn verdict_word(verdict: &str, lang: Lang) -> &'static str {
    match verdict {
        "agrees" => word(lang, "changes.the_same_rounded"),
        "revised" => word(lang, "changes.revised"),
        "contradicts" => word(lang, "changes.contradiction"),
        _ => "—",
    }
}

fn repeats_table(repeats: &[Repeat], lang: Lang) -> Table {
    let mut table = Table::new(&[
        word(lang, "changes.figure"),
        word(lang, "changes.value"),
        word(lang, "changes.said"),
        word(lang, "changes.records"),
    ]);
    for r in repeats.iter().take(MAX_ROWS) {
        let (first, last) = (r.first.published, r.last_published);
        let span = if first == last {
            day(first, lang)
        } else {
            format!("{}–{}", day(first, lang), day(last, lang))
        };
        let mut links = Vec::new();
        for (k, id) in r.record_ids.iter().take(MAX_LINKS).enumerate() {
            if k > 0 {
                links.push(Inline::Text(", ".into()));
            }
            links.push(Inline::Record(id.clone()));
        }
        if r.record_ids.len() > MAX_LINKS {
            let more = r.record_ids.len() - MAX_LINKS;
            links.push(Inline::Text(fill(
                lang,
                "changes.and_more",
                &[("more", &more)],
            )));
        }
        let unit = r.unit.as_deref().unwrap_or("");
        table.push(vec![
            text(title(r.metric, &r.subject, lang)),
            num(figure(&r.first, unit, lang), &r.first.record_id),
            text(span),
            links,
        ]);
    }
    table
}
