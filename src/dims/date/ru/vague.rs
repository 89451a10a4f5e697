//! Loose dates with no number that news says by words alone: `на днях`,
//! `накануне`, `в минувшие выходные`, `к Новому году`, `в майские
//! праздники`. They have no exact period; a reader marks them, no record
//! takes them. (`в последние годы` is a length of time: `lengths.rs`.)

use super::{Anchor, Core, rule};
use crate::dims::Grain;
use crate::dims::span::loose;
use crate::text::token::Token;

fn w(toks: &[Token], k: usize) -> &str {
    toks.get(k).map_or("", |t| t.lower.as_str())
}

/// Words before `выходные` that say which weekend (`в минувшие выходные`).
const NEAR: [&str; 7] = [
    "эти",
    "ближайшие",
    "предстоящие",
    "прошедшие",
    "минувшие",
    "прошлые",
    "следующие",
];

/// Holidays by the adjective before `праздники` or `каникулы`.
const HOLIDAYS: [&str; 3] = ["новогодние", "майские", "рождественские"];

/// Whether a vague date can begin with `word`.
pub(super) fn may_begin(word: &str) -> bool {
    NEAR.contains(&word)
        || HOLIDAYS.contains(&word)
        || matches!(
            word,
            "днях" | "накануне" | "выходные" | "новому" | "новый" | "нового"
        )
}

/// A vague date at `k` (after its preposition, if any).
pub(super) fn vague_at(toks: &[Token], k: usize, _a: Anchor) -> Option<Core> {
    let prev = w(toks, k.wrapping_sub(1));
    let word = w(toks, k);
    let one = |grain, name| Some((k + 1, loose(None, None, grain), rule(name)));
    match word {
        "днях" if prev == "на" => return one(Grain::Day, "на днях"),
        "накануне" => return one(Grain::Day, "накануне"),
        "выходные" if matches!(prev, "в" | "на") => {
            return one(Grain::Day, "в выходные");
        }
        "новому" | "новый" | "нового" if w(toks, k + 1).starts_with("год") => {
            let cap = toks[k].cap;
            let p = matches!(prev, "к" | "на" | "под" | "в" | "после" | "до" | "с");
            return (cap && p).then(|| (k + 2, loose(None, None, Grain::Day), rule("Новый год")));
        }
        _ => {}
    }
    let next = w(toks, k + 1);
    if HOLIDAYS.contains(&word) && matches!(next, "праздники" | "каникулы") {
        return Some((k + 2, loose(None, None, Grain::Range), rule("<holidays>")));
    }
    (NEAR.contains(&word) && next == "выходные" && matches!(prev, "в" | "на")).then(|| {
        (
            k + 2,
            loose(None, None, Grain::Day),
            rule("<near> выходные"),
        )
    })
}
