// @generated from specs/zoho_people.yaml by `cargo xtask codegen`. Do not edit by hand.

//! The types of the service's requests and responses.

use std::fmt;
use serde::{Deserialize, Serialize};

/// An entity or a unit of the organization structure.
///
/// Not stated by the document: every field and its description, read from the samples' keys.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrgRecord {
    /// Code of the record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zp_code: Option<String>,
    /// Name of the record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description of the record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Zoho ID of the record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zoho_id: Option<String>,
}

/// A division of the organization structure.
///
/// Not stated by the document: every field and its description, read from the samples' keys.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Division {
    /// Code of the division.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zp_code: Option<String>,
    /// The division this one belongs to; `{}` when it has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_division: Option<ParentDivision>,
    /// Name of the division.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Description of the division.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Zoho ID of the division.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zoho_id: Option<String>,
}

/// The parent of a division; both fields are absent when there is no parent.
///
/// Not stated by the document: both fields and their descriptions, read from the divisions sample.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ParentDivision {
    /// Name of the parent division.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Zoho ID of the parent division.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zoho_id: Option<String>,
}

/// Indicates the tag status of the records to be retrieved.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "i64", into = "i64")]
#[non_exhaustive]
pub enum TagStatus {
    /// `0`: Unmapped records.
    Unmapped,
    /// `1`: Mapped records.
    Mapped,
    /// A value the document does not list, kept as the server sent it.
    Unknown(i64),
}

impl TagStatus {
    /// The value as sent on the wire.
    pub fn as_i64(&self) -> i64 {
        match self {
            Self::Unmapped => 0,
            Self::Mapped => 1,
            Self::Unknown(value) => *value,
        }
    }
}

impl From<i64> for TagStatus {
    fn from(value: i64) -> Self {
        match value {
            0 => Self::Unmapped,
            1 => Self::Mapped,
            _ => Self::Unknown(value),
        }
    }
}

impl From<TagStatus> for i64 {
    fn from(value: TagStatus) -> Self {
        value.as_i64()
    }
}

impl fmt::Display for TagStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.as_i64())
    }
}
