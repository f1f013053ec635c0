// @generated from features/error_integer_codes.yaml by `cargo xtask codegen`. Do not edit by hand.

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
    /// `14` (HTTP 401).
    ///
    /// The access token has expired.
    TokenExpired,
    /// `1002` (HTTP 404).
    ///
    /// The thing does not exist. Resolution: Check its id.
    NoSuchThing,
    /// A code the document does not list, as the server sent it.
    Unknown(i64),
}

impl ErrorCode {
    /// The code as the server sends it.
    pub fn as_i64(&self) -> i64 {
        match self {
            Self::TokenExpired => 14,
            Self::NoSuchThing => 1002,
            Self::Unknown(code) => *code,
        }
    }

    /// The HTTP status the document gives for this code.
    pub fn documented_status(&self) -> Option<u16> {
        match self {
            Self::TokenExpired => Some(401),
            Self::NoSuchThing => Some(404),
            Self::Unknown(_) => None,
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.as_i64())
    }
}

impl crate::runtime::ErrorCode for ErrorCode {
    const SERVICE: &'static str = "error_integer_codes";

    type Body = super::types::Failure;

    fn from_wire(code: &str) -> Option<Self> {
        let code: i64 = code.trim().parse().ok()?;
        Some(
            match code {
                14 => Self::TokenExpired,
                1002 => Self::NoSuchThing,
                other => Self::Unknown(other),
            },
        )
    }
}

/// Where an error body keeps its code, message and details. The status object every answer carries.
pub(crate) const ERROR_SHAPE: Option<ErrorShape> = Some(ErrorShape {
    code: Some(&["status", "code"]),
    message: &["status", "message"],
    details: Some(&["status", "fields"]),
    success: Some("0"),
});
