//! The plant a document is about, as a grammar's rules find it in its
//! head (`RecordRules::topic`): the plant of the figures that name no
//! plant of their own. One file per language that has such rules.

pub(crate) mod ru;

/// The document's plant: its place (none when the text gives none) and
/// its product, if the head or a later sentence at that place names one.
#[derive(Debug, Clone, Default)]
pub struct Topic {
    pub(crate) place: Option<String>,
    pub(crate) product: Option<String>,
    /// Whether the head is about one plant (not a set, not a region's
    /// list of plants).
    pub(crate) one: bool,
}

impl Topic {
    /// The key, when both place and product are known.
    pub(crate) fn key(&self) -> Option<String> {
        Some(format!(
            "{}/{}",
            self.place.as_ref()?,
            self.product.as_ref()?
        ))
    }
}
