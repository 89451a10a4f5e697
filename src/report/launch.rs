//! The launches section: the timeline of launch windows and one row per
//! announcement, both laid out from `compare::launches` — the previous
//! window, how far the end moved and the verdict are `compare`'s, so the
//! chart, the table and `compare --kind launches` read the same.

use crate::chart::compared::{Announcement, Compared};
use crate::chart::state::verdict_words;
use crate::chart::words::{self, pick};
use crate::chart::{ChartKind, ChartSpec, Lang};
use crate::record::Metric;
use crate::report::gather::{Charts, Options};
use crate::report::model::{Block, Inline, Section, Table, num, text};

/// The most announcements the table lists (plants with a slip first);
/// every one is in `compare --kind launches`.
pub const MAX_ROWS: usize = 200;

/// Where a plant stands at the report's date, in words.
pub fn state_words(state: Option<&str>, lang: Lang) -> &'static str {
    match state {
        Some("launched") => pick(lang, "запущено", "launched"),
        Some("overdue") => pick(lang, "просрочено", "overdue"),
        Some("pending") => pick(lang, "ожидается", "pending"),
        Some(_) => pick(lang, "срок неясен", "no date"),
        None => "",
    }
}

/// The window of an announcement, linked to its record.
fn window(a: &Announcement, lang: Lang) -> Vec<Inline> {
    let w = words::format_period(a.period_start, a.period_end, lang);
    let w = if w.is_empty() { "—".to_string() } else { w };
    num(w, &a.record_id)
}

/// The launches section: the timeline and one row per announcement.
pub fn launches(c: &Compared, charts: &mut Charts, opts: &Options) -> anyhow::Result<Section> {
    let lang = opts.lang;
    let spec = ChartSpec::new(ChartKind::Timeline, Metric::LaunchDate)
        .lang(lang)
        .as_of(opts.as_of);
    let chart = charts.add(spec, c)?;
    let mut table = Table::new(&[
        pick(lang, "Объект", "Plant or project"),
        pick(lang, "Заявлено", "Announced"),
        pick(lang, "Документ", "Document"),
        pick(lang, "Окно запуска", "Launch window"),
        pick(lang, "Против прошлого объявления", "Against the previous"),
        pick(lang, "Итог на дату отчёта", "Standing at report date"),
    ]);
    let mut rows: Vec<&Announcement> = c.launches.iter().collect();
    let slipped: std::collections::HashSet<&str> = rows
        .iter()
        .filter(|a| a.verdict == "slipped")
        .map(|a| a.subject.as_str())
        .collect();
    // Stable: `compare`'s order within a plant is kept.
    rows.sort_by_key(|a| !slipped.contains(a.subject.as_str()));
    let mut previous = None;
    for a in rows.iter().take(MAX_ROWS) {
        let first = previous != Some(a.subject.as_str());
        previous = Some(a.subject.as_str());
        let against = verdict_words(a, lang);
        table.push(vec![
            text(if first {
                words::subject_name(&a.subject, lang)
            } else {
                String::new()
            }),
            text(
                a.published
                    .map(|d| words::format_date(d, lang))
                    .unwrap_or_default(),
            ),
            text(&a.doc_id),
            window(a, lang),
            if against.is_empty() {
                text("")
            } else {
                num(against, &a.record_id)
            },
            text(state_words(a.state.as_deref(), lang)),
        ]);
    }
    let mut blocks = vec![
        Block::Para(text(pick(
            lang,
            "Каждое новое объявление срока — отдельная полоса под первой: перенос виден сразу. Сроки разных объектов и «ряда проектов» между собой не сравниваются.",
            "Each new announcement of a window is a bar under the first, so slips show at a glance. Windows of different plants, or of a set of projects, are never compared.",
        ))),
        chart,
        Block::Table(table),
    ];
    if rows.len() > MAX_ROWS {
        blocks.push(Block::Para(text(match lang {
            Lang::Ru => format!(
                "Ещё {} объявлений — в выводе `factline compare --kind launches`.",
                rows.len() - MAX_ROWS
            ),
            Lang::En => format!(
                "{} more announcements in `factline compare --kind launches`.",
                rows.len() - MAX_ROWS
            ),
        })));
    }
    Ok(Section {
        id: "launches".into(),
        level: 2,
        title: pick(lang, "Запуски", "Launches").into(),
        blocks,
    })
}
