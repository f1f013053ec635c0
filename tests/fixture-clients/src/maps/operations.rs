// @generated from features/maps.yaml by `cargo xtask codegen`. Do not edit by hand.

//! One request builder per operation.

use super::errors::Result;
use super::types::*;
use super::Client;

impl Client {
    /// Get the inventory.
    ///
    /// `GET /inventory`
    ///
    /// # Errors
    ///
    /// The document lists no error codes for this operation.
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use fixture_clients::maps::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let response = client.get_inventory().send().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn get_inventory(&self) -> GetInventoryRequest<'_> {
        GetInventoryRequest {
            client: self,
            retry: None,
        }
    }

    /// Replace the labels.
    ///
    /// `PUT /inventory/labels`
    ///
    /// # Arguments
    ///
    /// - `body`: the request body, a [`Labels`].
    ///
    /// # Errors
    ///
    /// The document lists no error codes for this operation.
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use fixture_clients::maps::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let body = Labels::new(std::collections::BTreeMap::new());
    /// let response = client.set_labels(body).send().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn set_labels(&self, body: Labels) -> SetLabelsRequest<'_> {
        SetLabelsRequest {
            client: self,
            body,
            retry: None,
        }
    }
}

/// A request to [`Client::get_inventory`]: call `send()` to send it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct GetInventoryRequest<'a> {
    client: &'a Client,
    retry: Option<super::RetryPolicy>,
}

impl<'a> GetInventoryRequest<'a> {
    /// Retries this call by `policy` instead of the client's.
    pub fn retry(mut self, policy: super::RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Sends the request. See [`Client::get_inventory`] for what it returns and its errors.
    pub fn send(
        self,
    ) -> impl std::future::Future<Output = Result<Inventory>> + Send + 'a {
        let request = Ok(self.request());
        self.client
            .transport()
            .call(request, |response| response.json("get_inventory", None))
    }

    /// The request `send()` sends; the service's mock matches calls against it.
    pub(super) fn request(&self) -> crate::runtime::Request {
        crate::runtime::Request::new(crate::runtime::Method::GET, "get_inventory")
            .segment("inventory")
            .retry_policy(self.retry.clone())
    }
}

/// A request to [`Client::set_labels`]: call `send()` to send it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct SetLabelsRequest<'a> {
    client: &'a Client,
    body: Labels,
    retry: Option<super::RetryPolicy>,
}

impl<'a> SetLabelsRequest<'a> {
    /// Retries this call by `policy` instead of the client's.
    pub fn retry(mut self, policy: super::RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Sends the request. See [`Client::set_labels`] for what it returns and its errors.
    pub fn send(
        self,
    ) -> impl std::future::Future<Output = Result<Inventory>> + Send + 'a {
        let request = Ok(self.request());
        self.client
            .transport()
            .call(request, |response| response.json("set_labels", None))
    }

    /// The request `send()` sends; the service's mock matches calls against it.
    pub(super) fn request(&self) -> crate::runtime::Request {
        crate::runtime::Request::new(crate::runtime::Method::PUT, "set_labels")
            .segment("inventory")
            .segment("labels")
            .json(&self.body)
            .retry_policy(self.retry.clone())
    }
}
