//! https end to end: a TLS server on this machine with a certificate made for the test.
//! The runtime's own client must complete the handshake with a server it trusts, send the
//! request inside it, and refuse a server whose certificate it does not trust. Nothing
//! here installs a rustls crypto provider for the client: the runtime must.

mod support;

use std::net::SocketAddr;
use std::sync::Arc;

use client_runtime::{
    Credentials, Request, RetryPolicy, Transport, TransportConfig, http_client_builder, reqwest,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::ServerConfig;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

use support::{BEARER, Error, TestCode};

/// What the server saw of one connection: the request head, or why the handshake failed.
type Seen = Result<String, String>;

/// A TLS server for `localhost` on a free local port that answers one connection with
/// `{"ok":true}`; its certificate in PEM, and what it saw.
async fn tls_server() -> (SocketAddr, String, JoinHandle<Seen>) {
    let made = rcgen::generate_simple_self_signed(vec!["localhost".to_owned()])
        .expect("a self-signed certificate");
    let cert_pem = made.cert.pem();
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(made.signing_key.serialize_der()));
    // The server names its provider rather than installing a process default, so that
    // the client's side is left to the runtime.
    let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
    let config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_no_client_auth()
        .with_single_cert(vec![CertificateDer::from(made.cert.der().to_vec())], key)
        .expect("a server config");
    let acceptor = TlsAcceptor::from(Arc::new(config));
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a local port");
    let addr = listener.local_addr().expect("its address");
    let served = tokio::spawn(async move {
        let (tcp, _) = listener.accept().await.map_err(|e| e.to_string())?;
        let mut tls = acceptor.accept(tcp).await.map_err(|e| e.to_string())?;
        let mut head = Vec::new();
        let mut chunk = [0u8; 1024];
        while !head.windows(4).any(|w| w == b"\r\n\r\n") {
            let read = tls.read(&mut chunk).await.map_err(|e| e.to_string())?;
            if read == 0 {
                break;
            }
            head.extend_from_slice(&chunk[..read]);
        }
        let body = br#"{"ok":true}"#;
        let answer = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\
             connection: close\r\n\r\n",
            body.len()
        );
        tls.write_all(answer.as_bytes())
            .await
            .map_err(|e| e.to_string())?;
        tls.write_all(body).await.map_err(|e| e.to_string())?;
        tls.shutdown().await.map_err(|e| e.to_string())?;
        Ok(String::from_utf8_lossy(&head).into_owned())
    });
    (addr, cert_pem, served)
}

/// A transport to `https://localhost:<port>`, with `http` as its client when given.
fn transport(addr: SocketAddr, http: Option<reqwest::Client>) -> Transport {
    let base_url = format!("https://localhost:{}", addr.port());
    let mut config = TransportConfig::new("test_service", base_url, BEARER);
    config.credentials = Some(Credentials::access_token("tok-123"));
    config.retry = RetryPolicy::none();
    config.http = http;
    Transport::new::<TestCode>(config).expect("valid config")
}

async fn get(transport: &Transport) -> Result<client_runtime::Response, Error> {
    transport
        .execute(Request::new(reqwest::Method::GET, "list_things").segment("things"))
        .await
}

#[tokio::test]
async fn https_reaches_a_server_whose_certificate_the_client_trusts() {
    let (addr, cert_pem, served) = tls_server().await;
    let cert = reqwest::Certificate::from_pem(cert_pem.as_bytes()).expect("a PEM certificate");
    let http = http_client_builder()
        .tls_certs_only([cert])
        .resolve("localhost", addr)
        .build()
        .expect("an HTTP client");

    let response = get(&transport(addr, Some(http)))
        .await
        .expect("200 over https");

    assert_eq!(response.status, 200);
    let head = served
        .await
        .expect("the server ran")
        .expect("a TLS session");
    assert!(head.starts_with("GET /things HTTP/1.1\r\n"), "{head}");
    assert!(
        head.to_ascii_lowercase()
            .contains("authorization: bearer tok-123"),
        "{head}"
    );
}

#[tokio::test]
async fn the_runtimes_own_client_refuses_a_certificate_it_does_not_trust() {
    let (addr, _, served) = tls_server().await;

    // No client given: the one `Transport::new` builds, with the usual root certificates.
    let error = get(&transport(addr, None))
        .await
        .expect_err("an untrusted certificate");

    let Error::Transport { source, .. } = &error else {
        panic!("expected a transport error, got {error:?}");
    };
    let mut chain = source.to_string();
    let mut cause = std::error::Error::source(source);
    while let Some(inner) = cause {
        chain.push_str(&format!(": {inner}"));
        cause = inner.source();
    }
    assert!(chain.to_lowercase().contains("certificate"), "{chain}");
    // The handshake was made, and failed on the certificate: no request was sent.
    let seen = served.await.expect("the server ran");
    assert!(seen.is_err(), "{seen:?}");
}
