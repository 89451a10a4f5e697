//! STATUS, English: where a status cue stops reaching.

use crate::text::token::Token;

/// How far back a part's clause may open.
const PART_REACH: usize = 12;

/// `87 projects worth $24 billion, of which 31 have been completed`:
/// where the clause of token `k` opens with "of which", "of them",
/// "among them" or "including", its start; a cue there speaks of the
/// part, not of the whole.
pub fn part_clause(toks: &[Token], k: usize) -> Option<usize> {
    // The clause's start within a few words: a longer clause says more
    // of its own than a part.
    let from = k.saturating_sub(PART_REACH);
    let start = toks[from..k]
        .iter()
        .rposition(|t| matches!(t.lower.as_str(), "," | ";" | ":" | "(") || t.is_dash())
        .map(|p| from + p + 1)
        .or((from == 0).then_some(0))?;
    let w = |i: usize| toks.get(start + i).map_or("", |t| t.lower.as_str());
    // `…worth $36 billion, which will create 30,000 jobs`: so does a
    // clause of its own about what was named before.
    let opens = matches!((w(0), w(1)), ("of" | "among", "which" | "them"))
        || matches!(w(0), "including" | "which");
    opens.then_some(start)
}
