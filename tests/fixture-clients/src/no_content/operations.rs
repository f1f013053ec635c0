// @generated from features/no_content.yaml by `cargo xtask codegen`. Do not edit by hand.

//! One request builder per operation.

use super::errors::Result;
use super::types::*;
use super::Client;

impl Client {
    /// An empty list on 204.
    ///
    /// `GET /things`
    ///
    /// # No content
    ///
    /// The service may answer `204 No Content`: There are no things. `send()` then returns an empty list.
    ///
    /// # Errors
    ///
    /// The document lists no error codes for this operation.
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use fixture_clients::no_content::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let response = client.list_things().send().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn list_things(&self) -> ListThingsRequest<'_> {
        ListThingsRequest {
            client: self,
            retry: None,
        }
    }

    /// None on 204.
    ///
    /// `GET /things/{id}`
    ///
    /// # Arguments
    ///
    /// - `id`: `id`.
    ///
    /// # No content
    ///
    /// The service may answer `204 No Content`: The thing is gone. `send()` then returns `None`.
    ///
    /// # Errors
    ///
    /// The document lists no error codes for this operation.
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use fixture_clients::no_content::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let response = client.get_thing(10).send().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn get_thing(&self, id: i64) -> GetThingRequest<'_> {
        GetThingRequest {
            client: self,
            id,
            retry: None,
        }
    }

    /// No payload.
    ///
    /// `DELETE /things/{id}`
    ///
    /// # Arguments
    ///
    /// - `id`: `id`.
    ///
    /// # No content
    ///
    /// The service may answer `204 No Content`: Deleted. `send()` then returns `()`.
    ///
    /// # Errors
    ///
    /// The document lists no error codes for this operation.
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use fixture_clients::no_content::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// client.delete_thing(10).send().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn delete_thing(&self, id: i64) -> DeleteThingRequest<'_> {
        DeleteThingRequest {
            client: self,
            id,
            retry: None,
        }
    }
}

/// A request to [`Client::list_things`]: call `send()` to send it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct ListThingsRequest<'a> {
    client: &'a Client,
    retry: Option<super::RetryPolicy>,
}

impl<'a> ListThingsRequest<'a> {
    /// Retries this call by `policy` instead of the client's.
    pub fn retry(mut self, policy: super::RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Sends the request. See [`Client::list_things`] for what it returns and its errors.
    pub fn send(
        self,
    ) -> impl std::future::Future<Output = Result<Vec<Thing>>> + Send + 'a {
        let request = Ok(self.request());
        self.client
            .transport()
            .call(request, |response| response.list("list_things", Some("things")))
    }

    /// The request `send()` sends; the service's mock matches calls against it.
    pub(super) fn request(&self) -> crate::runtime::Request {
        crate::runtime::Request::new(crate::runtime::Method::GET, "list_things")
            .segment("things")
            .retry_policy(self.retry.clone())
    }
}

/// A request to [`Client::get_thing`]: call `send()` to send it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct GetThingRequest<'a> {
    client: &'a Client,
    id: i64,
    retry: Option<super::RetryPolicy>,
}

impl<'a> GetThingRequest<'a> {
    /// Retries this call by `policy` instead of the client's.
    pub fn retry(mut self, policy: super::RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Sends the request. See [`Client::get_thing`] for what it returns and its errors.
    pub fn send(
        self,
    ) -> impl std::future::Future<Output = Result<Option<Thing>>> + Send + 'a {
        let request = Ok(self.request());
        self.client
            .transport()
            .call(request, |response| response.optional("get_thing", None))
    }

    /// The request `send()` sends; the service's mock matches calls against it.
    pub(super) fn request(&self) -> crate::runtime::Request {
        crate::runtime::Request::new(crate::runtime::Method::GET, "get_thing")
            .segment("things")
            .param("id", self.id)
            .retry_policy(self.retry.clone())
    }
}

/// A request to [`Client::delete_thing`]: call `send()` to send it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct DeleteThingRequest<'a> {
    client: &'a Client,
    id: i64,
    retry: Option<super::RetryPolicy>,
}

impl<'a> DeleteThingRequest<'a> {
    /// Retries this call by `policy` instead of the client's.
    pub fn retry(mut self, policy: super::RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Sends the request. See [`Client::delete_thing`] for what it returns and its errors.
    pub fn send(self) -> impl std::future::Future<Output = Result<()>> + Send + 'a {
        let request = Ok(self.request());
        self.client.transport().call(request, |_| Ok(()))
    }

    /// The request `send()` sends; the service's mock matches calls against it.
    pub(super) fn request(&self) -> crate::runtime::Request {
        crate::runtime::Request::new(crate::runtime::Method::DELETE, "delete_thing")
            .segment("things")
            .param("id", self.id)
            .retry_policy(self.retry.clone())
    }
}
