//! `factline mentions`: every number, amount, quantity, percent, date,
//! duration and frequency (`set`) the rules recognise, one line each, with character offsets.
//!
//! Examples:
//!
//! ```text
//! factline mentions seeds                          # table on a terminal
//! factline mentions article.txt --format jsonl --kind money,date
//! echo "Объём инвестиций превысил 1,5 трлн тенге к концу III квартала 2024 г." | factline mentions -
//! ```
//!
//! JSONL fields: `doc_id`, `kind`, `text`, `start`, `end` (char offsets,
//! end exclusive), `value`, `value_max`, `unit`, `qualifier`,
//! `period_start`, `period_end`, `grain`, `rules`.

use std::io::Write;

use comfy_table::{ContentArrangement, Table};
use rayon::prelude::*;

use super::common::{Format, InputArgs};
use crate::dims::Kind;
use crate::extract::{Found, mentions_in};
use crate::output::{csv_field, csv_text, number};
use crate::ui::Ctx;

/// Arguments of `factline mentions`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where the documents come from.
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format (default: table on a terminal, jsonl otherwise).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Kinds to list, comma-separated (number, money, quantity, percent, date,
    /// duration, set).
    #[arg(long, value_delimiter = ',', value_parser = parse_kind)]
    pub kind: Vec<Kind>,
}

fn parse_kind(s: &str) -> Result<Kind, String> {
    Kind::parse(s).ok_or_else(|| {
        format!("{s:?} is not one of number, money, quantity, percent, date, duration, set")
    })
}

/// Runs `factline mentions`.
pub fn run(args: Args, ctx: &Ctx) -> anyhow::Result<()> {
    let format = Format::or_default(args.format);
    let keep = |f: &Found| args.kind.is_empty() || args.kind.contains(&f.kind);
    let mut out = crate::output::stdout_buffered();
    let mut table = Table::new();
    table.set_content_arrangement(ContentArrangement::Dynamic);
    table.set_header([
        "doc", "kind", "text", "start", "end", "value", "max", "unit", "qual", "from", "to",
        "grain",
    ]);
    if format == Format::Csv {
        crate::output::csv_start(&mut out)?;
        writeln!(
            out,
            "doc_id,kind,text,start,end,value,value_max,unit,qualifier,period_start,period_end,grain,rules"
        )?;
    }
    let mut n = 0;
    // Documents stream through in batches, each on all cores, in order.
    let (docs, _) = args.input.for_each_batch(8 << 20, |batch| {
        let all: Vec<Vec<Found>> = batch
            .par_iter()
            .map(|(d, lang)| mentions_in(d, *lang))
            .collect();
        for f in all.iter().flatten().filter(|f| keep(f)) {
            n += 1;
            match format {
                Format::Jsonl => {
                    serde_json::to_writer(&mut out, f)?;
                    out.write_all(b"\n")?;
                }
                Format::Csv => {
                    // Text columns are guarded; offsets, values and dates are not.
                    let text = |i: usize| matches!(i, 0 | 1 | 2 | 7 | 8 | 11);
                    let mut row: Vec<String> = cells(f)
                        .iter()
                        .enumerate()
                        .map(|(i, c)| if text(i) { csv_text(c) } else { csv_field(c) })
                        .collect();
                    // The rules as one cell, as every CSV writes them.
                    row.push(csv_text(&f.rules.join(" | ")));
                    writeln!(out, "{}", row.join(","))?;
                }
                Format::Table => {
                    table.add_row(cells(f));
                }
            }
        }
        Ok(())
    })?;
    if format == Format::Table {
        writeln!(out, "{table}")?;
    }
    out.flush()?;
    ctx.note(format!(
        "{} in {}",
        crate::ui::count(n, "mention"),
        crate::ui::count(docs, "document")
    ));
    Ok(())
}

fn cells(f: &Found) -> Vec<String> {
    let opt = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    vec![
        f.doc_id.clone(),
        f.kind.as_str().into(),
        f.text.clone(),
        f.start.to_string(),
        f.end.to_string(),
        f.value.map(number).unwrap_or_default(),
        f.value_max.map(number).unwrap_or_default(),
        f.unit.clone().unwrap_or_default(),
        f.qualifier.as_str().into(),
        opt(f.period_start),
        opt(f.period_end),
        f.grain.unwrap_or("").into(),
    ]
}
