//! Sentences: where one statement ends and the next begins.
//!
//! A sentence ends at `.`, `!`, `?` or `…` followed by a space and a
//! capital, a digit, a quote or a dash; at a line break; and at a full stop
//! glued to a capital after a lower-case word (`Токаев.Премьер-министр`,
//! pages pasted together). A full stop after an initial (`Р. Скляр`) or
//! an abbreviation before a name (`им. Ленина`) does not end a sentence;
//! after `тыс.` or `млрд.` a lower-case word goes on with the sentence.
//! A run of text longer than `MAX_BYTES` with no boundary (a table, a
//! dump) is cut at a space, so that no rule ever works on more than one
//! bounded piece at a time and the cost stays linear in the text.

pub mod ru;

/// A sentence: byte offsets into the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Index of the paragraph (block of text between line breaks).
    pub paragraph: usize,
    /// Char offset of the first byte (record spans count chars).
    pub char_start: usize,
}

impl Sentence {
    /// The sentence's text.
    pub fn text<'a>(&self, doc: &'a str) -> &'a str {
        &doc[self.start..self.end]
    }

    /// The char offset in the document of byte `b` of this sentence,
    /// counted from the sentence's start, not from the document's.
    pub fn char_at(&self, doc: &str, b: usize) -> usize {
        self.char_start + doc[self.start..b].chars().count()
    }
}

/// The longest piece of text read as one sentence, in bytes.
pub const MAX_BYTES: usize = 4096;

/// A language's words before a full stop that goes on with the sentence.
#[derive(Debug, Clone, Copy)]
pub struct GoesOn {
    /// Abbreviations that never end a sentence (`кв.`, `мес.`).
    pub abbreviations: &'static [&'static str],
    /// Scale words whose full stop goes on before a unit in Latin capitals
    /// (`500 тыс. TEU`).
    pub scales: &'static [&'static str],
    /// Abbreviated currencies, each with the country word after its full
    /// stop (`долл. США`).
    pub currency_of: &'static [(&'static str, &'static str)],
}

impl GoesOn {
    /// No words: only initials (`Р. Скляр`) go on.
    pub const NONE: GoesOn = GoesOn {
        abbreviations: &[],
        scales: &[],
        currency_of: &[],
    };
}

/// Splits a text into sentences, trimmed, in order; a full stop after one
/// of the words `on` lists goes on with the sentence.
pub fn split(text: &str, on: &GoesOn) -> Vec<Sentence> {
    // A sentence per 128 bytes about.
    let mut out = Vec::with_capacity(text.len() / 128 + 1);
    let mut paragraph = 0;
    let mut line_start = 0;
    let breaks = memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1);
    for line_end in breaks.chain((!text.is_empty()).then_some(text.len())) {
        let body = text[line_start..line_end].trim_end_matches('\n');
        if !body.trim().is_empty() {
            let line = (line_start, line_start + body.len(), paragraph);
            split_line(text, line, on, &mut out);
            paragraph += 1;
        }
        line_start = line_end;
        if line_start == text.len() {
            break;
        }
    }
    count_chars(text, &mut out);
    out
}

/// Fills each sentence's char offset in one pass over the text.
fn count_chars(text: &str, out: &mut [Sentence]) {
    let (mut byte, mut chars) = (0, 0);
    for s in out {
        chars += text[byte..s.start].chars().count();
        byte = s.start;
        s.char_start = chars;
    }
}

/// Splits the line `(from, to, paragraph)` of `text`.
fn split_line(
    text: &str,
    (from, to, paragraph): (usize, usize, usize),
    on: &GoesOn,
    out: &mut Vec<Sentence>,
) {
    let line = &text[from..to];
    let mut start = 0;
    for (i, c) in marks(line) {
        let after = i + c.len_utf8();
        let rest = &line[after..];
        let closers = rest
            .char_indices()
            .find(|&(_, c)| !matches!(c, '.' | '!' | '?' | '»' | '"' | ')' | '”'))
            .map_or(rest.len(), |(k, _)| k);
        let cut = after + closers;
        if is_boundary(line, (i, c, cut), on) {
            push(text, from + start, from + cut, paragraph, out);
            start = cut;
        }
    }
    push(text, from + start, to, paragraph, out);
}

/// The marks that may end a sentence (`.`, `!`, `?`, `…`) in `line`, in
/// order, with their bytes: found by `memchr`, not by reading every char.
fn marks(line: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let b = line.as_bytes();
    let mut ascii = memchr::memchr3_iter(b'.', b'!', b'?', b).peekable();
    static ELLIPSIS: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("…"));
    let mut ellipsis = ELLIPSIS.find_iter(b).peekable();
    std::iter::from_fn(
        move || match (ascii.peek().copied(), ellipsis.peek().copied()) {
            (Some(a), Some(e)) if e < a => ellipsis.next().map(|e| (e, '…')),
            (Some(_), _) => ascii.next().map(|a| (a, char::from(b[a]))),
            (None, _) => ellipsis.next().map(|e| (e, '…')),
        },
    )
}

/// Whether the mark `c` at byte `i` of `line`, with its closing marks
/// up to byte `j`, ends a sentence.
fn is_boundary(line: &str, (i, c, j): (usize, char, usize), on: &GoesOn) -> bool {
    let Some(next) = line[j..].chars().next() else {
        return false;
    };
    if c == '.'
        && let Some(word) = short_word_before(line, i)
        && (is_abbreviation(word, on) || currency_country(word, line, j, on))
    {
        return false;
    }
    if next.is_whitespace() {
        return line[j..]
            .chars()
            .find(|c| !c.is_whitespace())
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "«\"“—–-$€".contains(c));
    }
    // `Токаев.Премьер`: a lower-case word glued to a capital.
    let mut back = line[..i].chars().rev();
    c == '.'
        && next.is_uppercase()
        && back.next().is_some_and(char::is_lowercase)
        && back.next().is_some_and(char::is_lowercase)
}

/// The most letters a listed word (an abbreviation, a scale, a currency)
/// has; an initial has one.
const SHORT: usize = 4;

/// The letters right before byte `dot` of `line`, when there are at most
/// [`SHORT`] of them; none for a longer word, which no list holds.
fn short_word_before(line: &str, dot: usize) -> Option<&str> {
    let head = &line[..dot];
    let mut k = dot;
    for (n, (at, c)) in head.char_indices().rev().enumerate() {
        if !crate::text::token::is_letter(c) {
            break;
        }
        if n == SHORT {
            return None;
        }
        k = at;
    }
    Some(&head[k..])
}

/// Whether `word` in lower case is `s`.
fn lower_is(word: &str, s: &str) -> bool {
    word.chars().flat_map(char::to_lowercase).eq(s.chars())
}

/// `lower_is` for each word of a list of Cyrillic words: only list words
/// as long in bytes (a Cyrillic letter is two bytes in either case) that
/// start with the word's first char lowered are compared in full.
fn lower_is_any<'a>(word: &str, list: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut list = list
        .into_iter()
        .filter(|s| s.len() == word.len())
        .peekable();
    list.peek()?;
    let first = word.chars().next().and_then(|c| c.to_lowercase().next());
    list.find(|s| s.chars().next() == first && lower_is(word, s))
}

/// `млн долл. США`, `500 тыс. TEU`: what names the currency or the unit
/// goes on with the sentence.
fn currency_country(word: &str, line: &str, j: usize, on: &GoesOn) -> bool {
    let after = line[j..].trim_start_matches(char::is_whitespace);
    // `500 тыс. TEU`, `2 млн. USD`: a unit in Latin capitals after a scale.
    let scale = || lower_is_any(word, on.scales.iter().copied()).is_some();
    let unit = || {
        let mut latin = after.chars().take_while(|c| c.is_alphanumeric());
        latin.clone().count() >= 2 && latin.all(|c| c.is_ascii_uppercase())
    };
    let country = |a: &str| after.chars().take(3).eq(a.chars());
    on.currency_of
        .iter()
        .any(|&(w, a)| lower_is_any(word, [w]).is_some() && country(a))
        || (scale() && unit())
}

/// Whether the word before a full stop is an initial or an
/// abbreviation that never ends a sentence.
fn is_abbreviation(word: &str, on: &GoesOn) -> bool {
    let mut cs = word.chars();
    if let (Some(c), None) = (cs.next(), cs.next())
        && c.is_uppercase()
    {
        return true; // an initial: Р. Скляр
    }
    lower_is_any(word, on.abbreviations.iter().copied()).is_some()
}

fn push(text: &str, mut start: usize, end: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    while end - start > MAX_BYTES {
        let cut = cut_point(text, start, start + MAX_BYTES);
        push_one(text, start, cut, paragraph, out);
        start = cut;
    }
    push_one(text, start, end, paragraph, out);
}

/// Where to cut an overlong piece at or before `limit`: after the last
/// space in its second half, else at the char boundary.
fn cut_point(text: &str, start: usize, limit: usize) -> usize {
    let mut limit = limit;
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let mut half = start + (limit - start) / 2;
    while !text.is_char_boundary(half) {
        half += 1;
    }
    text[half..limit]
        .rfind(char::is_whitespace)
        .map(|i| half + i + 1)
        .filter(|&c| c > start && text.is_char_boundary(c))
        .unwrap_or(limit)
}

fn push_one(text: &str, start: usize, end: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return;
    }
    let start = start + lead;
    out.push(Sentence {
        start,
        end: start + trimmed.len(),
        paragraph,
        char_start: 0,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        split(t, &ru::GOES_ON).iter().map(|s| s.text(t)).collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        let t =
            "Будет создано более 11 тыс. рабочих мест. Сообщил Р. Скляр. Итог 4 млрд долл. в год.";
        assert_eq!(
            texts(t),
            vec![
                "Будет создано более 11 тыс. рабочих мест.",
                "Сообщил Р. Скляр.",
                "Итог 4 млрд долл. в год."
            ]
        );
        let t = "Терминал на 500 тыс. TEU. Итог.";
        assert_eq!(texts(t), vec!["Терминал на 500 тыс. TEU.", "Итог."]);
        let t = "Экспорт — 7 млн долл. США, импорт — 2 млн долл. США. Итог.";
        assert_eq!(
            texts(t),
            vec![
                "Экспорт — 7 млн долл. США, импорт — 2 млн долл. США.",
                "Итог."
            ]
        );
    }

    #[test]
    fn abbreviations_are_read_in_any_case_and_units_only_in_latin_capitals() {
        let t = "Завод ИМ. Ленина продал на 2 млн. USD. Итог на 3 млн. Usd. Конец!? Да.";
        assert_eq!(
            texts(t),
            vec![
                "Завод ИМ. Ленина продал на 2 млн. USD.",
                "Итог на 3 млн.",
                "Usd.",
                "Конец!?",
                "Да."
            ]
        );
    }

    #[test]
    fn marks_are_found_in_order_as_chars() {
        let line = "А… б. В?! г…. «Д!»";
        let by_char: Vec<(usize, char)> = line
            .char_indices()
            .filter(|&(_, c)| matches!(c, '.' | '!' | '?' | '…'))
            .collect();
        assert_eq!(marks(line).collect::<Vec<_>>(), by_char);
    }

    #[test]
    fn a_list_is_matched_in_lower_case_as_word_by_word() {
        let list = ["тыс", "им", "долл", "г"];
        for w in ["ТЫС", "Им", "долл", "Г", "", "Тысяч", "İm", "\u{212a}"] {
            let one = list.iter().copied().find(|s| lower_is(w, s));
            assert_eq!(lower_is_any(w, list), one, "{w}");
        }
    }

    #[test]
    fn the_lists_are_lower_case_cyrillic_words() {
        let words = ru::ABBREVIATIONS.iter().chain(&ru::SCALES);
        for w in words.chain(ru::CURRENCY_OF.iter().map(|(w, _)| w)) {
            assert!(w.chars().all(|c| ('а'..='я').contains(&c)), "{w}");
            assert!(w.chars().count() <= SHORT, "{w}");
        }
        fn before(t: &str) -> Option<&str> {
            short_word_before(t, t.len() - 1)
        }
        assert_eq!(before("до 5 тыс."), Some("тыс"));
        assert_eq!(before("Р."), Some("Р"));
        assert_eq!(before("тысяч."), None);
        assert_eq!(before("5 ."), Some(""));
    }

    #[test]
    fn lines_end_at_line_breaks_or_at_the_end() {
        for t in ["", "\n", "А.\n", "А.\n\nБ", "\nА\nБ.\n"] {
            let by_lines: Vec<&str> = t.lines().filter(|l| !l.trim().is_empty()).collect();
            assert_eq!(texts(t), by_lines, "{t:?}");
        }
    }

    #[test]
    fn glued_pages_split() {
        let t = "принял Токаев.Премьер-министр Бектенов приехал.";
        assert_eq!(
            texts(t),
            vec!["принял Токаев.", "Премьер-министр Бектенов приехал."]
        );
    }

    #[test]
    fn overlong_text_is_cut_at_spaces_with_char_offsets() {
        let t = "цифра ".repeat(2000);
        let ss = split(&t, &ru::GOES_ON);
        assert!(ss.len() > 2);
        for s in &ss {
            assert!(s.end - s.start <= MAX_BYTES);
            assert_eq!(s.char_start, t[..s.start].chars().count());
            assert!(s.text(&t).starts_with("цифра"));
        }
    }

    #[test]
    fn overlong_text_is_cut_at_char_boundaries_wherever_its_middle_falls() {
        for lead in ["", "a", "ab", "abc"] {
            for word in ["аааа", "ааа ", "ＡＢＣ", "a\u{301}б"] {
                let t = format!("{lead}{}", word.repeat(3000));
                let ss = split(&t, &ru::GOES_ON);
                assert!(ss.len() >= 2, "{lead:?} {word:?}");
                let mut end = 0;
                for s in &ss {
                    assert!(s.end - s.start <= MAX_BYTES);
                    assert!(t[end..s.start].trim().is_empty(), "nothing between is lost");
                    end = s.end;
                }
                assert_eq!(end, t.trim_end().len());
            }
        }
    }

    #[test]
    fn lines_are_sentences() {
        let t = "Заголовок\n\nТекст один. «Цитата два», - сказал он.";
        assert_eq!(
            texts(t),
            vec!["Заголовок", "Текст один.", "«Цитата два», - сказал он."]
        );
    }
}
