//! How requests are authorized: the service's way, as its spec declares it ([`Auth`]), and
//! the caller's credentials for it ([`Credentials`]).

use std::fmt;

use reqwest::header::{HeaderName, HeaderValue};
use secrecy::{ExposeSecret, SecretString};

/// How a service authorizes requests, from the `auth` of its spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Auth {
    /// How the credential travels with each request.
    pub scheme: AuthScheme,
    /// Where access tokens come from, when the service has an OAuth token endpoint.
    pub tokens: Option<TokenEndpoint>,
}

impl Auth {
    /// A service whose requests carry no credential.
    pub const NONE: Auth = Auth {
        scheme: AuthScheme::None,
        tokens: None,
    };
}

/// How the credential travels with each request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum AuthScheme {
    /// Requests carry no credential.
    None,
    /// An access token in a header: `{header}: {prefix} {token}` (just the token when the
    /// prefix is empty). `Authorization: Bearer <token>`, or Zoho's
    /// `Authorization: Zoho-oauthtoken <token>`.
    Bearer {
        /// The header's name.
        header: &'static str,
        /// What stands before the token.
        prefix: &'static str,
    },
    /// An API key, sent as given.
    ApiKey(KeyPlace),
    /// HTTP basic authentication: `Authorization: Basic base64(user:password)`.
    Basic,
}

impl AuthScheme {
    /// The header `token` travels in, `{prefix} {token}` for bearer tokens, marked
    /// sensitive so that it is left out of `Debug` output; `None` when this scheme puts no
    /// credential in a header, or when the token cannot be a header value.
    pub(crate) fn credential_header(
        self,
        token: &SecretString,
    ) -> Option<(HeaderName, HeaderValue)> {
        let (name, text) = match self {
            AuthScheme::Bearer { header, prefix: "" } => (header, token.expose_secret().to_owned()),
            AuthScheme::Bearer { header, prefix } => {
                (header, format!("{prefix} {}", token.expose_secret()))
            }
            AuthScheme::ApiKey(KeyPlace::Header(header)) => {
                (header, token.expose_secret().to_owned())
            }
            _ => return None,
        };
        let name = HeaderName::from_bytes(name.as_bytes()).ok()?;
        let mut value = HeaderValue::try_from(text).ok()?;
        value.set_sensitive(true);
        Some((name, value))
    }
}

/// Where an API key goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyPlace {
    /// In this header.
    Header(&'static str),
    /// In this query parameter.
    Query(&'static str),
}

/// An OAuth token endpoint: where it is, which grants it takes, and which answers of the
/// API mean that a token was refused and a fresh one is worth one more try.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenEndpoint {
    /// The endpoint's path on each region's accounts host (`/oauth/v2/token`).
    pub path: &'static str,
    /// The grants it accepts.
    pub grants: &'static [Grant],
    /// The answers after which the client fetches a new token and sends the request once
    /// more.
    pub refresh_on: &'static [RefreshOn],
}

/// An OAuth 2.0 grant a token endpoint accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Grant {
    /// The refresh-token grant: a long-lived refresh token traded for access tokens.
    RefreshToken,
    /// The client-credentials grant: the application's own id and secret.
    ClientCredentials,
}

/// An API answer that means the access token was refused: this status, with this error
/// code in the body when one is given (any code, or none, when `code` is `None`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RefreshOn {
    /// The HTTP status.
    pub status: u16,
    /// The error code, as the server sends it.
    pub code: Option<&'static str>,
}

/// The caller's credentials. Which kinds a service accepts follows from its [`Auth`];
/// building a client with another kind fails with `Error::Config`.
///
/// `Debug` shows client ids and user names but never a secret, key or token.
#[derive(Clone)]
#[non_exhaustive]
pub enum Credentials {
    /// A fixed access token, sent as is; it is never refreshed.
    AccessToken(SecretString),
    /// The OAuth refresh-token grant against the service's token endpoint.
    RefreshToken {
        /// The OAuth client id.
        client_id: String,
        /// The OAuth client secret.
        client_secret: SecretString,
        /// A long-lived refresh token, traded for short-lived access tokens.
        refresh_token: SecretString,
    },
    /// The OAuth client-credentials grant against the service's token endpoint.
    ClientCredentials {
        /// The application id.
        client_id: String,
        /// The application secret.
        client_secret: SecretString,
    },
    /// An API key.
    ApiKey(SecretString),
    /// A user name and password for HTTP basic authentication.
    Basic {
        /// The user name.
        username: String,
        /// The password.
        password: SecretString,
    },
}

impl Credentials {
    /// A fixed access token.
    pub fn access_token(token: impl Into<String>) -> Self {
        Credentials::AccessToken(SecretString::from(token.into()))
    }

    /// OAuth refresh-token credentials: access tokens are obtained with the refresh token
    /// and renewed before they expire.
    pub fn refresh_token(
        client_id: impl Into<String>,
        client_secret: impl Into<String>,
        refresh_token: impl Into<String>,
    ) -> Self {
        Credentials::RefreshToken {
            client_id: client_id.into(),
            client_secret: SecretString::from(client_secret.into()),
            refresh_token: SecretString::from(refresh_token.into()),
        }
    }

    /// The refresh-token grant, under the name Zoho gives it.
    #[deprecated(note = "use `Credentials::refresh_token`: the grant is not Zoho's own")]
    pub fn zoho_refresh_token(
        client_id: impl Into<String>,
        client_secret: impl Into<String>,
        refresh_token: impl Into<String>,
    ) -> Self {
        Credentials::refresh_token(client_id, client_secret, refresh_token)
    }

    /// OAuth client credentials: access tokens are obtained with the client's id and
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

    /// An API key.
    pub fn api_key(key: impl Into<String>) -> Self {
        Credentials::ApiKey(SecretString::from(key.into()))
    }

    /// A user name and password for HTTP basic authentication.
    pub fn basic(username: impl Into<String>, password: impl Into<String>) -> Self {
        Credentials::Basic {
            username: username.into(),
            password: SecretString::from(password.into()),
        }
    }

    /// What the credentials are, for messages.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Credentials::AccessToken(_) => "an access token",
            Credentials::RefreshToken { .. } => "refresh-token credentials",
            Credentials::ClientCredentials { .. } => "client credentials",
            Credentials::ApiKey(_) => "an API key",
            Credentials::Basic { .. } => "a user name and password",
        }
    }
}

/// What a secret shows in `Debug` output.
const REDACTED: &str = "[redacted]";

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Credentials::AccessToken(_) => f.debug_tuple("AccessToken").field(&REDACTED).finish(),
            Credentials::RefreshToken { client_id, .. } => f
                .debug_struct("RefreshToken")
                .field("client_id", client_id)
                .field("client_secret", &REDACTED)
                .field("refresh_token", &REDACTED)
                .finish(),
            Credentials::ClientCredentials { client_id, .. } => f
                .debug_struct("ClientCredentials")
                .field("client_id", client_id)
                .field("client_secret", &REDACTED)
                .finish(),
            Credentials::ApiKey(_) => f.debug_tuple("ApiKey").field(&REDACTED).finish(),
            Credentials::Basic { username, .. } => f
                .debug_struct("Basic")
                .field("username", username)
                .field("password", &REDACTED)
                .finish(),
        }
    }
}

impl Auth {
    /// Why `credentials` cannot authorize this service's requests, if they cannot: the
    /// message names what the service takes instead.
    pub(crate) fn refuses(&self, credentials: &Credentials) -> Option<String> {
        let grant = |grant: Grant| self.tokens.is_some_and(|t| t.grants.contains(&grant));
        let fits = match (self.scheme, credentials) {
            (AuthScheme::Bearer { .. }, Credentials::AccessToken(_)) => true,
            (AuthScheme::Bearer { .. }, Credentials::RefreshToken { .. }) => {
                grant(Grant::RefreshToken)
            }
            (AuthScheme::Bearer { .. }, Credentials::ClientCredentials { .. }) => {
                grant(Grant::ClientCredentials)
            }
            (AuthScheme::ApiKey(_), Credentials::ApiKey(_)) => true,
            (AuthScheme::Basic, Credentials::Basic { .. }) => true,
            _ => false,
        };
        (!fits).then(|| {
            format!(
                "the service takes {}, not {}",
                self.accepted().join(" or "),
                credentials.kind()
            )
        })
    }

    /// The kinds of credentials this service takes, as the constructors that make them.
    fn accepted(&self) -> Vec<&'static str> {
        match self.scheme {
            AuthScheme::None => vec!["no credentials"],
            AuthScheme::Bearer { .. } => {
                let mut kinds = vec!["`Credentials::access_token`"];
                for grant in self.tokens.iter().flat_map(|t| t.grants) {
                    kinds.push(match grant {
                        Grant::RefreshToken => "`Credentials::refresh_token`",
                        Grant::ClientCredentials => "`Credentials::client_credentials`",
                    });
                }
                kinds
            }
            AuthScheme::ApiKey(_) => vec!["`Credentials::api_key`"],
            AuthScheme::Basic => vec!["`Credentials::basic`"],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ZOHO: Auth = Auth {
        scheme: AuthScheme::Bearer {
            header: "Authorization",
            prefix: "Zoho-oauthtoken",
        },
        tokens: Some(TokenEndpoint {
            path: "/oauth/v2/token",
            grants: &[Grant::RefreshToken],
            refresh_on: &[],
        }),
    };

    #[test]
    fn credentials_must_fit_the_scheme() {
        assert_eq!(ZOHO.refuses(&Credentials::access_token("t")), None);
        assert_eq!(
            ZOHO.refuses(&Credentials::refresh_token("i", "s", "r")),
            None
        );
        assert_eq!(
            ZOHO.refuses(&Credentials::client_credentials("i", "s"))
                .as_deref(),
            Some(
                "the service takes `Credentials::access_token` or `Credentials::refresh_token`, \
                 not client credentials"
            )
        );
        assert!(Auth::NONE.refuses(&Credentials::api_key("k")).is_some());
        let key = Auth {
            scheme: AuthScheme::ApiKey(KeyPlace::Query("api_key")),
            tokens: None,
        };
        assert_eq!(key.refuses(&Credentials::api_key("k")), None);
        assert!(key.refuses(&Credentials::basic("u", "p")).is_some());
    }

    #[test]
    fn debug_hides_every_secret() {
        let all = [
            Credentials::access_token("tok-1"),
            Credentials::refresh_token("id", "sec-2", "ref-3"),
            Credentials::client_credentials("id", "sec-4"),
            Credentials::api_key("key-5"),
            Credentials::basic("user", "pass-6"),
        ];
        let shown = format!("{all:?}");
        for secret in ["tok-1", "sec-2", "ref-3", "sec-4", "key-5", "pass-6"] {
            assert!(!shown.contains(secret), "{shown}");
        }
        assert!(shown.contains("user") && shown.contains("id"));
    }
}
