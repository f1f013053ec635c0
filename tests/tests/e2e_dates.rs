//! End to end, over real HTTP to a local server: the `dates` feature fixture
//! (`tests/fixture-clients`): timestamps decode with their offsets (`Z`, `+05:30`), dates
//! as dates, a field marked `lenient` keeps its text, a value that is not a date is a
//! decode error naming its field, and date parameters are sent in RFC 3339.

mod e2e_support;

use chrono::{DateTime, FixedOffset, NaiveDate};
use fixture_clients::dates::{Client, Credentials, Error, EventLogo};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer};

use e2e_support::*;

fn timestamp(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("an RFC 3339 timestamp")
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 5, 12).expect("a date")
}

async fn serve(body: &str) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/events"))
        .respond_with(ok_json(body))
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
async fn timestamps_keep_their_offsets_and_a_lenient_field_its_text() {
    let server = serve(
        r#"{"events": [
            {"at": "2024-05-12T23:51:22+05:30", "on": "2024-05-12", "noted": "yesterday", "logo": " "},
            {"at": "2024-05-12T18:21:22Z", "logo": true}
        ]}"#,
    )
    .await;
    let events = client(&server)
        .list_events(day(), timestamp("2024-05-13T00:00:00Z"))
        .send()
        .await
        .expect("decodes");
    assert_eq!(events[0].at.offset().local_minus_utc(), 5 * 3600 + 30 * 60);
    assert_eq!(events[0].at, events[1].at, "the same instant");
    assert_eq!(events[1].at.offset().local_minus_utc(), 0);
    assert_eq!(events[0].on, Some(day()));
    assert_eq!(events[0].noted.as_deref(), Some("yesterday"));
    // `" "` or `true`: the union offers a boolean reading.
    assert_eq!(events[0].logo.as_ref().and_then(EventLogo::as_bool), None);
    assert_eq!(
        events[1].logo.as_ref().and_then(EventLogo::as_bool),
        Some(true)
    );
}

#[tokio::test]
async fn a_value_that_is_not_a_timestamp_is_a_decode_error_naming_the_field() {
    let server = serve(r#"{"events": [{"at": "12 May 2024"}]}"#).await;
    let error = client(&server)
        .list_events(day(), timestamp("2024-05-13T00:00:00Z"))
        .send()
        .await
        .expect_err("not a timestamp");
    let Error::Decode { path, excerpt, .. } = &error else {
        panic!("expected Error::Decode, got {error:?}");
    };
    assert_eq!(path, "$.events[0].at");
    assert!(excerpt.contains("12 May 2024"), "{excerpt}");
}

#[tokio::test]
async fn date_parameters_are_sent_in_rfc_3339() {
    let server = serve(r#"{"events": []}"#).await;
    client(&server)
        .list_events(day(), timestamp("2024-05-13T00:00:00Z"))
        .since(timestamp("2024-05-12T10:00:00+05:30"))
        .x_as_of(timestamp("2024-05-12T12:00:00.250Z"))
        .send()
        .await
        .expect("an empty list");
    let request = only_request(&server).await;
    assert_eq!(
        query_pairs(&request),
        [
            ("day".to_owned(), "2024-05-12".to_owned()),
            ("since".to_owned(), "2024-05-12T10:00:00+05:30".to_owned()),
            ("until".to_owned(), "2024-05-13T00:00:00Z".to_owned()),
        ]
    );
    assert_eq!(
        single_header(&request, "x-as-of"),
        "2024-05-12T12:00:00.250Z"
    );
}
