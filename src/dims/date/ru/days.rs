//! The days of a date: `14 марта 2020 года`, `14.03.2020`, `в субботу,
//! 14 марта`, and day ranges (`с 5 по 9 июня`, `12–13 марта`).

use chrono::{Datelike, NaiveDate};

use super::cores::{month_at, span, year_or_anchor, ymd};
use super::{Anchor, Core, Grain, range, rule};
use crate::text::token::{TokKind, Token};

fn w(toks: &[Token], k: usize) -> &str {
    toks.get(k).map_or("", |t| t.lower.as_str())
}

/// `14 марта 2020 года`, `в субботу, 14 марта`, `14.03.2020`.
pub(super) fn day_month(toks: &[Token], k: usize, a: Anchor) -> Option<Core> {
    let mut k = k;
    if is_weekday(w(toks, k)) {
        k += 1 + usize::from(w(toks, k + 1) == ",");
    }
    let t = toks.get(k)?;
    if t.kind == TokKind::NumDate {
        let d = NaiveDate::parse_from_str(&t.lower, "%d.%m.%Y").ok()?;
        // `01.07.2022 г.`: the year word is part of the date.
        let g = w(toks, k + 1) == "г";
        let e = k + 1 + usize::from(g) + usize::from(g && w(toks, k + 2) == ".");
        return Some((e, span(Some(d), Some(d), Grain::Day), rule("<dd.mm.yyyy>")));
    }
    if let Some(c) = iso_date(toks, k) {
        return Some(c);
    }
    let (d, m, y, e) = day_month_at(toks, k, a)?;
    let date = ymd(y, m, d)?;
    Some((
        e,
        span(Some(date), Some(date), Grain::Day),
        rule("<day> <month> <year>"),
    ))
}

/// `2024-03-18`: a date written year first.
fn iso_date(toks: &[Token], k: usize) -> Option<Core> {
    let y = toks.get(k)?.year()?;
    let part = |j: usize| {
        let t = toks
            .get(j)
            .filter(|t| t.kind == TokKind::Num && !t.space_before)?;
        let dash = toks
            .get(j - 1)
            .is_some_and(|d| d.is_dash() && !d.space_before);
        let n = t.num.filter(|n| n.is_whole())?;
        (dash && t.int_digits == 2).then(|| n.to_f64() as u32)
    };
    let d = ymd(y, part(k + 2)?, part(k + 4)?)?;
    Some((
        k + 5,
        span(Some(d), Some(d), Grain::Day),
        rule("<yyyy-mm-dd>"),
    ))
}

pub(super) fn day_of(toks: &[Token], k: usize) -> Option<u32> {
    let t = toks.get(k)?;
    if t.kind != TokKind::Num || t.int_digits > 2 || !t.num?.is_whole() {
        return None;
    }
    let d = t.num?.to_f64() as u32;
    (1..=31).contains(&d).then_some(d)
}

/// Stems of the ordinal day words, from the first.
const DAY_STEMS: [&str; 20] = [
    "перв",
    "втор",
    "трет",
    "четверт",
    "пят",
    "шест",
    "седьм",
    "восьм",
    "девят",
    "десят",
    "одиннадцат",
    "двенадцат",
    "тринадцат",
    "четырнадцат",
    "пятнадцат",
    "шестнадцат",
    "семнадцат",
    "восемнадцат",
    "девятнадцат",
    "двадцат",
];

/// The endings of the ordinal day words (`четвертого`, `первое`,
/// `третьего`, `третье`).
const DAY_ENDINGS: [&str; 4] = ["ого", "ое", "ьего", "ье"];

/// The day an ordinal word names (`четвертого`, `первое` → 4, 1).
pub(super) fn day_word(word: &str) -> Option<u32> {
    let folded;
    // `ё` is `D1 91`: the byte search turns most words away at once (a
    // char search for a letter of two bytes runs a substring search).
    let word = if word.as_bytes().contains(&0x91) && word.contains('ё') {
        folded = word.replace('ё', "е");
        folded.as_str()
    } else {
        word
    };
    // Most words end otherwise: turned away before the stems.
    if !DAY_ENDINGS.iter().any(|e| word.ends_with(e)) {
        return None;
    }
    let n = DAY_STEMS.iter().position(|s| {
        word.strip_prefix(s)
            .is_some_and(|e| DAY_ENDINGS.contains(&e))
    });
    match n {
        Some(n) => Some(n as u32 + 1),
        None => matches!(word, "тридцатого" | "тридцатое").then_some(30),
    }
}

/// A day in words: `четвертого`, `двадцать первого`: (day, end).
fn day_in_words(toks: &[Token], k: usize) -> Option<(u32, usize)> {
    let tens = match w(toks, k) {
        "двадцать" => 20,
        "тридцать" => 30,
        _ => return Some((day_word(w(toks, k))?, k + 1)),
    };
    let d = tens + day_word(w(toks, k + 1)).filter(|d| *d < 10)?;
    (d <= 31).then_some((d, k + 2))
}

/// A day with its case ending (`1-го`, `5-е`) or in words: (day, end).
fn day_at(toks: &[Token], k: usize) -> Option<(u32, usize)> {
    let Some(d) = day_of(toks, k) else {
        return day_in_words(toks, k);
    };
    let glued = |j: usize| toks.get(j).is_some_and(|t| !t.space_before);
    let suffix = toks.get(k + 1).is_some_and(Token::is_dash)
        && glued(k + 1)
        && glued(k + 2)
        && matches!(w(toks, k + 2), "го" | "е");
    Some((d, k + 1 + 2 * usize::from(suffix)))
}

pub(super) fn day_month_at(toks: &[Token], k: usize, a: Anchor) -> Option<(u32, u32, i32, usize)> {
    let (d, k) = day_at(toks, k).map(|(d, e)| (d, e - 1))?;
    let m = month_at(toks, k + 1)?;
    let (mut y, e) = year_or_anchor(toks, k + 2, a)?;
    // No year said: the nearest by the tense (`span::day_near`).
    if e == k + 2
        && let Some(x) = a
            .published
            .and_then(|p| crate::dims::span::day_near(p, m, d, super::spans::tense_of(toks)))
    {
        y = x.year();
    }
    Some((d, m, y, e))
}

/// `с 12 января по 30 апреля 2024 года`, `с 5 по 9 июня 2023 года`.
pub(super) fn day_range(toks: &[Token], k: usize, a: Anchor) -> Option<Core> {
    if k == 0 || !matches!(w(toks, k - 1), "с" | "со") {
        return None;
    }
    if let Some(d1) = day_of(toks, k).filter(|_| matches!(w(toks, k + 1), "по" | "до")) {
        let (d2, m, y, e) = day_month_at(toks, k + 2, a)?;
        return Some((
            e,
            span(ymd(y, m, d1), ymd(y, m, d2), Grain::Range),
            range("с <day> по <day> <month>"),
        ));
    }
    let (d1, m1, y1, e1) = day_month_at(toks, k, a)?;
    if !matches!(w(toks, e1), "по" | "до") {
        return None;
    }
    let (d2, m2, y2, e2) = day_month_at(toks, e1 + 1, a)?;
    let first_has_year = toks.get(e1 - 1).is_some_and(|t| {
        t.year().is_some() || t.lower.starts_with("год") || t.is("г") || t.is(".")
    });
    let y1 = if first_has_year { y1 } else { y2 };
    Some((
        e2,
        span(ymd(y1, m1, d1), ymd(y2, m2, d2), Grain::Range),
        range("с <day> <month> по <day> <month>"),
    ))
}

/// `12–13 марта`, `3 и 4 июня 2024 года`, `30 марта – 2 апреля`: two
/// days joined by a dash or `и`, read as one range.
pub(super) fn day_pair(toks: &[Token], k: usize, a: Anchor) -> Option<Core> {
    let (d1, j) = day_at(toks, k)?;
    let joined = |j: usize| toks.get(j).is_some_and(Token::is_dash) || w(toks, j) == "и";
    if joined(j)
        && let Some((d2, m, y, e)) = day_month_at(toks, j + 1, a)
        && d2 > d1
    {
        let p = span(ymd(y, m, d1), ymd(y, m, d2), Grain::Range);
        return Some((e, p, range("<day> - <day> <month>")));
    }
    let (d1, m1, _, e1) = day_month_at(toks, k, a)?;
    if !toks.get(e1).is_some_and(Token::is_dash) {
        return None;
    }
    let (d2, m2, y, e) = day_month_at(toks, e1 + 1, a)?;
    let p = span(ymd(y, m1, d1), ymd(y, m2, d2), Grain::Range);
    (m2 > m1).then_some((e, p, range("<day> <month> - <day> <month>")))
}

pub(super) fn is_weekday(s: &str) -> bool {
    matches!(
        s,
        "понедельник"
            | "вторник"
            | "среду"
            | "среда"
            | "четверг"
            | "пятницу"
            | "пятница"
            | "субботу"
            | "суббота"
            | "воскресенье"
    )
}

#[cfg(test)]
mod tests {
    use super::day_word;

    #[test]
    fn day_words_with_and_without_yo() {
        let days = [
            ("первого", 1),
            ("третьего", 3),
            ("третье", 3),
            ("третьёго", 3),
            ("четвёртое", 4),
            ("четвертого", 4),
            ("двадцатое", 20),
            ("тридцатого", 30),
        ];
        for (word, day) in days {
            assert_eq!(day_word(word), Some(day), "{word}");
        }
        for word in ["нового", "третий", "первый", "пятом", "тридцать"]
        {
            assert_eq!(day_word(word), None, "{word}");
        }
    }
}
