// @generated from features/polling.yaml by `cargo xtask codegen`. Do not edit by hand.

//! One request builder per operation.

use super::errors::Result;
use super::types::*;
use super::Client;

impl Client {
    /// One export.
    ///
    /// `GET /exports/{export_id}`
    ///
    /// # Arguments
    ///
    /// - `export_id`: `export_id`.
    ///
    /// # Errors
    ///
    /// | Code | Status | Meaning |
    /// |---|---|---|
    /// | [`NOT_FOUND`](super::ErrorCode::NotFound) | 404 | No such export. |
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use fixture_clients::polling::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let response = client.get_export("export_id").send().await?;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Rate limit
    ///
    /// 2 requests per 60 seconds.
    pub fn get_export(&self, export_id: impl Into<String>) -> GetExportRequest<'_> {
        GetExportRequest {
            client: self,
            export_id: export_id.into(),
            retry: None,
        }
    }

    /// Delete every export, each reported on.
    ///
    /// `DELETE /exports`
    ///
    /// # One result per item
    ///
    /// The answer reports on each item: one whose `result` is `deleted` or `gone` comes back as `Ok`, decoded as a [`Outcome`]; any other as `Err`, an `Error::Api` read from the item by the service's error shape (its code, message and details). An answer that is not a 2xx and lists items fails with its first failed item's error.
    ///
    /// # Errors
    ///
    /// The document lists no error codes for this operation.
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use fixture_clients::polling::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let response = client.delete_exports().send().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn delete_exports(&self) -> DeleteExportsRequest<'_> {
        DeleteExportsRequest {
            client: self,
            retry: None,
        }
    }
}

/// A request to [`Client::get_export`]: call `send()` to send it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct GetExportRequest<'a> {
    client: &'a Client,
    export_id: String,
    retry: Option<super::RetryPolicy>,
}

impl<'a> GetExportRequest<'a> {
    /// Retries this call by `policy` instead of the client's.
    pub fn retry(mut self, policy: super::RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Sends the request. See [`Client::get_export`] for what it returns and its errors.
    pub fn send(self) -> impl std::future::Future<Output = Result<Export>> + Send + 'a {
        let request = Ok(self.request());
        self.client
            .transport()
            .call(request, |response| response.json("get_export", None))
    }

    /// The request `send()` sends; the service's mock matches calls against it.
    pub(super) fn request(&self) -> crate::runtime::Request {
        crate::runtime::Request::new(crate::runtime::Method::GET, "get_export")
            .segment("exports")
            .param("export_id", &self.export_id)
            .retry_policy(self.retry.clone())
            .rate_limit("two_per_minute")
    }
}

/// A request to [`Client::delete_exports`]: call `send()` to send it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct DeleteExportsRequest<'a> {
    client: &'a Client,
    retry: Option<super::RetryPolicy>,
}

impl<'a> DeleteExportsRequest<'a> {
    /// Where each item of the answer says how it went.
    const PER_ITEM: crate::runtime::PerItem = crate::runtime::PerItem {
        envelope: None,
        status: &["result"],
        success: &["deleted", "gone"],
    };

    /// Retries this call by `policy` instead of the client's.
    pub fn retry(mut self, policy: super::RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Sends the request. See [`Client::delete_exports`] for what it returns and its errors.
    pub fn send(
        self,
    ) -> impl std::future::Future<Output = Result<Vec<Result<Outcome>>>> + Send + 'a {
        let request = Ok(self.request());
        self.client
            .transport()
            .call(request, |response| response.items("delete_exports", &Self::PER_ITEM))
    }

    /// The request `send()` sends; the service's mock matches calls against it.
    pub(super) fn request(&self) -> crate::runtime::Request {
        crate::runtime::Request::new(crate::runtime::Method::DELETE, "delete_exports")
            .segment("exports")
            .per_item(&Self::PER_ITEM)
            .retry_policy(self.retry.clone())
    }
}
