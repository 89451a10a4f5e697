//! STATUS, English: where a status cue stops reaching.

use crate::text::token::Token;

/// `87 projects worth $24 billion, of which 31 have been completed`,
/// `…worth $36 billion, which will create 30,000 jobs`: a clause that
/// opens with "of which", "of them", "among them", "including" or
/// "which".
pub fn part_clause(toks: &[Token], k: usize) -> Option<usize> {
    super::part_clause(toks, k, |w| {
        matches!(
            w,
            ["of" | "among", "which" | "them", _] | ["including" | "which", _, _]
        )
    })
}
