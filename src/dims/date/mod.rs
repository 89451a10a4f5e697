//! DATE: days, months, quarters, halves, years and spans, as periods
//! (`dims::Period`). One rule set per language.

pub mod en;
pub mod ru;
