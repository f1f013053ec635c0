// @generated from specs/zoho_people.yaml by `cargo xtask codegen`. Do not edit by hand.

//! One request builder per operation.

use futures_core::Stream;
use super::errors::{ErrorCode, Result};
use super::types::*;
use super::Client;

impl Client {
    /// Retrieve multiple organization structure entity records.
    ///
    /// `GET /people/api/v3/orgstructure/entities`
    ///
    /// # Scopes
    ///
    /// Any one of:
    /// - `ZOHOPEOPLE.orgstructure.ALL`
    /// - `ZOHOPEOPLE.orgstructure.READ`
    ///
    /// # Pages
    ///
    /// `send()` returns one page; [`ListEntitiesRequest::stream`] returns the items of every page, fetching each page when the previous one is used up. The `offset` parameter counts pages, as the document describes it, starting at 1.
    ///
    /// # Beside the payload
    ///
    /// The response keys the client reads beside the payload:
    /// - `has_more`: Not stated by the document: that every page has it; the client needs it to know whether to ask for the next page.
    ///
    /// # No content
    ///
    /// The service may answer `204 No Content`: The request was successful, but there is no data to return. `send()` then returns an empty list.
    ///
    /// # Errors
    ///
    /// The document lists no error codes for this operation.
    ///
    /// Checked before sending, failing with `Error::InvalidRequest`: `offset` (at least 1), `limit` (1 to 200).
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use futures::TryStreamExt;
    /// # use org_clients::zoho_people::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let items: Vec<_> = client.list_entities().stream().try_collect().await?;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Rate limit
    ///
    /// 30 requests per 60 seconds; beyond that the service locks the caller out for 300 seconds.
    ///
    /// Not stated by the document: that the three operations share one limit; the page states it once for all three request URLs, not whether each has its own.
    pub fn list_entities(&self) -> ListEntitiesRequest<'_> {
        ListEntitiesRequest {
            client: self,
            offset: None,
            limit: None,
            is_tagged: None,
            retry: None,
        }
    }

    /// Retrieve multiple organization structure unit records.
    ///
    /// `GET /people/api/v3/orgstructure/units`
    ///
    /// # Scopes
    ///
    /// Any one of:
    /// - `ZOHOPEOPLE.orgstructure.ALL`
    /// - `ZOHOPEOPLE.orgstructure.READ`
    ///
    /// # Pages
    ///
    /// `send()` returns one page; [`ListUnitsRequest::stream`] returns the items of every page, fetching each page when the previous one is used up. The `offset` parameter counts pages, as the document describes it, starting at 1.
    ///
    /// # Beside the payload
    ///
    /// The response keys the client reads beside the payload:
    /// - `has_more`: Not stated by the document: that every page has it; the client needs it to know whether to ask for the next page.
    ///
    /// # No content
    ///
    /// The service may answer `204 No Content`: The request was successful, but there is no data to return. `send()` then returns an empty list.
    ///
    /// # Errors
    ///
    /// The document lists no error codes for this operation.
    ///
    /// Checked before sending, failing with `Error::InvalidRequest`: `offset` (at least 1), `limit` (1 to 200).
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use futures::TryStreamExt;
    /// # use org_clients::zoho_people::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let items: Vec<_> = client.list_units().stream().try_collect().await?;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Rate limit
    ///
    /// 30 requests per 60 seconds; beyond that the service locks the caller out for 300 seconds.
    ///
    /// Not stated by the document: that the three operations share one limit; the page states it once for all three request URLs, not whether each has its own.
    pub fn list_units(&self) -> ListUnitsRequest<'_> {
        ListUnitsRequest {
            client: self,
            offset: None,
            limit: None,
            is_tagged: None,
            retry: None,
        }
    }

    /// Retrieve multiple organization structure division records.
    ///
    /// `GET /people/api/v3/orgstructure/divisions`
    ///
    /// # Scopes
    ///
    /// Any one of:
    /// - `ZOHOPEOPLE.orgstructure.ALL`
    /// - `ZOHOPEOPLE.orgstructure.READ`
    ///
    /// # Pages
    ///
    /// `send()` returns one page; [`ListDivisionsRequest::stream`] returns the items of every page, fetching each page when the previous one is used up. The `offset` parameter counts pages, as the document describes it, starting at 1.
    ///
    /// # Beside the payload
    ///
    /// The response keys the client reads beside the payload:
    /// - `has_more`: Not stated by the document: that every page has it; the client needs it to know whether to ask for the next page.
    ///
    /// # No content
    ///
    /// The service may answer `204 No Content`: The request was successful, but there is no data to return. `send()` then returns an empty list.
    ///
    /// # Errors
    ///
    /// The document lists no error codes for this operation.
    ///
    /// Checked before sending, failing with `Error::InvalidRequest`: `offset` (at least 1), `limit` (1 to 200).
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use futures::TryStreamExt;
    /// # use org_clients::zoho_people::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let items: Vec<_> = client.list_divisions().stream().try_collect().await?;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Rate limit
    ///
    /// 30 requests per 60 seconds; beyond that the service locks the caller out for 300 seconds.
    ///
    /// Not stated by the document: that the three operations share one limit; the page states it once for all three request URLs, not whether each has its own.
    pub fn list_divisions(&self) -> ListDivisionsRequest<'_> {
        ListDivisionsRequest {
            client: self,
            offset: None,
            limit: None,
            is_tagged: None,
            retry: None,
        }
    }
}

/// A request to [`Client::list_entities`]: set the optional parameters, then call `send()`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct ListEntitiesRequest<'a> {
    client: &'a Client,
    offset: Option<i64>,
    limit: Option<i64>,
    is_tagged: Option<TagStatus>,
    retry: Option<super::RetryPolicy>,
}

impl<'a> ListEntitiesRequest<'a> {
    /// Represents the pagination index to retrieve records. 1 retrieves the first page. Must be at least 1. The service's default: `1`.
    pub fn offset(mut self, offset: i64) -> Self {
        self.offset = Some(offset);
        self
    }

    /// Specifies the number of records to be retrieved per request. Must be 1 to 200. The service's default: `200`.
    pub fn limit(mut self, limit: i64) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Indicates the tag status of the records to be retrieved. When not given, fetches all records (both mapped and unmapped).
    pub fn is_tagged(mut self, is_tagged: TagStatus) -> Self {
        self.is_tagged = Some(is_tagged);
        self
    }

    /// Retries this call by `policy` instead of the client's.
    pub fn retry(mut self, policy: super::RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Sends the request. See [`Client::list_entities`] for what it returns and its errors.
    pub fn send(
        self,
    ) -> impl std::future::Future<Output = Result<Vec<OrgRecord>>> + Send + 'a {
        let request = self.check().map(|()| self.request());
        self.client
            .transport()
            .call(request, |response| response.list("list_entities", Some("data")))
    }

    /// Applies the documented constraints before anything is sent.
    fn check(&self) -> Result<()> {
        if let Some(value) = &self.offset {
            crate::runtime::check::range(
                "list_entities",
                "offset",
                *value,
                Some(1),
                None,
            )?;
        }
        if let Some(value) = &self.limit {
            crate::runtime::check::range(
                "list_entities",
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
        crate::runtime::Request::new(crate::runtime::Method::GET, "list_entities")
            .segment("people")
            .segment("api")
            .segment("v3")
            .segment("orgstructure")
            .segment("entities")
            .query_opt("offset", self.offset.as_ref())
            .query_opt("limit", self.limit.as_ref())
            .query_opt("is_tagged", self.is_tagged.as_ref())
            .retry_policy(self.retry.clone())
            .rate_limit("orgstructure")
    }
}

impl<'a> ListEntitiesRequest<'a> {
    /// Every item of every page, starting at this request's `offset` (or the first page), each page fetched when the previous one is used up. The first error ends the stream.
    pub fn stream(self) -> impl Stream<Item = Result<OrgRecord>> + Send + 'a {
        let first = self.offset.unwrap_or(1);
        crate::runtime::paginate(
            first,
            1,
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
    ) -> impl std::future::Future<Output = Result<(Vec<OrgRecord>, bool)>> + Send + 'a {
        let request = self.check().map(|()| self.request());
        self.client
            .transport()
            .call(
                request,
                |response| {
                    if response.is_no_content() {
                        return Ok((Vec::new(), false));
                    }
                    let page: ListEntitiesRequestPage = response
                        .json::<_, ErrorCode>("list_entities", None)?;
                    let more = page.has_more;
                    Ok((page.items, more))
                },
            )
    }
}

/// The body of one page: the items under the envelope and the fields beside it.
#[derive(serde::Deserialize)]
struct ListEntitiesRequestPage {
    #[serde(rename = "data")]
    items: Vec<OrgRecord>,
    has_more: bool,
}

/// A request to [`Client::list_units`]: set the optional parameters, then call `send()`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct ListUnitsRequest<'a> {
    client: &'a Client,
    offset: Option<i64>,
    limit: Option<i64>,
    is_tagged: Option<TagStatus>,
    retry: Option<super::RetryPolicy>,
}

impl<'a> ListUnitsRequest<'a> {
    /// Represents the pagination index to retrieve records. 1 retrieves the first page. Must be at least 1. The service's default: `1`.
    pub fn offset(mut self, offset: i64) -> Self {
        self.offset = Some(offset);
        self
    }

    /// Specifies the number of records to be retrieved per request. Must be 1 to 200. The service's default: `200`.
    pub fn limit(mut self, limit: i64) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Indicates the tag status of the records to be retrieved. When not given, fetches all records (both mapped and unmapped).
    pub fn is_tagged(mut self, is_tagged: TagStatus) -> Self {
        self.is_tagged = Some(is_tagged);
        self
    }

    /// Retries this call by `policy` instead of the client's.
    pub fn retry(mut self, policy: super::RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Sends the request. See [`Client::list_units`] for what it returns and its errors.
    pub fn send(
        self,
    ) -> impl std::future::Future<Output = Result<Vec<OrgRecord>>> + Send + 'a {
        let request = self.check().map(|()| self.request());
        self.client
            .transport()
            .call(request, |response| response.list("list_units", Some("data")))
    }

    /// Applies the documented constraints before anything is sent.
    fn check(&self) -> Result<()> {
        if let Some(value) = &self.offset {
            crate::runtime::check::range("list_units", "offset", *value, Some(1), None)?;
        }
        if let Some(value) = &self.limit {
            crate::runtime::check::range(
                "list_units",
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
        crate::runtime::Request::new(crate::runtime::Method::GET, "list_units")
            .segment("people")
            .segment("api")
            .segment("v3")
            .segment("orgstructure")
            .segment("units")
            .query_opt("offset", self.offset.as_ref())
            .query_opt("limit", self.limit.as_ref())
            .query_opt("is_tagged", self.is_tagged.as_ref())
            .retry_policy(self.retry.clone())
            .rate_limit("orgstructure")
    }
}

impl<'a> ListUnitsRequest<'a> {
    /// Every item of every page, starting at this request's `offset` (or the first page), each page fetched when the previous one is used up. The first error ends the stream.
    pub fn stream(self) -> impl Stream<Item = Result<OrgRecord>> + Send + 'a {
        let first = self.offset.unwrap_or(1);
        crate::runtime::paginate(
            first,
            1,
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
    ) -> impl std::future::Future<Output = Result<(Vec<OrgRecord>, bool)>> + Send + 'a {
        let request = self.check().map(|()| self.request());
        self.client
            .transport()
            .call(
                request,
                |response| {
                    if response.is_no_content() {
                        return Ok((Vec::new(), false));
                    }
                    let page: ListUnitsRequestPage = response
                        .json::<_, ErrorCode>("list_units", None)?;
                    let more = page.has_more;
                    Ok((page.items, more))
                },
            )
    }
}

/// The body of one page: the items under the envelope and the fields beside it.
#[derive(serde::Deserialize)]
struct ListUnitsRequestPage {
    #[serde(rename = "data")]
    items: Vec<OrgRecord>,
    has_more: bool,
}

/// A request to [`Client::list_divisions`]: set the optional parameters, then call `send()`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct ListDivisionsRequest<'a> {
    client: &'a Client,
    offset: Option<i64>,
    limit: Option<i64>,
    is_tagged: Option<TagStatus>,
    retry: Option<super::RetryPolicy>,
}

impl<'a> ListDivisionsRequest<'a> {
    /// Represents the pagination index to retrieve records. 1 retrieves the first page. Must be at least 1. The service's default: `1`.
    pub fn offset(mut self, offset: i64) -> Self {
        self.offset = Some(offset);
        self
    }

    /// Specifies the number of records to be retrieved per request. Must be 1 to 200. The service's default: `200`.
    pub fn limit(mut self, limit: i64) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Indicates the tag status of the records to be retrieved. When not given, fetches all records (both mapped and unmapped).
    pub fn is_tagged(mut self, is_tagged: TagStatus) -> Self {
        self.is_tagged = Some(is_tagged);
        self
    }

    /// Retries this call by `policy` instead of the client's.
    pub fn retry(mut self, policy: super::RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Sends the request. See [`Client::list_divisions`] for what it returns and its errors.
    pub fn send(
        self,
    ) -> impl std::future::Future<Output = Result<Vec<Division>>> + Send + 'a {
        let request = self.check().map(|()| self.request());
        self.client
            .transport()
            .call(request, |response| response.list("list_divisions", Some("data")))
    }

    /// Applies the documented constraints before anything is sent.
    fn check(&self) -> Result<()> {
        if let Some(value) = &self.offset {
            crate::runtime::check::range(
                "list_divisions",
                "offset",
                *value,
                Some(1),
                None,
            )?;
        }
        if let Some(value) = &self.limit {
            crate::runtime::check::range(
                "list_divisions",
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
        crate::runtime::Request::new(crate::runtime::Method::GET, "list_divisions")
            .segment("people")
            .segment("api")
            .segment("v3")
            .segment("orgstructure")
            .segment("divisions")
            .query_opt("offset", self.offset.as_ref())
            .query_opt("limit", self.limit.as_ref())
            .query_opt("is_tagged", self.is_tagged.as_ref())
            .retry_policy(self.retry.clone())
            .rate_limit("orgstructure")
    }
}

impl<'a> ListDivisionsRequest<'a> {
    /// Every item of every page, starting at this request's `offset` (or the first page), each page fetched when the previous one is used up. The first error ends the stream.
    pub fn stream(self) -> impl Stream<Item = Result<Division>> + Send + 'a {
        let first = self.offset.unwrap_or(1);
        crate::runtime::paginate(
            first,
            1,
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
    ) -> impl std::future::Future<Output = Result<(Vec<Division>, bool)>> + Send + 'a {
        let request = self.check().map(|()| self.request());
        self.client
            .transport()
            .call(
                request,
                |response| {
                    if response.is_no_content() {
                        return Ok((Vec::new(), false));
                    }
                    let page: ListDivisionsRequestPage = response
                        .json::<_, ErrorCode>("list_divisions", None)?;
                    let more = page.has_more;
                    Ok((page.items, more))
                },
            )
    }
}

/// The body of one page: the items under the envelope and the fields beside it.
#[derive(serde::Deserialize)]
struct ListDivisionsRequestPage {
    #[serde(rename = "data")]
    items: Vec<Division>,
    has_more: bool,
}
