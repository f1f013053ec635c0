// @generated from specs/zoho_contracts.yaml by `cargo xtask codegen`. Do not edit by hand.

//! One request builder per operation.

use super::errors::Result;
use super::types::*;
use super::Client;

impl Client {
    /// To get the details of the organization.
    ///
    /// Possible Operation Types: ALL - Full access to organization info; READ - Get organization info.
    ///
    /// `GET /api/v1/admin/orginfo` (the document also gives `/v1/admin/orginfo`; this client sends the first)
    ///
    /// # Scopes
    ///
    /// Needs `contracts.meta.READ` and `contracts.contracts.ALL`.
    ///
    /// # Errors
    ///
    /// | Code | Status | Meaning |
    /// |---|---|---|
    /// | [`INVALID_URL_PATTERN`](super::ErrorCode::InvalidUrlPattern) | 404 | Request URL is incorrect |
    /// | [`OAUTH_SCOPE_MISMATCH`](super::ErrorCode::OauthScopeMismatch) | 401 | Unauthorized |
    /// | [`NO_PERMISSION`](super::ErrorCode::NoPermission) | 403 | Permission denied to read |
    /// | [`INTERNAL_ERROR`](super::ErrorCode::InternalError) | 500 | Internal Server Error |
    /// | [`INVALID_REQUEST_METHOD`](super::ErrorCode::InvalidRequestMethod) | 400 | The HTTP request method is not a valid one. |
    /// | [`AUTHORIZATION_FAILED`](super::ErrorCode::AuthorizationFailed) | 400 | The user does not have sufficient privilege to read module details. |
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use org_clients::zoho_contracts::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let response = client.get_organization_info().send().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn get_organization_info(&self) -> GetOrganizationInfoRequest<'_> {
        GetOrganizationInfoRequest {
            client: self,
            retry: None,
        }
    }
}

/// A request to [`Client::get_organization_info`]: call `send()` to send it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct GetOrganizationInfoRequest<'a> {
    client: &'a Client,
    retry: Option<super::RetryPolicy>,
}

impl<'a> GetOrganizationInfoRequest<'a> {
    /// Retries this call by `policy` instead of the client's.
    pub fn retry(mut self, policy: super::RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Sends the request. See [`Client::get_organization_info`] for what it returns and its errors.
    pub fn send(
        self,
    ) -> impl std::future::Future<Output = Result<Vec<OrganizationInfo>>> + Send + 'a {
        let request = Ok(self.request());
        self.client
            .transport()
            .call(
                request,
                |response| {
                    response.list("get_organization_info", Some("organizationinfo"))
                },
            )
    }

    /// The request `send()` sends; the service's mock matches calls against it.
    pub(super) fn request(&self) -> crate::runtime::Request {
        crate::runtime::Request::new(
                crate::runtime::Method::GET,
                "get_organization_info",
            )
            .segment("api")
            .segment("v1")
            .segment("admin")
            .segment("orginfo")
            .retry_policy(self.retry.clone())
    }
}
