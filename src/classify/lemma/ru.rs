//! LEMMA: a product phrase in the nominative singular, the head noun's
//! lemma with the adjectives before it agreeing (`мясной продукции` →
//! `мясная продукция`), for plant keys.

use crate::dims::quantity::ru::is_adjective;
use crate::text::token::Token;

#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Gender {
    /// -ый, -ий, -ой.
    Masculine,
    /// -ая, -яя.
    Feminine,
    /// -ое, -ее.
    Neuter,
}

/// The lemma of a product phrase: the lexicon's, or endings rewritten.
pub(crate) fn lemma(toks: &[Token], j: usize, end: usize) -> String {
    let brand = (end >= 2 && toks[end - 2].is("марки")).then(|| latin(&toks[end - 1].lower));
    let words_end = if brand.is_some() { end - 2 } else { end };
    // The lexicon's lemma when it covers the whole phrase (`чугунного
    // литья`); else each word's ending rewritten (`алюминиевых радиаторов`
    // is not `алюминий`).
    let words = words_end.min(j + 4);
    // `марки Н` with no product word before it names no product.
    if words <= j {
        return brand.unwrap_or_default();
    }
    let base = match crate::grammar::ru::products().longest_at(&toks[..words], j) {
        Some((n, e)) if j + n == words => e.col(0).to_string(),
        _ => phrase_lemma(&toks[j..words]),
    };
    match brand {
        Some(b) => format!("{base} {b}"),
        None => base,
    }
}

/// A product phrase in the nominative singular: the head noun's lemma,
/// the adjectives before it agreeing with its gender (`мясной продукции`
/// → `мясная продукция`), the words after it each rewritten.
fn phrase_lemma(words: &[Token]) -> String {
    if words.is_empty() {
        return String::new();
    }
    let head = words
        .iter()
        .position(|t| !is_adjective(t))
        .unwrap_or(words.len() - 1);
    // `серной кислоты`: an adjective in -ой/-ей marks a feminine genitive
    // singular, so the noun's -ы is -а (not a plural).
    let feminine = words[..head]
        .iter()
        .any(|a| a.lower.ends_with("ой") || a.lower.ends_with("ей"));
    let known = crate::grammar::ru::products()
        .longest_at(&words[head..=head], 0)
        .is_some();
    let noun = match words[head].lower.strip_suffix('ы') {
        Some(stem) if feminine && !known => format!("{stem}а"),
        _ => guess_lemma(&words[head]),
    };
    // `белой жести`: a noun in -ь after an adjective in -ой is feminine.
    let gender = if feminine && noun.ends_with('ь') {
        Gender::Feminine
    } else {
        gender_of(&noun)
    };
    let mut out: Vec<String> = words[..head]
        .iter()
        .map(|t| agree(&t.lower, gender))
        .collect();
    out.push(noun);
    // `большого диаметра`: a genitive complement stays as it is written.
    out.extend(words[head + 1..].iter().map(|t| t.lower.to_string()));
    out.join(" ")
}

/// The gender of a noun in the nominative singular, by its ending.
pub(crate) fn gender_of(noun: &str) -> Gender {
    if noun.ends_with('а') || noun.ends_with('я') {
        Gender::Feminine
    } else if noun.ends_with('о') || noun.ends_with('е') || noun.ends_with('ё') {
        Gender::Neuter
    } else {
        Gender::Masculine
    }
}

/// An adjective in any case made nominative singular of a gender.
pub(crate) fn agree(adj: &str, g: Gender) -> String {
    const ENDS: [&str; 16] = [
        "ыми", "ими", "ого", "его", "ому", "ему", "ых", "их", "ые", "ие", "ый", "ий", "ой", "ая",
        "яя", "ое",
    ];
    let Some((stem, end)) = ENDS
        .iter()
        .find_map(|e| adj.strip_suffix(e).map(|s| (s, *e)))
    else {
        return adj.to_string();
    };
    let soft = matches!(end, "ими" | "его" | "ему" | "их" | "ие" | "ий" | "яя")
        && !stem.ends_with(['г', 'к', 'х', 'ж', 'ш', 'ч', 'щ']);
    let new = match (g, soft) {
        (Gender::Masculine, false) if end == "ой" => "ой",
        // No `ы` after г, к, х (`морского` → морский, never морскый).
        (Gender::Masculine, false) if stem.ends_with(['г', 'к', 'х']) => "ий",
        (Gender::Masculine, false) => "ый",
        (Gender::Masculine, true) => "ий",
        (Gender::Feminine, false) => "ая",
        (Gender::Feminine, true) => "яя",
        (Gender::Neuter, false) => "ое",
        (Gender::Neuter, true) => "ее",
    };
    format!("{stem}{new}")
}

/// Nominative singular guessed from a genitive plural ending.
pub(crate) fn guess_lemma(t: &Token) -> String {
    let w = t.lower.as_str();
    if is_adjective(t) {
        for (end, new) in [
            ("ых", "ый"),
            ("их", "ий"),
            ("ого", "ый"),
            ("его", "ий"),
            ("ой", "ый"),
            ("ые", "ый"),
            ("ие", "ий"),
        ] {
            if let Some(stem) = w.strip_suffix(end) {
                return format!("{stem}{new}");
            }
        }
        return w.to_string();
    }
    // `карбамида`: a masculine genitive.
    if let Some(stem) = w.strip_suffix('а')
        && stem
            .chars()
            .last()
            .is_some_and(|c| !"аеиоуыэюяйь".contains(c))
        && stem.chars().count() >= 4
    {
        return stem.to_string();
    }
    if let Some((_, e)) = crate::grammar::ru::products().longest_at(std::slice::from_ref(t), 0) {
        return e.col(0).to_string();
    }
    for (end, new) in [
        ("ов", ""),
        ("ев", "й"),
        ("ей", "ь"),
        ("ций", "ция"),
        ("ий", "ие"),
        ("ья", "ье"),
        ("ии", "ия"),
        ("ия", "ие"),
        ("ы", ""),
        ("жи", "жа"),
        ("ши", "ша"),
        ("чи", "ча"),
        ("щи", "ща"),
        ("ки", "ка"),
        ("ги", "га"),
        ("хи", "ха"),
        ("и", "ь"),
    ] {
        if let Some(stem) = w.strip_suffix(end)
            && stem.chars().count() >= 3
        {
            return format!("{stem}{new}");
        }
    }
    w.to_string()
}

/// A brand in Latin letters: Cyrillic look-alikes in a word that has
/// Latin letters are read as Latin (`Нyundai` → `Hyundai`), and the first
/// letter is a capital.
fn latin(w: &str) -> String {
    let has_latin = w.chars().any(|c| c.is_ascii_alphabetic());
    let s: String = if has_latin {
        w.chars()
            .map(|c| match c {
                'а' => 'a',
                'в' => 'b',
                'е' => 'e',
                'к' => 'k',
                'м' => 'm',
                'н' => 'h',
                'о' => 'o',
                'р' => 'p',
                'с' => 'c',
                'т' => 't',
                'у' => 'y',
                'х' => 'x',
                'і' => 'i',
                c => c,
            })
            .collect()
    } else {
        w.to_string()
    };
    let mut cs = s.chars();
    match cs.next() {
        Some(f) => f.to_uppercase().chain(cs).collect(),
        None => s,
    }
}
