//! QUANTITY and PERCENT, English: a number, up to four words that
//! describe what is counted, a unit from `data/en/units.tsv` (`197,100
//! tons of flat glass`, `1,400 new workplaces`, `9.1 bcm`), then perhaps
//! what is made and a rate (`a year`, `per annum`, `annually`; `a day`
//! ×365, `a month` ×12). Percents: `5%`, `5 percent`, `5 per cent`, `5
//! percentage points`.

use crate::dims::number::en as number;
use crate::dims::qualifier::en::qualify;
use crate::dims::quantity::class;
use crate::dims::{Kind, Mention, Num};
use crate::grammar::en::units;
use crate::text::token::{TokKind, Token};

/// Words that end the description of what is counted: a unit never
/// stands after them.
const STOP: [&str; 40] = [
    "of", "to", "in", "for", "and", "or", "the", "a", "an", "by", "from", "with", "was", "were",
    "is", "are", "will", "have", "has", "had", "at", "on", "worth", "per", "which", "that", "this",
    "these", "those", "than", "as", "be", "been", "out", "into", "its", "their", "his", "her",
    "it",
];

/// A quantity starting at token `i`.
pub fn at(toks: &[Token], i: usize) -> Option<Mention> {
    let mut num = number::number_at(toks, i)
        .or_else(|| number::order_of(toks, i))
        .or_else(|| number::half_a(toks, i))?;
    // `hundreds of kilometres`: the unit after `of`.
    let of = usize::from(num.vague && toks.get(num.end).is_some_and(|t| t.is("of")));
    let mut found = unit_after(toks, num.end + of);
    // Where a rate after the unit is looked for.
    let mut rate_from = found.as_ref().map_or(0, |f| f.0);
    // `3 to 5 km`, `2 to 3 million tonnes`: a range (after `from`, a
    // change of two values: below).
    if found.is_none()
        && let Some((b, u)) = to_second(toks, &num)
        && (i == 0 || !toks[i - 1].is("from"))
        && b.value.to_f64() >= num.value.to_f64()
    {
        if !num.scaled && b.scaled {
            num.value = num.value.scale(b.power);
        }
        num.value_max = Some(b.value);
        num.end = b.end;
        num.rules.push("<number> to <number> <unit>");
        rate_from = u.0;
        found = Some(u);
    }
    // `from 1.2 to 3.5 million square meters`: the first end takes the
    // scale and the unit of the second.
    if found.is_none()
        && !num.scaled
        && toks.get(num.end).is_some_and(|t| t.is("to"))
        && let Some(b) = number::number_at(toks, num.end + 1)
        && b.scaled
        && let Some(u) = unit_after(toks, b.end)
    {
        num.value = num.value.scale(b.power);
        num.rules.push("<number> to <number> <unit>");
        rate_from = u.0;
        found = Some((num.end, u.1, u.2));
    }
    // `4 out of 51 projects`: the unit of the whole.
    let w = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    if found.is_none()
        && w(num.end) == "out"
        && w(num.end + 1) == "of"
        && let Some(b) = number::number_at(toks, num.end + 2)
        && let Some(u) = unit_after(toks, b.end)
    {
        num.rules.push("<number> out of <number> <unit>");
        rate_from = u.0;
        found = Some((num.end, u.1, u.2));
    }
    let found = found
        .or_else(|| celsius(toks, num.end))
        .or_else(|| metres(toks, &mut num));
    let (end, mut unit, mut factor) = found?;
    // `250,000 mt`, `500 mln mt`: metric tons; `1.2 Mt` is megatonnes.
    if toks.get(end - 1).is_some_and(|t| t.is("mt")) && (num.scaled || num.value.to_f64() >= 1000.0)
    {
        factor.0 = 1.0;
    }
    // `the output of cars to 100 thousand units`: units of vehicles.
    if unit.1 == class::PIECE && vehicles_before(toks, i) {
        unit = ("vehicles".into(), class::VEHICLE.into());
    }
    let mut m = Mention::from_num(Kind::Quantity, &num);
    m.tok_end = end.max(num.end);
    m.unit = Some(unit.0);
    m.class = Some(unit.1);
    m.value = m.value.map(|v| v * factor.0);
    m.value_max = m.value_max.map(|v| v * factor.0);
    m.rules.push("<number> <unit>");
    let rate = factor
        .1
        .map(|f| (f, m.tok_end))
        .or_else(|| rate_after(toks, rate_from.max(m.tok_end)));
    if let Some((f, rate_end)) = rate {
        m.value = m.value.map(|v| v * f);
        m.value_max = m.value_max.map(|v| v * f);
        m.unit = m.unit.map(|u| format!("{u}/yr"));
        if rate_from <= m.tok_end {
            m.tok_end = rate_end.max(m.tok_end);
        }
        m.rules.push("<quantity> <rate>");
    }
    Some(qualify(toks, m, "<qualifier> <quantity>"))
}

/// `45C`, `104F`: a capital glued to the number is a temperature, unless
/// a name stands before (`Group 5C`, `Block 4F`).
fn celsius(toks: &[Token], k: usize) -> Option<Found> {
    let t = toks.get(k).filter(|t| !t.space_before && t.cap)?;
    let named = k >= 2 && toks[k - 2].kind == TokKind::Word && toks[k - 2].cap;
    if named {
        return None;
    }
    let unit = match t.lower.as_str() {
        "c" => "°C",
        "f" => "°F",
        _ => return None,
    };
    Some((k + 1, (unit.into(), String::new()), (1.0, None)))
}

/// Words after a length that say which way it runs.
const EXTENTS: [&str; 7] = ["tall", "high", "long", "wide", "deep", "thick", "across"];

/// `828m tall`, `2.5 m high`: an `m` before a word of extent is metres,
/// not millions.
fn metres(toks: &[Token], num: &mut Num) -> Option<Found> {
    let w = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    let attached = num.scaled && num.power == 6 && w(num.end - 1) == "m";
    let spaced = !num.scaled && w(num.end) == "m";
    let end = num.end + usize::from(spaced);
    if !(attached || spaced) || !EXTENTS.contains(&w(end)) {
        return None;
    }
    if attached {
        num.value = num.value.scale(-6);
        num.scaled = false;
        num.power = 0;
    }
    Some((end, ("m".into(), String::new()), (1.0, None)))
}

/// `to <number> <unit>` after the number `num`: the second end and its unit.
fn to_second(toks: &[Token], num: &Num) -> Option<(Num, Found)> {
    if !toks.get(num.end).is_some_and(|t| t.is("to")) {
        return None;
    }
    let b = number::number_at(toks, num.end + 1)?;
    let u = unit_after(toks, b.end)?;
    Some((b, u))
}

/// Words for vehicles: `units` after them count vehicles.
const VEHICLES: [&str; 8] = [
    "cars",
    "vehicles",
    "automobiles",
    "trucks",
    "buses",
    "car",
    "vehicle",
    "automobile",
];

fn vehicles_before(toks: &[Token], i: usize) -> bool {
    toks[i.saturating_sub(8)..i]
        .iter()
        .any(|t| VEHICLES.contains(&t.lower.as_str()))
}

/// A unit found: (end token, (unit, class), (factor, rate factor)).
type Found = (usize, (String, String), (f64, Option<f64>));

/// The unit after a number, skipping up to four describing words.
fn unit_after(toks: &[Token], from: usize) -> Option<Found> {
    // `500,000-tonne`, `100-MW`: a hyphen between the number and its unit.
    let glued = |k: usize| toks.get(k).is_some_and(|t| !t.space_before);
    let from = if toks.get(from).is_some_and(Token::is_dash) && glued(from) && glued(from + 1) {
        from + 1
    } else {
        from
    };
    for j in from..from + 5 {
        // `car tires`: the last of two unit nouns counts; a measure
        // before a thing counted describes it (`a 20-tonne truck`, `the
        // 4.2 GW project`) and is the quantity.
        let next_unit = |n: usize| units().longest_at(toks, j + n).is_some();
        let measure = |e: &crate::lexicon::Entry| {
            e.col(1) == "mass" || (e.col(1).is_empty() && e.col(0) != "count")
        };
        if let Some((n, e)) = units()
            .longest_at(toks, j)
            .filter(|(n, e)| measure(e) || !next_unit(*n))
        {
            let factor = e.col(2).parse::<i32>().map_or(1.0, |p| 10f64.powi(p));
            let names = (e.col(0).to_string(), e.col(1).to_string());
            return Some((j + n, names, (factor, rate_factor(e.col(3)))));
        }
        let t = toks.get(j)?;
        let word = t.kind == TokKind::Word && !STOP.contains(&t.lower.as_str());
        let hyphen = t.is("-") && j > from;
        if !(word || hyphen) || number::scale_power(&t.lower, false).is_some() {
            return None;
        }
    }
    None
}

fn rate_factor(s: &str) -> Option<f64> {
    match s {
        "yr" => Some(1.0),
        "month" => Some(12.0),
        "day" => Some(365.0),
        _ => None,
    }
}

/// A rate after a quantity, skipping `of` and up to six words of what is
/// made: (factor to a year, end token).
pub fn rate_after(toks: &[Token], from: usize) -> Option<(f64, usize)> {
    if let Some(r) = rate_at(toks, from) {
        return Some(r);
    }
    let w = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    if !matches!(w(from), "of" | "for") {
        return None;
    }
    for j in from + 1..(from + 8).min(toks.len()) {
        if let Some(r) = rate_at(toks, j) {
            return Some(r);
        }
        let t = &toks[j];
        if t.kind != TokKind::Word || matches!(w(j), "and" | "in" | "to" | "by" | "with" | "which")
        {
            return None;
        }
    }
    None
}

/// Per-period words: (period, factor to a year).
const RATES: [(&str, f64); 5] = [
    ("year", 1.0),
    ("annum", 1.0),
    ("month", 12.0),
    ("day", 365.0),
    ("week", 52.0),
];

fn rate_at(toks: &[Token], j: usize) -> Option<(f64, usize)> {
    let w = |k: usize| toks.get(k).map_or("", |t| t.lower.as_str());
    let period = |s: &str| RATES.iter().find(|(p, _)| *p == s).map(|(_, f)| *f);
    match (w(j), w(j + 1)) {
        ("a" | "per" | "each" | "every" | "/", p) if period(p).is_some() => {
            Some((period(p)?, j + 2))
        }
        ("annually" | "yearly" | "annual", _) => Some((1.0, j + 1)),
        ("monthly", _) => Some((12.0, j + 1)),
        ("daily", _) => Some((365.0, j + 1)),
        _ => None,
    }
}

/// A percent starting at token `i`.
pub fn percent_at(toks: &[Token], i: usize) -> Option<Mention> {
    let num: Num = number::number_at(toks, i)?;
    let w = |k: usize| toks.get(num.end + k).map_or("", |t| t.lower.as_str());
    let end = match (w(0), w(1), w(2)) {
        ("%", _, _) => num.end + 1,
        ("percentage", "point" | "points", _) => num.end + 2,
        ("per", "cent", _) => num.end + 2,
        ("percent" | "pct" | "pc", _, _) => num.end + 1,
        _ => return None,
    };
    let mut m = Mention::from_num(Kind::Percent, &num);
    m.tok_end = end;
    m.unit = Some("%".into());
    m.rules.push("<number> %");
    Some(qualify(toks, m, "<qualifier> <percent>"))
}

#[cfg(test)]
mod tests {
    use crate::dims::{Anchor, Kind, find_with};
    use crate::grammar;
    use crate::lang::Lang;

    /// The quantities of `s`: (text, value, unit).
    fn quantities(s: &str) -> Vec<(String, Option<f64>, Option<String>)> {
        let g = grammar::of(Lang::En).unwrap();
        let toks = g.tokenize(s, 0, s.len());
        find_with(g.dims, &toks, Anchor { published: None })
            .into_iter()
            .filter(|m| m.kind == Kind::Quantity)
            .map(|m| {
                let text = s[toks[m.tok_start].start..toks[m.tok_end - 1].end].to_string();
                (text, m.value, m.unit)
            })
            .collect()
    }

    #[test]
    fn an_m_before_a_word_of_extent_is_metres() {
        let m = |t: &str, v: f64| vec![(t.to_string(), Some(v), Some("m".to_string()))];
        assert_eq!(quantities("The tower is 828m tall."), m("828m", 828.0));
        assert_eq!(quantities("The wall is 2.5 m high."), m("2.5 m", 2.5));
        assert!(quantities("Sales were 10m below forecasts.").is_empty());
    }
}
