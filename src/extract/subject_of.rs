//! Whom a record is about: the plant it belongs to (`place/product`) or
//! the parties; and the launch records of a date, one per plant product.

use super::{Context, Reading, base_record, pick_status};
use crate::classify::plant::{self, Plant};
use crate::classify::subject;
use crate::dims::{Kind, Mention};
use crate::lang::Lang;
use crate::lexicon;
use crate::record::{Metric, Qualifier, Record, Status};
use crate::text::Document;

/// Metrics that belong to one plant when one is named; jobs too when
/// the sentence speaks of one plant (`На заводе будет создано…`).
fn plant_level(metric: Metric, r: &Reading) -> bool {
    // English: `auto industry output`, `across the sector`: the country's.
    if r.lang == Lang::En && r.plants.is_empty() && super::en::industry_wide(&r.toks) {
        return false;
    }
    match metric {
        Metric::Capacity
        | Metric::Output
        | Metric::LaunchDate
        | Metric::Investment
        | Metric::Exports => true,
        Metric::Jobs => one_plant(r),
        _ => false,
    }
}

/// Words for one plant or project (singular), as a sentence refers back
/// to it: `Стоимость проекта`, `Мощность предприятия`, `На заводе`.
const ONE_PLANT: [&str; 31] = [
    "завод",
    "заводе",
    "завода",
    "заводом",
    "заводу",
    "предприятие",
    "предприятии",
    "предприятия",
    "предприятием",
    "предприятию",
    "фабрика",
    "фабрике",
    "фабрику",
    "фабрики",
    "фабрикой",
    "комбинат",
    "комбинате",
    "комбината",
    "цех",
    "цехе",
    "цеха",
    "проект",
    "проекта",
    "проекте",
    "проекту",
    "производство",
    "производства",
    "производстве",
    "объекта",
    "объект",
    "объекте",
];

fn one_plant(r: &Reading) -> bool {
    let words: &[&str] = match r.lang {
        Lang::Ru => &ONE_PLANT,
        Lang::En => &super::en::ONE_PLANT,
    };
    r.toks.iter().any(|t| words.contains(&t.lower.as_str()))
}

/// The plant a figure at token `at` belongs to: the nearest named before
/// it, else after it, else the one the article was about (said in this
/// paragraph, or referred back to: `Стоимость проекта`).
/// `strong`: capacity and launch figures belong to a plant almost always,
/// so they take the article's plant even when the sentence does not refer
/// back to it.
fn plant_for<'a>(r: &'a Reading, ctx: &'a Context, at: usize, strong: bool) -> Option<&'a Plant> {
    let named: Vec<&Plant> = r.plants.iter().filter(|p| p.place.is_some()).collect();
    let carried = || match &ctx.plant {
        Some((p, same, _)) if r.parties.is_empty() && (*same || one_plant(r) || strong) => Some(p),
        _ => None,
    };
    named
        .iter()
        .rev()
        .find(|p| p.start <= at)
        .or_else(|| named.first())
        .copied()
        .or_else(carried)
}

/// What a quantity says is made: `тонн полиэтилена` → полиэтилен,
/// `тракторов` → трактор (not a mere unit such as `тонн` or `штук`).
fn product_of(r: &Reading, m: &Mention) -> Option<String> {
    if m.kind != Kind::Quantity {
        return None;
    }
    // The words after the unit (`тонн мясной продукции в год`).
    let toks = &r.toks[..m.tok_end];
    if r.lang == Lang::En {
        return super::en::product_of(&r.toks, m);
    }
    for k in m.num_tok..m.tok_end {
        let starts = lexicon::products().longest_at(toks, k).is_some()
            || (k > m.num_tok && crate::dims::quantity_ru::is_adjective(&toks[k]));
        if starts && let Some(p) = plant::phrase_at(toks, k) {
            return Some(p);
        }
    }
    const GENERIC: [&str; 10] = [
        "mass",
        "штука",
        "изделие",
        "техника",
        "машина",
        "человек",
        "место",
        "рабочее место",
        "проект",
        "комплект",
    ];
    m.class.clone().filter(|c| !GENERIC.contains(&c.as_str()))
}

/// The plant key of a figure: the plant's own product, or the product
/// the figure (or another quantity of the sentence) names.
fn plant_key(
    r: &Reading,
    ctx: &Context,
    at: usize,
    m: Option<&Mention>,
    strong: bool,
) -> Option<String> {
    let p = plant_for(r, ctx, at, strong)?;
    if let Some(k) = p.keys().into_iter().next() {
        return Some(k);
    }
    let product = m
        .and_then(|m| product_of(r, m))
        .or_else(|| r.mentions.iter().find_map(|x| product_of(r, x)));
    match product {
        Some(product) => p.key_with(&product),
        // `мощность сборочного производства` after `выпускать электробусы`:
        // the plant whose product the sentence named.
        None => r.plants.iter().find_map(|q| q.keys().into_iter().next()),
    }
}

/// The subject of a record and the rule that chose it.
pub(super) fn subject_for(
    r: &Reading,
    ctx: &Context,
    m: Option<&Mention>,
    at: usize,
    metric: Metric,
) -> (Option<String>, String) {
    let strong = matches!(metric, Metric::Capacity | Metric::LaunchDate);
    if plant_level(metric, r)
        && let Some(k) = plant_key(r, ctx, at, m, strong)
    {
        return (Some(k), "subject:<plant>".into());
    }
    let own = subject::codes(&r.parties);
    if r.lang == Lang::En && super::en::world_cue(r) && own.len() <= 1 {
        let one = own.first().or(ctx.doc_parties.first()).cloned();
        return (one, "subject:<one country with the world>".into());
    }
    if matches!(metric, Metric::Exports | Metric::Imports) {
        let others = subject::parties_for(&own, &ctx.parties, &ctx.doc_parties);
        // The parties of the figure's own clause: `экспорт … в Казахстан
        // …, импорт из Казахстана — …` are two directions.
        let clause: Vec<subject::Party> = r
            .parties
            .iter()
            .filter(|p| same_clause(r, p.start, at))
            .cloned()
            .collect();
        let near = if clause.is_empty() {
            &r.parties
        } else {
            &clause
        };
        let dir = match r.lang {
            Lang::Ru => subject::direction(metric, &r.toks, near, &others),
            Lang::En => super::en::direction(metric, &r.toks, near, &others),
        }
        .or_else(|| {
            // None named here: the direction said just before, turned
            // round for the other flow.
            let (m, d) = ctx.trade.as_ref().filter(|_| r.parties.is_empty())?;
            let (from, to) = d.split_once('>')?;
            Some(if *m == metric {
                d.clone()
            } else {
                format!("{to}>{from}")
            })
        });
        return match dir {
            Some(d) => (Some(d), "subject:<direction>".into()),
            None => (subject::key(&others), "subject:<parties>".into()),
        };
    }
    if matches!(metric, Metric::Output | Metric::Capacity) {
        // English: a country's output with no party in its sentence is
        // that of the country the article is about (decision 35).
        if own.is_empty() && r.lang == Lang::En && metric == Metric::Output {
            let first = ctx.parties.first().or(ctx.doc_parties.first());
            return (first.cloned(), "subject:<the article's country>".into());
        }
        return (subject::key(&own), "subject:<sentence parties>".into());
    }
    let pool: Vec<String> = ctx
        .parties
        .iter()
        .chain(&ctx.doc_parties)
        .cloned()
        .collect();
    let figure_clause = |p: &subject::Party| {
        r.mentions
            .iter()
            .any(|m| m.is_figure() && same_clause(r, p.start, m.tok_start))
    };
    if let Some(pair) = subject::clause_pair(
        &r.parties,
        |p| same_clause(r, p.start, at),
        figure_clause,
        &pool,
    ) {
        return (
            subject::key(&pair),
            "subject:<parties of the clause>".into(),
        );
    }
    let mut all = subject::parties_for(&own, &ctx.parties, &ctx.doc_parties);
    // `между нашими странами`, `двух стран`: the countries, not a region.
    let countries = r.toks.iter().any(|t| {
        matches!(
            t.lower.as_str(),
            "стран" | "странами" | "страны" | "государств"
        ) || (r.lang == Lang::En && super::en::COUNTRIES.contains(&t.lower.as_str()))
    });
    if countries && own.iter().all(|c| !c.contains('-')) {
        for c in &mut all {
            if let Some((country, _)) = c.split_once('-') {
                *c = country.to_string();
            }
        }
    }
    (subject::key(&all), "subject:<parties>".into())
}

/// The launch records of a date: one per product of the plant it belongs
/// to, or one for the parties when it belongs to none.
pub(super) fn launch_records(
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
    let Some(p) = m.period else { return Vec::new() };
    base.period_start = p.start;
    base.period_end = p.end;
    let fig = (m.tok_start, m.tok_end);
    let (st, rule) = pick_status(r, ctx, fig, Metric::LaunchDate, Some(p), doc.published);
    // Work under way on a plant launching later: the launch is planned.
    let later = matches!((p.start, doc.published), (Some(s), Some(d)) if s > d);
    base.status = if st == Status::Ongoing && later {
        Status::Planned
    } else {
        st
    };
    base.rules.push(rule);
    let both = r
        .toks
        .iter()
        .any(|t| matches!(t.lower.as_str(), "оба" | "обе" | "обоих" | "обеих"));
    let keys = match plant_for(r, ctx, m.tok_start, true) {
        _ if both && r.plants.is_empty() && ctx.plants_before.len() > 1 => {
            ctx.plants_before.iter().flat_map(Plant::keys).collect()
        }
        Some(p) if !p.keys().is_empty() => p.keys(),
        _ => plant_key(r, ctx, m.tok_start, None, true)
            .into_iter()
            .collect(),
    };
    // `запустят семь производств, среди них: завод … в Костанае; …`: one
    // record for the set, and one per plant the sentence lists.
    let listed: Vec<String> = r.plants.iter().flat_map(Plant::keys).collect();
    let set = r
        .mentions
        .iter()
        .any(|x| x.class.as_deref() == Some("проект"));
    // English: one date after several plants (`a factory in Almaty … and
    // a Kia plant in Kostanay were commissioned in 2025`) is each one's.
    let all_before = r.lang == Lang::En
        && r.plants
            .iter()
            .filter(|p| !p.keys().is_empty())
            .all(|p| p.end <= m.tok_start);
    let keys = if (set || all_before) && listed.len() >= 2 || set && r.lang == Lang::En {
        listed
    } else {
        keys
    };
    let mut out = Vec::new();
    if keys.is_empty() || set {
        let all = subject::parties_for(&subject::codes(&r.parties), &ctx.parties, &ctx.doc_parties);
        let mut rec = base.clone();
        rec.subject = subject::key(&all);
        rec.rules.push("subject:<parties>".into());
        out.push(rec);
    }
    out.extend(keys.into_iter().map(|k| {
        let mut rec = base.clone();
        rec.subject = Some(k);
        rec.rules.push("subject:<plant>".into());
        rec
    }));
    out
}

/// Whether no comma, semicolon or colon stands between two tokens.
fn same_clause(r: &Reading, a: usize, b: usize) -> bool {
    let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
    !r.toks[lo..hi]
        .iter()
        .any(|t| matches!(t.lower.as_str(), "," | ";" | ":"))
}
