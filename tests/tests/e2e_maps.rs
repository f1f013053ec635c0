//! End to end, over real HTTP to a local server: map types (`{string: T}`) of the `maps`
//! feature fixture (`tests/fixture-clients`) decode with their keys as data, nested ones
//! too, encode in key order, and a value of the wrong type fails at its JSON path.

mod e2e_support;

use std::collections::BTreeMap;

use fixture_clients::maps::{Client, Credentials, Error, Labels};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer};

use e2e_support::*;

const INVENTORY: &str = r#"{
    "counts": { "wh-2": 0, "wh-1": 12 },
    "labels": { "en": "Bolt", "de": "Schraube" },
    "batches": [ { "wh-1": [ { "lot": "A7", "units": 12 } ], "wh-9": [] } ],
    "attributes": { "colour": "red", "sizes": [8, 10] }
}"#;

async fn server(body: &str) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(path("/inventory"))
        .respond_with(ok_json(body))
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path("/inventory/labels"))
        .respond_with(ok_json(r#"{"counts": {}}"#))
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
async fn maps_decode_with_their_keys_nested_ones_too() {
    let server = server(INVENTORY).await;
    let inventory = client(&server)
        .get_inventory()
        .send()
        .await
        .expect("the inventory");
    // Keys in order, whatever order the server sent them in.
    let counts: Vec<(&str, i64)> = inventory
        .counts
        .iter()
        .map(|(k, v)| (k.as_str(), *v))
        .collect();
    assert_eq!(counts, [("wh-1", 12), ("wh-2", 0)]);
    let labels = inventory.labels.expect("labels");
    assert_eq!(labels.get("de").map(String::as_str), Some("Schraube"));
    let batches = inventory.batches.expect("batches");
    assert_eq!(batches[0]["wh-1"][0].lot, "A7");
    assert_eq!(batches[0]["wh-1"][0].units, Some(12));
    assert!(batches[0]["wh-9"].is_empty());
    let attributes = inventory.attributes.expect("attributes");
    assert_eq!(attributes["sizes"], json!([8, 10]));
}

#[tokio::test]
async fn a_map_body_is_sent_as_an_object_in_key_order() {
    let server = server(INVENTORY).await;
    let labels = BTreeMap::from([
        ("fr".to_owned(), "Boulon".to_owned()),
        ("en".to_owned(), "Bolt".to_owned()),
    ]);
    let inventory = client(&server)
        .set_labels(Labels::new(labels))
        .send()
        .await
        .expect("the inventory");
    assert!(inventory.counts.is_empty());
    let request = received_on(&server, "/inventory/labels").await.remove(0);
    assert_eq!(
        String::from_utf8_lossy(&request.body),
        r#"{"labels":{"en":"Bolt","fr":"Boulon"}}"#
    );
}

#[tokio::test]
async fn a_map_value_of_the_wrong_type_fails_at_its_path() {
    let server = server(r#"{"counts": {"wh-1": 3, "wh-2": "many"}}"#).await;
    let error = client(&server)
        .get_inventory()
        .send()
        .await
        .expect_err("a bad count");
    match error {
        Error::Decode { path, .. } => assert_eq!(path, r#"$.counts["wh-2"]"#),
        other => panic!("not a decode error: {other:?}"),
    }
}
