//! ELIDED UNITS: a number whose unit was said before it. `4 млн шин в
//! год, из которых 2,5 млн — для легковых` (the unit of the quantity
//! before), `довести число совместных проектов до 100` (a unit noun
//! earlier in the sentence, the number closing the clause); and the part
//! of a yearly whole is yearly too (`из 180 тысяч тонн в год около 120
//! тысяч тонн`).

use crate::dims::qualifier::ru::qualifier_before;
use crate::dims::quantity::ru::is_adjective;
use crate::dims::{Kind, Mention};
use crate::text::token::{TokKind, Token};

crate::words!(LINKS, ru, "elided_links.tsv");

/// Gives numbers the unit the sentence said before them.
pub fn fill(toks: &[Token], mentions: &mut [Mention]) {
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if m.kind == Kind::Quantity {
            yearly_part(toks, mentions, k);
            continue;
        }
        if m.kind != Kind::Number || m.value.is_none() || toks[m.num_tok].year().is_some() {
            continue;
        }
        let before = &mentions[..k];
        let found = from_money_before(toks, before, m)
            .map(|(u, r)| (Kind::Money, u, None, r))
            .or_else(|| {
                from_quantity_before(toks, before, m)
                    .or_else(|| from_noun_before(toks, m))
                    .map(|(u, c, r)| (Kind::Quantity, u, Some(c), r))
            });
        if let Some((kind, unit, class, rule)) = found {
            let m = &mut mentions[k];
            m.kind = kind;
            m.unit = Some(unit);
            m.class = class;
            m.rules.push(rule);
            if let Some((q, s)) = qualifier_before(toks, m.tok_start) {
                m.qualifier = q;
                m.tok_start = s;
            }
        }
    }
}

/// `…порядка 70 инвестпроектов. Из них 11 уже сданы, ещё 15
/// реализуются`: in a sentence that opens with «из них» or «из которых»,
/// each bare count is a part of what the last quantity of the sentence
/// before counted.
pub fn fill_after(before: &[Mention], toks: &[Token], mentions: &mut [Mention]) {
    let Some(whole) = before.iter().rev().find(|x| x.kind == Kind::Quantity) else {
        return;
    };
    if !of_them(toks) {
        return;
    }
    for m in mentions.iter_mut() {
        let bare = m.kind == Kind::Number && m.value.is_some() && toks[m.num_tok].year().is_none();
        if bare {
            m.take_unit_of(
                whole,
                "<number> (unit of the quantity in the sentence before)",
            );
        }
    }
}

/// A sentence that opens with «из них» or «из которых»: its figures are
/// parts of what the sentence before gave.
pub fn of_them(toks: &[Token]) -> bool {
    let mut words = toks.iter().filter(|t| t.kind == TokKind::Word);
    let mut next = || words.next().map_or("", |t| t.lower.as_str());
    of_them_words(next(), next())
}

/// «из них», «из которых»: the words that make what follows a part.
pub fn of_them_words(a: &str, b: &str) -> bool {
    a == "из" && matches!(b, "них" | "которых")
}

/// `достиг 620 млн долларов, … выйти на 1 млрд`: the currency of the
/// amount before, for a number with a scale word that closes the clause.
fn from_money_before(
    toks: &[Token],
    before: &[Mention],
    m: &Mention,
) -> Option<(String, &'static str)> {
    // `9,1 млрд юаней (около 1,2 млрд долларов), а импорт - 3,6 млрд`:
    // an amount in brackets restates the one before it in another
    // currency; the elided one is said like the main amount.
    let restated = |x: &&Mention| x.tok_start.checked_sub(1).is_some_and(|b| toks[b].is("("));
    // `Россия (2,1 млрд долларов), Китай (1,9 млрд)`: unless the number
    // stands in brackets too.
    let bracketed = restated(&m);
    let money = before
        .iter()
        .rev()
        .filter(|x| x.kind == Kind::Money)
        .find(|x| bracketed || !restated(x))?;
    let scaled = toks[m.num_tok..m.tok_end]
        .iter()
        .any(|t| crate::dims::number::ru::scale_power(&t.lower).is_some());
    // `до 200 миллиардов к 2024 году`: a date after it closes it too.
    let closes = toks
        .get(m.tok_end)
        .is_none_or(|t| t.kind == TokKind::Punct && !t.is("%"))
        || before_date(toks, m.tok_end);
    if !(scaled && closes) {
        return None;
    }
    Some((
        money.unit.clone()?,
        "<number> (currency of the amount before)",
    ))
}

/// Whether a date (`к 2024 году`, `в 2025 году`) starts at token `k`.
fn before_date(toks: &[Token], k: usize) -> bool {
    let prep = toks
        .get(k)
        .is_some_and(|t| matches!(t.lower.as_str(), "к" | "в" | "до"));
    prep && toks.get(k + 1).is_some_and(|t| t.year().is_some())
}

/// `…шин в год, из которых 2,5 млн`: the unit of the quantity just before.
fn from_quantity_before(
    toks: &[Token],
    before: &[Mention],
    m: &Mention,
) -> Option<(String, String, &'static str)> {
    let q = before.iter().rev().find(|x| x.kind == Kind::Quantity)?;
    let gap = &toks[q.tok_end..m.tok_start];
    // `142 проекта на 28 млрд долларов, из них 63`: a part of the last
    // quantity, whatever was said of it in between.
    // `…, ещё 39 находятся на стадии проектирования`: so is one more.
    let part = (m.tok_start >= 2
        && of_them_words(&toks[m.tok_start - 2].lower, &toks[m.tok_start - 1].lower))
        || (m.tok_start >= 1
            && toks[m.tok_start - 1].is("еще")
            // `ещё 11 различных товаров` counts other things: the count
            // must close the clause or meet its verb.
            && toks.get(m.tok_end).is_none_or(|t| t.kind == TokKind::Punct || verb_like(t)));
    // `Из 40 проектов 12 реализованы`: the part right after its whole.
    let of_whole = gap.is_empty() && q.tok_start >= 1 && toks[q.tok_start - 1].is("из");
    let linked = part
        || of_whole
        || gap.len() <= 6
            && gap.iter().all(|t| {
                t.kind == TokKind::Punct || LINKS.contains(&t.lower) || t.lower.starts_with("втор")
            })
            && gap
                .iter()
                .any(|t| t.kind == TokKind::Word || t.is(",") || t.is_dash());
    let strong = gap
        .iter()
        .any(|t| matches!(t.lower.as_str(), "еще" | "которых" | "них" | "числе"));
    let closes = strong
        || of_whole
        || toks.get(m.tok_end).is_none_or(|t| t.kind == TokKind::Punct)
        || toks.get(m.tok_end).is_some_and(is_adjective);
    if !(linked && closes) {
        return None;
    }
    Some((
        q.unit.clone()?,
        q.class.clone()?,
        "<number> (unit of the quantity before)",
    ))
}

/// `находятся`, `реализуются`, `введены`: a word with a verb's ending.
fn verb_like(t: &Token) -> bool {
    const ENDS: [&str; 11] = [
        "ся", "ют", "ут", "ят", "ат", "ит", "ет", "ны", "ли", "ло", "ла",
    ];
    t.kind == TokKind::Word && ENDS.iter().any(|e| t.lower.ends_with(e))
}

/// `число совместных проектов … до 100.`: a unit noun earlier in the
/// sentence, and the number closes the clause.
fn from_noun_before(toks: &[Token], m: &Mention) -> Option<(String, String, &'static str)> {
    let closes = toks
        .get(m.tok_end)
        .is_none_or(|t| t.kind == TokKind::Punct && !t.is("%"));
    if !closes {
        return None;
    }
    let from = m.tok_start.saturating_sub(12);
    (from..m.tok_start).rev().find_map(|i| {
        let (_, e) = crate::grammar::ru::units().longest_at(&toks[..m.tok_start], i)?;
        let word = e.col(1);
        (!matches!(
            word,
            "mass" | "area" | "volume" | "container" | "штука" | "место" | "человек"
        ))
        .then(|| {
            (
                e.col(0).to_string(),
                word.to_string(),
                "<number> (unit named before)",
            )
        })
    })
}

/// `из 180 тысяч тонн продукции в год около 120 тысяч тонн`: yearly too.
fn yearly_part(toks: &[Token], mentions: &mut [Mention], k: usize) {
    let unit = mentions[k].unit.clone().unwrap_or_default();
    if unit.ends_with("/yr") {
        return;
    }
    let whole = mentions[..k].iter().find(|w| {
        w.kind == Kind::Quantity
            && w.unit.as_deref() == Some(&format!("{unit}/yr"))
            && w.tok_start.checked_sub(1).is_some_and(|p| toks[p].is("из"))
    });
    if whole.is_some() {
        let m = &mut mentions[k];
        m.unit = Some(format!("{unit}/yr"));
        m.rules.push("<part of a yearly whole>");
    }
}
