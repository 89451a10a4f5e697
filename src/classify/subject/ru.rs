//! SUBJECT, Russian: the direction of exports and imports from the
//! prepositions and adjectives around the parties.

use super::Party;
use crate::record::Metric;
use crate::text::token::Token;

/// The direction of exports or imports, `FROM>TO`: `из X` is the origin,
/// `в X` the destination; a country named otherwise (`экспорт
/// Казахстана`, `китайский импорт`) is the exporter of exports and the
/// importer of imports. The missing side is the other party.
pub fn direction(
    metric: Metric,
    toks: &[Token],
    parties: &[Party],
    others: &[String],
) -> Option<String> {
    let (mut from, mut to): (Option<String>, Option<String>) = (None, None);
    let prev = |p: &Party| {
        p.start
            .checked_sub(1)
            .map_or("", |k| toks[k].lower.as_str())
    };
    let code = |p: &Party| p.code.split('+').next().unwrap_or("").to_string();
    // `из X` and `в X` first: they say the side outright; what is bought
    // `в X` (`закупила в России`) comes from X.
    let bought = toks.iter().any(|t| {
        ["закуп", "покуп", "купил", "купит", "приобр"]
            .iter()
            .any(|b| t.lower.starts_with(b))
    });
    for p in parties {
        match prev(p) {
            "из" | "от" => from = from.or(Some(code(p))),
            "в" | "во" if bought => from = from.or(Some(code(p))),
            "в" | "во" | "на" => to = to.or(Some(code(p))),
            _ => {}
        }
    }
    for p in parties {
        if matches!(prev(p), "из" | "от" | "в" | "во" | "на") {
            continue;
        }
        // `импорт китайских товаров`: an adjective on the goods names
        // where they come from; on the flow (`китайский импорт`) its owner.
        let next = toks.get(p.end).map_or("", |t| t.lower.as_str());
        let of_goods = p.form == "adj"
            && !["импорт", "экспорт", "поставк"]
                .iter()
                .any(|c| next.starts_with(c));
        // `Китай ввёз в Россию`: a party with no preposition takes the
        // side the other words leave open.
        let (first, second) = if of_goods || metric == Metric::Exports {
            (&mut from, &mut to)
        } else {
            (&mut to, &mut from)
        };
        if first.is_none() {
            *first = Some(code(p));
        } else if second.is_none() && first.as_deref() != Some(code(p).as_str()) {
            *second = Some(code(p));
        }
    }
    let other = |me: &Option<String>| others.iter().find(|o| Some(*o) != me.as_ref()).cloned();
    if from.is_none() && to.is_some() {
        from = other(&to);
    } else if to.is_none() && from.is_some() {
        to = other(&from);
    }
    match (from, to) {
        (Some(f), Some(t)) if f != t => Some(format!("{f}>{t}")),
        _ => None,
    }
}
