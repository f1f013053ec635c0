//! Successful responses and the decoding of their JSON bodies.

use std::fmt::{self, Write as _};
use std::marker::PhantomData;

use bytes::Bytes;
use serde::de::{self, DeserializeOwned, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde_path_to_error::{Path, Segment, Track};

use url::Url;

use super::error::{Answer, Error, ErrorCode, ErrorShape};
use super::link_header::next_target;
use super::redact::Redactor;

/// A response, body fully read.
#[derive(Debug, Clone)]
pub struct Response {
    /// The HTTP status.
    pub status: u16,
    /// The `Content-Type` header, when there was one.
    pub content_type: Option<String>,
    /// The whole body.
    pub body: Bytes,
    /// The headers worth keeping for logs (see [`Answer::headers`]).
    headers: Vec<(String, String)>,
    /// The secrets to keep out of messages about this response.
    redactor: Redactor,
    /// The service's error shape, for the failed items of a per-item answer.
    error_shape: Option<ErrorShape>,
    /// The URL the request went to, credentials left out: what a link in the answer is
    /// relative to.
    url: Option<Box<Url>>,
    /// The `Link` headers, in the order they came.
    links: Vec<String>,
}

impl Response {
    /// A response with this status, content type and body.
    pub fn new(status: u16, content_type: Option<String>, body: Bytes) -> Self {
        Response {
            status,
            content_type,
            body,
            headers: Vec::new(),
            redactor: Redactor::default(),
            error_shape: None,
            url: None,
            links: Vec::new(),
        }
    }

    /// This response as the answer to a request sent to `url` (kept when the request
    /// resolves links against it), with its `Link` headers.
    pub(crate) fn answering(mut self, url: Option<Box<Url>>, links: Vec<String>) -> Self {
        self.url = url;
        self.links = links;
        self
    }

    /// Where the next page is, given the link a page's body holds (HAL's
    /// `_links.next.href`): `None` when there is none or it is empty. A relative link is
    /// resolved against the URL this page came from, as RFC 3986 and HAL say. Whether it
    /// may be followed (same origin as the client) is checked when it is sent.
    #[doc(hidden)]
    pub fn next_link<C: ErrorCode>(
        &self,
        operation: &'static str,
        link: Option<&str>,
    ) -> Result<Option<Url>, Error<C>> {
        let Some(link) = link.map(str::trim).filter(|link| !link.is_empty()) else {
            return Ok(None);
        };
        let resolved = match &self.url {
            Some(page) => page.join(link),
            None => Url::parse(link),
        };
        resolved.map(Some).map_err(|error| Error::Pagination {
            operation,
            reason: format!(
                "the next page's link `{}` is not a URL: {error}",
                self.redactor.text(link)
            ),
        })
    }

    /// Where the next page is, by this answer's RFC 8288 `Link` headers (`rel="next"`):
    /// as [`Response::next_link`], relative links resolved against this page's URL (RFC
    /// 8288 §3.2: the link's context is the resource that was asked for).
    #[doc(hidden)]
    pub fn next_link_header<C: ErrorCode>(
        &self,
        operation: &'static str,
    ) -> Result<Option<Url>, Error<C>> {
        let target = next_target(self.links.iter().map(String::as_str));
        self.next_link(operation, target.as_deref())
    }

    /// This response with the headers worth keeping for logs.
    pub(crate) fn with_headers(mut self, headers: Vec<(String, String)>) -> Self {
        self.headers = headers;
        self
    }

    /// What the response carried, for an error's logs: the kept headers and the start of
    /// the body, both redacted (the body before it is cut).
    pub(crate) fn answer(&self) -> Answer {
        let text = self.redactor.text(&String::from_utf8_lossy(&self.body));
        let mut cut = text.len().min(Answer::MAX_BODY);
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        Answer {
            headers: self
                .headers
                .iter()
                .map(|(name, value)| (name.clone(), self.redactor.text(value)))
                .collect(),
            body: text[..cut].to_owned(),
        }
    }

    /// This response, with messages about it kept free of `redactor`'s secrets.
    pub(crate) fn redacted_by(mut self, redactor: Redactor) -> Self {
        self.redactor = redactor;
        self
    }

    /// This response, reading the failed items of a per-item answer by `shape`.
    pub(crate) fn with_error_shape(mut self, shape: Option<ErrorShape>) -> Self {
        self.error_shape = shape;
        self
    }

    /// The service's error shape, when the transport gave it.
    pub(crate) fn error_shape(&self) -> Option<&ErrorShape> {
        self.error_shape.as_ref()
    }

    /// The secrets to keep out of messages about this response.
    pub(crate) fn redactor(&self) -> &Redactor {
        &self.redactor
    }

    /// Decodes the body as JSON; with `envelope = Some(key)`, decodes the value under that
    /// top-level key.
    ///
    /// A missing envelope decodes as JSON `null` would, so `Option` payloads come back as
    /// `None` and others fail. On failure, [`Error::Decode`]'s `path` is a JSON path from
    /// the body's root, envelope included: `$` for the body itself, `$.data[0].id`, and
    /// `$["odd key"]` for keys that are not plain identifiers.
    pub fn json<T: DeserializeOwned, C: ErrorCode>(
        &self,
        operation: &'static str,
        envelope: Option<&str>,
    ) -> Result<T, Error<C>> {
        let failed = |path: String, message: String| Error::Decode {
            operation,
            path,
            // serde quotes the values it refuses, so its message is redacted too.
            message: self.redactor.text(&message),
            excerpt: self.redactor.excerpt(&self.body),
        };
        if self.body.iter().all(u8::is_ascii_whitespace) {
            return Err(failed(
                "$".to_owned(),
                "expected a JSON body, found an empty one".to_owned(),
            ));
        }
        // `application/json`, `application/hal+json`, ...; a missing header is given the
        // benefit of the doubt, since the body itself is checked next.
        if let Some(content_type) = &self.content_type
            && !content_type
                .as_bytes()
                .windows(4)
                .any(|word| word.eq_ignore_ascii_case(b"json"))
        {
            return Err(failed(
                "$".to_owned(),
                format!("expected a JSON body, found `Content-Type: {content_type}`"),
            ));
        }

        // The common case, a body that fits, is decoded at serde_json's own speed; only a
        // body that does not is decoded again, tracking paths, to say where it failed.
        if let Ok(value) = decode::<T>(&self.body, envelope) {
            return Ok(value);
        }
        let mut json = serde_json::Deserializer::from_slice(&self.body);
        let mut track = Track::new();
        let tracked = serde_path_to_error::Deserializer::new(&mut json, &mut track);
        let decoded = match envelope {
            None => T::deserialize(tracked),
            Some(key) => Envelope::new(key).deserialize(tracked),
        };
        match decoded {
            Ok(value) => match json.end() {
                Ok(()) => Ok(value),
                Err(error) => Err(failed("$".to_owned(), error.to_string())),
            },
            Err(error) => Err(failed(json_path(&track.path()), error.to_string())),
        }
    }

    /// Whether this is a `204 No Content`.
    pub fn is_no_content(&self) -> bool {
        self.status == 204
    }
}

/// `body` decoded as `T` (under `envelope`), with nothing after it.
fn decode<T: DeserializeOwned>(body: &[u8], envelope: Option<&str>) -> serde_json::Result<T> {
    let mut json = serde_json::Deserializer::from_slice(body);
    let value = match envelope {
        None => T::deserialize(&mut json)?,
        Some(key) => Envelope::new(key).deserialize(&mut json)?,
    };
    json.end()?;
    Ok(value)
}

/// The value under one key of a JSON object, every other key skipped.
///
/// Decoding through this seed, rather than into a `serde_json::Value` first, keeps the key in
/// the path that `serde_path_to_error` records.
struct Envelope<'k, T> {
    key: &'k str,
    payload: PhantomData<fn() -> T>,
}

impl<'k, T> Envelope<'k, T> {
    fn new(key: &'k str) -> Self {
        Envelope {
            key,
            payload: PhantomData,
        }
    }
}

impl<'de, T: de::Deserialize<'de>> DeserializeSeed<'de> for Envelope<'_, T> {
    type Value = T;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, T: de::Deserialize<'de>> Visitor<'de> for Envelope<'_, T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a JSON object with the key `{}`", self.key)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut payload = None;
        while let Some(is_envelope) = map.next_key_seed(IsKey(self.key))? {
            if is_envelope && payload.is_none() {
                payload = Some(map.next_value::<T>()?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        match payload {
            Some(payload) => Ok(payload),
            None => T::deserialize(de::value::UnitDeserializer::<A::Error>::new()).map_err(|_| {
                de::Error::custom(format_args!("missing the envelope key `{}`", self.key))
            }),
        }
    }
}

/// Whether an object's key is this one, compared where the key lies, not copied out.
struct IsKey<'k>(&'k str);

impl<'de> DeserializeSeed<'de> for IsKey<'_> {
    type Value = bool;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for IsKey<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<bool, E> {
        Ok(key == self.0)
    }
}

/// `$`, then `.key` or `["key"]` for object keys and `[index]` for array items.
fn json_path(path: &Path) -> String {
    let mut out = String::from("$");
    push_path(&mut out, path);
    out
}

/// The JSON path of a place inside item `index` of the list under `envelope` (or of the
/// body, when there is none): `$.data[1].details.id`.
pub(crate) fn json_path_under(envelope: Option<&str>, index: usize, path: &Path) -> String {
    let mut out = String::from("$");
    if let Some(key) = envelope {
        push_key(&mut out, key);
    }
    // Writing to a String cannot fail.
    let _ = write!(out, "[{index}]");
    push_path(&mut out, path);
    out
}

fn push_key(out: &mut String, key: &str) {
    // Writing to a String cannot fail.
    let _ = if is_identifier(key) {
        write!(out, ".{key}")
    } else {
        write!(out, "[{key:?}]")
    };
}

fn push_path(out: &mut String, path: &Path) {
    for segment in path {
        // Writing to a String cannot fail.
        let _ = match segment {
            Segment::Seq { index } => write!(out, "[{index}]"),
            Segment::Map { key } => {
                push_key(out, key);
                Ok(())
            }
            Segment::Enum { variant } => write!(out, ".{variant}"),
            // A key that failed to parse has no name; its object is as close as it gets.
            Segment::Unknown => Ok(()),
        };
    }
}

fn is_identifier(key: &str) -> bool {
    let mut chars = key.chars();
    chars
        .next()
        .is_some_and(|first| first.is_alphabetic() || first == '_' || first == '$')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '$')
}
