//! NUMBER, English: digits with comma groups (`1,500,000`), scale words
//! and abbreviations (`2.3 billion`, `1.5bn`, `$5m`), number words
//! (`twenty-five`, `one hundred and twenty`), fractions of a scale (`half
//! a billion`, `a quarter of a million`), orders of magnitude (`tens of
//! millions`: no exact value), compounds (`3 million 200 thousand`) and
//! ranges (`2.5–3 billion`, `between 2 and 3 million`, `500-1000`).

use crate::dims::Num;
use crate::dims::decimal::Decimal;
use crate::lexicon::starts::WordQuestion;
use crate::text::token::{TokKind, Token};

/// Number words and their values.
const WORDS: &[(&str, i128)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Scale words: (word, power of ten, must be written on the number: `5m`).
const SCALES: &[(&str, i32, bool)] = &[
    ("thousand", 3, false),
    ("thousands", 3, false),
    ("thou", 3, false),
    ("k", 3, true),
    ("million", 6, false),
    ("millions", 6, false),
    ("mln", 6, false),
    ("mn", 6, false),
    ("m", 6, true),
    ("billion", 9, false),
    ("billions", 9, false),
    ("bln", 9, false),
    ("bn", 9, false),
    ("b", 9, true),
    ("trillion", 12, false),
    ("trillions", 12, false),
    ("trln", 12, false),
    ("trn", 12, false),
    ("tn", 12, false),
    ("crore", 7, false),
    ("crores", 7, false),
    ("lakh", 5, false),
    ("lakhs", 5, false),
];

/// Other words that may begin a number or a date (and the days of the
/// week: `date::en::is_weekday`).
const FIGURE_WORDS: [&str; 18] = [
    "a",
    "half",
    "quarter",
    "tens",
    "hundreds",
    "dozens",
    "several",
    "year",
    "years",
    "yearend",
    "year-end",
    "month",
    "months",
    "yesterday",
    "today",
    "hundred",
    "mid",
    "q",
];

/// The value of a number word (`twenty-five` → 25).
pub fn word_value(w: &str) -> Option<i128> {
    // Every number word begins with a small Latin letter: most words of
    // a Russian text are turned away by their first byte.
    if !w.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
        return None;
    }
    let one = |w: &str| WORDS.iter().find(|(x, _)| *x == w).map(|(_, v)| *v);
    match w.split_once('-') {
        Some((tens, unit)) => {
            let (t, u) = (one(tens)?, one(unit)?);
            (t >= 20 && t % 10 == 0 && (1..10).contains(&u)).then_some(t + u)
        }
        None => one(w),
    }
}

/// Whether a token's word is a number word (`word_value`): a part of
/// the questions of where a number, a figure or a date may begin.
pub(crate) static NUMBER_WORD: WordQuestion = WordQuestion::new(|t| word_value(&t.lower).is_some());

/// `word_value` of a token's word: most words are turned away by their
/// bits (asked once per distinct word).
fn token_value(t: &Token) -> Option<i128> {
    if !NUMBER_WORD.of(t) {
        return None;
    }
    word_value(&t.lower)
}

/// Whether a token can be part of a number or a date (asked once per
/// distinct word).
pub fn may_be_figure(t: &Token) -> bool {
    static WORDS: WordQuestion = WordQuestion::built_on(
        |t| {
            NUMBER_WORD.of(t)
                || scale_power(&t.lower, false).is_some()
                || FIGURE_WORDS.contains(&t.lower.as_str())
                || crate::dims::date::en::is_weekday(&t.lower)
                || crate::dims::date::en::duration::may_begin(&t.lower)
                || t.lower
                    .split('-')
                    .any(|p| crate::dims::date::en::month_of(p).is_some())
        },
        &[&NUMBER_WORD],
    );
    match t.kind {
        TokKind::Num | TokKind::NumDate => true,
        TokKind::Word => WORDS.of(t),
        TokKind::Punct => false,
    }
}

/// The power of a scale word; `attached`: written on the number (`5m`).
pub fn scale_power(w: &str, attached: bool) -> Option<i32> {
    SCALES
        .iter()
        .find(|(s, _, only_attached)| *s == w && (attached || !only_attached))
        .map(|(_, p, _)| *p)
}

/// A scale at token `i`: (power, tokens used, with a full stop).
fn scale_at(toks: &[Token], i: usize) -> Option<(i32, usize)> {
    // `$1.2-billion`: a hyphen between the number and its scale.
    let glued = |k: usize| toks.get(k).is_some_and(|t| !t.space_before);
    if toks.get(i).is_some_and(Token::is_dash) && glued(i) && glued(i + 1) {
        return scale_at(toks, i + 1).map(|(p, n)| (p, n + 1));
    }
    let t = toks.get(i)?;
    if t.kind != TokKind::Word {
        return None;
    }
    let p = scale_power(&t.lower, !t.space_before)?;
    let dot = toks
        .get(i + 1)
        .is_some_and(|d| d.is(".") && !d.space_before && i + 2 < toks.len())
        && matches!(
            t.lower.as_str(),
            "mln" | "bln" | "bn" | "mn" | "thou" | "trln"
        );
    Some((p, if dot { 2 } else { 1 }))
}

/// Digits: whole groups of three after a comma are thousands
/// (`1,500,000`); the tokenizer has joined them (see `en::regroup`).
fn digits_at(toks: &[Token], i: usize) -> Option<Num> {
    let t = toks.get(i)?;
    if t.kind != TokKind::Num {
        return None;
    }
    // `+7 727`, `No. 5`: identifiers, not amounts.
    let prev = i.checked_sub(1).map(|k| &toks[k]);
    if prev.is_some_and(|p| (p.is("+") || p.is("#")) && !t.space_before) {
        return None;
    }
    // `F-150`, `Su-35`, `COVID-19`: a name with a capital, a dash and
    // digits is a model or a code.
    let glued = |k: usize| !toks[k].space_before;
    if i >= 2 && toks[i - 1].is_dash() && glued(i) && glued(i - 1) {
        let name = &toks[i - 2];
        if name.kind == TokKind::Word && name.cap {
            return None;
        }
    }
    // `No. 12`, `number 5`: an identifier.
    let no = i >= 2 && toks[i - 1].is(".") && toks[i - 2].is("no");
    if no || prev.is_some_and(|p| p.is("number") || p.is("no")) {
        return None;
    }
    Some(Num::new(i, i + 1, t.num?, "<digits>"))
}

/// Number words: `one hundred and twenty`, `twenty-five`, `three`.
fn words_at(toks: &[Token], i: usize) -> Option<Num> {
    let mut total: i128 = 0;
    let mut cur: i128 = 0;
    let mut k = i;
    let mut any = false;
    while let Some(t) = toks.get(k) {
        if let Some(v) = token_value(t) {
            cur += v;
            any = true;
            k += 1;
        } else if t.is("hundred") && any {
            cur = cur.max(1) * 100;
            k += 1;
        } else if t.is("and") && any && toks.get(k + 1).is_some_and(|n| token_value(n).is_some()) {
            k += 1;
        } else {
            break;
        }
    }
    total += cur;
    // `one of`, `the one`: a pronoun unless a scale follows.
    if k == i + 1 && toks[i].is("one") && scale_at(toks, k).is_none() {
        return None;
    }
    any.then(|| Num::new(i, k, Decimal::int(total), "<number words>"))
}

/// `half a billion`, `a quarter of a million`, `a million`.
fn fraction_at(toks: &[Token], i: usize) -> Option<Num> {
    let w = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    let (value, k) = match (w(i), w(i + 1), w(i + 2), w(i + 3)) {
        ("half", "a", _, _) => (Decimal { mant: 5, exp: -1 }, i + 2),
        ("a", "half", _, _) => (Decimal { mant: 5, exp: -1 }, i + 2),
        ("a", "quarter", "of", "a") => (Decimal { mant: 25, exp: -2 }, i + 4),
        ("quarter", "of", "a", _) => (Decimal { mant: 25, exp: -2 }, i + 3),
        ("three-quarters", "of", "a", _) => (Decimal { mant: 75, exp: -2 }, i + 3),
        ("three", "quarters", "of", "a") => (Decimal { mant: 75, exp: -2 }, i + 4),
        ("a", _, _, _) => (Decimal::int(1), i + 1),
        _ => return None,
    };
    let (p, n) = scale_at(toks, k)?;
    if toks[k].lower.ends_with('s') {
        return None;
    }
    Some(Num::of_scale(
        i,
        k + n,
        value.scale(p),
        p,
        "<fraction> <scale>",
    ))
}

/// A number with its scale and compound tail, no range.
pub fn simple_at(toks: &[Token], i: usize) -> Option<Num> {
    if let Some(n) = fraction_at(toks, i) {
        return Some(n);
    }
    // `minus 5`, `-5°C`: below zero (a dash glued to the digits only,
    // not between two numbers: `5-10`).
    let sign = toks.get(i).is_some_and(|t| {
        t.is_dash()
            && toks.get(i + 1).is_some_and(|d| !d.space_before)
            && (i == 0 || t.space_before)
    });
    if (sign || toks.get(i).is_some_and(|t| t.is("minus")))
        && let Some(mut n) = digits_at(toks, i + 1)
    {
        n.value = Decimal {
            mant: -n.value.mant,
            exp: n.value.exp,
        };
        n.start = i;
        n.rules.push("minus <number>");
        return Some(n);
    }
    if let Some(n) = dozen_at(toks, i) {
        return Some(n);
    }
    let mut n = digits_at(toks, i).or_else(|| words_at(toks, i))?;
    if let Some((p, k)) = scale_at(toks, n.end) {
        n.value = n.value.scale(p);
        n.scaled = true;
        n.power = p;
        n.end += k;
        n.rules.push("<number> <scale>");
        compound_tail(toks, &mut n, p);
    }
    Some(n)
}

/// `a dozen`, `two dozen`, `3 dozen`: twelves.
fn dozen_at(toks: &[Token], i: usize) -> Option<Num> {
    let one = matches!(toks.get(i)?.lower.as_str(), "a" | "one");
    let count = if one {
        Num::new(i, i + 1, Decimal::int(1), "<dozen>")
    } else {
        digits_at(toks, i).or_else(|| words_at(toks, i))?
    };
    if !toks.get(count.end).is_some_and(|t| t.is("dozen")) {
        return None;
    }
    let value = Decimal {
        mant: count.value.mant * 12,
        exp: count.value.exp,
    };
    Some(Num::new(i, count.end + 1, value, "<number> dozen"))
}

/// `3 million 200 thousand`: a smaller scale after a larger one.
fn compound_tail(toks: &[Token], n: &mut Num, p: i32) {
    let Some(tail) = digits_at(toks, n.end).or_else(|| words_at(toks, n.end)) else {
        return;
    };
    if let Some((q, k)) = scale_at(toks, tail.end)
        && q < p
    {
        n.value = n.value.plus(tail.value.scale(q));
        n.end = tail.end + k;
        n.rules.push("<number> <scale> <number> <smaller scale>");
    }
}

/// An order before `of` with no scale (`hundreds of kilometres`,
/// `millions of barrels`): a number only where a unit or a currency
/// after `of` says what is counted, so not one of `number_at`.
pub fn order_of(toks: &[Token], i: usize) -> Option<Num> {
    let w = toks.get(i)?.lower.as_str();
    let factor = match w {
        "tens" | "dozens" => 10,
        "hundreds" => 100,
        "thousands" | "millions" | "billions" => 1,
        _ => return None,
    };
    if !toks.get(i + 1).is_some_and(|t| t.is("of")) || scale_at(toks, i + 2).is_some() {
        return None;
    }
    let p = scale_power(w, false).unwrap_or(0);
    let mut n = Num::new(i, i + 1, Decimal::int(factor).scale(p), "<order> of");
    n.vague = true;
    Some(n)
}

/// `half a` before a unit (`half a mile`): a number only where a unit
/// follows, so not one of `number_at` (`half a day` is a length of time).
pub fn half_a(toks: &[Token], i: usize) -> Option<Num> {
    let w = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    (w(i) == "half" && w(i + 1) == "a")
        .then(|| Num::new(i, i + 2, Decimal { mant: 5, exp: -1 }, "half a"))
}

/// `tens of millions`, `hundreds of thousands`, `several billion`.
pub fn vague_at(toks: &[Token], i: usize) -> Option<Num> {
    let w = toks.get(i)?.lower.as_str();
    let factor = match w {
        "tens" | "dozens" => 10,
        "hundreds" => 100,
        "several" => 2,
        _ => return None,
    };
    let of = usize::from(toks.get(i + 1).is_some_and(|t| t.is("of")));
    let (p, k) = scale_at(toks, i + 1 + of)?;
    let mut n = Num::of_scale(
        i,
        i + 1 + of + k,
        Decimal::int(factor).scale(p),
        p,
        "<vague> <scale>",
    );
    n.vague = true;
    Some(n)
}

/// A number or a range at `i`: `2.5–3 billion`, `between 2 and 3
/// million`, `500-1000`; the second end's scale applies to the first.
pub fn number_at(toks: &[Token], i: usize) -> Option<Num> {
    if !toks.get(i).is_some_and(may_begin) {
        return None;
    }
    super::once(toks, i, || simple_or_range_at(toks, i))
}

/// Whether `number_at` may read a number at `t`: digits, a dash (a
/// sign), a number word, or a word a fraction, a dozen, a range or a
/// vague number begins with (asked once per distinct word).
pub fn may_begin(t: &Token) -> bool {
    static WORDS: WordQuestion = WordQuestion::built_on(
        |t| {
            NUMBER_WORD.of(t)
                || matches!(
                    t.lower.as_str(),
                    "between"
                        | "half"
                        | "a"
                        | "quarter"
                        | "three-quarters"
                        | "minus"
                        | "tens"
                        | "dozens"
                        | "hundreds"
                        | "several"
                )
        },
        &[&NUMBER_WORD],
    );
    match t.kind {
        TokKind::Num => true,
        TokKind::Punct => t.is_dash(),
        TokKind::Word => WORDS.of(t),
        TokKind::NumDate => false,
    }
}

/// A number, or a range of two, at `i`, past the gate of `number_at`.
pub(super) fn simple_or_range_at(toks: &[Token], i: usize) -> Option<Num> {
    if toks.get(i).is_some_and(|t| t.is("between"))
        && let Some(a) = simple_at(toks, i + 1)
        && toks.get(a.end).is_some_and(|t| t.is("and"))
        && let Some(b) = simple_at(toks, a.end + 1)
    {
        let mut r = join_range(a, b, "between <number> and <number>");
        r.start = i;
        return Some(r);
    }
    let first = simple_at(toks, i).or_else(|| vague_at(toks, i))?;
    let dash = toks.get(first.end).is_some_and(Token::is_dash);
    // `$2.5–$3 billion`: a currency sign may repeat after the dash.
    let sign = usize::from(
        dash && toks
            .get(first.end + 1)
            .is_some_and(|t| t.kind == TokKind::Punct && !t.is_dash()),
    );
    if dash
        && !first.vague
        && let Some(second) = simple_at(toks, first.end + 1 + sign)
        && (toks[first.end + 1 + sign].kind == toks[i].kind || second.scaled)
        && second.value.to_f64() >= first.value.to_f64()
    {
        return Some(join_range(first, second, "<number> - <number>"));
    }
    Some(first)
}

fn join_range(mut a: Num, b: Num, rule: &'static str) -> Num {
    if !a.scaled && b.scaled {
        a.value = a.value.scale(b.power);
        a.power = b.power;
        a.scaled = true;
    }
    a.value_max = Some(b.value);
    a.end = b.end;
    a.rules.push(rule);
    a
}

/// The tokens of an English text: `1,500,000` is one number (the shared
/// tokenizer reads `1,500` as a decimal, as Russian writes it).
pub fn regroup(text: &str, toks: Vec<Token>) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(toks.len());
    let mut k = 0;
    while k < toks.len() {
        let t = &toks[k];
        let raw = &text[t.start..t.end];
        if t.kind != TokKind::Num || !is_group(raw) {
            out.push(t.clone());
            k += 1;
            continue;
        }
        let mut digits: String = raw.replace(',', "");
        let mut end = t.end;
        k += 1;
        // `,000` groups that follow with no space.
        while k + 1 < toks.len()
            && toks[k].is(",")
            && !toks[k].space_before
            && toks[k + 1].kind == TokKind::Num
            && !toks[k + 1].space_before
            && toks[k + 1].int_digits == 3
        {
            digits.push_str(&text[toks[k + 1].start..toks[k + 1].end]);
            end = toks[k + 1].end;
            k += 2;
        }
        let mut joined = t.clone();
        joined.end = end;
        joined.num = Decimal::parse(&digits);
        joined.int_digits = digits.split('.').next().map_or(0, str::len);
        joined.lower = text[t.start..end].into();
        joined.starts = crate::lexicon::starts::Starts::UNKNOWN;
        out.push(joined);
    }
    out
}

/// `1,500`: one to three digits, a comma, three digits.
fn is_group(raw: &str) -> bool {
    let Some((a, b)) = raw.split_once(',') else {
        return false;
    };
    (1..=3).contains(&a.len()) && b.len() == 3 && b.bytes().all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_words_begin_with_a_small_latin_letter() {
        // `word_value` turns away by the first byte every other word.
        for (w, v) in WORDS {
            assert!(w.as_bytes()[0].is_ascii_lowercase(), "{w}");
            assert_eq!(word_value(w), Some(*v), "{w}");
        }
        assert_eq!(word_value("forty-two"), Some(42));
        assert_eq!(word_value("Two"), None);
        assert_eq!(word_value("два"), None);
        assert_eq!(word_value(""), None);
    }
}
