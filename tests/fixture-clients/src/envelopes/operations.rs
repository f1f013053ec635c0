// @generated from features/envelopes.yaml by `cargo xtask codegen`. Do not edit by hand.

//! One request builder per operation.

use super::errors::Result;
use super::types::*;
use super::Client;

impl Client {
    /// The payload under `thing`, with `code` and `message` beside it.
    ///
    /// `GET /wrapped`
    ///
    /// # Errors
    ///
    /// The document lists no error codes for this operation.
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use fixture_clients::envelopes::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let response = client.get_wrapped().send().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn get_wrapped(&self) -> GetWrappedRequest<'_> {
        GetWrappedRequest {
            client: self,
            retry: None,
        }
    }

    /// The payload is the body.
    ///
    /// `GET /bare`
    ///
    /// # Errors
    ///
    /// The document lists no error codes for this operation.
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use fixture_clients::envelopes::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let response = client.get_bare().send().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn get_bare(&self) -> GetBareRequest<'_> {
        GetBareRequest {
            client: self,
            retry: None,
        }
    }
}

/// A request to [`Client::get_wrapped`]: call `send()` to send it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct GetWrappedRequest<'a> {
    client: &'a Client,
    retry: Option<super::RetryPolicy>,
}

impl<'a> GetWrappedRequest<'a> {
    /// Retries this call by `policy` instead of the client's.
    pub fn retry(mut self, policy: super::RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Sends the request. See [`Client::get_wrapped`] for what it returns and its errors.
    pub fn send(self) -> impl std::future::Future<Output = Result<Thing>> + Send + 'a {
        let request = Ok(self.request());
        self.client
            .transport()
            .call(request, |response| response.json("get_wrapped", Some("thing")))
    }

    /// The request `send()` sends; the service's mock matches calls against it.
    pub(super) fn request(&self) -> crate::runtime::Request {
        crate::runtime::Request::new(crate::runtime::Method::GET, "get_wrapped")
            .segment("wrapped")
            .retry_policy(self.retry.clone())
    }
}

/// A request to [`Client::get_bare`]: call `send()` to send it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct GetBareRequest<'a> {
    client: &'a Client,
    retry: Option<super::RetryPolicy>,
}

impl<'a> GetBareRequest<'a> {
    /// Retries this call by `policy` instead of the client's.
    pub fn retry(mut self, policy: super::RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Sends the request. See [`Client::get_bare`] for what it returns and its errors.
    pub fn send(self) -> impl std::future::Future<Output = Result<Thing>> + Send + 'a {
        let request = Ok(self.request());
        self.client.transport().call(request, |response| response.json("get_bare", None))
    }

    /// The request `send()` sends; the service's mock matches calls against it.
    pub(super) fn request(&self) -> crate::runtime::Request {
        crate::runtime::Request::new(crate::runtime::Method::GET, "get_bare")
            .segment("bare")
            .retry_policy(self.retry.clone())
    }
}
