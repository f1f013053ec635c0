//! Credentials as requests use them: an access token or key (fixed, or obtained from an
//! OAuth token endpoint and cached until shortly before it expires), or a user name and
//! password.

use std::error::Error as _;
use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderName, HeaderValue};
use secrecy::{ExposeSecret, SecretString};
use serde_json::{Map, Value};
use tokio::sync::Mutex;
use url::Url;

use super::auth::{AuthScheme, Credentials};
use super::excerpt::excerpt_str;
use super::redact::Redactor;
use super::token_store::{StoredToken, TokenStore, store_key};

/// How long before its announced expiry a cached token is renewed, so that a token is never
/// sent in its last moments and rejected on arrival.
const RENEW_BEFORE_EXPIRY: Duration = Duration::from_secs(60);

/// Where a request's credential comes from.
#[derive(Debug)]
pub(crate) enum TokenSource {
    /// No credentials: requests carry none.
    Anonymous,
    /// A token or key the user gave, sent as is.
    Fixed(Token),
    /// A user name and password, for HTTP basic authentication.
    Basic {
        username: String,
        password: SecretString,
    },
    /// Tokens obtained from a token endpoint.
    /// (Boxed: far larger than the other kinds.)
    Oauth(Box<OauthTokens>),
}

/// What a client tells its `on_token_refresh` callback when it got a new access token from
/// the token endpoint (not when it reused a stored one). The token itself is not given: keep
/// tokens with a [`TokenStore`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct TokenRefresh {
    /// The service's module name (`zoho_crm`).
    pub service: &'static str,
    /// When the new token stops being good, if the endpoint said.
    pub expires_at: Option<SystemTime>,
    /// The API host the endpoint named for the account (Zoho's `api_domain`), if any.
    pub api_domain: Option<String>,
}

/// A callback run after each refresh; see `ClientBuilder::on_token_refresh`.
#[derive(Clone)]
pub struct TokenRefreshHook(Arc<dyn Fn(&TokenRefresh) + Send + Sync>);

impl TokenRefreshHook {
    /// Wraps `callback`.
    pub fn new(callback: impl Fn(&TokenRefresh) + Send + Sync + 'static) -> Self {
        TokenRefreshHook(Arc::new(callback))
    }
}

impl fmt::Debug for TokenRefreshHook {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TokenRefreshHook")
    }
}

/// An access token as requests send it: the secret, the header it travels in (made once
/// per token rather than once per request), and the API host the token endpoint named with
/// it. A handle: clones share them, so a request takes a token without copying it, and
/// every call's future holds a pointer rather than all three.
#[derive(Debug, Clone)]
pub(crate) struct Token(Arc<TokenParts>);

/// What a [`Token`] shares.
#[derive(Debug)]
pub(crate) struct TokenParts {
    pub(crate) secret: Arc<SecretString>,
    /// `None` when the scheme puts no credential in a header, or the token cannot be a
    /// header value.
    pub(crate) header: Option<(HeaderName, HeaderValue)>,
    pub(crate) api_domain: Option<String>,
}

impl Token {
    fn new(secret: SecretString, api_domain: Option<&str>, scheme: AuthScheme) -> Token {
        Token(Arc::new(TokenParts {
            header: scheme.credential_header(&secret),
            secret: Arc::new(secret),
            api_domain: api_domain.map(str::to_owned),
        }))
    }
}

impl std::ops::Deref for Token {
    type Target = TokenParts;

    fn deref(&self) -> &TokenParts {
        &self.0
    }
}

/// Where OAuth tokens are kept, and who hears of a refresh.
#[derive(Debug, Clone, Default)]
pub(crate) struct TokenKeeping {
    pub(crate) service: &'static str,
    pub(crate) store: Option<Arc<dyn TokenStore>>,
    pub(crate) on_refresh: Option<TokenRefreshHook>,
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
        keeping: TokenKeeping,
        scheme: AuthScheme,
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
                return Ok(TokenSource::Fixed(Token::new(token.clone(), None, scheme)));
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
        let key = store_key(
            keeping.service,
            token_url.as_str(),
            grant.client_id(),
            &grant.secrets().concat(),
        );
        Ok(TokenSource::Oauth(Box::new(OauthTokens {
            redactor: Redactor::new(grant.secrets().into_iter().map(SecretString::from)),
            grant,
            token_url,
            key,
            keeping,
            scheme,
            cache: Mutex::new(None),
            rejected: std::sync::Mutex::new(None),
        })))
    }

    /// The secrets the caller gave (a fixed token or key, a password, a client secret, a
    /// refresh token), to keep out of messages.
    pub(crate) fn secrets(&self) -> Vec<SecretString> {
        match self {
            TokenSource::Anonymous => Vec::new(),
            TokenSource::Fixed(token) => vec![SecretString::clone(&token.secret)],
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

    /// The token to send now when it is at hand without waiting: no credentials, a fixed
    /// token, or a cached OAuth token that may still be sent while no refresh is under way.
    /// `None` means: ask [`token`](Self::token), which waits and fetches.
    pub(crate) fn at_hand(&self) -> Option<Option<Token>> {
        match self {
            TokenSource::Anonymous | TokenSource::Basic { .. } => Some(None),
            TokenSource::Fixed(token) => Some(Some(token.clone())),
            TokenSource::Oauth(oauth) => oauth.cached(&*oauth.cache.try_lock().ok()?).map(Some),
        }
    }

    /// The token to send now, if any, fetching a new one when none is cached or the cached
    /// one is about to expire.
    pub(crate) async fn token(
        &self,
        http: &reqwest::Client,
        timeout: Duration,
    ) -> Result<Option<Token>, AuthFailure> {
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
            if cache.as_ref().is_some_and(|cached| {
                cached.stored.access_token.expose_secret() == rejected.expose_secret()
            }) {
                *cache = None;
            }
            // A store may still hold it: it is not taken from there again.
            *oauth
                .rejected
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(rejected.clone());
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
    /// What the token is stored under: service, endpoint, client, a fingerprint of the grant.
    key: String,
    keeping: TokenKeeping,
    /// How requests send a token, so that its header is made once when it is cached.
    scheme: AuthScheme,
    /// Held while a token is fetched, so that concurrent requests wait for one refresh
    /// instead of each starting their own.
    cache: Mutex<Option<Cached>>,
    /// The last token the API refused, which a store may still hold.
    rejected: std::sync::Mutex<Option<SecretString>>,
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

/// The token in use, as it was kept and as requests send it.
#[derive(Debug)]
struct Cached {
    stored: StoredToken,
    sendable: Token,
}

impl OauthTokens {
    async fn token(&self, http: &reqwest::Client, timeout: Duration) -> Result<Token, AuthFailure> {
        let mut cache = self.cache.lock().await;
        if let Some(token) = self.cached(&cache) {
            return Ok(token);
        }
        let Some(store) = self.keeping.store.clone() else {
            let fresh = self.refresh(http, timeout).await?;
            return Ok(self.keep(&mut cache, fresh));
        };
        if let Some(stored) = self.stored(&*store).await {
            return Ok(self.keep(&mut cache, stored));
        }
        // One refresher per key among the store's users: the others wait here, then find
        // the new token stored.
        let lock = match store.lock(&self.key).await {
            Ok(lock) => Some(lock),
            Err(error) => {
                tracing::warn!(service = self.keeping.service, %error, "refreshing without the token store's lock");
                None
            }
        };
        if let Some(stored) = self.stored(&*store).await {
            return Ok(self.keep(&mut cache, stored));
        }
        let fresh = self.refresh(http, timeout).await?;
        if let Err(error) = store.save(&self.key, &fresh).await {
            tracing::warn!(service = self.keeping.service, %error, "the new token could not be stored");
        }
        drop(lock);
        Ok(self.keep(&mut cache, fresh))
    }

    /// The cached token, when it may still be sent.
    fn cached(&self, cache: &Option<Cached>) -> Option<Token> {
        let cached = cache
            .as_ref()
            .filter(|cached| self.usable(&cached.stored))?;
        Some(cached.sendable.clone())
    }

    /// Caches `stored` as the token in use, and returns it as requests send it.
    fn keep(&self, cache: &mut Option<Cached>, stored: StoredToken) -> Token {
        let sendable = Token::new(
            stored.access_token.clone(),
            stored.api_domain.as_deref(),
            self.scheme,
        );
        *cache = Some(Cached {
            stored,
            sendable: sendable.clone(),
        });
        sendable
    }

    /// Whether `token` may be sent: not about to expire, and not the one the API refused.
    fn usable(&self, token: &StoredToken) -> bool {
        let refused = self
            .rejected
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .as_ref()
            .is_some_and(|rejected| rejected.expose_secret() == token.access_token.expose_secret());
        !refused && token.good_at(SystemTime::now(), RENEW_BEFORE_EXPIRY)
    }

    /// The store's token for this key, when it may be sent.
    async fn stored(&self, store: &dyn TokenStore) -> Option<StoredToken> {
        match store.load(&self.key).await {
            Ok(stored) => stored.filter(|stored| self.usable(stored)),
            Err(error) => {
                tracing::warn!(service = self.keeping.service, %error, "the token store could not be read");
                None
            }
        }
    }

    /// A new token from the endpoint, announced to the caller's callback.
    async fn refresh(
        &self,
        http: &reqwest::Client,
        timeout: Duration,
    ) -> Result<StoredToken, AuthFailure> {
        let fresh = self.fetch(http, timeout).await?;
        if let Some(hook) = &self.keeping.on_refresh {
            (hook.0)(&TokenRefresh {
                service: self.keeping.service,
                expires_at: fresh.expires_at,
                api_domain: fresh.api_domain.clone(),
            });
        }
        Ok(fresh)
    }

    async fn fetch(
        &self,
        http: &reqwest::Client,
        timeout: Duration,
    ) -> Result<StoredToken, AuthFailure> {
        let requested_at = SystemTime::now();
        let response = http
            .post(self.token_url.clone())
            .timeout(timeout)
            .header(ACCEPT, "application/json")
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(self.grant.form())
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

        let api_domain = fields
            .get("api_domain")
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|domain| !domain.is_empty())
            .map(str::to_owned);
        Ok(StoredToken {
            access_token: SecretString::from(token),
            expires_at: lifetime(&fields).map(|lifetime| requested_at + lifetime),
            api_domain,
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
    fn client_id(&self) -> &str {
        match self {
            Grant::RefreshToken { client_id, .. } | Grant::ClientCredentials { client_id, .. } => {
                client_id
            }
        }
    }

    /// The grant as the token endpoint's `application/x-www-form-urlencoded` body.
    fn form(&self) -> String {
        let pairs = match self {
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
        };
        url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish()
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
