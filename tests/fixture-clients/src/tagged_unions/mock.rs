// @generated from features/tagged_unions.yaml by `cargo xtask codegen`. Do not edit by hand.

//! A local mock of the service, for testing code that calls [`Client`](super::Client) without credentials or a network (the `mock` feature).
//!
//! [`MockServer::start`](crate::runtime::mock::MockServer::start) starts a server on a local port that answers every operation with its document's sample; [`client()`](crate::runtime::mock::MockServer::client) gives a client of it, with made-up credentials. [`on(call)`](crate::runtime::mock::MockServer::on) takes the call as the code under test builds it, typed, and says what to answer: a payload of the operation's type (put in the documented envelope), a documented error code, a `204`, pages for `stream()`, or a [`Fault`]. Each expectation must be met at least once (or [`times`](crate::runtime::mock::Expectation::times) times): an unmet one fails the test when the server is dropped.
//!
//! | Operation | Answers by default |
//! |---|---|
//! | [`Client::get_order`](super::Client::get_order) | the document's sample (Sample response) |
//! | [`Client::list_payments`](super::Client::list_payments) | the document's sample (Sample response) |
//! | [`Client::create_order`](super::Client::create_order) | `501`: the document gives no sample |
//!
//! # Example
//!
//! ```
//! # use fixture_clients::tagged_unions::*;
//! # use fixture_clients::tagged_unions::mock::{Fault, MockServer};
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<()> {
//! let server = MockServer::start().await;
//! let client = server.client()?;
//! // With no expectation, a call gets the document's sample.
//! client.get_order(10).send().await?;
//! // This call must come (checked when `server` is dropped), and it fails.
//! server.on(client.get_order(10)).fault(Fault::Status(404)).times(1).mount().await;
//! assert!(client.get_order(10).send().await.is_err());
//! # Ok(())
//! # }
//! ```

pub use crate::runtime::mock::{Expectation, Fault};

/// A local mock of the service: see the module's documentation.
pub type MockServer = crate::runtime::mock::MockServer<super::TaggedUnions>;

impl crate::runtime::mock::MockService for super::TaggedUnions {
    type Builder = super::ClientBuilder;

    type Client = super::Client;

    const OPERATIONS: &'static [&'static crate::runtime::mock::Answer] = &[
        <super::GetOrderRequest<'static> as crate::runtime::mock::MockOperation>::ANSWER,
        <super::ListPaymentsRequest<
            'static,
        > as crate::runtime::mock::MockOperation>::ANSWER,
        <super::CreateOrderRequest<
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

impl crate::runtime::mock::MockOperation for super::GetOrderRequest<'_> {
    type Service = super::TaggedUnions;

    type Output = super::Order;

    type Static = super::GetOrderRequest<'static>;

    const ANSWER: &'static crate::runtime::mock::Answer = &crate::runtime::mock::Answer {
        operation: "get_order",
        method: "GET",
        path: &[Some("orders"), None],
        status: 200,
        payload: true,
        envelope: None,
        has_more: None,
        no_content: false,
        sample: Some(
            "{\"id\":7,\"payment\":{\"brand\":\"visa\",\"last4\":\"4242\",\"type\":\"card\"},\"refunds\":[{\"iban\":\"DE89370400440532013000\",\"type\":\"bank_transfer\"}]}",
        ),
        download: None,
    };

    fn expected_request(&self) -> crate::runtime::Request {
        self.request()
    }
}

impl crate::runtime::mock::MockOperation for super::ListPaymentsRequest<'_> {
    type Service = super::TaggedUnions;

    type Output = Vec<super::Payment>;

    type Static = super::ListPaymentsRequest<'static>;

    const ANSWER: &'static crate::runtime::mock::Answer = &crate::runtime::mock::Answer {
        operation: "list_payments",
        method: "GET",
        path: &[Some("payments")],
        status: 200,
        payload: true,
        envelope: Some("payments"),
        has_more: None,
        no_content: false,
        sample: Some(
            "{\"payments\":[{\"last4\":\"4242\",\"type\":\"card\"},{\"iban\":\"DE89370400440532013000\",\"reference\":\"order 7\",\"type\":\"bank_transfer\"}]}",
        ),
        download: None,
    };

    fn expected_request(&self) -> crate::runtime::Request {
        self.request()
    }
}

impl crate::runtime::mock::MockOperation for super::CreateOrderRequest<'_> {
    type Service = super::TaggedUnions;

    type Output = super::Order;

    type Static = super::CreateOrderRequest<'static>;

    const ANSWER: &'static crate::runtime::mock::Answer = &crate::runtime::mock::Answer {
        operation: "create_order",
        method: "POST",
        path: &[Some("orders")],
        status: 201,
        payload: true,
        envelope: None,
        has_more: None,
        no_content: false,
        sample: None,
        download: None,
    };

    fn expected_request(&self) -> crate::runtime::Request {
        self.request()
    }
}
