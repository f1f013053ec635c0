// @generated from specs/zoho_people.yaml by `cargo xtask codegen`. Do not edit by hand.

//! A local mock of the service, for testing code that calls [`Client`](super::Client) without credentials or a network (the `mock` feature).
//!
//! [`MockServer::start`](crate::runtime::mock::MockServer::start) starts a server on a local port that answers every operation with its document's sample; [`client()`](crate::runtime::mock::MockServer::client) gives a client of it, with made-up credentials. [`on(call)`](crate::runtime::mock::MockServer::on) takes the call as the code under test builds it, typed, and says what to answer: a payload of the operation's type (put in the documented envelope), a documented error code, a `204`, pages for `stream()`, or a [`Fault`]. Each expectation must be met at least once (or [`times`](crate::runtime::mock::Expectation::times) times): an unmet one fails the test when the server is dropped.
//!
//! | Operation | Answers by default |
//! |---|---|
//! | [`Client::list_entities`](super::Client::list_entities) | the document's sample (Success Response - 200 OK) |
//! | [`Client::list_units`](super::Client::list_units) | `501`: the document gives no sample |
//! | [`Client::list_divisions`](super::Client::list_divisions) | the document's sample (Success Response: 200 OK - For Divisions) |
//!
//! # Example
//!
//! ```
//! # use org_clients::zoho_people::*;
//! # use org_clients::zoho_people::mock::{Fault, MockServer};
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<()> {
//! let server = MockServer::start().await;
//! let client = server.client()?;
//! // With no expectation, a call gets the document's sample.
//! client.list_entities().send().await?;
//! // This call must come (checked when `server` is dropped), and it fails.
//! server.on(client.list_entities()).fault(Fault::Status(404)).times(1).mount().await;
//! assert!(client.list_entities().send().await.is_err());
//! # Ok(())
//! # }
//! ```

pub use crate::runtime::mock::{Expectation, Fault};

/// A local mock of the service: see the module's documentation.
pub type MockServer = crate::runtime::mock::MockServer<super::ZohoPeople>;

impl crate::runtime::mock::MockService for super::ZohoPeople {
    type Builder = super::ClientBuilder;

    type Client = super::Client;

    const OPERATIONS: &'static [&'static crate::runtime::mock::Answer] = &[
        <super::ListEntitiesRequest<
            'static,
        > as crate::runtime::mock::MockOperation>::ANSWER,
        <super::ListUnitsRequest<
            'static,
        > as crate::runtime::mock::MockOperation>::ANSWER,
        <super::ListDivisionsRequest<
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

impl crate::runtime::mock::MockOperation for super::ListEntitiesRequest<'_> {
    type Service = super::ZohoPeople;

    type Output = Vec<super::OrgRecord>;

    type Static = super::ListEntitiesRequest<'static>;

    const ANSWER: &'static crate::runtime::mock::Answer = &crate::runtime::mock::Answer {
        operation: "list_entities",
        method: "GET",
        path: &[
            Some("people"),
            Some("api"),
            Some("v3"),
            Some("orgstructure"),
            Some("entities"),
        ],
        status: 200,
        payload: true,
        envelope: Some("data"),
        has_more: Some(&["has_more"]),
        no_content: true,
        sample: Some(
            "{\"data\":[{\"description\":\"FirstComp\",\"name\":\"Comp1\",\"zoho_id\":\"10000200000027xxxx\",\"zp_code\":\"1\"},{\"description\":\"SecondComp\",\"name\":\"Comp2\",\"zoho_id\":\"10000200000027xxxx\",\"zp_code\":\"2\"}],\"has_more\":true}",
        ),
        download: None,
    };

    fn expected_request(&self) -> crate::runtime::Request {
        self.request()
    }
}

impl crate::runtime::mock::MockPagedOperation for super::ListEntitiesRequest<'_> {
    type Item = super::OrgRecord;
}

impl crate::runtime::mock::MockOperation for super::ListUnitsRequest<'_> {
    type Service = super::ZohoPeople;

    type Output = Vec<super::OrgRecord>;

    type Static = super::ListUnitsRequest<'static>;

    const ANSWER: &'static crate::runtime::mock::Answer = &crate::runtime::mock::Answer {
        operation: "list_units",
        method: "GET",
        path: &[
            Some("people"),
            Some("api"),
            Some("v3"),
            Some("orgstructure"),
            Some("units"),
        ],
        status: 200,
        payload: true,
        envelope: Some("data"),
        has_more: Some(&["has_more"]),
        no_content: true,
        sample: None,
        download: None,
    };

    fn expected_request(&self) -> crate::runtime::Request {
        self.request()
    }
}

impl crate::runtime::mock::MockPagedOperation for super::ListUnitsRequest<'_> {
    type Item = super::OrgRecord;
}

impl crate::runtime::mock::MockOperation for super::ListDivisionsRequest<'_> {
    type Service = super::ZohoPeople;

    type Output = Vec<super::Division>;

    type Static = super::ListDivisionsRequest<'static>;

    const ANSWER: &'static crate::runtime::mock::Answer = &crate::runtime::mock::Answer {
        operation: "list_divisions",
        method: "GET",
        path: &[
            Some("people"),
            Some("api"),
            Some("v3"),
            Some("orgstructure"),
            Some("divisions"),
        ],
        status: 200,
        payload: true,
        envelope: Some("data"),
        has_more: Some(&["has_more"]),
        no_content: true,
        sample: Some(
            "{\"data\":[{\"description\":\"Managing division\",\"name\":\"Div1\",\"parent_division\":{},\"zoho_id\":\"100002000000289001\",\"zp_code\":\"1\"},{\"description\":\"Employee Division\",\"name\":\"Div2\",\"parent_division\":{\"name\":\"Div1\",\"zoho_id\":\"100002000000289001\"},\"zoho_id\":\"100002000000297001\",\"zp_code\":\"2\"}],\"has_more\":false}",
        ),
        download: None,
    };

    fn expected_request(&self) -> crate::runtime::Request {
        self.request()
    }
}

impl crate::runtime::mock::MockPagedOperation for super::ListDivisionsRequest<'_> {
    type Item = super::Division;
}
