//! The extraction pipeline: document → sentences → tokens → mentions →
//! classified records. One pass reads every sentence (mentions, cues,
//! parties, plants); a second builds the records, each sentence with the
//! context of the ones before it in its paragraph.

use chrono::NaiveDate;

use crate::classify::plant::Plant;

mod context;
pub(crate) mod en;
mod found;
mod launch;
mod period;
mod refine;
pub(crate) mod ru;
mod subject_of;
pub mod topic;
mod trade;
use crate::classify::status::{StatusBy, StatusRule};
use crate::classify::subject::{self, Party};
use crate::classify::{Cue, cues, filters, metric, status};
use crate::dims::{self, Anchor, Kind, Mention, Period};
use crate::grammar::{self, Grammar};
use crate::lang::Lang;
use crate::lexicon::Entry;
use crate::record::{Metric, Record, Status};
use crate::text::Document;
use crate::text::sentence::Sentence;
use crate::text::token::Token;
use context::{Context, Said, context};
pub use found::{Found, mentions, mentions_in};
use launch::{added_object, launch_cue};
use period::{figure_period, headline_periods, set_period};
use subject_of::{launch_records, subject_for};

/// One sentence, read: what the rules saw in it.
#[derive(Debug)]
pub struct Reading<'l> {
    /// Where it is.
    pub sentence: Sentence,
    /// Its tokens.
    pub toks: Vec<Token>,
    /// The grammar that read it.
    pub grammar: &'static Grammar,
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
    /// Whether a figure stands in it or in one of the two sentences after
    /// it: its status cues and plants are read only then.
    pub near: bool,
    /// Plants named.
    pub plants: Vec<Plant>,
    /// The places lexicon's matches (token, length, entry), found once
    /// for the parties, the region and the context.
    pub places: Vec<(usize, usize, &'static Entry)>,
    /// The records it gave.
    pub records: Vec<Record>,
}

/// The most text read as one piece of a long document, in bytes: a
/// news article is one piece; a longer text is read piece by piece, cut
/// at paragraphs, so that memory stays bounded whatever its size.
const PIECE_BYTES: usize = 1 << 20;

/// Every record of one document, in text order, by the rules of the
/// language its letters show.
pub fn extract(doc: &Document) -> Vec<Record> {
    extract_in(doc, Lang::detect(&doc.text))
}

/// Every record of one document by the rules of one language.
pub fn extract_in(doc: &Document, lang: Lang) -> Vec<Record> {
    let Some(g) = grammar::of(lang) else {
        return Vec::new();
    };
    let sentences = g.sentences(&doc.text);
    let mut out = Vec::new();
    for piece in pieces(&sentences) {
        let readings = read_sentences(doc, piece, g);
        out.reserve(readings.iter().map(|r| r.records.len()).sum());
        for r in readings {
            out.extend(r.records);
        }
    }
    out
}

/// The sentences cut into runs of whole paragraphs of about
/// `PIECE_BYTES` each (one run for an article).
fn pieces(sentences: &[Sentence]) -> Vec<&[Sentence]> {
    let mut out = Vec::new();
    let mut from = 0;
    for i in 1..sentences.len() {
        let new_paragraph = sentences[i].paragraph != sentences[i - 1].paragraph;
        if new_paragraph && sentences[i].start - sentences[from].start >= PIECE_BYTES {
            out.push(&sentences[from..i]);
            from = i;
        }
    }
    out.push(&sentences[from..]);
    out
}

/// Reads a document and builds its records, keeping what each sentence
/// showed the rules (for `explain`).
pub fn read(doc: &Document) -> Vec<Reading<'static>> {
    let Some(g) = grammar::of(Lang::detect(&doc.text)) else {
        return Vec::new();
    };
    read_sentences(doc, &g.sentences(&doc.text), g)
}

/// Reads some sentences of a document (all of them, or one piece of a
/// long one) and builds their records.
fn read_sentences(
    doc: &Document,
    sentences: &[Sentence],
    g: &'static Grammar,
) -> Vec<Reading<'static>> {
    let anchor = Anchor {
        published: doc.published,
    };
    let mut first: Vec<(Sentence, Vec<Token>, Vec<Mention>)> = sentences
        .iter()
        .copied()
        .map(|s| {
            let toks = g.tokenize(&doc.text, s.start, s.end);
            let mentions = g.mentions(&toks, anchor);
            (s, toks, mentions)
        })
        .collect();
    for i in 1..first.len() {
        let (done, rest) = first.split_at_mut(i);
        let (_, toks, mentions) = &mut rest[0];
        g.records.fill_elided_after(&done[i - 1].2, toks, mentions);
    }
    // A sentence's status cues and plants serve its own figures and those
    // of the two sentences after it; far from any figure they are skipped.
    let near: Vec<bool> = (0..first.len())
        .map(|i| (i..first.len().min(i + 3)).any(|j| !first[j].2.is_empty()))
        .collect();
    let mut readings: Vec<Reading> = first
        .into_iter()
        .zip(near)
        .map(|((s, toks, mentions), near)| read_sentence(s, toks, mentions, near, g))
        .collect();
    g.records.fill_plants(&mut readings);
    // Towns count for their country in the document's parties: an article
    // from Петропавловск about `российские партнёры` is about KZ and RU.
    let all: Vec<Party> = readings
        .iter()
        .flat_map(|r| {
            r.parties
                .iter()
                .cloned()
                .chain(subject::place_parties(&r.places))
        })
        .collect();
    let doc_parties = subject::rank(&all);
    let topic = g.records.topic(&mut readings);
    let mut previous = None;
    let mut current: Option<(Plant, usize)> = None;
    let mut said = Said::default();
    for i in 0..readings.len() {
        if !readings[i].mentions.is_empty() {
            let mut ctx = context(&readings, i, &doc_parties, previous, &said);
            ctx.topic = topic.clone();
            // The plant a record was last keyed to, when that is more
            // recent than the plant last named.
            ctx.current = current
                .clone()
                .filter(|(_, k)| ctx.plant_at.is_none_or(|j| *k > j))
                .map(|c| c.0);
            readings[i].records = build(doc, &readings[i], &ctx);
        }
        if let Some(p) = readings[i]
            .records
            .iter()
            .rev()
            .find_map(|r| r.subject.as_deref().and_then(Plant::from_key))
        {
            current = Some((p, i));
        }
        if let Some(last) = readings[i]
            .records
            .iter()
            .rev()
            .find(|r| r.metric != Metric::LaunchDate)
        {
            previous = Some(last.metric);
        }
        said.after(&readings[i]);
    }
    headline_periods(&mut readings);
    refine::plant_keys(&mut readings);
    refine::restated_periods(&mut readings);
    readings
}

fn read_sentence(
    s: Sentence,
    toks: Vec<Token>,
    mentions: Vec<Mention>,
    near: bool,
    g: &'static Grammar,
) -> Reading<'static> {
    // Metric and launch cues only serve the sentence's own figures and
    // dates; a sentence with none skips them.
    let own = |set| {
        if mentions.is_empty() {
            Vec::new()
        } else {
            cues(set, &toks)
        }
    };
    let context = |set| if near { cues(set, &toks) } else { Vec::new() };
    // `долларов США` names a currency, not a party.
    let in_money = |p: &Party| {
        let dollar = |k: usize| g.records.names_currency(&toks[k]);
        let after_currency = match p.start {
            0 => false,
            1 => dollar(0),
            s => dollar(s - 1) || (toks[s - 1].is(".") && dollar(s - 2)),
        };
        after_currency
            || mentions.iter().any(|m| {
                m.kind == dims::Kind::Money && p.start >= m.tok_start && p.start < m.tok_end
            })
    };
    Reading {
        sentence: s,
        metric_cues: own(g.metric_cues),
        status_cues: context(g.status_cues),
        launch_cues: own(g.launch_cues),
        parties: g
            .records
            .parties_in(&toks)
            .into_iter()
            .filter(|p| !in_money(p))
            .collect(),
        plants: g.records.plants(&toks, near),
        near,
        places: g.places.find_all(&toks, 0, toks.len()),
        mentions,
        toks,
        grammar: g,
        records: Vec::new(),
    }
}

/// The status of the plant a record is about: that of the sentence that
/// named it (or of the sentence before that one).
fn plant_status(r: &Reading, ctx: &Context, subject: Option<&str>) -> Option<Status> {
    let key = subject.filter(|s| s.contains('/'))?;
    if r.plants.iter().any(|p| p.keys().iter().any(|k| k == key)) {
        return status::of_sentence(&r.status_cues).or(ctx.status_before);
    }
    ctx.plant
        .as_ref()
        .filter(|(p, _, _)| p.keys().iter().any(|k| k == key))
        .and_then(|x| x.2)
}

/// A unit without its rate (`t/yr` → `t`).
fn base_unit(u: &str) -> &str {
    u.trim_end_matches("/yr")
}

/// Flows: figures over a period rather than stocks at a date.
fn is_flow(metric: Metric) -> bool {
    matches!(
        metric,
        Metric::TradeTurnover | Metric::Exports | Metric::Imports | Metric::Output
    )
}

fn build(doc: &Document, r: &Reading, ctx: &Context) -> Vec<Record> {
    let launches: Vec<(&Mention, String)> = r
        .mentions
        .iter()
        .filter(|m| m.kind == Kind::Date)
        .filter_map(|m| launch_cue(r, m).map(|c| (m, c)))
        .collect();
    let mut out: Vec<Record> = Vec::new();
    // Where the status of each record of `out` came from.
    let mut bys: Vec<StatusBy> = Vec::new();
    for (k, m) in r.mentions.iter().enumerate().filter(|(_, m)| m.is_figure()) {
        if r.grammar.records.skip(&r.toks, &r.mentions, m) {
            continue;
        }
        if let Some((mut rec, from)) = filters::restated(doc, r, k, &out) {
            r.grammar.records.restated(&mut rec, out.last());
            out.push(rec);
            bys.push(bys[from]);
            continue;
        }
        // `… 1,1 млн тонн пшеницы на 352 млн долларов и 610 тыс. тонн муки
        // на 212,5 млн`: a figure with no cue of its own is the same
        // metric as the last one of its unit in the sentence.
        let before = out
            .iter()
            .rev()
            .filter(|x| x.metric != Metric::LaunchDate && x.unit.is_some())
            .find(|x| x.unit.as_deref().map(base_unit) == m.unit.as_deref().map(base_unit))
            .map(|x| x.metric)
            .or_else(|| listed_goods(r, m, &out));
        let goods = r.grammar.records.goods_metric(r, m, &out);
        if let Some((mut rec, by)) = figure_record(doc, r, ctx, m, &launches, (before, goods)) {
            listed_status(&mut rec, by, &out, &bys);
            out.push(rec);
            bys.push(by);
        }
    }
    for (m, cue) in &launches {
        out.extend(launch_records(doc, r, ctx, m, cue));
    }
    out.extend(added_object(doc, r, ctx));
    out.sort_by_key(|x| x.span_start);
    out
}

/// `завезли 2,3 тыс. тонн кондитерских изделий, 3,8 млн литров спирта,
/// …`: a quantity of goods listed right after the goods before it is the
/// same flow, in whatever unit.
fn listed_goods(r: &Reading, m: &Mention, out: &[Record]) -> Option<Metric> {
    let last = out.last()?;
    let flow = matches!(last.metric, Metric::Exports | Metric::Imports);
    let prev = r
        .mentions
        .iter()
        .rev()
        .find(|x| x.tok_end <= m.tok_start && x.is_figure())?;
    let gap = &r.toks[prev.tok_end..m.tok_start];
    let listed = gap.len() <= 6 && gap.last().is_some_and(|t| t.is(","));
    (flow && m.kind == dims::Kind::Quantity && prev.kind == dims::Kind::Quantity && listed)
        .then_some(last.metric)
}

/// `производит 500 тонн люцерны, …, 2 тысячи тонн ячменя`: a figure too
/// far from any cue continues the list of the one before it.
fn listed_status(rec: &mut Record, by: StatusBy, out: &[Record], bys: &[StatusBy]) {
    if by != StatusBy::Default {
        return;
    }
    let earlier = out.iter().zip(bys).rev().find(|(x, b)| {
        x.metric == rec.metric
            && (x.period_start, x.period_end) == (rec.period_start, rec.period_end)
            && **b != StatusBy::Default
    });
    if let Some((x, _)) = earlier {
        rec.status = x.status;
        rec.rules
            .push(StatusRule::of(StatusBy::AsFigureBefore).name);
    }
}

fn figure_record(
    doc: &Document,
    r: &Reading,
    ctx: &Context,
    m: &Mention,
    launches: &[(&Mention, String)],
    (figure_before, goods): (Option<Metric>, Option<Metric>),
) -> Option<(Record, StatusBy)> {
    if m.vague || m.value.is_none() {
        return None;
    }
    let (metric, metric_rule) = goods
        .map(|x| (x, "metric:<the worth of the goods before it>".to_string()))
        .or_else(|| {
            metric::metric_for(
                m,
                &r.toks,
                &r.mentions,
                &r.metric_cues,
                ctx.previous_metric,
                &r.grammar.metric_words,
            )
        })
        .or_else(|| figure_before.map(|x| (x, "metric:<as the figure before it>".to_string())))
        .or_else(|| r.grammar.records.metric_near(r, m))?;
    let mut rec = base_record(doc, r, m, metric);
    rec.rules.push(metric_rule);
    if metric == Metric::Capacity && !rec.unit.as_deref().unwrap_or("").ends_with("/yr") {
        rec.unit = rec.unit.map(|u| format!("{u}/yr"));
    }
    let governed = r.grammar.records.governed(&r.toks, m, &r.mentions);
    if let Some((_, q, _)) = &governed {
        rec.qualifier = *q;
    }
    let period = figure_period(r, m, metric, launches, doc.published);
    let fig = (m.tok_start, m.tok_end);
    let (st, rule) = match governed {
        Some((s, _, rule)) => (s, rule),
        None => pick_status(r, ctx, fig, metric, period, doc.published),
    };
    let (subj, subject_rule) = subject_for(r, ctx, Some(m), m.tok_start, metric);
    let plant_status = plant_status(r, ctx, subj.as_deref());
    let cost =
        metric == Metric::Investment && metric::is_cost(m, &r.toks, &r.mentions, &r.metric_cues);
    rec.status = status::for_plant(metric, st, rule.by.is_own(), plant_status);
    // `Стоимость проекта составляет $4,6 млрд` of a plant being built:
    // what it costs is under way as the plant is (decision 2).
    // So is the cost of one still to be built (`scheduled to be completed
    // in 2027, with the cost estimated at $2.6 billion`): planned.
    if cost
        && rec.status == Status::Actual
        && let Some(p @ (Status::Ongoing | Status::Planned)) = plant_status
    {
        rec.status = p;
    }
    // The cost, capacity or jobs of a plant the text has reported
    // launched, with no cue of their own, are those of a running plant.
    let launched = subj.as_ref().is_some_and(|k| ctx.launched.contains(k));
    if launched && rule.by == StatusBy::Default {
        rec.status = Status::Actual;
    }
    let by = rule.by;
    rec.rules.push(rule.name);
    let rate = r.grammar.records.yearly_rate(&r.toks, m.tok_end);
    set_period(&mut rec, r, ctx, period, rate);
    // What a plant or project costs is a property of it, not the figure
    // of a period (`строительство завода стоимостью 60 млрд начнётся в
    // 2026 году`; decision 7).
    if cost {
        rec.period_start = None;
        rec.period_end = None;
    }
    rec.subject = subj;
    rec.rules.push(subject_rule);
    r.grammar.records.finish(&mut rec);
    period::passed_window(&mut rec, r);
    Some((rec, by))
}

pub(crate) fn pick_status(
    r: &Reading,
    ctx: &Context,
    fig: (usize, usize),
    metric: Metric,
    period: Option<Period>,
    published: Option<NaiveDate>,
) -> (Status, StatusRule) {
    let found = r
        .grammar
        .records
        .status_cue(&r.toks, &r.mentions, &r.status_cues, fig);
    if let Some(found) = found {
        return found;
    }
    if r.status_cues.is_empty()
        && let Some(s) = ctx.status
    {
        return (s, StatusRule::of(StatusBy::SentenceBefore));
    }
    let p = period.map_or((None, None), |p| (p.start, p.end));
    (
        status::default_for(metric, p, published),
        StatusRule::of(StatusBy::Default),
    )
}

pub(crate) fn base_record(doc: &Document, r: &Reading, m: &Mention, metric: Metric) -> Record {
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
        span_start: r.sentence.char_at(&doc.text, b0),
        span_end: r.sentence.char_at(&doc.text, b1),
        rules: m.rules.iter().map(|s| s.to_string()).collect(),
    }
}
