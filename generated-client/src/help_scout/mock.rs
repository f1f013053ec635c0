// @generated from specs/help_scout.yaml by `cargo xtask codegen`. Do not edit by hand.

//! A local mock of the service, for testing code that calls [`Client`](super::Client) without credentials or a network (the `mock` feature).
//!
//! [`MockServer::start`](crate::runtime::mock::MockServer::start) starts a server on a local port that answers every operation with its document's sample; [`client()`](crate::runtime::mock::MockServer::client) gives a client of it, with made-up credentials. [`on(call)`](crate::runtime::mock::MockServer::on) takes the call as the code under test builds it, typed, and says what to answer: a payload of the operation's type (put in the documented envelope), a documented error code, a `204`, pages for `stream()`, or a [`Fault`]. Each expectation must be met at least once (or [`times`](crate::runtime::mock::Expectation::times) times): an unmet one fails the test when the server is dropped.
//!
//! | Operation | Answers by default |
//! |---|---|
//! | [`Client::get_organization`](super::Client::get_organization) | the document's sample (Response) |
//!
//! # Example
//!
//! ```
//! # use org_clients::help_scout::*;
//! # use org_clients::help_scout::mock::{Fault, MockServer};
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<()> {
//! let server = MockServer::start().await;
//! let client = server.client()?;
//! // With no expectation, a call gets the document's sample.
//! client.get_organization(10).send().await?;
//! // This call must come (checked when `server` is dropped), and it fails.
//! server.on(client.get_organization(10)).fault(Fault::Status(404)).times(1).mount().await;
//! assert!(client.get_organization(10).send().await.is_err());
//! # Ok(())
//! # }
//! ```

pub use crate::runtime::mock::{Expectation, Fault};

/// A local mock of the service: see the module's documentation.
pub type MockServer = crate::runtime::mock::MockServer<super::HelpScout>;

impl crate::runtime::mock::MockService for super::HelpScout {
    type Builder = super::ClientBuilder;

    type Client = super::Client;

    const OPERATIONS: &'static [&'static crate::runtime::mock::Answer] = &[
        <super::GetOrganizationRequest<
            'static,
        > as crate::runtime::mock::MockOperation>::ANSWER,
    ];

    const INTEGER_CODES: bool = false;

    fn builder(
        base_url: &str,
        credentials: Option<super::Credentials>,
    ) -> super::ClientBuilder {
        let builder = super::Client::builder()
            .base_url(base_url)
            .allow_insecure_http(true);
        match credentials {
            Some(credentials) => builder.credentials(credentials),
            None => builder,
        }
    }

    fn build(builder: super::ClientBuilder) -> super::Result<super::Client> {
        builder.build()
    }

    fn documented_status(code: &super::ErrorCode) -> Option<u16> {
        code.documented_status()
    }
}

impl crate::runtime::mock::MockOperation for super::GetOrganizationRequest<'_> {
    type Service = super::HelpScout;

    type Output = super::Organization;

    type Static = super::GetOrganizationRequest<'static>;

    const ANSWER: &'static crate::runtime::mock::Answer = &crate::runtime::mock::Answer {
        operation: "get_organization",
        method: "GET",
        path: &[Some("v2"), Some("organizations"), None],
        status: 200,
        payload: true,
        envelope: None,
        has_more: None,
        no_content: false,
        sample: Some(
            "{\"_links\":{\"self\":{\"href\":\"...\"}},\"brandColor\":\"#000FFF\",\"conversationCount\":17,\"customerCount\":42,\"description\":\"Test Description\",\"domains\":[\"domain.com\",\"domain.org\"],\"id\":10,\"location\":\"US\",\"logoUrl\":\"https://example.com/logo.png\",\"name\":\"Test Company\",\"note\":\"Test Note\",\"phones\":[\"1-23-456\",\"+1 234 5678\"],\"properties\":[{\"definitionId\":1001,\"name\":\"Annual Revenue\",\"slug\":\"annual-revenue\",\"type\":\"number\",\"value\":\"5000000\"},{\"definitionId\":1002,\"name\":\"Industry\",\"options\":[{\"label\":\"Software\"},{\"label\":\"Healthcare\"},{\"label\":\"Finance\"}],\"slug\":\"industry\",\"type\":\"dropdown\",\"value\":\"Software\"},{\"definitionId\":1003,\"name\":\"Founded Date\",\"slug\":\"founded-date\",\"type\":\"date\",\"value\":\"2020-01-15\"}],\"website\":\"www.example.com\"}",
        ),
        download: None,
    };

    fn expected_request(&self) -> crate::runtime::Request {
        self.request()
    }
}
