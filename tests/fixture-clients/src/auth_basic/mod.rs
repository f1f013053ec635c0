// @generated from features/auth_basic.yaml by `cargo xtask codegen`. Do not edit by hand.

//! # Auth Basic
//!
//! Generated from `features/auth_basic.yaml`, which transcribes `tests/fixtures/features/auth_basic.yaml`.
//!
//! ## Operations
//!
//! | Method | Request | Summary |
//! |---|---|---|
//! | [`Client::get_thing`] | `GET /thing` | Get the thing. |
//!
//! ## Authorization
//!
//! Requests carry HTTP basic authentication: give the client a user name and password with [`Credentials::basic`].
//!
//! ## Regions
//!
//! | Region | API host | Accounts host |
//! |---|---|---|
//! | [`Region::Global`] | <https://api.example.com> | none |
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
    /// global (`https://api.example.com`).
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
            Self::Global => "https://api.example.com",
        }
    }

    /// The base URL of the region's OAuth accounts host.
    pub fn accounts_url(self) -> Option<&'static str> {
        match self {
            Self::Global => None,
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

/// The Auth Basic service, as the shared client builder sees it.
#[derive(Debug, Clone, Copy, Default)]
pub struct AuthBasic;

impl crate::runtime::Service for AuthBasic {
    type Region = Region;

    type Code = ErrorCode;

    const NAME: &'static str = "auth_basic";

    const AUTH: crate::runtime::Auth = crate::runtime::Auth {
        scheme: crate::runtime::AuthScheme::Basic,
        tokens: None,
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
    settings: crate::runtime::ClientSettings<AuthBasic>,
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
