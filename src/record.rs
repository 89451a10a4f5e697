//! The record: one figure of one statement, field for field the contract
//! of `shared/spec/records.md`. Serde names are the spec's strings, so the
//! JSONL output, the store and the evaluation all speak the same language.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a figure measures (the spec's metric table).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Trade turnover between parties (money).
    TradeTurnover,
    /// Exports, FROM>TO (money or quantity).
    Exports,
    /// Imports, FROM>TO (money or quantity).
    Imports,
    /// Money invested in something that is not a counted set of projects.
    Investment,
    /// Number of projects (`count`).
    ProjectsCount,
    /// Value of a counted set of projects (money).
    ProjectsValue,
    /// Jobs created or held (`count`).
    Jobs,
    /// Production capacity (quantity per year).
    Capacity,
    /// Production output (quantity).
    Output,
    /// When a plant or project launches: the window in the period fields.
    LaunchDate,
}

impl Metric {
    /// All metrics, in the spec's order.
    pub const ALL: [Metric; 10] = [
        Metric::TradeTurnover,
        Metric::Exports,
        Metric::Imports,
        Metric::Investment,
        Metric::ProjectsCount,
        Metric::ProjectsValue,
        Metric::Jobs,
        Metric::Capacity,
        Metric::Output,
        Metric::LaunchDate,
    ];

    /// The spec's id (`trade_turnover`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Metric::TradeTurnover => "trade_turnover",
            Metric::Exports => "exports",
            Metric::Imports => "imports",
            Metric::Investment => "investment",
            Metric::ProjectsCount => "projects_count",
            Metric::ProjectsValue => "projects_value",
            Metric::Jobs => "jobs",
            Metric::Capacity => "capacity",
            Metric::Output => "output",
            Metric::LaunchDate => "launch_date",
        }
    }

    /// Parses a spec id.
    pub fn parse(s: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a figure stands: done, under way, studied, planned or aimed at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Done, measured, achieved.
    Actual,
    /// Under way now.
    Ongoing,
    /// Under study, not yet decided.
    Pipeline,
    /// Scheduled or announced to happen.
    Planned,
    /// A goal to reach.
    Target,
}

impl Status {
    /// All statuses, in the spec's order.
    pub const ALL: [Status; 5] = [
        Status::Actual,
        Status::Ongoing,
        Status::Pipeline,
        Status::Planned,
        Status::Target,
    ];

    /// The spec's id.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Actual => "actual",
            Status::Ongoing => "ongoing",
            Status::Pipeline => "pipeline",
            Status::Planned => "planned",
            Status::Target => "target",
        }
    }

    /// Parses a spec id.
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How the text bounds the figure (около, свыше, до …).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// No cue word.
    #[default]
    Exact,
    /// около, порядка, почти, примерно.
    Approx,
    /// свыше, более, не менее.
    Over,
    /// менее, меньше.
    Under,
    /// до, не более.
    UpTo,
}

impl Qualifier {
    /// All qualifiers, in the spec's order.
    pub const ALL: [Qualifier; 5] = [
        Qualifier::Exact,
        Qualifier::Approx,
        Qualifier::Over,
        Qualifier::Under,
        Qualifier::UpTo,
    ];

    /// The spec's id.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approx => "approx",
            Qualifier::Over => "over",
            Qualifier::Under => "under",
            Qualifier::UpTo => "up_to",
        }
    }

    /// Parses a spec id.
    pub fn parse(s: &str) -> Option<Qualifier> {
        Qualifier::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

impl fmt::Display for Qualifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a document's `published` date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateBasis {
    /// A manifest file (`--manifest` or `manifest.csv` beside the texts).
    Manifest,
    /// Front matter at the top of the text.
    FrontMatter,
    /// A field of the input (a JSONL `published`, `--published`).
    Metadata,
    /// A dateline or time stamp in the text (`НУР-СУЛТАН. 24 ЯНВАРЯ`,
    /// `22 December 2021, 11:37`).
    Dateline,
    /// A date in the path of the document's address (`/2021/12/10/`).
    Url,
    /// Guessed from the years and tenses of the text.
    Inferred,
    /// Nothing gave a date.
    #[default]
    None,
}

impl DateBasis {
    /// The spec's id.
    pub fn as_str(self) -> &'static str {
        match self {
            DateBasis::Manifest => "manifest",
            DateBasis::FrontMatter => "front_matter",
            DateBasis::Metadata => "metadata",
            DateBasis::Dateline => "dateline",
            DateBasis::Url => "url",
            DateBasis::Inferred => "inferred",
            DateBasis::None => "none",
        }
    }
}

/// How much of a `published` date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// The day is known.
    Day,
    /// The month is known; the day is the 1st.
    Month,
    /// The year is known; the date is 1 January.
    Year,
}

impl Precision {
    /// The spec's id.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }

    /// Parses a spec id.
    pub fn parse(s: &str) -> Option<Precision> {
        match s {
            "day" => Some(Precision::Day),
            "month" => Some(Precision::Month),
            "year" => Some(Precision::Year),
            _ => None,
        }
    }
}

/// How the names of a record's rules are joined in one text cell (CSV of
/// `extract` and `records`, the store's `rules` column).
pub const RULES_SEPARATOR: &str = " | ";

/// Writes a date as chrono does (`2024-03-01`), for years 0–9999
/// without going through `Display` and a string per date: records are
/// written by the hundred thousand.
fn iso_date<S: serde::Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match d.map(|d| (d, iso(d))) {
        None => s.serialize_none(),
        Some((_, Some(buf))) => s.serialize_some(std::str::from_utf8(&buf).unwrap_or_default()),
        Some((d, None)) => d.serialize(s),
    }
}

/// A date as chrono writes it (`2024-03-01`), for years 0–9999; none
/// for any other year.
pub(crate) fn iso(d: NaiveDate) -> Option<[u8; 10]> {
    use chrono::Datelike;
    let year = u32::try_from(d.year()).ok().filter(|&y| y <= 9999)?;
    let digits = |n: u32, out: &mut [u8]| {
        let mut n = n;
        for b in out.iter_mut().rev() {
            *b = b'0' + (n % 10) as u8;
            n /= 10;
        }
    };
    let mut buf = *b"0000-00-00";
    digits(year, &mut buf[..4]);
    digits(d.month(), &mut buf[5..7]);
    digits(d.day(), &mut buf[8..]);
    Some(buf)
}

/// One figure of one statement, as the spec defines it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Id of the document.
    pub doc_id: String,
    /// When the statement was made.
    #[serde(serialize_with = "iso_date")]
    pub published: Option<NaiveDate>,
    /// Where `published` came from.
    pub date_basis: DateBasis,
    /// How much of `published` is known.
    pub published_precision: Option<Precision>,
    /// What the figure measures.
    pub metric: Metric,
    /// Parties (`KZ+RU`), direction (`CN>RU`) or plant key (`Сарань/шина`).
    pub subject: Option<String>,
    /// actual / ongoing / pipeline / planned / target.
    pub status: Status,
    /// The figure in base units; null for `launch_date`.
    pub value: Option<f64>,
    /// Upper end of a range.
    pub value_max: Option<f64>,
    /// ISO 4217 code, `count`, `t`, `pcs`, `vehicles`, with `/yr` for rates.
    pub unit: Option<String>,
    /// exact / approx / over / under / up_to.
    pub qualifier: Qualifier,
    /// First day of the period the figure describes (inclusive).
    #[serde(serialize_with = "iso_date")]
    pub period_start: Option<NaiveDate>,
    /// Last day of that period (inclusive).
    #[serde(serialize_with = "iso_date")]
    pub period_end: Option<NaiveDate>,
    /// The sentence the record came from.
    pub quote: String,
    /// Char offset of the figure's first char in the document text.
    pub span_start: usize,
    /// Char offset one past the figure's last char.
    pub span_end: usize,
    /// Names of the rules that made the record (not part of the spec).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Dated(#[serde(serialize_with = "iso_date")] Option<NaiveDate>);

    #[test]
    fn dates_are_written_as_chrono_writes_them() {
        let days = [
            (2024, 3, 1),
            (5, 12, 31),
            (999, 1, 9),
            (9999, 12, 31),
            (10000, 1, 1),
            (-44, 3, 15),
        ];
        for (y, m, d) in days {
            let date = NaiveDate::from_ymd_opt(y, m, d);
            assert!(date.is_some(), "{y}-{m}-{d}");
            let ours = serde_json::to_string(&Dated(date)).unwrap();
            assert_eq!(ours, serde_json::to_string(&date).unwrap(), "{y}-{m}-{d}");
        }
        assert_eq!(serde_json::to_string(&Dated(None)).unwrap(), "null");
    }
}
