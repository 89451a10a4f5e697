//! NUMBER, Russian: digits, number words in any case, scale words and
//! abbreviations, fractions of a scale, ranges.

use crate::dims::Num;
use crate::dims::decimal::Decimal;
use std::sync::LazyLock;

use crate::lexicon::starts::WordQuestion;
use crate::lexicon::stems::Stems;
use crate::text::token::{TokKind, Token};

/// Units 1–19, tens, hundreds: stem and value. A token is a number word
/// when it starts with the stem and what follows is one of the case
/// endings of that word (checked loosely: at most four letters).
const WORDS: &[(&str, i128)] = &[
    ("один", 1),
    ("одна", 1),
    ("одно", 1),
    ("одного", 1),
    ("одной", 1),
    ("одному", 1),
    ("одним", 1),
    ("одном", 1),
    ("одну", 1),
    ("два", 2),
    ("две", 2),
    ("двух", 2),
    ("двум", 2),
    ("двумя", 2),
    ("три", 3),
    ("трех", 3),
    ("трем", 3),
    ("тремя", 3),
    ("четыре", 4),
    ("четырех", 4),
    ("четырем", 4),
    ("четырьмя", 4),
    ("пять", 5),
    ("пяти", 5),
    ("пятью", 5),
    ("шесть", 6),
    ("шести", 6),
    ("шестью", 6),
    ("семь", 7),
    ("семи", 7),
    ("семью", 7),
    ("восемь", 8),
    ("восьми", 8),
    ("восемью", 8),
    ("восьмью", 8),
    ("девять", 9),
    ("девяти", 9),
    ("девятью", 9),
    ("десять", 10),
    ("десяти", 10),
    ("десятью", 10),
    ("одиннадцать", 11),
    ("одиннадцати", 11),
    ("двенадцать", 12),
    ("двенадцати", 12),
    ("тринадцать", 13),
    ("тринадцати", 13),
    ("четырнадцать", 14),
    ("четырнадцати", 14),
    ("пятнадцать", 15),
    ("пятнадцати", 15),
    ("шестнадцать", 16),
    ("шестнадцати", 16),
    ("семнадцать", 17),
    ("семнадцати", 17),
    ("восемнадцать", 18),
    ("восемнадцати", 18),
    ("девятнадцать", 19),
    ("девятнадцати", 19),
    ("двадцать", 20),
    ("двадцати", 20),
    ("двадцатью", 20),
    ("тридцать", 30),
    ("тридцати", 30),
    ("тридцатью", 30),
    ("сорок", 40),
    ("сорока", 40),
    ("пятьдесят", 50),
    ("пятидесяти", 50),
    ("пятьюдесятью", 50),
    ("шестьдесят", 60),
    ("шестидесяти", 60),
    ("семьдесят", 70),
    ("семидесяти", 70),
    ("восемьдесят", 80),
    ("восьмидесяти", 80),
    ("девяносто", 90),
    ("девяноста", 90),
    ("сто", 100),
    ("ста", 100),
    ("двести", 200),
    ("двухсот", 200),
    ("двумстам", 200),
    ("двумястами", 200),
    ("двухстах", 200),
    ("триста", 300),
    ("трехсот", 300),
    ("тремстам", 300),
    ("тремястами", 300),
    ("трехстах", 300),
    ("четыреста", 400),
    ("четырехсот", 400),
    ("четыремстам", 400),
    ("четырехстах", 400),
    ("пятьсот", 500),
    ("пятисот", 500),
    ("пятистам", 500),
    ("пятистах", 500),
    ("шестьсот", 600),
    ("шестисот", 600),
    ("шестистах", 600),
    ("семьсот", 700),
    ("семисот", 700),
    ("семистах", 700),
    ("восемьсот", 800),
    ("восьмисот", 800),
    ("восьмистах", 800),
    ("девятьсот", 900),
    ("девятисот", 900),
    ("девятистах", 900),
];

/// Scale words: stem (matched with its endings) or abbreviation.
const SCALES: &[(&str, i32, bool)] = &[
    ("тыс", 3, false),
    ("тысяч", 3, true),
    ("тысяча", 3, false),
    ("тысячи", 3, false),
    ("тысячу", 3, false),
    ("тысячей", 3, false),
    ("тысячам", 3, false),
    ("тысячами", 3, false),
    ("тысячах", 3, false),
    ("сотен", 2, false),
    ("десятков", 1, false),
    ("десятка", 1, false),
    ("десяток", 1, false),
    ("сотни", 2, false),
    ("сотню", 2, false),
    ("сотнями", 2, false),
    ("млн", 6, false),
    ("миллион", 6, true),
    ("млрд", 9, false),
    ("миллиард", 9, true),
    ("трлн", 12, false),
    ("триллион", 12, true),
];

/// The value of a number word (`двух` → 2, `трехсот` → 300).
pub fn word_value(w: &str) -> Option<i128> {
    type Map = std::collections::HashMap<&'static str, i128, crate::lexicon::Fnv>;
    static MAP: std::sync::OnceLock<Map> = std::sync::OnceLock::new();
    MAP.get_or_init(|| WORDS.iter().copied().collect())
        .get(w)
        .copied()
}

/// Stems of words that can begin a number or a date in words: scale
/// words, fractions, vague orders, years, months, parts of a year,
/// relative days and seasons.
const FIGURE_STEMS: [&str; 29] = [
    "месяц",
    "позавчера",
    "послезавтра",
    "тыс",
    "млн",
    "млрд",
    "трлн",
    "миллион",
    "миллиард",
    "триллион",
    "полмилл",
    "пол-милл",
    "полумилл",
    "полтрил",
    "полтыс",
    "пол-трил",
    "пол-тыс",
    "полтор",
    "полут",
    "полугод",
    "четверть",
    "десятк",
    "сотн",
    "несколь",
    "год",
    "квартал",
    "кв",
    "лет",
    "весн",
];

/// Whether a token can be part of a number or a date; a sentence with no
/// such token has no mentions, and the rules skip it.
pub fn may_be_figure(t: &Token) -> bool {
    static WORDS: WordQuestion = WordQuestion::new(|t| word_may_be_figure(&t.lower));
    match t.kind {
        TokKind::Num | TokKind::NumDate => true,
        TokKind::Word => WORDS.of(t),
        TokKind::Punct => false,
    }
}

/// Whether a word (lower case) can be part of a number or a date.
fn word_may_be_figure(w: &str) -> bool {
    static STEMS: LazyLock<Stems> = LazyLock::new(|| Stems::new(FIGURE_STEMS));
    word_value(w).is_some()
        || (w.contains('-') && w.split('-').any(|p| word_value(p).is_some()))
        || STEMS.begin(w)
        || w.starts_with("осен")
        || matches!(w, "вчера" | "сегодня" | "завтра")
        || w.split('-')
            .any(|p| crate::dims::date::ru::month_of(p).is_some())
        || matches!(w, "i" | "ii" | "iii" | "iv")
        || crate::dims::date::ru::may_begin(w)
}

/// The power of ten of a scale word (`млрд` → 9, `миллионов` → 6).
pub fn scale_power(w: &str) -> Option<i32> {
    SCALES.iter().find_map(|&(s, p, stem)| {
        let ok = if stem {
            w.starts_with(s) && w.len() - s.len() <= 8
        } else {
            w == s
        };
        ok.then_some(p)
    })
}

/// `один из`, `одна из`: a pronoun, not a count.
fn is_pronoun_one(toks: &[Token], i: usize) -> bool {
    let one = toks[i].lower.starts_with("одн") || toks[i].lower.starts_with("один");
    one && toks.get(i + 1).is_some_and(|t| t.is("из"))
}

/// `с чем-то`, `с лишним`, `с небольшим` after a number: tokens used.
fn odd_tail(toks: &[Token], k: usize) -> usize {
    let w = |j: usize| toks.get(k + j).map_or("", |t| t.lower.as_str());
    match (w(0), w(1)) {
        ("с", "чем-то" | "лишним" | "небольшим" | "гаком") => 2,
        _ => 0,
    }
}

/// `полтора`, `полторы`, `полутора`: 1.5.
fn is_one_and_half(w: &str) -> bool {
    matches!(w, "полтора" | "полторы" | "полутора")
}

/// Reads a scale after token `i` (`млрд`, `млрд.`, `миллиардов`):
/// (power, tokens used).
fn scale_at(toks: &[Token], i: usize) -> Option<(i32, usize)> {
    let t = toks.get(i)?;
    if t.kind != TokKind::Word {
        return None;
    }
    let p = scale_power(&t.lower)?;
    // `11 тыс. рабочих мест`: the dot is the abbreviation's; at the end of
    // a sentence (`$26,5 млрд.`) it is the sentence's.
    let dot = toks
        .get(i + 1)
        .is_some_and(|d| d.is(".") && !d.space_before)
        && (t.lower == "тыс" || i + 2 < toks.len());
    let abbrev = matches!(t.lower.as_str(), "тыс" | "млн" | "млрд" | "трлн");
    Some((p, if dot && abbrev { 2 } else { 1 }))
}

/// Number words from `i`: hundreds + tens + units (`трехсот сорока двух`).
fn words_at(toks: &[Token], i: usize) -> Option<(Decimal, usize)> {
    let first = toks.get(i)?;
    if is_one_and_half(&first.lower) {
        return Some((Decimal { mant: 15, exp: -1 }, 1));
    }
    let mut total = 0;
    let mut n = 0;
    let mut last = i128::MAX;
    while let Some(v) = toks.get(i + n).and_then(|t| word_value(&t.lower)) {
        // Each word must be of a smaller order than the previous one.
        let order = if v >= 100 {
            100
        } else if v >= 20 {
            20
        } else {
            1
        };
        if order >= last {
            break;
        }
        total += v;
        last = order;
        n += 1;
    }
    (n > 0).then_some((Decimal::int(total), n))
}

/// One number starting at token `i`, without ranges: digits or words,
/// then an optional scale (`26,5 млрд`, `двух миллиардов`, `полмиллиона`,
/// `четверть миллиарда`, `миллиард` alone).
pub fn simple_at(toks: &[Token], i: usize) -> Option<Num> {
    let t = toks.get(i)?;
    let (base, n, rule) = match t.kind {
        TokKind::Num if digits_ok(toks, i) => (t.num?, 1, "<digits>"),
        TokKind::Num => return None,
        // Every word a number starts with (a number word, a scale, a
        // fraction of one, `полтора`) passes the figure filter.
        TokKind::Word if !may_be_figure(t) => return None,
        TokKind::Word => {
            if let Some(r) = fraction_scale(toks, i) {
                return Some(r);
            }
            if let Some((d, n)) = words_at(toks, i) {
                (d, n, "<number words>")
            } else if let Some((p, n)) = bare_scale(toks, i) {
                let mut num = Num::new(i, i + n, Decimal::int(1).scale(p), "<scale word alone>");
                num.scaled = true;
                num.power = p;
                compound_tail(toks, &mut num, p);
                return Some(num);
            } else if let Some(r) = hyphen_range(toks, i) {
                return Some(r);
            } else {
                return None;
            }
        }
        _ => return None,
    };
    if t.kind == TokKind::Word && n == 1 && is_pronoun_one(toks, i) {
        return None;
    }
    let mut num = Num::new(i, i + n, base, rule);
    let odd = odd_tail(toks, i + n);
    if odd > 0 && scale_at(toks, i + n + odd).is_some() {
        num.end += odd;
        num.over = true;
        num.rules.push("<number> с чем-то");
    }
    if let Some((p, k)) = scale_at(toks, num.end) {
        num.value = base.scale(p);
        num.end += k;
        num.scaled = true;
        num.power = p;
        num.rules.push("<number> <scale>");
        compound_tail(toks, &mut num, p);
    }
    Some(num)
}

/// `два миллиона триста тысяч`, `3 млрд 200 млн`, `тысяча двести`: a
/// smaller group after a scale is added.
fn compound_tail(toks: &[Token], num: &mut Num, p: i32) {
    let Some(t) = toks.get(num.end) else { return };
    let (d, n) = match t.kind {
        TokKind::Num if digits_ok(toks, num.end) => match t.num {
            Some(d) => (d, 1),
            None => return,
        },
        TokKind::Word => match words_at(toks, num.end) {
            Some(x) => x,
            None => return,
        },
        _ => return,
    };
    if let Some((q, k)) = scale_at(toks, num.end + n).filter(|(q, _)| *q < p) {
        num.value = num.value.plus(d.scale(q));
        num.end += n + k;
    } else if p == 3 && t.kind == TokKind::Word {
        num.value = num.value.plus(d);
        num.end += n;
    }
}

/// Whether digits at `i` are a figure, not part of a name, a code, a
/// phone number or a time: `Ту-214`, `G20`, `5G`, `№ 512-р`, `ст. 12`,
/// `250-12-34`, `15:30`, `050010`, `на 2-м этапе`.
pub fn digits_ok(toks: &[Token], i: usize) -> bool {
    let t = &toks[i];
    let prev = |k: usize| i.checked_sub(k).map(|j| &toks[j]);
    let next = |k: usize| toks.get(i + k);
    let glued = |x: Option<&Token>| x.is_some_and(|x| !x.space_before);
    let word = |x: Option<&Token>| x.is_some_and(|x| x.kind == TokKind::Word);
    let dash = |x: Option<&Token>| x.is_some_and(|x| x.is_dash());
    let me_glued = !t.space_before && i > 0;
    let glued_before = me_glued
        && (word(prev(1))
            || prev(1).is_some_and(|p| p.is("+") || p.is("№"))
            || (dash(prev(1)) && glued(prev(1)) && word(prev(2))));
    // `5млн рублей`, `200руб.`: a scale or a rouble glued on is still a figure.
    let amount_word = || {
        next(1).is_some_and(|n| {
            scale_power(&n.lower).is_some() || n.lower.starts_with("руб") || n.lower == "долл"
        })
    };
    let glued_after =
        glued(next(1)) && ((word(next(1)) && !amount_word()) || next(1).is_some_and(|n| n.is(":")));
    let suffix = dash(next(1))
        && glued(next(1))
        && glued(next(2))
        && next(2).is_some_and(|n| n.kind == TokKind::Word && n.lower.chars().count() <= 3);
    let chain = dash(next(1))
        && glued(next(1))
        && glued(next(2))
        && next(2).is_some_and(|n| n.kind == TokKind::Num)
        && dash(next(3))
        && glued(next(3));
    let in_chain = me_glued
        && prev(2).is_some_and(|p| p.kind == TokKind::Num)
        && (prev(1).is_some_and(|p| p.is(":"))
            || (dash(prev(1)) && dash(prev(3)) && glued(prev(2)) && glued(prev(3)))
            || (dash(prev(1)) && dash(next(1)) && glued(next(1)) && glued(next(2))));
    let model = word(prev(1))
        && prev(1).is_some_and(|p| {
            p.lower.len() >= 4 && p.lower.chars().all(|c| c.is_ascii_alphabetic())
        });
    let label =
        |x: Option<&Token>, set: &[&str]| x.is_some_and(|x| set.contains(&x.lower.as_str()));
    let after_label = label(prev(1), &["№", "статьи", "статья", "пункт", "пункта"])
        || (label(prev(1), &["."]) && label(prev(2), &["ст", "п", "ч", "гл"]));
    let code = (t.lower.starts_with('0') && t.int_digits >= 3)
        || (t.int_digits > 10 && !t.lower.contains(' '));
    let paren = me_glued
        && label(prev(1), &["("])
        && glued(next(1))
        && label(next(1), &[")"])
        && t.int_digits == 3;
    !(glued_before
        || glued_after
        || suffix
        || chain
        || in_chain
        || model
        || after_label
        || code
        || paren)
}

/// `полмиллиона`, `пол-миллиарда`, `четверть миллиарда`.
fn fraction_scale(toks: &[Token], i: usize) -> Option<Num> {
    let w = toks[i].lower.as_str();
    let half = ["полу", "пол-", "пол"].iter().find_map(|p| {
        w.strip_prefix(p).filter(|r| {
            ["милли", "тысяч", "трилли"]
                .iter()
                .any(|s| r.starts_with(s))
        })
    });
    if let Some(rest) = half {
        let p = scale_power(rest)?;
        return Some(Num::of_scale(
            i,
            i + 1,
            Decimal {
                mant: 5,
                exp: p - 1,
            },
            p,
            "пол<scale>",
        ));
    }
    if w == "четверть" {
        let (p, k) = scale_at(toks, i + 1)?;
        let value = Decimal {
            mant: 25,
            exp: p - 2,
        };
        return Some(Num::of_scale(i, i + 1 + k, value, p, "четверть <scale>"));
    }
    None
}

/// `двух-трёх тысяч`, `три-четыре`: two number words joined by a hyphen.
fn hyphen_range(toks: &[Token], i: usize) -> Option<Num> {
    let (a, b) = toks[i].lower.split_once('-')?;
    let (a, b) = (word_value(a)?, word_value(b)?);
    if b <= a {
        return None;
    }
    let mut n = Num::new(i, i + 1, Decimal::int(a), "<word>-<word>");
    n.value_max = Some(Decimal::int(b));
    if let Some((p, k)) = scale_at(toks, i + 1) {
        n.value = n.value.scale(p);
        n.value_max = Some(Decimal::int(b).scale(p));
        n.end += k;
        n.scaled = true;
        n.power = p;
    }
    Some(n)
}

/// A scale word standing for one of itself (`миллиард долларов`), not
/// plural (`миллиардов` alone is vague: `десятки миллиардов`).
fn bare_scale(toks: &[Token], i: usize) -> Option<(i32, usize)> {
    let w = toks[i].lower.as_str();
    let one = matches!(
        w,
        "тысяча"
            | "тысячу"
            | "тысячи"
            | "миллион"
            | "миллиона"
            | "миллиард"
            | "миллиарда"
            | "триллион"
            | "триллиона"
    );
    if !one {
        return None;
    }
    let prev = i.checked_sub(1).map(|p| toks[p].lower.as_str());
    // `десятки миллионов`, `сотни тысяч`: vague, handled as such.
    if prev.and_then(vague_order).is_some() {
        return None;
    }
    Some((scale_power(w)?, 1))
}

/// The order a vague word counts in (`десятки` 10, `сотни` 100,
/// `несколько` 2), if it is one.
fn vague_order(w: &str) -> Option<i128> {
    if w.starts_with("десятк") {
        Some(10)
    } else if w.starts_with("сотн") || w.starts_with("сотен") {
        Some(100)
    } else if w.starts_with("несколь") {
        Some(2)
    } else {
        None
    }
}

/// `десятки миллионов`, `сотни тысяч`, `несколько миллиардов`: a number
/// with no exact value (the lower bound of the order, marked vague).
pub fn vague_at(toks: &[Token], i: usize) -> Option<Num> {
    let w = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    let mut factor = vague_order(w(i))?;
    // `несколько сотен тысяч`: a few of an order of a scale.
    let mut j = i + 1;
    if factor == 2
        && let Some(f) = vague_order(w(j)).filter(|f| *f > 2)
    {
        (factor, j) = (factor * f, j + 1);
    }
    let (p, k) = scale_at(toks, j)?;
    let mut n = Num::new(i, j + k, Decimal::int(factor).scale(p), "<vague> <scale>");
    n.vague = true;
    n.scaled = true;
    n.power = p;
    Some(n)
}

/// A number or a range starting at `i`: `2,5–3 млрд`, `от 2 до 3 млн`,
/// `2-3 тысячи`; the scale of the second end applies to the first when the
/// first has none.
pub fn number_at(toks: &[Token], i: usize) -> Option<Num> {
    let t = toks.get(i)?;
    if t.is("от")
        && let Some(r) = from_to(toks, i)
    {
        return Some(r);
    }
    if !simple_may_begin(t) {
        return None;
    }
    // Read once per token of the sentence being read.
    super::once(toks, i, || simple_or_range_at(toks, i))
}

/// Whether `number_at` may read a number at `t`: `от` (a range), or where
/// a single number may begin.
pub fn may_begin(t: &Token) -> bool {
    t.is("от") || simple_may_begin(t)
}

/// Whether `simple_at` or `vague_at` may begin at `t`: digits, or a word
/// the figure filter passes (the vague stems pass it); never a mark or a
/// dotted date.
fn simple_may_begin(t: &Token) -> bool {
    match t.kind {
        TokKind::Num => true,
        TokKind::Word => may_be_figure(t),
        TokKind::NumDate | TokKind::Punct => false,
    }
}

/// A number or a range of two numbers at `i`, past the gate of
/// `number_at`.
fn simple_or_range_at(toks: &[Token], i: usize) -> Option<Num> {
    let first = simple_at(toks, i).or_else(|| vague_at(toks, i))?;
    let dash = toks.get(first.end).is_some_and(Token::is_dash);
    if dash
        && !first.vague
        && let Some(second) = simple_at(toks, first.end + 1)
        && (toks[first.end + 1].kind == toks[i].kind || second.scaled)
    {
        return Some(join_range(first, second, "<number> - <number>"));
    }
    Some(first)
}

fn from_to(toks: &[Token], i: usize) -> Option<Num> {
    let first = simple_at(toks, i + 1)?;
    if !toks.get(first.end).is_some_and(|t| t.is("до")) {
        return None;
    }
    let second = simple_at(toks, first.end + 1)?;
    let mut r = join_range(first, second, "от <number> до <number>");
    r.start = i;
    Some(r)
}

fn join_range(mut a: Num, b: Num, rule: &'static str) -> Num {
    if !a.scaled && b.scaled {
        a.value = a.value.scale(b.power);
        a.power = b.power;
        a.scaled = true;
    }
    a.value_max = Some(b.value);
    a.end = b.end;
    a.rules.push(rule);
    a
}
