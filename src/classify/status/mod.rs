//! STATUS: actual, ongoing, pipeline, planned or target, from the nearest
//! cue of the language's status cues (`ru.rs`). With no cue in
//! the sentence, the status of the sentence before (same paragraph)
//! carries over; with none there either, a default by metric and period.

pub mod en;
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

/// Where a figure's status came from: the decisions after it read this,
/// never the rule's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusBy {
    /// A status cue near the figure.
    Cue,
    /// A word that governs the figure (`довести … до`, `вырос до`).
    Governed,
    /// The level a change starts from (`с … до`): as firm as a cue.
    StartingLevel,
    /// The status of the sentence before.
    SentenceBefore,
    /// The default for the metric and period.
    Default,
    /// As the figure before it in a list.
    AsFigureBefore,
}

impl StatusBy {
    /// Whether the figure's own words said its status.
    pub fn is_own(self) -> bool {
        matches!(self, StatusBy::Cue | StatusBy::StartingLevel)
    }

    /// The name of a rule with no words of its own, as records show it.
    pub fn name(self) -> Option<&'static str> {
        match self {
            StatusBy::SentenceBefore => Some("status:<from the sentence before>"),
            StatusBy::Default => Some("status:<default>"),
            StatusBy::AsFigureBefore => Some("status:<as the figure before it>"),
            _ => None,
        }
    }
}

/// A status rule that fired: how, and its name as records show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusRule {
    /// How the status was read.
    pub by: StatusBy,
    /// The rule's name (`status_cues:планир*`, `status:<default>`).
    pub name: String,
}

impl StatusRule {
    /// A rule of words: a cue or a governing word.
    pub fn new(by: StatusBy, name: impl Into<String>) -> StatusRule {
        StatusRule {
            by,
            name: name.into(),
        }
    }

    /// A rule with no words of its own.
    pub fn of(by: StatusBy) -> StatusRule {
        StatusRule::new(by, by.name().unwrap_or_default())
    }
}

/// How far back a part's clause may open.
const PART_REACH: usize = 12;

/// Where the clause of token `k` starts, if it starts within a few words
/// (a longer clause says more of its own than a part) with words `opens`
/// accepts (`из них`, `of which`): a status cue there speaks of the part,
/// not of the whole.
pub fn part_clause(
    toks: &[crate::text::token::Token],
    k: usize,
    opens: impl Fn([&str; 3]) -> bool,
) -> Option<usize> {
    let from = k.saturating_sub(PART_REACH);
    let start = toks[from..k]
        .iter()
        .rposition(|t| matches!(t.lower.as_str(), "," | ";" | ":" | "(") || t.is_dash())
        .map(|p| from + p + 1)
        .or((from == 0).then_some(0))?;
    let w = |i: usize| toks.get(start + i).map_or("", |t| t.lower.as_str());
    opens([w(0), w(1), w(2)]).then_some(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_cues_and_starting_levels_are_a_figures_own_status() {
        let own: Vec<StatusBy> = [
            StatusBy::Cue,
            StatusBy::Governed,
            StatusBy::StartingLevel,
            StatusBy::SentenceBefore,
            StatusBy::Default,
            StatusBy::AsFigureBefore,
        ]
        .into_iter()
        .filter(|b| b.is_own())
        .collect();
        assert_eq!(own, [StatusBy::Cue, StatusBy::StartingLevel]);
        assert_eq!(StatusRule::of(StatusBy::Default).name, "status:<default>");
    }
}
