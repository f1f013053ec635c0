//! What the generated client costs per call, against a hand-written `reqwest` +
//! `serde_json` call of the same request to the same local server, decoded into the same
//! type; and `stream()` across 1,000 pages. Its peak heap is the `stream_memory`
//! benchmark's.
//!
//! `cargo bench -p workspace-tests --bench client`; README ("Benchmarks") has today's
//! figures.
#![forbid(unsafe_code)]

use divan::Bencher;
use org_clients::zoho_crm::OrgEnrichment;
use serde::Deserialize;

mod support;
use support::{PAGES, Server, USER_AGENT, current_thread, stream_items};

fn main() {
    divan::main();
}

/// The generated client's `get_org_enrichment`.
#[divan::bench(sample_count = 200, sample_size = 20)]
fn generated_call(bencher: Bencher) {
    let runtime = current_thread();
    let server = Server::start(&runtime, PAGES);
    let client = server.crm_client();
    bencher.bench_local(|| {
        runtime.block_on(async {
            let found = client
                .get_org_enrichment("111112000000071191")
                .send()
                .await
                .expect("an enrichment");
            divan::black_box(found);
        })
    });
}

/// The body the hand-written call decodes: the same types the generated client uses.
#[derive(Deserialize)]
struct Enrichments {
    #[serde(rename = "__zia_org_enrichment")]
    items: Vec<OrgEnrichment>,
}

/// The same request by hand: `reqwest` with the same headers, `serde_json` into the same
/// type, a status check; no retries, limits, timeouts, redaction or tracing.
#[divan::bench(sample_count = 200, sample_size = 20)]
fn handwritten_call(bencher: Bencher) {
    // From the runtime's builder, as the README tells users, so that rustls has its
    // provider even when this benchmark runs alone (`--bench handwritten_call`).
    handwritten(bencher, org_clients::runtime::http_client_builder());
}

/// The hand-written call with the generated client's default timeouts (30 s a request,
/// 10 s to connect), as a careful hand-written call would set them: what is left between
/// this and `generated_call` is the client's own work.
#[divan::bench(sample_count = 200, sample_size = 20)]
fn handwritten_call_with_timeouts(bencher: Bencher) {
    handwritten(
        bencher,
        org_clients::runtime::http_client_builder()
            .timeout(std::time::Duration::from_secs(30))
            .connect_timeout(std::time::Duration::from_secs(10)),
    );
}

/// Times the hand-written request on a client from `builder`.
fn handwritten(bencher: Bencher, builder: reqwest::ClientBuilder) {
    let runtime = current_thread();
    let server = Server::start(&runtime, PAGES);
    let http = builder.build().expect("an HTTP client");
    let url = format!(
        "{}/crm/v7/__zia_org_enrichment/111112000000071191",
        server.url()
    );
    bencher.bench_local(|| {
        runtime.block_on(async {
            let response = http
                .get(&url)
                .header("authorization", "Zoho-oauthtoken bench-token")
                .header("accept", "application/json")
                .header("user-agent", USER_AGENT)
                .send()
                .await
                .expect("an answer")
                .error_for_status()
                .expect("a success");
            let bytes = response.bytes().await.expect("a body");
            let found: Enrichments = serde_json::from_slice(&bytes).expect("an enrichment");
            divan::black_box(found.items);
        })
    });
}

/// `stream()` across the server's 1,000 pages of ten jobs.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn stream_1000_pages(bencher: Bencher) {
    let runtime = current_thread();
    let server = Server::start(&runtime, PAGES);
    let client = server.crm_client();
    bencher.bench_local(|| runtime.block_on(stream_items(&client)));
}
