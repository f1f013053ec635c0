// @generated from features/polling.yaml by `cargo xtask codegen`. Do not edit by hand.

//! One builder per waiter: `wait_for_...` polls an operation until the job it
//! reports on is done.

use super::errors::Result;
use super::types::*;
use super::Client;

impl Client {
    /// Waits until the job [`Client::get_export`] reports on is done.
    ///
    /// Polls [`Client::get_export`] until its `progress.phase` is `finished`, and returns that last answer; `aborted` means the job failed, and the wait fails with `Error::WaitFailed`. Any other state (`queued` or `running`, which the document gives for a job under way, or one it does not list), or none, means poll again.
    ///
    /// # Polling
    ///
    /// The first poll is sent at once, the second after 1 s, the delay doubling after each poll up to 4 s; 600 s after the first poll the wait fails with `Error::WaitDeadline`. The builder's `interval`, `max_interval` and `deadline` change these. Each poll is an ordinary call, authorized, rate limited and retried like any other, and its first error ends the wait. The delays pass on the client's clock (`rate_limit_clock`), so a simulated clock makes them instant. Dropping the future cancels the wait.
    ///
    /// # Arguments
    ///
    /// Those of [`Client::get_export`], which each poll sends.
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use fixture_clients::polling::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let done = client.wait_for_export_finished("export_id")
    ///     .deadline(std::time::Duration::from_secs(600))
    ///     .send()
    ///     .await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn wait_for_export_finished(
        &self,
        export_id: impl Into<String>,
    ) -> WaitForExportFinished<'_> {
        WaitForExportFinished {
            client: self,
            request: self.get_export(export_id),
            policy: WaitForExportFinished::POLICY,
        }
    }
}

/// A wait started by [`Client::wait_for_export_finished`]: change the polling if need be, then call `send()`.
#[derive(Debug, Clone)]
#[must_use = "a wait does nothing until `.send().await`"]
pub struct WaitForExportFinished<'a> {
    client: &'a Client,
    request: super::GetExportRequest<'a>,
    policy: crate::runtime::WaitPolicy,
}

impl WaitForExportFinished<'_> {
    /// The waiter: what it polls, and the states that end it.
    const WAITER: crate::runtime::Waiter = crate::runtime::Waiter {
        name: "export_finished",
        operation: "get_export",
        success: &["finished"],
        failure: &["aborted"],
    };

    /// The spec's polling.
    const POLICY: crate::runtime::WaitPolicy = crate::runtime::WaitPolicy::new(
        std::time::Duration::from_secs(1),
        std::time::Duration::from_secs(4),
        std::time::Duration::from_secs(600),
    );

    /// The delay before the second poll (the spec's: 1 s); it doubles after each poll.
    pub fn interval(mut self, interval: std::time::Duration) -> Self {
        self.policy = self.policy.interval(interval);
        self
    }

    /// The longest delay between polls (the spec's: 4 s).
    pub fn max_interval(mut self, max_interval: std::time::Duration) -> Self {
        self.policy = self.policy.max_interval(max_interval);
        self
    }

    /// How long after the first poll the wait gives up (the spec's: 600 s).
    pub fn deadline(mut self, deadline: std::time::Duration) -> Self {
        self.policy = self.policy.deadline(deadline);
        self
    }

    /// Polls until the job's state is final. See [`Client::wait_for_export_finished`] for what it returns and its errors.
    pub async fn send(self) -> Result<Export> {
        let request = self.request;
        Self::WAITER
            .wait(
                &self.policy,
                self.client.transport().clock(),
                || request.clone().send(),
                Self::state,
            )
            .await
    }

    /// The state an answer reports, when it has one.
    fn state(payload: &Export) -> Option<&str> {
        payload.progress.as_ref().map(|value| &value.phase).map(String::as_str)
    }
}
