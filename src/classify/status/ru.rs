//! STATUS, Russian: the status from the nearest cue of
//! `data/ru/status_cues.tsv`; a verb of reaching (`довести`, `нарастить`)
//! governs only the figure after its `до`.

use crate::classify::{Cue, cost};
use crate::dims::Mention;
use crate::record::{Qualifier, Status};
use crate::text::token::Token;

/// The most a status cue may cost and still apply.
const REACH: usize = 30;

crate::words!(REACHING, ru, "reaching_verbs.tsv");
crate::words!(GROWN, ru, "grown_verbs.tsv");

/// `довести … до 1 млрд`: the figure after `до` is the level to reach
/// (target, exact); after `вырос до` it is the level reached (exact).
pub fn governed(toks: &[Token], m: &Mention) -> Option<(Status, Qualifier, String)> {
    // The qualifier word opens the mention: `до 1 млрд`, `до $114 млрд`.
    let by_do = toks[m.tok_start..m.num_tok].iter().any(|t| t.is("до"));
    if m.qualifier != Qualifier::UpTo || !by_do {
        return None;
    }
    let from = m.tok_start.saturating_sub(14);
    // `импорт — на 29,5%, до 833,5 млн`: a growth in percent, its verb
    // elided, and the level it grew to.
    let grew_by = toks[from..m.tok_start]
        .windows(3)
        .any(|w| w[0].is("на") && w[1].kind == crate::text::token::TokKind::Num && w[2].is("%"));
    if grew_by {
        return Some((
            Status::Actual,
            Qualifier::Exact,
            "status:на <N>%, до <figure>".into(),
        ));
    }
    for t in toks[from..m.tok_start].iter().rev() {
        if REACHING.stem_of(&t.lower) {
            let st = if t.lower.starts_with("увеличит") && !t.lower.ends_with("ть") {
                Status::Planned
            } else {
                Status::Target
            };
            return Some((
                st,
                Qualifier::Exact,
                ["status:", &t.lower, " … до <figure>"].concat(),
            ));
        }
        if GROWN.stem_of(&t.lower) {
            // `вырос до` is the level reached; `может вырасти до`,
            // `вырастет до` a forecast of it.
            let ahead = ["ти", "ть", "ет", "ут"]
                .iter()
                .any(|e| t.lower.ends_with(e));
            let st = if ahead {
                Status::Planned
            } else {
                Status::Actual
            };
            return Some((
                st,
                Qualifier::Exact,
                ["status:", &t.lower, " до <figure>"].concat(),
            ));
        }
        // A full stop inside a sentence is an abbreviation's (`млн. т`).
        if matches!(t.lower.as_str(), ";" | "(" | ")") {
            break;
        }
    }
    None
}

/// `увеличит объёмы с 3 млн т до 4,5 млн т`, `довести его со 100 млрд
/// долларов в 2018 году до 200 млрд`: the level it starts from is the one
/// reached now (actual, exact).
pub fn starting_level(toks: &[Token], m: &Mention, mentions: &[Mention]) -> bool {
    let from = || {
        toks[..m.tok_start]
            .last()
            .is_some_and(|t| t.is("с") || t.is("со"))
    };
    // The next figure, past any date between them, is governed by «до».
    let to = || {
        mentions
            .iter()
            .find(|x| x.tok_start >= m.tok_end && x.is_figure())
            .is_some_and(|x| {
                toks[x.tok_start].is("до") || x.tok_start > 0 && toks[x.tok_start - 1].is("до")
            })
    };
    let change = || {
        toks[m.tok_start.saturating_sub(12)..m.tok_start]
            .iter()
            .any(|t| REACHING.stem_of(&t.lower) || GROWN.stem_of(&t.lower))
    };
    // Cheapest first: most figures have no «с» before them.
    from() && to() && change()
}

/// The status from the nearest cue, if one is in reach.
pub fn from_cues(
    toks: &[Token],
    mentions: &[Mention],
    cues: &[Cue],
    fig: (usize, usize),
) -> Option<(Status, String)> {
    cues.iter()
        .filter(|c| c.entry.col(1).is_empty())
        .filter(|c| part_clause(toks, c.start).is_none_or(|s| fig.0 >= s))
        .map(|c| (cost(toks, mentions, (c.start, c.end), fig), c))
        .filter(|(k, _)| *k <= REACH)
        .min_by_key(|(k, _)| *k)
        .and_then(|(_, c)| Some((Status::parse(c.entry.col(0))?, c.name("status_cues"))))
}

/// `85 проектов на 12 млрд, из которых 30 уже завершены`: a clause that
/// opens with «из них», «из которых» or «в том числе».
fn part_clause(toks: &[Token], k: usize) -> Option<usize> {
    super::part_clause(toks, k, |w| {
        crate::classify::elided::ru::of_them_words(w[0], w[1]) || w == ["в", "том", "числе"]
    })
}
