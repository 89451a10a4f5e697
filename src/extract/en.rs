//! The English twins of the extraction rules that read words: which
//! figures are no statement (growth amounts, prices), the level a verb of
//! reaching governs (`raise trade to $10 billion`), the direction of
//! exports and imports (`Turkey's exports to Azerbaijan`), words for one
//! plant and for the countries as a pair, and what is no launch.

use super::Reading;
use crate::classify::Cue;
use crate::classify::status::en::part_clause;
use crate::classify::subject::Party;
use crate::dims::quantity::class;
use crate::dims::{Kind, Mention};
use crate::record::{Metric, Qualifier, Status};
use crate::text::token::Token;

crate::words!(
    /// Words for one plant or project, as a sentence refers back to it.
    pub ONE_PLANT, en, "one_plant.tsv"
);

crate::words!(
    /// Words that make a figure about the countries, not a region.
    pub COUNTRIES, en, "countries_words.tsv"
);

crate::words!(
    /// A sentence about these is not about a launch.
    pub NOT_LAUNCH, en, "not_launch.tsv"
);

crate::words!(
    /// Words of change before `by`: the figure after is the change.
    CHANGE, en, "change_verbs.tsv"
);

crate::words!(
    /// What a price is of (`$80 per barrel`, `$250 a tonne`).
    PER_UNIT, en, "per_unit.tsv"
);

/// Whether a figure is no statement of a metric.
pub fn skip(toks: &[Token], m: &Mention) -> bool {
    growth(toks, m) || per_unit(toks, m) || one(toks, m) || not_a_metric(toks, m)
}

crate::words!(
    /// Money that no metric counts: balances, taxes, budgets, debts,
    /// offers (decision 79).
    NOT_A_METRIC, en, "not_a_metric.tsv"
);

fn not_a_metric(toks: &[Token], m: &Mention) -> bool {
    m.kind == Kind::Money
        && toks[m.tok_start.saturating_sub(12)..(m.tok_end + 8).min(toks.len())]
            .iter()
            .any(|t| NOT_A_METRIC.contains(&t.lower))
}

/// `one project`: one thing named, not a count.
fn one(toks: &[Token], m: &Mention) -> bool {
    m.kind == Kind::Quantity
        && m.value == Some(1.0)
        && toks[m.num_tok].kind == crate::text::token::TokKind::Word
}

/// `increased by $644.3 million`: the change, not the level.
fn growth(toks: &[Token], m: &Mention) -> bool {
    let Some(by) = m.tok_start.checked_sub(1).filter(|&k| toks[k].is("by")) else {
        return false;
    };
    toks[by.saturating_sub(4)..by]
        .iter()
        .any(|t| CHANGE.stem_of(&t.lower))
}

/// `$80 per barrel`, `the price of … $250`: a price.
fn per_unit(toks: &[Token], m: &Mention) -> bool {
    if m.kind != Kind::Money {
        return false;
    }
    let next = |k: usize| toks.get(m.tok_end + k).map_or("", |t| t.lower.as_str());
    let after = matches!(next(0), "per" | "a" | "/") && PER_UNIT.stem_of(next(1));
    // `costs $3,000 a year`: a small amount per period is a price.
    let period = matches!(next(0), "per" | "a" | "/" | "each")
        && matches!(next(1), "year" | "month" | "day" | "week" | "hour")
        && m.value.is_some_and(|v| v < 1e6);
    let before = toks[m.tok_start.saturating_sub(6)..m.tok_start]
        .iter()
        .any(|t| {
            matches!(
                t.lower.as_str(),
                "price" | "prices" | "tariff" | "tariffs" | "salary" | "wage" | "wages"
            )
        });
    after || before || period
}

crate::words!(
    /// Verbs of reaching a level: a goal (`raise … to`, `bring … to`).
    REACHING, en, "reaching_verbs.tsv"
);
crate::words!(
    /// Verbs of a level reached or foreseen (`rose to`, `will rise to`).
    GROWN, en, "grown_verbs.tsv"
);

/// `raise trade to $10 billion`: the figure after `to` is the level to
/// reach (target, exact); after `rose to` the level reached (actual).
pub fn governed(toks: &[Token], m: &Mention) -> Option<(Status, Qualifier, String)> {
    // `rise up to 135 thousand` is the level (decision 76); `to over $46.5
    // bln` keeps its qualifier.
    let q = match m.qualifier {
        Qualifier::UpTo => Qualifier::Exact,
        q => q,
    };
    // The word just before the number (a qualifier `up to` included).
    let to = if toks[m.tok_start..m.num_tok].iter().any(|t| t.is("to")) {
        Some(m.num_tok)
    } else {
        m.tok_start.checked_sub(1).filter(|&k| toks[k].is("to"))
    }?;
    let from = to.saturating_sub(10);
    for k in (from..to).rev() {
        let t = &toks[k];
        if matches!(t.lower.as_str(), "." | ";" | "(" | ")") {
            break;
        }
        let future = k.checked_sub(1).is_some_and(|j| {
            matches!(
                toks[j].lower.as_str(),
                "will" | "would" | "to" | "may" | "could"
            )
        }) || k.checked_sub(2).is_some_and(|j| toks[j].is("will"));
        if REACHING.contains(&t.lower) {
            let st = if future && !toks[k - 1].is("to") {
                Status::Planned
            } else {
                Status::Target
            };
            return Some((st, q, ["status:", &t.lower, " … to <figure>"].concat()));
        }
        if GROWN.contains(&t.lower) {
            let ahead = future || matches!(t.lower.as_str(), "rise" | "grow" | "reach");
            let st = if ahead {
                Status::Planned
            } else {
                Status::Actual
            };
            return Some((st, q, ["status:", &t.lower, " to <figure>"].concat()));
        }
    }
    None
}

/// Words that name the goods rather than the flow: `imports of Chinese
/// goods` (the origin), not `Russian imports` (the owner).
fn flow_word(w: &str) -> bool {
    [
        "import",
        "export",
        "shipment",
        "supplies",
        "deliveries",
        "trade",
    ]
    .iter()
    .any(|c| w.starts_with(c))
}

/// The direction of exports or imports, `FROM>TO`: `from X` is the
/// origin, `to X`/`into X`/`in X` the destination; an owner (`Turkey's
/// exports`, `Russian imports`) exports or imports; an adjective on the
/// goods (`Chinese goods`) names the origin. The missing side is the
/// other party.
pub fn direction(
    metric: Metric,
    toks: &[Token],
    parties: &[Party],
    others: &[String],
) -> Option<String> {
    let (mut from, mut to): (Option<String>, Option<String>) = (None, None);
    for p in parties {
        let prev = p
            .start
            .checked_sub(1)
            .map_or("", |k| toks[k].lower.as_str());
        let code = p.code.split('+').next().unwrap_or("").to_string();
        let next = toks.get(p.end).map_or("", |t| t.lower.as_str());
        let of_goods = p.form == "adj" && !flow_word(next) && !matches!(next, "'" | "’" | "side");
        match prev {
            "from" => from = from.or(Some(code)),
            "to" | "into" | "in" => to = to.or(Some(code)),
            _ if of_goods || metric == Metric::Exports => from = from.or(Some(code)),
            _ => to = to.or(Some(code)),
        }
    }
    let other = |me: &Option<String>| others.iter().find(|o| Some(*o) != me.as_ref()).cloned();
    if from.is_none() && to.is_some() {
        from = other(&to);
    } else if to.is_none() && from.is_some() {
        to = other(&from);
    }
    match (from, to) {
        (Some(f), Some(t)) if f != t => Some(format!("{f}>{t}")),
        _ => None,
    }
}

/// `in the reporting period`, `over the same period`, `for the year`:
/// the period said before.
pub fn anaphoric_period(toks: &[Token]) -> bool {
    toks.windows(2).any(|w| {
        matches!(
            (w[0].lower.as_str(), w[1].lower.as_str()),
            ("reporting", "period") | ("this", "period") | ("the", "month") | ("that", "period")
        )
    })
}

/// Units of a car plant are vehicles (`The plant's capacity will be
/// 90,000 units per year`).
pub fn units_of_plant(rec: &mut crate::record::Record) {
    let car_plant = rec
        .subject
        .as_deref()
        .and_then(|s| s.split_once('/'))
        .is_some_and(|(_, p)| p.starts_with(class::VEHICLE) || p.ends_with(class::VEHICLE));
    if let Some(u) = rec.unit.as_deref().filter(|_| car_plant)
        && let Some(rate) = u.strip_prefix("pcs")
    {
        rec.unit = Some(format!("vehicles{rate}"));
    }
}

/// The cost of a cue for a figure, the same on either side: English puts
/// the verb after its subject (`126 projects … were launched`).
pub fn even_cost(
    toks: &[Token],
    mentions: &[Mention],
    cue: (usize, usize),
    fig: (usize, usize),
) -> usize {
    let k = crate::classify::cost(toks, mentions, cue, fig);
    if cue.0 >= fig.1 { (k - 3) / 2 + 1 } else { k }
}

/// The most a status cue may cost and still apply.
const STATUS_REACH: usize = 30;

/// The status from the nearest cue on either side, if one is in reach.
pub fn status_from_cues(
    toks: &[Token],
    mentions: &[Mention],
    cues: &[Cue],
    fig: (usize, usize),
) -> Option<(Status, String)> {
    cues.iter()
        .filter(|c| c.entry.col(1).is_empty())
        .filter(|c| part_clause(toks, c.start).is_none_or(|s| fig.0 >= s))
        // `May 21`: a month is no modal.
        .filter(|c| {
            !mentions
                .iter()
                .any(|m| m.kind == Kind::Date && m.covers(c.start))
        })
        .map(|c| (even_cost(toks, mentions, (c.start, c.end), fig), c))
        .filter(|(k, _)| *k <= STATUS_REACH)
        .min_by_key(|(k, _)| *k)
        .or_else(|| main_verb(toks, cues, fig))
        .and_then(|(_, c)| Some((Status::parse(c.entry.col(0))?, c.name("status_cues"))))
}

/// With no cue in reach, the first cue after the figure in its sentence
/// (`126 projects worth … (US$1 billion) were launched`): the verb of the
/// figure's noun.
fn main_verb<'c, 'a>(
    toks: &[Token],
    cues: &'c [Cue<'a>],
    fig: (usize, usize),
) -> Option<(usize, &'c Cue<'a>)> {
    cues.iter()
        .filter(|c| c.entry.col(1).is_empty() && c.start >= fig.1)
        .filter(|c| part_clause(toks, c.start).is_none_or(|s| fig.0 >= s))
        .filter(|c| !toks[fig.1..c.start].iter().any(|t| t.is(";") || t.is(".")))
        .min_by_key(|c| c.start)
        .map(|c| (0, c))
}

crate::words!(
    /// Verbs of saying: a date just after one is the statement's.
    SAID, en, "said_verbs.tsv"
);

/// `the minister said on Monday`: the day of the statement, neither a
/// launch nor the period of a figure.
pub fn said_on(toks: &[Token], d: &Mention) -> bool {
    // `EKIBASTUZ, May 21 – …`: a dateline's day is the report's.
    let dateline = d.tok_start >= 2
        && toks[d.tok_start - 1].is(",")
        && toks[..d.tok_start].iter().all(|t| t.cap || t.is(","))
        && toks.get(d.tok_end).is_some_and(|t| t.is_dash());
    dateline
        || toks[d.tok_start.saturating_sub(2)..d.tok_start]
            .iter()
            .any(|t| SAID.contains(&t.lower))
}

/// Completes the article's plants from one another (see
/// `plant::en::fill_places`).
pub fn fill_plants(readings: &mut [Reading]) {
    crate::classify::plant::en::fill_places(
        readings
            .iter_mut()
            .map(|r| {
                use crate::classify::plant::en::Fact;
                let values = r
                    .mentions
                    .iter()
                    .filter_map(|m| match m.kind {
                        Kind::Date => m.period.and_then(|p| p.end).map(Fact::Day),
                        _ => m.value.map(Fact::Value),
                    })
                    .collect();
                (&mut r.plants, values)
            })
            .collect(),
    );
}

/// `almost 10 billion rubles ($139 mln)`: the amount in brackets is as
/// rough as the one it restates.
pub fn as_rough_as(rec: &mut crate::record::Record, before: Option<&crate::record::Record>) {
    if rec.qualifier == Qualifier::Exact
        && let Some(b) = before
    {
        rec.qualifier = b.qualifier;
    }
}

/// `120,000 tons of aluminium worth $300 million`: the value of the goods
/// just counted, in the same flow.
pub fn goods_metric(r: &Reading, m: &Mention, out: &[crate::record::Record]) -> Option<Metric> {
    let trade = |x: &Metric| matches!(x, Metric::Exports | Metric::Imports | Metric::TradeTurnover);
    if worth_of_goods(r, m) {
        return out.last().map(|x| x.metric).filter(trade);
    }
    // `exported fruit and vegetables worth $300 million`: the flow named
    // before the goods, in the same clause.
    let w = m
        .tok_start
        .checked_sub(1)
        .filter(|&k| r.toks[k].is("worth"))?;
    r.metric_cues
        .iter()
        .filter(|c| {
            c.end <= w
                && !r.toks[c.end..w]
                    .iter()
                    .any(|t| matches!(t.lower.as_str(), "." | ";" | ","))
        })
        .filter_map(|c| Metric::parse(c.entry.col(0)))
        .rfind(trade)
}

/// `120,000 tons of aluminium worth $300 million`: money right after
/// `worth` that follows a quantity of goods.
pub fn worth_of_goods(r: &Reading, m: &Mention) -> bool {
    let Some(w) = m
        .tok_start
        .checked_sub(1)
        .filter(|&k| r.toks[k].is("worth"))
    else {
        return false;
    };
    r.mentions
        .iter()
        .any(|q| q.kind == Kind::Quantity && q.tok_end <= w && w - q.tok_end <= 4)
}

/// `auto industry output`, `across the sector`: a figure of a whole
/// industry, not of one plant.
pub fn industry_wide(toks: &[Token]) -> bool {
    toks.iter().any(|t| {
        matches!(
            t.lower.as_str(),
            "industry" | "sector" | "nationwide" | "industries"
        )
    })
}

/// What a quantity says is made, as a Russian lemma: `1.6 million tons of
/// ethane` → этан; else what its unit counts (`cars` → автомобиль).
pub fn product_of(toks: &[Token], m: &Mention) -> Option<String> {
    if m.kind != Kind::Quantity {
        return None;
    }
    let end = (m.tok_end + 3).min(toks.len());
    let named = (m.num_tok..end).find_map(|k| {
        crate::grammar::en::products()
            .longest_at(&toks[..end], k)
            .map(|(_, e)| e.col(0).to_string())
    });
    const GENERIC: [&str; 6] = [
        "mass",
        class::PIECE,
        class::ITEM,
        class::PERSON,
        class::JOB,
        class::PROJECT,
    ];
    named.or_else(|| {
        m.class
            .clone()
            .filter(|c| !c.is_empty() && !GENERIC.contains(&c.as_str()))
    })
}

/// Figures that lean on the one before them in the sentence: `employs
/// 6,489 people, including 1,615` (a bare number takes the unit of the
/// whole); `9.1 bcm per year, of which … 1.6 million tons of ethane` (a
/// part takes the rate of the whole).
pub fn fill_parts(toks: &[Token], mentions: &mut [Mention]) {
    let w = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    for k in 1..mentions.len() {
        let (before, rest) = mentions.split_at_mut(k);
        let m = &mut rest[0];
        // `87 projects worth $24 billion, of which 31`: a part of an
        // amount is said with its scale; a bare count is a part of the
        // last quantity.
        let scaled = toks[m.num_tok..m.tok_end]
            .iter()
            .any(|t| crate::dims::number::en::scale_power(&t.lower, false).is_some());
        let whole = if scaled || m.kind != Kind::Number {
            Mention::last_measure(before)
        } else {
            before.iter().rev().find(|x| x.kind == Kind::Quantity)
        };
        let Some(whole) = whole else {
            continue;
        };
        let lead = &toks[m.tok_start.saturating_sub(8)..m.tok_start];
        let part = lead.windows(2).any(|w| {
            matches!(
                (w[0].lower.as_str(), w[1].lower.as_str()),
                ("of", "which") | ("of", "them") | ("among", "them") | ("including", _)
            )
        }) || lead.last().is_some_and(|t| t.is("including"))
            // `and 39 more are at the design stage`, `another 12 are
            // being built`: one more of the same, not `20 more than`.
            || (w(m.tok_end) == "more" && w(m.tok_end + 1) != "than")
            || (lead.last().is_some_and(|t| t.is("another"))
                && matches!(w(m.tok_end), "" | "," | "." | "are" | "were" | "will" | "have"));
        if !part {
            continue;
        }
        if m.kind == Kind::Number && !m.vague && m.tok_start >= whole.tok_end {
            m.take_unit_of(whole, "<part> of <the figure before>");
        } else if m.kind == Kind::Quantity
            && whole.unit.as_deref().is_some_and(|u| u.ends_with("/yr"))
            && m.unit.as_deref().is_some_and(|u| !u.ends_with("/yr"))
        {
            m.unit = m.unit.take().map(|u| format!("{u}/yr"));
            m.rules.push("<part> of <a yearly figure>");
        }
    }
}

/// Words before a date that make it the term of a comparison (`compared
/// with 2022`, `than in 2023`), not the period of the figure.
pub fn compared(toks: &[Token], d: &Mention) -> bool {
    let before: Vec<&str> = toks[d.tok_start.saturating_sub(3)..d.tok_start]
        .iter()
        .map(|t| t.lower.as_str())
        .collect();
    before.iter().any(|w| {
        matches!(
            *w,
            "compared" | "than" | "against" | "versus" | "vs" | "from"
        )
    }) || toks[d.tok_start].is("same")
        || d.period.is_some_and(|p| p.end.is_none())
}

/// A money figure with no cue in reach takes the metric of the nearest
/// money cue before it in its sentence, with no other amount between
/// (`Exports from China to Russia, on the contrary, decreased by 1.1%, to
/// $61.64 billion`).
pub fn metric_near(r: &Reading, m: &Mention) -> Option<(Metric, String)> {
    if m.kind == Kind::Quantity {
        return plant_size(r, m);
    }
    if m.kind != Kind::Money {
        return None;
    }
    metric_before(r, m).or_else(|| metric_after(r, m))
}

/// `a 500,000-tonne polyethylene plant`: a quantity that sizes a plant
/// is its capacity.
fn plant_size(r: &Reading, m: &Mention) -> Option<(Metric, String)> {
    const SIZED: [&str; 9] = [
        "plant", "factory", "facility", "complex", "refinery", "mill", "smelter", "terminal",
        "works",
    ];
    let sized = r.toks[m.tok_end..(m.tok_end + 4).min(r.toks.len())]
        .iter()
        .any(|t| SIZED.contains(&t.lower.as_str()));
    // Goods made, not power, lengths or people.
    let made = matches!(
        m.unit.as_deref(),
        Some("t" | "m3" | "m2" | "l" | "pcs" | "vehicles" | "TEU" | "bbl")
    );
    (sized && made).then(|| (Metric::Capacity, "<quantity> <plant>".into()))
}

/// `Almost 10 billion rubles ($139 mln) have been invested`: the first
/// money cue after the figure, with only bracketed amounts between.
fn metric_after(r: &Reading, m: &Mention) -> Option<(Metric, String)> {
    let bracketed = |x: &Mention| x.tok_start > 0 && r.toks[x.tok_start - 1].is("(");
    let c = r
        .metric_cues
        .iter()
        .filter(|c| c.start >= m.tok_end && matches!(c.entry.col(1), "money" | "any"))
        .filter(|c| {
            !r.mentions.iter().any(|x| {
                x.is_measure() && x.tok_start >= m.tok_end && x.tok_end <= c.start && !bracketed(x)
            })
        })
        .filter(|c| {
            !r.toks[m.tok_end..c.start]
                .iter()
                .any(|t| t.is(";") || t.is(","))
        })
        .min_by_key(|c| c.start)?;
    let metric = Metric::parse(c.entry.col(0))?;
    Some((metric, format!("{}:<the cue after>", c.name("metric_cues"))))
}

fn metric_before(r: &Reading, m: &Mention) -> Option<(Metric, String)> {
    let c = r
        .metric_cues
        .iter()
        .filter(|c| c.end <= m.tok_start && matches!(c.entry.col(1), "money" | "any"))
        .filter(|c| {
            !r.mentions.iter().any(|x| {
                x.is_measure()
                    && x.tok_start >= c.end
                    && x.tok_end <= m.tok_start
                    && !skip(&r.toks, x)
            })
        })
        .filter(|c| !r.toks[c.end..m.tok_start].iter().any(|t| t.is(";")))
        .max_by_key(|c| c.start)?;
    let metric = Metric::parse(c.entry.col(0))?;
    Some((
        metric,
        format!("{}:<the cue before>", c.name("metric_cues")),
    ))
}
