//! MONEY, English: a sign or code before the amount (`$1.5bn`, `US$ 5
//! million`, `KZT 120 billion`, `€3m`) or a currency word after it (`1.5
//! trillion rubles`, `66.4 billion US dollars`, `488 billion tenge`),
//! ranges of either, with a qualifier before (`about`, `over`, `up to`).

use crate::dims::number::en as number;
use crate::dims::qualifier::en::qualify;
use crate::dims::{Kind, Mention};
use crate::grammar::en::currencies;
use crate::text::token::{TokKind, Token};

/// Whether `at` may read an amount at `t`: a number (or `between`
/// before a range) or a currency before its number.
pub fn may_begin(t: &Token) -> bool {
    number::may_begin(t) || currencies().may_begin_at(t)
}

/// A money mention starting at token `i` (its qualifier may start earlier).
pub fn at(toks: &[Token], i: usize) -> Option<Mention> {
    if let Some(m) = between(toks, i) {
        return Some(m);
    }
    let m = currency_first(toks, i).or_else(|| number_first(toks, i))?;
    Some(qualify(toks, m, "<qualifier> <amount-of-money>"))
}

/// `between $400 and $500 million`: two amounts of one currency; the
/// second's scale applies to the first when it has none.
fn between(toks: &[Token], i: usize) -> Option<Mention> {
    if !toks.get(i)?.is("between") {
        return None;
    }
    let (n, entry) = currencies().longest_at(toks, i + 1)?;
    let a = number::simple_at(toks, i + 1 + n)?;
    if !toks.get(a.end)?.is("and") {
        return None;
    }
    let mut b = currency_first(toks, a.end + 1)?;
    if b.unit.as_deref() != Some(entry.col(0)) || b.value_max.is_some() {
        return None;
    }
    let scale = if a.scaled {
        1.0
    } else {
        let p = number::number_at(toks, b.num_tok)?.power;
        10f64.powi(p)
    };
    b.value_max = b.value;
    b.value = Some(a.value.to_f64() * scale);
    b.tok_start = i;
    b.rules.push("between <amount> and <amount>");
    Some(b)
}

/// `$1.5bn`, `US$ 5–7 million`, `USD 27 billion`.
fn currency_first(toks: &[Token], i: usize) -> Option<Mention> {
    let (n, entry) = currencies().longest_at(toks, i)?;
    // A code is written in capitals (`KZT 5 billion`, not `try 5 times`).
    let symbolic = toks[i].kind == TokKind::Punct
        || (toks[i].cap
            && toks[i].lower.len() <= 3
            && toks[i].lower.chars().all(|c| c.is_ascii_alphabetic()));
    if !symbolic {
        return None;
    }
    let num = number::number_at(toks, i + n)?;
    if num.vague {
        return None;
    }
    let mut m = Mention::from_num(Kind::Money, &num);
    m.tok_start = i;
    m.unit = Some(entry.col(0).to_string());
    m.rules.push("<currency> <number>");
    // `$1.5 billion dollars`: the word repeats the sign.
    if let Some((k, e)) = currencies().longest_at(toks, m.tok_end)
        && e.col(0) == entry.col(0)
        && toks[m.tok_end].kind == TokKind::Word
    {
        m.tok_end += k;
    }
    Some(m)
}

/// `1.5 trillion rubles`, `twenty million euros`, `5 million $`.
fn number_first(toks: &[Token], i: usize) -> Option<Mention> {
    let num = number::number_at(toks, i).or_else(|| number::order_of(toks, i))?;
    // `tens of millions of dollars`: the currency after `of`.
    let of = usize::from(num.vague && toks.get(num.end).is_some_and(|t| t.is("of")));
    let (n, entry) = currencies().longest_at(toks, num.end + of)?;
    let mut m = Mention::from_num(Kind::Money, &num);
    m.tok_end = num.end + of + n;
    m.unit = Some(entry.col(0).to_string());
    m.rules.push("<number> <currency>");
    Some(m)
}
