//! End to end, over real HTTP to a local server: the tagged union `Payment` of the
//! `tagged_unions` feature fixture (`tests/fixture-clients`) decodes each variant by its
//! `type`, keeps an object with a tag the spec does not list (`Unknown`, sent back as it
//! came), fails on an object without a tag at that object's JSON path, naming the key, and
//! is sent with its tag beside the variant's fields.

mod e2e_support;

use fixture_clients::tagged_unions::{
    BankTransfer, CardPayment, Client, Credentials, Error, NewOrder, Payment,
};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use e2e_support::*;

async fn server(order: &str, payments: &str) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/orders/7"))
        .respond_with(ok_json(order))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/payments"))
        .respond_with(ok_json(payments))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/orders"))
        .respond_with(ResponseTemplate::new(201).set_body_raw(
            br#"{"id": 8, "payment": {"type": "card", "last4": "4242"}}"#.to_vec(),
            "application/json",
        ))
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

const ORDER: &str = r#"{
    "id": 7,
    "payment": { "type": "card", "last4": "4242", "brand": "visa" },
    "refunds": [ { "iban": "DE89370400440532013000", "type": "bank_transfer" } ]
}"#;

#[tokio::test]
async fn each_variant_decodes_by_its_tag() {
    let server = server(ORDER, r#"{"payments": []}"#).await;
    let order = client(&server)
        .get_order(7)
        .send()
        .await
        .expect("the order");
    let Payment::Card(card) = &order.payment else {
        panic!("not a card payment: {:?}", order.payment);
    };
    assert_eq!(card.last4, "4242");
    assert_eq!(card.brand.as_deref(), Some("visa"));
    assert_eq!(order.payment.tag(), "card");
    // The tag need not come first.
    let refunds = order.refunds.expect("refunds");
    let [Payment::BankTransfer(transfer)] = refunds.as_slice() else {
        panic!("not one bank transfer: {refunds:?}");
    };
    assert_eq!(transfer.iban, "DE89370400440532013000");
    assert_eq!(transfer.reference, None);
}

#[tokio::test]
async fn an_unknown_tag_is_kept_whole_and_does_not_fail_the_list() {
    let payments = r#"{"payments": [
        { "type": "wallet", "wallet": "apple", "token": "tok_1" },
        { "type": "bank_transfer", "iban": "DE89370400440532013000", "reference": "order 7" }
    ]}"#;
    let server = server(ORDER, payments).await;
    let payments = client(&server)
        .list_payments()
        .send()
        .await
        .expect("the payments");
    assert_eq!(payments.len(), 2);
    match &payments[0] {
        Payment::Unknown { tag, raw } => {
            assert_eq!(tag, "wallet");
            assert_eq!(
                raw,
                &json!({ "type": "wallet", "wallet": "apple", "token": "tok_1" })
            );
        }
        other => panic!("not kept as unknown: {other:?}"),
    }
    assert_eq!(payments[0].tag(), "wallet");
    // Sent back, an unknown object is what came.
    assert_eq!(
        serde_json::to_value(&payments[0]).expect("it encodes"),
        json!({ "type": "wallet", "wallet": "apple", "token": "tok_1" })
    );
    let Payment::BankTransfer(transfer) = &payments[1] else {
        panic!("not a bank transfer: {:?}", payments[1]);
    };
    assert_eq!(transfer.reference.as_deref(), Some("order 7"));
}

#[tokio::test]
async fn an_object_without_its_tag_fails_at_its_path_naming_the_key() {
    let order = r#"{"id": 7, "payment": {"type": "card", "last4": "1"},
                    "refunds": [{"type": "card", "last4": "2"}, {"iban": "DE00"}]}"#;
    let server = server(order, r#"{"payments": []}"#).await;
    let error = client(&server)
        .get_order(7)
        .send()
        .await
        .expect_err("a refund without a tag");
    match &error {
        Error::Decode { path, message, .. } => {
            assert_eq!(path, "$.refunds[1]");
            assert!(message.contains("missing field `type`"), "{message}");
        }
        other => panic!("not a decode error: {other:?}"),
    }
}

#[tokio::test]
async fn a_variant_that_does_not_fit_fails_naming_the_variant() {
    let server = server(
        r#"{"id": 7, "payment": {"type": "bank_transfer", "reference": "x"}}"#,
        r#"{"payments": [{"type": 3}]}"#,
    )
    .await;
    let client = client(&server);
    match client.get_order(7).send().await {
        Err(Error::Decode { path, message, .. }) => {
            assert_eq!(path, "$.payment");
            assert!(
                message.contains("the `bank_transfer` variant (`BankTransfer`)")
                    && message.contains("missing field `iban`"),
                "{message}"
            );
        }
        other => panic!("not a decode error: {other:?}"),
    }
    match client.list_payments().send().await {
        Err(Error::Decode { path, message, .. }) => {
            assert_eq!(path, "$.payments[0]");
            assert!(message.contains("the tag `type`"), "{message}");
        }
        other => panic!("not a decode error: {other:?}"),
    }
}

#[tokio::test]
async fn a_body_is_sent_with_the_tag_beside_the_variants_fields() {
    let server = server(ORDER, r#"{"payments": []}"#).await;
    let client = client(&server);
    let mut transfer = BankTransfer::new("DE89370400440532013000");
    transfer.reference = Some("order 8".into());
    let order = client
        .create_order(NewOrder::new(Payment::BankTransfer(transfer)))
        .send()
        .await
        .expect("the order");
    assert_eq!(order.payment, Payment::Card(CardPayment::new("4242")));
    let request = received_on(&server, "/orders").await.remove(0);
    // The tag first, then the variant's fields in their declared order.
    assert_eq!(
        String::from_utf8_lossy(&request.body),
        r#"{"payment":{"type":"bank_transfer","iban":"DE89370400440532013000","reference":"order 8"}}"#
    );
    assert_json_body(
        &request,
        &json!({ "payment": {
            "type": "bank_transfer",
            "iban": "DE89370400440532013000",
            "reference": "order 8"
        } }),
    );
}
