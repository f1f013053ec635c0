//! End to end, over real HTTP to a local server: the Zia enrichment workflow of the
//! generated Zoho CRM client. `create_org_enrichment` (transcribed from
//! specs/sources/zoho_crm_create_org_enrichment.md) with its per-item answer, then
//! `wait_for_org_enrichment` polling `get_org_enrichment` on a simulated clock, then the
//! job's details.

mod e2e_support;

use std::time::Duration;

use org_clients::zoho_crm::{
    Client, Credentials, EnrichBasedOn, EnrichmentRequest, EnrichmentStatus, Error, ErrorCode,
    OrgEnrichmentRequest, RateLimitClock, RetryPolicy,
};
use serde_json::json;
use wiremock::matchers::{body_json, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use e2e_support::*;

const CREATE_PATH: &str = "/crm/v7/__zia_org_enrichment";
const JOB_ID: &str = "111112000000071191";

/// The create page's "Sample Input", markdown escapes removed.
const SAMPLE_INPUT: &str = r#"{
    "__zia_org_enrichment": [
        {
            "enrich_based_on": {
                "name": "zoho",
                "email": "sales@zohocorp.com",
                "website": "www.zoho.com"
            }
        }
    ]
}"#;

/// The create page's "Sample Response", markdown escapes removed.
const SAMPLE_RESPONSE: &str = r#"{
    "__zia_org_enrichment": [
        {
            "code": "SCHEDULED",
            "details": {
                "id": "111112000000071191"
            },
            "message": "Org Enrichment scheduled successfully",
            "status": "success"
        }
    ]
}"#;

fn client_on(server: &MockServer, clock: &RateLimitClock) -> Client {
    Client::builder()
        .base_url(server.uri())
        .allow_insecure_http(true)
        .credentials(Credentials::access_token(TOKEN))
        .timeout(TIMEOUT)
        // One answer per call: these tests count requests.
        .retry(RetryPolicy::none())
        .rate_limit_clock(clock.clone())
        .build()
        .expect("a valid client configuration")
}

fn sample_body() -> OrgEnrichmentRequest {
    let mut based_on = EnrichBasedOn::default();
    based_on.name = Some("zoho".into());
    based_on.email = Some("sales@zohocorp.com".into());
    based_on.website = Some("www.zoho.com".into());
    OrgEnrichmentRequest::new(vec![EnrichmentRequest::new(based_on)])
}

/// A job as `get_org_enrichment` answers it, in `status`.
fn job(status: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({
        "__zia_org_enrichment": [{ "id": JOB_ID, "status": status }]
    }))
}

async fn mount_job_states(server: &MockServer, states: &[&str], last: &str) {
    // Earlier mounts answer first; each of the leading states answers once.
    for state in states {
        Mock::given(method("GET"))
            .and(path(format!("{CREATE_PATH}/{JOB_ID}")))
            .respond_with(job(state))
            .up_to_n_times(1)
            .mount(server)
            .await;
    }
    Mock::given(method("GET"))
        .and(path(format!("{CREATE_PATH}/{JOB_ID}")))
        .respond_with(job(last))
        .mount(server)
        .await;
}

async fn polls(server: &MockServer) -> usize {
    received_on(server, &format!("{CREATE_PATH}/{JOB_ID}"))
        .await
        .len()
}

#[tokio::test]
async fn create_posts_the_sample_input_with_the_module_and_decodes_the_sample_response() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(CREATE_PATH))
        .and(query_param("module", "Accounts"))
        .and(body_json(sample(SAMPLE_INPUT)))
        .respond_with(ResponseTemplate::new(202).set_body_raw(SAMPLE_RESPONSE, "application/json"))
        .expect(1)
        .mount(&server)
        .await;
    let clock = RateLimitClock::simulated();

    let results = client_on(&server, &clock)
        .create_org_enrichment("Accounts", sample_body())
        .send()
        .await
        .expect("the sample response decodes");

    let request = only_request(&server).await;
    assert_zoho_request(
        &request,
        "POST",
        CREATE_PATH,
        Some("module=Accounts"),
        ZOHO_AUTH,
    );
    assert_eq!(results.len(), 1);
    let scheduled = results[0].as_ref().expect("the item succeeded");
    assert_eq!(scheduled.code, "SCHEDULED");
    assert_eq!(scheduled.details.id, JOB_ID);
    assert_eq!(
        scheduled.message.as_deref(),
        Some("Org Enrichment scheduled successfully")
    );
}

#[tokio::test]
async fn a_failed_item_is_an_api_error_of_its_own_beside_the_items_that_succeeded() {
    let server = MockServer::start().await;
    let body = json!({ "__zia_org_enrichment": [
        { "code": "SCHEDULED", "details": { "id": JOB_ID }, "message": "ok", "status": "success" },
        { "code": "INVALID_DATA",
          "details": { "api_name": "name", "json_path": "$.__zia_org_enrichment[1].enrich_based_on.name" },
          "message": "invalid data", "status": "error" },
        // The page's key list says `status` is a boolean: that form of success is taken too.
        { "code": "SCHEDULED", "details": { "id": "111112000000071192" }, "status": true },
    ]});
    Mock::given(method("POST"))
        .and(path(CREATE_PATH))
        .respond_with(ResponseTemplate::new(202).set_body_json(body))
        .mount(&server)
        .await;

    let results = client_on(&server, &RateLimitClock::simulated())
        .create_org_enrichment("Accounts", sample_body())
        .send()
        .await
        .expect("a per-item answer");

    assert_eq!(results.len(), 3);
    assert_eq!(
        results[0].as_ref().expect("first succeeded").details.id,
        JOB_ID
    );
    let error = results[1].as_ref().expect_err("second failed");
    assert_eq!(error.code(), Some(&ErrorCode::InvalidData));
    assert_eq!(error.message(), Some("invalid data"));
    assert_eq!(error.status(), Some(202));
    match error {
        Error::Api(api) => assert_eq!(
            api.details.as_ref().and_then(|d| d.get("api_name")),
            Some(&json!("name"))
        ),
        other => panic!("expected an API error, got {other:?}"),
    }
    assert_eq!(
        results[2].as_ref().expect("boolean success").details.id,
        "111112000000071192"
    );
}

#[tokio::test]
async fn an_error_answer_listing_items_fails_with_its_first_failed_items_code() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(CREATE_PATH))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({
            "__zia_org_enrichment": [{
                "code": "EXPECTED_FIELD_MISSING",
                "details": { "expected_fields": [{ "api_name": "name" }] },
                "message": "expected field missing",
                "status": "error"
            }]
        })))
        .mount(&server)
        .await;

    let error = client_on(&server, &RateLimitClock::simulated())
        .create_org_enrichment("Accounts", OrgEnrichmentRequest::new(Vec::new()))
        .send()
        .await
        .expect_err("a 400");

    assert_eq!(error.code(), Some(&ErrorCode::ExpectedFieldMissing));
    assert_eq!(error.status(), Some(400));
    assert_eq!(error.message(), Some("expected field missing"));
    // The service's own error body still reads as before: the shape is tried first.
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(CREATE_PATH))
        .respond_with(zoho_error(
            401,
            "OAUTH_SCOPE_MISMATCH",
            "invalid oauth scope",
            json!({}),
        ))
        .mount(&server)
        .await;
    let error = client_on(&server, &RateLimitClock::simulated())
        .create_org_enrichment("Accounts", sample_body())
        .send()
        .await
        .expect_err("a 401");
    assert_eq!(error.code(), Some(&ErrorCode::OauthScopeMismatch));
}

#[tokio::test]
async fn a_successful_item_that_does_not_decode_names_its_place() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(CREATE_PATH))
        .respond_with(ResponseTemplate::new(202).set_body_json(json!({
            "__zia_org_enrichment": [{ "code": "SCHEDULED", "details": {}, "status": "success" }]
        })))
        .mount(&server)
        .await;

    let results = client_on(&server, &RateLimitClock::simulated())
        .create_org_enrichment("Accounts", sample_body())
        .send()
        .await
        .expect("the list decodes");

    match &results[0] {
        Err(Error::Decode { path, message, .. }) => {
            assert_eq!(path, "$.__zia_org_enrichment[0].details");
            assert!(message.contains("missing field `id`"), "{message}");
        }
        other => panic!("expected a decode error of the item, got {other:?}"),
    }
}

#[tokio::test]
async fn create_then_wait_then_get_polls_until_the_job_leaves_scheduled() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(CREATE_PATH))
        .respond_with(ResponseTemplate::new(202).set_body_raw(SAMPLE_RESPONSE, "application/json"))
        .mount(&server)
        .await;
    mount_job_states(&server, &["SCHEDULED", "SCHEDULED"], "COMPLETED").await;
    let clock = RateLimitClock::simulated();
    let client = client_on(&server, &clock);

    let results = client
        .create_org_enrichment("Accounts", sample_body())
        .send()
        .await
        .expect("scheduled");
    let job_id = results[0]
        .as_ref()
        .expect("the item succeeded")
        .details
        .id
        .clone();
    let done = client
        .wait_for_org_enrichment(job_id.clone())
        .send()
        .await
        .expect("the job completes");
    let details = client
        .get_org_enrichment(job_id)
        .send()
        .await
        .expect("the job's details");

    assert_eq!(done[0].status, Some(EnrichmentStatus::Completed));
    assert_eq!(details[0].id.as_deref(), Some(JOB_ID));
    // Three polls (SCHEDULED, SCHEDULED, COMPLETED), then the fetch: the spec's 10 s, then
    // 20 s, passed on the simulated clock.
    assert_eq!(polls(&server).await, 4);
    assert_eq!(clock.elapsed(), Duration::from_secs(30));
}

#[tokio::test]
async fn a_failed_job_ends_the_wait_with_its_state() {
    let server = MockServer::start().await;
    mount_job_states(&server, &["SCHEDULED"], "FAILED").await;
    let clock = RateLimitClock::simulated();

    let error = client_on(&server, &clock)
        .wait_for_org_enrichment(JOB_ID)
        .send()
        .await
        .expect_err("the job failed");

    match &error {
        Error::WaitFailed {
            waiter,
            operation,
            state,
        } => {
            assert_eq!(*waiter, "org_enrichment");
            assert_eq!(*operation, "get_org_enrichment");
            assert_eq!(state, "FAILED");
        }
        other => panic!("expected WaitFailed, got {other:?}"),
    }
    assert_eq!(
        error.to_string(),
        "zoho_crm get_org_enrichment: waiting for `org_enrichment`: the job failed, in state `FAILED`"
    );
    assert_eq!(polls(&server).await, 2);
}

#[tokio::test]
async fn data_not_found_is_final_and_returns_the_answer() {
    let server = MockServer::start().await;
    mount_job_states(&server, &[], "DATA_NOT_FOUND").await;

    let done = client_on(&server, &RateLimitClock::simulated())
        .wait_for_org_enrichment(JOB_ID)
        .send()
        .await
        .expect("a final state");

    assert_eq!(done[0].status, Some(EnrichmentStatus::DataNotFound));
    assert_eq!(polls(&server).await, 1);
}

#[tokio::test]
async fn the_deadline_ends_the_wait_with_the_last_state_and_a_state_nobody_listed_keeps_it_going() {
    let server = MockServer::start().await;
    // A state the document does not list means "poll again", as SCHEDULED does.
    mount_job_states(&server, &["IN_PROGRESS"], "SCHEDULED").await;
    let clock = RateLimitClock::simulated();

    let error = client_on(&server, &clock)
        .wait_for_org_enrichment(JOB_ID)
        .interval(Duration::from_secs(10))
        .max_interval(Duration::from_secs(20))
        .deadline(Duration::from_secs(60))
        .send()
        .await
        .expect_err("the deadline passes");

    match &error {
        Error::WaitDeadline { waited, state, .. } => {
            assert_eq!(*waited, Duration::from_secs(60));
            assert_eq!(state.as_deref(), Some("SCHEDULED"));
        }
        other => panic!("expected WaitDeadline, got {other:?}"),
    }
    // Polls at 0, 10, 30 (10 + 20), 50 (+20, the longest interval), and one last at 60.
    assert_eq!(polls(&server).await, 5);
    assert_eq!(clock.elapsed(), Duration::from_secs(60));
}

#[tokio::test]
async fn an_error_of_a_poll_ends_the_wait_with_that_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("{CREATE_PATH}/{JOB_ID}")))
        .respond_with(zoho_error(403, "NO_PERMISSION", "no permission", json!({})))
        .mount(&server)
        .await;

    let error = client_on(&server, &RateLimitClock::simulated())
        .wait_for_org_enrichment(JOB_ID)
        .send()
        .await
        .expect_err("a 403");

    assert_eq!(error.code(), Some(&ErrorCode::NoPermission));
    assert_eq!(polls(&server).await, 1);
}

#[tokio::test]
async fn dropping_the_wait_stops_the_polling() {
    let server = MockServer::start().await;
    mount_job_states(&server, &[], "SCHEDULED").await;
    // The real clock, with short intervals: the wait is cut short by a timeout.
    let client = client_on(&server, &RateLimitClock::real());

    let cut = tokio::time::timeout(
        Duration::from_millis(130),
        client
            .wait_for_org_enrichment(JOB_ID)
            .interval(Duration::from_millis(50))
            .max_interval(Duration::from_millis(50))
            .send(),
    )
    .await;
    assert!(cut.is_err(), "the wait was still polling");
    let when_dropped = polls(&server).await;
    tokio::time::sleep(Duration::from_millis(200)).await;

    assert!((2..=4).contains(&when_dropped), "{when_dropped} polls");
    assert_eq!(polls(&server).await, when_dropped, "polled after the drop");
}

#[tokio::test]
async fn the_typed_mock_answers_create_and_the_waiter_with_the_documents_samples() {
    use org_clients::zoho_crm::mock::MockServer;
    let server = MockServer::start().await;
    let client = server.client().expect("a mock client");
    // Matches only the sample input (the body is compared as JSON), answering by default.
    server
        .on(client.create_org_enrichment("Accounts", sample_body()))
        .times(1)
        .mount()
        .await;

    let results = client
        .create_org_enrichment("Accounts", sample_body())
        .send()
        .await
        .expect("the sample");
    // The seed's sample of a specific enrichment is COMPLETED: the wait ends at once.
    let done = client
        .wait_for_org_enrichment(JOB_ID)
        .send()
        .await
        .expect("the sample job");

    assert_eq!(results[0].as_ref().expect("scheduled").details.id, JOB_ID);
    assert_eq!(done[0].status, Some(EnrichmentStatus::Completed));
    server.verify().await;
}

#[tokio::test]
async fn a_value_under_three_characters_deep_in_the_body_is_refused_before_sending() {
    let server = MockServer::start().await;
    let mut based_on = EnrichBasedOn::default();
    based_on.name = Some("zo".into());
    let body = OrgEnrichmentRequest::new(vec![EnrichmentRequest::new(based_on)]);

    let error = client_on(&server, &RateLimitClock::simulated())
        .create_org_enrichment("Accounts", body)
        .send()
        .await
        .expect_err("refused locally");

    match &error {
        Error::InvalidRequest {
            parameter, reason, ..
        } => {
            assert_eq!(*parameter, "__zia_org_enrichment[].enrich_based_on.name");
            assert!(reason.contains("at least 3"), "{reason}");
        }
        other => panic!("expected InvalidRequest, got {other:?}"),
    }
    assert_nothing_sent(&server).await;
}
