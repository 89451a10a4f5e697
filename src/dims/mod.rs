//! Dimensions: the numbers, money amounts, quantities, percents, dates,
//! durations and frequencies that the rules recognise in a sentence (the
//! *mentions*). One file per
//! dimension × language; records are built on these mentions and nothing
//! else, so `factline mentions` shows exactly what `extract` stands on.
//!
//! Order of recognition: dates claim their tokens first (a year is not an
//! amount), then money, percents and quantities, then bare numbers.

pub mod date;
pub mod decimal;
pub mod money;
pub mod number;
pub mod qualifier;
pub mod quantity;
pub mod span;

use chrono::NaiveDate;
use serde::Serialize;

use crate::record::Qualifier;
use crate::text::token::Token;
use decimal::Decimal;

/// The names of the rules that read a mention, most of the time a few:
/// kept inline, without an allocation per number.
pub type RuleNames = smallvec::SmallVec<[&'static str; 4]>;

/// What a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A number with no unit.
    Number,
    /// An amount of money.
    Money,
    /// A quantity with a unit (tonnes, pieces, vehicles, counts).
    Quantity,
    /// A percentage.
    Percent,
    /// A date or a period.
    Date,
    /// A length of time (`37 дней`, `на протяжении 20 лет`, `for 20 years`):
    /// value and unit (`day`, `week`, `month`, `year`).
    Duration,
    /// A frequency standing alone (`ежегодно`, `раз в два года`): the
    /// interval as value and unit.
    Set,
}

impl Kind {
    /// The id used on the command line and in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Number => "number",
            Kind::Money => "money",
            Kind::Quantity => "quantity",
            Kind::Percent => "percent",
            Kind::Date => "date",
            Kind::Duration => "duration",
            Kind::Set => "set",
        }
    }

    /// Parses an id.
    pub fn parse(s: &str) -> Option<Kind> {
        [
            Kind::Number,
            Kind::Money,
            Kind::Quantity,
            Kind::Percent,
            Kind::Date,
            Kind::Duration,
            Kind::Set,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// How fine a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Grain {
    /// One day.
    Day,
    /// One month.
    Month,
    /// One quarter.
    Quarter,
    /// One half-year.
    Half,
    /// One year.
    Year,
    /// Any other span.
    Range,
}

impl Grain {
    /// The id used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Grain::Day => "day",
            Grain::Month => "month",
            Grain::Quarter => "quarter",
            Grain::Half => "half",
            Grain::Year => "year",
            Grain::Range => "range",
        }
    }
}

/// A period: inclusive calendar dates, either side open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// First day, or open.
    pub start: Option<NaiveDate>,
    /// Last day, or open.
    pub end: Option<NaiveDate>,
    /// How fine.
    pub grain: Grain,
    /// A deadline (`до конца 2027 года`, `к 2030 году`): start is open.
    pub deadline: bool,
    /// Said relative to the publication date (`в текущем году`).
    pub relative: bool,
    /// A date a reader marks that gives no record its period: a weekday,
    /// a week, a span back from now, a century, a year read from its
    /// context alone, or a date whose year is unknown (both sides open).
    pub loose: bool,
}

/// A number as the number rules read it (token indices, exact value).
#[derive(Debug, Clone, PartialEq)]
pub struct Num {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The value (low end of a range).
    pub value: Decimal,
    /// High end of a range.
    pub value_max: Option<Decimal>,
    /// Whether a scale word applied (`млрд`).
    pub scaled: bool,
    /// The power of ten of that scale.
    pub power: i32,
    /// `десятки миллионов`: an order of magnitude, not a value.
    pub vague: bool,
    /// `27 с чем-то миллиардов`: more than the value.
    pub over: bool,
    /// Names of the rules that made it.
    pub rules: RuleNames,
}

impl Num {
    /// A number read with a scale word of power `p` (`полмиллиона`).
    pub fn of_scale(start: usize, end: usize, value: Decimal, p: i32, rule: &'static str) -> Num {
        let mut n = Num::new(start, end, value, rule);
        n.scaled = true;
        n.power = p;
        n
    }

    /// A number over tokens `start..end`.
    pub fn new(start: usize, end: usize, value: Decimal, rule: &'static str) -> Num {
        Num {
            start,
            end,
            value,
            value_max: None,
            scaled: false,
            power: 0,
            vague: false,
            over: false,
            rules: smallvec::smallvec![rule],
        }
    }
}

/// One recognised figure or date in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// What it is.
    pub kind: Kind,
    /// First token (including a qualifier word).
    pub tok_start: usize,
    /// One past the last token.
    pub tok_end: usize,
    /// First token of the number itself (after the qualifier).
    pub num_tok: usize,
    /// Value in base units (percent for percents); none for dates and
    /// vague numbers.
    pub value: Option<f64>,
    /// High end of a range.
    pub value_max: Option<f64>,
    /// ISO 4217 for money, `t`/`pcs`/`vehicles`/`count` (with `/yr`) for
    /// quantities, `%` for percents.
    pub unit: Option<String>,
    /// For quantities: what is counted (`проект`, `рабочее место`, `шина`).
    pub class: Option<String>,
    /// The qualifier word before it.
    pub qualifier: Qualifier,
    /// For dates: the period.
    pub period: Option<Period>,
    /// The numeral had no exact value (`десятки миллионов`).
    pub vague: bool,
    /// Names of the rules that made it.
    pub rules: RuleNames,
}

impl Mention {
    /// A date read by `rule` over tokens `start..end`.
    pub(crate) fn date(start: usize, end: usize, period: Period, rule: &'static str) -> Mention {
        Mention {
            kind: Kind::Date,
            tok_start: start,
            tok_end: end,
            num_tok: start,
            value: None,
            value_max: None,
            unit: None,
            class: None,
            qualifier: crate::record::Qualifier::Exact,
            period: Some(period),
            vague: false,
            rules: smallvec::smallvec![rule],
        }
    }

    pub(crate) fn from_num(kind: Kind, n: &Num) -> Mention {
        Mention {
            kind,
            tok_start: n.start,
            tok_end: n.end,
            num_tok: n.start,
            value: (!n.vague).then(|| n.value.to_f64()),
            value_max: n.value_max.map(Decimal::to_f64),
            unit: None,
            class: None,
            qualifier: if n.over {
                Qualifier::Over
            } else {
                Qualifier::Exact
            },
            period: None,
            vague: n.vague,
            rules: n.rules.clone(),
        }
    }

    /// Byte offsets of the mention in the document.
    pub fn span(&self, toks: &[Token]) -> (usize, usize) {
        (toks[self.tok_start].start, toks[self.tok_end - 1].end)
    }

    /// Whether token `tok` is one of the mention's.
    pub fn covers(&self, tok: usize) -> bool {
        (self.tok_start..self.tok_end).contains(&tok)
    }

    /// Whether the mention is a figure a record can carry.
    pub fn is_figure(&self) -> bool {
        matches!(self.kind, Kind::Money | Kind::Quantity | Kind::Number)
    }

    /// Whether the mention is an amount of money or a quantity: a figure
    /// with its unit, not a bare number.
    pub fn is_measure(&self) -> bool {
        matches!(self.kind, Kind::Money | Kind::Quantity)
    }

    /// Counts a bare number in the unit of `whole`, a figure it is a part
    /// of or that it restates, with the rule that said so.
    pub fn take_unit_of(&mut self, whole: &Mention, rule: &'static str) {
        self.kind = whole.kind;
        self.unit = whole.unit.clone();
        self.class = whole.class.clone();
        self.rules.push(rule);
    }

    /// The last quantity or amount of money among `mentions`.
    pub fn last_measure(mentions: &[Mention]) -> Option<&Mention> {
        mentions.iter().rev().find(|x| x.is_measure())
    }

    /// Whether records may stand on the mention: durations, frequencies
    /// and loose dates are listed but set no record's period.
    pub fn for_records(&self) -> bool {
        match self.kind {
            Kind::Duration | Kind::Set => false,
            Kind::Date => self.period.is_none_or(|p| !p.loose),
            _ => true,
        }
    }
}

/// What the rules need to know beyond the tokens.
#[derive(Debug, Clone, Copy)]
pub struct Anchor {
    /// The publication date, for relative expressions.
    pub published: Option<NaiveDate>,
}

/// A rule that reads a mention at a token.
pub type MentionRule = fn(&[Token], usize) -> Option<Mention>;

/// The rules of one language for each dimension, as `find` walks them.
pub struct Rules {
    /// Whether a token may begin a number or a date.
    pub may_be_figure: fn(&Token) -> bool,
    /// Every date of a sentence.
    pub dates: fn(&[Token], Anchor) -> Vec<Mention>,
    /// Money, percents and quantities, tried in that order.
    pub figures: &'static [MentionRule],
    /// Whether a rule of `figures` may begin at a token: where this says
    /// no, every one of them finds nothing there.
    pub figure_may_start: fn(&Token) -> bool,
    /// A bare number.
    pub number_at: fn(&[Token], usize) -> Option<Num>,
}

/// Every mention in a sentence's tokens by some rules, in text order,
/// not overlapping.
pub fn find_with(rules: &Rules, toks: &[Token], anchor: Anchor) -> Vec<Mention> {
    if !toks.iter().any(rules.may_be_figure) {
        return Vec::new();
    }
    number::remembered(toks, || read_all(rules, toks, anchor))
}

/// `find_with` past its gate.
fn read_all(rules: &Rules, toks: &[Token], anchor: Anchor) -> Vec<Mention> {
    let mut used = vec![false; toks.len()];
    let mut out = Vec::new();
    let claim = |m: Mention, used: &mut Vec<bool>, out: &mut Vec<Mention>| {
        if used[m.tok_start..m.tok_end].iter().any(|&u| u) {
            return;
        }
        used[m.tok_start..m.tok_end]
            .iter_mut()
            .for_each(|u| *u = true);
        out.push(m);
    };
    for m in (rules.dates)(toks, anchor) {
        claim(m, &mut used, &mut out);
    }
    let mut i = 0;
    while i < toks.len() {
        if used[i] || !(rules.figure_may_start)(&toks[i]) {
            i += 1;
            continue;
        }
        let m = rules
            .figures
            .iter()
            .find_map(|f| f(toks, i))
            .filter(|m| !used[m.tok_start..m.tok_end].iter().any(|&u| u));
        match m {
            Some(m) => {
                i = m.tok_end;
                claim(m, &mut used, &mut out);
            }
            None => i += 1,
        }
    }
    let mut i = 0;
    while i < toks.len() {
        // A number cannot begin at a token a mention holds.
        if used[i] {
            i += 1;
            continue;
        }
        match (rules.number_at)(toks, i).filter(|n| !used[n.start..n.end].iter().any(|&u| u)) {
            Some(n) => {
                i = n.end;
                claim(Mention::from_num(Kind::Number, &n), &mut used, &mut out);
            }
            _ => i += 1,
        }
    }
    out.sort_by_key(|m| m.tok_start);
    out
}
