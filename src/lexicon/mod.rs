//! Lexicons: the word lists a domain editor extends, kept as TSV files in
//! `data/<lang>/` and embedded in the binary, and the phrase matcher they
//! share. Every line knows its file and line number, for `explain`.
//!
//! A pattern is a space-separated list of elements matched against
//! consecutive tokens (lower case, `ё` read as `е`):
//! `word` matches that word; `stem*` matches the stem plus up to four
//! letters (Russian endings); `stem**` any ending; an element ending in
//! `?` may be absent (`долл .?` matches `долл` and `долл.`); `~N` stands
//! for up to N words (`ввод* ~2 в эксплуатацию`).

pub mod memo;
pub mod starts;
pub mod stems;
pub mod words;

use std::collections::HashMap;

use crate::text::token::{Token, fold};

#[derive(Debug, Clone, PartialEq)]
enum Elem {
    Exact(String),
    /// A stem, the letters it may be followed by at most, and whether it
    /// holds a hyphen (then it matches the whole word, not its first part).
    Stem(String, usize, bool),
    /// `~2`: up to two words of any kind.
    Gap(usize),
}

impl Elem {
    fn parse(s: &str) -> (Elem, bool) {
        if let Some(n) = s.strip_prefix('~').and_then(|n| n.parse().ok()) {
            return (Elem::Gap(n), true);
        }
        let (s, optional) = match s.strip_suffix('?') {
            Some(r) if !r.is_empty() => (r, true),
            _ => (s, false),
        };
        let s = fold(s);
        let e = if let Some(stem) = s.strip_suffix("**") {
            Elem::Stem(stem.to_string(), usize::MAX, stem.contains('-'))
        } else if let Some(stem) = s.strip_suffix('*') {
            Elem::Stem(stem.to_string(), 4, stem.contains('-'))
        } else {
            Elem::Exact(s.to_string())
        };
        (e, optional)
    }

    fn matches(&self, t: &Token) -> bool {
        match self {
            Elem::Gap(_) => t.kind == crate::text::token::TokKind::Word,
            _ => self.matches_word(&t.lower),
        }
    }

    /// Whether a word or stem element matches the lower-case `w` (a gap
    /// does, whatever it is).
    fn matches_word(&self, w: &str) -> bool {
        match self {
            Elem::Gap(_) => true,
            Elem::Exact(x) => w == x,
            Elem::Stem(stem, max, hyphen) => {
                // The word's first part starts with the stem only if the
                // word does: most tokens are turned away here.
                if !w.starts_with(stem.as_str()) {
                    return false;
                }
                // `вагонов-цистерн`: a compound matches by its first part.
                // A stem with a hyphen of its own matches the whole word.
                let rest = &w[stem.len()..];
                let rest = if *hyphen {
                    rest
                } else {
                    rest.split('-').next().unwrap_or(rest)
                };
                (*max == usize::MAX || rest.chars().count() <= *max)
                    && rest.chars().all(crate::text::token::is_letter)
            }
        }
    }
}

/// One lexicon line: a pattern and the columns after it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    elems: Vec<(Elem, bool)>,
    /// The first two chars every word the second element matches begins
    /// with, when the second element is a word or a stem of two chars or
    /// more that must be there (none otherwise).
    second: Option<(char, char)>,
    /// The pattern as written.
    pub pattern: String,
    /// The other columns (value, class, …).
    pub cols: Vec<String>,
    /// The file it was read from (`data/ru/metric_cues.tsv`).
    pub file: &'static str,
    /// Its line number in that file, from 1.
    pub line: usize,
}

impl Entry {
    /// Where the line is: `data/ru/metric_cues.tsv:12`.
    pub fn place(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }

    /// Column `i` after the pattern, or "".
    pub fn col(&self, i: usize) -> &str {
        self.cols.get(i).map_or("", String::as_str)
    }

    /// The number of tokens matched at `i`, if the pattern matches there.
    pub fn match_at(&self, toks: &[Token], i: usize) -> Option<usize> {
        let k = match_from(&self.elems, toks, i)?;
        (k > i).then_some(k - i)
    }
}

/// Matches elements from token `k`; a gap takes as few words as it can.
fn match_from(elems: &[(Elem, bool)], toks: &[Token], k: usize) -> Option<usize> {
    let Some(((e, optional), rest)) = elems.split_first() else {
        return Some(k);
    };
    if let Elem::Gap(n) = e {
        return (0..=*n)
            .take_while(|j| toks[k..].iter().take(*j).all(|t| e.matches(t)))
            .find_map(|j| match_from(rest, toks, k + j));
    }
    if toks.get(k).is_some_and(|t| e.matches(t))
        && let Some(end) = match_from(rest, toks, k + 1)
    {
        return Some(end);
    }
    if *optional {
        match_from(rest, toks, k)
    } else {
        None
    }
}

/// The first two chars a word matching an entry's second element begins
/// with (see `Entry::second`).
fn second_prefix(elems: &[(Elem, bool)]) -> Option<(char, char)> {
    match elems.get(1)? {
        (Elem::Exact(w), false) => Some(prefix(w)),
        (Elem::Stem(stem, _, _), false) if stem.chars().count() >= 2 => Some(prefix(stem)),
        _ => None,
    }
}

/// The first two chars of a word: the bucket of the stems it may match.
fn prefix(w: &str) -> (char, char) {
    let mut cs = w.chars();
    (cs.next().unwrap_or_default(), cs.next().unwrap_or_default())
}

/// FNV-1a: a fast hash for the short keys of the lexicons.
#[derive(Debug, Clone, Copy, Default)]
pub struct Fnv;

impl std::hash::BuildHasher for Fnv {
    type Hasher = FnvHasher;
    fn build_hasher(&self) -> FnvHasher {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

/// The hasher of `Fnv`.
#[derive(Debug, Clone, Copy)]
pub struct FnvHasher(u64);

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Bits of the first-two-chars filter of a phrase set.
const FIRST_BITS: usize = 1 << 12;

/// The filter bit of a word's first two chars.
fn first_bit((a, b): (char, char)) -> usize {
    (a as usize).wrapping_mul(31).wrapping_add(b as usize) % FIRST_BITS
}

/// A set of phrases, matched longest first.
#[derive(Debug, Clone, Default)]
pub struct PhraseSet {
    entries: Vec<Entry>,
    by_first: HashMap<String, Vec<usize>, memo::Chunked>,
    by_prefix: HashMap<(char, char), Vec<usize>, memo::Chunked>,
    other: Vec<usize>,
    /// The bits of the first two chars of every word and stem that starts
    /// an entry: a token whose bit is clear starts none of them, and is
    /// turned away without hashing it.
    first: Vec<u64>,
    /// Its bit in the tokens' `starts`, if it is registered (`starts`).
    bit: std::sync::OnceLock<Option<u8>>,
}

impl PhraseSet {
    /// Reads the TSV lexicon `file` (`#` comments, blank lines skipped).
    pub fn from_tsv(file: &'static str, tsv: &str) -> PhraseSet {
        let mut set = PhraseSet::default();
        for (n, line) in tsv.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t').map(|c| c.trim().to_string());
            let pattern = cols.next().unwrap_or_default();
            let elems: Vec<(Elem, bool)> = pattern.split_whitespace().map(Elem::parse).collect();
            if elems.is_empty() {
                continue;
            }
            set.first.resize(FIRST_BITS / 64, 0);
            let idx = set.entries.len();
            match &elems[0] {
                (Elem::Exact(w), false) => {
                    set.mark(w);
                    set.by_first.entry(w.clone()).or_default().push(idx)
                }
                (Elem::Stem(stem, _, _), false) if stem.chars().count() >= 2 => {
                    set.mark(stem);
                    set.by_prefix.entry(prefix(stem)).or_default().push(idx)
                }
                _ => set.other.push(idx),
            }
            set.entries.push(Entry {
                second: second_prefix(&elems),
                elems,
                pattern,
                cols: cols.collect(),
                file,
                line: n + 1,
            });
        }
        set
    }

    fn mark(&mut self, w: &str) {
        let bit = first_bit(prefix(w));
        self.first[bit / 64] |= 1 << (bit % 64);
    }

    /// Whether some entry may start with a word of these first two chars.
    fn may_start(&self, first: (char, char)) -> bool {
        let bit = first_bit(first);
        self.first
            .get(bit / 64)
            .is_some_and(|b| b & (1 << (bit % 64)) != 0)
    }

    /// Whether an entry may begin at a word whose lower case is `w`: the
    /// question `starts` asks once per distinct word.
    fn may_begin(&self, w: &str) -> bool {
        self.may_begin_from(w, prefix(w))
    }

    /// `may_begin` of a word whose first two chars are `first`.
    fn may_begin_from(&self, w: &str, first: (char, char)) -> bool {
        if !self.other.is_empty() {
            return true;
        }
        // Words and stems alike mark their first two chars: most words are
        // turned away by the mark, before either map is looked in.
        self.may_start(first)
            && (self.by_first.contains_key(w)
                || self.by_prefix.get(&first).is_some_and(|es| {
                    es.iter()
                        .any(|&e| self.entries[e].elems[0].0.matches_word(w))
                }))
    }

    /// Its bit in the tokens' `starts`, if it has one.
    #[inline]
    pub fn bit(&self) -> Option<u8> {
        self.bit.get().copied().flatten()
    }

    /// Whether an entry may begin at token `t`: told by its bits where it
    /// has them, else by its word.
    pub fn may_begin_at(&self, t: &Token) -> bool {
        match self.bit().and_then(|b| t.starts.get(b)) {
            Some(yes) => yes,
            None => self.may_begin(&t.lower),
        }
    }

    /// The longest entry matching at token `i`, with its length. Most
    /// tokens are turned away by their bits, here, inline in the caller.
    #[inline]
    pub fn longest_at(&self, toks: &[Token], i: usize) -> Option<(usize, &Entry)> {
        let t = toks.get(i)?;
        if self.bit().is_some_and(|b| t.starts.rules_out(b)) {
            return None;
        }
        self.search_at(toks, i, t)
    }

    /// `longest_at` where the bits do not rule the set out.
    fn search_at(&self, toks: &[Token], i: usize, t: &Token) -> Option<(usize, &Entry)> {
        let first = prefix(&t.lower);
        if self.other.is_empty() && !self.may_start(first) {
            return None;
        }
        // The candidates in turn, exact words, then stems, then the
        // others; among matches of one length and pattern length the last
        // wins (as `max_by_key` keeps it).
        let mut best: Option<(usize, &Entry)> = None;
        let mut consider = |e: usize| {
            let entry = &self.entries[e];
            if let Some(n) = entry.match_at(toks, i) {
                let key = (n, std::cmp::Reverse(entry.pattern.len()));
                if best.is_none_or(|(bn, b)| key >= (bn, std::cmp::Reverse(b.pattern.len()))) {
                    best = Some((n, entry));
                }
            }
        };
        let exact = self
            .by_first
            .get(t.lower.as_str())
            .map_or(&[][..], Vec::as_slice);
        let stems = self.by_prefix.get(&first).map_or(&[][..], Vec::as_slice);
        // The first element of those is one word: their second is to match
        // the next token, which its first two chars may already rule out.
        let next = toks.get(i + 1).map(|n| prefix(&n.lower));
        let may_go_on = |e: &&usize| self.entries[**e].second.is_none_or(|p| next == Some(p));
        for &e in exact
            .iter()
            .chain(stems)
            .filter(may_go_on)
            .chain(&self.other)
        {
            consider(e);
        }
        best
    }

    /// Every match in `toks[from..to]`, as (token index, length, entry),
    /// longest at each position, not overlapping.
    pub fn find_all(&self, toks: &[Token], from: usize, to: usize) -> Vec<(usize, usize, &Entry)> {
        let toks = &toks[..to.min(toks.len())];
        let mut out = Vec::new();
        let mut i = from;
        // The set's bit is read once; the tokens it rules out are stepped
        // over in a tight loop.
        let bit = self.bit();
        while i < toks.len() {
            if let Some(b) = bit
                && toks[i].starts.rules_out(b)
            {
                i += 1;
                continue;
            }
            match self.search_at(toks, i, &toks[i]) {
                Some((n, e)) => {
                    out.push((i, n, e));
                    i += n;
                }
                None => i += 1,
            }
        }
        out
    }

    /// All entries.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }
}

/// A lexicon of `data/<lang>/<file>`, read once: `lexicon!(ru, units,
/// "units.tsv")` makes `units()`.
#[macro_export]
macro_rules! lexicon {
    ($(#[$doc:meta])* $lang:ident, $name:ident, $file:literal) => {
        $(#[$doc])*
        pub fn $name() -> &'static $crate::lexicon::PhraseSet {
            static SET: std::sync::OnceLock<&'static $crate::lexicon::PhraseSet> =
                std::sync::OnceLock::new();
            const FILE: &str = concat!("data/", stringify!($lang), "/", $file);
            SET.get_or_init(|| {
                $crate::lexicon::starts::register(|| {
                    $crate::lexicon::PhraseSet::from_tsv(
                        FILE,
                        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/", stringify!($lang), "/", $file)),
                    )
                })
            })
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_look_up_finds_what_trying_every_entry_finds() {
        let set = PhraseSet::from_tsv(
            "data/xx/cues.tsv",
            "в рамках\ta\nв план*\tb\nв ~2 году\tc\nна? конец\td\nпо ит* год*\te\n\
             по\tf\nвсего\tg\nвсе* в\th\n",
        );
        let text = "в рамках плана, в планах на конец года, в этом году, по итогам года \
            всего по стране, всем в конце, на конец, в, по";
        let toks = crate::text::token::tokenize(text, 0, text.len());
        for i in 0..toks.len() {
            let every = set
                .entries()
                .iter()
                .filter_map(|e| e.match_at(&toks, i).map(|n| (n, e.pattern.len())))
                .max_by_key(|&(n, len)| (n, std::cmp::Reverse(len)));
            let found = set
                .search_at(&toks, i, &toks[i])
                .map(|(n, e)| (n, e.pattern.len()));
            assert_eq!(found, every, "{}", toks[i].lower);
        }
    }

    #[test]
    fn every_entry_knows_its_file_and_line() {
        let set = PhraseSet::from_tsv(
            "data/xx/cues.tsv",
            "# pattern\tvalue\n\nfoo*\tbar\nbaz\tqux\n",
        );
        let places: Vec<String> = set.entries().iter().map(Entry::place).collect();
        assert_eq!(places, ["data/xx/cues.tsv:3", "data/xx/cues.tsv:4"]);
        let e = &crate::grammar::ru::metric_cues().entries()[0];
        assert!(
            e.place().starts_with("data/ru/metric_cues.tsv:"),
            "{}",
            e.place()
        );
    }
}
