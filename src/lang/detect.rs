//! Languages the rules cannot read, told from a text's letters and words
//! so that such a document is named and skipped, not read with the
//! Russian or English rules.
//!
//! The model is small on purpose:
//! - **Kazakh in Cyrillic**: the letters Russian lacks (ә ғ қ ң ө ұ ү һ і)
//!   in at least [`KK_MIN_WORDS`] different words and at least 1 in
//!   [`KK_SHARE`] of the Cyrillic letters. A Kazakh name or two in a
//!   Russian article stays far below both.
//! - **Uzbek or Kazakh in Latin script**: words with Turkic letters (ş ç ğ
//!   ı ä ö ü ñ ū, oʻ gʻ) and frequent function words ([`TURKIC_WORDS`])
//!   against English function words ([`ENGLISH_WORDS`]): at least
//!   [`TURKIC_MIN`] Turkic hits and more of them than English ones. An
//!   English article naming Öskemen or Şymkent has few hits and many
//!   English function words.
//!
//! Corpus: `data/detect.tsv`, walked by `tests/it/detect.rs`.

use std::collections::HashSet;

/// A language with no rules here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unread {
    /// Kazakh written in Cyrillic.
    KazakhCyrillic,
    /// Uzbek or Kazakh written in Latin letters.
    TurkicLatin,
}

impl Unread {
    /// Its id in notes and the detection corpus: `kk-cyrl`, `kk/uz-latn`.
    pub fn id(self) -> &'static str {
        match self {
            Unread::KazakhCyrillic => "kk-cyrl",
            Unread::TurkicLatin => "kk/uz-latn",
        }
    }

    /// Its name for people.
    pub fn name(self) -> &'static str {
        match self {
            Unread::KazakhCyrillic => "Kazakh (Cyrillic)",
            Unread::TurkicLatin => "Uzbek or Kazakh (Latin script)",
        }
    }
}

/// Letters of Kazakh Cyrillic that Russian does not have.
const KK_LETTERS: [char; 18] = [
    'ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і', 'Ә', 'Ғ', 'Қ', 'Ң', 'Ө', 'Ұ', 'Ү', 'Һ', 'І',
];
/// Different words with a Kazakh letter a Kazakh text has at least.
const KK_MIN_WORDS: usize = 5;
/// At least one Cyrillic letter in this many is a Kazakh one.
const KK_SHARE: usize = 40;

/// Letters of the Uzbek and Kazakh Latin alphabets that English lacks.
const TURKIC_LETTERS: [char; 9] = ['ş', 'ç', 'ğ', 'ı', 'ä', 'ö', 'ü', 'ñ', 'ū'];
/// Frequent Uzbek and Kazakh (Latin) function and common words.
pub const TURKIC_WORDS: [&str; 21] = [
    "va",
    "bilan",
    "uchun",
    "esa",
    "yilda",
    "yil",
    "boʻyicha",
    "qilib",
    "mamlakat",
    "hamda",
    "jäne",
    "jane",
    "üşin",
    "bul",
    "dep",
    "jyly",
    "jylğy",
    "boiynşa",
    "tūraqty",
    "qazaqstan",
    "oʻzbekiston",
];
crate::words!(
    /// Frequent English function words.
    ENGLISH_WORDS, en, "function_words.tsv"
);
/// Turkic hits a Latin-script Uzbek or Kazakh text has at least.
const TURKIC_MIN: usize = 5;
/// Text looked at: the first this many characters, those `text::letters`
/// counts too (`identify` tells both languages from one look).
const HEAD: usize = crate::text::LETTERS_HEAD;

/// The language a text is written in when the rules have none for it.
pub fn unread(text: &str) -> Option<Unread> {
    Head::of(text).unread(text)
}

/// The language whose rules read a text, by the letters of its head, or
/// the language it is written in when the rules have none for it: one
/// look at the head for both.
pub fn identify(text: &str) -> Result<super::Lang, Unread> {
    let h = Head::of(text);
    match h.unread(text) {
        Some(other) => Err(other),
        None => Ok(super::Lang::of_letters(h.lat, h.cyr)),
    }
}

/// Bytes `Head::of` counts in one step.
const CHUNK: usize = 16;

/// The chars and the Cyrillic letters that begin in `run[1..]` (`run[0]`
/// is the byte before), if every one of them is ASCII other than a
/// letter or the apostrophe, or a letter of U+0400–U+047F (first byte `D0`
/// or `D1`) other than `і` and `І` (`D1 96`, `D0 86`), the two letters of
/// Kazakh that lie there: Russian words and the marks and digits between
/// them, told without decoding. A plain loop over a fixed array, with no
/// branch in it, so that it is compiled to vector instructions.
fn russian_run(run: &[u8; CHUNK + 1]) -> Option<(usize, usize)> {
    let (mut bad, mut starts, mut cyr) = (0u8, 0u8, 0u8);
    for k in 0..CHUNK {
        let (p, x) = (run[k], run[k + 1]);
        let ascii = x < 0x80;
        let letter_or_apostrophe = (x | 0x20).wrapping_sub(b'a') < 26 || x == b'\'';
        let continuation = x & 0xC0 == 0x80;
        let lead = x & 0xFE == 0xD0;
        let kazakh_i = (x == 0x96 && p == 0xD1) || (x == 0x86 && p == 0xD0);
        bad |= u8::from(
            (ascii && letter_or_apostrophe) || !(ascii || continuation || lead) || kazakh_i,
        );
        starts += u8::from(!continuation);
        cyr += u8::from(lead);
    }
    (bad == 0).then_some((usize::from(starts), usize::from(cyr)))
}

/// What one pass over the first [`HEAD`] chars of a text counts.
#[derive(Debug, Default, PartialEq)]
struct Head {
    /// The byte where the head ends.
    end: usize,
    /// ASCII letters.
    lat: usize,
    /// Cyrillic letters.
    cyr: usize,
    /// Letters of Kazakh that Russian does not have.
    kk: usize,
    /// Runs of chars of words that may be Latin (letters and apostrophes
    /// that are not Cyrillic, digits left out).
    latin_runs: usize,
}

impl Head {
    /// The counts of a text's head. [`CHUNK`] bytes of Russian letters,
    /// digits and marks are counted at once (no Latin run or Kazakh letter
    /// can be among them); any other char is decoded and looked at alone,
    /// and so is the rest of a run of bytes that held one.
    fn of(text: &str) -> Head {
        let b = text.as_bytes();
        let mut h = Head {
            end: b.len(),
            ..Head::default()
        };
        let (mut i, mut n, mut inside) = (0, 0, false);
        // The slow path goes on up to here (the first char is read alone,
        // so that a run always has a byte before it).
        let mut slow_until = 1;
        while i < b.len() {
            if i >= slow_until
                && n + CHUNK <= HEAD
                && let Some(run) = b.get(i - 1..i + CHUNK)
                && let Ok(run) = <&[u8; CHUNK + 1]>::try_from(run)
            {
                if let Some((chars, cyr)) = russian_run(run) {
                    n += chars;
                    h.cyr += cyr;
                    inside = false;
                    i += CHUNK;
                    continue;
                }
                slow_until = i + CHUNK;
            }
            // The second byte of a letter whose first one ended the run
            // before.
            if b[i] & 0xC0 == 0x80 {
                h.kk += usize::from(matches!((b[i - 1], b[i]), (0xd1, 0x96) | (0xd0, 0x86)));
                i += 1;
                continue;
            }
            if n == HEAD {
                h.end = i;
                break;
            }
            n += 1;
            let c = text[i..].chars().next().unwrap_or_default();
            i += c.len_utf8();
            let latin = h.latin(c);
            h.latin_runs += usize::from(latin && !inside);
            inside = latin;
        }
        h
    }

    /// `unread` of the text whose head this is.
    fn unread(&self, text: &str) -> Option<Unread> {
        let head = &text[..self.end];
        // Each word with a Kazakh letter has one at least.
        let kazakh_letters = self.kk >= KK_MIN_WORDS && self.kk * KK_SHARE >= self.cyr;
        if kazakh_letters && kazakh_words(head) >= KK_MIN_WORDS {
            return Some(Unread::KazakhCyrillic);
        }
        // Every Turkic word holds a run of Latin letters and two words never
        // share one: fewer runs than the hits needed rule Turkic out without
        // splitting the words.
        (self.latin_runs >= TURKIC_MIN && turkic_latin(head)).then_some(Unread::TurkicLatin)
    }

    /// Counts a char among the Cyrillic and Kazakh letters, and says
    /// whether it may be part of a Latin word.
    fn latin(&mut self, c: char) -> bool {
        if c.is_ascii() {
            let letter = c.is_ascii_alphabetic();
            self.lat += usize::from(letter);
            letter || c == '\''
        } else if matches!(c, 'А'..='я') {
            // Russian letters: Cyrillic, and none is Kazakh's own.
            self.cyr += 1;
            false
        } else if ('\u{400}'..='\u{4FF}').contains(&c) {
            self.cyr += 1;
            self.kk += usize::from(KK_LETTERS.contains(&c));
            false
        } else {
            in_word(c)
        }
    }
}

/// Whether a char is part of a word: a letter, a digit or an apostrophe
/// (`oʻ`, `gʻ`). Russian letters are told without the Unicode tables.
fn in_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '\'';
    }
    matches!(c, 'А'..='я' | 'ё' | 'Ё') || c.is_alphanumeric() || matches!(c, 'ʻ' | '‘' | '’')
}

/// Calls `f` on each word of a text, trimmed of what is not a letter or
/// digit at its ends, as written (not lower-cased).
fn each_word(text: &str, mut f: impl FnMut(&str)) {
    for w in text.split(|c: char| !in_word(c)) {
        let w = w.trim_matches(['\'', '‘', '’']);
        if !w.is_empty() {
            f(w);
        }
    }
}

/// `w` lower-cased into `buf`.
fn lower_into<'a>(w: &str, buf: &'a mut String) -> &'a str {
    buf.clear();
    if w.is_ascii() {
        buf.push_str(w);
        buf.make_ascii_lowercase();
    } else {
        buf.push_str(&w.to_lowercase());
    }
    buf
}

/// Different words (lower case) with a Kazakh letter.
fn kazakh_words(text: &str) -> usize {
    let mut kk_words: HashSet<String> = HashSet::new();
    let mut buf = String::new();
    each_word(text, |w| {
        if w.chars().any(|c| KK_LETTERS.contains(&c)) {
            kk_words.insert(lower_into(w, &mut buf).to_string());
        }
    });
    kk_words.len()
}

/// Whether a word can be neither Turkic nor English: Russian letters and
/// digits only.
fn neither(w: &str) -> bool {
    w.chars()
        .all(|c| c.is_ascii_digit() || ('\u{400}'..='\u{4FF}').contains(&c))
}

fn turkic_latin(text: &str) -> bool {
    let (mut turkic, mut english) = (0, 0);
    let (mut buf, mut marked) = (String::new(), String::new());
    each_word(text, |w| {
        if neither(w) {
            return;
        }
        let mut w = lower_into(w, &mut buf);
        if w.contains(['‘', '’', '\'']) {
            marked.clear();
            marked.push_str(&w.replace(['‘', '’', '\''], "ʻ"));
            w = &marked;
        }
        let letters =
            w.chars().any(|c| TURKIC_LETTERS.contains(&c)) || w.contains("oʻ") || w.contains("gʻ");
        let listed = TURKIC_WORDS.contains(&w);
        turkic += usize::from(letters || listed);
        english += usize::from(ENGLISH_WORDS.contains(w));
    });
    turkic >= TURKIC_MIN && turkic > english
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Head::of`, a char at a time.
    fn head_char_by_char(text: &str) -> Head {
        let mut h = Head {
            end: text.len(),
            ..Head::default()
        };
        let mut inside = false;
        for (n, (i, c)) in text.char_indices().enumerate() {
            if n == HEAD {
                h.end = i;
                break;
            }
            let latin = h.latin(c);
            h.latin_runs += usize::from(latin && !inside);
            inside = latin;
        }
        h
    }

    #[test]
    fn a_head_stops_at_its_last_char_and_counts_kazakh_letters_anywhere() {
        let long = "Ж".repeat(3999) + "ab";
        assert_eq!(Head::of(&long), head_char_by_char(&long));
        assert_eq!(Head::of(&long).end, 2 * 3999 + 1);
        for text in [
            "абвгдеёі жзий",
            "абвгдежІ abc",
            "ааааааа\u{456}",
            "o\u{2bb}zbek і",
        ] {
            assert_eq!(Head::of(text), head_char_by_char(text), "{text}");
        }
        // `і` split across two runs of bytes, at every place in a run.
        assert_eq!(Head::of("ааа і ааааа").kk, 1);
        for k in 0..40 {
            for (before, letter) in [("а", "і"), (" ", "І"), ("ц", "ц")] {
                let text = before.repeat(k) + letter + &"ж".repeat(20);
                assert_eq!(Head::of(&text), head_char_by_char(&text), "{k} {letter}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn one_look_at_the_head_tells_both_languages(
            text in "[a-zA-Z' .,«»—0-9а-яА-ЯёЁәқіІüşʻ]{0,300}"
        ) {
            let both = match unread(&text) {
                Some(other) => Err(other),
                None => Ok(super::super::Lang::detect(&text)),
            };
            proptest::prop_assert_eq!(identify(&text), both);
        }

        #[test]
        fn a_head_counted_in_runs_of_bytes_is_the_one_counted_char_by_char(
            text in "[a-z' .,«»—0-9а-яА-ЯёЁжЖцЦәқіІüşʻ]{0,4100}"
        ) {
            proptest::prop_assert_eq!(Head::of(&text), head_char_by_char(&text));
        }

        #[test]
        fn a_russian_head_with_a_few_other_chars_is_counted_as_char_by_char(
            text in "([а-яА-ЯёЁжцЦ ,.0-9]{0,40}[a-z'іІә«—@\\[`{]?){0,150}"
        ) {
            proptest::prop_assert_eq!(Head::of(&text), head_char_by_char(&text));
        }
    }
}
