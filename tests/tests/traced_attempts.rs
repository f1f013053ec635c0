//! Every attempt is a tracing span with the service, operation, attempt number, status and
//! latency; nothing traced carries a token, a secret, a query value or a body.

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use org_clients::runtime::RetryPolicy;
use org_clients::zoho_crm::{Client, Credentials};
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

impl Captured {
    fn text(&self) -> String {
        self.0
            .lock()
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
            .unwrap_or_default()
    }
}

#[tokio::test]
async fn attempts_are_traced_without_secrets() {
    const TOKEN: &str = "1000.very-secret-token";
    const BODY_SECRET: &str = "private-enrichment-detail";
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let server = MockServer::start().await;
    Mock::given(path("/crm/v7/__zia_org_enrichment/554023000004092135"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(path("/crm/v7/__zia_org_enrichment/554023000004092135"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            format!(r#"{{"__zia_org_enrichment": [{{"id": "554023000004092135", "status": "COMPLETED", "note": "{BODY_SECRET}"}}]}}"#),
            "application/json",
        ))
        .with_priority(2)
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .allow_insecure_http(true)
        .credentials(Credentials::access_token(TOKEN))
        .retry(RetryPolicy::default().backoff(Duration::from_millis(1), Duration::from_millis(2)))
        .build()
        .expect("a valid client configuration");

    client
        .get_org_enrichment("554023000004092135")
        .send()
        .await
        .expect("the retry succeeds");

    let traced = captured.text();
    for expected in [
        "service=\"zoho_crm\"",
        "operation=\"get_org_enrichment\"",
        "attempt=1",
        "attempt=2",
        "status=503",
        "status=200",
        "latency_ms=",
        "attempt failed; retrying",
    ] {
        assert!(
            traced.contains(expected),
            "`{expected}` not traced:\n{traced}"
        );
    }
    assert!(!traced.contains(TOKEN), "the token was traced:\n{traced}");
    assert!(
        !traced.contains("very-secret"),
        "part of the token was traced:\n{traced}"
    );
    assert!(
        !traced.contains(BODY_SECRET),
        "the body was traced:\n{traced}"
    );
}
