//! Properties of extraction over random and mutated text: no panic, every
//! span inside the text, every value finite. Bounded so a test run stays
//! short; `PROPTEST_CASES=200000 cargo test --release --test it props`
//! runs it for as long as wanted.

use factline::extract::{extract, mentions};
use factline::text::Document;
use proptest::prelude::*;

/// Pieces real figures are made of, to mutate and shuffle.
const PIECES: [&str; 24] = [
    "товарооборот",
    "составил",
    "7,5",
    "млрд",
    "долларов",
    "в 2023 году",
    "марки",
    "Н",
    "до",
    "завод",
    "в Сарани",
    "тонн в год",
    "—",
    "(",
    ")",
    "$",
    "1 200",
    "%",
    "за 11 месяцев",
    "2024-2025 годах",
    ".",
    "\n",
    "около",
    "запуск",
];

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(PIECES.to_vec()).prop_map(str::to_string),
        1 => "\\PC{0,6}",
        1 => "[0-9 ,.]{1,8}",
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|ps| ps.join(" "))
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let doc = Document::new("p", text).with_published(
        chrono::NaiveDate::from_ymd_opt(2024, 3, 4).unwrap(),
        factline::record::DateBasis::Metadata,
    );
    let chars = text.chars().count();
    for r in extract(&doc) {
        prop_assert!(r.span_start <= r.span_end && r.span_end <= chars, "{r:?}");
        for v in [r.value, r.value_max].into_iter().flatten() {
            prop_assert!(v.is_finite(), "{r:?}");
        }
    }
    for m in mentions(&doc) {
        prop_assert!(m.start <= m.end && m.end <= chars, "{m:?}");
        let words: String = text.chars().skip(m.start).take(m.end - m.start).collect();
        prop_assert_eq!(&words, &m.text);
        for v in [m.value, m.value_max].into_iter().flatten() {
            prop_assert!(v.is_finite(), "{m:?}");
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn figures_shuffled_never_break_extraction(t in text()) {
        check(&t)?;
    }

    #[test]
    fn any_text_never_breaks_extraction(t in "\\PC{0,300}") {
        check(&t)?;
    }
}
