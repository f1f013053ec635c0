//! End to end, over real HTTP to a local server: `stream()` of the pagination styles that
//! follow what a page says (`tests/fixtures/features/pagination_cursor.yaml`,
//! `pagination_next_link.yaml`, `pagination_link_header.yaml`): several pages walked, the
//! end of a stream, a cursor or link given twice refused instead of looped over, links to
//! another origin refused before anything (credentials included) is sent there, and the
//! typed mocks' `respond_pages` walked by the same `stream()`.

mod e2e_support;

use futures::{StreamExt, TryStreamExt};
use serde_json::json;
use wiremock::matchers::{header, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

use e2e_support::*;
use fixture_clients::{pagination_cursor, pagination_link_header, pagination_next_link};

fn page(body: serde_json::Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(body)
}

/// The items of a stream, and the error that ended it, if one did.
async fn walk<T, E>(stream: impl futures::Stream<Item = Result<T, E>>) -> (Vec<T>, Option<E>) {
    let mut stream = Box::pin(stream);
    let mut items = Vec::new();
    while let Some(item) = stream.next().await {
        match item {
            Ok(item) => items.push(item),
            Err(error) => return (items, Some(error)),
        }
    }
    (items, None)
}

mod cursor {
    use super::*;
    use pagination_cursor::{Client, Credentials, Error};

    fn client(server: &MockServer) -> Client {
        Client::builder()
            .base_url(server.uri())
            .allow_insecure_http(true)
            .credentials(Credentials::access_token(TOKEN))
            .build()
            .expect("a client")
    }

    async fn mount(server: &MockServer, cursor: Option<&str>, body: serde_json::Value) {
        let mock = Mock::given(method("GET"))
            .and(path("/items"))
            .and(header("authorization", BEARER_AUTH))
            .and(query_param("limit", "2"));
        let mock = match cursor {
            Some(cursor) => mock.and(query_param("cursor", cursor)),
            None => mock.and(query_param_is_missing("cursor")),
        };
        mock.respond_with(page(body)).expect(1).mount(server).await;
    }

    #[tokio::test]
    async fn the_stream_sends_each_pages_cursor_back_until_a_page_gives_none() {
        let server = MockServer::start().await;
        mount(
            &server,
            None,
            json!({"data": [{"id": 1}, {"id": 2}], "meta": {"next_cursor": "c2"}}),
        )
        .await;
        mount(&server, Some("c2"), json!({"data": [{"id": 3}, {"id": 4}], "meta": {"next_cursor": "c3", "has_more": true}})).await;
        // The last page: no cursor at all.
        mount(
            &server,
            Some("c3"),
            json!({"data": [{"id": 5}], "meta": {}}),
        )
        .await;

        let items: Vec<_> = client(&server)
            .list_items()
            .limit(2)
            .stream()
            .try_collect()
            .await
            .expect("three pages");
        let ids: Vec<i64> = items.iter().map(|item| item.id).collect();
        assert_eq!(ids, [1, 2, 3, 4, 5]);
        assert_eq!(received(&server).await.len(), 3);
    }

    #[tokio::test]
    async fn a_null_or_empty_cursor_or_has_more_false_ends_the_stream() {
        for meta in [
            json!({"next_cursor": null}),
            json!({"next_cursor": ""}),
            json!({"next_cursor": "c9", "has_more": false}),
        ] {
            let server = MockServer::start().await;
            mount(&server, None, json!({"data": [{"id": 1}], "meta": meta})).await;
            let items: Vec<_> = client(&server)
                .list_items()
                .limit(2)
                .stream()
                .try_collect()
                .await
                .expect("one page");
            assert_eq!(items.len(), 1, "{meta}");
            assert_eq!(
                received(&server).await.len(),
                1,
                "{meta}: no second request"
            );
        }
    }

    #[tokio::test]
    async fn the_stream_starts_at_the_callers_cursor() {
        let server = MockServer::start().await;
        mount(
            &server,
            Some("c7"),
            json!({"data": [{"id": 7}], "meta": {}}),
        )
        .await;
        let items: Vec<_> = client(&server)
            .list_items()
            .cursor("c7")
            .limit(2)
            .stream()
            .try_collect()
            .await
            .expect("one page");
        assert_eq!(items.len(), 1);
    }

    #[tokio::test]
    async fn a_cursor_given_twice_ends_the_stream_with_an_error_after_the_new_items() {
        let server = MockServer::start().await;
        mount(
            &server,
            None,
            json!({"data": [{"id": 1}], "meta": {"next_cursor": "c2"}}),
        )
        .await;
        // This page points back at itself: following it would fetch it forever.
        mount(
            &server,
            Some("c2"),
            json!({"data": [{"id": 2}], "meta": {"next_cursor": "c2"}}),
        )
        .await;

        let (items, error) = walk(client(&server).list_items().limit(2).stream()).await;
        let ids: Vec<i64> = items.iter().map(|item| item.id).collect();
        assert_eq!(ids, [1, 2]);
        let Some(Error::Pagination { operation, reason }) = &error else {
            panic!("expected Error::Pagination, got {error:?}");
        };
        assert_eq!(*operation, "list_items");
        assert!(reason.contains("`c2`"), "{reason}");
        assert_eq!(
            received(&server).await.len(),
            2,
            "the repeated page is not fetched again"
        );
    }

    #[tokio::test]
    async fn the_mocks_pages_carry_cursors_that_stream_walks() {
        let server = pagination_cursor::mock::MockServer::start().await;
        let client = server.client().expect("a mock client");
        let pages = [vec![1, 2], vec![3], vec![4, 5]].map(|ids| {
            ids.into_iter()
                .map(|id| serde_json::from_value(json!({ "id": id })).expect("an item"))
                .collect::<Vec<pagination_cursor::Item>>()
        });
        server
            .on(client.list_items())
            .respond_pages(pages)
            .mount()
            .await;
        let items: Vec<_> = client
            .list_items()
            .stream()
            .try_collect()
            .await
            .expect("three pages");
        let ids: Vec<i64> = items.iter().map(|item| item.id).collect();
        assert_eq!(ids, [1, 2, 3, 4, 5]);
        // The document's sample, with its cursor emptied, is one page that ends the stream.
        let server = pagination_cursor::mock::MockServer::start().await;
        let client = server.client().expect("a mock client");
        let items: Vec<_> = client
            .list_items()
            .stream()
            .try_collect()
            .await
            .expect("the sample");
        assert_eq!(items.len(), 1);
    }
}

/// What the link styles share: a second server stands for another origin.
async fn elsewhere() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(page(json!({"items": [{"id": 99}]})))
        .mount(&server)
        .await;
    server
}

mod next_link {
    use super::*;
    use pagination_next_link::{Client, Credentials, Error};

    fn client(server: &MockServer) -> Client {
        Client::builder()
            .base_url(server.uri())
            .allow_insecure_http(true)
            .credentials(Credentials::access_token(TOKEN))
            .build()
            .expect("a client")
    }

    fn linked(ids: &[i64], next: Option<String>) -> serde_json::Value {
        let items: Vec<_> = ids.iter().map(|id| json!({ "id": id })).collect();
        let mut links = json!({"self": {"href": "/items"}});
        if let Some(next) = next {
            links["next"] = json!({ "href": next });
        }
        json!({"items": items, "_links": links})
    }

    #[tokio::test]
    async fn the_stream_follows_absolute_and_relative_links_without_re_adding_paging_params() {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/items"))
            .and(query_param("size", "2"))
            .and(query_param_is_missing("page"))
            .respond_with(page(linked(
                &[1, 2],
                Some(format!("{}/items?page=2&size=2", server.uri())),
            )))
            .expect(1)
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/items"))
            .and(query_param("page", "2"))
            .and(header("authorization", BEARER_AUTH))
            .respond_with(page(linked(
                &[3, 4],
                Some("/items?page=3&size=2".to_owned()),
            )))
            .expect(1)
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/items"))
            .and(query_param("page", "3"))
            .and(header("authorization", BEARER_AUTH))
            .respond_with(page(linked(&[5], None)))
            .expect(1)
            .mount(&server)
            .await;

        let items: Vec<_> = client(&server)
            .list_items()
            .size(2)
            .stream()
            .try_collect()
            .await
            .expect("three pages");
        let ids: Vec<i64> = items.iter().map(|item| item.id).collect();
        assert_eq!(ids, [1, 2, 3, 4, 5]);
        let requests = received(&server).await;
        assert_eq!(requests.len(), 3);
        // The link's own query, as it is: `size` is not sent a second time.
        assert_eq!(
            query_pairs(&requests[2]),
            [
                ("page".to_owned(), "3".to_owned()),
                ("size".to_owned(), "2".to_owned())
            ]
        );
    }

    #[tokio::test]
    async fn a_link_to_another_origin_ends_the_stream_and_nothing_is_sent_there() {
        let other = elsewhere().await;
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/items"))
            .respond_with(page(linked(
                &[1],
                Some(format!("{}/items?page=2", other.uri())),
            )))
            .expect(1)
            .mount(&server)
            .await;

        let (items, error) = walk(client(&server).list_items().stream()).await;
        assert_eq!(items.len(), 1);
        let Some(Error::Pagination { reason, .. }) = &error else {
            panic!("expected Error::Pagination, got {error:?}");
        };
        assert!(reason.contains(&other.uri()), "{reason}");
        assert!(
            received(&other).await.is_empty(),
            "the token must not reach another host"
        );
    }

    #[tokio::test]
    async fn a_link_given_twice_ends_the_stream_with_an_error() {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/items"))
            .respond_with(page(linked(&[1], Some("/items?page=2".to_owned()))))
            .mount(&server)
            .await;
        let (items, error) = walk(client(&server).list_items().stream()).await;
        assert_eq!(items.len(), 2, "the first page, then the linked one");
        assert!(matches!(error, Some(Error::Pagination { .. })), "{error:?}");
        assert_eq!(received(&server).await.len(), 2);
    }

    #[tokio::test]
    async fn the_mocks_pages_link_to_each_other_and_stream_walks_them() {
        let server = pagination_next_link::mock::MockServer::start().await;
        let client = server.client().expect("a mock client");
        let pages = [vec![1], vec![2, 3], vec![4]].map(|ids| {
            ids.into_iter()
                .map(|id| serde_json::from_value(json!({ "id": id })).expect("an item"))
                .collect::<Vec<pagination_next_link::Item>>()
        });
        server
            .on(client.list_items().size(5))
            .respond_pages(pages)
            .mount()
            .await;
        let items: Vec<_> = client
            .list_items()
            .size(5)
            .stream()
            .try_collect()
            .await
            .expect("three pages");
        let ids: Vec<i64> = items.iter().map(|item| item.id).collect();
        assert_eq!(ids, [1, 2, 3, 4]);
        // The sample's link (`/items?page=2`) is emptied: the default answer is a last page.
        let server = pagination_next_link::mock::MockServer::start().await;
        let client = server.client().expect("a mock client");
        let items: Vec<_> = client
            .list_items()
            .stream()
            .try_collect()
            .await
            .expect("the sample");
        assert_eq!(items.len(), 1);
    }
}

mod link_header {
    use super::*;
    use pagination_link_header::{Client, Credentials, Error};

    fn client(server: &MockServer) -> Client {
        Client::builder()
            .base_url(server.uri())
            .allow_insecure_http(true)
            .credentials(Credentials::access_token(TOKEN))
            .build()
            .expect("a client")
    }

    fn items(ids: &[i64]) -> serde_json::Value {
        ids.iter().map(|id| json!({ "id": id })).collect()
    }

    #[tokio::test]
    async fn the_stream_follows_rel_next_among_other_links_and_headers() {
        let server = MockServer::start().await;
        let uri = server.uri();
        Mock::given(method("GET"))
            .and(path("/items"))
            .and(query_param_is_missing("page"))
            .respond_with(page(items(&[1, 2])).insert_header(
                "Link",
                format!(r#"<{uri}/items?page=1>; rel="first", <{uri}/items?page=2&per_page=2>; rel="next last""#),
            ))
            .expect(1)
            .mount(&server)
            .await;
        // `rel="next"` in the second of two `Link` headers, relative to the page.
        Mock::given(method("GET"))
            .and(path("/items"))
            .and(query_param("page", "2"))
            .and(header("authorization", BEARER_AUTH))
            .respond_with(
                page(items(&[3, 4]))
                    .append_header("Link", r#"</items?page=1>; rel="prev"; title="a, b""#)
                    .append_header("Link", r#"<?page=3&per_page=2>; rel=next"#),
            )
            .expect(1)
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/items"))
            .and(query_param("page", "3"))
            .respond_with(
                page(items(&[5])).insert_header("Link", r#"</items?page=1>; rel="first""#),
            )
            .expect(1)
            .mount(&server)
            .await;

        let found: Vec<_> = client(&server)
            .list_items()
            .per_page(2)
            .stream()
            .try_collect()
            .await
            .expect("three pages");
        let ids: Vec<i64> = found.iter().map(|item| item.id).collect();
        assert_eq!(ids, [1, 2, 3, 4, 5]);
        let requests = received(&server).await;
        assert_eq!(
            query_pairs(&requests[2]),
            [
                ("page".to_owned(), "3".to_owned()),
                ("per_page".to_owned(), "2".to_owned())
            ]
        );
    }

    #[tokio::test]
    async fn a_link_to_another_port_ends_the_stream_and_nothing_is_sent_there() {
        let other = elsewhere().await;
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/items"))
            .respond_with(page(items(&[1])).insert_header(
                "Link",
                format!(r#"<{}/items?page=2>; rel="next""#, other.uri()),
            ))
            .expect(1)
            .mount(&server)
            .await;
        let (found, error) = walk(client(&server).list_items().stream()).await;
        assert_eq!(found.len(), 1);
        let Some(Error::Pagination { reason, .. }) = &error else {
            panic!("expected Error::Pagination, got {error:?}");
        };
        assert!(reason.contains("credentials"), "{reason}");
        assert!(received(&other).await.is_empty());
    }

    #[tokio::test]
    async fn the_mocks_pages_carry_link_headers_that_stream_walks() {
        let server = pagination_link_header::mock::MockServer::start().await;
        let client = server.client().expect("a mock client");
        let pages = [vec![1], vec![2], vec![3]].map(|ids| {
            ids.into_iter()
                .map(|id| serde_json::from_value(json!({ "id": id })).expect("an item"))
                .collect::<Vec<pagination_link_header::Item>>()
        });
        server
            .on(client.list_items())
            .respond_pages(pages)
            .mount()
            .await;
        let found: Vec<_> = client
            .list_items()
            .stream()
            .try_collect()
            .await
            .expect("three pages");
        let ids: Vec<i64> = found.iter().map(|item| item.id).collect();
        assert_eq!(ids, [1, 2, 3]);
    }
}
