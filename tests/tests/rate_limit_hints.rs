//! What the service says about its limit is honoured, over real HTTP with a simulated
//! clock: a remaining count of 0 holds the next request (the `rate_limited` feature fixture,
//! and Help Scout's `X-RateLimit-Remaining-Minute`), a 429 that says a quota is spent is not
//! retried. (That every wait is traced is `traced_waits.rs`: a test binary of its own, as
//! tracing's per-callsite caching mixes badly with tests on other threads.)

use std::time::Duration;

use fixture_clients::rate_limited::{
    Client, Credentials, Error, ErrorCode, RateLimitClock, RateLimitMode,
};
use serde_json::json;
use wiremock::matchers::path;
use wiremock::{Mock, MockServer, ResponseTemplate};

fn client(server: &MockServer, clock: &RateLimitClock) -> Client {
    Client::builder()
        .base_url(server.uri())
        .allow_insecure_http(true)
        .credentials(Credentials::access_token("test-token"))
        .rate_limit_clock(clock.clone())
        .build()
        .expect("a client")
}

fn thing() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({ "id": 1 }))
}

#[tokio::test]
async fn a_remaining_count_of_zero_holds_the_next_request_for_the_wait_the_service_gives() {
    let server = MockServer::start().await;
    Mock::given(path("/free"))
        .respond_with(
            thing()
                .insert_header("x-remaining", "0")
                .insert_header("x-wait", "7"),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(path("/free"))
        .respond_with(thing().insert_header("x-remaining", "5"))
        .with_priority(2)
        .mount(&server)
        .await;
    let clock = RateLimitClock::simulated();
    let client = client(&server, &clock);

    client.get_free().send().await.expect("first");
    let hints = client
        .rate_limit_status()
        .server
        .expect("the service's count");
    assert_eq!(hints.remaining, Some(0));
    assert_eq!(hints.held_for, Some(Duration::from_secs(7)));

    let before = clock.elapsed();
    client
        .get_free()
        .send()
        .await
        .expect("second, after the wait");
    assert_eq!(clock.elapsed() - before, Duration::from_secs(7));
    let hints = client
        .rate_limit_status()
        .server
        .expect("the service's count");
    assert_eq!(hints.remaining, Some(5));
    assert_eq!(hints.held_for, None);
}

#[tokio::test]
async fn without_a_wait_a_count_of_zero_holds_for_the_window_and_fail_fast_refuses() {
    let server = MockServer::start().await;
    Mock::given(path("/free"))
        .respond_with(thing().insert_header("x-remaining", "0"))
        .mount(&server)
        .await;
    let clock = RateLimitClock::simulated();
    let client = Client::builder()
        .base_url(server.uri())
        .allow_insecure_http(true)
        .credentials(Credentials::access_token("test-token"))
        .rate_limit_clock(clock.clone())
        .rate_limit_mode(RateLimitMode::FailFast)
        .build()
        .expect("a client");

    client.get_free().send().await.expect("first");
    let error = client.get_free().send().await.expect_err("held");

    assert!(
        matches!(&error, Error::RateLimited { wait, .. } if *wait == Duration::from_secs(20)),
        "{error:?}"
    );
    assert_eq!(server.received_requests().await.map_or(0, |r| r.len()), 1);
}

#[tokio::test]
async fn a_429_that_says_the_quota_is_spent_is_not_retried() {
    let server = MockServer::start().await;
    Mock::given(path("/free"))
        .respond_with(ResponseTemplate::new(429).set_body_json(json!({
            "error": "DAILY_QUOTA_EXCEEDED",
            "message": "come back tomorrow",
        })))
        .mount(&server)
        .await;
    let client = client(&server, &RateLimitClock::simulated());

    let error = client.get_free().send().await.expect_err("429");

    assert_eq!(error.code(), Some(&ErrorCode::DailyQuotaExceeded));
    assert_eq!(server.received_requests().await.map_or(0, |r| r.len()), 1);
}

#[tokio::test]
async fn a_momentary_429_is_retried() {
    let server = MockServer::start().await;
    Mock::given(path("/free"))
        .respond_with(ResponseTemplate::new(429).set_body_json(json!({
            "error": "TOO_MANY_REQUESTS",
            "message": "slow down",
        })))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(path("/free"))
        .respond_with(thing())
        .with_priority(2)
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .allow_insecure_http(true)
        .credentials(Credentials::access_token("test-token"))
        .rate_limit_clock(RateLimitClock::simulated())
        .retry(
            fixture_clients::runtime::RetryPolicy::default()
                .backoff(Duration::from_millis(1), Duration::from_millis(2)),
        )
        .build()
        .expect("a client");

    client.get_free().send().await.expect("the retry succeeds");
    assert_eq!(server.received_requests().await.map_or(0, |r| r.len()), 2);
}

#[tokio::test]
async fn help_scouts_remaining_minute_count_at_zero_delays_the_next_call() {
    let server = MockServer::start().await;
    let organization = json!({ "id": 10, "name": "Test Company" });
    Mock::given(path("/v2/organizations/10"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(organization.clone())
                .insert_header("x-ratelimit-remaining-minute", "0"),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(path("/v2/organizations/10"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(organization)
                .insert_header("x-ratelimit-remaining-minute", "199"),
        )
        .with_priority(2)
        .mount(&server)
        .await;
    let clock = org_clients::help_scout::RateLimitClock::simulated();
    let client = org_clients::help_scout::Client::builder()
        .base_url(server.uri())
        .allow_insecure_http(true)
        .credentials(org_clients::help_scout::Credentials::access_token("t"))
        .rate_limit_clock(clock.clone())
        .build()
        .expect("a client");

    client.get_organization(10).send().await.expect("first");
    let before = clock.elapsed();
    client.get_organization(10).send().await.expect("second");

    // No X-RateLimit-Retry-After came: the spec's 60-second window.
    assert_eq!(clock.elapsed() - before, Duration::from_secs(60));
    assert_eq!(server.received_requests().await.map_or(0, |r| r.len()), 2);
}
