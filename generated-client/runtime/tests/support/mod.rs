//! What the runtime tests share: a service error code, its error shape and ways of
//! authorizing, as a generated service module would define them.

// Each test file uses its own part of this module.
#![allow(dead_code)]

use std::fmt;

use client_runtime::{Auth, AuthScheme, ErrorCode, ErrorShape, Grant, RefreshOn, TokenEndpoint};

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

    type Body = serde_json::Value;

    fn from_wire(code: &str) -> Option<Self> {
        Some(match code {
            "INVALID_TOKEN" => TestCode::InvalidToken,
            "INVALID_DATA" => TestCode::InvalidData,
            other => TestCode::Unknown(other.to_owned()),
        })
    }
}

/// The error type of the made-up service.
pub type Error = client_runtime::Error<TestCode>;

/// Zoho's usual error body: `{"code": ..., "message": ..., "details": ...}`.
pub const SHAPE: ErrorShape = ErrorShape {
    code: Some(&["code"]),
    message: &["message"],
    details: Some(&["details"]),
    success: None,
};

/// Where the made-up services' token endpoint is, on their accounts host.
pub const TOKEN_PATH: &str = "/oauth/v2/token";

/// A service authorized as Zoho's are: `Authorization: Zoho-oauthtoken <token>`, tokens
/// from the refresh-token grant, refreshed when a 401 says `INVALID_TOKEN`.
pub const ZOHO: Auth = Auth {
    scheme: AuthScheme::Bearer {
        header: "Authorization",
        prefix: "Zoho-oauthtoken",
    },
    tokens: Some(TokenEndpoint {
        path: TOKEN_PATH,
        grants: &[Grant::RefreshToken],
        refresh_on: &[RefreshOn {
            status: 401,
            code: Some("INVALID_TOKEN"),
        }],
    }),
};

/// A service authorized with `Authorization: Bearer <token>`, tokens from either grant,
/// refreshed after any 401.
pub const BEARER: Auth = Auth {
    scheme: AuthScheme::Bearer {
        header: "Authorization",
        prefix: "Bearer",
    },
    tokens: Some(TokenEndpoint {
        path: TOKEN_PATH,
        grants: &[Grant::RefreshToken, Grant::ClientCredentials],
        refresh_on: &[RefreshOn {
            status: 401,
            code: None,
        }],
    }),
};
