// @generated from features/pagination_offset_limit.yaml by `cargo xtask codegen`. Do not edit by hand.

//! One request builder per operation.

use futures_core::Stream;
use super::errors::{ErrorCode, Result};
use super::types::*;
use super::Client;

impl Client {
    /// Items by offset.
    ///
    /// `GET /items`
    ///
    /// # Pages
    ///
    /// `send()` returns one page; [`ListItemsRequest::stream`] returns the items of every page, fetching each page when the previous one is used up.
    ///
    /// # Errors
    ///
    /// The document lists no error codes for this operation.
    ///
    /// Checked before sending, failing with `Error::InvalidRequest`: `offset` (at least 0), `limit` (1 to 200).
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use futures::TryStreamExt;
    /// # use fixture_clients::pagination_offset_limit::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let items: Vec<_> = client.list_items().stream().try_collect().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn list_items(&self) -> ListItemsRequest<'_> {
        ListItemsRequest {
            client: self,
            offset: None,
            limit: None,
            retry: None,
        }
    }
}

/// A request to [`Client::list_items`]: set the optional parameters, then call `send()`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct ListItemsRequest<'a> {
    client: &'a Client,
    offset: Option<i64>,
    limit: Option<i64>,
    retry: Option<super::RetryPolicy>,
}

impl<'a> ListItemsRequest<'a> {
    /// `offset`. Must be at least 0. The service's default: `0`.
    pub fn offset(mut self, offset: i64) -> Self {
        self.offset = Some(offset);
        self
    }

    /// `limit`. Must be 1 to 200. The service's default: `200`.
    pub fn limit(mut self, limit: i64) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Retries this call by `policy` instead of the client's.
    pub fn retry(mut self, policy: super::RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Sends the request. See [`Client::list_items`] for what it returns and its errors.
    pub fn send(
        self,
    ) -> impl std::future::Future<Output = Result<Vec<Item>>> + Send + 'a {
        let request = self.check().map(|()| self.request());
        self.client
            .transport()
            .call(request, |response| response.list("list_items", Some("data")))
    }

    /// Applies the documented constraints before anything is sent.
    fn check(&self) -> Result<()> {
        if let Some(value) = &self.offset {
            crate::runtime::check::range("list_items", "offset", *value, Some(0), None)?;
        }
        if let Some(value) = &self.limit {
            crate::runtime::check::range(
                "list_items",
                "limit",
                *value,
                Some(1),
                Some(200),
            )?;
        }
        Ok(())
    }

    /// The request `send()` sends; the service's mock matches calls against it.
    pub(super) fn request(&self) -> crate::runtime::Request {
        crate::runtime::Request::new(crate::runtime::Method::GET, "list_items")
            .segment("items")
            .query_opt("offset", self.offset.as_ref())
            .query_opt("limit", self.limit.as_ref())
            .retry_policy(self.retry.clone())
    }
}

impl<'a> ListItemsRequest<'a> {
    /// Every item of every page, starting at this request's `offset` (or the first page), each page fetched when the previous one is used up. The first error ends the stream.
    pub fn stream(self) -> impl Stream<Item = Result<Item>> + Send + 'a {
        let first = self.offset.unwrap_or(0);
        crate::runtime::paginate(
            first,
            self.limit.unwrap_or(200),
            move |position| {
                let mut request = self.clone();
                request.offset = Some(position);
                request.send_page()
            },
        )
    }

    /// One page's items, and whether more follow.
    fn send_page(
        self,
    ) -> impl std::future::Future<Output = Result<(Vec<Item>, bool)>> + Send + 'a {
        let request = self.check().map(|()| self.request());
        self.client
            .transport()
            .call(
                request,
                |response| {
                    if response.is_no_content() {
                        return Ok((Vec::new(), false));
                    }
                    let page: ListItemsRequestPage = response
                        .json::<_, ErrorCode>("list_items", None)?;
                    let more = page.has_more.as_ref().copied().unwrap_or(false);
                    Ok((page.items, more))
                },
            )
    }
}

/// The body of one page: the items under the envelope and the fields beside it.
#[derive(serde::Deserialize)]
struct ListItemsRequestPage {
    #[serde(rename = "data")]
    items: Vec<Item>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    has_more: Option<bool>,
}
