//! Where an English date may begin: the start gate of `find` and the
//! modifiers a word begins.

use std::sync::LazyLock;

use super::{MODIFIERS, Modifier, month_of, ordinal};
use crate::dims::number::en::NUMBER_WORD;
use crate::lexicon::starts::WordQuestion;
use crate::text::token::{TokKind, Token};

/// Whether a date may begin at `t`: a number, or a word a modifier, a
/// core (after `the` too) or `year to date` begins with (asked once per
/// distinct word). Where this says no, `best_at` finds nothing.
pub(super) fn may_start(t: &Token) -> bool {
    static WORDS: WordQuestion = WordQuestion::built_on(
        |t| {
            let w = t.lower.as_str();
            modifiers().begins(w)
                || month_of(w).is_some()
                || w.split_once('-')
                    .is_some_and(|(x, _)| month_of(x).is_some())
                || ordinal(w).is_some()
                || NUMBER_WORD.of(t)
                || super::is_weekday(w)
                || matches!(
                    w,
                    "the"
                        | "year"
                        | "year-to-date"
                        | "since"
                        | "earlier"
                        | "between"
                        | "fy"
                        | "q"
                        | "h"
                        | "last"
                        | "previous"
                        | "past"
                        | "this"
                        | "current"
                        | "next"
                        | "coming"
                        | "yearend"
                        | "year-end"
                        | "today"
                        | "yesterday"
                        | "spring"
                        | "summer"
                        | "autumn"
                        | "fall"
                )
        },
        &[&NUMBER_WORD],
    );
    match t.kind {
        TokKind::Num | TokKind::NumDate => true,
        TokKind::Word => WORDS.of(t),
        TokKind::Punct => false,
    }
}

/// The modifiers by first word.
pub(super) fn modifiers() -> &'static crate::dims::date::ByFirst<Modifier> {
    static BY_FIRST: LazyLock<crate::dims::date::ByFirst<Modifier>> =
        LazyLock::new(|| crate::dims::date::ByFirst::new(MODIFIERS));
    &BY_FIRST
}
