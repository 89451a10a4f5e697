//! Lengths of time, English: durations (`37 days`, `for 20 years`, `over
//! the past three months`, `several years`), the loose dates a length
//! says from now (`two weeks ago`, `a decade ago`, `tomorrow`, `last
//! week`), and frequencies standing alone (`annually`, `every two years`,
//! `twice a year`). Loose dates set no record's period (`Period::loose`);
//! a lead word (`for`, `over the past`, `within`) is part of the span.

use chrono::Days;

use crate::dims::span::{self, Unit, loose};
use crate::dims::{Anchor, Grain, Kind, Mention, Period};
use crate::text::token::Token;

fn w(toks: &[Token], k: usize) -> &str {
    toks.get(k).map_or("", |t| t.lower.as_str())
}

crate::lexicon!(
    /// Units of time (day, week, month, year) and their word forms.
    en,
    units,
    "time_units.tsv"
);

fn unit_at(toks: &[Token], k: usize) -> Option<Unit> {
    span::unit_at(units(), toks, k)
}

/// Whether a word can begin a length of time the number rules do not know.
pub fn may_begin(word: &str) -> bool {
    unit_at_word(word)
        || matches!(
            word,
            "ago" | "tomorrow" | "annually" | "yearly" | "monthly" | "weekly" | "daily" | "every"
        )
}

fn unit_at_word(word: &str) -> bool {
    units().entries().iter().any(|e| e.pattern == word)
}

/// How many at `k`: a number that is not a year, `a`/`an` (one), or a
/// vague word (`several`, `a few`, `many`): (amount, end).
fn amount_at(toks: &[Token], k: usize) -> Option<(Option<f64>, usize)> {
    match w(toks, k) {
        "several" | "many" | "few" => return Some((None, k + 1)),
        "a" | "an" if w(toks, k + 1) == "few" => return Some((None, k + 2)),
        "a" | "an" => return Some((Some(1.0), k + 1)),
        _ => {}
    }
    if toks.get(k)?.year().is_some() {
        return None;
    }
    let n = crate::dims::number::en::number_at(toks, k)?;
    let v = n.value.to_f64();
    (v > 0.0 && v < 10_000.0 && !n.vague).then_some((Some(v), n.end))
}

/// The high end of a range read at `k` (`3-5 месяцев`, `3-5 months`).
fn range_max(toks: &[Token], k: usize) -> Option<f64> {
    crate::dims::number::en::number_at(toks, k)?
        .value_max
        .map(|d| d.to_f64())
}

/// Adds the durations and loose dates of the tokens that no date covers.
pub fn add(toks: &[Token], a: Anchor, out: &mut Vec<Mention>) {
    // Each of them names a unit of time but `tomorrow`: a sentence with
    // neither is not read token by token.
    if !toks
        .iter()
        .any(|t| units().may_begin_at(t) || t.is("tomorrow"))
    {
        out.sort_by_key(|m| m.tok_start);
        return;
    }
    let mut used = vec![false; toks.len()];
    for m in out.iter() {
        used[m.tok_start..m.tok_end]
            .iter_mut()
            .for_each(|u| *u = true);
    }
    let mut i = 0;
    while i < toks.len() {
        let m = (!used[i])
            .then(|| relative_at(toks, i, a).or_else(|| duration_at(toks, i, a)))
            .flatten()
            .filter(|m| !used[m.tok_start..m.tok_end].iter().any(|&u| u));
        match m {
            Some(m) => {
                i = m.tok_end;
                out.push(m);
            }
            None => i += 1,
        }
    }
    out.sort_by_key(|m| m.tok_start);
}

fn date(s: usize, e: usize, p: Period, rule: &'static str) -> Mention {
    Mention::date(s, e, p, rule)
}

/// `tomorrow`, `last week`, `this week`, `next week`.
fn relative_at(toks: &[Token], i: usize, a: Anchor) -> Option<Mention> {
    if w(toks, i) == "tomorrow" {
        let d = a.published.and_then(|p| p.checked_add_days(Days::new(1)));
        return Some(date(i, i + 1, loose(d, d, Grain::Day), "tomorrow"));
    }
    let off = match w(toks, i) {
        "last" | "previous" => -1.0,
        "this" => 0.0,
        "next" => 1.0,
        _ => return None,
    };
    if w(toks, i + 1) != "week" {
        return None;
    }
    let u = Unit {
        name: "week",
        count: 1.0,
    };
    let p = span::shifted(a.published, Some(off), u);
    Some(date(i, i + 2, p, "<relative week>"))
}

/// A duration (`for 20 years`, `over the past three months`, `37 days`)
/// or a span back from now (`two weeks ago`, `about a decade ago`).
fn duration_at(toks: &[Token], i: usize, a: Anchor) -> Option<Mention> {
    const LEADS: [&[&str]; 8] = [
        &["over", "the"],
        &["in", "the"],
        &["during", "the"],
        &["for", "the"],
        &["for"],
        &["within"],
        &["the"],
        &["over"],
    ];
    let lead = LEADS
        .iter()
        .find(|ws| ws.iter().enumerate().all(|(j, x)| w(toks, i + j) == *x))
        .map_or(0, |ws| ws.len());
    let mut j = i + lead;
    let adjective = matches!(
        w(toks, j),
        "past" | "last" | "next" | "coming" | "previous" | "following"
    );
    j += usize::from(adjective);
    let q = crate::grammar::en::qualifiers()
        .longest_at(toks, j)
        .map_or(j, |(n, _)| j + n);
    let amount = amount_at(toks, q);
    let e = amount.map_or(q, |(_, e)| e);
    let u = unit_at(toks, e)?;
    let ago = w(toks, e + 1) == "ago";
    // `a year` alone is a rate (`5 Mt a year`) unless a lead or `ago` says.
    let bare_a = matches!(w(toks, q), "a" | "an") && lead == 0 && !ago;
    let said = amount.is_some() || (adjective && w(toks, e).ends_with('s'));
    if !said || bare_a || w(toks, i.wrapping_sub(1)) == "every" {
        return None;
    }
    let n = amount.and_then(|(n, _)| n);
    if ago && lead == 0 {
        let p = span::shifted(a.published, n.map(|n| -n), u);
        let s = crate::dims::qualifier::en::qualifier_before(toks, i).map_or(i, |(_, s)| s);
        return Some(date(s, e + 2, p, "<n> <unit> ago"));
    }
    let mut m = span::length(Kind::Duration, i, e + 1, n, u);
    m.value_max = range_max(toks, q).map(|x| x * u.count);
    if let Some((q, s)) = crate::dims::qualifier::en::qualifier_before(toks, i) {
        m.qualifier = q;
        m.tok_start = s;
    }
    if q > j {
        m.qualifier =
            crate::dims::qualifier::en::qualifier_before(toks, q).map_or(m.qualifier, |(q, _)| q);
    }
    Some(m)
}

/// A frequency standing alone (a figure rule, after quantities, so that
/// `5 Mt annually` stays a rate): `annually`, `every year`, `every two
/// years`, `once a year`, `twice a month`.
pub fn set_at(toks: &[Token], i: usize) -> Option<Mention> {
    let one = |name| Unit { name, count: 1.0 };
    let adverb = match w(toks, i) {
        "annually" | "yearly" => Some(one("year")),
        "monthly" => Some(one("month")),
        "weekly" => Some(one("week")),
        "daily" => Some(one("day")),
        _ => None,
    };
    if let Some(u) = adverb {
        return Some(span::length(Kind::Set, i, i + 1, Some(1.0), u));
    }
    let (per, j) = match w(toks, i) {
        "every" => (1.0, i + 1),
        "once" if matches!(w(toks, i + 1), "a" | "every") => (1.0, i + 2),
        "twice" if matches!(w(toks, i + 1), "a" | "every") => (2.0, i + 2),
        _ => return None,
    };
    let (n, j) = match amount_at(toks, j) {
        Some((n, e)) if unit_at(toks, e).is_some() => (n, e),
        _ => (Some(1.0), j),
    };
    let u = unit_at(toks, j)?;
    Some(span::length(Kind::Set, i, j + 1, n.map(|n| n / per), u))
}
