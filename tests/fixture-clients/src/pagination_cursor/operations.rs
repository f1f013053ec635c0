// @generated from features/pagination_cursor.yaml by `cargo xtask codegen`. Do not edit by hand.

//! One request builder per operation.

use futures_core::Stream;
use super::errors::{ErrorCode, Result};
use super::types::*;
use super::Client;

impl Client {
    /// Items by cursor.
    ///
    /// `GET /items`
    ///
    /// # Pages
    ///
    /// `send()` returns one page; [`ListItemsRequest::stream`] returns the items of every page, fetching each page when the previous one is used up. Each page gives the next one's cursor (`meta.next_cursor`), sent back as `cursor`; a cursor given twice ends the stream with `Error::Pagination` rather than loop.
    ///
    /// # Errors
    ///
    /// The document lists no error codes for this operation.
    ///
    /// Checked before sending, failing with `Error::InvalidRequest`: `limit` (1 to 100).
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use futures::TryStreamExt;
    /// # use fixture_clients::pagination_cursor::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let items: Vec<_> = client.list_items().stream().try_collect().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn list_items(&self) -> ListItemsRequest<'_> {
        ListItemsRequest {
            client: self,
            cursor: None,
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
    cursor: Option<String>,
    limit: Option<i64>,
    retry: Option<super::RetryPolicy>,
}

impl<'a> ListItemsRequest<'a> {
    /// Where the page starts; the first page without one.
    pub fn cursor(mut self, cursor: impl Into<String>) -> Self {
        self.cursor = Some(cursor.into());
        self
    }

    /// `limit`. Must be 1 to 100.
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
        if let Some(value) = &self.limit {
            crate::runtime::check::range(
                "list_items",
                "limit",
                *value,
                Some(1),
                Some(100),
            )?;
        }
        Ok(())
    }

    /// The request `send()` sends; the service's mock matches calls against it.
    pub(super) fn request(&self) -> crate::runtime::Request {
        crate::runtime::Request::new(crate::runtime::Method::GET, "list_items")
            .segment("items")
            .query_opt("cursor", self.cursor.as_ref())
            .query_opt("limit", self.limit.as_ref())
            .retry_policy(self.retry.clone())
    }
}

impl<'a> ListItemsRequest<'a> {
    /// Every item of every page, starting at this request's `cursor` (or the first page), each page fetched when the previous one is used up, at the cursor it gave. The first error ends the stream.
    pub fn stream(self) -> impl Stream<Item = Result<Item>> + Send + 'a {
        let first = self.cursor.clone();
        crate::runtime::follow_pages(
            "list_items",
            first,
            move |cursor| {
                let mut request = self.clone();
                request.cursor = cursor;
                request.send_page()
            },
        )
    }

    /// One page's items, and the next page's cursor.
    fn send_page(
        self,
    ) -> impl std::future::Future<
        Output = Result<(Vec<Item>, Option<String>)>,
    > + Send + 'a {
        let request = self.check().map(|()| self.request());
        self.client
            .transport()
            .call(
                request,
                |response| {
                    if response.is_no_content() {
                        return Ok((Vec::new(), None));
                    }
                    let page: ListItemsRequestPage = response
                        .json::<_, ErrorCode>("list_items", None)?;
                    let more = page
                        .meta
                        .as_ref()
                        .and_then(|value| value.has_more.as_ref())
                        .copied()
                        .unwrap_or(true);
                    let next = page
                        .meta
                        .as_ref()
                        .and_then(|value| value.next_cursor.as_ref())
                        .cloned()
                        .filter(|_| more);
                    Ok((page.items, next))
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
    meta: Option<PageMeta>,
}
