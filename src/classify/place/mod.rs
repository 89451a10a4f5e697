//! PLACE: towns and regions named in a sentence, read from the lexicon
//! of places and from the shape of the words.

pub mod ru;
