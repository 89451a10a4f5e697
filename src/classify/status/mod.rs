//! STATUS: actual, ongoing, pipeline, planned or target, from the nearest
//! cue of the language's status cues (`ru.rs`). With no cue in
//! the sentence, the status of the sentence before (same paragraph)
//! carries over; with none there either, a default by metric and period.

pub mod ru;

use chrono::NaiveDate;

use super::Cue;
use crate::record::{Metric, Status};

/// The first status cue of a sentence (for the sentence after it).
pub fn of_sentence(cues: &[Cue]) -> Option<Status> {
    cues.iter()
        .find(|c| c.entry.col(1).is_empty())
        .and_then(|c| Status::parse(c.entry.col(0)))
}

/// The default status of a figure with no cue.
pub fn default_for(
    metric: Metric,
    period: (Option<NaiveDate>, Option<NaiveDate>),
    published: Option<NaiveDate>,
) -> Status {
    let (start, end) = period;
    let past = matches!((end, published), (Some(e), Some(p)) if e < p);
    let begun = matches!((start, published), (Some(s), Some(p)) if s <= p);
    match metric {
        Metric::Capacity | Metric::Jobs | Metric::Investment => Status::Planned,
        Metric::ProjectsCount | Metric::ProjectsValue => Status::Ongoing,
        // A launch window that ended by the day of publication (`сегодня
        // состоялось открытие`) has happened.
        Metric::LaunchDate if past || matches!((end, published), (Some(e), Some(p)) if e == p) => {
            Status::Actual
        }
        Metric::LaunchDate if begun => Status::Ongoing,
        Metric::LaunchDate => Status::Planned,
        _ if past || end.is_none() => Status::Actual,
        _ => Status::Planned,
    }
}

/// The status of a plant's figure given the plant's own status (the
/// sentence that named it): a design capacity is planned even while the
/// plant is built, and pipeline while the plant is studied; the cost of a
/// plant under way or studied takes the plant's status (decision 2 of the
/// annotation guidelines).
pub fn for_plant(metric: Metric, st: Status, own_cue: bool, plant: Option<Status>) -> Status {
    match (metric, plant) {
        (Metric::Capacity, Some(Status::Pipeline)) if st != Status::Actual || !own_cue => {
            Status::Pipeline
        }
        (Metric::Capacity, _) if st == Status::Ongoing || (st == Status::Actual && !own_cue) => {
            Status::Planned
        }
        (Metric::Investment, Some(p @ (Status::Ongoing | Status::Pipeline)))
            if st != Status::Actual =>
        {
            p
        }
        _ => st,
    }
}
