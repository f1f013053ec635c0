//! Retrying failed attempts: which failures deserve another attempt, and how long to wait
//! first (exponential backoff with full jitter, or what the server asks for).
//!
//! Only idempotent requests (GET, PUT, HEAD, DELETE) are retried after a timeout, a cut
//! connection, a 429 or a 5xx: sending them twice does no harm. A POST is retried only when
//! the connection could not be made at all (so nothing was sent), unless the caller opts in
//! with [`RetryPolicy::retry_non_idempotent`].

use std::time::{Duration, SystemTime};

use reqwest::Method;
use reqwest::header::{HeaderMap, HeaderName, RETRY_AFTER};

/// How a client retries failed attempts. Set per client (`ClientBuilder::retry`) or per call
/// (`.retry(...)` on a request); `RetryPolicy::none()` turns retrying off.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetryPolicy {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    max_retry_after: Duration,
    retry_non_idempotent: bool,
}

impl Default for RetryPolicy {
    /// 3 attempts in all; backoff from 200 ms doubling up to 10 s, with full jitter; a
    /// server's `Retry-After` honoured up to 60 s; POST retried only when nothing was sent.
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(10),
            max_retry_after: Duration::from_secs(60),
            retry_non_idempotent: false,
        }
    }
}

impl RetryPolicy {
    /// One attempt, never retried.
    pub fn none() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }
    }

    /// How many attempts in all, the first included (at least 1).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The backoff before the first retry, doubling for each retry after it, up to `max`.
    /// Each wait is drawn at random between zero and that bound ("full jitter"), so that
    /// many clients failing together do not retry together.
    pub fn backoff(mut self, initial: Duration, max: Duration) -> Self {
        self.initial_backoff = initial;
        self.max_backoff = max.max(initial);
        self
    }

    /// The longest wait a server's `Retry-After` (or Help Scout's `X-RateLimit-Retry-After`)
    /// may ask for; a longer one fails with `Error::RetryAfterTooLong` instead of waiting.
    pub fn max_retry_after(mut self, limit: Duration) -> Self {
        self.max_retry_after = limit;
        self
    }

    /// Whether a POST (or PATCH) is retried like an idempotent request. Only turn this on
    /// when sending the request twice does no harm.
    pub fn retry_non_idempotent(mut self, yes: bool) -> Self {
        self.retry_non_idempotent = yes;
        self
    }

    /// How many attempts in all.
    pub fn attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The longest `Retry-After` honoured.
    pub fn retry_after_limit(&self) -> Duration {
        self.max_retry_after
    }

    /// Whether a failed `method` request may be sent again after it reached the server.
    pub(crate) fn may_resend(&self, method: &Method) -> bool {
        self.retry_non_idempotent || is_idempotent(method)
    }

    /// The wait before retry number `retry` (1 for the first retry): full jitter over an
    /// exponentially growing bound.
    pub(crate) fn backoff_before(&self, retry: u32) -> Duration {
        let doublings = retry.saturating_sub(1).min(30);
        let bound = self
            .initial_backoff
            .saturating_mul(1 << doublings)
            .min(self.max_backoff);
        let nanos = u64::try_from(bound.as_nanos()).unwrap_or(u64::MAX);
        Duration::from_nanos(fastrand::u64(0..=nanos))
    }
}

/// GET, PUT, HEAD, DELETE (and OPTIONS): sending them twice has the effect of sending once.
pub(crate) fn is_idempotent(method: &Method) -> bool {
    matches!(
        *method,
        Method::GET | Method::PUT | Method::HEAD | Method::DELETE | Method::OPTIONS
    )
}

/// Statuses that say "try again later": 429, and 5xx except those that will not change
/// (501 Not Implemented, 505 HTTP Version Not Supported).
pub(crate) fn is_transient_status(status: u16) -> bool {
    status == 429 || ((500..600).contains(&status) && status != 501 && status != 505)
}

/// The wait a server asks for: `Retry-After` in seconds or as an HTTP date, or Help Scout's
/// `X-RateLimit-Retry-After` in seconds.
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    // Named as constants: looked up by a string, a header name is parsed on every answer.
    const X_RATELIMIT_RETRY_AFTER: HeaderName = HeaderName::from_static("x-ratelimit-retry-after");
    let text = |name: HeaderName| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
    };
    if let Some(value) = text(RETRY_AFTER) {
        if let Ok(seconds) = value.parse::<u64>() {
            return Some(Duration::from_secs(seconds));
        }
        if let Ok(when) = httpdate::parse_http_date(value) {
            return Some(
                when.duration_since(SystemTime::now())
                    .unwrap_or(Duration::ZERO),
            );
        }
    }
    text(X_RATELIMIT_RETRY_AFTER)
        .and_then(|value| value.parse::<u64>().ok())
        .map(Duration::from_secs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn backoff_grows_and_stays_within_its_bounds() {
        let policy =
            RetryPolicy::default().backoff(Duration::from_millis(100), Duration::from_secs(1));
        for _ in 0..200 {
            assert!(policy.backoff_before(1) <= Duration::from_millis(100));
            assert!(policy.backoff_before(3) <= Duration::from_millis(400));
            assert!(policy.backoff_before(30) <= Duration::from_secs(1));
        }
        let spread: std::collections::HashSet<Duration> =
            (0..50).map(|_| policy.backoff_before(4)).collect();
        assert!(spread.len() > 10, "full jitter draws different waits");
    }

    #[test]
    fn retry_after_reads_seconds_dates_and_help_scouts_header() {
        let mut headers = HeaderMap::new();
        headers.insert("retry-after", HeaderValue::from_static("7"));
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(7)));

        let in_a_minute = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(61));
        headers.insert(
            "retry-after",
            HeaderValue::from_str(&in_a_minute).unwrap_or(HeaderValue::from_static("x")),
        );
        let wait = retry_after(&headers).unwrap_or_default();
        assert!(
            wait > Duration::from_secs(55) && wait <= Duration::from_secs(61),
            "{wait:?}"
        );

        let mut help_scout = HeaderMap::new();
        help_scout.insert("x-ratelimit-retry-after", HeaderValue::from_static("12"));
        assert_eq!(retry_after(&help_scout), Some(Duration::from_secs(12)));
        assert_eq!(retry_after(&HeaderMap::new()), None);
    }

    #[test]
    fn only_transient_statuses_are_retried() {
        for status in [429, 500, 502, 503, 504] {
            assert!(is_transient_status(status), "{status}");
        }
        for status in [400, 401, 404, 501, 505] {
            assert!(!is_transient_status(status), "{status}");
        }
        assert!(is_idempotent(&Method::PUT) && !is_idempotent(&Method::POST));
    }
}
