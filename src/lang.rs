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
        let (lat, cyr) = crate::text::letters(text);
        Lang::of_letters(lat, cyr)
    }

    /// `detect` from the counts of `text::letters`.
    fn of_letters(lat: usize, cyr: usize) -> Lang {
        let english = crate::text::lang_of_letters(lat, cyr) == "en";
        let latin_only = cyr == 0 && lat >= 10;
        if english || latin_only {
            Lang::En
        } else {
            Lang::Ru
        }
    }

    /// The language whose rules read a text (`detect`), or `Err` with
    /// the language it is written in when the rules have none for it
    /// (`unread`), from one look at its head.
    pub fn identify(text: &str) -> Result<Lang, Unread> {
        detect::identify(text)
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
