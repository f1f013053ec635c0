//! What the runtime tests share: a service error code and its error shape, as a generated
//! service module would define them.

use std::fmt;

use client_runtime::{ErrorCode, ErrorShape};

/// The error codes of a made-up service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TestCode {
    InvalidToken,
    InvalidData,
    Unknown(String),
}

impl fmt::Display for TestCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TestCode::InvalidToken => f.write_str("INVALID_TOKEN"),
            TestCode::InvalidData => f.write_str("INVALID_DATA"),
            TestCode::Unknown(code) => f.write_str(code),
        }
    }
}

impl ErrorCode for TestCode {
    const SERVICE: &'static str = "test_service";

    fn from_wire(code: &str) -> Self {
        match code {
            "INVALID_TOKEN" => TestCode::InvalidToken,
            "INVALID_DATA" => TestCode::InvalidData,
            other => TestCode::Unknown(other.to_owned()),
        }
    }

    fn is_invalid_token(&self) -> bool {
        matches!(self, TestCode::InvalidToken)
    }
}

/// The error type of the made-up service.
pub type Error = client_runtime::Error<TestCode>;

/// Zoho's usual error body: `{"code": ..., "message": ..., "details": ...}`.
pub const SHAPE: ErrorShape = ErrorShape {
    code: &["code"],
    message: &["message"],
    details: Some(&["details"]),
};
