//! The launches section: the timeline of launch windows and one row per
//! announcement, both laid out from `compare::launches` — the previous
//! window, how far the end moved and the verdict are `compare`'s, so the
//! chart, the table and `compare --kind launches` read the same.

use crate::chart::compared::{Announcement, Compared};
use crate::chart::labels::{fill, word};
use crate::chart::state::verdict_words;
use crate::chart::words;
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
        Some("launched") => word(lang, "launch.launched"),
        Some("overdue") => word(lang, "launch.overdue"),
        Some("pending") => word(lang, "launch.pending"),
        Some(_) => word(lang, "launch.no_date"),
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
        word(lang, "launch.plant_or_project"),
        word(lang, "launch.announced"),
        word(lang, "launch.document"),
        word(lang, "launch.launch_window"),
        word(lang, "launch.against_the_previous"),
        word(lang, "launch.standing_at_report_date"),
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
        Block::Para(text(word(lang, "launch.each_new_announcement_of"))),
        chart,
        Block::Table(table),
    ];
    if rows.len() > MAX_ROWS {
        let more = rows.len() - MAX_ROWS;
        blocks.push(Block::Para(text(fill(
            lang,
            "launch.more",
            &[("n", &more)],
        ))));
    }
    Ok(Section {
        id: "launches".into(),
        level: 2,
        title: word(lang, "launch.launches").into(),
        blocks,
    })
}
