//! CONTEXT: what a sentence borrows from the ones before it — the
//! parties, plant, period, status, direction of trade, region and launch
//! window said there.

use chrono::NaiveDate;

use super::{Reading, is_flow, period::asked_period, topic, trade};
use crate::classify::plant::Plant;
use crate::classify::{status, subject};
use crate::record::{Metric, Record, Status};

/// What the document has said so far, carried from one sentence to the
/// next, so that reading a long document stays linear in its length.
#[derive(Debug, Default)]
pub(super) struct Said {
    /// The period of the last actual flow.
    flow_period: Option<(Option<NaiveDate>, Option<NaiveDate>)>,
    /// The ISO 3166-2 code of the last region a sentence named alone.
    region: Option<String>,
}

impl Said {
    /// Takes in what sentence `r` said, once its records are built.
    pub(super) fn after(&mut self, r: &Reading) {
        let flow =
            r.records.iter().rev().find(|x| {
                is_flow(x.metric) && x.status == Status::Actual && x.period_end.is_some()
            });
        if let Some(x) = flow {
            self.flow_period = Some((x.period_start, x.period_end));
        }
        if let Some(code) = trade::region_code(r) {
            self.region = Some(code);
        }
    }
}

/// What a sentence borrows from the ones before it in its paragraph.
pub(crate) struct Context<'d> {
    pub(crate) parties: Vec<String>,
    /// The document's parties, ranked.
    pub(crate) doc_parties: &'d [String],
    pub(crate) status: Option<Status>,
    pub(crate) plant: Option<(Plant, bool, Option<Status>)>,
    pub(crate) period: Option<(Option<NaiveDate>, Option<NaiveDate>)>,
    pub(crate) any_period: Option<(Option<NaiveDate>, Option<NaiveDate>)>,
    pub(crate) plants_before: Vec<Plant>,
    pub(crate) trade: Option<(Metric, String)>,
    /// The one country (or region) whose trade with the world the last
    /// flow just before was about.
    pub(crate) world: Option<String>,
    /// The ISO 3166-2 code of the last region a sentence before named
    /// alone (`Uzbekistan's Sirdaryo region` → UZ-SI).
    pub(crate) region_before: Option<String>,
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
    /// The launch window of a set of plants said in the sentence before
    /// with no count or value of its own (`новые заводы будут запущены в
    /// 2016–2017 годах`).
    pub(crate) set_window: Option<(Option<NaiveDate>, Option<NaiveDate>)>,
    /// The plants the text has reported launched so far.
    pub(crate) launched: Vec<String>,
}

pub(super) fn context<'d>(
    rs: &[Reading],
    i: usize,
    doc_parties: &'d [String],
    previous: Option<Metric>,
    said: &Said,
) -> Context<'d> {
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
    let period = said
        .flow_period
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
    // `Turkey's foreign trade reached …. Turkish exports totaled …`: the
    // last flow just before was one country's trade with the world.
    // Partners' shares listed after it (`Россия (2,1 млрд)`) leave it so.
    let partner = |r: &Reading, x: &Record| {
        x.metric == Metric::TradeTurnover
            && x.subject.as_deref().is_some_and(|s| s.contains('+'))
            && super::subject_of::lists_partners(r)
    };
    let world = rs[i.saturating_sub(2)..i]
        .iter()
        .rev()
        .flat_map(|r| r.records.iter().rev().filter(move |x| !partner(r, x)))
        .find(|x| {
            matches!(
                x.metric,
                Metric::TradeTurnover | Metric::Exports | Metric::Imports
            )
        })
        .and_then(|x| x.subject.clone())
        .filter(|s| !s.contains(['+', '>', '/']));
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
        parties: subject::codes(before.iter().flat_map(|r| {
            r.parties
                .iter()
                .filter(|p| r.grammar.records.groups_carry() || p.code.matches('+').count() < 2)
        })),
        doc_parties,
        status: before
            .first()
            .and_then(|r| status::of_sentence(&r.status_cues)),
        plant,
        period,
        any_period,
        trade,
        world,
        region_before: said.region.clone(),
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
        set_window: i.checked_sub(1).and_then(|k| set_window(&rs[k].records)),
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

/// The window of a set's launch still to come among a sentence's records,
/// when they count no projects themselves.
fn set_window(records: &[Record]) -> Option<(Option<NaiveDate>, Option<NaiveDate>)> {
    let counted = records
        .iter()
        .any(|x| matches!(x.metric, Metric::ProjectsCount | Metric::ProjectsValue));
    let l = records.iter().rev().find(|x| {
        x.metric == Metric::LaunchDate
            && x.status != Status::Actual
            && x.subject
                .as_deref()
                .is_none_or(|s| Plant::from_key(s).is_none())
    })?;
    (!counted).then_some((l.period_start, l.period_end))
}

/// The status a sentence states, or else the one the sentence before it
/// states (`прорабатывают 5 проектов. Самый крупный из них — завод …`).
pub(super) fn sentence_status(rs: &[Reading], j: usize) -> Option<Status> {
    status::of_sentence(&rs[j].status_cues).or_else(|| {
        j.checked_sub(1)
            .and_then(|k| status::of_sentence(&rs[k].status_cues))
    })
}
