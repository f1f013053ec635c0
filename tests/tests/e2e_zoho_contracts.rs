//! End to end, over real HTTP to a local server: the generated Zoho Contracts client
//! (`org_clients::zoho_contracts`), its one operation, its documented errors and token
//! refresh.

mod e2e_support;

use org_clients::zoho_contracts::{Client, Credentials, Error, ErrorCode, OrganizationInfoZipCode};
use serde_json::json;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use e2e_support::*;

const ORGINFO_PATH: &str = "/api/v1/admin/orginfo";

/// specs/zoho_contracts.yaml, `get_organization_info`, "Sample Response" (`source:
/// authored`: the document's sample is a type sketch; this one keeps its keys, in its order
/// and spelling, `webSite` and a Long `zipCode` included).
const ORGINFO_SAMPLE: &str = r#"{
  "organizationinfo": [
    {
      "country": "US",
      "zipCode": 94588,
      "apiName": "zylkerinc",
      "address": "4141 Hacienda Drive",
      "city": "Pleasanton",
      "zoid": 60012345678,
      "orgURL": "https://contracts.zoho.com/zylkerinc",
      "webSite": "https://www.zylker.com",
      "phoneNumber": "+1 925 924 9500",
      "buildingNo": "Suite 100",
      "accountowner": {
        "displayName": "Patricia Boyle",
        "emailId": "patricia.boyle@zylker.com",
        "id": "60012345679"
      },
      "name": "Zylker Inc",
      "currency": {
        "currency_name": "US Dollar",
        "currency_number": 840,
        "currency_symbol": "$",
        "currency_code": "USD",
        "currency_decimal": 2
      },
      "id": "470000000000001",
      "state": "California"
    }
  ]
}"#;

fn client(server: &MockServer) -> Client {
    Client::builder()
        .base_url(server.uri())
        .allow_insecure_http(true)
        .credentials(Credentials::access_token(TOKEN))
        .timeout(TIMEOUT)
        // One answer per call: these tests count requests. Retrying has its own suite.
        .retry(org_clients::runtime::RetryPolicy::none())
        .build()
        .expect("a valid client configuration")
}

#[tokio::test]
async fn get_organization_info_is_a_get_with_the_zoho_token_and_decodes_the_sample() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(ORGINFO_PATH))
        .and(header("authorization", ZOHO_AUTH))
        .respond_with(ok_json(ORGINFO_SAMPLE))
        .expect(1)
        .mount(&server)
        .await;

    let orgs = client(&server)
        .get_organization_info()
        .send()
        .await
        .expect("the sample decodes");

    let request = only_request(&server).await;
    assert_zoho_request(&request, "GET", ORGINFO_PATH, None, ZOHO_AUTH);
    assert_no_body(&request);

    assert_eq!(orgs.len(), 1);
    let org = &orgs[0];
    assert_eq!(org.name.as_deref(), Some("Zylker Inc"));
    assert_eq!(org.id.as_deref(), Some("470000000000001"));
    assert_eq!(org.country.as_deref(), Some("US"));
    assert_eq!(org.city.as_deref(), Some("Pleasanton"));
    assert_eq!(org.state.as_deref(), Some("California"));
    assert_eq!(org.address.as_deref(), Some("4141 Hacienda Drive"));
    assert_eq!(org.building_no.as_deref(), Some("Suite 100"));
    // The sample's Long `zipCode`, the integer side of `string | integer`.
    assert_eq!(org.zip_code, Some(OrganizationInfoZipCode::Integer(94588)));
    // The sample's `webSite`, an alias of the key list's `website`.
    assert_eq!(org.website.as_deref(), Some("https://www.zylker.com"));
    assert_eq!(org.api_name.as_deref(), Some("zylkerinc"));
    assert_eq!(org.phone_number.as_deref(), Some("+1 925 924 9500"));
    assert_eq!(
        org.org_url.as_deref(),
        Some("https://contracts.zoho.com/zylkerinc")
    );
    assert_eq!(org.zoid, Some(60_012_345_678));

    let currency = org.currency.as_ref().expect("currency");
    assert_eq!(currency.currency_name.as_deref(), Some("US Dollar"));
    assert_eq!(currency.currency_number, Some(840));
    assert_eq!(currency.currency_symbol.as_deref(), Some("$"));
    assert_eq!(currency.currency_code.as_deref(), Some("USD"));
    assert_eq!(currency.currency_decimal, Some(2));

    let owner = org.account_owner.as_ref().expect("accountowner");
    assert_eq!(owner.display_name.as_deref(), Some("Patricia Boyle"));
    assert_eq!(owner.email_id.as_deref(), Some("patricia.boyle@zylker.com"));
    assert_eq!(owner.id.as_deref(), Some("60012345679"));
}

#[tokio::test]
async fn the_key_lists_spellings_decode_too_a_text_zip_code_and_website() {
    let mut body = sample(ORGINFO_SAMPLE);
    let org = &mut body["organizationinfo"][0];
    let object = org.as_object_mut().expect("an object");
    object.remove("webSite");
    object.insert("website".to_owned(), json!("https://zylker.example"));
    object.insert("zipCode".to_owned(), json!("94588-1234"));
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(ORGINFO_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;

    let orgs = client(&server)
        .get_organization_info()
        .send()
        .await
        .expect("decodes");

    assert_eq!(
        orgs[0].zip_code,
        Some(OrganizationInfoZipCode::Text("94588-1234".to_owned()))
    );
    assert_eq!(orgs[0].website.as_deref(), Some("https://zylker.example"));
}

#[tokio::test]
async fn both_spellings_of_website_at_once_decode_and_the_key_lists_wins() {
    let mut body = sample(ORGINFO_SAMPLE);
    let org = &mut body["organizationinfo"][0];
    let object = org.as_object_mut().expect("an object");
    object.insert("webSite".to_owned(), json!("https://sample.example"));
    object.insert("website".to_owned(), json!("https://keylist.example"));
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(ORGINFO_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;

    let orgs = client(&server)
        .get_organization_info()
        .send()
        .await
        .expect("both names at once decode");

    // The spec's name (the key list's) wins over its alias (the sample's).
    assert_eq!(orgs[0].website.as_deref(), Some("https://keylist.example"));
}

#[tokio::test]
async fn every_documented_error_code_decodes_into_its_variant() {
    let table = [
        ("INVALID_URL_PATTERN", 404, ErrorCode::InvalidUrlPattern),
        ("OAUTH_SCOPE_MISMATCH", 401, ErrorCode::OauthScopeMismatch),
        ("NO_PERMISSION", 403, ErrorCode::NoPermission),
        ("INTERNAL_ERROR", 500, ErrorCode::InternalError),
        (
            "INVALID_REQUEST_METHOD",
            400,
            ErrorCode::InvalidRequestMethod,
        ),
        ("AUTHORIZATION_FAILED", 400, ErrorCode::AuthorizationFailed),
    ];
    for (code, status, variant) in table {
        let server = MockServer::start().await;
        let message = format!("the server says {code}");
        Mock::given(method("GET"))
            .and(path(ORGINFO_PATH))
            .respond_with(zoho_error(
                status,
                code,
                &message,
                json!({"resource_path_index": 0}),
            ))
            .expect(1)
            .mount(&server)
            .await;

        let error = client(&server)
            .get_organization_info()
            .send()
            .await
            .expect_err(code);

        assert_eq!(error.code(), Some(&variant), "{error:?}");
        assert_eq!(error.status(), Some(status), "{code}");
        assert_eq!(error.message(), Some(message.as_str()), "{code}");
        assert_eq!(variant.as_str(), code);
        assert_eq!(variant.documented_status(), Some(status));
        let Error::Api(api) = &error else {
            panic!("expected Error::Api, got {error:?}");
        };
        assert_eq!(api.operation, "get_organization_info");
        // The spec's error body has no `details` key path: details are not kept.
        assert_eq!(api.details, None);
        assert_eq!(
            error.to_string(),
            format!("zoho_contracts get_organization_info: HTTP {status} {code}: {message}")
        );
        assert_eq!(received(&server).await.len(), 1, "{code}");
    }
}

#[tokio::test]
async fn an_undocumented_error_code_decodes_as_unknown() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(ORGINFO_PATH))
        .respond_with(zoho_error(400, "INVALID_DATA", "invalid data", json!({})))
        .mount(&server)
        .await;

    let error = client(&server)
        .get_organization_info()
        .send()
        .await
        .expect_err("400");

    assert_eq!(
        error.code(),
        Some(&ErrorCode::Unknown("INVALID_DATA".to_owned()))
    );
    assert_eq!(error.status(), Some(400));
    assert_eq!(error.message(), Some("invalid data"));
}

#[tokio::test]
async fn an_expired_token_is_refreshed_and_the_request_retried_with_the_new_token() {
    let server = MockServer::start().await;
    mount_token_endpoint(&server, ZOHO_TOKEN_PATH, &["old-token", "new-token"]).await;
    Mock::given(method("GET"))
        .and(path(ORGINFO_PATH))
        .and(header("authorization", "Zoho-oauthtoken old-token"))
        .respond_with(invalid_token())
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(ORGINFO_PATH))
        .and(header("authorization", "Zoho-oauthtoken new-token"))
        .respond_with(ok_json(ORGINFO_SAMPLE))
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
        .timeout(TIMEOUT)
        // One answer per call: these tests count requests. Retrying has its own suite.
        .retry(org_clients::runtime::RetryPolicy::none())
        .build()
        .expect("a valid client configuration");

    let orgs = client
        .get_organization_info()
        .send()
        .await
        .expect("the retry with the new token succeeds");
    assert_eq!(orgs[0].name.as_deref(), Some("Zylker Inc"));

    let tokens = received_on(&server, ZOHO_TOKEN_PATH).await;
    assert_eq!(tokens.len(), 2, "the first token, then one refresh");
    tokens.iter().for_each(assert_refresh_grant);
    let calls = received_on(&server, ORGINFO_PATH).await;
    assert_eq!(calls.len(), 2);
    assert_zoho_request(
        &calls[0],
        "GET",
        ORGINFO_PATH,
        None,
        "Zoho-oauthtoken old-token",
    );
    assert_zoho_request(
        &calls[1],
        "GET",
        ORGINFO_PATH,
        None,
        "Zoho-oauthtoken new-token",
    );
    server.verify().await;
}
