//! Sending requests: configuration, authorization, and turning answers into results.

use std::borrow::Cow;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderValue, LINK, USER_AGENT};
use secrecy::ExposeSecret;
use tokio::time::{Instant, timeout_at};
use tracing::Instrument as _;
use url::Url;

use super::auth::{Auth, AuthScheme, Credentials, KeyPlace};
use super::download::Download;
use super::error::{Error, ErrorCode, ErrorShape};
use super::error_body::{error_from, error_in_success};
use super::multipart::OpenError;
use super::rate_limit::{
    Limiters, RateLimit, RateLimitBudget, RateLimitClock, RateLimitHeaders, RateLimitMode,
    RateLimitStatus,
};
use super::redact::Redactor;
use super::request::{Body, Request};
use super::response::Response;
use super::retry::{RetryPolicy, is_transient_status, retry_after};
use super::token::{AuthFailure, Token, TokenKeeping, TokenRefreshHook, TokenSource};
use super::token_store::TokenStore;
use super::untyped::{Codes, Untyped, WireCode};

/// Everything a service client needs to send requests; generated `ClientBuilder`s fill it.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct TransportConfig {
    /// The service's module name (`zoho_crm`), used in errors and tracing.
    pub service: &'static str,
    /// The API host, e.g. `https://www.zohoapis.com`, or a local server in tests. A path
    /// here (`http://127.0.0.1:1234/prefix`) is kept before every request's path.
    pub base_url: String,
    /// The OAuth accounts host the token endpoint is on, e.g. `https://accounts.zoho.com`.
    pub accounts_url: Option<String>,
    /// How the service authorizes requests: the credential's place, the token endpoint.
    pub auth: Auth,
    /// The caller's credentials, of a kind `auth` accepts; with `None` requests carry none.
    pub credentials: Option<Credentials>,
    /// The `User-Agent` of every request.
    pub user_agent: String,
    /// How long one request may take, from connecting until its body has been read (a
    /// download: until its headers, then each chunk after the one before); the token
    /// endpoint gets as long. Default 30 s.
    pub timeout: Duration,
    /// How long connecting may take. Default 10 s. Not applied to an injected `http`
    /// client, which keeps its own.
    pub connect_timeout: Duration,
    /// An HTTP client to use (to share a connection pool, or set a proxy); when `None`,
    /// one is built with the connect timeout and user agent above (the request timeout is
    /// the transport's own, kept for either client).
    pub http: Option<reqwest::Client>,
    /// Where the code and message sit in the service's error bodies, if it documents any.
    pub error_shape: Option<ErrorShape>,
    /// Query pairs sent with every request (Zoho Inventory's `organization_id`).
    pub common_query: Vec<(&'static str, String)>,
    /// Headers sent with every request.
    pub common_headers: Vec<(&'static str, String)>,
    /// The `Accept` header: the media types the service documents for its responses
    /// (Help Scout answers `application/hal+json`). Default `application/json`.
    pub accept: &'static str,
    /// How failed attempts are retried; a request may bring its own. Default
    /// [`RetryPolicy::default`]: 3 attempts.
    pub retry: RetryPolicy,
    /// How long a call may take in all: every attempt, and the waits between them.
    /// Default 120 s.
    pub total_timeout: Duration,
    /// The rate limits the service documents; requests name the one that governs them.
    pub rate_limits: Vec<RateLimit>,
    /// The headers in which the service says how much of its limit is left, if it does.
    pub rate_limit_headers: Option<RateLimitHeaders>,
    /// Whether a request waits for room in its rate limit or fails at once. Default: wait.
    pub rate_limit_mode: RateLimitMode,
    /// Where the rate limits' state lives, and the clock it keeps time by. Default: a
    /// budget of this client's own, on the real clock.
    pub rate_limit_budget: RateLimitBudget,
    /// The largest response body read, in bytes; a larger one fails with
    /// `Error::ResponseTooLarge` rather than fill memory. Default 16 MiB.
    pub max_response_bytes: usize,
    /// The largest download (a binary answer, streamed to the caller) read, in bytes; a
    /// larger one fails with `Error::ResponseTooLarge`. Default 1 GiB.
    pub max_download_bytes: usize,
    /// Whether plain `http://` base and accounts URLs are accepted (a local test server).
    /// Default `false`: tokens must not cross the network in clear text.
    pub allow_insecure_http: bool,
    /// Where OAuth access tokens are kept beyond this client (a file, shared memory).
    /// Default: this client's memory only.
    pub token_store: Option<Arc<dyn TokenStore>>,
    /// Called after each new access token from the token endpoint.
    pub on_token_refresh: Option<TokenRefreshHook>,
    /// What to do with the API host a token endpoint names for the account (Zoho's
    /// `api_domain`). Default: ignore it, as `base_url` is given here; a generated
    /// builder follows it when the caller chose neither a base URL nor a region.
    pub api_domain: ApiDomainRule,
}

/// What the client does with the API host a token endpoint names for the account (Zoho's
/// `api_domain`: an EU account's tokens are good on `https://www.zohoapis.eu` only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ApiDomainRule {
    /// Send API calls there: the caller chose neither a base URL nor a region.
    Follow,
    /// The caller chose a region: another host there is reported as `Error::Config`, naming
    /// both, rather than calls going to a data center the caller did not pick.
    Check,
    /// The caller gave the base URL (a proxy, a test server): it wins.
    Ignore,
}

impl TransportConfig {
    /// A configuration with the defaults: timeout 30 s, connect timeout 10 s, user agent
    /// `client-runtime/<runtime version>`, no credentials, no common query pairs.
    pub fn new(service: &'static str, base_url: impl Into<String>, auth: Auth) -> Self {
        TransportConfig {
            service,
            base_url: base_url.into(),
            accounts_url: None,
            auth,
            credentials: None,
            user_agent: concat!("client-runtime/", env!("CARGO_PKG_VERSION")).to_owned(),
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            http: None,
            error_shape: None,
            common_query: Vec::new(),
            common_headers: Vec::new(),
            accept: "application/json",
            retry: RetryPolicy::default(),
            total_timeout: Duration::from_secs(120),
            rate_limits: Vec::new(),
            rate_limit_headers: None,
            rate_limit_mode: RateLimitMode::Wait,
            rate_limit_budget: RateLimitBudget::new(),
            allow_insecure_http: false,
            max_response_bytes: 16 * 1024 * 1024,
            max_download_bytes: 1024 * 1024 * 1024,
            token_store: None,
            on_token_refresh: None,
            api_domain: ApiDomainRule::Ignore,
        }
    }
}

/// A sender of requests for one service client. Cheap to clone: clones share the
/// connection pool and the cached access token.
#[derive(Debug, Clone)]
pub struct Transport {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    service: &'static str,
    base_url: Url,
    auth: Auth,
    tokens: TokenSource,
    /// The caller's secrets, kept out of every message built from an answer.
    redactor: Redactor,
    user_agent: HeaderValue,
    timeout: Duration,
    http: reqwest::Client,
    error_shape: Option<ErrorShape>,
    common_query: Vec<(&'static str, String)>,
    common_headers: Vec<(&'static str, HeaderValue)>,
    accept: HeaderValue,
    retry: RetryPolicy,
    total_timeout: Duration,
    limiters: Limiters,
    max_response_bytes: usize,
    max_download_bytes: usize,
    api_domain: ApiDomainRule,
    allow_insecure_http: bool,
    /// What the service's error codes are, kept as plain functions so that the transport is
    /// compiled once for all services rather than once per error code type.
    codes: Codes,
}

impl Transport {
    /// Checks the configuration and prepares the HTTP client: the base URL must parse and
    /// be http(s); the credentials must be of a kind the service's [`Auth`] accepts, and
    /// credentials that refresh need `accounts_url`.
    pub fn new<C: ErrorCode>(config: TransportConfig) -> Result<Transport, Error<C>> {
        Transport::configured(config, Codes::of::<C>()).map_err(|reason| Error::Config { reason })
    }

    /// [`Transport::new`] for a service whose error codes are as `codes` says; why not, if
    /// the configuration is unusable.
    fn configured(config: TransportConfig, codes: Codes) -> Result<Transport, String> {
        let invalid = |reason: String| reason;

        let base_url = http_url("base_url", &config.base_url).map_err(invalid)?;
        if base_url.query().is_some() || base_url.fragment().is_some() {
            return Err(invalid(
                "`base_url` must not have a query or a fragment".to_owned(),
            ));
        }
        if let Some(credentials) = &config.credentials
            && let Some(reason) = config.auth.refuses(credentials)
        {
            return Err(invalid(reason));
        }
        let token_url = match (&config.accounts_url, config.auth.tokens) {
            (Some(accounts_url), Some(tokens)) => {
                Some(token_url(accounts_url, tokens.path).map_err(invalid)?)
            }
            _ => None,
        };
        let plain = [
            ("base_url", Some(&base_url)),
            ("accounts_url", token_url.as_ref()),
        ]
        .into_iter()
        .find(|(_, url)| url.is_some_and(|url| url.scheme() == "http"));
        if let Some((name, _)) = plain
            && !config.allow_insecure_http
        {
            return Err(invalid(format!(
                "`{name}` is plain http: tokens would cross the network unencrypted; use \
                 https, or allow plain http explicitly (`allow_insecure_http`) for a local \
                 test server"
            )));
        }
        let keeping = TokenKeeping {
            service: config.service,
            store: config.token_store,
            on_refresh: config.on_token_refresh,
        };
        let tokens = TokenSource::new(
            config.credentials.as_ref(),
            token_url,
            keeping,
            config.auth.scheme,
        )
        .map_err(invalid)?;
        if let TokenSource::Fixed(token) = &tokens
            && token.header.is_none()
            && !matches!(config.auth.scheme, AuthScheme::ApiKey(KeyPlace::Query(_)))
        {
            return Err(invalid(
                "the access token or key is not a valid HTTP header value".to_owned(),
            ));
        }
        let common_headers = config
            .common_headers
            .into_iter()
            .map(|(name, value)| {
                HeaderValue::from_str(&value)
                    .map(|value| (name, value))
                    .map_err(|_| {
                        invalid(format!(
                            "the value of the `{name}` header is not a valid HTTP header value \
                         (a line break or another control character)"
                        ))
                    })
            })
            .collect::<Result<Vec<_>, _>>()?;
        if config.timeout.is_zero() || config.connect_timeout.is_zero() {
            return Err(invalid("timeouts must be longer than zero".to_owned()));
        }
        let accept = HeaderValue::from_str(config.accept).map_err(|_| {
            invalid(format!(
                "the `Accept` media types `{}` are not a valid HTTP header value",
                config.accept
            ))
        })?;
        let user_agent = HeaderValue::from_str(&config.user_agent)
            .map_err(|_| invalid("the user agent is not a valid HTTP header value".to_owned()))?;
        let http = match config.http {
            Some(http) => http,
            // No overall timeout on the client: the transport times each attempt itself
            // (a download's body chunk by chunk), and a client-wide one would cut a long
            // download that is still arriving.
            None => super::tls::http_client_builder()
                .user_agent(user_agent.clone())
                .connect_timeout(config.connect_timeout)
                .build()
                .map_err(|error| invalid(format!("cannot build the HTTP client: {error}")))?,
        };

        Ok(Transport {
            inner: Arc::new(Inner {
                service: config.service,
                base_url,
                auth: config.auth,
                redactor: Redactor::new(tokens.secrets()),
                tokens,
                user_agent,
                timeout: config.timeout,
                http,
                error_shape: config.error_shape,
                common_query: config.common_query,
                common_headers,
                accept,
                retry: config.retry,
                total_timeout: config.total_timeout,
                max_response_bytes: config.max_response_bytes,
                max_download_bytes: config.max_download_bytes,
                api_domain: config.api_domain,
                allow_insecure_http: config.allow_insecure_http,
                codes,
                limiters: Limiters::new(
                    config.service,
                    &config.rate_limits,
                    config.rate_limit_headers,
                    config.rate_limit_mode,
                    config.rate_limit_budget,
                ),
            }),
        })
    }

    /// The state of the service's documented rate limits, and what its answers last said
    /// about them.
    pub fn rate_limit_status(&self) -> RateLimitStatus {
        self.inner.limiters.status()
    }

    /// The clock this client keeps time by: its rate limits' and its waiters'.
    pub fn clock(&self) -> &RateLimitClock {
        self.inner.limiters.clock()
    }

    /// Sends the request with authorization, the common query pairs and
    /// the configured `Accept` header, and reads the whole answer.
    ///
    /// 2xx answers (204 included) are returned; others become [`Error::Api`] when the body
    /// has the service's error shape and a code, else [`Error::UnexpectedStatus`]. A `401`
    /// that says the token is invalid (or says nothing decodable) is answered, when the
    /// credentials can refresh, by fetching a new token and sending the request once more.
    /// Failures worth another attempt are retried by the request's [`RetryPolicy`] (or the
    /// client's), all within the overall timeout.
    pub async fn execute<C: ErrorCode>(&self, request: Request) -> Result<Response, Error<C>> {
        self.answer(request).await.map_err(Untyped::typed)
    }

    /// [`execute`](Self::execute)'s work, as a future that holds `request` once: an `async
    /// fn` keeps its arguments twice (as passed, and as its body's own), and a request is
    /// large, so every call would carry and copy a second one.
    #[allow(
        clippy::manual_async_fn,
        reason = "an async fn would hold the request twice"
    )]
    pub(crate) fn answer(
        &self,
        request: Request,
    ) -> impl Future<Output = Result<Response, Untyped>> + Send + '_ {
        async move {
            match self.attempts(&request).await? {
                Sent::Read(response) => Ok(response),
                // A download request sent as an ordinary one: read whole after all. (Boxed:
                // it is rare, and would make every call's future larger.)
                Sent::Streaming(response) => {
                    let operation = request.operation();
                    let status = response.status().as_u16();
                    let content_type = content_type_of(response.headers());
                    let reading = read_body(response, self.inner.max_response_bytes, operation);
                    let body = Box::pin(reading).await?;
                    Ok(Response::new(status, content_type, body))
                }
            }
        }
    }

    /// Sends a download request ([`Request::download`]) as [`execute`](Self::execute)
    /// does, and hands over a successful answer's body unread, as a stream held to the
    /// download size limit. Retries, refreshed tokens and the overall timeout cover the
    /// attempts until an answer's headers arrive; after that, each chunk must arrive within
    /// the request timeout of the previous one.
    pub async fn download<C: ErrorCode>(&self, request: Request) -> Result<Download<C>, Error<C>> {
        let inner = &*self.inner;
        let operation = request.operation();
        match self.attempts(&request).await.map_err(Untyped::typed)? {
            Sent::Streaming(response) => {
                Download::new(response, operation, inner.max_download_bytes, inner.timeout)
            }
            Sent::Read(response) => Ok(Download::buffered(response, operation)),
        }
    }

    /// Attempts until one succeeds, one fails for good, the policy's attempts are spent or
    /// the overall timeout passes. A request whose body is read from a stream is attempted
    /// once; a request that could not be built is not sent at all.
    ///
    /// The overall timeout is a deadline that every wait in here (for a token, for room in
    /// a rate limit, for an answer, before a retry) is held to, rather than a timer around
    /// the whole: an attempt then needs one timer, for whichever of the two timeouts ends
    /// first, and the future a call awaits is one level less deep.
    async fn attempts(&self, request: &Request) -> Result<Sent, Untyped> {
        let inner = &*self.inner;
        let operation = request.operation();
        if let Some(problem) = request.problem() {
            return Err(Error::InvalidRequest {
                operation,
                parameter: problem.parameter,
                reason: problem.reason.clone(),
            });
        }
        let deadline = Instant::now() + inner.total_timeout;
        let out_of_time = || Error::Timeout { operation };
        let policy = request.retry().unwrap_or(&inner.retry);
        let mut attempt: u32 = 1;
        let mut refreshed = false;
        loop {
            // A token at hand is taken as it is; fetching one (a large future, and rare) is
            // boxed, so that it does not make every call's future larger.
            let token = match inner.tokens.at_hand() {
                Some(token) => token,
                None => {
                    let fetching = Box::pin(inner.tokens.token(&inner.http, inner.timeout));
                    timeout_at(deadline, fetching)
                        .await
                        .map_err(|_| out_of_time())?
                        .map_err(auth_error)?
                }
            };
            let url = request
                .target(&*self.base_url(token.as_ref())?, &inner.common_query)
                .map_err(|reason| Error::Pagination { operation, reason })?;
            // Every attempt is a request on the wire, so every attempt takes room.
            timeout_at(
                deadline,
                inner
                    .limiters
                    .admit::<WireCode>(request.rate_limit_name(), operation),
            )
            .await
            .map_err(|_| out_of_time())??;
            // One span per attempt; it carries no token, no query values and no body.
            let span = tracing::debug_span!(
                "attempt",
                service = inner.service,
                operation,
                attempt,
                method = %request.method(),
                path = url.path(),
                status = tracing::field::Empty,
                latency_ms = tracing::field::Empty,
            );
            let started = std::time::Instant::now();
            // The request timeout, kept here rather than set on each reqwest request (which
            // allocates for it), or the overall deadline if that comes first. It covers the
            // attempt until its body is read; a download's attempt ends at its headers, and
            // its chunks are timed one by one after (`Download::chunk`). The attempt is boxed,
            // so that the future of a call holds a pointer to it rather than all of it, and
            // is not copied whole as it is passed along.
            let attempt_deadline = deadline.min(Instant::now() + inner.timeout);
            let sending = Box::pin(self.send(request, url, token.as_ref()));
            let outcome = timeout_at(attempt_deadline, sending)
                .instrument(span.clone())
                .await
                .unwrap_or_else(|_| Err(out_of_time()));
            let latency_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
            span.record("latency_ms", latency_ms);
            match &outcome {
                Ok((sent, _)) => {
                    span.record("status", sent.status());
                    tracing::debug!(parent: &span, status = sent.status(), latency_ms, "answered");
                }
                Err(error) => tracing::debug!(parent: &span, latency_ms, %error, "failed"),
            }
            let failure = match outcome {
                Ok((streaming @ Sent::Streaming(_), _)) => return Ok(streaming),
                Ok((Sent::Read(response), _)) if (200..300).contains(&response.status) => {
                    // Some services answer errors with 200 and an error code where their
                    // successes carry a success code.
                    let shape = inner.error_shape.as_ref();
                    return match error_in_success(operation, shape, inner.codes, &response) {
                        Some(error) => Err(error),
                        None => Ok(Sent::Read(response)),
                    };
                }
                Ok((Sent::Read(response), waits)) => {
                    let status = response.status;
                    let error = error_from(
                        operation,
                        inner.error_shape.as_ref(),
                        inner.codes,
                        request.per_item_shape(),
                        response,
                    );
                    if let Some(token) = &token
                        && !refreshed
                        && request.is_resendable()
                        && self.worth_refreshing(&error)
                    {
                        tracing::debug!(
                            service = inner.service,
                            operation,
                            "access token rejected; fetching a new one and retrying once",
                        );
                        let forgetting = Box::pin(inner.tokens.invalidate(&token.secret));
                        timeout_at(deadline, forgetting)
                            .await
                            .map_err(|_| out_of_time())?;
                        refreshed = true;
                        continue;
                    }
                    // A 429 whose code says a quota is used up (for the day, say) will not
                    // clear by waiting a little.
                    let quota_spent = status == 429
                        && error
                            .code()
                            .is_some_and(|code| (inner.codes.quota)(code.as_str()));
                    let retryable = is_transient_status(status)
                        && !quota_spent
                        && policy.may_resend(request.method());
                    Failure {
                        error,
                        retryable,
                        waits,
                    }
                }
                Err(error) => {
                    // A connection that was never made carried nothing: safe for any method.
                    let never_sent =
                        matches!(&error, Error::Transport { source, .. } if source.is_connect());
                    let cut_or_slow =
                        matches!(&error, Error::Transport { .. } | Error::Timeout { .. });
                    let retryable =
                        never_sent || (cut_or_slow && policy.may_resend(request.method()));
                    Failure {
                        error,
                        retryable,
                        waits: Waits::default(),
                    }
                }
            };
            if !failure.retryable || attempt >= policy.attempts() || !request.is_resendable() {
                return Err(failure.error);
            }
            let asked_for = failure.waits.held.or(failure.waits.asked);
            if let Some(wait) = asked_for.filter(|wait| *wait > policy.retry_after_limit()) {
                return Err(Error::RetryAfterTooLong {
                    operation,
                    wait,
                    limit: policy.retry_after_limit(),
                    last: Box::new(failure.error),
                });
            }
            let wait = match failure.waits {
                // The rate limits hold the next attempt themselves, on their own clock.
                Waits { held: Some(_), .. } => Duration::ZERO,
                Waits {
                    asked: Some(wait), ..
                } => wait,
                Waits { .. } => policy.backoff_before(attempt),
            };
            tracing::debug!(
                service = inner.service,
                operation,
                attempt,
                wait_ms = u64::try_from(wait.as_millis()).unwrap_or(u64::MAX),
                error = %failure.error,
                "attempt failed; retrying",
            );
            drop(failure);
            // A wait past the deadline ends the call there. (Boxed, as the other rare
            // waits here: what every call's future holds is the size of its largest wait.)
            let until = (Instant::now() + wait).min(deadline);
            Box::pin(tokio::time::sleep_until(until)).await;
            if until >= deadline {
                return Err(out_of_time());
            }
            attempt += 1;
        }
    }

    /// Whether `error` is one of the answers the service's spec says mean a refused token
    /// (`refresh_on`), and a new token can be had.
    fn worth_refreshing(&self, error: &Untyped) -> bool {
        let Some(endpoint) = self.inner.auth.tokens else {
            return false;
        };
        self.inner.tokens.refreshes()
            && endpoint.refresh_on.iter().any(|rule| match error {
                Error::Api(api) => {
                    api.status == rule.status
                        && rule.code.is_none_or(|code| {
                            api.code.as_ref().is_some_and(|own| own.to_string() == code)
                        })
                }
                Error::UnexpectedStatus { status, .. } => {
                    *status == rule.status && rule.code.is_none()
                }
                _ => false,
            })
    }

    /// Where this attempt goes: the account's own API host when the token endpoint named one
    /// and the rule follows it, else the configured base URL.
    fn base_url(&self, token: Option<&Token>) -> Result<Cow<'_, Url>, Untyped> {
        let inner = &*self.inner;
        let configured = Cow::Borrowed(&inner.base_url);
        let Some(domain) = token.and_then(|token| token.api_domain.as_deref()) else {
            return Ok(configured);
        };
        if inner.api_domain == ApiDomainRule::Ignore {
            return Ok(configured);
        }
        let named = match http_url("api_domain", domain) {
            Ok(url) if url.scheme() == "https" || inner.allow_insecure_http => url,
            _ => {
                tracing::warn!(
                    service = inner.service,
                    api_domain = domain,
                    "ignoring the token endpoint's api_domain: not an https URL"
                );
                return Ok(configured);
            }
        };
        let same_host = named.scheme() == inner.base_url.scheme()
            && named.host_str() == inner.base_url.host_str()
            && named.port_or_known_default() == inner.base_url.port_or_known_default();
        if same_host {
            return Ok(configured);
        }
        if inner.api_domain == ApiDomainRule::Check {
            return Err(Error::Config {
                reason: format!(
                    "the account's API host is {} (the token endpoint's `api_domain`), but the \
                     client was built for the region whose API host is {}: build it with that \
                     account's region, or give `base_url` to send calls elsewhere on purpose",
                    origin(&named),
                    origin(&inner.base_url)
                ),
            });
        }
        Ok(Cow::Owned(named))
    }

    /// One attempt: the answer, and the wait the server asks for before another.
    ///
    /// Not an `async fn`, which would hold `url` twice (as passed, and as its body's own).
    #[allow(
        clippy::manual_async_fn,
        reason = "an async fn would hold the URL twice"
    )]
    fn send<'a>(
        &'a self,
        request: &'a Request,
        mut url: Url,
        token: Option<&'a Token>,
    ) -> impl Future<Output = Result<(Sent, Waits), Untyped>> + Send + 'a {
        async move {
            let inner = &*self.inner;
            let operation = request.operation();
            // Before the key is added: links in the answer are resolved against it.
            let page_url = request.resolves_links().then(|| Box::new(url.clone()));
            if let (AuthScheme::ApiKey(KeyPlace::Query(name)), Some(key)) =
                (inner.auth.scheme, token)
            {
                url.query_pairs_mut()
                    .append_pair(name, key.secret.expose_secret());
            }
            let accept = match request.accept() {
                None => inner.accept.clone(),
                Some(media_type) => {
                    HeaderValue::from_str(media_type).map_err(|_| Error::InvalidRequest {
                        operation,
                        parameter: "Accept",
                        reason: format!("`{media_type}` is not a valid header value"),
                    })?
                }
            };
            let mut builder = inner
                .http
                .request(request.method().clone(), url)
                .header(ACCEPT, accept)
                .header(USER_AGENT, inner.user_agent.clone());
            for (name, value) in inner.common_headers.iter().chain(request.headers()) {
                builder = builder.header(*name, value.clone());
            }
            if let Some(token) = token
                && !matches!(inner.auth.scheme, AuthScheme::ApiKey(KeyPlace::Query(_)))
            {
                let (name, value) = token.header.clone().ok_or_else(|| Error::Auth {
                    status: None,
                    reason: "the token endpoint gave an access token that is not a valid HTTP \
                         header value"
                        .to_owned(),
                })?;
                builder = builder.header(name, value);
            }
            if let TokenSource::Basic { username, password } = &inner.tokens {
                builder = builder.basic_auth(username, Some(password.expose_secret()));
            }
            match request.body() {
                None => {}
                Some(Body::Multipart(parts)) => {
                    let (content_type, body) = parts.open().await.map_err(|error| match error {
                        OpenError::File { part, path, source } => Error::File {
                            operation,
                            part,
                            path: Some(path),
                            source,
                        },
                        OpenError::Invalid { part, reason } => Error::InvalidRequest {
                            operation,
                            parameter: part,
                            reason,
                        },
                    })?;
                    builder = builder
                        .header(CONTENT_TYPE, content_type)
                        .body(reqwest::Body::wrap(body));
                }
                Some(body) => {
                    if let Some((content_type, bytes)) = body.in_memory() {
                        builder = builder
                            .header(CONTENT_TYPE, content_type)
                            .body(bytes.clone());
                    }
                }
            }

            // A key in the query is part of the URL, which reqwest's errors show: leave it out.
            let key_in_url = matches!(inner.auth.scheme, AuthScheme::ApiKey(KeyPlace::Query(_)));
            let failed = |error: reqwest::Error| {
                transport_error(
                    operation,
                    if key_in_url {
                        error.without_url()
                    } else {
                        error
                    },
                )
            };
            let response = builder.send().await.map_err(failed)?;
            let status = response.status().as_u16();
            let asked = retry_after(response.headers());
            let waits = Waits {
                asked,
                held: inner.limiters.observe(
                    request.rate_limit_name(),
                    status,
                    response.headers(),
                    asked,
                ),
            };
            if request.is_download() && (200..300).contains(&status) {
                return Ok((Sent::Streaming(response), waits));
            }
            let content_type = content_type_of(response.headers());
            // Kept for errors only: a success whose body may still be one (a service with a
            // success code) or any other status.
            let may_fail = !(200..300).contains(&status)
                || request.per_item_shape().is_some()
                || inner
                    .error_shape
                    .as_ref()
                    .is_some_and(|shape| shape.success.is_some());
            let kept = if may_fail {
                kept_headers(response.headers())
            } else {
                Vec::new()
            };
            let links = response
                .headers()
                .get_all(LINK)
                .iter()
                .filter_map(|value| value.to_str().ok())
                .map(str::to_owned)
                .collect();
            let body = read_body(response, inner.max_response_bytes, operation).await?;
            Ok((
                Sent::Read(
                    Response::new(status, content_type, body)
                        .with_headers(kept)
                        .answering(page_url, links)
                        .redacted_by(inner.redactor.with(token.map(|token| &token.secret)))
                        .with_error_shape(inner.error_shape),
                ),
                waits,
            ))
        }
    }
}

/// What an attempt got: an answer read whole, or a download's successful answer with its
/// body still to read.
enum Sent {
    Read(Response),
    Streaming(reqwest::Response),
}

impl Sent {
    fn status(&self) -> u16 {
        match self {
            Sent::Read(response) => response.status,
            Sent::Streaming(response) => response.status().as_u16(),
        }
    }
}

fn content_type_of(headers: &reqwest::header::HeaderMap) -> Option<String> {
    headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned)
}

/// The headers an error keeps for logs: the wait the server asks for, its rate-limit
/// counters, request and correlation ids, and the body's media type.
fn kept_headers(headers: &reqwest::header::HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .filter(|(name, _)| {
            let name = name.as_str();
            name == "retry-after"
                || name == "content-type"
                || name.starts_with("x-ratelimit-")
                || name.contains("request-id")
                || name.contains("correlation-id")
                || name == "x-amzn-requestid"
        })
        .filter_map(|(name, value)| {
            Some((name.as_str().to_owned(), value.to_str().ok()?.to_owned()))
        })
        .collect()
}

/// The whole body, or `Error::ResponseTooLarge` as soon as it exceeds `limit` bytes (at
/// once when the `Content-Length` says so).
async fn read_body<C: ErrorCode>(
    mut response: reqwest::Response,
    limit: usize,
    operation: &'static str,
) -> Result<bytes::Bytes, Error<C>> {
    let too_large = || Error::ResponseTooLarge { operation, limit };
    if response
        .content_length()
        .is_some_and(|length| length > u64::try_from(limit).unwrap_or(u64::MAX))
    {
        return Err(too_large());
    }
    let mut next = async || {
        response
            .chunk()
            .await
            .map_err(|error| transport_error(operation, error))
    };
    // A body that arrives in one chunk (most do) is kept as it came, without a copy.
    let Some(first) = next().await? else {
        return Ok(bytes::Bytes::new());
    };
    if first.len() > limit {
        return Err(too_large());
    }
    let Some(second) = next().await? else {
        return Ok(first);
    };
    let mut body = bytes::BytesMut::from(first);
    let mut chunk = Some(second);
    while let Some(part) = chunk {
        if body.len() + part.len() > limit {
            return Err(too_large());
        }
        body.extend_from_slice(&part);
        chunk = next().await?;
    }
    Ok(body.freeze())
}

/// An attempt that failed, and whether another may follow.
struct Failure {
    error: Untyped,
    retryable: bool,
    waits: Waits,
}

/// The waits an answer asks for before another attempt.
#[derive(Debug, Clone, Copy, Default)]
struct Waits {
    /// What the server asked for (`Retry-After`).
    asked: Option<Duration>,
    /// How long the rate limits now hold every request (a lock after a `429`, or none
    /// left by the service's count); the next attempt waits for it when it asks for room.
    held: Option<Duration>,
}

pub(crate) fn transport_error<C: ErrorCode>(
    operation: &'static str,
    error: reqwest::Error,
) -> Error<C> {
    if error.is_timeout() {
        Error::Timeout { operation }
    } else {
        Error::Transport {
            operation,
            source: error,
        }
    }
}

fn auth_error<C: ErrorCode>(failure: AuthFailure) -> Error<C> {
    Error::Auth {
        status: failure.status,
        reason: failure.reason,
    }
}

/// `text` parsed as an absolute http(s) URL with a host and no user credentials. The text
/// itself is left out of messages, in case it holds a password.
fn http_url(name: &str, text: &str) -> Result<Url, String> {
    let url = Url::parse(text).map_err(|error| format!("`{name}` is not a valid URL: {error}"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!(
            "`{name}` must be an http or https URL, not `{}:`",
            url.scheme()
        ));
    }
    if url.host().is_none() {
        return Err(format!("`{name}` has no host"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(format!("`{name}` must not carry a user name or password"));
    }
    Ok(url)
}

/// The token endpoint: `token_path` on the accounts host.
fn token_url(accounts_url: &str, token_path: &str) -> Result<Url, String> {
    if !token_path.starts_with('/') {
        return Err(format!("`token_path` must start with `/`: `{token_path}`"));
    }
    let accounts = http_url("accounts_url", accounts_url)?;
    let mut url = accounts;
    url.set_path(&format!("{}{token_path}", url.path().trim_end_matches('/')));
    Ok(url)
}

/// `scheme://host[:port]` of a URL, for messages.
fn origin(url: &Url) -> String {
    url.origin().ascii_serialization()
}

#[cfg(test)]
mod tests {
    use super::http_url;

    /// Host names outside ASCII keep working, whichever Unicode back end `idna` is built
    /// with: the workspace pins the lighter unicode-rs one (idna_adapter 1.1) for build
    /// time, and a stub back end (idna_adapter 1.0) would refuse this host.
    #[test]
    fn an_internationalized_host_name_becomes_punycode() {
        let url = http_url("base_url", "https://bücher.example/api").expect("a valid URL");
        assert_eq!(url.host_str(), Some("xn--bcher-kva.example"));
    }
}
