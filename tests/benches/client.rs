//! What the generated client costs per call, against a hand-written `reqwest` +
//! `serde_json` call of the same request to the same local server, decoded into the same
//! type; and `stream()` across 1,000 pages, with the peak heap it takes (which must not
//! grow with the number of pages).
//!
//! `cargo bench -p workspace-tests --bench client`; README ("Benchmarks") has today's
//! figures. The server is a few lines over a TCP socket, answering canned bodies with
//! keep-alive, so that it costs as little as possible of what is measured.
#![forbid(unsafe_code)]

use std::net::SocketAddr;

use divan::Bencher;
use futures::TryStreamExt;
use org_clients::runtime::Credentials;
use org_clients::zoho_crm::{Client, OrgEnrichment};
use peak_alloc::PeakAlloc;
use serde::Deserialize;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[global_allocator]
static HEAP: PeakAlloc = PeakAlloc;

/// Both calls send it, so that both put the same bytes on the wire.
const USER_AGENT: &str = "client-bench/1.0";

/// How many pages the server's list has.
const PAGES: usize = 1_000;

fn main() {
    divan::main();
    println!("\npeak heap while streaming, above what was in use before:");
    for pages in [10, 100, PAGES] {
        let runtime = current_thread();
        let client = Server::start(&runtime, pages).crm_client();
        HEAP.reset_peak_usage();
        let before = HEAP.current_usage();
        let items = runtime.block_on(stream_items(&client));
        let peak = HEAP.peak_usage().saturating_sub(before);
        println!(
            "  {pages:>5} pages ({items:>5} items): {:>7.1} KiB",
            peak as f64 / 1024.0
        );
    }
}

fn current_thread() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime")
}

/// One enrichment, as the document's sample has it.
const ENRICHMENT: &str = r#"{"__zia_org_enrichment":[{"id":"111112000000071191","status":"COMPLETED","created_time":"2024-05-12T23:51:22Z","created_by":{"id":"111112000000055001","name":"Patricia Boyle"},"enrich_based_on":{"name":"ABC","website":"www.zoho.com"},"enriched_data":{"name":"Zoho","website":"www.zoho.com","description":"Zoho is a software company.","address":[{"city":"Chengalpattu District","country":"India","pin_code":"603202","state":"Tamil Nadu"}]}}]}"#;

/// A page of the list: ten jobs, and whether more pages follow.
fn page_body(page: usize, pages: usize) -> String {
    let jobs: Vec<String> = (0..10)
        .map(|i| {
            format!(
                r#"{{"id":"{}","status":"COMPLETED","created_time":"2024-05-12T23:51:22Z","created_by":{{"id":"111112000000055001","name":"Patricia Boyle"}}}}"#,
                111_112_000_000_000_000_u64 + (page * 10 + i) as u64
            )
        })
        .collect();
    format!(
        r#"{{"__zia_org_enrichment":[{}],"info":{{"per_page":10,"count":10,"page":{page},"more_records":{}}}}}"#,
        jobs.join(","),
        page < pages
    )
}

/// A local HTTP/1.1 server whose list has `pages` pages, served by tasks of the runtime
/// the client runs on: a request and its answer then take no wake-up of another thread,
/// whose latency would swamp what is measured.
struct Server {
    address: SocketAddr,
}

impl Server {
    fn start(runtime: &tokio::runtime::Runtime, pages: usize) -> Server {
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .expect("a local port");
        let address = listener.local_addr().expect("its address");
        runtime.spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                tokio::spawn(serve(socket, pages));
            }
        });
        Server { address }
    }

    fn url(&self) -> String {
        format!("http://{}", self.address)
    }

    fn crm_client(&self) -> Client {
        Client::builder()
            .base_url(self.url())
            .allow_insecure_http(true)
            .credentials(Credentials::access_token("bench-token"))
            .user_agent(USER_AGENT)
            .build()
            .expect("a client")
    }
}

/// Answers requests on one connection until the client closes it.
async fn serve(mut socket: tokio::net::TcpStream, pages: usize) {
    let mut buffer = Vec::with_capacity(4096);
    let mut chunk = [0_u8; 4096];
    loop {
        let head_end = loop {
            if let Some(end) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
                break end + 4;
            }
            match socket.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buffer.extend_from_slice(&chunk[..n]),
            }
        };
        let head = String::from_utf8_lossy(&buffer[..head_end]).into_owned();
        buffer.drain(..head_end);
        let target = head.split_whitespace().nth(1).unwrap_or("/");
        let body = answer(target, pages);
        let response = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
            body.len()
        );
        if socket.write_all(response.as_bytes()).await.is_err() {
            return;
        }
    }
}

fn answer(target: &str, pages: usize) -> String {
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    if path == "/crm/v7/__zia_org_enrichment" {
        let page = query
            .split('&')
            .find_map(|pair| pair.strip_prefix("page=")?.parse::<usize>().ok())
            .unwrap_or(1);
        page_body(page, pages)
    } else {
        ENRICHMENT.to_owned()
    }
}

async fn stream_items(client: &Client) -> usize {
    client
        .list_org_enrichments()
        .stream()
        .try_fold(0, |count, _job| async move { Ok(count + 1) })
        .await
        .expect("every page")
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
    let runtime = current_thread();
    let server = Server::start(&runtime, PAGES);
    let http = reqwest::Client::new();
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
