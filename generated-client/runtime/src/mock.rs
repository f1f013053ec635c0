//! A local mock of a service, for testing code that calls a generated client without
//! credentials or a network: behind the `mock` feature.
//!
//! A generated module's `mock` module describes each operation once (its method, path,
//! success status, envelope and the document's sample answer, as an [`Answer`]) and ties
//! each request builder to it ([`MockOperation`]). [`MockServer`] starts a local HTTP
//! server on `wiremock` (already what the generated crate's own tests stub services with:
//! a real server on a local port, in-process, verifying its expectations when dropped),
//! answers every operation with its document's sample, and takes typed expectations:
//!
//! - which call: the request builder itself, with the arguments and setters the code under
//!   test uses. A request matches when its method, path, body and headers are the ones
//!   the builder would send, and it carries every query parameter the builder sets
//!   (parameters the builder leaves unset, and the client's common parameters, may have
//!   any value);
//! - what comes back: a typed payload wrapped in the operation's envelope, a documented
//!   error code, a `204`, pages for `stream()`, or a fault;
//! - how often: at least once unless [`Expectation::times`] says otherwise. An expectation
//!   left unmet fails the test when the server is dropped (or at [`MockServer::verify`]).
//!
//! Sending is real HTTP through the client's whole stack (auth header, retries, rate
//! limits, decoding): the mock replaces the service, not the client.

use std::fmt;
use std::marker::PhantomData;
use std::ops::RangeFrom;
use std::time::Duration;

use serde::Serialize;
use serde_json::{Map, Value};
use url::Url;
use wiremock::{Match, Mock, ResponseTemplate, Times};

use super::auth::{AuthScheme, Credentials};
use super::client::Service;
use super::error::Error;
use super::request::{Body as RequestBody, Request};

/// The priority of an expectation; the documented answers rank below every expectation
/// (wiremock tries lower numbers first, and mocks of one priority in mounting order).
const EXPECTATION: u8 = 1;
const DOCUMENTED: u8 = u8::MAX;

/// The base the expected requests' URLs are resolved against; only their path and query
/// are compared.
const MOCK_BASE: &str = "http://mock.invalid/";

/// What a generated module tells the mock about its service: its client, its operations,
/// and how its errors look. Implemented by each service's marker type (`ZohoCrm`) in the
/// module's `mock` module.
pub trait MockService: Service + Sized {
    /// The service's client builder.
    type Builder;
    /// The service's client.
    type Client;
    /// Every operation, in the spec's order.
    const OPERATIONS: &'static [&'static Answer];
    /// Whether the service's error codes are numbers on the wire.
    const INTEGER_CODES: bool;
    /// A builder pointed at `base_url` (plain `http` allowed) with `credentials`.
    fn builder(base_url: &str, credentials: Option<Credentials>) -> Self::Builder;
    /// Builds the client.
    fn build(builder: Self::Builder) -> Result<Self::Client, Error<Self::Code>>;
    /// The HTTP status the document gives for `code`.
    fn documented_status(code: &Self::Code) -> Option<u16>;
}

/// One operation as the mock answers it: generated, one per operation.
#[derive(Debug)]
pub struct Answer {
    /// The operation's name (`get_org_enrichment`).
    pub operation: &'static str,
    /// The HTTP method.
    pub method: &'static str,
    /// The path's segments; `None` stands for a path parameter.
    pub path: &'static [Option<&'static str>],
    /// The documented success status.
    pub status: u16,
    /// Whether the success answer has a payload.
    pub payload: bool,
    /// The top-level key the payload sits under, if any.
    pub envelope: Option<&'static str>,
    /// The key path of the boolean that says more pages follow, for a paged operation.
    pub has_more: Option<&'static [&'static str]>,
    /// Whether the document says the service may answer `204 No Content`.
    pub no_content: bool,
    /// The document's first sample answer (JSON), if it gives one: the default answer, and
    /// the body a typed payload is put into (so that the fields beside the envelope are
    /// the documented ones). Where a page gives the next one's cursor or link, the
    /// generator empties it in the sample, so that the default answer is a last page.
    /// For a download, the sample is the body's text as it is.
    pub sample: Option<&'static str>,
    /// For a download (a binary answer), the media type the operation asks for.
    pub download: Option<&'static str>,
}

impl Answer {
    /// The `Content-Type` of a download's answer: its media type, or
    /// `application/octet-stream` where that has a wildcard.
    fn download_type(&self) -> Option<&'static str> {
        self.download.map(|media_type| {
            if media_type.contains('*') {
                "application/octet-stream"
            } else {
                media_type
            }
        })
    }
}

/// Ties a request builder to its operation's [`Answer`] and payload type: generated, one
/// per operation.
pub trait MockOperation {
    /// The service.
    type Service: MockService;
    /// What the builder's `send()` returns on success (serializable, so that
    /// [`Expectation::respond`] can answer with it, unless it is a download).
    type Output;
    /// The builder's type with its client borrow made `'static`: what an [`Expectation`]
    /// is typed by, since it outlives the builder it was made from.
    type Static: MockOperation<Service = Self::Service, Output = Self::Output>;
    /// The operation.
    const ANSWER: &'static Answer;
    /// The request the builder would send, its constraints unchecked.
    fn expected_request(&self) -> Request;
}

/// An operation whose results come in pages: [`Expectation::respond_pages`] serves them.
pub trait MockPagedOperation: MockOperation<Output = Vec<Self::Item>> {
    /// One item of a page.
    type Item: Serialize;
    /// Where a page says the next one is, for the styles that follow a cursor or a link;
    /// `None` for page numbers and offsets, which the client counts itself.
    const NEXT: Option<NextPage> = None;
}

/// Where a page of a cursor or link style says the next one is: what
/// [`Expectation::respond_pages`] fills in on every page but the last.
#[derive(Debug, Clone, Copy)]
pub enum NextPage {
    /// A cursor at this key path of the body, sent back in the query parameter `param`.
    Cursor {
        /// The key path of the cursor in the body.
        path: &'static [&'static str],
        /// The query parameter the client sends it back in.
        param: &'static str,
    },
    /// A link at this key path of the body (HAL's `_links.next.href`).
    BodyLink(&'static [&'static str]),
    /// An RFC 8288 `Link` header with `rel="next"`.
    LinkHeader,
}

/// The query parameter the mock's page links carry, so that each page's request is told
/// from the others.
const MOCK_PAGE: &str = "mock_page";

/// Something other than a documented answer.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fault {
    /// This status, with an empty body (`503`, say: the client retries it).
    Status(u16),
    /// `429 Too Many Requests` with `Retry-After` in whole seconds (and the service's own
    /// retry-after header, when it documents one).
    TooManyRequests {
        /// How long the client is asked to wait.
        retry_after: Duration,
    },
    /// The success answer's body cut off halfway, as a connection dropped mid-body leaves
    /// it: the client reports a decode error.
    CutBody,
}

/// A local mock of service `S`. Dropping it verifies every expectation and panics, failing
/// the test, when one was not met.
pub struct MockServer<S: MockService> {
    server: wiremock::MockServer,
    service: PhantomData<fn() -> S>,
}

impl<S: MockService> fmt::Debug for MockServer<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MockServer")
            .field("service", &S::NAME)
            .field("uri", &self.server.uri())
            .finish()
    }
}

impl<S: MockService> MockServer<S> {
    /// Starts a server on a free local port that answers every operation with its
    /// document's sample (a paged operation's sample as the last page). An operation whose
    /// document gives no sample answers `501` until an expectation says what to answer.
    pub async fn start() -> Self {
        let server = wiremock::MockServer::start().await;
        for answer in S::OPERATIONS {
            Mock::given(PathOf(answer))
                .respond_with(documented_answer::<S>(answer))
                .with_priority(DOCUMENTED)
                .named(format!("{} (the document's sample)", answer.operation))
                .mount(&server)
                .await;
        }
        MockServer {
            server,
            service: PhantomData,
        }
    }

    /// The server's base URL (`http://127.0.0.1:PORT`).
    pub fn uri(&self) -> String {
        self.server.uri()
    }

    /// A client builder pointed at this server, with made-up credentials of a kind the
    /// service takes: set retries, rate limits or common parameters, then `build()`.
    pub fn client_builder(&self) -> S::Builder {
        S::builder(&self.server.uri(), mock_credentials(&S::AUTH.scheme))
    }

    /// A client of this server.
    pub fn client(&self) -> Result<S::Client, Error<S::Code>> {
        S::build(self.client_builder())
    }

    /// Starts an expectation for the call `request` stands for: build it as the code under
    /// test will (`client.get_org_enrichment("42")`), say what to answer (the document's
    /// sample when nothing is said), then [`mount`](Expectation::mount) it.
    pub fn on<O>(&self, request: O) -> Expectation<'_, O::Static>
    where
        O: MockOperation<Service = S>,
    {
        let answer = O::ANSWER;
        Expectation {
            server: self,
            matcher: CallOf::new(answer, &request.expected_request()),
            // Until told otherwise, the documented answer, as for calls nobody expects.
            responses: vec![documented_answer::<S>(answer)],
            page_queries: Vec::new(),
            delay: None,
            times: Count::AtLeastOnce,
            operation: PhantomData,
        }
    }

    /// Checks every expectation now, panicking with what was expected and what came when
    /// one is not met (dropping the server does the same).
    pub async fn verify(&self) {
        self.server.verify().await;
    }

    /// The service's operations that no request has called yet, in the spec's order.
    pub async fn uncalled(&self) -> Vec<&'static str> {
        let calls = self.calls().await;
        S::OPERATIONS
            .iter()
            .map(|answer| answer.operation)
            .filter(|operation| !calls.iter().any(|call| call == operation))
            .collect()
    }

    /// The operations called so far, one entry per request received, in order; a request
    /// no operation's path matches is listed by its method and path.
    pub async fn calls(&self) -> Vec<String> {
        let received = self.server.received_requests().await.unwrap_or_default();
        received
            .iter()
            .map(|request| {
                S::OPERATIONS
                    .iter()
                    .find(|answer| PathOf(answer).matches(request))
                    .map_or_else(
                        || format!("{} {}", request.method, request.url.path()),
                        |answer| answer.operation.to_owned(),
                    )
            })
            .collect()
    }
}

/// How many times an expectation must be met.
#[derive(Debug, Clone, Copy)]
enum Count {
    AtLeastOnce,
    Exactly(u64),
}

/// What to answer to one call of operation `O`, and how often; nothing is answered until
/// [`mount`](Self::mount).
#[must_use = "an expectation does nothing until `.mount().await`"]
pub struct Expectation<'m, O: MockOperation> {
    server: &'m MockServer<O::Service>,
    matcher: CallOf,
    responses: Vec<ResponseTemplate>,
    /// For pages after the first of a cursor or link style: the query pair its request
    /// carries, which tells it from the other pages'.
    page_queries: Vec<Option<(String, String)>>,
    delay: Option<Duration>,
    times: Count,
    operation: PhantomData<fn() -> O>,
}

impl<O: MockOperation> fmt::Debug for Expectation<'_, O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Expectation")
            .field("operation", &O::ANSWER.operation)
            .field("responses", &self.responses.len())
            .field("delay", &self.delay)
            .field("times", &self.times)
            .finish_non_exhaustive()
    }
}

impl<O: MockOperation> Expectation<'_, O> {
    /// Answers with `output`, what `send()` is to return: the documented success status,
    /// the payload under the operation's envelope, and the fields beside it as the
    /// document's sample has them. For an operation that may answer `204`, `None` answers
    /// `204`.
    pub fn respond(mut self, output: O::Output) -> Self
    where
        O::Output: Serialize,
    {
        let answer = O::ANSWER;
        let payload = serde_json::to_value(&output).unwrap_or(Value::Null);
        self.responses = vec![if payload.is_null() && answer.no_content {
            ResponseTemplate::new(204)
        } else {
            success(answer, payload, Some(false))
        }];
        self
    }

    /// Answers with the documented error `code`: its documented status (`400` when the
    /// document gives none) and the service's error body with the code and `message`.
    pub fn respond_error(
        self,
        code: <O::Service as Service>::Code,
        message: impl Into<String>,
    ) -> Self {
        let status = O::Service::documented_status(&code).unwrap_or(400);
        self.respond_error_status(status, code, message)
    }

    /// Answers with the error `code` under `status`, in the service's error body.
    pub fn respond_error_status(
        mut self,
        status: u16,
        code: <O::Service as Service>::Code,
        message: impl Into<String>,
    ) -> Self {
        let body = error_body::<O::Service>(&code.to_string(), &message.into());
        self.responses = vec![json_template(status, &body)];
        self
    }

    /// Answers a download with `body`, under the documented success status and the
    /// operation's media type (`application/octet-stream` where it has a wildcard).
    pub fn respond_bytes(mut self, body: impl Into<Vec<u8>>) -> Self {
        let answer = O::ANSWER;
        let content_type = answer.download_type().unwrap_or("application/octet-stream");
        self.responses =
            vec![ResponseTemplate::new(answer.status).set_body_raw(body, content_type)];
        self
    }

    /// Answers `204 No Content`.
    pub fn respond_no_content(mut self) -> Self {
        self.responses = vec![ResponseTemplate::new(204)];
        self
    }

    /// Answers with `fault` instead of a documented answer.
    pub fn fault(mut self, fault: Fault) -> Self {
        let answer = O::ANSWER;
        self.responses = vec![match fault {
            Fault::Status(status) => ResponseTemplate::new(status),
            Fault::TooManyRequests { retry_after } => {
                // Whole seconds, rounded up: a wait of less than one must not read `0`.
                let seconds = retry_after.as_secs() + u64::from(retry_after.subsec_nanos() > 0);
                let mut template =
                    ResponseTemplate::new(429).insert_header("Retry-After", seconds.to_string());
                if let Some(header) = O::Service::RATE_LIMIT_HEADERS.and_then(|h| h.retry_after) {
                    template = template.insert_header(header, seconds.to_string());
                }
                template
            }
            Fault::CutBody => {
                let body = answer.sample.map_or_else(
                    || b"{\"cut\": \"off\"}".to_vec(),
                    |sample| sample.as_bytes().to_vec(),
                );
                let half = body.len() / 2;
                ResponseTemplate::new(answer.status).set_body_raw(&body[..half], "application/json")
            }
        }];
        self
    }

    /// Holds every answer back for `delay` (to test timeouts).
    pub fn delay(mut self, delay: Duration) -> Self {
        self.delay = Some(delay);
        self
    }

    /// Answers exactly `n` calls (later calls fall through to other expectations and to the
    /// document's sample), and fails verification unless exactly `n` came.
    pub fn times(mut self, n: u64) -> Self {
        self.times = Count::Exactly(n);
        self
    }

    /// Installs the expectation on the server.
    pub async fn mount(self) {
        let name = O::ANSWER.operation;
        let single = self.responses.len() == 1;
        for (page, template) in self.responses.into_iter().enumerate() {
            let template = match self.delay {
                Some(delay) => template.set_delay(delay),
                None => template,
            };
            let mut matcher = self.matcher.clone();
            if let Some(Some(pair)) = self.page_queries.get(page) {
                // A cursor the first call set gives way to the one of this page.
                matcher.query.retain(|(name, _)| *name != pair.0);
                matcher.query.push(pair.clone());
            }
            let mut mock = Mock::given(matcher)
                .respond_with(template)
                .with_priority(EXPECTATION);
            mock = match (single, self.times) {
                (true, Count::AtLeastOnce) => mock.expect(RangeFrom { start: 1 }).named(name),
                (true, Count::Exactly(n)) => {
                    mock.up_to_n_times(n).expect(Times::from(n)).named(name)
                }
                // Each page answers once, in order.
                (false, _) => mock
                    .up_to_n_times(1)
                    .expect(1)
                    .named(format!("{name}, page {}", page + 1)),
            };
            mock.mount(&self.server.server).await;
        }
    }
}

impl<O: MockPagedOperation> Expectation<'_, O> {
    /// Answers one call per page, in order, each page's items under the envelope and the
    /// last one saying no more follow: what `stream()` walks through. Each page must be
    /// asked for exactly once.
    ///
    /// For an operation that follows cursors or links, every page but the last says where
    /// the next one is (a cursor `mock-page-2`, ..., or a link to the same call with
    /// `mock_page=2`, ..., in the body or a `Link` header, as the operation's style has
    /// it), and each page after the first answers only the request that carries its
    /// cursor or follows its link.
    pub fn respond_pages(mut self, pages: impl IntoIterator<Item = Vec<O::Item>>) -> Self {
        let answer = O::ANSWER;
        let pages: Vec<Value> = pages
            .into_iter()
            .map(|items| serde_json::to_value(items).unwrap_or(Value::Null))
            .collect();
        let last = pages.len().saturating_sub(1);
        let mut responses = Vec::new();
        let mut page_queries = Vec::new();
        for (index, items) in pages.into_iter().enumerate() {
            // Pages count from 1, as the cursors and links name them.
            let (this, next) = (index + 1, index + 2);
            let more = index < last;
            let (asked_by, pointer) = match O::NEXT {
                None => (None, None),
                Some(NextPage::Cursor { path, param }) => (
                    (index > 0).then(|| (param.to_owned(), format!("mock-page-{this}"))),
                    Some((path, Value::String(format!("mock-page-{next}")))),
                ),
                Some(NextPage::BodyLink(path)) => (
                    (index > 0).then(|| (MOCK_PAGE.to_owned(), this.to_string())),
                    Some((path, Value::String(self.matcher.link(next)))),
                ),
                Some(NextPage::LinkHeader) => (
                    (index > 0).then(|| (MOCK_PAGE.to_owned(), this.to_string())),
                    None,
                ),
            };
            let mut body = success_body(answer, items, Some(more));
            if let (Some((path, pointer)), true) = (pointer, more) {
                set_path(&mut body, path, pointer);
            }
            let mut template = json_template(answer.status, &body);
            if let (Some(NextPage::LinkHeader), true) = (O::NEXT, more) {
                let link = format!("<{}>; rel=\"next\"", self.matcher.link(next));
                template = template.insert_header("Link", link);
            }
            responses.push(template);
            page_queries.push(asked_by);
        }
        self.responses = responses;
        self.page_queries = page_queries;
        self
    }
}

/// The credentials the mock's client is built with: made up, of the kind the service takes.
fn mock_credentials(scheme: &AuthScheme) -> Option<Credentials> {
    match scheme {
        AuthScheme::None => None,
        AuthScheme::Bearer { .. } => Some(Credentials::access_token("mock-access-token")),
        AuthScheme::ApiKey(_) => Some(Credentials::api_key("mock-api-key")),
        AuthScheme::Basic => Some(Credentials::basic("mock-user", "mock-password")),
    }
}

/// The default answer of an operation: its sample, the last page of it when it pages.
fn documented_answer<S: MockService>(answer: &Answer) -> ResponseTemplate {
    if let Some(content_type) = answer.download_type() {
        return ResponseTemplate::new(answer.status)
            .set_body_raw(answer.sample.unwrap_or_default(), content_type);
    }
    match answer.sample.map(serde_json::from_str::<Value>) {
        Some(Ok(mut sample)) => {
            if let Some(path) = answer.has_more {
                set_path(&mut sample, path, Value::Bool(false));
            }
            json_template(answer.status, &sample)
        }
        // Generated samples are JSON the generator checked; text that is not stays text.
        Some(Err(_)) => ResponseTemplate::new(answer.status)
            .set_body_raw(answer.sample.unwrap_or_default(), "application/json"),
        None if !answer.payload => ResponseTemplate::new(answer.status),
        None => json_template(
            501,
            &error_body::<S>(
                "",
                &format!(
                    "the mock has no answer for `{}`: its document gives no sample, and no \
                     expectation matched",
                    answer.operation
                ),
            ),
        ),
    }
}

/// A success answer with `payload` in the operation's envelope, inside its sample, with
/// the has-more flag set to `more` when the operation pages.
fn success(answer: &Answer, payload: Value, more: Option<bool>) -> ResponseTemplate {
    if !answer.payload {
        return match answer.sample {
            Some(sample) => {
                ResponseTemplate::new(answer.status).set_body_raw(sample, "application/json")
            }
            None => ResponseTemplate::new(answer.status),
        };
    }
    json_template(answer.status, &success_body(answer, payload, more))
}

/// The body of a success answer with a payload: `payload` in the operation's envelope,
/// inside its sample, with the has-more flag set to `more` when the operation pages.
fn success_body(answer: &Answer, payload: Value, more: Option<bool>) -> Value {
    let mut body = match answer.envelope {
        None => payload,
        Some(key) => {
            let mut body = answer
                .sample
                .and_then(|sample| serde_json::from_str::<Value>(sample).ok())
                .filter(Value::is_object)
                .unwrap_or_else(|| Value::Object(Map::new()));
            set_path(&mut body, &[key], payload);
            body
        }
    };
    if let (Some(path), Some(more)) = (answer.has_more, more) {
        set_path(&mut body, path, Value::Bool(more));
    }
    body
}

/// The service's error body with `code` and `message` at their documented places.
fn error_body<S: MockService>(code: &str, message: &str) -> Value {
    let mut body = Value::Object(Map::new());
    let Some(shape) = S::ERROR_SHAPE else {
        set_path(&mut body, &["message"], Value::String(message.to_owned()));
        return body;
    };
    if let Some(path) = shape.code.filter(|_| !code.is_empty()) {
        let code = match code.parse::<i64>() {
            Ok(number) if S::INTEGER_CODES => Value::from(number),
            _ => Value::String(code.to_owned()),
        };
        set_path(&mut body, path, code);
    }
    set_path(&mut body, shape.message, Value::String(message.to_owned()));
    body
}

/// Puts `leaf` at `path` in `value`, making the objects (or, for a step of digits, the
/// array elements) on the way.
fn set_path(value: &mut Value, path: &[&str], leaf: Value) {
    let Some((first, rest)) = path.split_first() else {
        *value = leaf;
        return;
    };
    let slot = match first.parse::<usize>() {
        Ok(index) if value.is_array() || value.is_null() => {
            if !value.is_array() {
                *value = Value::Array(Vec::new());
            }
            let Value::Array(items) = value else { return };
            if items.len() <= index {
                items.resize(index + 1, Value::Null);
            }
            &mut items[index]
        }
        _ => {
            if !value.is_object() {
                *value = Value::Object(Map::new());
            }
            let Value::Object(map) = value else { return };
            map.entry((*first).to_owned()).or_insert(Value::Null)
        }
    };
    set_path(slot, rest, leaf);
}

fn json_template(status: u16, body: &Value) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_raw(body.to_string(), "application/json")
}

/// Matches the requests of one operation, whatever their parameters: its method, and its
/// path with any value in place of each path parameter.
struct PathOf(&'static Answer);

impl Match for PathOf {
    fn matches(&self, request: &wiremock::Request) -> bool {
        let answer = self.0;
        if request.method.as_str() != answer.method {
            return false;
        }
        let path = request.url.path().trim_start_matches('/');
        let pieces: Vec<&str> = if path.is_empty() {
            Vec::new()
        } else {
            path.split('/').collect()
        };
        pieces.len() == answer.path.len()
            && answer
                .path
                .iter()
                .zip(pieces)
                .all(|(segment, piece)| match segment {
                    Some(literal) => *literal == piece,
                    None => !piece.is_empty(),
                })
    }
}

/// Matches the call a request builder stands for.
#[derive(Clone)]
struct CallOf {
    method: &'static str,
    path: String,
    query: Vec<(String, String)>,
    headers: Vec<(&'static str, Vec<u8>)>,
    body: Option<Body>,
}

/// A body as the mock compares it: JSON by value, a form by its pairs, a multipart body
/// by its parts' names and text (file parts by their file names: the content of a file
/// read from a path or a stream is not known before it is sent).
#[derive(Clone, PartialEq, Debug)]
enum Body {
    Json(Value),
    Bytes(Vec<u8>),
    Form(Vec<(String, String)>),
    Multipart(Vec<(String, String)>),
}

impl Body {
    fn of(bytes: &[u8]) -> Body {
        serde_json::from_slice(bytes).map_or_else(|_| Body::Bytes(bytes.to_vec()), Body::Json)
    }

    fn expected(body: &RequestBody) -> Body {
        match body {
            RequestBody::Json(bytes) => Body::of(bytes),
            RequestBody::Form(bytes) => Body::Form(form_pairs(bytes)),
            RequestBody::Multipart(parts) => Body::Multipart(parts.summary()),
        }
    }

    /// Whether `request` carries this body.
    fn matches(&self, request: &wiremock::Request) -> bool {
        match self {
            Body::Json(_) | Body::Bytes(_) => *self == Body::of(&request.body),
            Body::Form(pairs) => *pairs == form_pairs(&request.body),
            Body::Multipart(parts) => received_parts(request).is_some_and(|got| got == *parts),
        }
    }
}

fn form_pairs(bytes: &[u8]) -> Vec<(String, String)> {
    url::form_urlencoded::parse(bytes)
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect()
}

/// The parts of a received `multipart/form-data` body, as [`Multipart`]'s summary gives
/// them; `None` when it is not one.
///
/// [`Multipart`]: super::Multipart
fn received_parts(request: &wiremock::Request) -> Option<Vec<(String, String)>> {
    let content_type = request.headers.get("content-type")?.to_str().ok()?;
    let boundary = content_type
        .split(';')
        .find_map(|p| p.trim().strip_prefix("boundary="))?
        .trim_matches('"');
    let body = String::from_utf8_lossy(&request.body);
    let delimiter = format!("--{boundary}");
    let mut parts = Vec::new();
    for chunk in body.split(delimiter.as_str()).skip(1) {
        if chunk.starts_with("--") {
            break;
        }
        let chunk = chunk.strip_prefix("\r\n")?;
        let (head, content) = chunk.split_once("\r\n\r\n")?;
        let content = content.strip_suffix("\r\n").unwrap_or(content);
        let disposition = head.split("\r\n").find(|line| {
            line.to_ascii_lowercase()
                .starts_with("content-disposition:")
        })?;
        let parameter = |key: &str| {
            disposition.split(';').find_map(|p| {
                p.trim()
                    .strip_prefix(key)
                    .and_then(|rest| rest.strip_prefix('='))
                    .map(|value| value.trim_matches('"').to_owned())
            })
        };
        let name = parameter("name")?;
        let content = match parameter("filename") {
            Some(file_name) => format!("file {file_name}"),
            None => content.to_owned(),
        };
        parts.push((name, content));
    }
    Some(parts)
}

impl CallOf {
    fn new(answer: &Answer, request: &Request) -> CallOf {
        // The base is a constant that parses.
        let url = Url::parse(MOCK_BASE).map_or_else(|_| None, |base| Some(request.url(&base, &[])));
        CallOf {
            method: answer.method,
            path: url
                .as_ref()
                .map_or_else(String::new, |u| u.path().to_owned()),
            query: url.as_ref().map_or_else(Vec::new, |u| {
                u.query_pairs()
                    .map(|(name, value)| (name.into_owned(), value.into_owned()))
                    .collect()
            }),
            headers: request
                .headers()
                .iter()
                .map(|(name, value)| (*name, value.as_bytes().to_vec()))
                .collect(),
            body: request.body().map(Body::expected),
        }
    }
}

impl CallOf {
    /// A link to page `page` of this call, relative to the server: its path and query
    /// pairs, and `mock_page`.
    fn link(&self, page: usize) -> String {
        let query = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(&self.query)
            .append_pair(MOCK_PAGE, &page.to_string())
            .finish();
        format!("{}?{query}", self.path)
    }
}

impl Match for CallOf {
    fn matches(&self, request: &wiremock::Request) -> bool {
        if request.method.as_str() != self.method || request.url.path() != self.path {
            return false;
        }
        let query: Vec<(String, String)> = request
            .url
            .query_pairs()
            .map(|(name, value)| (name.into_owned(), value.into_owned()))
            .collect();
        let headers_match = self.headers.iter().all(|(name, value)| {
            request
                .headers
                .get_all(*name)
                .iter()
                .any(|seen| seen.as_bytes() == value.as_slice())
        });
        let body_matches = self.body.as_ref().is_none_or(|body| body.matches(request));
        self.query.iter().all(|pair| query.contains(pair)) && headers_match && body_matches
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_path_makes_objects_and_array_elements() {
        let mut value = Value::Null;
        set_path(&mut value, &["data", "0", "code"], Value::from("X"));
        assert_eq!(value, serde_json::json!({"data": [{"code": "X"}]}));
        set_path(&mut value, &["info", "more"], Value::Bool(true));
        assert_eq!(
            value,
            serde_json::json!({"data": [{"code": "X"}], "info": {"more": true}})
        );
    }
}
