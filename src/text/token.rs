//! Tokens: words, numbers and single punctuation marks, with byte offsets
//! into the document text and a lower-case form for matching.
//!
//! Numbers are read here, once: `26,5` and `3.5` are one number with a
//! decimal part, `1 599 059` (space, no-break or thin space between groups
//! of three) is one number, `14.03.2020` is one calendar date.

use crate::dims::decimal::Decimal;
use crate::lexicon::starts::Starts;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (with inner hyphens: `Нур-Султан`).
    Word,
    /// Digits, possibly grouped or with a decimal part.
    Num,
    /// A calendar date written with dots: `14.03.2020`.
    NumDate,
    /// Anything else, one char at a time.
    Punct,
}

/// One token.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// First byte in the document.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What it is.
    pub kind: TokKind,
    /// Lower-case text with `ё` read as `е`, for matching.
    pub lower: Lower,
    /// The value of a `Num` token.
    pub num: Option<Decimal>,
    /// Digits before the decimal mark, for a `Num` (`2021` → 4).
    pub int_digits: usize,
    /// Whether a space separates this token from the previous one.
    pub space_before: bool,
    /// Whether the token starts with a capital letter.
    pub cap: bool,
    /// Whether it is a word whose first two letters are capitals (`ЕАЭС`,
    /// `ПАВЛОДАР`, `МВт`): an acronym, a unit, or a word of a heading in
    /// capitals.
    pub upper: bool,
    /// The phrase sets an entry of may begin at this token; set it to
    /// `Starts::UNKNOWN` when `lower` is changed.
    pub starts: Starts,
}

impl Token {
    /// Whether the token is the word or mark `s` (lower case).
    pub fn is(&self, s: &str) -> bool {
        self.lower == s
    }

    /// Whether the token is a dash of any kind (`-`, `–`, `—`).
    pub fn is_dash(&self) -> bool {
        matches!(self.lower.as_str(), "-" | "–" | "—" | "‒" | "−")
    }

    /// A four-digit whole number from 1900 to 2099: a year, perhaps.
    pub fn year(&self) -> Option<i32> {
        if self.kind != TokKind::Num || self.int_digits != 4 {
            return None;
        }
        let d = self.num?;
        if d.exp != 0 {
            return None;
        }
        let y = d.mant as i32;
        (1900..=2099).contains(&y).then_some(y)
    }
}

/// A token's lower-case text: kept in place up to 24 bytes (a word of
/// twelve Cyrillic letters), so that most tokens allocate nothing.
pub type Lower = compact_str::CompactString;

/// Lower case with `ё` read as `е`, as the lexicons and the rules compare
/// words, in one pass; Latin and Cyrillic on a fast path. A word that is
/// not ASCII is folded into a scratch buffer of the thread first, then
/// copied once.
pub fn fold(raw: &str) -> Lower {
    thread_local! {
        static SCRATCH: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    if raw.is_ascii() {
        let mut out = Lower::from(raw);
        out.make_ascii_lowercase();
        return out;
    }
    SCRATCH.with(|buf| {
        let mut out = buf.borrow_mut();
        out.clear();
        fold_into(raw, &mut out);
        Lower::from(out.as_str())
    })
}

fn fold_into(raw: &str, out: &mut String) {
    for c in raw.chars() {
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            'А'..='Я' => out.push(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
            'ё' | 'Ё' => out.push('е'),
            c if c.is_ascii() || ('а'..='я').contains(&c) => out.push(c),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// Whether a char is a letter; Latin and Cyrillic on a fast path (the
/// general Unicode table lookup is slow and most text is Cyrillic).
pub fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || ('\u{430}'..='\u{44f}').contains(&c)
        || ('\u{410}'..='\u{42f}').contains(&c)
        || c == 'ё'
        || c == 'Ё'
        || (!c.is_ascii() && !is_mark(c) && c.is_alphabetic())
}

/// Marks of the General Punctuation block (dashes, quotes, spaces) and
/// the guillemets and no-break space: no letter among them, told without
/// the Unicode tables.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{2000}'..='\u{206f}' | '«' | '»' | '\u{a0}')
}

/// `char::is_whitespace`, with Russian letters turned away first.
fn is_space(c: char) -> bool {
    !('\u{410}'..='\u{44f}').contains(&c) && c.is_whitespace()
}

fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Splits `text[from..to]` into tokens (offsets are into `text`). The
/// text is read in place, a char decoded only where it is not ASCII.
pub fn tokenize(text: &str, from: usize, to: usize) -> Vec<Token> {
    let s = &text[from..to];
    // A token per five bytes about.
    let mut out = Vec::with_capacity(s.len() / 5 + 1);
    let mut i = 0;
    let mut space = false;
    while i < s.len() {
        let (c, n) = char_at(s, i);
        if is_space(c) {
            space = true;
            i += n;
            continue;
        }
        let (j, kind) = if c.is_ascii_digit() {
            scan_number(s.as_bytes(), i)
        } else if is_letter(c) {
            (scan_word(s, i), TokKind::Word)
        } else {
            (i + n, TokKind::Punct)
        };
        out.push(make(s, i, j, kind, from, space));
        space = false;
        i = j;
    }
    crate::lexicon::starts::fill(&mut out, text);
    out
}

/// The char at byte `i` of `s` (a char boundary) and its length in
/// bytes, decoded by hand: `s` is valid UTF-8, so the lead byte tells the
/// length.
#[inline]
fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes();
    let lead = u32::from(b[i]);
    let cont = |k: usize| u32::from(b.get(i + k).copied().unwrap_or(0x80) & 0x3f);
    let (c, n) = match lead {
        0..0x80 => (lead, 1),
        0x80..0xe0 => ((lead & 0x1f) << 6 | cont(1), 2),
        0xe0..0xf0 => ((lead & 0x0f) << 12 | cont(1) << 6 | cont(2), 3),
        _ => (
            (lead & 0x07) << 18 | cont(1) << 12 | cont(2) << 6 | cont(3),
            4,
        ),
    };
    (char::from_u32(c).unwrap_or('\0'), n)
}

fn make(s: &str, start: usize, end: usize, kind: TokKind, base: usize, space: bool) -> Token {
    let raw = &s[start..end];
    let (num, int_digits) = if kind == TokKind::Num {
        // Digits are read in place; only a grouped number (`1 599 059`)
        // is copied without its spaces.
        let digits: std::borrow::Cow<str> = if raw.contains(is_group_space) {
            raw.chars().filter(|c| !is_group_space(*c)).collect()
        } else {
            raw.into()
        };
        let int = digits.find([',', '.']).unwrap_or(digits.len());
        (Decimal::parse(&digits), int)
    } else {
        (None, 0)
    };
    let cap = capital_at(raw, 0);
    Token {
        start: base + start,
        end: base + end,
        kind,
        starts: Starts::UNKNOWN,
        lower: Lower::default(),
        cap,
        upper: cap && kind == TokKind::Word && capital_at(raw, char_at(raw, 0).1),
        num,
        int_digits,
        space_before: space,
    }
}

/// Whether the char at byte `at` of `raw` (a char boundary) is a capital
/// letter, as `char::is_uppercase` says: ASCII and the Cyrillic block's
/// first 96 letters (U+0400–U+045F) told by their bytes, without
/// decoding or the Unicode tables.
fn capital_at(raw: &str, at: usize) -> bool {
    let b = raw.as_bytes();
    match (b.get(at), b.get(at + 1)) {
        (None, _) => false,
        (Some(x), _) if x.is_ascii() => x.is_ascii_uppercase(),
        // U+0400–U+042F capitals, U+0430–U+043F small letters.
        (Some(0xD0), Some(y)) => *y < 0xB0,
        // U+0440–U+045F small letters.
        (Some(0xD1), Some(y)) if *y < 0xA0 => false,
        _ => char_at(raw, at).0.is_uppercase(),
    }
}

fn digits_at(b: &[u8], i: usize) -> usize {
    b.get(i..)
        .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count())
}

/// The length of a space between digit groups at byte `i`, if one is there.
fn group_space_at(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i..)? {
        [b' ', ..] => Some(1),
        [0xc2, 0xa0, ..] => Some(2),
        [0xe2, 0x80, 0xaf | 0x89, ..] => Some(3),
        _ => None,
    }
}

fn scan_number(b: &[u8], i: usize) -> (usize, TokKind) {
    let n = digits_at(b, i);
    let mut j = i + n;
    // dd.mm.yyyy
    if n <= 2 && is_dot_date(b, j) {
        return (j + 8, TokKind::NumDate);
    }
    // 1 599 059: groups of exactly three after a first group of 1–3.
    if n <= 3 {
        while let Some(g) = group_space_at(b, j)
            && digits_at(b, j + g) == 3
        {
            j += g + 3;
        }
    }
    // 26,5 / 3.5
    if j + 1 < b.len() && matches!(b[j], b',' | b'.') && b[j + 1].is_ascii_digit() {
        let k = digits_at(b, j + 1);
        // `2021,2022` is a list, not a decimal.
        if !(n == 4 && k == 4) {
            j += 1 + k;
        }
    }
    (j, TokKind::Num)
}

fn is_dot_date(b: &[u8], j: usize) -> bool {
    b.get(j) == Some(&b'.')
        && digits_at(b, j + 1) == 2
        && b.get(j + 3) == Some(&b'.')
        && digits_at(b, j + 4) == 4
}

/// Whether two bytes, read as one big-endian number, are a Russian letter
/// in UTF-8: `А`–`п` (`D0 90`–`D0 BF`), `р`–`я` (`D1 80`–`D1 8F`), `Ё`
/// (`D0 81`) or `ё` (`D1 91`).
///
/// The second byte of a two-byte char is one of 64 (`80`–`BF`), so each
/// lead byte's letters are one 64-bit mask of second bytes.
#[inline]
fn is_russian_pair(v: u16) -> bool {
    const D0: u64 = 0xffff_ffff_ffff_0000 | 1 << 0x01;
    const D1: u64 = 0xffff | 1 << 0x11;
    let [lead, second] = v.to_be_bytes();
    let mask = match lead {
        0xd0 => D0,
        0xd1 => D1,
        _ => return false,
    };
    second & 0xc0 == 0x80 && mask >> (second & 0x3f) & 1 == 1
}

fn scan_word(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    let mut j = i;
    while j < s.len() {
        // Russian and Latin letters are told by their bytes, Russian
        // first: most words are Russian.
        if j + 1 < b.len() && is_russian_pair(u16::from_be_bytes([b[j], b[j + 1]])) {
            j += 2;
            continue;
        }
        if b[j].is_ascii_alphabetic() {
            j += 1;
            continue;
        }
        // Any other ASCII byte but a hyphen ends the word.
        if b[j].is_ascii() && b[j] != b'-' {
            break;
        }
        let (c, n) = char_at(s, j);
        let inner_hyphen = c == '-' && j > i && j + 1 < s.len() && is_letter(char_at(s, j + 1).0);
        if is_letter(c) || c == '\u{301}' || inner_hyphen {
            j += n;
        } else {
            break;
        }
    }
    j
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lows(t: &str) -> Vec<String> {
        tokenize(t, 0, t.len())
            .into_iter()
            .map(|t| t.lower.to_string())
            .collect()
    }

    #[test]
    fn numbers_with_groups_and_decimals() {
        assert_eq!(lows("1 599 059 шин"), vec!["1 599 059", "шин"]);
        assert_eq!(lows("$26,5 млрд."), vec!["$", "26,5", "млрд", "."]);
        assert_eq!(lows("в 2021 году 300"), vec!["в", "2021", "году", "300"]);
        assert_eq!(lows("2,5–3"), vec!["2,5", "–", "3"]);
        assert_eq!(lows("14.03.2020 г."), vec!["14.03.2020", "г", "."]);
        assert_eq!(
            lows("Нур-Султане, Р.Скляр"),
            vec!["нур-султане", ",", "р", ".", "скляр"]
        );
    }

    #[test]
    fn groups_spaces_dates_and_hyphens_read_in_bytes() {
        assert_eq!(
            lows("1\u{a0}599\u{202f}059 2\u{2009}000\u{a0}0001"),
            vec!["1\u{a0}599\u{202f}059", "2\u{2009}000", "0001"]
        );
        assert_eq!(lows("01.02.2020"), vec!["01.02.2020"]);
        assert_eq!(lows("01.02.202"), vec!["01.02", ".", "202"]);
        assert_eq!(lows("2021,2022 1,5"), vec!["2021", ",", "2022", "1,5"]);
        assert_eq!(lows("Нур- Ёж-к"), vec!["нур", "-", "еж-к"]);
        assert_eq!(
            lows("«Ма\u{301}рта»\u{a0}—"),
            vec!["«", "ма\u{301}рта", "»", "—"]
        );
    }

    #[test]
    fn chars_are_decoded_as_std_does() {
        let s = "aЖ€😀\u{301}z";
        let by_hand: Vec<(usize, char)> = std::iter::successors(Some(0), |&i| {
            (i < s.len())
                .then(|| i + char_at(s, i).1)
                .filter(|&j| j < s.len())
        })
        .map(|i| (i, char_at(s, i).0))
        .collect();
        assert_eq!(by_hand, s.char_indices().collect::<Vec<_>>());
    }

    #[test]
    fn russian_pairs_are_the_russian_letters() {
        for v in 0..=u16::MAX {
            let c = std::str::from_utf8(&v.to_be_bytes())
                .ok()
                .and_then(|s| s.chars().next())
                .filter(|c| c.len_utf8() == 2);
            let russian = c.is_some_and(|c| ('А'..='я').contains(&c) || c == 'Ё' || c == 'ё');
            assert_eq!(is_russian_pair(v), russian, "{v:#06x}");
        }
    }

    #[test]
    fn fast_paths_agree_with_the_unicode_tables() {
        let ranges = [
            '\u{0}'..='\u{5ff}',
            '\u{1e00}'..='\u{20ff}',
            '\u{3000}'..='\u{303f}',
        ];
        for c in ranges.into_iter().flatten() {
            let letter = c.is_alphabetic();
            assert_eq!(is_letter(c), letter, "{c:?}");
            assert!(!is_mark(c) || !letter, "{c:?}");
            assert_eq!(is_space(c), c.is_whitespace(), "{c:?}");
        }
    }

    #[test]
    fn words_end_where_their_letters_do() {
        let s = "Ёжик-ёлка мАрт\u{301}а Қазақ's ǅx —да»";
        let by_char: Vec<&str> = tokenize(s, 0, s.len())
            .iter()
            .map(|t| &s[t.start..t.end])
            .collect();
        assert_eq!(
            by_char,
            vec![
                "Ёжик-ёлка",
                "мАрт\u{301}а",
                "Қазақ",
                "'",
                "s",
                "ǅx",
                "—",
                "да",
                "»"
            ]
        );
    }

    #[test]
    fn folds_russian_bytes_as_chars() {
        for w in [
            "ЁЖИК",
            "Ёлка-ПАЛКА",
            "ЭКСПОРТ",
            "Рязань",
            "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
            "Қазақ",
            "Ма\u{301}рта",
        ] {
            let by_char: String = w
                .chars()
                .flat_map(|c| match c {
                    'ё' | 'Ё' => "е".chars().collect::<Vec<_>>(),
                    c => c.to_lowercase().collect(),
                })
                .collect();
            assert_eq!(fold(w), by_char, "{w}");
        }
    }

    #[test]
    fn a_word_in_capitals_is_told_from_a_capitalised_one() {
        let s = "ЕАЭС и Павлодар, ПАВЛОДАР в III квартале; И ТОО «Qazaq» МВт";
        let upper: Vec<(&str, bool)> = tokenize(s, 0, s.len())
            .iter()
            .filter(|t| t.kind == TokKind::Word)
            .map(|t| (&s[t.start..t.end], t.upper))
            .collect();
        assert_eq!(
            upper,
            [
                ("ЕАЭС", true),
                ("и", false),
                ("Павлодар", false),
                ("ПАВЛОДАР", true),
                ("в", false),
                ("III", true),
                ("квартале", false),
                ("И", false),
                ("ТОО", true),
                ("Qazaq", false),
                ("МВт", true)
            ]
        );
    }

    #[test]
    fn a_capital_is_told_by_bytes_as_by_chars() {
        let seconds = (0..0x530u32)
            .chain(0x1e00..0x1f00)
            .filter_map(char::from_u32);
        for second in seconds {
            for first in ['A', 'Ж', 'І', 'Қ', 'Ё'] {
                for rest in ["", "ab", "б"] {
                    let w = format!("{first}{second}{rest}");
                    let by_char = w.chars().nth(1).is_some_and(char::is_uppercase);
                    assert_eq!(capital_at(&w, char_at(&w, 0).1), by_char, "{w:?}");
                    let by_char = second.is_uppercase();
                    assert_eq!(capital_at(&w[first.len_utf8()..], 0), by_char, "{w:?}");
                }
            }
        }
        assert!(!capital_at("A", 1));
        assert!(!capital_at("", 0));
    }

    #[test]
    fn values() {
        let s = "1 599 059 и 26,5";
        let t = tokenize(s, 0, s.len());
        assert_eq!(t[0].num.unwrap().to_f64(), 1599059.0);
        assert_eq!(t[2].num.unwrap().to_f64(), 26.5);
    }
}
