// @generated from specs/zoho_crm.yaml by `cargo xtask codegen`. Do not edit by hand.

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
    /// `NO_CONTENT` (HTTP 204).
    ///
    /// There is no data enrichment created for your org. Resolution: Create data enrichment for your org.
    NoContent,
    /// `INVALID_DATA` (HTTP 400).
    ///
    /// You have given an invalid value for the "sort\_by" parameter. Resolution: You can only sort by the created time.
    ///
    /// The value for the "status" parameter is incorrect. Resolution: The possible values are COMPLETED, SCHEDULED, FAILED, and DATA\_NOT\_FOUND.
    ///
    /// The value for the "sort\_order" parameter is invalid. Resolution: The possible values for this parameter are asc and desc.
    ///
    /// The API name of the "name", "email" or "website" keys is incorrect. Resolution: Input correct key names.
    ///
    /// The API name of the module is incorrect. Resolution: Input correct module API name. Use the Get Modules API to get the API name of the module.
    ///
    /// The record ID is invalid. Resolution: Use the Get Records API to get the ID of the record in the module.
    ///
    /// The length of the values of the keys "email", "name" and "website" are less than three characters long. Resolution: The values of these keys must be at least three characters long.
    ///
    /// You have specified the values of either "email", "name" or "website" key in other language. Resolution: The values of these keys must be only in English.
    ///
    /// The data type of the keys in the input is not string. Resolution: The values of the input keys must be string.
    InvalidData,
    /// `MANDATORY_NOT_FOUND` (HTTP 400).
    ///
    /// You have not specified the key "enrich\_based\_on" in the input. Resolution: "enrich\_based\_on" is a mandatory input key.
    MandatoryNotFound,
    /// `EXPECTED_FIELD_MISSING` (HTTP 400).
    ///
    /// You have not specified any key in the "enrich\_based\_on" JSON object. Resolution: Specify at least one of "name", "email", or "website" in the "enrich\_based\_on" JSON object.
    ExpectedFieldMissing,
    /// `LIMIT_EXCEEDED` (HTTP 400).
    ///
    /// You have created more than the allowed enrichments for your org. Resolution: The enrichment limit depends on the number of users. For the Enterprise edition, the limit is No. of users x 500 and for Ultimate, it is No. of users x 2000, while the maximum limit is 50,000 for both editions. For more details, refer to the Edition-wise feature list of Zoho CRM.
    LimitExceeded,
    /// `REQUIRED_PARAM_MISSING` (HTTP 400).
    ///
    /// You have not specified the "module" parameter in the request. Resolution: "module" is the mandatory parameter in the request.
    RequiredParamMissing,
    /// `NOT_ALLOWED` (HTTP 400).
    ///
    /// "email" is not mapped in configuration. Resolution: you can enrich fields only based on the fields in Enrichment Configuration.
    NotAllowed,
    /// `FEATURE_NOT_ENABLED` (HTTP 400).
    ///
    /// Data enrichment feature is not enabled for your account. Resolution: Enable data enrichment feature or contact your system administrator.
    FeatureNotEnabled,
    /// `FEATURE_NOT_SUPPORTED` (HTTP 400).
    ///
    /// Data enrichment is not available for your edition of CRM. Resolution: Data enrichment is available only for the Enterprise and Ultimate editions of CRM. Upgrade your edition or contact support@zohocrm.com.
    FeatureNotSupported,
    /// `OAUTH_SCOPE_MISMATCH` (HTTP 401).
    ///
    /// You do not have the right scope to access this API. Resolution: Create a new token with the scopes mentioned in the "Scopes" section and try this API.
    OauthScopeMismatch,
    /// `NO_PERMISSION` (HTTP 403).
    ///
    /// You do not have the Manage or View Data Enrichment permission to access this feature. Resolution: Contact your system administrator.
    ///
    /// You do not have permission to access this feature. Resolution: Contact your system administrator.
    NoPermission,
    /// `INTERNAL_SERVER_ERROR` (HTTP 500).
    ///
    /// Unhandled and unexpected exception in server. Resolution: Contact support@zohocrm.com for assistance.
    InternalServerError,
    /// A code the document does not list, as the server sent it.
    Unknown(String),
}

impl ErrorCode {
    /// The code as the server sends it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::NoContent => "NO_CONTENT",
            Self::InvalidData => "INVALID_DATA",
            Self::MandatoryNotFound => "MANDATORY_NOT_FOUND",
            Self::ExpectedFieldMissing => "EXPECTED_FIELD_MISSING",
            Self::LimitExceeded => "LIMIT_EXCEEDED",
            Self::RequiredParamMissing => "REQUIRED_PARAM_MISSING",
            Self::NotAllowed => "NOT_ALLOWED",
            Self::FeatureNotEnabled => "FEATURE_NOT_ENABLED",
            Self::FeatureNotSupported => "FEATURE_NOT_SUPPORTED",
            Self::OauthScopeMismatch => "OAUTH_SCOPE_MISMATCH",
            Self::NoPermission => "NO_PERMISSION",
            Self::InternalServerError => "INTERNAL_SERVER_ERROR",
            Self::Unknown(code) => code.as_str(),
        }
    }

    /// The HTTP status the document gives for this code.
    pub fn documented_status(&self) -> Option<u16> {
        match self {
            Self::NoContent => Some(204),
            Self::InvalidData => Some(400),
            Self::MandatoryNotFound => Some(400),
            Self::ExpectedFieldMissing => Some(400),
            Self::LimitExceeded => Some(400),
            Self::RequiredParamMissing => Some(400),
            Self::NotAllowed => Some(400),
            Self::FeatureNotEnabled => Some(400),
            Self::FeatureNotSupported => Some(400),
            Self::OauthScopeMismatch => Some(401),
            Self::NoPermission => Some(403),
            Self::InternalServerError => Some(500),
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
    const SERVICE: &'static str = "zoho_crm";

    type Body = serde_json::Value;

    fn from_wire(code: &str) -> Option<Self> {
        Some(
            match code {
                "NO_CONTENT" => Self::NoContent,
                "INVALID_DATA" => Self::InvalidData,
                "MANDATORY_NOT_FOUND" => Self::MandatoryNotFound,
                "EXPECTED_FIELD_MISSING" => Self::ExpectedFieldMissing,
                "LIMIT_EXCEEDED" => Self::LimitExceeded,
                "REQUIRED_PARAM_MISSING" => Self::RequiredParamMissing,
                "NOT_ALLOWED" => Self::NotAllowed,
                "FEATURE_NOT_ENABLED" => Self::FeatureNotEnabled,
                "FEATURE_NOT_SUPPORTED" => Self::FeatureNotSupported,
                "OAUTH_SCOPE_MISMATCH" => Self::OauthScopeMismatch,
                "NO_PERMISSION" => Self::NoPermission,
                "INTERNAL_SERVER_ERROR" => Self::InternalServerError,
                other => Self::Unknown(other.to_owned()),
            },
        )
    }
}

/// Where an error body keeps its code, message and details.
///
/// Not stated by the document: the whole shape: Zoho CRM's usual error body, a `code`, a `message` and `details`.
pub(crate) const ERROR_SHAPE: Option<ErrorShape> = Some(ErrorShape {
    code: Some(&["code"]),
    message: &["message"],
    details: Some(&["details"]),
    success: None,
});
