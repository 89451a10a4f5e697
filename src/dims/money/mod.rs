//! MONEY: an amount and a currency, read on a number. One file per
//! language; currency names are each language's `currencies.tsv`.

pub mod en;
pub mod ru;
