//! `mock.rs` of a service module, behind the generated crate's `mock` feature: the
//! service's operations described for the runtime's mock server (`crate::runtime::mock`),
//! each request builder tied to its answer, and the module's documentation with an example
//! that runs as a doc test.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::{cell, inner_doc_attrs};
use super::examples;
use super::ident;
use crate::ir::{NextPage, Operation, PathSegment, Returns, RustType, Service};
use crate::render::Part;

/// A service's `mock.rs`, in parts: the module's items, then one part per operation, so
/// that no syntax tree of the whole file is built (at thousands of operations it was the
/// generator's largest).
pub fn emit<'a>(service: &'a Service, lib_name: &'a str) -> Vec<Part<'a>> {
    let head = Part::items(move || head(service, lib_name));
    std::iter::once(head)
        .chain(
            service
                .operations
                .iter()
                .map(move |op| Part::items(move || operation(service, op))),
        )
        .collect()
}

/// The module's docs, the mock server's type and the service's `MockService` impl.
fn head(service: &Service, lib_name: &str) -> TokenStream {
    let doc = inner_doc_attrs(&module_doc(service, lib_name));
    let marker = format_ident!("{}", crate::ir::names::marker_name(&service.module));
    let integer_codes = service
        .error_shape
        .as_ref()
        .is_some_and(|shape| shape.integer_codes);
    let builders: Vec<_> = service
        .operations
        .iter()
        .map(|op| format_ident!("{}", op.builder))
        .collect();
    quote! {
        #doc

        pub use crate::runtime::mock::{Expectation, Fault};

        /// A local mock of the service: see the module's documentation.
        pub type MockServer = crate::runtime::mock::MockServer<super::#marker>;

        impl crate::runtime::mock::MockService for super::#marker {
            type Builder = super::ClientBuilder;

            type Client = super::Client;

            const OPERATIONS: &'static [&'static crate::runtime::mock::Answer] = &[
                #(<super::#builders<'static> as crate::runtime::mock::MockOperation>::ANSWER),*
            ];

            const INTEGER_CODES: bool = #integer_codes;

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
    }
}

/// The `MockOperation` impl of one request builder (and `MockPagedOperation` when it pages).
fn operation(service: &Service, op: &Operation) -> TokenStream {
    let marker = format_ident!("{}", crate::ir::names::marker_name(&service.module));
    let builder = format_ident!("{}", op.builder);
    let output = match op.response.returns() {
        Returns::Nothing => quote!(()),
        Returns::List(ty) | Returns::One(ty) => qualified(ty),
        // The mock answers with items that succeeded; a failed item is a `respond_error`.
        Returns::PerItem(item) => {
            let item = qualified(item);
            quote!(Vec<#item>)
        }
        Returns::MaybeOne(ty) => {
            let ty = qualified(ty);
            quote!(Option<#ty>)
        }
        // Not serializable: a download is answered with `respond_bytes`.
        Returns::Download => quote!(super::Download),
    };
    let name = &op.name;
    let method = op.method.to_string();
    let path = op.segments.iter().map(|segment| match segment {
        PathSegment::Literal(text) => quote!(Some(#text)),
        PathSegment::Param { .. } => quote!(None),
    });
    let status = super::number(op.response.status);
    let payload = op.response.payload.is_some();
    let envelope = option(op.response.envelope.as_deref());
    let has_more = match op.pagination.as_ref().and_then(|p| p.has_more.as_ref()) {
        Some(path) => {
            let steps = &path.wire;
            quote!(Some(&[#(#steps),*]))
        }
        None => quote!(None),
    };
    let no_content = op.response.no_content.is_some();
    let pointer = op.pagination.as_ref().and_then(|p| match &p.next {
        NextPage::Cursor { token: path, .. } | NextPage::BodyLink(path) => Some(&path.wire),
        NextPage::Position { .. } | NextPage::LinkHeader => None,
    });
    let sample = if op.response.download.is_some() {
        // A download's sample is its body's text, not JSON.
        option(
            op.examples
                .iter()
                .find_map(|example| example.response.as_deref()),
        )
    } else {
        option(
            op.response_samples
                .first()
                .map(|(_, body)| match pointer {
                    Some(path) => last_page(body.clone(), path).to_string(),
                    None => body.to_string(),
                })
                .as_deref(),
        )
    };
    let download = option(op.response.download.as_deref());
    let paged = op.pagination.as_ref().map(|paging| {
        let item = qualified(&paging.item);
        let next = match &paging.next {
            NextPage::Position { .. } => None,
            NextPage::Cursor { param, token } => {
                let steps = &token.wire;
                let param = op
                    .params
                    .iter()
                    .find(|p| p.rust_name == *param)
                    .map_or(param.as_str(), |p| p.wire.as_str());
                Some(quote!(crate::runtime::mock::NextPage::Cursor {
                    path: &[#(#steps),*],
                    param: #param,
                }))
            }
            NextPage::BodyLink(link) => {
                let steps = &link.wire;
                Some(quote!(crate::runtime::mock::NextPage::BodyLink(&[#(#steps),*])))
            }
            NextPage::LinkHeader => Some(quote!(crate::runtime::mock::NextPage::LinkHeader)),
        };
        let next = next
            .map(|next| quote!(const NEXT: Option<crate::runtime::mock::NextPage> = Some(#next);));
        quote! {
            impl crate::runtime::mock::MockPagedOperation for super::#builder<'_> {
                type Item = #item;

                #next
            }
        }
    });
    quote! {
        impl crate::runtime::mock::MockOperation for super::#builder<'_> {
            type Service = super::#marker;

            type Output = #output;

            type Static = super::#builder<'static>;

            const ANSWER: &'static crate::runtime::mock::Answer = &crate::runtime::mock::Answer {
                operation: #name,
                method: #method,
                path: &[#(#path),*],
                status: #status,
                payload: #payload,
                envelope: #envelope,
                has_more: #has_more,
                no_content: #no_content,
                sample: #sample,
                download: #download,
            };

            fn expected_request(&self) -> crate::runtime::Request {
                self.request()
            }
        }

        #paged
    }
}

/// A sample made a last page: its cursor or link emptied where it has one, so that the
/// mock's default answer ends a stream (an empty string, which ends it as an absent one
/// does, and which a required string field still decodes).
fn last_page(mut body: serde_json::Value, path: &[String]) -> serde_json::Value {
    let mut slot = Some(&mut body);
    for step in path {
        slot = slot.and_then(|value| value.get_mut(step.as_str()));
    }
    if let Some(slot) = slot.filter(|value| value.is_string()) {
        *slot = serde_json::Value::String(String::new());
    }
    body
}

fn option(text: Option<&str>) -> TokenStream {
    match text {
        Some(text) => quote!(Some(#text)),
        None => quote!(None),
    }
}

/// A type as `mock.rs` names it: the module's own types through `super::`, since nothing of
/// the module is imported there.
fn qualified(ty: &RustType) -> TokenStream {
    match ty {
        RustType::Named(name) => {
            let name = ident(name);
            quote!(super::#name)
        }
        RustType::List(item) => {
            let item = qualified(item);
            quote!(Vec<#item>)
        }
        RustType::Map(value) => {
            let value = qualified(value);
            quote!(std::collections::BTreeMap<String, #value>)
        }
        other => super::rust_type(other),
    }
}

/// The module's documentation: what the mock does, and an example (a doc test) on the
/// first operation whose call can be written with documented values.
fn module_doc(service: &Service, lib_name: &str) -> String {
    let mut doc = String::from(
        "A local mock of the service, for testing code that calls [`Client`](super::Client) \
         without credentials or a network (the `mock` feature).\n\n\
         [`MockServer::start`](crate::runtime::mock::MockServer::start) starts a server on a \
         local port that answers every operation with its document's sample; \
         [`client()`](crate::runtime::mock::MockServer::client) gives a client of it, with \
         made-up credentials. \
         [`on(call)`](crate::runtime::mock::MockServer::on) takes the call as the code under \
         test builds it, typed, and says what to answer: a payload of the operation's type \
         (put in the documented envelope), a documented error code, a `204`, pages for \
         `stream()`, or a [`Fault`]. Each expectation must be met at least once (or \
         [`times`](crate::runtime::mock::Expectation::times) times): an unmet one fails \
         the test when the server is dropped.\n\n\
         | Operation | Answers by default |\n|---|---|\n",
    );
    for op in &service.operations {
        let default = match (op.response_samples.first(), &op.response.payload) {
            (Some((title, _)), _) => format!("the document's sample ({})", cell(title)),
            (None, None) => format!("`{}`, no body", op.response.status),
            (None, Some(_)) => "`501`: the document gives no sample".to_owned(),
        };
        doc.push_str(&format!(
            "| [`Client::{}`](super::Client::{}) | {default} |\n",
            op.name, op.name
        ));
    }
    if let Some(example) = service
        .operations
        .iter()
        .find_map(|op| example(service, op, lib_name))
    {
        doc.push_str("\n# Example\n\n```\n");
        doc.push_str(&example);
        doc.push_str("```\n");
    }
    doc.trim_end().to_owned()
}

/// The doc test: a call answered by the sample (when there is one), then an expectation
/// that answers a documented error.
fn example(service: &Service, op: &Operation, lib_name: &str) -> Option<String> {
    let module = &service.module;
    let call = examples::call(service, op)?;
    let first = call.expr(false);
    let again = call.expr(true);
    let mut lines = vec![
        "let server = MockServer::start().await;".to_owned(),
        "let client = server.client()?;".to_owned(),
    ];
    if !call.setup.is_empty() {
        lines.push(call.setup.trim_end().to_owned());
    }
    if !op.response_samples.is_empty() || op.response.payload.is_none() {
        lines.push("// With no expectation, a call gets the document's sample.".to_owned());
        lines.push(format!("{again}.send().await?;"));
    }
    let (answer, imports) = match documented_error(service, op) {
        Some((variant, meaning)) => (
            format!(".respond_error(ErrorCode::{variant}, {meaning:?})"),
            "MockServer",
        ),
        None => (
            ".fault(Fault::Status(404))".to_owned(),
            "{Fault, MockServer}",
        ),
    };
    lines.push(
        "// This call must come (checked when `server` is dropped), and it fails.".to_owned(),
    );
    lines.push(format!(
        "server.on({again}){answer}.times(1).mount().await;"
    ));
    lines.push(format!("assert!({first}.send().await.is_err());"));
    Some(format!(
        "# use {lib_name}::{module}::*;\n\
         # use {lib_name}::{module}::mock::{imports};\n\
         # #[tokio::main(flavor = \"current_thread\")]\n\
         # async fn main() -> Result<()> {{\n\
         {}\n\
         # Ok(())\n\
         # }}\n",
        lines.join("\n")
    ))
}

/// A documented error of `op` that the client neither retries nor refreshes a token for:
/// its variant and its first meaning.
fn documented_error(service: &Service, op: &Operation) -> Option<(String, String)> {
    op.errors.iter().find_map(|wire| {
        let code = service.error_codes.iter().find(|c| c.wire == *wire)?;
        let plain = (400..500).contains(&code.status) && ![401, 408, 429].contains(&code.status);
        plain.then(|| {
            let meaning = code
                .cases
                .first()
                .map_or_else(|| code.wire.clone(), |(meaning, _)| meaning.clone());
            (code.variant.clone(), meaning)
        })
    })
}
