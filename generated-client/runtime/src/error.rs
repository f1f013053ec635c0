//! The one error type every operation of every service returns.

use std::fmt;

use serde::de::DeserializeOwned;

/// A service's error codes; implemented by each service's generated `ErrorCode` enum, which
/// keeps codes it does not know in an `Unknown` variant.
pub trait ErrorCode: Clone + fmt::Debug + fmt::Display + Send + Sync + 'static {
    /// The service's module name (`zoho_crm`), which starts every error message.
    ///
    /// The default is empty, and messages then start with the operation alone.
    const SERVICE: &'static str = "";

    /// The service's error body, typed: what [`Error::body`] decodes into
    /// (`serde_json::Value` when the spec declares no type for it).
    type Body: DeserializeOwned + fmt::Debug + Clone + Send + Sync + 'static;

    /// The code as the server sent it; numeric codes arrive as their decimal text. `None`
    /// when it is not a code of this service's kind (text where codes are numbers). Its
    /// `Display` must write the code back as the server sends it.
    fn from_wire(code: &str) -> Option<Self>;

    /// Whether a `429` with this code means a quota is used up (for the day, say) rather
    /// than a momentary limit: such an answer is not retried. `false` unless the spec marks
    /// the code `quota: true`.
    fn is_quota(&self) -> bool {
        false
    }
}

/// Where the parts of an error sit in a service's error body, as key paths.
///
/// Each step of a path is an object key; a step of decimal digits also indexes an array,
/// for services that wrap their errors in a list (`&["data", "0", "code"]`).
#[derive(Debug, Clone, Copy)]
pub struct ErrorShape {
    /// Key path of the error code, e.g. `&["code"]`; a string or a number. `None` for a
    /// service whose errors carry no code.
    pub code: Option<&'static [&'static str]>,
    /// Key path of the human-readable message, e.g. `&["message"]`.
    pub message: &'static [&'static str],
    /// Key path of structured details, when the service sends any.
    pub details: Option<&'static [&'static str]>,
    /// The code a successful answer carries where success bodies have a code too
    /// (Zoho Inventory's `"code": 0`), as text: a 2xx body with another code there is an
    /// error.
    pub success: Option<&'static str>,
}

/// A documented API error: the server answered with an error body of the service's shape.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ApiError<C> {
    /// The operation that failed (`list_org_enrichments`).
    pub operation: &'static str,
    /// The HTTP status of the answer.
    pub status: u16,
    /// The error code from the body, when the service's errors carry one.
    pub code: Option<C>,
    /// The human-readable message from the body, when it has one.
    pub message: Option<String>,
    /// Structured details from the body, when the service sends any.
    pub details: Option<serde_json::Value>,
    /// The whole body, as JSON; [`Error::body`] reads it as the service's typed body.
    pub body: serde_json::Value,
    /// What the answer carried, for logging.
    pub answer: Answer,
}

/// What an error answer carried, for logs: the headers worth keeping and the start of the
/// body, redacted of every secret and bounded in size.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Answer {
    /// `Retry-After`, `X-RateLimit-*`, request and correlation ids, and `Content-Type`, in
    /// the order sent, names in lowercase.
    pub headers: Vec<(String, String)>,
    /// The body's first [`Answer::MAX_BODY`] bytes or so, as text.
    pub body: String,
}

impl Answer {
    /// How much of a body an answer keeps, in bytes.
    pub const MAX_BODY: usize = 4096;

    /// The value of a header this answer kept, by its name in any case.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(header, _)| header.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// Everything that can go wrong when calling an operation.
///
/// Messages start with the service and the operation and say what was expected and what was
/// found. They never contain an access token or a client secret.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error<C: ErrorCode> {
    /// Rejected locally before anything was sent (a documented constraint failed).
    InvalidRequest {
        /// The operation that was called.
        operation: &'static str,
        /// The parameter at fault (`body` for the JSON body, `path` for a path parameter).
        parameter: &'static str,
        /// What is wrong with it.
        reason: String,
    },
    /// The client configuration is unusable (bad base URL, missing credentials...).
    Config {
        /// What is wrong with it.
        reason: String,
    },
    /// Connection or protocol failure.
    Transport {
        /// The operation that was called.
        operation: &'static str,
        /// What the HTTP client reported.
        source: reqwest::Error,
    },
    /// The request or the response body took longer than the configured timeout.
    Timeout {
        /// The operation that was called.
        operation: &'static str,
    },
    /// The OAuth token endpoint refused or failed.
    Auth {
        /// The token endpoint's HTTP status, when it answered.
        status: Option<u16>,
        /// Why, with an excerpt of its body; secrets are redacted.
        reason: String,
    },
    /// A documented API error. (Boxed: it is the largest kind, and every `Result` of the
    /// client carries the size of its largest error.)
    Api(Box<ApiError<C>>),
    /// A status the service does not document, or an error body that matches no documented
    /// shape.
    UnexpectedStatus {
        /// The operation that was called.
        operation: &'static str,
        /// The HTTP status of the answer.
        status: u16,
        /// The answer's `Content-Type`, when it had one.
        content_type: Option<String>,
        /// The start of the body, at most about 200 characters.
        excerpt: String,
        /// What the answer carried, for logging.
        answer: Answer,
    },
    /// The service asked to wait longer before retrying (`Retry-After`) than the retry
    /// policy allows; the last answer is kept.
    RetryAfterTooLong {
        /// The operation that was called.
        operation: &'static str,
        /// How long the service asked to wait.
        wait: std::time::Duration,
        /// The longest wait the retry policy allows.
        limit: std::time::Duration,
        /// The answer that asked for the wait. (Not a `source()`: an error type that holds
        /// itself cannot be its own `std::error::Error` source; the message includes it.)
        last: Box<Error<C>>,
    },
    /// The rate limit the service documents has no room left, and the client is set to
    /// fail fast rather than wait (`RateLimitMode::FailFast`). Nothing was sent.
    RateLimited {
        /// The operation that was called.
        operation: &'static str,
        /// The limit's name in the spec.
        limit: &'static str,
        /// How long until the limit admits the request.
        wait: std::time::Duration,
    },
    /// A file could not be read or written: a multipart body's file part that does not
    /// open, or a download's body written to a writer that failed.
    File {
        /// The operation that was called.
        operation: &'static str,
        /// The body field the file is for (`download` for a download's writer).
        part: &'static str,
        /// The file's path, when the client opened it.
        path: Option<std::path::PathBuf>,
        /// What the system said.
        source: std::io::Error,
    },
    /// The response body was larger than the client reads (`max_response_bytes`, or
    /// `max_download_bytes` for a download).
    ResponseTooLarge {
        /// The operation that was called.
        operation: &'static str,
        /// The limit, in bytes.
        limit: usize,
    },
    /// A waiter read a state that means the job it waits for failed (`wait_for_...`).
    WaitFailed {
        /// The waiter's name in the spec (`org_enrichment`).
        waiter: &'static str,
        /// The operation it polls.
        operation: &'static str,
        /// The state as the server sent it (`FAILED`).
        state: String,
    },
    /// A waiter's deadline passed while the job was still in a state that is not final.
    WaitDeadline {
        /// The waiter's name in the spec (`org_enrichment`).
        waiter: &'static str,
        /// The operation it polls.
        operation: &'static str,
        /// How long it waited, on the client's clock.
        waited: std::time::Duration,
        /// The state the last poll read, when the answer had one.
        state: Option<String>,
    },
    /// A success body that did not decode.
    Decode {
        /// The operation that was called.
        operation: &'static str,
        /// Where decoding failed, as a JSON path from the body's root: `$`,
        /// `$.data[0].id`, `$["key with spaces"]`.
        path: String,
        /// What was expected and what was found there.
        message: String,
        /// The start of the body, at most about 200 characters.
        excerpt: String,
    },
    /// A stream of pages stopped rather than follow where a page said the next one is: a
    /// cursor or link the server had sent before (following it would loop), a link to
    /// another origin than the client's base URL (the client's credentials would go
    /// there), or a link that is not a URL. The items of the pages before were yielded.
    Pagination {
        /// The operation that was called.
        operation: &'static str,
        /// What the page said, and why it was not followed.
        reason: String,
    },
}

impl<C: ErrorCode> Error<C> {
    /// The error code, for a documented API error that carries one.
    pub fn code(&self) -> Option<&C> {
        match self {
            Error::Api(error) => error.code.as_ref(),
            _ => None,
        }
    }

    /// The error body as the service's typed body, for a documented API error whose body
    /// has that shape.
    pub fn body(&self) -> Option<C::Body> {
        match self {
            Error::Api(error) => serde_json::from_value(error.body.clone()).ok(),
            _ => None,
        }
    }

    /// What the server's answer carried (kept headers and the start of the body), for an
    /// API error or an unexpected status.
    pub fn answer(&self) -> Option<&Answer> {
        match self {
            Error::Api(error) => Some(&error.answer),
            Error::UnexpectedStatus { answer, .. } => Some(answer),
            Error::RetryAfterTooLong { last, .. } => last.answer(),
            _ => None,
        }
    }

    /// The server's message, for a documented API error that has one.
    pub fn message(&self) -> Option<&str> {
        match self {
            Error::Api(error) => error.message.as_deref(),
            _ => None,
        }
    }

    /// The HTTP status, when a server answered: the API's, or the token endpoint's.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api(error) => Some(error.status),
            Error::UnexpectedStatus { status, .. } => Some(*status),
            Error::RetryAfterTooLong { last, .. } => last.status(),
            Error::Auth { status, .. } => *status,
            _ => None,
        }
    }

    /// Whether the request or the response body took longer than the configured timeout.
    pub fn is_timeout(&self) -> bool {
        matches!(self, Error::Timeout { .. })
    }
}

impl<C: ErrorCode> std::error::Error for Error<C> {
    /// The HTTP client's or the system's error, for the kinds that wrap one. (A retried
    /// answer is not a source: it is part of the message.)
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Transport { source, .. } => Some(source),
            Error::File { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl<C: ErrorCode> fmt::Display for Error<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let service = C::SERVICE;
        match self {
            Error::InvalidRequest {
                operation,
                parameter,
                reason,
            } => write!(
                f,
                "{}: invalid `{parameter}`: {reason}",
                Scope(service, operation)
            ),
            Error::Config { reason } => {
                write!(
                    f,
                    "{}: unusable client configuration: {reason}",
                    Scope(service, "")
                )
            }
            // The details are left to `source()`, so that error reporters do not print them
            // twice; the kind of failure is enough to tell a dead host from a cut body.
            Error::Transport { operation, source } => {
                let what = if source.is_connect() {
                    "could not connect to the server"
                } else if source.is_redirect() {
                    "the server redirected too many times"
                } else if source.is_body() || source.is_decode() {
                    "the response body could not be read"
                } else if source.is_builder() {
                    "the request could not be built"
                } else {
                    "the request failed before a complete response arrived"
                };
                write!(f, "{}: {what}", Scope(service, operation))
            }
            Error::Timeout { operation } => write!(
                f,
                "{}: no complete response within the configured timeout",
                Scope(service, operation)
            ),
            Error::Auth {
                status: Some(status),
                reason,
            } => write!(
                f,
                "{}: the OAuth token endpoint answered HTTP {status}: {reason}",
                Scope(service, "")
            ),
            Error::Auth {
                status: None,
                reason,
            } => write!(
                f,
                "{}: no access token from the OAuth token endpoint: {reason}",
                Scope(service, "")
            ),
            Error::Api(error) => {
                write!(
                    f,
                    "{}: HTTP {}",
                    Scope(service, error.operation),
                    error.status
                )?;
                if let Some(code) = &error.code {
                    write!(f, " {code}")?;
                }
                match &error.message {
                    Some(message) => write!(f, ": {message}"),
                    None => Ok(()),
                }
            }
            Error::UnexpectedStatus {
                operation,
                status,
                content_type,
                excerpt,
                ..
            } => {
                write!(f, "{}: unexpected HTTP {status}", Scope(service, operation))?;
                if let Some(content_type) = content_type {
                    write!(f, " ({content_type})")?;
                }
                write!(f, ", {}", Body(excerpt))
            }
            Error::RetryAfterTooLong {
                operation,
                wait,
                limit,
                last,
            } => write!(
                f,
                "{}: the service asks to wait {} s before a retry, longer than the {} s the retry \
                 policy allows (`max_retry_after`); its answer was: {last}",
                Scope(service, operation),
                wait.as_secs(),
                limit.as_secs(),
            ),
            Error::RateLimited {
                operation,
                limit,
                wait,
            } => write!(
                f,
                "{}: the `{limit}` rate limit has no room for {} ms more; nothing was sent",
                Scope(service, operation),
                wait.as_millis(),
            ),
            Error::File {
                operation,
                part,
                path,
                source,
            } => match path {
                Some(path) => write!(
                    f,
                    "{}: cannot read `{}` for the file part `{part}`: {source}",
                    Scope(service, operation),
                    path.display()
                ),
                None => write!(
                    f,
                    "{}: cannot write the {part}: {source}",
                    Scope(service, operation)
                ),
            },
            Error::ResponseTooLarge { operation, limit } => write!(
                f,
                "{}: the response body is larger than the {limit} bytes this client reads",
                Scope(service, operation),
            ),
            Error::WaitFailed {
                waiter,
                operation,
                state,
            } => write!(
                f,
                "{}: waiting for `{waiter}`: the job failed, in state `{state}`",
                Scope(service, operation),
            ),
            Error::WaitDeadline {
                waiter,
                operation,
                waited,
                state,
            } => {
                write!(
                    f,
                    "{}: waiting for `{waiter}`: gave up after {} s",
                    Scope(service, operation),
                    waited.as_secs_f64(),
                )?;
                match state {
                    Some(state) => write!(f, ", the job still in state `{state}`"),
                    None => f.write_str(", the last answer naming no state"),
                }
            }
            Error::Decode {
                operation,
                path,
                message,
                excerpt,
            } => write!(
                f,
                "{}: the response does not decode at `{path}`: {message}; {}",
                Scope(service, operation),
                Body(excerpt)
            ),
            Error::Pagination { operation, reason } => {
                write!(f, "{}: stopped paging: {reason}", Scope(service, operation))
            }
        }
    }
}

/// `service operation`, leaving out whichever is empty.
struct Scope<'a>(&'a str, &'a str);

impl fmt::Display for Scope<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.0, self.1) {
            ("", "") => f.write_str("client"),
            (service, "") => f.write_str(service),
            ("", operation) => f.write_str(operation),
            (service, operation) => write!(f, "{service} {operation}"),
        }
    }
}

/// How a body excerpt reads inside a message.
struct Body<'a>(&'a str);

impl fmt::Display for Body<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            f.write_str("the body is empty")
        } else {
            write!(f, "body starts with: {}", self.0)
        }
    }
}
