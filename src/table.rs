//! Writing a finished polars `DataFrame` in one of the output formats of
//! [`Format`]: an aligned table for a terminal, CSV with a header, or
//! JSONL (one object per row, keys = column names, dates as
//! `YYYY-MM-DD`, nulls as `null`). It formats; it neither reads the store
//! nor computes anything.

use std::io::Write;

use comfy_table::{ContentArrangement, Table, presets};
use polars::prelude::*;

use crate::cmd::common::Format;

/// Longest text shown in a table cell; longer text ends in `…`.
const MAX_CELL_CHARS: usize = 60;

/// Writes `df` to `out` in `format`.
pub fn write(df: &mut DataFrame, format: Format, mut out: impl Write) -> anyhow::Result<()> {
    match format {
        Format::Table => writeln!(out, "{}", render_table(df))?,
        Format::Csv => {
            crate::output::csv_start(&mut out)?;
            CsvWriter::new(&mut out)
                .include_header(true)
                .with_float_scientific(Some(false))
                .finish(&mut guarded(df)?)?
        }
        Format::Jsonl if df.height() == 0 => {}
        Format::Jsonl => JsonWriter::new(&mut out)
            .with_json_format(JsonFormat::JsonLines)
            .finish(df)?,
    }
    out.flush()?;
    Ok(())
}

/// The frame with its text columns guarded against spreadsheet
/// formulas (`crate::output::csv_guard`); number columns as they are.
fn guarded(df: &DataFrame) -> PolarsResult<DataFrame> {
    let mut out = df.clone();
    for name in df.get_column_names_owned() {
        let col = df.column(&name)?;
        if col.dtype() != &DataType::String {
            continue;
        }
        let safe = col.str()?.apply_values(crate::output::csv_guard);
        out.with_column(safe.with_name(name).into_column())?;
    }
    Ok(out)
}

/// Writes `df` to standard output in `format`.
pub fn print(df: &mut DataFrame, format: Format) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    write(df, format, std::io::BufWriter::new(stdout.lock()))
}

/// The frame as an aligned table: a header row, one row per record,
/// long text cut, nulls blank, large numbers grouped by thousands.
pub fn render_table(df: &DataFrame) -> String {
    let header: Vec<String> = df
        .get_column_names()
        .iter()
        .map(|n| n.to_string())
        .collect();
    let columns = df.columns();
    let at = |name: &str| header.iter().position(|h| h == name);
    let (quote, value, start, end) = (
        at("quote"),
        at("value"),
        at("period_start"),
        at("period_end"),
    );
    let mut rows = Vec::with_capacity(df.height());
    let mut anchors = Vec::with_capacity(df.height());
    for i in 0..df.height() {
        let raw = |c: Option<usize>| c.and_then(|c| columns[c].get(i).ok());
        let row: Vec<String> = columns
            .iter()
            .enumerate()
            .map(|(j, c)| match c.get(i) {
                Ok(v) if Some(j) == quote => plain(&v),
                Ok(v) => cell(&v),
                Err(_) => String::new(),
            })
            .collect();
        let value = raw(value).and_then(|v| v.extract::<f64>());
        let year = raw(end)
            .or(raw(start))
            .map(|v| plain(&v))
            .and_then(|d| d.get(..4).and_then(|y| y.parse().ok()));
        anchors.push(quote.map_or(0, |q| figure_at(&row[q], value, year)));
        rows.push(row);
    }
    fitted(header, rows, quote, &anchors)
}

/// `rows` as text that fits the terminal: a table whose quote column (if
/// any) gets the width the other columns leave, cut around each row's
/// figure (`anchors`: its char offset in the quote); on a terminal too
/// narrow for that, one line of fields per row with its quote cut to the
/// width on the line below.
pub fn fitted(
    header: Vec<String>,
    mut rows: Vec<Vec<String>>,
    quote: Option<usize>,
    anchors: &[usize],
) -> String {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if let Some(q) = quote {
        match quote_width(&table, &header, &rows, q) {
            Fit::Column(width) => {
                for (row, &at) in rows.iter_mut().zip(anchors) {
                    row[q] = quote_window(&row[q], at, width);
                }
            }
            Fit::Lines(width) => return lines(&rows, q, anchors, width),
        }
    }
    table.set_header(header);
    for row in rows {
        table.add_row(row);
    }
    table.to_string()
}

/// How the quote fits.
enum Fit {
    /// In its column, this wide.
    Column(usize),
    /// On a line of its own, this wide.
    Lines(usize),
}

/// The quote's room: `MAX_CELL_CHARS` when the output is not a terminal,
/// what the other columns leave on one (at least 24), or a line of its
/// own when they leave less.
fn quote_width(table: &Table, header: &[String], rows: &[Vec<String>], quote: usize) -> Fit {
    let Some(total) = table.width() else {
        return Fit::Column(MAX_CELL_CHARS);
    };
    let widest = |j: usize| {
        rows.iter()
            .map(|r| r[j].chars().count())
            .chain([header[j].chars().count()])
            .max()
            .unwrap_or(0)
    };
    let others: usize = (0..header.len()).filter(|&j| j != quote).map(widest).sum();
    // Each column adds a border and a space on either side.
    let left = (total as usize).saturating_sub(others + 3 * header.len() + 1);
    if left < 24 {
        return Fit::Lines((total as usize).saturating_sub(4).max(24));
    }
    Fit::Column(left.min(MAX_CELL_CHARS * 2))
}

/// One line of fields per row (empty ones left out), the quote below it.
fn lines(rows: &[Vec<String>], quote: usize, anchors: &[usize], width: usize) -> String {
    let mut out = String::new();
    for (row, &at) in rows.iter().zip(anchors) {
        let fields: Vec<&str> = row
            .iter()
            .enumerate()
            .filter(|(j, f)| *j != quote && !f.is_empty())
            .map(|(_, f)| f.as_str())
            .collect();
        out.push_str(&fields.join("  "));
        out.push_str("\n    ");
        out.push_str(&quote_window(&row[quote], at, width));
        out.push('\n');
    }
    out
}

/// A quote cut to `width` chars around the char offset `at` of its
/// figure, with `…` where it was cut.
pub fn quote_window(quote: &str, at: usize, width: usize) -> String {
    let chars: Vec<char> = quote.chars().collect();
    if chars.len() <= width {
        return quote.to_string();
    }
    let start = at.saturating_sub(width / 3).min(chars.len() - width);
    let end = start + width;
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let (from, to) = (
        start + usize::from(start > 0),
        end - usize::from(end < chars.len()),
    );
    out.extend(&chars[from..to]);
    if end < chars.len() {
        out.push('…');
    }
    out
}

/// The char offset of a record's figure in its quote ([`figure_span`]'s
/// start), else 0.
pub fn figure_at(quote: &str, value: Option<f64>, year: Option<i32>) -> usize {
    figure_span(quote, value, year).map_or(0, |(start, _)| start)
}

/// The chars of a quote that state a record's figure: the first run of
/// digits that starts with the value's leading digits (`423,3` for
/// 423 300 000) or, with no value, the year of its period; with a
/// currency sign before it and the scale word after it (`$110,75 млрд`,
/// `423,3 миллиона`).
pub fn figure_span(quote: &str, value: Option<f64>, year: Option<i32>) -> Option<(usize, usize)> {
    let chars: Vec<char> = quote.chars().collect();
    let start = digits_at(&chars, value, year)?;
    let mut end = start;
    while end < chars.len() && (chars[end].is_ascii_digit() || number_gap(&chars, end)) {
        end += 1;
    }
    let mut from = start;
    while from > 0 && matches!(chars[from - 1], '$' | '€' | '£' | '¥' | '₸' | '₽') {
        from -= 1;
    }
    if value.is_some() {
        end = scale_word_end(&chars, end);
    }
    Some((from, end))
}

/// A separator inside a number (`1 200`, `423,3`) rather than after it.
fn number_gap(chars: &[char], i: usize) -> bool {
    matches!(chars[i], ',' | '.' | ' ' | '\u{a0}' | '\u{202f}')
        && chars.get(i + 1).is_some_and(char::is_ascii_digit)
}

/// The end of a scale word right after a number (`млрд`, `миллиона`,
/// `тыс.`, `billion`, `bn`), or `end` as it is.
fn scale_word_end(chars: &[char], end: usize) -> usize {
    let word_start = end + usize::from(chars.get(end).is_some_and(|c| c.is_whitespace()));
    let mut k = word_start;
    while k < chars.len() && chars[k].is_alphabetic() {
        k += 1;
    }
    let word: String = chars[word_start..k]
        .iter()
        .collect::<String>()
        .to_lowercase();
    // A quote is in its article's language, not the labels': the scale
    // words of every language count.
    let listed = |key: &str| {
        crate::chart::labels::every_language(key)
            .flat_map(str::split_whitespace)
            .any(|w| w == word)
    };
    let prefixed = crate::chart::labels::every_language("quote.scale_prefixes")
        .flat_map(str::split_whitespace)
        .any(|s| word.starts_with(s));
    if !(listed("quote.scale_words") || prefixed) {
        return end;
    }
    k + usize::from(chars.get(k) == Some(&'.'))
}

/// The first run of digits in `chars` whose digits start with the value's
/// leading digits (or the year).
fn digits_at(chars: &[char], value: Option<f64>, year: Option<i32>) -> Option<usize> {
    let lead = value
        .filter(|v| v.is_finite() && *v != 0.0)
        .map(|v| format!("{:e}", v.abs()).replace('.', ""))
        .map(|s| {
            s.chars()
                .take_while(char::is_ascii_digit)
                .take(2)
                .collect::<String>()
        })
        .or_else(|| year.map(|y| y.to_string()));
    let lead = lead.filter(|l| !l.is_empty())?;
    (0..chars.len())
        .filter(|&i| chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_digit()))
        .find(|&i| {
            let run: String = chars[i..]
                .iter()
                .take_while(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | '\u{a0}'))
                .filter(|c| c.is_ascii_digit())
                .collect();
            run.starts_with(&lead)
        })
}

/// A value as text with nothing cut (the quote is cut by `fitted`).
fn plain(v: &AnyValue) -> String {
    match v {
        AnyValue::Null => String::new(),
        AnyValue::String(s) => s.to_string(),
        AnyValue::StringOwned(s) => s.to_string(),
        other => other.to_string(),
    }
}

/// One value as table text.
fn cell(v: &AnyValue) -> String {
    match v {
        AnyValue::Null => String::new(),
        AnyValue::String(s) => cut(s),
        AnyValue::StringOwned(s) => cut(s),
        AnyValue::Float64(f) => number(*f),
        AnyValue::Float32(f) => number(f64::from(*f)),
        other => other.to_string(),
    }
}

fn cut(s: &str) -> String {
    if s.chars().count() <= MAX_CELL_CHARS {
        return s.to_string();
    }
    let mut t: String = s.chars().take(MAX_CELL_CHARS - 1).collect();
    t.push('…');
    t
}

/// A float as an analyst reads it: whole numbers without decimals and in
/// groups of three (26 500 000 000), others with up to two decimals.
pub fn number(f: f64) -> String {
    if !f.is_finite() {
        return f.to_string();
    }
    let two: f64 = format!("{f:.2}").parse().unwrap_or(f);
    group_thousands(&crate::output::number(two))
}

fn group_thousands(text: &str) -> String {
    let (sign, rest) = match text.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", text),
    };
    let (int, frac) = match rest.find('.') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    if int.len() <= 4 {
        return text.to_string();
    }
    let mut out = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(ch);
    }
    format!("{sign}{out}{frac}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame() -> DataFrame {
        df!(
            "subject" => ["KZ+RU", "Сарань/шина"],
            "value" => [Some(26_500_000_000.0), None],
            "share" => [Some(42.33333), Some(-1.5)],
        )
        .unwrap()
    }

    #[test]
    fn numbers_read_as_an_analyst_writes_them() {
        assert_eq!(number(26_500_000_000.0), "26 500 000 000");
        assert_eq!(number(4200.0), "4200");
        assert_eq!(number(-12345.5), "-12 345.5");
        assert_eq!(number(42.33333), "42.33");
        assert_eq!(number(0.0), "0");
        // The exact form of a CSV, rounded and grouped: no exponent.
        assert_eq!(crate::output::number(2e16), "20000000000000000");
        assert_eq!(number(2e16), "20 000 000 000 000 000");
        assert_eq!(crate::output::number(0.125), "0.125");
        assert_eq!(number(0.125), "0.12");
    }

    #[test]
    fn csv_has_header_plain_floats_and_empty_nulls() {
        let mut out = Vec::new();
        write(&mut frame(), Format::Csv, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "subject,value,share");
        assert_eq!(lines[1], "KZ+RU,26500000000,42.33333");
        assert_eq!(lines[2], "Сарань/шина,,-1.5");
    }

    #[test]
    fn jsonl_is_one_object_per_row_with_nulls() {
        let mut out = Vec::new();
        write(&mut frame(), Format::Jsonl, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let rows: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0]["value"], 26_500_000_000.0);
        assert!(rows[1]["value"].is_null());
        assert_eq!(rows[1]["subject"], "Сарань/шина");
    }

    #[test]
    fn empty_frame_writes_no_jsonl_lines() {
        let mut out = Vec::new();
        let mut df = frame().head(Some(0));
        write(&mut df, Format::Jsonl, &mut out).unwrap();
        assert!(out.is_empty());
    }

    #[test]
    fn table_cuts_long_text_and_blanks_nulls() {
        let long = "д".repeat(100);
        let df = df!("quote" => [Some(long.as_str()), None]).unwrap();
        let text = render_table(&df);
        assert!(text.contains('…'));
        assert!(!text.contains(&long));
        assert!(!text.contains("null"));
    }

    #[test]
    fn a_long_quote_is_cut_around_its_figure() {
        let q = "В начале года министр сообщил журналистам, что товарооборот за 11 месяцев составил 423,3 миллиона долларов, а к концу года вырастет.";
        let at = figure_at(q, Some(423_300_000.0), None);
        assert_eq!(q.chars().skip(at).take(5).collect::<String>(), "423,3");
        let (s, e) = figure_span(q, Some(423_300_000.0), None).unwrap();
        let said: String = q.chars().skip(s).take(e - s).collect();
        assert_eq!(said, "423,3 миллиона");
        let q2 = "Объём превысил $110,75 млрд.";
        let (s, e) = figure_span(q2, Some(110_750_000_000.0), None).unwrap();
        assert_eq!(
            q2.chars().skip(s).take(e - s).collect::<String>(),
            "$110,75 млрд."
        );
        let w = quote_window(q, at, 40);
        assert_eq!(w.chars().count(), 40);
        assert!(
            w.contains("423,3") && w.starts_with('…') && w.ends_with('…'),
            "{w}"
        );
        let year = figure_at("Завод запустят до конца 2027 года.", None, Some(2027));
        assert_eq!(year, 24);
        assert_eq!(quote_window("коротко", 0, 40), "коротко");
    }
}
