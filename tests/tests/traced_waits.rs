//! Every wait for a rate limit is a tracing event with the limit, its reason and its length
//! (the `rate_limited` feature fixture, over real HTTP with a simulated clock). Alone in its
//! test binary: tracing caches per callsite whether anyone listens, which tests running on
//! other threads without a subscriber would spoil.

use std::io::Write;
use std::sync::{Arc, Mutex};

use fixture_clients::rate_limited::{Client, Credentials, RateLimitClock};
use serde_json::json;
use wiremock::matchers::path;
use wiremock::{Mock, MockServer, ResponseTemplate};

/// Collects what the subscriber writes.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .map_err(|_| std::io::Error::other("poisoned"))?
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn every_wait_is_traced_with_its_reason_and_length() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let server = MockServer::start().await;
    Mock::given(path("/limited"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({ "id": 1 })))
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .allow_insecure_http(true)
        .credentials(Credentials::access_token("test-token"))
        .rate_limit_clock(RateLimitClock::simulated())
        .build()
        .expect("a client");

    for _ in 0..4 {
        client.get_limited().send().await.expect("an answer");
    }

    let text = captured
        .0
        .lock()
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .unwrap_or_default();
    let waits: Vec<&str> = text
        .lines()
        .filter(|line| line.contains("waiting for the rate limit"))
        .collect();
    assert_eq!(waits.len(), 1, "traced:\n{text}");
    assert!(
        waits[0].contains("limit=\"per_ten_seconds\"")
            || waits[0].contains("limit=per_ten_seconds"),
        "{}",
        waits[0]
    );
    assert!(
        waits[0].contains("the documented limit is used up"),
        "{}",
        waits[0]
    );
    assert!(waits[0].contains("wait_ms=10000"), "{}", waits[0]);
}
