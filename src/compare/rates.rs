//! The annual average exchange rates of `data/rates.tsv` (units of a
//! currency per US dollar, by year), embedded in the binary and read
//! from that text, never from disk at run time.

use std::sync::LazyLock;

use polars::prelude::*;

/// The rate table as shipped.
pub const RATES_TSV: &str = include_str!("../../data/rates.tsv");

/// One row of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct Rate {
    /// Calendar year the average covers.
    pub year: i32,
    /// ISO 4217 code.
    pub currency: String,
    /// Units of `currency` per US dollar.
    pub per_usd: f64,
}

/// Parses a rate table: `year<TAB>currency<TAB>per_usd` per line, `#`
/// comments and blank lines skipped. The error names the line.
pub fn parse(text: &str) -> Result<Vec<Rate>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = || format!("rates line {}: {line:?} is not year, currency, rate", i + 1);
        let parts: Vec<&str> = line.split('\t').collect();
        let [year, currency, rate] = parts[..] else {
            return Err(bad());
        };
        let year: i32 = year.parse().map_err(|_| bad())?;
        let per_usd: f64 = rate.parse().map_err(|_| bad())?;
        let ok = currency.len() == 3 && currency.chars().all(|c| c.is_ascii_uppercase());
        if !ok || per_usd <= 0.0 || !per_usd.is_finite() {
            return Err(bad());
        }
        out.push(Rate {
            year,
            currency: currency.to_string(),
            per_usd,
        });
    }
    Ok(out)
}

static RATES: LazyLock<Vec<Rate>> = LazyLock::new(|| parse(RATES_TSV).unwrap_or_default());

/// The shipped rates, with USD = 1 added for every year present.
pub fn rates() -> Vec<Rate> {
    let mut all = RATES.clone();
    let mut years: Vec<i32> = all.iter().map(|r| r.year).collect();
    years.sort_unstable();
    years.dedup();
    all.extend(years.into_iter().map(|year| Rate {
        year,
        currency: "USD".into(),
        per_usd: 1.0,
    }));
    all
}

/// The currency codes that can be converted, sorted.
pub fn currencies() -> Vec<String> {
    let mut c: Vec<String> = rates().into_iter().map(|r| r.currency).collect();
    c.sort();
    c.dedup();
    c
}

/// First and last year of the table.
pub fn years() -> (i32, i32) {
    let ys = rates().into_iter().map(|r| r.year);
    let lo = ys.clone().min().unwrap_or(2010);
    (lo, ys.max().unwrap_or(lo))
}

/// The rates as a frame: `fx_currency`, `fx_year` (Int32), `per_usd`.
pub fn frame() -> PolarsResult<DataFrame> {
    let all = rates();
    df!(
        "fx_currency" => all.iter().map(|r| r.currency.as_str()).collect::<Vec<_>>(),
        "fx_year" => all.iter().map(|r| r.year).collect::<Vec<_>>(),
        "per_usd" => all.iter().map(|r| r.per_usd).collect::<Vec<_>>(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_table_parses_and_covers_the_required_currencies() {
        let rates = parse(RATES_TSV).unwrap();
        for cur in ["RUB", "KZT", "EUR", "CNY", "BYN", "UZS"] {
            for year in 2010..=2024 {
                let n = rates
                    .iter()
                    .filter(|r| r.currency == cur && r.year == year)
                    .count();
                assert_eq!(n, 1, "{cur} {year}");
            }
        }
        assert!(currencies().contains(&"USD".to_string()));
        assert_eq!(years().0, 2010);
    }

    #[test]
    fn rates_are_plausible_year_on_year() {
        // A typo (a digit too many or too few) shows as a jump; the
        // largest real one here is UZS in 2017 (×1.73).
        let rates = parse(RATES_TSV).unwrap();
        for r in &rates {
            if let Some(next) = rates
                .iter()
                .find(|n| n.currency == r.currency && n.year == r.year + 1)
            {
                let ratio = next.per_usd / r.per_usd;
                assert!(
                    (0.5..2.0).contains(&ratio),
                    "{} {}: ×{ratio}",
                    r.currency,
                    r.year
                );
            }
        }
    }

    #[test]
    fn a_bad_line_is_named() {
        let err = parse("# c\n2020\tRUB\t72.1\n2021\trub\tx\n").unwrap_err();
        assert!(err.starts_with("rates line 3:"), "{err}");
        assert!(parse("2020\tRUB\n").is_err());
        assert!(parse("2020\tRUB\t-1\n").is_err());
    }
}
