//! ELIDED UNITS: a number whose unit was said before it, and the part
//! of a yearly whole that is yearly too. Each language fills them in by
//! its own rules.

pub mod en;
pub mod ru;
