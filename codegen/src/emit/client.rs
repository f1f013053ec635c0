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
    let reexports = crate::ir::names::REEXPORTS
        .iter()
        .map(|name| format_ident!("{}", name));
    quote! {
        #module_doc

        mod errors;
        mod operations;
        mod types;

        pub use errors::{Error, ErrorCode, Result};
        pub use operations::*;
        pub use types::*;
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
            const AUTH_SCHEME: crate::runtime::AuthScheme = #scheme;
            const TOKEN_PATH: Option<&'static str> = #token_path;
            const ACCEPT: &'static str = #accept;
            const ERROR_SHAPE: Option<crate::runtime::ErrorShape> = errors::ERROR_SHAPE;
            const RATE_LIMITS: &'static [crate::runtime::RateLimit] = #rate_limits;
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
        });
    quote!(&[#(#limits),*])
}

fn common_setter(param: &Param) -> TokenStream {
    let field = ident(&param.rust_name);
    let wire = &param.wire;
    let (arg_ty, convert) = setter_arg(&param.ty, &field);
    let stored = rust_type(&param.ty);
    let doc = format!(
        " Sends `{}` with every request. {}",
        param.wire,
        param.doc.as_deref().map(prose).unwrap_or_default()
    );
    quote! {
        #[doc = #doc]
        pub fn #field(mut self, #field: #arg_ty) -> Self {
            let value: #stored = #convert;
            self.settings.common_query(#wire, value);
            self
        }
    }
}
