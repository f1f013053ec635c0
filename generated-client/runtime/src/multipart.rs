//! `multipart/form-data` bodies (RFC 7578): text parts, JSON parts, and file parts read
//! from memory, a file or a stream while they are sent, so that a large file is never
//! held in memory whole.
//!
//! No crate: the format is a boundary line, two or three header lines and the content per
//! part, and writing it here lets a file part be re-read from its path on every attempt
//! and say its exact length, so the body goes with a `Content-Length` whenever it can.

use std::collections::VecDeque;
use std::fmt;
use std::io;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};

use bytes::Bytes;
use futures_core::Stream;
use http_body::{Frame, SizeHint};
use serde::Serialize;
use serde_json::Value;
use tokio::io::{AsyncRead, ReadBuf};

use super::form::text_of;

/// How much of a file is read at a time: what the body holds of it in memory.
const CHUNK: usize = 64 * 1024;

type ByteStream = Pin<Box<dyn Stream<Item = io::Result<Bytes>> + Send>>;

/// The content of a file part of a multipart body (a spec's `binary` field): bytes in
/// memory, a file read as it is sent, or a stream of chunks.
///
/// A part from memory or from a path can be sent again, so a request carrying it is
/// retried as any other; a part from a stream is read once, so a request carrying it is
/// sent once: a failure that would be retried is returned instead.
///
/// `FilePart::path("report.pdf").content_type("application/pdf")` reads a file as it is
/// sent; `FilePart::bytes("hello").file_name("note.txt")` sends text from memory as a file.
#[derive(Clone)]
pub struct FilePart {
    source: Source,
    file_name: Option<String>,
    content_type: Option<String>,
}

#[derive(Clone)]
enum Source {
    Bytes(Bytes),
    Path(PathBuf),
    Stream {
        /// Taken by the first attempt that sends it.
        stream: Arc<Mutex<Option<ByteStream>>>,
        length: Option<u64>,
    },
}

impl FilePart {
    /// A part holding `content`.
    pub fn bytes(content: impl Into<Bytes>) -> Self {
        FilePart::from_source(Source::Bytes(content.into()))
    }

    /// A part read from the file at `path` as it is sent (opened again by each attempt),
    /// named by the path's last component unless [`file_name`](Self::file_name) says
    /// otherwise. A file that cannot be opened fails the call with [`Error::File`].
    ///
    /// [`Error::File`]: super::Error::File
    pub fn path(path: impl Into<PathBuf>) -> Self {
        let path = path.into();
        let file_name = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned());
        FilePart {
            file_name,
            ..FilePart::from_source(Source::Path(path))
        }
    }

    /// A part read from `stream` as it is sent. It can be sent once: a request carrying
    /// it is not retried, and sending it again fails with `Error::InvalidRequest`. Give
    /// its [`length`](Self::length) when known, so that the body has a `Content-Length`.
    pub fn stream<S>(stream: S) -> Self
    where
        S: Stream<Item = io::Result<Bytes>> + Send + 'static,
    {
        FilePart::from_source(Source::Stream {
            stream: Arc::new(Mutex::new(Some(Box::pin(stream)))),
            length: None,
        })
    }

    fn from_source(source: Source) -> Self {
        FilePart {
            source,
            file_name: None,
            content_type: None,
        }
    }

    /// The file name the part says it holds (`filename=` in its `Content-Disposition`).
    #[must_use]
    pub fn file_name(mut self, name: impl Into<String>) -> Self {
        self.file_name = Some(name.into());
        self
    }

    /// The part's media type; `application/octet-stream` when not given.
    #[must_use]
    pub fn content_type(mut self, media_type: impl Into<String>) -> Self {
        self.content_type = Some(media_type.into());
        self
    }

    /// The exact length of a stream's content, in bytes; a stream that yields more or
    /// fewer fails the call rather than send a body of another length than announced.
    /// (Parts from memory and from a path know their length.)
    #[must_use]
    pub fn length(mut self, bytes: u64) -> Self {
        if let Source::Stream { length, .. } = &mut self.source {
            *length = Some(bytes);
        }
        self
    }

    /// Whether the part can be sent again (it is not read from a stream).
    pub fn is_resendable(&self) -> bool {
        !matches!(self.source, Source::Stream { .. })
    }
}

impl fmt::Debug for FilePart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = f.debug_struct("FilePart");
        match &self.source {
            Source::Bytes(bytes) => out.field("bytes", &bytes.len()),
            Source::Path(path) => out.field("path", path),
            Source::Stream { length, .. } => out.field("stream", length),
        };
        out.field("file_name", &self.file_name)
            .field("content_type", &self.content_type)
            .finish()
    }
}

impl PartialEq for FilePart {
    /// Parts are equal when they name the same file the same way and read the same bytes,
    /// path or stream (a stream equals only its own clones).
    fn eq(&self, other: &Self) -> bool {
        let same_source = match (&self.source, &other.source) {
            (Source::Bytes(a), Source::Bytes(b)) => a == b,
            (Source::Path(a), Source::Path(b)) => a == b,
            (Source::Stream { stream: a, .. }, Source::Stream { stream: b, .. }) => {
                Arc::ptr_eq(a, b)
            }
            _ => false,
        };
        same_source && self.file_name == other.file_name && self.content_type == other.content_type
    }
}

/// The parts of a multipart body, built by generated code one field at a time and
/// encoded anew for each attempt.
#[derive(Debug, Clone, Default)]
pub struct Multipart {
    parts: Vec<Part>,
    problem: Option<(&'static str, String)>,
}

#[derive(Debug, Clone)]
struct Part {
    name: &'static str,
    content: Content,
}

impl Part {
    /// The file name a file part says it holds: its own, else the field's name (servers
    /// tell file parts from text parts by the presence of a file name).
    fn file_name(&self) -> Option<&str> {
        match &self.content {
            Content::File(file) => Some(file.file_name.as_deref().unwrap_or(self.name)),
            Content::Text(_) | Content::Json(_) => None,
        }
    }
}

#[derive(Debug, Clone)]
enum Content {
    Text(String),
    Json(String),
    File(FilePart),
}

impl Multipart {
    /// No parts yet.
    pub fn new() -> Self {
        Multipart::default()
    }

    /// Adds field `name`: a scalar as a text part, each item of a list as a part of its
    /// own, an object as a part holding its JSON (`application/json`); nothing for an
    /// absent value (`None`, `null`).
    #[must_use]
    pub fn field<T: Serialize>(mut self, name: &'static str, value: &T) -> Self {
        match serde_json::to_value(value) {
            Ok(Value::Array(items)) => items.iter().for_each(|item| self.push(name, item)),
            Ok(value) => self.push(name, &value),
            Err(error) => {
                if self.problem.is_none() {
                    self.problem = Some((name, format!("cannot be encoded: {error}")));
                }
            }
        }
        self
    }

    fn push(&mut self, name: &'static str, value: &Value) {
        let content = match value {
            Value::Null => return,
            Value::Object(_) | Value::Array(_) => Content::Json(value.to_string()),
            scalar => Content::Text(text_of(scalar).unwrap_or_default()),
        };
        self.parts.push(Part { name, content });
    }

    /// Adds the file part `name`.
    #[must_use]
    pub fn file(mut self, name: &'static str, file: &FilePart) -> Self {
        self.parts.push(Part {
            name,
            content: Content::File(file.clone()),
        });
        self
    }

    /// Adds the file part `name` when there is one.
    #[must_use]
    pub fn file_opt(self, name: &'static str, file: Option<&FilePart>) -> Self {
        match file {
            Some(file) => self.file(name, file),
            None => self,
        }
    }

    /// Adds one file part per item, each under `name`.
    #[must_use]
    pub fn files(self, name: &'static str, files: &[FilePart]) -> Self {
        files
            .iter()
            .fold(self, |parts, file| parts.file(name, file))
    }

    /// The first field that could not be encoded, and why.
    pub(crate) fn problem(&self) -> Option<(&'static str, String)> {
        self.problem.clone()
    }

    /// Whether every part can be sent again.
    pub(crate) fn is_resendable(&self) -> bool {
        self.parts.iter().all(|part| match &part.content {
            Content::File(file) => file.is_resendable(),
            Content::Text(_) | Content::Json(_) => true,
        })
    }

    /// The parts' names and contents as text, file parts by their file name: what a mock
    /// compares a received body with.
    #[cfg(feature = "mock")]
    pub(crate) fn summary(&self) -> Vec<(String, String)> {
        self.parts
            .iter()
            .map(|part| {
                let content = match &part.content {
                    Content::Text(text) | Content::Json(text) => text.clone(),
                    Content::File(_) => format!("file {}", part.file_name().unwrap_or_default()),
                };
                (part.name.to_owned(), content)
            })
            .collect()
    }

    /// Opens the body for one attempt, under a fresh boundary: its `Content-Type` and the
    /// body, which reads files and streams as it is sent.
    pub(crate) async fn open(&self) -> Result<(String, MultipartBody), OpenError> {
        let boundary = boundary();
        let mut segments = VecDeque::new();
        let mut length = Some(0u64);
        let mut add = |segment: Segment, segments: &mut VecDeque<Segment>| {
            length = length.zip(segment.length()).map(|(a, b)| a + b);
            segments.push_back(segment);
        };
        for part in &self.parts {
            let (file_name, content_type) = match &part.content {
                Content::Text(_) => (None, None),
                Content::Json(_) => (None, Some("application/json")),
                Content::File(file) => (
                    part.file_name(),
                    Some(
                        file.content_type
                            .as_deref()
                            .unwrap_or("application/octet-stream"),
                    ),
                ),
            };
            if let Some(content_type) = content_type
                && content_type.bytes().any(|b| b.is_ascii_control())
            {
                return Err(OpenError::Invalid {
                    part: part.name,
                    reason: "its content type holds a line break or another control \
                             character"
                        .to_owned(),
                });
            }
            let head = part_head(&boundary, part.name, file_name, content_type);
            add(Segment::Bytes(Bytes::from(head)), &mut segments);
            let content = match &part.content {
                Content::Text(text) | Content::Json(text) => {
                    Segment::Bytes(Bytes::from(text.clone()))
                }
                Content::File(file) => open_source(part.name, &file.source).await?,
            };
            add(content, &mut segments);
            add(Segment::Bytes(Bytes::from_static(b"\r\n")), &mut segments);
        }
        add(
            Segment::Bytes(Bytes::from(format!("--{boundary}--\r\n"))),
            &mut segments,
        );
        let content_type = format!("multipart/form-data; boundary={boundary}");
        Ok((
            content_type,
            MultipartBody {
                segments,
                remaining: length,
            },
        ))
    }
}

/// Why a multipart body could not be opened for an attempt.
#[derive(Debug)]
pub(crate) enum OpenError {
    /// A file part's file could not be opened.
    File {
        part: &'static str,
        path: PathBuf,
        source: io::Error,
    },
    /// A part cannot be sent (a stream sent before, a bad content type).
    Invalid { part: &'static str, reason: String },
}

async fn open_source(part: &'static str, source: &Source) -> Result<Segment, OpenError> {
    match source {
        Source::Bytes(bytes) => Ok(Segment::Bytes(bytes.clone())),
        Source::Path(path) => {
            let failed = |source: io::Error| OpenError::File {
                part,
                path: path.clone(),
                source,
            };
            let file = tokio::fs::File::open(path).await.map_err(failed)?;
            let length = file.metadata().await.map_err(failed)?.len();
            Ok(Segment::File {
                file,
                left: length,
                buffer: Vec::new(),
            })
        }
        Source::Stream { stream, length } => {
            let taken = stream.lock().ok().and_then(|mut slot| slot.take());
            match taken {
                Some(stream) => Ok(Segment::Stream {
                    stream: Mutex::new(stream),
                    expected: *length,
                    seen: 0,
                }),
                None => Err(OpenError::Invalid {
                    part,
                    reason: "its stream was sent already: a file part read from a stream \
                             is sent once (read it from a path or from memory to send it \
                             again)"
                        .to_owned(),
                }),
            }
        }
    }
}

/// A boundary no part's content is likely to hold: 32 random letters and digits after a
/// prefix.
fn boundary() -> String {
    let random: String = std::iter::repeat_with(fastrand::alphanumeric)
        .take(32)
        .collect();
    format!("client-runtime-{random}")
}

/// The boundary line and headers of one part. Names are escaped as HTML's form encoding
/// does (`"` as `%22`, line breaks as `%0D` and `%0A`), so that no value can end a header.
fn part_head(
    boundary: &str,
    name: &str,
    file_name: Option<&str>,
    content_type: Option<&str>,
) -> String {
    let escape = |text: &str| {
        text.replace('"', "%22")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let mut head = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"{}\"",
        escape(name)
    );
    if let Some(file_name) = file_name {
        head.push_str(&format!("; filename=\"{}\"", escape(file_name)));
    }
    head.push_str("\r\n");
    if let Some(content_type) = content_type {
        head.push_str(&format!("Content-Type: {content_type}\r\n"));
    }
    head.push_str("\r\n");
    head
}

/// One piece of an opened body.
enum Segment {
    Bytes(Bytes),
    File {
        file: tokio::fs::File,
        /// Bytes of the file still to send.
        left: u64,
        buffer: Vec<u8>,
    },
    Stream {
        /// In a mutex only so that the body is `Sync`, as the HTTP client wants.
        stream: Mutex<ByteStream>,
        expected: Option<u64>,
        seen: u64,
    },
}

impl Segment {
    fn length(&self) -> Option<u64> {
        match self {
            Segment::Bytes(bytes) => u64::try_from(bytes.len()).ok(),
            Segment::File { left, .. } => Some(*left),
            Segment::Stream { expected, .. } => *expected,
        }
    }
}

/// A multipart body being sent: its segments in order, files and streams read a chunk at
/// a time.
pub(crate) struct MultipartBody {
    segments: VecDeque<Segment>,
    /// The bytes still to send, when every part's length is known.
    remaining: Option<u64>,
}

impl http_body::Body for MultipartBody {
    type Data = Bytes;
    type Error = io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, io::Error>>> {
        let this = self.get_mut();
        loop {
            let Some(segment) = this.segments.front_mut() else {
                return Poll::Ready(None);
            };
            let chunk = match segment {
                Segment::Bytes(bytes) => {
                    let bytes = std::mem::take(bytes);
                    this.segments.pop_front();
                    bytes
                }
                Segment::File { file, left, buffer } => {
                    if *left == 0 {
                        this.segments.pop_front();
                        continue;
                    }
                    let want = usize::try_from(*left).map_or(CHUNK, |left| left.min(CHUNK));
                    buffer.resize(want, 0);
                    let mut read = ReadBuf::new(buffer);
                    match Pin::new(file).poll_read(cx, &mut read) {
                        Poll::Pending => return Poll::Pending,
                        Poll::Ready(Err(error)) => return Poll::Ready(Some(Err(error))),
                        Poll::Ready(Ok(())) => {}
                    }
                    let filled = read.filled();
                    if filled.is_empty() {
                        return Poll::Ready(Some(Err(io::Error::new(
                            io::ErrorKind::UnexpectedEof,
                            "the file became shorter while it was being sent",
                        ))));
                    }
                    *left -= filled.len() as u64;
                    Bytes::copy_from_slice(filled)
                }
                Segment::Stream {
                    stream,
                    expected,
                    seen,
                } => {
                    let stream = stream.get_mut().unwrap_or_else(|p| p.into_inner());
                    match stream.as_mut().poll_next(cx) {
                        Poll::Pending => return Poll::Pending,
                        Poll::Ready(Some(Err(error))) => return Poll::Ready(Some(Err(error))),
                        Poll::Ready(Some(Ok(bytes))) => {
                            *seen += bytes.len() as u64;
                            if expected.is_some_and(|expected| *seen > expected) {
                                return Poll::Ready(Some(Err(wrong_length(*expected, *seen))));
                            }
                            bytes
                        }
                        Poll::Ready(None) => {
                            if expected.is_some_and(|expected| *seen != expected) {
                                return Poll::Ready(Some(Err(wrong_length(*expected, *seen))));
                            }
                            this.segments.pop_front();
                            continue;
                        }
                    }
                }
            };
            if chunk.is_empty() {
                continue;
            }
            if let Some(remaining) = &mut this.remaining {
                *remaining = remaining.saturating_sub(chunk.len() as u64);
            }
            return Poll::Ready(Some(Ok(Frame::data(chunk))));
        }
    }

    fn is_end_stream(&self) -> bool {
        self.segments.is_empty()
    }

    fn size_hint(&self) -> SizeHint {
        match self.remaining {
            Some(exact) => SizeHint::with_exact(exact),
            None => SizeHint::default(),
        }
    }
}

fn wrong_length(expected: Option<u64>, seen: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!(
            "a file part's stream gave {seen} bytes or more, not the {} its length said",
            expected.unwrap_or_default()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body::Body as _;
    use http_body_util::BodyExt;

    async fn encode(parts: &Multipart) -> (String, String, Option<u64>) {
        let (content_type, body) = parts.open().await.expect("opens");
        let hint = body.size_hint().exact();
        let bytes = body.collect().await.expect("reads").to_bytes();
        (
            content_type,
            String::from_utf8_lossy(&bytes).into_owned(),
            hint,
        )
    }

    #[tokio::test]
    async fn parts_are_framed_by_the_boundary_and_the_length_is_exact() {
        let parts = Multipart::new()
            .field("title", &"Q3")
            .field("pages", &12)
            .field("tags", &["a", "b"])
            .field("missing", &None::<String>)
            .field("meta", &serde_json::json!({ "k": 1 }))
            .file(
                "file",
                &FilePart::bytes("PDF")
                    .file_name("r.pdf")
                    .content_type("application/pdf"),
            );
        let (content_type, body, hint) = encode(&parts).await;
        let boundary = content_type
            .strip_prefix("multipart/form-data; boundary=")
            .expect("a boundary");
        let expected = format!(
            "--{b}\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nQ3\r\n\
             --{b}\r\nContent-Disposition: form-data; name=\"pages\"\r\n\r\n12\r\n\
             --{b}\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\na\r\n\
             --{b}\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\nb\r\n\
             --{b}\r\nContent-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json\r\n\r\n{{\"k\":1}}\r\n\
             --{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.pdf\"\r\nContent-Type: application/pdf\r\n\r\nPDF\r\n\
             --{b}--\r\n",
            b = boundary
        );
        assert_eq!(body, expected);
        assert_eq!(hint, Some(expected.len() as u64));
    }

    #[tokio::test]
    async fn a_file_name_cannot_end_its_header() {
        let parts = Multipart::new().file("f", &FilePart::bytes("x").file_name("a\"\r\nX: y"));
        let (_, body, _) = encode(&parts).await;
        assert!(body.contains("filename=\"a%22%0D%0AX: y\""), "{body}");
    }

    #[tokio::test]
    async fn a_stream_is_sent_once_and_held_to_its_length() {
        let chunks = vec![Ok(Bytes::from("ab")), Ok(Bytes::from("cd"))];
        let part = FilePart::stream(futures::stream::iter(chunks)).length(4);
        let parts = Multipart::new().file("f", &part);
        assert!(!parts.is_resendable());
        let (_, body, hint) = encode(&parts).await;
        assert!(body.contains("\r\n\r\nabcd\r\n"), "{body}");
        assert!(hint.is_some());
        assert!(matches!(parts.open().await, Err(OpenError::Invalid { .. })));

        let short = FilePart::stream(futures::stream::iter(vec![Ok(Bytes::from("ab"))])).length(3);
        let (_, body) = Multipart::new()
            .file("f", &short)
            .open()
            .await
            .expect("opens");
        assert!(body.collect().await.is_err());
    }

    #[tokio::test]
    async fn a_missing_file_is_named() {
        let parts = Multipart::new().file("f", &FilePart::path("/no/such/file.bin"));
        match parts.open().await {
            Err(OpenError::File { part, path, .. }) => {
                assert_eq!(part, "f");
                assert_eq!(path, PathBuf::from("/no/such/file.bin"));
            }
            other => panic!("expected a file error, got {:?}", other.map(|(t, _)| t)),
        }
    }
}
