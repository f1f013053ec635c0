// @generated from features/auth_none.yaml by `cargo xtask codegen`. Do not edit by hand.

//! One request builder per operation.

use super::errors::Result;
use super::types::*;
use super::Client;

impl Client {
    /// Get the thing.
    ///
    /// `GET /thing`
    ///
    /// # Errors
    ///
    /// The document lists no error codes for this operation.
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use fixture_clients::auth_none::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let response = client.get_thing().send().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn get_thing(&self) -> GetThingRequest<'_> {
        GetThingRequest {
            client: self,
            retry: None,
        }
    }
}

/// A request to [`Client::get_thing`]: call `send()` to send it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct GetThingRequest<'a> {
    client: &'a Client,
    retry: Option<super::RetryPolicy>,
}

impl<'a> GetThingRequest<'a> {
    /// Retries this call by `policy` instead of the client's.
    pub fn retry(mut self, policy: super::RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Sends the request. See [`Client::get_thing`] for what it returns and its errors.
    pub fn send(self) -> impl std::future::Future<Output = Result<Thing>> + Send + 'a {
        let request = Ok(self.request());
        self.client
            .transport()
            .call(request, |response| response.json("get_thing", None))
    }

    /// The request `send()` sends; the service's mock matches calls against it.
    pub(super) fn request(&self) -> crate::runtime::Request {
        crate::runtime::Request::new(crate::runtime::Method::GET, "get_thing")
            .segment("thing")
            .retry_policy(self.retry.clone())
    }
}
