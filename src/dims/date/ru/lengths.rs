//! Lengths of time, Russian: durations (`37 дней`, `на протяжении 20
//! лет`, `несколько лет`, `полгода`) and frequencies standing alone
//! (`ежегодно`, `раз в два года`), and the amounts and units they share
//! with the loose dates said by a length (`30 лет назад`). An age
//! (`мальчик 5 лет`) is a length of life: a duration.

use crate::dims::number::ru as number_ru;
use crate::dims::span::{self, Unit};
use crate::dims::{Kind, Mention};
use crate::lexicon::starts::WordQuestion;
use crate::text::token::{TokKind, Token};

fn w(toks: &[Token], k: usize) -> &str {
    toks.get(k).map_or("", |t| t.lower.as_str())
}

crate::lexicon!(
    /// Units of time (day, week, month, year) and their word forms.
    ru,
    units,
    "time_units.tsv"
);

pub(super) fn unit_at(toks: &[Token], k: usize) -> Option<Unit> {
    span::unit_at(units(), toks, k)
}

/// Whether a unit of time may be named at token `k` or after it: where
/// none may, no length is read from `k` (asked of the tokens' bits before
/// the amount, which costs more, is read).
pub(super) fn unit_ahead(toks: &[Token], k: usize) -> bool {
    toks.get(k..)
        .is_some_and(|rest| rest.iter().any(|t| units().may_begin_at(t)))
}

/// Whether `set_at` may begin at `t`: an adverb of frequency, `кажд*`,
/// `раз`, `дважды`, or where `amount_at` may read an amount (a number,
/// `пару`, a collective numeral, `от`); asked once per distinct word.
pub fn may_begin_set(t: &Token) -> bool {
    static WORDS: WordQuestion = WordQuestion::new(|t| {
        let word = t.lower.as_str();
        number_ru::may_be_figure(t)
            || word.starts_with("еже")
            || word.starts_with("кажд")
            || matches!(
                word,
                "раз"
                    | "раза"
                    | "дважды"
                    | "трижды"
                    | "пару"
                    | "пара"
                    | "пары"
                    | "от"
            )
            || COLLECTIVE.contains(&word)
    });
    matches!(t.kind, TokKind::Num | TokKind::NumDate) || WORDS.of(t)
}

/// Collective numerals from two: `двое суток`, `трое суток`.
const COLLECTIVE: [&str; 6] = ["двое", "трое", "четверо", "пятеро", "шестеро", "семеро"];

/// How many at `k`: a number that is not a year, or a vague word
/// (`несколько`, `пару`, `много`): (amount, end); `None` amount when vague.
pub(super) fn amount_at(toks: &[Token], k: usize) -> Option<(Option<f64>, usize)> {
    if unit_at(toks, k).is_some() {
        return None;
    }
    let word = w(toks, k);
    if word.starts_with("несколь") || matches!(word, "много" | "многих" | "многие")
    {
        return Some((None, k + 1));
    }
    if matches!(word, "пару" | "пара" | "пары") {
        return Some((Some(2.0), k + 1));
    }
    if let Some(n) = COLLECTIVE.iter().position(|c| *c == word) {
        return Some((Some(n as f64 + 2.0), k + 1));
    }
    if toks.get(k)?.year().is_some() {
        return None;
    }
    let n = number_ru::number_at(toks, k)?;
    let v = n.value.to_f64();
    (v > 0.0 && v < 10_000.0 && !n.vague).then_some((Some(v), n.end))
}

/// The high end of a range read at `k` (`3-5 месяцев`, `3-5 months`).
pub(super) fn range_max(toks: &[Token], k: usize) -> Option<f64> {
    number_ru::number_at(toks, k)?.value_max.map(|d| d.to_f64())
}

/// A qualifier word at `k` (`почти`, `около`, `более`): its end.
pub(super) fn skip_qualifier(toks: &[Token], k: usize) -> usize {
    crate::grammar::ru::qualifiers()
        .longest_at(toks, k)
        .map_or(k, |(n, _)| k + n)
}

/// Words before a unit that make it a span of time (`последние годы`).
const ADJECTIVES: [&str; 6] = [
    "последн",
    "следующ",
    "ближайш",
    "прошедш",
    "предыдущ",
    "долг",
];

/// A duration at `i`: `37 дней`, `на протяжении 20 лет`, `за последние
/// три месяца`, `к шести годам`, `несколько лет`, `в течение следующих
/// лет`, `более 10 лет`. Not a frequency's interval (`раз в два года`,
/// `каждые три года`) and not a bare unit word (`в год`).
pub(super) fn duration_at(toks: &[Token], i: usize) -> Option<Mention> {
    const LEADS: [&[&str]; 7] = [
        &["в", "течение"],
        &["на", "протяжении"],
        &["сроком", "на"],
        &["за"],
        &["на"],
        &["к"],
        &["в"],
    ];
    let t = toks.get(i)?;
    let may = may_begin_duration(t)
        || crate::grammar::ru::qualifiers()
            .longest_at(toks, i)
            .is_some();
    if !may {
        return None;
    }
    let lead = LEADS
        .iter()
        .find(|ws| ws.iter().enumerate().all(|(j, x)| w(toks, i + j) == *x))
        .map_or(0, |ws| ws.len());
    duration_after(toks, i, lead)
}

/// Whether a duration can begin at `t` by its own word (a qualifier
/// phrase there may begin one too: `duration_at`).
pub(super) fn may_begin_duration(t: &Token) -> bool {
    number_ru::may_be_figure(t)
        || matches!(
            t.lower.as_str(),
            "в" | "на"
                | "за"
                | "к"
                | "сроком"
                | "пару"
                | "пара"
                | "пары"
                | "много"
                | "многих"
        )
        || COLLECTIVE.contains(&t.lower.as_str())
        || ADJECTIVES.iter().any(|s| t.lower.starts_with(s))
}

/// A duration at `i` after its lead of `lead` words (see `duration_at`).
fn duration_after(toks: &[Token], i: usize, lead: usize) -> Option<Mention> {
    if !unit_ahead(toks, i + lead) {
        return None;
    }
    let mut j = i + lead;
    let adjective = ADJECTIVES.iter().any(|s| w(toks, j).starts_with(s));
    j += usize::from(adjective);
    let q = skip_qualifier(toks, j);
    let amount = amount_at(toks, q);
    let j = amount.map_or(j, |(_, e)| e);
    let u = unit_at(toks, j)?;
    // A unit of many alone is a length only as a half (`полгода`) or
    // after a lead that takes a length (`за квартал`, `в течение века`):
    // `показатели квартала` is no duration.
    let half = w(toks, j).starts_with("пол");
    let length_lead = lead == 2 || (lead == 1 && w(toks, i) == "за");
    let many = u.count != 1.0 && (half || length_lead);
    let said = amount.is_some() || many || (adjective && w(toks, j) != "год");
    let before = |n: usize| w(toks, i.wrapping_sub(n));
    let interval = |n: usize| {
        matches!(before(n), "раз" | "раза" | "дважды" | "трижды") || before(n).starts_with("кажд")
    };
    let of_interval = interval(1) || (before(1) == "в" && interval(2));
    if !said || of_interval || matches!(w(toks, j + 1), "назад" | "спустя") {
        return None;
    }
    let value = match amount {
        Some((n, _)) => n,
        None if adjective => None,
        None => Some(1.0),
    };
    let mut m = span::length(Kind::Duration, i, j + 1, value, u);
    m.value_max = range_max(toks, q).map(|x| x * u.count);
    if let Some((q, _)) =
        crate::dims::qualifier::ru::qualifier_before(toks, amount.map_or(j, |_| q))
    {
        m.qualifier = q;
    }
    Some(m)
}

/// A frequency standing alone (a figure rule, after quantities, so that
/// `60 тыс. тонн ежегодно` stays a rate): `ежегодно`, `ежемесячно`,
/// `каждый месяц`, `каждые два года`, `раз в два года`, `дважды в год`.
pub fn set_at(toks: &[Token], i: usize) -> Option<Mention> {
    let every = |u: &str, n: f64| Unit {
        name: match u {
            "day" => "day",
            "week" => "week",
            "month" => "month",
            _ => "year",
        },
        count: n,
    };
    if !toks.get(i).is_some_and(may_begin_set) {
        return None;
    }
    let word = w(toks, i);
    let adverb = match word {
        "ежегодно" => Some(every("year", 1.0)),
        "ежеквартально" => Some(every("month", 3.0)),
        "ежемесячно" => Some(every("month", 1.0)),
        "еженедельно" => Some(every("week", 1.0)),
        "ежедневно" | "ежесуточно" => Some(every("day", 1.0)),
        _ => None,
    };
    if let Some(u) = adverb {
        return Some(span::length(Kind::Set, i, i + 1, Some(1.0), u));
    }
    // `каждый месяц`, `каждые два года`, `раз в три года`, `дважды в
    // год`, `3 раза в год`.
    let (times, k) = match amount_at(toks, i) {
        Some((Some(n), e)) if matches!(w(toks, e), "раз" | "раза") => (n, e),
        _ => (1.0, i),
    };
    let word = w(toks, k);
    let j = if word.starts_with("кажд") && k == i {
        k + 1
    } else if matches!(word, "раз" | "раза" | "дважды" | "трижды") && w(toks, k + 1) == "в"
    {
        k + 2
    } else {
        return None;
    };
    let (n, j) = amount_at(toks, j).unwrap_or((Some(1.0), j));
    let u = unit_at(toks, j)?;
    let per = match word {
        "дважды" => 2.0,
        "трижды" => 3.0,
        _ => times,
    };
    Some(span::length(Kind::Set, i, j + 1, n.map(|n| n / per), u))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frequencies_begin_where_the_gate_lets_them() {
        for s in [
            "ежегодно",
            "ежесуточно",
            "каждые два года",
            "раз в два года",
            "дважды в год",
            "3 раза в год",
            "пару раз в год",
            "трое раз в год",
        ] {
            let toks = crate::text::token::tokenize(s, 0, s.len());
            assert!(set_at(&toks, 0).is_some(), "{s}");
        }
        let s = "завод ввели";
        let toks = crate::text::token::tokenize(s, 0, s.len());
        assert!(!may_begin_set(&toks[0]));
    }
}
