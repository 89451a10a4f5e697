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

mod ru;

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

/// Splits a text into sentences, trimmed, in order.
pub fn split(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        if !body.trim().is_empty() {
            split_line(
                text,
                line_start,
                line_start + body.len(),
                paragraph,
                &mut out,
            );
            paragraph += 1;
        }
        line_start += line.len();
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

fn split_line(text: &str, from: usize, to: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    let line = &text[from..to];
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(line.len());
    chars.extend(line.char_indices());
    let mut start = 0;
    for i in 0..chars.len() {
        let c = chars[i].1;
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() && matches!(chars[j].1, '.' | '!' | '?' | '»' | '"' | ')' | '”') {
            j += 1;
        }
        let cut = chars.get(j).map_or(line.len(), |&(b, _)| b);
        if is_boundary(&chars, i, j) {
            push(text, from + start, from + cut, paragraph, out);
            start = cut;
        }
    }
    push(text, from + start, to, paragraph, out);
}

fn is_boundary(chars: &[(usize, char)], i: usize, j: usize) -> bool {
    let Some(&(_, next)) = chars.get(j) else {
        return false;
    };
    if chars[i].1 == '.' && (is_abbreviation(chars, i) || currency_country(chars, i, j)) {
        return false;
    }
    if next.is_whitespace() {
        let mut k = j;
        while k < chars.len() && chars[k].1.is_whitespace() {
            k += 1;
        }
        return chars.get(k).is_some_and(|&(_, c)| {
            c.is_uppercase() || c.is_ascii_digit() || "«\"“—–-$€".contains(c)
        });
    }
    // `Токаев.Премьер`: a lower-case word glued to a capital.
    chars[i].1 == '.'
        && next.is_uppercase()
        && i >= 2
        && chars[i - 1].1.is_lowercase()
        && chars[i - 2].1.is_lowercase()
}

/// `млн долл. США`, `500 тыс. TEU`: what names the currency or the unit
/// goes on with the sentence.
fn currency_country(chars: &[(usize, char)], dot: usize, j: usize) -> bool {
    let word_before: String = chars[..dot]
        .iter()
        .rev()
        .take_while(|&&(_, c)| crate::text::token::is_letter(c))
        .map(|&(_, c)| c)
        .collect::<Vec<char>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = chars[j..]
        .iter()
        .skip_while(|&&(_, c)| c.is_whitespace())
        .take(3)
        .map(|&(_, c)| c)
        .collect();
    let word = word_before.to_lowercase();
    // `500 тыс. TEU`, `2 млн. USD`: a unit in Latin capitals after a scale.
    let latin_unit: String = chars[j..]
        .iter()
        .skip_while(|&&(_, c)| c.is_whitespace())
        .take_while(|&&(_, c)| c.is_alphanumeric())
        .map(|&(_, c)| c)
        .collect();
    let scale = ru::SCALES.contains(&word.as_str());
    let unit =
        latin_unit.chars().count() >= 2 && latin_unit.chars().all(|c| c.is_ascii_uppercase());
    ru::CURRENCY_OF.contains(&(word.as_str(), after.as_str())) || (scale && unit)
}

fn is_abbreviation(chars: &[(usize, char)], dot: usize) -> bool {
    let mut k = dot;
    while k > 0 && crate::text::token::is_letter(chars[k - 1].1) {
        k -= 1;
    }
    let word: String = chars[k..dot].iter().map(|&(_, c)| c).collect();
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true; // an initial: Р. Скляр
    }
    ru::ABBREVIATIONS.contains(&word.to_lowercase().as_str())
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
    let half = start + (limit - start) / 2;
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
        split(t).iter().map(|s| s.text(t)).collect()
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
        let ss = split(&t);
        assert!(ss.len() > 2);
        for s in &ss {
            assert!(s.end - s.start <= MAX_BYTES);
            assert_eq!(s.char_start, t[..s.start].chars().count());
            assert!(s.text(&t).starts_with("цифра"));
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
