// @generated from features/dates.yaml by `cargo xtask codegen`. Do not edit by hand.

//! The types of the service's requests and responses.

use std::fmt;
use serde::{Deserialize, Serialize};

/// The `Event` object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Event {
    /// When it happened.
    ///
    /// Format: `date-time`.
    pub at: chrono::DateTime<chrono::FixedOffset>,
    /// The day it is filed under.
    ///
    /// Format: `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on: Option<chrono::NaiveDate>,
    /// When it was noted, as sent.
    ///
    /// Format: `date-time`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub noted: Option<String>,
    /// Whether a logo is uploaded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<EventLogo>,
}

impl Event {
    /// A `Event` with its required fields (`at`); set the others to send them.
    pub fn new(at: chrono::DateTime<chrono::FixedOffset>) -> Self {
        Self {
            at,
            on: None,
            noted: None,
            logo: None,
        }
    }
}

/// The `logo` field of `Event`, which the document gives as `string | boolean`.
///
/// Decoding tries each form in turn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum EventLogo {
    /// The value as a string.
    Text(String),
    /// The value as a boolean.
    Boolean(bool),
}

impl fmt::Display for EventLogo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Text(value) => fmt::Display::fmt(value, f),
            Self::Boolean(value) => fmt::Display::fmt(value, f),
        }
    }
}

impl EventLogo {
    /// The value as a boolean: the boolean form as it is, and text `true` or
    /// `false` (in any case) as that. Other text, such as the blank the
    /// document's samples send, is `None`: the document does not say what it
    /// means (our reading, not the document's).
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Self::Boolean(value) => Some(*value),
            Self::Text(text) => {
                match text.trim().to_ascii_lowercase().as_str() {
                    "true" => Some(true),
                    "false" => Some(false),
                    _ => None,
                }
            }
        }
    }
}
