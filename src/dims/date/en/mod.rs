//! DATE, English: a *core* (a year or year range, a fiscal year, a
//! month or month range, a day, a quarter, a half, the first N months, a
//! season, a period said relative to the publication date) with an
//! optional *modifier* before it: a deadline (`by the end of`, `by`,
//! `until`), a part of the period (`late`, `early`, `mid-`), `since`,
//! `year to date`. Periods are inclusive calendar dates.

pub mod duration;
mod starts;
use starts::{may_start, modifiers};

use chrono::{Datelike, Duration, NaiveDate};

use crate::dims::{Anchor, Grain, Mention, Period};
use crate::text::token::{TokKind, Token};

/// What a modifier does to the core period after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Modifier {
    Same,
    Deadline,
    From,
    End,
    Start,
    Middle,
}

/// Modifier phrases, longest first.
const MODIFIERS: &[(&[&str], Modifier)] = &[
    (&["by", "the", "end", "of"], Modifier::Deadline),
    (&["until", "the", "end", "of"], Modifier::Deadline),
    (&["before", "the", "end", "of"], Modifier::Deadline),
    (&["no", "later", "than"], Modifier::Deadline),
    (&["not", "later", "than"], Modifier::Deadline),
    (&["by", "end", "-"], Modifier::Deadline),
    (&["by", "the"], Modifier::Deadline),
    (&["by"], Modifier::Deadline),
    (&["until"], Modifier::Deadline),
    (&["till"], Modifier::Deadline),
    (&["before"], Modifier::Deadline),
    (&["in", "late"], Modifier::End),
    (&["at", "the", "end", "of"], Modifier::End),
    (&["the", "end", "of"], Modifier::End),
    (&["end", "of"], Modifier::End),
    (&["late"], Modifier::End),
    (&["in", "early"], Modifier::Start),
    (&["at", "the", "beginning", "of"], Modifier::Start),
    (&["at", "the", "start", "of"], Modifier::Start),
    (&["early"], Modifier::Start),
    (&["in", "mid", "-"], Modifier::Middle),
    (&["mid", "-"], Modifier::Middle),
    (&["in", "the", "middle", "of"], Modifier::Middle),
    (&["since"], Modifier::From),
    (&["starting", "from"], Modifier::From),
    (&["in", "the"], Modifier::Same),
    (&["in"], Modifier::Same),
    (&["during", "the"], Modifier::Same),
    (&["during"], Modifier::Same),
    (&["for", "the"], Modifier::Same),
    (&["for"], Modifier::Same),
    (&["over", "the"], Modifier::Same),
    (&["on"], Modifier::Same),
    (&["of"], Modifier::Same),
    (&["the"], Modifier::Same),
    (&["from"], Modifier::Same),
];

type Core = (usize, Period, &'static str);

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month of a name or abbreviation (`March`, `Mar`, `Sept`).
pub fn month_of(w: &str) -> Option<u32> {
    const ABBR: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let k = MONTHS
        .iter()
        .position(|m| *m == w)
        .or_else(|| ABBR.iter().position(|m| *m == w))
        .or_else(|| (w == "sept").then_some(8))?;
    Some(k as u32 + 1)
}

/// Whether a word is a day of the week.
pub fn is_weekday(w: &str) -> bool {
    WEEKDAYS.contains(&w)
}

/// The days of the week, from Monday.
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

const ORDINALS: [(&str, u32); 12] = [
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
];

fn ordinal(w: &str) -> Option<u32> {
    ORDINALS.iter().find(|(o, _)| *o == w).map(|(_, v)| *v)
}

fn w(toks: &[Token], k: usize) -> &str {
    toks.get(k).map_or("", |t| t.lower.as_str())
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    ymd(ny, nm, 1).map(|d| d - Duration::days(1))
}

fn months(y: i32, m1: u32, m2: u32, grain: Grain) -> Period {
    Period {
        start: ymd(y, m1, 1),
        end: month_end(y, m2),
        grain,
        deadline: false,
        relative: false,
        loose: false,
    }
}

fn relative(mut p: Period) -> Period {
    p.relative = true;
    p
}

/// Every date mention in the tokens, longest first at each position.
pub fn find(toks: &[Token], anchor: Anchor) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !may_start(&toks[i]) {
            i += 1;
            continue;
        }
        match best_at(toks, i, anchor) {
            Some((e, period, rule)) => {
                out.push(Mention::date(i, e, period, rule));
                i = e;
            }
            None => i += 1,
        }
    }
    out
}

/// The longest date at token `i`, with or without a modifier.
fn best_at(toks: &[Token], i: usize, a: Anchor) -> Option<Core> {
    if let Some(c) = year_to_date(toks, i, a) {
        return Some(c);
    }
    let bare = core_at(toks, i, a).map(|c| (c, Modifier::Same, i));
    let modified = modifiers()
        .at(toks, i)
        .find_map(|(ws, m)| core_at(toks, i + ws.len(), a).map(|c| (c, *m, i)));
    let ((e, p, rule), m, _) = match (bare, modified) {
        (Some(b), Some(m)) if m.0.0 >= b.0.0 => m,
        (Some(b), _) => b,
        (None, m) => m?,
    };
    // `in the first half`: a bare article before a core is no date word.
    Some((e, apply(m, p)?, rule))
}

fn apply(m: Modifier, p: Period) -> Option<Period> {
    let year = p.end.or(p.start)?.year();
    Some(match m {
        Modifier::Same => p,
        Modifier::Deadline => Period {
            start: None,
            deadline: true,
            ..p
        },
        Modifier::From => Period { end: None, ..p },
        Modifier::End | Modifier::Start | Modifier::Middle if p.grain == Grain::Year => {
            let (m1, m2) = match m {
                Modifier::End => (10, 12),
                Modifier::Start => (1, 3),
                _ => (4, 9),
            };
            Period {
                relative: p.relative,
                ..months(year, m1, m2, Grain::Range)
            }
        }
        _ => p,
    })
}

/// The cores, tried in turn; the longest wins.
fn core_at(toks: &[Token], k: usize, a: Anchor) -> Option<Core> {
    type Rule = fn(&[Token], usize, Anchor) -> Option<Core>;
    let cores: [Rule; 9] = [
        year_core,
        month_core,
        day_month,
        quarter_or_half,
        months_of_year,
        relative_year,
        relative_month,
        weekday,
        season,
    ];
    // `by the end of the first half`: an article before the core.
    let k = if w(toks, k) == "the" && w(toks, k + 1) != "yearend" && w(toks, k + 1) != "year-end" {
        k + 1
    } else {
        k
    };
    cores
        .iter()
        .filter_map(|c| c(toks, k, a))
        .max_by_key(|c| c.0)
}

/// A year token that is no amount (`2000 tonnes`, `$2024`).
fn year_at(toks: &[Token], k: usize) -> Option<i32> {
    let t = toks.get(k)?;
    // `2,000`: a year is never written with a group comma.
    let y = t.year().filter(|_| !t.lower.contains(','))?;
    let prev_sign = k > 0
        && toks[k - 1].kind == TokKind::Punct
        && !t.space_before
        && !toks[k - 1].is_dash()
        && !toks[k - 1].is("(")
        && !toks[k - 1].is("/");
    let next = w(toks, k + 1);
    let amount = crate::grammar::en::units()
        .longest_at(toks, k + 1)
        .is_some()
        || crate::dims::number::en::scale_power(next, false).is_some()
        || next == "%"
        || crate::grammar::en::currencies()
            .longest_at(toks, k + 1)
            .is_some();
    (!prev_sign && !amount).then_some(y)
}

/// `2022`, `FY2024`, `2023-2024`, `2023–24`, `between 2005 and 2024`, `the 2020s`.
fn year_core(toks: &[Token], k: usize, _a: Anchor) -> Option<Core> {
    if w(toks, k) == "between"
        && let Some(y1) = year_at(toks, k + 1)
        && w(toks, k + 2) == "and"
        && let Some(y2) = year_at(toks, k + 3)
    {
        return Some((k + 4, years(y1, y2), "between <year> and <year>"));
    }
    let fy = usize::from(w(toks, k) == "fy");
    let y = year_at(toks, k + fy)?;
    let e = k + fy + 1;
    if toks.get(e).is_some_and(Token::is_dash) || matches!(w(toks, e), "to" | "/") {
        if let Some(y2) = year_at(toks, e + 1).filter(|y2| *y2 > y) {
            return Some((e + 2, years(y, y2), "<year> - <year>"));
        }
        // `2023–24`
        let t = toks.get(e + 1);
        if let Some(t) =
            t.filter(|t| t.kind == TokKind::Num && t.int_digits == 2 && !t.space_before)
        {
            let y2 = y / 100 * 100 + t.num?.mant as i32;
            if y2 > y {
                return Some((e + 2, years(y, y2), "<year> - <yy>"));
            }
        }
    }
    Some((e, years(y, y), "<year>"))
}

fn years(y1: i32, y2: i32) -> Period {
    let mut p = months(y1, 1, 12, Grain::Year);
    p.end = ymd(y2, 12, 31);
    if y2 != y1 {
        p.grain = Grain::Range;
    }
    p
}

/// The year after a month or quarter (`June 2019`, `June, 2019`, `of next
/// year`), else the publication year; and whether the text said the year.
fn year_after(toks: &[Token], k: usize, a: Anchor) -> Option<(i32, usize, bool)> {
    let comma = usize::from(matches!(w(toks, k), "," | "of"));
    if let Some(y) = year_at(toks, k + comma) {
        return Some((y, k + comma + 1, true));
    }
    if w(toks, k) == "of"
        && let Some((p, e, _)) = relative_year(toks, k + 1, a).map(|(e, p, r)| (p, e, r))
    {
        return Some((p.start?.year(), e, true));
    }
    if w(toks, k) == "of" && w(toks, k + 1) == "the" && w(toks, k + 2) == "year" {
        return Some((a.published?.year(), k + 3, false));
    }
    Some((a.published?.year(), k, false))
}

/// `June 2019`, `January-June 2019`, `January through March`, `in June`.
fn month_core(toks: &[Token], k: usize, a: Anchor) -> Option<Core> {
    // `January-June`: one word to the tokenizer.
    if let Some((x, y)) = w(toks, k).split_once('-') {
        let (m1, m2) = (month_of(x)?, month_of(y)?);
        let (y, end, _) = year_after(toks, k + 1, a)?;
        return (m2 > m1).then(|| {
            (
                end,
                months(y, m1, m2, Grain::Range),
                "<month>-<month> <year>",
            )
        });
    }
    let m1 = month_of(w(toks, k))?;
    // `May` alone is a verb as often as a month: it needs a capital and a
    // year after it or a preposition before it.
    let before = k.checked_sub(1).map_or("", |j| toks[j].lower.as_str());
    let month_word = matches!(
        before,
        "in" | "since"
            | "by"
            | "until"
            | "of"
            | "early"
            | "late"
            | "-"
            | "mid"
            | "from"
            | "to"
            | "through"
            | "end"
    );
    if w(toks, k) == "may" && (!toks[k].cap || !(month_word || year_at(toks, k + 1).is_some())) {
        return None;
    }
    let dot = usize::from(w(toks, k + 1) == ".");
    let mut e = k + 1 + dot;
    let mut m2 = m1;
    let joined = toks.get(e).is_some_and(Token::is_dash) || matches!(w(toks, e), "through" | "to");
    if joined && let Some(x) = month_of(w(toks, e + 1)).filter(|x| *x > m1) {
        m2 = x;
        e += 2;
    }
    if toks
        .get(e)
        .is_some_and(|t| t.kind == TokKind::Num && t.year().is_none())
    {
        return None; // a day: `March 5`
    }
    let (y, end, said) = year_after(toks, e, a)?;
    let grain = if m1 == m2 { Grain::Month } else { Grain::Range };
    let mut p = months(y, m1, m2, grain);
    // `in November` with no year: the year is the publication's, a guess.
    p.relative = !said;
    Some((end, p, "<month> <year>"))
}

/// `March 5, 2024`, `5 March 2024`, `Jan. 25`.
fn day_month(toks: &[Token], k: usize, a: Anchor) -> Option<Core> {
    let day = |t: &Token| {
        (t.kind == TokKind::Num && t.int_digits <= 2)
            .then(|| t.num.map(|d| d.mant as u32))
            .flatten()
    };
    let (m, d, e) = if let Some(m) = month_of(w(toks, k)) {
        let dot = usize::from(w(toks, k + 1) == ".");
        let d = day(toks.get(k + 1 + dot)?)?;
        (m, d, k + 2 + dot)
    } else {
        let d = day(toks.get(k)?)?;
        let m = month_of(w(toks, k + 1))?;
        (m, d, k + 2)
    };
    let (y, end, _) = year_after(toks, e, a)?;
    let date = ymd(y, m, d)?;
    let p = Period {
        start: Some(date),
        end: Some(date),
        grain: Grain::Day,
        deadline: false,
        relative: false,
        loose: false,
    };
    Some((end, p, "<month> <day> <year>"))
}

/// `Q3 2025`, `3Q`, `H1 2022`, `the third quarter of 2025`, `the first half`.
fn quarter_or_half(toks: &[Token], k: usize, a: Anchor) -> Option<Core> {
    let num = |t: Option<&Token>| t.and_then(|t| t.num).map(|d| d.mant as u32);
    let (n, half, e) = match w(toks, k) {
        "q" => (num(toks.get(k + 1))?, false, k + 2),
        "h" => (num(toks.get(k + 1))?, true, k + 2),
        x => {
            let n = ordinal(x)?;
            match w(toks, k + 1) {
                "quarter" => (n, false, k + 2),
                "half" => (n, true, k + 2),
                _ => return None,
            }
        }
    };
    let (y, end, said) = year_after(toks, e, a)?;
    let (m1, m2, grain) = match (half, n) {
        (false, 1..=4) => (3 * n - 2, 3 * n, Grain::Quarter),
        (true, 1..=2) => (6 * n - 5, 6 * n, Grain::Half),
        _ => return None,
    };
    let mut p = months(y, m1, m2, grain);
    // `the first quarter` with no year: the publication's, a guess.
    p.relative = !said;
    Some((end, p, "<quarter> <year>"))
}

/// `the first nine months of 2024`, `11 months of this year`, `nine months`.
fn months_of_year(toks: &[Token], k: usize, a: Anchor) -> Option<Core> {
    let first = usize::from(w(toks, k) == "first");
    // The word after the count first: most tokens have no `months` after.
    if !matches!(w(toks, k + first + 1), "months" | "month") {
        return None;
    }
    let t = toks.get(k + first)?;
    let n = t
        .num
        .map(|d| d.mant as u32)
        .or_else(|| crate::dims::number::en::word_value(&t.lower).map(|v| v as u32))?;
    if !(2..=11).contains(&n) {
        return None;
    }
    let e = k + first + 2;
    let explicit = w(toks, e) == "of" || year_at(toks, e).is_some();
    let (y, end, _) = year_after(toks, e, a)?;
    if !explicit && first == 0 {
        return None;
    }
    Some((end, months(y, 1, n, Grain::Range), "<N> months of <year>"))
}

/// `last year`, `this year`, `next year`, `the current year`, `the yearend`.
fn relative_year(toks: &[Token], k: usize, a: Anchor) -> Option<Core> {
    let y = a.published?.year();
    let (d, n) = match (w(toks, k), w(toks, k + 1)) {
        ("last" | "previous" | "past", "year") => (-1, 2),
        ("this" | "current", "year") => (0, 2),
        ("next" | "coming", "year") => (1, 2),
        ("the", "yearend" | "year-end") => (0, 2),
        ("yearend" | "year-end", _) => (0, 1),
        ("the", "year") if w(toks, k + 2) == "before" && w(toks, k + 3) == "last" => (-2, 4),
        // `by the end of the year` (the article skipped): the text's year.
        ("year", _)
            if k >= 3
                && w(toks, k - 1) == "the"
                && w(toks, k - 2) == "of"
                && matches!(w(toks, k - 3), "end" | "beginning" | "start" | "middle") =>
        {
            (0, 1)
        }
        ("year", "before") if k > 0 && w(toks, k - 1) == "the" && w(toks, k + 2) == "last" => {
            (-2, 3)
        }
        ("year", "-") if w(toks, k + 2) == "end" => (0, 3),
        _ => return None,
    };
    Some((
        k + n,
        relative(months(y + d, 1, 12, Grain::Year)),
        "<relative year>",
    ))
}

/// `last month`, `this month`, `next month`.
fn relative_month(toks: &[Token], k: usize, a: Anchor) -> Option<Core> {
    let p = a.published?;
    let d = match (w(toks, k), w(toks, k + 1)) {
        ("last" | "previous" | "past", "month") => -1,
        ("this" | "current", "month") => 0,
        ("next", "month") => 1,
        _ => return None,
    };
    let idx = p.year() * 12 + p.month0() as i32 + d;
    let (y, m) = (idx.div_euclid(12), idx.rem_euclid(12) as u32 + 1);
    Some((
        k + 2,
        relative(months(y, m, m, Grain::Month)),
        "<relative month>",
    ))
}

/// `on Wednesday`, `yesterday`, `today`: a day of the publication week.
fn weekday(toks: &[Token], k: usize, a: Anchor) -> Option<Core> {
    let p = a.published?;
    let back = match w(toks, k) {
        "today" => 0,
        "yesterday" => 1,
        x => {
            let d = WEEKDAYS.iter().position(|d| *d == x)? as i64;
            (p.weekday().num_days_from_monday() as i64 - d).rem_euclid(7)
        }
    };
    // `on Tuesday, March 5`: the date that follows says it better.
    if w(toks, k + 1) == ","
        && let Some(c) = day_month(toks, k + 2, a)
    {
        return Some(c);
    }
    let d = p - Duration::days(back);
    let period = Period {
        start: Some(d),
        end: Some(d),
        grain: Grain::Day,
        deadline: false,
        relative: true,
        loose: false,
    };
    Some((k + 1, period, "<weekday>"))
}

/// `spring 2025`, `in the summer of 2024`, `autumn`.
fn season(toks: &[Token], k: usize, a: Anchor) -> Option<Core> {
    let (m1, m2) = match w(toks, k) {
        "spring" => (3, 5),
        "summer" => (6, 8),
        "autumn" | "fall" => (9, 11),
        _ => return None,
    };
    let (y, end, _) = year_after(toks, k + 1, a)?;
    if end == k + 1 && !matches!(w(toks, k.wrapping_sub(1)), "this" | "in") {
        return None;
    }
    Some((end, months(y, m1, m2, Grain::Range), "<season> <year>"))
}

/// `year to date`, `since the beginning of the year`, `earlier this year`:
/// 1 January of the publication year to the publication date.
fn year_to_date(toks: &[Token], k: usize, a: Anchor) -> Option<Core> {
    const PHRASES: [&[&str]; 6] = [
        &["year", "to", "date"],
        &["year-to-date"],
        &["since", "the", "beginning", "of", "the", "year"],
        &["since", "the", "start", "of", "the", "year"],
        &["since", "the", "beginning", "of", "this", "year"],
        &["earlier", "this", "year"],
    ];
    let p = a.published?;
    let n = PHRASES
        .iter()
        .find(|ws| ws.iter().enumerate().all(|(j, x)| w(toks, k + j) == *x))?
        .len();
    let period = Period {
        start: ymd(p.year(), 1, 1),
        end: Some(p),
        grain: Grain::Range,
        deadline: false,
        relative: true,
        loose: false,
    };
    Some((k + n, period, "year to date"))
}

#[cfg(test)]
mod tests;
