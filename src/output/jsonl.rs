//! One record as one JSON line, written straight into a reused buffer:
//! the bytes `serde_json` writes for a `Record` (field order, `null`s,
//! number forms and escapes are its own, and the tests hold the two
//! equal), with a string's plain bytes passed over sixteen at a time
//! instead of looked up one by one.

use chrono::NaiveDate;

use crate::record::Record;

/// Appends `r` as one line of JSON, without the line break.
pub fn record(out: &mut Vec<u8>, r: &Record) {
    out.push(b'{');
    text_field(out, "doc_id", &r.doc_id);
    date_field(out, "published", r.published);
    text_field(out, "date_basis", r.date_basis.as_str());
    option_field(
        out,
        "published_precision",
        r.published_precision.map(|p| p.as_str()),
    );
    text_field(out, "metric", r.metric.as_str());
    option_field(out, "subject", r.subject.as_deref());
    text_field(out, "status", r.status.as_str());
    number_field(out, "value", r.value);
    number_field(out, "value_max", r.value_max);
    option_field(out, "unit", r.unit.as_deref());
    text_field(out, "qualifier", r.qualifier.as_str());
    date_field(out, "period_start", r.period_start);
    date_field(out, "period_end", r.period_end);
    text_field(out, "quote", &r.quote);
    count_field(out, "span_start", r.span_start);
    count_field(out, "span_end", r.span_end);
    if !r.rules.is_empty() {
        key(out, "rules");
        out.push(b'[');
        for (i, rule) in r.rules.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            string(out, rule);
        }
        out.push(b']');
    }
    out.push(b'}');
}

/// `"name":`, after a comma unless it is the first field.
fn key(out: &mut Vec<u8>, name: &str) {
    if out.last() != Some(&b'{') {
        out.push(b',');
    }
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\":");
}

fn text_field(out: &mut Vec<u8>, name: &str, value: &str) {
    key(out, name);
    string(out, value);
}

fn option_field(out: &mut Vec<u8>, name: &str, value: Option<&str>) {
    key(out, name);
    match value {
        Some(v) => string(out, v),
        None => out.extend_from_slice(b"null"),
    }
}

fn date_field(out: &mut Vec<u8>, name: &str, value: Option<NaiveDate>) {
    key(out, name);
    match value.map(|d| (d, crate::record::iso(d))) {
        None => out.extend_from_slice(b"null"),
        Some((_, Some(iso))) => {
            out.push(b'"');
            out.extend_from_slice(&iso);
            out.push(b'"');
        }
        Some((d, None)) => string(out, &d.to_string()),
    }
}

/// A float as `serde_json` writes one (`516100000.0`, `1e16`, `null` for
/// a NaN or an infinity), by its own formatter.
fn number_field(out: &mut Vec<u8>, name: &str, value: Option<f64>) {
    use serde_json::ser::Formatter;
    key(out, name);
    let written = value
        .filter(|v| v.is_finite())
        .is_some_and(|v| serde_json::ser::CompactFormatter.write_f64(out, v).is_ok());
    if !written {
        out.extend_from_slice(b"null");
    }
}

fn count_field(out: &mut Vec<u8>, name: &str, value: usize) {
    key(out, name);
    out.extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
}

/// `s` as a JSON string. Runs of bytes that need no escape are copied
/// whole; a control char, `"` and `\` are escaped as `serde_json` does
/// (`\n`, `\"`, `\u001f`).
pub fn string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(at) = next_escaped(b, from) {
        out.extend_from_slice(&b[from..at]);
        escape(out, b[at]);
        from = at + 1;
    }
    out.extend_from_slice(&b[from..]);
    out.push(b'"');
}

/// Bytes `next_escaped` looks at in one step.
const RUN: usize = 16;

/// The first byte at or after `from` that a JSON string must escape:
/// runs of [`RUN`] bytes with none are passed over whole.
fn next_escaped(b: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(run) = b.get(i..i + RUN)
        && let Ok(run) = <&[u8; RUN]>::try_from(run)
        && !any_escaped(run)
    {
        i += RUN;
    }
    b[i..].iter().position(|&x| escaped(x)).map(|k| i + k)
}

/// Whether a JSON string escapes the byte: a control char, `"` or `\`.
fn escaped(x: u8) -> bool {
    x < 0x20 || x == b'"' || x == b'\\'
}

/// Whether any byte of `run` is escaped: a plain loop over a fixed array
/// with no branch in it, compiled to vector instructions.
fn any_escaped(run: &[u8; RUN]) -> bool {
    run.iter().fold(0u8, |any, &x| any | u8::from(escaped(x))) != 0
}

fn escape(out: &mut Vec<u8>, x: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    match x {
        b'"' => out.extend_from_slice(b"\\\""),
        b'\\' => out.extend_from_slice(b"\\\\"),
        b'\n' => out.extend_from_slice(b"\\n"),
        b'\r' => out.extend_from_slice(b"\\r"),
        b'\t' => out.extend_from_slice(b"\\t"),
        0x08 => out.extend_from_slice(b"\\b"),
        0x0c => out.extend_from_slice(b"\\f"),
        _ => out.extend_from_slice(&[
            b'\\',
            b'u',
            b'0',
            b'0',
            HEX[usize::from(x >> 4)],
            HEX[usize::from(x & 15)],
        ]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{DateBasis, Metric, Precision, Qualifier, Status};

    fn sample() -> Record {
        Record {
            doc_id: "d-1".into(),
            published: NaiveDate::from_ymd_opt(2023, 8, 16),
            date_basis: DateBasis::Metadata,
            published_precision: Some(Precision::Day),
            metric: Metric::TradeTurnover,
            subject: Some("KZ+RU".into()),
            status: Status::Actual,
            value: Some(516_100_000.0),
            value_max: None,
            unit: Some("USD".into()),
            qualifier: Qualifier::Approx,
            period_start: NaiveDate::from_ymd_opt(2020, 1, 1),
            period_end: None,
            quote: "Оборот «вырос» на 3,5%.".into(),
            span_start: 12,
            span_end: 340,
            rules: vec!["<digits>".into(), "subject:<parties>".into()],
        }
    }

    fn same_as_serde(r: &Record) -> Result<(), String> {
        let mut ours = Vec::new();
        record(&mut ours, r);
        let theirs = serde_json::to_vec(r).map_err(|e| e.to_string())?;
        if ours == theirs {
            Ok(())
        } else {
            Err(format!(
                "{}\n{}",
                String::from_utf8_lossy(&ours),
                String::from_utf8_lossy(&theirs)
            ))
        }
    }

    #[test]
    fn a_record_is_written_as_serde_json_writes_it() {
        let r = sample();
        same_as_serde(&r).unwrap();
        let bare = Record {
            published: None,
            published_precision: None,
            subject: None,
            value: Some(f64::NAN),
            value_max: Some(1e16),
            unit: None,
            period_start: NaiveDate::from_ymd_opt(10_000, 1, 1),
            quote: "a\"b\\c\nd\te\r\u{1}\u{8}\u{c}\u{1f}\u{7f}é—".into(),
            rules: Vec::new(),
            ..r
        };
        same_as_serde(&bare).unwrap();
    }

    proptest::proptest! {
        #[test]
        fn any_text_and_numbers_are_written_as_serde_json_writes_them(
            quote in "[\\x00-\\x7f«»—а-яё€😀]{0,40}",
            id in "[\\x00-\\x21\\\\a-z]{0,12}",
            value in proptest::num::f64::ANY,
            span in 0usize..usize::MAX,
        ) {
            let r = Record { quote, doc_id: id, value: Some(value), span_end: span, ..sample() };
            proptest::prop_assert_eq!(same_as_serde(&r), Ok(()));
        }
    }
}
