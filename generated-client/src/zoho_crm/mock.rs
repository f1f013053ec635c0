// @generated from specs/zoho_crm.yaml by `cargo xtask codegen`. Do not edit by hand.

//! A local mock of the service, for testing code that calls [`Client`](super::Client) without credentials or a network (the `mock` feature).
//!
//! [`MockServer::start`](crate::runtime::mock::MockServer::start) starts a server on a local port that answers every operation with its document's sample; [`client()`](crate::runtime::mock::MockServer::client) gives a client of it, with made-up credentials. [`on(call)`](crate::runtime::mock::MockServer::on) takes the call as the code under test builds it, typed, and says what to answer: a payload of the operation's type (put in the documented envelope), a documented error code, a `204`, pages for `stream()`, or a [`Fault`]. Each expectation must be met at least once (or [`times`](crate::runtime::mock::Expectation::times) times): an unmet one fails the test when the server is dropped.
//!
//! | Operation | Answers by default |
//! |---|---|
//! | [`Client::list_org_enrichments`](super::Client::list_org_enrichments) | the document's sample (Sample Response while fetching all enrichments) |
//! | [`Client::get_org_enrichment`](super::Client::get_org_enrichment) | the document's sample (Sample response for a specific org enrichment) |
//! | [`Client::create_org_enrichment`](super::Client::create_org_enrichment) | the document's sample (Sample Response) |
//!
//! # Example
//!
//! ```
//! # use org_clients::zoho_crm::*;
//! # use org_clients::zoho_crm::mock::MockServer;
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<()> {
//! let server = MockServer::start().await;
//! let client = server.client()?;
//! // With no expectation, a call gets the document's sample.
//! client.list_org_enrichments().send().await?;
//! // This call must come (checked when `server` is dropped), and it fails.
//! server.on(client.list_org_enrichments()).respond_error(ErrorCode::InvalidData, "You have given an invalid value for the \"sort_by\" parameter.").times(1).mount().await;
//! assert!(client.list_org_enrichments().send().await.is_err());
//! # Ok(())
//! # }
//! ```

pub use crate::runtime::mock::{Expectation, Fault};

/// A local mock of the service: see the module's documentation.
pub type MockServer = crate::runtime::mock::MockServer<super::ZohoCrm>;

impl crate::runtime::mock::MockService for super::ZohoCrm {
    type Builder = super::ClientBuilder;

    type Client = super::Client;

    const OPERATIONS: &'static [&'static crate::runtime::mock::Answer] = &[
        <super::ListOrgEnrichmentsRequest<
            'static,
        > as crate::runtime::mock::MockOperation>::ANSWER,
        <super::GetOrgEnrichmentRequest<
            'static,
        > as crate::runtime::mock::MockOperation>::ANSWER,
        <super::CreateOrgEnrichmentRequest<
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

impl crate::runtime::mock::MockOperation for super::ListOrgEnrichmentsRequest<'_> {
    type Service = super::ZohoCrm;

    type Output = Vec<super::EnrichmentJob>;

    type Static = super::ListOrgEnrichmentsRequest<'static>;

    const ANSWER: &'static crate::runtime::mock::Answer = &crate::runtime::mock::Answer {
        operation: "list_org_enrichments",
        method: "GET",
        path: &[Some("crm"), Some("v7"), Some("__zia_org_enrichment")],
        status: 200,
        payload: true,
        envelope: Some("__zia_org_enrichment"),
        has_more: Some(&["info", "more_records"]),
        no_content: true,
        sample: Some(
            "{\"__zia_org_enrichment\":[{\"created_by\":{\"id\":\"111112000000055001\",\"name\":\"Patricia Boyle\"},\"created_time\":\"2024-05-12T23:51:22Z\",\"id\":\"111112000000071191\",\"status\":\"COMPLETED\"},{\"created_by\":{\"id\":\"111112000000055001\",\"name\":\"Patricia Boyle\"},\"created_time\":\"2024-05-12T23:55:02Z\",\"id\":\"111112000000071157\",\"status\":\"SCHEDULED\"}],\"info\":{\"count\":2,\"more_records\":false,\"page\":1,\"per_page\":200}}",
        ),
        download: None,
    };

    fn expected_request(&self) -> crate::runtime::Request {
        self.request()
    }
}

impl crate::runtime::mock::MockPagedOperation for super::ListOrgEnrichmentsRequest<'_> {
    type Item = super::EnrichmentJob;
}

impl crate::runtime::mock::MockOperation for super::GetOrgEnrichmentRequest<'_> {
    type Service = super::ZohoCrm;

    type Output = Vec<super::OrgEnrichment>;

    type Static = super::GetOrgEnrichmentRequest<'static>;

    const ANSWER: &'static crate::runtime::mock::Answer = &crate::runtime::mock::Answer {
        operation: "get_org_enrichment",
        method: "GET",
        path: &[Some("crm"), Some("v7"), Some("__zia_org_enrichment"), None],
        status: 200,
        payload: true,
        envelope: Some("__zia_org_enrichment"),
        has_more: None,
        no_content: false,
        sample: Some(
            "{\"__zia_org_enrichment\":[{\"enrich_based_on\":{\"name\":\"ABC\",\"website\":\"www.zoho.com\"},\"enriched_data\":{\"address\":[{\"city\":\"Chengalpattu District\",\"country\":\"India\",\"fill_address\":\"Estancia IT Park, Plot no. 140, 151, GST Road, Vallancheri\",\"pin_code\":\"603202\",\"state\":\"Tamil Nadu\"}],\"id\":\"jRsJ7grCwzJfs4B384k4zY3OFsLIE+EGt9AwDDtb4j4=\",\"industries\":[{\"description\":\"Includes information and data processing services, computer programming, systems design, consultancy, hosting and other computer related services.\",\"name\":\"Computer Programming Services\"}],\"name\":\"ZOHO\",\"primary_contact\":\"844-316-5544\",\"primary_email\":\"sales@zohocorp.com\",\"secondary_email\":\"press@zohocorp.com\",\"social_media\":[{\"media_type\":\"TWITTER\",\"media_url\":[\"twitter.com/zoho\"]}],\"website\":\"https://www.zoho.com\"},\"id\":\"554023000004092135\",\"status\":\"COMPLETED\"}]}",
        ),
        download: None,
    };

    fn expected_request(&self) -> crate::runtime::Request {
        self.request()
    }
}

impl crate::runtime::mock::MockOperation for super::CreateOrgEnrichmentRequest<'_> {
    type Service = super::ZohoCrm;

    type Output = Vec<super::ScheduledEnrichment>;

    type Static = super::CreateOrgEnrichmentRequest<'static>;

    const ANSWER: &'static crate::runtime::mock::Answer = &crate::runtime::mock::Answer {
        operation: "create_org_enrichment",
        method: "POST",
        path: &[Some("crm"), Some("v7"), Some("__zia_org_enrichment")],
        status: 202,
        payload: true,
        envelope: Some("__zia_org_enrichment"),
        has_more: None,
        no_content: false,
        sample: Some(
            "{\"__zia_org_enrichment\":[{\"code\":\"SCHEDULED\",\"details\":{\"id\":\"111112000000071191\"},\"message\":\"Org Enrichment scheduled successfully\",\"status\":\"success\"}]}",
        ),
        download: None,
    };

    fn expected_request(&self) -> crate::runtime::Request {
        self.request()
    }
}
