//! SUBJECT: the parties a figure is about, as ISO 3166 codes (`KZ+RU`,
//! `KZ+RU-TA`), or for exports and imports the direction of the goods
//! (`CN>RU`). Countries, regions and companies come from the
//! grammar's parties lexicon (`data/<lang>/parties.tsv`); a sentence that names fewer than two parties
//! borrows from the sentences before it and then from the document.

use std::collections::HashMap;

use crate::lexicon::{Entry, PhraseSet};
use crate::text::token::Token;

pub mod ru;

/// A party named in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Party {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// ISO 3166 code(s): `KZ`, `RU-TA`, or `KZ+RU` for a pair adjective.
    pub code: String,
    /// `name`, `adj`, `abbr` or `company`.
    pub form: String,
}

/// Every party a parties lexicon finds in a sentence's tokens;
/// abbreviations only as written (`РК`, not `рк`).
pub fn parties_in(parties: &PhraseSet, toks: &[Token]) -> Vec<Party> {
    parties
        .find_all(toks, 0, toks.len())
        .into_iter()
        .filter(|(i, _, e)| e.col(1) != "abbr" || is_abbr_case(&toks[*i]))
        .map(|(i, n, e)| Party {
            start: i,
            end: i + n,
            code: e.col(0).to_string(),
            form: e.col(1).to_string(),
        })
        .collect()
}

/// The countries of the towns and regions a sentence names, by the
/// country column (the third) of the entries a places lexicon found in
/// it (token, length, entry).
pub fn place_parties(places: &[(usize, usize, &Entry)]) -> Vec<Party> {
    places
        .iter()
        .filter(|(_, _, e)| !e.col(2).is_empty())
        .map(|&(i, n, e)| Party {
            start: i,
            end: i + n,
            code: e.col(2).to_string(),
            form: "place".into(),
        })
        .collect()
}

/// `РК`, `РФ`: abbreviations count only as written, not as `рк` inside
/// some other lower-case word.
fn is_abbr_case(t: &Token) -> bool {
    t.kind == crate::text::token::TokKind::Word && t.lower.chars().count() <= 4
}

/// The codes of a list of parties, one per country or region.
pub fn codes<'a>(parties: impl IntoIterator<Item = &'a Party>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in parties {
        for c in p.code.split('+') {
            if !out.iter().any(|o| o == c) {
                out.push(c.to_string());
            }
        }
    }
    out
}

/// Parties ranked by how often the document names them.
pub fn rank(all: &[Party]) -> Vec<String> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut first: HashMap<String, usize> = HashMap::new();
    for (k, c) in codes_with_order(all) {
        *counts.entry(c.clone()).or_default() += 1;
        first.entry(c).or_insert(k);
    }
    // A region stands for its country: an article on Омская область and
    // Kazakhstan is about KZ+RU-OMS even where it says `Россия`.
    let regions: Vec<(String, usize)> = counts
        .iter()
        .filter(|(c, _)| c.contains('-'))
        .map(|(c, n)| (c.clone(), *n))
        .collect();
    for (region, _) in &regions {
        let country = region.split('-').next().unwrap_or("").to_string();
        let top = regions
            .iter()
            .filter(|(r, _)| is_region_of(r, &country))
            .max_by_key(|(r, n)| (*n, std::cmp::Reverse(first[r])))
            .map(|(r, _)| r.clone());
        let named = |c: &str| {
            all.iter()
                .filter(|p| p.form != "place" && p.code.split('+').any(|x| x == c))
                .count()
        };
        if top.as_ref() == Some(region)
            && named(region) > named(&country)
            && let Some(n) = counts.remove(&country)
        {
            *counts.entry(region.clone()).or_default() += n;
        }
    }
    let mut v: Vec<(String, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(first[&a.0].cmp(&first[&b.0])));
    v.into_iter().map(|(c, _)| c).collect()
}

/// Whether `r` is a region of the country `c` (`KZ-ALA` of `KZ`).
fn is_region_of(r: &str, c: &str) -> bool {
    r.strip_prefix(c).is_some_and(|rest| rest.starts_with('-'))
}

fn codes_with_order(all: &[Party]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (k, p) in all.iter().enumerate() {
        for c in p.code.split('+') {
            out.push((k, c.to_string()));
        }
    }
    out
}

/// Sorted, joined with `+`; a country gives way to its own region
/// (`KZ`, `RU`, `RU-TA` → `KZ+RU-TA`).
pub fn key(codes: &[String]) -> Option<String> {
    let mut v: Vec<&String> = codes
        .iter()
        .filter(|c| !codes.iter().any(|r| is_region_of(r, c)))
        .collect();
    v.sort();
    v.dedup();
    (!v.is_empty()).then(|| v.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("+"))
}

/// The parties of a figure: those its sentence names, filled up to two
/// from the sentences before (`context`) and then from the document.
pub fn parties_for(sentence: &[String], context: &[String], doc: &[String]) -> Vec<String> {
    let mut out: Vec<String> = sentence.to_vec();
    for pool in [context, doc] {
        for c in pool {
            if distinct(&out) >= 2 {
                break;
            }
            if !out.contains(c) {
                out.push(c.clone());
            }
        }
    }
    out
}

/// Countries counted once with their regions (`RU` and `RU-TA` are one).
fn distinct(codes: &[String]) -> usize {
    let mut roots: Vec<&str> = codes
        .iter()
        .map(|c| c.split('-').next().unwrap_or(c))
        .collect();
    roots.sort();
    roots.dedup();
    roots.len()
}

/// Parties of one figure in a sentence that names more than two
/// (`товарооборот России с Казахстаном — 27,8 млрд, с Кыргызстаном —
/// 3,6 млрд`): the party of the figure's own clause with the hub — a
/// party of the sentence in no figure's clause, or else the first party
/// of the sentences before or of the document that is not the figure's.
pub fn clause_pair(
    parties: &[Party],
    in_clause: impl Fn(&Party) -> bool,
    in_any_figure_clause: impl Fn(&Party) -> bool,
    pool: &[String],
) -> Option<Vec<String>> {
    let all = codes(parties);
    let own = codes(parties.iter().filter(|p| in_clause(p)));
    if all.len() <= 2 {
        return None;
    }
    match own.len() {
        2 => Some(own),
        1 => {
            let free = codes(parties.iter().filter(|p| !in_any_figure_clause(p)));
            let hub = free.iter().chain(pool).find(|c| **c != own[0])?.clone();
            Some(vec![hub, own[0].clone()])
        }
        _ => None,
    }
}
