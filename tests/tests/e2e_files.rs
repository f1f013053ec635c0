//! End to end, over real HTTP to local servers: the `files` feature fixture. A form body,
//! multipart bodies whose file parts come from memory, a file or a stream (streamed, never
//! held whole; resent from the file on a retry, never resent from a stream), and downloads
//! handed over as byte streams held to the download size limit, with or without a
//! `Content-Length`.

mod e2e_support;

use std::io::Write as _;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use bytes::Bytes;
use fixture_clients::files::mock::MockServer as TypedMock;
use fixture_clients::files::{
    Client, ContactForm, Credentials, DocumentUpload, Error, FilePart, Labels, Priority,
    RetryPolicy,
};
use futures::StreamExt;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use e2e_support::*;

fn client_at(base_url: &str) -> fixture_clients::files::ClientBuilder {
    Client::builder()
        .base_url(base_url)
        .allow_insecure_http(true)
        .credentials(Credentials::access_token(TOKEN))
        .timeout(TIMEOUT)
}

/// A policy that would send a POST again after a `503`: what the streamed part must
/// refuse.
fn retrying_posts() -> RetryPolicy {
    RetryPolicy::default()
        .retry_non_idempotent(true)
        .backoff(Duration::from_millis(1), Duration::from_millis(2))
}

fn client_on(server: &MockServer) -> Client {
    client_at(&server.uri())
        .build()
        .expect("a valid client configuration")
}

/// One part of a received multipart body.
#[derive(Debug, PartialEq)]
struct ReceivedPart {
    headers: Vec<String>,
    content: Vec<u8>,
}

/// The parts of a received `multipart/form-data` body, split by the boundary its
/// `Content-Type` names.
fn parts_of(request: &wiremock::Request) -> Vec<ReceivedPart> {
    let content_type = request
        .headers
        .get("content-type")
        .and_then(|value| value.to_str().ok())
        .expect("a content type");
    let boundary = content_type
        .strip_prefix("multipart/form-data; boundary=")
        .unwrap_or_else(|| panic!("not a multipart body: {content_type}"));
    let delimiter = format!("--{boundary}").into_bytes();
    let body = &request.body;
    let mut starts = Vec::new();
    let mut at = 0;
    while let Some(found) = find(&body[at..], &delimiter) {
        starts.push(at + found);
        at += found + delimiter.len();
    }
    let ending = format!("--{boundary}--\r\n").into_bytes();
    assert!(
        body.ends_with(&ending),
        "the body ends with the closing boundary"
    );
    starts
        .windows(2)
        .map(|pair| {
            let part = &body[pair[0] + delimiter.len() + 2..pair[1] - 2];
            let split = find(part, b"\r\n\r\n").expect("headers, then the content");
            ReceivedPart {
                headers: String::from_utf8_lossy(&part[..split])
                    .split("\r\n")
                    .map(str::to_owned)
                    .collect(),
                content: part[split + 4..].to_vec(),
            }
        })
        .collect()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

fn disposition(name: &str, file_name: Option<&str>) -> String {
    match file_name {
        Some(file) => {
            format!("Content-Disposition: form-data; name=\"{name}\"; filename=\"{file}\"")
        }
        None => format!("Content-Disposition: form-data; name=\"{name}\""),
    }
}

fn created_document() -> ResponseTemplate {
    ResponseTemplate::new(201).set_body_json(json!({ "id": "d1", "title": "Q3" }))
}

#[tokio::test]
async fn a_form_body_is_sent_as_pairs_and_its_constraints_are_checked_first() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/contact"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({ "id": "t1" })))
        .mount(&server)
        .await;
    let client = client_on(&server);
    let mut form = ContactForm::new("Ada Lovelace", "ada@example.com");
    form.age = Some(36);
    form.subscribe = Some(true);
    form.priority = Some(Priority::High);
    form.topics = Some(vec!["billing & tax".into(), "api".into()]);
    let ticket = client
        .submit_contact_form(form)
        .send()
        .await
        .expect("the form is accepted");
    assert_eq!(ticket.id, "t1");

    let request = only_request(&server).await;
    assert_eq!(
        request.headers.get("content-type").map(|v| v.as_bytes()),
        Some(&b"application/x-www-form-urlencoded"[..])
    );
    assert_eq!(
        String::from_utf8_lossy(&request.body),
        "age=36&email=ada%40example.com&name=Ada+Lovelace&priority=high&subscribe=true\
         &topics=billing+%26+tax&topics=api"
    );

    let refused = client
        .submit_contact_form(ContactForm::new("A", "ada@example.com"))
        .send()
        .await
        .expect_err("a name under two characters");
    assert!(
        matches!(
            refused,
            Error::InvalidRequest {
                parameter: "name",
                ..
            }
        ),
        "{refused}"
    );
    assert_eq!(received(&server).await.len(), 1, "nothing more was sent");
}

#[tokio::test]
async fn a_multipart_body_has_a_part_per_field_in_order_and_an_exact_length() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/folders/f1/documents"))
        .respond_with(created_document())
        .mount(&server)
        .await;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let report = dir.path().join("report.pdf");
    let content: Vec<u8> = (0..3 * 1024 * 1024).map(|i| (i % 251) as u8).collect();
    std::fs::write(&report, &content).expect("the file is written");

    let mut upload = DocumentUpload::new(
        "Q3",
        FilePart::path(&report).content_type("application/pdf"),
    );
    upload.pages = Some(12);
    let mut labels = Labels::default();
    labels.color = Some("red".into());
    upload.labels = Some(labels);
    upload.attachments = Some(vec![
        FilePart::bytes("first").file_name("a.txt"),
        FilePart::bytes(Bytes::from_static(b"second")).file_name("b.txt"),
    ]);
    let document = client_on(&server)
        .upload_document("f1", upload)
        .send()
        .await
        .expect("the upload is accepted");
    assert_eq!(document.id, "d1");

    let request = only_request(&server).await;
    let length: usize = request
        .headers
        .get("content-length")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .expect("a Content-Length: every part's length is known");
    assert_eq!(length, request.body.len());
    assert!(request.headers.get("transfer-encoding").is_none());
    let parts = parts_of(&request);
    let names: Vec<&str> = parts.iter().map(|p| p.headers[0].as_str()).collect();
    assert_eq!(
        names,
        [
            disposition("title", None),
            disposition("pages", None),
            disposition("labels", None),
            disposition("file", Some("report.pdf")),
            disposition("attachments", Some("a.txt")),
            disposition("attachments", Some("b.txt")),
        ],
        "no part for the absent thumbnail"
    );
    assert_eq!(parts[0].content, b"Q3");
    assert_eq!(parts[1].content, b"12");
    assert_eq!(parts[2].headers[1], "Content-Type: application/json");
    assert_eq!(parts[2].content, br#"{"color":"red"}"#);
    assert_eq!(parts[3].headers[1], "Content-Type: application/pdf");
    assert!(parts[3].content == content, "the file arrives whole");
    assert_eq!(
        parts[4].headers[1],
        "Content-Type: application/octet-stream"
    );
    assert_eq!(parts[5].content, b"second");
}

#[tokio::test]
async fn a_part_from_a_file_is_read_again_for_a_retry() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(created_document())
        .mount(&server)
        .await;
    let mut file = tempfile::NamedTempFile::new().expect("a temporary file");
    file.write_all(b"the same bytes twice").expect("written");
    let client = client_at(&server.uri())
        .retry(retrying_posts())
        .build()
        .expect("a client");
    client
        .upload_document("f1", DocumentUpload::new("t", FilePart::path(file.path())))
        .send()
        .await
        .expect("the second attempt succeeds");
    let requests = received(&server).await;
    assert_eq!(requests.len(), 2);
    for request in &requests {
        assert_eq!(parts_of(request)[1].content, b"the same bytes twice");
    }
}

#[tokio::test]
async fn a_part_from_a_stream_is_sent_once_and_never_retried() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;
    let chunks = futures::stream::iter(["one ", "two ", "three"].map(|c| Ok(Bytes::from(c))));
    let part = FilePart::stream(chunks).file_name("words.txt");
    let client = client_at(&server.uri())
        .retry(retrying_posts())
        .build()
        .expect("a client");
    let failed = client
        .upload_document("f1", DocumentUpload::new("t", part.clone()))
        .send()
        .await
        .expect_err("the service is unavailable");
    assert!(
        matches!(failed, Error::UnexpectedStatus { status: 503, .. }),
        "{failed}"
    );
    let requests = received(&server).await;
    assert_eq!(requests.len(), 1, "a streamed body is not sent again");
    assert!(
        requests[0].headers.get("content-length").is_none(),
        "a stream of unknown length goes chunked"
    );
    assert_eq!(parts_of(&requests[0])[1].content, b"one two three");

    let again = client
        .upload_document("f1", DocumentUpload::new("t", part))
        .send()
        .await
        .expect_err("the stream was used up");
    assert!(
        matches!(&again, Error::InvalidRequest { parameter: "file", reason, .. } if reason.contains("sent once")),
        "{again}"
    );
    assert_eq!(received(&server).await.len(), 1, "nothing more was sent");
}

#[tokio::test]
async fn a_missing_file_fails_naming_it_before_anything_is_sent() {
    let server = MockServer::start().await;
    let failed = client_on(&server)
        .upload_document(
            "f1",
            DocumentUpload::new("t", FilePart::path("/no/such/report.pdf")),
        )
        .send()
        .await
        .expect_err("no such file");
    match &failed {
        Error::File { part, path, .. } => {
            assert_eq!(*part, "file");
            assert_eq!(
                path.as_deref(),
                Some(std::path::Path::new("/no/such/report.pdf"))
            );
        }
        other => panic!("expected Error::File, got {other}"),
    }
    assert!(
        failed.to_string().contains("/no/such/report.pdf"),
        "{failed}"
    );
    let cause = std::error::Error::source(&failed).expect("the system's error as the source");
    assert!(cause.downcast_ref::<std::io::Error>().is_some(), "{cause}");
    assert_nothing_sent(&server).await;
}

/// A listener on a free local port, and its base URL.
async fn listen() -> (TcpListener, String) {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a local port");
    let address = listener.local_addr().expect("an address");
    (listener, format!("http://{address}"))
}

/// The next connection, its request head read (the body, if any, left unread).
async fn accept_head(listener: &TcpListener) -> tokio::net::TcpStream {
    let (mut socket, _) = listener.accept().await.expect("a connection");
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        socket
            .read_exact(&mut byte)
            .await
            .expect("the request head");
        head.push(byte[0]);
    }
    socket
}

/// A server that answers one request after reading its headers only, then reads nothing
/// of the body until `release` fires, counts the body bytes it drained, and answers 201.
async fn slow_reader(
    release: tokio::sync::oneshot::Receiver<()>,
) -> (String, tokio::task::JoinHandle<usize>) {
    let (listener, base_url) = listen().await;
    let task = tokio::spawn(async move {
        let mut socket = accept_head(&listener).await;
        let _ = release.await;
        // Chunked: read until the last chunk's marker.
        let mut body = Vec::new();
        let mut buffer = vec![0u8; 64 * 1024];
        while !body.ends_with(b"\r\n0\r\n\r\n") {
            let n = socket.read(&mut buffer).await.expect("the body");
            assert!(n > 0, "the body ended early");
            body.extend_from_slice(&buffer[..n]);
        }
        let answer = "{\"id\":\"d1\",\"title\":\"t\"}";
        let response = format!(
            "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{answer}",
            answer.len()
        );
        socket
            .write_all(response.as_bytes())
            .await
            .expect("answered");
        body.len()
    });
    (base_url, task)
}

#[tokio::test]
async fn a_streamed_part_is_read_only_as_fast_as_it_is_sent() {
    const CHUNK: usize = 64 * 1024;
    const CHUNKS: usize = 512; // 32 MiB
    let produced = Arc::new(AtomicUsize::new(0));
    let counter = produced.clone();
    let chunks = futures::stream::iter(0..CHUNKS).map(move |_| {
        counter.fetch_add(CHUNK, Ordering::SeqCst);
        Ok(Bytes::from(vec![b'x'; CHUNK]))
    });
    let (release, released) = tokio::sync::oneshot::channel();
    let (base_url, server) = slow_reader(released).await;
    let client = client_at(&base_url)
        .timeout(Duration::from_secs(30))
        .build()
        .expect("a client");
    let upload = tokio::spawn(async move {
        client
            .upload_document("f1", DocumentUpload::new("t", FilePart::stream(chunks)))
            .send()
            .await
    });
    tokio::time::sleep(Duration::from_millis(500)).await;
    let before_release = produced.load(Ordering::SeqCst);
    assert!(
        before_release < 16 * 1024 * 1024,
        "with the server not reading, the client read {before_release} bytes of the stream: \
         it must wait for the connection, not read the file whole"
    );
    let _ = release.send(());
    upload
        .await
        .expect("the upload task")
        .expect("the upload is accepted");
    let drained = server.await.expect("the server task");
    assert_eq!(produced.load(Ordering::SeqCst), CHUNK * CHUNKS);
    assert!(drained > CHUNK * CHUNKS, "every byte reached the server");
}

#[tokio::test]
async fn a_download_is_a_stream_of_the_body_with_its_type_and_file_name() {
    let server = MockServer::start().await;
    let pdf: Vec<u8> = (0..200_000u32).map(|i| (i % 256) as u8).collect();
    Mock::given(method("GET"))
        .and(path("/documents/d1/content"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(pdf.clone(), "application/pdf")
                .insert_header(
                    "Content-Disposition",
                    "attachment; filename=\"../Q3 report.pdf\"",
                ),
        )
        .mount(&server)
        .await;
    let client = client_on(&server);
    let download = client
        .download_document("d1")
        .send()
        .await
        .expect("the download starts");
    assert_eq!(download.content_type(), Some("application/pdf"));
    assert_eq!(download.content_length(), Some(pdf.len() as u64));
    assert_eq!(download.file_name(), Some("Q3 report.pdf"));
    let mut stream = Box::pin(download.into_stream());
    let mut got = Vec::new();
    while let Some(chunk) = stream.next().await {
        got.extend_from_slice(&chunk.expect("a chunk"));
    }
    assert!(got == pdf, "the body arrives whole, in order");
    let request = only_request(&server).await;
    assert_eq!(
        request.headers.get("accept").map(|v| v.as_bytes()),
        Some(&b"application/pdf"[..]),
        "the spec's media type is asked for"
    );

    let dir = tempfile::tempdir().expect("a temporary folder");
    let target = dir.path().join("copy.pdf");
    let mut file = tokio::fs::File::create(&target).await.expect("created");
    let written = client
        .download_document("d1")
        .send()
        .await
        .expect("the download starts")
        .write_to(&mut file)
        .await
        .expect("written");
    assert_eq!(written, pdf.len() as u64);
    assert!(std::fs::read(&target).expect("read back") == pdf);
}

#[tokio::test]
async fn a_download_larger_than_its_content_length_allows_fails_at_once() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(vec![0u8; 10_000], "application/zip"))
        .mount(&server)
        .await;
    let client = client_at(&server.uri())
        .max_download_bytes(4_096)
        .build()
        .expect("a client");
    let failed = client
        .export_folder("f1")
        .send()
        .await
        .expect_err("10,000 bytes over a 4,096-byte limit");
    assert!(
        matches!(failed, Error::ResponseTooLarge { limit: 4_096, .. }),
        "{failed}"
    );
    let request = only_request(&server).await;
    assert_eq!(
        request.headers.get("accept").map(|v| v.as_bytes()),
        Some(&b"*/*"[..])
    );
}

/// A server that answers one request with a chunked body of `chunks`, sending each after
/// the client has the one before (signalled by `next`), so a test sees chunks as they come.
async fn chunked_server(chunks: Vec<Vec<u8>>, mut next: tokio::sync::mpsc::Receiver<()>) -> String {
    let (listener, base_url) = listen().await;
    tokio::spawn(async move {
        let mut socket = accept_head(&listener).await;
        let head = "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n";
        socket.write_all(head.as_bytes()).await.expect("the head");
        for chunk in chunks {
            let framed = [
                format!("{:x}\r\n", chunk.len()).into_bytes(),
                chunk,
                b"\r\n".to_vec(),
            ]
            .concat();
            if socket.write_all(&framed).await.is_err() {
                return;
            }
            let _ = socket.flush().await;
            if next.recv().await.is_none() {
                return;
            }
        }
        let _ = socket.write_all(b"0\r\n\r\n").await;
    });
    base_url
}

#[tokio::test]
async fn chunks_arrive_as_the_server_sends_them_until_the_limit_is_passed() {
    let (next, asked) = tokio::sync::mpsc::channel(8);
    let chunks = vec![vec![1u8; 3_000], vec![2u8; 3_000], vec![3u8; 3_000]];
    let base_url = chunked_server(chunks, asked).await;
    let client = client_at(&base_url)
        .max_download_bytes(8_000)
        .build()
        .expect("a client");
    let mut download = client
        .export_folder("f1")
        .send()
        .await
        .expect("no Content-Length: the download starts");
    assert_eq!(download.content_length(), None);
    // The server sends the second chunk only after this one arrived: the client does not
    // wait for the whole body.
    let first = download
        .chunk()
        .await
        .expect("a chunk")
        .expect("not the end");
    assert_eq!(first.len(), 3_000);
    next.send(()).await.expect("the server waits");
    let mut read = first.len();
    let failed = loop {
        match download.chunk().await {
            Ok(Some(chunk)) => {
                read += chunk.len();
                let _ = next.send(()).await;
            }
            Ok(None) => panic!("the body passed the limit at {read} bytes and still ended well"),
            Err(error) => break error,
        }
    };
    assert!(
        matches!(failed, Error::ResponseTooLarge { limit: 8_000, .. }),
        "{failed}"
    );
    assert!(
        read <= 8_000,
        "no chunk past the limit was handed over ({read} bytes)"
    );
}

#[tokio::test]
async fn a_failed_download_is_the_services_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(404)
                .set_body_json(json!({ "error": "NOT_FOUND", "message": "No such document" })),
        )
        .mount(&server)
        .await;
    let failed = client_on(&server)
        .download_document("nope")
        .send()
        .await
        .expect_err("not found");
    assert_eq!(
        failed.code(),
        Some(&fixture_clients::files::ErrorCode::NotFound),
        "{failed}"
    );
}

#[tokio::test]
async fn the_typed_mock_matches_parts_and_answers_downloads() {
    let mock = TypedMock::start().await;
    let client = mock.client().expect("a client of the mock");
    // Unexpected calls get the document's sample: the PDF's text, as the spec gives it.
    let sample = client
        .download_document("any")
        .send()
        .await
        .expect("the documented answer")
        .bytes()
        .await
        .expect("read");
    assert_eq!(&sample[..], b"%PDF-1.7 sample");

    mock.on(client.download_document("d1"))
        .respond_bytes(b"%PDF-1.7 typed".to_vec())
        .mount()
        .await;
    let typed = client
        .download_document("d1")
        .send()
        .await
        .expect("the expected answer");
    assert_eq!(typed.content_type(), Some("application/pdf"));
    assert_eq!(&typed.bytes().await.expect("read")[..], b"%PDF-1.7 typed");

    let upload =
        |title: &str| DocumentUpload::new(title, FilePart::bytes("content").file_name("r.pdf"));
    mock.on(client.upload_document("f1", upload("expected")))
        .respond(fixture_clients::files::Document::new("d9", "expected"))
        .times(1)
        .mount()
        .await;
    let matched = client
        .upload_document("f1", upload("expected"))
        .send()
        .await
        .expect("the expectation answers");
    assert_eq!(matched.id, "d9");
    // Another title is another call: it gets the mock's answer for calls nobody expects
    // (the document gives no sample answer, so a 501 saying so).
    let other = client
        .upload_document("f1", upload("another title"))
        .send()
        .await
        .expect_err("no expectation matches");
    assert!(
        matches!(other, Error::UnexpectedStatus { status: 501, .. }),
        "{other}"
    );
}
