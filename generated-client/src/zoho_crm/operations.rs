// @generated from specs/zoho_crm.yaml by `cargo xtask codegen`. Do not edit by hand.

//! One request builder per operation.

use futures_core::Stream;
use super::errors::{ErrorCode, Result};
use super::types::*;
use super::Client;

impl Client {
    /// Fetch all org enrichments created.
    ///
    /// To get the details of the enriched data of your org.
    ///
    /// `GET /crm/v7/__zia_org_enrichment`
    ///
    /// # Scopes
    ///
    /// Any one of:
    /// - `ZohoCRM.settings.intelligence.ALL`
    /// - `ZohoCRM.settings.intelligence.READ`
    ///
    /// # Pages
    ///
    /// `send()` returns one page; [`ListOrgEnrichmentsRequest::stream`] returns the items of every page, fetching each page when the previous one is used up.
    ///
    /// # Beside the payload
    ///
    /// The response keys the client reads beside the payload:
    /// - `info`: Not stated by the document: that every page has it; the client needs its `more_records` to page.
    ///
    /// # No content
    ///
    /// The service may answer `204 No Content`: There is no data enrichment created for your org. `send()` then returns an empty list.
    ///
    /// # Errors
    ///
    /// | Code | Status | Meaning |
    /// |---|---|---|
    /// | [`NO_CONTENT`](super::ErrorCode::NoContent) | 204 | There is no data enrichment created for your org. |
    /// | [`INVALID_DATA`](super::ErrorCode::InvalidData) | 400 | You have given an invalid value for the "sort\_by" parameter. Or: The value for the "status" parameter is incorrect. Or: The value for the "sort\_order" parameter is invalid. Or: The API name of the "name", "email" or "website" keys is incorrect. Or: The API name of the module is incorrect. Or: The record ID is invalid. Or: The length of the values of the keys "email", "name" and "website" are less than three characters long. Or: You have specified the values of either "email", "name" or "website" key in other language. Or: The data type of the keys in the input is not string. |
    /// | [`FEATURE_NOT_ENABLED`](super::ErrorCode::FeatureNotEnabled) | 400 | Data enrichment feature is not enabled for your account. |
    /// | [`FEATURE_NOT_SUPPORTED`](super::ErrorCode::FeatureNotSupported) | 400 | Data enrichment is not available for your edition of CRM. |
    /// | [`OAUTH_SCOPE_MISMATCH`](super::ErrorCode::OauthScopeMismatch) | 401 | You do not have the right scope to access this API. |
    /// | [`NO_PERMISSION`](super::ErrorCode::NoPermission) | 403 | You do not have the Manage or View Data Enrichment permission to access this feature. Or: You do not have permission to access this feature. |
    /// | [`INTERNAL_SERVER_ERROR`](super::ErrorCode::InternalServerError) | 500 | Unhandled and unexpected exception in server. |
    ///
    /// Checked before sending, failing with `Error::InvalidRequest`: `page` (at least 1), `per_page` (1 to 100).
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use futures::TryStreamExt;
    /// # use org_clients::zoho_crm::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let items: Vec<_> = client.list_org_enrichments().stream().try_collect().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn list_org_enrichments(&self) -> ListOrgEnrichmentsRequest<'_> {
        ListOrgEnrichmentsRequest {
            client: self,
            page: None,
            per_page: None,
            sort_by: None,
            sort_order: None,
            status: None,
            retry: None,
        }
    }

    /// To get a specific enrichment.
    ///
    /// When you fetch a specific org enrichment through it's ID, you will get the details of the fields that were enriched.
    ///
    /// `GET /crm/v7/__zia_org_enrichment/{job_id}`
    ///
    /// # Scopes
    ///
    /// Any one of:
    /// - `ZohoCRM.settings.intelligence.ALL`
    /// - `ZohoCRM.settings.intelligence.READ`
    ///
    /// # Arguments
    ///
    /// - `job_id`: job\_id is the ID received while you created org enrichment.
    ///
    /// Not stated by the document: that the ID is a decimal number (`format: int64`), as in the document's samples.
    ///
    /// # Errors
    ///
    /// | Code | Status | Meaning |
    /// |---|---|---|
    /// | [`INVALID_DATA`](super::ErrorCode::InvalidData) | 400 | You have given an invalid value for the "sort\_by" parameter. Or: The value for the "status" parameter is incorrect. Or: The value for the "sort\_order" parameter is invalid. Or: The API name of the "name", "email" or "website" keys is incorrect. Or: The API name of the module is incorrect. Or: The record ID is invalid. Or: The length of the values of the keys "email", "name" and "website" are less than three characters long. Or: You have specified the values of either "email", "name" or "website" key in other language. Or: The data type of the keys in the input is not string. |
    /// | [`FEATURE_NOT_ENABLED`](super::ErrorCode::FeatureNotEnabled) | 400 | Data enrichment feature is not enabled for your account. |
    /// | [`FEATURE_NOT_SUPPORTED`](super::ErrorCode::FeatureNotSupported) | 400 | Data enrichment is not available for your edition of CRM. |
    /// | [`OAUTH_SCOPE_MISMATCH`](super::ErrorCode::OauthScopeMismatch) | 401 | You do not have the right scope to access this API. |
    /// | [`NO_PERMISSION`](super::ErrorCode::NoPermission) | 403 | You do not have the Manage or View Data Enrichment permission to access this feature. Or: You do not have permission to access this feature. |
    /// | [`INTERNAL_SERVER_ERROR`](super::ErrorCode::InternalServerError) | 500 | Unhandled and unexpected exception in server. |
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use org_clients::zoho_crm::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let response = client.get_org_enrichment("1234567890").send().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn get_org_enrichment(
        &self,
        job_id: impl Into<String>,
    ) -> GetOrgEnrichmentRequest<'_> {
        GetOrgEnrichmentRequest {
            client: self,
            job_id: job_id.into(),
            retry: None,
        }
    }

    /// Use this API to initialize or trigger data enrichment on the org level.
    ///
    /// Zia enriches data in Zoho CRM based on the data available on the Internet. When you have enabled data enrichment, certain fields act as triggers and enrich data in other fields based on the mapping you have given. This API schedules a job.
    ///
    /// `POST /crm/v7/__zia_org_enrichment`
    ///
    /// Transcribed from `specs/sources/zoho_crm_create_org_enrichment.md`, a copy of <https://www.zoho.com/crm/developer/docs/api/v7/zia-enrichment/create-org-enrichment.html>.
    ///
    /// # Scopes
    ///
    /// Any one of:
    /// - `ZohoCRM.settings.intelligence.ALL`
    /// - `ZohoCRM.settings.intelligence.CREATE`
    ///
    /// # Arguments
    ///
    /// - `module`: The API name of the module you want to trigger or initialize enrichment. Use the Get Modules API to get the API name of the module.
    /// - `body`: the request body, a [`OrgEnrichmentRequest`].
    ///
    /// # One result per item
    ///
    /// The answer reports on each item: one whose `status` is `success` or `true` comes back as `Ok`, decoded as a [`ScheduledEnrichment`]; any other as `Err`, an `Error::Api` read from the item by the service's error shape (its code, message and details). An answer that is not a 2xx and lists items fails with its first failed item's error.
    ///
    /// Not stated by the document: that an item that failed carries a `status` other than success, with the service's error keys (`code`, `message`, `details`), and that an error answer lists its failed items so, as Zoho CRM's other per-record APIs answer; the page shows no error body.
    ///
    /// # Errors
    ///
    /// | Code | Status | Meaning |
    /// |---|---|---|
    /// | [`INVALID_DATA`](super::ErrorCode::InvalidData) | 400 | You have given an invalid value for the "sort\_by" parameter. Or: The value for the "status" parameter is incorrect. Or: The value for the "sort\_order" parameter is invalid. Or: The API name of the "name", "email" or "website" keys is incorrect. Or: The API name of the module is incorrect. Or: The record ID is invalid. Or: The length of the values of the keys "email", "name" and "website" are less than three characters long. Or: You have specified the values of either "email", "name" or "website" key in other language. Or: The data type of the keys in the input is not string. |
    /// | [`MANDATORY_NOT_FOUND`](super::ErrorCode::MandatoryNotFound) | 400 | You have not specified the key "enrich\_based\_on" in the input. |
    /// | [`EXPECTED_FIELD_MISSING`](super::ErrorCode::ExpectedFieldMissing) | 400 | You have not specified any key in the "enrich\_based\_on" JSON object. |
    /// | [`LIMIT_EXCEEDED`](super::ErrorCode::LimitExceeded) | 400 | You have created more than the allowed enrichments for your org. |
    /// | [`REQUIRED_PARAM_MISSING`](super::ErrorCode::RequiredParamMissing) | 400 | You have not specified the "module" parameter in the request. |
    /// | [`NOT_ALLOWED`](super::ErrorCode::NotAllowed) | 400 | "email" is not mapped in configuration. |
    /// | [`FEATURE_NOT_ENABLED`](super::ErrorCode::FeatureNotEnabled) | 400 | Data enrichment feature is not enabled for your account. |
    /// | [`FEATURE_NOT_SUPPORTED`](super::ErrorCode::FeatureNotSupported) | 400 | Data enrichment is not available for your edition of CRM. |
    /// | [`OAUTH_SCOPE_MISMATCH`](super::ErrorCode::OauthScopeMismatch) | 401 | You do not have the right scope to access this API. |
    /// | [`NO_PERMISSION`](super::ErrorCode::NoPermission) | 403 | You do not have the Manage or View Data Enrichment permission to access this feature. Or: You do not have permission to access this feature. |
    /// | [`INTERNAL_SERVER_ERROR`](super::ErrorCode::InternalServerError) | 500 | Unhandled and unexpected exception in server. |
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use org_clients::zoho_crm::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let body = OrgEnrichmentRequest::new(Vec::new());
    /// let response = client.create_org_enrichment("Accounts", body).send().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn create_org_enrichment(
        &self,
        module: impl Into<String>,
        body: OrgEnrichmentRequest,
    ) -> CreateOrgEnrichmentRequest<'_> {
        CreateOrgEnrichmentRequest {
            client: self,
            module: module.into(),
            record_id: None,
            body,
            retry: None,
        }
    }
}

/// A request to [`Client::list_org_enrichments`]: set the optional parameters, then call `send()`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct ListOrgEnrichmentsRequest<'a> {
    client: &'a Client,
    page: Option<i64>,
    per_page: Option<i64>,
    sort_by: Option<SortBy>,
    sort_order: Option<SortOrder>,
    status: Option<EnrichmentStatus>,
    retry: Option<super::RetryPolicy>,
}

impl<'a> ListOrgEnrichmentsRequest<'a> {
    /// To get the list of records from the respective pages. The default value is 1. Accepts positive integer values only. Must be at least 1. The service's default: `1`.
    pub fn page(mut self, page: i64) -> Self {
        self.page = Some(page);
        self
    }

    /// To get the list of records available per page. The default and the maximum possible value is 100. Accepts positive integer values only. Must be 1 to 100. The service's default: `100`.
    pub fn per_page(mut self, per_page: i64) -> Self {
        self.per_page = Some(per_page);
        self
    }

    /// To sort the response based on created time. The accepted value is created\_time.
    pub fn sort_by(mut self, sort_by: SortBy) -> Self {
        self.sort_by = Some(sort_by);
        self
    }

    /// To sort the response either in ascending or descending order. The possible values are asc or desc.
    pub fn sort_order(mut self, sort_order: SortOrder) -> Self {
        self.sort_order = Some(sort_order);
        self
    }

    /// To get the response based on the status of the scheduled job using the create org enrichment API. The possible values are COMPLETED, SCHEDULED, FAILED, and DATA\_NOT\_FOUND.
    pub fn status(mut self, status: EnrichmentStatus) -> Self {
        self.status = Some(status);
        self
    }

    /// Retries this call by `policy` instead of the client's.
    pub fn retry(mut self, policy: super::RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Sends the request. See [`Client::list_org_enrichments`] for what it returns and its errors.
    pub fn send(
        self,
    ) -> impl std::future::Future<Output = Result<Vec<EnrichmentJob>>> + Send + 'a {
        let request = self.check().map(|()| self.request());
        self.client
            .transport()
            .call(
                request,
                |response| {
                    response.list("list_org_enrichments", Some("__zia_org_enrichment"))
                },
            )
    }

    /// Applies the documented constraints before anything is sent.
    fn check(&self) -> Result<()> {
        if let Some(value) = &self.page {
            crate::runtime::check::range(
                "list_org_enrichments",
                "page",
                *value,
                Some(1),
                None,
            )?;
        }
        if let Some(value) = &self.per_page {
            crate::runtime::check::range(
                "list_org_enrichments",
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
        crate::runtime::Request::new(crate::runtime::Method::GET, "list_org_enrichments")
            .segment("crm")
            .segment("v7")
            .segment("__zia_org_enrichment")
            .query_opt("page", self.page.as_ref())
            .query_opt("per_page", self.per_page.as_ref())
            .query_opt("sort_by", self.sort_by.as_ref())
            .query_opt("sort_order", self.sort_order.as_ref())
            .query_opt("status", self.status.as_ref())
            .retry_policy(self.retry.clone())
    }
}

impl<'a> ListOrgEnrichmentsRequest<'a> {
    /// Every item of every page, starting at this request's `page` (or the first page), each page fetched when the previous one is used up. The first error ends the stream.
    pub fn stream(self) -> impl Stream<Item = Result<EnrichmentJob>> + Send + 'a {
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
    ) -> impl std::future::Future<
        Output = Result<(Vec<EnrichmentJob>, bool)>,
    > + Send + 'a {
        let request = self.check().map(|()| self.request());
        self.client
            .transport()
            .call(
                request,
                |response| {
                    if response.is_no_content() {
                        return Ok((Vec::new(), false));
                    }
                    let page: ListOrgEnrichmentsRequestPage = response
                        .json::<_, ErrorCode>("list_org_enrichments", None)?;
                    let more = page.info.more_records;
                    Ok((page.items, more))
                },
            )
    }
}

/// The body of one page: the items under the envelope and the fields beside it.
#[derive(serde::Deserialize)]
struct ListOrgEnrichmentsRequestPage {
    #[serde(rename = "__zia_org_enrichment")]
    items: Vec<EnrichmentJob>,
    info: PageInfo,
}

/// A request to [`Client::get_org_enrichment`]: call `send()` to send it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct GetOrgEnrichmentRequest<'a> {
    client: &'a Client,
    job_id: String,
    retry: Option<super::RetryPolicy>,
}

impl<'a> GetOrgEnrichmentRequest<'a> {
    /// Retries this call by `policy` instead of the client's.
    pub fn retry(mut self, policy: super::RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Sends the request. See [`Client::get_org_enrichment`] for what it returns and its errors.
    pub fn send(
        self,
    ) -> impl std::future::Future<Output = Result<Vec<OrgEnrichment>>> + Send + 'a {
        let request = Ok(self.request());
        self.client
            .transport()
            .call(
                request,
                |response| {
                    response.list("get_org_enrichment", Some("__zia_org_enrichment"))
                },
            )
    }

    /// The request `send()` sends; the service's mock matches calls against it.
    pub(super) fn request(&self) -> crate::runtime::Request {
        crate::runtime::Request::new(crate::runtime::Method::GET, "get_org_enrichment")
            .segment("crm")
            .segment("v7")
            .segment("__zia_org_enrichment")
            .param("job_id", &self.job_id)
            .retry_policy(self.retry.clone())
    }
}

/// A request to [`Client::create_org_enrichment`]: set the optional parameters, then call `send()`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct CreateOrgEnrichmentRequest<'a> {
    client: &'a Client,
    module: String,
    record_id: Option<String>,
    body: OrgEnrichmentRequest,
    retry: Option<super::RetryPolicy>,
}

impl<'a> CreateOrgEnrichmentRequest<'a> {
    /// Where each item of the answer says how it went.
    const PER_ITEM: crate::runtime::PerItem = crate::runtime::PerItem {
        envelope: Some("__zia_org_enrichment"),
        status: &["status"],
        success: &["success", "true"],
    };

    /// The ID of the record you want to trigger enrichment for. Use the Get Records API to get the IDs of the records in a module.
    ///
    /// Not stated by the document: that the ID is a decimal number (`format: int64`), as Zoho CRM's record IDs are.
    pub fn record_id(mut self, record_id: impl Into<String>) -> Self {
        self.record_id = Some(record_id.into());
        self
    }

    /// Retries this call by `policy` instead of the client's.
    pub fn retry(mut self, policy: super::RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Sends the request. See [`Client::create_org_enrichment`] for what it returns and its errors.
    pub fn send(
        self,
    ) -> impl std::future::Future<
        Output = Result<Vec<Result<ScheduledEnrichment>>>,
    > + Send + 'a {
        let request = self.check().map(|()| self.request());
        self.client
            .transport()
            .call(
                request,
                |response| response.items("create_org_enrichment", &Self::PER_ITEM),
            )
    }

    /// Applies the documented constraints before anything is sent.
    fn check(&self) -> Result<()> {
        for item in &self.body.enrichments {
            if let Some(value) = &item.enrich_based_on.name {
                crate::runtime::check::length(
                    "create_org_enrichment",
                    "__zia_org_enrichment[].enrich_based_on.name",
                    value,
                    Some(3),
                    None,
                )?;
            }
            if let Some(value) = &item.enrich_based_on.email {
                crate::runtime::check::length(
                    "create_org_enrichment",
                    "__zia_org_enrichment[].enrich_based_on.email",
                    value,
                    Some(3),
                    None,
                )?;
            }
            if let Some(value) = &item.enrich_based_on.website {
                crate::runtime::check::length(
                    "create_org_enrichment",
                    "__zia_org_enrichment[].enrich_based_on.website",
                    value,
                    Some(3),
                    None,
                )?;
            }
        }
        Ok(())
    }

    /// The request `send()` sends; the service's mock matches calls against it.
    pub(super) fn request(&self) -> crate::runtime::Request {
        crate::runtime::Request::new(
                crate::runtime::Method::POST,
                "create_org_enrichment",
            )
            .segment("crm")
            .segment("v7")
            .segment("__zia_org_enrichment")
            .query("module", &self.module)
            .query_opt("record_id", self.record_id.as_ref())
            .json(&self.body)
            .per_item(&Self::PER_ITEM)
            .retry_policy(self.retry.clone())
    }
}
