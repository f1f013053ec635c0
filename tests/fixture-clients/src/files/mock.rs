// @generated from features/files.yaml by `cargo xtask codegen`. Do not edit by hand.

//! A local mock of the service, for testing code that calls [`Client`](super::Client) without credentials or a network (the `mock` feature).
//!
//! [`MockServer::start`](crate::runtime::mock::MockServer::start) starts a server on a local port that answers every operation with its document's sample; [`client()`](crate::runtime::mock::MockServer::client) gives a client of it, with made-up credentials. [`on(call)`](crate::runtime::mock::MockServer::on) takes the call as the code under test builds it, typed, and says what to answer: a payload of the operation's type (put in the documented envelope), a documented error code, a `204`, pages for `stream()`, or a [`Fault`]. Each expectation must be met at least once (or [`times`](crate::runtime::mock::Expectation::times) times): an unmet one fails the test when the server is dropped.
//!
//! | Operation | Answers by default |
//! |---|---|
//! | [`Client::submit_contact_form`](super::Client::submit_contact_form) | `501`: the document gives no sample |
//! | [`Client::upload_document`](super::Client::upload_document) | `501`: the document gives no sample |
//! | [`Client::download_document`](super::Client::download_document) | `200`, no body |
//! | [`Client::export_folder`](super::Client::export_folder) | `200`, no body |
//!
//! # Example
//!
//! ```
//! # use fixture_clients::files::*;
//! # use fixture_clients::files::mock::{Fault, MockServer};
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<()> {
//! let server = MockServer::start().await;
//! let client = server.client()?;
//! let body = ContactForm::new("Ada", "ada@example.com");
//! // This call must come (checked when `server` is dropped), and it fails.
//! server.on(client.submit_contact_form(body.clone())).fault(Fault::Status(404)).times(1).mount().await;
//! assert!(client.submit_contact_form(body).send().await.is_err());
//! # Ok(())
//! # }
//! ```

pub use crate::runtime::mock::{Expectation, Fault};

/// A local mock of the service: see the module's documentation.
pub type MockServer = crate::runtime::mock::MockServer<super::Files>;

impl crate::runtime::mock::MockService for super::Files {
    type Builder = super::ClientBuilder;

    type Client = super::Client;

    const OPERATIONS: &'static [&'static crate::runtime::mock::Answer] = &[
        <super::SubmitContactFormRequest<
            'static,
        > as crate::runtime::mock::MockOperation>::ANSWER,
        <super::UploadDocumentRequest<
            'static,
        > as crate::runtime::mock::MockOperation>::ANSWER,
        <super::DownloadDocumentRequest<
            'static,
        > as crate::runtime::mock::MockOperation>::ANSWER,
        <super::ExportFolderRequest<
            'static,
        > as crate::runtime::mock::MockOperation>::ANSWER,
    ];

    const INTEGER_CODES: bool = false;

    fn builder(
        base_url: &str,
        credentials: Option<super::Credentials>,
    ) -> super::ClientBuilder {
        let builder = super::Client::builder()
            .base_url(base_url)
            .allow_insecure_http(true);
        match credentials {
            Some(credentials) => builder.credentials(credentials),
            None => builder,
        }
    }

    fn build(builder: super::ClientBuilder) -> super::Result<super::Client> {
        builder.build()
    }

    fn documented_status(code: &super::ErrorCode) -> Option<u16> {
        code.documented_status()
    }
}

impl crate::runtime::mock::MockOperation for super::SubmitContactFormRequest<'_> {
    type Service = super::Files;

    type Output = super::Ticket;

    type Static = super::SubmitContactFormRequest<'static>;

    const ANSWER: &'static crate::runtime::mock::Answer = &crate::runtime::mock::Answer {
        operation: "submit_contact_form",
        method: "POST",
        path: &[Some("contact")],
        status: 201,
        payload: true,
        envelope: None,
        has_more: None,
        no_content: false,
        sample: None,
        download: None,
    };

    fn expected_request(&self) -> crate::runtime::Request {
        self.request()
    }
}

impl crate::runtime::mock::MockOperation for super::UploadDocumentRequest<'_> {
    type Service = super::Files;

    type Output = super::Document;

    type Static = super::UploadDocumentRequest<'static>;

    const ANSWER: &'static crate::runtime::mock::Answer = &crate::runtime::mock::Answer {
        operation: "upload_document",
        method: "POST",
        path: &[Some("folders"), None, Some("documents")],
        status: 201,
        payload: true,
        envelope: None,
        has_more: None,
        no_content: false,
        sample: None,
        download: None,
    };

    fn expected_request(&self) -> crate::runtime::Request {
        self.request()
    }
}

impl crate::runtime::mock::MockOperation for super::DownloadDocumentRequest<'_> {
    type Service = super::Files;

    type Output = super::Download;

    type Static = super::DownloadDocumentRequest<'static>;

    const ANSWER: &'static crate::runtime::mock::Answer = &crate::runtime::mock::Answer {
        operation: "download_document",
        method: "GET",
        path: &[Some("documents"), None, Some("content")],
        status: 200,
        payload: false,
        envelope: None,
        has_more: None,
        no_content: false,
        sample: Some("%PDF-1.7 sample"),
        download: Some("application/pdf"),
    };

    fn expected_request(&self) -> crate::runtime::Request {
        self.request()
    }
}

impl crate::runtime::mock::MockOperation for super::ExportFolderRequest<'_> {
    type Service = super::Files;

    type Output = super::Download;

    type Static = super::ExportFolderRequest<'static>;

    const ANSWER: &'static crate::runtime::mock::Answer = &crate::runtime::mock::Answer {
        operation: "export_folder",
        method: "GET",
        path: &[Some("folders"), None, Some("export")],
        status: 200,
        payload: false,
        envelope: None,
        has_more: None,
        no_content: false,
        sample: None,
        download: Some("*/*"),
    };

    fn expected_request(&self) -> crate::runtime::Request {
        self.request()
    }
}
