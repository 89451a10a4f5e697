//! The targets section: per metric with targets, the target chart and a
//! table of every target beside the latest actual, from
//! `compare::targets`; each figure traced back to its record.

use chrono::NaiveDate;
use polars::prelude::*;

use crate::chart::Lang;
use crate::chart::rows::{RecordRow, dates, floats, strs};
use crate::chart::words::{self, pick};
use crate::chart::{ChartKind, ChartSpec};
use crate::compare;
use crate::record::{Metric, Status};
use crate::report::gather::{Charts, Options, figure};
use crate::report::model::{Block, Inline, Section, Table, num, text};

/// The section.
pub fn targets(
    records: LazyFrame,
    rows: &[RecordRow],
    charts: &mut Charts,
    opts: &Options,
) -> anyhow::Result<Section> {
    let lang = opts.lang;
    let compared = compare::targets(records).collect()?;
    let lines = target_lines(&compared, rows)?;
    let mut blocks = Vec::new();
    for metric in Metric::ALL {
        let of_metric: Vec<&TargetLine> =
            lines.iter().filter(|l| l.target.metric == metric).collect();
        if of_metric.is_empty() {
            continue;
        }
        let spec = ChartSpec::new(ChartKind::Target, metric)
            .lang(lang)
            .as_of(opts.as_of);
        blocks.push(charts.add(spec, rows)?);
        blocks.push(Block::Table(table(&of_metric, lang)));
    }
    if blocks.is_empty() {
        let none = pick(
            lang,
            "В документах нет целевых показателей.",
            "The documents state no targets.",
        );
        blocks.push(Block::Para(text(none)));
    }
    Ok(Section {
        id: "targets".into(),
        level: 2,
        title: pick(lang, "Цели и факт", "Targets and actuals").into(),
        blocks,
    })
}

/// One row of `compare::targets`, as records.
#[derive(Debug)]
struct TargetLine<'a> {
    target: &'a RecordRow,
    actual: Option<&'a RecordRow>,
    share_pct: Option<f64>,
}

/// The record of one side of a comparison row: same metric, subject,
/// unit, status, document and value.
struct Key<'s> {
    metric: Option<&'s str>,
    subject: Option<&'s str>,
    unit: Option<&'s str>,
    status: Status,
    doc_id: Option<&'s str>,
    value: Option<f64>,
    period_end: Option<NaiveDate>,
}

fn find<'a>(rows: &'a [RecordRow], k: &Key) -> Option<&'a RecordRow> {
    rows.iter().find(|r| {
        Some(r.metric.as_str()) == k.metric
            && r.subject.as_deref() == k.subject
            && r.unit.as_deref() == k.unit
            && r.status == k.status
            && Some(r.doc_id.as_str()) == k.doc_id
            && r.value == k.value
            && r.period_end == k.period_end
    })
}

fn target_lines<'a>(df: &DataFrame, rows: &'a [RecordRow]) -> PolarsResult<Vec<TargetLine<'a>>> {
    let (metric, subject, unit) = (strs(df, "metric")?, strs(df, "subject")?, strs(df, "unit")?);
    let (t_doc, t_value, t_end) = (
        strs(df, "target_doc_id")?,
        floats(df, "target_value")?,
        dates(df, "target_period_end")?,
    );
    let (a_doc, a_value, a_end) = (
        strs(df, "actual_doc_id")?,
        floats(df, "actual_value")?,
        dates(df, "actual_period_end")?,
    );
    let share = floats(df, "share_pct")?;
    let mut out = Vec::new();
    for i in 0..df.height() {
        let target_key = Key {
            metric: metric[i].as_deref(),
            subject: subject[i].as_deref(),
            unit: unit[i].as_deref(),
            status: Status::Target,
            doc_id: t_doc[i].as_deref(),
            value: t_value[i],
            period_end: t_end[i],
        };
        let Some(target) = find(rows, &target_key) else {
            continue;
        };
        let actual_key = Key {
            status: Status::Actual,
            doc_id: a_doc[i].as_deref(),
            value: a_value[i],
            period_end: a_end[i],
            ..target_key
        };
        out.push(TargetLine {
            target,
            actual: find(rows, &actual_key),
            share_pct: share[i],
        });
    }
    Ok(out)
}

fn table(lines: &[&TargetLine], lang: Lang) -> Table {
    let mut table = Table::new(&[
        pick(lang, "Субъект", "Subject"),
        pick(lang, "Цель", "Target"),
        pick(lang, "Срок", "Deadline"),
        pick(lang, "Заявлена", "Stated"),
        pick(lang, "Последний факт", "Latest actual"),
        pick(lang, "Период факта", "Actual's period"),
        pick(lang, "Доля цели", "Share of target"),
    ]);
    for line in lines {
        let (goal, actual) = (line.target, line.actual);
        let day = |d: Option<NaiveDate>| d.map(|d| words::format_date(d, lang));
        let share: Vec<Inline> = match (actual, line.share_pct) {
            (Some(a), Some(p)) => num(
                format!("{} %", words::format_number(p.round(), lang)),
                &a.record_id,
            ),
            _ => text("—"),
        };
        table.push(vec![
            text(words::subject_name(
                goal.subject.as_deref().unwrap_or(""),
                lang,
            )),
            num(figure(goal, lang), &goal.record_id),
            match day(goal.period_end) {
                Some(d) => num(d, &goal.record_id),
                None => text("—"),
            },
            text(format!(
                "{} ({})",
                day(goal.published).unwrap_or_default(),
                goal.doc_id
            )),
            actual.map_or_else(|| text("—"), |a| num(figure(a, lang), &a.record_id)),
            text(
                actual
                    .map(|a| words::format_period(a.period_start, a.period_end, lang))
                    .unwrap_or_default(),
            ),
            share,
        ]);
    }
    table
}
