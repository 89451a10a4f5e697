//! DATE, Russian: years, year ranges and decades, months and month
//! ranges, quarters, halves, days, `за N месяцев`, deadlines (`до конца
//! 2027 года`, `к 2030 году`), parts of a year (`в конце 2024 года`) and
//! expressions relative to the publication date (`в текущем году`).
//! Periods are inclusive calendar dates.

use chrono::{Datelike, NaiveDate};

use super::{Anchor, Grain, Kind, Mention, Period};
use crate::record::Qualifier;
use crate::text::meta::month_end;
use crate::text::token::{TokKind, Token};

type Hit = (usize, usize, Period, &'static str);

/// Every date mention in the tokens, longest first at each position.
pub fn find(toks: &[Token], anchor: Anchor) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match best_at(toks, i, anchor) {
            Some((s, e, period, rule)) => {
                out.push(mention(s, e, period, rule));
                i = e;
            }
            None => i += 1,
        }
    }
    out
}

fn mention(s: usize, e: usize, period: Period, rule: &'static str) -> Mention {
    Mention {
        kind: Kind::Date,
        tok_start: s,
        tok_end: e,
        num_tok: s,
        value: None,
        value_max: None,
        unit: None,
        class: None,
        qualifier: Qualifier::Exact,
        period: Some(period),
        vague: false,
        rules: vec![rule],
    }
}

fn best_at(toks: &[Token], i: usize, a: Anchor) -> Option<Hit> {
    let rules: [fn(&[Token], usize, Anchor) -> Option<Hit>; 9] = [
        months_of_year,
        day_range,
        day_month,
        month_range,
        quarter_or_half,
        part_of_year,
        relative,
        year_range,
        year,
    ];
    rules
        .iter()
        .filter_map(|r| r(toks, i, a))
        .max_by_key(|h| h.1 - h.0)
}

fn w(toks: &[Token], k: usize) -> &str {
    toks.get(k).map_or("", |t| t.lower.as_str())
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn span(s: Option<NaiveDate>, e: Option<NaiveDate>, grain: Grain) -> Period {
    Period {
        start: s,
        end: e,
        grain,
        deadline: false,
        relative: false,
    }
}

fn whole_year(y: i32) -> Period {
    span(ymd(y, 1, 1), ymd(y, 12, 31), Grain::Year)
}

fn months(y: i32, m1: u32, m2: u32, grain: Grain) -> Period {
    span(ymd(y, m1, 1), Some(month_end(y, m2)), grain)
}

const MONTH_STEMS: [&str; 12] = [
    "январ",
    "феврал",
    "март",
    "апрел",
    "ма",
    "июн",
    "июл",
    "август",
    "сентябр",
    "октябр",
    "ноябр",
    "декабр",
];

/// The month a word names in any case (`марта`, `январе` → 3, 1).
pub fn month_of(word: &str) -> Option<u32> {
    if matches!(word, "май" | "мая" | "мае" | "маем") {
        return Some(5);
    }
    let m = MONTH_STEMS.iter().position(|s| {
        *s != "ма" && word.starts_with(s) && word.chars().count() - s.chars().count() <= 3
    })?;
    // `марте`, `марта`, `март`; not `маршрут`, `июньский`? (adjective: no)
    Some(m as u32 + 1)
}

fn ordinal_of(word: &str) -> Option<u32> {
    let v = match word {
        "i" | "1" => 1,
        "ii" | "2" => 2,
        "iii" | "3" => 3,
        "iv" | "4" => 4,
        _ if word.starts_with("перв") => 1,
        _ if word.starts_with("втор") => 2,
        _ if word.starts_with("трет") => 3,
        _ if word.starts_with("четверт") => 4,
        _ => return None,
    };
    Some(v)
}

/// A year at `k` with its suffix and year word: (year, end, had word).
fn year_at(toks: &[Token], k: usize) -> Option<(i32, usize, bool)> {
    let y = toks.get(k)?.year()?;
    let mut e = k + 1;
    if toks.get(e).is_some_and(Token::is_dash)
        && matches!(w(toks, e + 1), "м" | "го" | "й" | "е" | "х")
    {
        if matches!(w(toks, e + 1), "е" | "х") {
            return None; // a decade: 1990-е
        }
        e += 2;
    }
    let word = w(toks, e);
    if word.starts_with("год") || word == "г" || word == "гг" {
        let dot = w(toks, e + 1) == "." && !word.starts_with("год");
        return Some((y, e + 1 + usize::from(dot), true));
    }
    Some((y, e, false))
}

fn preposition(toks: &[Token], i: usize) -> Option<(usize, &'static str)> {
    let p = match w(toks, i) {
        "в" | "во" => "в",
        "за" => "за",
        "к" => "к",
        "до" => "до",
        "с" | "со" => "с",
        "на" => "на",
        "по" if w(toks, i + 1) == "итогам" => return Some((i + 2, "по итогам")),
        "по" => "по",
        "начиная" if w(toks, i + 1) == "с" => return Some((i + 2, "с")),
        _ => return None,
    };
    Some((i + 1, p))
}

fn deadline(mut p: Period) -> Period {
    p.start = None;
    p.deadline = true;
    p
}

/// `в 2021 году`, `2022 год`, `к 2030 году`, `до 2027 года`, `2024 г.`.
fn year(toks: &[Token], i: usize, _a: Anchor) -> Option<Hit> {
    let (k, prep) = preposition(toks, i).unwrap_or((i, ""));
    let (y, e, word) = year_at(toks, k)?;
    let bare_ok = matches!(prep, "в" | "к" | "до" | "с" | "по итогам")
        && toks.get(e).is_none_or(|t| t.kind == TokKind::Punct);
    if !word && !bare_ok {
        return None;
    }
    let p = whole_year(y);
    Some(match prep {
        "к" | "до" => (i, e, deadline(p), "к|до <year>"),
        "с" => (i, e, span(ymd(y, 1, 1), None, Grain::Year), "с <year>"),
        _ => (i, e, p, "<year>"),
    })
}

/// `2023-2024 годы`, `в 2021–2025 годах`, `с 2021 по 2025 год`,
/// `в 1990-е годы`, `в 2010-х годах`.
fn year_range(toks: &[Token], i: usize, _a: Anchor) -> Option<Hit> {
    let (k, prep) = preposition(toks, i).unwrap_or((i, ""));
    let y1 = toks.get(k)?.year()?;
    if toks.get(k + 1).is_some_and(Token::is_dash) && matches!(w(toks, k + 2), "е" | "х") {
        let mut e = k + 3;
        if w(toks, e).starts_with("год") {
            e += 1;
        }
        let d = y1 - y1 % 10;
        return Some((
            i,
            e,
            span(ymd(d, 1, 1), ymd(d + 9, 12, 31), Grain::Range),
            "<decade>",
        ));
    }
    let sep = if toks.get(k + 1).is_some_and(Token::is_dash) {
        1
    } else if prep == "с" && w(toks, k + 1) == "по" {
        1
    } else {
        return None;
    };
    let (y2, e, _) = year_at(toks, k + 1 + sep)?;
    if y2 <= y1 || y2 - y1 > 50 {
        return None;
    }
    let p = span(ymd(y1, 1, 1), ymd(y2, 12, 31), Grain::Range);
    Some((i, e, p, "<year> - <year>"))
}

/// `за 11 месяцев 2021 года`, `за первые пять месяцев 2024 г.`.
fn months_of_year(toks: &[Token], i: usize, a: Anchor) -> Option<Hit> {
    if w(toks, i) != "за" {
        return None;
    }
    let mut k = i + 1;
    if w(toks, k).starts_with("перв") {
        k += 1;
    }
    let num = super::number_ru::simple_at(toks, k)?;
    let n = num.value.to_f64() as u32;
    if !(1..=12).contains(&n) || !w(toks, num.end).starts_with("месяц") {
        return None;
    }
    let (y, e) = year_or_anchor(toks, num.end + 1, a)?;
    Some((i, e, months(y, 1, n, Grain::Range), "за <n> месяцев <year>"))
}

/// A year at `k` (`2021 года`, `текущего года`), or the anchor's year.
fn year_or_anchor(toks: &[Token], k: usize, a: Anchor) -> Option<(i32, usize)> {
    if let Some((y, e, _)) = year_at(toks, k) {
        return Some((y, e));
    }
    if let Some((off, e)) = relative_year_words(toks, k) {
        return Some((a.published?.year() + off, e));
    }
    Some((a.published?.year(), k))
}

/// `текущего года`, `прошлого года`, `этом году`: (offset, end).
fn relative_year_words(toks: &[Token], k: usize) -> Option<(i32, usize)> {
    let off = match w(toks, k) {
        s if s.starts_with("текущ")
            || s.starts_with("нынешн")
            || s == "этого"
            || s == "этом"
            || s == "этот"
            || s == "сего" =>
        {
            0
        }
        s if s.starts_with("прошл") || s.starts_with("минувш") => -1,
        s if s.starts_with("позапрошл") => -2,
        s if s.starts_with("следующ") || s.starts_with("будущ") || s.starts_with("наступающ") => {
            1
        }
        _ => return None,
    };
    w(toks, k + 1).starts_with("год").then_some((off, k + 2))
}

/// `в текущем году`, `в прошлом году`, `до конца года`, `с начала года`,
/// `в прошлом месяце`.
fn relative(toks: &[Token], i: usize, a: Anchor) -> Option<Hit> {
    let pubd = a.published?;
    let (k, prep) = preposition(toks, i).unwrap_or((i, ""));
    let rel = |p: Period, e: usize, rule| {
        let mut p = p;
        p.relative = true;
        Some((i, e, p, rule))
    };
    if matches!(w(toks, k), "начала" | "конца") && prep != "" {
        let (off, e) = relative_year_words(toks, k + 1)
            .or_else(|| w(toks, k + 1).starts_with("год").then_some((0, k + 2)))?;
        let y = pubd.year() + off;
        return match (prep, w(toks, k)) {
            ("с", "начала") if off == 0 => rel(
                span(ymd(y, 1, 1), Some(pubd), Grain::Range),
                e,
                "с начала года",
            ),
            ("до", "конца") | ("к", "конца") => {
                rel(deadline(whole_year(y)), e, "до конца <relative year>")
            }
            _ => None,
        };
    }
    if let Some((off, e)) = relative_year_words(toks, k) {
        let p = whole_year(pubd.year() + off);
        let p = if matches!(prep, "к" | "до") {
            deadline(p)
        } else {
            p
        };
        return rel(p, e, "<relative year>");
    }
    let month_off = match (w(toks, k), w(toks, k + 1)) {
        (s, m) if (s.starts_with("прошл") || s.starts_with("минувш")) && m.starts_with("месяц") => {
            -1
        }
        (s, m) if (s.starts_with("текущ") || s == "этом") && m.starts_with("месяц") => {
            0
        }
        (s, m) if s.starts_with("следующ") && m.starts_with("месяц") => 1,
        _ => return None,
    };
    let first = pubd.with_day(1)?;
    let d = first
        .checked_add_months(chrono::Months::new(12))?
        .checked_sub_months(chrono::Months::new((12 - month_off) as u32))?;
    rel(
        months(d.year(), d.month(), d.month(), Grain::Month),
        k + 2,
        "<relative month>",
    )
}

/// `в конце 2024 года` (Oct–Dec), `в начале` (Jan–Mar), `в середине`
/// (Apr–Sep), `во второй половине` (Jul–Dec); `до конца 2027 года` and
/// `к концу 2025 года` are deadlines.
fn part_of_year(toks: &[Token], i: usize, _a: Anchor) -> Option<Hit> {
    let (k, prep) = preposition(toks, i)?;
    let (part, k) = match (w(toks, k), w(toks, k + 1)) {
        ("конца" | "концу" | "конец" | "конце", _) => ("end", k + 1),
        ("начала" | "начале" | "началу" | "начало", _) => ("start", k + 1),
        ("середине" | "середины", _) => ("middle", k + 1),
        (o, h) if h.starts_with("половин") => {
            (if ordinal_of(o)? == 1 { "h1" } else { "h2" }, k + 2)
        }
        _ => return None,
    };
    let (y, e, _) = year_at(toks, k)?;
    let p = match (prep, part) {
        ("до" | "к", "end") => deadline(whole_year(y)),
        ("с", "start") => span(ymd(y, 1, 1), None, Grain::Year),
        (_, "end") => months(y, 10, 12, Grain::Range),
        (_, "start") => months(y, 1, 3, Grain::Range),
        (_, "middle") => months(y, 4, 9, Grain::Range),
        (_, "h1") => months(y, 1, 6, Grain::Half),
        (_, _) => months(y, 7, 12, Grain::Half),
    };
    Some((i, e, p, "<part of> <year>"))
}

/// `в III квартале 2024 года`, `1 кв. 2023 г.`, `первое полугодие 2024`,
/// `в первом полугодии` (the anchor's year).
fn quarter_or_half(toks: &[Token], i: usize, a: Anchor) -> Option<Hit> {
    let (k, _) = preposition(toks, i).unwrap_or((i, ""));
    let n = ordinal_of(w(toks, k))?;
    let mut j = k + 1;
    if toks.get(j).is_some_and(Token::is_dash) && matches!(w(toks, j + 1), "м" | "й" | "го" | "е")
    {
        j += 2;
    }
    let unit = w(toks, j);
    let (is_q, j) = if unit.starts_with("квартал") {
        (true, j + 1)
    } else if unit == "кв" {
        (true, j + 1 + usize::from(w(toks, j + 1) == "."))
    } else if unit.starts_with("полугод") {
        (false, j + 1)
    } else {
        return None;
    };
    let (y, e) = year_or_anchor(toks, j, a)?;
    let p = if is_q && n <= 4 {
        months(y, 3 * n - 2, 3 * n, Grain::Quarter)
    } else if !is_q && n <= 2 {
        months(y, 6 * n - 5, 6 * n, Grain::Half)
    } else {
        return None;
    };
    Some((
        i,
        e,
        p,
        if is_q {
            "<ordinal> квартал <year>"
        } else {
            "<ordinal> полугодие <year>"
        },
    ))
}

/// `январь–сентябрь 2024 года`, `в январе-марте`, `за январь-август`.
fn month_range(toks: &[Token], i: usize, a: Anchor) -> Option<Hit> {
    let (k, _) = preposition(toks, i).unwrap_or((i, ""));
    let m1 = month_of(w(toks, k))?;
    if !toks.get(k + 1).is_some_and(Token::is_dash) {
        return month(toks, i, k, m1, a);
    }
    let m2 = month_of(w(toks, k + 2))?;
    if m2 <= m1 {
        return None;
    }
    let (y, e) = year_or_anchor(toks, k + 3, a)?;
    Some((
        i,
        e,
        months(y, m1, m2, Grain::Range),
        "<month> - <month> <year>",
    ))
}

/// `в марте 2024 года`, `в марте` (the anchor's year).
fn month(toks: &[Token], i: usize, k: usize, m: u32, a: Anchor) -> Option<Hit> {
    if toks[k].kind != TokKind::Word {
        return None;
    }
    let (y, e) = year_or_anchor(toks, k + 1, a)?;
    if e == k + 1 && i == k {
        return None; // a month name alone, no preposition, no year
    }
    Some((i, e, months(y, m, m, Grain::Month), "<month> <year>"))
}

/// `14 марта 2020 года`, `в субботу, 14 марта`, `14.03.2020`.
fn day_month(toks: &[Token], i: usize, a: Anchor) -> Option<Hit> {
    let mut k = i;
    if matches!(w(toks, k), "в" | "во") && is_weekday(w(toks, k + 1)) {
        k += 2 + usize::from(w(toks, k + 2) == ",");
    } else if is_weekday(w(toks, k)) {
        k += 1 + usize::from(w(toks, k + 1) == ",");
    }
    let t = toks.get(k)?;
    if t.kind == TokKind::NumDate {
        let d = NaiveDate::parse_from_str(&t.lower, "%d.%m.%Y").ok()?;
        return Some((i, k + 1, span(Some(d), Some(d), Grain::Day), "<dd.mm.yyyy>"));
    }
    let (d, e, m, y) = day_month_at(toks, k, a)?;
    let date = ymd(y, m, d)?;
    Some((
        i,
        e,
        span(Some(date), Some(date), Grain::Day),
        "<day> <month> <year>",
    ))
}

fn day_month_at(toks: &[Token], k: usize, a: Anchor) -> Option<(u32, usize, u32, i32)> {
    let t = toks.get(k)?;
    if t.kind != TokKind::Num || t.int_digits > 2 {
        return None;
    }
    let d = t.num?.to_f64() as u32;
    let m = month_of(w(toks, k + 1))?;
    if !(1..=31).contains(&d) {
        return None;
    }
    let (y, e) = year_or_anchor(toks, k + 2, a)?;
    Some((d, e, m, y))
}

/// `с 12 января по 30 апреля 2024 года`.
fn day_range(toks: &[Token], i: usize, a: Anchor) -> Option<Hit> {
    if !matches!(w(toks, i), "с" | "со") {
        return None;
    }
    let (d1, e1, m1, y1) = day_month_at(toks, i + 1, a)?;
    if !matches!(w(toks, e1), "по" | "до") {
        return None;
    }
    let (d2, e2, m2, y2) = day_month_at(toks, e1 + 1, a)?;
    let explicit_first_year = toks.get(e1 - 1).is_some_and(|t| {
        t.year().is_some() || t.lower.starts_with("год") || t.is("г") || t.is(".")
    });
    let y1 = if explicit_first_year { y1 } else { y2 };
    let p = span(ymd(y1, m1, d1), ymd(y2, m2, d2), Grain::Range);
    Some((i, e2, p, "с <day> <month> по <day> <month>"))
}

fn is_weekday(s: &str) -> bool {
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
    use super::*;
    use crate::text::token::tokenize;

    fn one(s: &str) -> Period {
        let toks = tokenize(s, 0, s.len());
        let a = Anchor {
            published: ymd(2024, 3, 4),
        };
        let m = find(&toks, a);
        assert_eq!(m.len(), 1, "{s}: {m:?}");
        m[0].period.unwrap()
    }

    #[test]
    fn basics() {
        assert_eq!(one("за 11 месяцев 2021 года").end, ymd(2021, 11, 30));
        assert_eq!(one("в 2023-2024 годах").start, ymd(2023, 1, 1));
        assert_eq!(one("до конца 2027 года").start, None);
        assert_eq!(one("в текущем году").end, ymd(2024, 12, 31));
        assert_eq!(one("в III квартале 2024 года").start, ymd(2024, 7, 1));
        assert_eq!(one("с 12 января по 30 апреля").end, ymd(2024, 4, 30));
        assert_eq!(one("в 1990-е годы").end, ymd(1999, 12, 31));
        assert_eq!(one("в прошлом месяце").start, ymd(2024, 2, 1));
    }
}
