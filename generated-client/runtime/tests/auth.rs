//! Access tokens over real HTTP: the OAuth grants, caching, refresh on rejection, and
//! secrets kept out of messages.

mod support;

use std::collections::HashMap;
use std::time::Duration;

use client_runtime::{Credentials, Request, Response, Transport, TransportConfig};
use reqwest::Method;
use serde_json::{Value, json};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use support::{Error, SHAPE, TestCode};

use support::TOKEN_PATH;
const SECRET: &str = "client-secret-9f8e7d";
const REFRESH: &str = "1000.refresh-token-abc123";

/// An API server, an accounts server, and a transport between them.
struct Setup {
    api: MockServer,
    accounts: MockServer,
    transport: Transport,
}

impl Setup {
    async fn new(credentials: Credentials, auth: client_runtime::Auth) -> Setup {
        let api = MockServer::start().await;
        let accounts = MockServer::start().await;
        let mut config = TransportConfig::new("test_service", api.uri(), auth);
        config.allow_insecure_http = true;
        config.accounts_url = Some(accounts.uri());
        config.credentials = Some(credentials);
        config.error_shape = Some(SHAPE);
        let transport = Transport::new::<TestCode>(config).expect("valid config");
        Setup {
            api,
            accounts,
            transport,
        }
    }

    async fn zoho() -> Setup {
        Setup::new(
            Credentials::refresh_token("1000.CLIENTID", SECRET, REFRESH),
            support::ZOHO,
        )
        .await
    }

    /// The token endpoint answers `replies` in turn, the last one from then on.
    async fn token_replies(&self, replies: Vec<ResponseTemplate>) {
        let count = replies.len();
        for (i, reply) in replies.into_iter().enumerate() {
            let mock = Mock::given(method("POST"))
                .and(path(TOKEN_PATH))
                .respond_with(reply);
            // Earlier replies win while they last; priority 1 is the highest.
            let mock = if i + 1 < count {
                mock.up_to_n_times(1)
                    .with_priority(u8::try_from(i + 1).expect("few"))
            } else {
                mock.with_priority(u8::MAX)
            };
            mock.mount(&self.accounts).await;
        }
    }

    /// The API answers 200 `{}` to `Authorization: Zoho-oauthtoken {token}`.
    async fn api_accepts(&self, authorization: &str) {
        Mock::given(method("GET"))
            .and(header("authorization", authorization))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({"ok": true})))
            .mount(&self.api)
            .await;
    }

    async fn get(&self) -> Result<Response, Error> {
        self.transport
            .execute(Request::new(Method::GET, "get_thing").segment("things"))
            .await
    }

    async fn token_requests(&self) -> Vec<HashMap<String, String>> {
        let requests = self
            .accounts
            .received_requests()
            .await
            .expect("recording is on");
        requests
            .iter()
            .map(|request| {
                url::form_urlencoded::parse(&request.body)
                    .into_owned()
                    .collect()
            })
            .collect()
    }

    async fn api_requests(&self) -> usize {
        self.api
            .received_requests()
            .await
            .expect("recording is on")
            .len()
    }
}

fn token(body: Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(body)
}

#[tokio::test]
async fn the_refresh_token_grant_is_posted_as_a_form_and_its_token_cached() {
    let setup = Setup::zoho().await;
    setup
        .token_replies(vec![token(json!({
            "access_token": "1000.fresh",
            "api_domain": "https://www.zohoapis.com",
            "token_type": "Bearer",
            "expires_in": 3600,
        }))])
        .await;
    setup.api_accepts("Zoho-oauthtoken 1000.fresh").await;

    setup.get().await.expect("first");
    setup.get().await.expect("second, with the cached token");

    let forms = setup.token_requests().await;
    assert_eq!(forms.len(), 1, "one refresh for two requests");
    let expected: HashMap<String, String> = [
        ("grant_type", "refresh_token"),
        ("client_id", "1000.CLIENTID"),
        ("client_secret", SECRET),
        ("refresh_token", REFRESH),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect();
    assert_eq!(forms[0], expected);
    let requests = setup
        .accounts
        .received_requests()
        .await
        .expect("recording is on");
    assert_eq!(
        requests[0].headers["content-type"],
        "application/x-www-form-urlencoded"
    );
    assert_eq!(setup.api_requests().await, 2);
}

#[tokio::test]
async fn both_forms_of_expires_in_are_understood() {
    // (token answer, token requests for two API calls): a lifetime under the 60 s renewal
    // margin makes every call refresh, which shows which field was read as seconds.
    let cases = [
        (json!({"expires_in": 3600}), 1),
        (json!({"expires_in": 30}), 2),
        (json!({"expires_in": 3_600_000, "expires_in_sec": 3600}), 1),
        (json!({"expires_in": 3_600_000, "expires_in_sec": 30}), 2),
        (json!({"expires_in": "3600"}), 1),
    ];
    for (lifetime, want_refreshes) in cases {
        let setup = Setup::zoho().await;
        let mut body = lifetime.clone();
        body["access_token"] = json!("tok");
        setup.token_replies(vec![token(body)]).await;
        setup.api_accepts("Zoho-oauthtoken tok").await;

        setup.get().await.expect("first");
        setup.get().await.expect("second");

        assert_eq!(
            setup.token_requests().await.len(),
            want_refreshes,
            "{lifetime}"
        );
    }
}

#[tokio::test]
async fn a_rejected_token_is_refreshed_once_and_the_request_retried() {
    let setup = Setup::zoho().await;
    setup
        .token_replies(vec![
            token(json!({"access_token": "stale", "expires_in": 3600})),
            token(json!({"access_token": "fresh", "expires_in": 3600})),
        ])
        .await;
    Mock::given(header("authorization", "Zoho-oauthtoken stale"))
        .respond_with(ResponseTemplate::new(401).set_body_json(json!({
            "code": "INVALID_TOKEN", "details": {}, "message": "invalid oauth token", "status": "error",
        })))
        .mount(&setup.api)
        .await;
    setup.api_accepts("Zoho-oauthtoken fresh").await;

    let response = setup.get().await.expect("the retry succeeds");
    assert_eq!(response.status, 200);
    assert_eq!(setup.token_requests().await.len(), 2);
    assert_eq!(setup.api_requests().await, 2);

    setup.get().await.expect("the fresh token is cached");
    assert_eq!(setup.token_requests().await.len(), 2);
}

#[tokio::test]
async fn a_token_rejected_again_after_refresh_is_reported_not_retried_forever() {
    let setup = Setup::zoho().await;
    setup
        .token_replies(vec![token(
            json!({"access_token": "t", "expires_in": 3600}),
        )])
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(401).set_body_json(json!({
            "code": "INVALID_TOKEN", "message": "invalid oauth token",
        })))
        .mount(&setup.api)
        .await;

    let error = setup.get().await.expect_err("always 401");

    assert_eq!(error.code(), Some(&TestCode::InvalidToken));
    assert_eq!(setup.token_requests().await.len(), 2);
    assert_eq!(setup.api_requests().await, 2);
}

#[tokio::test]
async fn other_401_codes_are_not_retried() {
    let setup = Setup::zoho().await;
    setup
        .token_replies(vec![token(
            json!({"access_token": "t", "expires_in": 3600}),
        )])
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(401).set_body_json(json!({
            "code": "OAUTH_SCOPE_MISMATCH", "message": "scope",
        })))
        .mount(&setup.api)
        .await;

    let error = setup.get().await.expect_err("401");

    assert_eq!(
        error.code(),
        Some(&TestCode::Unknown("OAUTH_SCOPE_MISMATCH".into()))
    );
    assert_eq!(setup.token_requests().await.len(), 1);
    assert_eq!(setup.api_requests().await, 1);
}

#[tokio::test]
async fn client_credentials_are_posted_and_a_bare_401_refreshes() {
    let setup = Setup::new(
        Credentials::client_credentials("app-id", SECRET),
        support::BEARER,
    )
    .await;
    setup
        .token_replies(vec![
            token(json!({"token_type": "bearer", "access_token": "one", "expires_in": 172_800})),
            token(json!({"token_type": "bearer", "access_token": "two", "expires_in": 172_800})),
        ])
        .await;
    // Help Scout documents no error body: a 401 with nothing decodable still refreshes.
    Mock::given(header("authorization", "Bearer one"))
        .respond_with(ResponseTemplate::new(401))
        .mount(&setup.api)
        .await;
    setup.api_accepts("Bearer two").await;

    setup.get().await.expect("the retry succeeds");

    let forms = setup.token_requests().await;
    assert_eq!(forms.len(), 2);
    assert_eq!(
        forms[0].get("grant_type").map(String::as_str),
        Some("client_credentials")
    );
    assert_eq!(
        forms[0].get("client_id").map(String::as_str),
        Some("app-id")
    );
    assert_eq!(
        forms[0].get("client_secret").map(String::as_str),
        Some(SECRET)
    );
    assert_eq!(forms[0].len(), 3);
}

#[tokio::test]
async fn a_fixed_token_is_never_refreshed() {
    let api = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(401).set_body_json(json!({"code": "INVALID_TOKEN"})))
        .mount(&api)
        .await;
    let mut config = TransportConfig::new("test_service", api.uri(), support::ZOHO);
    config.allow_insecure_http = true;
    config.credentials = Some(Credentials::access_token("fixed"));
    config.error_shape = Some(SHAPE);
    let transport = Transport::new::<TestCode>(config).expect("valid config");

    let error = transport
        .execute::<TestCode>(Request::new(Method::GET, "get_thing"))
        .await
        .expect_err("401");

    assert_eq!(error.code(), Some(&TestCode::InvalidToken));
    assert_eq!(api.received_requests().await.expect("recording").len(), 1);
}

#[tokio::test]
async fn concurrent_requests_share_one_refresh() {
    let setup = Setup::zoho().await;
    setup
        .token_replies(vec![
            token(json!({"access_token": "tok", "expires_in": 3600}))
                .set_delay(Duration::from_millis(300)),
        ])
        .await;
    setup.api_accepts("Zoho-oauthtoken tok").await;

    let results = futures::future::join_all((0..5).map(|_| setup.get())).await;

    assert!(results.iter().all(Result::is_ok));
    assert_eq!(setup.token_requests().await.len(), 1);
    assert_eq!(setup.api_requests().await, 5);
}

/// Neither the Display nor the Debug of `error` shows a secret.
fn assert_no_secrets(error: &Error) {
    for shown in [error.to_string(), format!("{error:?}")] {
        assert!(!shown.contains(SECRET), "client secret in {shown}");
        assert!(!shown.contains(REFRESH), "refresh token in {shown}");
    }
}

#[tokio::test]
async fn a_refused_grant_is_an_auth_error_without_secrets() {
    let setup = Setup::zoho().await;
    // Zoho refuses a bad grant with 200 and an `error` key.
    setup
        .token_replies(vec![token(json!({"error": "invalid_code"}))])
        .await;

    let error = setup.get().await.expect_err("refused");

    let Error::Auth { status, reason } = &error else {
        panic!("expected Auth, got {error:?}");
    };
    assert_eq!(*status, Some(200));
    assert!(reason.contains("invalid_code"), "{reason}");
    assert_eq!(error.status(), Some(200));
    assert_eq!(
        error.to_string(),
        "test_service: the OAuth token endpoint answered HTTP 200: error `invalid_code`"
    );
    assert_no_secrets(&error);
    assert_eq!(setup.api_requests().await, 0);
}

#[tokio::test]
async fn a_token_endpoint_echoing_the_secret_has_it_redacted() {
    let setup = Setup::zoho().await;
    let echo = format!("<html>bad request: client_secret={SECRET}&refresh_token={REFRESH}</html>");
    setup
        .token_replies(vec![
            ResponseTemplate::new(400).set_body_raw(echo, "text/html"),
        ])
        .await;

    let error = setup.get().await.expect_err("refused");

    assert_eq!(error.status(), Some(400));
    assert!(
        error.to_string().contains("client_secret=[redacted]"),
        "{error}"
    );
    assert_no_secrets(&error);
}

#[tokio::test]
async fn an_answer_without_an_access_token_is_an_auth_error() {
    let setup = Setup::zoho().await;
    setup
        .token_replies(vec![token(json!({"expires_in": 3600}))])
        .await;

    let error = setup.get().await.expect_err("no token");

    assert!(error.to_string().contains("no `access_token`"), "{error}");
}

#[tokio::test]
async fn an_unreachable_token_endpoint_is_an_auth_error_without_status() {
    let api = MockServer::start().await;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port();
    let mut config = TransportConfig::new("test_service", api.uri(), support::ZOHO);
    config.allow_insecure_http = true;
    config.accounts_url = Some(format!("http://127.0.0.1:{port}"));
    config.credentials = Some(Credentials::refresh_token("id", SECRET, REFRESH));
    let transport = Transport::new::<TestCode>(config).expect("valid config");

    let error = transport
        .execute::<TestCode>(Request::new(Method::GET, "get_thing"))
        .await
        .expect_err("unreachable");

    assert!(
        matches!(error, Error::Auth { status: None, .. }),
        "{error:?}"
    );
    assert_no_secrets(&error);
}

#[test]
fn debug_output_redacts_every_secret() {
    let credentials = [
        Credentials::refresh_token("1000.CLIENTID", SECRET, REFRESH),
        Credentials::client_credentials("app-id", SECRET),
        Credentials::access_token(REFRESH),
    ];
    let shown: Vec<String> = credentials.iter().map(|c| format!("{c:?}")).collect();
    assert_eq!(
        shown[0],
        r#"RefreshToken { client_id: "1000.CLIENTID", client_secret: "[redacted]", refresh_token: "[redacted]" }"#
    );
    assert_eq!(
        shown[1],
        r#"ClientCredentials { client_id: "app-id", client_secret: "[redacted]" }"#
    );
    assert_eq!(shown[2], r#"AccessToken("[redacted]")"#);

    let mut config =
        TransportConfig::new("test_service", "https://www.zohoapis.com", support::BEARER);
    config.accounts_url = Some("https://accounts.zoho.com".into());
    config.credentials = Some(credentials[0].clone());
    let transport = Transport::new::<TestCode>(config.clone()).expect("valid config");
    for shown in [format!("{config:?}"), format!("{transport:?}")] {
        assert!(
            !shown.contains(SECRET) && !shown.contains(REFRESH),
            "{shown}"
        );
    }
}
