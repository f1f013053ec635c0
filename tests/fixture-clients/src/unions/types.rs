// @generated from features/unions.yaml by `cargo xtask codegen`. Do not edit by hand.

//! The types of the service's requests and responses.

use std::fmt;
use serde::{Deserialize, Serialize};

/// The `Thing` object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Thing {
    /// The `zipCode` field.
    #[serde(rename = "zipCode", default, skip_serializing_if = "Option::is_none")]
    pub zip_code: Option<ThingZipCode>,
    /// The `ratio` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ratio: Option<ThingRatio>,
    /// The `flag` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flag: Option<ThingFlag>,
}

/// The `zipCode` field of `Thing`, which the document gives as `string | integer`.
///
/// Decoding tries each form in turn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum ThingZipCode {
    /// The value as a string.
    Text(String),
    /// The value as an integer.
    Integer(i64),
}

impl fmt::Display for ThingZipCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Text(value) => fmt::Display::fmt(value, f),
            Self::Integer(value) => fmt::Display::fmt(value, f),
        }
    }
}

/// The `ratio` field of `Thing`, which the document gives as `number | integer`.
///
/// Decoding tries each form in turn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum ThingRatio {
    /// The value as an integer.
    Integer(i64),
    /// The value as a number.
    Number(f64),
}

impl fmt::Display for ThingRatio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Integer(value) => fmt::Display::fmt(value, f),
            Self::Number(value) => fmt::Display::fmt(value, f),
        }
    }
}

/// The `flag` field of `Thing`, which the document gives as `string | boolean`.
///
/// Decoding tries each form in turn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum ThingFlag {
    /// The value as a string.
    Text(String),
    /// The value as a boolean.
    Boolean(bool),
}

impl fmt::Display for ThingFlag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Text(value) => fmt::Display::fmt(value, f),
            Self::Boolean(value) => fmt::Display::fmt(value, f),
        }
    }
}

impl ThingFlag {
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
