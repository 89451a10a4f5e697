//! Languages: one `Lang` per grammar, told per document from its letters,
//! and the lexicons each language brings. Russian lexicons live in
//! `data/ru/`, English ones in `data/en/`; the rules of a language never read
//! another language's lexicons.

use crate::lexicon::{self, PhraseSet};

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

    /// The tokens of `text[from..to]` as this language's rules read them.
    pub fn tokenize(self, text: &str, from: usize, to: usize) -> Vec<crate::text::token::Token> {
        let toks = crate::text::token::tokenize(text, from, to);
        match self {
            Lang::Ru => toks,
            Lang::En => crate::dims::number::en::regroup(text, toks),
        }
    }

    /// The sentences of a text as this language's rules read them.
    pub fn sentences(self, text: &str) -> Vec<crate::text::sentence::Sentence> {
        let ss = crate::text::sentence::split(text);
        match self {
            Lang::Ru => ss,
            Lang::En => en::join_abbreviations(text, ss),
        }
    }

    /// Cue words for metrics.
    pub fn metric_cues(self) -> &'static PhraseSet {
        match self {
            Lang::Ru => lexicon::metric_cues(),
            Lang::En => en::metric_cues(),
        }
    }

    /// Cue words for status.
    pub fn status_cues(self) -> &'static PhraseSet {
        match self {
            Lang::Ru => lexicon::status_cues(),
            Lang::En => en::status_cues(),
        }
    }

    /// Cue words for launches.
    pub fn launch_cues(self) -> &'static PhraseSet {
        match self {
            Lang::Ru => lexicon::launch_cues(),
            Lang::En => en::launch_cues(),
        }
    }

    /// Countries, regions and companies.
    pub fn parties(self) -> &'static PhraseSet {
        match self {
            Lang::Ru => lexicon::parties(),
            Lang::En => en::parties(),
        }
    }

    /// Towns and regions.
    pub fn places(self) -> &'static PhraseSet {
        match self {
            Lang::Ru => lexicon::places(),
            Lang::En => en::places(),
        }
    }
}

/// The English lexicons, in `data/en/`.
pub mod en {
    use crate::text::sentence::Sentence;

    /// Abbreviations whose full stop does not end an English sentence
    /// (`Jan. 25`, `Mr. Smith`, `St. Petersburg`, `$1.2 bn. in 2023`).
    const ABBREVIATIONS: [&str; 36] = [
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr",
        "mrs", "ms", "dr", "st", "no", "nos", "inc", "co", "corp", "ltd", "gov", "gen", "sen",
        "rep", "prof", "vs", "approx", "est", "bn", "mln", "bln", "mn", "trln",
    ];

    /// Joins a sentence that ends in an abbreviation to the next one of
    /// its paragraph.
    pub fn join_abbreviations(text: &str, ss: Vec<Sentence>) -> Vec<Sentence> {
        let mut out: Vec<Sentence> = Vec::with_capacity(ss.len());
        for s in ss {
            if let Some(last) = out.last_mut()
                && last.paragraph == s.paragraph
                && ends_in_abbreviation(last.text(text))
            {
                last.end = s.end;
                continue;
            }
            out.push(s);
        }
        out
    }

    fn ends_in_abbreviation(s: &str) -> bool {
        let Some(body) = s.strip_suffix('.') else {
            return false;
        };
        let word: String = body
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        ABBREVIATIONS.contains(&word.to_lowercase().as_str())
    }

    crate::lexicon!(
        /// Currency names, symbols and codes → ISO 4217.
        en,
        currencies,
        "currencies.tsv"
    );
    crate::lexicon!(
        /// Units of quantities → unit, class, power of ten, rate.
        en,
        units,
        "units.tsv"
    );
    crate::lexicon!(
        /// Qualifier words before a figure.
        en,
        qualifiers,
        "qualifiers.tsv"
    );
    crate::lexicon!(
        /// Cue words for metrics.
        en,
        metric_cues,
        "metric_cues.tsv"
    );
    crate::lexicon!(
        /// Cue words for status.
        en,
        status_cues,
        "status_cues.tsv"
    );
    crate::lexicon!(
        /// Cue words for launches.
        en,
        launch_cues,
        "launch_cues.tsv"
    );
    crate::lexicon!(
        /// Countries, regions, demonyms and companies → ISO 3166.
        en,
        parties,
        "parties.tsv"
    );
    crate::lexicon!(
        /// Towns and regions → the Russian lemma of the town for plant keys.
        en,
        places,
        "places.tsv"
    );
    crate::lexicon!(
        /// Products → their Russian lemma for plant keys.
        en,
        products,
        "products.tsv"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detection_and_english_sentences() {
        assert_eq!(
            Lang::detect("Товарооборот вырос до 5 млрд долларов."),
            Lang::Ru
        );
        assert_eq!(Lang::detect("Exports hit $5bn in 2023."), Lang::En);
        let t = "Mr. Smith met them on Jan. 25 in St. Petersburg. Trade rose.";
        let ss = Lang::En.sentences(t);
        assert_eq!(ss.len(), 2, "{ss:?}");
        assert_eq!(ss[1].text(t), "Trade rose.");
    }
}
