//! End to end, over real HTTP to a local server: the generated Help Scout client
//! (`org_clients::help_scout`), its one operation with the bearer token, its optional
//! flags, the HAL sample, its vnd.error bodies, and client-credentials refresh.

mod e2e_support;

use org_clients::help_scout::{Client, Credentials, Error, ErrorBody, FieldError, PropertyType};
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
    assert_eq!(org.name.as_deref(), Some("Test Company"));
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
    assert_eq!(properties[0].definition_id, Some(1001));
    assert_eq!(properties[0].slug.as_deref(), Some("annual-revenue"));
    assert_eq!(properties[0].name.as_deref(), Some("Annual Revenue"));
    assert_eq!(properties[0].r#type, Some(PropertyType::Number));
    assert_eq!(properties[0].value.as_deref(), Some("5000000"));
    assert_eq!(properties[0].options, None);
    assert_eq!(properties[1].definition_id, Some(1002));
    assert_eq!(properties[1].slug.as_deref(), Some("industry"));
    assert_eq!(properties[1].r#type, Some(PropertyType::Dropdown));
    assert_eq!(properties[1].value.as_deref(), Some("Software"));
    let labels: Vec<&str> = properties[1]
        .options
        .as_ref()
        .expect("dropdown options")
        .iter()
        .map(|option| option.label.as_deref().unwrap_or_default())
        .collect();
    assert_eq!(labels, ["Software", "Healthcare", "Finance"]);
    assert_eq!(properties[2].definition_id, Some(1003));
    assert_eq!(properties[2].slug.as_deref(), Some("founded-date"));
    assert_eq!(properties[2].name.as_deref(), Some("Founded Date"));
    assert_eq!(properties[2].r#type, Some(PropertyType::Date));
    assert_eq!(properties[2].value.as_deref(), Some("2020-01-15"));

    let links = org.links.as_ref().expect("_links");
    assert_eq!(
        links.self_.as_ref().expect("_links.self").href.as_deref(),
        Some("...")
    );
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
    assert_eq!((org.id, org.name.as_deref()), (10, Some("Test Company")));
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

/// A validation error as Help Scout's API sends one (not in the document; the shape of
/// specs/help_scout.yaml's `errors:`).
const VALIDATION_ERROR: &str = r#"{
  "message": "Bad request",
  "logRef": "a1b2c3d4-e5f6#1",
  "_embedded": {
    "errors": [
      { "path": "name", "message": "may not be empty", "rejectedValue": "", "source": "JSON" },
      { "path": "domains[1]", "message": "must be a domain", "rejectedValue": 42, "source": "JSON" }
    ]
  }
}"#;

#[tokio::test]
async fn a_validation_error_exposes_its_message_log_reference_and_each_field_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(ORGANIZATION_PATH))
        .respond_with(
            ResponseTemplate::new(400)
                .set_body_raw(
                    VALIDATION_ERROR.as_bytes().to_vec(),
                    "application/vnd.error+json",
                )
                .insert_header("x-request-id", "req-77"),
        )
        .mount(&server)
        .await;

    let error = client(&server)
        .get_organization(10)
        .send()
        .await
        .expect_err("400");

    assert_eq!(error.status(), Some(400));
    assert_eq!(error.code(), None, "Help Scout's errors carry no code");
    assert_eq!(error.message(), Some("Bad request"));
    assert_eq!(
        error.to_string(),
        "help_scout get_organization: HTTP 400: Bad request"
    );
    let body: ErrorBody = error
        .body()
        .expect("the body decodes as Help Scout's error body");
    assert_eq!(body.message, "Bad request");
    assert_eq!(body.log_ref.as_deref(), Some("a1b2c3d4-e5f6#1"));
    let fields = body
        .embedded
        .and_then(|details| details.errors)
        .expect("the field errors");
    let by_value = |field: &FieldError| {
        (
            field.path.clone(),
            field.message.clone(),
            field.rejected_value.clone(),
            field.source.clone(),
        )
    };
    let text = |s: &str| Some(s.to_owned());
    assert_eq!(
        fields.iter().map(by_value).collect::<Vec<_>>(),
        vec![
            (
                text("name"),
                text("may not be empty"),
                Some(serde_json::json!("")),
                text("JSON")
            ),
            (
                text("domains[1]"),
                text("must be a domain"),
                Some(serde_json::json!(42)),
                text("JSON")
            ),
        ]
    );
    let answer = error.answer().expect("what the server answered");
    assert_eq!(answer.header("X-Request-Id"), Some("req-77"));
    assert_eq!(
        answer.header("content-type"),
        Some("application/vnd.error+json")
    );
    assert_eq!(answer.body, VALIDATION_ERROR);
}

#[tokio::test]
async fn an_error_body_without_a_message_is_an_unexpected_status_with_an_excerpt() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(ORGANIZATION_PATH))
        .respond_with(ResponseTemplate::new(502).set_body_raw(
            b"<html><body>Bad Gateway</body></html>".to_vec(),
            "text/html",
        ))
        .mount(&server)
        .await;

    let error = client(&server)
        .get_organization(10)
        .send()
        .await
        .expect_err("502");

    assert_eq!(error.status(), Some(502));
    assert_eq!(error.message(), None);
    assert!(error.body().is_none());
    let Error::UnexpectedStatus {
        operation,
        status,
        content_type,
        excerpt,
        answer,
    } = &error
    else {
        panic!("expected Error::UnexpectedStatus, got {error:?}");
    };
    assert_eq!(*operation, "get_organization");
    assert_eq!(*status, 502);
    assert_eq!(content_type.as_deref(), Some("text/html"));
    assert!(excerpt.contains("Bad Gateway"), "{excerpt}");
    assert_eq!(answer.body, "<html><body>Bad Gateway</body></html>");
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
    assert_eq!(org.name.as_deref(), Some("Test Company"));

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
