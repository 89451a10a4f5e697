//! METRIC, Russian: the names of the rules that read a metric from the
//! class of what a quantity counts, and the words they look for.

/// `12 проектов на 5 млрд`: the worth of the projects counted.
pub const PROJECTS_VALUE: &str = "<N projects> на <money>";
/// A count of projects.
pub const PROJECTS_COUNT: &str = "<N> проектов";
/// A count of plants opened under a programme.
pub const PLANTS_OPENED: &str = "<N> предприятий <opened>";
/// A count of jobs.
pub const JOBS: &str = "<N> рабочих мест";

crate::words!(
    /// Verbs of result before a figure (`составив`): its cue reaches twice as far.
    pub RESULT_VERBS, ru, "result_verbs.tsv"
);
crate::words!(
    /// Words of opening plants (`открытие`, `ввод`).
    pub OPENED, ru, "opened_words.tsv"
);
crate::words!(
    /// Words of a yearly rate said earlier in the clause (`ежегодно`).
    pub YEARLY, ru, "yearly_words.tsv"
);
