//! Languages: one `Lang` per grammar, told per document from its letters.
//! What a language contributes (rules, lexicons, word lists) is its
//! grammar's: see `grammar`.

mod detect;
pub use detect::Unread;

/// A language the rules can read, and the language of the words of
/// charts, reports and tables (`--lang`, `--labels`).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Russian.
    #[default]
    Ru,
    /// English.
    En,
}

impl Lang {
    /// The language of a text by its letters (see `text::detect_lang`); a
    /// short text with Latin letters and no Cyrillic one is English too.
    pub fn detect(text: &str) -> Lang {
        let latin_only = || {
            let mut latin = 0;
            for c in text.chars().take(4000) {
                if ('\u{400}'..='\u{4FF}').contains(&c) {
                    return false;
                }
                latin += usize::from(c.is_ascii_alphabetic());
            }
            latin >= 10
        };
        match crate::text::detect_lang(text) {
            "en" => Lang::En,
            _ if latin_only() => Lang::En,
            _ => Lang::Ru,
        }
    }

    /// The language of a text when the rules have none for it (Kazakh,
    /// Uzbek: see `detect`); None when Russian or English rules read it.
    pub fn unread(text: &str) -> Option<Unread> {
        detect::unread(text)
    }

    /// The id used in notes: `ru`, `en`.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detection() {
        assert_eq!(
            Lang::detect("Товарооборот вырос до 5 млрд долларов."),
            Lang::Ru
        );
        assert_eq!(Lang::detect("Exports hit $5bn in 2023."), Lang::En);
    }
}
