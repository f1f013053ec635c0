//! End to end, over real HTTP to a local server: the generated Zoho Inventory client
//! (`org_clients::zoho_inventory`), its four operations with the common `organization_id`
//! query parameter, JSON bodies, errors, token refresh and the `portal_name` checks.

mod e2e_support;

use org_clients::zoho_inventory::{
    Address, Client, CreateOrganization, Credentials, CustomField, Error, ErrorCode, Month,
    OrganizationFiscalYearStartMonth, OrganizationIsLogoUploaded, UpdateOrganization,
};
use serde_json::{Value, json};
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use e2e_support::*;

fn date(year: i32, month: u32, day: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(year, month, day).expect("a valid date")
}

const ORGANIZATIONS_PATH: &str = "/inventory/v1/organizations";
const ORGANIZATION_PATH: &str = "/inventory/v1/organizations/10229182";
/// The `organization_id` of every sample request URL (`?organization_id=10234695`).
const QUERY_ORGANIZATION_ID: &str = "10234695";
const COMMON_QUERY: &str = "organization_id=10234695";

/// specs/zoho_inventory.yaml, `create_organization`, "Body Parameters".
const CREATE_BODY: &str = r####"{
  "name": "Zillium Inc",
  "fiscal_year_start_month": "january",
  "currency_code": "USD",
  "time_zone": "PST",
  "date_format": "dd MMM yyyy",
  "field_separator": " ",
  "language_code": "en",
  "industry_type": "Services",
  "industry_size": " ",
  "portal_name": "zilluminc",
  "org_address": " ",
  "remit_to_address": " ",
  "address": [
    {
      "street_address1": " ",
      "street_address2": " ",
      "city": " ",
      "state": " ",
      "country": "U.S.A",
      "zip": "U.S.A"
    }
  ]
}"####;

/// specs/zoho_inventory.yaml, `create_organization`, "Response Example".
const CREATE_RESPONSE: &str = r####"{
  "code": 0,
  "message": "success",
  "organization": {
    "organization_id": "10229182",
    "name": "Zillium Inc",
    "is_logo_uploaded": " ",
    "is_default_org": false,
    "user_role": " ",
    "account_created_date": "2012-02-15",
    "time_zone": "PST",
    "language_code": "en",
    "date_format": "dd MMM yyyy",
    "field_separator": " ",
    "fiscal_year_start_month": 0,
    "tax_group_enabled": true,
    "user_status": " ",
    "contact_name": "John Smith",
    "industry_type": "Services",
    "address": [
      {
        "street_address1": " ",
        "street_address2": " ",
        "city": " ",
        "state": " ",
        "country": "U.S.A",
        "zip": "U.S.A"
      }
    ]
  }
}"####;

/// specs/zoho_inventory.yaml, `list_organizations`, "Response Example".
const LIST_RESPONSE: &str = r####"{
  "code": 0,
  "message": "success",
  "organizations": [
    {
      "organization_id": "10229182",
      "name": "Zillium Inc",
      "contact_name": "John Smith",
      "email": "johndavid@zilliuminc.com",
      "is_default_org": false,
      "plan_type": 130,
      "tax_group_enabled": true,
      "zi_migration_status": 0,
      "plan_name": "PROFESSIONAL",
      "plan_period": "Monthly",
      "language_code": "en",
      "fiscal_year_start_month": 0,
      "account_created_date": "2012-02-15",
      "account_created_date_formatted": "15 Feb 2012",
      "time_zone": "PST",
      "is_org_active": true,
      "currency_id": "982000000000190",
      "currency_code": "USD",
      "currency_symbol": "$",
      "currency_format": "###,##0.00",
      "price_precision": 2
    }
  ]
}"####;

/// specs/zoho_inventory.yaml, `update_organization`, "Body Parameters".
const UPDATE_BODY: &str = r####"{
  "name": "Zillium Inc",
  "fiscal_year_start_month": "january",
  "is_logo_uploaded": true,
  "time_zone": "PST",
  "date_format": "dd MMM yyyy",
  "field_separator": " ",
  "language_code": "en",
  "org_address": " ",
  "remit_to_address": " ",
  "address": [
    {
      "street_address1": " ",
      "street_address2": " ",
      "city": " ",
      "state": " ",
      "country": "U.S.A",
      "zip": "U.S.A"
    }
  ],
  "contact_name": "John Smith",
  "phone": " ",
  "fax": " ",
  "website": " ",
  "email": "johndavid@zilliuminc.com",
  "currency_id": "982000000000190",
  "companyid_label": " ",
  "companyid_value": " ",
  "taxid_label": " ",
  "taxid_value": " ",
  "custom_fields": [
    {
      "index": 1,
      "value": " ",
      "label": " "
    }
  ]
}"####;

/// specs/zoho_inventory.yaml, the "Response Example" of `update_organization`, which is
/// also that of `get_organization`.
const ORGANIZATION_RESPONSE: &str = r####"{
  "code": 0,
  "message": "success",
  "organization": {
    "organization_id": "10229182",
    "name": "Zillium Inc",
    "is_default_org": false,
    "account_created_date": "2012-02-15",
    "time_zone": "PST",
    "language_code": "en",
    "date_format": "dd MMM yyyy",
    "field_separator": " ",
    "fiscal_year_start_month": 0,
    "contact_name": "John Smith",
    "industry_type": "Services",
    "industry_size": " ",
    "company_id_label": "Company ID",
    "company_id_value": " ",
    "tax_id_label": "Tax ID",
    "tax_id_value": " ",
    "currency_id": "982000000000190",
    "currency_code": "USD",
    "currency_symbol": "$",
    "currency_format": "###,##0.00",
    "price_precision": 2,
    "org_address": " ",
    "remit_to_address": " ",
    "phone": " ",
    "fax": " ",
    "website": " ",
    "email": "johndavid@zilliuminc.com",
    "is_org_active": true,
    "address": [
      {
        "street_address1": " ",
        "street_address2": " ",
        "city": " ",
        "state": " ",
        "country": "U.S.A",
        "zip": "U.S.A"
      }
    ],
    "custom_fields": [
      {
        "index": 1,
        "value": " ",
        "label": " "
      }
    ]
  }
}"####;

fn client(server: &MockServer) -> Client {
    Client::builder()
        .base_url(server.uri())
        .allow_insecure_http(true)
        .credentials(Credentials::access_token(TOKEN))
        .query_organization_id(QUERY_ORGANIZATION_ID)
        .timeout(TIMEOUT)
        // One answer per call: these tests count requests. Retrying has its own suite.
        .retry(org_clients::runtime::RetryPolicy::none())
        .build()
        .expect("a valid client configuration")
}

/// The address of the samples.
fn sample_address() -> Address {
    let mut address = Address::default();
    address.street_address1 = Some(" ".to_owned());
    address.street_address2 = Some(" ".to_owned());
    address.city = Some(" ".to_owned());
    address.state = Some(" ".to_owned());
    address.country = Some("U.S.A".to_owned());
    address.zip = Some("U.S.A".to_owned());
    address
}

/// The create "Body Parameters" sample, built through the generated type.
fn create_body(portal_name: &str) -> CreateOrganization {
    let mut body = CreateOrganization::new(
        "Zillium Inc".to_owned(),
        "USD".to_owned(),
        "PST".to_owned(),
        portal_name.to_owned(),
    );
    body.fiscal_year_start_month = Some(Month::January);
    body.date_format = Some("dd MMM yyyy".to_owned());
    body.field_separator = Some(" ".to_owned());
    body.language_code = Some("en".to_owned());
    body.industry_type = Some("Services".to_owned());
    body.industry_size = Some(" ".to_owned());
    body.org_address = Some(" ".to_owned());
    body.remit_to_address = Some(" ".to_owned());
    body.address = Some(vec![sample_address()]);
    body
}

/// The update "Body Parameters" sample, built through the generated type.
fn update_body() -> UpdateOrganization {
    let mut body = UpdateOrganization::default();
    body.name = Some("Zillium Inc".to_owned());
    body.fiscal_year_start_month = Some(Month::January);
    body.is_logo_uploaded = Some(true);
    body.time_zone = Some("PST".to_owned());
    body.date_format = Some("dd MMM yyyy".to_owned());
    body.field_separator = Some(" ".to_owned());
    body.language_code = Some("en".to_owned());
    body.org_address = Some(" ".to_owned());
    body.remit_to_address = Some(" ".to_owned());
    body.address = Some(vec![sample_address()]);
    body.contact_name = Some("John Smith".to_owned());
    body.phone = Some(" ".to_owned());
    body.fax = Some(" ".to_owned());
    body.website = Some(" ".to_owned());
    body.email = Some("johndavid@zilliuminc.com".to_owned());
    body.currency_id = Some("982000000000190".to_owned());
    body.companyid_label = Some(" ".to_owned());
    body.companyid_value = Some(" ".to_owned());
    body.taxid_label = Some(" ".to_owned());
    body.taxid_value = Some(" ".to_owned());
    let mut field = CustomField::default();
    field.index = Some(1.0);
    field.value = Some(" ".to_owned());
    field.label = Some(" ".to_owned());
    body.custom_fields = Some(vec![field]);
    body
}

/// The update sample body as the client writes it: `CustomField.index` is a `number`
/// ("double" in the document), so the sample's `1` goes on the wire as `1.0`, the same
/// JSON number.
fn update_body_on_the_wire() -> Value {
    let mut expected = sample(UPDATE_BODY);
    expected["custom_fields"][0]["index"] = json!(1.0);
    expected
}

#[tokio::test]
async fn create_organization_posts_the_sample_body_with_the_common_organization_id() {
    let server = MockServer::start().await;
    let expected_body = sample(CREATE_BODY);
    Mock::given(method("POST"))
        .and(path(ORGANIZATIONS_PATH))
        .and(query_param("organization_id", QUERY_ORGANIZATION_ID))
        .and(header("authorization", ZOHO_AUTH))
        .and(header("content-type", "application/json"))
        .and(body_json(&expected_body))
        .respond_with(ok_json(CREATE_RESPONSE))
        .expect(1)
        .mount(&server)
        .await;

    let org = client(&server)
        .create_organization(create_body("zilluminc"))
        .send()
        .await
        .expect("the sample decodes");

    let request = only_request(&server).await;
    assert_zoho_request(
        &request,
        "POST",
        ORGANIZATIONS_PATH,
        Some(COMMON_QUERY),
        ZOHO_AUTH,
    );
    assert_json_body(&request, &expected_body);

    assert_eq!(org.organization_id, "10229182");
    assert_eq!(org.name.as_deref(), Some("Zillium Inc"));
    // `string | boolean`: the create sample sends " ".
    assert_eq!(
        org.is_logo_uploaded,
        Some(OrganizationIsLogoUploaded::Text(" ".to_owned()))
    );
    assert_eq!(org.is_default_org, Some(false));
    assert_eq!(org.user_role.as_deref(), Some(" "));
    assert_eq!(org.account_created_date, Some(date(2012, 2, 15)));
    assert_eq!(org.time_zone.as_deref(), Some("PST"));
    assert_eq!(org.language_code.as_deref(), Some("en"));
    assert_eq!(org.date_format.as_deref(), Some("dd MMM yyyy"));
    assert_eq!(org.field_separator.as_deref(), Some(" "));
    // A month name in requests, a number in responses.
    assert_eq!(
        org.fiscal_year_start_month,
        Some(OrganizationFiscalYearStartMonth::Integer(0))
    );
    assert_eq!(org.tax_group_enabled, Some(true));
    assert_eq!(org.user_status.as_deref(), Some(" "));
    assert_eq!(org.contact_name.as_deref(), Some("John Smith"));
    assert_eq!(org.industry_type.as_deref(), Some("Services"));
    assert_eq!(org.address, Some(vec![sample_address()]));
    assert_eq!(org.email, None);
    assert_eq!(org.currency_code, None);
}

#[tokio::test]
async fn list_organizations_sends_the_common_organization_id_and_decodes_the_sample() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(ORGANIZATIONS_PATH))
        .and(query_param("organization_id", QUERY_ORGANIZATION_ID))
        .and(header("authorization", ZOHO_AUTH))
        .respond_with(ok_json(LIST_RESPONSE))
        .expect(1)
        .mount(&server)
        .await;

    let orgs = client(&server)
        .list_organizations()
        .send()
        .await
        .expect("the sample decodes");

    let request = only_request(&server).await;
    assert_zoho_request(
        &request,
        "GET",
        ORGANIZATIONS_PATH,
        Some(COMMON_QUERY),
        ZOHO_AUTH,
    );
    assert_no_body(&request);

    assert_eq!(orgs.len(), 1);
    let org = &orgs[0];
    assert_eq!(org.organization_id, "10229182");
    assert_eq!(org.name.as_deref(), Some("Zillium Inc"));
    assert_eq!(org.contact_name.as_deref(), Some("John Smith"));
    assert_eq!(org.email.as_deref(), Some("johndavid@zilliuminc.com"));
    assert_eq!(org.is_default_org, Some(false));
    assert_eq!(org.plan_type, Some(130));
    assert_eq!(org.tax_group_enabled, Some(true));
    assert_eq!(org.zi_migration_status, Some(0));
    assert_eq!(org.plan_name.as_deref(), Some("PROFESSIONAL"));
    assert_eq!(org.plan_period.as_deref(), Some("Monthly"));
    assert_eq!(org.language_code.as_deref(), Some("en"));
    assert_eq!(
        org.fiscal_year_start_month,
        Some(OrganizationFiscalYearStartMonth::Integer(0))
    );
    assert_eq!(org.account_created_date, Some(date(2012, 2, 15)));
    assert_eq!(
        org.account_created_date_formatted.as_deref(),
        Some("15 Feb 2012")
    );
    assert_eq!(org.time_zone.as_deref(), Some("PST"));
    assert_eq!(org.is_org_active, Some(true));
    assert_eq!(org.currency_id.as_deref(), Some("982000000000190"));
    assert_eq!(org.currency_code.as_deref(), Some("USD"));
    assert_eq!(org.currency_symbol.as_deref(), Some("$"));
    assert_eq!(org.currency_format.as_deref(), Some("###,##0.00"));
    assert_eq!(org.price_precision, Some(2));
    assert_eq!(org.is_logo_uploaded, None);
    assert_eq!(org.address, None);
}

fn assert_organization_sample(org: &org_clients::zoho_inventory::Organization) {
    assert_eq!(org.organization_id, "10229182");
    assert_eq!(org.name.as_deref(), Some("Zillium Inc"));
    assert_eq!(org.is_default_org, Some(false));
    assert_eq!(org.account_created_date, Some(date(2012, 2, 15)));
    assert_eq!(org.time_zone.as_deref(), Some("PST"));
    assert_eq!(org.language_code.as_deref(), Some("en"));
    assert_eq!(org.date_format.as_deref(), Some("dd MMM yyyy"));
    assert_eq!(org.field_separator.as_deref(), Some(" "));
    assert_eq!(
        org.fiscal_year_start_month,
        Some(OrganizationFiscalYearStartMonth::Integer(0))
    );
    assert_eq!(org.contact_name.as_deref(), Some("John Smith"));
    assert_eq!(org.industry_type.as_deref(), Some("Services"));
    assert_eq!(org.industry_size.as_deref(), Some(" "));
    // Sent as `companyid_label` etc. in requests, returned as `company_id_label` etc.
    assert_eq!(org.company_id_label.as_deref(), Some("Company ID"));
    assert_eq!(org.company_id_value.as_deref(), Some(" "));
    assert_eq!(org.tax_id_label.as_deref(), Some("Tax ID"));
    assert_eq!(org.tax_id_value.as_deref(), Some(" "));
    assert_eq!(org.currency_id.as_deref(), Some("982000000000190"));
    assert_eq!(org.currency_code.as_deref(), Some("USD"));
    assert_eq!(org.currency_symbol.as_deref(), Some("$"));
    assert_eq!(org.currency_format.as_deref(), Some("###,##0.00"));
    assert_eq!(org.price_precision, Some(2));
    assert_eq!(org.org_address.as_deref(), Some(" "));
    assert_eq!(org.remit_to_address.as_deref(), Some(" "));
    assert_eq!(org.phone.as_deref(), Some(" "));
    assert_eq!(org.fax.as_deref(), Some(" "));
    assert_eq!(org.website.as_deref(), Some(" "));
    assert_eq!(org.email.as_deref(), Some("johndavid@zilliuminc.com"));
    assert_eq!(org.is_org_active, Some(true));
    assert_eq!(org.address, Some(vec![sample_address()]));
    let fields = org.custom_fields.as_ref().expect("custom_fields");
    assert_eq!(fields.len(), 1);
    assert_eq!(fields[0].index, Some(1.0));
    assert_eq!(fields[0].value.as_deref(), Some(" "));
    assert_eq!(fields[0].label.as_deref(), Some(" "));
    assert_eq!(org.is_logo_uploaded, None);
}

#[tokio::test]
async fn update_organization_puts_the_sample_body_to_the_organizations_path() {
    let server = MockServer::start().await;
    let expected_body = update_body_on_the_wire();
    Mock::given(method("PUT"))
        .and(path(ORGANIZATION_PATH))
        .and(query_param("organization_id", QUERY_ORGANIZATION_ID))
        .and(header("authorization", ZOHO_AUTH))
        .and(header("content-type", "application/json"))
        .and(body_json(&expected_body))
        .respond_with(ok_json(ORGANIZATION_RESPONSE))
        .expect(1)
        .mount(&server)
        .await;

    let org = client(&server)
        .update_organization("10229182", update_body())
        .send()
        .await
        .expect("the sample decodes");

    let request = only_request(&server).await;
    assert_zoho_request(
        &request,
        "PUT",
        ORGANIZATION_PATH,
        Some(COMMON_QUERY),
        ZOHO_AUTH,
    );
    assert_json_body(&request, &expected_body);
    assert_organization_sample(&org);
}

#[tokio::test]
async fn update_organization_sends_only_the_fields_that_are_set() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path(ORGANIZATION_PATH))
        .respond_with(ok_json(ORGANIZATION_RESPONSE))
        .mount(&server)
        .await;
    let mut body = UpdateOrganization::default();
    body.is_logo_uploaded = Some(false);
    body.fiscal_year_start_month = Some(Month::December);

    client(&server)
        .update_organization("10229182", body)
        .send()
        .await
        .expect("decodes");

    let request = only_request(&server).await;
    assert_json_body(
        &request,
        &json!({"is_logo_uploaded": false, "fiscal_year_start_month": "december"}),
    );
}

#[tokio::test]
async fn get_organization_puts_the_id_in_the_path_and_decodes_the_sample() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(ORGANIZATION_PATH))
        .and(query_param("organization_id", QUERY_ORGANIZATION_ID))
        .and(header("authorization", ZOHO_AUTH))
        .respond_with(ok_json(ORGANIZATION_RESPONSE))
        .expect(1)
        .mount(&server)
        .await;

    let org = client(&server)
        .get_organization("10229182")
        .send()
        .await
        .expect("the sample decodes");

    let request = only_request(&server).await;
    assert_zoho_request(
        &request,
        "GET",
        ORGANIZATION_PATH,
        Some(COMMON_QUERY),
        ZOHO_AUTH,
    );
    assert_no_body(&request);
    assert_organization_sample(&org);
}

#[tokio::test]
async fn a_boolean_is_logo_uploaded_decodes_as_the_boolean_side_of_the_union() {
    let mut body = sample(ORGANIZATION_RESPONSE);
    body["organization"]["is_logo_uploaded"] = json!(true);
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(ORGANIZATION_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;

    let org = client(&server)
        .get_organization("10229182")
        .send()
        .await
        .expect("decodes");

    assert_eq!(
        org.is_logo_uploaded,
        Some(OrganizationIsLogoUploaded::Boolean(true))
    );
}

/// `get_organization` answered by `body`.
async fn get_organization_answered(body: Value) -> org_clients::zoho_inventory::Organization {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(ORGANIZATION_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;
    client(&server)
        .get_organization("10229182")
        .send()
        .await
        .expect("decodes")
}

#[tokio::test]
async fn a_month_name_in_a_response_decodes_as_the_month() {
    let mut body = sample(ORGANIZATION_RESPONSE);
    body["organization"]["fiscal_year_start_month"] = json!("march");
    let org = get_organization_answered(body).await;
    assert_eq!(
        org.fiscal_year_start_month,
        Some(OrganizationFiscalYearStartMonth::Month(Month::March))
    );
}

#[tokio::test]
async fn the_request_spellings_of_the_company_and_tax_ids_decode_in_responses() {
    let mut body = sample(ORGANIZATION_RESPONSE);
    let object = body["organization"].as_object_mut().expect("an object");
    for key in [
        "company_id_label",
        "company_id_value",
        "tax_id_label",
        "tax_id_value",
    ] {
        object.remove(key);
    }
    object.insert("companyid_label".into(), json!("Company ID"));
    object.insert("companyid_value".into(), json!("C-1"));
    object.insert("taxid_label".into(), json!("Tax ID"));
    object.insert("taxid_value".into(), json!("T-2"));
    let org = get_organization_answered(body).await;
    assert_eq!(org.company_id_label.as_deref(), Some("Company ID"));
    assert_eq!(org.company_id_value.as_deref(), Some("C-1"));
    assert_eq!(org.tax_id_label.as_deref(), Some("Tax ID"));
    assert_eq!(org.tax_id_value.as_deref(), Some("T-2"));
}

#[test]
fn the_response_spellings_decode_into_the_update_arguments_and_requests_keep_theirs() {
    let stored = json!({
        "company_id_label": "Company ID",
        "companyid_value": "C-1",
        "tax_id_label": "Tax ID",
        "taxid_label": "Tax ID, request spelling",
    });
    let update: UpdateOrganization = serde_json::from_value(stored).expect("decodes");
    assert_eq!(update.companyid_label.as_deref(), Some("Company ID"));
    assert_eq!(update.companyid_value.as_deref(), Some("C-1"));
    assert_eq!(
        update.taxid_label.as_deref(),
        Some("Tax ID, request spelling")
    );
    let sent = serde_json::to_value(&update).expect("encodes");
    assert_eq!(sent["companyid_label"], json!("Company ID"));
    assert!(sent.get("company_id_label").is_none(), "{sent}");
}

#[tokio::test]
async fn without_a_query_organization_id_no_query_is_sent() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(ORGANIZATIONS_PATH))
        .respond_with(ok_json(LIST_RESPONSE))
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .allow_insecure_http(true)
        .credentials(Credentials::access_token(TOKEN))
        .timeout(TIMEOUT)
        // One answer per call: these tests count requests. Retrying has its own suite.
        .retry(org_clients::runtime::RetryPolicy::none())
        .build()
        .expect("a valid client configuration");

    client.list_organizations().send().await.expect("decodes");

    let request = only_request(&server).await;
    assert_zoho_request(&request, "GET", ORGANIZATIONS_PATH, None, ZOHO_AUTH);
}

#[tokio::test]
async fn a_numeric_error_code_is_an_integer_code_with_its_message() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(ORGANIZATION_PATH))
        .respond_with(
            ResponseTemplate::new(404)
                .set_body_json(json!({
                    "code": 1002,
                    "message": "Organization does not exist.",
                }))
                .insert_header("retry-after", "30")
                .insert_header("x-request-id", "inv-1"),
        )
        .mount(&server)
        .await;

    let error = client(&server)
        .get_organization("10229182")
        .send()
        .await
        .expect_err("404");

    assert_eq!(error.code(), Some(&ErrorCode::Unknown(1002)));
    assert_eq!(error.code().map(ErrorCode::as_i64), Some(1002));
    assert_eq!(error.status(), Some(404));
    assert_eq!(error.message(), Some("Organization does not exist."));
    assert_eq!(
        error.to_string(),
        "zoho_inventory get_organization: HTTP 404 1002: Organization does not exist."
    );
    let answer = error.answer().expect("what the server answered");
    assert_eq!(answer.header("Retry-After"), Some("30"));
    assert_eq!(answer.header("x-request-id"), Some("inv-1"));
    let body: Value = error.body().expect("the whole body");
    assert_eq!(body["code"], 1002);
}

#[tokio::test]
async fn a_200_whose_code_is_not_0_is_an_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(ORGANIZATION_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "code": 57,
            "message": "You are not authorized to perform this operation",
        })))
        .mount(&server)
        .await;

    let error = client(&server)
        .get_organization("10229182")
        .send()
        .await
        .expect_err("code 57 is not success");

    assert_eq!(error.status(), Some(200));
    assert_eq!(error.code(), Some(&ErrorCode::Unknown(57)));
    assert_eq!(
        error.message(),
        Some("You are not authorized to perform this operation")
    );
}

#[tokio::test]
async fn a_text_code_is_not_one_of_inventorys_and_stays_an_unexpected_status() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(ORGANIZATION_PATH))
        .respond_with(ResponseTemplate::new(403).set_body_json(json!({
            "code": "FORBIDDEN",
            "message": "no",
        })))
        .mount(&server)
        .await;

    let error = client(&server)
        .get_organization("10229182")
        .send()
        .await
        .expect_err("403");

    assert!(
        matches!(error, Error::UnexpectedStatus { status: 403, .. }),
        "{error:?}"
    );
}

#[tokio::test]
async fn an_expired_token_is_refreshed_and_the_request_retried_with_the_new_token() {
    let server = MockServer::start().await;
    mount_token_endpoint(&server, ZOHO_TOKEN_PATH, &["old-token", "new-token"]).await;
    Mock::given(method("POST"))
        .and(path(ORGANIZATIONS_PATH))
        .and(header("authorization", "Zoho-oauthtoken old-token"))
        .respond_with(invalid_token())
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(ORGANIZATIONS_PATH))
        .and(header("authorization", "Zoho-oauthtoken new-token"))
        .respond_with(ok_json(CREATE_RESPONSE))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .allow_insecure_http(true)
        .accounts_url(server.uri())
        .credentials(Credentials::refresh_token(
            CLIENT_ID,
            CLIENT_SECRET,
            REFRESH_TOKEN,
        ))
        .query_organization_id(QUERY_ORGANIZATION_ID)
        .timeout(TIMEOUT)
        // One answer per call: these tests count requests. Retrying has its own suite.
        .retry(org_clients::runtime::RetryPolicy::none())
        .build()
        .expect("a valid client configuration");

    let org = client
        .create_organization(create_body("zilluminc"))
        .send()
        .await
        .expect("the retry with the new token succeeds");
    assert_eq!(org.organization_id, "10229182");

    let tokens = received_on(&server, ZOHO_TOKEN_PATH).await;
    assert_eq!(tokens.len(), 2, "the first token, then one refresh");
    tokens.iter().for_each(assert_refresh_grant);
    // The token endpoint is not an API call: it gets no `organization_id`.
    assert!(tokens.iter().all(|request| request.url.query().is_none()));
    let calls = received_on(&server, ORGANIZATIONS_PATH).await;
    assert_eq!(calls.len(), 2);
    let expected_body = sample(CREATE_BODY);
    for (call, token) in calls.iter().zip(["old-token", "new-token"]) {
        assert_zoho_request(
            call,
            "POST",
            ORGANIZATIONS_PATH,
            Some(COMMON_QUERY),
            &format!("Zoho-oauthtoken {token}"),
        );
        // The retry sends the same body again.
        assert_json_body(call, &expected_body);
    }
    server.verify().await;
}

fn assert_portal_name_refused(error: &Error, reason_contains: &str) {
    let Error::InvalidRequest {
        operation,
        parameter,
        reason,
    } = error
    else {
        panic!("expected Error::InvalidRequest, got {error:?}");
    };
    assert_eq!(*operation, "create_organization");
    assert_eq!(*parameter, "portal_name");
    assert!(reason.contains(reason_contains), "{reason}");
}

#[tokio::test]
async fn a_portal_name_of_4_characters_is_refused_before_sending() {
    let server = MockServer::start().await;

    let error = client(&server)
        .create_organization(create_body("zill"))
        .send()
        .await
        .expect_err("4 < 5");

    assert_portal_name_refused(&error, "between 5 and 30 characters, got 4");
    assert_nothing_sent(&server).await;
}

#[tokio::test]
async fn a_portal_name_of_31_characters_is_refused_before_sending() {
    let server = MockServer::start().await;
    let long = "z".repeat(31);

    let error = client(&server)
        .create_organization(create_body(&long))
        .send()
        .await
        .expect_err("31 > 30");

    assert_portal_name_refused(&error, "between 5 and 30 characters, got 31");
    assert_nothing_sent(&server).await;
}

#[tokio::test]
async fn a_portal_name_with_a_dash_is_refused_before_sending() {
    let server = MockServer::start().await;

    for name in ["zillium-inc", "zillium inc", "zilliumınc"] {
        let error = client(&server)
            .create_organization(create_body(name))
            .send()
            .await
            .expect_err(name);
        assert_portal_name_refused(&error, "must match `^[A-Za-z0-9]+$`");
    }
    assert_nothing_sent(&server).await;
}

#[tokio::test]
async fn portal_names_of_5_and_30_characters_are_sent() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(ORGANIZATIONS_PATH))
        .respond_with(ok_json(CREATE_RESPONSE))
        .mount(&server)
        .await;
    let client = client(&server);
    let names = ["Zill1".to_owned(), "Z".repeat(30)];

    for name in &names {
        client
            .create_organization(create_body(name))
            .send()
            .await
            .unwrap_or_else(|error| panic!("{name}: {error}"));
    }

    let requests = received(&server).await;
    assert_eq!(requests.len(), 2);
    for (request, name) in requests.iter().zip(&names) {
        let sent: Value = serde_json::from_slice(&request.body).expect("JSON");
        assert_eq!(sent["portal_name"], json!(name));
    }
}

#[tokio::test]
async fn organization_ids_stay_inside_one_path_segment_and_dot_dot_is_refused() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/inventory/v1/organizations/..%2Fx"))
        .respond_with(ok_json(ORGANIZATION_RESPONSE))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path("/inventory/v1/organizations/a%2Fb%3Fq%3D1"))
        .respond_with(ok_json(ORGANIZATION_RESPONSE))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server);

    client
        .get_organization("../x")
        .send()
        .await
        .expect("one segment");
    client
        .update_organization("a/b?q=1", UpdateOrganization::default())
        .send()
        .await
        .expect("one segment");
    let error = client
        .update_organization("..", UpdateOrganization::default())
        .send()
        .await
        .expect_err("`..` would change the path");
    assert!(
        matches!(
            error,
            Error::InvalidRequest {
                operation: "update_organization",
                parameter: "organization_id",
                ..
            }
        ),
        "{error:?}"
    );

    let requests = received(&server).await;
    assert_eq!(requests.len(), 2, "nothing sent for `..`");
    assert_eq!(requests[0].url.query(), Some(COMMON_QUERY));
    assert_eq!(requests[1].url.query(), Some(COMMON_QUERY));
    server.verify().await;
}

#[tokio::test]
async fn a_response_without_the_required_id_is_a_decode_error_naming_the_key_and_operation() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(ORGANIZATION_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "code": 0,
            "message": "success",
            "organization": { "name": "Zillium Inc" },
        })))
        .mount(&server)
        .await;

    let error = client(&server)
        .get_organization("10229182")
        .send()
        .await
        .expect_err("organization_id is required");

    assert!(matches!(error, Error::Decode { .. }), "{error:?}");
    let shown = error.to_string();
    assert!(
        shown.starts_with("zoho_inventory get_organization: the response does not decode at"),
        "{shown}"
    );
    assert!(shown.contains("missing field `organization_id`"), "{shown}");
}

#[tokio::test]
async fn a_response_with_only_the_id_decodes_since_nothing_else_is_required() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(ORGANIZATION_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "organization": { "organization_id": "10229182" },
        })))
        .mount(&server)
        .await;

    let org = client(&server)
        .get_organization("10229182")
        .send()
        .await
        .expect("only the id is required");

    assert_eq!(org.organization_id, "10229182");
    assert_eq!(org.name, None);
    assert_eq!(org.time_zone, None);
}
