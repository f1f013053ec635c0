//! What every service's client builder shares. A generated module describes its service with
//! a small [`Service`] type (name, regions, auth, error shape, rate limits); its
//! `ClientBuilder` holds a [`ClientSettings`] of that service, takes the shared setters from
//! [`client_builder_settings!`](crate::client_builder_settings), and adds `build()` and the
//! setters of its own common parameters.

use std::fmt::{self, Display};
use std::marker::PhantomData;
use std::time::Duration;

use super::auth::{Auth, Credentials};
use super::error::{Error, ErrorCode, ErrorShape};
use super::rate_limit::{
    RateLimit, RateLimitBudget, RateLimitClock, RateLimitHeaders, RateLimitMode,
};
use super::retry::RetryPolicy;
use super::token::TokenRefreshHook;
use super::token_store::TokenStore;
use super::transport::{ApiDomainRule, Transport, TransportConfig};

/// What a generated service module tells the runtime about its service.
pub trait Service: 'static {
    /// The service's data centers.
    type Region: Copy + Default + fmt::Debug;
    /// The service's error codes.
    type Code: ErrorCode;
    /// The module name (`zoho_crm`), used in errors and tracing.
    const NAME: &'static str;
    /// How the service authorizes requests.
    const AUTH: Auth;
    /// The `Accept` header: the documented response media types.
    const ACCEPT: &'static str;
    /// Where the service's error bodies keep their code and message, when documented.
    const ERROR_SHAPE: Option<ErrorShape>;
    /// The documented rate limits.
    const RATE_LIMITS: &'static [RateLimit];
    /// The response headers in which the service says how much of its limit is left.
    const RATE_LIMIT_HEADERS: Option<RateLimitHeaders> = None;
    /// The default `User-Agent`: the generated crate's name and version.
    const USER_AGENT: &'static str;
    /// The base URL of a region's API host.
    fn api_url(region: Self::Region) -> &'static str;
    /// The base URL of a region's OAuth accounts host.
    fn accounts_url(region: Self::Region) -> Option<&'static str>;
}

/// What a generated `ClientBuilder` collects before `build()`: every setting has a default
/// except the credentials. The builder's setters come from [`client_builder_settings!`],
/// which sets these fields; plumbing for generated code, not an API of its own.
///
/// [`client_builder_settings!`]: crate::client_builder_settings
#[doc(hidden)]
pub struct ClientSettings<S: Service> {
    pub region: Option<S::Region>,
    pub base_url: Option<String>,
    pub accounts_url: Option<String>,
    pub credentials: Option<Credentials>,
    pub timeout: Option<Duration>,
    pub connect_timeout: Option<Duration>,
    pub total_timeout: Option<Duration>,
    pub user_agent: Option<String>,
    pub http: Option<reqwest::Client>,
    pub retry: Option<RetryPolicy>,
    pub rate_limit_mode: Option<RateLimitMode>,
    pub rate_limit_clock: Option<RateLimitClock>,
    pub rate_limit_budget: Option<RateLimitBudget>,
    pub max_response_bytes: Option<usize>,
    pub max_download_bytes: Option<usize>,
    pub allow_insecure_http: bool,
    pub token_store: Option<std::sync::Arc<dyn TokenStore>>,
    pub on_token_refresh: Option<TokenRefreshHook>,
    common_query: Vec<(&'static str, String)>,
    common_headers: Vec<(&'static str, String)>,
    service: PhantomData<fn() -> S>,
}

impl<S: Service> Default for ClientSettings<S> {
    fn default() -> Self {
        ClientSettings {
            region: None,
            base_url: None,
            accounts_url: None,
            credentials: None,
            timeout: None,
            connect_timeout: None,
            total_timeout: None,
            user_agent: None,
            http: None,
            retry: None,
            rate_limit_mode: None,
            rate_limit_clock: None,
            rate_limit_budget: None,
            max_response_bytes: None,
            max_download_bytes: None,
            allow_insecure_http: false,
            token_store: None,
            on_token_refresh: None,
            common_query: Vec::new(),
            common_headers: Vec::new(),
            service: PhantomData,
        }
    }
}

// By hand: a derive would require `S: Clone + Debug` of the marker type for no reason.
impl<S: Service> Clone for ClientSettings<S> {
    fn clone(&self) -> Self {
        ClientSettings {
            region: self.region,
            base_url: self.base_url.clone(),
            accounts_url: self.accounts_url.clone(),
            credentials: self.credentials.clone(),
            timeout: self.timeout,
            connect_timeout: self.connect_timeout,
            total_timeout: self.total_timeout,
            user_agent: self.user_agent.clone(),
            http: self.http.clone(),
            retry: self.retry.clone(),
            rate_limit_mode: self.rate_limit_mode,
            rate_limit_clock: self.rate_limit_clock.clone(),
            rate_limit_budget: self.rate_limit_budget.clone(),
            max_response_bytes: self.max_response_bytes,
            max_download_bytes: self.max_download_bytes,
            allow_insecure_http: self.allow_insecure_http,
            token_store: self.token_store.clone(),
            on_token_refresh: self.on_token_refresh.clone(),
            common_query: self.common_query.clone(),
            common_headers: self.common_headers.clone(),
            service: PhantomData,
        }
    }
}

impl<S: Service> fmt::Debug for ClientSettings<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientSettings")
            .field("service", &S::NAME)
            .field("region", &self.region)
            .field("base_url", &self.base_url)
            .field("accounts_url", &self.accounts_url)
            .field("credentials", &self.credentials)
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("total_timeout", &self.total_timeout)
            .field("user_agent", &self.user_agent)
            .field("retry", &self.retry)
            .field("rate_limit_mode", &self.rate_limit_mode)
            .field("max_response_bytes", &self.max_response_bytes)
            .field("max_download_bytes", &self.max_download_bytes)
            .field("allow_insecure_http", &self.allow_insecure_http)
            .field("token_store", &self.token_store)
            .field("common_query", &self.common_query)
            .field("common_headers", &self.common_headers)
            .finish_non_exhaustive()
    }
}

/// The setters every generated `ClientBuilder` has, written once here: a generated builder
/// is `struct ClientBuilder { settings: ClientSettings<TheService> }`, and its `impl` block
/// invokes `crate::runtime::client_builder_settings!(Region);` with the service's region type.
///
/// Paths inside start at `crate::runtime`, which is this crate (re-exported) or its inlined
/// copy, so one definition serves both kinds of generated crate (`$crate` would name the
/// generated crate itself when the runtime is inlined).
#[doc(hidden)]
#[macro_export]
#[allow(clippy::crate_in_macro_def)]
macro_rules! __client_builder_settings {
    ($region:ty) => {
        /// The data center to talk to; it chooses both the API host and the accounts host.
        /// When a token endpoint names another API host for the account (Zoho's
        /// `api_domain`), calls fail with `Error::Config` naming both; without a region,
        /// calls follow the host the token endpoint names.
        pub fn region(mut self, region: $region) -> Self {
            self.settings.region = Some(region);
            self
        }

        /// Sends requests to this base URL instead of the region's API host (a proxy, a
        /// test server).
        pub fn base_url(mut self, url: impl Into<String>) -> Self {
            self.settings.base_url = Some(url.into());
            self
        }

        /// Fetches tokens from this base URL instead of the region's accounts host.
        pub fn accounts_url(mut self, url: impl Into<String>) -> Self {
            self.settings.accounts_url = Some(url.into());
            self
        }

        /// How requests are authorized; see the module's "Authorization" section for the
        /// credentials this service accepts.
        pub fn credentials(mut self, credentials: crate::runtime::Credentials) -> Self {
            self.settings.credentials = Some(credentials);
            self
        }

        /// The longest one attempt may take, response body included. Default 30 seconds.
        pub fn timeout(mut self, timeout: std::time::Duration) -> Self {
            self.settings.timeout = Some(timeout);
            self
        }

        /// The longest connecting may take. Default 10 seconds.
        pub fn connect_timeout(mut self, timeout: std::time::Duration) -> Self {
            self.settings.connect_timeout = Some(timeout);
            self
        }

        /// The longest a call may take in all, retries and the waits between them
        /// included. Default 120 seconds.
        pub fn total_timeout(mut self, timeout: std::time::Duration) -> Self {
            self.settings.total_timeout = Some(timeout);
            self
        }

        /// How failed attempts are retried. Default: 3 attempts with exponential backoff
        /// and jitter, idempotent requests only; `RetryPolicy::none()` turns retrying off.
        /// A request's own `.retry(...)` overrides it.
        pub fn retry(mut self, policy: crate::runtime::RetryPolicy) -> Self {
            self.settings.retry = Some(policy);
            self
        }

        /// What a request does when the service's documented rate limit has no room: wait
        /// for it (the default) or fail at once with `Error::RateLimited`.
        pub fn rate_limit_mode(mut self, mode: crate::runtime::RateLimitMode) -> Self {
            self.settings.rate_limit_mode = Some(mode);
            self
        }

        /// The clock the documented rate limits keep time by: the real one (the default),
        /// or `RateLimitClock::simulated()` to see how a workload meets the limits without
        /// waiting. (A shared budget brings its own clock: set one or the other.)
        pub fn rate_limit_clock(mut self, clock: crate::runtime::RateLimitClock) -> Self {
            self.settings.rate_limit_clock = Some(clock);
            self
        }

        /// Keeps the documented rate limits in `budget`, shared with every client built
        /// with a clone of it (several clients of one account). Without it, a client (and
        /// its clones) has a budget of its own.
        pub fn rate_limit_budget(mut self, budget: crate::runtime::RateLimitBudget) -> Self {
            self.settings.rate_limit_budget = Some(budget);
            self
        }

        /// The largest response body the client reads; a larger one fails with
        /// `Error::ResponseTooLarge`. Default 16 MiB.
        pub fn max_response_bytes(mut self, limit: usize) -> Self {
            self.settings.max_response_bytes = Some(limit);
            self
        }

        /// The largest download (an operation that returns a byte stream) the client
        /// reads; a larger one fails with `Error::ResponseTooLarge`, at once when its
        /// `Content-Length` says so, else when the bytes read pass it. Default 1 GiB.
        pub fn max_download_bytes(mut self, limit: usize) -> Self {
            self.settings.max_download_bytes = Some(limit);
            self
        }

        /// Accepts plain `http://` base and accounts URLs, for a local test server. Off by
        /// default: `build()` refuses them, so tokens never cross a network unencrypted.
        pub fn allow_insecure_http(mut self, allow: bool) -> Self {
            self.settings.allow_insecure_http = allow;
            self
        }

        /// The `User-Agent` header. Default: the generated crate's name and version.
        pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
            self.settings.user_agent = Some(user_agent.into());
            self
        }

        /// Keeps OAuth access tokens in `store` (a `FileTokenStore`, a shared
        /// `MemoryTokenStore`, or your own `TokenStore`): a client finds a token another
        /// client or an earlier run stored and that is still good, and clients sharing a
        /// store refresh once between them. Default: this client's memory only.
        pub fn token_store(
            mut self,
            store: std::sync::Arc<dyn crate::runtime::TokenStore>,
        ) -> Self {
            self.settings.token_store = Some(store);
            self
        }

        /// Calls `callback` after each new access token from the token endpoint (not when a
        /// stored one is reused), with when it expires and the API host named with it.
        pub fn on_token_refresh(
            mut self,
            callback: impl Fn(&crate::runtime::TokenRefresh) + Send + Sync + 'static,
        ) -> Self {
            self.settings.on_token_refresh = Some(crate::runtime::TokenRefreshHook::new(callback));
            self
        }

        /// Sends requests with this `reqwest` client (its own proxies, root certificates and
        /// connect timeout apply); build it from `crate::runtime::http_client_builder()`,
        /// which sets up TLS, of the `reqwest` version `crate::runtime::reqwest` names.
        pub fn http_client(mut self, http: crate::runtime::reqwest::Client) -> Self {
            self.settings.http = Some(http);
            self
        }
    };
}

impl<S: Service> ClientSettings<S> {
    /// Sends `name=value` with every request, replacing an earlier value; the generated
    /// setters of a service's common parameters call it.
    pub fn common_query(&mut self, name: &'static str, value: impl Display) {
        self.common_query.retain(|(existing, _)| *existing != name);
        self.common_query.push((name, value.to_string()));
    }

    /// Sends the header `name: value` with every request, replacing an earlier value; the
    /// generated setters of a service's common header parameters call it.
    pub fn common_header(&mut self, name: &'static str, value: impl Display) {
        self.common_headers
            .retain(|(existing, _)| *existing != name);
        self.common_headers.push((name, value.to_string()));
    }

    /// Checks the settings and prepares the transport a generated `Client` wraps.
    pub fn into_transport(self) -> Result<Transport, Error<S::Code>> {
        let region = self.region.unwrap_or_default();
        let api_domain = match (&self.base_url, self.region) {
            (Some(_), _) => ApiDomainRule::Ignore,
            (None, Some(_)) => ApiDomainRule::Check,
            (None, None) => ApiDomainRule::Follow,
        };
        let base_url = self
            .base_url
            .unwrap_or_else(|| S::api_url(region).to_owned());
        let mut config = TransportConfig::new(S::NAME, base_url, S::AUTH);
        config.api_domain = api_domain;
        config.token_store = self.token_store;
        config.on_token_refresh = self.on_token_refresh;
        config.accounts_url = self
            .accounts_url
            .or_else(|| S::accounts_url(region).map(str::to_owned));
        config.credentials = self.credentials;
        config.http = self.http;
        config.error_shape = S::ERROR_SHAPE;
        config.accept = S::ACCEPT;
        config.rate_limits = S::RATE_LIMITS.to_vec();
        config.common_query = self.common_query;
        config.common_headers = self.common_headers;
        config.allow_insecure_http = self.allow_insecure_http;
        if let Some(timeout) = self.timeout {
            config.timeout = timeout;
        }
        if let Some(timeout) = self.connect_timeout {
            config.connect_timeout = timeout;
        }
        if let Some(timeout) = self.total_timeout {
            config.total_timeout = timeout;
        }
        if let Some(policy) = self.retry {
            config.retry = policy;
        }
        if let Some(mode) = self.rate_limit_mode {
            config.rate_limit_mode = mode;
        }
        config.rate_limit_headers = S::RATE_LIMIT_HEADERS;
        config.rate_limit_budget = match (self.rate_limit_budget, self.rate_limit_clock) {
            (Some(_), Some(_)) => {
                return Err(Error::Config {
                    reason: "both a rate-limit budget and a rate-limit clock are set: a shared \
                             budget keeps its own clock (`RateLimitBudget::with_clock`)"
                        .to_owned(),
                });
            }
            (Some(budget), None) => budget,
            (None, Some(clock)) => RateLimitBudget::with_clock(clock),
            (None, None) => RateLimitBudget::new(),
        };
        if let Some(limit) = self.max_download_bytes {
            config.max_download_bytes = limit;
        }
        if let Some(limit) = self.max_response_bytes {
            config.max_response_bytes = limit;
        }
        config.user_agent = self.user_agent.unwrap_or_else(|| S::USER_AGENT.to_owned());
        Transport::new::<S::Code>(config)
    }
}
