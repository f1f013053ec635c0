//! The rate limits a spec declares are kept before a request leaves. Zoho People's org
//! structure endpoints allow 30 requests a minute, then lock the caller out for 5 minutes;
//! the client must never be the reason. The limits keep time by a simulated clock, so a
//! minute of waiting takes milliseconds, while every request crosses a real local socket.
//! (tokio's paused clock cannot serve here: it jumps ahead while a request waits on the
//! socket, and the request times out.)

use std::time::Duration;

use org_clients::runtime::{Error, RetryPolicy};
use org_clients::zoho_people::{
    Client, Credentials, RateLimitBudget, RateLimitClock, RateLimitMode,
};
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
            after - before <= Duration::from_secs(60),
            "call {call} waited more than a minute"
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
async fn thirty_calls_in_the_first_second_all_go_and_the_31st_waits_until_a_minute_after_the_first()
{
    let server = people_server().await;
    let clock = RateLimitClock::simulated();
    let client = client(&server, RateLimitMode::Wait, &clock);

    let mut sent_at = Vec::new();
    for _ in 0..31 {
        client.list_entities().send().await.expect("an answer");
        sent_at.push(clock.elapsed());
        // Requests 20 ms apart on the simulated clock: all 30 fit in the first second.
        clock.advance(Duration::from_millis(20));
    }

    assert!(sent_at[29] < Duration::from_secs(1), "{:?}", sent_at[29]);
    assert!(
        sent_at[..30]
            .windows(2)
            .all(|pair| pair[1] - pair[0] == Duration::from_millis(20)),
        "none of the first 30 waited"
    );
    assert_eq!(sent_at[30], sent_at[0] + Duration::from_secs(60));
    let on_the_wire = server.received_requests().await.map_or(0, |r| r.len());
    assert_eq!(on_the_wire, 31);
}

#[tokio::test]
async fn fail_fast_admits_the_whole_limit_then_refuses_and_sends_nothing() {
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

    assert_eq!(admitted, 30, "the documented 30 go at once");
    assert!(
        matches!(&error, Error::RateLimited { limit: "orgstructure", wait, .. } if *wait == Duration::from_secs(60)),
        "{error:?}"
    );
    assert!(error.to_string().contains("nothing was sent"), "{error}");
    let on_the_wire = server.received_requests().await.map_or(0, |r| r.len());
    assert_eq!(on_the_wire, 30, "the refused call was not sent");
    let status = client.rate_limit_status();
    assert_eq!(status.limits.len(), 1);
    assert_eq!(status.limits[0].name, "orgstructure");
    assert_eq!(status.limits[0].used, 30);
    assert_eq!(status.limits[0].next_free_in, Duration::from_secs(60));
    assert_eq!(status.limits[0].locked_for, None);
}

/// A People server that answers the `answered`-th request (counting from 1) with a 429.
async fn people_server_refusing(refused: usize) -> MockServer {
    let server = MockServer::start().await;
    let count = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    Mock::given(path_regex(
        "^/people/api/v3/orgstructure/(entities|units|divisions)$",
    ))
    .respond_with(move |_: &wiremock::Request| {
        let n = count.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
        if n == refused {
            ResponseTemplate::new(429)
                .set_body_json(json!({ "code": "TOO_MANY_REQUESTS", "message": "locked" }))
        } else {
            ResponseTemplate::new(200).set_body_json(json!({ "data": [], "has_more": false }))
        }
    })
    .mount(&server)
    .await;
    server
}

#[tokio::test]
async fn after_a_429_nothing_is_sent_for_the_documented_five_minutes() {
    let server = people_server_refusing(3).await;
    let clock = RateLimitClock::simulated();
    let client = client(&server, RateLimitMode::Wait, &clock);

    client.list_entities().send().await.expect("first");
    client.list_units().send().await.expect("second");
    let error = client
        .list_divisions()
        .send()
        .await
        .expect_err("the server refuses the third");
    let refused_at = clock.elapsed();
    assert_eq!(error.status(), Some(429));
    let status = client.rate_limit_status();
    assert_eq!(status.limits[0].locked_for, Some(Duration::from_secs(300)));

    // Any operation under the limit waits out the lock before it is sent.
    client.list_entities().send().await.expect("after the lock");
    assert!(clock.elapsed() >= refused_at + Duration::from_secs(300));
    let on_the_wire = server.received_requests().await.map_or(0, |r| r.len());
    assert_eq!(on_the_wire, 4, "nothing was sent during the lock");
}

#[tokio::test]
async fn a_429_with_a_lock_longer_than_the_retry_policy_allows_is_not_retried() {
    let server = people_server_refusing(1).await;
    let clock = RateLimitClock::simulated();
    let client = Client::builder()
        .base_url(server.uri())
        .allow_insecure_http(true)
        .credentials(Credentials::access_token("test-token"))
        .rate_limit_clock(clock.clone())
        .build()
        .expect("a client");

    let error = client.list_entities().send().await.expect_err("429");

    assert!(
        matches!(&error, Error::RetryAfterTooLong { wait, .. } if *wait == Duration::from_secs(300)),
        "{error:?}"
    );
    let on_the_wire = server.received_requests().await.map_or(0, |r| r.len());
    assert_eq!(on_the_wire, 1);
}

#[tokio::test]
async fn clients_built_on_one_budget_share_the_limit() {
    let server = people_server().await;
    let budget = RateLimitBudget::with_clock(RateLimitClock::simulated());
    let build = || {
        Client::builder()
            .base_url(server.uri())
            .allow_insecure_http(true)
            .credentials(Credentials::access_token("test-token"))
            .retry(RetryPolicy::none())
            .rate_limit_mode(RateLimitMode::FailFast)
            .rate_limit_budget(budget.clone())
            .build()
            .expect("a client")
    };
    let (first, second) = (build(), build());

    for _ in 0..15 {
        first.list_entities().send().await.expect("room");
        second.list_units().send().await.expect("room");
    }
    let error = first.list_divisions().send().await.expect_err("no room");
    assert!(matches!(error, Error::RateLimited { .. }), "{error:?}");
    assert_eq!(second.rate_limit_status().limits[0].used, 30);
}

#[tokio::test]
async fn a_budget_and_a_clock_together_are_refused() {
    let error = Client::builder()
        .credentials(Credentials::access_token("test-token"))
        .rate_limit_budget(RateLimitBudget::new())
        .rate_limit_clock(RateLimitClock::simulated())
        .build()
        .expect_err("one or the other");
    assert!(matches!(error, Error::Config { .. }), "{error:?}");
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
