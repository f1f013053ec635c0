// @generated from features/parameters_and_body.yaml by `cargo xtask codegen`. Do not edit by hand.

//! One request builder per operation.

use super::errors::Result;
use super::types::*;
use super::Client;

impl Client {
    /// Update a thing.
    ///
    /// `PUT /groups/{group_id}/things/{thing_id}`
    ///
    /// # Arguments
    ///
    /// - `group_id`: `group_id`.
    /// - `thing_id`: `thing_id`.
    /// - `sort`: `sort`.
    /// - `body`: the request body, a [`NewThing`].
    ///
    /// # Errors
    ///
    /// The document lists no error codes for this operation.
    ///
    /// Checked before sending, failing with `Error::InvalidRequest`: `limit` (1 to 10).
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use fixture_clients::parameters_and_body::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let body = NewThing::new("example");
    /// let response = client.update_thing(10, "thing_id", Sort::Asc, body).send().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn update_thing(
        &self,
        group_id: i64,
        thing_id: impl Into<String>,
        sort: Sort,
        body: NewThing,
    ) -> UpdateThingRequest<'_> {
        UpdateThingRequest {
            client: self,
            group_id,
            thing_id: thing_id.into(),
            sort,
            limit: None,
            ids: None,
            body,
            retry: None,
        }
    }
}

/// A request to [`Client::update_thing`]: set the optional parameters, then call `send()`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct UpdateThingRequest<'a> {
    client: &'a Client,
    group_id: i64,
    thing_id: String,
    sort: Sort,
    limit: Option<i64>,
    ids: Option<Vec<i64>>,
    body: NewThing,
    retry: Option<super::RetryPolicy>,
}

impl<'a> UpdateThingRequest<'a> {
    /// `limit`. Must be 1 to 10.
    pub fn limit(mut self, limit: i64) -> Self {
        self.limit = Some(limit);
        self
    }

    /// `ids`. Sent as one pair, the items joined by commas: `?ids=a,b`.
    pub fn ids(mut self, ids: Vec<i64>) -> Self {
        self.ids = Some(ids);
        self
    }

    /// Retries this call by `policy` instead of the client's.
    pub fn retry(mut self, policy: super::RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Sends the request. See [`Client::update_thing`] for what it returns and its errors.
    pub fn send(self) -> impl std::future::Future<Output = Result<Thing>> + Send + 'a {
        let request = self.check().map(|()| self.request());
        self.client
            .transport()
            .call(request, |response| response.json("update_thing", Some("thing")))
    }

    /// Applies the documented constraints before anything is sent.
    fn check(&self) -> Result<()> {
        if let Some(value) = &self.limit {
            crate::runtime::check::range(
                "update_thing",
                "limit",
                *value,
                Some(1),
                Some(10),
            )?;
        }
        {
            let value = &self.body.name;
            crate::runtime::check::length(
                "update_thing",
                "name",
                value,
                Some(5),
                Some(30),
            )?;

            static PATTERN: crate::runtime::check::Pattern = crate::runtime::check::Pattern::new(
                "^[A-Za-z0-9]+$",
            );
            crate::runtime::check::pattern("update_thing", "name", value, &PATTERN)?;
        }
        if let Some(value) = &self.body.sides {
            crate::runtime::check::range(
                "update_thing",
                "sides",
                *value,
                Some(3),
                None,
            )?;
        }
        Ok(())
    }

    /// The request `send()` sends; the service's mock matches calls against it.
    pub(super) fn request(&self) -> crate::runtime::Request {
        crate::runtime::Request::new(crate::runtime::Method::PUT, "update_thing")
            .segment("groups")
            .param("group_id", self.group_id)
            .segment("things")
            .param("thing_id", &self.thing_id)
            .query("sort", &self.sort)
            .query_opt("limit", self.limit.as_ref())
            .query_opt(
                "ids",
                self.ids.as_ref().map(|value| crate::runtime::check::join(value)),
            )
            .json(&self.body)
            .retry_policy(self.retry.clone())
    }
}
