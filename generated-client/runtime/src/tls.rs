//! The TLS the runtime's HTTP clients speak: rustls on the `ring` crypto provider, unless a
//! cargo feature picks another (`rustls-aws-lc-rs`, or `native-tls` for the platform's own).
//!
//! reqwest is built without a provider of its own (`rustls-no-provider`): it takes the
//! process's default rustls provider when it builds a client, and panics when there is
//! none. [`http_client_builder`] installs `ring` as that default first, unless the program
//! has installed one already; every client the runtime builds starts there.

/// A `reqwest::ClientBuilder` whose clients speak https: start here to build the client you
/// hand to a generated builder's `http_client(...)` (to trust your own root certificates,
/// set a proxy or share a connection pool).
///
/// It installs rustls' `ring` provider as the process's default when no default is
/// installed yet (with the `rustls-aws-lc-rs` feature it leaves that to reqwest, which then
/// uses aws-lc-rs). A program that installs its own provider, before or after, keeps it.
pub fn http_client_builder() -> reqwest::ClientBuilder {
    install_default_provider();
    reqwest::Client::builder()
}

/// Makes `ring` the process's default rustls provider, unless one is installed already.
fn install_default_provider() {
    #[cfg(not(feature = "rustls-aws-lc-rs"))]
    if rustls::crypto::CryptoProvider::get_default().is_none() {
        // Another thread may install one between the check and here; then its provider is
        // the default, which is as good.
        let _ = rustls::crypto::ring::default_provider().install_default();
    }
}
