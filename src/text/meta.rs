//! Document metadata: front matter, datelines, and a date
//! inferred from the text when nothing else gives one.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use super::Document;
use crate::record::{DateBasis, Precision};

/// `2024-03-04`, `2024-03` or `2024`, with the precision each gives.
pub fn parse_partial_date(s: &str) -> Option<(NaiveDate, Precision)> {
    let s = s.trim();
    let s = s
        .get(..10)
        .filter(|_| s.len() > 10 && s.as_bytes()[10] == b'T')
        .unwrap_or(s);
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some((d, Precision::Day));
    }
    let parts: Vec<&str> = s.split('-').collect();
    let year: i32 = parts.first()?.parse().ok()?;
    if parts[0].len() != 4 {
        return None;
    }
    match parts.len() {
        1 => Some((NaiveDate::from_ymd_opt(year, 1, 1)?, Precision::Year)),
        2 => {
            let month: u32 = parts[1].parse().ok()?;
            Some((NaiveDate::from_ymd_opt(year, month, 1)?, Precision::Month))
        }
        _ => None,
    }
}

/// Removes a `---` front matter block from the text and applies its
/// `published`/`date`, `title`, `url`, `id` and `published_precision`.
pub fn apply_front_matter(doc: &mut Document) {
    let t = doc.text.trim_start_matches('\u{feff}');
    let Some(rest) = t.strip_prefix("---\n") else {
        return;
    };
    let Some(end) = rest.find("\n---") else {
        return;
    };
    let block = &rest[..end];
    let after = &rest[end + 4..];
    let body = after.strip_prefix('\n').unwrap_or(after).to_string();
    let mut precision = None;
    for line in block.lines() {
        let Some((k, v)) = line.split_once(':') else {
            continue;
        };
        let v = v.trim().trim_matches('"').trim_matches('\'').to_string();
        match k.trim() {
            "published" | "date" => {
                if let Some((d, p)) = parse_partial_date(&v) {
                    doc.published = Some(d);
                    doc.precision = Some(p);
                    doc.date_basis = DateBasis::FrontMatter;
                }
            }
            "published_precision" => precision = Precision::parse(&v),
            "title" if !v.is_empty() => doc.title = Some(v),
            "url" | "source_url" if !v.is_empty() => doc.url = Some(v),
            "id" | "doc_id" if !v.is_empty() => doc.id = v,
            _ => {}
        }
    }
    if doc.date_basis == DateBasis::FrontMatter && precision.is_some() {
        doc.precision = precision;
    }
    doc.text = body;
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)^[\s\p{Pd}]*[А-ЯЁA-Z][А-ЯЁA-Z\-\s]{1,40}[.,]\s+(\d{1,2})\s+(ЯНВАРЯ|ФЕВРАЛЯ|МАРТА|АПРЕЛЯ|МАЯ|ИЮНЯ|ИЮЛЯ|АВГУСТА|СЕНТЯБРЯ|ОКТЯБРЯ|НОЯБРЯ|ДЕКАБРЯ|[Яя]нваря|[Фф]евраля|[Мм]арта|[Аа]преля|[Мм]ая|[Ии]юня|[Ии]юля|[Аа]вгуста|[Сс]ентября|[Оо]ктября|[Нн]оября|[Дд]екабря)\b",
    )
    .expect("dateline regex")
});

/// The genitive month names, January first.
pub const MONTHS_GEN: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// A dateline near the top (`НУР-СУЛТАН. 24 ЯНВАРЯ - …`) gives the day and
/// month; the year is the first one after every period the text reports
/// as past, or else the year the text names most.
pub fn apply_dateline(doc: &mut Document) {
    let head: String = doc.text.chars().take(600).collect();
    let Some(c) = DATELINE.captures(&head) else {
        return apply_inferred(doc);
    };
    let day: u32 = c[1].parse().unwrap_or(0);
    let month_name = c[2].to_lowercase();
    let Some(month) = MONTHS_GEN.iter().position(|m| *m == month_name) else {
        return;
    };
    let month = month as u32 + 1;
    let year = match past_period_end(&doc.text) {
        Some(end) => (end.year()..end.year() + 2)
            .find(|&y| NaiveDate::from_ymd_opt(y, month, day).is_some_and(|d| d > end))
            .unwrap_or(end.year() + 1),
        None => match most_named_year(&doc.text) {
            Some(y) => y,
            None => return,
        },
    };
    if let Some(d) = NaiveDate::from_ymd_opt(year, month, day) {
        doc.published = Some(d);
        doc.precision = Some(Precision::Day);
        doc.date_basis = DateBasis::Dateline;
    }
}

/// With no date given anywhere, the year after the latest period the text
/// reports as over ("по итогам 2021 года" → 2022), at year precision.
pub fn apply_inferred(doc: &mut Document) {
    let Some(end) = past_period_end(&doc.text) else {
        return;
    };
    let Some(next) = end.succ_opt() else { return };
    if let Some(d) = NaiveDate::from_ymd_opt(next.year(), 1, 1) {
        doc.published = Some(d);
        doc.precision = Some(Precision::Year);
        doc.date_basis = DateBasis::Inferred;
    }
}

static PAST_PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:за|по итогам|в)\s+(?:(\d{1,2})\s+месяц\w*\s+)?((?:19|20)\d\d)\s*(?:год\w*|г\.)([^.!?]{0,120})",
    )
    .expect("past period regex")
});

static PAST_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:\w+(?:ил|ал|ел|ял|ыл|ул)[аои]?с?[ья]?|был[аои]?|стал[аои]?|достигнут\w*|отмечен\w*|составил\w*|реализован\w*)\b",
    )
    .expect("past verb regex")
});

/// The end of the latest period that the text reports in the past tense
/// (`за 11 месяцев 2021 года составил`, `по итогам 2021 года достигнут`).
pub fn past_period_end(text: &str) -> Option<NaiveDate> {
    let mut best: Option<NaiveDate> = None;
    for c in PAST_PERIOD.captures_iter(text) {
        let year: i32 = c[2].parse().ok()?;
        let tail = c.get(3).map_or("", |m| m.as_str());
        let head_is_result = c[0].to_lowercase().starts_with("по итогам");
        if !head_is_result && !PAST_VERB.is_match(tail) {
            continue;
        }
        if tail.contains("будет") || tail.contains("будут") {
            continue;
        }
        let months: u32 = c.get(1).and_then(|m| m.as_str().parse().ok()).unwrap_or(12);
        let end = month_end(year, months.clamp(1, 12));
        if best.is_none_or(|b| end > b) {
            best = Some(end);
        }
    }
    best
}

/// The last day of `month` in `year`.
pub fn month_end(year: i32, month: u32) -> NaiveDate {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|d| d.pred_opt())
        .unwrap_or(NaiveDate::MIN)
}

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b((?:19|20)\d\d)\b").expect("year regex"));

fn most_named_year(text: &str) -> Option<i32> {
    let mut counts: HashMap<i32, usize> = HashMap::new();
    for c in YEAR.captures_iter(text) {
        if let Ok(y) = c[1].parse() {
            *counts.entry(y).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(y, n)| (n, y))
        .map(|(y, _)| y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dateline_year_follows_the_latest_past_period() {
        let mut d = Document::new(
            "x",
            "Заголовок\nНУР-СУЛТАН. 24 ЯНВАРЯ - Текст. Товарооборот за 11 месяцев 2021 года составил 1 млрд.",
        );
        apply_dateline(&mut d);
        assert_eq!(d.published, NaiveDate::from_ymd_opt(2022, 1, 24));
        assert_eq!(d.date_basis, DateBasis::Dateline);
    }

    #[test]
    fn inferred_year_after_results() {
        let mut d = Document::new("x", "По итогам 2021 года достигнут показатель.");
        apply_dateline(&mut d);
        assert_eq!(d.published, NaiveDate::from_ymd_opt(2022, 1, 1));
        assert_eq!(d.precision, Some(Precision::Year));
    }

    #[test]
    fn future_years_infer_nothing() {
        let mut d = Document::new("x", "В 2027 году будет открыт завод.");
        apply_dateline(&mut d);
        assert_eq!(d.published, None);
        assert_eq!(d.date_basis, DateBasis::None);
    }

    #[test]
    fn front_matter_is_read_and_removed() {
        let mut d = Document::new("x", "---\npublished: 2024-03-04\ntitle: T\n---\nBody");
        apply_front_matter(&mut d);
        assert_eq!(d.text, "Body");
        assert_eq!(d.date_basis, DateBasis::FrontMatter);
        assert_eq!(d.title.as_deref(), Some("T"));
    }
}
