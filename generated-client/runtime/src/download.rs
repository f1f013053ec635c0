//! A binary answer (a spec's `type: binary` response), read as a stream of chunks and
//! held to the client's download size limit, so that a file of any size passes through a
//! small, bounded amount of memory.

use std::fmt;
use std::marker::PhantomData;
use std::time::Duration;

use bytes::Bytes;
use futures_core::Stream;

use super::error::{Error, ErrorCode};
use super::response::Response;
use super::transport::transport_error;

/// The body of a successful download, not yet read.
///
/// Read it a chunk at a time ([`chunk`](Self::chunk), [`into_stream`](Self::into_stream)),
/// into a writer ([`write_to`](Self::write_to)) or whole ([`bytes`](Self::bytes)). Each
/// chunk must arrive within the client's `timeout` of the one before; the whole body may
/// be larger than that timeout allows. A body larger than the download limit fails with
/// [`Error::ResponseTooLarge`]: at once when its `Content-Length` says so, else as soon
/// as the bytes read pass it (the chunks before it were delivered). A connection cut
/// short fails with [`Error::Transport`]: downloads are not resumed.
pub struct Download<C: ErrorCode> {
    source: Source,
    status: u16,
    content_length: Option<u64>,
    operation: &'static str,
    content_type: Option<String>,
    file_name: Option<String>,
    limit: usize,
    read: usize,
    idle: Duration,
    code: PhantomData<fn() -> C>,
}

/// Where the chunks come from.
enum Source {
    /// The answer being read.
    Http(reqwest::Response),
    /// A body read already (the answer to a request not sent as a download), handed over
    /// in one chunk.
    Read(Option<Bytes>),
}

impl<C: ErrorCode> fmt::Debug for Download<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Download")
            .field("operation", &self.operation)
            .field("status", &self.status)
            .field("content_type", &self.content_type)
            .field("content_length", &self.content_length())
            .field("file_name", &self.file_name)
            .field("read", &self.read)
            .finish_non_exhaustive()
    }
}

impl<C: ErrorCode> Download<C> {
    /// A download of `response`, checked against `limit` bytes.
    pub(crate) fn new(
        response: reqwest::Response,
        operation: &'static str,
        limit: usize,
        idle: Duration,
    ) -> Result<Self, Error<C>> {
        if response
            .content_length()
            .is_some_and(|length| length > u64::try_from(limit).unwrap_or(u64::MAX))
        {
            return Err(Error::ResponseTooLarge { operation, limit });
        }
        let header = |name: reqwest::header::HeaderName| {
            response
                .headers()
                .get(name)
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned)
        };
        let content_type = header(reqwest::header::CONTENT_TYPE);
        let file_name = header(reqwest::header::CONTENT_DISPOSITION)
            .as_deref()
            .and_then(disposition_file_name);
        Ok(Download {
            status: response.status().as_u16(),
            content_length: response.content_length(),
            source: Source::Http(response),
            operation,
            content_type,
            file_name,
            limit,
            read: 0,
            idle,
            code: PhantomData,
        })
    }

    /// A download of a body read already.
    pub(crate) fn buffered(response: Response, operation: &'static str) -> Self {
        Download {
            status: response.status,
            content_length: u64::try_from(response.body.len()).ok(),
            content_type: response.content_type,
            source: Source::Read(Some(response.body)),
            operation,
            file_name: None,
            limit: usize::MAX,
            read: 0,
            idle: Duration::MAX,
            code: PhantomData,
        }
    }

    /// The HTTP status of the answer (a 2xx).
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The answer's `Content-Type`, when it has one.
    pub fn content_type(&self) -> Option<&str> {
        self.content_type.as_deref()
    }

    /// The body's length, when the answer says it (`Content-Length`).
    pub fn content_length(&self) -> Option<u64> {
        self.content_length
    }

    /// The file name the answer suggests (`Content-Disposition: attachment;
    /// filename="..."`), when it gives one; a path in it is reduced to its last component,
    /// so it can be used as a name in a folder of the caller's choosing.
    pub fn file_name(&self) -> Option<&str> {
        self.file_name.as_deref()
    }

    /// The next chunk of the body, `None` at its end.
    pub async fn chunk(&mut self) -> Result<Option<Bytes>, Error<C>> {
        let operation = self.operation;
        let chunk = match &mut self.source {
            Source::Read(body) => body.take().filter(|body| !body.is_empty()),
            Source::Http(response) => match tokio::time::timeout(self.idle, response.chunk()).await
            {
                Err(_) => return Err(Error::Timeout { operation }),
                Ok(chunk) => chunk.map_err(|error| transport_error(operation, error))?,
            },
        };
        let Some(chunk) = chunk else {
            return Ok(None);
        };
        self.read = self.read.saturating_add(chunk.len());
        if self.read > self.limit {
            return Err(Error::ResponseTooLarge {
                operation,
                limit: self.limit,
            });
        }
        Ok(Some(chunk))
    }

    /// The whole body in memory (still at most the download limit).
    pub async fn bytes(mut self) -> Result<Bytes, Error<C>> {
        let mut body = bytes::BytesMut::new();
        while let Some(chunk) = self.chunk().await? {
            body.extend_from_slice(&chunk);
        }
        Ok(body.freeze())
    }

    /// Writes the body to `writer` (a file, a socket) as it arrives; the number of bytes
    /// written. A failed write is an [`Error::File`] without a path.
    pub async fn write_to<W>(mut self, writer: &mut W) -> Result<u64, Error<C>>
    where
        W: tokio::io::AsyncWrite + Unpin,
    {
        use tokio::io::AsyncWriteExt;
        let operation = self.operation;
        let failed = |source: std::io::Error| Error::File {
            operation,
            part: "download",
            path: None,
            source,
        };
        let mut written = 0u64;
        while let Some(chunk) = self.chunk().await? {
            writer.write_all(&chunk).await.map_err(failed)?;
            written += chunk.len() as u64;
        }
        writer.flush().await.map_err(failed)?;
        Ok(written)
    }

    /// The body as a stream of chunks; the first error ends it.
    pub fn into_stream(self) -> impl Stream<Item = Result<Bytes, Error<C>>> + Send + 'static {
        futures_util::stream::unfold(Some(self), |state| async move {
            let mut download = state?;
            match download.chunk().await {
                Ok(Some(chunk)) => Some((Ok(chunk), Some(download))),
                Ok(None) => None,
                Err(error) => Some((Err(error), None)),
            }
        })
    }
}

/// The file name of a `Content-Disposition` value (`filename="a.pdf"`, or RFC 6266's
/// `filename*=UTF-8''a%20b.pdf`, which wins), its last path component only.
fn disposition_file_name(value: &str) -> Option<String> {
    let mut plain = None;
    let mut extended = None;
    for parameter in value.split(';').skip(1) {
        let Some((key, raw)) = parameter.split_once('=') else {
            continue;
        };
        let raw = raw.trim();
        match key.trim().to_ascii_lowercase().as_str() {
            "filename" => plain = Some(raw.trim_matches('"').to_owned()),
            "filename*" => {
                extended = raw
                    .split_once("''")
                    .filter(|(charset, _)| charset.eq_ignore_ascii_case("utf-8"))
                    .and_then(|(_, encoded)| {
                        percent_encoding::percent_decode_str(encoded)
                            .decode_utf8()
                            .ok()
                            .map(|text| text.into_owned())
                    });
            }
            _ => {}
        }
    }
    let name = extended.or(plain)?;
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default().trim();
    (!last.is_empty() && last != "." && last != "..").then(|| last.to_owned())
}

#[cfg(test)]
mod tests {
    use super::disposition_file_name;

    #[test]
    fn file_names_come_from_the_disposition_without_their_path() {
        let name = |value: &str| disposition_file_name(value);
        assert_eq!(
            name("attachment; filename=\"report.pdf\"").as_deref(),
            Some("report.pdf")
        );
        assert_eq!(
            name("attachment; filename=plain.txt").as_deref(),
            Some("plain.txt")
        );
        assert_eq!(
            name("attachment; filename=\"a.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf")
                .as_deref(),
            Some("résumé.pdf")
        );
        assert_eq!(
            name("attachment; filename=\"../../etc/passwd\"").as_deref(),
            Some("passwd")
        );
        assert_eq!(
            name("attachment; filename=\"C:\\\\x\\\\y.txt\"").as_deref(),
            Some("y.txt")
        );
        assert_eq!(name("attachment; filename=\"..\""), None);
        assert_eq!(name("inline"), None);
    }
}
