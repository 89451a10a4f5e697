//! The Russian abbreviations the sentence splitter knows.

use super::GoesOn;

/// The Russian words before a full stop that goes on with the sentence.
pub const GOES_ON: GoesOn = GoesOn {
    abbreviations: &ABBREVIATIONS,
    scales: &SCALES,
    currency_of: &CURRENCY_OF,
};

/// Abbreviations that stand before a name or a year (`IV кв. 2023 г.`,
/// `9 мес. 2024 г.`) and never end a sentence. (`млрд.`, `руб.`, `г.`
/// before a capital do end one: `4 млрд долл. В …`.)
pub const ABBREVIATIONS: [&str; 12] = [
    "им", "ул", "см", "англ", "св", "пр", "ген", "проф", "акад", "гр", "кв", "мес",
];

/// Scale words whose full stop goes on before a unit in Latin capitals
/// (`500 тыс. TEU`).
pub const SCALES: [&str; 4] = ["тыс", "млн", "млрд", "трлн"];

/// An abbreviated currency and the country word after its full stop
/// (`долл. США`): the sentence goes on.
pub const CURRENCY_OF: [(&str, &str); 1] = [("долл", "США")];
