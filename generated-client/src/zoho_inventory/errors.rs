// @generated from specs/zoho_inventory.yaml by `cargo xtask codegen`. Do not edit by hand.

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
    Unknown(i64),
}

impl ErrorCode {
    /// The code as the server sends it.
    pub fn as_i64(&self) -> i64 {
        match self {
            Self::Unknown(code) => *code,
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
        write!(f, "{}", self.as_i64())
    }
}

impl crate::runtime::ErrorCode for ErrorCode {
    const SERVICE: &'static str = "zoho_inventory";

    type Body = serde_json::Value;

    fn from_wire(code: &str) -> Option<Self> {
        code.trim().parse().ok().map(Self::Unknown)
    }
}

/// Where an error body keeps its code, message and details. A 2xx answer whose `code` is not the samples' `0` is an error too.
///
/// Not stated by the document: the whole shape: Zoho Inventory's usual error body, an integer `code` and a `message`, and that a `code` other than `0` means an error.
pub(crate) const ERROR_SHAPE: Option<ErrorShape> = Some(ErrorShape {
    code: Some(&["code"]),
    message: &["message"],
    details: None,
    success: Some("0"),
});
