// @generated from features/pagination_page_number.yaml by `cargo xtask codegen`. Do not edit by hand.

//! One request builder per operation.

use futures_core::Stream;
use super::errors::{ErrorCode, Result};
use super::types::*;
use super::Client;

impl Client {
    /// Items by page number.
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
    /// Checked before sending, failing with `Error::InvalidRequest`: `page` (at least 1), `per_page` (1 to 100).
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use futures::TryStreamExt;
    /// # use fixture_clients::pagination_page_number::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let items: Vec<_> = client.list_items().stream().try_collect().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn list_items(&self) -> ListItemsRequest<'_> {
        ListItemsRequest {
            client: self,
            page: None,
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
    page: Option<i64>,
    per_page: Option<i64>,
    retry: Option<super::RetryPolicy>,
}

impl<'a> ListItemsRequest<'a> {
    /// `page`. Must be at least 1. The service's default: `1`.
    pub fn page(mut self, page: i64) -> Self {
        self.page = Some(page);
        self
    }

    /// `per_page`. Must be 1 to 100. The service's default: `100`.
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
            .call(request, |response| response.list("list_items", Some("items")))
    }

    /// Applies the documented constraints before anything is sent.
    fn check(&self) -> Result<()> {
        if let Some(value) = &self.page {
            crate::runtime::check::range("list_items", "page", *value, Some(1), None)?;
        }
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
            .query_opt("page", self.page.as_ref())
            .query_opt("per_page", self.per_page.as_ref())
            .retry_policy(self.retry.clone())
    }
}

impl<'a> ListItemsRequest<'a> {
    /// Every item of every page, starting at this request's `page` (or the first page), each page fetched when the previous one is used up. The first error ends the stream.
    pub fn stream(self) -> impl Stream<Item = Result<Item>> + Send + 'a {
        let first = self.page.unwrap_or(1);
        crate::runtime::paginate(
            first,
            1,
            move |position| {
                let mut request = self.clone();
                request.page = Some(position);
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
                    let more = page.info.more_records;
                    Ok((page.items, more))
                },
            )
    }
}

/// The body of one page: the items under the envelope and the fields beside it.
struct ListItemsRequestPage {
    items: Vec<Item>,
    info: Info,
}

/// The wire form of [`ListItemsRequestPage`]: a field for each name a field goes by, so that a value arriving under either name, or both, decodes.
#[derive(serde::Deserialize)]
struct ListItemsRequestPageWire {
    items: Vec<Item>,
    #[serde(rename = "info", default)]
    info: Option<Info>,
    #[serde(rename = "page_info", default)]
    info_alias_1: Option<Info>,
}

impl<'de> serde::Deserialize<'de> for ListItemsRequestPage {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        let wire = ListItemsRequestPageWire::deserialize(deserializer)?;
        Ok(Self {
            items: wire.items,
            info: wire
                .info
                .or(wire.info_alias_1)
                .ok_or_else(|| serde::de::Error::missing_field("info"))?,
        })
    }
}
