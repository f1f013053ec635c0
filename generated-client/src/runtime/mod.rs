//! The hand-written runtime the generated service modules call.
//!
//! A generated operation builds a [`Request`], sends it with a service's [`Transport`], and
//! decodes the [`Response`]; every failure is an [`Error`] of the service's [`ErrorCode`].
//! Paginated operations wrap their calls in [`paginate`], and documented constraints are
//! checked with [`check`] before anything is sent.

mod auth;
pub mod check;
mod client;
mod error;
mod error_body;
mod excerpt;
mod pagination;
mod rate_limit;
mod request;
mod response;
mod retry;
mod token;
mod transport;

pub use auth::{AuthScheme, Credentials};
pub use client::{ClientBuilder, Service};
pub use error::{ApiError, Error, ErrorCode, ErrorShape};
pub use pagination::paginate;
pub use rate_limit::{RateLimit, RateLimitClock, RateLimitMode};
pub use request::Request;
pub use response::Response;
pub use retry::RetryPolicy;
pub use transport::{Transport, TransportConfig};
