//! The words of charts, reports and tables in each language: the lines
//! of `data/<lang>/labels.tsv` (key, tab, text), read once per language.
//! A text may hold placeholders (`{n}`, `{date}`) that [`fill`] replaces.
//! A key missing from a language's file shows as the key itself; the
//! tests check that every language has every key the code asks for.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::lang::Lang;

/// The labels file of a language, as built into the binary.
fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => include_str!("../../data/ru/labels.tsv"),
        Lang::En => include_str!("../../data/en/labels.tsv"),
    }
}

/// The key → text table of a labels file; the first line is its header.
/// Texts are kept as written, spaces included.
pub fn parse(tsv: &'static str) -> HashMap<&'static str, &'static str> {
    tsv.lines()
        .skip(1)
        .filter_map(|line| line.split_once('\t'))
        .collect()
}

fn table(lang: Lang) -> &'static HashMap<&'static str, &'static str> {
    static RU: OnceLock<HashMap<&str, &str>> = OnceLock::new();
    static EN: OnceLock<HashMap<&str, &str>> = OnceLock::new();
    let cell = match lang {
        Lang::Ru => &RU,
        Lang::En => &EN,
    };
    cell.get_or_init(|| parse(source(lang)))
}

/// The text of `key` in `lang`, if its file has the key (for keys made
/// from open sets: places, units).
pub fn lookup(lang: Lang, key: &str) -> Option<&'static str> {
    table(lang).get(key).copied()
}

/// The text of `key` in `lang` (the key itself when the file lacks it).
pub fn word(lang: Lang, key: &str) -> &'static str {
    lookup(lang, key).unwrap_or_else(|| {
        // Keys are compiled in: a missing one is a gap the tests catch.
        let leaked: &'static str = Box::leak(key.to_string().into_boxed_str());
        leaked
    })
}

/// The text of `key` with each `{name}` replaced by its value.
pub fn fill(lang: Lang, key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut s = word(lang, key).to_string();
    for (name, value) in args {
        s = s.replace(&format!("{{{name}}}"), &value.to_string());
    }
    s
}

/// The plural form a count `n` takes in a language: `one`, `few` or
/// `many` (the Slavic three; English has `one` and `many`).
fn plural_form(lang: Lang, n: i64) -> &'static str {
    let (d, h) = (n.abs() % 10, n.abs() % 100);
    match lang {
        Lang::En if n.abs() == 1 => "one",
        Lang::En => "many",
        Lang::Ru if d == 1 && h != 11 => "one",
        Lang::Ru if (2..=4).contains(&d) && !(12..=14).contains(&h) => "few",
        Lang::Ru => "many",
    }
}

/// `n` with the form of `key` its count takes (`key.one`, `key.few`,
/// `key.many`, each with `{n}`): "1 год", "2 года", "8 лет".
pub fn count(lang: Lang, key: &str, n: i64) -> String {
    fill(
        lang,
        &format!("{key}.{}", plural_form(lang, n)),
        &[("n", &n)],
    )
}

/// The text of `key` in whichever language has it as `text`
/// (case-insensitive): the inverse of [`word`] over every language.
pub fn key_of(prefix: &str, text: &str) -> Option<&'static str> {
    use clap::ValueEnum;
    let text = text.trim().to_lowercase();
    Lang::value_variants().iter().find_map(|&lang| {
        table(lang)
            .iter()
            .find(|(k, v)| k.starts_with(prefix) && v.to_lowercase() == text)
            .map(|(k, _)| &k[prefix.len()..])
    })
}

/// The text of `key` in every language (words a quote in any language
/// may hold).
pub fn every_language(key: &str) -> impl Iterator<Item = &'static str> + '_ {
    use clap::ValueEnum;
    Lang::value_variants()
        .iter()
        .filter_map(move |&lang| lookup(lang, key))
}

/// The file of a language's labels, for tests and notes.
pub fn file_of(lang: Lang) -> String {
    format!("data/{}/labels.tsv", lang.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::ValueEnum;

    #[test]
    fn every_language_has_every_key() {
        let langs = Lang::value_variants();
        for a in langs {
            for b in langs {
                let missing: Vec<&&str> = table(*a)
                    .keys()
                    .filter(|k| !table(*b).contains_key(*k))
                    .collect();
                assert!(
                    missing.is_empty(),
                    "{} lacks keys of {}: {missing:?}",
                    file_of(*b),
                    file_of(*a)
                );
            }
        }
    }

    #[test]
    fn every_key_the_code_asks_for_exists() {
        let re =
            regex::Regex::new(r#"(?:word|fill)\(\s*[a-z_.]+,\s*"([A-Za-z0-9_.\-]+)""#).unwrap();
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = vec![src];
        let mut asked = 0;
        while let Some(p) = files.pop() {
            if p.is_dir() {
                files.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            let text = std::fs::read_to_string(&p).unwrap();
            for c in re.captures_iter(&text) {
                asked += 1;
                for lang in Lang::value_variants() {
                    assert!(
                        table(*lang).contains_key(&c[1]),
                        "{}: key {:?} asked for in {} is missing",
                        file_of(*lang),
                        &c[1],
                        p.display()
                    );
                }
            }
        }
        assert!(asked > 50, "only {asked} keys found in the code");
    }

    #[test]
    fn every_code_a_subject_can_hold_has_a_name() {
        // The ISO codes the party lists and gazetteers give (`KZ-39`,
        // `RU-TA`, `UZ-SI`): a report names them, it does not print codes.
        let re = regex::Regex::new(r"\b[A-Z]{2}-[A-Z0-9]{1,3}\b").unwrap();
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let mut unnamed = Vec::new();
        for lang in Lang::value_variants() {
            for file in ["parties.tsv", "places.tsv"] {
                let p = data.join(lang.as_str()).join(file);
                let text = std::fs::read_to_string(&p).unwrap();
                for code in re.find_iter(&text).map(|m| m.as_str()) {
                    let key = format!("place.{code}");
                    if !table(Lang::Ru).contains_key(key.as_str()) {
                        unnamed.push(format!("{}: {code}", p.display()));
                    }
                }
            }
        }
        assert!(unnamed.is_empty(), "codes with no label: {unnamed:?}");
    }

    #[test]
    fn english_labels_hold_no_cyrillic_letter() {
        let cyrillic: Vec<(&&str, &&str)> = table(Lang::En)
            .iter()
            .filter(|(_, v)| v.chars().any(|c| ('\u{400}'..='\u{4FF}').contains(&c)))
            .collect();
        assert!(cyrillic.is_empty(), "{cyrillic:?}");
    }

    #[test]
    fn plural_forms_follow_the_language() {
        let years = |n| count(Lang::Ru, "duration.years", n);
        assert_eq!([years(1), years(3), years(5)], ["1 год", "3 года", "5 лет"]);
        assert_eq!(
            [years(11), years(21), years(112)],
            ["11 лет", "21 год", "112 лет"]
        );
        assert_eq!(count(Lang::En, "duration.months", 1), "1 month");
        assert_eq!(count(Lang::En, "duration.years", 2), "2 years");
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            fill(Lang::En, "period.from", &[("date", &"2024-01-02")]),
            "from 2024-01-02"
        );
        assert_eq!(word(Lang::Ru, "no.such.key"), "no.such.key");
    }
}
