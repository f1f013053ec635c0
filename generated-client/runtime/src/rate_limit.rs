//! Client-side rate limits: the limits a spec declares (Zoho People's org structure: 30
//! requests a minute, then a 5-minute lock) are kept before a request leaves, so that the
//! client never becomes the reason an account gets locked.
//!
//! Each limit is a sliding-window log: the times of the requests sent in the last window.
//! A request is admitted while fewer than N were sent in the window before it, so N requests
//! go at once and no window of the limit's length ever holds more than N (a smoothed rate
//! would space them out for nothing). After a `429` on an operation the limit governs, the
//! limit is locked for the documented lock period (or the server's `Retry-After`, if
//! longer). A service that says in its answers how much is left (Help Scout's
//! `X-RateLimit-Remaining-Minute`) holds every request once that reaches 0.
//!
//! The state lives in a [`RateLimitBudget`]: every clone of a client shares its client's,
//! and clients built with the same budget share one. Time comes from a [`RateLimitClock`],
//! the real one or a simulated one whose waits pass at once, so that tests of minutes of
//! requests run in milliseconds while the requests still cross a real socket.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use reqwest::header::HeaderMap;

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

/// The response headers in which a service tells how much of its limit is left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimitHeaders {
    /// The requests left in the current window (`X-RateLimit-Remaining-Minute`).
    pub remaining: &'static str,
    /// The seconds until requests are allowed again (`X-RateLimit-Retry-After`), if sent.
    pub retry_after: Option<&'static str>,
    /// How long requests are held when `remaining` reaches 0 and no `retry_after` says how
    /// long: the service's window.
    pub window: Duration,
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
            ClockKind::Simulated(now) => *now.lock().unwrap_or_else(PoisonError::into_inner),
        }
    }

    /// Moves a simulated clock on by `duration` (as if that much time passed between
    /// requests); the real clock cannot be moved, and is left as it is.
    pub fn advance(&self, duration: Duration) {
        if let ClockKind::Simulated(now) = &self.0 {
            *now.lock().unwrap_or_else(PoisonError::into_inner) += duration;
        }
    }

    /// Waits `duration` on this clock: really, or, simulated, by moving the clock on.
    pub(crate) async fn wait(&self, duration: Duration) {
        match &self.0 {
            ClockKind::Real(_) => tokio::time::sleep(duration).await,
            ClockKind::Simulated(_) => {
                self.advance(duration);
                tokio::task::yield_now().await;
            }
        }
    }
}

/// The requests the documented limits still allow, and the locks and server hints in
/// force. Every clone of a client shares its client's budget; to share one between clients
/// (two clients of one account, in one process), build them with the same budget:
/// `.rate_limit_budget(budget.clone())`. Cheap to clone: clones are handles to one budget.
#[derive(Debug, Clone, Default)]
pub struct RateLimitBudget {
    inner: Arc<Budget>,
}

#[derive(Debug, Default)]
struct Budget {
    clock: RateLimitClock,
    /// Keyed by service, then limit name.
    state: Mutex<HashMap<(&'static str, &'static str), Window>>,
    /// Keyed by service: what its answers last said about the limit.
    hints: Mutex<HashMap<&'static str, Hints>>,
}

impl RateLimitBudget {
    /// A budget on the real clock.
    pub fn new() -> Self {
        RateLimitBudget::default()
    }

    /// A budget on `clock` (a simulated one, for tests of how a workload meets the limits).
    pub fn with_clock(clock: RateLimitClock) -> Self {
        RateLimitBudget {
            inner: Arc::new(Budget {
                clock,
                ..Budget::default()
            }),
        }
    }

    /// The clock this budget keeps time by.
    pub fn clock(&self) -> &RateLimitClock {
        &self.inner.clock
    }

    fn windows(&self) -> MutexGuard<'_, HashMap<(&'static str, &'static str), Window>> {
        self.inner
            .state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    fn hints(&self) -> MutexGuard<'_, HashMap<&'static str, Hints>> {
        self.inner
            .hints
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

/// One limit's log: when its requests were sent (clock times, oldest first), and the lock.
#[derive(Debug, Default)]
struct Window {
    sent: VecDeque<Duration>,
    locked_until: Option<Duration>,
}

impl Window {
    /// Forgets the requests that left the window ending at `now`.
    fn prune(&mut self, now: Duration, per: Duration) {
        while self
            .sent
            .front()
            .is_some_and(|sent| now.saturating_sub(*sent) >= per)
        {
            self.sent.pop_front();
        }
    }
}

/// What a service's answers last said about its limit.
#[derive(Debug, Clone, Copy)]
struct Hints {
    remaining: Option<u64>,
    retry_after: Option<Duration>,
    seen_at: Duration,
    held_until: Option<Duration>,
}

/// Why a request waits (or, failing fast, was refused).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Holdup {
    /// The window already holds the limit's number of requests.
    WindowFull,
    /// A `429` locked the limit.
    Locked,
    /// The service's answers said none are left.
    ServerSaysNoneLeft,
}

impl Holdup {
    fn reason(self) -> &'static str {
        match self {
            Holdup::WindowFull => "the documented limit is used up for this window",
            Holdup::Locked => "locked out after a 429",
            Holdup::ServerSaysNoneLeft => "the service said no requests are left",
        }
    }
}

/// A snapshot of a client's rate limits, from [`RateLimitStatus`]'s `Client::rate_limit_status`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RateLimitStatus {
    /// Each documented limit, in spec order.
    pub limits: Vec<LimitStatus>,
    /// What the service's answers last said, for services that say (Help Scout).
    pub server: Option<ServerHints>,
}

/// One documented limit, now.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct LimitStatus {
    /// The limit's name in the spec.
    pub name: &'static str,
    /// The requests it allows per window.
    pub requests: u32,
    /// The window.
    pub per: Duration,
    /// The requests sent in the window that ends now.
    pub used: u32,
    /// How long the lock after a `429` still lasts, when one is in force.
    pub locked_for: Option<Duration>,
    /// How long until the limit admits another request (zero when it would now).
    pub next_free_in: Duration,
}

/// What a service's answers last said about its limit.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ServerHints {
    /// The requests left, as the last answer that said so put it.
    pub remaining: Option<u64>,
    /// The wait the last answer that gave one asked for.
    pub retry_after: Option<Duration>,
    /// How long ago (on the budget's clock) the last answer was read.
    pub age: Duration,
    /// How long requests are still held because none are left, when they are.
    pub held_for: Option<Duration>,
}

/// The rate limits of one client: its service's limits, kept in a budget.
#[derive(Debug)]
pub(crate) struct Limiters {
    service: &'static str,
    limits: Vec<RateLimit>,
    headers: Option<RateLimitHeaders>,
    mode: RateLimitMode,
    budget: RateLimitBudget,
}

impl Limiters {
    pub(crate) fn new(
        service: &'static str,
        limits: &[RateLimit],
        headers: Option<RateLimitHeaders>,
        mode: RateLimitMode,
        budget: RateLimitBudget,
    ) -> Self {
        Limiters {
            service,
            limits: limits.to_vec(),
            headers,
            mode,
            budget,
        }
    }

    /// The clock the limits keep time by.
    pub(crate) fn clock(&self) -> &RateLimitClock {
        self.budget.clock()
    }

    fn limit(&self, name: Option<&'static str>) -> Option<&RateLimit> {
        name.and_then(|name| self.limits.iter().find(|limit| limit.name == name))
    }

    /// Waits until the limit `name` (and the service's own word, where it gives one)
    /// admits one more request, and counts it; in `FailFast` mode, fails instead of waiting.
    pub(crate) async fn admit<C: ErrorCode>(
        &self,
        name: Option<&'static str>,
        operation: &'static str,
    ) -> Result<(), Error<C>> {
        let limit = self.limit(name);
        if limit.is_none() && self.headers.is_none() {
            return Ok(());
        }
        loop {
            let Some((wait, holdup)) = self.try_admit(limit) else {
                return Ok(());
            };
            if self.mode == RateLimitMode::FailFast {
                return Err(Error::RateLimited {
                    operation,
                    limit: limit.map_or("the service's own count", |limit| limit.name),
                    wait,
                });
            }
            tracing::debug!(
                service = self.service,
                operation,
                limit = limit.map(|limit| limit.name),
                reason = holdup.reason(),
                wait_ms = u64::try_from(wait.as_millis()).unwrap_or(u64::MAX),
                "waiting for the rate limit"
            );
            self.budget.clock().wait(wait).await;
        }
    }

    /// Counts a request now if nothing holds it up, else says how long to wait and why.
    fn try_admit(&self, limit: Option<&RateLimit>) -> Option<(Duration, Holdup)> {
        let now = self.budget.clock().elapsed();
        let held = self
            .budget
            .hints()
            .get(self.service)
            .and_then(|hints| hints.held_until)
            .filter(|until| *until > now)
            .map(|until| (until - now, Holdup::ServerSaysNoneLeft));
        let Some(limit) = limit else {
            return held;
        };
        let mut windows = self.budget.windows();
        let window = windows.entry((self.service, limit.name)).or_default();
        window.prune(now, limit.per);
        let own = if let Some(until) = window.locked_until.filter(|until| *until > now) {
            Some((until - now, Holdup::Locked))
        } else if window.sent.len() >= limit.requests.max(1) as usize {
            let oldest = window.sent.front().copied().unwrap_or(now);
            Some(((oldest + limit.per).saturating_sub(now), Holdup::WindowFull))
        } else {
            None
        };
        match (own, held) {
            (None, None) => {
                window.sent.push_back(now);
                None
            }
            (Some(own), Some(held)) => Some(if held.0 > own.0 { held } else { own }),
            (own, held) => own.or(held),
        }
    }

    /// Reads what an answer says about the limits: a `429` on an operation a documented
    /// limit governs locks that limit, and a service's remaining count of 0 holds every
    /// request. Returns how long requests are now held, for the retry of this call.
    pub(crate) fn observe(
        &self,
        name: Option<&'static str>,
        status: u16,
        headers: &HeaderMap,
        retry_after: Option<Duration>,
    ) -> Option<Duration> {
        let now = self.budget.clock().elapsed();
        let mut hold = None;
        if let Some(config) = self.headers {
            let number = |header: &str| {
                headers
                    .get(header)
                    .and_then(|value| value.to_str().ok())
                    .and_then(|value| value.trim().parse::<u64>().ok())
            };
            let remaining = number(config.remaining);
            let server_wait = config
                .retry_after
                .and_then(number)
                .map(Duration::from_secs)
                .or(retry_after);
            if remaining.is_some() || server_wait.is_some() {
                let held_for = (remaining == Some(0) || status == 429)
                    .then(|| server_wait.unwrap_or(config.window));
                self.budget.hints().insert(
                    self.service,
                    Hints {
                        remaining,
                        retry_after: server_wait,
                        seen_at: now,
                        held_until: held_for.map(|wait| now + wait),
                    },
                );
                hold = held_for;
            }
        }
        if status == 429
            && let Some(limit) = self.limit(name)
        {
            let lock = match (limit.lock, retry_after) {
                (Some(lock), Some(asked)) => Some(lock.max(asked)),
                (lock, asked) => lock.or(asked),
            };
            if let Some(lock) = lock {
                let mut windows = self.budget.windows();
                let window = windows.entry((self.service, limit.name)).or_default();
                let until = now + lock;
                window.locked_until = Some(window.locked_until.map_or(until, |u| u.max(until)));
                tracing::debug!(
                    service = self.service,
                    limit = limit.name,
                    lock_ms = u64::try_from(lock.as_millis()).unwrap_or(u64::MAX),
                    "rate limit locked after a 429"
                );
                hold = Some(hold.map_or(lock, |hold: Duration| hold.max(lock)));
            }
        }
        hold
    }

    /// The state of every documented limit, and the service's last word.
    pub(crate) fn status(&self) -> RateLimitStatus {
        let now = self.budget.clock().elapsed();
        let mut windows = self.budget.windows();
        let limits = self
            .limits
            .iter()
            .map(|limit| {
                let window = windows.entry((self.service, limit.name)).or_default();
                window.prune(now, limit.per);
                let locked_for = window
                    .locked_until
                    .filter(|until| *until > now)
                    .map(|until| until - now);
                let full = window.sent.len() >= limit.requests.max(1) as usize;
                let window_free_in = match window.sent.front() {
                    Some(oldest) if full => (*oldest + limit.per).saturating_sub(now),
                    _ => Duration::ZERO,
                };
                LimitStatus {
                    name: limit.name,
                    requests: limit.requests,
                    per: limit.per,
                    used: u32::try_from(window.sent.len()).unwrap_or(u32::MAX),
                    locked_for,
                    next_free_in: locked_for.unwrap_or_default().max(window_free_in),
                }
            })
            .collect();
        drop(windows);
        let server = self
            .budget
            .hints()
            .get(self.service)
            .map(|hints| ServerHints {
                remaining: hints.remaining,
                retry_after: hints.retry_after,
                age: now.saturating_sub(hints.seen_at),
                held_for: hints
                    .held_until
                    .filter(|until| *until > now)
                    .map(|until| until - now),
            });
        RateLimitStatus { limits, server }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PEOPLE: RateLimit = RateLimit {
        name: "orgstructure",
        requests: 30,
        per: Duration::from_secs(60),
        lock: Some(Duration::from_secs(300)),
    };

    fn limiters(clock: &RateLimitClock) -> Limiters {
        Limiters::new(
            "zoho_people",
            &[PEOPLE],
            None,
            RateLimitMode::FailFast,
            RateLimitBudget::with_clock(clock.clone()),
        )
    }

    #[test]
    fn the_whole_limit_goes_at_once_and_the_next_waits_for_the_oldest_to_leave() {
        let clock = RateLimitClock::simulated();
        let limiters = limiters(&clock);
        for _ in 0..30 {
            assert_eq!(limiters.try_admit(Some(&PEOPLE)), None);
            clock.advance(Duration::from_millis(10));
        }
        let (wait, holdup) = limiters.try_admit(Some(&PEOPLE)).expect("held up");
        assert_eq!(holdup, Holdup::WindowFull);
        assert_eq!(wait, Duration::from_secs(60) - Duration::from_millis(300));
        clock.advance(wait);
        assert_eq!(limiters.try_admit(Some(&PEOPLE)), None);
    }

    #[test]
    fn a_429_locks_the_limit_for_the_documented_period() {
        let clock = RateLimitClock::simulated();
        let limiters = limiters(&clock);
        let held = limiters.observe(Some("orgstructure"), 429, &HeaderMap::new(), None);
        assert_eq!(held, Some(Duration::from_secs(300)));
        let (wait, holdup) = limiters.try_admit(Some(&PEOPLE)).expect("held up");
        assert_eq!((wait, holdup), (Duration::from_secs(300), Holdup::Locked));
        // A longer Retry-After than the documented lock wins.
        let held = limiters.observe(
            Some("orgstructure"),
            429,
            &HeaderMap::new(),
            Some(Duration::from_secs(400)),
        );
        assert_eq!(held, Some(Duration::from_secs(400)));
    }
}
