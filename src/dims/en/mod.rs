//! The English rules of every dimension: numbers, money, quantities and
//! percents, dates. They read tokens that `regroup` has prepared (comma
//! groups of thousands joined) and the lexicons of `data/en/`.

pub mod date;
pub mod duration;
pub mod money;
pub mod number;
pub mod quantity;

use super::decimal::Decimal;
use super::{Anchor, Mention, Rules};
use crate::record::Qualifier;
use crate::text::token::{TokKind, Token};

/// The English rules, as `dims::find_with` walks them.
pub static RULES: Rules = Rules {
    may_be_figure: number::may_be_figure,
    dates,
    figures: &[
        money::at,
        quantity::percent_at,
        quantity::at,
        duration::set_at,
    ],
    number_at: number::number_at,
};

fn dates(toks: &[Token], anchor: Anchor) -> Vec<Mention> {
    let mut out = date::find(toks, anchor);
    duration::add(toks, anchor, &mut out);
    out
}

/// The tokens of an English text: `1,500,000` is one number (the shared
/// tokenizer reads `1,500` as a decimal, as Russian writes it).
pub fn regroup(text: &str, toks: Vec<Token>) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(toks.len());
    let mut k = 0;
    while k < toks.len() {
        let t = &toks[k];
        let raw = &text[t.start..t.end];
        if t.kind != TokKind::Num || !is_group(raw) {
            out.push(t.clone());
            k += 1;
            continue;
        }
        let mut digits: String = raw.replace(',', "");
        let mut end = t.end;
        k += 1;
        // `,000` groups that follow with no space.
        while k + 1 < toks.len()
            && toks[k].is(",")
            && !toks[k].space_before
            && toks[k + 1].kind == TokKind::Num
            && !toks[k + 1].space_before
            && toks[k + 1].int_digits == 3
        {
            digits.push_str(&text[toks[k + 1].start..toks[k + 1].end]);
            end = toks[k + 1].end;
            k += 2;
        }
        let mut joined = t.clone();
        joined.end = end;
        joined.num = Decimal::parse(&digits);
        joined.int_digits = digits.split('.').next().map_or(0, str::len);
        joined.lower = text[t.start..end].to_string();
        out.push(joined);
    }
    out
}

/// `1,500`: one to three digits, a comma, three digits.
fn is_group(raw: &str) -> bool {
    let Some((a, b)) = raw.split_once(',') else {
        return false;
    };
    (1..=3).contains(&a.len()) && b.len() == 3 && b.bytes().all(|c| c.is_ascii_digit())
}

/// The qualifier words just before token `i` (`about`, `more than`, `at
/// least`, `up to`): (qualifier, first token of the words).
pub fn qualifier_before(toks: &[Token], i: usize) -> Option<(Qualifier, usize)> {
    let set = crate::lang::en::qualifiers();
    let mut best = None;
    for back in 1..=4 {
        let Some(s) = i.checked_sub(back) else { break };
        if let Some((n, e)) = set.longest_at(toks, s)
            && s + n == i
        {
            best = Some((e, s));
        }
    }
    let (e, s) = best?;
    Some((Qualifier::parse(e.col(0))?, s))
}

/// Applies the qualifier before a mention, if any.
pub(crate) fn qualify(toks: &[Token], mut m: Mention, rule: &'static str) -> Mention {
    if let Some((q, s)) = qualifier_before(toks, m.tok_start) {
        m.qualifier = q;
        m.tok_start = s;
        m.rules.push(rule);
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn one(s: &str) -> Mention {
        let toks = Lang::En.tokenize(s, 0, s.len());
        let a = Anchor {
            published: chrono::NaiveDate::from_ymd_opt(2024, 3, 4),
        };
        let ms = crate::dims::find_in(Lang::En, &toks, a);
        assert_eq!(ms.len(), 1, "{s}: {ms:?}");
        ms.into_iter().next().unwrap()
    }

    #[test]
    fn comma_groups_are_one_number() {
        let s = "1,500,000 and 48,857";
        let toks = Lang::En.tokenize(s, 0, s.len());
        let lows: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(lows, vec!["1,500,000", "and", "48,857"]);
        assert_eq!(toks[0].num.unwrap().to_f64(), 1_500_000.0);
    }

    #[test]
    fn money_quantity_and_dates() {
        let m = one("about $1.5bn");
        assert_eq!(
            (m.value, m.unit.as_deref(), m.qualifier),
            (Some(1.5e9), Some("USD"), Qualifier::Approx)
        );
        let m = one("197,100 tons of flat glass a year");
        assert_eq!(
            (m.value, m.unit.as_deref()),
            (Some(197_100.0), Some("t/yr"))
        );
        let p = one("by the end of 2026").period.unwrap();
        assert_eq!((p.start, p.deadline), (None, true));
        let p = one("late 2024").period.unwrap();
        assert_eq!(p.start, chrono::NaiveDate::from_ymd_opt(2024, 10, 1));
    }
}
