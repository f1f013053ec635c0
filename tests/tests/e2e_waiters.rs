//! End to end, over real HTTP to a local server with a simulated clock: the `polling`
//! feature fixture. A waiter on an object payload whose state is a string under an optional
//! object, polling behind a documented rate limit; and a per-item answer with no envelope.

mod e2e_support;

use std::time::Duration;

use fixture_clients::polling::{Client, Credentials, Error, ErrorCode, RateLimitClock};
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use e2e_support::*;

fn client_on(server: &MockServer, clock: &RateLimitClock) -> Client {
    Client::builder()
        .base_url(server.uri())
        .allow_insecure_http(true)
        .credentials(Credentials::access_token(TOKEN))
        .timeout(TIMEOUT)
        .rate_limit_clock(clock.clone())
        .build()
        .expect("a valid client configuration")
}

/// Answers the export's polls with `bodies` in order, the last one for every later poll.
async fn mount_polls(server: &MockServer, bodies: &[Value]) {
    let (last, first) = bodies.split_last().expect("at least one answer");
    for body in first {
        Mock::given(method("GET"))
            .and(path("/exports/7"))
            .respond_with(ResponseTemplate::new(200).set_body_json(body))
            .up_to_n_times(1)
            .mount(server)
            .await;
    }
    Mock::given(method("GET"))
        .and(path("/exports/7"))
        .respond_with(ResponseTemplate::new(200).set_body_json(last))
        .mount(server)
        .await;
}

fn phase(phase: &str) -> Value {
    json!({ "id": "7", "progress": { "phase": phase, "percent": 50 } })
}

#[tokio::test]
async fn polls_wait_for_the_rate_limit_as_any_call_does() {
    let server = MockServer::start().await;
    mount_polls(
        &server,
        &[
            phase("queued"),
            phase("running"),
            phase("running"),
            phase("finished"),
        ],
    )
    .await;
    let clock = RateLimitClock::simulated();

    let export = client_on(&server, &clock)
        .wait_for_export_finished("7")
        .send()
        .await
        .expect("the export finishes");

    assert_eq!(
        export.progress.map(|p| p.phase).as_deref(),
        Some("finished")
    );
    assert_eq!(received(&server).await.len(), 4);
    // Alone, the waiter would poll at 0, 1, 3 and 7 s; two requests a minute hold the
    // third poll until a minute after the first.
    assert!(
        clock.elapsed() >= Duration::from_secs(60),
        "{:?}",
        clock.elapsed()
    );
}

#[tokio::test]
async fn an_answer_without_the_state_keeps_the_wait_going_until_a_failure_state() {
    let server = MockServer::start().await;
    mount_polls(&server, &[json!({ "id": "7" }), phase("aborted")]).await;

    let error = client_on(&server, &RateLimitClock::simulated())
        .wait_for_export_finished("7")
        .send()
        .await
        .expect_err("aborted");

    match error {
        Error::WaitFailed { state, waiter, .. } => {
            assert_eq!(state, "aborted");
            assert_eq!(waiter, "export_finished");
        }
        other => panic!("expected WaitFailed, got {other:?}"),
    }
    assert_eq!(received(&server).await.len(), 2);
}

#[tokio::test]
async fn a_per_item_answer_without_an_envelope_takes_every_success_value() {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .and(path("/exports"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([
            { "result": "deleted", "id": "1" },
            { "result": "gone" },
            { "result": "locked", "error": "LOCKED", "message": "in use" },
        ])))
        .mount(&server)
        .await;

    let outcomes = client_on(&server, &RateLimitClock::simulated())
        .delete_exports()
        .send()
        .await
        .expect("a per-item answer");

    assert_eq!(outcomes.len(), 3);
    assert_eq!(
        outcomes[0].as_ref().expect("deleted").id.as_deref(),
        Some("1")
    );
    assert_eq!(outcomes[1].as_ref().expect("gone").result, "gone");
    let error = outcomes[2].as_ref().expect_err("locked");
    assert_eq!(error.code(), Some(&ErrorCode::Unknown("LOCKED".into())));
    assert_eq!(error.message(), Some("in use"));
}
