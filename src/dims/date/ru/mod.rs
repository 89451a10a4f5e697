//! DATE, Russian: a *core* (a year, a year range or decade, a month or
//! month range, a quarter, a half, a season, a day or day range, `за N
//! месяцев`, a year said relative to the publication date) with an
//! optional *modifier* before it: a deadline (`до конца`, `к`, `не
//! позднее`), a part of the period (`в конце`, `в начале`, `в середине`),
//! `с начала`, `в течение`. Periods are inclusive calendar dates.

use std::sync::LazyLock;

use chrono::Datelike;

mod cores;
mod days;
mod lengths;
mod spans;
mod vague;

pub use lengths::{may_begin_set, set_at};
pub use spans::may_begin;

use cores::*;
pub use cores::{month_at, month_of};
use days::*;

use crate::dims::{Anchor, Grain, Mention, Period};
use crate::lexicon::starts::WordQuestion;
use crate::text::token::{TokKind, Token};

/// What a modifier does to the core period after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Modifier {
    /// `в`, `за`, `на`, `в течение`, `по итогам`, or nothing.
    Same,
    /// `до конца`, `к концу`, `к`, `до`, `не позднее`: start open.
    Deadline,
    /// `с`, `начиная с`: end open.
    From,
    /// `с начала`: from the start to the publication date (or the end).
    SinceStart,
    /// `в конце` (Oct–Dec of a year).
    End,
    /// `в начале` (Jan–Mar).
    Start,
    /// `в середине` (Apr–Sep).
    Middle,
    /// `за` before `N месяцев`.
    For,
}

/// The modifiers, tried in this order: the first after which a core is
/// read wins.
const MODIFIERS: &[(&[&str], Modifier)] = &[
    (&["до", "конца"], Modifier::Deadline),
    (&["к", "середине"], Modifier::Middle),
    (&["до", "середины"], Modifier::Middle),
    (&["с", "середины"], Modifier::Middle),
    (&["за", "период"], Modifier::For),
    (&["за", "первые"], Modifier::For),
    (&["на", "период", "до"], Modifier::Deadline),
    (&["в", "период"], Modifier::Same),
    (&["вплоть", "до"], Modifier::Deadline),
    (&["на", "протяжении"], Modifier::Same),
    (&["с", "конца"], Modifier::End),
    (&["в", "последние", "дни"], Modifier::End),
    (&["в", "последнюю", "неделю"], Modifier::End),
    (&["в", "последних", "числах"], Modifier::End),
    (&["в", "первых", "числах"], Modifier::Start),
    (&["к", "концу"], Modifier::Deadline),
    (&["не", "позднее"], Modifier::Deadline),
    (&["не", "позже"], Modifier::Deadline),
    (&["до"], Modifier::Deadline),
    (&["к"], Modifier::Deadline),
    (&["с", "начала"], Modifier::SinceStart),
    (&["со", "начала"], Modifier::SinceStart),
    (&["в", "конце"], Modifier::End),
    (&["на", "конец"], Modifier::End),
    (&["в", "начале"], Modifier::Start),
    (&["на", "начало"], Modifier::Start),
    (&["в", "середине"], Modifier::Middle),
    (&["в", "течение"], Modifier::Same),
    (&["в", "ночь", "на"], Modifier::Same),
    (&["по", "состоянию", "на"], Modifier::Same),
    (&["в", "период", "с"], Modifier::From),
    (&["после"], Modifier::From),
    (&["по", "итогам"], Modifier::For),
    (&["начиная", "с"], Modifier::From),
    (&["по"], Modifier::Deadline),
    (&["за"], Modifier::For),
    (&["в"], Modifier::Same),
    (&["во"], Modifier::Same),
    (&["на"], Modifier::Same),
    (&["с"], Modifier::From),
    (&["со"], Modifier::From),
];

/// A core: (end token, period, the rule that read it).
type Core = (usize, Period, Rule);

/// The rule that read a core: its name, and whether the core is a range
/// with its own end (`с 2020 по 2023`, `январь - март`), which `с`
/// before it does not leave open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Rule {
    name: &'static str,
    own_end: bool,
}

/// A rule whose core has no end of its own.
const fn rule(name: &'static str) -> Rule {
    Rule {
        name,
        own_end: false,
    }
}

/// A rule whose core is a range with its own end.
const fn range(name: &'static str) -> Rule {
    Rule {
        name,
        own_end: true,
    }
}

/// A rule that reads a core at a token.
type CoreRule = fn(&[Token], usize, Anchor) -> Option<Core>;

/// Every date mention in the tokens, longest first at each position.
pub fn find(toks: &[Token], anchor: Anchor) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !may_start(toks, i) {
            i += 1;
            continue;
        }
        match best_at(toks, i, anchor) {
            Some((e, period, rule)) => {
                out.push(mention(i, e, period, rule));
                i = e;
            }
            None => match lengths::duration_at(toks, i) {
                Some(m) => {
                    i = m.tok_end;
                    out.push(m);
                }
                None => i += 1,
            },
        }
    }
    out
}

/// Whether any date or duration rule can begin at token `i`: a number,
/// or a word a modifier, a core, a loose date or a duration begins with
/// (asked once per distinct word), or a qualifier phrase. Where this says
/// no, `best_at` and `lengths::duration_at` find nothing.
fn may_start(toks: &[Token], i: usize) -> bool {
    // A rule can begin at a word a modifier, a core, a loose date or a
    // duration begins with.
    static WORDS: WordQuestion = WordQuestion::built_on(
        |t| MODIFIER_WORD.of(t) || CORE_WORD.of(t) || lengths::may_begin_duration(t),
        &[&MODIFIER_WORD, &CORE_WORD],
    );
    starts_at(toks, i, &WORDS)
}

/// Whether a modifier can begin at a token's word.
static MODIFIER_WORD: WordQuestion = WordQuestion::new(|t| modifiers().begins(&t.lower));

/// Whether a core or a loose date can begin at a token's word: a part of
/// both the questions of a date's start and of a core's after a modifier.
static CORE_WORD: WordQuestion =
    WordQuestion::new(|t| may_begin_core(t) || spans::may_begin_loose(t));

/// Whether token `k` is a number, a word `words` says yes of (asked once
/// per distinct word), or the start of a qualifier phrase.
fn starts_at(toks: &[Token], k: usize, words: &'static WordQuestion) -> bool {
    let Some(t) = toks.get(k) else {
        return false;
    };
    matches!(t.kind, TokKind::Num | TokKind::NumDate)
        || words.of(t)
        || crate::grammar::ru::qualifiers()
            .longest_at(toks, k)
            .is_some()
}

fn mention(s: usize, e: usize, period: Period, rule: Rule) -> Mention {
    Mention::date(s, e, period, rule.name)
}

fn w(toks: &[Token], k: usize) -> &str {
    toks.get(k).map_or("", |t| t.lower.as_str())
}

/// The modifiers by first word.
fn modifiers() -> &'static super::ByFirst<Modifier> {
    static BY_FIRST: LazyLock<super::ByFirst<Modifier>> =
        LazyLock::new(|| super::ByFirst::new(MODIFIERS));
    &BY_FIRST
}

/// The longest date starting at token `i`, with or without a modifier.
fn best_at(toks: &[Token], i: usize, a: Anchor) -> Option<Core> {
    let bare = core_at(toks, i, a, Modifier::Same).map(|c| (c, Modifier::Same));
    // Only a word a modifier begins with can start one (asked once per
    // distinct word); then only the modifiers it begins, in their order.
    let may_modify = toks
        .get(i)
        .is_some_and(|t| t.kind == TokKind::Word && MODIFIER_WORD.of(t));
    let modified = if may_modify {
        modifiers()
            .at(toks, i)
            .find_map(|(words, m)| core_at(toks, i + words.len(), a, *m).map(|c| (c, *m)))
    } else {
        None
    };
    let ((e, p, rule), m) = match (bare, modified) {
        (Some(b), Some(m)) => {
            if m.0.0 >= b.0.0 {
                m
            } else {
                b
            }
        }
        (b, m) => b.or(m)?,
    };
    // `с 2020 по 2023 год`: the range has its own end.
    let m = if m == Modifier::From && rule.own_end {
        Modifier::Same
    } else {
        m
    };
    let p = apply(m, p, a)?;
    // `по 31 декабря 2024 года включительно`: the end is said twice.
    let e = e + usize::from(w(toks, e) == "включительно");
    // `с 2020 года по настоящее время`: open to now, said.
    let now = ["по", "настоящее", "время"];
    let e = e + 3 * usize::from(m == Modifier::From && (0..3).all(|j| w(toks, e + j) == now[j]));
    Some((e, p, rule))
}

fn apply(m: Modifier, p: Period, a: Anchor) -> Option<Period> {
    if p.start.is_none() && p.end.is_none() {
        return Some(p);
    }
    let year_of = |p: &Period| p.end.or(p.start).map(|d| d.year());
    Some(match m {
        Modifier::Same | Modifier::For => p,
        Modifier::Deadline => Period {
            start: None,
            deadline: true,
            ..p
        },
        Modifier::From => Period { end: None, ..p },
        Modifier::SinceStart => {
            let end = match (a.published, p.end) {
                (Some(pd), Some(e)) if pd < e => Some(pd),
                (_, e) => e,
            };
            Period {
                end,
                grain: Grain::Range,
                ..p
            }
        }
        Modifier::End | Modifier::Start | Modifier::Middle if p.grain == Grain::Year => {
            let y = year_of(&p)?;
            let (m1, m2) = match m {
                Modifier::End => (10, 12),
                Modifier::Start => (1, 3),
                _ => (4, 9),
            };
            Period {
                loose: p.loose,
                ..months(y, m1, m2, Grain::Range)
            }
        }
        _ => p,
    })
}

/// The kind of token a core rule begins at: each rule turns the others
/// away at once, and is not asked at them.
#[derive(Debug, Clone, Copy)]
pub(super) enum Start {
    /// A word (`марте`, `прошлом`, `полгода`).
    Word,
    /// A number in digits (`2024`).
    Number,
    /// Either, or a dotted date (`5 марта`, `пятого марта`, `III квартал`).
    Any,
}

impl Start {
    pub(super) fn admits(self, t: &Token) -> bool {
        match self {
            Start::Word => t.kind == TokKind::Word,
            Start::Number => t.kind == TokKind::Num,
            Start::Any => true,
        }
    }
}

/// The core rules tried at every token a core may begin at, with the
/// kind of token each begins at.
const CORES: [(CoreRule, Start); 13] = [
    (half_year_back, Start::Word),
    (day_range, Start::Any),
    (day_pair, Start::Any),
    (day_month, Start::Any),
    (month_range, Start::Word),
    (quarter_or_half, Start::Any),
    (season, Start::Word),
    (relative_year, Start::Word),
    (relative_quarter_or_month, Start::Word),
    (relative_day, Start::Word),
    (year_range, Start::Number),
    (year, Start::Number),
    (decade, Start::Number),
];

/// The cores, tried in turn; the longest wins. `For` allows `N месяцев`;
/// a bare `года` (the anchor's year) needs a modifier that is not `Same`.
fn core_at(toks: &[Token], k: usize, a: Anchor, m: Modifier) -> Option<Core> {
    if !may_begin_core_at(toks, k) {
        return None;
    }
    let t = &toks[k];
    let mut best = CORES
        .iter()
        .filter(|(_, start)| start.admits(t))
        .filter_map(|(c, _)| c(toks, k, a))
        .max_by_key(|c| c.0);
    if m == Modifier::For
        && let Some(c) = months_of_year(toks, k, a)
    {
        best = Some(c);
    }
    let results_of = m == Modifier::For && k > 0 && w(toks, k - 1) == "итогам";
    if best.is_none()
        && (results_of || !matches!(m, Modifier::Same | Modifier::From | Modifier::For))
    {
        best = bare_year_word(toks, k, a);
    }
    if best.is_none() && matches!(m, Modifier::Same | Modifier::From) && k > 0 {
        best = bare_month(toks, k, a);
    }
    best.or_else(|| spans::loose_core(toks, k, a, m))
}

/// Whether a core can begin at token `k`, after any modifier: a number,
/// a word a core, a loose date, `года` or `за первые N месяцев` begins
/// with (asked once per distinct word), or a qualifier phrase. Where this
/// says no, `core_at` finds nothing; most modifiers (`в`, `на`, `с`) are
/// followed by no date at all.
fn may_begin_core_at(toks: &[Token], k: usize) -> bool {
    static WORDS: WordQuestion = WordQuestion::built_on(
        |t| {
            CORE_WORD.of(t)
                || matches!(t.lower.as_str(), "года" | "году" | "год")
                || t.lower.starts_with("перв")
        },
        &[&CORE_WORD],
    );
    starts_at(toks, k, &WORDS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;
    use chrono::NaiveDate;

    fn one(s: &str) -> Period {
        let toks = tokenize(s, 0, s.len());
        let a = Anchor {
            published: ymd(2024, 3, 4),
        };
        let m = find(&toks, a);
        assert_eq!(m.len(), 1, "{s}: {m:?}");
        assert_eq!((m[0].tok_start, m[0].tok_end), (0, toks.len()), "{s}");
        m[0].period.unwrap()
    }

    #[test]
    fn modifiers_begin_with_words() {
        for (words, _) in MODIFIERS {
            let t = tokenize(words[0], 0, words[0].len());
            assert_eq!(t.len(), 1, "{}", words[0]);
            assert_eq!(t[0].kind, TokKind::Word, "{}", words[0]);
        }
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
        assert_eq!(one("в конце года").start, ymd(2024, 10, 1));
    }

    #[test]
    fn the_start_gate_passes_every_token_a_rule_reads_from() {
        let a = Anchor {
            published: ymd(2024, 3, 4),
        };
        let text = "Вчера, во вторник, 14.03.2020 и 5 марта прошлого года, \
            в течение полугода, за первое полугодие, летом, зимой, через неделю, \
            почти 30 лет назад, в XIX веке, в девяностые, сезон 2019/20, \
            январь-март, несколько лет, пару дней, в 1990-е годы, около трех лет.";
        let toks = tokenize(text, 0, text.len());
        let mut read = 0;
        for i in 0..toks.len() {
            for anchor in [a, Anchor { published: None }] {
                if best_at(&toks, i, anchor).is_some() || lengths::duration_at(&toks, i).is_some() {
                    assert!(may_start(&toks, i), "{}", toks[i].lower);
                    read += 1;
                }
            }
        }
        assert!(read > 20, "{read}");
    }

    #[test]
    fn the_core_gate_passes_every_token_a_core_is_read_from() {
        let text = "за первые девять месяцев 2019 года, до конца года, в конце ноября, \
            с 2018 по 2020 год, за полгода, в IV квартале, в текущем году, за 7 мес. \
            прошлого года, в первом полугодии, к середине 2030-х, 3-5 июня, с 1 по 9 мая, \
            вчера, в прошлую пятницу, весной, через два года, около пяти лет назад, \
            в ближайшие годы, сезон 2021/22, январь-февраль, первого апреля, 2024-2025 гг.";
        let toks = tokenize(text, 0, text.len());
        let modifiers = [
            Modifier::Same,
            Modifier::Deadline,
            Modifier::From,
            Modifier::SinceStart,
            Modifier::End,
            Modifier::Start,
            Modifier::Middle,
            Modifier::For,
        ];
        let mut read = 0;
        for k in 0..=toks.len() {
            for published in [ymd(2024, 3, 4), None] {
                for m in modifiers {
                    let more: [CoreRule; 3] = [months_of_year, bare_year_word, bare_month];
                    let a = Anchor { published };
                    let any = CORES
                        .iter()
                        .map(|(c, _)| c)
                        .chain(&more)
                        .any(|c| c(&toks, k, a).is_some())
                        || spans::loose_core(&toks, k, a, m).is_some();
                    if any {
                        assert!(may_begin_core_at(&toks, k), "{}", w(&toks, k));
                        read += 1;
                    }
                }
            }
        }
        assert!(read > 100, "{read}");
    }

    #[test]
    fn a_month_is_read_from_a_token_as_from_its_word() {
        let text = "В январе, феврале и МАРТЕ 2024 года; май, мая, маем, апрель-июнь, \
            декабрём, сентябрьский, маяк, 12 ноября, Мартин, 5.";
        let toks = tokenize(text, 0, text.len());
        let mut months = 0;
        for k in 0..toks.len() {
            assert_eq!(
                month_at(&toks, k),
                month_of(&toks[k].lower),
                "{}",
                toks[k].lower
            );
            months += usize::from(month_at(&toks, k).is_some());
        }
        assert!(months >= 7, "{months}");
        assert_eq!(month_at(&toks, toks.len()), None);
    }

    #[test]
    fn a_core_rule_reads_only_from_the_kind_of_token_it_is_asked_at() {
        let text = "за первые девять месяцев 2019 года, за полгода, в конце ноября, \
            с 2018 по 2020 год, в 2024 и 2025 годах, в IV квартале, во 2 квартале, \
            в текущем году, в прошлом и текущем годах, в прошлом месяце, вчера, \
            сегодня, весной 2023 года, летом, 3-5 июня, 7 и 8 мая, с 1 по 9 мая, \
            с 5 марта по 2 апреля, пятого апреля, двадцать первого мая, в пятницу, \
            пятого и шестого июня, с пятого марта по второе апреля, \
            14 марта, 14.03.2020, 2024-03-18, январь-февраль, с января по май, \
            в декабре 2023 – январе 2024 года, в 1990-е годы, в 2030-м, 2024-2025 гг.";
        let toks = tokenize(text, 0, text.len());
        let mut read = 0;
        for k in 0..toks.len() {
            for published in [ymd(2024, 3, 4), None] {
                for (rule, start) in CORES {
                    if rule(&toks, k, Anchor { published }).is_some() {
                        assert!(start.admits(&toks[k]), "{start:?}: {}", toks[k].lower);
                        read += 1;
                    }
                }
            }
        }
        assert!(read > 40, "{read}");
    }

    /// The month of the first date mention of a sentence published on
    /// `published`.
    fn month_in(s: &str, published: Option<NaiveDate>) -> Option<NaiveDate> {
        let toks = tokenize(s, 0, s.len());
        let m = find(&toks, Anchor { published });
        m.first().and_then(|m| m.period).and_then(|p| p.start)
    }

    #[test]
    fn a_month_without_a_year_in_a_past_statement_is_the_latest_before_publication() {
        let new_year = ymd(2024, 1, 1);
        let said = "В декабре экспорт составил 5 млрд долларов.";
        assert_eq!(month_in(said, new_year), ymd(2023, 12, 1));
        let grew = "В ноябре выпуск вырос до 30 тысяч машин.";
        assert_eq!(month_in(grew, new_year), ymd(2023, 11, 1));
        // A plan is about the months ahead; a month already begun stays.
        let plan = "В декабре завод запустят.";
        assert_eq!(month_in(plan, new_year), ymd(2024, 12, 1));
        let march = ymd(2024, 3, 4);
        assert_eq!(
            month_in("В марте экспорт составил 5 млрд.", march),
            ymd(2024, 3, 1)
        );
        assert_eq!(
            month_in("В феврале экспорт составил 5 млрд.", march),
            ymd(2024, 2, 1)
        );
    }
}
