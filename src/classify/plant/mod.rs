//! PLANT: one plant or project named in a sentence, as a `place/product`
//! key. The key is written in Russian lemmas whatever the language of the
//! text, so that one plant has one key; each language finds plants by
//! its own rules (`ru.rs`, `en.rs`).

pub mod en;
pub mod ru;

/// A plant or project named in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Plant {
    /// The trigger word's token.
    pub start: usize,
    /// One past the last product token.
    pub end: usize,
    /// The town, if the sentence names one.
    pub place: Option<String>,
    /// The products, lemmatised (`шина`, `чугунное литьё`).
    pub products: Vec<String>,
}

impl Plant {
    /// One key per product; none without a place.
    pub fn keys(&self) -> Vec<String> {
        let Some(place) = &self.place else {
            return Vec::new();
        };
        self.products
            .iter()
            .map(|p| [place, "/", p].concat())
            .collect()
    }

    /// The plant a key names (`Сарань/шина`), as if named in no sentence.
    pub fn from_key(key: &str) -> Option<Plant> {
        let (place, product) = key.split_once('/')?;
        Some(Plant {
            start: 0,
            end: 0,
            place: Some(place.to_string()),
            products: vec![product.to_string()],
        })
    }

    /// The key with a product found elsewhere (a plant named by its
    /// place only: `завод в Елабуге … 50 тысяч автомобилей`).
    pub fn key_with(&self, product: &str) -> Option<String> {
        Some([self.place.as_ref()?, "/", product].concat())
    }
}
