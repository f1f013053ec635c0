// @generated from features/pagination_link_header.yaml by `cargo xtask codegen`. Do not edit by hand.

//! One request builder per operation.

use futures_core::Stream;
use super::errors::{ErrorCode, Result};
use super::types::*;
use super::Client;

impl Client {
    /// Items, the next page linked from a header.
    ///
    /// `GET /items`
    ///
    /// # Pages
    ///
    /// `send()` returns one page; [`ListItemsRequest::stream`] returns the items of every page, fetching each page when the previous one is used up. Each page links to the next one in its `Link` header (`rel="next"`); the link is followed as it is (it carries the paging parameters), and only to the client's own scheme, host and port: a link elsewhere ends the stream with `Error::Pagination`, so that credentials are not sent to another host.
    ///
    /// # Errors
    ///
    /// The document lists no error codes for this operation.
    ///
    /// Checked before sending, failing with `Error::InvalidRequest`: `per_page` (1 to 100).
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use futures::TryStreamExt;
    /// # use fixture_clients::pagination_link_header::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let items: Vec<_> = client.list_items().stream().try_collect().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn list_items(&self) -> ListItemsRequest<'_> {
        ListItemsRequest {
            client: self,
            per_page: None,
            retry: None,
        }
    }
}

/// A request to [`Client::list_items`]: set the optional parameters, then call `send()`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct ListItemsRequest<'a> {
    client: &'a Client,
    per_page: Option<i64>,
    retry: Option<super::RetryPolicy>,
}

impl<'a> ListItemsRequest<'a> {
    /// `per_page`. Must be 1 to 100.
    pub fn per_page(mut self, per_page: i64) -> Self {
        self.per_page = Some(per_page);
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
            .call(request, |response| response.list("list_items", None))
    }

    /// Applies the documented constraints before anything is sent.
    fn check(&self) -> Result<()> {
        if let Some(value) = &self.per_page {
            crate::runtime::check::range(
                "list_items",
                "per_page",
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
            .query_opt("per_page", self.per_page.as_ref())
            .retry_policy(self.retry.clone())
    }
}

impl<'a> ListItemsRequest<'a> {
    /// Every item of every page, starting with this request, each page fetched when the previous one is used up, at the link it gave. The first error ends the stream.
    pub fn stream(self) -> impl Stream<Item = Result<Item>> + Send + 'a {
        crate::runtime::follow_pages(
            "list_items",
            None,
            move |link| { self.clone().send_page(link) },
        )
    }

    /// One page's items, from `link` (else this request), and the next page's link.
    fn send_page(
        self,
        link: Option<crate::runtime::Url>,
    ) -> impl std::future::Future<
        Output = Result<(Vec<Item>, Option<crate::runtime::Url>)>,
    > + Send + 'a {
        let request = self.check().map(|()| self.request().follow(link));
        self.client
            .transport()
            .call(
                request,
                |response| {
                    if response.is_no_content() {
                        return Ok((Vec::new(), None));
                    }
                    let items: Vec<Item> = response
                        .json::<_, ErrorCode>("list_items", None)?;
                    let next = response.next_link_header::<ErrorCode>("list_items")?;
                    Ok((items, next))
                },
            )
    }
}
