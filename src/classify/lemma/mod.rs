//! LEMMA: the dictionary form of the words of a plant key (plant-key
//! morphology). Russian only: English keys are looked up in
//! `data/en/products.tsv`.

pub mod ru;
