//! FILTERS, Russian: figures that look like statements but are not:
//! growth amounts (`вырос на 2 млрд`), prices per unit (`250 долларов за
//! тонну`), thresholds in a programme's rules (`не менее 100 рабочих
//! мест` for a subsidy).

use crate::dims::{Kind, Mention};
use crate::text::token::Token;

crate::words!(CHANGE, ru, "change_verbs.tsv");

crate::words!(PER_UNIT, ru, "per_unit.tsv");

crate::words!(THRESHOLD, ru, "thresholds.tsv");

crate::words!(NOT_A_METRIC, ru, "not_a_metric.tsv");

/// Whether a figure is no statement of a metric.
pub fn skip(toks: &[Token], mentions: &[Mention], m: &Mention) -> bool {
    growth(toks, m)
        || per_unit(toks, m)
        || threshold(toks, mentions, m)
        || one(toks, m)
        || consumed(toks, m)
        || not_a_metric(toks, m)
}

/// `торговля «недосчиталась» $2 млрд`, `потери могут составить $6 млрд`:
/// money that no metric counts (losses, balances, debts, taxes).
fn not_a_metric(toks: &[Token], m: &Mention) -> bool {
    m.kind == Kind::Money
        && toks[m.tok_start.saturating_sub(10)..m.tok_start]
            .iter()
            .rev()
            .take_while(|t| !matches!(t.lower.as_str(), "," | ";" | ":" | "."))
            .any(|t| NOT_A_METRIC.stem_of(&t.lower))
}

/// `Объём потребления газа: 3,3 млн кубометров в год`: what a plant uses
/// is no figure of it (decision 78).
fn consumed(toks: &[Token], m: &Mention) -> bool {
    m.kind == Kind::Quantity
        && toks[m.tok_start.saturating_sub(6)..m.tok_start]
            .iter()
            .any(|t| t.lower.starts_with("потребл") || t.lower.starts_with("расход"))
}

/// `Ещё один проект — комбинат …`: one thing named, not a count.
fn one(toks: &[Token], m: &Mention) -> bool {
    m.kind == Kind::Quantity
        && m.value == Some(1.0)
        && toks[m.num_tok].kind == crate::text::token::TokKind::Word
}

/// `вырос на 2 млрд долларов`: the change, not the level.
fn growth(toks: &[Token], m: &Mention) -> bool {
    let na = [m.tok_start, m.num_tok]
        .into_iter()
        .filter_map(|k| k.checked_sub(1))
        .find(|&k| toks[k].is("на"));
    let Some(na) = na else { return false };
    toks[na.saturating_sub(4)..na]
        .iter()
        .any(|t| CHANGE.stem_of(&t.lower))
}

/// `250 долларов за тонну`, `$80/баррель`, `стоимость тонны угля
/// снизилась до 85 долларов`: a price.
fn per_unit(toks: &[Token], m: &Mention) -> bool {
    if m.kind != Kind::Money {
        return false;
    }
    let next = |k: usize| toks.get(m.tok_end + k).map_or("", |t| t.lower.as_str());
    let after = matches!(next(0), "за" | "/") && PER_UNIT.contains(next(1));
    let before = toks[..m.tok_start].windows(2).any(|w| {
        (w[0].lower.starts_with("стоимост") || w[0].lower.starts_with("цен"))
            && PRICED.iter().any(|p| w[1].lower.starts_with(p))
    }) || toks[..m.tok_start].iter().any(|t| {
        matches!(
            t.lower.as_str(),
            "цена"
                | "цены"
                | "цене"
                | "тариф"
                | "тарифы"
                | "курс"
                | "курса"
                | "курсу"
                | "курсе"
        )
    });
    after || before
}

crate::words!(
    /// What a price is of: `стоимость тонны`, `цена барреля`, `стоимость
    /// билета`.
    PRICED, ru, "priced_goods.tsv"
);

/// `не менее 100 рабочих мест` as a condition of a programme.
fn threshold(toks: &[Token], _mentions: &[Mention], m: &Mention) -> bool {
    if m.qualifier != crate::record::Qualifier::Over {
        return false;
    }
    let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
    let text = words.join(" ");
    THRESHOLD.iter().any(|t| text.contains(t))
}
