//! The launches section: the timeline of launch windows, every
//! announcement with how far it moved, and where each plant stands (from
//! `compare::launches`).

use std::collections::BTreeMap;

use chrono::NaiveDate;

use polars::prelude::LazyFrame;

use crate::chart::rows::{RecordRow, strs};
use crate::chart::words::{self, pick};
use crate::chart::{ChartKind, ChartSpec, Lang};
use crate::compare;
use crate::record::Metric;
use crate::report::gather::{Charts, Options, figure};
use crate::report::model::{Block, Section, Table, num, text};

/// Where each plant's launch stands, from `compare::launches`: its
/// `state` (launched, overdue, pending, unknown) and `trend` (slipped,
/// kept, forward, single), in words, by subject.
fn standings(
    records: LazyFrame,
    as_of: NaiveDate,
    lang: Lang,
) -> anyhow::Result<BTreeMap<String, String>> {
    let df = compare::launches(records, as_of).collect()?;
    let (subjects, states, trends) = (
        strs(&df, "subject")?,
        strs(&df, "state")?,
        strs(&df, "trend")?,
    );
    let mut out = BTreeMap::new();
    for i in 0..df.height() {
        let state = match states[i].as_deref() {
            Some("launched") => pick(lang, "запущено", "launched"),
            Some("overdue") => pick(lang, "просрочено", "overdue"),
            Some("pending") => pick(lang, "ожидается", "pending"),
            _ => pick(lang, "срок неясен", "no date"),
        };
        let trend = match trends[i].as_deref() {
            Some("slipped") => pick(lang, ", срок перенесён позже", ", moved later"),
            Some("forward") => pick(lang, ", срок перенесён раньше", ", moved earlier"),
            Some("kept") => pick(lang, ", срок не менялся", ", window kept"),
            _ => "",
        };
        out.insert(
            subjects[i].clone().unwrap_or_default(),
            format!("{state}{trend}"),
        );
    }
    Ok(out)
}

/// A computed number links to the record it was computed for.
fn linked(s: String, r: &RecordRow) -> Vec<crate::report::model::Inline> {
    if s.is_empty() {
        text(s)
    } else {
        num(s, &r.record_id)
    }
}

/// How far a window's end moved against the previous announcement.
fn shift(previous: Option<&RecordRow>, r: &RecordRow, lang: Lang) -> String {
    use chrono::Datelike;
    let (Some(before), Some(now)) = (previous.and_then(|p| p.period_end), r.period_end) else {
        return String::new();
    };
    let months = (now.year() - before.year()) * 12 + now.month() as i32 - before.month() as i32;
    let span = duration(months.abs(), lang);
    match (months.signum(), lang) {
        (0, _) => pick(lang, "без изменений", "unchanged").into(),
        (1, Lang::Ru) => format!("на {span} позже"),
        (1, Lang::En) => format!("{span} later"),
        (_, Lang::Ru) => format!("на {span} раньше"),
        (_, Lang::En) => format!("{span} earlier"),
    }
}

/// Whole years in years ("8 лет", "2 года"), the rest in months.
fn duration(months: i32, lang: Lang) -> String {
    if months < 12 || months % 12 != 0 {
        return match lang {
            Lang::Ru => format!("{months} мес."),
            Lang::En if months == 1 => "1 month".into(),
            Lang::En => format!("{months} months"),
        };
    }
    let years = months / 12;
    let word = match lang {
        Lang::En if years == 1 => "year",
        Lang::En => "years",
        Lang::Ru if years % 10 == 1 && years % 100 != 11 => "год",
        Lang::Ru if (2..=4).contains(&(years % 10)) && !(12..=14).contains(&(years % 100)) => {
            "года"
        }
        Lang::Ru => "лет",
    };
    format!("{years} {word}")
}

/// The launches section: the timeline and one row per announcement.
pub fn launches(
    records: LazyFrame,
    rows: &[RecordRow],
    charts: &mut Charts,
    opts: &Options,
) -> anyhow::Result<Section> {
    let lang = opts.lang;
    let spec = ChartSpec::new(ChartKind::Timeline, Metric::LaunchDate)
        .lang(lang)
        .as_of(opts.as_of);
    let chart = charts.add(spec, rows)?;
    let standing = standings(records, opts.as_of, lang)?;
    let mut by_plant: BTreeMap<String, Vec<&RecordRow>> = BTreeMap::new();
    for r in rows.iter().filter(|r| r.metric == Metric::LaunchDate) {
        let plant = r.subject.clone().unwrap_or_default();
        by_plant.entry(plant).or_default().push(r);
    }
    let mut table = Table::new(&[
        pick(lang, "Объект", "Plant or project"),
        pick(lang, "Заявлено", "Announced"),
        pick(lang, "Документ", "Document"),
        pick(lang, "Окно запуска", "Launch window"),
        pick(lang, "Против прошлого объявления", "Against the previous"),
        pick(lang, "Итог на дату отчёта", "Standing at report date"),
    ]);
    for (plant, mut announced) in by_plant {
        announced.sort_by_key(|r| (r.published, r.record_id.clone()));
        let n = announced.len();
        for (i, r) in announced.iter().enumerate() {
            table.push(vec![
                text(if i == 0 {
                    words::subject_name(&plant, lang)
                } else {
                    String::new()
                }),
                text(
                    r.published
                        .map(|d| words::format_date(d, lang))
                        .unwrap_or_default(),
                ),
                text(&r.doc_id),
                num(figure(r, lang), &r.record_id),
                linked(shift(i.checked_sub(1).map(|p| announced[p]), r, lang), r),
                text(match (i + 1 == n, standing.get(&plant)) {
                    (true, Some(s)) => s.as_str(),
                    (true, None) => "—",
                    (false, _) => "",
                }),
            ]);
        }
    }
    let intro = pick(
        lang,
        "Каждое новое объявление срока — отдельная полоса под первой: перенос виден сразу.",
        "Each new announcement of a window is a bar under the first, so slips show at a glance.",
    );
    Ok(Section {
        id: "launches".into(),
        level: 2,
        title: pick(lang, "Запуски", "Launches").into(),
        blocks: vec![Block::Para(text(intro)), chart, Block::Table(table)],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifts_read_in_years_when_whole() {
        assert_eq!(duration(96, Lang::Ru), "8 лет");
        assert_eq!(duration(24, Lang::Ru), "2 года");
        assert_eq!(duration(12, Lang::Ru), "1 год");
        assert_eq!(duration(132, Lang::Ru), "11 лет");
        assert_eq!(duration(18, Lang::Ru), "18 мес.");
        assert_eq!(duration(12, Lang::En), "1 year");
    }
}
