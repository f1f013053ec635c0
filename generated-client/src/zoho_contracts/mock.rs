// @generated from specs/zoho_contracts.yaml by `cargo xtask codegen`. Do not edit by hand.

//! A local mock of the service, for testing code that calls [`Client`](super::Client) without credentials or a network (the `mock` feature).
//!
//! [`MockServer::start`](crate::runtime::mock::MockServer::start) starts a server on a local port that answers every operation with its document's sample; [`client()`](crate::runtime::mock::MockServer::client) gives a client of it, with made-up credentials. [`on(call)`](crate::runtime::mock::MockServer::on) takes the call as the code under test builds it, typed, and says what to answer: a payload of the operation's type (put in the documented envelope), a documented error code, a `204`, pages for `stream()`, or a [`Fault`]. Each expectation must be met at least once (or [`times`](crate::runtime::mock::Expectation::times) times): an unmet one fails the test when the server is dropped.
//!
//! | Operation | Answers by default |
//! |---|---|
//! | [`Client::get_organization_info`](super::Client::get_organization_info) | the document's sample (Sample Response) |
//!
//! # Example
//!
//! ```
//! # use org_clients::zoho_contracts::*;
//! # use org_clients::zoho_contracts::mock::MockServer;
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<()> {
//! let server = MockServer::start().await;
//! let client = server.client()?;
//! // With no expectation, a call gets the document's sample.
//! client.get_organization_info().send().await?;
//! // This call must come (checked when `server` is dropped), and it fails.
//! server.on(client.get_organization_info()).respond_error(ErrorCode::InvalidUrlPattern, "Request URL is incorrect").times(1).mount().await;
//! assert!(client.get_organization_info().send().await.is_err());
//! # Ok(())
//! # }
//! ```

pub use crate::runtime::mock::{Expectation, Fault};

/// A local mock of the service: see the module's documentation.
pub type MockServer = crate::runtime::mock::MockServer<super::ZohoContracts>;

impl crate::runtime::mock::MockService for super::ZohoContracts {
    type Builder = super::ClientBuilder;

    type Client = super::Client;

    const OPERATIONS: &'static [&'static crate::runtime::mock::Answer] = &[
        <super::GetOrganizationInfoRequest<
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

impl crate::runtime::mock::MockOperation for super::GetOrganizationInfoRequest<'_> {
    type Service = super::ZohoContracts;

    type Output = Vec<super::OrganizationInfo>;

    type Static = super::GetOrganizationInfoRequest<'static>;

    const ANSWER: &'static crate::runtime::mock::Answer = &crate::runtime::mock::Answer {
        operation: "get_organization_info",
        method: "GET",
        path: &[Some("api"), Some("v1"), Some("admin"), Some("orginfo")],
        status: 200,
        payload: true,
        envelope: Some("organizationinfo"),
        has_more: None,
        no_content: false,
        sample: Some(
            "{\"organizationinfo\":[{\"accountowner\":{\"displayName\":\"Patricia Boyle\",\"emailId\":\"patricia.boyle@zylker.com\",\"id\":\"60012345679\"},\"address\":\"4141 Hacienda Drive\",\"apiName\":\"zylkerinc\",\"buildingNo\":\"Suite 100\",\"city\":\"Pleasanton\",\"country\":\"US\",\"currency\":{\"currency_code\":\"USD\",\"currency_decimal\":2,\"currency_name\":\"US Dollar\",\"currency_number\":840,\"currency_symbol\":\"$\"},\"id\":\"470000000000001\",\"name\":\"Zylker Inc\",\"orgURL\":\"https://contracts.zoho.com/zylkerinc\",\"phoneNumber\":\"+1 925 924 9500\",\"state\":\"California\",\"webSite\":\"https://www.zylker.com\",\"zipCode\":94588,\"zoid\":60012345678}]}",
        ),
        download: None,
    };

    fn expected_request(&self) -> crate::runtime::Request {
        self.request()
    }
}
