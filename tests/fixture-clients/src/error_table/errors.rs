// @generated from features/error_table.yaml by `cargo xtask codegen`. Do not edit by hand.

//! The service's documented error codes, and its `Error` and `Result` types.

use std::fmt;
use crate::runtime::ErrorShape;

/// An error from this service's client: see [`crate::runtime::Error`] for the kinds.
pub type Error = crate::runtime::Error<ErrorCode>;

/// The result of this service's operations.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The body of a download (an operation that returns a file): a byte stream, held
/// to the client's download size limit. See [`crate::runtime::Download`].
pub type Download = crate::runtime::Download<ErrorCode>;

/// The error codes the document lists for this service.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorCode {
    /// `INVALID_DATA` (HTTP 400).
    ///
    /// A value is invalid. Resolution: Fix it.
    ///
    /// A value is missing.
    InvalidData,
    /// `OAUTH_SCOPE_MISMATCH` (HTTP 401).
    ///
    /// The token lacks a scope. Resolution: Ask for the scope.
    OauthScopeMismatch,
    /// A code the document does not list, as the server sent it.
    Unknown(String),
}

impl ErrorCode {
    /// The code as the server sends it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::InvalidData => "INVALID_DATA",
            Self::OauthScopeMismatch => "OAUTH_SCOPE_MISMATCH",
            Self::Unknown(code) => code.as_str(),
        }
    }

    /// The HTTP status the document gives for this code.
    pub fn documented_status(&self) -> Option<u16> {
        match self {
            Self::InvalidData => Some(400),
            Self::OauthScopeMismatch => Some(401),
            Self::Unknown(_) => None,
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl crate::runtime::ErrorCode for ErrorCode {
    const SERVICE: &'static str = "error_table";

    type Body = serde_json::Value;

    fn from_wire(code: &str) -> Option<Self> {
        Some(
            match code {
                "INVALID_DATA" => Self::InvalidData,
                "OAUTH_SCOPE_MISMATCH" => Self::OauthScopeMismatch,
                other => Self::Unknown(other.to_owned()),
            },
        )
    }
}

/// Where an error body keeps its code, message and details.
pub(crate) const ERROR_SHAPE: Option<ErrorShape> = Some(ErrorShape {
    code: Some(&["error", "code"]),
    message: &["error", "message"],
    details: Some(&["error", "details"]),
    success: None,
});
