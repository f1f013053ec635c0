//! The rate limits a spec declares are kept before a request leaves. Zoho People's org
//! structure endpoints allow 30 requests a minute, then lock the caller out for 5 minutes;
//! the client must never be the reason. The limits keep time by a simulated clock, so a
//! minute of waiting takes milliseconds, while every request crosses a real local socket.
//! (tokio's paused clock cannot serve here: it jumps ahead while a request waits on the
//! socket, and the request times out.)

use std::time::Duration;

use org_clients::runtime::{Error, RetryPolicy};
use org_clients::zoho_people::{Client, Credentials, RateLimitClock, RateLimitMode};
use serde_json::json;
use wiremock::matchers::path_regex;
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn people_server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(path_regex(
        "^/people/api/v3/orgstructure/(entities|units|divisions)$",
    ))
    .respond_with(
        ResponseTemplate::new(200).set_body_json(json!({ "data": [], "has_more": false })),
    )
    .mount(&server)
    .await;
    server
}

fn client(server: &MockServer, mode: RateLimitMode, clock: &RateLimitClock) -> Client {
    Client::builder()
        .base_url(server.uri())
        .allow_insecure_http(true)
        .credentials(Credentials::access_token("test-token"))
        .retry(RetryPolicy::none())
        .rate_limit_mode(mode)
        .rate_limit_clock(clock.clone())
        .build()
        .expect("a valid client configuration")
}

#[tokio::test]
async fn thirty_one_calls_never_put_more_than_thirty_a_minute_on_the_wire() {
    let server = people_server().await;
    let clock = RateLimitClock::simulated();
    let client = client(&server, RateLimitMode::Wait, &clock);
    let real_start = std::time::Instant::now();

    // The three endpoints share the documented limit, so the calls alternate between them.
    let mut sent_at = Vec::new();
    for call in 0..31 {
        let before = clock.elapsed();
        match call % 3 {
            0 => client.list_entities().send().await.map(drop),
            1 => client.list_units().send().await.map(drop),
            _ => client.list_divisions().send().await.map(drop),
        }
        .expect("the server answers every call");
        let after = clock.elapsed();
        assert!(
            after - before < Duration::from_secs(60),
            "call {call} waited a minute"
        );
        sent_at.push(after);
    }

    let on_the_wire = server.received_requests().await.map_or(0, |r| r.len());
    assert_eq!(on_the_wire, 31);
    for (first, start) in sent_at.iter().enumerate() {
        let in_window = sent_at[first..]
            .iter()
            .filter(|t| **t - *start < Duration::from_secs(60))
            .count();
        assert!(
            in_window <= 30,
            "{in_window} requests within a minute from call {first}"
        );
    }
    assert!(sent_at[30] - sent_at[0] >= Duration::from_secs(60));
    assert!(
        real_start.elapsed() < Duration::from_secs(10),
        "the clock is virtual"
    );
}

#[tokio::test]
async fn fail_fast_refuses_the_call_that_has_no_room_and_sends_nothing() {
    let server = people_server().await;
    let client = client(
        &server,
        RateLimitMode::FailFast,
        &RateLimitClock::simulated(),
    );

    let mut admitted = 0;
    let error = loop {
        match client.list_entities().send().await {
            Ok(_) => admitted += 1,
            Err(error) => break error,
        }
        assert!(admitted <= 30, "the limit never refused");
    };

    assert!(
        matches!(&error, Error::RateLimited { limit: "orgstructure", wait, .. } if *wait > Duration::ZERO),
        "{error:?}"
    );
    assert!(error.to_string().contains("nothing was sent"), "{error}");
    let on_the_wire = server.received_requests().await.map_or(0, |r| r.len());
    assert_eq!(on_the_wire, admitted, "the refused call was not sent");
    assert!(
        (1..30).contains(&admitted),
        "a burst of a few is allowed: {admitted}"
    );
}

#[tokio::test]
async fn operations_without_a_documented_limit_are_not_held_back() {
    // Zoho CRM's spec declares no rate limit: a burst of calls goes out at once.
    let server = MockServer::start().await;
    Mock::given(path_regex("^/crm/v7/__zia_org_enrichment$"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = org_clients::zoho_crm::Client::builder()
        .base_url(server.uri())
        .allow_insecure_http(true)
        .credentials(org_clients::zoho_crm::Credentials::access_token(
            "test-token",
        ))
        .build()
        .expect("a valid client configuration");

    let start = std::time::Instant::now();
    for _ in 0..40 {
        client
            .list_org_enrichments()
            .send()
            .await
            .expect("204 is no data");
    }
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "{:?}",
        start.elapsed()
    );
}
