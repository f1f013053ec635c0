// @generated from features/rate_limited.yaml by `cargo xtask codegen`. Do not edit by hand.

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
    /// `TOO_MANY_REQUESTS` (HTTP 429).
    ///
    /// Slow down.
    TooManyRequests,
    /// `DAILY_QUOTA_EXCEEDED` (HTTP 429).
    ///
    /// The day's quota is used up.
    DailyQuotaExceeded,
    /// A code the document does not list, as the server sent it.
    Unknown(String),
}

impl ErrorCode {
    /// The code as the server sends it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::TooManyRequests => "TOO_MANY_REQUESTS",
            Self::DailyQuotaExceeded => "DAILY_QUOTA_EXCEEDED",
            Self::Unknown(code) => code.as_str(),
        }
    }

    /// The HTTP status the document gives for this code.
    pub fn documented_status(&self) -> Option<u16> {
        match self {
            Self::TooManyRequests => Some(429),
            Self::DailyQuotaExceeded => Some(429),
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
    const SERVICE: &'static str = "rate_limited";

    type Body = serde_json::Value;

    fn from_wire(code: &str) -> Option<Self> {
        Some(
            match code {
                "TOO_MANY_REQUESTS" => Self::TooManyRequests,
                "DAILY_QUOTA_EXCEEDED" => Self::DailyQuotaExceeded,
                other => Self::Unknown(other.to_owned()),
            },
        )
    }

    fn is_quota(&self) -> bool {
        matches!(self, Self::DailyQuotaExceeded)
    }
}

/// Where an error body keeps its code, message and details.
pub(crate) const ERROR_SHAPE: Option<ErrorShape> = Some(ErrorShape {
    code: Some(&["error"]),
    message: &["message"],
    details: None,
    success: None,
});
