//! The two tables of the store, defined once: the record frame (one row
//! per record, the columns of `shared/spec/records.md` after a
//! `record_id`) and the document table (one row per ingested document).
//! Everything that builds or checks one of these frames goes through the
//! column lists here, so the Parquet files, `records` and `compare` agree.

use chrono::{NaiveDate, NaiveDateTime};
use polars::prelude::*;

use crate::record::Record;
use crate::text::Document;

/// The columns of the record frame, in order, with their dtypes.
pub const RECORD_COLUMNS: [(&str, ColumnKind); 18] = [
    ("record_id", ColumnKind::Str),
    ("doc_id", ColumnKind::Str),
    ("published", ColumnKind::Date),
    ("date_basis", ColumnKind::Str),
    ("published_precision", ColumnKind::Str),
    ("metric", ColumnKind::Str),
    ("subject", ColumnKind::Str),
    ("status", ColumnKind::Str),
    ("value", ColumnKind::F64),
    ("value_max", ColumnKind::F64),
    ("unit", ColumnKind::Str),
    ("qualifier", ColumnKind::Str),
    ("period_start", ColumnKind::Date),
    ("period_end", ColumnKind::Date),
    ("quote", ColumnKind::Str),
    ("span_start", ColumnKind::I64),
    ("span_end", ColumnKind::I64),
    ("rules", ColumnKind::Str),
];

/// The columns of the document table, in order, with their dtypes.
pub const DOCUMENT_COLUMNS: [(&str, ColumnKind); 11] = [
    ("doc_id", ColumnKind::Str),
    ("content_hash", ColumnKind::Str),
    ("published", ColumnKind::Date),
    ("date_basis", ColumnKind::Str),
    ("published_precision", ColumnKind::Str),
    ("title", ColumnKind::Str),
    ("url", ColumnKind::Str),
    ("source", ColumnKind::Str),
    ("ingested_at", ColumnKind::Timestamp),
    ("records", ColumnKind::I64),
    ("rules_version", ColumnKind::Str),
];

/// The few dtypes the store uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// UTF-8 text.
    Str,
    /// A calendar date.
    Date,
    /// A 64-bit float.
    F64,
    /// A 64-bit integer.
    I64,
    /// A UTC time, in milliseconds.
    Timestamp,
}

impl ColumnKind {
    /// The polars dtype of this kind.
    pub fn dtype(self) -> DataType {
        match self {
            ColumnKind::Str => DataType::String,
            ColumnKind::Date => DataType::Date,
            ColumnKind::F64 => DataType::Float64,
            ColumnKind::I64 => DataType::Int64,
            ColumnKind::Timestamp => DataType::Datetime(TimeUnit::Milliseconds, None),
        }
    }
}

fn schema_of(columns: &[(&str, ColumnKind)]) -> Schema {
    columns
        .iter()
        .map(|(name, kind)| Field::new((*name).into(), kind.dtype()))
        .collect()
}

/// The schema of the record frame.
pub fn record_schema() -> Schema {
    schema_of(&RECORD_COLUMNS)
}

/// The schema of the document table.
pub fn document_schema() -> Schema {
    schema_of(&DOCUMENT_COLUMNS)
}

/// Checks that a frame read from disk has exactly the expected columns
/// and dtypes; the message names the first difference.
pub fn check_schema(df: &DataFrame, expected: &Schema) -> Result<(), String> {
    let got = df.schema();
    for (name, dtype) in expected.iter() {
        match got.get(name) {
            None => return Err(format!("column {name:?} is missing")),
            Some(d) if d != dtype => {
                return Err(format!("column {name:?} is {d}, expected {dtype}"));
            }
            Some(_) => {}
        }
    }
    if got.len() != expected.len() {
        return Err(format!(
            "{} columns, expected {}",
            got.len(),
            expected.len()
        ));
    }
    Ok(())
}

/// The id of a record: its document and the char span of its figure
/// (`003#1234-1249`), so the same figure keeps its id when the document
/// is extracted again and links to it survive; a second record on the
/// same span (a launch for a set of plants, then for each) adds `.k`.
pub fn record_id(doc_id: &str, span: (usize, usize), repeat: usize) -> String {
    match repeat {
        0 => format!("{doc_id}#{}-{}", span.0, span.1),
        k => format!("{doc_id}#{}-{}.{k}", span.0, span.1),
    }
}

/// Pairs each record of one document's extraction with its record id.
pub fn number_records(records: Vec<Record>) -> Vec<(String, Record)> {
    let mut seen: std::collections::HashMap<(usize, usize), usize> = Default::default();
    records
        .into_iter()
        .map(|r| {
            let span = (r.span_start, r.span_end);
            let repeat = seen.entry(span).or_default();
            let id = record_id(&r.doc_id, span, *repeat);
            *repeat += 1;
            (id, r)
        })
        .collect()
}

/// The record frame of `records` (record id, record), in the given order.
pub fn records_frame(records: &[(String, Record)]) -> PolarsResult<DataFrame> {
    let rs = || records.iter().map(|(_, r)| r);
    let text = |f: fn(&Record) -> Option<String>| -> Vec<Option<String>> { rs().map(f).collect() };
    let dates =
        |f: fn(&Record) -> Option<NaiveDate>| -> Vec<Option<NaiveDate>> { rs().map(f).collect() };
    let ids: Vec<&str> = records.iter().map(|(id, _)| id.as_str()).collect();
    let columns = vec![
        Column::new("record_id".into(), ids),
        Column::new("doc_id".into(), text(|r| Some(r.doc_id.clone()))),
        Column::new("published".into(), dates(|r| r.published)),
        Column::new(
            "date_basis".into(),
            text(|r| Some(r.date_basis.as_str().into())),
        ),
        Column::new(
            "published_precision".into(),
            text(|r| r.published_precision.map(|p| p.as_str().into())),
        ),
        Column::new("metric".into(), text(|r| Some(r.metric.as_str().into()))),
        Column::new("subject".into(), text(|r| r.subject.clone())),
        Column::new("status".into(), text(|r| Some(r.status.as_str().into()))),
        Column::new("value".into(), rs().map(|r| r.value).collect::<Vec<_>>()),
        Column::new(
            "value_max".into(),
            rs().map(|r| r.value_max).collect::<Vec<_>>(),
        ),
        Column::new("unit".into(), text(|r| r.unit.clone())),
        Column::new(
            "qualifier".into(),
            text(|r| Some(r.qualifier.as_str().into())),
        ),
        Column::new("period_start".into(), dates(|r| r.period_start)),
        Column::new("period_end".into(), dates(|r| r.period_end)),
        Column::new("quote".into(), text(|r| Some(r.quote.clone()))),
        Column::new("span_start".into(), ints(rs().map(|r| r.span_start))),
        Column::new("span_end".into(), ints(rs().map(|r| r.span_end))),
        Column::new(
            "rules".into(),
            text(|r| Some(r.rules.join(crate::record::RULES_SEPARATOR))),
        ),
    ];
    conform(DataFrame::new(records.len(), columns)?, &record_schema())
}

fn ints(values: impl Iterator<Item = usize>) -> Vec<i64> {
    values
        .map(|v| i64::try_from(v).unwrap_or(i64::MAX))
        .collect()
}

/// What the store knows about one ingested document.
#[derive(Debug, Clone)]
pub struct DocumentRow {
    /// The document.
    pub doc: Document,
    /// Hex SHA-256 of the text and the date fields.
    pub content_hash: String,
    /// When it was ingested (UTC).
    pub ingested_at: NaiveDateTime,
    /// How many records its extraction gave.
    pub records: usize,
    /// The version of the rules that made them (`RULES_VERSION`).
    pub rules_version: String,
}

/// The document table of `rows`.
pub fn documents_frame(rows: &[DocumentRow]) -> PolarsResult<DataFrame> {
    let text = |f: fn(&DocumentRow) -> Option<String>| -> Vec<Option<String>> {
        rows.iter().map(f).collect()
    };
    let columns = vec![
        Column::new("doc_id".into(), text(|r| Some(r.doc.id.clone()))),
        Column::new(
            "content_hash".into(),
            text(|r| Some(r.content_hash.clone())),
        ),
        Column::new(
            "published".into(),
            rows.iter().map(|r| r.doc.published).collect::<Vec<_>>(),
        ),
        Column::new(
            "date_basis".into(),
            text(|r| Some(r.doc.date_basis.as_str().into())),
        ),
        Column::new(
            "published_precision".into(),
            text(|r| r.doc.precision.map(|p| p.as_str().into())),
        ),
        Column::new("title".into(), text(|r| r.doc.title.clone())),
        Column::new("url".into(), text(|r| r.doc.url.clone())),
        Column::new("source".into(), text(|r| Some(r.doc.source.clone()))),
        Column::new(
            "ingested_at".into(),
            rows.iter().map(|r| r.ingested_at).collect::<Vec<_>>(),
        ),
        Column::new("records".into(), ints(rows.iter().map(|r| r.records))),
        Column::new(
            "rules_version".into(),
            text(|r| Some(r.rules_version.clone())),
        ),
    ];
    conform(DataFrame::new(rows.len(), columns)?, &document_schema())
}

/// Casts every column to the schema's dtype (an all-null column is
/// inferred as Null, a timestamp may come in another unit).
fn conform(df: DataFrame, schema: &Schema) -> PolarsResult<DataFrame> {
    let exprs: Vec<Expr> = schema
        .iter()
        .map(|(name, dtype)| col(name.clone()).cast(dtype.clone()))
        .collect();
    df.lazy().select(exprs).collect()
}
