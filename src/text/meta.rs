//! Document metadata: front matter, datelines, and a date
//! inferred from the text when nothing else gives one.

use chrono::{Datelike, NaiveDate};

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

/// The date the text states (a time stamp or a dateline) or its address
/// gives, when nothing else did: a full date in the text first, then a
/// date in the address, then a day and month whose year is a best
/// estimate; else a year inferred from the text.
pub fn apply_dateline(doc: &mut Document) {
    let stated = super::dateline::find(&doc.text);
    let url = doc.url.as_deref().and_then(super::dateline::from_url);
    let (date, precision, basis) = match (stated, url) {
        (Some(f), _) if f.precision == Precision::Day => (f.date, f.precision, DateBasis::Dateline),
        (_, Some(d)) => (d, Precision::Day, DateBasis::Url),
        (Some(f), None) => (f.date, f.precision, DateBasis::Dateline),
        (None, None) => return apply_inferred(doc),
    };
    doc.published = Some(date);
    doc.precision = Some(precision);
    doc.date_basis = basis;
}

/// With no date given anywhere, the year after the latest result the text
/// reports (an event in some month says only that the text is later) ("по итогам 2021 года" → 2022), at year precision.
pub fn apply_inferred(doc: &mut Document) {
    let Some(end) = super::dateline::past_result_end(&doc.text) else {
        return;
    };
    let Some(next) = end.succ_opt() else { return };
    if let Some(d) = NaiveDate::from_ymd_opt(next.year(), 1, 1) {
        doc.published = Some(d);
        doc.precision = Some(Precision::Year);
        doc.date_basis = DateBasis::Inferred;
    }
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
    fn events_and_modal_results_infer_nothing() {
        // An event in some month says only that the text is later.
        let mut d = Document::new("x", "In March 2019, the company opened a plant.");
        apply_dateline(&mut d);
        assert_eq!(d.published, None);
        // A result that «способен» reach is still to come.
        let mut d = Document::new("x", "По итогам 2019 года объём способен достичь 5 млрд.");
        apply_dateline(&mut d);
        assert_eq!(d.published, None);
        // A figure told for part of a year, the verb before it, is a result.
        let mut d = Document::new("x", "Exports grew 3% in the first half of 2016.");
        apply_dateline(&mut d);
        assert_eq!(d.published, NaiveDate::from_ymd_opt(2016, 1, 1));
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
