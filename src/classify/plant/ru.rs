//! PLANT, Russian: one plant or project named in a sentence, as a
//! `place/product` key (`Сарань/шина`, `Костанай/редуктор ведущего моста`). The product
//! follows `по производству`, `производить`, `выпуск`; the place is the
//! town (or a region, written as its main town) nearest to it.

use super::Plant;
use crate::classify::lemma::ru::{agree, gender_of, guess_lemma, lemma};
pub use crate::classify::place::ru::places;
use crate::classify::place::ru::{
    adjective_place, guessed_places, nearest_place, place_phrase_at, places_in,
};
use crate::dims::quantity::ru::is_adjective;
use crate::lexicon::memo::WordMemo;
use crate::lexicon::starts::WordQuestion;
use crate::text::token::{TokKind, Token};

crate::words!(
    /// Words for a plant an article can be about (not `центр`, `площадка`).
    pub(crate) PLANT_WORDS, ru, "topic_plant_words.tsv"
);

crate::words!(
    /// Words that name a plant or a project as an object.
    OBJECTS, ru, "plant_objects.tsv"
);

crate::words!(
    /// Objects named by what they are rather than what they make: the key's
    /// product is the object with its adjectives (`логистический центр`).
    SELF_NAMED, ru, "plant_self_named.tsv"
);

crate::words!(TRIGGERS, ru, "plant_triggers.tsv");

crate::words!(STOP, ru, "plant_stop.tsv");

/// `транспортно-логистического центра` → `транспортно-логистический
/// центр`: the object word with the adjectives before it.
fn self_named(toks: &[Token], i: usize) -> Vec<String> {
    let mut k = i;
    while k > 0 && is_adjective(&toks[k - 1]) && k + 3 > i {
        k -= 1;
    }
    let noun = guess_lemma(&toks[i]);
    let gender = gender_of(&noun);
    let mut words: Vec<String> = toks[k..i].iter().map(|t| agree(&t.lower, gender)).collect();
    words.push(noun);
    vec![words.join(" ")]
}

/// A word for a plant (`завод`, `комбината`, `мясокомбинат`); asked of
/// every word of every sentence, so answered once per distinct word.
fn is_object(w: &str) -> bool {
    thread_local! {
        static WORDS: WordMemo = WordMemo::default();
    }
    WORDS.with(|m| m.get_or(w, object_word))
}

/// Whether a token is a word a plant is named after (`TRIGGERS`), from
/// its bits.
fn trigger_at(t: &Token) -> bool {
    static TRIGGER: WordQuestion = WordQuestion::new(|t| TRIGGERS.contains(&t.lower));
    TRIGGER.of(t)
}

/// `is_object` of a token's word, from its bits.
fn object_at(t: &Token) -> bool {
    // The bits keep the answer: no memo of its own.
    static OBJECT: WordQuestion = WordQuestion::new(|t| object_word(&t.lower));
    OBJECT.of(t)
}

fn object_word(w: &str) -> bool {
    // `производственной инфраструктуры`: the adjective names no plant.
    if w.starts_with("производствен") {
        return false;
    }
    // Searchers built once: `str::contains` builds one at every call, and
    // every new word of a text is asked.
    static INSIDE: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 2]> =
        std::sync::LazyLock::new(|| ["завод", "комбинат"].map(memchr::memmem::Finder::new));
    OBJECTS.stem_of(w) || INSIDE.iter().any(|f| f.find(w.as_bytes()).is_some())
}

/// Whether a token's word begins with an object word other than
/// `производств` (`завода`, `комбинатом`), from its bits.
fn names_plant_at(t: &Token) -> bool {
    static NAMES: WordQuestion = WordQuestion::new(|t| {
        OBJECTS
            .iter()
            .any(|o| *o != "производств" && t.lower.starts_with(o))
    });
    NAMES.of(t)
}

/// Every plant named in the tokens of one sentence.
pub fn find(toks: &[Token]) -> Vec<Plant> {
    let any = toks.iter().any(|t| trigger_at(t) || object_at(t));
    if !any {
        return Vec::new();
    }
    let mut places = places_in(toks);
    // A region stands for a plant's town only where a plant is named:
    // `производство шин в Татарстане` is the region's output.
    let named = toks.iter().any(names_plant_at);
    places.retain(|p| p.3 || named);
    // Towns no lexicon knows (`в морском порту Сабетта`) beside those it
    // knows.
    let guessed: Vec<_> = guessed_places(toks)
        .into_iter()
        .filter(|g| !places.iter().any(|p| p.0 <= g.0 && g.0 < p.1))
        .collect();
    places.extend(guessed);
    let mut out = by_trigger(toks, &places);
    for (i, t) in toks.iter().enumerate() {
        // `"Балтийского судомеханического завода"`: the last word of a
        // company's name in quotes is no plant of the sentence.
        let quoted = toks
            .get(i + 1)
            .is_some_and(|n| matches!(n.lower.as_str(), "\"" | "»" | "”") && !n.space_before);
        let object = object_at(t) && !quoted;
        if !object || out.iter().any(|p| p.start.abs_diff(i) <= 2) {
            continue;
        }
        // `шинный завод` (an adjective before) or `завод силовых
        // трансформаторов` (the product after).
        let before = i
            .checked_sub(1)
            .and_then(|k| {
                crate::grammar::ru::products()
                    .longest_at(toks, k)
                    .filter(|(n, _)| *n == 1)
            })
            .map(|(_, e)| vec![e.col(0).to_string()]);
        let after = || {
            let (p, _) = products_at(toks, i + 1);
            let ok = toks
                .get(i + 1)
                .is_some_and(|t| !t.cap && t.lower.chars().count() > 3 && !object_at(t));
            if ok { p } else { Vec::new() }
        };
        // `автозавод`: the product inside the word.
        let itself = crate::grammar::ru::products()
            .longest_at(toks, i)
            .filter(|(n, _)| *n == 1)
            .map(|(_, e)| vec![e.col(0).to_string()]);
        let named = SELF_NAMED
            .iter()
            .any(|o| t.lower.starts_with(o))
            .then(|| self_named(toks, i));
        // A terminal or centre is named by what it handles when the text
        // says it (`терминала навалочных грузов`), else by what it is.
        let products = before
            .or(itself)
            .or_else(|| Some(after()).filter(|p| !p.is_empty()))
            .or(named)
            .unwrap_or_default();
        // `Богучанского алюминиевого завода`: the plant's own town first;
        // with no place at all the plant is kept for the document to place.
        let place = adjective_place(toks, i).or_else(|| nearest_place(&places, i, i + 1));
        out.push(Plant {
            start: i,
            end: i + 1,
            place,
            products,
        });
    }
    out.sort_by_key(|p| p.start);
    out
}

/// Words that end a product phrase: what a plant has or is, not what it
/// makes (`рабочих мест`, `линию`, `компании`).
fn not_product(w: &str) -> bool {
    const NOT: [&str; 14] = [
        "мест",
        "лини",
        "компани",
        "компонент",
        "предприят",
        "территори",
        "район",
        "област",
        "рамках",
        "мощност",
        "объем",
        "стоимост",
        "город",
        "завод",
    ];
    NOT.iter().any(|n| w.starts_with(n)) || is_object(w)
}

/// Whether product words name goods: not a function word first
/// (`ещё больше`, `была официально`, `должна`), and not a bare generic
/// noun (`продукции`, `первой продукции`) with no adjective that says
/// what kind.
fn names_goods(words: &[Token]) -> bool {
    const FUNCTION: [&str; 25] = [
        "ежегодн",
        "ещ",
        "больш",
        "более",
        "был",
        "будет",
        "будут",
        "должн",
        "мож",
        "мог",
        "такж",
        "уже",
        "рассчитан",
        "официальн",
        "планир",
        "сейчас",
        "этого",
        "этой",
        "этот",
        "котор",
        "не",
        "свыше",
        "около",
        "порядка",
        "почти",
    ];
    const GENERIC: [&str; 4] = ["продукц", "продукт", "товар", "издели"];
    const VAGUE: [&str; 6] = ["перв", "готов", "нов", "собствен", "тестов", "коммерческ"];
    let first = words[0].lower.as_str();
    if FUNCTION.iter().any(|f| first.starts_with(f)) {
        return false;
    }
    let head = words.iter().position(|t| !is_adjective(t)).unwrap_or(0);
    let generic = GENERIC.iter().any(|g| words[head].lower.starts_with(g));
    let kinds = words[..head]
        .iter()
        .filter(|a| !VAGUE.iter().any(|v| a.lower.starts_with(v)))
        .count();
    !generic || kinds > 0
}

/// A plant word that names several (`заводов`, `17 терминалов`, `семь
/// производств`, `совместные предприятия`): the sentence is about a set,
/// not one plant.
pub fn is_set(toks: &[Token], p: &Plant) -> bool {
    const PLURAL: [&str; 8] = ["ов", "ий", "ам", "ами", "ах", "ях", "ы", "ств"];
    const COUNTS: [&str; 14] = [
        "два",
        "две",
        "три",
        "четыре",
        "пять",
        "шесть",
        "семь",
        "восемь",
        "девять",
        "десять",
        "несколько",
        "ряд",
        "ряда",
        "ряду",
    ];
    let w = toks[p.start].lower.as_str();
    if !is_object(w) {
        return false;
    }
    let plural = PLURAL.iter().any(|e| w.ends_with(e)) && !w.starts_with("нпз");
    // The word before the object and its adjectives: a count, or an
    // adjective in the plural.
    let mut k = p.start;
    while k > 0 && is_adjective(&toks[k - 1]) {
        k -= 1;
        let a = toks[k].lower.as_str();
        if ["ые", "ие", "ых", "их", "ыми", "ими"]
            .iter()
            .any(|e| a.ends_with(e))
        {
            return true;
        }
    }
    let counted = k.checked_sub(1).map(|b| &toks[b]).is_some_and(|t| {
        (t.kind == TokKind::Num && t.year().is_none()) || COUNTS.contains(&t.lower.as_str())
    });
    plural || counted
}

/// Whether a word names a plant (`завод`, `НПЗ`, `фабрикой`).
pub fn is_plant_word(w: &str) -> bool {
    is_object(w)
}

/// A word for a plant as an object, not for making (`производство шин в
/// Татарстане` is the region's output).
pub fn names_an_object(w: &str) -> bool {
    is_plant_word(w) && !w.starts_with("производств")
}

fn by_trigger(toks: &[Token], places: &[(usize, usize, String, bool)]) -> Vec<Plant> {
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if !trigger_at(t) {
            continue;
        }
        let mut j = i + 1;
        if let Some(end) = place_phrase_at(toks, j) {
            j = end;
        }
        let (mut products, end) = products_at(toks, j);
        if products.is_empty() {
            continue;
        }
        // `фабрика по переработке медной руды`: a plant that processes an
        // input is keyed by what it does (decision 47).
        if t.lower.starts_with("переработк") {
            products = toks[j..end]
                .split(|t| t.is("и"))
                .map(|p| {
                    let words: Vec<&str> = p.iter().map(|t| t.lower.as_str()).collect();
                    format!("переработка {}", words.join(" "))
                })
                .collect();
        }
        let place = nearest_place(places, i, end);
        out.push(Plant {
            start: i,
            end,
            place,
            products,
        });
    }
    out
}

/// The products after a trigger, split at `и`: (lemmas, end).
fn products_at(toks: &[Token], mut j: usize) -> (Vec<String>, usize) {
    let mut out = Vec::new();
    let mut shared = false;
    loop {
        let (words, end) = product_words(toks, j);
        let goods = &toks[j..j + words];
        // `цветных и драгоценных металлов`: an adjective alone is no goods.
        let lone =
            words == 1 && is_adjective(&goods[0]) && toks.get(end).is_some_and(|t| t.is("и"));
        // `стандартных и гибридных семян`: adjectives that share the noun
        // after the last of them; the product is the noun they share.
        if lone && product_words(toks, end + 1).0 > 1 {
            j = end + 1;
            shared = true;
            continue;
        }
        if words == 0 || !names_goods(goods) || lone {
            break;
        }
        let from = if shared {
            (j..j + words)
                .find(|&k| !is_adjective(&toks[k]))
                .unwrap_or(j)
        } else {
            j
        };
        shared = false;
        let product = lemma(toks, from, end);
        if product.is_empty() {
            break;
        }
        out.push(product);
        j = end;
        if toks.get(j).is_some_and(|t| t.is("и")) && product_words(toks, j + 1).0 > 0 {
            j += 1;
        } else {
            break;
        }
    }
    (out, j)
}

/// The product named at token `j` (`мясной продукции` → `мясная
/// продукция`), if a product phrase starts there.
pub fn phrase_at(toks: &[Token], j: usize) -> Option<String> {
    let (n, end) = product_words(toks, j);
    let words = &toks[j..end.min(j + n)];
    if words.is_empty() || words.iter().all(is_adjective) || !names_goods(words) {
        return None;
    }
    let product = lemma(toks, j, j + n);
    (!product.is_empty()).then_some(product)
}

/// The product words at `j` (at most four, plus `марки X`): (count, end).
fn product_words(toks: &[Token], j: usize) -> (usize, usize) {
    let mut k = j;
    while k < toks.len() && k - j < 4 {
        let t = &toks[k];
        // A capital ends the goods: `шифера ООО «…»`, a name after them.
        if t.kind != TokKind::Word
            || (k > j && t.cap)
            || t.is("марки")
            || STOP.contains(&t.lower)
            || t.is("и")
            || looks_like_verb(t)
            || not_product(&t.lower)
        {
            break;
        }
        k += 1;
    }
    let n = k - j;
    if n > 0 && toks.get(k).is_some_and(|t| t.is("марки")) && toks.get(k + 1).is_some() {
        k += 2;
    }
    (n, k)
}

/// `составит`, `запланирован`, `начнется`: a verb ends the product.
fn looks_like_verb(t: &Token) -> bool {
    const ENDS: [&str; 21] = [
        "ит", "ят", "ет", "ут", "ют", "ал", "ил", "ся", "ть", "ан", "ена", "ено", "ен", "ены",
        "ано", "аны", "ала", "ило", "или", "али", "ыли",
    ];
    let w = t.lower.as_str();
    w.chars().count() > 4
        && ENDS.iter().any(|e| w.ends_with(e))
        && crate::grammar::ru::products()
            .longest_at(std::slice::from_ref(t), 0)
            .is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;

    fn keys(s: &str) -> Vec<String> {
        let t = tokenize(s, 0, s.len());
        find(&t).iter().flat_map(Plant::keys).collect()
    }

    #[test]
    fn a_brand_alone_is_no_product() {
        assert!(keys("0 производств марки Н").is_empty());
        assert!(
            keys("завод марки Б в Сарани")
                .iter()
                .all(|k| !k.ends_with('/'))
        );
    }

    #[test]
    fn products_and_places() {
        assert_eq!(
            keys("завод по производству шин в Сарани Карагандинской области"),
            vec!["Сарань/шина"]
        );
        assert_eq!(
            keys("заводов по производству чугунного литья и редукторов ведущих мостов в Костанае"),
            vec![
                "Костанай/чугунное литьё",
                "Костанай/редуктор ведущего моста"
            ]
        );
        assert_eq!(
            keys("В Алматы будут производить автомобили марки Нyundai."),
            vec!["Алматы/автомобиль Hyundai"]
        );
        assert_eq!(
            keys("проект по производству в Атырауской области бутадиеновых каучуков"),
            vec!["Атырау/бутадиеновый каучук"]
        );
    }

    #[test]
    fn places_from_adjectives_and_cases() {
        assert_eq!(
            keys("Компания начнёт вторую очередь Тасеевского цементного завода в 2027 году"),
            vec!["Тасеев/цемент"]
        );
        assert_eq!(
            keys("завод по производству кирпича под Калугой"),
            vec!["Калуга/кирпич"]
        );
        assert_eq!(
            keys("в городе Шахринау открыли предприятие по производству плитки"),
            vec!["Шахринау/плитка"]
        );
        assert_eq!(
            keys("В Бурлинском районе реализуют проект по производству карбамида."),
            vec!["Бурлин/карбамид"]
        );
    }

    #[test]
    fn products_are_goods() {
        assert!(keys("В Омске предприятие было официально открыто.").is_empty());
        assert!(keys("В Омске завод планировали открыть весной.").is_empty());
        let s = "белой жести";
        let t = tokenize(s, 0, s.len());
        assert_eq!(phrase_at(&t, 0).as_deref(), Some("белая жесть"));
    }
}
