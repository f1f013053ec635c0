//! Client-side rate limits: the limits a spec declares (Zoho People's org structure: 30
//! requests a minute, then a 5-minute lock) are kept before a request leaves, so that the
//! client never becomes the reason an account gets locked.
//!
//! Each limit is a governor rate limiter (GCRA) on a [`RateLimitClock`]: the real clock, or a
//! simulated one whose waits pass at once, so that tests of a minute's worth of requests run
//! in milliseconds while the requests still cross a real socket. GCRA allows a burst `b` and then one request every
//! `τ`; in any window `W` it admits at most `b + W/τ` requests. To keep "N requests per W"
//! over *every* window (not only on average), the limiter uses `b = max(1, N/6)` and
//! `τ = W / (N - b)`: bursts of a few requests go at once, and no window ever sees more than N.

use std::num::NonZeroU32;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use governor::clock::Clock;
use governor::middleware::NoOpMiddleware;
use governor::state::{InMemoryState, NotKeyed};
use governor::{Quota, RateLimiter};

use super::error::{Error, ErrorCode};

/// A limit a service documents: `requests` per `per`, and the lock-out beyond it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    /// The limit's name in the spec; requests that share it share the budget.
    pub name: &'static str,
    /// How many requests are allowed ...
    pub requests: u32,
    /// ... within this window.
    pub per: Duration,
    /// How long the service locks the caller out beyond the limit, when documented.
    pub lock: Option<Duration>,
}

/// What a request does when its rate limit has no room left.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum RateLimitMode {
    /// Wait until the limit admits it (within the overall timeout).
    #[default]
    Wait,
    /// Fail at once with `Error::RateLimited`.
    FailFast,
}

/// Where rate limits read the time, and how they wait for room.
#[derive(Debug, Clone)]
pub struct RateLimitClock(ClockKind);

#[derive(Debug, Clone)]
enum ClockKind {
    Real(tokio::time::Instant),
    Simulated(Arc<Mutex<Duration>>),
}

impl Default for RateLimitClock {
    fn default() -> Self {
        RateLimitClock::real()
    }
}

impl RateLimitClock {
    /// The real clock: waits take their time. The default.
    pub fn real() -> Self {
        RateLimitClock(ClockKind::Real(tokio::time::Instant::now()))
    }

    /// A simulated clock that starts at zero and moves only when a limit waits: a wait of a
    /// minute passes at once and moves the clock a minute on. For tests and simulations of
    /// how a workload meets the limits; requests themselves are sent as usual.
    pub fn simulated() -> Self {
        RateLimitClock(ClockKind::Simulated(Arc::new(Mutex::new(Duration::ZERO))))
    }

    /// The time on this clock since it started.
    pub fn elapsed(&self) -> Duration {
        match &self.0 {
            ClockKind::Real(start) => start.elapsed(),
            ClockKind::Simulated(now) => *now
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        }
    }

    async fn wait(&self, duration: Duration) {
        match &self.0 {
            ClockKind::Real(_) => tokio::time::sleep(duration).await,
            ClockKind::Simulated(now) => {
                *now.lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner) += duration;
                tokio::task::yield_now().await;
            }
        }
    }
}

impl Clock for RateLimitClock {
    type Instant = Duration;

    fn now(&self) -> Duration {
        self.elapsed()
    }
}

type Limiter = RateLimiter<NotKeyed, InMemoryState, RateLimitClock, NoOpMiddleware<Duration>>;

/// The limiters of one client, one per named limit.
#[derive(Debug)]
pub(crate) struct Limiters {
    limiters: Vec<(RateLimit, Limiter)>,
    mode: RateLimitMode,
    clock: RateLimitClock,
}

impl Limiters {
    pub(crate) fn new(limits: &[RateLimit], mode: RateLimitMode, clock: RateLimitClock) -> Self {
        let limiters = limits
            .iter()
            .map(|limit| {
                let limiter = RateLimiter::direct_with_clock(quota(limit), clock.clone());
                (*limit, limiter)
            })
            .collect();
        Limiters {
            limiters,
            mode,
            clock,
        }
    }

    /// Waits until the limit `name` admits one more request (or fails, in `FailFast` mode).
    pub(crate) async fn admit<C: ErrorCode>(
        &self,
        name: Option<&'static str>,
        operation: &'static str,
    ) -> Result<(), Error<C>> {
        let Some((limit, limiter)) =
            name.and_then(|name| self.limiters.iter().find(|(l, _)| l.name == name))
        else {
            return Ok(());
        };
        loop {
            let wait = match limiter.check() {
                Ok(()) => return Ok(()),
                Err(not_until) => not_until.wait_time_from(self.clock.now()),
            };
            if self.mode == RateLimitMode::FailFast {
                return Err(Error::RateLimited {
                    operation,
                    limit: limit.name,
                    wait,
                });
            }
            tracing::debug!(
                operation,
                limit = limit.name,
                wait_ms = u64::try_from(wait.as_millis()).unwrap_or(u64::MAX),
                "waiting for the rate limit"
            );
            self.clock.wait(wait).await;
        }
    }
}

/// The GCRA quota that never admits more than `requests` in any window of `per`.
fn quota(limit: &RateLimit) -> Quota {
    let requests = limit.requests.max(1);
    let burst = (requests / 6).max(1);
    let spaced = requests.saturating_sub(burst).max(1);
    let interval = (limit.per / spaced).max(Duration::from_nanos(1));
    let burst = NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN);
    Quota::with_period(interval)
        .unwrap_or_else(|| Quota::per_second(NonZeroU32::MIN))
        .allow_burst(burst)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quota_keeps_every_window_within_the_limit() {
        let people = RateLimit {
            name: "orgstructure",
            requests: 30,
            per: Duration::from_secs(60),
            lock: Some(Duration::from_secs(300)),
        };
        let quota = quota(&people);
        let burst = quota.burst_size().get();
        let admitted_per_window = burst as f64 + 60.0 / quota.replenish_interval().as_secs_f64();
        assert_eq!(burst, 5);
        assert!(admitted_per_window <= 30.0 + 1e-9, "{admitted_per_window}");
    }
}
