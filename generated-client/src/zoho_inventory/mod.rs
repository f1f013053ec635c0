// @generated from specs/zoho_inventory.yaml by `cargo xtask codegen`. Do not edit by hand.

//! # Zoho Inventory: organizations
//!
//! An Organisation represents a company or an institution running a business.
//!
//! Generated from `specs/zoho_inventory.yaml`, which transcribes `shared/seeds/002_8f83bf561b9ea53d.txt`.
//!
//! ## Operations
//!
//! | Method | Request | Summary |
//! |---|---|---|
//! | [`Client::create_organization`] | `POST /inventory/v1/organizations` | Create an organization. |
//! | [`Client::list_organizations`] | `GET /inventory/v1/organizations` | Get the list of organizations. |
//! | [`Client::update_organization`] | `PUT /inventory/v1/organizations/{organization_id}` | Update the details of an organization. |
//! | [`Client::get_organization`] | `GET /inventory/v1/organizations/{organization_id}` | Get the details of an organization. |
//!
//! ## Authorization
//!
//! Requests carry `Authorization: Zoho-oauthtoken <access token>`. Give the client a fixed token with [`Credentials::access_token`], or refresh-token credentials with [`Credentials::refresh_token`]: the client then fetches access tokens from the region's accounts host (`/oauth/v2/token`) and caches them until shortly before they expire. When the service answers `401`, it fetches a new token and sends the request once more. Every sample sends `Authorization: Zoho-oauthtoken <access token>`.
//!
//! Not stated by the document: the token endpoint (`/oauth/v2/token` on the region's accounts host), the refresh-token grant, and that a 401 may mean the access token expired: Zoho's OAuth, as its other API pages describe it.
//!
//! ## Regions
//!
//! | Region | API host | Accounts host |
//! |---|---|---|
//! | [`Region::Us`] (United States) | <https://www.zohoapis.com> | <https://accounts.zoho.com> |
//! | [`Region::Eu`] (European Union) | <https://www.zohoapis.eu> | <https://accounts.zoho.eu> |
//! | [`Region::In`] (India) | <https://www.zohoapis.in> | <https://accounts.zoho.in> |
//! | [`Region::Au`] (Australia) | <https://www.zohoapis.com.au> | <https://accounts.zoho.com.au> |
//! | [`Region::Jp`] (Japan) | <https://www.zohoapis.jp> | <https://accounts.zoho.jp> |
//! | [`Region::Cn`] (China) | <https://www.zohoapis.com.cn> | <https://accounts.zoho.com.cn> |
//! | [`Region::Ca`] (Canada) | <https://www.zohoapis.ca> | <https://accounts.zohocloud.ca> |
//! | [`Region::Sa`] (Saudi Arabia) | <https://www.zohoapis.sa> | <https://accounts.zoho.sa> |
//!
//! [`Region::Us`]: Not stated by the document: the accounts host; the API host is the document's.
//!
//! [`Region::Eu`], [`Region::In`], [`Region::Au`], [`Region::Jp`], [`Region::Cn`], [`Region::Ca`], [`Region::Sa`]: Not stated by the document: both hosts: Zoho's data center hosts for Inventory.
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
    /// United States (`https://www.zohoapis.com`).
    ///
    /// Not stated by the document: the accounts host; the API host is the document's.
    #[default]
    Us,
    /// European Union (`https://www.zohoapis.eu`).
    ///
    /// Not stated by the document: both hosts: Zoho's data center hosts for Inventory.
    Eu,
    /// India (`https://www.zohoapis.in`).
    ///
    /// Not stated by the document: both hosts: Zoho's data center hosts for Inventory.
    In,
    /// Australia (`https://www.zohoapis.com.au`).
    ///
    /// Not stated by the document: both hosts: Zoho's data center hosts for Inventory.
    Au,
    /// Japan (`https://www.zohoapis.jp`).
    ///
    /// Not stated by the document: both hosts: Zoho's data center hosts for Inventory.
    Jp,
    /// China (`https://www.zohoapis.com.cn`).
    ///
    /// Not stated by the document: both hosts: Zoho's data center hosts for Inventory.
    Cn,
    /// Canada (`https://www.zohoapis.ca`).
    ///
    /// Not stated by the document: both hosts: Zoho's data center hosts for Inventory.
    Ca,
    /// Saudi Arabia (`https://www.zohoapis.sa`).
    ///
    /// Not stated by the document: both hosts: Zoho's data center hosts for Inventory.
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
            Self::Us => "https://www.zohoapis.com",
            Self::Eu => "https://www.zohoapis.eu",
            Self::In => "https://www.zohoapis.in",
            Self::Au => "https://www.zohoapis.com.au",
            Self::Jp => "https://www.zohoapis.jp",
            Self::Cn => "https://www.zohoapis.com.cn",
            Self::Ca => "https://www.zohoapis.ca",
            Self::Sa => "https://www.zohoapis.sa",
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

/// The Zoho Inventory: organizations service, as the shared client builder sees it.
#[derive(Debug, Clone, Copy, Default)]
pub struct ZohoInventory;

impl crate::runtime::Service for ZohoInventory {
    type Region = Region;

    type Code = ErrorCode;

    const NAME: &'static str = "zoho_inventory";

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
                    code: None,
                },
            ],
        }),
    };

    const ACCEPT: &'static str = "application/json";

    const ERROR_SHAPE: Option<crate::runtime::ErrorShape> = errors::ERROR_SHAPE;

    const RATE_LIMITS: &'static [crate::runtime::RateLimit] = &[];

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
    settings: crate::runtime::ClientSettings<ZohoInventory>,
}

impl ClientBuilder {
    crate::runtime::client_builder_settings!(Region);

    /// Sends the query parameter `organization_id` with every request. The `organization_id` query parameter every sample request carries (`?organization_id=10234695`).
    ///
    /// Not stated by the document: that the id is a decimal number (`format: int64`), as in the samples; and that it is optional.
    pub fn query_organization_id(
        mut self,
        query_organization_id: impl Into<String>,
    ) -> Self {
        let value: String = query_organization_id.into();
        self.settings.common_query("organization_id", value);
        self
    }

    /// Checks the settings and builds the client.
    pub fn build(self) -> Result<Client> {
        Ok(Client {
            transport: self.settings.into_transport()?,
        })
    }
}
