//! End to end, over real HTTP to a local server: the generated Zoho People client
//! (`org_clients::zoho_people`), its three list operations, paging by page-counting
//! `offset`, errors, token refresh and the `limit` checks.

mod e2e_support;

use futures::{StreamExt, TryStreamExt};
use org_clients::zoho_people::{Client, Credentials, Error, ErrorCode, ParentDivision, TagStatus};
use serde_json::{Value, json};
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use e2e_support::*;

const ENTITIES_PATH: &str = "/people/api/v3/orgstructure/entities";
const UNITS_PATH: &str = "/people/api/v3/orgstructure/units";
const DIVISIONS_PATH: &str = "/people/api/v3/orgstructure/divisions";

/// specs/zoho_people.yaml, `list_entities`, "Success Response - 200 OK" (from
/// shared/seeds/004_3a04f07e4accb98a.txt). The document gives no sample for units, which
/// share this shape; it serves them too.
const ENTITIES_SAMPLE: &str = r#"{
  "data": [
    {
      "zp_code": "1",
      "name": "Comp1",
      "description": "FirstComp",
      "zoho_id": "10000200000027xxxx"
    },
    {
      "zp_code": "2",
      "name": "Comp2",
      "description": "SecondComp",
      "zoho_id": "10000200000027xxxx"
    }
  ],
  "has_more": true
}"#;

/// specs/zoho_people.yaml, `list_divisions`, "Success Response: 200 OK - For Divisions".
const DIVISIONS_SAMPLE: &str = r#"{
  "data": [
   {
        "zp_code": "1",
        "parent_division": {},
         "name": "Div1",
         "description": "Managing division",
         "zoho_id": "100002000000289001"
    },
    {
        "zp_code": "2",
        "parent_division": {
              "name": "Div1",
              "zoho_id": "100002000000289001"
      },
      "name": "Div2",
       "description": "Employee Division",
       "zoho_id": "100002000000297001"
    }
  ],
  "has_more": false
}"#;

fn client(server: &MockServer) -> Client {
    Client::builder()
        .base_url(server.uri())
        .allow_insecure_http(true)
        .credentials(Credentials::access_token(TOKEN))
        .timeout(TIMEOUT)
        // One answer per call: these tests count requests. Retrying has its own suite.
        .retry(org_clients::runtime::RetryPolicy::none())
        .build()
        .expect("a valid client configuration")
}

/// One page of records: the sample's two with their codes and names numbered for the
/// page (the last page has one record), and `has_more`.
fn records_page(page: i64, has_more: bool) -> Value {
    let mut body = sample(ENTITIES_SAMPLE);
    let mut records = body["data"].as_array().expect("an array").clone();
    if !has_more {
        records.truncate(1);
    }
    for (i, record) in records.iter_mut().enumerate() {
        let n = (page - 1) * 2 + i64::try_from(i).expect("small") + 1;
        record["zp_code"] = json!(n.to_string());
        record["name"] = json!(format!("Comp{n}"));
    }
    body["data"] = Value::Array(records);
    body["has_more"] = json!(has_more);
    body
}

#[tokio::test]
async fn list_entities_sends_the_documents_query_and_decodes_the_sample() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(ENTITIES_PATH))
        .and(header("authorization", ZOHO_AUTH))
        .and(query_param("is_tagged", "0"))
        .and(query_param("limit", "2"))
        .and(query_param("offset", "1"))
        .respond_with(ok_json(ENTITIES_SAMPLE))
        .expect(1)
        .mount(&server)
        .await;

    // The document's sample request: `?is_tagged=0&limit=2&offset=1`.
    let records = client(&server)
        .list_entities()
        .is_tagged(TagStatus::Unmapped)
        .limit(2)
        .offset(1)
        .send()
        .await
        .expect("the sample decodes");

    let request = only_request(&server).await;
    assert_zoho_request(
        &request,
        "GET",
        ENTITIES_PATH,
        Some("offset=1&limit=2&is_tagged=0"),
        ZOHO_AUTH,
    );
    assert_no_body(&request);
    let mut pairs = query_pairs(&request);
    pairs.sort();
    assert_eq!(
        pairs,
        [("is_tagged", "0"), ("limit", "2"), ("offset", "1")]
            .map(|(name, value)| (name.to_owned(), value.to_owned()))
    );

    assert_eq!(records.len(), 2);
    assert_eq!(records[0].zp_code.as_deref(), Some("1"));
    assert_eq!(records[0].name.as_deref(), Some("Comp1"));
    assert_eq!(records[0].description.as_deref(), Some("FirstComp"));
    assert_eq!(records[0].zoho_id.as_deref(), Some("10000200000027xxxx"));
    assert_eq!(records[1].zp_code.as_deref(), Some("2"));
    assert_eq!(records[1].name.as_deref(), Some("Comp2"));
    assert_eq!(records[1].description.as_deref(), Some("SecondComp"));
    assert_eq!(records[1].zoho_id.as_deref(), Some("10000200000027xxxx"));
}

#[tokio::test]
async fn list_units_sends_its_path_and_mapped_tag_status_and_decodes_records() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(UNITS_PATH))
        .and(header("authorization", ZOHO_AUTH))
        .and(query_param("is_tagged", "1"))
        .and(query_param("limit", "200"))
        .respond_with(ok_json(ENTITIES_SAMPLE))
        .expect(1)
        .mount(&server)
        .await;

    // 200 is the documented maximum, so it is accepted.
    let records = client(&server)
        .list_units()
        .limit(200)
        .is_tagged(TagStatus::Mapped)
        .send()
        .await
        .expect("records decode");

    let request = only_request(&server).await;
    assert_zoho_request(
        &request,
        "GET",
        UNITS_PATH,
        Some("limit=200&is_tagged=1"),
        ZOHO_AUTH,
    );
    assert_no_body(&request);
    assert_eq!(records.len(), 2);
    assert_eq!(records[0].zp_code.as_deref(), Some("1"));
    assert_eq!(records[0].name.as_deref(), Some("Comp1"));
    assert_eq!(records[1].zp_code.as_deref(), Some("2"));
    assert_eq!(records[1].description.as_deref(), Some("SecondComp"));
}

#[tokio::test]
async fn list_divisions_decodes_the_sample_and_an_empty_parent_division_as_all_none() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(DIVISIONS_PATH))
        .and(header("authorization", ZOHO_AUTH))
        .respond_with(ok_json(DIVISIONS_SAMPLE))
        .expect(1)
        .mount(&server)
        .await;

    let divisions = client(&server)
        .list_divisions()
        .send()
        .await
        .expect("the sample decodes");

    let request = only_request(&server).await;
    assert_zoho_request(&request, "GET", DIVISIONS_PATH, None, ZOHO_AUTH);
    assert_no_body(&request);

    assert_eq!(divisions.len(), 2);
    let first = &divisions[0];
    assert_eq!(first.zp_code.as_deref(), Some("1"));
    assert_eq!(first.name.as_deref(), Some("Div1"));
    assert_eq!(first.description.as_deref(), Some("Managing division"));
    assert_eq!(first.zoho_id.as_deref(), Some("100002000000289001"));
    // `"parent_division": {}`: no parent.
    assert_eq!(first.parent_division, Some(ParentDivision::default()));

    let second = &divisions[1];
    assert_eq!(second.zp_code.as_deref(), Some("2"));
    assert_eq!(second.name.as_deref(), Some("Div2"));
    assert_eq!(second.description.as_deref(), Some("Employee Division"));
    assert_eq!(second.zoho_id.as_deref(), Some("100002000000297001"));
    let parent = second.parent_division.as_ref().expect("a parent");
    assert_eq!(parent.name.as_deref(), Some("Div1"));
    assert_eq!(parent.zoho_id.as_deref(), Some("100002000000289001"));
}

#[tokio::test]
async fn no_content_is_an_empty_list() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = client(&server);

    assert!(client.list_entities().send().await.expect("204").is_empty());
    assert!(client.list_units().send().await.expect("204").is_empty());
    assert!(
        client
            .list_divisions()
            .send()
            .await
            .expect("204")
            .is_empty()
    );
    let streamed: Vec<_> = client
        .list_entities()
        .stream()
        .try_collect()
        .await
        .expect("204 ends the stream");
    assert!(streamed.is_empty());
    assert_eq!(received(&server).await.len(), 4);
}

#[tokio::test]
async fn stream_of_entities_walks_three_pages_counted_from_1_and_stops_after_has_more_false() {
    let server = MockServer::start().await;
    for (offset, more) in [(1, true), (2, true), (3, false)] {
        Mock::given(method("GET"))
            .and(path(ENTITIES_PATH))
            .and(header("authorization", ZOHO_AUTH))
            .and(query_param("offset", offset.to_string()))
            .and(query_param("limit", "2"))
            .and(query_param("is_tagged", "0"))
            .respond_with(ResponseTemplate::new(200).set_body_json(records_page(offset, more)))
            .expect(1)
            .mount(&server)
            .await;
    }
    // A fourth page must never be asked for.
    Mock::given(method("GET"))
        .and(path(ENTITIES_PATH))
        .and(query_param("offset", "4"))
        .respond_with(ResponseTemplate::new(200).set_body_json(records_page(4, false)))
        .expect(0)
        .mount(&server)
        .await;

    let records: Vec<_> = client(&server)
        .list_entities()
        .limit(2)
        .is_tagged(TagStatus::Unmapped)
        .stream()
        .try_collect()
        .await
        .expect("three pages");

    let names: Vec<&str> = records
        .iter()
        .map(|record| record.name.as_deref().unwrap_or_default())
        .collect();
    assert_eq!(names, ["Comp1", "Comp2", "Comp3", "Comp4", "Comp5"]);
    let codes: Vec<&str> = records
        .iter()
        .map(|record| record.zp_code.as_deref().unwrap_or_default())
        .collect();
    assert_eq!(codes, ["1", "2", "3", "4", "5"]);

    let requests = received(&server).await;
    assert_eq!(
        requests.len(),
        3,
        "one request per page, none after the last"
    );
    for (i, request) in requests.iter().enumerate() {
        assert_zoho_request(
            request,
            "GET",
            ENTITIES_PATH,
            Some(&format!("offset={}&limit=2&is_tagged=0", i + 1)),
            ZOHO_AUTH,
        );
    }
    server.verify().await;
}

#[tokio::test]
async fn stream_of_divisions_walks_three_pages_and_stops_after_has_more_false() {
    let server = MockServer::start().await;
    for (offset, more) in [(1, true), (2, true), (3, false)] {
        let mut body = sample(DIVISIONS_SAMPLE);
        for division in body["data"].as_array_mut().expect("an array") {
            let code = division["zp_code"].as_str().expect("a code").to_owned();
            division["zp_code"] = json!(format!("{offset}.{code}"));
        }
        body["has_more"] = json!(more);
        Mock::given(method("GET"))
            .and(path(DIVISIONS_PATH))
            .and(query_param("offset", offset.to_string()))
            .respond_with(ResponseTemplate::new(200).set_body_json(body))
            .expect(1)
            .mount(&server)
            .await;
    }

    let divisions: Vec<_> = client(&server)
        .list_divisions()
        .stream()
        .try_collect()
        .await
        .expect("three pages");

    let codes: Vec<&str> = divisions
        .iter()
        .map(|division| division.zp_code.as_deref().unwrap_or_default())
        .collect();
    assert_eq!(codes, ["1.1", "1.2", "2.1", "2.2", "3.1", "3.2"]);
    assert_eq!(
        divisions[4].parent_division,
        Some(ParentDivision::default())
    );
    let requests = received(&server).await;
    assert_eq!(requests.len(), 3);
    for (i, request) in requests.iter().enumerate() {
        assert_eq!(
            request.url.query(),
            Some(format!("offset={}", i + 1).as_str())
        );
    }
    server.verify().await;
}

#[tokio::test]
async fn stream_of_units_starts_at_the_given_offset() {
    let server = MockServer::start().await;
    for (offset, more) in [(2, true), (3, false)] {
        Mock::given(method("GET"))
            .and(path(UNITS_PATH))
            .and(query_param("offset", offset.to_string()))
            .respond_with(ResponseTemplate::new(200).set_body_json(records_page(offset, more)))
            .expect(1)
            .mount(&server)
            .await;
    }

    let units: Vec<_> = client(&server)
        .list_units()
        .offset(2)
        .limit(2)
        .stream()
        .try_collect()
        .await
        .expect("two pages");

    let names: Vec<&str> = units
        .iter()
        .map(|unit| unit.name.as_deref().unwrap_or_default())
        .collect();
    assert_eq!(names, ["Comp3", "Comp4", "Comp5"]);
    server.verify().await;
}

#[tokio::test]
async fn a_zoho_error_body_decodes_as_an_unknown_code_with_its_message() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(ENTITIES_PATH))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({
            "code": 7005,
            "message": "Threshold limit exceeded",
        })))
        .mount(&server)
        .await;

    let error = client(&server)
        .list_entities()
        .send()
        .await
        .expect_err("400");

    assert_eq!(error.code(), Some(&ErrorCode::Unknown("7005".to_owned())));
    assert_eq!(error.status(), Some(400));
    assert_eq!(error.message(), Some("Threshold limit exceeded"));
}

#[tokio::test]
async fn an_expired_token_is_refreshed_and_the_request_retried_with_the_new_token() {
    let server = MockServer::start().await;
    mount_token_endpoint(&server, ZOHO_TOKEN_PATH, &["old-token", "new-token"]).await;
    Mock::given(method("GET"))
        .and(path(DIVISIONS_PATH))
        .and(header("authorization", "Zoho-oauthtoken old-token"))
        .respond_with(invalid_token())
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(DIVISIONS_PATH))
        .and(header("authorization", "Zoho-oauthtoken new-token"))
        .respond_with(ok_json(DIVISIONS_SAMPLE))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder()
        .base_url(server.uri())
        .allow_insecure_http(true)
        .accounts_url(server.uri())
        .credentials(Credentials::refresh_token(
            CLIENT_ID,
            CLIENT_SECRET,
            REFRESH_TOKEN,
        ))
        .timeout(TIMEOUT)
        // One answer per call: these tests count requests. Retrying has its own suite.
        .retry(org_clients::runtime::RetryPolicy::none())
        .build()
        .expect("a valid client configuration");

    let divisions = client
        .list_divisions()
        .limit(2)
        .send()
        .await
        .expect("the retry with the new token succeeds");
    assert_eq!(divisions.len(), 2);
    assert_eq!(divisions[1].name.as_deref(), Some("Div2"));

    let tokens = received_on(&server, ZOHO_TOKEN_PATH).await;
    assert_eq!(tokens.len(), 2, "the first token, then one refresh");
    tokens.iter().for_each(assert_refresh_grant);
    let calls = received_on(&server, DIVISIONS_PATH).await;
    assert_eq!(calls.len(), 2);
    assert_zoho_request(
        &calls[0],
        "GET",
        DIVISIONS_PATH,
        Some("limit=2"),
        "Zoho-oauthtoken old-token",
    );
    assert_zoho_request(
        &calls[1],
        "GET",
        DIVISIONS_PATH,
        Some("limit=2"),
        "Zoho-oauthtoken new-token",
    );
    server.verify().await;
}

fn assert_refused(error: &Error, operation: &str, parameter: &str, reason_contains: &str) {
    let Error::InvalidRequest {
        operation: failed,
        parameter: named,
        reason,
    } = error
    else {
        panic!("expected Error::InvalidRequest, got {error:?}");
    };
    assert_eq!(*failed, operation);
    assert_eq!(*named, parameter);
    assert!(reason.contains(reason_contains), "{reason}");
}

#[tokio::test]
async fn a_limit_of_0_or_201_is_refused_before_sending() {
    let server = MockServer::start().await;
    let client = client(&server);

    for limit in [0, 201] {
        let expected = format!("between 1 and 200, got {limit}");
        let error = client
            .list_entities()
            .limit(limit)
            .send()
            .await
            .expect_err("entities");
        assert_refused(&error, "list_entities", "limit", &expected);
        let error = client
            .list_units()
            .limit(limit)
            .send()
            .await
            .expect_err("units");
        assert_refused(&error, "list_units", "limit", &expected);
        let error = client
            .list_divisions()
            .limit(limit)
            .send()
            .await
            .expect_err("divisions");
        assert_refused(&error, "list_divisions", "limit", &expected);

        let mut stream = Box::pin(client.list_entities().limit(limit).stream());
        let first = stream.next().await.expect("the error is yielded");
        assert_refused(
            &first.expect_err("stream"),
            "list_entities",
            "limit",
            &expected,
        );
        assert!(stream.next().await.is_none(), "the error ends the stream");
    }

    assert_nothing_sent(&server).await;
}

#[tokio::test]
async fn an_offset_of_0_is_refused_before_sending() {
    let server = MockServer::start().await;

    let error = client(&server)
        .list_divisions()
        .offset(0)
        .send()
        .await
        .expect_err("0 < 1");

    assert_refused(&error, "list_divisions", "offset", "at least 1, got 0");
    assert_nothing_sent(&server).await;
}
