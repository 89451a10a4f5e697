//! The extraction pipeline: document → sentences → tokens → mentions →
//! classified records. One pass reads every sentence (mentions, cues,
//! parties, plants); a second builds the records, each sentence with the
//! context of the ones before it in its paragraph.

use chrono::NaiveDate;

use crate::classify::plant::{self, Plant};

mod found;
mod subject_of;
mod topic;
use crate::classify::subject::{self, Party};
use crate::classify::{Cue, cost, cues, filters, metric, status};
use crate::dims::{self, Anchor, Kind, Mention, Period};
use crate::lexicon;
use crate::record::{Metric, Qualifier, Record, Status};
use crate::text::Document;
use crate::text::sentence::{self, Sentence};
use crate::text::token::{self, Token};
pub use found::{CharCounter, Found, mentions};
use subject_of::{launch_records, subject_for};

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
    let first: Vec<(Sentence, Vec<Token>, Vec<Mention>)> = sentence::split(&doc.text)
        .into_iter()
        .map(|s| {
            let toks = token::tokenize(&doc.text, s.start, s.end);
            let mut mentions = dims::find(&toks, anchor);
            crate::classify::elided::fill(&toks, &mut mentions);
            (s, toks, mentions)
        })
        .collect();
    // A sentence's status cues and plants serve its own figures and those
    // of the two sentences after it; far from any figure they are skipped.
    let near: Vec<bool> = (0..first.len())
        .map(|i| (i..first.len().min(i + 3)).any(|j| !first[j].2.is_empty()))
        .collect();
    let mut readings: Vec<Reading> = first
        .into_iter()
        .zip(near)
        .map(|((s, toks, mentions), near)| read_sentence(s, toks, mentions, near))
        .collect();
    // Towns count for their country in the document's parties: an article
    // from Петропавловск about `российские партнёры` is about KZ and RU.
    let all: Vec<Party> = readings
        .iter()
        .flat_map(|r| {
            r.parties
                .iter()
                .cloned()
                .chain(subject::place_parties(&r.toks))
        })
        .collect();
    let doc_parties = subject::rank(&all);
    let topic = topic::of_document(&readings);
    if let Some(t) = &topic {
        topic::place_plants(&mut readings, t);
    }
    let mut previous = None;
    let mut current: Option<(Plant, usize)> = None;
    for i in 0..readings.len() {
        if !readings[i].mentions.is_empty() {
            let mut ctx = context(&readings, i, &doc_parties, previous);
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
    }
    headline_periods(&mut readings);
    readings
}

/// A headline's flow with no period of its own (`… за год закупил в
/// России 400 тысяч тонн сахара`) takes the period of the same metric
/// stated in the next few sentences (decision 15: the lead ties it).
fn headline_periods(readings: &mut [Reading]) {
    let Some(head) = readings.first() else { return };
    if head.sentence.paragraph != 0 || readings.len() < 2 {
        return;
    }
    let lead: Vec<(Metric, Option<NaiveDate>, Option<NaiveDate>)> = readings
        [1..readings.len().min(5)]
        .iter()
        .flat_map(|r| r.records.iter())
        .filter(|x| x.period_end.is_some())
        .map(|x| (x.metric, x.period_start, x.period_end))
        .collect();
    for rec in &mut readings[0].records {
        if rec.period_end.is_some() || !is_flow(rec.metric) || rec.status != Status::Actual {
            continue;
        }
        // Exports and imports are one flow seen from two sides.
        let trade = |m: Metric| matches!(m, Metric::Exports | Metric::Imports);
        let same = |m: Metric| m == rec.metric || (trade(m) && trade(rec.metric));
        if let Some((_, s, e)) = lead.iter().find(|(m, _, _)| same(*m)) {
            rec.period_start = *s;
            rec.period_end = *e;
            rec.rules.push("period:<from the lead>".into());
        }
    }
}

fn read_sentence(
    s: Sentence,
    toks: Vec<Token>,
    mentions: Vec<Mention>,
    near: bool,
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
        // `долл. США`, `долларов США`: the currency's country.
        let dollar = |k: usize| toks[k].lower.starts_with("долл");
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
        metric_cues: own(lexicon::metric_cues()),
        status_cues: context(lexicon::status_cues()),
        launch_cues: own(lexicon::launch_cues()),
        parties: subject::parties_in(&toks)
            .into_iter()
            .filter(|p| !in_money(p))
            .collect(),
        plants: if near { plant::find(&toks) } else { Vec::new() },
        mentions,
        toks,
        records: Vec::new(),
    }
}

/// What a sentence borrows from the ones before it in its paragraph.
pub(crate) struct Context {
    pub(crate) parties: Vec<String>,
    pub(crate) doc_parties: Vec<String>,
    pub(crate) status: Option<Status>,
    pub(crate) plant: Option<(Plant, bool, Option<Status>)>,
    pub(crate) period: Option<(Option<NaiveDate>, Option<NaiveDate>)>,
    pub(crate) any_period: Option<(Option<NaiveDate>, Option<NaiveDate>)>,
    pub(crate) plants_before: Vec<Plant>,
    pub(crate) trade: Option<(Metric, String)>,
    pub(crate) status_before: Option<Status>,
    pub(crate) previous_metric: Option<Metric>,
    /// The plant the document is about, if it is about one.
    pub(crate) topic: Option<topic::Topic>,
    /// The plant the last records were about, if more recent than `plant`.
    pub(crate) current: Option<Plant>,
    /// The sentence that named `plant`.
    pub(crate) plant_at: Option<usize>,
    /// The last launch record of the sentence before.
    pub(crate) launch_before: Option<Record>,
    /// The plants the text has reported launched so far.
    pub(crate) launched: Vec<String>,
}

fn context(rs: &[Reading], i: usize, doc_parties: &[String], previous: Option<Metric>) -> Context {
    let para = rs[i].sentence.paragraph;
    let before: Vec<&Reading> = rs[..i]
        .iter()
        .rev()
        .take(2)
        .filter(|r| r.sentence.paragraph == para)
        .collect();
    // The plant the article last named, and whether in this paragraph.
    let named = (0..i).rev().find_map(|j| {
        let p = rs[j].plants.iter().rev().find(|p| !p.keys().is_empty())?;
        // Near: said in this paragraph or in the sentence just before.
        let near = rs[j].sentence.paragraph == para || j + 1 == i;
        Some(((p.clone(), near, sentence_status(rs, j)), j))
    });
    let plant_at = named.as_ref().map(|x| x.1);
    let plant = named.map(|x| x.0);
    // The period of the last actual flow said just before (`Экспорт
    // составил …` after `Товарооборот за 2020 год …`).
    let period = rs[i.saturating_sub(2)..i]
        .iter()
        .rev()
        .flat_map(|r| r.records.iter().rev())
        .find(|x| is_flow(x.metric) && x.status == Status::Actual && x.period_end.is_some())
        .map(|x| (x.period_start, x.period_end))
        .or_else(|| asked_period(&rs[i.saturating_sub(2)..i]));
    // The direction of the last exports or imports just before (`В
    // рублёвом выражении поставки превысили …`).
    let trade = rs[i.saturating_sub(2)..i]
        .iter()
        .rev()
        .flat_map(|r| r.records.iter().rev())
        .find(|x| {
            matches!(x.metric, Metric::Exports | Metric::Imports)
                && x.subject.as_deref().is_some_and(|s| s.contains('>'))
        })
        .map(|x| (x.metric, x.subject.clone().unwrap_or_default()));
    let any_period = rs[i.saturating_sub(3)..i]
        .iter()
        .rev()
        .flat_map(|r| r.records.iter().rev())
        .find(|x| x.metric != Metric::LaunchDate && x.period_end.is_some())
        .map(|x| (x.period_start, x.period_end))
        .or_else(|| asked_period(&rs[i.saturating_sub(2)..i]));
    let plants_before = rs[i.saturating_sub(2)..i]
        .iter()
        .filter(|r| r.sentence.paragraph == para)
        .flat_map(|r| r.plants.iter().filter(|p| !p.keys().is_empty()).cloned())
        .collect();
    Context {
        parties: subject::codes(before.iter().flat_map(|r| r.parties.iter())),
        doc_parties: doc_parties.to_vec(),
        status: before
            .first()
            .and_then(|r| status::of_sentence(&r.status_cues)),
        plant,
        period,
        any_period,
        trade,
        status_before: i
            .checked_sub(1)
            .and_then(|k| status::of_sentence(&rs[k].status_cues)),
        plants_before,
        previous_metric: previous,
        topic: None,
        current: None,
        plant_at,
        launched: rs[..i]
            .iter()
            .flat_map(|r| r.records.iter())
            .filter(|x| x.metric == Metric::LaunchDate && x.status == Status::Actual)
            .filter_map(|x| x.subject.clone())
            .collect(),
        launch_before: i.checked_sub(1).and_then(|k| {
            rs[k]
                .records
                .iter()
                .rev()
                .find(|x| x.metric == Metric::LaunchDate)
                .cloned()
        }),
    }
}

/// `— Каковы итоги 2022 года? — Товарооборот составил …`: a past period
/// said just before in a sentence without figures.
fn asked_period(before: &[Reading]) -> Option<(Option<NaiveDate>, Option<NaiveDate>)> {
    before
        .iter()
        .rev()
        .filter(|r| !r.mentions.iter().any(Mention::is_figure))
        .flat_map(|r| r.mentions.iter().rev())
        .filter_map(|m| m.period)
        // A day is an event's date (an opening), not a period of figures.
        .find(|p| {
            p.start.is_some() && p.end.is_some() && !p.relative && p.grain != dims::Grain::Day
        })
        .map(|p| (p.start, p.end))
}

/// The status a sentence states, or else the one the sentence before it
/// states (`прорабатывают 5 проектов. Самый крупный из них — завод …`).
fn sentence_status(rs: &[Reading], j: usize) -> Option<Status> {
    status::of_sentence(&rs[j].status_cues).or_else(|| {
        j.checked_sub(1)
            .and_then(|k| status::of_sentence(&rs[k].status_cues))
    })
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
    for (k, m) in r.mentions.iter().enumerate().filter(|(_, m)| m.is_figure()) {
        if filters::skip(&r.toks, &r.mentions, m) {
            continue;
        }
        if let Some(rec) = filters::restated(doc, r, k, &out) {
            out.push(rec);
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
            .map(|x| x.metric);
        if let Some(mut rec) = figure_record(doc, r, ctx, m, &launches, before) {
            listed_status(&mut rec, &out);
            out.push(rec);
        }
    }
    for (m, cue) in &launches {
        out.extend(launch_records(doc, r, ctx, m, cue));
    }
    out.extend(added_object(doc, r, ctx));
    out.sort_by_key(|x| x.span_start);
    out
}

/// `производит 500 тонн люцерны, …, 2 тысячи тонн ячменя`: a figure too
/// far from any cue continues the list of the one before it.
fn listed_status(rec: &mut Record, out: &[Record]) {
    if !rec.rules.iter().any(|r| r == "status:<default>") {
        return;
    }
    let earlier = out.iter().rev().find(|x| {
        x.metric == rec.metric
            && (x.period_start, x.period_end) == (rec.period_start, rec.period_end)
            && !x.rules.iter().any(|r| r == "status:<default>")
    });
    if let Some(x) = earlier {
        rec.status = x.status;
        rec.rules.push("status:<as the figure before it>".into());
    }
}

/// `А также строительство контейнерного терминала в порту Посьет`: an
/// object added in the sentence after a launch window takes that window
/// (decision 56).
fn added_object(doc: &Document, r: &Reading, ctx: &Context) -> Vec<Record> {
    let also = r.toks.first().is_some_and(|t| t.is("а") || t.is("также"))
        && r.toks.iter().take(2).any(|t| t.is("также"));
    let dated = r.mentions.iter().any(|m| m.kind == Kind::Date);
    let Some(before) = ctx.launch_before.as_ref().filter(|_| also && !dated) else {
        return Vec::new();
    };
    r.plants
        .iter()
        .flat_map(|p| p.keys().into_iter().map(move |k| (p.start, k)))
        .map(|(at, k)| {
            let mut rec = before.clone();
            rec.subject = Some(k);
            rec.quote = r.sentence.text(&doc.text).to_string();
            let t = &r.toks[at];
            rec.span_start = char_offset(&doc.text, t.start);
            rec.span_end = char_offset(&doc.text, t.end);
            rec.rules
                .push("launch:<the window of the sentence before>".into());
            rec
        })
        .collect()
}

/// A sentence about these is not about a launch (the start of sales, the
/// first stone).
const NOT_LAUNCH: [&str; 3] = ["продаж", "закладк", "камн"];

/// The launch cue that makes a date a launch window, if one is near.
fn launch_cue(r: &Reading, m: &Mention) -> Option<String> {
    if said_on(&r.toks, m.tok_start) {
        return None;
    }
    // The one date and the one launch cue of a sentence go together
    // however far apart (`Во втором полугодии, надеемся, запустятся`).
    let dates = r
        .mentions
        .iter()
        .filter(|d| d.kind == Kind::Date && !said_on(&r.toks, d.tok_start))
        .count();
    // Reaching full capacity is no launch (decision 32).
    let capacity = r.toks.iter().any(|t| t.lower.starts_with("мощност"));
    let reach = if dates == 1 && r.launch_cues.len() == 1 && !capacity {
        60
    } else {
        12
    };
    r.launch_cues
        .iter()
        .filter(|c| c.entry.col(1).is_empty() || !r.plants.is_empty())
        // `Активная фаза строительства начнётся …`: the start of works is
        // no launch (decision 53).
        .filter(|c| c.entry.col(1).is_empty() || !works_before(&r.toks, c.start))
        .filter(|_| {
            !r.toks
                .iter()
                .any(|t| NOT_LAUNCH.iter().any(|n| t.lower.starts_with(n)))
        })
        .map(|c| {
            // `Сроки реализации проекта: 2017–2025 годы`: a colon after
            // the cue introduces its date.
            let colon = c.end < m.tok_start
                && r.toks[c.end..m.tok_start]
                    .iter()
                    .all(|t| t.kind == crate::text::token::TokKind::Punct && !t.is("."));
            let k = cost(
                &r.toks,
                &r.mentions,
                (c.start, c.end),
                (m.tok_start, m.tok_end),
            );
            (if colon { 1 } else { k }, c)
        })
        .filter(|(k, _)| *k <= reach)
        .min_by_key(|(k, _)| *k)
        .map(|(_, c)| c.name("launch_cues"))
}

/// `сообщил журналистам во вторник, 27 января`: the date a statement was
/// made, not a window.
fn said_on(toks: &[Token], at: usize) -> bool {
    const SAID: [&str; 6] = [
        "сообщил",
        "заявил",
        "сказал",
        "рассказал",
        "отметил",
        "пояснил",
    ];
    toks[at.saturating_sub(5)..at]
        .iter()
        .any(|t| SAID.iter().any(|w| t.lower.starts_with(w)))
}

/// `по сравнению с аналогичным периодом прошлого года`: the period a
/// figure is compared with, not its own.
fn compared(toks: &[Token], at: usize) -> bool {
    // `а после 2019 г. планирует`: what comes after a year is no period.
    toks[at.saturating_sub(4)..at]
        .iter()
        .any(|t| t.lower.starts_with("сравнени") || t.lower.starts_with("аналогичн"))
        || toks[at].is("после")
        || at.checked_sub(1).is_some_and(|b| toks[b].is("после"))
}

/// `на форуме, состоявшемся в среду`: a day named by its weekday is an
/// event's, never the period of a figure.
fn weekday(toks: &[Token], d: &Mention) -> bool {
    const DAYS: [&str; 7] = [
        "понедельник",
        "вторник",
        "среду",
        "четверг",
        "пятницу",
        "субботу",
        "воскресенье",
    ];
    toks[d.tok_start..d.tok_end]
        .iter()
        .any(|t| DAYS.contains(&t.lower.as_str()))
}

/// Whether construction or works are the subject just before a cue.
fn works_before(toks: &[Token], cue: usize) -> bool {
    toks[cue.saturating_sub(8)..cue]
        .iter()
        .any(|t| t.lower.starts_with("строительств") || t.lower.starts_with("работ"))
}

/// The period of a figure record: its own date (a flow's goal with a
/// deadline takes the whole deadline year); else the period of `за этот
/// период`; else, for an actual flow, the period said just before.
fn set_period(rec: &mut Record, r: &Reading, ctx: &Context, period: Option<Period>) {
    // `С начала года экспорт вырос …` right after `По итогам
    // января–октября …`: the months said before (decision 61).
    let period = period.map(|p| match ctx.any_period {
        Some((s, e))
            if p.relative && p.start == s && p.end == rec.published && p.end > e && s.is_some() =>
        {
            Period { end: e, ..p }
        }
        _ => p,
    });
    if let Some(p) = period {
        let flow_goal = p.deadline && is_flow(rec.metric) && rec.status != Status::Actual;
        rec.period_start = if flow_goal {
            p.end.and_then(year_start)
        } else {
            p.start
        };
        rec.period_end = p.end;
        return;
    }
    // `за этот период`, `за тот же период`, and a bare `за год`: the
    // period said before (decision 15 of the annotation guidelines).
    let anaphor = r.toks.windows(2).any(|w| {
        w[0].is("за")
            && matches!(
                w[1].lower.as_str(),
                "этот" | "тот" | "указанный" | "данный" | "аналогичный" | "год"
            )
    });
    // `за весь год`: the whole year of the period said before, or of the
    // publication.
    let whole_year = r
        .toks
        .windows(3)
        .any(|w| w[0].is("за") && w[1].is("весь") && w[2].is("год"));
    let year_of = |d: Option<NaiveDate>| {
        let s = d.and_then(year_start)?;
        let e = NaiveDate::from_ymd_opt(chrono::Datelike::year(&s), 12, 31)?;
        Some((Some(s), Some(e)))
    };
    let (from, rule) = if whole_year {
        let anchor = ctx.any_period.and_then(|p| p.1).or(rec.published);
        (year_of(anchor), "period:<за весь год>")
    } else if anaphor {
        (ctx.any_period, "period:<за этот период>")
    } else if is_flow(rec.metric) && rec.status == Status::Actual {
        (ctx.period, "period:<from the sentence before>")
    } else {
        (None, "")
    };
    if let Some((a, b)) = from {
        rec.period_start = a;
        rec.period_end = b;
        rec.rules.push(rule.into());
    }
}

fn figure_record(
    doc: &Document,
    r: &Reading,
    ctx: &Context,
    m: &Mention,
    launches: &[(&Mention, String)],
    figure_before: Option<Metric>,
) -> Option<Record> {
    if m.vague || m.value.is_none() {
        return None;
    }
    let (metric, metric_rule) =
        metric::metric_for(m, &r.toks, &r.mentions, &r.metric_cues, ctx.previous_metric).or_else(
            || figure_before.map(|x| (x, "metric:<as the figure before it>".to_string())),
        )?;
    let mut rec = base_record(doc, r, m, metric);
    rec.rules.push(metric_rule);
    if metric == Metric::Capacity && !rec.unit.as_deref().unwrap_or("").ends_with("/yr") {
        rec.unit = rec.unit.map(|u| format!("{u}/yr"));
    }
    let governed = status::governed(&r.toks, m).or_else(|| {
        status::starting_level(&r.toks, m, &r.mentions).then(|| {
            (
                Status::Actual,
                Qualifier::Exact,
                "status:с … до (the level it starts from)".to_string(),
            )
        })
    });
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
    let own =
        rule.starts_with("status_cues:") || rule.starts_with("status:") && !rule.contains('<');
    rec.status = status::for_plant(metric, st, own, plant_status);
    // The cost, capacity or jobs of a plant the text has reported
    // launched, with no cue of their own, are those of a running plant.
    let launched = subj.as_ref().is_some_and(|k| ctx.launched.contains(k));
    if launched && rule == "status:<default>" {
        rec.status = Status::Actual;
    }
    rec.rules.push(rule);
    set_period(&mut rec, r, ctx, period);
    rec.subject = subj;
    rec.rules.push(subject_rule);
    Some(rec)
}

fn year_start(d: NaiveDate) -> Option<NaiveDate> {
    use chrono::Datelike;
    NaiveDate::from_ymd_opt(d.year(), 1, 1)
}

pub(crate) fn pick_status(
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
    if r.status_cues.is_empty()
        && let Some(s) = ctx.status
    {
        return (s, "status:<from the sentence before>".into());
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
    published: Option<NaiveDate>,
) -> Option<Period> {
    if metric == Metric::Capacity {
        return None;
    }
    let projects = matches!(metric, Metric::ProjectsCount | Metric::ProjectsValue);
    let dates: Vec<&Mention> = r
        .mentions
        .iter()
        .filter(|d| d.kind == Kind::Date && !r.toks[d.tok_start].is("сегодня"))
        .filter(|d| !compared(&r.toks, d.tok_start) && !weekday(&r.toks, d))
        .filter(|d| projects || !launches.iter().any(|(l, _)| l.tok_start == d.tok_start))
        .collect();
    let near = dates
        .iter()
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
        .and_then(|(_, d)| stock_date(r, d, metric, published).or(d.period));
    // `Показатели торговли за 2022 год: товарооборот – …; экспорт – …`:
    // a flow far from the one date of its sentence still takes it.
    let listed = |d: &Mention| r.toks[d.tok_end..m.tok_start].iter().any(|t| t.is(":"));
    // `За десять месяцев Казахстан отправил 2,3 млн тонн пшеницы, …, 3,5
    // тыс. тонн муки`: so does a long list after its one date.
    let long_list = r.mentions.iter().filter(|x| x.is_figure()).count() > 2;
    let only = (dates.len() == 1
        && is_flow(metric)
        && dates[0].tok_start < m.tok_start
        && (listed(dates[0]) || long_list))
        .then(|| dates[0].period)
        .flatten();
    near.or(only)
}

/// Accumulated investment is a stock at a date (decision 65): `на начало
/// 2018 года` → up to 1 January 2018; a forecast `по итогам 2018 года`
/// (a year not over at publication) → up to its end.
fn stock_date(
    r: &Reading,
    d: &Mention,
    metric: Metric,
    published: Option<NaiveDate>,
) -> Option<Period> {
    let p = d.period?;
    if metric != Metric::Investment {
        return None;
    }
    let words: Vec<&str> = r.toks[d.tok_start.saturating_sub(3)..d.tok_end]
        .iter()
        .map(|t| t.lower.as_str())
        .collect();
    let has = |a: &str, b: &str| words.windows(2).any(|w| w[0] == a && w[1] == b);
    let at = |end| {
        Some(Period {
            start: None,
            end,
            deadline: true,
            ..p
        })
    };
    if has("на", "начало") {
        return at(p.start);
    }
    let ahead = matches!((p.end, published), (Some(e), Some(d)) if e >= d);
    if has("по", "итогам") && ahead {
        return at(p.end);
    }
    None
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
        span_start: char_offset(&doc.text, b0),
        span_end: char_offset(&doc.text, b1),
        rules: m.rules.iter().map(|s| s.to_string()).collect(),
    }
}

/// The char offset of a byte offset (record spans count chars).
pub(crate) fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}
