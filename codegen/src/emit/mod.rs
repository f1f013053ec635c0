//! Emitters: IR to token streams, one emitter per generated file of a service module,
//! and the crate's `lib.rs`. Rendering to text is [`crate::render`]'s job.

mod client;
mod docs;
mod errors;
mod operations;
mod types;

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use crate::ir::{RustType, Service};
use crate::render::{self, GeneratedFile};

/// Every file of the generated crate that comes from the specs: `lib.rs` and, per
/// service, `mod.rs`, `types.rs`, `errors.rs` and `operations.rs`, in a stable order.
pub fn crate_files(services: &[Service]) -> Result<Vec<GeneratedFile>, String> {
    let mut files = vec![render::render("lib.rs", "specs/", lib(services))?];
    for service in services {
        let module = &service.module;
        let source = &service.spec_file;
        files.push(render::render(
            &format!("{module}/mod.rs"),
            source,
            client::emit(service),
        )?);
        files.push(render::render(
            &format!("{module}/errors.rs"),
            source,
            errors::emit(service),
        )?);
        files.push(render::render(
            &format!("{module}/operations.rs"),
            source,
            operations::emit(service),
        )?);
        files.push(render::render(
            &format!("{module}/types.rs"),
            source,
            types::emit(service),
        )?);
    }
    Ok(files)
}

fn lib(services: &[Service]) -> TokenStream {
    let mut table = String::from("| Module | Service | Feature |\n|---|---|---|\n");
    for s in services {
        table.push_str(&format!(
            "| [`{0}`] | {1} | `{0}` |\n",
            s.module,
            docs::cell(&s.title)
        ));
    }
    let doc = docs::inner_doc_attrs(&format!(
        "Typed clients for {}, generated from the specs in `specs/` by `cargo xtask codegen`.\n\n\
         Each service is a module behind a cargo feature of the same name (all on by default):\n\n{table}\n\
         The hand-written [`runtime`] sends requests, authorizes them, decodes responses and pages lists.",
        services
            .iter()
            .map(|s| s.title.clone())
            .collect::<Vec<_>>()
            .join(", ")
    ));
    let modules = services.iter().map(|s| {
        let module = format_ident!("{}", s.module);
        let feature = &s.module;
        quote! {
            #[cfg(feature = #feature)]
            #[rustfmt::skip]
            pub mod #module;
        }
    });
    quote! {
        #doc
        #![forbid(unsafe_code)]
        #![warn(missing_docs)]

        pub mod runtime;

        #(#modules)*
    }
}

/// An identifier, raw (`r#type`) when the name says so.
pub(crate) fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// The Rust type of a value.
pub(crate) fn rust_type(ty: &RustType) -> TokenStream {
    match ty {
        RustType::String => quote!(String),
        RustType::Integer => quote!(i64),
        RustType::Number => quote!(f64),
        RustType::Boolean => quote!(bool),
        RustType::Json => quote!(serde_json::Value),
        RustType::Named(name) => {
            let name = format_ident!("{}", name);
            quote!(#name)
        }
        RustType::List(item) => {
            let item = rust_type(item);
            quote!(Vec<#item>)
        }
    }
}

/// The type of a field or parameter: optional ones are `Option`s.
pub(crate) fn field_type(ty: &RustType, required: bool) -> TokenStream {
    let ty = rust_type(ty);
    if required { ty } else { quote!(Option<#ty>) }
}

/// How a setter or argument takes a value, and how it is stored: strings as `impl Into<String>`.
pub(crate) fn setter_arg(ty: &RustType, name: &Ident) -> (TokenStream, TokenStream) {
    match ty {
        RustType::String => (quote!(impl Into<String>), quote!(#name.into())),
        other => (rust_type(other), quote!(#name)),
    }
}

/// "a string", "an integer", ... for docs.
pub(crate) fn describe(ty: &RustType) -> String {
    match ty {
        RustType::String => "a string".into(),
        RustType::Integer => "an integer".into(),
        RustType::Number => "a number".into(),
        RustType::Boolean => "a boolean".into(),
        RustType::Json => "any JSON value".into(),
        RustType::Named(name) => format!("a [`{name}`]"),
        RustType::List(item) => format!(
            "a list of {}",
            describe(item)
                .trim_start_matches("a ")
                .trim_start_matches("an ")
        ),
    }
}
