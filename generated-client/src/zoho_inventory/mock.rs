// @generated from specs/zoho_inventory.yaml by `cargo xtask codegen`. Do not edit by hand.

//! A local mock of the service, for testing code that calls [`Client`](super::Client) without credentials or a network (the `mock` feature).
//!
//! [`MockServer::start`](crate::runtime::mock::MockServer::start) starts a server on a local port that answers every operation with its document's sample; [`client()`](crate::runtime::mock::MockServer::client) gives a client of it, with made-up credentials. [`on(call)`](crate::runtime::mock::MockServer::on) takes the call as the code under test builds it, typed, and says what to answer: a payload of the operation's type (put in the documented envelope), a documented error code, a `204`, pages for `stream()`, or a [`Fault`]. Each expectation must be met at least once (or [`times`](crate::runtime::mock::Expectation::times) times): an unmet one fails the test when the server is dropped.
//!
//! | Operation | Answers by default |
//! |---|---|
//! | [`Client::create_organization`](super::Client::create_organization) | the document's sample (Response Example) |
//! | [`Client::list_organizations`](super::Client::list_organizations) | the document's sample (Response Example) |
//! | [`Client::update_organization`](super::Client::update_organization) | the document's sample (Response Example) |
//! | [`Client::get_organization`](super::Client::get_organization) | the document's sample (Response Example) |
//!
//! # Example
//!
//! ```
//! # use org_clients::zoho_inventory::*;
//! # use org_clients::zoho_inventory::mock::{Fault, MockServer};
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<()> {
//! let server = MockServer::start().await;
//! let client = server.client()?;
//! let body = CreateOrganization::new("Zillium Inc", "USD", "PST", "zilluminc");
//! // With no expectation, a call gets the document's sample.
//! client.create_organization(body.clone()).send().await?;
//! // This call must come (checked when `server` is dropped), and it fails.
//! server.on(client.create_organization(body.clone())).fault(Fault::Status(404)).times(1).mount().await;
//! assert!(client.create_organization(body).send().await.is_err());
//! # Ok(())
//! # }
//! ```

pub use crate::runtime::mock::{Expectation, Fault};

/// A local mock of the service: see the module's documentation.
pub type MockServer = crate::runtime::mock::MockServer<super::ZohoInventory>;

impl crate::runtime::mock::MockService for super::ZohoInventory {
    type Builder = super::ClientBuilder;

    type Client = super::Client;

    const OPERATIONS: &'static [&'static crate::runtime::mock::Answer] = &[
        <super::CreateOrganizationRequest<
            'static,
        > as crate::runtime::mock::MockOperation>::ANSWER,
        <super::ListOrganizationsRequest<
            'static,
        > as crate::runtime::mock::MockOperation>::ANSWER,
        <super::UpdateOrganizationRequest<
            'static,
        > as crate::runtime::mock::MockOperation>::ANSWER,
        <super::GetOrganizationRequest<
            'static,
        > as crate::runtime::mock::MockOperation>::ANSWER,
    ];

    const INTEGER_CODES: bool = true;

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

impl crate::runtime::mock::MockOperation for super::CreateOrganizationRequest<'_> {
    type Service = super::ZohoInventory;

    type Output = super::Organization;

    type Static = super::CreateOrganizationRequest<'static>;

    const ANSWER: &'static crate::runtime::mock::Answer = &crate::runtime::mock::Answer {
        operation: "create_organization",
        method: "POST",
        path: &[Some("inventory"), Some("v1"), Some("organizations")],
        status: 200,
        payload: true,
        envelope: Some("organization"),
        has_more: None,
        no_content: false,
        sample: Some(
            "{\"code\":0,\"message\":\"success\",\"organization\":{\"account_created_date\":\"2012-02-15\",\"address\":[{\"city\":\" \",\"country\":\"U.S.A\",\"state\":\" \",\"street_address1\":\" \",\"street_address2\":\" \",\"zip\":\"U.S.A\"}],\"contact_name\":\"John Smith\",\"date_format\":\"dd MMM yyyy\",\"field_separator\":\" \",\"fiscal_year_start_month\":0,\"industry_type\":\"Services\",\"is_default_org\":false,\"is_logo_uploaded\":\" \",\"language_code\":\"en\",\"name\":\"Zillium Inc\",\"organization_id\":\"10229182\",\"tax_group_enabled\":true,\"time_zone\":\"PST\",\"user_role\":\" \",\"user_status\":\" \"}}",
        ),
        download: None,
    };

    fn expected_request(&self) -> crate::runtime::Request {
        self.request()
    }
}

impl crate::runtime::mock::MockOperation for super::ListOrganizationsRequest<'_> {
    type Service = super::ZohoInventory;

    type Output = Vec<super::Organization>;

    type Static = super::ListOrganizationsRequest<'static>;

    const ANSWER: &'static crate::runtime::mock::Answer = &crate::runtime::mock::Answer {
        operation: "list_organizations",
        method: "GET",
        path: &[Some("inventory"), Some("v1"), Some("organizations")],
        status: 200,
        payload: true,
        envelope: Some("organizations"),
        has_more: None,
        no_content: false,
        sample: Some(
            "{\"code\":0,\"message\":\"success\",\"organizations\":[{\"account_created_date\":\"2012-02-15\",\"account_created_date_formatted\":\"15 Feb 2012\",\"contact_name\":\"John Smith\",\"currency_code\":\"USD\",\"currency_format\":\"###,##0.00\",\"currency_id\":\"982000000000190\",\"currency_symbol\":\"$\",\"email\":\"johndavid@zilliuminc.com\",\"fiscal_year_start_month\":0,\"is_default_org\":false,\"is_org_active\":true,\"language_code\":\"en\",\"name\":\"Zillium Inc\",\"organization_id\":\"10229182\",\"plan_name\":\"PROFESSIONAL\",\"plan_period\":\"Monthly\",\"plan_type\":130,\"price_precision\":2,\"tax_group_enabled\":true,\"time_zone\":\"PST\",\"zi_migration_status\":0}]}",
        ),
        download: None,
    };

    fn expected_request(&self) -> crate::runtime::Request {
        self.request()
    }
}

impl crate::runtime::mock::MockOperation for super::UpdateOrganizationRequest<'_> {
    type Service = super::ZohoInventory;

    type Output = super::Organization;

    type Static = super::UpdateOrganizationRequest<'static>;

    const ANSWER: &'static crate::runtime::mock::Answer = &crate::runtime::mock::Answer {
        operation: "update_organization",
        method: "PUT",
        path: &[Some("inventory"), Some("v1"), Some("organizations"), None],
        status: 200,
        payload: true,
        envelope: Some("organization"),
        has_more: None,
        no_content: false,
        sample: Some(
            "{\"code\":0,\"message\":\"success\",\"organization\":{\"account_created_date\":\"2012-02-15\",\"address\":[{\"city\":\" \",\"country\":\"U.S.A\",\"state\":\" \",\"street_address1\":\" \",\"street_address2\":\" \",\"zip\":\"U.S.A\"}],\"company_id_label\":\"Company ID\",\"company_id_value\":\" \",\"contact_name\":\"John Smith\",\"currency_code\":\"USD\",\"currency_format\":\"###,##0.00\",\"currency_id\":\"982000000000190\",\"currency_symbol\":\"$\",\"custom_fields\":[{\"index\":1,\"label\":\" \",\"value\":\" \"}],\"date_format\":\"dd MMM yyyy\",\"email\":\"johndavid@zilliuminc.com\",\"fax\":\" \",\"field_separator\":\" \",\"fiscal_year_start_month\":0,\"industry_size\":\" \",\"industry_type\":\"Services\",\"is_default_org\":false,\"is_org_active\":true,\"language_code\":\"en\",\"name\":\"Zillium Inc\",\"org_address\":\" \",\"organization_id\":\"10229182\",\"phone\":\" \",\"price_precision\":2,\"remit_to_address\":\" \",\"tax_id_label\":\"Tax ID\",\"tax_id_value\":\" \",\"time_zone\":\"PST\",\"website\":\" \"}}",
        ),
        download: None,
    };

    fn expected_request(&self) -> crate::runtime::Request {
        self.request()
    }
}

impl crate::runtime::mock::MockOperation for super::GetOrganizationRequest<'_> {
    type Service = super::ZohoInventory;

    type Output = super::Organization;

    type Static = super::GetOrganizationRequest<'static>;

    const ANSWER: &'static crate::runtime::mock::Answer = &crate::runtime::mock::Answer {
        operation: "get_organization",
        method: "GET",
        path: &[Some("inventory"), Some("v1"), Some("organizations"), None],
        status: 200,
        payload: true,
        envelope: Some("organization"),
        has_more: None,
        no_content: false,
        sample: Some(
            "{\"code\":0,\"message\":\"success\",\"organization\":{\"account_created_date\":\"2012-02-15\",\"address\":[{\"city\":\" \",\"country\":\"U.S.A\",\"state\":\" \",\"street_address1\":\" \",\"street_address2\":\" \",\"zip\":\"U.S.A\"}],\"company_id_label\":\"Company ID\",\"company_id_value\":\" \",\"contact_name\":\"John Smith\",\"currency_code\":\"USD\",\"currency_format\":\"###,##0.00\",\"currency_id\":\"982000000000190\",\"currency_symbol\":\"$\",\"custom_fields\":[{\"index\":1,\"label\":\" \",\"value\":\" \"}],\"date_format\":\"dd MMM yyyy\",\"email\":\"johndavid@zilliuminc.com\",\"fax\":\" \",\"field_separator\":\" \",\"fiscal_year_start_month\":0,\"industry_size\":\" \",\"industry_type\":\"Services\",\"is_default_org\":false,\"is_org_active\":true,\"language_code\":\"en\",\"name\":\"Zillium Inc\",\"org_address\":\" \",\"organization_id\":\"10229182\",\"phone\":\" \",\"price_precision\":2,\"remit_to_address\":\" \",\"tax_id_label\":\"Tax ID\",\"tax_id_value\":\" \",\"time_zone\":\"PST\",\"website\":\" \"}}",
        ),
        download: None,
    };

    fn expected_request(&self) -> crate::runtime::Request {
        self.request()
    }
}
