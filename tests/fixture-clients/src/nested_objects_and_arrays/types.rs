// @generated from features/nested_objects_and_arrays.yaml by `cargo xtask codegen`. Do not edit by hand.

//! The types of the service's requests and responses.

use serde::{Deserialize, Serialize};

/// The `Thing` object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Thing {
    /// The `owner` field.
    pub owner: Person,
    /// The `tags` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
    /// The `people` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub people: Option<Vec<Person>>,
    /// The `matrix` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matrix: Option<Vec<Vec<i64>>>,
}

impl Thing {
    /// A `Thing` with its required fields (`owner`); set the others to send them.
    pub fn new(owner: Person) -> Self {
        Self {
            owner,
            tags: None,
            people: None,
            matrix: None,
        }
    }
}

/// The `Person` object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Person {
    /// The `name` field.
    pub name: String,
    /// The `address` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
}

impl Person {
    /// A `Person` with its required fields (`name`); set the others to send them.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            address: None,
        }
    }
}

/// The `Address` object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Address {
    /// The `city` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
}
