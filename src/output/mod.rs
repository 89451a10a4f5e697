//! Writing records: `--format table|csv|jsonl`.
//!
//! JSONL is the contract: one record per line, field names and values as
//! in `shared/spec/records.md` (`doc_id`, `published`, `date_basis`,
//! `published_precision`, `metric`, `subject`, `status`, `value`,
//! `value_max`, `unit`, `qualifier`, `period_start`, `period_end`,
//! `quote`, `span_start`, `span_end`), plus `rules`: the names of the
//! rules that made the record. CSV has the same columns in that order.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::cmd::common::Format;
use crate::record::Record;

mod jsonl;

/// The CSV columns, in the spec's order: those of the record frame after
/// its `record_id` (one list, `store::schema::RECORD_COLUMNS`).
pub const COLUMNS: [&str; 17] = {
    let all = &crate::store::schema::RECORD_COLUMNS;
    let mut out = [""; 17];
    let mut i = 0;
    while i < out.len() {
        out[i] = all[i + 1].0;
        i += 1;
    }
    out
};

/// Bytes of output gathered before one write to stdout.
pub const OUT_BUFFER: usize = 64 << 10;

/// Standard output through one reused buffer of [`OUT_BUFFER`] bytes:
/// stdout alone writes at every newline, one system call per record.
pub fn stdout_buffered() -> std::io::BufWriter<std::io::StdoutLock<'static>> {
    std::io::BufWriter::with_capacity(OUT_BUFFER, std::io::stdout().lock())
}

/// Writes records to `out` in a format; the table is written when all
/// records are in.
pub struct RecordWriter<W: Write> {
    out: W,
    format: Format,
    table: Vec<Record>,
    header_done: bool,
    /// JSON lines are made here, then written at once: the many small
    /// writes of a serializer cost less into a vector than into `out`.
    line: Vec<u8>,
}

impl<W: Write> RecordWriter<W> {
    /// A writer in a format.
    pub fn new(out: W, format: Format) -> Self {
        RecordWriter {
            out,
            format,
            table: Vec::new(),
            header_done: false,
            line: Vec::new(),
        }
    }

    /// Writes (or, for a table, keeps) records.
    pub fn write(&mut self, records: &[Record]) -> std::io::Result<()> {
        match self.format {
            Format::Jsonl => {
                for r in records {
                    self.line.clear();
                    jsonl::record(&mut self.line, r);
                    self.line.push(b'\n');
                    self.out.write_all(&self.line)?;
                }
            }
            Format::Csv => {
                self.csv_header()?;
                for r in records {
                    writeln!(self.out, "{}", csv_row(r))?;
                }
            }
            Format::Table => self.table.extend_from_slice(records),
        }
        Ok(())
    }

    /// The CSV header, once.
    fn csv_header(&mut self) -> std::io::Result<()> {
        if !self.header_done {
            csv_start(&mut self.out)?;
            writeln!(self.out, "{}", COLUMNS.join(","))?;
            self.header_done = true;
        }
        Ok(())
    }

    /// Writes the table, if any, or the CSV header when no document was
    /// written (a CSV always has its header), and flushes.
    pub fn finish(mut self) -> std::io::Result<()> {
        match self.format {
            Format::Table => writeln!(self.out, "{}", table(&self.table))?,
            Format::Csv => self.csv_header()?,
            Format::Jsonl => {}
        }
        self.out.flush()
    }
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(|x| x.to_string()).unwrap_or_default()
}

/// A number in its shortest exact form (`26500000000`, `423.3`): a whole
/// number without a decimal point or an exponent.
pub fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e18 {
        return format!("{v:.0}");
    }
    serde_json::to_string(&v)
        .unwrap_or_default()
        .trim_end_matches(".0")
        .to_string()
}

static CSV_RAW: AtomicBool = AtomicBool::new(false);
static CSV_BOM: AtomicBool = AtomicBool::new(false);

/// `--bom`: CSV output starts with a UTF-8 byte-order mark, so that a
/// spreadsheet opens Cyrillic text as UTF-8.
pub fn set_csv_bom(bom: bool) {
    CSV_BOM.store(bom, Ordering::Relaxed);
}

/// Writes the byte-order mark before a CSV's header when `--bom` asks.
pub fn csv_start(out: &mut impl Write) -> std::io::Result<()> {
    if CSV_BOM.load(Ordering::Relaxed) {
        out.write_all("\u{feff}".as_bytes())?;
    }
    Ok(())
}

/// `--csv-raw`: text cells written as they are, for machine consumers.
pub fn set_csv_raw(raw: bool) {
    CSV_RAW.store(raw, Ordering::Relaxed);
}

/// A text cell made safe for a spreadsheet: one that starts with `=`,
/// `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so it is
/// never run as a formula (OWASP's advice on CSV injection). Numbers
/// never pass through here; `--csv-raw` turns it off.
pub fn csv_guard(s: &str) -> std::borrow::Cow<'_, str> {
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !CSV_RAW.load(Ordering::Relaxed) {
        format!("'{s}").into()
    } else {
        s.into()
    }
}

/// One CSV text field: guarded, then quoted when it needs to be.
pub fn csv_text(s: &str) -> String {
    csv_field(&csv_guard(s))
}

/// One CSV field, quoted when it needs to be.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn csv_row(r: &Record) -> String {
    // Which fields are text (guarded) and which numbers (never touched).
    const TEXT: [bool; 17] = [
        true, false, true, true, true, true, true, false, false, true, true, false, false, true,
        false, false, true,
    ];
    let fields = [
        r.doc_id.clone(),
        opt(&r.published),
        r.date_basis.as_str().into(),
        r.published_precision
            .map(|p| p.as_str().to_string())
            .unwrap_or_default(),
        r.metric.as_str().into(),
        opt(&r.subject),
        r.status.as_str().into(),
        r.value.map(number).unwrap_or_default(),
        r.value_max.map(number).unwrap_or_default(),
        opt(&r.unit),
        r.qualifier.as_str().into(),
        opt(&r.period_start),
        opt(&r.period_end),
        r.quote.clone(),
        r.span_start.to_string(),
        r.span_end.to_string(),
        r.rules.join(crate::record::RULES_SEPARATOR),
    ];
    fields
        .iter()
        .zip(TEXT)
        .map(|(f, text)| if text { csv_text(f) } else { csv_field(f) })
        .collect::<Vec<_>>()
        .join(",")
}

fn table(records: &[Record]) -> String {
    let header = [
        "doc",
        "published",
        "metric",
        "subject",
        "status",
        "value",
        "unit",
        "qual",
        "period",
        "quote",
    ];
    let num = crate::table::number;
    let mut rows = Vec::with_capacity(records.len());
    let mut anchors = Vec::with_capacity(records.len());
    for r in records {
        let value = match (r.value, r.value_max) {
            (Some(v), Some(m)) => format!("{}–{}", num(v), num(m)),
            (Some(v), None) => num(v),
            _ => String::new(),
        };
        let period = match (r.period_start, r.period_end) {
            (None, None) => String::new(),
            (s, e) => format!("{}..{}", opt(&s), opt(&e)),
        };
        let year = r
            .period_end
            .or(r.period_start)
            .map(|d| chrono::Datelike::year(&d));
        anchors.push(crate::table::figure_at(&r.quote, r.value, year));
        rows.push(vec![
            r.doc_id.clone(),
            opt(&r.published),
            r.metric.as_str().into(),
            opt(&r.subject),
            r.status.as_str().into(),
            value,
            opt(&r.unit),
            r.qualifier.as_str().into(),
            period,
            r.quote.clone(),
        ]);
    }
    let header = header.iter().map(|h| h.to_string()).collect();
    crate::table::fitted(header, rows, Some(9), &anchors)
}
