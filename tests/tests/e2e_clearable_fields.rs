//! End to end, over real HTTP to a local server: the tri-state fields of the
//! `clearable_fields` feature fixture (`tests/fixture-clients`). What goes over the wire
//! is checked as raw bytes: a field left alone is no key at all, a cleared one is the key
//! with `null`, a set one its value; and a set value is checked before sending.

mod e2e_support;

use fixture_clients::clearable_fields::{Client, ContactChange, Credentials, Error};
use fixture_clients::runtime::Patch;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer};

use e2e_support::*;

async fn server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("PATCH"))
        .and(path("/contacts/7"))
        .respond_with(ok_json(r#"{"id": 7, "name": "Ada", "nickname": null}"#))
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

async fn sent_body(change: ContactChange) -> String {
    let server = server().await;
    let contact = client(&server)
        .update_contact(7, change)
        .send()
        .await
        .expect("the contact");
    assert_eq!(contact.id, 7);
    let request = only_request(&server).await;
    String::from_utf8_lossy(&request.body).into_owned()
}

#[tokio::test]
async fn a_cleared_field_goes_as_null_and_an_untouched_one_not_at_all() {
    let change = ContactChange::default()
        .name("Ada")
        .clear_nickname()
        .age(36);
    assert_eq!(
        sent_body(change).await,
        r#"{"name":"Ada","nickname":null,"age":36}"#
    );
}

#[tokio::test]
async fn an_untouched_change_sends_an_empty_object() {
    assert_eq!(sent_body(ContactChange::default()).await, "{}");
}

#[tokio::test]
async fn the_field_itself_is_a_patch_to_set_or_read() {
    let mut change = ContactChange::default();
    change.tags = Patch::Null;
    change.age = Patch::from(3);
    change.note = Some("hi".into());
    assert_eq!(change.age.value(), Some(&3));
    assert!(change.name.is_absent());
    assert_eq!(
        sent_body(change).await,
        r#"{"age":3,"tags":null,"note":"hi"}"#
    );
}

#[tokio::test]
async fn a_set_value_is_checked_before_sending_a_cleared_one_is_not() {
    let server = server().await;
    let too_long = ContactChange::default().name("a name longer than twenty");
    let error = client(&server)
        .update_contact(7, too_long)
        .send()
        .await
        .expect_err("refused before sending");
    assert!(matches!(error, Error::InvalidRequest { .. }), "{error:?}");
    assert_nothing_sent(&server).await;
    // Cleared, the same field has nothing to check.
    client(&server)
        .update_contact(7, ContactChange::default().clear_name().clear_age())
        .send()
        .await
        .expect("sent");
}
