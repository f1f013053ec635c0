//! `paginate` over real HTTP: pages are fetched in order, lazily, and errors end the stream.

mod support;

use client_runtime::{Request, Transport, TransportConfig, paginate};
use futures::{StreamExt, TryStreamExt};
use reqwest::Method;
use serde::Deserialize;
use serde_json::json;
use wiremock::matchers::{method, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use support::{Error, SHAPE, TestCode};

#[derive(Debug, Deserialize)]
struct Page {
    data: Vec<u32>,
    has_more: bool,
}

/// Serves `pages[i]` as `{"data": ..., "has_more": ...}` for `?page={i + 1}`.
async fn server_with_pages(pages: &[(&[u32], bool)]) -> MockServer {
    let server = MockServer::start().await;
    for (i, (data, has_more)) in pages.iter().enumerate() {
        Mock::given(method("GET"))
            .and(query_param("page", (i + 1).to_string()))
            .respond_with(
                ResponseTemplate::new(200)
                    .set_body_json(json!({"data": data, "has_more": has_more})),
            )
            .mount(&server)
            .await;
    }
    server
}

/// All items of `list_things`, as a generated list operation would stream them.
fn things(server: &MockServer) -> impl futures::Stream<Item = Result<u32, Error>> + Send {
    let mut config = TransportConfig::new("test_service", server.uri(), support::BEARER);
    config.allow_insecure_http = true;
    config.error_shape = Some(SHAPE);
    // One answer per page: the tests count requests. Retrying has its own suite.
    config.retry = client_runtime::RetryPolicy::none();
    let transport = Transport::new::<TestCode>(config).expect("valid config");
    paginate(1, 1, move |page| {
        let transport = transport.clone();
        async move {
            let request = Request::new(Method::GET, "list_things")
                .segment("things")
                .query("page", page);
            let page: Page = transport
                .execute(request)
                .await?
                .json("list_things", None)?;
            Ok((page.data, page.has_more))
        }
    })
}

async fn pages_fetched(server: &MockServer) -> Vec<String> {
    let requests = server.received_requests().await.expect("recording is on");
    requests
        .iter()
        .filter_map(|request| request.url.query().map(str::to_owned))
        .collect()
}

#[tokio::test]
async fn items_of_every_page_until_has_more_is_false() {
    let server = server_with_pages(&[
        (&[1, 2], true),
        (&[3, 4], true),
        (&[5], false),
        (&[6], false),
    ])
    .await;

    let items: Vec<u32> = things(&server).try_collect().await.expect("three pages");

    assert_eq!(items, [1, 2, 3, 4, 5]);
    assert_eq!(pages_fetched(&server).await, ["page=1", "page=2", "page=3"]);
}

#[tokio::test]
async fn pages_are_fetched_only_when_their_items_are_wanted() {
    let server = server_with_pages(&[(&[1, 2], true), (&[3, 4], true), (&[5], false)]).await;

    let first: Vec<u32> = things(&server)
        .take(1)
        .try_collect()
        .await
        .expect("one item");
    assert_eq!(first, [1]);
    assert_eq!(pages_fetched(&server).await, ["page=1"]);

    let stream = things(&server);
    assert_eq!(
        pages_fetched(&server).await.len(),
        1,
        "nothing fetched before polling"
    );
    let three: Vec<u32> = stream.take(3).try_collect().await.expect("three items");
    assert_eq!(three, [1, 2, 3]);
    assert_eq!(pages_fetched(&server).await, ["page=1", "page=1", "page=2"]);
}

#[tokio::test]
async fn an_empty_page_ends_the_stream_even_if_more_are_announced() {
    let server = server_with_pages(&[(&[1], true), (&[], true), (&[3], false)]).await;

    let items: Vec<u32> = things(&server).try_collect().await.expect("two pages");

    assert_eq!(items, [1]);
    assert_eq!(pages_fetched(&server).await.len(), 2);
}

#[tokio::test]
async fn the_first_error_is_yielded_and_ends_the_stream() {
    let server = server_with_pages(&[(&[1, 2], true)]).await;
    Mock::given(query_param("page", "2"))
        .respond_with(ResponseTemplate::new(500).set_body_json(json!({"code": "INVALID_DATA"})))
        .mount(&server)
        .await;

    let results: Vec<Result<u32, Error>> = things(&server).collect().await;

    assert_eq!(results.len(), 3);
    assert_eq!(results[0].as_ref().ok(), Some(&1));
    assert_eq!(results[1].as_ref().ok(), Some(&2));
    let error = results[2].as_ref().expect_err("page 2 fails");
    assert_eq!(error.code(), Some(&TestCode::InvalidData));
    assert_eq!(pages_fetched(&server).await.len(), 2);
}

#[tokio::test]
async fn offsets_advance_by_the_step() {
    let server = MockServer::start().await;
    for (offset, data, more) in [("0", [1, 2], true), ("2", [3, 4], false)] {
        Mock::given(query_param("offset", offset))
            .respond_with(
                ResponseTemplate::new(200).set_body_json(json!({"data": data, "has_more": more})),
            )
            .mount(&server)
            .await;
    }
    let mut config = TransportConfig::new("test_service", server.uri(), support::BEARER);
    config.allow_insecure_http = true;
    let transport = Transport::new::<TestCode>(config).expect("valid config");

    let items: Vec<u32> = paginate(0, 2, move |offset| {
        let transport = transport.clone();
        async move {
            let request = Request::new(Method::GET, "list_things").query("offset", offset);
            let page: Page = transport
                .execute::<TestCode>(request)
                .await?
                .json("list_things", None)?;
            Ok::<_, Error>((page.data, page.has_more))
        }
    })
    .try_collect()
    .await
    .expect("two pages");

    assert_eq!(items, [1, 2, 3, 4]);
}
