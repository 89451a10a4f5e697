//! QUANTITY and PERCENT: an amount with a unit of what is counted, and a
//! share in per cent. One file per language; units are each language's
//! `units.tsv`.

pub mod class;
pub mod en;
pub mod ru;
