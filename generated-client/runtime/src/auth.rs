//! How requests are authorized: the user's credentials and the service's header scheme.

use std::fmt;

use secrecy::SecretString;

/// How requests are authorized.
///
/// `Debug` shows client ids but never a secret or a token.
#[derive(Clone)]
#[non_exhaustive]
pub enum Credentials {
    /// A fixed access token, sent as is; it is never refreshed.
    AccessToken(SecretString),
    /// Zoho OAuth: the refresh token grant against `{accounts host}{token_path}`.
    ZohoRefreshToken {
        /// The OAuth client id from the Zoho API console.
        client_id: String,
        /// The OAuth client secret.
        client_secret: SecretString,
        /// A long-lived refresh token, traded for short-lived access tokens.
        refresh_token: SecretString,
    },
    /// The OAuth 2.0 client credentials grant (Help Scout) against
    /// `{accounts host}{token_path}`.
    ClientCredentials {
        /// The application id.
        client_id: String,
        /// The application secret.
        client_secret: SecretString,
    },
}

impl Credentials {
    /// A fixed access token.
    pub fn access_token(token: impl Into<String>) -> Self {
        Credentials::AccessToken(SecretString::from(token.into()))
    }

    /// Zoho OAuth credentials: access tokens are obtained with the refresh token and
    /// renewed before they expire.
    pub fn zoho_refresh_token(
        client_id: impl Into<String>,
        client_secret: impl Into<String>,
        refresh_token: impl Into<String>,
    ) -> Self {
        Credentials::ZohoRefreshToken {
            client_id: client_id.into(),
            client_secret: SecretString::from(client_secret.into()),
            refresh_token: SecretString::from(refresh_token.into()),
        }
    }

    /// OAuth 2.0 client credentials: access tokens are obtained with the client's id and
    /// secret and renewed before they expire.
    pub fn client_credentials(
        client_id: impl Into<String>,
        client_secret: impl Into<String>,
    ) -> Self {
        Credentials::ClientCredentials {
            client_id: client_id.into(),
            client_secret: SecretString::from(client_secret.into()),
        }
    }
}

/// What a secret shows in `Debug` output.
const REDACTED: &str = "[redacted]";

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Credentials::AccessToken(_) => f.debug_tuple("AccessToken").field(&REDACTED).finish(),
            Credentials::ZohoRefreshToken { client_id, .. } => f
                .debug_struct("ZohoRefreshToken")
                .field("client_id", client_id)
                .field("client_secret", &REDACTED)
                .field("refresh_token", &REDACTED)
                .finish(),
            Credentials::ClientCredentials { client_id, .. } => f
                .debug_struct("ClientCredentials")
                .field("client_id", client_id)
                .field("client_secret", &REDACTED)
                .finish(),
        }
    }
}

/// The `Authorization` header scheme of a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthScheme {
    /// `Authorization: Zoho-oauthtoken <token>`
    ZohoOauthToken,
    /// `Authorization: Bearer <token>`
    Bearer,
}

impl AuthScheme {
    /// The header value's prefix, up to and including the space before the token.
    pub(crate) fn prefix(self) -> &'static str {
        match self {
            AuthScheme::ZohoOauthToken => "Zoho-oauthtoken ",
            AuthScheme::Bearer => "Bearer ",
        }
    }
}
