//! The extraction pipeline: document → sentences → tokens → mentions →
//! classified records. One pass reads every sentence (mentions, cues,
//! parties, plants); a second builds the records, each sentence with the
//! context of the ones before it in its paragraph.

use chrono::NaiveDate;

use crate::classify::plant::{self, Plant};
use crate::classify::subject::{self, Party};
use crate::classify::{Cue, cost, cues, filters, metric, status};
use crate::dims::{self, Anchor, Kind, Mention, Period};
use crate::lexicon;
use crate::record::{Metric, Qualifier, Record, Status};
use crate::text::Document;
use crate::text::sentence::{self, Sentence};
use crate::text::token::{self, Token};

/// One sentence, read: what the rules saw in it.
#[derive(Debug)]
pub struct Reading<'l> {
    /// Where it is.
    pub sentence: Sentence,
    /// Its tokens.
    pub toks: Vec<Token>,
    /// Numbers, money, quantities, percents, dates.
    pub mentions: Vec<Mention>,
    /// Metric cues.
    pub metric_cues: Vec<Cue<'l>>,
    /// Status cues.
    pub status_cues: Vec<Cue<'l>>,
    /// Launch cues.
    pub launch_cues: Vec<Cue<'l>>,
    /// Parties named.
    pub parties: Vec<Party>,
    /// Plants named.
    pub plants: Vec<Plant>,
    /// The records it gave.
    pub records: Vec<Record>,
}

/// Every record of one document, in text order.
pub fn extract(doc: &Document) -> Vec<Record> {
    read(doc).into_iter().flat_map(|r| r.records).collect()
}

/// Reads a document and builds its records, keeping what each sentence
/// showed the rules (for `explain`).
pub fn read(doc: &Document) -> Vec<Reading<'static>> {
    let anchor = Anchor {
        published: doc.published,
    };
    let mut readings: Vec<Reading> = sentence::split(&doc.text)
        .into_iter()
        .map(|s| read_sentence(&doc.text, s, anchor))
        .collect();
    let all: Vec<Party> = readings.iter().flat_map(|r| r.parties.clone()).collect();
    let doc_parties = subject::rank(&all);
    let mut previous = None;
    for i in 0..readings.len() {
        let ctx = context(&readings, i, &doc_parties, previous);
        let records = build(doc, &readings[i], &ctx);
        if let Some(last) = records
            .iter()
            .rev()
            .find(|r| r.metric != Metric::LaunchDate)
        {
            previous = Some(last.metric);
        }
        readings[i].records = records;
    }
    readings
}

fn read_sentence(text: &str, s: Sentence, anchor: Anchor) -> Reading<'static> {
    let toks = token::tokenize(text, s.start, s.end);
    let mentions = dims::find(&toks, anchor);
    Reading {
        sentence: s,
        metric_cues: cues(lexicon::metric_cues(), &toks),
        status_cues: cues(lexicon::status_cues(), &toks),
        launch_cues: cues(lexicon::launch_cues(), &toks),
        parties: subject::parties_in(&toks),
        plants: plant::find(&toks),
        mentions,
        toks,
        records: Vec::new(),
    }
}

/// What a sentence borrows from the ones before it in its paragraph.
struct Context {
    parties: Vec<String>,
    doc_parties: Vec<String>,
    status: Option<Status>,
    plant: Option<Plant>,
    previous_metric: Option<Metric>,
}

fn context(rs: &[Reading], i: usize, doc_parties: &[String], previous: Option<Metric>) -> Context {
    let para = rs[i].sentence.paragraph;
    let before: Vec<&Reading> = rs[..i]
        .iter()
        .rev()
        .take(2)
        .filter(|r| r.sentence.paragraph == para)
        .collect();
    Context {
        parties: subject::codes(before.iter().flat_map(|r| r.parties.iter())),
        doc_parties: doc_parties.to_vec(),
        status: before
            .first()
            .and_then(|r| status::of_sentence(&r.status_cues)),
        plant: before.iter().find_map(|r| {
            r.plants
                .iter()
                .rev()
                .find(|p| !p.keys().is_empty())
                .cloned()
        }),
        previous_metric: previous,
    }
}

fn build(doc: &Document, r: &Reading, ctx: &Context) -> Vec<Record> {
    let launches: Vec<(&Mention, String)> = r
        .mentions
        .iter()
        .filter(|m| m.kind == Kind::Date)
        .filter_map(|m| launch_cue(r, m).map(|c| (m, c)))
        .collect();
    let mut out: Vec<Record> = Vec::new();
    for (k, m) in r.mentions.iter().enumerate().filter(|(_, m)| m.is_figure()) {
        if filters::skip(&r.toks, &r.mentions, m) {
            continue;
        }
        if let Some(rec) = filters::restated(doc, r, k, &out) {
            out.push(rec);
            continue;
        }
        let before = out
            .iter()
            .rev()
            .find(|x| {
                x.unit == m.unit.clone().filter(|_| m.kind == Kind::Money) && m.kind == Kind::Money
            })
            .map(|x| x.metric);
        if let Some(rec) = figure_record(doc, r, ctx, m, &launches, before) {
            out.push(rec);
        }
    }
    for (m, cue) in &launches {
        out.extend(launch_records(doc, r, ctx, m, cue));
    }
    out.sort_by_key(|x| x.span_start);
    out
}

/// The launch cue that makes a date a launch window, if one is near.
fn launch_cue(r: &Reading, m: &Mention) -> Option<String> {
    r.launch_cues
        .iter()
        .filter(|c| c.entry.col(1).is_empty() || !r.plants.is_empty())
        .map(|c| {
            (
                cost(
                    &r.toks,
                    &r.mentions,
                    (c.start, c.end),
                    (m.tok_start, m.tok_end),
                ),
                c,
            )
        })
        .filter(|(k, _)| *k <= 12)
        .min_by_key(|(k, _)| *k)
        .map(|(_, c)| c.name("launch_cues"))
}

fn figure_record(
    doc: &Document,
    r: &Reading,
    ctx: &Context,
    m: &Mention,
    launches: &[(&Mention, String)],
    money_before: Option<Metric>,
) -> Option<Record> {
    if m.vague || m.value.is_none() {
        return None;
    }
    let (metric, metric_rule) =
        metric::metric_for(m, &r.toks, &r.mentions, &r.metric_cues, ctx.previous_metric).or_else(
            || money_before.map(|x| (x, "metric:<as the amount before it>".to_string())),
        )?;
    let mut rec = base_record(doc, r, m, metric);
    rec.rules.push(metric_rule);
    if metric == Metric::Capacity && !rec.unit.as_deref().unwrap_or("").ends_with("/yr") {
        rec.unit = rec.unit.map(|u| format!("{u}/yr"));
    }
    let governed = status::governed(&r.toks, m);
    if let Some((_, q, _)) = &governed {
        rec.qualifier = *q;
    }
    let period = figure_period(r, m, metric, launches);
    let fig = (m.tok_start, m.tok_end);
    let (st, rule) = match governed {
        Some((s, _, rule)) => (s, rule),
        None => pick_status(r, ctx, fig, metric, period, doc.published),
    };
    // A design capacity is planned even while the plant is being built.
    rec.status = if metric == Metric::Capacity && st == Status::Ongoing {
        Status::Planned
    } else {
        st
    };
    rec.rules.push(rule);
    if let Some(p) = period {
        let yearly = matches!(
            metric,
            Metric::TradeTurnover | Metric::Exports | Metric::Imports | Metric::Output
        );
        let flow_goal = p.deadline && yearly && st != Status::Actual;
        rec.period_start = if flow_goal {
            p.end.and_then(year_start)
        } else {
            p.start
        };
        rec.period_end = p.end;
    }
    let (subj, rule) = subject_for(r, ctx, m.tok_start, metric);
    rec.subject = subj;
    rec.rules.push(rule);
    Some(rec)
}

fn year_start(d: NaiveDate) -> Option<NaiveDate> {
    use chrono::Datelike;
    NaiveDate::from_ymd_opt(d.year(), 1, 1)
}

fn pick_status(
    r: &Reading,
    ctx: &Context,
    fig: (usize, usize),
    metric: Metric,
    period: Option<Period>,
    published: Option<NaiveDate>,
) -> (Status, String) {
    if let Some(found) = status::from_cues(&r.toks, &r.mentions, &r.status_cues, fig) {
        return found;
    }
    if r.status_cues.is_empty() {
        if let Some(s) = ctx.status {
            return (s, "status:<from the sentence before>".into());
        }
    }
    let p = period.map_or((None, None), |p| (p.start, p.end));
    (
        status::default_for(metric, p, published),
        "status:<default>".into(),
    )
}

/// The period of a figure: for flows the nearest date that is not a
/// launch window; for stocks only a deadline or `за`/`по итогам` span;
/// capacity has none.
fn figure_period(
    r: &Reading,
    m: &Mention,
    metric: Metric,
    launches: &[(&Mention, String)],
) -> Option<Period> {
    if metric == Metric::Capacity {
        return None;
    }
    let projects = matches!(metric, Metric::ProjectsCount | Metric::ProjectsValue);
    r.mentions
        .iter()
        .filter(|d| d.kind == Kind::Date)
        .filter(|d| projects || !launches.iter().any(|(l, _)| l.tok_start == d.tok_start))
        .map(|d| {
            (
                cost(
                    &r.toks,
                    &r.mentions,
                    (d.tok_start, d.tok_end),
                    (m.tok_start, m.tok_end),
                ),
                d,
            )
        })
        .filter(|(k, _)| *k <= 25)
        .min_by_key(|(k, _)| *k)
        .and_then(|(_, d)| d.period)
}

fn base_record(doc: &Document, r: &Reading, m: &Mention, metric: Metric) -> Record {
    let (b0, b1) = m.span(&r.toks);
    Record {
        doc_id: doc.id.clone(),
        published: doc.published,
        date_basis: doc.date_basis,
        published_precision: doc.precision,
        metric,
        subject: None,
        status: Status::Actual,
        value: m.value,
        value_max: m.value_max,
        unit: m.unit.clone(),
        qualifier: m.qualifier,
        period_start: None,
        period_end: None,
        quote: r.sentence.text(&doc.text).to_string(),
        span_start: char_offset(&doc.text, b0),
        span_end: char_offset(&doc.text, b1),
        rules: m.rules.iter().map(|s| s.to_string()).collect(),
    }
}

fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// Metrics that belong to one plant when one is named.
fn plant_level(metric: Metric) -> bool {
    matches!(
        metric,
        Metric::Capacity
            | Metric::Output
            | Metric::LaunchDate
            | Metric::Investment
            | Metric::Exports
    )
}

/// The plant a figure at token `at` belongs to: the nearest named before
/// it, else after it, else the one the paragraph was about.
fn plant_for<'a>(r: &'a Reading, ctx: &'a Context, at: usize) -> Option<&'a Plant> {
    let named: Vec<&Plant> = r.plants.iter().filter(|p| !p.keys().is_empty()).collect();
    named
        .iter()
        .rev()
        .find(|p| p.start <= at)
        .or_else(|| named.first())
        .copied()
        .or_else(|| {
            if r.parties.is_empty() {
                ctx.plant.as_ref()
            } else {
                None
            }
        })
}

fn subject_for(r: &Reading, ctx: &Context, at: usize, metric: Metric) -> (Option<String>, String) {
    if plant_level(metric) {
        if let Some(p) = plant_for(r, ctx, at) {
            return (p.keys().into_iter().next(), "subject:<plant>".into());
        }
    }
    let own = subject::codes(&r.parties);
    if matches!(metric, Metric::Exports | Metric::Imports) {
        let others = subject::parties_for(&own, &ctx.parties, &ctx.doc_parties);
        let dir = subject::direction(metric, &r.toks, &r.parties, &others);
        return match dir {
            Some(d) => (Some(d), "subject:<direction>".into()),
            None => (subject::key(&others), "subject:<parties>".into()),
        };
    }
    if matches!(metric, Metric::Output | Metric::Capacity) {
        return (subject::key(&own), "subject:<sentence parties>".into());
    }
    let all = subject::parties_for(&own, &ctx.parties, &ctx.doc_parties);
    (subject::key(&all), "subject:<parties>".into())
}

fn launch_records(
    doc: &Document,
    r: &Reading,
    ctx: &Context,
    m: &Mention,
    cue: &str,
) -> Vec<Record> {
    let mut base = base_record(doc, r, m, Metric::LaunchDate);
    base.value = None;
    base.value_max = None;
    base.unit = None;
    base.qualifier = Qualifier::Exact;
    base.rules.push(cue.to_string());
    let p = m.period.expect("a date mention has a period");
    base.period_start = p.start;
    base.period_end = p.end;
    let (st, rule) = pick_status(
        r,
        ctx,
        (m.tok_start, m.tok_end),
        Metric::LaunchDate,
        Some(p),
        doc.published,
    );
    base.status = st;
    base.rules.push(rule);
    let keys = plant_for(r, ctx, m.tok_start)
        .map(Plant::keys)
        .unwrap_or_default();
    if keys.is_empty() {
        let (subj, rule) = subject_for(
            &Reading {
                plants: Vec::new(),
                ..shallow(r)
            },
            ctx,
            m.tok_start,
            Metric::TradeTurnover,
        );
        base.subject = subj;
        base.rules.push(rule);
        return vec![base];
    }
    keys.into_iter()
        .map(|k| {
            let mut rec = base.clone();
            rec.subject = Some(k);
            rec.rules.push("subject:<plant>".into());
            rec
        })
        .collect()
}

fn shallow<'l>(r: &Reading<'l>) -> Reading<'l> {
    Reading {
        sentence: r.sentence,
        toks: r.toks.clone(),
        mentions: Vec::new(),
        metric_cues: Vec::new(),
        status_cues: Vec::new(),
        launch_cues: Vec::new(),
        parties: r.parties.clone(),
        plants: Vec::new(),
        records: Vec::new(),
    }
}
