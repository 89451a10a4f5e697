//! English stamp rules: `22 December 2021, 11:37`, `15 December 2022
//! 22:16 (UTC+04:00)`, `March 5, 2024`, `Published 26 March 2020`, and
//! datelines of a town with a month and day (`BAKU, Azerbaijan, August
//! 10`, `ASTANA, March 3 /TASS/`); the periods an English text reports as
//! past.

use std::sync::LazyLock;

use chrono::Weekday;
use regex::Regex;

use super::{Past, Rule, Stamp, sentence_before, short, stamp_of};
use crate::text::meta::month_end;

/// The rules, in the order they are tried.
pub const RULES: &[(&str, Rule)] = &[
    ("stamp:day month year", full),
    ("dateline:TOWN, month day", town_month_day),
];

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

const MONTH: &str = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?";
const WEEKDAY: &str = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const TIME: &str = r"(?:,?\s*\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?)?(?:\s*\(?(?:UTC|GMT)\s*[+-]\s*\d{1,2}(?::?\d{2})?\)?)?";

fn month_of(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    MONTHS
        .iter()
        .position(|m| w.starts_with(m))
        .map(|i| i as u32 + 1)
}

/// A weekday named anywhere in a line (`on Wednesday`).
pub fn weekday_in(line: &str) -> Option<Weekday> {
    line.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.ends_with("day") && w.chars().next().is_some_and(char::is_uppercase))
        .find_map(|w| w.parse().ok())
}

fn weekday_of(word: Option<&str>) -> Option<Weekday> {
    word?.parse().ok()
}

/// A stamp alone on its line: `22 December 2021, 11:37`, `Tuesday, March
/// 5, 2024`, `Published: 26 March 2020 14:05 (UTC+04:00)`.
fn full(line: &str) -> Option<Stamp> {
    static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)^(?:(?:published|updated|posted)\s*:?\s*)?(?:{WEEKDAY},?\s+)?(?P<day>\d{{1,2}})\s+{MONTH},?\s+(?P<year>\d{{4}}){TIME}\s*$"
        ))
        .expect("en day-first stamp regex")
    });
    static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)^(?:(?:published|updated|posted)\s*:?\s*)?(?:{WEEKDAY},?\s+)?{MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}}){TIME}\s*$"
        ))
        .expect("en month-first stamp regex")
    });
    if !short(line) {
        return None;
    }
    let c = DAY_FIRST
        .captures(line)
        .or_else(|| MONTH_FIRST.captures(line))?;
    stamp_of(&c, month_of, weekday_of)
}

/// `BEIJING, August 7. /TASS/.`, `ASTANA, Kazakhstan, June 7.`, `BAKU,
/// Azerbaijan, August 10`: a town in capitals, maybe its country, then a
/// month and day.
fn town_month_day(line: &str) -> Option<Stamp> {
    static TOWN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^[A-Z][A-Z\.\-' ]{{1,30}}(?:,\s*[A-Z][a-z]+(?: [A-Z][a-z]+)?)?[,.]\s+(?:{WEEKDAY},?\s+)?{MONTH}\s+(?P<day>\d{{1,2}})(?:\s*[.,(/]|\s+[—–\-]|\s*$)"
        ))
        .expect("en dateline regex")
    });
    stamp_of(&TOWN.captures(line)?, month_of, weekday_of)
}

static PAST_PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:in|for|during|over)\s+(?:the\s+(?:first\s+)?(?P<n>\d{{1,2}}|one|two|three|four|five|six|seven|eight|nine|ten|eleven)\s+months\s+of\s+|(?P<q>Q[1-4]|H[12])\s+|the\s+(?P<part>first|second|third|fourth)\s+(?P<unit>quarter|half)\s+of\s+|(?:January\s*[-–—]\s*)?(?P<m>{MONTH})\s+)?(?P<year>(?:19|20)\d\d)\b(?P<tail>[^.!?]{{0,120}})"
    ))
    .expect("en past period regex")
});

static PAST_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:amounted|reached|totall?ed|was|were|grew|rose|fell|increased|decreased|declined|exceeded|produced|stood|made up|hit|went (?:up|down)|signed|launched|opened)\b",
    )
    .expect("en past verb regex")
});

/// Words of a sentence about what is still to come.
const FUTURE: [&str; 8] = [
    " will ",
    " plans ",
    " planned ",
    " expected ",
    " to be ",
    " aims ",
    " target",
    " forecast",
];

/// Whether words speak of what is still to come.
pub fn is_future(s: &str) -> bool {
    let s = format!(" {} ", s.to_lowercase());
    FUTURE.iter().any(|f| s.contains(f))
}

const NUMBER_WORDS: [&str; 11] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
];

/// The periods the text reports in the past tense (`in 2023, trade
/// reached …`, `in the first nine months of 2024 exports rose`, `in Q1
/// 2024 it went down`, `in April 2024 a protocol was signed`), each with
/// whether it is a result (a span of time whose figure is told) or an
/// event (something done in a month, or signed, launched, opened).
pub fn past_periods(text: &str) -> Vec<Past> {
    PAST_PERIOD
        .captures_iter(text)
        .filter_map(|c| {
            let year = c["year"].parse::<i32>().ok()?;
            let tail = &c["tail"];
            let part_of_year = ["n", "q", "part", "m"].iter().any(|g| c.name(g).is_some());
            // A verb before a part of a year tells its figure too (`rose
            // 5% in Q1 2024`); before a whole year it may be history.
            let start = c.get(0)?.start();
            let before = part_of_year.then(|| sentence_before(text, start));
            let verb = PAST_VERB
                .find(tail)
                .or_else(|| before.and_then(|b| PAST_VERB.find_iter(b).last()))?;
            if is_future(tail) || before.is_some_and(is_future) {
                return None;
            }
            let lone_month = c.name("m").is_some() && !RANGE.is_match(&c[0]);
            let event = lone_month || EVENT_VERB.is_match(verb.as_str());
            Some(Past {
                end: month_end(year, last_month(&c)),
                result: !event,
            })
        })
        .collect()
}

static RANGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)January\s*[-–—]").expect("en month range regex"));

static EVENT_VERB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:signed|launched|opened)$").expect("en event verb regex"));

/// The last month of a period's head (a year: 12).
fn last_month(c: &regex::Captures) -> u32 {
    if let Some(n) = c.name("n") {
        let w = n.as_str().to_lowercase();
        let n = w.parse().ok().or_else(|| {
            NUMBER_WORDS
                .iter()
                .position(|x| *x == w)
                .map(|i| i as u32 + 1)
        });
        return n.unwrap_or(12).clamp(1, 12);
    }
    let nth = |s: &str| match s.to_lowercase().as_str() {
        "first" | "q1" | "h1" => 1,
        "second" | "q2" | "h2" => 2,
        "third" | "q3" => 3,
        _ => 4,
    };
    if let Some(q) = c.name("q") {
        let q = q.as_str();
        let n = nth(q);
        return if q.starts_with(['H', 'h']) {
            6 * n
        } else {
            3 * n
        };
    }
    if let (Some(part), Some(unit)) = (c.name("part"), c.name("unit")) {
        let n = nth(part.as_str());
        return if unit.as_str().eq_ignore_ascii_case("half") {
            (6 * n).min(12)
        } else {
            3 * n
        };
    }
    c.name("m").and_then(|m| month_of(m.as_str())).unwrap_or(12)
}
