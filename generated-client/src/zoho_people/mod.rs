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
//! Requests carry `Authorization: Zoho-oauthtoken <access token>`. Give the client a fixed token with [`Credentials::access_token`], or refresh-token credentials with [`Credentials::refresh_token`]: the client then fetches access tokens from the region's accounts host (`/oauth/v2/token`) and caches them until shortly before they expire. When the service answers `401` with the code `INVALID_TOKEN`, it fetches a new token and sends the request once more.
//!
//! Not stated by the document: the token endpoint (`/oauth/v2/token` on the region's accounts host), the refresh-token grant, and that a 401 with the code `INVALID_TOKEN` means the access token expired: Zoho's OAuth, as its other API pages describe it.
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
//!
//! [`Region::Us`]: Not stated by the document: the accounts host; the API host is the document's.
//!
//! [`Region::Eu`], [`Region::In`], [`Region::Au`], [`Region::Jp`], [`Region::Cn`], [`Region::Ca`], [`Region::Sa`]: Not stated by the document: both hosts: Zoho's data center hosts for People.
//!
//! ## Rate limits
//!
//! Kept before a request leaves; [`Client::rate_limit_status`] shows where they stand.
//!
//! - `orgstructure`: 30 requests in any 60 seconds, all at once if need be; after a `429`, nothing is sent under it for the 300-second lock, shared by [`Client::list_entities`], [`Client::list_units`], [`Client::list_divisions`]. Not stated by the document: that the three operations share one limit; the page states it once for all three request URLs, not whether each has its own.
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
    /// United States (`https://people.zoho.com`).
    ///
    /// Not stated by the document: the accounts host; the API host is the document's.
    #[default]
    Us,
    /// European Union (`https://people.zoho.eu`).
    ///
    /// Not stated by the document: both hosts: Zoho's data center hosts for People.
    Eu,
    /// India (`https://people.zoho.in`).
    ///
    /// Not stated by the document: both hosts: Zoho's data center hosts for People.
    In,
    /// Australia (`https://people.zoho.com.au`).
    ///
    /// Not stated by the document: both hosts: Zoho's data center hosts for People.
    Au,
    /// Japan (`https://people.zoho.jp`).
    ///
    /// Not stated by the document: both hosts: Zoho's data center hosts for People.
    Jp,
    /// China (`https://people.zoho.com.cn`).
    ///
    /// Not stated by the document: both hosts: Zoho's data center hosts for People.
    Cn,
    /// Canada (`https://people.zohocloud.ca`).
    ///
    /// Not stated by the document: both hosts: Zoho's data center hosts for People.
    Ca,
    /// Saudi Arabia (`https://people.zoho.sa`).
    ///
    /// Not stated by the document: both hosts: Zoho's data center hosts for People.
    Sa,
}

impl Region {
    /// Every region, in the spec's order. A slice rather than an array, so that a
    /// new region does not change the constant's type.
    pub const ALL: &'static [Region] = &[
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

/// The Zoho People: organization structure service, as the shared client builder sees it.
#[derive(Debug, Clone, Copy, Default)]
pub struct ZohoPeople;

impl crate::runtime::Service for ZohoPeople {
    type Region = Region;

    type Code = ErrorCode;

    const NAME: &'static str = "zoho_people";

    const AUTH: crate::runtime::Auth = crate::runtime::Auth {
        scheme: crate::runtime::AuthScheme::Bearer {
            header: "Authorization",
            prefix: "Zoho-oauthtoken",
        },
        tokens: Some(crate::runtime::TokenEndpoint {
            path: "/oauth/v2/token",
            grants: &[crate::runtime::Grant::RefreshToken],
            refresh_on: &[
                crate::runtime::RefreshOn {
                    status: 401,
                    code: Some("INVALID_TOKEN"),
                },
            ],
        }),
    };

    const ACCEPT: &'static str = "application/json";

    const ERROR_SHAPE: Option<crate::runtime::ErrorShape> = errors::ERROR_SHAPE;

    const RATE_LIMITS: &'static [crate::runtime::RateLimit] = &[
        crate::runtime::RateLimit {
            name: "orgstructure",
            requests: 30,
            per: std::time::Duration::from_secs(60),
            lock: Some(std::time::Duration::from_secs(300)),
        },
    ];

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
    settings: crate::runtime::ClientSettings<ZohoPeople>,
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
