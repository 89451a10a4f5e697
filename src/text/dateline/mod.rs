//! Publication dates the text itself states: time stamps and datelines
//! at the top or the bottom of an article, and a date in its address.
//!
//! A small model: each line near the top (the first few) or the bottom
//! (the last few) is matched against every language's stamp rules, which
//! give a `Stamp` — a full date (`16.03.2007`, `22 December 2021, 11:37`,
//! `20:35, 15 мая 2019`) or a day and month (`НУР-СУЛТАН. 24 ЯНВАРЯ`,
//! `BAKU, Azerbaijan, August 10`). A full date wins over a day and month;
//! the top over the bottom. A day and month take their year from
//! evidence: a weekday beside them, else the latest period the text
//! reports as past, else the year it names most. The rules of each
//! language are in its own file; this one holds the model.

mod en;
mod ru;

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, Weekday};
use regex::Regex;

use crate::record::Precision;

/// How many non-empty lines at the top and at the bottom are read.
const TOP_LINES: usize = 6;
const BOTTOM_LINES: usize = 3;
/// Stamp lines are short: a sentence that happens to hold a date is not
/// a stamp unless the date opens it as a dateline does.
const MAX_STAMP_LINE: usize = 80;

/// A date a stamp line gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// Day of the month.
    pub day: u32,
    /// Month, 1–12.
    pub month: u32,
    /// The year, when the stamp says it.
    pub year: Option<i32>,
    /// A weekday said beside it (`во вторник, 27 января`).
    pub weekday: Option<Weekday>,
}

/// One language's stamp rules: each gives the stamp a line holds, if any.
pub type Rule = fn(&str) -> Option<Stamp>;

/// Stamps every language writes the same way.
const COMMON: &[(&str, Rule)] = &[("stamp:dd.mm.yyyy", numeric)];

/// The rules of every language, tried in order on each line.
const RULES: [&[(&str, Rule)]; 3] = [COMMON, ru::RULES, en::RULES];

/// What the text says of its own date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The date.
    pub date: NaiveDate,
    /// What is known of it: day when the text gives the year (or a
    /// weekday fixes it), month when the year is a best estimate.
    pub precision: Precision,
    /// The rule that matched.
    pub rule: &'static str,
    /// Stamps that give another full date (a note for `documents`).
    pub conflicts: Vec<NaiveDate>,
}

/// The date the text states, if any.
pub fn find(text: &str) -> Option<Found> {
    let stamps = stamps(text);
    let full: Vec<(NaiveDate, &'static str)> = stamps
        .iter()
        .filter_map(|(s, r)| Some((NaiveDate::from_ymd_opt(s.year?, s.month, s.day)?, *r)))
        .collect();
    if let Some(&(date, rule)) = full.first() {
        let conflicts = full.iter().map(|f| f.0).filter(|d| *d != date).collect();
        return Some(Found {
            date,
            precision: Precision::Day,
            rule,
            conflicts,
        });
    }
    let (stamp, rule) = stamps.into_iter().next()?;
    let (date, precision) = year_of(text, stamp)?;
    Some(Found {
        date,
        precision,
        rule,
        conflicts: Vec::new(),
    })
}

/// The stamps of the top lines, then of the bottom lines, in order.
fn stamps(text: &str) -> Vec<(Stamp, &'static str)> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let top = lines.len().min(TOP_LINES);
    let bottom = lines.len().saturating_sub(BOTTOM_LINES).max(top);
    lines[..top]
        .iter()
        .chain(&lines[bottom..])
        .flat_map(|l| {
            let all = RULES.iter().flat_map(|rules| rules.iter());
            all.filter_map(move |(name, rule)| Some((with_weekday(rule(l)?, l), *name)))
        })
        .collect()
}

/// A day and month take a weekday said anywhere on their line (`…
/// opened the plant on Wednesday`).
fn with_weekday(s: Stamp, line: &str) -> Stamp {
    if s.year.is_some() || s.weekday.is_some() {
        return s;
    }
    Stamp {
        weekday: ru::weekday_in(line).or_else(|| en::weekday_in(line)),
        ..s
    }
}

/// A year for a day and month: the one a weekday fixes among the years
/// the text allows (the years it names when nothing else bounds them),
/// else the first on or after the latest period or event reported as
/// past (at month precision); else none.
fn year_of(text: &str, s: Stamp) -> Option<(NaiveDate, Precision)> {
    let past = past_period_end(text).max(ru::past_event(text));
    let named = most_named_year(text);
    let around = past.map(|p| p.year()).or(named)?;
    if let Some(w) = s.weekday {
        let fits: Vec<NaiveDate> = (around - 1..=around + 1)
            .filter_map(|y| NaiveDate::from_ymd_opt(y, s.month, s.day))
            .filter(|d| d.weekday() == w && past.is_none_or(|p| *d >= p))
            .collect();
        if let [one] = fits[..] {
            return Some((one, Precision::Day));
        }
    }
    // A year merely named bounds nothing (an event long past, a plan for
    // the next year): without a period reported as past, the year of a
    // day and month stays unknown.
    let end = past?;
    let year = (end.year()..end.year() + 2)
        .find(|&y| NaiveDate::from_ymd_opt(y, s.month, s.day).is_some_and(|d| d >= end))
        .unwrap_or(end.year() + 1);
    Some((
        NaiveDate::from_ymd_opt(year, s.month, s.day)?,
        Precision::Month,
    ))
}

/// A period the text reports as past: its end, and whether it is a
/// result (the figure of a span of time, told soon after it ends) rather
/// than an event (a deal signed in some month), which only says the
/// text was written later.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Past {
    /// The last day of the period.
    pub end: NaiveDate,
    /// A result rather than an event.
    pub result: bool,
}

/// The periods the text reports as past, in any language it may be
/// written in.
fn past_periods(text: &str) -> impl Iterator<Item = Past> {
    ru::past_periods(text)
        .into_iter()
        .chain(en::past_periods(text))
}

/// The words of `text`'s sentence before byte `at` (a full stop ends a
/// sentence when a space or a line follows it, not inside `12.3`).
fn sentence_before(text: &str, at: usize) -> &str {
    let head = &text[..at];
    let end = head.char_indices().rev().find(|&(i, c)| {
        c == '\n'
            || (matches!(c, '.' | '!' | '?') && head[i + 1..].starts_with(char::is_whitespace))
    });
    end.map_or(head, |(i, c)| &head[i + c.len_utf8()..])
}

/// The end of the latest period the text reports as past.
pub fn past_period_end(text: &str) -> Option<NaiveDate> {
    past_periods(text).map(|p| p.end).max()
}

/// The end of the latest result the text reports (events left out).
pub fn past_result_end(text: &str) -> Option<NaiveDate> {
    past_periods(text).filter(|p| p.result).map(|p| p.end).max()
}

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b((?:19|20)\d\d)\b").expect("year regex"));

/// The year the text names most in sentences that are not about the
/// future (a plan for 2026 says nothing of when it was written).
fn most_named_year(text: &str) -> Option<i32> {
    let mut counts: HashMap<i32, usize> = HashMap::new();
    for sentence in text.split(['.', '!', '?', '\n']) {
        if ru::is_future(sentence) || en::is_future(sentence) {
            continue;
        }
        for c in YEAR.captures_iter(sentence) {
            if let Ok(y) = c[1].parse() {
                *counts.entry(y).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(y, n)| (n, y))
        .map(|(y, _)| y)
}

/// A two- or four-digit year as written (`23` → 2023, `98` → 1998).
fn full_year(s: &str) -> Option<i32> {
    let y: i32 = s.parse().ok()?;
    Some(match (s.len(), y) {
        (2, 0..=69) => 2000 + y,
        (2, _) => 1900 + y,
        _ => y,
    })
}

/// A numeric stamp `DD.MM.YYYY` / `DD.MM.YY`, shared by every language:
/// alone on its line with an optional time (`07.10.2019, 03:30`,
/// `06.01.2024 | 13:37`, `01.10.2025 г.`), or after a town at the start of
/// a dateline (`Бишкек, 23.06.23. /…`, `24.03.2021 г., НИАТ …`).
fn numeric(line: &str) -> Option<Stamp> {
    static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^(?:[\p{{L}}\- ]{{2,30}},\s*)?(\d{{1,2}})\.(\d{{1,2}})\.(\d{{4}}|\d{{2}})(?:\s*{}\.?)?(?:$|[\s,|/.]|\s*\d{{1,2}}:\d{{2}})",
            ru::YEAR_MARK
        ))
        .expect("numeric stamp regex")
    });
    let c = NUMERIC.captures(line)?;
    let stamp = Stamp {
        day: c[1].parse().ok()?,
        month: c[2].parse().ok()?,
        year: Some(full_year(&c[3])?),
        weekday: None,
    };
    NaiveDate::from_ymd_opt(stamp.year?, stamp.month, stamp.day)?;
    Some(stamp)
}

/// A date in the path of an address: `/2021/12/10/`, `/2021-12-10/`,
/// `/20211210/` (a segment that is a date and nothing else, or starts one
/// followed by `-`/`_`), between 1990 and 2099.
pub fn from_url(url: &str) -> Option<NaiveDate> {
    static PATH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"/((?:19|20)\d\d)(?:/(\d{2})/(\d{2})|-(\d{2})-(\d{2})|(\d{2})(\d{2}))(?:[/_\-.]|$)",
        )
        .expect("url date regex")
    });
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = &path[path.find('/')?..];
    PATH.captures_iter(path).find_map(|c| {
        let year = c[1].parse().ok()?;
        let pick = |a: usize, b: usize, d: usize| c.get(a).or(c.get(b)).or(c.get(d));
        let month = pick(2, 4, 6)?.as_str().parse().ok()?;
        let day = pick(3, 5, 7)?.as_str().parse().ok()?;
        NaiveDate::from_ymd_opt(year, month, day)
    })
}

/// The stamp a rule's match gives: its named groups `day` and `month`
/// and, where the rule has them, `year` and `weekday`, read with the
/// language's words for months and weekdays.
fn stamp_of(
    c: &regex::Captures,
    month_of: fn(&str) -> Option<u32>,
    weekday_of: fn(Option<&str>) -> Option<Weekday>,
) -> Option<Stamp> {
    Some(Stamp {
        day: c["day"].parse().ok()?,
        month: month_of(&c["month"])?,
        year: c.name("year").and_then(|y| y.as_str().parse().ok()),
        weekday: weekday_of(c.name("weekday").map(|w| w.as_str())),
    })
}

/// Whether a line is short enough to be a stamp of its own.
fn short(line: &str) -> bool {
    line.chars().count() <= MAX_STAMP_LINE
}

#[cfg(test)]
mod tests;
