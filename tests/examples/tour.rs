//! A tour of the generated clients, with no credentials and no network: `cargo run --example
//! tour`. Every operation of every service is called against the service's local mock
//! (`<service>::mock`, the `mock` feature), which answers with the document's samples; then
//! a stream pages, a documented error comes back, a failed attempt is retried, and a
//! rate limit makes the client wait. It exits non-zero if any call fails, or if an
//! operation of a service was not called (so the tour keeps up with the specs).

use std::fmt::Debug;
use std::future::Future;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use futures::TryStreamExt;
use org_clients::runtime::RetryPolicy;
use org_clients::{help_scout, zoho_contracts, zoho_crm, zoho_inventory, zoho_people};

type Failure = Box<dyn std::error::Error>;

/// What the tour saw: calls made, and the ones that failed.
#[derive(Default)]
struct Tally {
    calls: usize,
    failed: Vec<String>,
}

impl Tally {
    /// Runs one call, printing what a user would see of its answer.
    async fn call<T: Debug, E: std::fmt::Display>(
        &mut self,
        label: &str,
        call: impl Future<Output = Result<T, E>>,
    ) {
        self.calls += 1;
        match call.await {
            Ok(answer) => println!("  {label}\n    -> {}", excerpt(&format!("{answer:?}"))),
            Err(error) => {
                println!("  {label}\n    -> FAILED: {error}");
                self.failed.push(label.to_owned());
            }
        }
    }

    /// The service's summary line; an operation left uncalled counts as a failure.
    fn summary(&mut self, service: &str, uncalled: &[&str], calls_before: usize) {
        let calls = self.calls - calls_before;
        for operation in uncalled {
            self.failed
                .push(format!("{service}::{operation} was not called"));
        }
        let verdict = if uncalled.is_empty() {
            "every operation called"
        } else {
            "SOME OPERATIONS NOT CALLED"
        };
        println!("  == {service}: {calls} calls, {verdict}\n");
    }
}

/// The first 110 characters of a `Debug` rendering, on one line.
fn excerpt(text: &str) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(110) {
        Some((cut, _)) => format!("{}...", &one_line[..cut]),
        None => one_line,
    }
}

async fn crm(tally: &mut Tally) -> Result<(), Failure> {
    println!("zoho_crm (Zoho CRM: Zia org enrichment)");
    let before = tally.calls;
    let server = zoho_crm::mock::MockServer::start().await;
    let client = server.client()?;
    tally
        .call(
            "client.list_org_enrichments().send()",
            client.list_org_enrichments().send(),
        )
        .await;
    tally
        .call(
            "client.get_org_enrichment(\"554023000004092135\").send()",
            client.get_org_enrichment("554023000004092135").send(),
        )
        .await;

    // The enrichment workflow: schedule a job, wait until it has run, read what it found.
    // The mock answers the first poll SCHEDULED, then the document's (COMPLETED) sample;
    // the client waits between polls on a simulated clock, so the tour does not.
    let clock = zoho_crm::RateLimitClock::simulated();
    let waiting = server
        .client_builder()
        .rate_limit_clock(clock.clone())
        .build()?;
    let mut based_on = zoho_crm::EnrichBasedOn::default();
    based_on.name = Some("zoho".into());
    based_on.website = Some("www.zoho.com".into());
    let body =
        zoho_crm::OrgEnrichmentRequest::new(vec![zoho_crm::EnrichmentRequest::new(based_on)]);
    tally
        .call(
            "client.create_org_enrichment(\"Accounts\", body).send()",
            waiting
                .create_org_enrichment("Accounts", body.clone())
                .send(),
        )
        .await;
    let scheduled = waiting
        .create_org_enrichment("Accounts", body)
        .send()
        .await?;
    let job_id = match scheduled.into_iter().next() {
        Some(Ok(job)) => job.details.id,
        Some(Err(error)) => return Err(error.into()),
        None => return Err("the mock scheduled no job".into()),
    };
    let mut scheduled_job = zoho_crm::OrgEnrichment::default();
    scheduled_job.status = Some(zoho_crm::EnrichmentStatus::Scheduled);
    server
        .on(waiting.get_org_enrichment(job_id.clone()))
        .respond(vec![scheduled_job])
        .times(1)
        .mount()
        .await;
    let polls_before = server.calls().await.len();
    tally
        .call(
            &format!("client.wait_for_org_enrichment(\"{job_id}\").send()"),
            waiting.wait_for_org_enrichment(job_id.clone()).send(),
        )
        .await;
    println!(
        "    ({} polls, {} s on the simulated clock)",
        server.calls().await.len() - polls_before,
        clock.elapsed().as_secs()
    );

    // A documented error: the mock answers the code's documented status and error body.
    server
        .on(client.get_org_enrichment("1"))
        .respond_error(
            zoho_crm::ErrorCode::NoPermission,
            "You do not have the Manage or View Data Enrichment permission.",
        )
        .times(1)
        .mount()
        .await;
    match client.get_org_enrichment("1").send().await {
        Err(error) => println!(
            "  a documented error: client.get_org_enrichment(\"1\") -> Err\n    code {:?}, status {:?}\n    {error}",
            error.code(),
            error.status()
        ),
        Ok(answer) => {
            tally
                .failed
                .push("the documented error came back as a success".into());
            println!("  expected an error, got {answer:?}");
        }
    }

    // A retry: the first attempt meets a 503, the second gets the sample.
    let retrying = server
        .client_builder()
        .retry(RetryPolicy::default().backoff(Duration::from_millis(50), Duration::from_millis(50)))
        .build()?;
    server
        .on(retrying
            .list_org_enrichments()
            .status(zoho_crm::EnrichmentStatus::Completed))
        .fault(zoho_crm::mock::Fault::Status(503))
        .times(1)
        .mount()
        .await;
    let calls_before = server.calls().await.len();
    let jobs = retrying
        .list_org_enrichments()
        .status(zoho_crm::EnrichmentStatus::Completed)
        .send()
        .await?;
    let attempts = server.calls().await.len() - calls_before;
    println!(
        "  a retry: the first attempt got 503, the call made {attempts} attempts and returned {} jobs",
        jobs.len()
    );

    // A rate limit: a 429 with `Retry-After: 1`, which the client waits out and retries.
    server
        .on(client.list_org_enrichments().per_page(5))
        .fault(zoho_crm::mock::Fault::TooManyRequests {
            retry_after: Duration::from_secs(1),
        })
        .times(1)
        .mount()
        .await;
    let started = Instant::now();
    let jobs = client.list_org_enrichments().per_page(5).send().await?;
    println!(
        "  a rate-limit wait: the service answered 429 (Retry-After: 1); the client waited {:.1} s and returned {} jobs",
        started.elapsed().as_secs_f64(),
        jobs.len()
    );
    tally.summary("zoho_crm", &server.uncalled().await, before);
    Ok(())
}

async fn contracts(tally: &mut Tally) -> Result<(), Failure> {
    println!("zoho_contracts (Zoho Contracts: organization)");
    let before = tally.calls;
    let server = zoho_contracts::mock::MockServer::start().await;
    let client = server.client()?;
    tally
        .call(
            "client.get_organization_info().send()",
            client.get_organization_info().send(),
        )
        .await;
    tally.summary("zoho_contracts", &server.uncalled().await, before);
    Ok(())
}

async fn inventory(tally: &mut Tally) -> Result<(), Failure> {
    println!("zoho_inventory (Zoho Inventory: organizations)");
    let before = tally.calls;
    let server = zoho_inventory::mock::MockServer::start().await;
    let client = server.client()?;
    let new = zoho_inventory::CreateOrganization::new("Zillium Inc", "USD", "PST", "zilluminc");
    tally
        .call(
            "client.create_organization(CreateOrganization::new(...)).send()",
            client.create_organization(new).send(),
        )
        .await;
    tally
        .call(
            "client.list_organizations().send()",
            client.list_organizations().send(),
        )
        .await;
    let mut change = zoho_inventory::UpdateOrganization::default();
    change.name = Some("Zillium Inc.".to_owned());
    tally
        .call(
            "client.update_organization(\"10234695\", change).send()",
            client.update_organization("10234695", change).send(),
        )
        .await;
    tally
        .call(
            "client.get_organization(\"10234695\").send()",
            client.get_organization("10234695").send(),
        )
        .await;
    tally.summary("zoho_inventory", &server.uncalled().await, before);
    Ok(())
}

async fn people(tally: &mut Tally) -> Result<(), Failure> {
    println!("zoho_people (Zoho People: organization records)");
    let before = tally.calls;
    let server = zoho_people::mock::MockServer::start().await;
    let client = server.client()?;
    let record = |name: &str| {
        let mut record = zoho_people::OrgRecord::default();
        record.name = Some(name.to_owned());
        record
    };
    // The document gives no sample answer for `list_units`: an expectation gives one.
    server
        .on(client.list_units())
        .respond(vec![record("Bangalore"), record("Chennai")])
        .mount()
        .await;
    tally
        .call(
            "client.list_units().send()  (answered by an expectation: the document has no sample)",
            client.list_units().send(),
        )
        .await;
    tally
        .call(
            "client.list_divisions().send()",
            client.list_divisions().send(),
        )
        .await;

    // A stream over three pages the mock serves in order.
    let page = |names: &[&str]| names.iter().map(|name| record(name)).collect::<Vec<_>>();
    server
        .on(client.list_entities())
        .respond_pages([
            page(&["Finance", "Legal"]),
            page(&["Sales"]),
            page(&["Support"]),
        ])
        .mount()
        .await;
    tally.calls += 1;
    let names: Vec<String> = client
        .list_entities()
        .stream()
        .map_ok(|record| record.name.unwrap_or_default())
        .try_collect()
        .await?;
    println!(
        "  a stream: client.list_entities().stream() -> {} records over 3 pages: {}",
        names.len(),
        names.join(", ")
    );

    tally.summary("zoho_people", &server.uncalled().await, before);
    Ok(())
}

async fn help_scout(tally: &mut Tally) -> Result<(), Failure> {
    println!("help_scout (Help Scout: organizations)");
    let before = tally.calls;
    let server = help_scout::mock::MockServer::start().await;
    let client = server.client()?;
    tally
        .call(
            "client.get_organization(1).send()",
            client.get_organization(1).send(),
        )
        .await;
    tally.summary("help_scout", &server.uncalled().await, before);
    Ok(())
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let mut tally = Tally::default();
    let services = [
        crm(&mut tally).await,
        contracts(&mut tally).await,
        inventory(&mut tally).await,
        people(&mut tally).await,
        help_scout(&mut tally).await,
    ];
    for error in services.into_iter().filter_map(Result::err) {
        tally.failed.push(error.to_string());
    }
    if tally.failed.is_empty() {
        println!("tour: {} calls, all as documented", tally.calls);
        ExitCode::SUCCESS
    } else {
        println!(
            "tour: {} calls, {} failed:",
            tally.calls,
            tally.failed.len()
        );
        for failure in &tally.failed {
            println!("  - {failure}");
        }
        ExitCode::FAILURE
    }
}
