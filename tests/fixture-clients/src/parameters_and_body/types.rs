// @generated from features/parameters_and_body.yaml by `cargo xtask codegen`. Do not edit by hand.

//! The types of the service's requests and responses.

use std::fmt;
use serde::{Deserialize, Serialize};

/// The `NewThing` object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NewThing {
    /// The `name` field.
    pub name: String,
    /// The `sides` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sides: Option<i64>,
}

impl NewThing {
    /// A `NewThing` with its required fields (`name`); set the others to send them.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            sides: None,
        }
    }
}

/// The `Thing` object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Thing {
    /// The `id` field.
    pub id: String,
}

impl Thing {
    /// A `Thing` with its required fields (`id`); set the others to send them.
    pub fn new(id: impl Into<String>) -> Self {
        Self { id: id.into() }
    }
}

/// The values of `Sort`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
#[non_exhaustive]
pub enum Sort {
    /// `asc`
    Asc,
    /// `desc`
    Desc,
    /// A value the document does not list, kept as the server sent it.
    Unknown(String),
}

impl Sort {
    /// The value as sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Asc => "asc",
            Self::Desc => "desc",
            Self::Unknown(value) => value.as_str(),
        }
    }
}

impl From<String> for Sort {
    fn from(value: String) -> Self {
        match value.as_str() {
            "asc" => Self::Asc,
            "desc" => Self::Desc,
            _ => Self::Unknown(value),
        }
    }
}

impl From<Sort> for String {
    fn from(value: Sort) -> Self {
        value.as_str().to_owned()
    }
}

impl fmt::Display for Sort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
