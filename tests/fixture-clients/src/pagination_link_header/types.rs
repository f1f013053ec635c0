// @generated from features/pagination_link_header.yaml by `cargo xtask codegen`. Do not edit by hand.

//! The types of the service's requests and responses.

use serde::{Deserialize, Serialize};

/// The `Item` object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Item {
    /// The `id` field.
    pub id: i64,
}

impl Item {
    /// A `Item` with its required fields (`id`); set the others to send them.
    pub fn new(id: i64) -> Self {
        Self { id }
    }
}
