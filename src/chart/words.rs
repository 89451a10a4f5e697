//! The words and number formats of charts and the report, in Russian and
//! English: metric and status names, subjects, units with their
//! multipliers ("млрд долл.", "тыс. т/год") and dates. Pure functions; no
//! drawing and no frames.

use chrono::NaiveDate;

use super::labels::{fill, lookup, word};
use crate::chart::spec::Lang;
use crate::record::{Metric, Status};

/// A metric's name for titles and headings.
pub fn metric_name(metric: Metric, lang: Lang) -> &'static str {
    word(lang, &format!("metric.{}", metric.as_str()))
}

/// A status's name for legends and tables.
pub fn status_name(status: Status, lang: Lang) -> &'static str {
    word(lang, &format!("status.{}", status.as_str()))
}

/// A subject for people: `KZ+RU` → «Казахстан — Россия», `CN>RU` →
/// «Китай → Россия»; plant keys and unknown codes stay as they are.
pub fn subject_name(subject: &str, lang: Lang) -> String {
    let (parts, sep): (Vec<&str>, &str) = if subject.contains('>') {
        (subject.split('>').collect(), " → ")
    } else if !subject.contains('/') {
        // `KZ+RU`, and one party or region alone (`KZ`, `UZ-SI`).
        (subject.split('+').collect(), " — ")
    } else {
        return subject.to_string();
    };
    let names: Vec<String> = parts
        .iter()
        .map(|code| match place_name(code, lang) {
            Some(name) => name.to_string(),
            None if code.is_empty() => "?".to_string(),
            None => code.to_string(),
        })
        .collect();
    names.join(sep)
}

/// A country's or region's name by its ISO 3166 code (the codes of
/// `data/parties.tsv`), if the labels name it.
fn place_name(code: &str, lang: Lang) -> Option<&'static str> {
    lookup(lang, &format!("place.{code}"))
}

/// How figures of one unit are shown: divide by `divisor`, then write
/// `label` after the number or on the axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    /// 1, 1e3, 1e6, 1e9 or 1e12.
    pub divisor: f64,
    /// "млрд долл.", "тыс. т/год", "" for plain counts.
    pub label: String,
}

/// The scale for figures of `unit` whose largest magnitude is `max_abs`.
pub fn scale_for(unit: &str, max_abs: f64, lang: Lang) -> Scale {
    let steps: [(f64, &str); 4] = [
        (1e12, "scale.1e12"),
        (1e9, "scale.1e9"),
        (1e6, "scale.1e6"),
        (1e4, "scale.1e3"),
    ];
    let (divisor, mult) = steps
        .iter()
        .find(|s| max_abs >= s.0)
        .map(|s| {
            // 10 000 is shown in thousands, but the word says 1e3.
            let d = if s.0 == 1e4 { 1e3 } else { s.0 };
            (d, word(lang, s.1))
        })
        .unwrap_or((1.0, ""));
    let base = unit_name(unit, lang);
    let label = match (mult.is_empty(), base.is_empty()) {
        (true, _) => base,
        (false, true) => mult.to_string(),
        (false, false) => format!("{mult} {base}"),
    };
    Scale { divisor, label }
}

/// A unit's own words: `USD` → "долл.", `t/yr` → "т/год", `count` → "".
pub fn unit_name(unit: &str, lang: Lang) -> String {
    let (base, rate) = match unit.strip_suffix("/yr") {
        Some(b) => (b, true),
        None => (unit, false),
    };
    let mut name = match base {
        "count" | "" => String::new(),
        _ => lookup(lang, &format!("unit.{base}"))
            .unwrap_or(base)
            .to_string(),
    };
    if rate {
        name.push_str(word(lang, "unit.per_year"));
    }
    name
}

/// A figure with its unit, scaled for reading: 26 500 000 000 USD →
/// "26,5 млрд долл."; a range gets its upper end ("2,5–3 млрд долл.").
pub fn format_value(value: f64, value_max: Option<f64>, unit: &str, lang: Lang) -> String {
    let top = value_max.unwrap_or(value).abs().max(value.abs());
    let scale = scale_for(unit, top, lang);
    let mut s = format_number(value / scale.divisor, lang);
    if let Some(max) = value_max {
        s.push('–');
        s.push_str(&format_number(max / scale.divisor, lang));
    }
    if !scale.label.is_empty() {
        s.push(' ');
        s.push_str(&scale.label);
    }
    s
}

/// A plain number: at most two decimals below 10, one below 1000, none
/// above; thousands grouped by spaces; decimal comma in Russian.
pub fn format_number(x: f64, lang: Lang) -> String {
    let decimals = match x.abs() {
        a if a < 10.0 => 2,
        a if a < 1000.0 => 1,
        _ => 0,
    };
    let fixed = format!("{:.*}", decimals, x.abs());
    let (int, frac) = match fixed.split_once('.') {
        Some((i, f)) => (i.to_string(), f.trim_end_matches('0').to_string()),
        None => (fixed.clone(), String::new()),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push_str(word(lang, "number.group"));
        }
        grouped.push(c);
    }
    let sign = if x < 0.0 && fixed.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "−"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{}{frac}", word(lang, "number.decimal"))
    }
}

/// A figure as the article gave it: qualifier word, value and unit
/// ("около 1 млрд долл.").
pub fn qualified(
    value: f64,
    value_max: Option<f64>,
    unit: &str,
    qualifier: &str,
    lang: Lang,
) -> String {
    with_qualifier(qualifier, &format_value(value, value_max, unit, lang), lang)
}

/// A figure's words after the word its qualifier puts before it ("около
/// 1 млрд долл.", "over 5 bn USD"); the words alone for other qualifiers.
pub fn with_qualifier(qualifier: &str, figure: &str, lang: Lang) -> String {
    match qualifier {
        "approx" | "over" | "under" | "up_to" => {
            let cue = word(lang, &format!("qualifier.{qualifier}"));
            format!("{cue} {figure}")
        }
        _ => figure.to_string(),
    }
}

/// A date as people in that language write it (24.01.2022, 2022-01-24).
pub fn format_date(date: NaiveDate, lang: Lang) -> String {
    date.format(word(lang, "date.format")).to_string()
}

fn month(m: u32, lang: Lang) -> &'static str {
    word(lang, &format!("month.{}", m.clamp(1, 12)))
}

/// A period for people: a whole year is "2021", a run of whole years
/// "2023–2024", parts of one year "I пол. 2023", "III кв. 2023",
/// "март 2023", "янв–июл 2022"; anything else "01.01.2021–15.11.2021".
pub fn format_period(start: Option<NaiveDate>, end: Option<NaiveDate>, lang: Lang) -> String {
    use chrono::Datelike;
    match (start, end) {
        (Some(s), Some(e))
            if s.month() == 1 && s.day() == 1 && e.month() == 12 && e.day() == 31 =>
        {
            if s.year() == e.year() {
                s.year().to_string()
            } else {
                format!("{}–{}", s.year(), e.year())
            }
        }
        (Some(s), Some(e)) => part_of_year(s, e, lang)
            .unwrap_or_else(|| format!("{}–{}", format_date(s, lang), format_date(e, lang))),
        (None, Some(e)) => fill(lang, "period.until", &[("date", &format_date(e, lang))]),
        (Some(s), None) => fill(lang, "period.from", &[("date", &format_date(s, lang))]),
        (None, None) => String::new(),
    }
}

/// The ISO code of a country or region named as people write it, in
/// any language of the labels (`Казахстан`, `kazakhstan`): the inverse
/// of [`subject_name`].
pub fn code_of_name(name: &str) -> Option<&'static str> {
    super::labels::key_of("place.", name)
}

/// Whole months of one year, as a half, a quarter, a month or the
/// months from January.
fn part_of_year(s: NaiveDate, e: NaiveDate, lang: Lang) -> Option<String> {
    use chrono::Datelike;
    let month_end = e.succ_opt().is_some_and(|n| n.day() == 1);
    if s.year() != e.year() || s.day() != 1 || !month_end {
        return None;
    }
    let (sm, em, y) = (s.month(), e.month(), s.year());
    let part = |key: &str, n: u32| {
        let roman = ["I", "II", "III", "IV"][(n - 1) as usize];
        fill(lang, key, &[("n", &n), ("roman", &roman), ("year", &y)])
    };
    let label = match (em + 1 - sm, sm) {
        (6, 1 | 7) => part("period.half", sm / 6 + 1),
        (3, 1 | 4 | 7 | 10) => part("period.quarter", sm / 3 + 1),
        (1, _) => fill(
            lang,
            "period.month",
            &[
                ("month", &word(lang, &format!("month_name.{sm}"))),
                ("year", &y),
            ],
        ),
        (_, 1) => format!("{}–{} {y}", month(1, lang), month(em, lang)),
        _ => return None,
    };
    Some(label)
}

/// What a series of one grain is called beside its subject: nothing for
/// years, "янв–июл" for the months from January to July, and so on.
pub fn grain_name(grain: &str, lang: Lang) -> String {
    if let Some(n) = grain
        .strip_prefix("ytd-")
        .and_then(|n| n.parse::<u32>().ok())
    {
        return format!("{}–{}", month(1, lang), month(n, lang));
    }
    match grain {
        "year" => String::new(),
        "half" | "quarter" | "month" | "stock" | "deadline" => {
            word(lang, &format!("grain.{grain}")).to_string()
        }
        _ => word(lang, "grain.other").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_like_the_articles() {
        let ru = Lang::Ru;
        assert_eq!(format_value(26.5e9, None, "USD", ru), "26,5 млрд долл.");
        assert_eq!(format_value(423.3e6, None, "USD", ru), "423,3 млн долл.");
        assert_eq!(
            format_value(2.5e9, Some(3e9), "USD", ru),
            "2,5–3 млрд долл."
        );
        assert_eq!(format_value(186_000.0, None, "t/yr", ru), "186 тыс. т/год");
        assert_eq!(format_value(2500.0, None, "count", ru), "2 500");
        assert_eq!(format_value(135.0, None, "count", ru), "135");
        assert_eq!(format_value(26.5e9, None, "USD", Lang::En), "26.5 bn USD");
        assert_eq!(format_value(3.5e6, None, "pcs/yr", ru), "3,5 млн шт./год");
    }

    #[test]
    fn numbers_group_and_round() {
        assert_eq!(format_number(1234567.0, Lang::Ru), "1 234 567");
        assert_eq!(format_number(1234567.0, Lang::En), "1,234,567");
        assert_eq!(format_number(3.0, Lang::Ru), "3");
        assert_eq!(format_number(-0.5, Lang::Ru), "−0,5");
    }

    #[test]
    fn subjects_have_names() {
        assert_eq!(subject_name("KZ+RU", Lang::Ru), "Казахстан — Россия");
        assert_eq!(subject_name("KZ+RU-TA", Lang::En), "Kazakhstan — Tatarstan");
        assert_eq!(subject_name("CN>RU", Lang::Ru), "Китай → Россия");
        assert_eq!(subject_name("Сарань/шина", Lang::Ru), "Сарань/шина");
        assert_eq!(subject_name("UZ-SI", Lang::Ru), "Сырдарьинская область");
        assert_eq!(subject_name("KZ", Lang::En), "Kazakhstan");
    }

    #[test]
    fn periods_read_as_years_when_whole() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        assert_eq!(
            format_period(d("2021-01-01"), d("2021-12-31"), Lang::Ru),
            "2021"
        );
        assert_eq!(
            format_period(d("2023-01-01"), d("2024-12-31"), Lang::Ru),
            "2023–2024"
        );
        assert_eq!(
            format_period(d("2021-01-01"), d("2021-11-30"), Lang::Ru),
            "янв–ноя 2021"
        );
        assert_eq!(
            format_period(d("2023-07-01"), d("2023-09-30"), Lang::Ru),
            "III кв. 2023"
        );
        assert_eq!(
            format_period(d("2023-07-01"), d("2023-12-31"), Lang::En),
            "H2 2023"
        );
        assert_eq!(
            format_period(d("2023-03-01"), d("2023-03-31"), Lang::Ru),
            "март 2023"
        );
        assert_eq!(
            format_period(d("2021-01-01"), d("2021-11-15"), Lang::Ru),
            "01.01.2021–15.11.2021"
        );
        assert_eq!(grain_name("ytd-7", Lang::Ru), "янв–июл");
    }
}
