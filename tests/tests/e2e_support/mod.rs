//! What the end-to-end tests of the generated clients share: the test token, what a
//! recorded request must look like, documented error bodies, and a local OAuth token
//! endpoint.
//!
//! Each `e2e_*.rs` test file includes this module and uses part of it.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::time::Duration;

use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// The fixed access token every client is built with.
pub const TOKEN: &str = "test-token";

/// The `Authorization` header of the Zoho services for [`TOKEN`].
pub const ZOHO_AUTH: &str = "Zoho-oauthtoken test-token";

/// The `Authorization` header of Help Scout for [`TOKEN`].
pub const BEARER_AUTH: &str = "Bearer test-token";

/// Zoho's OAuth token endpoint, on the accounts host (here, the same local server).
pub const ZOHO_TOKEN_PATH: &str = "/oauth/v2/token";

/// The OAuth client id of the refresh tests.
pub const CLIENT_ID: &str = "1000.TESTCLIENTID";

/// The OAuth client secret of the refresh tests.
pub const CLIENT_SECRET: &str = "test-client-secret";

/// The Zoho refresh token of the refresh tests.
pub const REFRESH_TOKEN: &str = "1000.test-refresh-token";

/// A short request timeout: a local server answers at once, and a test must not hang.
pub const TIMEOUT: Duration = Duration::from_secs(5);

/// Every request the server has received, in order.
pub async fn received(server: &MockServer) -> Vec<wiremock::Request> {
    server
        .received_requests()
        .await
        .expect("request recording is on")
}

/// The requests the server received on `request_path`, in order.
pub async fn received_on(server: &MockServer, request_path: &str) -> Vec<wiremock::Request> {
    received(server)
        .await
        .into_iter()
        .filter(|request| request.url.path() == request_path)
        .collect()
}

/// The one request the server received; fails when it received none or several.
pub async fn only_request(server: &MockServer) -> wiremock::Request {
    let mut requests = received(server).await;
    assert_eq!(
        requests.len(),
        1,
        "expected exactly one request, got {:?}",
        requests
            .iter()
            .map(|request| format!("{} {}", request.method, request.url))
            .collect::<Vec<_>>()
    );
    requests.remove(0)
}

/// Asserts that nothing reached the server.
pub async fn assert_nothing_sent(server: &MockServer) {
    let requests = received(server).await;
    assert!(
        requests.is_empty(),
        "expected no request, got {:?}",
        requests
            .iter()
            .map(|request| format!("{} {}", request.method, request.url))
            .collect::<Vec<_>>()
    );
}

/// The one value of a header, as text; fails when it is missing or repeated.
pub fn single_header(request: &wiremock::Request, name: &str) -> String {
    let values: Vec<_> = request.headers.get_all(name).iter().collect();
    assert_eq!(
        values.len(),
        1,
        "expected one `{name}` header, got {values:?}"
    );
    values[0]
        .to_str()
        .expect("an ASCII header value")
        .to_owned()
}

/// Asserts the method, the exact (percent-encoded) path, the exact query string and the
/// exact `Authorization` header of a recorded request to a Zoho service, and that it asks
/// for JSON (`Accept: application/json`, the media type of Zoho's responses).
pub fn assert_zoho_request(
    request: &wiremock::Request,
    expected_method: &str,
    expected_path: &str,
    expected_query: Option<&str>,
    expected_authorization: &str,
) {
    assert_request(
        request,
        expected_method,
        expected_path,
        expected_query,
        expected_authorization,
    );
    assert_eq!(single_header(request, "accept"), "application/json");
}

/// Asserts the method, the exact (percent-encoded) path, the exact query string and the
/// exact `Authorization` header of a recorded request.
pub fn assert_request(
    request: &wiremock::Request,
    expected_method: &str,
    expected_path: &str,
    expected_query: Option<&str>,
    expected_authorization: &str,
) {
    assert_eq!(
        request.method.as_str(),
        expected_method,
        "method of {}",
        request.url
    );
    assert_eq!(request.url.path(), expected_path, "path of {}", request.url);
    assert_eq!(
        request.url.query(),
        expected_query,
        "query of {}",
        request.url
    );
    assert_eq!(
        single_header(request, "authorization"),
        expected_authorization,
        "Authorization of {}",
        request.url
    );
}

/// Asserts that a recorded request has no body (a GET).
pub fn assert_no_body(request: &wiremock::Request) {
    assert!(
        request.body.is_empty(),
        "expected no body, got {:?}",
        String::from_utf8_lossy(&request.body)
    );
    assert!(request.headers.get("content-type").is_none());
}

/// Asserts that a recorded request carries exactly this JSON body, sent as JSON.
pub fn assert_json_body(request: &wiremock::Request, expected: &Value) {
    assert_eq!(
        single_header(request, "content-type"),
        "application/json",
        "Content-Type of {}",
        request.url
    );
    let sent: Value = serde_json::from_slice(&request.body).expect("the body is JSON");
    assert_eq!(&sent, expected, "body of {}", request.url);
}

/// The query pairs of a recorded request, decoded, in order.
pub fn query_pairs(request: &wiremock::Request) -> Vec<(String, String)> {
    request.url.query_pairs().into_owned().collect()
}

/// The pairs of an `application/x-www-form-urlencoded` body.
pub fn form_pairs(request: &wiremock::Request) -> BTreeMap<String, String> {
    let body = String::from_utf8(request.body.clone()).expect("a UTF-8 form");
    // Parsed as the query of a URL: the same encoding.
    request
        .url
        .join(&format!("?{body}"))
        .expect("a form is a valid query")
        .query_pairs()
        .into_owned()
        .collect()
}

/// A JSON sample from a spec, parsed.
pub fn sample(text: &str) -> Value {
    serde_json::from_str(text).expect("the sample is JSON")
}

/// A `200 OK` answer with this JSON text as its body.
pub fn ok_json(body: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(body.as_bytes().to_vec(), "application/json")
}

/// Zoho's error body, `{"code", "message", "details", "status": "error"}`, with `status`.
pub fn zoho_error(status: u16, code: &str, message: &str, details: Value) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(json!({
        "code": code,
        "message": message,
        "details": details,
        "status": "error",
    }))
}

/// The answer of a Zoho API to an expired or revoked access token.
pub fn invalid_token() -> ResponseTemplate {
    ResponseTemplate::new(401).set_body_json(json!({
        "code": "INVALID_TOKEN",
        "message": "invalid oauth token",
    }))
}

/// A successful token endpoint answer giving `access_token` for an hour.
pub fn token_answer(access_token: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({
        "access_token": access_token,
        "api_domain": "https://www.zohoapis.com",
        "token_type": "Bearer",
        "expires_in": 3600,
    }))
}

/// Mounts a token endpoint at `token_path` that answers the `tokens` in turn, one per
/// request, and the last one from then on.
pub async fn mount_token_endpoint(server: &MockServer, token_path: &str, tokens: &[&str]) {
    for (i, token) in tokens.iter().enumerate() {
        let mock = Mock::given(method("POST"))
            .and(path(token_path))
            .respond_with(token_answer(token));
        // Priority 1 is the highest: earlier answers win while they last.
        let mock = if i + 1 < tokens.len() {
            mock.up_to_n_times(1)
                .with_priority(u8::try_from(i + 1).expect("a few tokens"))
        } else {
            mock.with_priority(u8::MAX)
        };
        mock.mount(server).await;
    }
}

/// Asserts that a token request is Zoho's refresh token grant with the test credentials.
pub fn assert_refresh_grant(request: &wiremock::Request) {
    assert_eq!(request.method.as_str(), "POST");
    assert_eq!(request.url.path(), ZOHO_TOKEN_PATH);
    assert_eq!(
        single_header(request, "content-type"),
        "application/x-www-form-urlencoded"
    );
    let expected: BTreeMap<String, String> = [
        ("grant_type", "refresh_token"),
        ("client_id", CLIENT_ID),
        ("client_secret", CLIENT_SECRET),
        ("refresh_token", REFRESH_TOKEN),
    ]
    .into_iter()
    .map(|(key, value)| (key.to_owned(), value.to_owned()))
    .collect();
    assert_eq!(form_pairs(request), expected);
}
