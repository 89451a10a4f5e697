//! Lengths of time, shared by the languages: the units of a duration
//! (`37 дней`, `for 20 years`), the mentions of a duration or a frequency,
//! and the dates a length of time says from the publication date (`30 лет
//! назад`, `через неделю`, `two weeks ago`).

use chrono::{Datelike, Days, Months, NaiveDate};

use super::{Grain, Kind, Mention, Period};
use crate::lexicon::PhraseSet;
use crate::record::Qualifier;
use crate::text::token::Token;

/// A unit of time and how many of it a word is (`полвека` → 50 years).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unit {
    /// `day`, `week`, `month` or `year`.
    pub name: &'static str,
    /// How many of the unit.
    pub count: f64,
}

/// The unit of time the word at `k` names, by a lexicon of
/// `data/<lang>/time_units.tsv`.
pub fn unit_at(set: &PhraseSet, toks: &[Token], k: usize) -> Option<Unit> {
    let (n, e) = set.longest_at(toks, k)?;
    if n != 1 {
        return None;
    }
    let name = match e.col(0) {
        "day" => "day",
        "week" => "week",
        "month" => "month",
        "year" => "year",
        _ => return None,
    };
    Some(Unit {
        name,
        count: e.col(1).parse().ok()?,
    })
}

/// A duration or a frequency over tokens `s..e`: `amount` units (none
/// when the amount is vague: `несколько лет`).
pub fn length(kind: Kind, s: usize, e: usize, amount: Option<f64>, u: Unit) -> Mention {
    Mention {
        kind,
        tok_start: s,
        tok_end: e,
        num_tok: s,
        value: amount.map(|n| n * u.count),
        value_max: None,
        unit: Some(u.name.to_string()),
        class: None,
        qualifier: Qualifier::Exact,
        period: None,
        vague: amount.is_none(),
        rules: smallvec::smallvec![match kind {
            Kind::Set => "<frequency>",
            _ => "<duration>",
        }],
    }
}

/// A loose period (see `Period::loose`).
pub fn loose(start: Option<NaiveDate>, end: Option<NaiveDate>, grain: Grain) -> Period {
    Period {
        start,
        end,
        grain,
        deadline: false,
        relative: true,
        loose: true,
    }
}

/// The grain of a date said by a unit: a day, a week (a range), a month
/// or a year.
pub fn grain_of(u: Unit) -> Grain {
    match u.name {
        "day" => Grain::Day,
        "week" => Grain::Range,
        "month" => Grain::Month,
        _ => Grain::Year,
    }
}

/// The period `amount` units away from `from` (negative: back): the day,
/// the week (Monday to Sunday), the month or the year it falls in. An
/// unknown amount or anchor leaves both sides open.
pub fn shifted(from: Option<NaiveDate>, amount: Option<f64>, u: Unit) -> Period {
    let grain = grain_of(u);
    let open = loose(None, None, grain);
    let (Some(d), Some(n)) = (from, amount) else {
        return open;
    };
    let n = n * u.count;
    if n.fract() != 0.0 || n.abs() > 10_000.0 {
        return open;
    }
    let n = n as i64;
    let step = |d: NaiveDate, months: i64| {
        let m = Months::new(months.unsigned_abs() as u32);
        if months >= 0 {
            d.checked_add_months(m)
        } else {
            d.checked_sub_months(m)
        }
    };
    let days = |d: NaiveDate, k: i64| {
        let k2 = Days::new(k.unsigned_abs());
        if k >= 0 {
            d.checked_add_days(k2)
        } else {
            d.checked_sub_days(k2)
        }
    };
    let p = match u.name {
        "day" => days(d, n).map(|x| (x, x)),
        "week" => days(d, 7 * n).and_then(week_of),
        "month" => step(d, n).and_then(month_of),
        _ => step(d, 12 * n).and_then(|x| {
            Some((
                NaiveDate::from_ymd_opt(x.year(), 1, 1)?,
                NaiveDate::from_ymd_opt(x.year(), 12, 31)?,
            ))
        }),
    };
    match p {
        Some((s, e)) => loose(Some(s), Some(e), grain),
        None => open,
    }
}

/// Monday to Sunday of the week of `d`.
pub fn week_of(d: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let mon = d.checked_sub_days(Days::new(d.weekday().num_days_from_monday().into()))?;
    Some((mon, mon.checked_add_days(Days::new(6))?))
}

fn month_of(d: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let first = d.with_day(1)?;
    Some((first, first.checked_add_months(Months::new(1))?.pred_opt()?))
}

/// The weekday `wd` (0 = Monday) nearest to `p`: in a statement about the
/// past the latest on or before it, about the future the next on or after
/// it, otherwise the nearer of the two.
pub fn weekday_near(p: NaiveDate, wd: u32, tense: Tense) -> Option<NaiveDate> {
    let now = p.weekday().num_days_from_monday();
    let back = (now + 7 - wd) % 7;
    let ahead = (wd + 7 - now) % 7;
    let before = p.checked_sub_days(Days::new(back.into()))?;
    let after = p.checked_add_days(Days::new(ahead.into()))?;
    Some(match tense {
        Tense::Past => before,
        Tense::Future => after,
        Tense::Unknown if ahead < back => after,
        Tense::Unknown => before,
    })
}

/// A day and month with no year, near the publication date `p` by the
/// same rule as `weekday_near`.
pub fn day_near(p: NaiveDate, m: u32, d: u32, tense: Tense) -> Option<NaiveDate> {
    let at = |y: i32| NaiveDate::from_ymd_opt(y, m, d);
    let years = [p.year() - 1, p.year(), p.year() + 1];
    let before = years.iter().rev().filter_map(|&y| at(y)).find(|x| *x <= p);
    let after = years.iter().filter_map(|&y| at(y)).find(|x| *x >= p);
    match tense {
        Tense::Past => before,
        Tense::Future => after,
        Tense::Unknown => match (before, after) {
            (Some(b), Some(a)) if (a - p) < (p - b) => Some(a),
            (b, a) => b.or(a),
        },
    }
}

/// The tense of a statement, as its verbs show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// About the past.
    Past,
    /// About the future.
    Future,
    /// Neither shows.
    Unknown,
}
