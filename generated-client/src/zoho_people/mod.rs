// @generated from specs/zoho_people.yaml by `cargo xtask codegen`. Do not edit by hand.

//! # Zoho People: organization structure
//!
//! To retrieve multiple organization structure records.
//!
//! Generated from `specs/zoho_people.yaml`, which transcribes `shared/seeds/004_3a04f07e4accb98a.txt`.
//!
//! ## Operations
//!
//! | Method | Request | Summary |
//! |---|---|---|
//! | [`Client::list_entities`] | `GET /people/api/v3/orgstructure/entities` | Retrieve multiple organization structure entity records. |
//! | [`Client::list_units`] | `GET /people/api/v3/orgstructure/units` | Retrieve multiple organization structure unit records. |
//! | [`Client::list_divisions`] | `GET /people/api/v3/orgstructure/divisions` | Retrieve multiple organization structure division records. |
//!
//! ## Authorization
//!
//! Requests carry `Authorization: Zoho-oauthtoken <access token>`. Give the client a fixed token with [`Credentials::access_token`], or a refresh token with [`Credentials::zoho_refresh_token`]: the client then fetches access tokens from the region's accounts host, caches them until shortly before they expire, and refreshes once when the service reports an invalid token.
//!
//! ## Regions
//!
//! | Region | API host | Accounts host |
//! |---|---|---|
//! | [`Region::Us`] (United States) | <https://people.zoho.com> | <https://accounts.zoho.com> |
//! | [`Region::Eu`] (European Union) | <https://people.zoho.eu> | <https://accounts.zoho.eu> |
//! | [`Region::In`] (India) | <https://people.zoho.in> | <https://accounts.zoho.in> |
//! | [`Region::Au`] (Australia) | <https://people.zoho.com.au> | <https://accounts.zoho.com.au> |
//! | [`Region::Jp`] (Japan) | <https://people.zoho.jp> | <https://accounts.zoho.jp> |
//! | [`Region::Cn`] (China) | <https://people.zoho.com.cn> | <https://accounts.zoho.com.cn> |
//! | [`Region::Ca`] (Canada) | <https://people.zohocloud.ca> | <https://accounts.zohocloud.ca> |
//! | [`Region::Sa`] (Saudi Arabia) | <https://people.zoho.sa> | <https://accounts.zoho.sa> |

mod errors;

mod operations;

mod types;

pub use errors::{Error, ErrorCode, Result};

pub use operations::*;

pub use types::*;

pub use crate::runtime::{Credentials, RateLimitClock, RateLimitMode, RetryPolicy};

/// The data centers the service runs in; each has its own API and accounts hosts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Region {
    /// United States (`https://people.zoho.com`).
    #[default]
    Us,
    /// European Union (`https://people.zoho.eu`).
    Eu,
    /// India (`https://people.zoho.in`).
    In,
    /// Australia (`https://people.zoho.com.au`).
    Au,
    /// Japan (`https://people.zoho.jp`).
    Jp,
    /// China (`https://people.zoho.com.cn`).
    Cn,
    /// Canada (`https://people.zohocloud.ca`).
    Ca,
    /// Saudi Arabia (`https://people.zoho.sa`).
    Sa,
}

impl Region {
    /// Every region, in the spec's order.
    pub const ALL: [Region; 8usize] = [
        Region::Us,
        Region::Eu,
        Region::In,
        Region::Au,
        Region::Jp,
        Region::Cn,
        Region::Ca,
        Region::Sa,
    ];

    /// The base URL of the region's API host.
    pub fn api_url(self) -> &'static str {
        match self {
            Self::Us => "https://people.zoho.com",
            Self::Eu => "https://people.zoho.eu",
            Self::In => "https://people.zoho.in",
            Self::Au => "https://people.zoho.com.au",
            Self::Jp => "https://people.zoho.jp",
            Self::Cn => "https://people.zoho.com.cn",
            Self::Ca => "https://people.zohocloud.ca",
            Self::Sa => "https://people.zoho.sa",
        }
    }

    /// The base URL of the region's OAuth accounts host.
    pub fn accounts_url(self) -> Option<&'static str> {
        match self {
            Self::Us => Some("https://accounts.zoho.com"),
            Self::Eu => Some("https://accounts.zoho.eu"),
            Self::In => Some("https://accounts.zoho.in"),
            Self::Au => Some("https://accounts.zoho.com.au"),
            Self::Jp => Some("https://accounts.zoho.jp"),
            Self::Cn => Some("https://accounts.zoho.com.cn"),
            Self::Ca => Some("https://accounts.zohocloud.ca"),
            Self::Sa => Some("https://accounts.zoho.sa"),
        }
    }
}

/// A client for the service. Cheap to clone; clones share connections and tokens.
#[derive(Debug, Clone)]
pub struct Client {
    transport: crate::runtime::Transport,
}

impl Client {
    /// Starts configuring a client: region, credentials, timeouts, ...
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }
    pub(crate) fn transport(&self) -> &crate::runtime::Transport {
        &self.transport
    }
}

/// Configures a [`Client`]. Every setting has a default except the credentials.
#[derive(Debug, Clone, Default)]
#[must_use = "call `.build()` to get a client"]
pub struct ClientBuilder {
    region: Region,
    base_url: Option<String>,
    accounts_url: Option<String>,
    credentials: Option<Credentials>,
    timeout: Option<std::time::Duration>,
    connect_timeout: Option<std::time::Duration>,
    user_agent: Option<String>,
    http: Option<reqwest::Client>,
    retry: Option<RetryPolicy>,
    total_timeout: Option<std::time::Duration>,
    rate_limit_mode: Option<RateLimitMode>,
    rate_limit_clock: Option<RateLimitClock>,
    allow_insecure_http: bool,
    max_response_bytes: Option<usize>,
}

impl ClientBuilder {
    /// The data center to talk to; it chooses both the API host and the accounts host.
    pub fn region(mut self, region: Region) -> Self {
        self.region = region;
        self
    }

    /// Sends requests to this base URL instead of the region's API host (a proxy, a test server).
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// Fetches tokens from this base URL instead of the region's accounts host.
    pub fn accounts_url(mut self, url: impl Into<String>) -> Self {
        self.accounts_url = Some(url.into());
        self
    }

    /// How requests are authorized.
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = Some(credentials);
        self
    }

    /// The longest one attempt may take, response body included. Default 30 seconds.
    pub fn timeout(mut self, timeout: std::time::Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// The longest a call may take in all, retries and the waits between them
    /// included. Default 120 seconds.
    pub fn total_timeout(mut self, timeout: std::time::Duration) -> Self {
        self.total_timeout = Some(timeout);
        self
    }

    /// How failed attempts are retried. Default: 3 attempts with exponential
    /// backoff and jitter, idempotent requests only; `RetryPolicy::none()` turns
    /// retrying off. A request's own `.retry(...)` overrides it.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// What a request does when the service's documented rate limit has no room:
    /// wait for it (the default) or fail at once with `Error::RateLimited`.
    pub fn rate_limit_mode(mut self, mode: RateLimitMode) -> Self {
        self.rate_limit_mode = Some(mode);
        self
    }

    /// The clock the documented rate limits keep time by: the real one (the default),
    /// or `RateLimitClock::simulated()` to see how a workload meets the limits
    /// without waiting.
    pub fn rate_limit_clock(mut self, clock: RateLimitClock) -> Self {
        self.rate_limit_clock = Some(clock);
        self
    }

    /// Accepts plain `http://` base and accounts URLs, for a local test server.
    /// Off by default: `build()` refuses them, so tokens never cross a network unencrypted.
    pub fn allow_insecure_http(mut self, allow: bool) -> Self {
        self.allow_insecure_http = allow;
        self
    }

    /// The largest response body the client reads; a larger one fails with
    /// `Error::ResponseTooLarge`. Default 16 MiB.
    pub fn max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = Some(limit);
        self
    }

    /// The longest connecting may take. Default 10 seconds.
    pub fn connect_timeout(mut self, timeout: std::time::Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// The `User-Agent` header. Default `org-clients/<version>`.
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = Some(user_agent.into());
        self
    }

    /// Sends requests with this `reqwest` client (its own timeouts and proxies apply).
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.http = Some(http);
        self
    }

    /// Checks the settings and builds the client.
    pub fn build(self) -> Result<Client> {
        let base_url = self.base_url.unwrap_or_else(|| self.region.api_url().to_owned());
        let mut config = crate::runtime::TransportConfig::new(
            "zoho_people",
            base_url,
            crate::runtime::AuthScheme::ZohoOauthToken,
        );
        config.accounts_url = self
            .accounts_url
            .or_else(|| self.region.accounts_url().map(str::to_owned));
        config.token_path = Some("/oauth/v2/token");
        config.credentials = self.credentials;
        config.http = self.http;
        config.error_shape = errors::ERROR_SHAPE;
        config.accept = "application/json";
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
        if let Some(clock) = self.rate_limit_clock {
            config.rate_limit_clock = clock;
        }
        config.allow_insecure_http = self.allow_insecure_http;
        if let Some(limit) = self.max_response_bytes {
            config.max_response_bytes = limit;
        }
        config.rate_limits = vec![
            crate ::runtime::RateLimit { name : "orgstructure", requests : 30u32, per :
            std::time::Duration::from_secs(60u64), lock :
            Some(std::time::Duration::from_secs(300u64)), }
        ];
        if let Some(user_agent) = self.user_agent {
            config.user_agent = user_agent;
        }
        Ok(Client {
            transport: crate::runtime::Transport::new::<ErrorCode>(config)?,
        })
    }
}
