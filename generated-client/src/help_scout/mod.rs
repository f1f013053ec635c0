// @generated from specs/help_scout.yaml by `cargo xtask codegen`. Do not edit by hand.

//! # Help Scout: organizations
//!
//! Returns a single organization by ID.
//!
//! Generated from `specs/help_scout.yaml`, which transcribes `shared/seeds/003_f41cd6f389ca8057.txt`.
//!
//! ## Operations
//!
//! | Method | Request | Summary |
//! |---|---|---|
//! | [`Client::get_organization`] | `GET /v2/organizations/{organizationId}` | Get Organization by ID |
//!
//! ## Authorization
//!
//! Requests carry `Authorization: Bearer <access token>`. Give the client a fixed token with [`Credentials::access_token`], or an application's id and secret with [`Credentials::client_credentials`]: the client then fetches access tokens from the region's accounts host (`/v2/oauth2/token`) and caches them until shortly before they expire. When the service answers `401`, it fetches a new token and sends the request once more. The document's request header: `Authorization: Bearer oauth_token`.
//!
//! Not stated by the document: the token endpoint (`/v2/oauth2/token` on the API host), the client-credentials grant, and that a 401 may mean the access token expired: Help Scout's OAuth2, as its other API pages describe it.
//!
//! ## Regions
//!
//! | Region | API host | Accounts host |
//! |---|---|---|
//! | [`Region::Global`] (Global) | <https://api.helpscout.net> | <https://api.helpscout.net> |
//!
//! [`Region::Global`]: Not stated by the document: the host: the document shows paths only.
//!
//! ## Rate limits
//!
//! Kept before a request leaves; [`Client::rate_limit_status`] shows where they stand.
//!
//! - The service says in `X-RateLimit-Remaining-Minute` how many requests are left; when that reaches 0, every request waits the seconds `X-RateLimit-Retry-After` gives (or 60 without it). Not stated by the document: the headers and what they mean: Help Scout's per-minute limit, as its other API pages describe it.
//!
//!
//! ## Testing without credentials
//!
//! With the crate's `mock` feature, the module `mock` has a local mock of the service: its `MockServer` answers every operation with its document's sample, takes typed expectations (this call, with these arguments, answers this payload, error, page sequence or fault), and fails the test when one is left unmet.

mod errors;

#[cfg(feature = "mock")]
pub mod mock;

mod operations;
mod types;

pub use errors::{Download, Error, ErrorCode, Result};
pub use operations::*;
pub use types::*;

pub use crate::runtime::{
    Credentials, FilePart, RateLimitBudget, RateLimitClock, RateLimitMode,
    RateLimitStatus, RetryPolicy,
};

/// The data centers the service runs in; each has its own API and accounts hosts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Region {
    /// Global (`https://api.helpscout.net`).
    ///
    /// Not stated by the document: the host: the document shows paths only.
    #[default]
    Global,
}

impl Region {
    /// Every region, in the spec's order. A slice rather than an array, so that a
    /// new region does not change the constant's type.
    pub const ALL: &'static [Region] = &[Region::Global];

    /// The base URL of the region's API host.
    pub fn api_url(self) -> &'static str {
        match self {
            Self::Global => "https://api.helpscout.net",
        }
    }

    /// The base URL of the region's OAuth accounts host.
    pub fn accounts_url(self) -> Option<&'static str> {
        match self {
            Self::Global => Some("https://api.helpscout.net"),
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

    /// The documented rate limits now (requests used in the current window, a lock
    /// after a `429`, when the next request may go) and what the service's answers
    /// last said about its limit.
    pub fn rate_limit_status(&self) -> crate::runtime::RateLimitStatus {
        self.transport.rate_limit_status()
    }

    pub(crate) fn transport(&self) -> &crate::runtime::Transport {
        &self.transport
    }
}

/// The Help Scout: organizations service, as the shared client builder sees it.
#[derive(Debug, Clone, Copy, Default)]
pub struct HelpScout;

impl crate::runtime::Service for HelpScout {
    type Region = Region;

    type Code = ErrorCode;

    const NAME: &'static str = "help_scout";

    const AUTH: crate::runtime::Auth = crate::runtime::Auth {
        scheme: crate::runtime::AuthScheme::Bearer {
            header: "Authorization",
            prefix: "Bearer",
        },
        tokens: Some(crate::runtime::TokenEndpoint {
            path: "/v2/oauth2/token",
            grants: &[crate::runtime::Grant::ClientCredentials],
            refresh_on: &[
                crate::runtime::RefreshOn {
                    status: 401,
                    code: None,
                },
            ],
        }),
    };

    const ACCEPT: &'static str = "application/hal+json, application/json";

    const ERROR_SHAPE: Option<crate::runtime::ErrorShape> = errors::ERROR_SHAPE;

    const RATE_LIMITS: &'static [crate::runtime::RateLimit] = &[];

    const RATE_LIMIT_HEADERS: Option<crate::runtime::RateLimitHeaders> = Some(crate::runtime::RateLimitHeaders {
        remaining: "X-RateLimit-Remaining-Minute",
        retry_after: Some("X-RateLimit-Retry-After"),
        window: std::time::Duration::from_secs(60),
    });

    const USER_AGENT: &'static str = concat!(
        env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION")
    );

    fn api_url(region: Region) -> &'static str {
        region.api_url()
    }

    fn accounts_url(region: Region) -> Option<&'static str> {
        region.accounts_url()
    }
}

/// Configures a [`Client`]: region, credentials, timeouts, retries, rate limits, and
/// the parameters the service sends with every request.
#[derive(Debug, Clone, Default)]
#[must_use = "call `.build()` to get a client"]
pub struct ClientBuilder {
    settings: crate::runtime::ClientSettings<HelpScout>,
}

impl ClientBuilder {
    crate::runtime::client_builder_settings!(Region);

    /// Checks the settings and builds the client.
    pub fn build(self) -> Result<Client> {
        Ok(Client {
            transport: self.settings.into_transport()?,
        })
    }
}
