// @generated from features/tagged_unions.yaml by `cargo xtask codegen`. Do not edit by hand.

//! One request builder per operation.

use super::errors::Result;
use super::types::*;
use super::Client;

impl Client {
    /// Get an order.
    ///
    /// `GET /orders/{id}`
    ///
    /// # Arguments
    ///
    /// - `id`: `id`.
    ///
    /// # Errors
    ///
    /// The document lists no error codes for this operation.
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use fixture_clients::tagged_unions::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let response = client.get_order(10).send().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn get_order(&self, id: i64) -> GetOrderRequest<'_> {
        GetOrderRequest {
            client: self,
            id,
            retry: None,
        }
    }

    /// List every payment.
    ///
    /// `GET /payments`
    ///
    /// # Errors
    ///
    /// The document lists no error codes for this operation.
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use fixture_clients::tagged_unions::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let response = client.list_payments().send().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn list_payments(&self) -> ListPaymentsRequest<'_> {
        ListPaymentsRequest {
            client: self,
            retry: None,
        }
    }

    /// Place an order.
    ///
    /// `POST /orders`
    ///
    /// # Arguments
    ///
    /// - `body`: the request body, a [`NewOrder`].
    ///
    /// # Errors
    ///
    /// The document lists no error codes for this operation.
    pub fn create_order(&self, body: NewOrder) -> CreateOrderRequest<'_> {
        CreateOrderRequest {
            client: self,
            body,
            retry: None,
        }
    }
}

/// A request to [`Client::get_order`]: call `send()` to send it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct GetOrderRequest<'a> {
    client: &'a Client,
    id: i64,
    retry: Option<super::RetryPolicy>,
}

impl<'a> GetOrderRequest<'a> {
    /// Retries this call by `policy` instead of the client's.
    pub fn retry(mut self, policy: super::RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Sends the request. See [`Client::get_order`] for what it returns and its errors.
    pub fn send(self) -> impl std::future::Future<Output = Result<Order>> + Send + 'a {
        let request = Ok(self.request());
        self.client
            .transport()
            .call(request, |response| response.json("get_order", None))
    }

    /// The request `send()` sends; the service's mock matches calls against it.
    pub(super) fn request(&self) -> crate::runtime::Request {
        crate::runtime::Request::new(crate::runtime::Method::GET, "get_order")
            .segment("orders")
            .param("id", self.id)
            .retry_policy(self.retry.clone())
    }
}

/// A request to [`Client::list_payments`]: call `send()` to send it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct ListPaymentsRequest<'a> {
    client: &'a Client,
    retry: Option<super::RetryPolicy>,
}

impl<'a> ListPaymentsRequest<'a> {
    /// Retries this call by `policy` instead of the client's.
    pub fn retry(mut self, policy: super::RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Sends the request. See [`Client::list_payments`] for what it returns and its errors.
    pub fn send(
        self,
    ) -> impl std::future::Future<Output = Result<Vec<Payment>>> + Send + 'a {
        let request = Ok(self.request());
        self.client
            .transport()
            .call(request, |response| response.list("list_payments", Some("payments")))
    }

    /// The request `send()` sends; the service's mock matches calls against it.
    pub(super) fn request(&self) -> crate::runtime::Request {
        crate::runtime::Request::new(crate::runtime::Method::GET, "list_payments")
            .segment("payments")
            .retry_policy(self.retry.clone())
    }
}

/// A request to [`Client::create_order`]: call `send()` to send it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct CreateOrderRequest<'a> {
    client: &'a Client,
    body: NewOrder,
    retry: Option<super::RetryPolicy>,
}

impl<'a> CreateOrderRequest<'a> {
    /// Retries this call by `policy` instead of the client's.
    pub fn retry(mut self, policy: super::RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Sends the request. See [`Client::create_order`] for what it returns and its errors.
    pub fn send(self) -> impl std::future::Future<Output = Result<Order>> + Send + 'a {
        let request = Ok(self.request());
        self.client
            .transport()
            .call(request, |response| response.json("create_order", None))
    }

    /// The request `send()` sends; the service's mock matches calls against it.
    pub(super) fn request(&self) -> crate::runtime::Request {
        crate::runtime::Request::new(crate::runtime::Method::POST, "create_order")
            .segment("orders")
            .json(&self.body)
            .retry_policy(self.retry.clone())
    }
}
