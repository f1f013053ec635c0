//! The generated mocks used as a user would: no credentials, no network, typed expectations
//! on the real client, and an expectation left unmet failing the test.

use std::time::Duration;

use futures::TryStreamExt;
use org_clients::runtime::Error;
use org_clients::{help_scout, zoho_crm, zoho_inventory, zoho_people};

type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

fn job(id: &str, status: zoho_crm::EnrichmentStatus) -> zoho_crm::EnrichmentJob {
    let created = chrono::DateTime::parse_from_rfc3339("2024-05-12T23:51:22Z").unwrap_or_default();
    zoho_crm::EnrichmentJob::new(id, status, created, zoho_crm::CreatedBy::default())
}

fn record(name: &str) -> zoho_people::OrgRecord {
    let mut record = zoho_people::OrgRecord::default();
    record.name = Some(name.to_owned());
    record
}

/// A client whose retries wait milliseconds, not seconds.
fn quick_retries() -> org_clients::runtime::RetryPolicy {
    org_clients::runtime::RetryPolicy::default()
        .backoff(Duration::from_millis(1), Duration::from_millis(5))
}

#[tokio::test]
async fn every_operation_answers_with_its_documents_sample_by_default() -> Result {
    let crm = zoho_crm::mock::MockServer::start().await;
    let client = crm.client()?;
    let jobs = client.list_org_enrichments().send().await?;
    assert_eq!(jobs.len(), 2, "the document's sample lists two jobs");
    assert_eq!(jobs[1].status, zoho_crm::EnrichmentStatus::Scheduled);
    let details = client
        .get_org_enrichment("554023000004092135")
        .send()
        .await?;
    assert_eq!(details[0].id.as_deref(), Some("554023000004092135"));
    // The sample page is served as the last one: the stream ends.
    let streamed: Vec<_> = client.list_org_enrichments().stream().try_collect().await?;
    assert_eq!(streamed.len(), 2);
    assert_eq!(
        crm.calls().await,
        [
            "list_org_enrichments",
            "get_org_enrichment",
            "list_org_enrichments"
        ]
    );

    let inventory = zoho_inventory::mock::MockServer::start().await;
    let organizations = inventory.client()?.list_organizations().send().await?;
    assert!(!organizations.is_empty());
    Ok(())
}

#[tokio::test]
async fn an_expectation_matches_the_typed_parameters_and_answers_a_typed_payload() -> Result {
    let server = zoho_crm::mock::MockServer::start().await;
    let client = server.client()?;
    let completed = zoho_crm::EnrichmentStatus::Completed;
    server
        .on(client.list_org_enrichments().status(completed.clone()))
        .respond(vec![job("42", completed.clone())])
        .times(1)
        .mount()
        .await;

    // Another status is another call: the document's sample answers it.
    let scheduled = client
        .list_org_enrichments()
        .status(zoho_crm::EnrichmentStatus::Scheduled)
        .send()
        .await?;
    assert_eq!(scheduled.len(), 2);

    let mine = client
        .list_org_enrichments()
        .status(completed.clone())
        .per_page(10)
        .send()
        .await?;
    assert_eq!(mine, vec![job("42", completed)]);
    Ok(())
}

#[tokio::test]
async fn a_request_body_is_matched_by_its_json() -> Result {
    let server = zoho_inventory::mock::MockServer::start().await;
    let client = server.client()?;
    let wanted = zoho_inventory::CreateOrganization::new("Zillium Inc", "USD", "PST", "zilluminc");
    let mut created = zoho_inventory::Organization::new("460000000038080");
    created.name = Some("Zillium Inc".to_owned());
    server
        .on(client.create_organization(wanted.clone()))
        .respond(created.clone())
        .times(1)
        .mount()
        .await;

    let other = zoho_inventory::CreateOrganization::new("Other", "EUR", "CET", "otherorg");
    let answered = client.create_organization(other).send().await?;
    assert_ne!(answered, created, "another body gets the document's sample");
    assert_eq!(client.create_organization(wanted).send().await?, created);
    Ok(())
}

#[tokio::test]
async fn pages_are_served_in_order_to_stream() -> Result {
    let server = zoho_people::mock::MockServer::start().await;
    let client = server.client()?;
    server
        .on(client.list_entities())
        .respond_pages([
            vec![record("a"), record("b")],
            vec![record("c")],
            vec![record("d")],
        ])
        .mount()
        .await;
    let names: Vec<_> = client
        .list_entities()
        .stream()
        .map_ok(|r| r.name.unwrap_or_default())
        .try_collect()
        .await?;
    assert_eq!(names, ["a", "b", "c", "d"]);
    assert_eq!(server.calls().await.len(), 3, "one request per page");
    Ok(())
}

#[tokio::test]
async fn a_documented_error_comes_back_typed() -> Result {
    let server = zoho_crm::mock::MockServer::start().await;
    let client = server.client()?;
    server
        .on(client.get_org_enrichment("7"))
        .respond_error(zoho_crm::ErrorCode::NoPermission, "no permission")
        .mount()
        .await;
    let error = match client.get_org_enrichment("7").send().await {
        Err(error) => error,
        Ok(answer) => panic!("expected the documented error, got {answer:?}"),
    };
    assert_eq!(error.code(), Some(&zoho_crm::ErrorCode::NoPermission));
    assert_eq!(error.status(), Some(403), "the code's documented status");
    assert_eq!(error.message(), Some("no permission"));
    Ok(())
}

#[tokio::test]
async fn a_service_without_error_codes_gets_its_message() -> Result {
    let server = help_scout::mock::MockServer::start().await;
    let client = server.client()?;
    server
        .on(client.get_organization(5))
        .respond_error_status(404, help_scout::ErrorCode::Unknown(String::new()), "gone")
        .mount()
        .await;
    let error = client.get_organization(5).send().await.err();
    assert_eq!(error.as_ref().and_then(Error::status), Some(404));
    assert_eq!(error.as_ref().and_then(Error::message), Some("gone"));
    Ok(())
}

#[tokio::test]
async fn a_fault_once_is_retried_and_the_next_answer_wins() -> Result {
    let server = zoho_crm::mock::MockServer::start().await;
    let client = server.client_builder().retry(quick_retries()).build()?;
    server
        .on(client.get_org_enrichment("9"))
        .fault(zoho_crm::mock::Fault::Status(503))
        .times(1)
        .mount()
        .await;
    let details = client.get_org_enrichment("9").send().await?;
    assert!(!details.is_empty(), "the retry got the document's sample");
    assert_eq!(server.calls().await.len(), 2);
    Ok(())
}

#[tokio::test]
async fn too_many_requests_makes_the_client_wait() -> Result {
    let server = zoho_crm::mock::MockServer::start().await;
    let client = server.client_builder().retry(quick_retries()).build()?;
    server
        .on(client.list_org_enrichments())
        .fault(zoho_crm::mock::Fault::TooManyRequests {
            retry_after: Duration::from_secs(1),
        })
        .times(1)
        .mount()
        .await;
    let started = std::time::Instant::now();
    client.list_org_enrichments().send().await?;
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "waited {:?}",
        started.elapsed()
    );
    Ok(())
}

#[tokio::test]
async fn a_cut_body_is_a_decode_error_and_a_delay_a_timeout() -> Result {
    let server = zoho_crm::mock::MockServer::start().await;
    let client = server
        .client_builder()
        .retry(org_clients::runtime::RetryPolicy::none())
        .timeout(Duration::from_millis(200))
        .build()?;
    server
        .on(client.get_org_enrichment("1"))
        .fault(zoho_crm::mock::Fault::CutBody)
        .mount()
        .await;
    server
        .on(client.get_org_enrichment("2"))
        .delay(Duration::from_secs(2))
        .respond(Vec::new())
        .mount()
        .await;
    let cut = client.get_org_enrichment("1").send().await.err();
    assert!(matches!(cut, Some(Error::Decode { .. })), "{cut:?}");
    let slow = client.get_org_enrichment("2").send().await.err();
    assert!(slow.as_ref().is_some_and(Error::is_timeout), "{slow:?}");
    Ok(())
}

#[tokio::test]
async fn no_content_is_an_empty_list() -> Result {
    let server = zoho_crm::mock::MockServer::start().await;
    let client = server.client()?;
    server
        .on(client.list_org_enrichments())
        .respond_no_content()
        .mount()
        .await;
    assert!(client.list_org_enrichments().send().await?.is_empty());
    Ok(())
}

/// An expectation nobody meets fails the test when the server is dropped.
#[test]
fn an_unmet_expectation_fails_the_test() {
    let outcome = std::thread::spawn(|| {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        runtime.block_on(async {
            let server = zoho_crm::mock::MockServer::start().await;
            let client = server.client().expect("a client");
            server
                .on(client.get_org_enrichment("never-called"))
                .respond(Vec::new())
                .mount()
                .await;
            // A call the expectation does not match does not meet it.
            let _ = client.get_org_enrichment("another").send().await;
        });
    })
    .join();
    let panic = outcome.expect_err("dropping the server must fail on the unmet expectation");
    let message = panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_default();
    assert!(message.contains("get_org_enrichment"), "{message}");
}

/// `times(n)` means exactly n: one call too many is answered by the sample, and one too
/// few fails verification.
#[tokio::test]
async fn times_is_exact() -> Result {
    let server = zoho_crm::mock::MockServer::start().await;
    let client = server.client()?;
    server
        .on(client.get_org_enrichment("3"))
        .respond(Vec::new())
        .times(2)
        .mount()
        .await;
    assert!(client.get_org_enrichment("3").send().await?.is_empty());
    assert!(client.get_org_enrichment("3").send().await?.is_empty());
    assert!(!client.get_org_enrichment("3").send().await?.is_empty());
    server.verify().await;
    Ok(())
}
