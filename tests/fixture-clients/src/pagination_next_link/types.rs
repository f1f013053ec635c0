// @generated from features/pagination_next_link.yaml by `cargo xtask codegen`. Do not edit by hand.

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

/// The `Link` object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Link {
    /// The `href` field.
    pub href: String,
}

impl Link {
    /// A `Link` with its required fields (`href`); set the others to send them.
    pub fn new(href: impl Into<String>) -> Self {
        Self { href: href.into() }
    }
}

/// The `Links` object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Links {
    /// The `next` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<Link>,
    /// The `self` field.
    #[serde(rename = "self", default, skip_serializing_if = "Option::is_none")]
    pub this: Option<Link>,
}
