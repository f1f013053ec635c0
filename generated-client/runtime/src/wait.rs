//! Waiting for a job: polling an operation until the state it reports says the job is done
//! or failed, or until a deadline.
//!
//! A spec's `waiters:` name the operation to poll, where the state is in its payload, and
//! which states mean done or failed; every other state (the documented pending ones, and
//! any the document does not list) means "poll again", as AWS SDK waiters do, so that a
//! state the service adds later delays the answer rather than failing it. Each poll is an
//! ordinary call: it is authorized, rate limited and retried like any other. Between polls
//! the waiter sleeps on the client's clock ([`Transport::clock`](super::Transport::clock)),
//! so that a simulated clock makes a test of a ten-minute job instant. Dropping the future
//! cancels the wait; nothing is sent after that.

use std::borrow::Borrow;
use std::future::Future;
use std::time::Duration;

use super::error::{Error, ErrorCode};
use super::rate_limit::RateLimitClock;

/// How often a waiter polls, and for how long.
///
/// The first poll is sent at once; the delay before each further one doubles from
/// `interval` up to `max_interval`; the deadline counts from the first poll, and the last
/// sleep is cut short so that the final poll falls on it. No jitter: a wait is one caller's,
/// and a deterministic schedule is one a test can check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WaitPolicy {
    interval: Duration,
    max_interval: Duration,
    deadline: Duration,
}

impl WaitPolicy {
    /// A policy polling first after `interval`, then at doubling intervals up to
    /// `max_interval`, giving up after `deadline`.
    pub const fn new(interval: Duration, max_interval: Duration, deadline: Duration) -> Self {
        WaitPolicy {
            interval,
            max_interval,
            deadline,
        }
    }

    /// This policy with another first interval (the longest interval is raised to it when
    /// it was shorter).
    #[must_use]
    pub fn interval(mut self, interval: Duration) -> Self {
        self.interval = interval;
        self.max_interval = self.max_interval.max(interval);
        self
    }

    /// This policy with another longest interval (the first is lowered to it when it was
    /// longer).
    #[must_use]
    pub fn max_interval(mut self, max_interval: Duration) -> Self {
        self.max_interval = max_interval;
        self.interval = self.interval.min(max_interval);
        self
    }

    /// This policy with another deadline.
    #[must_use]
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = deadline;
        self
    }

    /// The sleep before poll number `poll + 1`, after `poll` polls (1 or more).
    pub fn delay(&self, poll: u32) -> Duration {
        let doublings = poll.saturating_sub(1).min(31);
        self.interval
            .saturating_mul(1 << doublings)
            .min(self.max_interval)
    }

    /// The first interval.
    pub fn first_interval(&self) -> Duration {
        self.interval
    }

    /// The longest interval.
    pub fn longest_interval(&self) -> Duration {
        self.max_interval
    }

    /// How long the waiter polls before it gives up.
    pub fn time_limit(&self) -> Duration {
        self.deadline
    }
}

/// One waiter of a service: its name, the operation it polls, and the states that end it.
#[derive(Debug, Clone, Copy)]
pub struct Waiter {
    /// Its name in the spec (`org_enrichment`).
    pub name: &'static str,
    /// The operation it polls (`get_org_enrichment`).
    pub operation: &'static str,
    /// The states that mean the job is done: the waiter returns the payload.
    pub success: &'static [&'static str],
    /// The states that mean the job failed: the waiter returns [`Error::WaitFailed`].
    pub failure: &'static [&'static str],
}

impl Waiter {
    /// Polls with `poll` until `state` reads a success state from its payload (returned),
    /// a failure state ([`Error::WaitFailed`]), or `policy`'s deadline passes
    /// ([`Error::WaitDeadline`]). The first error of a poll ends the wait with it.
    ///
    /// `state` reads the payload as `P`: a list payload as a slice, so that the state of
    /// its first item is `payload.first()...`.
    pub async fn wait<T, P, C, F, Fut>(
        &self,
        policy: &WaitPolicy,
        clock: &RateLimitClock,
        mut poll: F,
        state: fn(&P) -> Option<&str>,
    ) -> Result<T, Error<C>>
    where
        T: Borrow<P>,
        P: ?Sized,
        C: ErrorCode,
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, Error<C>>>,
    {
        let started = clock.elapsed();
        let mut polls: u32 = 0;
        loop {
            let payload = poll().await?;
            polls = polls.saturating_add(1);
            let seen = state(payload.borrow());
            if let Some(seen) = seen {
                if self.success.contains(&seen) {
                    return Ok(payload);
                }
                if self.failure.contains(&seen) {
                    return Err(Error::WaitFailed {
                        waiter: self.name,
                        operation: self.operation,
                        state: seen.to_owned(),
                    });
                }
            }
            let waited = clock.elapsed().saturating_sub(started);
            if waited >= policy.deadline {
                return Err(Error::WaitDeadline {
                    waiter: self.name,
                    operation: self.operation,
                    waited,
                    state: seen.map(str::to_owned),
                });
            }
            let sleep = policy.delay(polls).min(policy.deadline - waited);
            tracing::debug!(
                waiter = self.name,
                operation = self.operation,
                state = seen.unwrap_or(""),
                polls,
                sleep_ms = u64::try_from(sleep.as_millis()).unwrap_or(u64::MAX),
                "waiting for the job to finish",
            );
            clock.wait(sleep).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_double_up_to_the_longest_interval() {
        let policy = WaitPolicy::new(
            Duration::from_secs(5),
            Duration::from_secs(30),
            Duration::from_secs(600),
        );
        let delays: Vec<u64> = (1..=6).map(|poll| policy.delay(poll).as_secs()).collect();
        assert_eq!(delays, [5, 10, 20, 30, 30, 30]);
        assert_eq!(policy.delay(u32::MAX), Duration::from_secs(30));
    }

    #[test]
    fn setters_keep_the_intervals_in_order() {
        let policy = WaitPolicy::new(
            Duration::from_secs(5),
            Duration::from_secs(30),
            Duration::from_secs(600),
        );
        assert_eq!(
            policy.interval(Duration::from_secs(60)).longest_interval(),
            Duration::from_secs(60)
        );
        assert_eq!(
            policy.max_interval(Duration::from_secs(1)).first_interval(),
            Duration::from_secs(1)
        );
    }
}
