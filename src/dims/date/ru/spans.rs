//! DATE, Russian, the loose kinds, and lengths of time.
//!
//! Loose dates are those a reader marks but no record takes as its
//! period (`Period::loose`): a weekday (`в среду`), a week (`на прошлой
//! неделе`), a span back or ahead (`почти 30 лет назад`, `через неделю`),
//! a decade in words or a century (`в начале восьмидесятых годов`, `XIX
//! век`, `в прошлом веке`), winter or a season said relative to now
//! (`прошлой зимой`), a year standing alone after a preposition (`в
//! 1987`), a season of two years (`сезон 2019/20`), and any date whose
//! year would come from the publication date when there is none (both
//! sides open). A preposition before them is part of the span, as for
//! every other date.
//!
//! Durations and frequencies, mentions of their own kinds, are in
//! `lengths.rs`.

use chrono::{Datelike, NaiveDate};

use super::cores::{bare_month, is_past_verb, month_at, relative_offset, relative_year_words, ymd};
use super::days::{day_of, is_weekday};
use super::lengths::{amount_at, skip_qualifier, unit_ahead, unit_at};
use super::{Anchor, Core, Modifier, Period, Start, core_at, rule};
use crate::dims::Grain;
use crate::dims::number::ru as number_ru;
use crate::dims::span::{self, Tense, Unit, loose};
use std::sync::LazyLock;

use crate::lexicon::starts::WordQuestion;
use crate::lexicon::stems::Stems;
use crate::text::token::{TokKind, Token};

fn w(toks: &[Token], k: usize) -> &str {
    toks.get(k).map_or("", |t| t.lower.as_str())
}

/// Whether a word can begin a date or length of time that has no number
/// and no word `number_ru::may_be_figure` already knows.
pub fn may_begin(word: &str) -> bool {
    const STEMS: [&str; 18] = [
        "недел",
        "полгод",
        "дн",
        "сут",
        "век",
        "зим",
        "еже",
        "полвек",
        "десятилет",
        "двадцат",
        "тридцат",
        "сороков",
        "пятидесят",
        "шестидесят",
        "семидесят",
        "восьмидесят",
        "девяност",
        "нулев",
    ];
    static BEGIN: LazyLock<Stems> = LazyLock::new(|| Stems::new(STEMS));
    is_weekday(word) || BEGIN.begin(word) || roman(word).is_some() || super::vague::may_begin(word)
}

/// Verbs that put a statement in the future.
const FUTURE: [&str; 12] = [
    "будет",
    "будут",
    "состоится",
    "состоятся",
    "пройдет",
    "пройдут",
    "начнется",
    "начнутся",
    "планируется",
    "планирует",
    "планируют",
    "ожидается",
];

/// The tense of a sentence: a future word wins over a past verb (`будет
/// запущен, как сообщил`).
/// Both word tests are bits of the tokens: a sentence's words are each
/// asked once per distinct word, not at every date of it.
pub(super) fn tense_of(toks: &[Token]) -> Tense {
    static FUTURE_WORD: WordQuestion = WordQuestion::new(|t| FUTURE.contains(&t.lower.as_str()));
    static PAST_WORD: WordQuestion =
        WordQuestion::new(|t| is_past_verb(&t.lower) || looks_past(&t.lower));
    if toks.iter().any(|t| FUTURE_WORD.of(t)) {
        Tense::Future
    } else if toks.iter().any(|t| PAST_WORD.of(t)) {
        Tense::Past
    } else {
        Tense::Unknown
    }
}

/// A verb in the past tense by its ending (`заявил`, `сообщила`,
/// `собрались`); long words only, as short nouns end so too (`сила`).
fn looks_past(word: &str) -> bool {
    // Not `-али`, `-или`, `-ела`: `детали`, `автомобили`, `отдела`.
    const ENDS: [&str; 9] = [
        "лся", "лась", "лось", "лись", "ил", "ила", "ыл", "ыла", "ыли",
    ];
    word.chars().count() >= 6 && ENDS.iter().any(|e| word.ends_with(e))
}

/// The rules of loose dates, tried in turn, with the kind of token each
/// begins at.
const LOOSE: [(super::CoreRule, Start); 10] = [
    (super::vague::vague_at, Start::Word),
    (weekday, Start::Word),
    (relative_week, Start::Word),
    (back_or_ahead, Start::Any),
    (century, Start::Word),
    (decade_words, Start::Word),
    (season_words, Start::Word),
    (two_years, Start::Any),
    (year_alone, Start::Number),
    (month_alone, Start::Word),
];

/// A loose date at `k` (see the module doc), tried when no other core
/// reads one there; `m` is the modifier before it.
pub(super) fn loose_core(toks: &[Token], k: usize, a: Anchor, m: Modifier) -> Option<Core> {
    let t = toks.get(k)?;
    let may = may_begin_loose(t)
        || crate::grammar::ru::qualifiers()
            .longest_at(toks, k)
            .is_some();
    if !may {
        return None;
    }
    if let Some(c) = LOOSE
        .iter()
        .filter(|(_, start)| start.admits(t))
        .find_map(|(r, _)| r(toks, k, a))
    {
        return Some(c);
    }
    if let Some((e, p, rule)) = bare_month(toks, k, a).filter(|_| k > 0) {
        // `в конце ноября` is the month `bare_month` reads; only a
        // deadline (`до марта`) would make it a new period for records.
        let deadline = matches!(m, Modifier::Deadline | Modifier::SinceStart);
        return Some((
            e,
            Period {
                loose: deadline,
                ..p
            },
            rule,
        ));
    }
    if a.published.is_some() {
        return None;
    }
    // A date that needs the publication date: listed, both sides open.
    let any = Anchor {
        published: ymd(2000, 1, 1),
    };
    let (e, p, rule) = core_at(toks, k, any, m)?;
    Some((e, loose(None, None, p.grain), rule))
}

/// Whether a loose date can begin at `t` by its own word (a qualifier
/// phrase there may begin one too: `loose_core`).
pub(super) fn may_begin_loose(t: &Token) -> bool {
    number_ru::may_be_figure(t)
        || t.is("через")
        || t.is("за")
        || t.lower.starts_with("сезон")
        || relative_offset(&t.lower).is_some()
        || super::vague::may_begin(&t.lower)
}

/// `в среду`, `в понедельник`: the weekday nearest to publication by the
/// sentence's tense.
fn weekday(toks: &[Token], first: usize, a: Anchor) -> Option<Core> {
    let k = first;
    const DAYS: [&str; 7] = [
        "понедельник",
        "вторник",
        "сред",
        "четверг",
        "пятниц",
        "суббот",
        "воскресенье",
    ];
    // `в минувшую пятницу`: which week is the tense's to say.
    let k = k + usize::from(relative_offset(w(toks, k)).is_some());
    let word = w(toks, k);
    // `в субботу, 12 октября`: the date that follows says it (`day_month`).
    let dated = day_of(toks, k + 1 + usize::from(w(toks, k + 1) == ",")).is_some();
    // `в среду`, not `окружающую среду`.
    let prep = matches!(
        w(toks, first.wrapping_sub(1)),
        "в" | "во" | "на" | "до" | "к" | "ко" | "с" | "со" | "по"
    );
    if !is_weekday(word) || !prep || dated {
        return None;
    }
    let wd = DAYS.iter().position(|d| word.starts_with(d))? as u32;
    let d = a
        .published
        .and_then(|p| span::weekday_near(p, wd, tense_of(toks)));
    Some((k + 1, loose(d, d, Grain::Day), rule("<weekday>")))
}

/// `на прошлой неделе`, `на этой неделе`, `на следующей неделе`.
fn relative_week(toks: &[Token], k: usize, a: Anchor) -> Option<Core> {
    let off = relative_offset(w(toks, k))?;
    if !w(toks, k + 1).starts_with("недел") {
        return None;
    }
    let u = Unit {
        name: "week",
        count: 1.0,
    };
    let p = span::shifted(a.published, Some(off.into()), u);
    Some((k + 2, p, rule("<relative week>")))
}

/// `почти 30 лет назад`, `полвека назад`, `через пять дней`, `через
/// неделю`: the day, week, month or year that far from publication; `за
/// два дня до`: that far before an event (both sides open).
fn back_or_ahead(toks: &[Token], k: usize, a: Anchor) -> Option<Core> {
    let ahead = w(toks, k) == "через";
    let before = w(toks, k) == "за";
    // Neither `через` nor `за`: only `… назад` is left, read where the
    // word comes after.
    let back_after = || {
        toks.get(k + 1..)
            .is_some_and(|r| r.iter().any(|t| t.is("назад")))
    };
    if (!ahead && !before && !back_after()) || !unit_ahead(toks, k) {
        return None;
    }
    let j = skip_qualifier(toks, k + usize::from(ahead || before));
    let (amount, j) = amount_at(toks, j).unwrap_or((Some(1.0), j));
    let u = unit_at(toks, j)?;
    // `за два дня до выборов`: before an event, a date of unknown day.
    if before {
        let e = (w(toks, j + 1) == "до").then_some(j + 2)?;
        return Some((
            e,
            loose(None, None, span::grain_of(u)),
            rule("за <n> <unit> до"),
        ));
    }
    let back = !ahead && w(toks, j + 1) == "назад";
    if !ahead && !back {
        return None;
    }
    let sign = if back { -1.0 } else { 1.0 };
    // `через два года после запуска`: from an event, not from now.
    let from = a.published.filter(|_| w(toks, j + 1) != "после");
    let p = span::shifted(from, amount.map(|n| sign * n), u);
    let e = j + 1 + usize::from(back);
    Some((
        e,
        p,
        if back {
            rule("<n> <unit> назад")
        } else {
            rule("через <n> <unit>")
        },
    ))
}

/// The value of a Roman numeral up to 39 (`xix` → 19).
fn roman(s: &str) -> Option<i32> {
    if s.is_empty() || !s.chars().all(|c| matches!(c, 'i' | 'v' | 'x')) {
        return None;
    }
    let val = |c| match c {
        'i' => 1,
        'v' => 5,
        _ => 10,
    };
    let cs: Vec<i32> = s.chars().map(val).collect();
    let mut n = 0;
    for (i, &c) in cs.iter().enumerate() {
        n += if cs.get(i + 1).is_some_and(|&x| x > c) {
            -c
        } else {
            c
        };
    }
    (1..40).contains(&n).then_some(n)
}

fn century_span(n: i32) -> (Option<NaiveDate>, Option<NaiveDate>) {
    (ymd((n - 1) * 100 + 1, 1, 1), ymd(n * 100, 12, 31))
}

/// `XIX век`, `в XX веке`, `XVIII в.`, `в прошлом веке`.
fn century(toks: &[Token], k: usize, a: Anchor) -> Option<Core> {
    let after_word = |j: usize| {
        let x = w(toks, j);
        if x.starts_with("век") && x.chars().count() <= 5 {
            Some(j + 1)
        } else if x == "в" && w(toks, j + 1) == "." {
            Some(j + 2)
        } else {
            None
        }
    };
    if let Some(n) = roman(w(toks, k)) {
        let e = after_word(k + 1)?;
        let (s, en) = century_span(n);
        return Some((e, loose(s, en, Grain::Range), rule("<roman> век")));
    }
    let off = relative_offset(w(toks, k))?;
    if !w(toks, k + 1).starts_with("век") {
        return None;
    }
    let (s, e) = match a.published {
        Some(p) => century_span((p.year() - 1) / 100 + 1 + off),
        None => (None, None),
    };
    Some((k + 2, loose(s, e, Grain::Range), rule("<relative> век")))
}

/// `восьмидесятых годов`, `в девяностые`, `нулевых`: a decade of the
/// 1900s (the 2000s for `нулевые`).
fn decade_words(toks: &[Token], k: usize, _a: Anchor) -> Option<Core> {
    const STEMS: [(&str, i32); 9] = [
        ("нулев", 2000),
        ("двадцат", 1920),
        ("тридцат", 1930),
        ("сороков", 1940),
        ("пятидесят", 1950),
        ("шестидесят", 1960),
        ("семидесят", 1970),
        ("восьмидесят", 1980),
        ("девяност", 1990),
    ];
    let word = w(toks, k);
    let (stem, y) = STEMS.iter().find(|(s, _)| word.starts_with(s))?;
    let rest = &word[stem.len()..];
    if !matches!(rest, "ых" | "ые" | "ым" | "ыми") {
        return None;
    }
    let e = k + 1 + usize::from(w(toks, k + 1).starts_with("год"));
    let p = loose(ymd(*y, 1, 1), ymd(y + 9, 12, 31), Grain::Range);
    Some((e, p, rule("<decade in words>")))
}

/// `зимой 2019 года`, `прошлой зимой`, `этим летом`: winter is December
/// of the year before to February; a relative word shifts the year.
fn season_words(toks: &[Token], k: usize, a: Anchor) -> Option<Core> {
    let off = relative_offset(w(toks, k));
    let j = k + usize::from(off.is_some());
    let (m1, m2) = match w(toks, j) {
        "зимой" | "зима" | "зиму" | "зимы" | "зиме" => (12, 2),
        x => super::cores::season_months(x)?,
    };
    let (y, e) = match super::cores::year_at(toks, j + 1) {
        Some((y, e, _)) => (Some(y), e),
        None if off.is_some() || m1 == 12 => {
            (a.published.map(|p| p.year() + off.unwrap_or(0)), j + 1)
        }
        None => return None,
    };
    if k == 0 && e == j + 1 && off.is_none() && !super::cores::season_time(w(toks, j)) {
        return None;
    }
    let (s, en) = match y {
        Some(y) if m1 == 12 => (ymd(y - 1, 12, 1), ymd(y, 2, 1).map(last_of_month)),
        Some(y) => (ymd(y, m1, 1), ymd(y, m2, 1).map(last_of_month)),
        None => (None, None),
    };
    Some((e, loose(s, en, Grain::Range), rule("<season> <year>")))
}

fn last_of_month(d: NaiveDate) -> NaiveDate {
    crate::text::meta::month_end(d.year(), d.month())
}

/// `2019/20`, `2015/2016`, `сезон 2019/20`, `2015/16 учебный год`: the two
/// years of a season.
fn two_years(toks: &[Token], k: usize, _a: Anchor) -> Option<Core> {
    let k = k + usize::from(w(toks, k).starts_with("сезон"));
    let y = toks.get(k)?.year()?;
    if w(toks, k + 1) != "/" {
        return None;
    }
    let t = toks.get(k + 2)?;
    let n = t.num?.to_f64() as i32;
    let ok = match t.int_digits {
        2 => n == (y + 1) % 100,
        4 => n == y + 1,
        _ => false,
    };
    if t.kind != TokKind::Num || !ok {
        return None;
    }
    let mut e = k + 3;
    const KINDS: [&str; 4] = ["учебн", "финансов", "сельскохозяйственн", "маркетингов"];
    if KINDS.iter().any(|s| w(toks, e).starts_with(s)) {
        e += 1;
    }
    if w(toks, e).starts_with("год") {
        e += 1;
    } else if e == k + 3 && matches!(w(toks, e), "г" | "гг") {
        e += 1 + usize::from(w(toks, e + 1) == ".");
    }
    let p = loose(ymd(y, 1, 1), ymd(y + 1, 12, 31), Grain::Range);
    Some((e, p, rule("<year>/<year>")))
}

/// `в 1987`, `с 2011`, `до 2015`: a year alone after a preposition, when
/// no lower-case word or number follows (`в 2000 рублей` is money).
fn year_alone(toks: &[Token], k: usize, _a: Anchor) -> Option<Core> {
    let y = toks.get(k)?.year()?;
    let prep = k > 0 && matches!(w(toks, k - 1), "в" | "во" | "с" | "со" | "до" | "к" | "за");
    let next_ok = toks.get(k + 1).is_none_or(|t| match t.kind {
        TokKind::Word => t.cap || matches!(t.lower.as_str(), "и" | "или" | "а" | "но"),
        TokKind::Punct => !t.is("%") && !t.is_dash() && !t.is("/") && !t.is("("),
        _ => false,
    });
    (prep && next_ok && !super::cores::after_change(toks, k)).then(|| {
        let p = loose(ymd(y, 1, 1), ymd(y, 12, 31), Grain::Year);
        (k + 1, p, rule("<year alone>"))
    })
}

/// `в конце ноября`, `в марте этого года` with no publication date: a
/// month of an unknown year.
fn month_alone(toks: &[Token], k: usize, a: Anchor) -> Option<Core> {
    month_at(toks, k)?;
    if k == 0 || day_of(toks, k.wrapping_sub(1)).is_some() || a.published.is_some() {
        return None;
    }
    let end = relative_year_words(toks, k + 1).map_or(k + 1, |(_, e)| e);
    Some((end, loose(None, None, Grain::Month), rule("<month>")))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_loose_rule_reads_only_from_the_kind_of_token_it_is_asked_at() {
        let text = "Вчера, во вторник, в прошлую пятницу, на днях, накануне, в выходные, \
            через неделю, за два дня до выборов, почти 30 лет назад, полвека назад, \
            на прошлой неделе, в XIX веке, в 19 веке, в девяностые, в нулевые, \
            прошлой зимой, весной 2019 года, сезон 2019/20, 2021/22, в 2018, \
            с 2019 и до сих пор, в марте, под новый год.";
        let toks = tokenize(text, 0, text.len());
        let mut read = 0;
        for k in 0..toks.len() {
            for published in [NaiveDate::from_ymd_opt(2024, 3, 4), None] {
                for (rule, start) in super::LOOSE {
                    if rule(&toks, k, Anchor { published }).is_some() {
                        assert!(start.admits(&toks[k]), "{start:?}: {}", toks[k].lower);
                        read += 1;
                    }
                }
            }
        }
        assert!(read > 15, "{read}");
    }

    use crate::dims::{Anchor, Kind, Mention, find_with};
    use crate::grammar::ru::RULES;
    use crate::text::token::tokenize;
    use chrono::NaiveDate;

    fn found(s: &str, published: Option<NaiveDate>) -> Vec<(Kind, String, Mention)> {
        let toks = tokenize(s, 0, s.len());
        find_with(&RULES, &toks, Anchor { published })
            .into_iter()
            .map(|m| {
                let (a, b) = m.span(&toks);
                (m.kind, s[a..b].to_string(), m)
            })
            .collect()
    }

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn a_date_whose_year_is_unknown_is_listed_with_both_sides_open() {
        for s in [
            "Торги пройдут 14 марта.",
            "Вчера рынок рос.",
            "Цех закрыли в конце ноября.",
        ] {
            let f = found(s, None);
            assert_eq!(f.len(), 1, "{s}: {f:?}");
            let p = f[0].2.period.unwrap();
            assert_eq!((p.start, p.end), (None, None), "{s}");
            assert!(p.loose && !f[0].2.for_records(), "{s}");
        }
        let f = found("Торги пройдут 14 марта.", None);
        assert_eq!(f[0].2.period.unwrap().grain.as_str(), "day");
        assert_eq!(f[0].1, "14 марта");
    }

    #[test]
    fn a_day_without_a_year_is_the_nearest_by_tense() {
        let start = |s: &str| found(s, day(2024, 1, 10))[0].2.period.unwrap().start;
        // Past: the latest on or before publication.
        assert_eq!(
            start("Договор подписали 20 декабря, выручка составила 5 млрд."),
            day(2023, 12, 20)
        );
        // Future: the next on or after.
        assert_eq!(start("Форум пройдет 5 января."), day(2025, 1, 5));
        // Neither: the nearer.
        assert_eq!(start("Ярмарка 28 декабря."), day(2023, 12, 28));
        assert_eq!(start("Ярмарка 2 февраля."), day(2024, 2, 2));
    }

    #[test]
    fn weekdays_follow_the_tense_and_need_a_preposition() {
        // 2024-03-06 is a Wednesday; 2024-03-04 a Monday.
        let wed = |s: &str| found(s, day(2024, 3, 4))[0].2.period.unwrap().start;
        assert_eq!(wed("В среду совет директоров собрался."), day(2024, 2, 28));
        assert_eq!(wed("В среду совет директоров соберется."), day(2024, 3, 6));
        assert_eq!(wed("В пятницу цена была ниже."), day(2024, 3, 1));
        assert_eq!(wed("В пятницу совет будет решать."), day(2024, 3, 8));
        assert!(
            found(
                "Завод вредит окружающей среде и окружающую среду",
                day(2024, 3, 4)
            )
            .is_empty()
        );
    }

    #[test]
    fn loose_dates_and_lengths_are_no_record_s_period() {
        let p = day(2024, 3, 4);
        let cases = [
            ("в среду", Kind::Date),
            ("почти 30 лет назад", Kind::Date),
            ("в прошлом веке", Kind::Date),
            ("на протяжении 20 лет", Kind::Duration),
            ("раз в два года", Kind::Set),
        ];
        for (s, kind) in cases {
            let f = found(s, p);
            assert_eq!(f.len(), 1, "{s}: {f:?}");
            assert_eq!((f[0].0, f[0].1.as_str()), (kind, s));
            assert!(!f[0].2.for_records(), "{s}");
        }
        // The dates records stood on before stay theirs.
        assert!(found("в марте 2023 года", p)[0].2.for_records());
        assert!(found("в конце ноября", p)[0].2.for_records());
    }

    #[test]
    fn a_rate_stays_part_of_its_quantity() {
        let f = found("Завод выпускает 60 тыс. тонн ежегодно.", day(2024, 3, 4));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            (f[0].0, f[0].2.unit.as_deref()),
            (Kind::Quantity, Some("t/yr"))
        );
    }
}
