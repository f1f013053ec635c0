//! Errors before they are read as a service's own.
//!
//! The transport (attempts, retries, timeouts, reading answers and error bodies) is the same
//! for every service; only the error code type differs. Written generic over that type, it
//! was compiled again into every service of a crate (a third of the clients' machine code
//! in a crate of five). It reports in [`WireCode`], the code as the server sent it, and the
//! one generic step left is [`Untyped::typed`], which reads that code as the service's own
//! when the error leaves the runtime.

use std::fmt;

use super::error::{ApiError, Error, ErrorCode};

/// An error code as the server sent it, read as no service's own yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WireCode(String);

impl WireCode {
    /// The code as the server sent it.
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for WireCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl ErrorCode for WireCode {
    type Body = serde_json::Value;

    fn from_wire(code: &str) -> Option<Self> {
        Some(WireCode(code.to_owned()))
    }
}

/// An error of the transport, its code (if any) as the server sent it.
pub(crate) type Untyped = Error<WireCode>;

/// What the transport asks of a service's error codes, as plain functions of the code as
/// the server sent it, so that the transport itself is not generic.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Codes {
    /// Whether it is a code of the service's kind: a body whose code is not (text where
    /// codes are numbers) is not a documented error.
    pub(crate) known: fn(&str) -> bool,
    /// Whether it says a quota is used up, so that a `429` will not clear by waiting.
    pub(crate) quota: fn(&str) -> bool,
}

impl Codes {
    /// `C`'s answers to both.
    pub(crate) fn of<C: ErrorCode>() -> Codes {
        Codes {
            known: |code| C::from_wire(code).is_some(),
            quota: |code| C::from_wire(code).is_some_and(|code| code.is_quota()),
        }
    }
}

impl Untyped {
    /// This error as the service's: its code read by `C` (`None` when it is not one of
    /// `C`'s kind, as `C::from_wire` says), everything else as it is.
    pub(crate) fn typed<C: ErrorCode>(self) -> Error<C> {
        match self {
            Error::Api(api) => {
                let ApiError {
                    operation,
                    status,
                    code,
                    message,
                    details,
                    body,
                    answer,
                } = *api;
                Error::Api(Box::new(ApiError {
                    operation,
                    status,
                    code: code.and_then(|WireCode(code)| C::from_wire(&code)),
                    message,
                    details,
                    body,
                    answer,
                }))
            }
            Error::RetryAfterTooLong {
                operation,
                wait,
                limit,
                last,
            } => Error::RetryAfterTooLong {
                operation,
                wait,
                limit,
                last: Box::new(last.typed()),
            },
            Error::InvalidRequest {
                operation,
                parameter,
                reason,
            } => Error::InvalidRequest {
                operation,
                parameter,
                reason,
            },
            Error::Config { reason } => Error::Config { reason },
            Error::Transport { operation, source } => Error::Transport { operation, source },
            Error::Timeout { operation } => Error::Timeout { operation },
            Error::Auth { status, reason } => Error::Auth { status, reason },
            Error::UnexpectedStatus {
                operation,
                status,
                content_type,
                excerpt,
                answer,
            } => Error::UnexpectedStatus {
                operation,
                status,
                content_type,
                excerpt,
                answer,
            },
            Error::RateLimited {
                operation,
                limit,
                wait,
            } => Error::RateLimited {
                operation,
                limit,
                wait,
            },
            Error::File {
                operation,
                part,
                path,
                source,
            } => Error::File {
                operation,
                part,
                path,
                source,
            },
            Error::ResponseTooLarge { operation, limit } => {
                Error::ResponseTooLarge { operation, limit }
            }
            Error::WaitFailed {
                waiter,
                operation,
                state,
            } => Error::WaitFailed {
                waiter,
                operation,
                state,
            },
            Error::Decode {
                operation,
                path,
                message,
                excerpt,
            } => Error::Decode {
                operation,
                path,
                message,
                excerpt,
            },
            Error::Pagination { operation, reason } => Error::Pagination { operation, reason },
            Error::WaitDeadline {
                waiter,
                operation,
                waited,
                state,
            } => Error::WaitDeadline {
                waiter,
                operation,
                waited,
                state,
            },
        }
    }
}
