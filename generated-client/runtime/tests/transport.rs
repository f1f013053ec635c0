//! The transport over real HTTP: what it sends, and how it reads what comes back.

mod support;

use std::time::Duration;

use client_runtime::{
    Auth, AuthScheme, Credentials, KeyPlace, Request, Response, Transport, TransportConfig,
};
use reqwest::Method;
use serde::Deserialize;
use serde_json::json;
use wiremock::matchers::{any, body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use support::{Error, SHAPE, TestCode};

/// A transport to `server` with a fixed token, the test error shape and `scheme`.
fn transport(server: &MockServer, auth: client_runtime::Auth) -> Transport {
    let mut config = TransportConfig::new("test_service", server.uri(), auth);
    config.allow_insecure_http = true;
    config.credentials = Some(Credentials::access_token("tok-123"));
    config.error_shape = Some(SHAPE);
    Transport::new::<TestCode>(config).expect("valid config")
}

/// Serves `template` for every request.
async fn serve(template: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(template)
        .mount(&server)
        .await;
    server
}

async fn get(transport: &Transport, operation: &'static str) -> Result<Response, Error> {
    transport
        .execute(Request::new(Method::GET, operation).segment("things"))
        .await
}

async fn received(server: &MockServer) -> Vec<wiremock::Request> {
    server.received_requests().await.expect("recording is on")
}

#[tokio::test]
async fn zoho_scheme_sends_the_token_in_zoho_form() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/crm/v7/__zia_org_enrichment"))
        .and(header("authorization", "Zoho-oauthtoken tok-123"))
        .and(header("accept", "application/json"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .expect(1)
        .mount(&server)
        .await;

    let request = Request::new(Method::GET, "list_org_enrichments")
        .segment("crm")
        .segment("v7")
        .segment("__zia_org_enrichment");
    let response = transport(&server, support::ZOHO)
        .execute::<TestCode>(request)
        .await
        .expect("200");

    assert_eq!(response.status, 200);
    let sent = &received(&server).await[0];
    assert_eq!(sent.headers["authorization"], "Zoho-oauthtoken tok-123");
    let user_agent = sent.headers["user-agent"].to_str().expect("ascii");
    assert_eq!(
        user_agent,
        concat!("client-runtime/", env!("CARGO_PKG_VERSION"))
    );
}

#[tokio::test]
async fn bearer_scheme_sends_a_bearer_token() {
    let server = serve(ResponseTemplate::new(200).set_body_json(json!({}))).await;

    get(&transport(&server, support::BEARER), "get_thing")
        .await
        .expect("200");

    assert_eq!(
        received(&server).await[0].headers["authorization"],
        "Bearer tok-123"
    );
}

#[tokio::test]
async fn path_parameters_stay_one_segment() {
    let server = serve(ResponseTemplate::new(200).set_body_json(json!({}))).await;

    let request = Request::new(Method::GET, "get_thing")
        .segment("things")
        .param("a", "a/b")
        .param("b", "../x")
        .param("c", "?q=1")
        .param("d", "#frag %")
        .param("e", 42);
    transport(&server, support::BEARER)
        .execute::<TestCode>(request)
        .await
        .expect("200");

    let sent = &received(&server).await[0];
    assert_eq!(
        sent.url.path(),
        "/things/a%2Fb/..%2Fx/%3Fq%3D1/%23frag%20%25/42"
    );
    assert_eq!(sent.url.query(), None);
}

#[tokio::test]
async fn dot_and_empty_path_parameters_are_refused_before_sending() {
    let server = serve(ResponseTemplate::new(200)).await;
    let transport = transport(&server, support::BEARER);

    for value in ["..", ".", ""] {
        let request = Request::new(Method::GET, "get_thing")
            .segment("things")
            .param("thing_id", value);
        let error = transport
            .execute::<TestCode>(request)
            .await
            .expect_err(value);
        let Error::InvalidRequest {
            operation,
            parameter,
            ..
        } = &error
        else {
            panic!("expected InvalidRequest for {value:?}, got {error:?}");
        };
        assert_eq!((*operation, *parameter), ("get_thing", "thing_id"));
        assert!(
            error
                .to_string()
                .starts_with("test_service get_thing: invalid `thing_id`"),
            "{error}"
        );
    }
    assert!(received(&server).await.is_empty());
}

#[tokio::test]
async fn query_values_are_percent_encoded_and_common_pairs_follow() {
    let server = serve(ResponseTemplate::new(200).set_body_json(json!({}))).await;
    let mut config = TransportConfig::new("test_service", server.uri(), support::BEARER);
    config.allow_insecure_http = true;
    config.common_query = vec![("organization_id", "10234695".to_owned())];
    let transport = Transport::new::<TestCode>(config).expect("valid config");

    let request = Request::new(Method::GET, "list_things")
        .segment("things")
        .query("q", "a b&c=d/é+")
        .query_opt("absent", None::<u32>)
        .query_opt("page", Some(2));
    transport.execute::<TestCode>(request).await.expect("200");

    let sent = &received(&server).await[0];
    assert_eq!(
        sent.url.query(),
        Some("q=a%20b%26c%3Dd%2F%C3%A9%2B&page=2&organization_id=10234695")
    );
    let pairs: Vec<(String, String)> = sent.url.query_pairs().into_owned().collect();
    assert_eq!(pairs[0], ("q".to_owned(), "a b&c=d/é+".to_owned()));
    assert!(
        sent.headers.get("authorization").is_none(),
        "no credentials, no header"
    );
}

#[tokio::test]
async fn a_base_url_path_prefixes_every_request() {
    let server = serve(ResponseTemplate::new(200).set_body_json(json!({}))).await;
    let mut config = TransportConfig::new(
        "test_service",
        format!("{}/mock/", server.uri()),
        support::BEARER,
    );
    config.allow_insecure_http = true;
    let transport = Transport::new::<TestCode>(config).expect("valid config");

    get(&transport, "list_things").await.expect("200");

    assert_eq!(received(&server).await[0].url.path(), "/mock/things");
}

#[tokio::test]
async fn json_bodies_are_sent_with_their_content_type() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/things"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({"name": "Zylker", "tags": ["a", "b"]})))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"id": "1"})))
        .expect(1)
        .mount(&server)
        .await;

    let request = Request::new(Method::POST, "create_thing")
        .segment("things")
        .json(&json!({"name": "Zylker", "tags": ["a", "b"]}));
    assert_eq!(request.operation(), "create_thing");
    assert_eq!(request.method(), &Method::POST);
    let response = transport(&server, support::BEARER)
        .execute::<TestCode>(request)
        .await
        .expect("201");

    assert_eq!(response.status, 201);
}

#[tokio::test]
async fn a_body_that_cannot_be_serialized_is_refused_before_sending() {
    let server = serve(ResponseTemplate::new(200)).await;
    // JSON object keys must be strings.
    let body = std::collections::BTreeMap::from([((1, 2), "x")]);

    let request = Request::new(Method::POST, "create_thing")
        .segment("things")
        .json(&body);
    let error = transport(&server, support::BEARER)
        .execute::<TestCode>(request)
        .await
        .expect_err("unserializable");

    assert!(
        matches!(
            error,
            Error::InvalidRequest {
                parameter: "body",
                ..
            }
        ),
        "{error:?}"
    );
    assert!(received(&server).await.is_empty());
}

#[derive(Debug, Deserialize, PartialEq)]
struct Thing {
    id: String,
    name: String,
}

#[tokio::test]
async fn envelopes_are_decoded_by_key() {
    let body = json!({
        "info": {"more_records": false},
        "data": [{"id": "1", "name": "one"}, {"id": "2", "name": "two"}],
    });
    let server = serve(ResponseTemplate::new(200).set_body_json(body)).await;
    let response = get(&transport(&server, support::BEARER), "list_things")
        .await
        .expect("200");

    let things: Vec<Thing> = response
        .json::<_, TestCode>("list_things", Some("data"))
        .expect("decodes");
    assert_eq!(
        things[1],
        Thing {
            id: "2".into(),
            name: "two".into()
        }
    );

    let whole: serde_json::Value = response
        .json::<_, TestCode>("list_things", None)
        .expect("any JSON");
    assert_eq!(whole["info"]["more_records"], false);

    let absent: Option<Vec<Thing>> = response
        .json::<_, TestCode>("list_things", Some("organizations"))
        .expect("a missing envelope is none");
    assert_eq!(absent, None);
    let error = response
        .json::<Vec<Thing>, TestCode>("list_things", Some("organizations"))
        .expect_err("required envelope");
    assert!(
        error
            .to_string()
            .contains("missing the envelope key `organizations`"),
        "{error}"
    );
}

#[tokio::test]
async fn decode_errors_name_the_json_path_and_show_the_body() {
    let body = json!({"data": [{"id": "1", "name": "one"}, {"id": 5, "name": "two"}]});
    let server = serve(ResponseTemplate::new(200).set_body_json(body)).await;
    let response = get(&transport(&server, support::BEARER), "list_things")
        .await
        .expect("200");

    let error = response
        .json::<Vec<Thing>, TestCode>("list_things", Some("data"))
        .expect_err("id is a number");

    let Error::Decode {
        operation,
        path,
        message,
        excerpt,
    } = &error
    else {
        panic!("expected Decode, got {error:?}");
    };
    assert_eq!(*operation, "list_things");
    assert_eq!(path, "$.data[1].id");
    assert!(message.contains("expected a string"), "{message}");
    assert!(excerpt.starts_with(r#"{"data":[{"id":"1""#), "{excerpt}");
    let shown = error.to_string();
    assert!(
        shown.starts_with("test_service list_things: the response does not decode at `$.data[1].id`: invalid type: integer `5`, expected a string"),
        "{shown}"
    );
    assert!(shown.contains(r#"body starts with: {"data""#), "{shown}");
}

#[tokio::test]
async fn empty_html_and_truncated_bodies_are_decode_errors() {
    let cases = [
        ResponseTemplate::new(200),
        ResponseTemplate::new(200)
            .set_body_raw("<html><body>Maintenance</body></html>", "text/html"),
        ResponseTemplate::new(200).set_body_raw(r#"{"data": [{"id": "1", "na"#, "application/json"),
        ResponseTemplate::new(200).set_body_raw(r#"{"data": []} trailing"#, "application/json"),
    ];
    let expected = [
        ("$", "", "expected a JSON body"),
        (
            "$",
            "<html><body>Maintenance</body></html>",
            "expected a JSON body, found `Content-Type: text/html`",
        ),
        (
            "$.data[0]",
            r#"{"data": [{"id": "1", "na"#,
            "EOF while parsing",
        ),
        ("$", r#"{"data": []} trailing"#, "trailing characters"),
    ];
    for (template, (want_path, want_excerpt, want_message)) in cases.into_iter().zip(expected) {
        let server = serve(template).await;
        let response = get(&transport(&server, support::BEARER), "list_things")
            .await
            .expect("200");
        let error = response
            .json::<Vec<Thing>, TestCode>("list_things", Some("data"))
            .expect_err("does not decode");
        let Error::Decode {
            path,
            message,
            excerpt,
            ..
        } = &error
        else {
            panic!("expected Decode, got {error:?}");
        };
        assert_eq!((path.as_str(), excerpt.as_str()), (want_path, want_excerpt));
        assert!(message.contains(want_message), "{message}");
    }
}

#[tokio::test]
async fn an_html_error_page_is_an_unexpected_status_with_an_excerpt() {
    let page = format!(
        "<!DOCTYPE html>\n<html>\n  <head><title>502 Bad Gateway</title></head>\n  <body>{}</body>\n</html>",
        "x".repeat(1000)
    );
    let server = serve(ResponseTemplate::new(502).set_body_raw(page, "text/html")).await;

    let error = get(&transport(&server, support::BEARER), "list_things")
        .await
        .expect_err("502");

    let Error::UnexpectedStatus {
        operation,
        status,
        content_type,
        excerpt,
        ..
    } = &error
    else {
        panic!("expected UnexpectedStatus, got {error:?}");
    };
    assert_eq!((*operation, *status), ("list_things", 502));
    assert_eq!(content_type.as_deref(), Some("text/html"));
    assert!(
        excerpt.starts_with("<!DOCTYPE html> <html> <head><title>502 Bad Gateway"),
        "{excerpt}"
    );
    assert!(excerpt.chars().count() <= 201, "{excerpt}");
    assert_eq!(error.status(), Some(502));
    assert_eq!(error.code(), None);
    assert!(
        error.to_string().starts_with(
            "test_service list_things: unexpected HTTP 502 (text/html), body starts with: <!DOCTYPE html>"
        ),
        "{error}"
    );
}

#[tokio::test]
async fn a_documented_error_body_is_an_api_error() {
    let body = json!({
        "code": "INVALID_DATA",
        "message": "the sort_by parameter is invalid",
        "details": {"param_name": "sort_by"},
        "status": "error",
    });
    let server = serve(ResponseTemplate::new(400).set_body_json(body)).await;

    let error = get(&transport(&server, support::BEARER), "list_things")
        .await
        .expect_err("400");

    assert_eq!(error.code(), Some(&TestCode::InvalidData));
    assert_eq!(error.message(), Some("the sort_by parameter is invalid"));
    assert_eq!(error.status(), Some(400));
    let Error::Api(api) = &error else {
        panic!("expected Api, got {error:?}");
    };
    assert_eq!(api.operation, "list_things");
    assert_eq!(api.details, Some(json!({"param_name": "sort_by"})));
    assert_eq!(
        error.to_string(),
        "test_service list_things: HTTP 400 INVALID_DATA: the sort_by parameter is invalid"
    );
}

#[tokio::test]
async fn numeric_codes_arrive_as_decimal_text() {
    let body = json!({"code": 57, "message": "You are not authorized to perform this operation"});
    let server = serve(ResponseTemplate::new(401).set_body_json(body)).await;

    let error = get(&transport(&server, support::ZOHO), "get_thing")
        .await
        .expect_err("401");

    assert_eq!(error.code(), Some(&TestCode::Unknown("57".into())));
    assert_eq!(error.status(), Some(401));
}

#[tokio::test]
async fn an_error_body_without_a_code_is_an_unexpected_status() {
    let server = serve(ResponseTemplate::new(500).set_body_json(json!({"message": "oops"}))).await;

    let error = get(&transport(&server, support::BEARER), "get_thing")
        .await
        .expect_err("500");

    assert!(
        matches!(error, Error::UnexpectedStatus { status: 500, .. }),
        "{error:?}"
    );
}

#[tokio::test]
async fn no_content_is_a_success() {
    let server = serve(ResponseTemplate::new(204)).await;

    let response = get(&transport(&server, support::BEARER), "list_things")
        .await
        .expect("204");

    assert!(response.is_no_content());
    assert!(response.body.is_empty());
}

#[tokio::test]
async fn a_slow_server_is_a_timeout() {
    let server = serve(
        ResponseTemplate::new(200)
            .set_body_json(json!({}))
            .set_delay(Duration::from_secs(3)),
    )
    .await;
    let mut config = TransportConfig::new("test_service", server.uri(), support::BEARER);
    config.allow_insecure_http = true;
    config.timeout = Duration::from_millis(200);
    let transport = Transport::new::<TestCode>(config).expect("valid config");

    let error = get(&transport, "list_things").await.expect_err("too slow");

    assert!(error.is_timeout(), "{error:?}");
    assert!(matches!(
        error,
        Error::Timeout {
            operation: "list_things"
        }
    ));
    assert_eq!(
        error.to_string(),
        "test_service list_things: no complete response within the configured timeout"
    );
}

#[tokio::test]
async fn an_injected_client_still_gets_the_configured_timeout() {
    let server = serve(ResponseTemplate::new(200).set_delay(Duration::from_secs(3))).await;
    let mut config = TransportConfig::new("test_service", server.uri(), support::BEARER);
    config.allow_insecure_http = true;
    config.timeout = Duration::from_millis(200);
    config.http = Some(reqwest::Client::new());
    let transport = Transport::new::<TestCode>(config).expect("valid config");

    let error = get(&transport, "list_things").await.expect_err("too slow");

    assert!(error.is_timeout(), "{error:?}");
}

/// A server for one connection: it reads the request, writes `head`, then `body` a byte
/// every `gap`, and holds the connection open; with a transport to it that has `timeout`
/// and no retries.
async fn trickling(
    head: &'static str,
    body: &'static [u8],
    gap: Duration,
    timeout: Duration,
) -> (Transport, tokio::task::JoinHandle<()>) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a local port");
    let address = listener.local_addr().expect("its address");
    let server = tokio::spawn(async move {
        let Ok((mut socket, _)) = listener.accept().await else {
            return;
        };
        let mut request = [0_u8; 4096];
        let _ = socket.read(&mut request).await;
        let _ = socket.write_all(head.as_bytes()).await;
        for byte in body {
            tokio::time::sleep(gap).await;
            let _ = socket.write_all(&[*byte]).await;
            let _ = socket.flush().await;
        }
        tokio::time::sleep(Duration::from_secs(10)).await;
    });
    let mut config =
        TransportConfig::new("test_service", format!("http://{address}"), support::BEARER);
    config.allow_insecure_http = true;
    config.timeout = timeout;
    config.retry = client_runtime::RetryPolicy::none();
    let transport = Transport::new::<TestCode>(config).expect("valid config");
    (transport, server)
}

/// The request timeout runs until the last byte of the body, not only until the headers:
/// a server that sends its headers and then stalls is a timeout too.
#[tokio::test]
async fn a_body_that_stalls_after_the_headers_is_a_timeout() {
    // The rest of the body never comes while the client waits.
    let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\
                content-length: 100\r\n\r\n{\"first\":";
    let (transport, server) =
        trickling(head, b"", Duration::ZERO, Duration::from_millis(200)).await;

    let started = std::time::Instant::now();
    let error = get(&transport, "list_things").await.expect_err("stalled");

    assert!(
        matches!(
            error,
            Error::Timeout {
                operation: "list_things"
            }
        ),
        "{error:?}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    server.abort();
}

/// A download may take longer than one request timeout in all, as long as each chunk
/// comes within it of the one before.
#[tokio::test]
async fn a_download_longer_than_the_timeout_whose_chunks_come_in_time_succeeds() {
    let head = "HTTP/1.1 200 OK\r\ncontent-type: application/octet-stream\r\n\
                content-length: 8\r\n\r\n";
    let (transport, server) = trickling(
        head,
        b"abcdefgh",
        Duration::from_millis(100),
        Duration::from_millis(400),
    )
    .await;

    let started = std::time::Instant::now();
    let request = Request::new(Method::GET, "get_file")
        .segment("file")
        .download("application/octet-stream");
    let download = transport
        .download::<TestCode>(request)
        .await
        .expect("the headers in time");
    let body = download.bytes().await.expect("every chunk in time");

    assert_eq!(&body[..], b"abcdefgh");
    // Eight chunks 100 ms apart: twice the timeout in all.
    assert!(
        started.elapsed() >= Duration::from_millis(800),
        "{:?}",
        started.elapsed()
    );
    server.abort();
}

#[tokio::test]
async fn a_refused_connection_is_a_transport_error() {
    // A port that was free a moment ago and has no listener now.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port();
    let mut config = TransportConfig::new(
        "test_service",
        format!("http://127.0.0.1:{port}"),
        support::BEARER,
    );
    config.allow_insecure_http = true;
    let transport = Transport::new::<TestCode>(config).expect("valid config");

    let error = get(&transport, "list_things").await.expect_err("refused");

    assert!(
        matches!(
            error,
            Error::Transport {
                operation: "list_things",
                ..
            }
        ),
        "{error:?}"
    );
    assert!(std::error::Error::source(&error).is_some());
    assert_eq!(
        error.to_string(),
        "test_service list_things: could not connect to the server"
    );
}

#[test]
fn unusable_configurations_are_refused() {
    let refused = |config: TransportConfig| match Transport::new::<TestCode>(config) {
        Err(Error::Config { reason }) => reason,
        other => panic!("expected a Config error, got {other:?}"),
    };
    let config = |base: &str| TransportConfig::new("test_service", base, support::ZOHO);

    assert!(refused(config("not a url")).contains("`base_url` is not a valid URL"));
    assert!(refused(config("ftp://example.com")).contains("http or https"));
    assert!(refused(config("https://user:pw@example.com")).contains("user name or password"));
    assert!(refused(config("https://example.com/?a=1")).contains("query"));

    let mut oauth = config("https://www.zohoapis.com");
    oauth.credentials = Some(Credentials::refresh_token("id", "secret", "refresh"));
    assert!(refused(oauth.clone()).contains("`accounts_url`"));
    oauth.accounts_url = Some("https://accounts.zoho.com".into());
    let mut relative = oauth.clone();
    relative.auth.tokens = relative
        .auth
        .tokens
        .map(|tokens| client_runtime::TokenEndpoint {
            path: "oauth/v2/token",
            ..tokens
        });
    assert!(refused(relative).contains("must start with `/`"));
    assert!(Transport::new::<TestCode>(oauth.clone()).is_ok());

    // Credentials of a kind the service does not take are refused, naming those it does.
    let mut wrong_kind = oauth;
    wrong_kind.credentials = Some(Credentials::client_credentials("id", "secret"));
    let reason = refused(wrong_kind);
    assert!(
        reason.contains("takes `Credentials::access_token` or `Credentials::refresh_token`"),
        "{reason}"
    );

    let mut bad_token = config("https://www.zohoapis.com");
    bad_token.credentials = Some(Credentials::access_token("line\nbreak"));
    let reason = refused(bad_token);
    assert!(
        reason.contains("not a valid HTTP header value") && !reason.contains("break"),
        "{reason}"
    );

    let mut no_time = config("https://www.zohoapis.com");
    no_time.timeout = Duration::ZERO;
    assert!(refused(no_time).contains("timeouts"));

    // The `Accept` header is made once, when the client is built.
    let mut bad_accept = config("https://www.zohoapis.com");
    bad_accept.accept = "application/json\r\nX-Injected: 1";
    assert!(
        refused(bad_accept).contains("`Accept` media types"),
        "the Accept value is checked"
    );

    let shown = Error::Config { reason: "x".into() }.to_string();
    assert_eq!(shown, "test_service: unusable client configuration: x");
}

/// A transport to `server` authorized by `auth` with `credentials`.
fn authorized(server: &MockServer, auth: Auth, credentials: Credentials) -> Transport {
    let mut config = TransportConfig::new("test_service", server.uri(), auth);
    config.allow_insecure_http = true;
    config.credentials = Some(credentials);
    config.retry = client_runtime::RetryPolicy::none();
    Transport::new::<TestCode>(config).expect("valid config")
}

#[tokio::test]
async fn api_keys_travel_in_their_header_or_query_parameter() {
    let server = serve(ResponseTemplate::new(204)).await;
    let in_header = Auth {
        scheme: AuthScheme::ApiKey(KeyPlace::Header("X-Api-Key")),
        tokens: None,
    };
    get(
        &authorized(&server, in_header, Credentials::api_key("k-1")),
        "get_thing",
    )
    .await
    .expect("204");
    let in_query = Auth {
        scheme: AuthScheme::ApiKey(KeyPlace::Query("key")),
        tokens: None,
    };
    get(
        &authorized(&server, in_query, Credentials::api_key("k 2")),
        "get_thing",
    )
    .await
    .expect("204");
    let sent = received(&server).await;
    assert_eq!(sent[0].headers["x-api-key"], "k-1");
    assert_eq!(sent[0].url.query(), None);
    assert_eq!(sent[1].url.query(), Some("key=k+2"));
    assert!(sent[1].headers.get("authorization").is_none());
}

#[tokio::test]
async fn a_key_in_the_query_stays_out_of_transport_errors() {
    let mut config = TransportConfig::new(
        "test_service",
        "http://127.0.0.1:9",
        Auth {
            scheme: AuthScheme::ApiKey(KeyPlace::Query("key")),
            tokens: None,
        },
    );
    config.allow_insecure_http = true;
    config.credentials = Some(Credentials::api_key("very-secret-key"));
    config.retry = client_runtime::RetryPolicy::none();
    let transport = Transport::new::<TestCode>(config).expect("valid config");
    let error = get(&transport, "get_thing")
        .await
        .expect_err("nothing listens");
    let shown = format!("{error} {error:?}");
    assert!(!shown.contains("very-secret-key"), "{shown}");
}

#[tokio::test]
async fn basic_authentication_and_a_bearer_header_of_the_services_own() {
    let server = serve(ResponseTemplate::new(204)).await;
    let basic = Auth {
        scheme: AuthScheme::Basic,
        tokens: None,
    };
    get(
        &authorized(&server, basic, Credentials::basic("user", "pass")),
        "get_thing",
    )
    .await
    .expect("204");
    let bare = Auth {
        scheme: AuthScheme::Bearer {
            header: "X-Token",
            prefix: "",
        },
        tokens: None,
    };
    get(
        &authorized(&server, bare, Credentials::access_token("t-3")),
        "get_thing",
    )
    .await
    .expect("204");
    let sent = received(&server).await;
    assert_eq!(sent[0].headers["authorization"], "Basic dXNlcjpwYXNz");
    assert_eq!(sent[1].headers["x-token"], "t-3");
}

#[tokio::test]
async fn headers_are_sent_and_line_breaks_in_them_refused() {
    let server = serve(ResponseTemplate::new(204)).await;
    let mut config = TransportConfig::new("test_service", server.uri(), Auth::NONE);
    config.allow_insecure_http = true;
    config.common_headers = vec![("X-Tenant", "acme".into())];
    let transport = Transport::new::<TestCode>(config.clone()).expect("valid config");
    let request = Request::new(Method::GET, "get_thing")
        .segment("things")
        .header("X-Request-Id", "r-1")
        .header_opt("X-Absent", None::<&str>);
    transport.execute::<TestCode>(request).await.expect("204");
    let sent = received(&server).await;
    assert_eq!(sent[0].headers["x-tenant"], "acme");
    assert_eq!(sent[0].headers["x-request-id"], "r-1");
    assert!(sent[0].headers.get("x-absent").is_none());

    let smuggled = Request::new(Method::GET, "get_thing").header("X-Request-Id", "a\r\nB: c");
    let error = transport
        .execute::<TestCode>(smuggled)
        .await
        .expect_err("refused");
    assert!(
        matches!(
            &error,
            Error::InvalidRequest {
                parameter: "X-Request-Id",
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(received(&server).await.len(), 1, "nothing more was sent");

    config.common_headers = vec![("X-Tenant", "a\nb".into())];
    let refused = Transport::new::<TestCode>(config).expect_err("a line break");
    assert!(
        refused.to_string().contains("`X-Tenant` header"),
        "{refused}"
    );
}
