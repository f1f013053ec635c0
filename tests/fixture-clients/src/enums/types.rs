// @generated from features/enums.yaml by `cargo xtask codegen`. Do not edit by hand.

//! The types of the service's requests and responses.

use std::fmt;
use serde::{Deserialize, Serialize};

/// The `Thing` object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Thing {
    /// The `colour` field.
    pub colour: Colour,
    /// The `level` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
}

impl Thing {
    /// A `Thing` with its required fields (`colour`); set the others to send them.
    pub fn new(colour: Colour) -> Self {
        Self { colour, level: None }
    }
}

/// A colour.
///
/// Not stated by the document: that the list is complete at the time of writing.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
#[non_exhaustive]
pub enum Colour {
    /// `red`
    Red,
    /// `DARK_BLUE`
    DarkBlue,
    /// `light-green`: Renamed.
    Mint,
    /// A value the document does not list, kept as the server sent it.
    Unknown(String),
}

impl Colour {
    /// The value as sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Red => "red",
            Self::DarkBlue => "DARK_BLUE",
            Self::Mint => "light-green",
            Self::Unknown(value) => value.as_str(),
        }
    }
}

impl From<String> for Colour {
    fn from(value: String) -> Self {
        match value.as_str() {
            "red" => Self::Red,
            "DARK_BLUE" => Self::DarkBlue,
            "light-green" => Self::Mint,
            _ => Self::Unknown(value),
        }
    }
}

impl From<Colour> for String {
    fn from(value: Colour) -> Self {
        value.as_str().to_owned()
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The values of `Level`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "i64", into = "i64")]
#[non_exhaustive]
pub enum Level {
    /// `0`
    Low,
    /// `1`: The high level.
    High,
    /// A value the document does not list, kept as the server sent it.
    Unknown(i64),
}

impl Level {
    /// The value as sent on the wire.
    pub fn as_i64(&self) -> i64 {
        match self {
            Self::Low => 0,
            Self::High => 1,
            Self::Unknown(value) => *value,
        }
    }
}

impl From<i64> for Level {
    fn from(value: i64) -> Self {
        match value {
            0 => Self::Low,
            1 => Self::High,
            _ => Self::Unknown(value),
        }
    }
}

impl From<Level> for i64 {
    fn from(value: Level) -> Self {
        value.as_i64()
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.as_i64())
    }
}
