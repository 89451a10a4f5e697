//! The targets section: per metric with targets, the target chart and a
//! table of every target beside the latest actual, from
//! `compare::targets`; each figure traced back to its record.

use chrono::NaiveDate;
use polars::prelude::*;

use crate::chart::Lang;
use crate::chart::rows::{RecordRow, by_record_id, floats, strs};
use crate::chart::words::{self, pick};
use crate::chart::{ChartKind, ChartSpec};
use crate::compare;
use crate::record::Metric;
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

fn target_lines<'a>(df: &DataFrame, rows: &'a [RecordRow]) -> PolarsResult<Vec<TargetLine<'a>>> {
    // The comparison names the records of the target and of the actual.
    let index = by_record_id(rows);
    let by_id = |id: &Option<String>| id.as_deref().and_then(|i| index.get(i).copied());
    let (targets, actuals) = (strs(df, "target_record_id")?, strs(df, "actual_record_id")?);
    let share = floats(df, "share_pct")?;
    let mut out = Vec::new();
    for i in 0..df.height() {
        let Some(target) = by_id(&targets[i]) else {
            continue;
        };
        out.push(TargetLine {
            target,
            actual: by_id(&actuals[i]),
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
