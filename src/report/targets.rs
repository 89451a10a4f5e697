//! The targets section: per metric with targets, the target chart and a
//! table of every target, both laid out from `compare::targets`: the
//! actual each target meets (its own period's, or a partial one marked
//! with its period, or none) and the share are `compare`'s, so the chart
//! and the table show the same rows.

use crate::chart::compared::{Compared, TargetLine};
use crate::chart::labels::word;
use crate::chart::state::target_words;
use crate::chart::words;
use crate::chart::{ChartKind, ChartSpec, Lang};
use crate::record::Metric;
use crate::report::gather::{Charts, Options};
use crate::report::model::{Block, Inline, Section, Table, num, text};

/// The section.
pub fn targets(c: &Compared, charts: &mut Charts, opts: &Options) -> anyhow::Result<Section> {
    let lang = opts.lang;
    let mut blocks = Vec::new();
    for metric in Metric::ALL {
        let of_metric: Vec<&TargetLine> = c.targets.iter().filter(|t| t.metric == metric).collect();
        if of_metric.is_empty() {
            continue;
        }
        let spec = ChartSpec::new(ChartKind::Target, metric)
            .lang(lang)
            .as_of(opts.as_of);
        blocks.push(charts.add(spec, c)?);
        blocks.push(Block::Table(table(&of_metric, lang)));
    }
    if blocks.is_empty() {
        let none = word(lang, "targets.the_documents_state_no");
        blocks.push(Block::Para(text(none)));
    }
    Ok(Section {
        id: "targets".into(),
        level: 2,
        title: word(lang, "targets.targets_and_actuals").into(),
        blocks,
    })
}

fn table(lines: &[&TargetLine], lang: Lang) -> Table {
    let mut table = Table::new(&[
        word(lang, "targets.subject"),
        word(lang, "targets.target"),
        word(lang, "targets.deadline"),
        word(lang, "targets.stated"),
        word(lang, "targets.actual"),
    ]);
    for t in lines.iter().take(crate::chart::state::MAX_TARGET_ROWS) {
        let unit = t.unit.as_deref().unwrap_or("");
        let goal = words::qualified(
            t.target_value,
            t.target_value_max,
            unit,
            &t.target_qualifier,
            lang,
        );
        let said: Vec<Inline> = match &t.actual_id {
            Some(id) => num(target_words(t, lang), id),
            None => text(no_actual(t, lang)),
        };
        table.push(vec![
            text(words::subject_name(
                t.subject.as_deref().unwrap_or(""),
                lang,
            )),
            num(goal, &t.target_id),
            text(
                t.target_end
                    .map(|d| words::format_date(d, lang))
                    .unwrap_or_else(|| "—".into()),
            ),
            text(
                t.target_published
                    .map(|d| words::format_date(d, lang))
                    .unwrap_or_default(),
            ),
            said,
        ]);
    }
    table
}

/// The actual cell of a target no actual meets: a dash and why. The
/// target is in its own column; written again here, it read as the
/// actual (`1 млрд долл., без срока` under `Факт`).
fn no_actual(t: &TargetLine, lang: Lang) -> String {
    let why = match t.matched.as_str() {
        "no_period" => "kinds.no_deadline",
        _ => "kinds.no_actual_for_its",
    };
    format!("—, {}", word(lang, why))
}
