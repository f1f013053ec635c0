// @generated from features/auth_none.yaml by `cargo xtask codegen`. Do not edit by hand.

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

/// The error codes of the service. The document lists none, so every code is `Unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorCode {
    /// A code the document does not list, as the server sent it.
    Unknown(String),
}

impl ErrorCode {
    /// The code as the server sends it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Unknown(code) => code.as_str(),
        }
    }

    /// The HTTP status the document gives for this code.
    pub fn documented_status(&self) -> Option<u16> {
        match self {
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
    const SERVICE: &'static str = "auth_none";

    type Body = serde_json::Value;

    fn from_wire(code: &str) -> Option<Self> {
        Some(Self::Unknown(code.to_owned()))
    }
}

/// The document shows no error body: every error status is reported as `Error::UnexpectedStatus`.
pub(crate) const ERROR_SHAPE: Option<ErrorShape> = None;
