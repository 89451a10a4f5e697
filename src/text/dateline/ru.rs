//! Russian stamp rules: `11 июля 2024 года`, `20:35, 15 мая 2019`,
//! `Чуйская область, 20 сентября 2025 года — …`, and datelines of a town
//! with a day and month (`НУР-СУЛТАН. 24 ЯНВАРЯ`, `Москва. 8 сентября.`,
//! `УЛАН-БАТОР, 14 июл — …`); the periods a Russian text reports as past.

use std::sync::LazyLock;

use chrono::{NaiveDate, Weekday};
use regex::Regex;

use super::{Past, Rule, Stamp, sentence_before, short, stamp_of};
use crate::text::meta::month_end;

/// The year mark that may follow a numeric stamp (`01.10.2025 г.`).
pub const YEAR_MARK: &str = "г";

/// The rules, in the order they are tried.
pub const RULES: &[(&str, Rule)] = &[
    ("stamp:day month year", full),
    ("dateline:town day month", town_day_month),
];

/// Month stems: a full genitive (`января`), a nominative after a day
/// (`май`) or an abbreviation (`янв`, `сент.`) all start with one.
const MONTHS: [&str; 12] = [
    "янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек",
];

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("понедельник", Weekday::Mon),
    ("вторник", Weekday::Tue),
    ("сред", Weekday::Wed),
    ("четверг", Weekday::Thu),
    ("пятниц", Weekday::Fri),
    ("суббот", Weekday::Sat),
    ("воскресень", Weekday::Sun),
];

const MONTH: &str = r"(?P<month>январ[яеь]|феврал[яеь]|март[ае]?|апрел[яеь]|ма[яйе]|июн[яеь]|июл[яеь]|август[ае]?|сентябр[яеь]|октябр[яеь]|ноябр[яеь]|декабр[яеь]|янв|фев|мар|апр|июн|июл|авг|сент?|окт|нояб?|дек)\.?";
const WEEKDAY: &str = r"(?:(?:во?|в)\s+)?(?P<weekday>понедельник|вторник|среду|среда|четверг|пятницу|пятница|субботу|суббота|воскресенье)";

fn month_of(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    MONTHS
        .iter()
        .position(|m| w.starts_with(m))
        .map(|i| i as u32 + 1)
}

/// A weekday named anywhere in a line.
pub fn weekday_in(line: &str) -> Option<Weekday> {
    let lower = line.to_lowercase();
    lower
        .split(|c: char| !c.is_alphabetic())
        .find_map(|w| weekday_of(Some(w)).filter(|_| w.len() > 6))
}

fn weekday_of(word: Option<&str>) -> Option<Weekday> {
    let w = word?.to_lowercase();
    WEEKDAYS
        .iter()
        .find(|(stem, _)| w.starts_with(stem))
        .map(|&(_, d)| d)
}

/// `11 июля 2024 года`, `Опубликовано: 26 декабря 2020, 14:05`,
/// `20:35, 15 мая 2019` alone on a line; or `Место, 20 сентября 2025
/// года — текст` opening a line.
fn full(line: &str) -> Option<Stamp> {
    static ALONE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)^(?:(?:опубликовано|дата публикации|published)\s*:?\s*)?(?:\d{{1,2}}:\d{{2}},?\s+)?(?:{WEEKDAY},?\s+)?(?P<day>\d{{1,2}})\s+{MONTH}\s+(?P<year>\d{{4}})(?:\s*(?:года|г\.?))?(?:,?\s*(?:в\s+)?\d{{1,2}}:\d{{2}})?\s*$"
        ))
        .expect("ru stamp regex")
    });
    static OPENING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)^[\p{{Lu}}][\p{{L}}\- ]{{1,40}},\s+(?:{WEEKDAY},?\s+)?(?P<day>\d{{1,2}})\s+{MONTH}\s+(?P<year>\d{{4}})(?:\s*(?:года|г\.))?\s*[—–-]"
        ))
        .expect("ru dateline-with-year regex")
    });
    let c = ALONE
        .captures(line)
        .filter(|_| short(line))
        .or_else(|| OPENING.captures(line))?;
    stamp_of(&c, month_of, weekday_of)
}

/// `НУР-СУЛТАН. 24 ЯНВАРЯ - …`, `Москва. 8 сентября. INTERFAX.RU`,
/// `МОСКВА, 11 фев - ПРАЙМ`: a town, then a day and month, then a dash,
/// a stop or the agency.
fn town_day_month(line: &str) -> Option<Stamp> {
    static TOWN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^(?:\p{{Lu}}[\p{{Lu}}\-\. ]{{1,30}}|\p{{Lu}}\p{{Ll}}+(?:[\- ]\p{{Lu}}\p{{Ll}}+)?)[.,]\s+(?:(?i:{WEEKDAY}),?\s+)?(?P<day>\d{{1,2}})\s+(?i:{MONTH})(?:\s*[.,]|\s+[—–\-/]|\s*$)"
        ))
        .expect("ru dateline regex")
    });
    stamp_of(&TOWN.captures(line)?, month_of, weekday_of)
}

static PAST_PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:за|по итогам|в|во)\s+(?:(?P<n>\d{{1,2}})\s+месяц\w*\s+|(?:{PART})\s+|(?:январ\w*\s*[-–—]\s*){MONTH}\s+)?(?P<year>(?:19|20)\d\d)\s*(?:год\w*|г\.)?(?P<tail>[^.!?]{{0,120}})"
    ))
    .expect("past period regex")
});

/// Parts of a year a period can name before its year.
const PART: &str = r"(?:перв\w+|втор\w+|треть\w+|четв[её]рт\w+)\s+(?:полугоди\w+|квартал\w*)";

static PART_OF_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)месяц|полугоди|квартал|[-–—]").expect("ru part of year regex")
});

static PAST_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:\w+(?:ил|ал|ел|ял|ыл|ул)[аои]?с?[ья]?|был[аои]?|стал[аои]?|вырос\w*|достиг\w*|упал\w*|превыс\w*|достигнут\w*|отмечен\w*|составил\w*|реализован\w*)\b",
    )
    .expect("past verb regex")
});

static PAST_EVENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})\s+{MONTH}\s+((?:19|20)\d\d)\s*(?:год\w*|г\.)?"
    ))
    .expect("past event regex")
});

/// Words of a sentence about what is still to come.
const FUTURE: [&str; 19] = [
    "будет",
    "будут",
    "планиру",
    "запланирован",
    "состоится",
    "намечен",
    "пройдет",
    "пройдёт",
    "составит",
    "достигнет",
    "превысит",
    "ожида",
    "прогноз",
    "может",
    "должен",
    "намерен",
    "способн",
    "способен",
    "сможет",
];

/// The periods the text reports in the past tense, all results (`за
/// 11 месяцев 2021 года составил`, `по итогам первого полугодия 2024 года
/// вырос`, `в январе-сентябре 2022 года`).
pub fn past_periods(text: &str) -> Vec<Past> {
    PAST_PERIOD
        .captures_iter(text)
        .filter_map(|c| {
            let year = c["year"].parse::<i32>().ok()?;
            let tail = c.name("tail").map_or("", |m| m.as_str());
            let head = c[0].to_lowercase();
            let result = head.starts_with("по итогам");
            // A verb before a part of a year tells its figure too (`вырос на
            // 5% за 11 месяцев 2021 года`); before a whole year it may be
            // history.
            let part_of_year =
                PART_OF_YEAR.is_match(&head[..c.name("year")?.start() - c.get(0)?.start()]);
            let before =
                part_of_year.then(|| sentence_before(text, c.get(0).map_or(0, |m| m.start())));
            let told = PAST_VERB.is_match(tail) || before.is_some_and(|b| PAST_VERB.is_match(b));
            if (!result && !told) || is_future(tail) || before.is_some_and(is_future) {
                return None;
            }
            Some(Past {
                end: month_end(year, last_month(&head, c.name("n").map(|m| m.as_str()))),
                result: true,
            })
        })
        .collect()
}

/// The latest dated event the text tells as past (`распоряжение от 29
/// августа 2025 года`), leaving out dates governed by what is to come
/// (`состоится 5 мая 2026 года`).
pub fn past_event(text: &str) -> Option<NaiveDate> {
    PAST_EVENT
        .captures_iter(text)
        .filter_map(|c| {
            if is_future(before(text, c.get(0)?.start())) {
                return None;
            }
            NaiveDate::from_ymd_opt(c[3].parse().ok()?, month_of(&c[2])?, c[1].parse().ok()?)
        })
        .max()
}

/// The last month of a period's head: `11 месяцев` → 11, `первого
/// полугодия` → 6, `третьем квартале` → 9, `январе-сентябре` → 9, a
/// year → 12.
fn last_month(head: &str, months: Option<&str>) -> u32 {
    if let Some(n) = months.and_then(|m| m.parse::<u32>().ok()) {
        return n.clamp(1, 12);
    }
    let nth = ["перв", "втор", "трет", "четв"]
        .iter()
        .position(|p| head.contains(&format!(" {p}")))
        .map_or(0, |i| i as u32 + 1);
    if head.contains("полугоди") {
        return 6 * nth.clamp(1, 2);
    }
    if head.contains("квартал") {
        return 3 * nth.clamp(1, 4);
    }
    head.split(|c: char| !c.is_alphabetic())
        .skip_while(|w| !w.starts_with("январ"))
        .skip(1)
        .find_map(month_of)
        .unwrap_or(12)
}

/// Whether words speak of what is still to come.
pub fn is_future(s: &str) -> bool {
    let s = s.to_lowercase();
    FUTURE.iter().any(|f| s.contains(f))
}

/// The words just before byte `at` within its sentence: what governs a
/// date (`состоится 5 мая`, `распоряжение от 29 августа`).
fn before(text: &str, at: usize) -> &str {
    let start = text[..at].rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1);
    let mut from = at.saturating_sub(48).max(start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    &text[from..at]
}
