//! Credentials as requests use them: an access token or key (fixed, or obtained from an
//! OAuth token endpoint and cached until shortly before it expires), or a user name and
//! password.

use std::error::Error as _;
use std::time::{Duration, Instant};

use reqwest::header::ACCEPT;
use secrecy::{ExposeSecret, SecretString};
use serde_json::{Map, Value};
use tokio::sync::Mutex;
use url::Url;

use super::auth::Credentials;
use super::excerpt::excerpt_str;
use super::redact::Redactor;

/// How long before its announced expiry a cached token is renewed, so that a token is never
/// sent in its last moments and rejected on arrival.
const RENEW_BEFORE_EXPIRY: Duration = Duration::from_secs(60);

/// Where a request's credential comes from.
#[derive(Debug)]
pub(crate) enum TokenSource {
    /// No credentials: requests carry none.
    Anonymous,
    /// A token or key the user gave, sent as is.
    Fixed(SecretString),
    /// A user name and password, for HTTP basic authentication.
    Basic {
        username: String,
        password: SecretString,
    },
    /// Tokens obtained from a token endpoint.
    Oauth(OauthTokens),
}

/// Why no access token could be had; becomes [`Error::Auth`](super::Error::Auth).
#[derive(Debug)]
pub(crate) struct AuthFailure {
    pub(crate) status: Option<u16>,
    pub(crate) reason: String,
}

impl TokenSource {
    /// The token source for `credentials`; credentials that refresh need the token
    /// endpoint's `token_url`, and are refused (with the reason) without it.
    pub(crate) fn new(
        credentials: Option<&Credentials>,
        token_url: Option<Url>,
    ) -> Result<Self, String> {
        let grant = match credentials {
            None => return Ok(TokenSource::Anonymous),
            Some(Credentials::AccessToken(token) | Credentials::ApiKey(token)) => {
                if token.expose_secret().is_empty() {
                    return Err(format!(
                        "{} is empty",
                        credentials.map_or("", Credentials::kind)
                    ));
                }
                return Ok(TokenSource::Fixed(token.clone()));
            }
            Some(Credentials::Basic { username, password }) => {
                if username.is_empty() {
                    return Err("the user name is empty".to_owned());
                }
                return Ok(TokenSource::Basic {
                    username: username.clone(),
                    password: password.clone(),
                });
            }
            Some(Credentials::RefreshToken {
                client_id,
                client_secret,
                refresh_token,
            }) => Grant::RefreshToken {
                client_id: client_id.clone(),
                client_secret: client_secret.clone(),
                refresh_token: refresh_token.clone(),
            },
            Some(Credentials::ClientCredentials {
                client_id,
                client_secret,
            }) => Grant::ClientCredentials {
                client_id: client_id.clone(),
                client_secret: client_secret.clone(),
            },
        };
        if grant.secrets().iter().any(|secret| secret.is_empty()) {
            return Err("a client secret or refresh token is empty".to_owned());
        }
        let Some(token_url) = token_url else {
            return Err(
                "OAuth credentials need `accounts_url` (the accounts host the token endpoint is on)"
                    .to_owned(),
            );
        };
        Ok(TokenSource::Oauth(OauthTokens {
            redactor: Redactor::new(grant.secrets().into_iter().map(SecretString::from)),
            grant,
            token_url,
            cache: Mutex::new(None),
        }))
    }

    /// The secrets the caller gave (a fixed token or key, a password, a client secret, a
    /// refresh token), to keep out of messages.
    pub(crate) fn secrets(&self) -> Vec<SecretString> {
        match self {
            TokenSource::Anonymous => Vec::new(),
            TokenSource::Fixed(token) => vec![token.clone()],
            TokenSource::Basic { password, .. } => vec![password.clone()],
            TokenSource::Oauth(oauth) => oauth
                .grant
                .secrets()
                .into_iter()
                .map(SecretString::from)
                .collect(),
        }
    }

    /// Whether a rejected token can be replaced by a fresh one.
    pub(crate) fn refreshes(&self) -> bool {
        matches!(self, TokenSource::Oauth(_))
    }

    /// The token to send now, if any, fetching a new one when none is cached or the cached
    /// one is about to expire.
    pub(crate) async fn token(
        &self,
        http: &reqwest::Client,
        timeout: Duration,
    ) -> Result<Option<SecretString>, AuthFailure> {
        match self {
            TokenSource::Anonymous | TokenSource::Basic { .. } => Ok(None),
            TokenSource::Fixed(token) => Ok(Some(token.clone())),
            TokenSource::Oauth(oauth) => oauth.token(http, timeout).await.map(Some),
        }
    }

    /// Forgets `rejected` so that the next [`token`](Self::token) fetches a new one.
    ///
    /// A token cached since then is kept: when several requests fail with the same stale
    /// token at once, the first refreshes and the others reuse its result.
    pub(crate) async fn invalidate(&self, rejected: &SecretString) {
        if let TokenSource::Oauth(oauth) = self {
            let mut cache = oauth.cache.lock().await;
            if cache
                .as_ref()
                .is_some_and(|cached| cached.token.expose_secret() == rejected.expose_secret())
            {
                *cache = None;
            }
        }
    }
}

/// A token endpoint, the grant sent to it, and the token it last gave.
#[derive(Debug)]
pub(crate) struct OauthTokens {
    grant: Grant,
    /// The grant's secrets, in case the endpoint echoes one.
    redactor: Redactor,
    token_url: Url,
    /// Held while a token is fetched, so that concurrent requests wait for one refresh
    /// instead of each starting their own.
    cache: Mutex<Option<CachedToken>>,
}

#[derive(Debug)]
enum Grant {
    RefreshToken {
        client_id: String,
        client_secret: SecretString,
        refresh_token: SecretString,
    },
    ClientCredentials {
        client_id: String,
        client_secret: SecretString,
    },
}

#[derive(Debug)]
struct CachedToken {
    token: SecretString,
    /// `None` when the endpoint gave no lifetime: the token is then kept until rejected.
    renew_at: Option<Instant>,
}

impl OauthTokens {
    async fn token(
        &self,
        http: &reqwest::Client,
        timeout: Duration,
    ) -> Result<SecretString, AuthFailure> {
        let mut cache = self.cache.lock().await;
        if let Some(cached) = cache.as_ref()
            && cached.renew_at.is_none_or(|at| Instant::now() < at)
        {
            return Ok(cached.token.clone());
        }
        let fresh = self.fetch(http, timeout).await?;
        let token = fresh.token.clone();
        *cache = Some(fresh);
        Ok(token)
    }

    async fn fetch(
        &self,
        http: &reqwest::Client,
        timeout: Duration,
    ) -> Result<CachedToken, AuthFailure> {
        let requested_at = Instant::now();
        let response = http
            .post(self.token_url.clone())
            .timeout(timeout)
            .header(ACCEPT, "application/json")
            .form(&self.grant.form())
            .send()
            .await
            .map_err(|error| self.unreachable(&error, timeout))?;
        let status = response.status().as_u16();
        let body = response
            .bytes()
            .await
            .map_err(|error| self.unreachable(&error, timeout))?;
        let fields = match serde_json::from_slice::<Value>(&body) {
            Ok(Value::Object(fields)) => Some(fields),
            _ => None,
        };

        let refused = |reason: String| AuthFailure {
            status: Some(status),
            reason,
        };
        if !(200..300).contains(&status) {
            return Err(refused(self.refusal(fields.as_ref(), &body)));
        }
        let Some(fields) = fields else {
            return Err(refused(format!(
                "expected a JSON object with `access_token`, {}",
                self.body_excerpt(&body)
            )));
        };
        // Some endpoints (Zoho's) answer a bad grant with 200 and `{"error": "invalid_code"}`.
        if fields.contains_key("error") {
            return Err(refused(self.refusal(Some(&fields), &body)));
        }
        let Some(token) = fields
            .get("access_token")
            .and_then(Value::as_str)
            .filter(|token| !token.is_empty())
        else {
            return Err(refused(format!(
                "the answer has no `access_token` string, {}",
                self.body_excerpt(&body)
            )));
        };

        let renew_at = lifetime(&fields)
            .map(|lifetime| requested_at + lifetime.saturating_sub(RENEW_BEFORE_EXPIRY));
        Ok(CachedToken {
            token: SecretString::from(token),
            renew_at,
        })
    }

    /// Why the endpoint refused: its OAuth `error` and `error_description`, or else an
    /// excerpt of its body.
    fn refusal(&self, fields: Option<&Map<String, Value>>, body: &[u8]) -> String {
        let error = fields.and_then(|fields| fields.get("error"));
        let Some(error) = error else {
            return self.body_excerpt(body);
        };
        let error = match error {
            Value::String(error) => error.clone(),
            other => other.to_string(),
        };
        let mut reason = format!("error `{error}`");
        if let Some(description) = fields
            .and_then(|fields| fields.get("error_description"))
            .and_then(Value::as_str)
        {
            reason.push_str(": ");
            reason.push_str(description);
        }
        excerpt_str(&self.redactor.text(&reason))
    }

    fn body_excerpt(&self, body: &[u8]) -> String {
        let excerpt = self.redactor.excerpt(body);
        if excerpt.is_empty() {
            "the body is empty".to_owned()
        } else {
            format!("body starts with: {excerpt}")
        }
    }

    fn unreachable(&self, error: &reqwest::Error, timeout: Duration) -> AuthFailure {
        let reason = if error.is_timeout() {
            format!("{} did not answer within {timeout:?}", self.token_url)
        } else {
            // The cause (refused connection, TLS...) is deep in the chain; an `Auth` error
            // keeps only text, so the chain is flattened into it.
            let mut reason = error.to_string();
            let mut source = error.source();
            while let Some(cause) = source {
                reason.push_str(": ");
                reason.push_str(&cause.to_string());
                source = cause.source();
            }
            reason
        };
        AuthFailure {
            status: None,
            reason: self.redactor.text(&reason),
        }
    }
}

/// Caps a lifetime so that adding it to an `Instant` cannot overflow.
const MAX_LIFETIME: Duration = Duration::from_secs(365 * 24 * 60 * 60);

/// The token's lifetime: `expires_in_sec` when present (older answers of some endpoints,
/// Zoho's among them, give `expires_in` in milliseconds beside it), else `expires_in` in
/// seconds.
fn lifetime(fields: &Map<String, Value>) -> Option<Duration> {
    let seconds = match fields.get("expires_in_sec") {
        Some(seconds) => seconds,
        None => fields.get("expires_in")?,
    };
    let seconds = match seconds {
        Value::Number(number) => number.as_f64()?,
        Value::String(text) => text.trim().parse::<f64>().ok()?,
        _ => return None,
    };
    (seconds.is_finite() && seconds >= 0.0)
        .then(|| Duration::from_secs_f64(seconds.min(MAX_LIFETIME.as_secs_f64())))
}

impl Grant {
    fn form(&self) -> Vec<(&'static str, &str)> {
        match self {
            Grant::RefreshToken {
                client_id,
                client_secret,
                refresh_token,
            } => vec![
                ("grant_type", "refresh_token"),
                ("client_id", client_id),
                ("client_secret", client_secret.expose_secret()),
                ("refresh_token", refresh_token.expose_secret()),
            ],
            Grant::ClientCredentials {
                client_id,
                client_secret,
            } => vec![
                ("grant_type", "client_credentials"),
                ("client_id", client_id),
                ("client_secret", client_secret.expose_secret()),
            ],
        }
    }

    fn secrets(&self) -> Vec<&str> {
        match self {
            Grant::RefreshToken {
                client_secret,
                refresh_token,
                ..
            } => vec![client_secret.expose_secret(), refresh_token.expose_secret()],
            Grant::ClientCredentials { client_secret, .. } => vec![client_secret.expose_secret()],
        }
    }
}
