//! `mod.rs` of a service module: the module's documentation, its regions, and the
//! `Client` with its builder.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::{cell, inner_doc_attrs, prose};
use super::{ident, rust_type, setter_arg};
use crate::ir::{Param, Service};
use crate::spec::AuthScheme;

/// The tokens of a service's `mod.rs`.
pub fn emit(service: &Service) -> TokenStream {
    let module_doc = inner_doc_attrs(&module_doc(service));
    let region = region(service);
    let client = client(service);
    quote! {
        #module_doc

        mod errors;
        mod operations;
        mod types;

        pub use errors::{Error, ErrorCode, Result};
        pub use operations::*;
        pub use types::*;
        pub use crate::runtime::{Credentials, RateLimitClock, RateLimitMode, RetryPolicy};

        #region
        #client
    }
}

fn module_doc(service: &Service) -> String {
    let mut doc = format!("# {}\n", prose(&service.title));
    if let Some(description) = &service.description {
        doc.push_str(&format!("\n{}\n", prose(description)));
    }
    doc.push_str(&format!(
        "\nGenerated from `{}`, which transcribes `{}`.",
        service.spec_file, service.source
    ));
    if let Some(url) = &service.docs_url {
        doc.push_str(&format!(" Documentation: <{url}>."));
    }
    doc.push_str("\n\n## Operations\n\n| Method | Request | Summary |\n|---|---|---|\n");
    for op in &service.operations {
        doc.push_str(&format!(
            "| [`Client::{}`] | `{} {}` | {} |\n",
            op.name,
            op.method,
            op.path,
            cell(&op.summary)
        ));
    }
    doc.push_str("\n## Authorization\n\n");
    doc.push_str(match service.auth.scheme {
        AuthScheme::ZohoOauth => {
            "Requests carry `Authorization: Zoho-oauthtoken <access token>`. Give the client a fixed token with \
             [`Credentials::access_token`], or a refresh token with [`Credentials::zoho_refresh_token`]: the client \
             then fetches access tokens from the region's accounts host, caches them until shortly before they \
             expire, and refreshes once when the service reports an invalid token."
        }
        AuthScheme::Bearer => {
            "Requests carry `Authorization: Bearer <access token>`. Give the client a fixed token with \
             [`Credentials::access_token`], or an application's id and secret with \
             [`Credentials::client_credentials`]: the client then fetches and caches access tokens itself."
        }
    });
    if let Some(note) = &service.auth.doc {
        doc.push_str(&format!(" {}", prose(note)));
    }
    doc.push_str("\n\n## Regions\n\n| Region | API host | Accounts host |\n|---|---|---|\n");
    for region in &service.regions {
        doc.push_str(&format!(
            "| [`Region::{}`]{} | <{}> | {} |\n",
            region.variant,
            region
                .doc
                .as_deref()
                .map(|d| format!(" ({})", cell(d)))
                .unwrap_or_default(),
            region.api,
            region
                .accounts
                .as_deref()
                .map(|a| format!("<{a}>"))
                .unwrap_or_else(|| "none".into())
        ));
    }
    doc
}

fn region(service: &Service) -> TokenStream {
    let variants = service.regions.iter().map(|r| {
        let variant = format_ident!("{}", r.variant);
        let doc = format!(
            " {} (`{}`).",
            r.doc.as_deref().map(prose).unwrap_or_else(|| r.key.clone()),
            r.api
        );
        let default = (r.variant == service.default_region).then(|| quote!(#[default]));
        quote!(#[doc = #doc] #default #variant,)
    });
    let all = service
        .regions
        .iter()
        .map(|r| format_ident!("{}", r.variant));
    let count = service.regions.len();
    let api = service.regions.iter().map(|r| {
        let variant = format_ident!("{}", r.variant);
        let url = &r.api;
        quote!(Self::#variant => #url,)
    });
    let accounts = service.regions.iter().map(|r| {
        let variant = format_ident!("{}", r.variant);
        match &r.accounts {
            Some(url) => quote!(Self::#variant => Some(#url),),
            None => quote!(Self::#variant => None,),
        }
    });
    quote! {
        /// The data centers the service runs in; each has its own API and accounts hosts.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        #[non_exhaustive]
        pub enum Region {
            #(#variants)*
        }

        impl Region {
            /// Every region, in the spec's order.
            pub const ALL: [Region; #count] = [#(Region::#all),*];

            /// The base URL of the region's API host.
            pub fn api_url(self) -> &'static str {
                match self {
                    #(#api)*
                }
            }

            /// The base URL of the region's OAuth accounts host.
            pub fn accounts_url(self) -> Option<&'static str> {
                match self {
                    #(#accounts)*
                }
            }
        }
    }
}

fn client(service: &Service) -> TokenStream {
    let module = &service.module;
    let scheme = match service.auth.scheme {
        AuthScheme::ZohoOauth => quote!(crate::runtime::AuthScheme::ZohoOauthToken),
        AuthScheme::Bearer => quote!(crate::runtime::AuthScheme::Bearer),
    };
    let token_path = match &service.auth.token_path {
        Some(path) => quote!(Some(#path)),
        None => quote!(None),
    };
    // The documented media type first; plain JSON as well, which every service also sends.
    let accept = if service.response_content_type == "application/json" {
        "application/json".to_owned()
    } else {
        format!("{}, application/json", service.response_content_type)
    };
    let rate_limits = rate_limits(service);
    let common_fields = service.common_params.iter().map(|p| {
        let field = ident(&p.rust_name);
        let ty = rust_type(&p.ty);
        quote!(#field: Option<#ty>,)
    });
    let common_setters = service.common_params.iter().map(common_setter);
    let common_query = service.common_params.iter().map(|p| {
        let field = ident(&p.rust_name);
        let wire = &p.wire;
        quote! {
            if let Some(value) = &self.#field {
                config.common_query.push((#wire, value.to_string()));
            }
        }
    });
    quote! {
        /// A client for the service. Cheap to clone; clones share connections and tokens.
        #[derive(Debug, Clone)]
        pub struct Client {
            transport: crate::runtime::Transport,
        }

        impl Client {
            /// Starts configuring a client: region, credentials, timeouts, ...
            pub fn builder() -> ClientBuilder {
                ClientBuilder::default()
            }

            pub(crate) fn transport(&self) -> &crate::runtime::Transport {
                &self.transport
            }
        }

        /// Configures a [`Client`]. Every setting has a default except the credentials.
        #[derive(Debug, Clone, Default)]
        #[must_use = "call `.build()` to get a client"]
        pub struct ClientBuilder {
            region: Region,
            base_url: Option<String>,
            accounts_url: Option<String>,
            credentials: Option<Credentials>,
            timeout: Option<std::time::Duration>,
            connect_timeout: Option<std::time::Duration>,
            user_agent: Option<String>,
            http: Option<reqwest::Client>,
            retry: Option<RetryPolicy>,
            total_timeout: Option<std::time::Duration>,
            rate_limit_mode: Option<RateLimitMode>,
            rate_limit_clock: Option<RateLimitClock>,
            allow_insecure_http: bool,
            max_response_bytes: Option<usize>,
            #(#common_fields)*
        }

        impl ClientBuilder {
            /// The data center to talk to; it chooses both the API host and the accounts host.
            pub fn region(mut self, region: Region) -> Self {
                self.region = region;
                self
            }

            /// Sends requests to this base URL instead of the region's API host (a proxy, a test server).
            pub fn base_url(mut self, url: impl Into<String>) -> Self {
                self.base_url = Some(url.into());
                self
            }

            /// Fetches tokens from this base URL instead of the region's accounts host.
            pub fn accounts_url(mut self, url: impl Into<String>) -> Self {
                self.accounts_url = Some(url.into());
                self
            }

            /// How requests are authorized.
            pub fn credentials(mut self, credentials: Credentials) -> Self {
                self.credentials = Some(credentials);
                self
            }

            /// The longest one attempt may take, response body included. Default 30 seconds.
            pub fn timeout(mut self, timeout: std::time::Duration) -> Self {
                self.timeout = Some(timeout);
                self
            }

            /// The longest a call may take in all, retries and the waits between them
            /// included. Default 120 seconds.
            pub fn total_timeout(mut self, timeout: std::time::Duration) -> Self {
                self.total_timeout = Some(timeout);
                self
            }

            /// How failed attempts are retried. Default: 3 attempts with exponential
            /// backoff and jitter, idempotent requests only; `RetryPolicy::none()` turns
            /// retrying off. A request's own `.retry(...)` overrides it.
            pub fn retry(mut self, policy: RetryPolicy) -> Self {
                self.retry = Some(policy);
                self
            }

            /// What a request does when the service's documented rate limit has no room:
            /// wait for it (the default) or fail at once with `Error::RateLimited`.
            pub fn rate_limit_mode(mut self, mode: RateLimitMode) -> Self {
                self.rate_limit_mode = Some(mode);
                self
            }

            /// The clock the documented rate limits keep time by: the real one (the default),
            /// or `RateLimitClock::simulated()` to see how a workload meets the limits
            /// without waiting.
            pub fn rate_limit_clock(mut self, clock: RateLimitClock) -> Self {
                self.rate_limit_clock = Some(clock);
                self
            }

            /// Accepts plain `http://` base and accounts URLs, for a local test server.
            /// Off by default: `build()` refuses them, so tokens never cross a network unencrypted.
            pub fn allow_insecure_http(mut self, allow: bool) -> Self {
                self.allow_insecure_http = allow;
                self
            }

            /// The largest response body the client reads; a larger one fails with
            /// `Error::ResponseTooLarge`. Default 16 MiB.
            pub fn max_response_bytes(mut self, limit: usize) -> Self {
                self.max_response_bytes = Some(limit);
                self
            }

            /// The longest connecting may take. Default 10 seconds.
            pub fn connect_timeout(mut self, timeout: std::time::Duration) -> Self {
                self.connect_timeout = Some(timeout);
                self
            }

            /// The `User-Agent` header. Default `org-clients/<version>`.
            pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
                self.user_agent = Some(user_agent.into());
                self
            }

            /// Sends requests with this `reqwest` client (its own timeouts and proxies apply).
            pub fn http_client(mut self, http: reqwest::Client) -> Self {
                self.http = Some(http);
                self
            }

            #(#common_setters)*

            /// Checks the settings and builds the client.
            pub fn build(self) -> Result<Client> {
                let base_url = self.base_url.unwrap_or_else(|| self.region.api_url().to_owned());
                let mut config = crate::runtime::TransportConfig::new(#module, base_url, #scheme);
                config.accounts_url = self.accounts_url.or_else(|| self.region.accounts_url().map(str::to_owned));
                config.token_path = #token_path;
                config.credentials = self.credentials;
                config.http = self.http;
                config.error_shape = errors::ERROR_SHAPE;
                config.accept = #accept;
                if let Some(timeout) = self.timeout {
                    config.timeout = timeout;
                }
                if let Some(timeout) = self.connect_timeout {
                    config.connect_timeout = timeout;
                }
                if let Some(timeout) = self.total_timeout {
                    config.total_timeout = timeout;
                }
                if let Some(policy) = self.retry {
                    config.retry = policy;
                }
                if let Some(mode) = self.rate_limit_mode {
                    config.rate_limit_mode = mode;
                }
                if let Some(clock) = self.rate_limit_clock {
                    config.rate_limit_clock = clock;
                }
                config.allow_insecure_http = self.allow_insecure_http;
                if let Some(limit) = self.max_response_bytes {
                    config.max_response_bytes = limit;
                }
                #rate_limits
                if let Some(user_agent) = self.user_agent {
                    config.user_agent = user_agent;
                }
                #(#common_query)*
                Ok(Client { transport: crate::runtime::Transport::new::<ErrorCode>(config)? })
            }
        }
    }
}

/// `config.rate_limits = vec![...]`: each limit the operations name, once.
fn rate_limits(service: &Service) -> TokenStream {
    let mut seen = Vec::new();
    let limits: Vec<TokenStream> = service
        .operations
        .iter()
        .filter_map(|op| op.rate_limit.as_ref())
        .filter(|limit| {
            let new = !seen.contains(&limit.name);
            seen.push(limit.name.clone());
            new
        })
        .map(|limit| {
            let name = &limit.name;
            let requests = limit.requests;
            let per = u64::from(limit.per_seconds);
            let lock = match limit.lock_seconds {
                Some(seconds) => {
                    let seconds = u64::from(seconds);
                    quote!(Some(std::time::Duration::from_secs(#seconds)))
                }
                None => quote!(None),
            };
            quote! {
                crate::runtime::RateLimit {
                    name: #name,
                    requests: #requests,
                    per: std::time::Duration::from_secs(#per),
                    lock: #lock,
                }
            }
        })
        .collect();
    if limits.is_empty() {
        quote!()
    } else {
        quote!(config.rate_limits = vec![#(#limits),*];)
    }
}

fn common_setter(param: &Param) -> TokenStream {
    let field = ident(&param.rust_name);
    let (arg_ty, convert) = setter_arg(&param.ty, &field);
    let doc = format!(
        " Sends `{}` with every request. {}",
        param.wire,
        param.doc.as_deref().map(prose).unwrap_or_default()
    );
    quote! {
        #[doc = #doc]
        pub fn #field(mut self, #field: #arg_ty) -> Self {
            self.#field = Some(#convert);
            self
        }
    }
}
