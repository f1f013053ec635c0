// @generated from specs/zoho_crm.yaml by `cargo xtask codegen`. Do not edit by hand.

//! One builder per waiter: `wait_for_...` polls an operation until the job it
//! reports on is done.

use super::errors::Result;
use super::types::*;
use super::Client;

impl Client {
    /// Waits until an org enrichment job scheduled by `create_org_enrichment` has run.
    ///
    /// Polls [`Client::get_org_enrichment`] until the `status` of the first item it returns is `COMPLETED` or `DATA_NOT_FOUND`, and returns that last answer; `FAILED` means the job failed, and the wait fails with `Error::WaitFailed`. Any other state (`SCHEDULED`, which the document gives for a job under way, or one it does not list), or none, means poll again.
    ///
    /// # Polling
    ///
    /// The first poll is sent at once, the second after 10 s, the delay doubling after each poll up to 120 s; 1800 s after the first poll the wait fails with `Error::WaitDeadline`. The builder's `interval`, `max_interval` and `deadline` change these. Each poll is an ordinary call, authorized, rate limited and retried like any other, and its first error ends the wait. The delays pass on the client's clock (`rate_limit_clock`), so a simulated clock makes them instant. Dropping the future cancels the wait.
    ///
    /// Not stated by the document: the polling (10 s at first, doubling to at most 2 minutes, giving up after 30 minutes) and that DATA\_NOT\_FOUND is final: the pages say how long a job takes nowhere, nor whether a job can leave DATA\_NOT\_FOUND.
    ///
    /// # Arguments
    ///
    /// Those of [`Client::get_org_enrichment`], which each poll sends.
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use org_clients::zoho_crm::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let done = client.wait_for_org_enrichment("1234567890")
    ///     .deadline(std::time::Duration::from_secs(600))
    ///     .send()
    ///     .await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn wait_for_org_enrichment(
        &self,
        job_id: impl Into<String>,
    ) -> WaitForOrgEnrichment<'_> {
        WaitForOrgEnrichment {
            client: self,
            request: self.get_org_enrichment(job_id),
            policy: WaitForOrgEnrichment::POLICY,
        }
    }
}

/// A wait started by [`Client::wait_for_org_enrichment`]: change the polling if need be, then call `send()`.
#[derive(Debug, Clone)]
#[must_use = "a wait does nothing until `.send().await`"]
pub struct WaitForOrgEnrichment<'a> {
    client: &'a Client,
    request: super::GetOrgEnrichmentRequest<'a>,
    policy: crate::runtime::WaitPolicy,
}

impl WaitForOrgEnrichment<'_> {
    /// The waiter: what it polls, and the states that end it.
    const WAITER: crate::runtime::Waiter = crate::runtime::Waiter {
        name: "org_enrichment",
        operation: "get_org_enrichment",
        success: &["COMPLETED", "DATA_NOT_FOUND"],
        failure: &["FAILED"],
    };

    /// The spec's polling.
    const POLICY: crate::runtime::WaitPolicy = crate::runtime::WaitPolicy::new(
        std::time::Duration::from_secs(10),
        std::time::Duration::from_secs(120),
        std::time::Duration::from_secs(1800),
    );

    /// The delay before the second poll (the spec's: 10 s); it doubles after each poll.
    pub fn interval(mut self, interval: std::time::Duration) -> Self {
        self.policy = self.policy.interval(interval);
        self
    }

    /// The longest delay between polls (the spec's: 120 s).
    pub fn max_interval(mut self, max_interval: std::time::Duration) -> Self {
        self.policy = self.policy.max_interval(max_interval);
        self
    }

    /// How long after the first poll the wait gives up (the spec's: 1800 s).
    pub fn deadline(mut self, deadline: std::time::Duration) -> Self {
        self.policy = self.policy.deadline(deadline);
        self
    }

    /// Polls until the job's state is final. See [`Client::wait_for_org_enrichment`] for what it returns and its errors.
    pub async fn send(self) -> Result<Vec<OrgEnrichment>> {
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
    fn state(payload: &[OrgEnrichment]) -> Option<&str> {
        payload
            .first()
            .and_then(|value| value.status.as_ref())
            .map(EnrichmentStatus::as_str)
    }
}
