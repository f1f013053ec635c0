// @generated from features/dates.yaml by `cargo xtask codegen`. Do not edit by hand.

//! One request builder per operation.

use super::errors::Result;
use super::types::*;
use super::Client;

impl Client {
    /// Events of a day, since a time.
    ///
    /// `GET /events`
    ///
    /// # Arguments
    ///
    /// - `day`: `day`.
    /// - `until`: `until`.
    ///
    /// # Errors
    ///
    /// The document lists no error codes for this operation.
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use fixture_clients::dates::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let response = client.list_events("2024-05-12".parse::<chrono::NaiveDate>().unwrap_or_default(), chrono::DateTime::parse_from_rfc3339("2024-05-13T00:00:00Z").unwrap_or_default()).send().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn list_events(
        &self,
        day: chrono::NaiveDate,
        until: chrono::DateTime<chrono::FixedOffset>,
    ) -> ListEventsRequest<'_> {
        ListEventsRequest {
            client: self,
            day,
            until,
            since: None,
            x_as_of: None,
            retry: None,
        }
    }
}

/// A request to [`Client::list_events`]: set the optional parameters, then call `send()`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct ListEventsRequest<'a> {
    client: &'a Client,
    day: chrono::NaiveDate,
    since: Option<chrono::DateTime<chrono::FixedOffset>>,
    until: chrono::DateTime<chrono::FixedOffset>,
    x_as_of: Option<chrono::DateTime<chrono::FixedOffset>>,
    retry: Option<super::RetryPolicy>,
}

impl<'a> ListEventsRequest<'a> {
    /// `since`.
    pub fn since(mut self, since: chrono::DateTime<chrono::FixedOffset>) -> Self {
        self.since = Some(since);
        self
    }

    /// `X-As-Of`.
    pub fn x_as_of(mut self, x_as_of: chrono::DateTime<chrono::FixedOffset>) -> Self {
        self.x_as_of = Some(x_as_of);
        self
    }

    /// Retries this call by `policy` instead of the client's.
    pub fn retry(mut self, policy: super::RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Sends the request. See [`Client::list_events`] for what it returns and its errors.
    pub fn send(
        self,
    ) -> impl std::future::Future<Output = Result<Vec<Event>>> + Send + 'a {
        let request = Ok(self.request());
        self.client
            .transport()
            .call(request, |response| response.list("list_events", Some("events")))
    }

    /// The request `send()` sends; the service's mock matches calls against it.
    pub(super) fn request(&self) -> crate::runtime::Request {
        crate::runtime::Request::new(crate::runtime::Method::GET, "list_events")
            .segment("events")
            .query("day", self.day)
            .query_opt(
                "since",
                self
                    .since
                    .as_ref()
                    .map(|value| {
                        value.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
                    }),
            )
            .query(
                "until",
                self.until.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
            )
            .header_opt(
                "X-As-Of",
                self
                    .x_as_of
                    .as_ref()
                    .map(|value| {
                        value.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
                    }),
            )
            .retry_policy(self.retry.clone())
    }
}
