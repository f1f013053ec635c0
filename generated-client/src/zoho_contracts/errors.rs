// @generated from specs/zoho_contracts.yaml by `cargo xtask codegen`. Do not edit by hand.

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
    /// `INVALID_URL_PATTERN` (HTTP 404).
    ///
    /// Request URL is incorrect Resolution: Specify a valid request URL. Refer to the Request URL section above.
    InvalidUrlPattern,
    /// `OAUTH_SCOPE_MISMATCH` (HTTP 401).
    ///
    /// Unauthorized Resolution: Client does not have contracts.meta.READ scope. Create a new client with valid scope. Refer to the Scope section above.
    OauthScopeMismatch,
    /// `NO_PERMISSION` (HTTP 403).
    ///
    /// Permission denied to read Resolution: The user does not have permission to read records. Contact your organization administrator.
    NoPermission,
    /// `INTERNAL_ERROR` (HTTP 500).
    ///
    /// Internal Server Error Resolution: Unexpected and unhandled exception in the server.
    InternalError,
    /// `INVALID_REQUEST_METHOD` (HTTP 400).
    ///
    /// The HTTP request method is not a valid one. Resolution: You have specified an invalid HTTP method to access the API URL. Specify a valid request method. Refer to the Endpoints section above.
    InvalidRequestMethod,
    /// `AUTHORIZATION_FAILED` (HTTP 400).
    ///
    /// The user does not have sufficient privilege to read module details. Resolution: The user does not have permission to retrieve module details. Contact your organization administrator.
    AuthorizationFailed,
    /// A code the document does not list, as the server sent it.
    Unknown(String),
}

impl ErrorCode {
    /// The code as the server sends it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::InvalidUrlPattern => "INVALID_URL_PATTERN",
            Self::OauthScopeMismatch => "OAUTH_SCOPE_MISMATCH",
            Self::NoPermission => "NO_PERMISSION",
            Self::InternalError => "INTERNAL_ERROR",
            Self::InvalidRequestMethod => "INVALID_REQUEST_METHOD",
            Self::AuthorizationFailed => "AUTHORIZATION_FAILED",
            Self::Unknown(code) => code.as_str(),
        }
    }

    /// The HTTP status the document gives for this code.
    pub fn documented_status(&self) -> Option<u16> {
        match self {
            Self::InvalidUrlPattern => Some(404),
            Self::OauthScopeMismatch => Some(401),
            Self::NoPermission => Some(403),
            Self::InternalError => Some(500),
            Self::InvalidRequestMethod => Some(400),
            Self::AuthorizationFailed => Some(400),
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
    const SERVICE: &'static str = "zoho_contracts";

    type Body = serde_json::Value;

    fn from_wire(code: &str) -> Option<Self> {
        Some(
            match code {
                "INVALID_URL_PATTERN" => Self::InvalidUrlPattern,
                "OAUTH_SCOPE_MISMATCH" => Self::OauthScopeMismatch,
                "NO_PERMISSION" => Self::NoPermission,
                "INTERNAL_ERROR" => Self::InternalError,
                "INVALID_REQUEST_METHOD" => Self::InvalidRequestMethod,
                "AUTHORIZATION_FAILED" => Self::AuthorizationFailed,
                other => Self::Unknown(other.to_owned()),
            },
        )
    }
}

/// Where an error body keeps its code, message and details.
///
/// Not stated by the document: the whole shape: Zoho's usual error body, a `code` and a `message`; the page lists the codes but shows no body.
pub(crate) const ERROR_SHAPE: Option<ErrorShape> = Some(ErrorShape {
    code: Some(&["code"]),
    message: &["message"],
    details: None,
    success: None,
});
