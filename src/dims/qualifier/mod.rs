//! Qualifiers: the words before a figure that say whether it is exact,
//! approximate, a floor or a ceiling. One file per language.

pub mod en;
pub mod ru;
