//! PLANT, English: one plant or project named in a sentence, keyed in
//! Russian lemmas (`Атырау/полипропилен`) through `data/en/products.tsv`
//! and `data/en/places.tsv`, so that the same plant has one key in both
//! languages. The product stands next to a word for the object (`a
//! polypropylene plant`, `a plant for the production of flat glass`) or
//! after a verb of making (`to produce special coke`); the place is the
//! town or region nearest to it. No Russian morphology is used.

use super::Plant;
use crate::classify::subject::Party;
use crate::grammar::en::products;
use crate::text::token::{TokKind, Token};

crate::words!(
    /// Words for a plant or project as an object.
    OBJECTS, en, "plant_objects.tsv"
);

crate::words!(
    /// Verbs and nouns of making, after which the product is named.
    MAKING, en, "making_words.tsv"
);

fn is_object(t: &Token) -> bool {
    OBJECTS.contains(&t.lower)
}

/// Every plant named in the tokens of one sentence.
pub fn find(toks: &[Token]) -> Vec<Plant> {
    let objects: Vec<usize> = (0..toks.len())
        .filter(|&i| is_object(&toks[i]) || MAKING.contains(&toks[i].lower))
        .collect();
    if objects.is_empty() {
        return Vec::new();
    }
    let places = places_in(toks);
    let found: Vec<(usize, usize, String)> = products()
        .find_all(toks, 0, toks.len())
        .into_iter()
        .map(|(i, n, e)| (i, i + n, e.col(0).to_string()))
        .collect();
    let mut out: Vec<Plant> = Vec::new();
    for &i in &objects {
        let Some((s, e, product)) = product_near(toks, &found, i) else {
            continue;
        };
        if out.iter().any(|p| p.start == s.min(i)) {
            continue;
        }
        out.push(Plant {
            start: s.min(i),
            end: e.max(i + 1),
            place: nearest(&places, i),
            products: vec![product],
        });
    }
    // A plant named by its object word only (`the plant in Almaty`): its
    // product comes from the figure (`90,000 cars`), or, when the words
    // after it name one the lexicon lacks, that English noun (noted).
    if out.is_empty()
        && let Some(&i) = objects.iter().find(|&&i| is_object(&toks[i]))
        && let Some(place) = nearest(&places, i)
    {
        let products: Vec<String> = unknown_product(toks, i).into_iter().collect();
        out.push(Plant {
            start: i,
            end: i + 1,
            place: Some(place),
            products,
        });
    }
    out.sort_by_key(|p| p.start);
    out.dedup_by(|a, b| a.keys() == b.keys() && !a.keys().is_empty());
    out
}

/// What ties two sentences to one plant: a figure's value, or the last
/// day of a date (`to launch a polypropylene plant in 2022` and `the
/// plant in Atyrau is expected in 2022`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fact {
    /// The value of a figure.
    Value(f64),
    /// The last day of a date.
    Day(chrono::NaiveDate),
}

/// The plants of one sentence with the facts it states.
pub type SentencePlants<'a> = (&'a mut Vec<Plant>, Vec<Fact>);

/// Plants completed from the rest of the article: a plant whose sentence
/// names no place (`Kazakhstan will launch a polypropylene plant`) takes
/// the place the article gives for a plant of the same product — the one
/// with a figure of the same value if there are several; an article about
/// one plant joins its place (`the plant in the Pskov region`) and its
/// product (`the plant for the production of PET`).
pub fn fill_places(sentences: Vec<SentencePlants>) {
    let mut all = sentences;
    // (product, place, facts of its sentence)
    let known: Vec<(String, String, Vec<Fact>)> = all
        .iter()
        .flat_map(|(ps, vs)| ps.iter().map(move |p| (p, vs)))
        .filter_map(|(p, vs)| Some((p.products.first()?.clone(), p.place.clone()?, vs.clone())))
        .collect();
    let distinct = |xs: Vec<String>| {
        let mut xs = xs;
        xs.sort();
        xs.dedup();
        (xs.len() == 1).then(|| xs.remove(0))
    };
    let flat = || all.iter().flat_map(|(ps, _)| ps.iter());
    let lone_place = distinct(flat().filter_map(|p| p.place.clone()).collect());
    let lone_product = distinct(flat().filter_map(|p| p.products.first().cloned()).collect());
    for (ps, vs) in all.iter_mut() {
        for p in ps.iter_mut() {
            if p.place.is_none()
                && let Some(product) = p.products.first()
            {
                let same: Vec<&(String, String, Vec<Fact>)> =
                    known.iter().filter(|(q, _, _)| q == product).collect();
                let shared = same
                    .iter()
                    .find(|(_, _, ws)| ws.iter().any(|w| vs.contains(w)));
                p.place = shared
                    .or(same.first())
                    .map(|(_, place, _)| place.clone())
                    .or_else(|| lone_place.clone());
            }
            if p.products.is_empty()
                && p.place.is_some()
                && let Some(product) = &lone_product
            {
                p.products.push(product.clone());
            }
        }
    }
}

/// `plant for the production of X`, `factory producing X`: X, a product
/// `data/en/products.tsv` does not know, kept in English and noted so that
/// the lexicon can grow.
fn unknown_product(toks: &[Token], i: usize) -> Option<String> {
    const LEADS: [&[&str]; 5] = [
        &["for", "the", "production", "of"],
        &["for", "production", "of"],
        &["producing"],
        &["to", "produce"],
        &["manufacturing"],
    ];
    let w = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    let lead = LEADS
        .iter()
        .find(|ws| ws.iter().enumerate().all(|(k, x)| w(i + 1 + k) == *x))?;
    let k = i + 1 + lead.len();
    let word = |t: &&Token| t.kind == TokKind::Word && !t.cap && t.lower.len() > 2;
    toks.get(k).filter(word)?;
    // `basalt fibre`: up to three words, to the first that ends the noun.
    let product = toks[k..]
        .iter()
        .take(3)
        .take_while(|t| word(t) && !ENDS.contains(&t.lower))
        .map(|t| t.lower.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    if product.is_empty() {
        return None;
    }
    note_unknown(&product);
    Some(product)
}

crate::words!(
    /// Words that end a product's noun phrase.
    ENDS, en, "product_ends.tsv"
);

/// English products met that `data/en/products.tsv` lacks.
static UNKNOWN: std::sync::Mutex<std::collections::BTreeSet<String>> =
    std::sync::Mutex::new(std::collections::BTreeSet::new());

fn note_unknown(product: &str) {
    if let Ok(mut set) = UNKNOWN.lock() {
        set.insert(product.to_string());
    }
}

/// The English products met so far that have no Russian lemma in
/// `data/en/products.tsv` (their plant keys keep the English noun).
pub fn unknown_products() -> Vec<String> {
    UNKNOWN
        .lock()
        .map(|s| s.iter().cloned().collect())
        .unwrap_or_default()
}

/// The product next to an object word: just before it (`polypropylene
/// plant`, `octane-boosting additives plant`) or a few words after it
/// (`plant for the production of flat glass`, `production of ceramic
/// slabs`), not across a clause boundary.
fn product_near(
    toks: &[Token],
    found: &[(usize, usize, String)],
    i: usize,
) -> Option<(usize, usize, String)> {
    // `a solar power plant`: the object word inside the product's name.
    if let Some(within) = found.iter().find(|(s, e, _)| *s <= i && i < *e) {
        return Some(within.clone());
    }
    let before = found
        .iter()
        .filter(|(_, e, _)| *e <= i && i - e <= 2)
        .filter(|(_, e, _)| !toks[*e..i].iter().any(|t| t.kind == TokKind::Punct))
        .max_by_key(|(s, _, _)| *s);
    let after = found
        .iter()
        .filter(|(s, _, _)| *s > i && s - i <= 6)
        .filter(|(s, _, _)| {
            !toks[i..*s]
                .iter()
                .any(|t| matches!(t.lower.as_str(), "," | ";" | "." | "(" | "with" | "and"))
        })
        .min_by_key(|(s, _, _)| *s);
    before.or(after).cloned()
}

/// The towns and regions a sentence names: (first token, town).
fn places_in(toks: &[Token]) -> Vec<(usize, String)> {
    crate::grammar::en::places()
        .find_all(toks, 0, toks.len())
        .into_iter()
        // `Astana Group`, `Astana Motors`: a town in a company's name.
        .filter(|(i, n, _)| {
            !toks
                .get(i + n)
                .is_some_and(|t| t.cap && t.kind == TokKind::Word)
        })
        // `TASHKENT – A cement plant …`: the town the news was filed
        // from, opening the sentence before a dash, places no plant.
        .filter(|(i, n, _)| !(*i == 0 && toks.get(i + n).is_some_and(Token::is_dash)))
        .map(|(i, _, e)| (i, e.col(0).to_string()))
        .collect()
}

/// The place nearest to token `i`, one after it preferred.
fn nearest(places: &[(usize, String)], i: usize) -> Option<String> {
    places
        .iter()
        .min_by_key(|(k, _)| if *k > i { k - i } else { 3 * (i - k) })
        .map(|(_, p)| p.clone())
}

/// Every party named in a sentence's tokens: names, adjectives and
/// demonyms, companies; abbreviations only in capitals (`US`, not `us`);
/// a hyphenated pair part by part (`Kazakh-Chinese` → CN+KZ).
pub fn parties_in(toks: &[Token]) -> Vec<Party> {
    let set = crate::grammar::en::parties();
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some((n, e)) = set.longest_at(toks, i)
            && (e.col(1) != "abbr" || upper(&toks[i]))
        {
            out.push(Party {
                start: i,
                end: i + n,
                code: e.col(0).to_string(),
                form: e.col(1).to_string(),
            });
            i += n;
            continue;
        }
        if let Some(code) = pair(&toks[i]) {
            out.push(Party {
                start: i,
                end: i + 1,
                code,
                form: "adj".into(),
            });
        }
        i += 1;
    }
    out
}

/// An abbreviation counts only as a capitalised word (`US`, not `us`).
fn upper(t: &Token) -> bool {
    t.cap && t.kind == TokKind::Word
}

/// `kazakh-chinese`, `india-russia`: each part a party.
fn pair(t: &Token) -> Option<String> {
    if !t.lower.contains('-') || t.kind != TokKind::Word {
        return None;
    }
    let set = crate::grammar::en::parties();
    let mut codes: Vec<String> = Vec::new();
    for part in t.lower.split('-') {
        let probe = Token {
            lower: part.into(),
            starts: crate::lexicon::starts::Starts::UNKNOWN,
            ..t.clone()
        };
        let (_, e) = set.longest_at(std::slice::from_ref(&probe), 0)?;
        codes.extend(e.col(0).split('+').map(str::to_string));
    }
    codes.sort();
    codes.dedup();
    (codes.len() >= 2).then(|| codes.join("+"))
}
