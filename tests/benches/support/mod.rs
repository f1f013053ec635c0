//! What the client benchmarks share: a local HTTP/1.1 server of canned CRM answers, a
//! few lines over a TCP socket with keep-alive, so that it costs as little as possible of
//! what is measured, and a CRM client pointed at it.

use std::net::SocketAddr;

use futures::TryStreamExt;
use org_clients::runtime::Credentials;
use org_clients::zoho_crm::Client;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Every client and hand-written call sends it, so that both put the same bytes on the wire.
pub const USER_AGENT: &str = "client-bench/1.0";

/// How many pages the server's list has, unless told otherwise.
pub const PAGES: usize = 1_000;

pub fn current_thread() -> tokio::runtime::Runtime {
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
pub struct Server {
    address: SocketAddr,
}

impl Server {
    pub fn start(runtime: &tokio::runtime::Runtime, pages: usize) -> Server {
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

    pub fn url(&self) -> String {
        format!("http://{}", self.address)
    }

    pub fn crm_client(&self) -> Client {
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

/// Streams every item of the list; returns how many there were.
pub async fn stream_items(client: &Client) -> usize {
    client
        .list_org_enrichments()
        .stream()
        .try_fold(0, |count, _job| async move { Ok(count + 1) })
        .await
        .expect("every page")
}
