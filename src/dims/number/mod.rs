//! NUMBER: digits, scale words, number words, ranges. The shared type is
//! `dims::Num`; the rules of each language are in its own file.

pub mod en;
pub mod ru;
