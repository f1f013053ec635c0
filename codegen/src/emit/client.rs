//! `mod.rs` of a service module: the module's documentation, its regions, and the
//! `Client` with its builder.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::{assumption, cell, doc_attrs, inner_doc_attrs, prose, with_assumption};
use super::{ident, rust_type, setter_arg};
use crate::ir::{Param, Service};
use crate::spec::ParamLocation;

/// The tokens of a service's `mod.rs`.
pub fn emit(service: &Service) -> TokenStream {
    let module_doc = inner_doc_attrs(&module_doc(service));
    let region = region(service);
    let client = client(service);
    let (waiters_mod, waiters_use) = if service.waiters.is_empty() {
        (None, None)
    } else {
        (
            Some(quote!(
                mod waiters;
            )),
            Some(quote!(
                pub use waiters::*;
            )),
        )
    };
    let reexports = crate::ir::names::REEXPORTS
        .iter()
        .map(|name| format_ident!("{}", name));
    quote! {
        #module_doc

        mod errors;
        #[cfg(feature = "mock")]
        pub mod mock;
        mod operations;
        mod types;
        #waiters_mod

        pub use errors::{Download, Error, ErrorCode, Result};
        pub use operations::*;
        pub use types::*;
        #waiters_use
        pub use crate::runtime::{#(#reexports),*};

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
    doc.push_str(&super::auth::doc(service));
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
    // One note per distinct assumption, naming the regions it is about.
    let mut notes: Vec<(&str, Vec<String>)> = Vec::new();
    for region in &service.regions {
        let Some(assumed) = region.assumed.as_deref() else {
            continue;
        };
        let variant = format!("[`Region::{}`]", region.variant);
        match notes.iter_mut().find(|(note, _)| *note == assumed) {
            Some((_, regions)) => regions.push(variant),
            None => notes.push((assumed, vec![variant])),
        }
    }
    for (note, regions) in notes {
        doc.push_str(&format!("\n{}: {}\n", regions.join(", "), assumption(note)));
    }
    doc.push_str(&rate_limits_doc(service));
    doc.push_str(
        "\n\n## Testing without credentials\n\n\
         With the crate's `mock` feature, the module `mock` has a local mock of the service: \
         its `MockServer` answers every operation with its document's sample, takes typed \
         expectations (this call, with these arguments, answers this payload, error, page \
         sequence or fault), and fails the test when one is left unmet.",
    );
    doc
}

/// The module docs' "Rate limits" section: what the client keeps before sending.
fn rate_limits_doc(service: &Service) -> String {
    let governed = |limit: &crate::ir::RateLimit| -> Vec<String> {
        service
            .operations
            .iter()
            .filter(|op| op.rate_limit.as_ref().is_some_and(|l| l.name == limit.name))
            .map(|op| format!("[`Client::{}`]", op.name))
            .collect()
    };
    let mut lines = Vec::new();
    for limit in &service.rate_limits {
        let operations = governed(limit);
        if operations.is_empty() {
            continue;
        }
        let mut line = format!(
            "- `{}`: {} requests in any {} seconds, all at once if need be",
            limit.name, limit.requests, limit.per_seconds
        );
        if let Some(lock) = limit.lock_seconds {
            line.push_str(&format!(
                "; after a `429`, nothing is sent under it for the {lock}-second lock"
            ));
        }
        line.push_str(&format!(", shared by {}.", operations.join(", ")));
        if let Some(assumed) = &limit.assumed {
            line.push_str(&format!(" {}", assumption(assumed)));
        }
        lines.push(line);
    }
    if let Some(headers) = &service.rate_limit_headers {
        let wait = match &headers.retry_after {
            Some(header) => format!(
                "the seconds `{header}` gives (or {} without it)",
                headers.window_seconds
            ),
            None => format!("{} seconds", headers.window_seconds),
        };
        let mut line = format!(
            "- The service says in `{}` how many requests are left; when that reaches 0, every \
             request waits {wait}.",
            headers.remaining
        );
        if let Some(note) = &headers.doc {
            line.push_str(&format!(" {}", prose(note)));
        }
        if let Some(assumed) = &headers.assumed {
            line.push_str(&format!(" {}", assumption(assumed)));
        }
        lines.push(line);
    }
    if lines.is_empty() {
        return String::new();
    }
    format!(
        "\n## Rate limits\n\nKept before a request leaves; [`Client::rate_limit_status`] shows \
         where they stand.\n\n{}\n",
        lines.join("\n")
    )
}

fn region(service: &Service) -> TokenStream {
    let variants = service.regions.iter().map(|r| {
        let variant = format_ident!("{}", r.variant);
        let doc = doc_attrs(&with_assumption(
            format!(
                "{} (`{}`).",
                r.doc.as_deref().map(prose).unwrap_or_else(|| r.key.clone()),
                r.api
            ),
            r.assumed.as_deref(),
        ));
        let default = (r.variant == service.default_region).then(|| quote!(#[default]));
        quote!(#doc #default #variant,)
    });
    let all = service
        .regions
        .iter()
        .map(|r| format_ident!("{}", r.variant));
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
            /// Every region, in the spec's order. A slice rather than an array, so that a
            /// new region does not change the constant's type.
            pub const ALL: &'static [Region] = &[#(Region::#all),*];

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
    let marker = format_ident!("{}", marker_name(service));
    let auth = super::auth::constant(&service.auth);
    // The documented media type first; plain JSON as well, which every service also sends.
    let accept = if service.response_content_type == "application/json" {
        "application/json".to_owned()
    } else {
        format!("{}, application/json", service.response_content_type)
    };
    let rate_limits = rate_limits(service);
    let rate_limit_headers = service.rate_limit_headers.as_ref().map(|headers| {
        let remaining = &headers.remaining;
        let retry_after = match &headers.retry_after {
            Some(header) => quote!(Some(#header)),
            None => quote!(None),
        };
        let window = super::number(headers.window_seconds);
        quote! {
            const RATE_LIMIT_HEADERS: Option<crate::runtime::RateLimitHeaders> =
                Some(crate::runtime::RateLimitHeaders {
                    remaining: #remaining,
                    retry_after: #retry_after,
                    window: std::time::Duration::from_secs(#window),
                });
        }
    });
    let common_setters = service.common_params.iter().map(common_setter);
    let marker_doc = format!(
        " The {} service, as the shared client builder sees it.",
        prose(&service.title)
    );
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

            /// The documented rate limits now (requests used in the current window, a lock
            /// after a `429`, when the next request may go) and what the service's answers
            /// last said about its limit.
            pub fn rate_limit_status(&self) -> crate::runtime::RateLimitStatus {
                self.transport.rate_limit_status()
            }

            pub(crate) fn transport(&self) -> &crate::runtime::Transport {
                &self.transport
            }
        }

        #[doc = #marker_doc]
        #[derive(Debug, Clone, Copy, Default)]
        pub struct #marker;

        impl crate::runtime::Service for #marker {
            type Region = Region;
            type Code = ErrorCode;
            const NAME: &'static str = #module;
            const AUTH: crate::runtime::Auth = #auth;
            const ACCEPT: &'static str = #accept;
            const ERROR_SHAPE: Option<crate::runtime::ErrorShape> = errors::ERROR_SHAPE;
            const RATE_LIMITS: &'static [crate::runtime::RateLimit] = #rate_limits;
            #rate_limit_headers
            const USER_AGENT: &'static str = concat!(env!("CARGO_PKG_NAME"), "/", env!("CARGO_PKG_VERSION"));

            fn api_url(region: Region) -> &'static str {
                region.api_url()
            }

            fn accounts_url(region: Region) -> Option<&'static str> {
                region.accounts_url()
            }
        }

        /// Configures a [`Client`]: region, credentials, timeouts, retries, rate limits, and
        /// the parameters the service sends with every request.
        #[derive(Debug, Clone, Default)]
        #[must_use = "call `.build()` to get a client"]
        pub struct ClientBuilder {
            settings: crate::runtime::ClientSettings<#marker>,
        }

        impl ClientBuilder {
            crate::runtime::client_builder_settings!(Region);

            #(#common_setters)*

            /// Checks the settings and builds the client.
            pub fn build(self) -> Result<Client> {
                Ok(Client { transport: self.settings.into_transport()? })
            }
        }
    }
}

/// The marker type of a service (`ZohoCrm`).
pub(crate) fn marker_name(service: &Service) -> String {
    crate::ir::names::marker_name(&service.module)
}

/// `&[RateLimit { .. }, ..]`: each limit the operations name, once.
fn rate_limits(service: &Service) -> TokenStream {
    let mut seen = Vec::new();
    let limits = service
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
            let requests = super::number(limit.requests);
            let per = super::number(limit.per_seconds);
            let lock = match limit.lock_seconds {
                Some(seconds) => {
                    let seconds = super::number(seconds);
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
        });
    quote!(&[#(#limits),*])
}

fn common_setter(param: &Param) -> TokenStream {
    let field = ident(&param.rust_name);
    let wire = &param.wire;
    let (arg_ty, convert) = setter_arg(&param.ty, &field);
    let stored = rust_type(&param.ty);
    let (place, send) = match param.location {
        ParamLocation::Header => ("header", quote!(common_header)),
        _ => ("query parameter", quote!(common_query)),
    };
    let doc = doc_attrs(&with_assumption(
        format!(
            "Sends the {place} `{}` with every request. {}",
            param.wire,
            param.doc.as_deref().map(prose).unwrap_or_default()
        ),
        param.assumed.as_deref(),
    ));
    quote! {
        #doc
        pub fn #field(mut self, #field: #arg_ty) -> Self {
            let value: #stored = #convert;
            self.settings.#send(#wire, value);
            self
        }
    }
}
