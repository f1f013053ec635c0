// @generated from features/error_integer_codes.yaml by `cargo xtask codegen`. Do not edit by hand.

//! The types of the service's requests and responses.

use serde::{Deserialize, Serialize};

/// A failed answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Failure {
    /// The `status` field.
    pub status: Status,
}

impl Failure {
    /// A `Failure` with its required fields (`status`); set the others to send them.
    pub fn new(status: Status) -> Self {
        Self { status }
    }
}

/// The `Status` object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Status {
    /// The `code` field.
    pub code: i64,
    /// The `message` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The fields at fault.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fields: Option<Vec<String>>,
}

impl Status {
    /// A `Status` with its required fields (`code`); set the others to send them.
    pub fn new(code: i64) -> Self {
        Self {
            code,
            message: None,
            fields: None,
        }
    }
}

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
