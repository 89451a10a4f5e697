//! The marks a chart will draw, not yet placed: plain Rust data made by
//! `chart::state` and drawn by `chart::plot`. Values are already divided
//! by the chart's scale, and every text is already in the chart's
//! language.

use chrono::NaiveDate;

use crate::record::Status;

/// A point of a line chart.
#[derive(Debug, Clone, PartialEq)]
pub struct LinePoint {
    /// Where it goes on the x axis.
    pub date: NaiveDate,
    /// The scaled figure (lower end of a range).
    pub value: f64,
    /// The scaled upper end of a range.
    pub value_max: Option<f64>,
    /// Planned, target and pipeline figures are drawn hollow and dashed.
    pub hollow: bool,
    /// The number written above the point (all the numbers of its date
    /// on the highest point of that date; empty on the others).
    pub label: String,
    /// The record the point comes from.
    pub record_id: String,
}

/// One subject's points, in date order.
#[derive(Debug, Clone, PartialEq)]
pub struct LineSeries {
    /// The subject's name, for the legend.
    pub name: String,
    /// The points, sorted by date.
    pub points: Vec<LinePoint>,
}

/// A part of a stacked bar: one status of one stock statement.
#[derive(Debug, Clone, PartialEq)]
pub struct StockSegment {
    /// Which status (colour and legend).
    pub status: Status,
    /// The scaled figure.
    pub value: f64,
    /// The number written in the segment.
    pub label: String,
    /// The record it comes from.
    pub record_id: String,
}

/// One statement of a stock: a bar at its publication date.
#[derive(Debug, Clone, PartialEq)]
pub struct StockBar {
    /// The x label (date, and subject when several are shown).
    pub label: String,
    /// A shorter x label for crowded charts (month and year).
    pub short: String,
    /// Stacked parts, in the order of [`Status::ALL`].
    pub segments: Vec<StockSegment>,
}

/// How a launch window compares with the one announced before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LaneMark {
    /// The first announcement, or one no later than the previous.
    Announced,
    /// Later than the previous announcement: the launch slipped.
    Slipped,
    /// Reported as done.
    Launched,
}

/// One announcement of a launch window: one row of a timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    /// The plant or project; empty on its later announcements.
    pub name: String,
    /// First day of the window.
    pub start: NaiveDate,
    /// Last day of the window.
    pub end: NaiveDate,
    /// Written on the bar: when and where it was announced.
    pub label: String,
    /// Colour: announced, slipped or launched.
    pub mark: LaneMark,
    /// The record it comes from.
    pub record_id: String,
}

/// One row of a target chart: a subject's target as 100 %, and how much
/// of it the latest actual reached.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetRow {
    /// The row label ("Казахстан — Татарстан · цель к 2030").
    pub name: String,
    /// The latest actual as a percentage of the target, if there is one.
    pub share: Option<f64>,
    /// Written after the bar ("факт 2024: 0,62 из 1 млрд долл. = 62 %").
    pub label: String,
    /// The target's record.
    pub target_id: String,
    /// The actual's record.
    pub actual_id: Option<String>,
}

/// What a chart shows, by kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// Nothing to show; the state's `message` says why.
    Empty,
    /// Series over dates.
    Line {
        /// One per subject.
        series: Vec<LineSeries>,
        /// First and last date of the x axis.
        x_range: (NaiveDate, NaiveDate),
        /// Top of the y axis (scaled).
        y_max: f64,
    },
    /// Stacked bars by publication date.
    Stock {
        /// One per statement, in date order.
        bars: Vec<StockBar>,
        /// Top of the y axis (scaled).
        y_max: f64,
    },
    /// Launch windows, one lane per announcement.
    Timeline {
        /// Grouped by plant, each plant's announcements in date order.
        lanes: Vec<Lane>,
        /// First and last date of the x axis.
        x_range: (NaiveDate, NaiveDate),
        /// Where the "today" line goes.
        today: NaiveDate,
    },
    /// Targets and the latest actuals, as shares of each target.
    Target {
        /// One per subject and unit.
        rows: Vec<TargetRow>,
        /// End of the percentage axis (room for the labels).
        x_max: f64,
    },
}

impl Body {
    /// The records behind the marks, in drawing order.
    pub fn record_ids(&self) -> Vec<&str> {
        match self {
            Body::Empty => vec![],
            Body::Line { series, .. } => series
                .iter()
                .flat_map(|s| s.points.iter().map(|p| p.record_id.as_str()))
                .collect(),
            Body::Stock { bars, .. } => bars
                .iter()
                .flat_map(|b| b.segments.iter().map(|s| s.record_id.as_str()))
                .collect(),
            Body::Timeline { lanes, .. } => lanes.iter().map(|l| l.record_id.as_str()).collect(),
            Body::Target { rows, .. } => rows
                .iter()
                .flat_map(|r| std::iter::once(r.target_id.as_str()).chain(r.actual_id.as_deref()))
                .collect(),
        }
    }
}
