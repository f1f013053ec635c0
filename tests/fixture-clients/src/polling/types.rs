// @generated from features/polling.yaml by `cargo xtask codegen`. Do not edit by hand.

//! The types of the service's requests and responses.

use serde::{Deserialize, Serialize};

/// The `Export` object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Export {
    /// The `id` field.
    pub id: String,
    /// The `progress` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<Progress>,
}

impl Export {
    /// A `Export` with its required fields (`id`); set the others to send them.
    pub fn new(id: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            progress: None,
        }
    }
}

/// The `Progress` object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Progress {
    /// The `phase` field.
    pub phase: String,
    /// The `percent` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<i64>,
}

impl Progress {
    /// A `Progress` with its required fields (`phase`); set the others to send them.
    pub fn new(phase: impl Into<String>) -> Self {
        Self {
            phase: phase.into(),
            percent: None,
        }
    }
}

/// The `Outcome` object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Outcome {
    /// The `result` field.
    pub result: String,
    /// The `id` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

impl Outcome {
    /// A `Outcome` with its required fields (`result`); set the others to send them.
    pub fn new(result: impl Into<String>) -> Self {
        Self {
            result: result.into(),
            id: None,
        }
    }
}
