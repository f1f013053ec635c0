// @generated from features/files.yaml by `cargo xtask codegen`. Do not edit by hand.

//! One request builder per operation.

use super::errors::Result;
use super::types::*;
use super::Client;

impl Client {
    /// Send the contact form.
    ///
    /// `POST /contact`
    ///
    /// # Arguments
    ///
    /// - `body`: the request body, a [`ContactForm`], sent as a form (`application/x-www-form-urlencoded`).
    ///
    /// # Errors
    ///
    /// The document lists no error codes for this operation.
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use fixture_clients::files::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let body = ContactForm::new("Ada", "ada@example.com");
    /// let response = client.submit_contact_form(body).send().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn submit_contact_form(
        &self,
        body: ContactForm,
    ) -> SubmitContactFormRequest<'_> {
        SubmitContactFormRequest {
            client: self,
            body,
            retry: None,
        }
    }

    /// Upload a document.
    ///
    /// `POST /folders/{folder_id}/documents`
    ///
    /// # Arguments
    ///
    /// - `folder_id`: `folder_id`.
    /// - `body`: the request body, a [`DocumentUpload`], sent as `multipart/form-data`: a part per field, files read as they are sent (a request with a file part read from a stream is sent once, never retried).
    ///
    /// # Errors
    ///
    /// | Code | Status | Meaning |
    /// |---|---|---|
    /// | [`TOO_LARGE`](super::ErrorCode::TooLarge) | 413 | The upload is larger than the service takes. |
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use fixture_clients::files::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let body = DocumentUpload::new("title", FilePart::path("path/to/file"));
    /// let response = client.upload_document("folder_id", body).send().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn upload_document(
        &self,
        folder_id: impl Into<String>,
        body: DocumentUpload,
    ) -> UploadDocumentRequest<'_> {
        UploadDocumentRequest {
            client: self,
            folder_id: folder_id.into(),
            body,
            retry: None,
        }
    }

    /// Download a document as a PDF.
    ///
    /// `GET /documents/{document_id}/content`
    ///
    /// # Arguments
    ///
    /// - `document_id`: `document_id`.
    ///
    /// # Download
    ///
    /// Asks for `application/pdf`; `send()` returns the body unread, a [`Download`](super::Download) to read in chunks, into a writer or whole, held to the client's `max_download_bytes` (1 GiB unless set).
    ///
    /// # Errors
    ///
    /// | Code | Status | Meaning |
    /// |---|---|---|
    /// | [`NOT_FOUND`](super::ErrorCode::NotFound) | 404 | No such document. |
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use fixture_clients::files::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let bytes = client.download_document("document_id").send().await?.bytes().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn download_document(
        &self,
        document_id: impl Into<String>,
    ) -> DownloadDocumentRequest<'_> {
        DownloadDocumentRequest {
            client: self,
            document_id: document_id.into(),
            retry: None,
        }
    }

    /// Download a folder's archive, in whatever format the service chooses.
    ///
    /// `GET /folders/{folder_id}/export`
    ///
    /// # Arguments
    ///
    /// - `folder_id`: `folder_id`.
    ///
    /// # Download
    ///
    /// Asks for `*/*`; `send()` returns the body unread, a [`Download`](super::Download) to read in chunks, into a writer or whole, held to the client's `max_download_bytes` (1 GiB unless set).
    ///
    /// # Errors
    ///
    /// The document lists no error codes for this operation.
    ///
    /// # Example
    ///
    /// ```no_run
    /// # use fixture_clients::files::*;
    /// # async fn example(client: Client) -> Result<()> {
    /// let bytes = client.export_folder("folder_id").send().await?.bytes().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn export_folder(
        &self,
        folder_id: impl Into<String>,
    ) -> ExportFolderRequest<'_> {
        ExportFolderRequest {
            client: self,
            folder_id: folder_id.into(),
            retry: None,
        }
    }
}

/// A request to [`Client::submit_contact_form`]: call `send()` to send it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct SubmitContactFormRequest<'a> {
    client: &'a Client,
    body: ContactForm,
    retry: Option<super::RetryPolicy>,
}

impl<'a> SubmitContactFormRequest<'a> {
    /// Retries this call by `policy` instead of the client's.
    pub fn retry(mut self, policy: super::RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Sends the request. See [`Client::submit_contact_form`] for what it returns and its errors.
    pub fn send(self) -> impl std::future::Future<Output = Result<Ticket>> + Send + 'a {
        let request = self.check().map(|()| self.request());
        self.client
            .transport()
            .call(request, |response| response.json("submit_contact_form", None))
    }

    /// Applies the documented constraints before anything is sent.
    fn check(&self) -> Result<()> {
        {
            let value = &self.body.name;
            crate::runtime::check::length(
                "submit_contact_form",
                "name",
                value,
                Some(2),
                None,
            )?;
        }
        if let Some(value) = &self.body.age {
            crate::runtime::check::range(
                "submit_contact_form",
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
        crate::runtime::Request::new(crate::runtime::Method::POST, "submit_contact_form")
            .segment("contact")
            .form(&self.body)
            .retry_policy(self.retry.clone())
    }
}

/// A request to [`Client::upload_document`]: call `send()` to send it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct UploadDocumentRequest<'a> {
    client: &'a Client,
    folder_id: String,
    body: DocumentUpload,
    retry: Option<super::RetryPolicy>,
}

impl<'a> UploadDocumentRequest<'a> {
    /// Retries this call by `policy` instead of the client's.
    pub fn retry(mut self, policy: super::RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Sends the request. See [`Client::upload_document`] for what it returns and its errors.
    pub fn send(
        self,
    ) -> impl std::future::Future<Output = Result<Document>> + Send + 'a {
        let request = self.check().map(|()| self.request());
        self.client
            .transport()
            .call(request, |response| response.json("upload_document", None))
    }

    /// Applies the documented constraints before anything is sent.
    fn check(&self) -> Result<()> {
        {
            let value = &self.body.title;
            crate::runtime::check::length(
                "upload_document",
                "title",
                value,
                None,
                Some(100),
            )?;
        }
        if let Some(value) = &self.body.pages {
            crate::runtime::check::range(
                "upload_document",
                "pages",
                *value,
                Some(1),
                None,
            )?;
        }
        Ok(())
    }

    /// The request `send()` sends; the service's mock matches calls against it.
    pub(super) fn request(&self) -> crate::runtime::Request {
        crate::runtime::Request::new(crate::runtime::Method::POST, "upload_document")
            .segment("folders")
            .param("folder_id", &self.folder_id)
            .segment("documents")
            .multipart(
                crate::runtime::Multipart::new()
                    .field("title", &self.body.title)
                    .field("pages", &self.body.pages)
                    .field("labels", &self.body.labels)
                    .file("file", &self.body.file)
                    .file_opt("thumbnail", self.body.thumbnail.as_ref())
                    .files(
                        "attachments",
                        self.body.attachments.as_deref().unwrap_or_default(),
                    ),
            )
            .retry_policy(self.retry.clone())
    }
}

/// A request to [`Client::download_document`]: call `send()` to send it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct DownloadDocumentRequest<'a> {
    client: &'a Client,
    document_id: String,
    retry: Option<super::RetryPolicy>,
}

impl<'a> DownloadDocumentRequest<'a> {
    /// Retries this call by `policy` instead of the client's.
    pub fn retry(mut self, policy: super::RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Sends the request. See [`Client::download_document`] for what it returns and its errors.
    pub fn send(
        self,
    ) -> impl std::future::Future<Output = Result<super::Download>> + Send + 'a {
        let request = Ok(self.request());
        self.client.transport().call_download(request)
    }

    /// The request `send()` sends; the service's mock matches calls against it.
    pub(super) fn request(&self) -> crate::runtime::Request {
        crate::runtime::Request::new(crate::runtime::Method::GET, "download_document")
            .segment("documents")
            .param("document_id", &self.document_id)
            .segment("content")
            .download("application/pdf")
            .retry_policy(self.retry.clone())
    }
}

/// A request to [`Client::export_folder`]: call `send()` to send it.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct ExportFolderRequest<'a> {
    client: &'a Client,
    folder_id: String,
    retry: Option<super::RetryPolicy>,
}

impl<'a> ExportFolderRequest<'a> {
    /// Retries this call by `policy` instead of the client's.
    pub fn retry(mut self, policy: super::RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// Sends the request. See [`Client::export_folder`] for what it returns and its errors.
    pub fn send(
        self,
    ) -> impl std::future::Future<Output = Result<super::Download>> + Send + 'a {
        let request = Ok(self.request());
        self.client.transport().call_download(request)
    }

    /// The request `send()` sends; the service's mock matches calls against it.
    pub(super) fn request(&self) -> crate::runtime::Request {
        crate::runtime::Request::new(crate::runtime::Method::GET, "export_folder")
            .segment("folders")
            .param("folder_id", &self.folder_id)
            .segment("export")
            .download("*/*")
            .retry_policy(self.retry.clone())
    }
}
