// @generated from features/maps.yaml by `cargo xtask codegen`. Do not edit by hand.

//! The types of the service's requests and responses.

use serde::{Deserialize, Serialize};

/// What each warehouse holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Inventory {
    /// Units in stock by warehouse id.
    pub counts: std::collections::BTreeMap<String, i64>,
    /// Labels by language code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labels: Option<std::collections::BTreeMap<String, String>>,
    /// Shipments, each the batches it brought by warehouse id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub batches: Option<Vec<std::collections::BTreeMap<String, Vec<Batch>>>>,
    /// Free-form attributes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributes: Option<std::collections::BTreeMap<String, serde_json::Value>>,
}

impl Inventory {
    /// A `Inventory` with its required fields (`counts`); set the others to send them.
    pub fn new(counts: std::collections::BTreeMap<String, i64>) -> Self {
        Self {
            counts,
            labels: None,
            batches: None,
            attributes: None,
        }
    }
}

/// The `Batch` object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Batch {
    /// The `lot` field.
    pub lot: String,
    /// The `units` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub units: Option<i64>,
}

impl Batch {
    /// A `Batch` with its required fields (`lot`); set the others to send them.
    pub fn new(lot: impl Into<String>) -> Self {
        Self {
            lot: lot.into(),
            units: None,
        }
    }
}

/// Labels to set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Labels {
    /// Labels by language code.
    pub labels: std::collections::BTreeMap<String, String>,
}

impl Labels {
    /// A `Labels` with its required fields (`labels`); set the others to send them.
    pub fn new(labels: std::collections::BTreeMap<String, String>) -> Self {
        Self { labels }
    }
}
