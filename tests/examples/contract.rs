//! The contract runner `cargo xtask contract` starts: every operation of the generated
//! clients (`org_clients`), called over real HTTP against Prism mock servers that the xtask
//! started on the exported OpenAPI documents (`specs/openapi/<service>.yaml`).
//!
//! Not an example of using the crate (those are `generated-client/examples/`): a program
//! the xtask runs, kept among the test crate's examples so that `cargo test` compiles and
//! lints it with the test suite's dependencies and builds. By hand, with Prism listening:
//!
//! ```text
//! cargo run -p workspace-tests --example contract -- --rounds 5 zoho_crm=http://127.0.0.1:4010
//! ```
//!
//! Each operation is called `--rounds` times, each round with other valid arguments (the
//! required ones alone, every optional one, the bounds of each constraint, the values of
//! the value sets in turn), on a client of its own, so that the documented client-side rate limits
//! (People's 30 requests a minute) do not pace a run against a mock. A list operation that
//! pages is also streamed, up to [`STREAM_ITEMS`] items: the first page, and the next ones
//! while the pages are short and say more follow. Ids that another operation takes back
//! (a listed job, a created organization) are taken from the answers, so an id the
//! document lets a server send must be one it lets a client send back.
//!
//! A call passes when it returns `Ok`: Prism accepted the request (its request validation
//! answers what the document does not allow with a 4xx, `422` for a parameter or body,
//! `401` for missing credentials, which the client returns as an error) and the answer
//! decoded into the generated types.
//!
//! Output: a line per operation, `<service> <operation>: ok, N round(s)` or
//! `<service> <operation>: FAILED in K of N round(s)`, each failure on an indented line
//! after it; `cargo xtask contract` reads these lines. Exit code 1 when a call failed, 2
//! for bad arguments.
#![forbid(unsafe_code)]

use std::fmt::Display;
use std::future::Future;
use std::process::ExitCode;
use std::time::Duration;

use futures::{Stream, StreamExt, TryStreamExt};
use org_clients::runtime::{Credentials, Error, ErrorCode, RetryPolicy};

/// The access token every client sends. Prism checks that a credential is there and has
/// the document's form (`Bearer` for Help Scout), not its value; the token endpoints are
/// not in the documents, so the clients are given a fixed token rather than OAuth
/// credentials.
const TOKEN: &str = "contract-run-token";

/// How long one attempt may take; a local mock answers in milliseconds.
const TIMEOUT: Duration = Duration::from_secs(10);

/// The most items taken from a stream. Every page the stream fetches holds at least one
/// item (it stops at an empty page), so this bounds the pages too: a mock that always says
/// more records follow (a document's sample can) cannot keep a run going.
const STREAM_ITEMS: usize = 3;

/// How much of an error answer's body a failure shows, in characters.
const BODY_SHOWN: usize = 600;

/// What a run was asked for.
struct Args {
    rounds: usize,
    /// Each service with the base URL of its Prism.
    services: Vec<(String, String)>,
}

const USAGE: &str = "usage: contract [--rounds N] SERVICE=BASE_URL...";

impl Args {
    fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
        let mut parsed = Args {
            rounds: 1,
            services: Vec::new(),
        };
        while let Some(arg) = args.next() {
            if arg == "--rounds" {
                let value = args.next().ok_or("--rounds needs a number")?;
                parsed.rounds = value
                    .parse()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or(format!("--rounds takes a positive number, not `{value}`"))?;
            } else if let Some((service, url)) = arg.split_once('=') {
                parsed.services.push((service.to_owned(), url.to_owned()));
            } else {
                return Err(format!("unexpected argument `{arg}`"));
            }
        }
        if parsed.services.is_empty() {
            return Err("name at least one SERVICE=BASE_URL".into());
        }
        Ok(parsed)
    }
}

/// The outcome of one call of one operation.
struct Call {
    operation: &'static str,
    result: Result<(), String>,
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let args = match Args::parse(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(e) => {
            eprintln!("error: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut failed = false;
    for (service, base) in &args.services {
        let mut calls: Vec<Vec<Call>> = Vec::new();
        for round in 0..args.rounds {
            let made = match service.as_str() {
                "zoho_crm" => zoho_crm(base, round).await,
                "zoho_contracts" => zoho_contracts(base, round).await,
                "zoho_inventory" => zoho_inventory(base, round).await,
                "help_scout" => help_scout(base, round).await,
                "zoho_people" => zoho_people(base, round).await,
                other => {
                    eprintln!("error: the runner has no calls for the service `{other}`");
                    return ExitCode::from(2);
                }
            };
            calls.push(made);
        }
        failed |= report(service, &calls);
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Prints a line per operation of `service` (in the order of the first round), with the
/// failures of every round; returns whether any call failed.
fn report(service: &str, rounds: &[Vec<Call>]) -> bool {
    let operations: Vec<&str> = rounds
        .first()
        .map(|calls| calls.iter().map(|c| c.operation).collect())
        .unwrap_or_default();
    let mut failed = false;
    for operation in operations {
        let failures: Vec<(usize, &str)> = rounds
            .iter()
            .enumerate()
            .flat_map(|(round, calls)| {
                calls
                    .iter()
                    .filter(move |c| c.operation == operation)
                    .filter_map(move |c| c.result.as_ref().err().map(|e| (round, e.as_str())))
            })
            .collect();
        if failures.is_empty() {
            println!("{service} {operation}: ok, {} round(s)", rounds.len());
            continue;
        }
        failed = true;
        println!(
            "{service} {operation}: FAILED in {} of {} round(s)",
            failures.len(),
            rounds.len()
        );
        for (round, failure) in failures {
            println!("    round {round}: {}", failure.replace('\n', "\n      "));
        }
    }
    failed
}

/// Runs one call; its error, with what the server answered.
async fn call<C: ErrorCode>(
    operation: &'static str,
    run: impl Future<Output = Result<(), Error<C>>>,
) -> Call {
    let result = run.await.map_err(|error| {
        let mut text = error.to_string();
        if let Some(answer) = error.answer()
            && !answer.body.is_empty()
            && !text.contains(&answer.body)
        {
            let body: String = answer.body.chars().take(BODY_SHOWN).collect();
            let cut = if body.len() < answer.body.len() {
                " ..."
            } else {
                ""
            };
            text.push_str(&format!("\nthe body: {body}{cut}"));
        }
        text
    });
    Call { operation, result }
}

/// Takes up to [`STREAM_ITEMS`] items of a stream, failing at its first error.
async fn first_items<T, E>(stream: impl Stream<Item = Result<T, E>>) -> Result<Vec<T>, E> {
    stream.take(STREAM_ITEMS).try_collect().await
}

/// The settings every client of the run has: the mock's URL, plain HTTP, the fixed token,
/// no retries (an answer the client would retry is a failure here, not noise).
macro_rules! builder {
    ($service:ident, $base:expr) => {
        org_clients::$service::Client::builder()
            .base_url($base)
            .allow_insecure_http(true)
            .credentials(Credentials::access_token(TOKEN))
            .retry(RetryPolicy::none())
            .timeout(TIMEOUT)
    };
}

/// `items[round]`, cycling.
fn pick<T: Clone>(items: &[T], round: usize) -> T {
    items[round % items.len()].clone()
}

fn text(value: impl Display) -> Option<String> {
    Some(value.to_string())
}

async fn zoho_crm(base: &str, round: usize) -> Vec<Call> {
    use org_clients::zoho_crm::{EnrichmentStatus, SortBy, SortOrder};
    let statuses = [
        EnrichmentStatus::Completed,
        EnrichmentStatus::Scheduled,
        EnrichmentStatus::Failed,
        EnrichmentStatus::DataNotFound,
    ];
    // The job `get_org_enrichment` asks for: the first listed, else the document's.
    let mut job_id = String::from("554023000004092135");
    let list = call("list_org_enrichments", async {
        let client = builder!(zoho_crm, base).build()?;
        let mut request = client.list_org_enrichments();
        // Round 0 sends no parameter; the others each status in turn, with other settings.
        request = match round % 5 {
            0 => request,
            // Every optional parameter, `page` and `per_page` at their lower bounds.
            1 => request
                .page(1)
                .per_page(1)
                .sort_by(SortBy::CreatedTime)
                .sort_order(SortOrder::Asc)
                .status(statuses[0].clone()),
            // `per_page` at its upper bound.
            2 => request
                .page(2)
                .per_page(100)
                .sort_order(SortOrder::Desc)
                .status(statuses[1].clone()),
            n => request.status(statuses[n - 1].clone()),
        };
        let jobs = request.clone().send().await?;
        if let Some(job) = jobs.first() {
            job_id = job.id.clone();
        }
        first_items(request.stream()).await?;
        Ok(())
    })
    .await;
    let get = call("get_org_enrichment", async {
        let client = builder!(zoho_crm, base).build()?;
        client.get_org_enrichment(job_id).send().await?;
        Ok(())
    })
    .await;
    let create = call("create_org_enrichment", async {
        use org_clients::zoho_crm::{EnrichBasedOn, EnrichmentRequest, OrgEnrichmentRequest};
        let client = builder!(zoho_crm, base).build()?;
        // Round by round: the document's sample input, then one key at a time, each at
        // its three-character minimum, and a record id.
        let mut based_on = EnrichBasedOn::default();
        match round % 4 {
            0 => {
                based_on.name = Some("zoho".into());
                based_on.email = Some("sales@zohocorp.com".into());
                based_on.website = Some("www.zoho.com".into());
            }
            1 => based_on.name = Some("abc".into()),
            2 => based_on.email = Some("a@b.co".into()),
            _ => based_on.website = Some("x.io".into()),
        }
        let body = OrgEnrichmentRequest::new(vec![EnrichmentRequest::new(based_on)]);
        let mut request = client.create_org_enrichment("Accounts", body);
        if round % 2 == 1 {
            request = request.record_id("111112000000071191");
        }
        // One result per item: each is `Ok` or an error the item itself reports, and
        // either means the answer decoded.
        request.send().await?;
        Ok(())
    })
    .await;
    vec![list, get, create]
}

async fn zoho_contracts(base: &str, _round: usize) -> Vec<Call> {
    let get = call("get_organization_info", async {
        let client = builder!(zoho_contracts, base).build()?;
        client.get_organization_info().send().await?;
        Ok(())
    })
    .await;
    vec![get]
}

async fn zoho_inventory(base: &str, round: usize) -> Vec<Call> {
    use org_clients::zoho_inventory::{
        Address, CreateOrganization, CustomField, Month, UpdateOrganization,
    };
    let months = [
        Month::January,
        Month::February,
        Month::March,
        Month::April,
        Month::May,
        Month::June,
        Month::July,
        Month::August,
        Month::September,
        Month::October,
        Month::November,
        Month::December,
    ];
    let mut address = Address::default();
    address.street_address1 = text("4141 Hacienda Drive");
    address.street_address2 = text("Suite 100");
    address.city = text("Pleasanton");
    address.state = text("California");
    address.country = text("U.S.A");
    address.zip = text("94588");
    // The common parameter, every other round.
    let client = || {
        let builder = builder!(zoho_inventory, base);
        if round % 2 == 1 {
            builder.query_organization_id("10234695").build()
        } else {
            builder.build()
        }
    };
    // The organization `update_organization` and `get_organization` ask for: the one
    // created, else the document's.
    let mut organization_id = String::from("10229182");
    let create = call("create_organization", async {
        let client = client()?;
        // `portal_name`: 5 to 30 letters and digits.
        let portal = pick(
            &["zilluminc", "abcde", "Zillium2024Inventory0123456789"],
            round,
        );
        let mut body = CreateOrganization::new("Zillium Inc", "USD", "PST", portal);
        if !round.is_multiple_of(3) {
            body.fiscal_year_start_month = Some(pick(&months, round));
            body.date_format = text("dd MMM yyyy");
            body.field_separator = text(" ");
            body.language_code = text("en");
            body.industry_type = text("Services");
            body.industry_size = text("small scale");
            body.org_address = text("4141 Hacienda Drive, Pleasanton");
            body.remit_to_address = text("4141 Hacienda Drive, Pleasanton");
            body.address = Some(vec![address.clone()]);
        }
        let created = client.create_organization(body).send().await?;
        organization_id = created.organization_id;
        Ok(())
    })
    .await;
    let list = call("list_organizations", async {
        client()?.list_organizations().send().await?;
        Ok(())
    })
    .await;
    let update = call("update_organization", async {
        let client = client()?;
        // `UpdateOrganization` is non-exhaustive: made from its default, field by field.
        let mut body = UpdateOrganization::default();
        if !round.is_multiple_of(3) {
            let mut field = CustomField::default();
            field.index = Some(1.0);
            field.label = text("Region");
            field.value = text("West");
            body.name = text("Zillium Inc");
            body.fiscal_year_start_month = Some(pick(&months, round + 6));
            body.is_logo_uploaded = Some(round.is_multiple_of(2));
            body.time_zone = text("PST");
            body.date_format = text("dd MMM yyyy");
            body.field_separator = text(" ");
            body.language_code = text("en");
            body.org_address = text("4141 Hacienda Drive, Pleasanton");
            body.remit_to_address = text("4141 Hacienda Drive, Pleasanton");
            body.address = Some(vec![address.clone()]);
            body.contact_name = text("John Smith");
            body.phone = text("+1 925 924 9500");
            body.fax = text("+1 925 924 9501");
            body.website = text("https://www.zylker.com");
            body.email = text("johndavid@zilliuminc.com");
            body.currency_id = text("982000000000190");
            body.companyid_label = text("Company ID");
            body.companyid_value = text("C-1");
            body.taxid_label = text("Tax ID");
            body.taxid_value = text("T-1");
            body.custom_fields = Some(vec![field]);
        }
        client
            .update_organization(organization_id.clone(), body)
            .send()
            .await?;
        Ok(())
    })
    .await;
    let get = call("get_organization", async {
        client()?
            .get_organization(organization_id.clone())
            .send()
            .await?;
        Ok(())
    })
    .await;
    vec![create, list, update, get]
}

async fn help_scout(base: &str, round: usize) -> Vec<Call> {
    let get = call("get_organization", async {
        let client = builder!(help_scout, base).build()?;
        let mut request = client.get_organization(pick(&[10, 1, 4_294_967_296], round));
        if !round.is_multiple_of(4) {
            request = request
                .include_counts(round % 2 == 1)
                .include_properties(round % 4 != 3);
        }
        request.send().await?;
        Ok(())
    })
    .await;
    vec![get]
}

async fn zoho_people(base: &str, round: usize) -> Vec<Call> {
    use org_clients::zoho_people::TagStatus;
    // `offset` counts pages from 1; `limit` is 1 to 200.
    let (offset, limit, tagged) = match round % 4 {
        0 => (None, None, None),
        1 => (Some(1), Some(1), Some(TagStatus::Unmapped)),
        2 => (Some(3), Some(200), Some(TagStatus::Mapped)),
        _ => (None, Some(50), None),
    };
    macro_rules! list {
        ($operation:ident) => {
            call(stringify!($operation), async {
                let client = builder!(zoho_people, base).build()?;
                let mut request = client.$operation();
                if let Some(offset) = offset {
                    request = request.offset(offset);
                }
                if let Some(limit) = limit {
                    request = request.limit(limit);
                }
                if let Some(tagged) = tagged.clone() {
                    request = request.is_tagged(tagged);
                }
                request.clone().send().await?;
                first_items(request.stream()).await?;
                Ok(())
            })
        };
    }
    vec![
        list!(list_entities).await,
        list!(list_units).await,
        list!(list_divisions).await,
    ]
}
