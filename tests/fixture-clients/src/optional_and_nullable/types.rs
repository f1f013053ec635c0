// @generated from features/optional_and_nullable.yaml by `cargo xtask codegen`. Do not edit by hand.

//! The types of the service's requests and responses.

use serde::{Deserialize, Serialize};

/// The `Thing` object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Thing {
    /// The `id` field.
    pub id: i64,
    /// The `note` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The `parent` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<i64>,
    /// The `extra` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra: Option<serde_json::Value>,
}

impl Thing {
    /// A `Thing` with its required fields (`id`); set the others to send them.
    pub fn new(id: i64) -> Self {
        Self {
            id,
            note: None,
            parent: None,
            extra: None,
        }
    }
}
