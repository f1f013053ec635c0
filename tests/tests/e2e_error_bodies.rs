//! End to end, over real HTTP to a local server: the `error_integer_codes` feature fixture
//! (`tests/fixture-clients`): integer codes decoded into their named variants, the error body
//! typed, a 2xx answer whose code is not the success code turned into an error, and a token
//! refreshed on one integer code only.

mod e2e_support;

use fixture_clients::error_integer_codes::{Client, Credentials, Error, ErrorCode, Failure};
use serde_json::json;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use e2e_support::*;

const TOKEN_PATH: &str = "/oauth/token";

fn client(server: &MockServer) -> Client {
    Client::builder()
        .base_url(server.uri())
        .allow_insecure_http(true)
        .credentials(Credentials::access_token(TOKEN))
        .timeout(TIMEOUT)
        .retry(fixture_clients::runtime::RetryPolicy::none())
        .build()
        .expect("a client")
}

async fn answering(template: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/thing"))
        .respond_with(template)
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn a_documented_integer_code_is_its_variant_and_the_body_is_typed() {
    let server = answering(ResponseTemplate::new(404).set_body_json(json!({
        "status": { "code": 1002, "message": "No such thing", "fields": ["id"] }
    })))
    .await;

    let error = client(&server).get_thing().send().await.expect_err("404");

    assert_eq!(error.code(), Some(&ErrorCode::NoSuchThing));
    assert_eq!(error.code().map(ErrorCode::as_i64), Some(1002));
    assert_eq!(
        error.code().and_then(ErrorCode::documented_status),
        Some(404)
    );
    assert_eq!(error.message(), Some("No such thing"));
    let Error::Api(api) = &error else {
        panic!("expected Error::Api, got {error:?}");
    };
    assert_eq!(api.details, Some(json!(["id"])));
    let body: Failure = error.body().expect("a typed body");
    assert_eq!(body.status.code, 1002);
    assert_eq!(body.status.fields, Some(vec!["id".to_owned()]));
    assert_eq!(
        error.to_string(),
        "error_integer_codes get_thing: HTTP 404 1002: No such thing"
    );
}

#[tokio::test]
async fn an_undocumented_integer_code_is_unknown_with_its_number() {
    let server = answering(ResponseTemplate::new(500).set_body_json(json!({
        "status": { "code": 7 }
    })))
    .await;

    let error = client(&server).get_thing().send().await.expect_err("500");

    assert_eq!(error.code(), Some(&ErrorCode::Unknown(7)));
    assert_eq!(error.message(), None);
}

#[tokio::test]
async fn a_code_written_as_text_digits_is_the_same_integer_code() {
    let server = answering(ResponseTemplate::new(404).set_body_json(json!({
        "status": { "code": "1002" }
    })))
    .await;

    let error = client(&server).get_thing().send().await.expect_err("404");

    assert_eq!(error.code(), Some(&ErrorCode::NoSuchThing));
}

#[tokio::test]
async fn a_success_answer_with_the_success_code_decodes() {
    let server = answering(ResponseTemplate::new(200).set_body_json(json!({
        "status": { "code": 0 },
        "thing": { "id": 5 }
    })))
    .await;

    let thing = client(&server).get_thing().send().await.expect("a thing");

    assert_eq!(thing.id, 5);
}

#[tokio::test]
async fn a_success_status_with_another_code_is_an_api_error() {
    let server = answering(ResponseTemplate::new(200).set_body_json(json!({
        "status": { "code": 1002, "message": "No such thing" }
    })))
    .await;

    let error = client(&server)
        .get_thing()
        .send()
        .await
        .expect_err("code 1002 is not the success code");

    assert_eq!(error.status(), Some(200));
    assert_eq!(error.code(), Some(&ErrorCode::NoSuchThing));
    assert_eq!(error.message(), Some("No such thing"));
}

#[tokio::test]
async fn only_the_documented_refresh_code_gets_a_new_token() {
    let server = MockServer::start().await;
    mount_token_endpoint(&server, TOKEN_PATH, &["old-token", "new-token"]).await;
    Mock::given(method("GET"))
        .and(path("/thing"))
        .and(header("authorization", "Bearer old-token"))
        .respond_with(ResponseTemplate::new(401).set_body_json(json!({
            "status": { "code": 14, "message": "expired" }
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/thing"))
        .and(header("authorization", "Bearer new-token"))
        .respond_with(ResponseTemplate::new(401).set_body_json(json!({
            "status": { "code": 15, "message": "not allowed" }
        })))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .allow_insecure_http(true)
        .accounts_url(server.uri())
        .credentials(Credentials::client_credentials("app", "app-secret"))
        .timeout(TIMEOUT)
        .retry(fixture_clients::runtime::RetryPolicy::none())
        .build()
        .expect("a client");

    let error = client.get_thing().send().await.expect_err("401");

    // Code 14 got one new token; code 15, with that token, is not a refusal of the token.
    assert_eq!(error.code(), Some(&ErrorCode::Unknown(15)));
    assert_eq!(received_on(&server, TOKEN_PATH).await.len(), 2);
    server.verify().await;
}
