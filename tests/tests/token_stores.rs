//! Tokens that outlive a client, over real HTTP to a local token endpoint and real files:
//! clients sharing a `FileTokenStore` refresh once between them, a new client reuses a stored
//! token that is still good, a store file is never left half written, `on_token_refresh` hears
//! of each refresh, and the token endpoint's `api_domain` is where the next API call goes.

mod e2e_support;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use org_clients::runtime::{Error, FileTokenStore, MemoryTokenStore, TokenStore};
use org_clients::zoho_people::{Client, ClientBuilder, Credentials, Region};
use serde_json::json;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use e2e_support::*;

const ENTITIES: &str = "/people/api/v3/orgstructure/entities";

fn no_records() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({ "data": [], "has_more": false }))
}

/// A People server that accepts `token` only.
async fn people_accepting(token: &str) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(path(ENTITIES))
        .and(header(
            "authorization",
            format!("Zoho-oauthtoken {token}").as_str(),
        ))
        .respond_with(no_records())
        .mount(&server)
        .await;
    server
}

/// A People client builder with the test's refresh token and `accounts` as its token host.
fn refreshing(accounts: &str) -> ClientBuilder {
    Client::builder()
        .accounts_url(accounts)
        .allow_insecure_http(true)
        .credentials(Credentials::refresh_token(
            CLIENT_ID,
            CLIENT_SECRET,
            REFRESH_TOKEN,
        ))
        .timeout(TIMEOUT)
}

fn client(api: &MockServer, accounts: &MockServer, store: Arc<dyn TokenStore>) -> Client {
    refreshing(&accounts.uri())
        .base_url(api.uri())
        .token_store(store)
        .build()
        .expect("a client")
}

fn temp_file(name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let file = folder.path().join(name);
    (folder, file)
}

#[tokio::test]
async fn two_clients_on_one_file_store_make_one_token_request_between_them() {
    let accounts = MockServer::start().await;
    mount_token_endpoint(&accounts, ZOHO_TOKEN_PATH, &["stored-token"]).await;
    let api = people_accepting("stored-token").await;
    let (_folder, file) = temp_file("tokens.json");
    // Two store values on one file: as two processes would open it.
    let first = client(&api, &accounts, Arc::new(FileTokenStore::new(&file)));
    let second = client(&api, &accounts, Arc::new(FileTokenStore::new(&file)));

    let (a, b) = tokio::join!(first.list_entities().send(), second.list_entities().send());
    a.expect("first client");
    b.expect("second client");
    // A client built later, as after a restart, finds the stored token too.
    let third = client(&api, &accounts, Arc::new(FileTokenStore::new(&file)));
    third.list_entities().send().await.expect("third client");

    assert_eq!(received_on(&accounts, ZOHO_TOKEN_PATH).await.len(), 1);
    assert_eq!(received_on(&api, ENTITIES).await.len(), 3);
}

/// Set in the processes [`three_processes_on_one_file_store_make_one_token_request`] starts:
/// `api url|accounts url|store file`.
const CHILD_ENV: &str = "TOKEN_STORE_CHILD";

#[tokio::test]
async fn three_processes_on_one_file_store_make_one_token_request() {
    let accounts = MockServer::start().await;
    // A slow token endpoint keeps the first refresh in flight while the others start.
    Mock::given(method("POST"))
        .and(path(ZOHO_TOKEN_PATH))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({
                    "access_token": "stored-token",
                    "expires_in": 3600,
                    "token_type": "Bearer",
                }))
                .set_delay(std::time::Duration::from_millis(300)),
        )
        .mount(&accounts)
        .await;
    let api = people_accepting("stored-token").await;
    let (_folder, file) = temp_file("tokens.json");
    let this_test = std::env::current_exe().expect("the test binary");
    let children: Vec<_> = (0..3)
        .map(|_| {
            std::process::Command::new(&this_test)
                .args(["--exact", "one_call_from_a_child_process", "--nocapture"])
                .env(
                    CHILD_ENV,
                    format!("{}|{}|{}", api.uri(), accounts.uri(), file.display()),
                )
                .spawn()
                .expect("a child process")
        })
        .collect();
    for child in children {
        let finished = tokio::task::spawn_blocking(move || child.wait_with_output())
            .await
            .expect("waited")
            .expect("a finished child");
        assert!(finished.status.success(), "a child failed: {finished:?}");
    }

    assert_eq!(received_on(&accounts, ZOHO_TOKEN_PATH).await.len(), 1);
    assert_eq!(received_on(&api, ENTITIES).await.len(), 3);
}

/// The child side of [`three_processes_on_one_file_store_make_one_token_request`]: one call
/// through its own client and store. Run alone (without the variable) it has nothing to do.
#[tokio::test]
async fn one_call_from_a_child_process() {
    let Ok(setting) = std::env::var(CHILD_ENV) else {
        return;
    };
    let parts: Vec<&str> = setting.split('|').collect();
    let [api, accounts, file] = parts.as_slice() else {
        panic!("{CHILD_ENV} is `api|accounts|file`, not {setting:?}");
    };
    let client = refreshing(accounts)
        .base_url(*api)
        .token_store(Arc::new(FileTokenStore::new(file)))
        .build()
        .expect("a client");
    client.list_entities().send().await.expect("a call");
}

#[cfg(unix)]
#[tokio::test]
async fn the_store_file_is_readable_by_its_owner_only_and_never_printed() {
    use std::os::unix::fs::PermissionsExt;
    let accounts = MockServer::start().await;
    mount_token_endpoint(&accounts, ZOHO_TOKEN_PATH, &["secret-access-token"]).await;
    let api = people_accepting("secret-access-token").await;
    let (_folder, file) = temp_file("tokens.json");
    let store = Arc::new(FileTokenStore::new(&file));
    let client = client(&api, &accounts, store.clone());

    client.list_entities().send().await.expect("an answer");

    let mode = std::fs::metadata(&file)
        .expect("the file")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    let stored = std::fs::read_to_string(&file).expect("the file");
    assert!(
        stored.contains("secret-access-token"),
        "the token is stored"
    );
    assert!(!stored.contains(REFRESH_TOKEN) && !stored.contains(CLIENT_SECRET));
    for shown in [format!("{client:?}"), format!("{store:?}")] {
        assert!(!shown.contains("secret-access-token"), "{shown}");
    }
    let loaded = store
        .load(&only_key(&file))
        .await
        .expect("readable")
        .expect("a token");
    assert!(!format!("{loaded:?}").contains("secret-access-token"));
}

/// The one key in a token file.
fn only_key(file: &std::path::Path) -> String {
    let text = std::fs::read_to_string(file).expect("the file");
    let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let tokens = value["tokens"].as_object().expect("a tokens map");
    assert_eq!(tokens.len(), 1);
    tokens.keys().next().cloned().unwrap_or_default()
}

#[tokio::test]
async fn a_write_cut_short_leaves_the_previous_token_readable() {
    let accounts = MockServer::start().await;
    mount_token_endpoint(&accounts, ZOHO_TOKEN_PATH, &["first-token"]).await;
    let api = people_accepting("first-token").await;
    let (folder, file) = temp_file("tokens.json");
    client(&api, &accounts, Arc::new(FileTokenStore::new(&file)))
        .list_entities()
        .send()
        .await
        .expect("stores a token");
    // A writer that died mid-write leaves only its temporary file behind; the token file is
    // replaced by renaming, so it is the old one, whole.
    std::fs::write(
        folder.path().join(".tokens.json.999.1.tmp"),
        b"{\"tokens\": {\"k",
    )
    .expect("a partial file");

    let later = client(&api, &accounts, Arc::new(FileTokenStore::new(&file)));
    later
        .list_entities()
        .send()
        .await
        .expect("the stored token still works");

    assert_eq!(received_on(&accounts, ZOHO_TOKEN_PATH).await.len(), 1);
}

#[tokio::test]
async fn a_refused_stored_token_is_refreshed_once_and_replaced_in_the_store() {
    let accounts = MockServer::start().await;
    mount_token_endpoint(&accounts, ZOHO_TOKEN_PATH, &["old-token", "new-token"]).await;
    let api = MockServer::start().await;
    Mock::given(path(ENTITIES))
        .and(header("authorization", "Zoho-oauthtoken old-token"))
        .respond_with(invalid_token())
        .mount(&api)
        .await;
    Mock::given(path(ENTITIES))
        .and(header("authorization", "Zoho-oauthtoken new-token"))
        .respond_with(no_records())
        .mount(&api)
        .await;
    let store: Arc<dyn TokenStore> = Arc::new(MemoryTokenStore::new());
    let first = client(&api, &accounts, store.clone());
    first
        .list_entities()
        .send()
        .await
        .expect("refreshed after the 401");

    // A second client on the store gets the new token, not the refused one.
    let second = client(&api, &accounts, store);
    second.list_entities().send().await.expect("the new token");

    assert_eq!(received_on(&accounts, ZOHO_TOKEN_PATH).await.len(), 2);
}

#[tokio::test]
async fn on_token_refresh_hears_of_each_new_token() {
    let accounts = MockServer::start().await;
    mount_token_endpoint(&accounts, ZOHO_TOKEN_PATH, &["a-token"]).await;
    let api = people_accepting("a-token").await;
    let heard = Arc::new(AtomicUsize::new(0));
    let counter = heard.clone();
    let client = refreshing(&accounts.uri())
        .base_url(api.uri())
        .on_token_refresh(move |refresh| {
            assert_eq!(refresh.service, "zoho_people");
            assert!(refresh.expires_at.is_some());
            counter.fetch_add(1, Ordering::SeqCst);
        })
        .build()
        .expect("a client");

    client.list_entities().send().await.expect("one");
    client.list_entities().send().await.expect("two");

    assert_eq!(heard.load(Ordering::SeqCst), 1);
}

/// A token endpoint whose answer names `api_domain` as the account's API host.
async fn accounts_naming(api_domain: &str) -> MockServer {
    let accounts = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(ZOHO_TOKEN_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "access_token": "eu-token",
            "api_domain": api_domain,
            "token_type": "Bearer",
            "expires_in": 3600,
        })))
        .mount(&accounts)
        .await;
    accounts
}

#[tokio::test]
async fn the_api_domain_of_the_token_answer_is_where_the_next_call_goes() {
    let api = people_accepting("eu-token").await;
    let accounts = accounts_naming(&api.uri()).await;
    // No base URL and no region: the client follows the account's host.
    let client = refreshing(&accounts.uri()).build().expect("a client");

    client
        .list_entities()
        .send()
        .await
        .expect("sent to the api_domain");

    assert_eq!(received_on(&api, ENTITIES).await.len(), 1);
}

#[tokio::test]
async fn a_chosen_region_that_disagrees_with_the_api_domain_is_a_config_error() {
    let accounts = accounts_naming("https://people.zoho.eu").await;
    let client = refreshing(&accounts.uri())
        .region(Region::Us)
        .build()
        .expect("a client");

    let error = client
        .list_entities()
        .send()
        .await
        .expect_err("wrong region");

    let Error::Config { reason } = &error else {
        panic!("expected Error::Config, got {error:?}");
    };
    assert!(reason.contains("https://people.zoho.eu"), "{reason}");
    assert!(reason.contains("https://people.zoho.com"), "{reason}");
}

#[tokio::test]
async fn a_pinned_base_url_wins_over_the_api_domain() {
    let api = people_accepting("eu-token").await;
    let accounts = accounts_naming("https://people.zoho.eu").await;
    let client = refreshing(&accounts.uri())
        .base_url(api.uri())
        .build()
        .expect("a client");

    client
        .list_entities()
        .send()
        .await
        .expect("sent to the base URL");
    assert_eq!(received_on(&api, ENTITIES).await.len(), 1);
}
