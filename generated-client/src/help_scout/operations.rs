// @generated from specs/help_scout.yaml by `cargo xtask codegen`. Do not edit by hand.

//! One request builder per operation.

use super::errors::Result;
use super::types::*;
use super::Client;

impl Client {
    /// Get Organization by ID
    ///
    /// Returns a single organization by ID.
    ///
    /// `GET /v2/organizations/{organizationId}`
    ///
    /// # Arguments
    ///
    /// - `organization_id`: Organization’s unique ID
    ///
    /// # Errors
    ///
    /// The document lists no error codes for this operation.
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use org_clients::help_scout::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let response = client.get_organization(10).send().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn get_organization(&self, organization_id: i64) -> GetOrganizationRequest<'_> {
        GetOrganizationRequest {
            client: self,
            organization_id,
            include_counts: None,
            include_properties: None,
            retry: None,
        }
    }
}

/// A request to [`Client::get_organization`]: set the optional parameters, then call `send()`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct GetOrganizationRequest<'a> {
    client: &'a Client,
    organization_id: i64,
    include_counts: Option<bool>,
    include_properties: Option<bool>,
    retry: Option<super::RetryPolicy>,
}

impl<'a> GetOrganizationRequest<'a> {
    /// Whether to include customer and conversation counts
    pub fn include_counts(mut self, include_counts: bool) -> Self {
        self.include_counts = Some(include_counts);
        self
    }

    /// Whether to include organization property values
    pub fn include_properties(mut self, include_properties: bool) -> Self {
        self.include_properties = Some(include_properties);
        self
    }

    /// Retries this call by `policy` instead of the client's.
    pub fn retry(mut self, policy: super::RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Sends the request. See [`Client::get_organization`] for what it returns and its errors.
    pub fn send(
        self,
    ) -> impl std::future::Future<Output = Result<Organization>> + Send + 'a {
        let request = Ok(self.request());
        self.client
            .transport()
            .call(request, |response| response.json("get_organization", None))
    }

    /// The request `send()` sends; the service's mock matches calls against it.
    pub(super) fn request(&self) -> crate::runtime::Request {
        crate::runtime::Request::new(crate::runtime::Method::GET, "get_organization")
            .segment("v2")
            .segment("organizations")
            .param("organizationId", self.organization_id)
            .query_opt("includeCounts", self.include_counts.as_ref())
            .query_opt("includeProperties", self.include_properties.as_ref())
            .retry_policy(self.retry.clone())
    }
}
