//! Text: loading documents, their metadata, sentences and tokens.
//!
//! This stage owns everything between bytes on disk and a `Document` with
//! a text, an id and a publication date. It knows nothing of figures.

pub(crate) mod bytes8;
pub mod dateline;
pub mod decode;
pub mod load;
pub mod manifest;
pub mod meta;
pub mod sentence;
pub mod token;
mod walk;

/// The language of a text by its letters: `en` when Latin letters
/// are many and outnumber Cyrillic ones twice in its first few thousand
/// chars, else `ru`.
pub fn detect_lang(text: &str) -> &'static str {
    let (lat, cyr) = letters(text);
    lang_of_letters(lat, cyr)
}

/// `detect_lang` from the counts of `letters`.
pub fn lang_of_letters(lat: usize, cyr: usize) -> &'static str {
    // A few Latin words (names, codes) do not make a text English.
    if lat >= 40 && lat > 2 * cyr {
        "en"
    } else {
        "ru"
    }
}

/// The chars `letters` looks at.
pub(crate) const LETTERS_HEAD: usize = 4000;

/// Latin (ASCII) and Cyrillic letters in a text's first 4,000 chars,
/// counted on the bytes: a char starts at every byte but a continuation
/// byte (`10xxxxxx`), and U+0400–U+04FF are the chars whose first byte
/// is `D0`–`D3`. Eight bytes are counted at once while they cannot hold
/// a char past the last one looked at; the rest one by one.
pub fn letters(text: &str) -> (usize, usize) {
    let b = text.as_bytes();
    let (mut lat, mut cyr, mut chars) = (0, 0, 0);
    let mut i = 0;
    while chars + 8 <= LETTERS_HEAD
        && let Some(w) = b.get(i..i + 8)
    {
        let w = u64::from_le_bytes(w.try_into().unwrap_or_default());
        chars += 8 - bytes8::continuation(w);
        lat += bytes8::ascii_letters(w);
        cyr += bytes8::cyrillic_leads(w);
        i += 8;
    }
    one_by_one(&b[i..], chars, (lat, cyr))
}

/// `letters` over `bytes`, a byte at a time, after `chars` chars that
/// held `counts` (Latin, Cyrillic).
fn one_by_one(bytes: &[u8], mut chars: usize, counts: (usize, usize)) -> (usize, usize) {
    let (mut lat, mut cyr) = counts;
    for &x in bytes {
        if x & 0xC0 == 0x80 {
            continue;
        }
        if chars == LETTERS_HEAD {
            break;
        }
        chars += 1;
        if x.is_ascii_alphabetic() {
            lat += 1;
        } else if (0xD0..=0xD3).contains(&x) {
            cyr += 1;
        }
    }
    (lat, cyr)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_stop_at_the_head() {
        let long = "Я".repeat(3998) + "abcdef";
        assert_eq!(letters(&long), (2, 3998));
        assert_eq!(letters("Zz@[`{ әі Ёё"), (2, 4));
    }

    proptest::proptest! {
        #[test]
        fn letters_counted_eight_at_once_are_those_counted_one_by_one(
            text in "[a-zA-Z@\\[`{ .,'«»—а-яА-ЯёЁәқіІ€😀]{0,4100}"
        ) {
            proptest::prop_assert_eq!(letters(&text), one_by_one(text.as_bytes(), 0, (0, 0)));
        }
    }
}

use chrono::NaiveDate;

use crate::record::{DateBasis, Precision};

/// One article, ready for extraction.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Manifest id, JSONL id, or the file stem.
    pub id: String,
    /// The whole text, decoded, with any front matter removed.
    pub text: String,
    /// When the article was published, if anything says so.
    pub published: Option<NaiveDate>,
    /// How much of `published` is known.
    pub precision: Option<Precision>,
    /// Where `published` came from.
    pub date_basis: DateBasis,
    /// Headline, if known.
    pub title: Option<String>,
    /// Where the article was found on the web, if known.
    pub url: Option<String>,
    /// Where it was read from: a path, `path:line` for JSONL, or `-`.
    pub source: String,
    /// The language whose rules read it, once the reader has chosen
    /// (`--lang`, or told from its letters): part of what the store
    /// compares, so that reading it by other rules is a change.
    pub rules: Option<crate::lang::Lang>,
}

impl Document {
    /// A document with a text and an id and nothing else known yet.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
            published: None,
            precision: None,
            date_basis: DateBasis::None,
            title: None,
            url: None,
            source: String::new(),
            rules: None,
        }
    }

    /// Sets the publication date with its basis (day precision).
    pub fn with_published(mut self, date: NaiveDate, basis: DateBasis) -> Self {
        self.published = Some(date);
        self.precision = Some(Precision::Day);
        self.date_basis = basis;
        self
    }
}
