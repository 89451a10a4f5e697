//! Lexicons embedded from `data/`.
