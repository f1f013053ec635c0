//! How a service authorizes, as generated code says it: the `AUTH` constant its `Service`
//! impl hands the runtime, and the "Authorization" section of its module docs. Both are
//! written from the spec's `auth` alone.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::{prose, with_assumption};
use crate::ir::{Auth, AuthScheme, KeyPlace, Service};
use crate::spec::GrantSpec;

/// The `crate::runtime::Auth` value of a service.
pub fn constant(auth: &Auth) -> TokenStream {
    let scheme = match &auth.scheme {
        AuthScheme::None => quote!(crate::runtime::AuthScheme::None),
        AuthScheme::Basic => quote!(crate::runtime::AuthScheme::Basic),
        AuthScheme::Bearer { header, prefix } => {
            quote!(crate::runtime::AuthScheme::Bearer { header: #header, prefix: #prefix })
        }
        AuthScheme::ApiKey(KeyPlace::Header(name)) => {
            quote!(crate::runtime::AuthScheme::ApiKey(crate::runtime::KeyPlace::Header(#name)))
        }
        AuthScheme::ApiKey(KeyPlace::Query(name)) => {
            quote!(crate::runtime::AuthScheme::ApiKey(crate::runtime::KeyPlace::Query(#name)))
        }
    };
    let tokens = match &auth.tokens {
        None => quote!(None),
        Some(endpoint) => {
            let path = &endpoint.path;
            let grants = endpoint.grants.iter().map(|grant| match grant {
                GrantSpec::RefreshToken => quote!(crate::runtime::Grant::RefreshToken),
                GrantSpec::ClientCredentials => quote!(crate::runtime::Grant::ClientCredentials),
            });
            let rules = endpoint.refresh_on.iter().map(|(status, code)| {
                let status = super::number(*status);
                let code = match code {
                    Some(code) => quote!(Some(#code)),
                    None => quote!(None),
                };
                quote!(crate::runtime::RefreshOn { status: #status, code: #code })
            });
            quote! {
                Some(crate::runtime::TokenEndpoint {
                    path: #path,
                    grants: &[#(#grants),*],
                    refresh_on: &[#(#rules),*],
                })
            }
        }
    };
    quote!(crate::runtime::Auth { scheme: #scheme, tokens: #tokens })
}

/// The "Authorization" section of a service module's docs, without its heading.
pub fn doc(service: &Service) -> String {
    let auth = &service.auth;
    let mut doc = match &auth.scheme {
        AuthScheme::None => "Requests carry no credentials.".to_owned(),
        AuthScheme::Basic => {
            "Requests carry HTTP basic authentication: give the client a user name and \
                              password with [`Credentials::basic`]."
                .to_owned()
        }
        AuthScheme::ApiKey(KeyPlace::Header(header)) => format!(
            "Requests carry an API key in the `{header}` header: give the client the key with \
             [`Credentials::api_key`]."
        ),
        AuthScheme::ApiKey(KeyPlace::Query(name)) => format!(
            "Requests carry an API key in the `{name}` query parameter: give the client the key with \
             [`Credentials::api_key`]. It is left out of errors and traces, which do not show URLs' queries."
        ),
        AuthScheme::Bearer { header, prefix } => {
            let shown = if prefix.is_empty() {
                format!("`{header}: <access token>`")
            } else {
                format!("`{header}: {prefix} <access token>`")
            };
            bearer_doc(&shown, auth)
        }
    };
    if let Some(note) = &auth.doc {
        doc.push_str(&format!(" {}", prose(note)));
    }
    with_assumption(doc, auth.assumed.as_deref())
}

fn bearer_doc(shown: &str, auth: &Auth) -> String {
    let Some(endpoint) = &auth.tokens else {
        return format!(
            "Requests carry {shown}. Give the client a token with [`Credentials::access_token`]; it is \
             sent as is and never refreshed."
        );
    };
    let grants: Vec<&str> = endpoint
        .grants
        .iter()
        .map(|grant| match grant {
            GrantSpec::RefreshToken => {
                "refresh-token credentials with [`Credentials::refresh_token`]"
            }
            GrantSpec::ClientCredentials => {
                "an application's id and secret with [`Credentials::client_credentials`]"
            }
        })
        .collect();
    let rules: Vec<String> = endpoint
        .refresh_on
        .iter()
        .map(|(status, code)| match code {
            Some(code) => format!("`{status}` with the code `{code}`"),
            None => format!("`{status}`"),
        })
        .collect();
    let mut doc = format!(
        "Requests carry {shown}. Give the client a fixed token with [`Credentials::access_token`], or {}: \
         the client then fetches access tokens from the region's accounts host (`{}`) and caches them \
         until shortly before they expire.",
        grants.join(", or "),
        endpoint.path
    );
    if !rules.is_empty() {
        doc.push_str(&format!(
            " When the service answers {}, it fetches a new token and sends the request once more.",
            rules.join(" or ")
        ));
    }
    doc
}
