//! QUANTITY and PERCENT, Russian: a number, up to three adjectives, a
//! unit noun from `data/ru/units.tsv` (`3,5 миллиона многопрофильных шин`,
//! `2,5 тысяч новых рабочих мест`), then perhaps what is made and a rate
//! (`186 тысяч тонн бутадиеновых каучуков в год`; `в месяц` ×12, `в сутки`
//! ×365). Percents: `15%`, `12,5 процента`, `3 п.п.`.

use crate::dims::number::ru as number_ru;
use crate::dims::qualifier::ru::qualifier_before;
use crate::dims::{Kind, Mention};
use crate::text::token::{TokKind, Token};

const ADJ_ENDINGS: [&str; 20] = [
    "ых", "их", "ые", "ие", "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ого", "его", "ому", "ему",
    "ым", "им", "ыми", "ими", "ую",
];

/// Whether a word looks like an adjective or participle (by its ending).
pub fn is_adjective(t: &Token) -> bool {
    t.kind == TokKind::Word
        && t.lower.chars().count() > 3
        && ADJ_ENDINGS.iter().any(|e| t.lower.ends_with(e))
}

/// A quantity starting at token `i`.
pub fn at(toks: &[Token], i: usize) -> Option<Mention> {
    let num = number_ru::number_at(toks, i)?;
    let mut j = num.end;
    let mut unit = None;
    for _ in 0..4 {
        if let Some((n, e)) = crate::grammar::ru::units().longest_at(toks, j) {
            unit = Some((j + n, e));
            break;
        }
        // `55 совместных с Китаем проектов`: a short phrase inside.
        let with = toks.get(j).is_some_and(|t| t.is("с") || t.is("со"))
            && toks.get(j + 1).is_some_and(|t| t.kind == TokKind::Word)
            && toks.get(j + 2).is_some_and(is_adjective);
        if with {
            j += 2;
            continue;
        }
        if !toks.get(j).is_some_and(is_adjective) {
            break;
        }
        j += 1;
    }
    let mut m = Mention::from_num(Kind::Quantity, &num);
    match unit {
        Some((end, entry)) => {
            m.tok_end = end;
            m.unit = Some(entry.col(0).to_string());
            m.class = Some(entry.col(1).to_string());
            m.rules.push("<number> <unit>");
        }
        None => {
            let (end, noun) = counted_with_rate(toks, j).or_else(|| made(toks, num.start, j))?;
            m.tok_end = end;
            m.unit = Some("pcs".into());
            m.class = Some(noun);
            m.rules.push("<number> <noun> <rate>");
        }
    }
    let end = m.tok_end;
    if let Some((factor, rate_end)) = rate_after(toks, end) {
        m.value = m.value.map(|v| v * factor);
        m.value_max = m.value_max.map(|v| v * factor);
        m.unit = m.unit.map(|u| format!("{u}/yr"));
        m.tok_end = rate_end;
        m.rules.push("<quantity> <rate>");
    }
    if let Some((q, s)) = qualifier_before(toks, m.tok_start) {
        m.qualifier = q;
        m.tok_start = s;
        m.rules.push("<qualifier> <quantity>");
    }
    Some(m)
}

/// A noun the lexicon does not know, made at a rate (`1 млн
/// аккумуляторов в год`): pieces. Not times (`3 раза в год`), not days.
fn counted_with_rate(toks: &[Token], j: usize) -> Option<(usize, String)> {
    let t = toks.get(j)?;
    let skip = [
        "раз",
        "дн",
        "сут",
        "недел",
        "месяц",
        "год",
        "лет",
        "час",
        "рейс",
        "процент",
        "человеко",
    ];
    if t.kind != TokKind::Word
        || t.lower.chars().count() < 4
        || skip.iter().any(|s| t.lower.starts_with(s))
    {
        return None;
    }
    rate_at(toks, j + 1)?;
    Some((j + 1, t.lower.to_string()))
}

/// `выпустить четыре тысячи кабин`: a count of a thing made, after a verb
/// of making; pieces.
fn made(toks: &[Token], start: usize, j: usize) -> Option<(usize, String)> {
    const MAKE: [&str; 7] = [
        "выпуст",
        "выпуска",
        "произвест",
        "производ",
        "собра",
        "собир",
        "изготов",
    ];
    let verb = start.checked_sub(1).map(|k| &toks[k])?;
    if !MAKE.iter().any(|m| verb.lower.starts_with(m)) {
        return None;
    }
    let t = toks.get(j)?;
    let skip = ["раз", "год", "лет", "процент", "человек"];
    if t.kind != TokKind::Word
        || t.lower.chars().count() < 4
        || skip.iter().any(|s| t.lower.starts_with(s))
        || is_adjective(t)
    {
        return None;
    }
    Some((j + 1, t.lower.to_string()))
}

/// A rate after a quantity, skipping up to three words of what is made:
/// (factor to a year, end token).
pub fn rate_after(toks: &[Token], from: usize) -> Option<(f64, usize)> {
    for skip in 0..=3 {
        let j = from + skip;
        if let Some(r) = rate_at(toks, j) {
            return Some(r);
        }
        if !toks.get(j).is_some_and(|t| t.kind == TokKind::Word) {
            return None;
        }
        if matches!(
            toks[j].lower.as_str(),
            "в" | "и" | "на" | "с" | "до" | "по" | "к"
        ) {
            return None;
        }
    }
    None
}

fn rate_at(toks: &[Token], j: usize) -> Option<(f64, usize)> {
    let w = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    match (w(j), w(j + 1)) {
        ("в", "год") | ("/", "год") | ("в", "годы") => Some((1.0, j + 2)),
        ("ежегодно", _) | ("ежегодного", _) => Some((1.0, j + 1)),
        ("в", "месяц") | ("/", "мес") | ("ежемесячно", _) => Some((
            12.0,
            if w(j) == "ежемесячно" {
                j + 1
            } else {
                j + 2
            },
        )),
        ("в", "сутки") | ("в", "день") | ("/", "сут") | ("ежедневно", _) => {
            Some((
                365.0,
                if w(j) == "ежедневно" {
                    j + 1
                } else {
                    j + 2
                },
            ))
        }
        _ => None,
    }
}

/// A percent starting at token `i` (`15%`, `12,5 процента`, `3 п.п.`).
pub fn percent_at(toks: &[Token], i: usize) -> Option<Mention> {
    let num = number_ru::number_at(toks, i)?;
    let t = toks.get(num.end)?;
    let end = if t.is("%") {
        num.end + 1
    } else if t.lower.starts_with("процент") {
        let next = toks.get(num.end + 1);
        num.end + 1 + usize::from(next.is_some_and(|n| n.lower.starts_with("пункт")))
    } else if t.is("п") && toks.get(num.end + 2).is_some_and(|p| p.is("п")) {
        num.end + 3 + usize::from(toks.get(num.end + 3).is_some_and(|d| d.is(".")))
    } else {
        return None;
    };
    let mut m = Mention::from_num(Kind::Percent, &num);
    m.tok_end = end;
    m.unit = Some("%".into());
    m.rules.push("<number> %");
    if let Some((q, s)) = qualifier_before(toks, m.tok_start) {
        m.qualifier = q;
        m.tok_start = s;
    }
    Some(m)
}
