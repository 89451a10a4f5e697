//! The cores of a date: years, ranges, decades, months, quarters,
//! halves, seasons, days and expressions relative to the publication
//! date, each a function from a token position to (end, period, rule).

use chrono::{Datelike, Months, NaiveDate};

use super::days::is_weekday;
use super::{Anchor, Core, Grain, Period, range, rule};
use std::sync::LazyLock;

use crate::lexicon::starts::WordQuestion;
use crate::lexicon::stems::Stems;
use crate::text::meta::month_end;
use crate::text::token::{TokKind, Token};

fn w(toks: &[Token], k: usize) -> &str {
    toks.get(k).map_or("", |t| t.lower.as_str())
}

pub(super) fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

pub(super) fn span(s: Option<NaiveDate>, e: Option<NaiveDate>, grain: Grain) -> Period {
    Period {
        start: s,
        end: e,
        grain,
        deadline: false,
        relative: false,
        loose: false,
    }
}

pub(super) fn whole_year(y: i32) -> Period {
    span(ymd(y, 1, 1), ymd(y, 12, 31), Grain::Year)
}

pub(super) fn months(y: i32, m1: u32, m2: u32, grain: Grain) -> Period {
    span(ymd(y, m1, 1), Some(month_end(y, m2)), grain)
}

pub(super) fn relative(mut p: Period) -> Period {
    p.relative = true;
    p
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
    // Every month name starts with one of these letters.
    if !word.starts_with(['я', 'ф', 'м', 'а', 'и', 'с', 'о', 'н', 'д']) {
        return None;
    }
    if matches!(word, "май" | "мая" | "мае" | "маем") {
        return Some(5);
    }
    // A stem's first letter (two bytes) is compared inline before the rest.
    let head = word.as_bytes().get(..2);
    let m = MONTH_STEMS.iter().position(|s| {
        *s != "ма"
            && head == s.as_bytes().get(..2)
            && word.starts_with(s)
            && word.chars().count() - s.chars().count() <= 3
    })?;
    Some(m as u32 + 1)
}

/// `month_of` the word of token `k`, asked only where its bits say the
/// word may name a month (the rules ask it of nearly every number's
/// neighbours).
pub fn month_at(toks: &[Token], k: usize) -> Option<u32> {
    static MONTH: WordQuestion = WordQuestion::new(|t| month_of(&t.lower).is_some());
    let t = toks.get(k)?;
    if !MONTH.of(t) {
        return None;
    }
    month_of(&t.lower)
}

pub(super) fn ordinal_of(word: &str) -> Option<u32> {
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
pub(super) fn year_at(toks: &[Token], k: usize) -> Option<(i32, usize, bool)> {
    let y = toks.get(k)?.year()?;
    let mut e = k + 1;
    // `в 2030-м`, `с 2025-го`: the case ending says a year.
    let ending =
        toks.get(e).is_some_and(Token::is_dash) && matches!(w(toks, e + 1), "м" | "го" | "й");
    if ending {
        e += 2;
    }
    let word = w(toks, e);
    if word.starts_with("год") || word == "г" || word == "гг" {
        let dot = w(toks, e + 1) == "." && !word.starts_with("год");
        return Some((y, e + 1 + usize::from(dot), true));
    }
    Some((y, e, ending))
}

/// A year at `k` (`2021 года`, `текущего года`), or the anchor's year
/// with nothing read.
pub(super) fn year_or_anchor(toks: &[Token], k: usize, a: Anchor) -> Option<(i32, usize)> {
    if let Some((y, e, _)) = year_at(toks, k) {
        return Some((y, e));
    }
    if let Some((off, e)) = relative_year_words(toks, k) {
        return Some((a.published?.year() + off, e));
    }
    // `во второй половине года`: the anchor's year, said.
    Some((a.published?.year(), k + usize::from(w(toks, k) == "года")))
}

pub(super) fn relative_offset(word: &str) -> Option<i32> {
    Some(match word {
        s if s.starts_with("текущ")
            || s.starts_with("нынешн")
            || matches!(
                s,
                "этого" | "этом" | "этот" | "сего" | "этому" | "этой" | "этим" | "эту"
            ) =>
        {
            0
        }
        s if s.starts_with("позапрошл") => -2,
        s if s.starts_with("прошл") || s.starts_with("минувш") || s.starts_with("истекш") => {
            -1
        }
        s if s.starts_with("следующ") || s.starts_with("будущ") || s.starts_with("наступающ") => {
            1
        }
        _ => return None,
    })
}

/// `текущего года`, `прошлого года`, `этом году`: (offset, end).
pub(super) fn relative_year_words(toks: &[Token], k: usize) -> Option<(i32, usize)> {
    let off = relative_offset(w(toks, k))?;
    w(toks, k + 1).starts_with("год").then_some((off, k + 2))
}

/// `2021 год`, `2024 г.`, `в 2025-м году`; a bare `2022` only at the end
/// of a clause.
pub(super) fn year(toks: &[Token], k: usize, _a: Anchor) -> Option<Core> {
    let (y, e, word) = year_at(toks, k)?;
    let bare_ok = k > 0
        && matches!(w(toks, k - 1), "в" | "к" | "до" | "с" | "по" | "итогам")
        && !after_change(toks, k)
        && toks
            .get(e)
            .is_none_or(|t| t.kind == TokKind::Punct && !t.is_dash() && !t.is("%") && !t.is("/"));
    (word || bare_ok).then(|| (e, whole_year(y), rule("<year>")))
}

/// Whether the preposition before a bare number at `k` follows a verb
/// of change (`выросло до 1999`) or a first value (`с 1500 до 2000`): the
/// number is a value, not a year.
pub(super) fn after_change(toks: &[Token], k: usize) -> bool {
    const STEMS: [&str; 8] = [
        "выраст",
        "увелич",
        "сниз",
        "сниж",
        "сократ",
        "подня",
        "дорос",
        "довед",
    ];
    let v = w(toks, k.wrapping_sub(2));
    // `с 1500 до 2000`: the second end of a change.
    let from = toks
        .get(k.wrapping_sub(2))
        .is_some_and(|t| t.kind == TokKind::Num && t.year().is_none())
        && matches!(w(toks, k.wrapping_sub(3)), "с" | "со");
    from || is_past_verb(v) || STEMS.iter().any(|s| v.starts_with(s))
}

/// `года`, `году` after `до конца`, `в конце`, `с начала`: the anchor's.
pub(super) fn bare_year_word(toks: &[Token], k: usize, a: Anchor) -> Option<Core> {
    // `по году`: per year, not the year.
    if !matches!(w(toks, k), "года" | "году" | "год") || w(toks, k.wrapping_sub(1)) == "по"
    {
        return None;
    }
    Some((
        k + 1,
        relative(whole_year(a.published?.year())),
        rule("<this year>"),
    ))
}

/// `в текущем году`, `прошлого года`, `за прошлый год`; `за текущий и
/// следующий годы` (both years).
pub(super) fn relative_year(toks: &[Token], k: usize, a: Anchor) -> Option<Core> {
    let y = a.published?.year();
    if let (Some(o1), true, Some(o2)) = (
        relative_offset(w(toks, k)),
        w(toks, k + 1) == "и",
        relative_offset(w(toks, k + 2)),
    ) && w(toks, k + 3).starts_with("год")
        && o1 != o2
    {
        let (y1, y2) = (y + o1.min(o2), y + o1.max(o2));
        let p = span(ymd(y1, 1, 1), ymd(y2, 12, 31), Grain::Range);
        return Some((
            k + 4,
            relative(p),
            rule("<relative year> и <relative year>"),
        ));
    }
    let (off, e) = relative_year_words(toks, k)?;
    Some((e, relative(whole_year(y + off)), rule("<relative year>")))
}

/// `в прошлом квартале`, `в текущем месяце`.
pub(super) fn relative_quarter_or_month(toks: &[Token], k: usize, a: Anchor) -> Option<Core> {
    let off = relative_offset(w(toks, k))?;
    let unit = w(toks, k + 1);
    let pubd = a.published?;
    let first = pubd.with_day(1)?;
    let shift = |d: NaiveDate, months: i32| {
        if months >= 0 {
            d.checked_add_months(Months::new(months as u32))
        } else {
            d.checked_sub_months(Months::new((-months) as u32))
        }
    };
    if unit.starts_with("месяц") {
        let d = shift(first, off)?;
        return Some((
            k + 2,
            relative(months(d.year(), d.month(), d.month(), Grain::Month)),
            rule("<relative month>"),
        ));
    }
    if unit.starts_with("квартал") {
        let q0 = first.with_month((first.month() - 1) / 3 * 3 + 1)?;
        let d = shift(q0, 3 * off)?;
        return Some((
            k + 2,
            relative(months(d.year(), d.month(), d.month() + 2, Grain::Quarter)),
            rule("<relative quarter>"),
        ));
    }
    None
}

/// `вчера`, `сегодня`, `завтра`.
pub(super) fn relative_day(toks: &[Token], k: usize, a: Anchor) -> Option<Core> {
    // `на сегодня`: as of now, not a period.
    if k > 0 && w(toks, k - 1) == "на" {
        return None;
    }
    let off = day_offset(w(toks, k))?;
    let d = a.published? + chrono::Duration::days(off);
    Some((
        k + 1,
        relative(span(Some(d), Some(d), Grain::Day)),
        rule("<relative day>"),
    ))
}

/// The days from publication a word names (`вчера` → -1).
pub(super) fn day_offset(word: &str) -> Option<i64> {
    Some(match word {
        "позавчера" => -2,
        "вчера" => -1,
        "сегодня" => 0,
        "завтра" => 1,
        "послезавтра" => 2,
        _ => return None,
    })
}

/// `2023-2024 годы`, `в 2021–2025 годах`, `с 2021 по 2025 год`.
pub(super) fn year_range(toks: &[Token], k: usize, _a: Anchor) -> Option<Core> {
    let y1 = toks.get(k)?.year()?;
    let by_po =
        k > 0 && matches!(w(toks, k - 1), "с" | "со") && matches!(w(toks, k + 1), "по" | "до");
    // `в 2024 и 2025 годах`: the year word after the second says both.
    let and = w(toks, k + 1) == "и";
    if !toks.get(k + 1).is_some_and(Token::is_dash) && !by_po && !and {
        return None;
    }
    let (y2, e, word) = year_at(toks, k + 2)?;
    if y2 <= y1 || y2 - y1 > 50 || (and && !word) {
        return None;
    }
    Some((
        e,
        span(ymd(y1, 1, 1), ymd(y2, 12, 31), Grain::Range),
        range("<year> - <year>"),
    ))
}

/// `в 1990-е годы`, `в 2010-х годах`, `в 90-е годы`.
pub(super) fn decade(toks: &[Token], k: usize, _a: Anchor) -> Option<Core> {
    let t = toks.get(k)?;
    if t.kind != TokKind::Num
        || !toks.get(k + 1).is_some_and(Token::is_dash)
        || !matches!(w(toks, k + 2), "е" | "х")
    {
        return None;
    }
    let n = t.num?.to_f64() as i32;
    let y = match t.int_digits {
        4 if n % 10 == 0 => n,
        2 if n % 10 == 0 => {
            if n >= 30 {
                1900 + n
            } else {
                2000 + n
            }
        }
        _ => return None,
    };
    // `по 10-е число`: a day of the month.
    if w(toks, k + 3).starts_with("числ") {
        return None;
    }
    let e = k + 3 + usize::from(w(toks, k + 3).starts_with("год"));
    Some((
        e,
        span(ymd(y, 1, 1), ymd(y + 9, 12, 31), Grain::Range),
        rule("<decade>"),
    ))
}

/// `11 месяцев 2021 года` after `за`: January to the N-th month.
pub(super) fn months_of_year(toks: &[Token], k: usize, a: Anchor) -> Option<Core> {
    let k = k + usize::from(w(toks, k).starts_with("перв"));
    let num = crate::dims::number::ru::simple_at(toks, k)?;
    let n = num.value.to_f64() as u32;
    let unit = w(toks, num.end);
    if !(1..=12).contains(&n) || !(unit.starts_with("месяц") || unit == "мес") {
        return None;
    }
    let j = num.end + 1 + usize::from(unit == "мес" && w(toks, num.end + 1) == ".");
    let (y, e) = year_or_anchor(toks, j, a)?;
    Some((
        e,
        months(y, 1, n, Grain::Range),
        rule("за <n> месяцев <year>"),
    ))
}

/// `в III квартале 2024 года`, `1 кв. 2023 г.`, `первое полугодие 2024`.
pub(super) fn quarter_or_half(toks: &[Token], k: usize, a: Anchor) -> Option<Core> {
    let n = ordinal_of(w(toks, k))?;
    let mut j = k + 1;
    // `в III–IV кварталах`: two quarters or halves, one range.
    let mut n2 = n;
    if toks.get(j).is_some_and(Token::is_dash)
        && let Some(m) = ordinal_of(w(toks, j + 1)).filter(|m| *m > n)
    {
        (n2, j) = (m, j + 2);
    }
    if toks.get(j).is_some_and(Token::is_dash) && matches!(w(toks, j + 1), "м" | "й" | "го" | "е")
    {
        j += 2;
    }
    let unit = w(toks, j);
    let (is_q, j) = if unit.starts_with("квартал") {
        (true, j + 1)
    } else if unit == "кв" {
        (true, j + 1 + usize::from(w(toks, j + 1) == "."))
    } else if unit.starts_with("полугод") || unit == "половине" || unit == "половина"
    {
        // `во второй половине 2026 года` is a half-year (decision 63).
        (false, j + 1)
    } else {
        return None;
    };
    let (y, e) = year_or_anchor(toks, j, a)?;
    let grain = |g| if n2 > n { Grain::Range } else { g };
    if is_q && n2 <= 4 {
        Some((
            e,
            months(y, 3 * n - 2, 3 * n2, grain(Grain::Quarter)),
            rule("<ordinal> квартал <year>"),
        ))
    } else if !is_q && n2 <= 2 {
        Some((
            e,
            months(y, 6 * n - 5, 6 * n2, grain(Grain::Half)),
            rule("<ordinal> полугодие <year>"),
        ))
    } else {
        None
    }
}

/// `летом 2023 года`, `осенью прошлого года`, `весной`.
pub(super) fn season(toks: &[Token], k: usize, a: Anchor) -> Option<Core> {
    let (m1, m2) = season_months(w(toks, k))?;
    let (y, e) = year_or_anchor(toks, k + 1, a)?;
    // `Лето выдалось жарким` opens a sentence as a noun; `Летом` is a time.
    if e == k + 1 && k == 0 && !season_time(w(toks, k)) {
        return None;
    }
    Some((e, months(y, m1, m2, Grain::Range), rule("<season> <year>")))
}

/// `летом`, `весной`, `осенью`, `зимой`: a season said as a time.
pub(super) fn season_time(word: &str) -> bool {
    matches!(word, "летом" | "весной" | "осенью" | "зимой")
}

/// The months of a season named by `word` (not winter, which spans two
/// years: `spans::season_words`).
pub(super) fn season_months(word: &str) -> Option<(u32, u32)> {
    match word {
        "летом" | "лето" | "лета" | "лету" => Some((6, 8)),
        "осенью" | "осень" | "осени" => Some((9, 11)),
        "весной" | "весна" | "весны" | "весне" | "весну" => Some((3, 5)),
        _ => None,
    }
}

/// Two months: `январь–сентябрь`, `январь-ноябрь` (one word), `с января
/// по март`: (m1, m2, end).
pub(super) fn two_months(toks: &[Token], k: usize) -> Option<(u32, u32, usize)> {
    let word = w(toks, k);
    if let Some((a, b)) = word.split_once('-') {
        return Some((month_of(a)?, month_of(b)?, k + 1));
    }
    let m1 = month_at(toks, k)?;
    let by_po = k > 0 && matches!(w(toks, k - 1), "с" | "со") && w(toks, k + 1) == "по";
    if !toks.get(k + 1).is_some_and(Token::is_dash) && !by_po {
        return None;
    }
    Some((m1, month_at(toks, k + 2)?, k + 3))
}

/// A month range with its year (or the anchor's), or one month.
pub(super) fn month_range(toks: &[Token], k: usize, a: Anchor) -> Option<Core> {
    if let Some((m1, m2, j)) = two_months(toks, k)
        && m2 > m1
    {
        let (y, e) = year_or_anchor(toks, j, a)?;
        return Some((
            e,
            months(y, m1, m2, Grain::Range),
            range("<month> - <month> <year>"),
        ));
    }
    let m = month_at(toks, k)?;
    let (y, e, _) = year_at(toks, k + 1).or_else(|| {
        relative_year_words(toks, k + 1)
            .and_then(|(off, e)| Some((a.published?.year() + off, e, true)))
    })?;
    // `в декабре 2023 – январе 2024 года`: months of two years.
    if toks.get(e).is_some_and(Token::is_dash)
        && let Some(m2) = month_at(toks, e + 1)
        && let Some((y2, e2, _)) = year_at(toks, e + 2)
        && (y2, m2) > (y, m)
    {
        let p = span(ymd(y, m, 1), Some(month_end(y2, m2)), Grain::Range);
        return Some((e2, p, range("<month> <year> - <month> <year>")));
    }
    Some((e, months(y, m, m, Grain::Month), rule("<month> <year>")))
}

/// `в марте`: a month with no year, after a preposition: the anchor's.
/// A month named without a year: of the year of publication, but in a
/// statement about the past (a verb in the past tense) the latest such
/// month on or before publication — «в декабре экспорт составил …»
/// published on 1 January is last December.
pub(super) fn bare_month(toks: &[Token], k: usize, a: Anchor) -> Option<Core> {
    let m = month_at(toks, k)?;
    let published = a.published?;
    let mut y = published.year();
    if m > published.month() && toks.iter().any(past_verb_at) {
        y -= 1;
    }
    Some((
        k + 1,
        relative(months(y, m, m, Grain::Month)),
        rule("<month>"),
    ))
}

/// Past-tense stems of the verbs that report figures.
const PAST_STEMS: [&str; 24] = [
    "составил",
    "достиг",
    "вырос",
    "вырастал",
    "вырастил",
    "вырост",
    "увеличил",
    "снизил",
    "сократил",
    "превысил",
    "был",
    "произвел",
    "произвёл",
    "выпустил",
    "экспортировал",
    "импортировал",
    "поставил",
    "отгрузил",
    "привлек",
    "привлёк",
    "инвестировал",
    "получил",
    "упал",
    "уменьшил",
];

/// Endings of the past tense after a stem (`составил|а`, `достиг|ла`,
/// `увеличил|ся`).
const PAST_ENDINGS: [&str; 14] = [
    "", "а", "о", "и", "ся", "ась", "ось", "ись", "ла", "ло", "ли", "лся", "лась", "лись",
];

/// `is_past_verb` of a token's word, from its bits.
fn past_verb_at(t: &Token) -> bool {
    static PAST: WordQuestion = WordQuestion::new(|t| is_past_verb(&t.lower));
    PAST.of(t)
}

pub(super) fn is_past_verb(word: &str) -> bool {
    static STEMS: LazyLock<Stems> = LazyLock::new(|| Stems::new(PAST_STEMS));
    STEMS
        .prefixes_of(word)
        .any(|stem| PAST_ENDINGS.contains(&&word[stem.len()..]))
}

/// The word `half_year_back` reads.
pub(super) const HALF_YEAR: &str = "полгода";

/// Whether a core can begin at token `t`: the first words and numbers
/// of the cores above (not those read only after a modifier:
/// `months_of_year`, `bare_year_word`).
pub(super) fn may_begin_core(t: &Token) -> bool {
    let word = t.lower.as_str();
    matches!(t.kind, TokKind::Num | TokKind::NumDate)
        || word == HALF_YEAR
        || is_weekday(word)
        || month_of(word).is_some()
        || word
            .split_once('-')
            .is_some_and(|(a, _)| month_of(a).is_some())
        || ordinal_of(word).is_some()
        || season_months(word).is_some()
        || relative_offset(word).is_some()
        || day_offset(word).is_some()
        || super::days::day_word(word).is_some()
        || matches!(word, "двадцать" | "тридцать")
}

/// `за полгода`: the last half-year over at the anchor (January–June when
/// published in the second half, else July–December of the year before).
pub(super) fn half_year_back(toks: &[Token], k: usize, a: Anchor) -> Option<Core> {
    // `за первые полгода`: the first half over at the anchor.
    let first = k >= 2 && w(toks, k - 1) == "первые" && w(toks, k - 2) == "за";
    if w(toks, k) != HALF_YEAR || k == 0 || (w(toks, k - 1) != "за" && !first) {
        return None;
    }
    let d = a.published?;
    let p = if first {
        months(d.year() - i32::from(d.month() < 7), 1, 6, Grain::Half)
    } else if d.month() >= 7 {
        months(d.year(), 1, 6, Grain::Half)
    } else {
        months(d.year() - 1, 7, 12, Grain::Half)
    };
    Some((k + 1, relative(p), rule("за полгода")))
}
