//! End to end, over real HTTP to a local server: the generated Zoho CRM client
//! (`org_clients::zoho_crm`), both of its operations, its documented errors, paging,
//! token refresh, local checks and path encoding.

mod e2e_support;

use futures::{StreamExt, TryStreamExt};
use org_clients::zoho_crm::{
    Client, Credentials, EnrichmentStatus, Error, ErrorCode, SortBy, SortOrder,
};
use serde_json::{Value, json};
use wiremock::matchers::{header, method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

use e2e_support::*;

const LIST_PATH: &str = "/crm/v7/__zia_org_enrichment";

/// specs/zoho_crm.yaml, `list_org_enrichments`, "Sample Response while fetching all
/// enrichments" (from shared/seeds/000_e817e0a9eaca1a29.txt).
const LIST_SAMPLE: &str = r#"{
    "__zia_org_enrichment": [
        {
            "id": "111112000000071191",
            "status": "COMPLETED",
            "created_time": "2024-05-12T23:51:22Z",
            "created_by": {
                "id": "111112000000055001",
                "name": "Patricia Boyle"
            }
        },
        {
            "id": "111112000000071157",
            "status": "SCHEDULED",
            "created_time": "2024-05-12T23:55:02Z",
            "created_by": {
                "id": "111112000000055001",
                "name": "Patricia Boyle"
            }
        }
    ],
    "info": {
        "per_page": 200,
        "count": 2,
        "page": 1,
        "more_records": false
    }
}"#;

/// specs/zoho_crm.yaml, `get_org_enrichment`, "Sample response for a specific org
/// enrichment".
const GET_SAMPLE: &str = r#"{
    "__zia_org_enrichment": [
        {
            "enrich_based_on": {
                "name": "ABC",
                "website": "www.zoho.com"
            },
            "enriched_data": {
                "address": [
                    {
                        "city": "Chengalpattu District",
                        "country": "India",
                        "fill_address": "Estancia IT Park, Plot no. 140, 151, GST Road, Vallancheri",
                        "pin_code": "603202",
                        "state": "Tamil Nadu"
                    }
                ],
                "id": "jRsJ7grCwzJfs4B384k4zY3OFsLIE+EGt9AwDDtb4j4=",
                "industries": [
                    {
                        "description": "Includes information and data processing services, computer programming, systems design, consultancy, hosting and other computer related services.",
                        "name": "Computer Programming Services"
                    }
                ],
                "name": "ZOHO",
                "primary_contact": "844-316-5544",
                "primary_email": "sales@zohocorp.com",
                "secondary_email": "press@zohocorp.com",
                "social_media": [
                    {
                        "media_type": "TWITTER",
                        "media_url": [
                            "twitter.com/zoho"
                        ]
                    }
                ],
                "website": "https://www.zoho.com"
            },
            "id": "554023000004092135",
            "status": "COMPLETED"
        }
    ]
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

fn refreshing_client(server: &MockServer) -> Client {
    Client::builder()
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
        .expect("a valid client configuration")
}

/// One page of the list: the sample's two jobs with their ids suffixed by the page number
/// (the last page has one job), and `info` saying whether more follow.
fn page_body(page: i64, more_records: bool) -> Value {
    let mut body = sample(LIST_SAMPLE);
    let mut jobs = body["__zia_org_enrichment"]
        .as_array()
        .expect("an array")
        .clone();
    if !more_records {
        jobs.truncate(1);
    }
    for job in &mut jobs {
        let id = job["id"].as_str().expect("a string id").to_owned();
        job["id"] = json!(format!("{id}{page}"));
    }
    body["info"] = json!({
        "per_page": 2,
        "count": jobs.len(),
        "page": page,
        "more_records": more_records,
    });
    body["__zia_org_enrichment"] = Value::Array(jobs);
    body
}

#[tokio::test]
async fn list_org_enrichments_is_a_get_with_the_zoho_token_and_decodes_the_document_sample() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(LIST_PATH))
        .and(header("authorization", ZOHO_AUTH))
        .and(query_param_is_missing("page"))
        .and(query_param_is_missing("per_page"))
        .respond_with(ok_json(LIST_SAMPLE))
        .expect(1)
        .mount(&server)
        .await;

    let jobs = client(&server)
        .list_org_enrichments()
        .send()
        .await
        .expect("the sample decodes");

    let request = only_request(&server).await;
    assert_zoho_request(&request, "GET", LIST_PATH, None, ZOHO_AUTH);
    assert_no_body(&request);

    assert_eq!(jobs.len(), 2);
    assert_eq!(jobs[0].id, "111112000000071191");
    assert_eq!(jobs[0].status, EnrichmentStatus::Completed);
    assert_eq!(
        jobs[0].created_time.to_rfc3339(),
        "2024-05-12T23:51:22+00:00"
    );
    assert_eq!(jobs[0].created_by.id.as_deref(), Some("111112000000055001"));
    assert_eq!(jobs[0].created_by.name.as_deref(), Some("Patricia Boyle"));
    assert_eq!(jobs[1].id, "111112000000071157");
    assert_eq!(jobs[1].status, EnrichmentStatus::Scheduled);
    assert_eq!(
        jobs[1].created_time.to_rfc3339(),
        "2024-05-12T23:55:02+00:00"
    );
    assert_eq!(jobs[1].created_by.id.as_deref(), Some("111112000000055001"));
    assert_eq!(jobs[1].created_by.name.as_deref(), Some("Patricia Boyle"));
}

#[tokio::test]
async fn list_org_enrichments_sends_every_optional_parameter_set_on_the_builder() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(LIST_PATH))
        .and(header("authorization", ZOHO_AUTH))
        .and(query_param("page", "1"))
        .and(query_param("per_page", "100"))
        .and(query_param("sort_by", "created_time"))
        .and(query_param("sort_order", "desc"))
        .and(query_param("status", "COMPLETED"))
        .respond_with(ok_json(LIST_SAMPLE))
        .expect(1)
        .mount(&server)
        .await;

    // `page` 1 and `per_page` 100 are the documented bounds, so they are accepted.
    let jobs = client(&server)
        .list_org_enrichments()
        .page(1)
        .per_page(100)
        .sort_by(SortBy::CreatedTime)
        .sort_order(SortOrder::Desc)
        .status(EnrichmentStatus::Completed)
        .send()
        .await
        .expect("the sample decodes");

    let request = only_request(&server).await;
    assert_zoho_request(
        &request,
        "GET",
        LIST_PATH,
        Some("page=1&per_page=100&sort_by=created_time&sort_order=desc&status=COMPLETED"),
        ZOHO_AUTH,
    );
    assert_no_body(&request);
    assert_eq!(jobs.len(), 2);
}

#[tokio::test]
async fn get_org_enrichment_puts_the_job_id_in_the_path_and_decodes_the_document_sample() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/crm/v7/__zia_org_enrichment/554023000004092135"))
        .and(header("authorization", ZOHO_AUTH))
        .respond_with(ok_json(GET_SAMPLE))
        .expect(1)
        .mount(&server)
        .await;

    let enrichments = client(&server)
        .get_org_enrichment("554023000004092135")
        .send()
        .await
        .expect("the sample decodes");

    let request = only_request(&server).await;
    assert_zoho_request(
        &request,
        "GET",
        "/crm/v7/__zia_org_enrichment/554023000004092135",
        None,
        ZOHO_AUTH,
    );
    assert_no_body(&request);

    assert_eq!(enrichments.len(), 1);
    let enrichment = &enrichments[0];
    assert_eq!(enrichment.id.as_deref(), Some("554023000004092135"));
    assert_eq!(enrichment.status, Some(EnrichmentStatus::Completed));

    let based_on = enrichment
        .enrich_based_on
        .as_ref()
        .expect("enrich_based_on");
    assert_eq!(based_on.name.as_deref(), Some("ABC"));
    assert_eq!(based_on.website.as_deref(), Some("www.zoho.com"));

    let data = enrichment.enriched_data.as_ref().expect("enriched_data");
    assert_eq!(
        data.id.as_deref(),
        Some("jRsJ7grCwzJfs4B384k4zY3OFsLIE+EGt9AwDDtb4j4=")
    );
    assert_eq!(data.name.as_deref(), Some("ZOHO"));
    assert_eq!(data.primary_contact.as_deref(), Some("844-316-5544"));
    assert_eq!(data.primary_email.as_deref(), Some("sales@zohocorp.com"));
    assert_eq!(data.secondary_email.as_deref(), Some("press@zohocorp.com"));
    assert_eq!(data.website.as_deref(), Some("https://www.zoho.com"));

    let address = data.address.as_ref().expect("address");
    assert_eq!(address.len(), 1);
    assert_eq!(address[0].city.as_deref(), Some("Chengalpattu District"));
    assert_eq!(address[0].country.as_deref(), Some("India"));
    assert_eq!(
        address[0].fill_address.as_deref(),
        Some("Estancia IT Park, Plot no. 140, 151, GST Road, Vallancheri")
    );
    assert_eq!(address[0].pin_code.as_deref(), Some("603202"));
    assert_eq!(address[0].state.as_deref(), Some("Tamil Nadu"));

    let industries = data.industries.as_ref().expect("industries");
    assert_eq!(industries.len(), 1);
    assert_eq!(
        industries[0].name.as_deref(),
        Some("Computer Programming Services")
    );
    assert!(
        industries[0]
            .description
            .as_deref()
            .expect("a description")
            .starts_with("Includes information and data processing services")
    );

    let social = data.social_media.as_ref().expect("social_media");
    assert_eq!(social.len(), 1);
    assert_eq!(social[0].media_type.as_deref(), Some("TWITTER"));
    assert_eq!(
        social[0].media_url.as_deref(),
        Some(&["twitter.com/zoho".to_owned()][..])
    );
}

/// The document's error table: (code, HTTP status, variant).
fn documented_errors() -> Vec<(&'static str, u16, ErrorCode)> {
    vec![
        ("INVALID_DATA", 400, ErrorCode::InvalidData),
        ("FEATURE_NOT_ENABLED", 400, ErrorCode::FeatureNotEnabled),
        ("FEATURE_NOT_SUPPORTED", 400, ErrorCode::FeatureNotSupported),
        ("OAUTH_SCOPE_MISMATCH", 401, ErrorCode::OauthScopeMismatch),
        ("NO_PERMISSION", 403, ErrorCode::NoPermission),
        ("INTERNAL_SERVER_ERROR", 500, ErrorCode::InternalServerError),
    ]
}

fn assert_api_error(
    error: &Error,
    operation: &str,
    code: &ErrorCode,
    status: u16,
    message: &str,
    details: &Value,
) {
    assert_eq!(error.code(), Some(code), "{error:?}");
    assert_eq!(error.status(), Some(status), "{error:?}");
    assert_eq!(error.message(), Some(message), "{error:?}");
    let Error::Api(api) = error else {
        panic!("expected Error::Api, got {error:?}");
    };
    assert_eq!(api.operation, operation);
    assert_eq!(api.details.as_ref(), Some(details));
    assert_eq!(
        error.to_string(),
        format!("zoho_crm {operation}: HTTP {status} {code}: {message}")
    );
}

#[tokio::test]
async fn every_documented_error_code_of_the_list_decodes_into_its_variant() {
    for (code, status, variant) in documented_errors() {
        let server = MockServer::start().await;
        let message = format!("the server says {code}");
        let details = json!({"api_name": "sort_by", "expected_data_type": "string"});
        Mock::given(method("GET"))
            .and(path(LIST_PATH))
            .respond_with(zoho_error(status, code, &message, details.clone()))
            .expect(1)
            .mount(&server)
            .await;

        let error = client(&server)
            .list_org_enrichments()
            .send()
            .await
            .expect_err(code);

        assert_api_error(
            &error,
            "list_org_enrichments",
            &variant,
            status,
            &message,
            &details,
        );
        assert_eq!(variant.as_str(), code);
        assert_eq!(variant.documented_status(), Some(status));
        // A fixed token is never refreshed: one request, even for a 401.
        assert_eq!(received(&server).await.len(), 1, "{code}");
    }
}

#[tokio::test]
async fn every_documented_error_code_of_get_org_enrichment_decodes_into_its_variant() {
    for (code, status, variant) in documented_errors() {
        let server = MockServer::start().await;
        let message = format!("the server says {code}");
        let details = json!({});
        Mock::given(method("GET"))
            .and(path("/crm/v7/__zia_org_enrichment/554023000004092135"))
            .respond_with(zoho_error(status, code, &message, details.clone()))
            .expect(1)
            .mount(&server)
            .await;

        let error = client(&server)
            .get_org_enrichment("554023000004092135")
            .send()
            .await
            .expect_err(code);

        assert_api_error(
            &error,
            "get_org_enrichment",
            &variant,
            status,
            &message,
            &details,
        );
    }
}

#[tokio::test]
async fn an_undocumented_error_code_decodes_as_unknown() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(LIST_PATH))
        .respond_with(zoho_error(
            429,
            "TOO_MANY_REQUESTS",
            "too many requests",
            json!({}),
        ))
        .mount(&server)
        .await;

    let error = client(&server)
        .list_org_enrichments()
        .send()
        .await
        .expect_err("429");

    assert_eq!(
        error.code(),
        Some(&ErrorCode::Unknown("TOO_MANY_REQUESTS".to_owned()))
    );
    assert_eq!(error.status(), Some(429));
    assert_eq!(error.message(), Some("too many requests"));
}

#[tokio::test]
async fn no_content_on_the_list_is_an_empty_vec() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(LIST_PATH))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = client(&server);

    let jobs = client
        .list_org_enrichments()
        .send()
        .await
        .expect("204 is a success");
    assert!(jobs.is_empty());

    let streamed: Vec<_> = client
        .list_org_enrichments()
        .stream()
        .try_collect()
        .await
        .expect("204 ends the stream");
    assert!(streamed.is_empty());
    assert_eq!(received(&server).await.len(), 2, "one request each");
}

#[tokio::test]
async fn stream_walks_three_pages_in_order_and_stops_after_more_records_false() {
    let server = MockServer::start().await;
    for (page, more) in [(1, true), (2, true), (3, false)] {
        Mock::given(method("GET"))
            .and(path(LIST_PATH))
            .and(header("authorization", ZOHO_AUTH))
            .and(query_param("page", page.to_string()))
            .and(query_param("per_page", "2"))
            .and(query_param("sort_order", "asc"))
            .respond_with(ResponseTemplate::new(200).set_body_json(page_body(page, more)))
            .expect(1)
            .mount(&server)
            .await;
    }
    // A fourth page must never be asked for.
    Mock::given(method("GET"))
        .and(path(LIST_PATH))
        .and(query_param("page", "4"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page_body(4, false)))
        .expect(0)
        .mount(&server)
        .await;

    let jobs: Vec<_> = client(&server)
        .list_org_enrichments()
        .per_page(2)
        .sort_order(SortOrder::Asc)
        .stream()
        .try_collect()
        .await
        .expect("three pages");

    let ids: Vec<&str> = jobs.iter().map(|job| job.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "1111120000000711911",
            "1111120000000711571",
            "1111120000000711912",
            "1111120000000711572",
            "1111120000000711913",
        ]
    );
    assert_eq!(jobs[0].status, EnrichmentStatus::Completed);
    assert_eq!(jobs[1].status, EnrichmentStatus::Scheduled);

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
            LIST_PATH,
            Some(&format!("page={}&per_page=2&sort_order=asc", i + 1)),
            ZOHO_AUTH,
        );
    }
    server.verify().await;
}

#[tokio::test]
async fn stream_fetches_the_next_page_only_when_the_previous_one_is_used_up() {
    let server = MockServer::start().await;
    for (page, more) in [(1, true), (2, true), (3, false)] {
        Mock::given(method("GET"))
            .and(path(LIST_PATH))
            .and(query_param("page", page.to_string()))
            .respond_with(ResponseTemplate::new(200).set_body_json(page_body(page, more)))
            .mount(&server)
            .await;
    }
    let client = client(&server);
    let stream = client.list_org_enrichments().per_page(2).stream();
    let mut stream = std::pin::pin!(stream);

    assert_eq!(received(&server).await.len(), 0, "nothing before polling");
    stream.next().await.expect("an item").expect("page 1");
    stream.next().await.expect("an item").expect("page 1");
    assert_eq!(received(&server).await.len(), 1);
    stream.next().await.expect("an item").expect("page 2");
    assert_eq!(received(&server).await.len(), 2);
}

#[tokio::test]
async fn stream_yields_the_first_error_and_ends() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(LIST_PATH))
        .and(query_param("page", "1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page_body(1, true)))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(LIST_PATH))
        .and(query_param("page", "2"))
        .respond_with(zoho_error(
            500,
            "INTERNAL_SERVER_ERROR",
            "unhandled exception",
            json!({}),
        ))
        .mount(&server)
        .await;

    let items: Vec<_> = client(&server)
        .list_org_enrichments()
        .stream()
        .collect()
        .await;

    assert_eq!(items.len(), 3, "two jobs, then the error, then the end");
    assert!(items[0].is_ok() && items[1].is_ok());
    let error = items[2].as_ref().expect_err("page 2 fails");
    assert_eq!(error.code(), Some(&ErrorCode::InternalServerError));
    assert_eq!(received(&server).await.len(), 2);
}

#[tokio::test]
async fn an_expired_token_is_refreshed_and_the_request_retried_with_the_new_token() {
    let server = MockServer::start().await;
    mount_token_endpoint(&server, ZOHO_TOKEN_PATH, &["old-token", "new-token"]).await;
    Mock::given(method("GET"))
        .and(path(LIST_PATH))
        .and(header("authorization", "Zoho-oauthtoken old-token"))
        .respond_with(invalid_token())
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(LIST_PATH))
        .and(header("authorization", "Zoho-oauthtoken new-token"))
        .respond_with(ok_json(LIST_SAMPLE))
        .expect(2)
        .mount(&server)
        .await;
    let client = refreshing_client(&server);

    let jobs = client
        .list_org_enrichments()
        .send()
        .await
        .expect("the retry with the new token succeeds");
    assert_eq!(jobs.len(), 2);
    assert_eq!(jobs[0].id, "111112000000071191");

    let tokens = received_on(&server, ZOHO_TOKEN_PATH).await;
    assert_eq!(tokens.len(), 2, "the first token, then one refresh");
    tokens.iter().for_each(assert_refresh_grant);
    let calls = received_on(&server, LIST_PATH).await;
    assert_eq!(calls.len(), 2, "the rejected request, then its retry");
    assert_zoho_request(
        &calls[0],
        "GET",
        LIST_PATH,
        None,
        "Zoho-oauthtoken old-token",
    );
    assert_zoho_request(
        &calls[1],
        "GET",
        LIST_PATH,
        None,
        "Zoho-oauthtoken new-token",
    );

    // The new token is cached: the next call needs no token request.
    client
        .list_org_enrichments()
        .send()
        .await
        .expect("the cached token");
    assert_eq!(received_on(&server, ZOHO_TOKEN_PATH).await.len(), 2);
    server.verify().await;
}

#[tokio::test]
async fn a_scope_mismatch_is_not_answered_by_a_refresh() {
    let server = MockServer::start().await;
    mount_token_endpoint(&server, ZOHO_TOKEN_PATH, &["the-token"]).await;
    Mock::given(method("GET"))
        .and(path(LIST_PATH))
        .respond_with(zoho_error(
            401,
            "OAUTH_SCOPE_MISMATCH",
            "invalid oauth scope to access this URL",
            json!({}),
        ))
        .mount(&server)
        .await;

    let error = refreshing_client(&server)
        .list_org_enrichments()
        .send()
        .await
        .expect_err("401");

    assert_eq!(error.code(), Some(&ErrorCode::OauthScopeMismatch));
    assert_eq!(received_on(&server, ZOHO_TOKEN_PATH).await.len(), 1);
    assert_eq!(received_on(&server, LIST_PATH).await.len(), 1);
}

fn assert_invalid_request(error: &Error, parameter: &str, reason_contains: &str) {
    let Error::InvalidRequest {
        operation,
        parameter: named,
        reason,
    } = error
    else {
        panic!("expected Error::InvalidRequest, got {error:?}");
    };
    assert_eq!(*operation, "list_org_enrichments");
    assert_eq!(*named, parameter);
    assert!(reason.contains(reason_contains), "{reason}");
    assert!(
        error.to_string().starts_with(&format!(
            "zoho_crm list_org_enrichments: invalid `{parameter}`"
        )),
        "{error}"
    );
}

#[tokio::test]
async fn per_page_above_100_is_refused_before_sending() {
    let server = MockServer::start().await;
    let client = client(&server);

    let error = client
        .list_org_enrichments()
        .per_page(101)
        .send()
        .await
        .expect_err("101 > 100");
    assert_invalid_request(&error, "per_page", "between 1 and 100, got 101");

    let error = client
        .list_org_enrichments()
        .per_page(0)
        .send()
        .await
        .expect_err("0 < 1");
    assert_invalid_request(&error, "per_page", "between 1 and 100, got 0");

    let mut stream = Box::pin(client.list_org_enrichments().per_page(101).stream());
    let first = stream.next().await.expect("the error is yielded");
    assert!(stream.next().await.is_none(), "the error ends the stream");
    assert_invalid_request(&first.expect_err("101 > 100"), "per_page", "got 101");

    assert_nothing_sent(&server).await;
}

#[tokio::test]
async fn page_0_is_refused_before_sending() {
    let server = MockServer::start().await;
    let client = client(&server);

    let error = client
        .list_org_enrichments()
        .page(0)
        .send()
        .await
        .expect_err("0 < 1");
    assert_invalid_request(&error, "page", "at least 1, got 0");

    let streamed: Vec<_> = client
        .list_org_enrichments()
        .page(0)
        .stream()
        .collect()
        .await;
    assert_eq!(streamed.len(), 1, "the error, then the end");
    assert_invalid_request(streamed[0].as_ref().expect_err("0 < 1"), "page", "got 0");

    assert_nothing_sent(&server).await;
}

#[tokio::test]
async fn job_ids_with_slashes_dots_or_query_characters_stay_inside_one_path_segment() {
    let server = MockServer::start().await;
    let cases = [
        ("../x", "/crm/v7/__zia_org_enrichment/..%2Fx"),
        ("a/b", "/crm/v7/__zia_org_enrichment/a%2Fb"),
        ("?q=1", "/crm/v7/__zia_org_enrichment/%3Fq%3D1"),
    ];
    for (_, encoded) in cases {
        Mock::given(method("GET"))
            .and(path(encoded))
            .respond_with(ok_json(GET_SAMPLE))
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = client(&server);

    for (job_id, _) in cases {
        client
            .get_org_enrichment(job_id)
            .send()
            .await
            .unwrap_or_else(|error| panic!("{job_id:?}: {error}"));
    }

    let requests = received(&server).await;
    assert_eq!(requests.len(), cases.len());
    for (request, (job_id, encoded)) in requests.iter().zip(cases) {
        assert_zoho_request(request, "GET", encoded, None, ZOHO_AUTH);
        let segments: Vec<_> = request.url.path_segments().expect("a path").collect();
        assert_eq!(segments.len(), 4, "{job_id:?} is one segment: {segments:?}");
        assert_eq!(&segments[..3], ["crm", "v7", "__zia_org_enrichment"]);
    }
    server.verify().await;
}

#[tokio::test]
async fn a_job_id_of_dot_dot_is_refused_before_sending() {
    let server = MockServer::start().await;
    let client = client(&server);

    for job_id in ["..", ".", ""] {
        let error = client
            .get_org_enrichment(job_id)
            .send()
            .await
            .expect_err(job_id);
        let Error::InvalidRequest {
            operation,
            parameter,
            reason,
        } = &error
        else {
            panic!("expected Error::InvalidRequest for {job_id:?}, got {error:?}");
        };
        assert_eq!(*operation, "get_org_enrichment");
        assert_eq!(*parameter, "job_id");
        assert!(reason.contains("would change the path"), "{reason}");
    }

    assert_nothing_sent(&server).await;
}
