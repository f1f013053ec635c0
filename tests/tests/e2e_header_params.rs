//! End to end, over real HTTP to a local server: header parameters of the `header_params`
//! feature fixture (`tests/fixture-clients`): required and optional ones, a value set, a
//! checked integer, one every request carries, a union sent as a query parameter, and
//! values with line breaks refused before anything is sent.

mod e2e_support;

use fixture_clients::header_params::{Client, Credentials, Error, ParamVersion, Priority};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer};

use e2e_support::*;

async fn server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/thing"))
        .respond_with(ok_json(r#"{"id": 1}"#))
        .mount(&server)
        .await;
    server
}

fn client(server: &MockServer) -> Client {
    Client::builder()
        .base_url(server.uri())
        .allow_insecure_http(true)
        .credentials(Credentials::access_token(TOKEN))
        .x_tenant("acme")
        .build()
        .expect("a client")
}

#[tokio::test]
async fn header_parameters_are_sent_as_headers() {
    let server = server().await;
    client(&server)
        .get_thing("req-1", 2)
        .x_priority(Priority::High)
        .x_retry_count(2)
        .if_none_match("\"etag-9\"")
        .version(ParamVersion::Integer(3))
        .send()
        .await
        .expect("the thing");
    let request = only_request(&server).await;
    assert_eq!(single_header(&request, "x-request-id"), "req-1");
    assert_eq!(single_header(&request, "x-api-version"), "2");
    assert_eq!(single_header(&request, "x-priority"), "high");
    assert_eq!(single_header(&request, "x-retry-count"), "2");
    assert_eq!(single_header(&request, "if-none-match"), "\"etag-9\"");
    assert_eq!(single_header(&request, "x-tenant"), "acme");
    assert_eq!(single_header(&request, "authorization"), BEARER_AUTH);
    assert_eq!(
        query_pairs(&request),
        [("version".to_owned(), "3".to_owned())]
    );
}

#[tokio::test]
async fn unset_optional_headers_are_not_sent() {
    let server = server().await;
    client(&server)
        .get_thing("req-2", 2)
        .version(ParamVersion::Text("latest".into()))
        .send()
        .await
        .expect("the thing");
    let request = only_request(&server).await;
    for absent in ["x-priority", "x-retry-count", "if-none-match"] {
        assert!(request.headers.get(absent).is_none(), "{absent}");
    }
    assert_eq!(
        query_pairs(&request),
        [("version".to_owned(), "latest".to_owned())]
    );
}

#[tokio::test]
async fn a_header_value_with_a_line_break_is_refused_before_sending() {
    let server = server().await;
    let error = client(&server)
        .get_thing("req-3\r\nX-Injected: 1", 2)
        .send()
        .await
        .expect_err("a line break cannot be a header value");
    let Error::InvalidRequest {
        parameter, reason, ..
    } = &error
    else {
        panic!("expected Error::InvalidRequest, got {error:?}");
    };
    assert_eq!(*parameter, "X-Request-Id");
    assert!(reason.contains("line break"), "{reason}");
    assert_nothing_sent(&server).await;

    let refused = Client::builder()
        .base_url(server.uri())
        .allow_insecure_http(true)
        .x_tenant("acme\nX-Injected: 1")
        .build()
        .expect_err("a common header with a line break");
    assert!(
        refused.to_string().contains("`X-Tenant` header"),
        "{refused}"
    );
}

#[tokio::test]
async fn a_documented_minimum_is_checked_for_header_parameters_too() {
    let server = server().await;
    let error = client(&server)
        .get_thing("req-4", 2)
        .x_retry_count(-1)
        .send()
        .await
        .expect_err("below the minimum");
    assert!(
        matches!(
            error,
            Error::InvalidRequest {
                parameter: "X-Retry-Count",
                ..
            }
        ),
        "{error:?}"
    );
    assert_nothing_sent(&server).await;
}
