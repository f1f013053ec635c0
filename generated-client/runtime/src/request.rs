//! The request an operation wants to send, and the URL it becomes.

use super::items::PerItem;
use super::multipart::Multipart;
use super::retry::RetryPolicy;
use std::borrow::Cow;
use std::fmt::{Display, Write as _};

use bytes::Bytes;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use reqwest::Method;
use reqwest::header::HeaderValue;
use url::Url;

/// What is percent-encoded in a path parameter or a query value: everything but RFC 3986's
/// unreserved characters, so that no value can add a segment, start a query or a fragment,
/// or end a query pair.
const VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// One HTTP request an operation wants to send, built by generated code.
///
/// The builder methods never fail: a value that cannot be sent is remembered, and
/// [`Transport::execute`](super::Transport::execute) reports it as
/// [`Error::InvalidRequest`](super::Error::InvalidRequest) without sending anything.
#[derive(Debug, Clone)]
pub struct Request {
    method: Method,
    operation: &'static str,
    /// The path after the base URL's own, segments already percent-encoded, each with its
    /// leading `/`: written as the segments are added, so that sending builds the URL from
    /// one string.
    path: String,
    query: Vec<(&'static str, String)>,
    headers: Vec<(&'static str, HeaderValue)>,
    body: Option<Body>,
    /// The media type asked for, when not the client's (a download's).
    accept: Option<&'static str>,
    /// Whether a successful answer is streamed to the caller rather than read whole.
    download: bool,
    // What few requests have is boxed: a request is moved at each builder call and held by
    // every call's future, so its size is paid on every call.
    problem: Option<Box<Problem>>,
    retry: Option<Box<RetryPolicy>>,
    rate_limit: Option<&'static str>,
    per_item: Option<&'static PerItem>,
    /// The next page's link, which replaces the path and query when set.
    link: Option<Box<Url>>,
    /// Whether the answer keeps the URL it came from, to resolve relative links against:
    /// requests of an operation paged by links do.
    resolves_links: bool,
}

/// A request body, in one of the encodings a spec names.
#[derive(Debug, Clone)]
pub(crate) enum Body {
    /// `application/json`.
    Json(Bytes),
    /// `application/x-www-form-urlencoded`.
    Form(Bytes),
    /// `multipart/form-data`, encoded anew (with its files opened) for each attempt.
    Multipart(Multipart),
}

impl Body {
    /// The whole body and its media type, for the encodings held in memory.
    pub(crate) fn in_memory(&self) -> Option<(&'static str, &Bytes)> {
        match self {
            Body::Json(bytes) => Some(("application/json", bytes)),
            Body::Form(bytes) => Some(("application/x-www-form-urlencoded", bytes)),
            Body::Multipart(_) => None,
        }
    }
}

/// Why a request cannot be sent, found while it was built.
#[derive(Debug, Clone)]
pub(crate) struct Problem {
    pub(crate) parameter: &'static str,
    pub(crate) reason: String,
}

impl Request {
    /// A request for `operation` (the operation's name, used in errors and tracing).
    #[must_use]
    pub fn new(method: Method, operation: &'static str) -> Self {
        Request {
            method,
            operation,
            path: String::with_capacity(64),
            query: Vec::new(),
            headers: Vec::new(),
            body: None,
            accept: None,
            download: false,
            problem: None,
            retry: None,
            rate_limit: None,
            per_item: None,
            link: None,
            resolves_links: false,
        }
    }

    /// Appends a literal path segment, sent as written (e.g. `crm`, `v7`,
    /// `__zia_org_enrichment`).
    #[must_use]
    pub fn segment(mut self, literal: &'static str) -> Self {
        self.path.push('/');
        self.path.push_str(literal);
        self
    }

    /// Appends a path parameter's value as one percent-encoded segment: `a/b`, `../x` or
    /// `?x` can never change the path or the query.
    ///
    /// An empty value, `.` and `..` cannot be sent as a segment of their own (URL parsers
    /// drop or resolve them, whatever their encoding), so they make the request invalid.
    #[must_use]
    pub fn param(mut self, name: &'static str, value: impl Display) -> Self {
        self.path.push('/');
        let start = self.path.len();
        // Written in place, then encoded only when it has something to encode.
        let _ = write!(self.path, "{value}");
        let written = &self.path[start..];
        if matches!(written, "" | "." | "..") {
            let reason =
                format!("a path parameter cannot be `{written}`: it would change the path");
            self.reject(name, reason);
        } else if let Cow::Owned(encoded) = Cow::from(utf8_percent_encode(written, VALUE)) {
            self.path.truncate(start);
            self.path.push_str(&encoded);
        }
        self
    }

    /// Appends a query pair; the value is percent-encoded.
    #[must_use]
    pub fn query(mut self, name: &'static str, value: impl Display) -> Self {
        self.query.push((name, value.to_string()));
        self
    }

    /// Appends a query pair when `value` is `Some`.
    #[must_use]
    pub fn query_opt<T: Display>(self, name: &'static str, value: Option<T>) -> Self {
        match value {
            Some(value) => self.query(name, value),
            None => self,
        }
    }

    /// Appends one query pair per item, all under `name` (`?id=1&id=2`): how a spec's
    /// `array: repeated` parameter is sent. No item, no pair.
    #[must_use]
    pub fn query_each<T: Display>(mut self, name: &'static str, values: &[T]) -> Self {
        for value in values {
            self.query.push((name, value.to_string()));
        }
        self
    }

    /// Adds a header. A value that cannot be one (a line break or another control
    /// character, which could smuggle in a header of its own) makes the request invalid.
    #[must_use]
    pub fn header(mut self, name: &'static str, value: impl Display) -> Self {
        match HeaderValue::from_str(&value.to_string()) {
            Ok(value) => self.headers.push((name, value)),
            Err(_) => self.reject(
                name,
                "cannot be sent in a header: it holds a line break or another control character"
                    .to_owned(),
            ),
        }
        self
    }

    /// Adds a header when `value` is `Some`.
    #[must_use]
    pub fn header_opt<T: Display>(self, name: &'static str, value: Option<T>) -> Self {
        match value {
            Some(value) => self.header(name, value),
            None => self,
        }
    }

    /// Sets a JSON body.
    ///
    /// Generated types always serialize; should one not (a map with non-string keys, a
    /// failing custom `Serialize`), the request is reported as invalid when executed.
    #[must_use]
    pub fn json<B: serde::Serialize>(mut self, body: &B) -> Self {
        match serde_json::to_vec(body) {
            Ok(bytes) => self.body = Some(Body::Json(Bytes::from(bytes))),
            Err(error) => self.reject("body", format!("cannot be serialized as JSON: {error}")),
        }
        self
    }

    /// Sets an `application/x-www-form-urlencoded` body: a pair per field of `body` (a
    /// pair per item of a list field, none for an absent one).
    #[must_use]
    pub fn form<B: serde::Serialize>(mut self, body: &B) -> Self {
        match super::form::encode(body) {
            Ok(text) => self.body = Some(Body::Form(Bytes::from(text))),
            Err(reason) => self.reject("body", reason),
        }
        self
    }

    /// Sets a `multipart/form-data` body of `parts`; its files are opened, and its
    /// boundary chosen, by each attempt.
    #[must_use]
    pub fn multipart(mut self, parts: Multipart) -> Self {
        if let Some((part, reason)) = parts.problem() {
            self.reject(part, reason);
        }
        self.body = Some(Body::Multipart(parts));
        self
    }

    /// Asks for a binary answer of `media_type` (`Accept`), handed to the caller as a
    /// stream ([`Transport::download`](super::Transport::download)) rather than read whole.
    #[must_use]
    pub fn download(mut self, media_type: &'static str) -> Self {
        self.accept = Some(media_type);
        self.download = true;
        self
    }

    /// Sends this request to `link` (when `Some`), the next page a previous page linked to:
    /// the link's path and query replace the request's own, which the link carries already
    /// (so paging parameters are not sent twice), while headers, authorization and the
    /// client's common query parameters are added as for any request. A link to another
    /// origin than the client's is refused when the request is sent.
    ///
    /// The answer keeps the URL it came from, which relative links in it are resolved
    /// against, whether `link` is `Some` (a later page) or `None` (the first).
    #[must_use]
    pub fn follow(mut self, link: Option<Url>) -> Self {
        self.link = link.map(Box::new);
        self.resolves_links = true;
        self
    }

    /// Whether the answer keeps the URL it came from ([`Request::follow`]).
    pub(crate) fn resolves_links(&self) -> bool {
        self.resolves_links
    }

    /// The name of the operation this request belongs to.
    pub fn operation(&self) -> &'static str {
        self.operation
    }

    /// The HTTP method.
    pub fn method(&self) -> &Method {
        &self.method
    }

    /// Retries this request by `policy` rather than the client's; `None` keeps the client's.
    #[must_use]
    pub fn retry_policy(mut self, policy: Option<RetryPolicy>) -> Self {
        if policy.is_some() {
            self.retry = policy.map(Box::new);
        }
        self
    }

    /// Names the documented rate limit this request counts against.
    #[must_use]
    pub fn rate_limit(mut self, name: &'static str) -> Self {
        self.rate_limit = Some(name);
        self
    }

    /// Says the answer reports an outcome per item, so that a failed answer's error is read
    /// from its first failed item when the body is not the service's error body.
    #[must_use]
    pub fn per_item(mut self, per_item: &'static PerItem) -> Self {
        self.per_item = Some(per_item);
        self
    }

    /// How the answer reports per item, for an operation whose answer does.
    pub(crate) fn per_item_shape(&self) -> Option<&'static PerItem> {
        self.per_item
    }

    /// The rate limit this request counts against.
    pub(crate) fn rate_limit_name(&self) -> Option<&'static str> {
        self.rate_limit
    }

    /// The request's own retry policy, when it has one.
    pub(crate) fn retry(&self) -> Option<&RetryPolicy> {
        self.retry.as_deref()
    }

    /// The request's own headers.
    pub(crate) fn headers(&self) -> &[(&'static str, HeaderValue)] {
        &self.headers
    }

    pub(crate) fn body(&self) -> Option<&Body> {
        self.body.as_ref()
    }

    /// The media type this request asks for instead of the client's, if any.
    pub(crate) fn accept(&self) -> Option<&'static str> {
        self.accept
    }

    /// Whether a successful answer is streamed rather than read whole.
    pub(crate) fn is_download(&self) -> bool {
        self.download
    }

    /// Whether the request can be sent again: its body is not read from a stream that a
    /// previous attempt used up.
    pub(crate) fn is_resendable(&self) -> bool {
        match &self.body {
            Some(Body::Multipart(parts)) => parts.is_resendable(),
            _ => true,
        }
    }

    /// The first reason this request cannot be sent, if any.
    pub(crate) fn problem(&self) -> Option<&Problem> {
        self.problem.as_deref()
    }

    /// The full URL: `base`'s scheme, host and path prefix, this request's segments, then
    /// its query pairs followed by `common_query`.
    ///
    /// Made from a copy of `base` with its path and query set: a copy costs less than
    /// parsing the whole URL again (its host above all), which is most of what building a
    /// request would otherwise cost.
    pub(crate) fn url(&self, base: &Url, common_query: &[(&'static str, String)]) -> Url {
        let mut url = base.clone();
        let prefix = base.path().trim_end_matches('/');
        if !prefix.is_empty() {
            let mut path = String::with_capacity(prefix.len() + self.path.len());
            path.push_str(prefix);
            path.push_str(&self.path);
            url.set_path(&path);
        } else if !self.path.is_empty() {
            url.set_path(&self.path);
        }
        let mut pairs = self.query.iter().chain(common_query).peekable();
        if pairs.peek().is_some() {
            let mut query = String::with_capacity(64);
            write_pairs(&mut query, pairs);
            url.set_query(Some(&query));
        }
        url
    }

    /// Where this request goes: [`Request::url`], or the link it follows with the common
    /// query pairs the link does not have already. A link to another origin (scheme, host
    /// and port) than `base` is refused: the client's credentials go with the request, and
    /// a page must not be able to send them to another host.
    pub(crate) fn target(
        &self,
        base: &Url,
        common_query: &[(&'static str, String)],
    ) -> Result<Url, String> {
        let Some(link) = &self.link else {
            return Ok(self.url(base, common_query));
        };
        if link.origin() != base.origin() {
            return Err(format!(
                "the next page's link goes to {}, not to the client's {}: not followed, so \
                 that the client's credentials are not sent to another host",
                link.origin().ascii_serialization(),
                base.origin().ascii_serialization()
            ));
        }
        let mut url = Url::clone(link);
        url.set_fragment(None);
        let mut query = url.query().unwrap_or_default().to_owned();
        let has = |name: &str| url.query_pairs().any(|(own, _)| own == name);
        let missing = common_query.iter().filter(|(name, _)| !has(name));
        write_pairs(&mut query, missing);
        url.set_query((!query.is_empty()).then_some(query.as_str()));
        Ok(url)
    }

    fn reject(&mut self, parameter: &'static str, reason: String) {
        // The first problem is the one worth reporting; later ones often follow from it.
        if self.problem.is_none() {
            self.problem = Some(Box::new(Problem { parameter, reason }));
        }
    }
}

/// Appends `pairs` to a query string, percent-encoded, each after a `&` unless `query` is
/// empty.
fn write_pairs<'a>(query: &mut String, pairs: impl Iterator<Item = &'a (&'static str, String)>) {
    for (name, value) in pairs {
        if !query.is_empty() {
            query.push('&');
        }
        // Writing to a String cannot fail.
        let _ = write!(
            query,
            "{}={}",
            utf8_percent_encode(name, VALUE),
            utf8_percent_encode(value, VALUE)
        );
    }
}
