//! The chart spec: what to draw, never the numbers themselves.
//!
//! A [`ChartSpec`] names a chart kind, the metric (and optionally the
//! subject) whose records it shows, which date goes on the x axis, and the
//! words around it (title, note, language). It is plain serde data, so a
//! spec can be written down, kept with the report and read back; the
//! records come separately, as a polars frame, and are turned into marks by
//! `chart::state`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::record::Metric;

/// The version of the spec layout; bump it when a field changes meaning.
pub const SPEC_VERSION: u32 = 1;

/// The kinds of chart factline draws.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    /// A metric over its periods, one series per subject, points styled by
    /// status.
    #[default]
    Line,
    /// A stock (e.g. joint projects) over `published`, stacked by status.
    Stock,
    /// Launch windows per plant or project, one bar per announcement.
    Timeline,
    /// Targets against the latest actual figure.
    Target,
}

impl ChartKind {
    /// The id used in file names and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            ChartKind::Line => "line",
            ChartKind::Stock => "stock",
            ChartKind::Timeline => "timeline",
            ChartKind::Target => "target",
        }
    }
}

pub use crate::lang::Lang;

/// Which date of a record places it on the x axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum XAxis {
    /// The period the figure describes: its middle, or its end when only
    /// the end is known (a target's deadline).
    #[default]
    Period,
    /// When the statement was made (stocks).
    Published,
}

/// One chart: kind, selection and words. Refers to records by metric id
/// and subject; never holds figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChartSpec {
    /// Layout version ([`SPEC_VERSION`]).
    pub version: u32,
    /// What kind of chart.
    pub kind: ChartKind,
    /// The metric whose records are shown.
    pub metric: Metric,
    /// Only this subject (`KZ+RU`, `Сарань/шина`); all subjects when None.
    pub subject: Option<String>,
    /// Only figures of this grain (`year`, `ytd-7`, `stock` …, see
    /// `compare`); every grain, each its own series, when None.
    #[serde(default)]
    pub grain: Option<String>,
    /// Which date goes on the x axis (line charts).
    pub x: XAxis,
    /// A title of one's own; a generated one when None.
    pub title: Option<String>,
    /// A line of one's own under the source note.
    pub note: Option<String>,
    /// Language of the words.
    pub lang: Lang,
    /// The "today" of timelines and overdue launches; the run's date when
    /// None.
    pub as_of: Option<NaiveDate>,
}

impl ChartSpec {
    /// A spec with defaults for everything but kind and metric; the x axis
    /// follows the kind (stocks by `published`, the rest by period).
    pub fn new(kind: ChartKind, metric: Metric) -> ChartSpec {
        let x = match kind {
            ChartKind::Stock => XAxis::Published,
            _ => XAxis::Period,
        };
        ChartSpec {
            version: SPEC_VERSION,
            kind,
            metric,
            subject: None,
            grain: None,
            x,
            title: None,
            note: None,
            lang: Lang::Ru,
            as_of: None,
        }
    }

    /// The same spec for one subject.
    pub fn subject(mut self, subject: impl Into<String>) -> ChartSpec {
        self.subject = Some(subject.into());
        self
    }

    /// The same spec for one grain.
    pub fn grain(mut self, grain: impl Into<String>) -> ChartSpec {
        self.grain = Some(grain.into());
        self
    }

    /// The same spec in another language.
    pub fn lang(mut self, lang: Lang) -> ChartSpec {
        self.lang = lang;
        self
    }

    /// The same spec with its own title.
    pub fn title(mut self, title: impl Into<String>) -> ChartSpec {
        self.title = Some(title.into());
        self
    }

    /// The same spec with a fixed "today".
    pub fn as_of(mut self, date: NaiveDate) -> ChartSpec {
        self.as_of = Some(date);
        self
    }

    /// A file stem naming kind, metric, subject and grain
    /// (`line-trade_turnover-KZ_RU-year`), safe on every file system and
    /// different for different specs: when the subject loses characters
    /// to the slug (`CN>RU` and `CN+RU` both give `CN_RU`), a short hash of
    /// the subject follows.
    pub fn file_stem(&self) -> String {
        let mut stem = format!("{}-{}", self.kind.as_str(), self.metric);
        if let Some(s) = &self.subject {
            stem.push('-');
            stem.push_str(&slug(s));
            if slug(s) != *s {
                stem.push('-');
                stem.push_str(&short_hash(s));
            }
        }
        if let Some(g) = &self.grain {
            stem.push('-');
            stem.push_str(&slug(g));
        }
        stem
    }
}

/// Keeps letters and digits (Cyrillic too) and turns the rest into `_`.
pub fn slug(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_alphanumeric() { c } else { '_' })
        .collect()
}

/// Six hex digits of the SHA-256 of a text.
fn short_hash(s: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(s.as_bytes());
    digest[..3].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_round_trips_through_json() {
        let spec = ChartSpec::new(ChartKind::Stock, Metric::ProjectsCount).subject("KZ+RU");
        let json = serde_json::to_string(&spec).unwrap();
        assert!(json.contains(r#""kind":"stock""#), "{json}");
        assert!(json.contains(r#""x":"published""#), "{json}");
        let back: ChartSpec = serde_json::from_str(&json).unwrap();
        assert_eq!(back, spec);
    }

    #[test]
    fn file_stem_is_safe() {
        let spec = ChartSpec::new(ChartKind::Timeline, Metric::LaunchDate).subject("Сарань/шина");
        let stem = spec.file_stem();
        assert!(
            stem.starts_with("timeline-launch_date-Сарань_шина-"),
            "{stem}"
        );
        assert!(
            stem.chars()
                .all(|c| c.is_alphanumeric() || "-_".contains(c))
        );
    }

    #[test]
    fn subjects_that_slug_alike_and_grains_get_their_own_stems() {
        let of = |s: &str| ChartSpec::new(ChartKind::Line, Metric::Exports).subject(s);
        assert_ne!(of("CN>RU").file_stem(), of("CN+RU").file_stem());
        let year = of("CN>RU").grain("year").file_stem();
        let months = of("CN>RU").grain("ytd-7").file_stem();
        assert_ne!(year, months);
        assert!(months.ends_with("-ytd_7"), "{months}");
    }
}
