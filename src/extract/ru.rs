//! The Russian rules of the record stages: which dates are no period of a
//! figure, which words refer back to a period, who said what when, which
//! words open an added object. The English ones are in `en.rs`.

use crate::classify::plant;
use crate::dims::Mention;
use crate::dims::quantity::class;
use crate::text::token::Token;

/// `по сравнению с аналогичным периодом прошлого года`: the period a
/// figure is compared with, not its own.
pub fn compared(toks: &[Token], at: usize) -> bool {
    // `а после 2019 г. планирует`: what comes after a year is no period.
    toks[at.saturating_sub(4)..at]
        .iter()
        .any(|t| t.lower.starts_with("сравнени") || t.lower.starts_with("аналогичн"))
        || toks[at].is("после")
        || at.checked_sub(1).is_some_and(|b| toks[b].is("после"))
}

/// `на форуме, состоявшемся в среду`: a day named by its weekday is an
/// event's, never the period of a figure.
pub fn weekday(toks: &[Token], d: &Mention) -> bool {
    const DAYS: [&str; 7] = [
        "понедельник",
        "вторник",
        "среду",
        "четверг",
        "пятницу",
        "субботу",
        "воскресенье",
    ];
    toks[d.tok_start..d.tok_end]
        .iter()
        .any(|t| DAYS.contains(&t.lower.as_str()))
}

crate::words!(
    /// Verbs of saying: a date just after one is the statement's.
    SAID, ru, "said_verbs.tsv"
);

/// `сообщил журналистам во вторник, 27 января`: the date a statement was
/// made, not a window.
pub fn said_on(toks: &[Token], at: usize) -> bool {
    toks[at.saturating_sub(5)..at]
        .iter()
        .any(|t| SAID.stem_of(&t.lower))
}

/// Whether construction or works are the subject just before a cue.
pub fn works_before(toks: &[Token], cue: usize) -> bool {
    // The clause before the cue, however long its figures make it
    // (`Строительство завода за 18 млрд тенге в Актау начнётся`).
    toks[cue.saturating_sub(15)..cue]
        .iter()
        .rev()
        .take_while(|t| !matches!(t.lower.as_str(), "," | ";" | ":" | "."))
        .any(|t| t.lower.starts_with("строительств") || t.lower.starts_with("работ"))
}

/// `за этот период`, `за тот же период`, and a bare `за год`: the
/// period said before.
pub fn anaphoric_period(toks: &[Token]) -> bool {
    toks.windows(2).any(|w| {
        w[0].is("за")
            && matches!(
                w[1].lower.as_str(),
                "этот" | "тот" | "указанный" | "данный" | "аналогичный" | "год"
            )
    })
}

/// `за весь год`: the whole year of the period said before.
pub fn whole_year(toks: &[Token]) -> bool {
    toks.windows(3)
        .any(|w| w[0].is("за") && w[1].is("весь") && w[2].is("год"))
}

/// `сегодня`: the day of the statement, no period of a figure.
pub fn today(t: &Token) -> bool {
    t.is("сегодня")
}

/// `на начало 2024 года`: the level at the start of the period.
pub fn at_start(a: &str, b: &str) -> bool {
    a == "на" && b == "начало"
}

/// `на 1 июля 2025 года`: the level on that day.
pub fn on_day(w: &str) -> bool {
    w == "на"
}

/// `на данный момент`, `на сегодняшний день`, `к настоящему времени`:
/// results so far.
pub fn so_far(toks: &[Token]) -> bool {
    toks.windows(3).any(|w| {
        matches!(
            (
                w[0].lower.as_str(),
                w[1].lower.as_str(),
                w[2].lower.as_str()
            ),
            ("на", "данный", "момент")
                | ("на", "сегодняшний", "день")
                | ("к", "настоящему", "времени")
        )
    })
}

/// `в год`, `ежегодно` at `at`: a yearly rate.
pub fn yearly_rate(toks: &[Token], at: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    (w(at) == "в" && w(at + 1) == "год") || crate::classify::metric::ru::YEARLY.stem_of(w(at))
}

/// `по итогам 2024 года`: the level at its end.
pub fn results_of(a: &str, b: &str) -> bool {
    a == "по" && b == "итогам"
}

/// `А также …`: a sentence that adds an object to the one before.
pub fn adds_object(toks: &[Token]) -> bool {
    toks.first().is_some_and(|t| t.is("а") || t.is("также"))
        && toks.iter().take(2).any(|t| t.is("также"))
}

/// `выход на полную мощность`: reaching a capacity is no launch; a
/// capacity figure (`мощностью 50 тыс. тонн`) says nothing of it.
pub fn reaches_capacity(toks: &[Token]) -> bool {
    toks.iter().enumerate().any(|(i, t)| {
        t.lower.starts_with("мощност") && toks[i.saturating_sub(2)..i].iter().any(|p| p.is("на"))
    })
}

/// `в`/`во` before a country: a figure placed in it.
pub fn in_place(w: &str) -> bool {
    matches!(w, "в" | "во")
}

/// `перерабатывать 600 тонн зерна`: the sentence says the goods of its
/// figures go in.
pub fn processing(toks: &[Token]) -> bool {
    toks.iter().any(|t| GOODS_IN.stem_of(&t.lower))
}

crate::words!(
    /// Words saying the goods of a figure go in (`переработка`, `руда`).
    GOODS_IN, ru, "goods_in.tsv"
);

/// `между нашими странами`, `двух стран`: the countries, not a region.
pub fn countries(w: &str) -> bool {
    matches!(w, "стран" | "странами" | "страны" | "государств")
}

/// `оба`, `обе`: the sentence speaks of both plants.
pub fn both(toks: &[Token]) -> bool {
    toks.iter()
        .any(|t| matches!(t.lower.as_str(), "оба" | "обе" | "обоих" | "обеих"))
}

/// What a quantity says is made: `тонн полиэтилена` → полиэтилен,
/// `тракторов` → трактор (not a mere unit such as `тонн` or `штук`).
pub fn product_of(all: &[Token], m: &Mention) -> Option<String> {
    // The words after the unit (`тонн мясной продукции в год`), not
    // those of the unit itself (`квадратных метров`).
    let toks = &all[..m.tok_end];
    let unit = (m.num_tok..m.tok_end).find_map(|k| {
        crate::grammar::ru::units()
            .longest_at(toks, k)
            .map(|(n, _)| k..k + n)
    });
    for k in m.num_tok..m.tok_end {
        if unit.as_ref().is_some_and(|u| u.contains(&k)) {
            continue;
        }
        let starts = crate::grammar::ru::products().longest_at(toks, k).is_some()
            || (k > m.num_tok && crate::dims::quantity::ru::is_adjective(&toks[k]));
        if starts && let Some(p) = plant::ru::phrase_at(toks, k) {
            return Some(p);
        }
    }
    // The noun right after the unit (`тонн меди`, `тонны карбамида в
    // сутки`), in or just after the figure.
    for k in m.num_tok..m.tok_end {
        let Some((n, _)) = crate::grammar::ru::units().longest_at(all, k) else {
            continue;
        };
        let word = all
            .get(k + n)
            .is_some_and(|t| t.kind == crate::text::token::TokKind::Word && !t.cap);
        if let Some(p) = plant::ru::phrase_at(all, k + n).filter(|_| word) {
            return Some(p);
        }
        break;
    }
    const GENERIC: [&str; 14] = [
        "mass",
        class::PAIR,
        "area",
        "volume",
        "container",
        class::PIECE,
        class::ITEM,
        class::MACHINERY,
        class::MACHINE,
        class::PERSON,
        class::PLACE,
        class::JOB,
        class::PROJECT,
        class::KIT,
    ];
    m.class.clone().filter(|c| !GENERIC.contains(&c.as_str()))
}
