// @generated from features/header_params.yaml by `cargo xtask codegen`. Do not edit by hand.

//! One request builder per operation.

use super::errors::Result;
use super::types::*;
use super::Client;

impl Client {
    /// Get the thing.
    ///
    /// `GET /thing`
    ///
    /// # Arguments
    ///
    /// - `x_request_id`: Correlates the request.
    /// - `x_api_version`: `X-Api-Version`. Must be at least 1.
    ///
    /// # Errors
    ///
    /// The document lists no error codes for this operation.
    ///
    /// Checked before sending, failing with `Error::InvalidRequest`: `x_api_version` (at least 1), `x_retry_count` (at least 0).
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use fixture_clients::header_params::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let response = client.get_thing("X-Request-Id", 1).send().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn get_thing(
        &self,
        x_request_id: impl Into<String>,
        x_api_version: i64,
    ) -> GetThingRequest<'_> {
        GetThingRequest {
            client: self,
            x_request_id: x_request_id.into(),
            x_api_version,
            x_priority: None,
            x_retry_count: None,
            if_none_match: None,
            version: None,
            retry: None,
        }
    }
}

/// A request to [`Client::get_thing`]: set the optional parameters, then call `send()`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct GetThingRequest<'a> {
    client: &'a Client,
    x_request_id: String,
    x_api_version: i64,
    x_priority: Option<Priority>,
    x_retry_count: Option<i64>,
    if_none_match: Option<String>,
    version: Option<ParamVersion>,
    retry: Option<super::RetryPolicy>,
}

impl<'a> GetThingRequest<'a> {
    /// `X-Priority`.
    pub fn x_priority(mut self, x_priority: Priority) -> Self {
        self.x_priority = Some(x_priority);
        self
    }

    /// `X-Retry-Count`. Must be at least 0.
    pub fn x_retry_count(mut self, x_retry_count: i64) -> Self {
        self.x_retry_count = Some(x_retry_count);
        self
    }

    /// `If-None-Match`.
    pub fn if_none_match(mut self, if_none_match: impl Into<String>) -> Self {
        self.if_none_match = Some(if_none_match.into());
        self
    }

    /// A version, by name or number.
    pub fn version(mut self, version: ParamVersion) -> Self {
        self.version = Some(version);
        self
    }

    /// Retries this call by `policy` instead of the client's.
    pub fn retry(mut self, policy: super::RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Sends the request. See [`Client::get_thing`] for what it returns and its errors.
    pub fn send(self) -> impl std::future::Future<Output = Result<Thing>> + Send + 'a {
        let request = self.check().map(|()| self.request());
        self.client
            .transport()
            .call(request, |response| response.json("get_thing", None))
    }

    /// Applies the documented constraints before anything is sent.
    fn check(&self) -> Result<()> {
        {
            let value = &self.x_api_version;
            crate::runtime::check::range(
                "get_thing",
                "X-Api-Version",
                *value,
                Some(1),
                None,
            )?;
        }
        if let Some(value) = &self.x_retry_count {
            crate::runtime::check::range(
                "get_thing",
                "X-Retry-Count",
                *value,
                Some(0),
                None,
            )?;
        }
        Ok(())
    }

    /// The request `send()` sends; the service's mock matches calls against it.
    pub(super) fn request(&self) -> crate::runtime::Request {
        crate::runtime::Request::new(crate::runtime::Method::GET, "get_thing")
            .segment("thing")
            .header("X-Request-Id", &self.x_request_id)
            .header("X-Api-Version", self.x_api_version)
            .header_opt("X-Priority", self.x_priority.as_ref())
            .header_opt("X-Retry-Count", self.x_retry_count.as_ref())
            .header_opt("If-None-Match", self.if_none_match.as_ref())
            .query_opt("version", self.version.as_ref())
            .retry_policy(self.retry.clone())
    }
}
