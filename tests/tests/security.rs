//! Credentials are not leaked or misrouted: plain HTTP is refused unless asked for, the
//! `Authorization` header does not follow a redirect to another origin, header values that
//! would carry a line break are refused before anything is sent, and `Debug` hides secrets.

use org_clients::runtime::{Error, RetryPolicy};
use org_clients::zoho_crm::{Client, Credentials};
use serde_json::json;
use wiremock::matchers::path;
use wiremock::{Mock, MockServer, ResponseTemplate};

const LIST_PATH: &str = "/crm/v7/__zia_org_enrichment";
const SECRET: &str = "1000.secret-access-token";

fn config_error(result: Result<Client, Error<org_clients::zoho_crm::ErrorCode>>) -> String {
    match result {
        Err(Error::Config { reason }) => reason,
        Err(other) => panic!("expected a configuration error, got {other:?}"),
        Ok(_) => panic!("expected a configuration error, got a client"),
    }
}

#[test]
fn plain_http_is_refused_unless_explicitly_allowed() {
    let plain = || {
        Client::builder()
            .base_url("http://127.0.0.1:9")
            .credentials(Credentials::access_token(SECRET))
    };

    let reason = config_error(plain().build());
    assert!(reason.contains("`base_url` is plain http"), "{reason}");
    assert!(plain().allow_insecure_http(true).build().is_ok());

    let refreshing = Client::builder()
        .accounts_url("http://127.0.0.1:9")
        .credentials(Credentials::refresh_token(
            "id",
            "client-secret",
            "refresh-token",
        ))
        .build();
    let reason = config_error(refreshing);
    assert!(reason.contains("`accounts_url` is plain http"), "{reason}");
    assert!(
        !reason.contains("client-secret") && !reason.contains("refresh-token"),
        "{reason}"
    );
}

#[tokio::test]
async fn the_authorization_header_does_not_follow_a_redirect_to_another_origin() {
    let origin = MockServer::start().await;
    let elsewhere = MockServer::start().await;
    Mock::given(path(LIST_PATH))
        .respond_with(
            ResponseTemplate::new(307)
                .insert_header("Location", format!("{}{LIST_PATH}", elsewhere.uri())),
        )
        .mount(&origin)
        .await;
    Mock::given(path(LIST_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "__zia_org_enrichment": [],
            "info": { "per_page": 100, "count": 0, "page": 1, "more_records": false }
        })))
        .mount(&elsewhere)
        .await;
    let client = Client::builder()
        .base_url(origin.uri())
        .allow_insecure_http(true)
        .credentials(Credentials::access_token(SECRET))
        .retry(RetryPolicy::none())
        .build()
        .expect("a valid client configuration");

    client
        .list_org_enrichments()
        .send()
        .await
        .expect("the redirect is followed");

    let first = origin.received_requests().await.unwrap_or_default();
    let second = elsewhere.received_requests().await.unwrap_or_default();
    assert_eq!((first.len(), second.len()), (1, 1));
    assert_eq!(
        first[0]
            .headers
            .get("authorization")
            .and_then(|v| v.to_str().ok()),
        Some(format!("Zoho-oauthtoken {SECRET}").as_str())
    );
    assert!(
        second[0].headers.get("authorization").is_none(),
        "the token followed the redirect"
    );
}

#[tokio::test]
async fn header_values_with_line_breaks_are_refused_before_sending() {
    let server = MockServer::start().await;
    let builder = || {
        Client::builder()
            .base_url(server.uri())
            .allow_insecure_http(true)
    };

    let reason = config_error(
        builder()
            .credentials(Credentials::access_token(SECRET))
            .user_agent("agent\r\nX-Injected: 1")
            .build(),
    );
    assert_eq!(reason, "the user agent is not a valid HTTP header value");

    let reason = config_error(
        builder()
            .credentials(Credentials::access_token("token\r\nX-Injected: 1"))
            .build(),
    );
    assert!(
        !reason.contains("X-Injected"),
        "the token is not echoed: {reason}"
    );

    assert!(
        server
            .received_requests()
            .await
            .unwrap_or_default()
            .is_empty()
    );
}

#[test]
fn debug_output_never_shows_secrets() {
    let builder = Client::builder().credentials(Credentials::refresh_token(
        "client-id",
        "client-secret",
        "refresh-token",
    ));
    let client = builder
        .clone()
        .build()
        .expect("a valid client configuration");
    for shown in [format!("{builder:?}"), format!("{client:?}")] {
        assert!(
            !shown.contains("client-secret") && !shown.contains("refresh-token"),
            "{shown}"
        );
        assert!(
            shown.contains("client-id"),
            "non-secret settings stay visible: {shown}"
        );
    }
}

/// Answers with `status` and a body that echoes the request's `Authorization` header, in
/// the form `body` gives it (`{auth}` stands for the header's value).
struct Echo {
    status: u16,
    body: &'static str,
    content_type: &'static str,
}

impl wiremock::Respond for Echo {
    fn respond(&self, request: &wiremock::Request) -> ResponseTemplate {
        let auth = request
            .headers
            .get("authorization")
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default();
        let body = self.body.replace("{auth}", auth);
        ResponseTemplate::new(self.status).set_body_raw(body.into_bytes(), self.content_type)
    }
}

#[tokio::test]
async fn a_token_the_server_echoes_appears_in_no_error() {
    let echoes = [
        // A documented error body: the token in its message and in its details.
        Echo {
            status: 400,
            body: r#"{"code": "INVALID_DATA", "message": "rejected {auth}", "details": {"header": "{auth}", "{auth}": 1}, "status": "error"}"#,
            content_type: "application/json",
        },
        // An undocumented status: the token in the excerpt.
        Echo {
            status: 502,
            body: "<html><body>proxy saw Authorization: {auth}</body></html>",
            content_type: "text/html",
        },
        // A success that does not decode: the token in serde's message and the excerpt.
        Echo {
            status: 200,
            body: r#"{"__zia_org_enrichment": "{auth}"}"#,
            content_type: "application/json",
        },
    ];
    for echo in echoes {
        let status = echo.status;
        let server = MockServer::start().await;
        Mock::given(path(LIST_PATH))
            .respond_with(echo)
            .mount(&server)
            .await;
        let client = Client::builder()
            .base_url(server.uri())
            .allow_insecure_http(true)
            .retry(RetryPolicy::none())
            .credentials(Credentials::access_token(SECRET))
            .build()
            .expect("a client");
        let error = client
            .list_org_enrichments()
            .send()
            .await
            .expect_err("the answer is an error");
        let shown = format!("{error}\n{error:?}\n{:?}", error.message());
        assert!(!shown.contains(SECRET), "{status}: {shown}");
        assert!(shown.contains("[redacted]"), "{status}: {shown}");
    }
}
