// @generated from features/clearable_fields.yaml by `cargo xtask codegen`. Do not edit by hand.

//! One request builder per operation.

use super::errors::Result;
use super::types::*;
use super::Client;

impl Client {
    /// Change some fields of a contact.
    ///
    /// `PATCH /contacts/{id}`
    ///
    /// # Arguments
    ///
    /// - `id`: `id`.
    /// - `body`: the request body, a [`ContactChange`].
    ///
    /// # Errors
    ///
    /// The document lists no error codes for this operation.
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use fixture_clients::clearable_fields::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let body = ContactChange::default();
    /// let response = client.update_contact(10, body).send().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn update_contact(
        &self,
        id: i64,
        body: ContactChange,
    ) -> UpdateContactRequest<'_> {
        UpdateContactRequest {
            client: self,
            id,
            body,
            retry: None,
        }
    }
}

/// A request to [`Client::update_contact`]: call `send()` to send it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct UpdateContactRequest<'a> {
    client: &'a Client,
    id: i64,
    body: ContactChange,
    retry: Option<super::RetryPolicy>,
}

impl<'a> UpdateContactRequest<'a> {
    /// Retries this call by `policy` instead of the client's.
    pub fn retry(mut self, policy: super::RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Sends the request. See [`Client::update_contact`] for what it returns and its errors.
    pub fn send(self) -> impl std::future::Future<Output = Result<Contact>> + Send + 'a {
        let request = self.check().map(|()| self.request());
        self.client
            .transport()
            .call(request, |response| response.json("update_contact", None))
    }

    /// Applies the documented constraints before anything is sent.
    fn check(&self) -> Result<()> {
        if let Some(value) = self.body.name.value() {
            crate::runtime::check::length(
                "update_contact",
                "name",
                value,
                None,
                Some(20),
            )?;
        }
        if let Some(value) = self.body.age.value() {
            crate::runtime::check::range(
                "update_contact",
                "age",
                *value,
                Some(0),
                None,
            )?;
        }
        Ok(())
    }

    /// The request `send()` sends; the service's mock matches calls against it.
    pub(super) fn request(&self) -> crate::runtime::Request {
        crate::runtime::Request::new(crate::runtime::Method::PATCH, "update_contact")
            .segment("contacts")
            .param("id", self.id)
            .json(&self.body)
            .retry_policy(self.retry.clone())
    }
}
