//! Whom a record is about: the plant it belongs to (`place/product`) or
//! the parties; and the launch records of a date, one per plant product.

use super::trade::{flow_cue_before, own_cue_before, region_code, reporter_direction, reverse};
use super::{Context, Reading, base_record, pick_status};
use crate::classify::plant::Plant;
use crate::classify::subject;
use crate::dims::quantity::class;
use crate::dims::{Kind, Mention};
use crate::record::{Metric, Qualifier, Record, Status};
use crate::text::Document;
use crate::text::token::fold;

/// Metrics that belong to one plant when one is named; jobs too when
/// the sentence speaks of one plant (`На заводе будет создано…`).
fn plant_level(metric: Metric, r: &Reading, ctx: &Context) -> bool {
    // English: `auto industry output`, `across the sector`: the country's.
    if r.grammar.records.industry_wide(r) {
        return false;
    }
    match metric {
        Metric::Capacity
        | Metric::Output
        | Metric::LaunchDate
        | Metric::Investment
        | Metric::Exports => true,
        Metric::Jobs => one_plant(r) || (one_plant_doc(ctx) && !about_set(r)),
        _ => false,
    }
}

/// `вложит в Казахстане 45 млрд`: a figure placed in a whole country
/// (`в` and the country's name in its clause) is the country's, not one
/// plant's.
fn in_country(r: &Reading, at: usize) -> bool {
    r.parties.iter().any(|p| {
        p.form == "name"
            && !p.code.contains('-')
            && same_clause(r, p.start, at)
            && p.start
                .checked_sub(1)
                .is_some_and(|k| r.grammar.records.places_in(&r.toks[k].lower))
    })
}

/// Whether the article is about one plant.
fn one_plant_doc(ctx: &Context) -> bool {
    ctx.topic.as_ref().is_some_and(|t| t.one)
}

/// A sentence about a set of plants or projects (`четыре производства`,
/// `134 предприятий`), not about one.
fn about_set(r: &Reading) -> bool {
    r.plants
        .iter()
        .any(|p| r.grammar.records.plant_set(&r.toks, p))
        || r.mentions
            .iter()
            .any(|m| class::is_plants(m.class.as_deref()))
}

pub(super) fn one_plant(r: &Reading) -> bool {
    let words = r.grammar.one_plant;
    r.toks.iter().any(|t| words.contains(&t.lower))
}

/// The plant a figure at token `at` belongs to: the nearest named before
/// it, else after it, else the one the article was about (said in this
/// paragraph, or referred back to: `Стоимость проекта`).
/// `strong`: capacity and launch figures belong to a plant almost always,
/// so they take the article's plant even when the sentence does not refer
/// back to it.
fn plant_for<'a>(r: &'a Reading, ctx: &'a Context, at: usize, strong: bool) -> Option<&'a Plant> {
    let named: Vec<&Plant> = r.plants.iter().filter(|p| p.place.is_some()).collect();
    // In an article on one plant, a country named in passing (an
    // investor's, a fund's) does not take the figure from the plant; in
    // one on plants, a country's adjective (`Российско-Кыргызский фонд`)
    // does not either.
    // `Российско-Кыргызский фонд`: a compound adjective is no country's
    // name, whatever its first part.
    let country = |p: &subject::Party| {
        let t = &r.toks[p.start];
        p.form == "name" && !r.grammar.records.compound_adjective(t)
    };
    // `The $300 million facility, built by a Kazakh-Chinese joint venture`:
    // so does the sentence that refers back to the plant said before.
    let about_plant = ctx.topic.is_some() || (ctx.plant.is_some() && one_plant(r));
    let passing = about_plant && !r.parties.iter().any(country);
    let free = !about_set(r)
        && !in_country(r, at)
        && (r.parties.is_empty() || one_plant_doc(ctx) || passing);
    let carried = || match &ctx.plant {
        Some((p, same, _)) if free && (*same || one_plant(r) || strong) => {
            Some(ctx.current.as_ref().unwrap_or(p))
        }
        None if free && (one_plant(r) || strong) => ctx.current.as_ref(),
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

/// What a quantity says is made (not a mere unit such as tonnes).
fn product_of(r: &Reading, m: &Mention) -> Option<String> {
    if m.kind != Kind::Quantity {
        return None;
    }
    r.grammar.records.product_of(&r.toks, m)
}

/// The plant key of a figure: the plant's own product, or the product
/// the figure (or another quantity of the sentence) names.
fn plant_key(
    r: &Reading,
    ctx: &Context,
    at: usize,
    m: Option<&Mention>,
    metric: Metric,
) -> Option<String> {
    let strong = matches!(metric, Metric::Capacity | Metric::LaunchDate);
    let p = plant_for(r, ctx, at, strong)?;
    let carried = !r.plants.iter().any(|q| std::ptr::eq(q, p));
    if let Some(k) = p.keys().into_iter().next() {
        // A plant carried from before, and a figure that names another
        // product made (`В новом цехе … тонны карбамида`, `произведено
        // 148 тысяч тонн меди`): the plant's unit for that product.
        // A capacity listed with other parts (`917 тыс. тонн медного и 2,5
        // тыс. тонн молибденового концентрата`) stays the plant's.
        let parts = r
            .mentions
            .iter()
            .filter(|x| x.kind == Kind::Quantity)
            .count()
            > 1;
        let per_product = metric == Metric::Output || !parts;
        let other = m
            .filter(|_| carried && !processing(r) && per_product)
            .and_then(|m| product_of(r, m))
            .filter(|x| !p.products.iter().any(|q| same_goods(q, x)));
        return match other {
            Some(x) => p.key_with(&x),
            None => Some(k),
        };
    }
    let product = m
        .and_then(|m| product_of(r, m))
        .or_else(|| r.mentions.iter().find_map(|x| product_of(r, x)));
    match product {
        Some(product) => p.key_with(&product),
        // `мощность сборочного производства` after `выпускать электробусы`:
        // the plant whose product the sentence named; else the plant the
        // text was about just before, or the document's, at that place.
        None => r
            .plants
            .iter()
            .find_map(|q| q.keys().into_iter().next())
            .or_else(|| same_place(p, ctx.current.as_ref().and_then(|c| c.keys().pop())))
            .or_else(|| same_place(p, ctx.topic.as_ref().and_then(|t| t.key()))),
    }
}

/// `перерабатывать 600 тонн зерна`: the goods of the figure go in, they
/// are not what the plant makes.
fn processing(r: &Reading) -> bool {
    r.grammar.records.processing(&r.toks)
}

/// Two product names for the same goods: one's words among the other's,
/// compared by their first five letters (`сидение`, `автомобильное
/// сиденье`).
fn same_goods(a: &str, b: &str) -> bool {
    let stems = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| fold(&w.chars().take(5).collect::<String>()).to_string())
            .collect()
    };
    // `лифт` and `лифтов`: a short word is the start of the longer one.
    let like = |w: &String, v: &Vec<String>| {
        v.iter()
            .any(|u| u.starts_with(w.as_str()) || w.starts_with(u.as_str()))
    };
    let (x, y) = (stems(a), stems(b));
    x.iter().all(|w| like(w, &y)) || y.iter().all(|w| like(w, &x))
}

/// A key, if it is at the plant's place.
fn same_place(p: &Plant, key: Option<String>) -> Option<String> {
    let key = key?;
    let place = p.place.as_deref()?;
    key.split_once('/')
        .is_some_and(|(k, _)| k == place)
        .then_some(key)
}

/// The plant of a figure in an article on one plant when the sentence
/// names none: the one the text was just about, else the document's;
/// `Some(None)` when the article never says where the plant is
/// (decision 42: the subject is null then).
fn document_plant(r: &Reading, ctx: &Context, at: usize) -> Option<Option<String>> {
    let topic = ctx.topic.as_ref().filter(|t| t.one)?;
    if about_set(r) || in_country(r, at) {
        return None;
    }
    // A country in the figure's own clause (`производство автомобилей в
    // Узбекистане`) is what the figure is about, not a placeless plant.
    if topic.place.is_none() {
        let own = r.parties.iter().any(|p| same_clause(r, p.start, at));
        return (!own).then_some(None);
    }
    let current = ctx.current.as_ref().and_then(|c| c.keys().pop());
    Some(current.or_else(|| topic.key()))
}

/// `Россия (2,1 млрд долларов)`: the party a figure at token `at` stands
/// in brackets after.
fn partner_before<'a>(r: &'a Reading, at: usize) -> Option<&'a subject::Party> {
    r.parties
        .iter()
        .find(|p| p.end + 1 == at && r.toks[p.end].is("("))
}

/// Whether a sentence lists partners with their amounts in brackets.
pub(super) fn lists_partners(r: &Reading) -> bool {
    r.mentions
        .iter()
        .any(|m| m.is_figure() && partner_before(r, m.tok_start).is_some())
}

/// The subject of a record and the rule that chose it.
pub(super) fn subject_for(
    r: &Reading,
    ctx: &Context,
    m: Option<&Mention>,
    at: usize,
    metric: Metric,
) -> (Option<String>, String) {
    if plant_level(metric, r, ctx) {
        if let Some(k) = plant_key(r, ctx, at, m, metric) {
            return (Some(k), "subject:<plant>".into());
        }
        let partner = metric == Metric::Exports && !r.parties.is_empty();
        if let Some(k) = document_plant(r, ctx, at).filter(|_| !partner) {
            return (k, "subject:<the document's plant>".into());
        }
    }
    let own = subject::codes(&r.parties);
    // `Крупнейшими партнёрами стали Россия (2,1 млрд долларов), Китай
    // (1,9 млрд) …` after a country's trade with the world: each amount in
    // brackets is that country's trade with the partner named before it.
    if let Some(w) = ctx
        .world
        .as_ref()
        .filter(|_| metric == Metric::TradeTurnover)
        && let Some(p) = partner_before(r, at).filter(|p| p.code != *w)
    {
        let mut pair = [w.clone(), p.code.clone()];
        pair.sort();
        return (
            Some(pair.join("+")),
            "subject:<a partner and its amount>".into(),
        );
    }
    // `the region would attract $3 billion`: the region named before.
    let region_figure = matches!(
        metric,
        Metric::Investment | Metric::Exports | Metric::Imports | Metric::TradeTurnover
    );
    if let Some(code) = ctx
        .region_before
        .as_ref()
        .filter(|_| region_figure && own.is_empty() && r.grammar.records.region_anaphor(&r.toks))
    {
        return (
            Some(code.clone()),
            "subject:<the region said before>".into(),
        );
    }
    if crate::classify::metric::world(&r.metric_cues) && own.len() <= 1 {
        let one = own.first().or(ctx.doc_parties.first()).cloned();
        return (one, "subject:<one country with the world>".into());
    }
    // A flow of that one country alone, right after its trade with the
    // world: the world's too, not one of the document's pairs.
    let alone = |w: &String| own.is_empty() || own == [w.clone()];
    if let Some(w) = ctx.world.as_ref().filter(|w| alone(w))
        && matches!(
            metric,
            Metric::Exports | Metric::Imports | Metric::TradeTurnover
        )
    {
        return (
            Some(w.clone()),
            "subject:<the world trade said before>".into(),
        );
    }
    if matches!(metric, Metric::Exports | Metric::Imports) {
        let others = subject::parties_for(&own, &ctx.parties, ctx.doc_parties);
        // The parties of the figure's own clause: `экспорт … в Казахстан
        // …, импорт из Казахстана — …` are two directions.
        let clause: Vec<subject::Party> = r
            .parties
            .iter()
            .filter(|p| same_clause(r, p.start, at))
            .cloned()
            .collect();
        // Or those of the clause of the figure's own cue (`поставки из РФ
        // в КНР выросли на 3,9%, до 65 млрд`).
        let cue_clause: Vec<subject::Party> = own_cue_before(r, metric, at)
            .map(|c| {
                r.parties
                    .iter()
                    .filter(|p| same_clause(r, p.start, c))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        let clause = if clause.is_empty() {
            cue_clause
        } else {
            clause
        };
        let near = if clause.is_empty() {
            &r.parties
        } else {
            &clause
        };
        // `Экспорт из республики в КНР составил …, импорт — 361 млн`: a
        // clause of the other flow with no party of its own is the same
        // pair turned round.
        let other_flow = if metric == Metric::Exports {
            Metric::Imports
        } else {
            Metric::Exports
        };
        let turned = clause.is_empty() && flow_cue_before(r, other_flow, at);
        let direction =
            |metric: Metric| r.grammar.records.direction(metric, &r.toks, near, &others);
        let dir = if turned {
            direction(other_flow).map(|d| reverse(&d))
        } else {
            direction(metric)
        };
        let dir = dir.or_else(|| {
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
            None => reporter_direction(metric, &others, ctx.doc_parties),
        };
    }
    if matches!(metric, Metric::Output | Metric::Capacity) {
        // English: a country's output with no party in its sentence is
        // that of the country the article is about (decision 35).
        if own.is_empty() && r.grammar.records.loose() && metric == Metric::Output {
            let first = ctx.parties.first().or(ctx.doc_parties.first());
            return (first.cloned(), "subject:<the article's country>".into());
        }
        return (subject::key(&own), "subject:<sentence parties>".into());
    }
    // `В Кызылординской области планируют открыть четыре производства`:
    // a set in one region, no party named, is the region's (decision 52).
    if matches!(metric, Metric::ProjectsCount | Metric::ProjectsValue)
        && r.parties.is_empty()
        && let Some(code) = region_code(r)
    {
        return (Some(code), "subject:<the region of the set>".into());
    }
    let pool: Vec<String> = ctx.parties.iter().chain(ctx.doc_parties).cloned().collect();
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
    let mut all = subject::parties_for(&own, &ctx.parties, ctx.doc_parties);
    // `между нашими странами`, `двух стран`: the countries, not a region.
    let countries = r
        .toks
        .iter()
        .any(|t| r.grammar.records.countries_word(&t.lower));
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
    base.rules.push(rule.name);
    r.grammar.records.finish(&mut base);
    super::period::passed_window(&mut base, r);
    let both = r.grammar.records.says_both(&r.toks);
    let keys = match plant_for(r, ctx, m.tok_start, true) {
        _ if both
            && r.plants.iter().all(|p| p.keys().is_empty())
            && ctx.plants_before.len() > 1 =>
        {
            ctx.plants_before.iter().flat_map(Plant::keys).collect()
        }
        Some(p) if !p.keys().is_empty() => p.keys(),
        _ => match plant_key(r, ctx, m.tok_start, None, Metric::LaunchDate) {
            Some(k) => vec![k],
            None => match document_plant(r, ctx, m.tok_start) {
                Some(Some(k)) => vec![k],
                // A plant the article never places: one record, no subject.
                Some(None) => {
                    let mut rec = base.clone();
                    rec.rules.push("subject:<the document's plant>".into());
                    return vec![rec];
                }
                None => Vec::new(),
            },
        },
    };
    // `запустят семь производств, среди них: завод … в Костанае; …`: one
    // record for the set, and one per plant the sentence lists.
    let listed: Vec<String> = r.plants.iter().flat_map(Plant::keys).collect();
    let set = r
        .mentions
        .iter()
        .any(|x| class::is_plants(x.class.as_deref()));
    // English: one date after several plants (`a factory in Almaty … and
    // a Kia plant in Kostanay were commissioned in 2025`) is each one's.
    let all_before = r.grammar.records.loose()
        && r.plants
            .iter()
            .filter(|p| !p.keys().is_empty())
            .all(|p| p.end <= m.tok_start);
    // `завершить строительство терминала в X, а также терминала в Y`:
    // one window for every plant the launch words stand before (decision 4).
    let cue_at = r
        .launch_cues
        .iter()
        .find(|c| c.name("launch_cues") == cue)
        .map(|c| c.start);
    let governed = cue_at.is_some_and(|c| {
        r.plants
            .iter()
            .filter(|p| !p.keys().is_empty())
            .all(|p| p.start > c)
    });
    let keys = if (set || governed || all_before) && listed.len() >= 2
        || set && r.grammar.records.loose()
    {
        listed
    } else {
        keys
    };
    let mut out = Vec::new();
    if keys.is_empty() || set {
        let all = subject::parties_for(&subject::codes(&r.parties), &ctx.parties, ctx.doc_parties);
        let region = region_code(r).filter(|_| set && r.parties.is_empty());
        let mut rec = base.clone();
        rec.subject = region.or_else(|| subject::key(&all));
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
