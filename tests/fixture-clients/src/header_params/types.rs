// @generated from features/header_params.yaml by `cargo xtask codegen`. Do not edit by hand.

//! The types of the service's requests and responses.

use std::fmt;
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

/// The values of `Priority`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
#[non_exhaustive]
pub enum Priority {
    /// `low`
    Low,
    /// `high`
    High,
    /// A value the document does not list, kept as the server sent it.
    Unknown(String),
}

impl Priority {
    /// The value as sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Low => "low",
            Self::High => "high",
            Self::Unknown(value) => value.as_str(),
        }
    }
}

impl From<String> for Priority {
    fn from(value: String) -> Self {
        match value.as_str() {
            "low" => Self::Low,
            "high" => Self::High,
            _ => Self::Unknown(value),
        }
    }
}

impl From<Priority> for String {
    fn from(value: Priority) -> Self {
        value.as_str().to_owned()
    }
}

impl fmt::Display for Priority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The `version` field of `Param`, which the document gives as `string | integer`.
///
/// Decoding tries each form in turn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum ParamVersion {
    /// The value as a string.
    Text(String),
    /// The value as an integer.
    Integer(i64),
}

impl fmt::Display for ParamVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Text(value) => fmt::Display::fmt(value, f),
            Self::Integer(value) => fmt::Display::fmt(value, f),
        }
    }
}
