//! The generated clients when the network and the services misbehave, against a local
//! server: each test asserts the outcome and counts the requests the server saw.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use org_clients::runtime::{Error, RetryPolicy};
use org_clients::zoho_crm::{self, EnrichmentStatus};
use org_clients::{help_scout, zoho_inventory};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const LIST_PATH: &str = "/crm/v7/__zia_org_enrichment";

/// Fast retries: the waits are not what these tests are about.
fn quick_retries() -> RetryPolicy {
    RetryPolicy::default().backoff(Duration::from_millis(1), Duration::from_millis(5))
}

fn crm(base_url: &str, policy: RetryPolicy) -> zoho_crm::Client {
    // The client's own default overall timeout.
    crm_within(base_url, Duration::from_secs(120), policy)
}

/// A CRM client of `base_url` with a 300 ms request timeout, every call held to `total` in
/// all.
fn crm_within(base_url: &str, total: Duration, policy: RetryPolicy) -> zoho_crm::Client {
    zoho_crm::Client::builder()
        .base_url(base_url)
        .allow_insecure_http(true)
        .credentials(zoho_crm::Credentials::access_token("test-token"))
        .timeout(Duration::from_millis(300))
        .total_timeout(total)
        .retry(policy)
        .build()
        .expect("a valid client configuration")
}

/// A list call that must fail, its error and how long it took.
async fn failed_list(client: &zoho_crm::Client) -> (Error<zoho_crm::ErrorCode>, Duration) {
    let started = Instant::now();
    let error = client
        .list_org_enrichments()
        .send()
        .await
        .expect_err("the call fails");
    (error, started.elapsed())
}

fn one_job_page() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({
        "__zia_org_enrichment": [{
            "id": "111112000000071191",
            "status": "COMPLETED",
            "created_time": "2024-05-12T23:51:22Z",
            "created_by": { "id": "111112000000055001", "name": "Patricia Boyle" }
        }],
        "info": { "per_page": 200, "count": 1, "page": 1, "more_records": false }
    }))
}

/// Serves `first` `times` times, then `then` for good.
async fn mount_sequence(
    server: &MockServer,
    route: &str,
    first: ResponseTemplate,
    times: u64,
    then: ResponseTemplate,
) {
    Mock::given(path(route))
        .respond_with(first)
        .up_to_n_times(times)
        .with_priority(1)
        .mount(server)
        .await;
    Mock::given(path(route))
        .respond_with(then)
        .with_priority(2)
        .mount(server)
        .await;
}

async fn requests(server: &MockServer) -> usize {
    server.received_requests().await.map_or(0, |r| r.len())
}

#[tokio::test]
async fn a_429_with_retry_after_is_waited_out_then_retried() {
    let server = MockServer::start().await;
    let throttled = ResponseTemplate::new(429).insert_header("Retry-After", "1");
    mount_sequence(&server, LIST_PATH, throttled, 1, one_job_page()).await;

    let started = Instant::now();
    let jobs = crm(&server.uri(), quick_retries())
        .list_org_enrichments()
        .send()
        .await
        .expect("the retry succeeds");

    assert_eq!(jobs.len(), 1);
    assert_eq!(requests(&server).await, 2);
    assert!(
        started.elapsed() >= Duration::from_millis(950),
        "Retry-After: 1 was honoured"
    );
}

#[tokio::test]
async fn a_503_twice_then_success_takes_three_attempts() {
    let server = MockServer::start().await;
    mount_sequence(
        &server,
        LIST_PATH,
        ResponseTemplate::new(503),
        2,
        one_job_page(),
    )
    .await;

    let jobs = crm(&server.uri(), quick_retries())
        .list_org_enrichments()
        .send()
        .await
        .expect("the third attempt succeeds");

    assert_eq!(jobs.len(), 1);
    assert_eq!(requests(&server).await, 3);
}

#[tokio::test]
async fn help_scouts_rate_limit_header_is_honoured() {
    let server = MockServer::start().await;
    let throttled = ResponseTemplate::new(429).insert_header("X-RateLimit-Retry-After", "1");
    let organization =
        ResponseTemplate::new(200).set_body_json(json!({ "id": 10, "name": "Test Company" }));
    mount_sequence(&server, "/v2/organizations/10", throttled, 1, organization).await;
    let client = help_scout::Client::builder()
        .base_url(server.uri())
        .allow_insecure_http(true)
        .credentials(help_scout::Credentials::access_token("test-token"))
        .retry(quick_retries())
        .build()
        .expect("a valid client configuration");

    let started = Instant::now();
    let organization = client
        .get_organization(10)
        .send()
        .await
        .expect("the retry succeeds");

    assert_eq!(organization.name.as_deref(), Some("Test Company"));
    assert_eq!(requests(&server).await, 2);
    assert!(started.elapsed() >= Duration::from_millis(950));
}

#[tokio::test]
async fn a_retry_after_beyond_the_limit_fails_at_once_and_says_so() {
    let server = MockServer::start().await;
    Mock::given(path(LIST_PATH))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "120"))
        .mount(&server)
        .await;

    let error = crm(
        &server.uri(),
        quick_retries().max_retry_after(Duration::from_secs(30)),
    )
    .list_org_enrichments()
    .send()
    .await
    .expect_err("the wait is too long");

    assert!(
        matches!(&error, Error::RetryAfterTooLong { wait, limit, .. }
        if *wait == Duration::from_secs(120) && *limit == Duration::from_secs(30)),
        "{error:?}"
    );
    assert_eq!(error.status(), Some(429));
    let message = error.to_string();
    assert!(
        message.contains("120 s") && message.contains("30 s"),
        "{message}"
    );
    assert_eq!(requests(&server).await, 1);
}

fn inventory(base_url: &str, policy: RetryPolicy) -> zoho_inventory::Client {
    zoho_inventory::Client::builder()
        .base_url(base_url)
        .allow_insecure_http(true)
        .credentials(zoho_inventory::Credentials::access_token("test-token"))
        .retry(policy)
        .build()
        .expect("a valid client configuration")
}

fn new_organization() -> zoho_inventory::CreateOrganization {
    zoho_inventory::CreateOrganization::new("Zillium Inc", "USD", "PST", "zilluminc")
}

#[tokio::test]
async fn a_post_answered_503_is_not_retried_by_default() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;

    let error = inventory(&server.uri(), quick_retries())
        .create_organization(new_organization())
        .send()
        .await
        .expect_err("503");

    assert_eq!(error.status(), Some(503));
    assert_eq!(
        requests(&server).await,
        1,
        "creating twice could create two organizations"
    );
}

#[tokio::test]
async fn a_post_is_retried_when_the_caller_opts_in_for_the_call() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;

    let error = inventory(&server.uri(), RetryPolicy::none())
        .create_organization(new_organization())
        .retry(quick_retries().retry_non_idempotent(true).max_attempts(4))
        .send()
        .await
        .expect_err("503 every time");

    assert_eq!(error.status(), Some(503));
    assert_eq!(
        requests(&server).await,
        4,
        "the call's policy overrides the client's"
    );
}

#[tokio::test]
async fn retrying_can_be_turned_off() {
    let server = MockServer::start().await;
    Mock::given(path(LIST_PATH))
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;

    let error = crm(&server.uri(), RetryPolicy::none())
        .list_org_enrichments()
        .send()
        .await
        .expect_err("503");

    assert_eq!(error.status(), Some(503));
    assert_eq!(requests(&server).await, 1);
}

#[tokio::test]
async fn an_html_502_page_is_retried_then_reported_with_an_excerpt() {
    let server = MockServer::start().await;
    let page = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    Mock::given(path(LIST_PATH))
        .respond_with(ResponseTemplate::new(502).set_body_raw(page, "text/html"))
        .mount(&server)
        .await;

    let error = crm(&server.uri(), quick_retries())
        .list_org_enrichments()
        .send()
        .await
        .expect_err("502");

    let Error::UnexpectedStatus {
        status,
        content_type,
        excerpt,
        ..
    } = &error
    else {
        panic!("expected UnexpectedStatus, got {error:?}");
    };
    assert_eq!(*status, 502);
    assert_eq!(content_type.as_deref(), Some("text/html"));
    assert!(excerpt.contains("502 Bad Gateway"), "{excerpt}");
    assert_eq!(requests(&server).await, 3);
}

#[tokio::test]
async fn a_response_slower_than_the_timeout_is_retried_then_times_out() {
    let server = MockServer::start().await;
    Mock::given(path(LIST_PATH))
        .respond_with(one_job_page().set_delay(Duration::from_millis(800)))
        .mount(&server)
        .await;

    let error = crm(&server.uri(), quick_retries())
        .list_org_enrichments()
        .send()
        .await
        .expect_err("too slow");

    assert!(error.is_timeout(), "{error:?}");
    assert_eq!(requests(&server).await, 3);
}

#[tokio::test]
async fn the_overall_timeout_bounds_all_attempts_together() {
    let server = MockServer::start().await;
    Mock::given(path(LIST_PATH))
        .respond_with(one_job_page().set_delay(Duration::from_millis(800)))
        .mount(&server)
        .await;
    let policy = quick_retries().max_attempts(10);
    let client = crm_within(&server.uri(), Duration::from_millis(450), policy);

    let (error, took) = failed_list(&client).await;

    assert!(error.is_timeout(), "{error:?}");
    assert!(took < Duration::from_millis(700), "{took:?}");
    assert!(requests(&server).await <= 2);
}

/// The overall timeout is a deadline that the wait before a retry is held to as well: a
/// `Retry-After` longer than the time left ends the call when the time is up, not after the
/// wait, and no second request is sent.
#[tokio::test]
async fn a_retry_wait_past_the_overall_timeout_ends_the_call_at_the_deadline() {
    let server = MockServer::start().await;
    let unavailable = ResponseTemplate::new(503).insert_header("Retry-After", "3");
    mount_sequence(&server, LIST_PATH, unavailable, 1, one_job_page()).await;
    let client = crm_within(&server.uri(), Duration::from_millis(400), quick_retries());

    let (error, took) = failed_list(&client).await;

    assert!(error.is_timeout(), "{error:?}");
    assert!(took >= Duration::from_millis(390), "{took:?}");
    assert!(took < Duration::from_millis(2_000), "{took:?}");
    assert_eq!(requests(&server).await, 1);
}

#[tokio::test]
async fn a_truncated_json_body_is_a_decode_error_and_not_retried() {
    let server = MockServer::start().await;
    let truncated = r#"{"__zia_org_enrichment": [{"id": "111112000000071191", "status": "COMPL"#;
    Mock::given(path(LIST_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_raw(truncated, "application/json"))
        .mount(&server)
        .await;

    let error = crm(&server.uri(), quick_retries())
        .list_org_enrichments()
        .send()
        .await
        .expect_err("truncated");

    let Error::Decode { excerpt, .. } = &error else {
        panic!("expected Decode, got {error:?}");
    };
    assert!(
        excerpt.starts_with(r#"{"__zia_org_enrichment""#),
        "{excerpt}"
    );
    assert_eq!(requests(&server).await, 1);
}

#[tokio::test]
async fn a_204_on_a_list_is_an_empty_list() {
    let server = MockServer::start().await;
    Mock::given(path(LIST_PATH))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;

    let jobs = crm(&server.uri(), quick_retries())
        .list_org_enrichments()
        .send()
        .await
        .expect("204 is no data");

    assert!(jobs.is_empty());
    assert_eq!(requests(&server).await, 1);
}

#[tokio::test]
async fn an_error_body_of_no_documented_shape_is_reported_with_an_excerpt() {
    let server = MockServer::start().await;
    Mock::given(path(LIST_PATH))
        .respond_with(
            ResponseTemplate::new(400).set_body_json(json!({ "error": { "msg": "quota" } })),
        )
        .mount(&server)
        .await;

    let error = crm(&server.uri(), quick_retries())
        .list_org_enrichments()
        .send()
        .await
        .expect_err("400");

    let Error::UnexpectedStatus {
        status, excerpt, ..
    } = &error
    else {
        panic!("expected UnexpectedStatus, got {error:?}");
    };
    assert_eq!(*status, 400);
    assert!(excerpt.contains("quota"), "{excerpt}");
    assert_eq!(requests(&server).await, 1, "a 400 is not transient");
}

#[tokio::test]
async fn unknown_values_extra_fields_missing_optionals_and_nulls_decode() {
    let server = MockServer::start().await;
    Mock::given(path("/crm/v7/__zia_org_enrichment/554023000004092135"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "__zia_org_enrichment": [{
                "id": "554023000004092135",
                "status": "ARCHIVED",
                "added_next_year": { "anything": [1, 2, 3] },
                "enrich_based_on": null
            }],
            "also_new": true
        })))
        .mount(&server)
        .await;

    let details = crm(&server.uri(), quick_retries())
        .get_org_enrichment("554023000004092135")
        .send()
        .await
        .expect("tolerant decoding");

    assert_eq!(details.len(), 1);
    let status = details[0].status.as_ref().expect("a status");
    assert_eq!(*status, EnrichmentStatus::Unknown("ARCHIVED".into()));
    assert_eq!(status.to_string(), "ARCHIVED");
    assert!(details[0].enrich_based_on.is_none(), "null reads as absent");
    assert!(
        details[0].enriched_data.is_none(),
        "missing reads as absent"
    );
    assert_eq!(requests(&server).await, 1);
}

/// A server that answers every connection with headers promising 1000 bytes, sends 10,
/// and hangs up; it counts the connections.
async fn cut_off_server() -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a local port");
    let address = listener.local_addr().expect("an address");
    let connections = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&connections);
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            counter.fetch_add(1, Ordering::SeqCst);
            tokio::spawn(async move {
                let mut request = [0_u8; 4096];
                let _ = socket.read(&mut request).await;
                let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n";
                let _ = socket.write_all(head.as_bytes()).await;
                let _ = socket.write_all(br#"{"__zia_o"#).await;
                let _ = socket.shutdown().await;
            });
        }
    });
    (format!("http://{address}"), connections)
}

#[tokio::test]
async fn a_connection_cut_mid_body_is_retried_for_a_get() {
    let (base_url, connections) = cut_off_server().await;

    let error = crm(&base_url, quick_retries())
        .list_org_enrichments()
        .send()
        .await
        .expect_err("always cut");

    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
    assert_eq!(connections.load(Ordering::SeqCst), 3);
}

#[tokio::test]
async fn a_connection_cut_mid_body_is_not_retried_for_a_post() {
    let (base_url, connections) = cut_off_server().await;

    let error = inventory(&base_url, quick_retries())
        .create_organization(new_organization())
        .send()
        .await
        .expect_err("cut");

    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
    assert_eq!(
        connections.load(Ordering::SeqCst),
        1,
        "the POST may have been processed"
    );
}

#[tokio::test]
async fn a_refused_connection_is_retried_even_for_a_post() {
    // Nothing listens on the port at first (it was bound and released); a server starts
    // there 50 ms later. Only retrying after "connection refused" can reach it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port");
    let served = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&served);
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(50)).await;
        let Ok(listener) = TcpListener::bind(("127.0.0.1", port)).await else {
            return;
        };
        while let Ok((mut socket, _)) = listener.accept().await {
            counter.fetch_add(1, Ordering::SeqCst);
            let mut request = [0_u8; 8192];
            let _ = socket.read(&mut request).await;
            let body = r#"{"code":0,"message":"success","organization":{"organization_id":"10229182","name":"Zillium Inc","time_zone":"PST","account_created_date":"2012-02-15"}}"#;
            let answer = format!(
                "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = socket.write_all(answer.as_bytes()).await;
            let _ = socket.shutdown().await;
        }
    });

    let policy = RetryPolicy::default()
        .max_attempts(40)
        .backoff(Duration::from_millis(20), Duration::from_millis(20));
    let created = inventory(&format!("http://127.0.0.1:{port}"), policy)
        .create_organization(new_organization())
        .send()
        .await
        .expect("a later attempt connects");

    assert_eq!(created.organization_id, "10229182");
    assert_eq!(
        served.load(Ordering::SeqCst),
        1,
        "the POST itself was sent once"
    );
}

#[tokio::test]
async fn an_html_page_with_a_200_is_a_decode_error_naming_its_content_type() {
    let server = MockServer::start().await;
    Mock::given(path(LIST_PATH))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw("<html><body>Maintenance</body></html>", "text/html"),
        )
        .mount(&server)
        .await;

    let error = crm(&server.uri(), quick_retries())
        .list_org_enrichments()
        .send()
        .await
        .expect_err("HTML");

    let Error::Decode {
        message, excerpt, ..
    } = &error
    else {
        panic!("expected Decode, got {error:?}");
    };
    assert_eq!(
        message,
        "expected a JSON body, found `Content-Type: text/html`"
    );
    assert!(excerpt.contains("Maintenance"), "{excerpt}");
    assert_eq!(requests(&server).await, 1);
}

fn small_reader(base_url: &str) -> zoho_crm::Client {
    zoho_crm::Client::builder()
        .base_url(base_url)
        .allow_insecure_http(true)
        .credentials(zoho_crm::Credentials::access_token("test-token"))
        .retry(RetryPolicy::none())
        .max_response_bytes(1024)
        .build()
        .expect("a valid client configuration")
}

#[tokio::test]
async fn a_body_larger_than_the_limit_is_refused_by_its_length() {
    let server = MockServer::start().await;
    let big = format!(
        r#"{{"__zia_org_enrichment": [], "padding": "{}"}}"#,
        "x".repeat(4096)
    );
    Mock::given(path(LIST_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_raw(big, "application/json"))
        .mount(&server)
        .await;

    let error = small_reader(&server.uri())
        .list_org_enrichments()
        .send()
        .await
        .expect_err("too large");

    assert!(
        matches!(error, Error::ResponseTooLarge { limit: 1024, .. }),
        "{error:?}"
    );
    assert!(
        error.to_string().contains("larger than the 1024 bytes"),
        "{error}"
    );
}

#[tokio::test]
async fn a_chunked_body_without_a_length_is_cut_off_at_the_limit() {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a local port");
    let address = listener.local_addr().expect("an address");
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let mut request = [0_u8; 4096];
            let _ = socket.read(&mut request).await;
            let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
            let _ = socket.write_all(head.as_bytes()).await;
            // Far more than the limit, in chunks, with no length announced.
            for _ in 0..64 {
                let chunk = "y".repeat(512);
                let framed = format!("{:x}\r\n{chunk}\r\n", chunk.len());
                if socket.write_all(framed.as_bytes()).await.is_err() {
                    return;
                }
            }
            let _ = socket.write_all(b"0\r\n\r\n").await;
        }
    });

    let error = small_reader(&format!("http://{address}"))
        .list_org_enrichments()
        .send()
        .await
        .expect_err("too large");

    assert!(
        matches!(error, Error::ResponseTooLarge { limit: 1024, .. }),
        "{error:?}"
    );
}
