//! The figures: one section per series of `compare::series` — metric,
//! subject and grain (launch dates have their own section) — with its
//! chart (for the [`MAX_CHARTS`] largest) and a table of its points. A
//! point is one figure however often it was said; its sources are listed
//! beside it. A section's chart shows exactly that section's points: its
//! spec names the metric, the subject and the grain.

use std::collections::BTreeMap;

use crate::chart::compared::{Compared, SeriesPoint};
use crate::chart::labels::{fill, word};
use crate::chart::words;
use crate::chart::{ChartKind, ChartSpec, Lang};
use crate::record::Metric;
use crate::report::gather::{Charts, Options};
use crate::report::model::{Block, Inline, Section, Table, num, text};

/// The most series a report draws charts for: a feed of thousands of
/// articles names hundreds of plants, and a page of a thousand charts is
/// read by nobody; the largest series get charts, the others a table.
pub const MAX_CHARTS: usize = 40;

/// The most sections of their own; the other series are one row each
/// (their latest point) in one table.
pub const MAX_SECTIONS: usize = 100;

/// The most rows a section's table shows (its latest points); the rest
/// are in `records.csv`.
pub const MAX_ROWS: usize = 25;

/// A series: metric, subject, grain.
type Key = (Metric, String, String);

/// The series by key, largest (most points) first.
fn ranked(c: &Compared) -> Vec<(Key, Vec<&SeriesPoint>)> {
    let mut groups: BTreeMap<Key, Vec<&SeriesPoint>> = BTreeMap::new();
    for p in &c.series {
        let key = (
            p.metric,
            p.subject.clone().unwrap_or_default(),
            p.grain.clone(),
        );
        groups.entry(key).or_default().push(p);
    }
    let mut out: Vec<(Key, Vec<&SeriesPoint>)> = groups.into_iter().collect();
    out.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    out
}

/// The spec of a series' chart: a stock by publication date, anything
/// else on its periods, one grain.
pub fn spec_of(key: &Key, opts: &Options) -> ChartSpec {
    let (metric, subject, grain) = key;
    let kind = if grain == "stock" {
        ChartKind::Stock
    } else {
        ChartKind::Line
    };
    let mut spec = ChartSpec::new(kind, *metric)
        .lang(opts.lang)
        .as_of(opts.as_of);
    if kind == ChartKind::Line {
        spec = spec.grain(grain.clone());
    }
    spec.subject = (!subject.is_empty()).then(|| subject.clone());
    spec
}

/// The "Figures" heading and one section per series, in metric order.
pub fn metric_sections(
    c: &Compared,
    charts: &mut Charts,
    opts: &Options,
) -> anyhow::Result<Vec<Section>> {
    let lang = opts.lang;
    let mut sections = vec![Section {
        id: "metrics".into(),
        level: 2,
        title: word(lang, "sections.figures").into(),
        blocks: vec![],
    }];
    let mut all = ranked(c);
    let rest = all.split_off(all.len().min(MAX_SECTIONS));
    let drawn = MAX_CHARTS.min(all.len());
    let mut own: Vec<(usize, Key, Vec<&SeriesPoint>)> = all
        .into_iter()
        .enumerate()
        .map(|(i, (k, v))| (i, k, v))
        .collect();
    own.sort_by(|a, b| a.1.cmp(&b.1));
    for (rank, key, points) in own {
        let spec = spec_of(&key, opts);
        let mut blocks = Vec::new();
        // A chart of "no subject" would be a chart of every subject.
        if rank < drawn && !key.1.is_empty() && chartable(&key, &points) {
            blocks.push(charts.add(spec.clone(), c)?);
        }
        blocks.push(Block::Table(points_table(&points, lang)));
        sections.push(Section {
            id: format!("m-{}", spec.file_stem()),
            level: 3,
            title: section_title(&key, lang),
            blocks,
        });
    }
    if !rest.is_empty() {
        sections.push(other_series(&rest, lang));
    }
    Ok(sections)
}

/// Whether a series' chart would show anything: a stock chart draws no
/// targets, a line no actual stated before its period.
fn chartable(key: &Key, points: &[&SeriesPoint]) -> bool {
    let stock = key.2 == "stock";
    points
        .iter()
        .any(|p| !(p.ahead || stock && p.status == crate::record::Status::Target))
}

fn section_title(key: &Key, lang: Lang) -> String {
    let (metric, subject, grain) = key;
    let subject = if subject.is_empty() {
        "—".to_string()
    } else {
        words::subject_name(subject, lang)
    };
    let grain = words::grain_name(grain, lang);
    let mut title = format!("{}: {subject}", words::metric_name(*metric, lang));
    if !grain.is_empty() {
        title.push_str(&format!(" ({grain})"));
    }
    title
}

/// A series' points, latest last, at most [`MAX_ROWS`].
fn points_table(points: &[&SeriesPoint], lang: Lang) -> Table {
    let mut table = Table::new(&[
        word(lang, "sections.period"),
        word(lang, "sections.status"),
        word(lang, "sections.value"),
        word(lang, "sections.change"),
        word(lang, "sections.first_said"),
        word(lang, "sections.sources"),
    ]);
    let skip = points.len().saturating_sub(MAX_ROWS);
    for p in points.iter().skip(skip) {
        table.push(point_row(p, lang));
    }
    if skip > 0 {
        table.push(vec![text(fill(
            lang,
            "sections.earlier_rows",
            &[("skip", &skip)],
        ))]);
    }
    table
}

/// One point: period (with a warning when stated before it began),
/// status, value linked to its record, change, first date, sources.
pub fn point_row(p: &SeriesPoint, lang: Lang) -> Vec<Vec<Inline>> {
    let mut period = words::format_period(p.period_start, p.period_end, lang);
    if period.is_empty() {
        period = word(lang, "sections.as_of_date").to_string();
    }
    if p.ahead {
        period.push_str(word(lang, "sections.the_period_began_after"));
    }
    let change = p
        .change_pct
        .map(|c| {
            format!(
                "{}{} %",
                if c > 0.0 { "+" } else { "" },
                words::format_number((c * 10.0).round() / 10.0, lang)
            )
        })
        .unwrap_or_default();
    let first = p
        .published
        .map(|d| words::format_date(d, lang))
        .unwrap_or_default();
    vec![
        text(period),
        text(words::status_name(p.status, lang)),
        num(value_text(p, lang), &p.record_id),
        text(change),
        text(first),
        text(p.doc_ids.clone()),
    ]
}

/// A point's figure with its qualifier ("около 1 млрд долл.").
pub fn value_text(p: &SeriesPoint, lang: Lang) -> String {
    let unit = p.unit.as_deref().unwrap_or("");
    words::qualified(p.value, p.value_max, unit, &p.qualifier, lang)
}

/// Series past [`MAX_SECTIONS`]: their latest point, one row each.
fn other_series(rest: &[(Key, Vec<&SeriesPoint>)], lang: Lang) -> Section {
    let mut table = Table::new(&[
        word(lang, "sections.series"),
        word(lang, "sections.points"),
        word(lang, "sections.period"),
        word(lang, "sections.value"),
    ]);
    for (key, points) in rest.iter().take(MAX_SECTIONS * 2) {
        let Some(last) = points.last() else { continue };
        table.push(vec![
            text(section_title(key, lang)),
            text(points.len().to_string()),
            text(words::format_period(
                last.period_start,
                last.period_end,
                lang,
            )),
            num(value_text(last, lang), &last.record_id),
        ]);
    }
    Section {
        id: "m-other".into(),
        level: 3,
        title: fill(lang, "sections.other_series", &[("n", &rest.len())]),
        blocks: vec![Block::Table(table)],
    }
}
