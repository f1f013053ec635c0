// @generated from features/auth_none.yaml by `cargo xtask codegen`. Do not edit by hand.

//! The types of the service's requests and responses.

use serde::{Deserialize, Serialize};

/// The `Thing` object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Thing {
    /// The `id` field.
    pub id: i64,
}

impl Thing {
    /// A `Thing` with its required fields (`id`); set the others to send them.
    pub fn new(id: i64) -> Self {
        Self { id }
    }
}
