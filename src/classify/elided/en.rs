//! ELIDED UNITS, English: `110 thousand cars will be made this year. The
//! figure is to rise to 135 thousand next year.` — a sentence that speaks
//! of `the figure` counts its bare amounts in the unit of the last figure
//! of the sentence before.

use crate::dims::number::en::scale_power;
use crate::dims::{Kind, Mention};
use crate::text::token::Token;

/// Gives the bare scaled numbers of a sentence about `the figure` the
/// unit of the last quantity or amount of the sentence before.
pub fn fill_after(before: &[Mention], toks: &[Token], mentions: &mut [Mention]) {
    let Some(whole) = Mention::last_measure(before) else {
        return;
    };
    let anaphor = toks
        .windows(2)
        .any(|w| matches!(w[0].lower.as_str(), "the" | "this" | "that") && w[1].is("figure"));
    if !anaphor {
        return;
    }
    for m in mentions.iter_mut() {
        let scaled = toks[m.num_tok..m.tok_end]
            .iter()
            .any(|t| scale_power(&t.lower, false).is_some());
        if m.kind == Kind::Number && !m.vague && scaled && toks[m.num_tok].year().is_none() {
            m.take_unit_of(
                whole,
                "<number> (unit of the figure in the sentence before)",
            );
        }
    }
}
