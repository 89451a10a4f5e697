//! Findings: what a reader wants first, each line linked to its records
//! and all of it from `compare` — the latest figure of the largest
//! series and its change from the point before, slipped and overdue
//! launches, targets against the actual of their period, and figures
//! that cannot be facts (an actual stated before its period began).

use crate::chart::Lang;
use crate::chart::compared::{Compared, SeriesPoint};
use crate::chart::labels::{fill, word};
use crate::chart::state::{target_words, verdict_words};
use crate::chart::words;
use crate::record::Status;
use crate::report::model::{Block, Inline, Section, text};
use crate::report::sections::value_text;

/// The most lines of each kind of finding.
pub const MAX_LINES: usize = 12;

/// The findings section.
pub fn findings(c: &Compared, lang: Lang) -> Section {
    let mut blocks = Vec::new();
    let mut add = |title: &str, lines: Vec<Vec<Inline>>| {
        if !lines.is_empty() {
            blocks.push(Block::Para(text(title.to_string())));
            blocks.extend(lines.into_iter().map(Block::Para));
        }
    };
    add(word(lang, "findings.latest_figures"), latest(c, lang));
    add(
        word(lang, "findings.launches_moved_later"),
        slipped(c, lang),
    );
    add(word(lang, "findings.targets_and_actuals"), targets(c, lang));
    add(
        word(lang, "findings.not_facts_period_began"),
        ahead(c, lang),
    );
    if blocks.is_empty() {
        blocks.push(Block::Para(text(word(
            lang,
            "findings.the_documents_hold_no",
        ))));
    }
    Section {
        id: "findings".into(),
        level: 2,
        title: word(lang, "findings.findings").into(),
        blocks,
    }
}

fn bullet(mut line: Vec<Inline>) -> Vec<Inline> {
    line.insert(0, Inline::Text("• ".into()));
    line
}

fn series_name(p: &SeriesPoint, lang: Lang) -> String {
    let subject = words::subject_name(p.subject.as_deref().unwrap_or("—"), lang);
    format!("{} · {subject}", words::metric_name(p.metric, lang))
}

/// The latest actual of each of the largest series (most points) that
/// name who they are about.
fn latest(c: &Compared, lang: Lang) -> Vec<Vec<Inline>> {
    let mut runs: std::collections::BTreeMap<(String, String, String), Vec<&SeriesPoint>> =
        Default::default();
    for p in c
        .series
        .iter()
        .filter(|p| p.status == Status::Actual && !p.ahead && p.subject.is_some())
    {
        let key = (
            p.metric.to_string(),
            p.subject.clone().unwrap_or_default(),
            p.grain.clone(),
        );
        runs.entry(key).or_default().push(p);
    }
    let mut runs: Vec<Vec<&SeriesPoint>> = runs.into_values().collect();
    runs.sort_by_key(|r| std::cmp::Reverse(r.len()));
    runs.iter()
        .take(MAX_LINES)
        .filter_map(|r| r.last())
        .map(|p| {
            let mut period = words::format_period(p.period_start, p.period_end, lang);
            if period.is_empty() {
                period = p
                    .published
                    .map(|d| words::format_date(d, lang))
                    .unwrap_or_default();
            }
            let mut line = vec![
                Inline::Text(lead(&series_name(p, lang), &period)),
                Inline::Num {
                    text: value_text(p, lang),
                    record_id: p.record_id.clone(),
                },
            ];
            // A change between figures without a calendar period (a flow
            // stated with no period, a span) says little; stocks have their
            // own charts.
            let calendar = ["year", "half", "quarter", "month"].contains(&p.grain.as_str())
                || p.grain.starts_with("ytd-");
            if let Some(pct) = p.change_pct.filter(|_| calendar) {
                let sign = if pct > 0.0 { "+" } else { "" };
                let pct = words::format_number((pct * 10.0).round() / 10.0, lang);
                let args: [(&str, &dyn std::fmt::Display); 2] = [("sign", &sign), ("pct", &pct)];
                line.push(Inline::Text(fill(
                    lang,
                    "findings.change_on_previous",
                    &args,
                )));
            }
            bullet(line)
        })
        .collect()
}

/// Announcements that moved a window later, latest first.
fn slipped(c: &Compared, lang: Lang) -> Vec<Vec<Inline>> {
    let mut moved: Vec<_> = c
        .launches
        .iter()
        .filter(|a| a.verdict == "slipped")
        .collect();
    moved.sort_by_key(|a| std::cmp::Reverse(a.published));
    moved
        .into_iter()
        .take(MAX_LINES)
        .map(|a| {
            let window = words::format_period(a.period_start, a.period_end, lang);
            let when = a
                .published
                .map(|d| words::format_date(d, lang))
                .unwrap_or_default();
            bullet(vec![
                Inline::Text(format!("{}: ", words::subject_name(&a.subject, lang))),
                Inline::Num {
                    text: format!("{window}, {}", verdict_words(a, lang)),
                    record_id: a.record_id.clone(),
                },
                Inline::Text(format!(" ({when}, {})", a.doc_id)),
            ])
        })
        .collect()
}

/// Targets met by an actual (own period or partial), largest share first.
fn targets(c: &Compared, lang: Lang) -> Vec<Vec<Inline>> {
    let mut met: Vec<_> = c.targets.iter().filter(|t| t.actual_id.is_some()).collect();
    met.sort_by(|a, b| {
        b.share_pct
            .partial_cmp(&a.share_pct)
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    met.into_iter()
        .take(MAX_LINES)
        .map(|t| {
            let subject = words::subject_name(t.subject.as_deref().unwrap_or("—"), lang);
            bullet(vec![
                Inline::Text(format!(
                    "{} · {subject}: ",
                    words::metric_name(t.metric, lang)
                )),
                Inline::Num {
                    text: target_words(t, lang),
                    record_id: t.actual_id.clone().unwrap_or_default(),
                },
            ])
        })
        .collect()
}

/// Actuals stated before their period began: shown apart, never charted.
fn ahead(c: &Compared, lang: Lang) -> Vec<Vec<Inline>> {
    c.series
        .iter()
        .filter(|p| p.ahead)
        .take(MAX_LINES)
        .map(|p| {
            let period = words::format_period(p.period_start, p.period_end, lang);
            let when = p
                .published
                .map(|d| words::format_date(d, lang))
                .unwrap_or_default();
            bullet(vec![
                Inline::Text(lead(&series_name(p, lang), &period)),
                Inline::Num {
                    text: value_text(p, lang),
                    record_id: p.record_id.clone(),
                },
                Inline::Text(fill(
                    lang,
                    "findings.said_before_period",
                    &[("when", &when)],
                )),
            ])
        })
        .collect()
}

/// The head of a finding's line: the series and its period, or the
/// series alone when no period is known (no stray `· :`).
fn lead(series: &str, period: &str) -> String {
    if period.is_empty() {
        format!("{series}: ")
    } else {
        format!("{series} · {period}: ")
    }
}

#[cfg(test)]
mod tests {
    use super::lead;

    #[test]
    fn a_line_with_no_period_has_no_empty_separator() {
        assert_eq!(
            lead("Инвестиции · Павлодар/медь", ""),
            "Инвестиции · Павлодар/медь: "
        );
        assert_eq!(lead("Экспорт · KZ>RU", "2023"), "Экспорт · KZ>RU · 2023: ");
    }
}
