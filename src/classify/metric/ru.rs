//! METRIC, Russian: the words the metric rules look for.

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
