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
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(df.get_column_names().iter().map(|n| n.to_string()));
    let columns = df.columns();
    for i in 0..df.height() {
        let row: Vec<String> = columns
            .iter()
            .map(|c| c.get(i).map(|v| cell(&v)).unwrap_or_default())
            .collect();
        table.add_row(row);
    }
    table.to_string()
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
    let text = if f.fract() == 0.0 && f.abs() < 1e18 {
        format!("{f:.0}")
    } else {
        let s = format!("{f:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    group_thousands(&text)
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
}
