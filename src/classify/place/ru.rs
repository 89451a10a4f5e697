//! PLACE: where a plant is, as the town of its key: towns and regions of
//! `data/ru/places.tsv`, and towns no lexicon knows, read from the words
//! around them (`в городе Бохтар`, `под Тулой`, `Сарысуский район`,
//! `Богучанского алюминиевого завода`).

use crate::dims::quantity::ru::is_adjective;
use crate::text::token::{TokKind, Token};

/// A place named in a sentence: (start, end, town, is a town).
pub type Place = (usize, usize, String, bool);

/// `в Навои`, `в Джизаке`, `под Тулой`, `в городе Бохтар`, `Сарысуский
/// район`: a capitalised word that no lexicon knows, read as a town from
/// the word before it (the case ending dropped).
pub(crate) fn guessed_places(toks: &[Token]) -> Vec<(usize, usize, String, bool)> {
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if !t.cap || t.kind != TokKind::Word || t.lower.chars().count() < 3 || t.upper {
            continue;
        }
        if crate::grammar::ru::parties().longest_at(toks, i).is_some()
            || crate::dims::date::ru::month_at(toks, i).is_some()
        {
            continue;
        }
        let prev = i.checked_sub(1).map_or("", |k| toks[k].lower.as_str());
        let name = if let Some(base) = adjective_base(&t.lower) {
            area_after(toks, i).map(|unit| (base, unit))
        } else if matches!(prev, "в" | "во") {
            Some((locative_base(&t.lower), true))
        } else if prev == "под" {
            Some((instrumental_base(&t.lower), true))
        } else if SETTLEMENT.contains(prev) {
            Some((t.lower.to_string(), true))
        } else {
            None
        };
        if let Some((name, town)) = name {
            out.push((i, i + 1, title(&name), town));
        }
    }
    out
}

crate::words!(
    /// Words for a settlement before its name (`в городе Бохтар`).
    SETTLEMENT, ru, "settlement_words.tsv"
);

/// `Сарысуском районе` (a district: its base name, a town for keys) or
/// `Чуйскую область` (a region): whether an area word follows the
/// adjective, perhaps after two more adjectives, and whether it is a
/// district.
fn area_after(toks: &[Token], i: usize) -> Option<bool> {
    for t in toks.iter().skip(i + 1).take(4) {
        if t.is("и") {
            continue;
        }
        if t.lower.starts_with("район") {
            return Some(true);
        }
        if t.lower.starts_with("област") || t.lower.starts_with("кра") && t.lower.len() <= 8
        {
            return Some(false);
        }
        if !is_adjective(t) {
            return None;
        }
    }
    None
}

/// The place a capitalised adjective in `-ский` names, as its base name
/// (decision 44): `Сарысуский` → Сарысу, `Чуйская` → Чуй. Towns whose
/// adjective differs more (`Кызылординская`) belong in `data/ru/places.tsv`.
fn adjective_base(w: &str) -> Option<String> {
    const ENDS: [&str; 12] = [
        "скими",
        "ского",
        "скому",
        "ским",
        "ском",
        "ской",
        "ских",
        "скую",
        "ская",
        "ское",
        "ский",
        "ские",
    ];
    let stem = ENDS.iter().find_map(|e| w.strip_suffix(e))?;
    if stem.chars().count() < 2 {
        return None;
    }
    Some(stem.to_string())
}

/// `Джизаке` → Джизак (the locative `-е` after a consonant dropped).
fn locative_base(w: &str) -> String {
    let c: Vec<char> = w.chars().collect();
    let n = c.len();
    if c[n - 1] == 'е' && !"аеиоуыэюяйь".contains(c[n - 2]) {
        c[..n - 1].iter().collect()
    } else {
        w.to_string()
    }
}

/// `Тулой` → Тула, `Омском` → Омск.
fn instrumental_base(w: &str) -> String {
    if let Some(s) = w.strip_suffix("ой") {
        format!("{s}а")
    } else if let Some(s) = w.strip_suffix("ом") {
        s.to_string()
    } else {
        w.to_string()
    }
}

fn title(w: &str) -> String {
    w.split('-').map(capitalise).collect::<Vec<_>>().join("-")
}

pub(crate) fn capitalise(w: &str) -> String {
    let mut cs = w.chars();
    cs.next()
        .map(|f| f.to_uppercase().chain(cs).collect())
        .unwrap_or_default()
}

/// `Богучанского алюминиевого завода`, `Яйского НПЗ`: the town a
/// capitalised adjective within three words before the object names.
pub(crate) fn adjective_place(toks: &[Token], i: usize) -> Option<String> {
    let from = i.saturating_sub(3);
    toks[from..i].iter().enumerate().rev().find_map(|(k, t)| {
        let at = from + k;
        // `"Балтийского судомеханического завода"`: a name in quotes is a
        // company's, not a town's.
        let quoted = at
            .checked_sub(1)
            .is_some_and(|b| matches!(toks[b].lower.as_str(), "«" | "\"" | "“" | "„"));
        if !t.cap
            || quoted
            || t.kind != TokKind::Word
            || crate::grammar::ru::parties().longest_at(toks, at).is_some()
        {
            return None;
        }
        if let Some((_, e)) = crate::grammar::ru::places().longest_at(toks, at) {
            return Some(e.col(0).to_string());
        }
        adjective_base(&t.lower).map(|b| title(&b))
    })
}

/// Every place a sentence names: lexicon towns and regions, else the
/// places guessed from capitalised words.
pub fn places(toks: &[Token]) -> Vec<(usize, usize, String, bool)> {
    let found = places_in(toks);
    if found.is_empty() {
        guessed_places(toks)
    } else {
        found
    }
}

/// Places in a sentence: (start, end, town, is town).
pub(crate) fn places_in(toks: &[Token]) -> Vec<(usize, usize, String, bool)> {
    crate::grammar::ru::places()
        .find_all(toks, 0, toks.len())
        .into_iter()
        // Towns are written with a capital: `рудного` is no Рудный.
        .filter(|(i, _, _)| toks[*i].kind == TokKind::Word && toks[*i].cap)
        .map(|(i, n, e)| (i, i + n, e.col(0).to_string(), e.col(1) == "town"))
        .collect()
}

pub(crate) fn place_phrase_at(toks: &[Token], j: usize) -> Option<usize> {
    let k = if matches!(toks.get(j)?.lower.as_str(), "в" | "во" | "на") {
        j + 1
    } else {
        j
    };
    let (n, _) = crate::grammar::ru::places().longest_at(toks, k)?;
    Some(k + n)
}

pub(crate) fn nearest_place(
    places: &[(usize, usize, String, bool)],
    trigger: usize,
    end: usize,
) -> Option<String> {
    let dist = |p: &(usize, usize, String, bool)| {
        let d = if p.0 >= trigger {
            p.0.saturating_sub(end)
        } else {
            2 * (trigger - p.1) + 2
        };
        // A town before its region: `в Сарани Карагандинской области`;
        // the settlement named for the plant wins over its region.
        d * 2 + if p.3 { 0 } else { 40 }
    };
    places.iter().min_by_key(|p| dist(p)).map(|p| p.2.clone())
}
