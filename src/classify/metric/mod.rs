//! METRIC: what a figure measures. Quantities are read from their unit
//! and what they count (`проектов` → projects_count, `рабочих мест` →
//! jobs, a rate → capacity); money and other quantities from the nearest
//! cue word of the language's `metric_cues.tsv`.

pub mod ru;

use super::{Cue, cost};
use crate::dims::quantity::class;
use crate::dims::{Kind, Mention};
use crate::lexicon::words::WordList;
use crate::record::Metric;
use crate::text::token::Token;

/// The most a money cue may cost and still name the metric.
const MONEY_REACH: usize = 22;
/// The same for quantities.
const QUANTITY_REACH: usize = 16;

/// `12 проектов на 5 млрд`: the worth of the projects counted.
const PROJECTS_VALUE: &str = "<N projects> на <money>";
/// A count of projects.
const PROJECTS_COUNT: &str = "<N> проектов";
/// A count of plants opened under a programme.
const PLANTS_OPENED: &str = "<N> предприятий <opened>";
/// A count of jobs.
const JOBS: &str = "<N> рабочих мест";

/// The words of a language the metric rules look for.
#[derive(Debug, Clone, Copy)]
pub struct MetricWords {
    /// Words of opening plants (`открытие`, `ввод`): a count of
    /// enterprises in a sentence with one is a count of projects.
    pub opened: &'static WordList,
    /// Verbs of result before a figure (`составив`): its cue reaches twice
    /// as far.
    pub result_verbs: &'static WordList,
    /// Words of a yearly rate (`ежегодно`): a quantity after one in its
    /// clause is a capacity.
    pub yearly: &'static WordList,
}

/// The metric of figure `m`, with the name of the rule that chose it;
/// `words`: the language's words the rules look for.
pub fn metric_for(
    m: &Mention,
    toks: &[Token],
    mentions: &[Mention],
    cues: &[Cue],
    previous: Option<Metric>,
    words: &MetricWords,
) -> Option<(Metric, String)> {
    match m.kind {
        Kind::Money => money(m, toks, mentions, cues, previous, words),
        Kind::Quantity => quantity(m, toks, mentions, cues, previous, words),
        _ => None,
    }
}

fn best<'a>(
    m: &Mention,
    toks: &[Token],
    mentions: &[Mention],
    cues: &'a [Cue],
    takes: &[&str],
) -> Option<(usize, &'a Cue<'a>)> {
    cues.iter()
        .filter(|c| takes.contains(&c.entry.col(1)))
        .map(|c| {
            let k = cost(toks, mentions, (c.start, c.end), (m.tok_start, m.tok_end));
            // A strong cue (`портфель`) wins over a nearer weak one, unless
            // a figure of its own stands between (`turnover reached $118
            // billion, with exports at $68 billion`).
            let (lo, hi) = (c.end.min(m.tok_end), c.start.max(m.tok_start));
            let own_figure = || {
                mentions
                    .iter()
                    .any(|x| x.is_measure() && x.tok_start >= lo && x.tok_end <= hi)
            };
            let strong = has_flag(c, "strong") && k <= MONEY_REACH && !own_figure();
            (if strong { 0 } else { k + 1 }, c)
        })
        .min_by_key(|(k, _)| *k)
}

fn money(
    m: &Mention,
    toks: &[Token],
    mentions: &[Mention],
    cues: &[Cue],
    previous: Option<Metric>,
    words: &MetricWords,
) -> Option<(Metric, String)> {
    let counted = mentions.iter().any(|p| {
        class::is_plants(p.class.as_deref())
            && p.tok_end <= m.tok_start
            && cost(
                toks,
                mentions,
                (p.tok_start, p.tok_end),
                (m.tok_start, m.tok_end),
            ) <= 6
    });
    if counted {
        return Some((Metric::ProjectsValue, PROJECTS_VALUE.into()));
    }
    // `Товарооборот … вырос на 1,8% по сравнению с …, составив 116 млрд`:
    // a verb of result before the figure carries its subject far.
    let result = m
        .tok_start
        .checked_sub(1)
        .is_some_and(|b| words.result_verbs.stem_of(&toks[b].lower));
    let reach = if result { 2 * MONEY_REACH } else { MONEY_REACH };
    // `рост товарооборота … достигнут рекордный показатель в $24,2 млрд`:
    // a weak cue (`показатель`) gives way to any other the sentence has.
    let named: Vec<Cue> = cues
        .iter()
        .filter(|c| !has_flag(c, "weak"))
        .cloned()
        .collect();
    let own = best(m, toks, mentions, &named, &["money", "any"])
        .filter(|(k, _)| *k <= reach)
        .map(|(k, c)| (k, c.clone()));
    let (k, cue) = match own {
        Some(x) => x,
        None => best(m, toks, mentions, cues, &["money", "any"]).map(|(k, c)| (k, c.clone()))?,
    };
    if k > reach {
        return None;
    }
    let metric = match cue.entry.col(0) {
        "@previous" => previous?,
        id => Metric::parse(id)?,
    };
    Some((metric, cue.name("metric_cues")))
}

fn quantity(
    m: &Mention,
    toks: &[Token],
    mentions: &[Mention],
    cues: &[Cue],
    previous: Option<Metric>,
    words: &MetricWords,
) -> Option<(Metric, String)> {
    let class = m.class.as_deref().unwrap_or("");
    let unit = m.unit.as_deref().unwrap_or("");
    let near =
        best(m, toks, mentions, cues, &["quantity", "any"]).filter(|(k, _)| *k <= QUANTITY_REACH);
    let cue_metric = near.and_then(|(_, c)| {
        let metric = match c.entry.col(0) {
            "@previous" => previous,
            id => Metric::parse(id),
        };
        metric.map(|x| (x, c))
    });
    match class {
        class::PROJECT => return Some((Metric::ProjectsCount, PROJECTS_COUNT.into())),
        // `открытие 134 предприятий`, `сдано в эксплуатацию 4 предприятия`:
        // plants opened under a programme are projects (decision 57); a
        // count of companies is not (decision 79).
        class::ENTERPRISE => {
            let open = toks.iter().any(|t| words.opened.stem_of(&t.lower));
            return open.then(|| (Metric::ProjectsCount, PLANTS_OPENED.into()));
        }
        class::JOB => return Some((Metric::Jobs, JOBS.into())),
        class::PERSON | class::PLACE => {
            return cue_metric
                .filter(|(x, _)| *x == Metric::Jobs)
                .map(|(x, c)| (x, c.name("metric_cues")));
        }
        "" => return None,
        // A terminal `на 500 тыс. TEU`: containers a year (decision 72).
        "container" if cue_metric.is_none() => {
            return Some((Metric::Capacity, "<N> TEU".into()));
        }
        _ => {}
    }
    if let Some((x @ (Metric::Exports | Metric::Imports), c)) = cue_metric {
        return Some((x, c.name("metric_cues")));
    }
    if unit.ends_with("/yr") || yearly_in_clause(toks, m, words.yearly) {
        return Some((Metric::Capacity, "<quantity> <rate>".into()));
    }
    let (x, c) = cue_metric?;
    matches!(x, Metric::Capacity | Metric::Output).then(|| (x, c.name("metric_cues")))
}

/// `Ежегодно предприятие будет выпускать 3 тысячи тракторов`: a rate
/// said earlier in the clause.
fn yearly_in_clause(toks: &[Token], m: &Mention, yearly: &WordList) -> bool {
    // Commas go on: `ежегодно выпускает 300 тысяч пар кроссовок, 120
    // тысяч пар ботинок …` is one list.
    toks[..m.tok_start]
        .iter()
        .rev()
        .take(40)
        .take_while(|t| !matches!(t.lower.as_str(), ";" | "." | ":" | "("))
        .any(|t| yearly.stem_of(&t.lower))
}

/// Whether a metric cue carries a flag of its fourth column (`strong`,
/// `world`).
fn has_flag(c: &Cue, flag: &str) -> bool {
    c.entry.col(2).split_whitespace().any(|f| f == flag)
}

/// `Turkey's foreign trade`, `внешнеторговый оборот`, `foreign
/// investments`: a figure of one country with the world, as the cue's
/// `world` flag says.
pub fn world(cues: &[Cue]) -> bool {
    cues.iter().any(|c| has_flag(c, "world"))
}

/// `стоимостью 60 млрд`, `завод за 18 млрд`, `will cost $2 bn`: whether
/// the investment cue nearest a figure says what something costs (its
/// `cost` flag) — a property of the plant or project, of no period.
pub fn is_cost(m: &Mention, toks: &[Token], mentions: &[Mention], cues: &[Cue]) -> bool {
    cues.iter()
        .filter(|c| c.entry.col(0) == "investment")
        .min_by_key(|c| cost(toks, mentions, (c.start, c.end), (m.tok_start, m.tok_end)))
        .is_some_and(|c| has_flag(c, "cost"))
}
