// @generated from features/rate_limited.yaml by `cargo xtask codegen`. Do not edit by hand.

//! One request builder per operation.

use super::errors::Result;
use super::types::*;
use super::Client;

impl Client {
    /// Under the documented limit.
    ///
    /// `GET /limited`
    ///
    /// # Errors
    ///
    /// | Code | Status | Meaning |
    /// |---|---|---|
    /// | [`TOO_MANY_REQUESTS`](super::ErrorCode::TooManyRequests) | 429 | Slow down. |
    /// | [`DAILY_QUOTA_EXCEEDED`](super::ErrorCode::DailyQuotaExceeded) | 429 | The day's quota is used up. |
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use fixture_clients::rate_limited::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let response = client.get_limited().send().await?;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Rate limit
    ///
    /// 3 requests per 10 seconds; beyond that the service locks the caller out for 30 seconds.
    pub fn get_limited(&self) -> GetLimitedRequest<'_> {
        GetLimitedRequest {
            client: self,
            retry: None,
        }
    }

    /// Under no documented limit; only the service's count applies.
    ///
    /// `GET /free`
    ///
    /// # Errors
    ///
    /// | Code | Status | Meaning |
    /// |---|---|---|
    /// | [`TOO_MANY_REQUESTS`](super::ErrorCode::TooManyRequests) | 429 | Slow down. |
    /// | [`DAILY_QUOTA_EXCEEDED`](super::ErrorCode::DailyQuotaExceeded) | 429 | The day's quota is used up. |
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use fixture_clients::rate_limited::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let response = client.get_free().send().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn get_free(&self) -> GetFreeRequest<'_> {
        GetFreeRequest {
            client: self,
            retry: None,
        }
    }
}

/// A request to [`Client::get_limited`]: call `send()` to send it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct GetLimitedRequest<'a> {
    client: &'a Client,
    retry: Option<super::RetryPolicy>,
}

impl<'a> GetLimitedRequest<'a> {
    /// Retries this call by `policy` instead of the client's.
    pub fn retry(mut self, policy: super::RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Sends the request. See [`Client::get_limited`] for what it returns and its errors.
    pub fn send(self) -> impl std::future::Future<Output = Result<Thing>> + Send + 'a {
        let request = Ok(self.request());
        self.client
            .transport()
            .call(request, |response| response.json("get_limited", None))
    }

    /// The request `send()` sends; the service's mock matches calls against it.
    pub(super) fn request(&self) -> crate::runtime::Request {
        crate::runtime::Request::new(crate::runtime::Method::GET, "get_limited")
            .segment("limited")
            .retry_policy(self.retry.clone())
            .rate_limit("per_ten_seconds")
    }
}

/// A request to [`Client::get_free`]: call `send()` to send it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct GetFreeRequest<'a> {
    client: &'a Client,
    retry: Option<super::RetryPolicy>,
}

impl<'a> GetFreeRequest<'a> {
    /// Retries this call by `policy` instead of the client's.
    pub fn retry(mut self, policy: super::RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Sends the request. See [`Client::get_free`] for what it returns and its errors.
    pub fn send(self) -> impl std::future::Future<Output = Result<Thing>> + Send + 'a {
        let request = Ok(self.request());
        self.client.transport().call(request, |response| response.json("get_free", None))
    }

    /// The request `send()` sends; the service's mock matches calls against it.
    pub(super) fn request(&self) -> crate::runtime::Request {
        crate::runtime::Request::new(crate::runtime::Method::GET, "get_free")
            .segment("free")
            .retry_policy(self.retry.clone())
    }
}
