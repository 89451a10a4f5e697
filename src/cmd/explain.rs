//! `factline explain`: every rule that fires on a sentence (or a short
//! text), with the words it matched, and the records that come out.
//!
//! Examples:
//!
//! ```text
//! factline explain "Товарооборот за 11 месяцев 2021 года составил 423,3 миллиона долларов." --published 2022-01-24
//! ```

use std::io::Write;

use chrono::NaiveDate;

use super::common::parse_date;
use crate::classify::Cue;
use crate::extract::{self, Reading};
use crate::record::DateBasis;
use crate::text::Document;
use crate::ui::Ctx;

/// Arguments of `factline explain`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The sentence (or text) to explain.
    pub text: String,
    /// Publication date, for relative dates (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub published: Option<NaiveDate>,
}

/// Runs `factline explain`.
pub fn run(args: Args, _ctx: &Ctx) -> anyhow::Result<()> {
    let mut doc = Document::new("explain", args.text);
    if let Some(d) = args.published {
        doc = doc.with_published(d, DateBasis::Metadata);
    }
    let mut out = std::io::stdout().lock();
    for r in extract::read(&doc) {
        write_reading(&mut out, &doc.text, &r)?;
    }
    Ok(())
}

fn cue_lines(
    out: &mut impl Write,
    text: &str,
    r: &Reading,
    what: &str,
    cues: &[Cue],
) -> std::io::Result<()> {
    for c in cues {
        let s = &text[r.toks[c.start].start..r.toks[c.end - 1].end];
        writeln!(
            out,
            "  {what:<7} {:<28} {s:?} → {}  ({})",
            c.entry.pattern,
            c.entry.cols.join(" "),
            c.entry.place()
        )?;
    }
    Ok(())
}

/// The words of a sentence the grammar's lexicons and word lists know,
/// each with the file and line that lists it.
fn lexicon_lines(out: &mut impl Write, text: &str, r: &Reading) -> std::io::Result<()> {
    let g = r.grammar;
    let words = |a: usize, n: usize| &text[r.toks[a].start..r.toks[a + n - 1].end];
    for p in &r.parties {
        let entry = [g.parties, g.places]
            .iter()
            .find_map(|set| set.longest_at(&r.toks, p.start));
        let at = entry.map_or("a pair of parties".into(), |(_, e)| e.place());
        let s = words(p.start, p.end - p.start);
        writeln!(out, "  party   {:<28} {s:?} → {}  ({at})", p.form, p.code)?;
    }
    let all = r.toks.len();
    for (what, set) in [("place", g.places), ("product", g.products)] {
        for (i, n, e) in set.find_all(&r.toks, 0, all) {
            let s = words(i, n);
            let cols = e.cols.join(" ");
            writeln!(
                out,
                "  {what:<7} {:<28} {s:?} → {cols}  ({})",
                e.pattern,
                e.place()
            )?;
        }
    }
    for (i, t) in r.toks.iter().enumerate() {
        let stem = g
            .not_launch
            .iter()
            .find(|n| t.lower.starts_with(n.as_str()));
        let hits = [
            ("one plant", g.one_plant.place(&t.lower)),
            ("not launch", stem.and_then(|n| g.not_launch.place(n))),
        ];
        for (list, at) in hits {
            if let Some(at) = at {
                writeln!(out, "  word    {list:<28} {:?}  ({at})", words(i, 1))?;
            }
        }
    }
    Ok(())
}

fn write_reading(out: &mut impl Write, text: &str, r: &Reading) -> std::io::Result<()> {
    writeln!(out, "sentence {:?}", r.sentence.text(text))?;
    for m in &r.mentions {
        let (a, b) = m.span(&r.toks);
        let value = match (m.value, m.value_max, &m.period) {
            (_, _, Some(p)) => format!("{} {}", period(p.start, p.end), p.grain.as_str()),
            (Some(v), Some(x), _) => format!("{v}..{x}"),
            (Some(v), None, _) => format!("{v}"),
            _ => "vague".into(),
        };
        writeln!(
            out,
            "  {:<7} {:<28} {:?} = {value} {} {}",
            m.kind.as_str(),
            m.rules.join(" + "),
            &text[a..b],
            m.unit.as_deref().unwrap_or(""),
            m.qualifier
        )?;
    }
    cue_lines(out, text, r, "metric", &r.metric_cues)?;
    cue_lines(out, text, r, "status", &r.status_cues)?;
    cue_lines(out, text, r, "launch", &r.launch_cues)?;
    lexicon_lines(out, text, r)?;
    for p in &r.plants {
        writeln!(
            out,
            "  plant   {:<28} {:?}",
            p.keys().join(", "),
            p.products
        )?;
    }
    for rec in &r.records {
        writeln!(
            out,
            "  record  {}",
            serde_json::to_string(rec).unwrap_or_default()
        )?;
    }
    Ok(())
}

/// A period as a reader writes it: `2021-01-01 … 2021-11-30`, `… 2027-12-31`
/// for a deadline, `2024-03-01 …` for an open end.
fn period(start: Option<NaiveDate>, end: Option<NaiveDate>) -> String {
    let day = |d: Option<NaiveDate>| d.map(|d| d.to_string());
    match (day(start), day(end)) {
        (Some(s), Some(e)) if s == e => s,
        (Some(s), Some(e)) => format!("{s} … {e}"),
        (None, Some(e)) => format!("… {e}"),
        (Some(s), None) => format!("{s} …"),
        (None, None) => "(no date)".into(),
    }
}
