//! End to end, over real HTTP to a local server: the generated Help Scout client
//! (`org_clients::help_scout`), its one operation with the bearer token, its optional
//! flags, the HAL sample, errors without a documented body, and client-credentials refresh.

mod e2e_support;

use org_clients::help_scout::{Client, Credentials, Error, PropertyType};
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use e2e_support::*;

const ORGANIZATION_PATH: &str = "/v2/organizations/10";
const HELP_SCOUT_TOKEN_PATH: &str = "/v2/oauth2/token";

/// specs/help_scout.yaml, `get_organization`, "Response" (from
/// shared/seeds/003_f41cd6f389ca8057.txt), served as the document does, `application/hal+json`.
const ORGANIZATION_SAMPLE: &str = r##"{
  "id" : 10,
  "name" : "Test Company",
  "website" : "www.example.com",
  "description" : "Test Description",
  "location" : "US",
  "logoUrl" : "https://example.com/logo.png",
  "note" : "Test Note",
  "domains" : [ "domain.com", "domain.org" ],
  "phones" : [ "1-23-456", "+1 234 5678" ],
  "brandColor" : "#000FFF",
  "customerCount" : 42,
  "conversationCount" : 17,
  "properties" : [ {
    "definitionId" : 1001,
    "slug" : "annual-revenue",
    "name" : "Annual Revenue",
    "type" : "number",
    "value" : "5000000"
  }, {
    "definitionId" : 1002,
    "slug" : "industry",
    "name" : "Industry",
    "type" : "dropdown",
    "value" : "Software",
    "options" : [ {
      "label" : "Software"
    }, {
      "label" : "Healthcare"
    }, {
      "label" : "Finance"
    } ]
  }, {
    "definitionId" : 1003,
    "slug" : "founded-date",
    "name" : "Founded Date",
    "type" : "date",
    "value" : "2020-01-15"
  } ],
  "_links" : {
    "self" : {
      "href" : "..."
    }
  }
}"##;

fn hal_json(body: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(body.as_bytes().to_vec(), "application/hal+json")
}

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
async fn get_organization_sends_the_bearer_token_and_both_flags_and_decodes_the_sample() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(ORGANIZATION_PATH))
        .and(header("authorization", BEARER_AUTH))
        .and(query_param("includeCounts", "true"))
        .and(query_param("includeProperties", "true"))
        .respond_with(hal_json(ORGANIZATION_SAMPLE))
        .expect(1)
        .mount(&server)
        .await;

    let org = client(&server)
        .get_organization(10)
        .include_counts(true)
        .include_properties(true)
        .send()
        .await
        .expect("the sample decodes");

    let request = only_request(&server).await;
    // The document's request: `GET /v2/organizations/10?includeCounts=true&includeProperties=true`.
    assert_request(
        &request,
        "GET",
        ORGANIZATION_PATH,
        Some("includeCounts=true&includeProperties=true"),
        BEARER_AUTH,
    );
    assert_no_body(&request);

    assert_eq!(org.id, 10);
    assert_eq!(org.name, "Test Company");
    assert_eq!(org.website.as_deref(), Some("www.example.com"));
    assert_eq!(org.description.as_deref(), Some("Test Description"));
    assert_eq!(org.location.as_deref(), Some("US"));
    assert_eq!(
        org.logo_url.as_deref(),
        Some("https://example.com/logo.png")
    );
    assert_eq!(org.note.as_deref(), Some("Test Note"));
    assert_eq!(
        org.domains,
        Some(vec!["domain.com".to_owned(), "domain.org".to_owned()])
    );
    assert_eq!(
        org.phones,
        Some(vec!["1-23-456".to_owned(), "+1 234 5678".to_owned()])
    );
    assert_eq!(org.brand_color.as_deref(), Some("#000FFF"));
    assert_eq!(org.customer_count, Some(42));
    assert_eq!(org.conversation_count, Some(17));

    let properties = org.properties.as_ref().expect("properties");
    assert_eq!(properties.len(), 3);
    assert_eq!(properties[0].definition_id, 1001);
    assert_eq!(properties[0].slug, "annual-revenue");
    assert_eq!(properties[0].name, "Annual Revenue");
    assert_eq!(properties[0].r#type, PropertyType::Number);
    assert_eq!(properties[0].value.as_deref(), Some("5000000"));
    assert_eq!(properties[0].options, None);
    assert_eq!(properties[1].definition_id, 1002);
    assert_eq!(properties[1].slug, "industry");
    assert_eq!(properties[1].r#type, PropertyType::Dropdown);
    assert_eq!(properties[1].value.as_deref(), Some("Software"));
    let labels: Vec<&str> = properties[1]
        .options
        .as_ref()
        .expect("dropdown options")
        .iter()
        .map(|option| option.label.as_str())
        .collect();
    assert_eq!(labels, ["Software", "Healthcare", "Finance"]);
    assert_eq!(properties[2].definition_id, 1003);
    assert_eq!(properties[2].slug, "founded-date");
    assert_eq!(properties[2].name, "Founded Date");
    assert_eq!(properties[2].r#type, PropertyType::Date);
    assert_eq!(properties[2].value.as_deref(), Some("2020-01-15"));

    let links = org.links.as_ref().expect("_links");
    assert_eq!(links.self_.as_ref().expect("_links.self").href, "...");
}

/// The document answers `Content-Type: application/hal+json`, and specs/help_scout.yaml
/// says so (`response_content_type: application/hal+json`); the request should accept it.
#[tokio::test]
async fn get_organization_accepts_the_documented_hal_json_media_type() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(ORGANIZATION_PATH))
        .respond_with(hal_json(ORGANIZATION_SAMPLE))
        .mount(&server)
        .await;

    client(&server)
        .get_organization(10)
        .send()
        .await
        .expect("the sample decodes");

    let accept = single_header(&only_request(&server).await, "accept");
    assert!(
        accept.contains("application/hal+json"),
        "the request says `Accept: {accept}`, which excludes the documented \
         `application/hal+json` responses"
    );
}

#[tokio::test]
async fn get_organization_without_flags_sends_no_query_and_false_flags_are_sent() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(ORGANIZATION_PATH))
        .respond_with(hal_json(r#"{"id": 10, "name": "Test Company"}"#))
        .mount(&server)
        .await;
    let client = client(&server);

    let org = client.get_organization(10).send().await.expect("decodes");
    assert_eq!((org.id, org.name.as_str()), (10, "Test Company"));
    assert_eq!(org.properties, None);
    assert_eq!(org.links, None);

    client
        .get_organization(10)
        .include_counts(false)
        .include_properties(false)
        .send()
        .await
        .expect("decodes");

    let requests = received(&server).await;
    assert_eq!(requests.len(), 2);
    assert_request(&requests[0], "GET", ORGANIZATION_PATH, None, BEARER_AUTH);
    assert_request(
        &requests[1],
        "GET",
        ORGANIZATION_PATH,
        Some("includeCounts=false&includeProperties=false"),
        BEARER_AUTH,
    );
}

#[tokio::test]
async fn a_negative_organization_id_is_sent_as_one_segment() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v2/organizations/-1"))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;

    let error = client(&server)
        .get_organization(-1)
        .send()
        .await
        .expect_err("404");

    assert_eq!(error.status(), Some(404));
    assert_eq!(
        only_request(&server).await.url.path(),
        "/v2/organizations/-1"
    );
}

#[tokio::test]
async fn an_error_status_is_unexpected_since_the_document_shows_no_error_body() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(ORGANIZATION_PATH))
        .respond_with(ResponseTemplate::new(404).set_body_raw(
            br#"{"message": "Not Found", "logRef": "abc"}"#.to_vec(),
            "application/vnd.error+json",
        ))
        .mount(&server)
        .await;

    let error = client(&server)
        .get_organization(10)
        .send()
        .await
        .expect_err("404");

    assert_eq!(error.status(), Some(404));
    assert_eq!(error.code(), None);
    let Error::UnexpectedStatus {
        operation,
        status,
        content_type,
        excerpt,
    } = &error
    else {
        panic!("expected Error::UnexpectedStatus, got {error:?}");
    };
    assert_eq!(*operation, "get_organization");
    assert_eq!(*status, 404);
    assert_eq!(content_type.as_deref(), Some("application/vnd.error+json"));
    assert!(excerpt.contains("Not Found"), "{excerpt}");
}

#[tokio::test]
async fn a_rejected_client_credentials_token_is_refreshed_and_the_request_retried() {
    let server = MockServer::start().await;
    mount_token_endpoint(&server, HELP_SCOUT_TOKEN_PATH, &["old-token", "new-token"]).await;
    Mock::given(method("GET"))
        .and(path(ORGANIZATION_PATH))
        .and(header("authorization", "Bearer old-token"))
        .respond_with(ResponseTemplate::new(401))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(ORGANIZATION_PATH))
        .and(header("authorization", "Bearer new-token"))
        .respond_with(hal_json(ORGANIZATION_SAMPLE))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .allow_insecure_http(true)
        .accounts_url(server.uri())
        .credentials(Credentials::client_credentials("app-id", "app-secret"))
        .timeout(TIMEOUT)
        // One answer per call: these tests count requests. Retrying has its own suite.
        .retry(org_clients::runtime::RetryPolicy::none())
        .build()
        .expect("a valid client configuration");

    let org = client
        .get_organization(10)
        .send()
        .await
        .expect("the retry succeeds");
    assert_eq!(org.name, "Test Company");

    let tokens = received_on(&server, HELP_SCOUT_TOKEN_PATH).await;
    assert_eq!(tokens.len(), 2);
    for token in &tokens {
        let form = form_pairs(token);
        assert_eq!(form["grant_type"], "client_credentials");
        assert_eq!(form["client_id"], "app-id");
        assert_eq!(form["client_secret"], "app-secret");
    }
    let calls = received_on(&server, ORGANIZATION_PATH).await;
    assert_eq!(calls.len(), 2);
    assert_request(
        &calls[0],
        "GET",
        ORGANIZATION_PATH,
        None,
        "Bearer old-token",
    );
    assert_request(
        &calls[1],
        "GET",
        ORGANIZATION_PATH,
        None,
        "Bearer new-token",
    );
    server.verify().await;
}
