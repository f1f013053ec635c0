// @generated from features/query_arrays.yaml by `cargo xtask codegen`. Do not edit by hand.

//! One request builder per operation.

use super::errors::Result;
use super::types::*;
use super::Client;

impl Client {
    /// List the things with the given ids.
    ///
    /// `GET /things`
    ///
    /// # Arguments
    ///
    /// - `id`: The ids of the things. Sent as one pair per item: `?id=a&id=b`.
    ///
    /// # Errors
    ///
    /// The document lists no error codes for this operation.
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use fixture_clients::query_arrays::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let response = client.list_things(Vec::new()).send().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn list_things(&self, id: Vec<i64>) -> ListThingsRequest<'_> {
        ListThingsRequest {
            client: self,
            id,
            tag: None,
            status: None,
            retry: None,
        }
    }
}

/// A request to [`Client::list_things`]: set the optional parameters, then call `send()`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct ListThingsRequest<'a> {
    client: &'a Client,
    id: Vec<i64>,
    tag: Option<Vec<String>>,
    status: Option<Vec<Status>>,
    retry: Option<super::RetryPolicy>,
}

impl<'a> ListThingsRequest<'a> {
    /// Tags the things carry, any of them. Sent as one pair, the items joined by commas: `?tag=a,b`.
    pub fn tag(mut self, tag: Vec<String>) -> Self {
        self.tag = Some(tag);
        self
    }

    /// The states to include. Sent as one pair per item: `?status=a&status=b`.
    pub fn status(mut self, status: Vec<Status>) -> Self {
        self.status = Some(status);
        self
    }

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
            .query_each("id", &self.id)
            .query_opt(
                "tag",
                self.tag.as_ref().map(|value| crate::runtime::check::join(value)),
            )
            .query_each("status", self.status.as_deref().unwrap_or_default())
            .retry_policy(self.retry.clone())
    }
}
