//! End to end, over real HTTP to a local server: array query parameters of the
//! `query_arrays` feature fixture (`tests/fixture-clients`), each sent in the style its spec
//! names, as the raw query string shows it: `array: repeated` as one pair per item
//! (`?id=1&id=2`), `array: comma` as one pair with the items joined (`?tag=red,blue`).

mod e2e_support;

use fixture_clients::query_arrays::{Client, Credentials, Status};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer};

use e2e_support::*;

async fn server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/things"))
        .respond_with(ok_json(r#"{"things": [{"id": 1}, {"id": 2}]}"#))
        .mount(&server)
        .await;
    server
}

fn client(server: &MockServer) -> Client {
    Client::builder()
        .base_url(server.uri())
        .allow_insecure_http(true)
        .credentials(Credentials::access_token(TOKEN))
        .build()
        .expect("a client")
}

#[tokio::test]
async fn each_array_goes_in_its_own_style() {
    let server = server().await;
    let things = client(&server)
        .list_things(vec![1, 2])
        .tag(vec!["red".to_owned(), "blue green".to_owned()])
        .status(vec![Status::Open, Status::Closed])
        .send()
        .await
        .expect("the things");
    assert_eq!(things.iter().map(|t| t.id).collect::<Vec<_>>(), [1, 2]);
    let request = only_request(&server).await;
    // The raw query: a pair per item where repeated, one pair where joined (its comma
    // percent-encoded like every reserved character; servers decode before they split).
    assert_eq!(
        request.url.query(),
        Some("id=1&id=2&tag=red%2Cblue%20green&status=open&status=closed")
    );
    assert_eq!(
        query_pairs(&request),
        [
            ("id".to_owned(), "1".to_owned()),
            ("id".to_owned(), "2".to_owned()),
            ("tag".to_owned(), "red,blue green".to_owned()),
            ("status".to_owned(), "open".to_owned()),
            ("status".to_owned(), "closed".to_owned()),
        ]
    );
}

#[tokio::test]
async fn unset_and_empty_arrays_send_no_repeated_pair() {
    let server = server().await;
    client(&server)
        .list_things(vec![7])
        .status(Vec::new())
        .send()
        .await
        .expect("the things");
    let request = only_request(&server).await;
    // `status` set to no items sends no pair at all; `tag`, unset, neither.
    assert_eq!(request.url.query(), Some("id=7"));
}
