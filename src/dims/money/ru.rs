//! MONEY, Russian: a number with a currency after it (`26,5 млрд
//! долларов`, `4 млрд долл. США`) or a symbol or code before it
//! (`$26,5 млрд`, `US$ 5 млн`), ranges of either, with a qualifier word
//! before (`почти`, `свыше`, `до`).

use crate::dims::number::ru as number_ru;
use crate::dims::qualifier::ru::qualifier_before;
use crate::dims::{Kind, Mention};
use crate::text::token::{TokKind, Token};

/// A money mention starting at token `i` (its qualifier may start earlier).
pub fn at(toks: &[Token], i: usize) -> Option<Mention> {
    if let Some(m) = from_to(toks, i) {
        return Some(m);
    }
    let mut m = currency_first(toks, i)
        .or_else(|| number_first(toks, i))
        .or_else(|| kopecks_alone(toks, i))?;
    if let Some((q, s)) = qualifier_before(toks, m.tok_start) {
        m.qualifier = q;
        m.tok_start = s;
        m.rules.push("<qualifier> <amount-of-money>");
    }
    Some(m)
}

/// Whether `at` may read an amount at `t`: a number (or `от` before a
/// range) or a currency before its number.
pub fn may_begin(t: &Token) -> bool {
    number_ru::may_begin(t) || crate::grammar::ru::currencies().may_begin_at(t)
}

/// `от $400 млн до $500 млн`: two amounts of one currency as a range.
fn from_to(toks: &[Token], i: usize) -> Option<Mention> {
    if !toks.get(i)?.is("от") {
        return None;
    }
    let one = |k| currency_first(toks, k).or_else(|| number_first(toks, k));
    let mut a = one(i + 1)?;
    if !toks.get(a.tok_end)?.is("до") {
        return None;
    }
    let b = one(a.tok_end + 1)?;
    if a.unit != b.unit {
        return None;
    }
    a.value_max = b.value;
    a.tok_start = i;
    a.tok_end = b.tok_end;
    a.rules.push("от <amount-of-money> до <amount-of-money>");
    Some(a)
}

/// `$26,5 млрд`, `US$ 5–7 млн`, `€3 млн`.
fn currency_first(toks: &[Token], i: usize) -> Option<Mention> {
    let (n, entry) = crate::grammar::ru::currencies().longest_at(toks, i)?;
    let symbolic =
        toks[i].kind == TokKind::Punct || toks[i].lower.chars().all(|c| c.is_ascii_alphabetic());
    if !symbolic {
        return None;
    }
    let num = number_ru::number_at(toks, i + n)?;
    if num.vague {
        return None;
    }
    let mut m = Mention::from_num(Kind::Money, &num);
    m.tok_start = i;
    m.unit = Some(entry.col(0).to_string());
    m.rules.push("<currency> <number>");
    Some(m)
}

/// `26,5 млрд долларов`, `двух миллиардов рублей`, `5 млн $`.
fn number_first(toks: &[Token], i: usize) -> Option<Mention> {
    let num = number_ru::number_at(toks, i)?;
    let (n, entry) = crate::grammar::ru::currencies().longest_at(toks, num.end)?;
    let mut m = Mention::from_num(Kind::Money, &num);
    m.tok_end = num.end + n;
    m.unit = Some(entry.col(0).to_string());
    m.rules.push("<number> <currency>");
    // `100 рублей 50 копеек`: the kopecks of a whole amount.
    if m.unit.as_deref() == Some("RUB")
        && !num.scaled
        && let Some((k, e)) = kopecks_at(toks, m.tok_end)
    {
        m.value = m.value.map(|v| v + k);
        m.tok_end = e;
        m.rules.push("<number> рублей <number> копеек");
    }
    Some(m)
}

/// `50 копеек`, `50 коп.` at `k`: (roubles, end).
fn kopecks_at(toks: &[Token], k: usize) -> Option<(f64, usize)> {
    let t = toks.get(k)?;
    let n = t
        .num
        .filter(|n| n.is_whole() && t.kind == TokKind::Num && t.int_digits <= 2)?;
    let word = toks.get(k + 1)?.lower.as_str();
    if !(word.starts_with("копе") || word == "коп") {
        return None;
    }
    let dot = word == "коп" && toks.get(k + 2).is_some_and(|d| d.is("."));
    Some((n.to_f64() / 100.0, k + 2 + usize::from(dot)))
}

/// `45 копеек`: kopecks alone are roubles.
fn kopecks_alone(toks: &[Token], i: usize) -> Option<Mention> {
    let (v, e) = kopecks_at(toks, i)?;
    let num = number_ru::number_at(toks, i)?;
    let mut m = Mention::from_num(Kind::Money, &num);
    m.value = Some(v);
    m.tok_end = e;
    m.unit = Some("RUB".into());
    m.rules.push("<number> копеек");
    Some(m)
}
