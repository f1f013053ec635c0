//! End to end, over real HTTP to a local server: one feature fixture per way a spec can
//! say a service authorizes (`tests/fixture-clients`), each sending its credential the way
//! its spec says, refusing credentials of another kind, and refreshing tokens only after
//! the answers its spec names.

mod e2e_support;

use fixture_clients::{
    auth_api_key_header, auth_api_key_query, auth_basic, auth_bearer, auth_client_credentials,
    auth_none, auth_refresh_token,
};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use e2e_support::*;

const THING: &str = r#"{"id": 7}"#;

/// Answers `GET /thing` with the thing, whatever the request carries.
async fn serve_thing(server: &MockServer) {
    Mock::given(method("GET"))
        .and(path("/thing"))
        .respond_with(ok_json(THING))
        .mount(server)
        .await;
}

/// The `GET /thing` requests the server received.
async fn thing_requests(server: &MockServer) -> Vec<wiremock::Request> {
    received_on(server, "/thing").await
}

#[tokio::test]
async fn no_scheme_sends_no_credential_and_takes_none() {
    let server = MockServer::start().await;
    serve_thing(&server).await;
    let client = auth_none::Client::builder()
        .base_url(server.uri())
        .allow_insecure_http(true)
        .build()
        .expect("a client without credentials");
    let thing = client.get_thing().send().await.expect("the thing");
    assert_eq!(thing.id, 7);
    let request = only_request(&server).await;
    assert!(request.headers.get("authorization").is_none());

    let refused = auth_none::Client::builder()
        .base_url(server.uri())
        .allow_insecure_http(true)
        .credentials(auth_none::Credentials::access_token("t"))
        .build()
        .expect_err("the service takes no credentials");
    assert!(
        refused.to_string().contains("takes no credentials"),
        "{refused}"
    );
}

#[tokio::test]
async fn a_fixed_token_travels_in_the_specs_header_with_its_prefix() {
    let server = MockServer::start().await;
    serve_thing(&server).await;
    let client = auth_bearer::Client::builder()
        .base_url(server.uri())
        .allow_insecure_http(true)
        .credentials(auth_bearer::Credentials::access_token(TOKEN))
        .build()
        .expect("a client");
    client.get_thing().send().await.expect("the thing");
    let request = only_request(&server).await;
    assert_eq!(single_header(&request, "x-auth-token"), "Token test-token");
    assert!(request.headers.get("authorization").is_none());

    // Without a token endpoint, only fixed tokens fit.
    let refused = auth_bearer::Client::builder()
        .credentials(auth_bearer::Credentials::refresh_token(
            "id", "secret", "refresh",
        ))
        .build()
        .expect_err("no token endpoint to refresh at");
    assert!(
        refused
            .to_string()
            .contains("takes `Credentials::access_token`, not refresh-token credentials"),
        "{refused}"
    );
}

fn refreshing(server: &MockServer) -> auth_refresh_token::Client {
    auth_refresh_token::Client::builder()
        .base_url(server.uri())
        .accounts_url(server.uri())
        .allow_insecure_http(true)
        .timeout(TIMEOUT)
        .credentials(auth_refresh_token::Credentials::refresh_token(
            CLIENT_ID,
            CLIENT_SECRET,
            REFRESH_TOKEN,
        ))
        .build()
        .expect("a refreshing client")
}

#[tokio::test]
async fn the_refresh_token_grant_refreshes_on_the_code_its_spec_names() {
    let server = MockServer::start().await;
    mount_token_endpoint(&server, ZOHO_TOKEN_PATH, &["old-token", "new-token"]).await;
    Mock::given(method("GET"))
        .and(path("/thing"))
        .and(header("authorization", "Zoho-oauthtoken old-token"))
        .respond_with(zoho_error(
            401,
            "TOKEN_EXPIRED",
            "expired",
            serde_json::json!({}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/thing"))
        .and(header("authorization", "Zoho-oauthtoken new-token"))
        .respond_with(ok_json(THING))
        .expect(1)
        .mount(&server)
        .await;
    let thing = refreshing(&server)
        .get_thing()
        .send()
        .await
        .expect("after one refresh");
    assert_eq!(thing.id, 7);
    let grants = received_on(&server, ZOHO_TOKEN_PATH).await;
    assert_eq!(grants.len(), 2);
    assert_refresh_grant(&grants[0]);
    server.verify().await;
}

#[tokio::test]
async fn another_401_code_is_not_answered_by_a_refresh() {
    // `INVALID_TOKEN` is the refresh code of Zoho's specs, not of this one: the runtime
    // follows the spec, not a vendor it knows.
    for code in ["SCOPE_MISMATCH", "INVALID_TOKEN"] {
        let server = MockServer::start().await;
        mount_token_endpoint(&server, ZOHO_TOKEN_PATH, &["the-token"]).await;
        Mock::given(method("GET"))
            .and(path("/thing"))
            .respond_with(zoho_error(401, code, "no", serde_json::json!({})))
            .mount(&server)
            .await;
        let error = refreshing(&server)
            .get_thing()
            .send()
            .await
            .expect_err("401");
        assert_eq!(error.status(), Some(401), "{code}");
        assert_eq!(
            received_on(&server, ZOHO_TOKEN_PATH).await.len(),
            1,
            "{code}"
        );
        assert_eq!(thing_requests(&server).await.len(), 1, "{code}");
    }
}

#[tokio::test]
async fn client_credentials_are_posted_and_any_401_refreshes() {
    let server = MockServer::start().await;
    mount_token_endpoint(&server, "/v2/oauth2/token", &["old-token", "new-token"]).await;
    Mock::given(method("GET"))
        .and(path("/thing"))
        .and(header("authorization", "Bearer old-token"))
        .respond_with(ResponseTemplate::new(401))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/thing"))
        .and(header("authorization", "Bearer new-token"))
        .respond_with(ok_json(THING))
        .expect(1)
        .mount(&server)
        .await;
    let client = auth_client_credentials::Client::builder()
        .base_url(server.uri())
        .accounts_url(server.uri())
        .allow_insecure_http(true)
        .credentials(auth_client_credentials::Credentials::client_credentials(
            CLIENT_ID,
            CLIENT_SECRET,
        ))
        .build()
        .expect("a client");
    client.get_thing().send().await.expect("after one refresh");
    let grants = received_on(&server, "/v2/oauth2/token").await;
    assert_eq!(
        form_pairs(&grants[0]).get("grant_type").map(String::as_str),
        Some("client_credentials")
    );
    server.verify().await;

    // The spec lists only this grant: refresh tokens are refused when the client is built.
    let refused = auth_client_credentials::Client::builder()
        .credentials(auth_client_credentials::Credentials::refresh_token(
            "i", "s", "r",
        ))
        .build()
        .expect_err("refresh tokens do not fit");
    assert!(
        refused
            .to_string()
            .contains("`Credentials::client_credentials`"),
        "{refused}"
    );
}

#[tokio::test]
async fn an_api_key_travels_in_its_header() {
    let server = MockServer::start().await;
    serve_thing(&server).await;
    let client = auth_api_key_header::Client::builder()
        .base_url(server.uri())
        .allow_insecure_http(true)
        .credentials(auth_api_key_header::Credentials::api_key("key-123"))
        .build()
        .expect("a client");
    client.get_thing().send().await.expect("the thing");
    let request = only_request(&server).await;
    assert_eq!(single_header(&request, "x-api-key"), "key-123");
    assert!(request.headers.get("authorization").is_none());
    assert!(request.url.query().is_none());
}

#[tokio::test]
async fn an_api_key_in_the_query_is_sent_there_and_shown_nowhere() {
    let server = MockServer::start().await;
    serve_thing(&server).await;
    let key = "key-in-the-query-456";
    let client = auth_api_key_query::Client::builder()
        .base_url(server.uri())
        .allow_insecure_http(true)
        .timeout(TIMEOUT)
        .credentials(auth_api_key_query::Credentials::api_key(key))
        .build()
        .expect("a client");
    client.get_thing().send().await.expect("the thing");
    let request = only_request(&server).await;
    assert_eq!(
        query_pairs(&request),
        [("api_key".to_owned(), key.to_owned())]
    );
    assert!(request.headers.get("authorization").is_none());

    // A failure on the way carries the URL in reqwest's message; the key stays out of it.
    let unreachable = auth_api_key_query::Client::builder()
        .base_url("http://127.0.0.1:9")
        .allow_insecure_http(true)
        .retry(auth_api_key_query::RetryPolicy::none())
        .credentials(auth_api_key_query::Credentials::api_key(key))
        .build()
        .expect("a client");
    let error = unreachable
        .get_thing()
        .send()
        .await
        .expect_err("nothing listens");
    let shown = format!("{error} {error:?}");
    assert!(!shown.contains(key), "{shown}");
}

#[tokio::test]
async fn basic_authentication_sends_the_user_and_password() {
    let server = MockServer::start().await;
    serve_thing(&server).await;
    let client = auth_basic::Client::builder()
        .base_url(server.uri())
        .allow_insecure_http(true)
        .credentials(auth_basic::Credentials::basic("aladdin", "opensesame"))
        .build()
        .expect("a client");
    client.get_thing().send().await.expect("the thing");
    let request = only_request(&server).await;
    // RFC 7617's own example.
    assert_eq!(
        single_header(&request, "authorization"),
        "Basic YWxhZGRpbjpvcGVuc2VzYW1l"
    );
    let shown = format!(
        "{:?}",
        auth_basic::Credentials::basic("aladdin", "opensesame")
    );
    assert!(!shown.contains("opensesame"), "{shown}");

    let refused = auth_basic::Client::builder()
        .credentials(auth_basic::Credentials::api_key("k"))
        .build()
        .expect_err("an API key does not fit");
    assert!(
        refused.to_string().contains("`Credentials::basic`"),
        "{refused}"
    );
}
