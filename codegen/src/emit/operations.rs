//! `operations.rs` of a service module: one method on `Client` per operation, returning a
//! request builder whose setters take the optional parameters and whose `send()` checks
//! the documented constraints, sends the request and decodes the payload from its
//! envelope. List operations also get `stream()`, the items of every page, fetched lazily.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::{assumption, cell, doc_attrs, prose, with_assumption};
use super::{field_path, field_type, ident, rust_type, setter_arg};
use crate::ir::{
    Constraints, Field, NextPage, Operation, Pagination, Param, Returns, RustType, Service,
};
use crate::render::Part;
use crate::spec::{ArrayStyle, BodyEncoding, OffsetUnit, ParamLocation};

/// The tokens of a service's `operations.rs`.
pub fn emit<'a>(service: &'a Service, lib_name: &'a str) -> Vec<Part<'a>> {
    let head = Part::items(move || {
        let uses_stream = service.operations.iter().any(|op| op.pagination.is_some());
        // A page reader names the service's error code where `?` leaves it open.
        let (stream_use, errors_use) = if uses_stream {
            (
                Some(quote!(
                    use futures_core::Stream;
                )),
                quote!(
                    use super::errors::{ErrorCode, Result};
                ),
            )
        } else {
            (
                None,
                quote!(
                    use super::errors::Result;
                ),
            )
        };
        quote! {
            //! One request builder per operation.
            #stream_use

            #errors_use
            use super::types::*;
            use super::Client;
        }
    });
    // One part per method and per builder: a part is rendered on its own, so a large spec
    // never holds the syntax tree of a whole file at once.
    let methods = service.operations.iter().map(move |op| {
        Part::members("impl Client", move || {
            let method = client_method(service, op, lib_name);
            quote!(impl Client { #method })
        })
    });
    let builders = service
        .operations
        .iter()
        .map(move |op| Part::items(move || builder(service, op)));
    std::iter::once(head)
        .chain(methods)
        .chain(builders)
        .collect()
}

/// Arguments of the `Client` method besides the body: path parameters and required
/// query and header parameters.
pub(crate) fn arguments(op: &Operation) -> Vec<&Param> {
    op.params.iter().filter(|p| p.required).collect()
}

fn client_method(service: &Service, op: &Operation, lib_name: &str) -> TokenStream {
    let name = ident(&op.name);
    let builder = format_ident!("{}", op.builder);
    let doc = doc_attrs(&operation_doc(service, op, lib_name));
    let mut args = Vec::new();
    let mut inits = Vec::new();
    for param in arguments(op) {
        let field = ident(&param.rust_name);
        let (ty, convert) = setter_arg(&param.ty, &field);
        args.push(quote!(#field: #ty));
        inits.push(if param.ty == RustType::String {
            quote!(#field: #convert)
        } else {
            quote!(#field)
        });
    }
    for param in op.params.iter().filter(|p| !p.required) {
        let field = ident(&param.rust_name);
        inits.push(quote!(#field: None));
    }
    if let Some(body) = &op.body {
        let ty = format_ident!("{}", body);
        args.push(quote!(body: #ty));
        inits.push(quote!(body));
    }
    inits.push(quote!(retry: None));
    quote! {
        #doc
        pub fn #name(&self, #(#args),*) -> #builder<'_> {
            #builder { client: self, #(#inits),* }
        }
    }
}

/// The rustdoc of an operation's method: its sections, each once, one blank line apart.
fn operation_doc(service: &Service, op: &Operation, lib_name: &str) -> String {
    let mut sections = vec![prose(&op.summary)];
    if let Some(description) = &op.description {
        sections.push(prose(description));
    }
    let mut request = format!("`{} {}`", op.method, op.path);
    if !op.alternative_paths.is_empty() {
        let others: Vec<String> = op
            .alternative_paths
            .iter()
            .map(|p| format!("`{p}`"))
            .collect();
        request.push_str(&format!(
            " (the document also gives {}; this client sends the first)",
            others.join(", ")
        ));
    }
    sections.push(request);
    if let Some(source) = &op.source {
        let mut transcribed = format!("Transcribed from `{source}`");
        if let Some(url) = &op.docs_url {
            transcribed.push_str(&format!(", a copy of <{url}>"));
        }
        transcribed.push('.');
        sections.push(transcribed);
    }
    let scope_list = |alternative: &Vec<String>| {
        let scopes: Vec<String> = alternative.iter().map(|s| format!("`{s}`")).collect();
        scopes.join(" and ")
    };
    match op.scopes.as_slice() {
        [] => {}
        [only] => sections.push(format!("# Scopes\n\nNeeds {}.", scope_list(only))),
        several => {
            let lines: Vec<String> = several
                .iter()
                .map(|a| format!("- {}", scope_list(a)))
                .collect();
            sections.push(format!("# Scopes\n\nAny one of:\n{}", lines.join("\n")));
        }
    }
    let required = arguments(op);
    if !required.is_empty() || op.body.is_some() {
        let mut lines: Vec<String> = required
            .iter()
            .map(|param| format!("- `{}`: {}", param.rust_name, param_doc(param)))
            .collect();
        if let Some(body) = &op.body {
            lines.push(format!(
                "- `body`: the request body, a [`{body}`]{}.",
                match op.body_encoding {
                    BodyEncoding::Json => "",
                    BodyEncoding::Form => ", sent as a form (`application/x-www-form-urlencoded`)",
                    BodyEncoding::Multipart => {
                        ", sent as `multipart/form-data`: a part per field, files read as they \
                         are sent (a request with a file part read from a stream is sent once, \
                         never retried)"
                    }
                }
            ));
        }
        sections.push(format!("# Arguments\n\n{}", lines.join("\n")));
    }
    if let Some(media_type) = &op.response.download {
        sections.push(format!(
            "# Download\n\nAsks for `{media_type}`; `send()` returns the body unread, a \
             [`Download`](super::Download) to read in chunks, into a writer or whole, held to the client's \
             `max_download_bytes` (1 GiB unless set)."
        ));
    }
    if let Some(pagination) = &op.pagination {
        let mut pages = format!(
            "# Pages\n\n`send()` returns one page; [`{}::stream`] returns the items of every page, \
             fetching each page when the previous one is used up.",
            op.builder
        );
        match &pagination.next {
            NextPage::Position {
                param,
                first,
                offset_unit: Some(OffsetUnit::Page),
            } => pages.push_str(&format!(
                " The `{param}` parameter counts pages, as the document describes it, starting at {first}."
            )),
            NextPage::Position { .. } => {}
            NextPage::Cursor { param, token } => pages.push_str(&format!(
                " Each page gives the next one's cursor (`{}`), sent back as `{param}`; a \
                 cursor given twice ends the stream with `Error::Pagination` rather than loop.",
                token.wire.join(".")
            )),
            NextPage::BodyLink(link) => pages.push_str(&format!(
                " Each page links to the next one (`{}`); {FOLLOWED}",
                link.wire.join(".")
            )),
            NextPage::LinkHeader => pages.push_str(&format!(
                " Each page links to the next one in its `Link` header (`rel=\"next\"`); {FOLLOWED}"
            )),
        }
        sections.push(pages);
    }
    // The keys beside the payload are read by the client, not returned: what the spec
    // assumes about them is said here, where callers look.
    let meta_notes: Vec<String> = op
        .response
        .meta
        .iter()
        .filter_map(|field| {
            let assumed = field.assumed.as_deref()?;
            Some(format!("- `{}`: {}", field.wire, assumption(assumed)))
        })
        .collect();
    if !meta_notes.is_empty() {
        sections.push(format!(
            "# Beside the payload\n\nThe response keys the client reads beside the payload:\n{}",
            meta_notes.join("\n")
        ));
    }
    if let Some(meaning) = &op.response.no_content {
        sections.push(format!(
            "# No content\n\nThe service may answer `204 No Content`: {} `send()` then returns {}.",
            prose(meaning),
            match &op.response.payload {
                Some(RustType::List(_)) => "an empty list",
                Some(_) => "`None`",
                None => "`()`",
            }
        ));
    }
    if let (Some(per_item), Returns::PerItem(item)) = (&op.response.per_item, op.response.returns())
    {
        let values: Vec<String> = per_item.success.iter().map(|v| format!("`{v}`")).collect();
        sections.push(with_assumption(
            format!(
                "# One result per item\n\nThe answer reports on each item: one whose `{}` is {} \
                 comes back as `Ok`, decoded as a [`{}`]; any other as `Err`, an \
                 `Error::Api` read from the item by the service's error shape (its code, \
                 message and details). An answer that is not a 2xx and lists items fails with \
                 its first failed item's error.",
                per_item.status.join("."),
                values.join(" or "),
                item
            ),
            per_item.assumed.as_deref(),
        ));
    }
    sections.push(errors_doc(service, op));
    let checked: Vec<String> = op
        .params
        .iter()
        .filter(|p| !p.constraints.is_empty())
        .map(|p| {
            format!(
                "`{}` ({})",
                p.rust_name,
                describe_constraints(&p.constraints)
            )
        })
        .collect();
    if !checked.is_empty() {
        sections.push(format!(
            "Checked before sending, failing with `Error::InvalidRequest`: {}.",
            checked.join(", ")
        ));
    }
    if let Some(example) = super::examples::example(service, op, lib_name) {
        sections.push(format!("# Example\n\n```no_run\n{example}```"));
    }
    if let Some(limit) = &op.rate_limit {
        let mut rate = format!(
            "# Rate limit\n\n{} requests per {} seconds",
            limit.requests, limit.per_seconds
        );
        if let Some(lock) = limit.lock_seconds {
            rate.push_str(&format!(
                "; beyond that the service locks the caller out for {lock} seconds"
            ));
        }
        rate.push('.');
        sections.push(with_assumption(rate, limit.assumed.as_deref()));
    }
    sections.join("\n\n")
}

/// The "Errors" section: the table of the codes the operation documents.
fn errors_doc(service: &Service, op: &Operation) -> String {
    if op.errors.is_empty() {
        return "# Errors\n\nThe document lists no error codes for this operation.".to_owned();
    }
    let mut rows = vec![
        "| Code | Status | Meaning |".to_owned(),
        "|---|---|---|".to_owned(),
    ];
    for wire in &op.errors {
        if let Some(code) = service.error_codes.iter().find(|c| c.wire == *wire) {
            let meanings: Vec<String> = code.cases.iter().map(|(m, _)| cell(m)).collect();
            rows.push(format!(
                "| [`{}`](super::ErrorCode::{}) | {} | {} |",
                code.wire,
                code.variant,
                code.status,
                meanings.join(" Or: ")
            ));
        }
    }
    format!("# Errors\n\n{}", rows.join("\n"))
}

fn param_doc(param: &Param) -> String {
    let mut doc = param
        .doc
        .as_deref()
        .map(prose)
        .unwrap_or_else(|| format!("`{}`.", param.wire));
    if !param.constraints.is_empty() {
        doc.push_str(&format!(
            " Must be {}.",
            describe_constraints(&param.constraints)
        ));
    }
    if let Some(default) = &param.default {
        doc.push_str(&format!(" The service's default: `{default}`."));
    }
    match param.array {
        Some(ArrayStyle::Repeated) => doc.push_str(&format!(
            " Sent as one pair per item: `?{w}=a&{w}=b`.",
            w = param.wire
        )),
        Some(ArrayStyle::Comma) => doc.push_str(&format!(
            " Sent as one pair, the items joined by commas: `?{}=a,b`.",
            param.wire
        )),
        None => {}
    }
    with_assumption(doc, param.assumed.as_deref())
}

fn describe_constraints(c: &Constraints) -> String {
    let mut parts = Vec::new();
    match (c.minimum, c.maximum) {
        (Some(min), Some(max)) => parts.push(format!("{min} to {max}")),
        (Some(min), None) => parts.push(format!("at least {min}")),
        (None, Some(max)) => parts.push(format!("at most {max}")),
        (None, None) => {}
    }
    match (c.min_length, c.max_length) {
        (Some(min), Some(max)) => parts.push(format!("{min} to {max} characters")),
        (Some(min), None) => parts.push(format!("at least {min} characters")),
        (None, Some(max)) => parts.push(format!("at most {max} characters")),
        (None, None) => {}
    }
    if let Some(pattern) = &c.pattern {
        parts.push(format!("matching `{pattern}`"));
    }
    parts.join(", ")
}

fn builder(service: &Service, op: &Operation) -> TokenStream {
    let builder = format_ident!("{}", op.builder);
    let doc = doc_attrs(&if op.params.iter().any(|p| !p.required) {
        format!(
            "A request to [`Client::{}`]: set the optional parameters, then call `send()`.",
            op.name
        )
    } else {
        format!(
            "A request to [`Client::{}`]: call `send()` to send it.",
            op.name
        )
    });
    let fields = op.params.iter().map(|p| {
        let field = ident(&p.rust_name);
        let ty = field_type(&p.ty, p.required);
        quote!(#field: #ty,)
    });
    let body_field = op.body.as_ref().map(|b| {
        let ty = format_ident!("{}", b);
        quote!(body: #ty,)
    });
    let setters = op.params.iter().filter(|p| !p.required).map(setter);
    let checks = checks(service, op);
    // Only operations with documented constraints get a `check()`.
    let check = (!checks.is_empty()).then(|| {
        quote! {
            /// Applies the documented constraints before anything is sent.
            fn check(&self) -> Result<()> {
                #(#checks)*
                Ok(())
            }
        }
    });
    let checked = Checked(check.is_some());
    let request = request(service, op);
    let per_item = per_item_const(op);
    let (return_ty, call) = call(op, checked);
    let send_doc = doc_attrs(&format!(
        "Sends the request. See [`Client::{}`] for what it returns and its errors.",
        op.name
    ));
    let pagination = op.pagination.as_ref().map(|p| paging(op, p, checked));
    quote! {
        #doc
        #[derive(Debug, Clone)]
        #[must_use = "a request does nothing until `.send().await`"]
        pub struct #builder<'a> {
            client: &'a Client,
            #(#fields)*
            #body_field
            retry: Option<super::RetryPolicy>,
        }

        impl<'a> #builder<'a> {
            #per_item
            #(#setters)*

            /// Retries this call by `policy` instead of the client's.
            pub fn retry(mut self, policy: super::RetryPolicy) -> Self {
                self.retry = Some(policy);
                self
            }

            #send_doc
            pub fn send(self) -> impl std::future::Future<Output = Result<#return_ty>> + Send + 'a {
                #call
            }

            #check

            /// The request `send()` sends; the service's mock matches calls against it.
            pub(super) fn request(&self) -> crate::runtime::Request {
                #request
            }
        }

        #pagination
    }
}

fn setter(param: &Param) -> TokenStream {
    let field = ident(&param.rust_name);
    let (ty, convert) = setter_arg(&param.ty, &field);
    let doc = doc_attrs(&param_doc(param));
    quote! {
        #doc
        pub fn #field(mut self, #field: #ty) -> Self {
            self.#field = Some(#convert);
            self
        }
    }
}

/// The constraint checks of the parameters and of the body's own fields.
fn checks(service: &Service, op: &Operation) -> Vec<TokenStream> {
    let operation = &op.name;
    let mut out = Vec::new();
    for param in &op.params {
        if param.constraints.is_empty() {
            continue;
        }
        let field = ident(&param.rust_name);
        let access = quote!(self.#field);
        out.push(check_value(
            operation,
            &param.wire,
            &param.ty,
            if param.required {
                Presence::Required
            } else {
                Presence::Optional
            },
            access,
            &param.constraints,
        ));
    }
    let body_struct = op.body.as_ref().and_then(|name| service.struct_named(name));
    if let Some(body) = body_struct {
        out.extend(field_checks(
            service,
            operation,
            body,
            &quote!(self.body),
            "",
            &mut Vec::new(),
        ));
    }
    out
}

/// The checks of a body struct's fields at `access`, and of the structs inside them (in
/// lists too), each named by its path from the body (`items[].based_on.name`). `open`
/// holds the structs being walked, so that a type that contains itself ends the walk.
fn field_checks<'s>(
    service: &'s Service,
    operation: &str,
    body: &'s crate::ir::Struct,
    access: &TokenStream,
    prefix: &str,
    open: &mut Vec<&'s str>,
) -> Vec<TokenStream> {
    open.push(&body.name);
    let mut out = Vec::new();
    for field in &body.fields {
        let name = ident(&field.rust_name);
        let place = quote!(#access.#name);
        let path = format!("{prefix}{}", field.wire);
        if !field.constraints.is_empty() {
            out.push(check_value(
                operation,
                &path,
                &field.ty,
                if field.clearable {
                    Presence::Clearable
                } else if field.optional() {
                    Presence::Optional
                } else {
                    Presence::Required
                },
                place.clone(),
                &field.constraints,
            ));
        }
        // A clearable field's value sits in a `Patch`; what is inside it is not walked.
        if field.clearable {
            continue;
        }
        if let Some(nested) = nested_checks(
            service,
            operation,
            &field.ty,
            !field.optional(),
            place,
            &path,
            open,
        ) {
            out.push(nested);
        }
    }
    open.pop();
    out
}

/// The checks inside a value of type `ty` at `place` (an object, or a list of them), when
/// any field in there has constraints: a required object's fields are reached by their
/// path, an optional one's under `if let`, a list's items in a `for` loop.
fn nested_checks<'s>(
    service: &'s Service,
    operation: &str,
    ty: &RustType,
    required: bool,
    place: TokenStream,
    path: &str,
    open: &mut Vec<&'s str>,
) -> Option<TokenStream> {
    match ty {
        RustType::Named(name) => {
            let inner = service.struct_named(name)?;
            if open.contains(&inner.name.as_str()) {
                return None;
            }
            let prefix = format!("{path}.");
            if required {
                let checks = field_checks(service, operation, inner, &place, &prefix, open);
                (!checks.is_empty()).then(|| quote!(#(#checks)*))
            } else {
                let checks = field_checks(service, operation, inner, &quote!(item), &prefix, open);
                (!checks.is_empty()).then(|| quote!(if let Some(item) = &#place { #(#checks)* }))
            }
        }
        RustType::List(element) => {
            let each = nested_checks(
                service,
                operation,
                element,
                true,
                quote!(item),
                &format!("{path}[]"),
                open,
            )?;
            Some(if required {
                quote!(for item in &#place { #each })
            } else {
                quote!(for item in #place.iter().flatten() { #each })
            })
        }
        _ => None,
    }
}

/// How a checked value is held: as it is, in an `Option`, or in a `Patch` (whose `Null`
/// and `Absent` have nothing to check).
#[derive(Clone, Copy)]
enum Presence {
    Required,
    Optional,
    Clearable,
}

fn check_value(
    operation: &str,
    wire: &str,
    ty: &RustType,
    presence: Presence,
    access: TokenStream,
    c: &Constraints,
) -> TokenStream {
    let mut body = Vec::new();
    if c.minimum.is_some() || c.maximum.is_some() {
        let bound = |b: Option<f64>| match (b, ty) {
            (Some(v), RustType::Integer) => {
                let literal = proc_macro2::Literal::i64_unsuffixed(v as i64);
                quote!(Some(#literal))
            }
            (Some(v), _) => {
                let literal = proc_macro2::Literal::f64_unsuffixed(v);
                quote!(Some(#literal))
            }
            (None, _) => quote!(None),
        };
        let (min, max) = (bound(c.minimum), bound(c.maximum));
        body.push(quote!(crate::runtime::check::range(#operation, #wire, *value, #min, #max)?;));
    }
    if c.min_length.is_some() || c.max_length.is_some() {
        let bound = |b: Option<u64>| match b {
            Some(v) => {
                let literal = proc_macro2::Literal::usize_unsuffixed(
                    usize::try_from(v).unwrap_or(usize::MAX),
                );
                quote!(Some(#literal))
            }
            None => quote!(None),
        };
        let (min, max) = (bound(c.min_length), bound(c.max_length));
        body.push(quote!(crate::runtime::check::length(#operation, #wire, value, #min, #max)?;));
    }
    if let Some(pattern) = &c.pattern {
        body.push(quote! {
            static PATTERN: crate::runtime::check::Pattern = crate::runtime::check::Pattern::new(#pattern);
            crate::runtime::check::pattern(#operation, #wire, value, &PATTERN)?;
        });
    }
    match presence {
        Presence::Required => quote!({ let value = &#access; #(#body)* }),
        Presence::Optional => quote!(if let Some(value) = &#access { #(#body)* }),
        Presence::Clearable => quote!(if let Some(value) = #access.value() { #(#body)* }),
    }
}

fn request(service: &Service, op: &Operation) -> TokenStream {
    let operation = &op.name;
    let method = format_ident!("{}", op.method.to_string());
    let mut chain =
        vec![quote!(crate::runtime::Request::new(crate::runtime::Method::#method, #operation))];
    for segment in &op.segments {
        chain.push(match segment {
            crate::ir::PathSegment::Literal(text) => quote!(.segment(#text)),
            crate::ir::PathSegment::Param { wire, rust } => {
                let field = ident(rust);
                // Named by its wire name, so a refused value says which parameter it was.
                let param = op.params.iter().find(|p| p.rust_name == *rust);
                if param.is_some_and(|p| is_copy(&p.ty)) {
                    quote!(.param(#wire, self.#field))
                } else {
                    quote!(.param(#wire, &self.#field))
                }
            }
        });
    }
    for param in &op.params {
        let wire = &param.wire;
        let (required, optional) = match param.location {
            ParamLocation::Header => (quote!(header), quote!(header_opt)),
            ParamLocation::Query => (quote!(query), quote!(query_opt)),
            ParamLocation::Path => continue,
        };
        let field = ident(&param.rust_name);
        // `array: repeated`: a pair per item; `comma` is one joined value, sent as any other.
        if param.array == Some(ArrayStyle::Repeated) {
            chain.push(if param.required {
                quote!(.query_each(#wire, &self.#field))
            } else {
                quote!(.query_each(#wire, self.#field.as_deref().unwrap_or_default()))
            });
            continue;
        }
        chain.push(if param.required {
            let value = sent_value(&param.ty, quote!(self.#field), false);
            quote!(.#required(#wire, #value))
        } else if matches!(param.ty, RustType::List(_) | RustType::DateTime) {
            let value = sent_value(&param.ty, quote!(value), true);
            quote!(.#optional(#wire, self.#field.as_ref().map(|value| #value)))
        } else {
            quote!(.#optional(#wire, self.#field.as_ref()))
        });
    }
    if let Some(body) = &op.body {
        chain.push(match op.body_encoding {
            BodyEncoding::Json => quote!(.json(&self.body)),
            BodyEncoding::Form => quote!(.form(&self.body)),
            BodyEncoding::Multipart => {
                let parts = service
                    .struct_named(body)
                    .map(|s| s.fields.iter().map(multipart_part).collect::<Vec<_>>())
                    .unwrap_or_default();
                quote!(.multipart(crate::runtime::Multipart::new()#(#parts)*))
            }
        });
    }
    if let Some(media_type) = &op.response.download {
        chain.push(quote!(.download(#media_type)));
    }
    if op.response.per_item.is_some() {
        chain.push(quote!(.per_item(&Self::PER_ITEM)));
    }
    chain.push(quote!(.retry_policy(self.retry.clone())));
    if let Some(limit) = &op.rate_limit {
        let name = &limit.name;
        chain.push(quote!(.rate_limit(#name)));
    }
    quote!(#(#chain)*)
}

/// The part a field of a multipart body becomes: a file part (or one per item) for a
/// `binary` field, a text or JSON part (or one per item) for any other.
fn multipart_part(field: &crate::ir::Field) -> TokenStream {
    let wire = &field.wire;
    let name = ident(&field.rust_name);
    let required = field.required;
    match &field.ty {
        RustType::Binary if required => quote!(.file(#wire, &self.body.#name)),
        RustType::Binary => quote!(.file_opt(#wire, self.body.#name.as_ref())),
        RustType::List(item) if **item == RustType::Binary && required => {
            quote!(.files(#wire, &self.body.#name))
        }
        RustType::List(item) if **item == RustType::Binary => {
            quote!(.files(#wire, self.body.#name.as_deref().unwrap_or_default()))
        }
        _ => quote!(.field(#wire, &self.body.#name)),
    }
}

/// Whether values of the type are `Copy` (passed by value rather than borrowed).
fn is_copy(ty: &RustType) -> bool {
    matches!(
        ty,
        RustType::Integer
            | RustType::Number
            | RustType::Boolean
            | RustType::DateTime
            | RustType::Date
    )
}

/// The expression a query or header value is sent as, from `place` (of type `ty`, or a
/// reference to one when `borrowed`): lists comma-joined, timestamps in RFC 3339,
/// everything else by its `Display`.
fn sent_value(ty: &RustType, place: TokenStream, borrowed: bool) -> TokenStream {
    match ty {
        RustType::List(_) if borrowed => quote!(crate::runtime::check::join(#place)),
        RustType::List(_) => quote!(crate::runtime::check::join(&#place)),
        RustType::DateTime => {
            quote!(#place.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true))
        }
        ty if is_copy(ty) || borrowed => place,
        _ => quote!(&#place),
    }
}

/// Whether an operation has a `check()` to run before its request is sent.
#[derive(Clone, Copy)]
struct Checked(bool);

impl Checked {
    /// The request `send()` hands to the transport: `request`, unless a documented
    /// constraint fails first.
    fn request(self, request: TokenStream) -> TokenStream {
        if self.0 {
            quote!(self.check().map(|()| #request))
        } else {
            quote!(Ok(#request))
        }
    }
}

/// The return type of `send()` and its body: the request handed to the transport's one
/// sending path with the closure that reads the answer.
fn call(op: &Operation, checked: Checked) -> (TokenStream, TokenStream) {
    let request = checked.request(quote!(self.request()));
    match read_response(op) {
        Some((return_ty, read)) => (
            return_ty,
            quote! {
                let request = #request;
                self.client.transport().call(request, #read)
            },
        ),
        // The body is handed over unread.
        None => (
            quote!(super::Download),
            quote! {
                let request = #request;
                self.client.transport().call_download(request)
            },
        ),
    }
}

/// The return type of `send()` and the closure that turns the response into it; `None`
/// for a download, whose response is not read.
fn read_response(op: &Operation) -> Option<(TokenStream, TokenStream)> {
    let operation = &op.name;
    let envelope = match &op.response.envelope {
        Some(key) => quote!(Some(#key)),
        None => quote!(None),
    };
    Some(match op.response.returns() {
        Returns::Nothing => (quote!(()), quote!(|_| Ok(()))),
        Returns::List(ty) => (
            rust_type(ty),
            quote!(|response| response.list(#operation, #envelope)),
        ),
        Returns::MaybeOne(ty) => {
            let ty_tokens = rust_type(ty);
            (
                quote!(Option<#ty_tokens>),
                quote!(|response| response.optional(#operation, #envelope)),
            )
        }
        Returns::PerItem(item) => {
            let item = rust_type(item);
            (
                quote!(Vec<Result<#item>>),
                quote!(|response| response.items(#operation, &Self::PER_ITEM)),
            )
        }
        Returns::One(ty) => (
            rust_type(ty),
            quote!(|response| response.json(#operation, #envelope)),
        ),
        Returns::Download => return None,
    })
}

/// The associated constant saying how each item of a per-item answer reports.
fn per_item_const(op: &Operation) -> Option<TokenStream> {
    let per_item = op.response.per_item.as_ref()?;
    let envelope = match &op.response.envelope {
        Some(key) => quote!(Some(#key)),
        None => quote!(None),
    };
    let status = &per_item.status;
    let success = &per_item.success;
    Some(quote! {
        /// Where each item of the answer says how it went.
        const PER_ITEM: crate::runtime::PerItem = crate::runtime::PerItem {
            envelope: #envelope,
            status: &[#(#status),*],
            success: &[#(#success),*],
        };
    })
}

/// How a stream follows links, for the docs of the link styles.
const FOLLOWED: &str = "the link is followed as it is (it carries the paging parameters), \
    and only to the client's own scheme, host and port: a link elsewhere ends the stream with \
    `Error::Pagination`, so that credentials are not sent to another host.";

/// A paging builder's `send_page(self, parameter)`: `request` sent through the transport's
/// one path and the answer read by `read` into the page's items and what leads to the next
/// page (a `next_type`); a `204 No Content` is an empty page after which nothing follows
/// (`last`).
fn page_sender(
    item: &TokenStream,
    parameter: Option<TokenStream>,
    next_type: TokenStream,
    last: TokenStream,
    request: TokenStream,
    read: TokenStream,
) -> TokenStream {
    let parameter = parameter.map(|parameter| quote!(, #parameter));
    quote! {
        fn send_page(
            self #parameter
        ) -> impl std::future::Future<Output = Result<(Vec<#item>, #next_type)>> + Send + 'a {
            let request = #request;
            self.client.transport().call(request, |response| {
                if response.is_no_content() {
                    return Ok((Vec::new(), #last));
                }
                #read
            })
        }
    }
}

/// `stream()` and the page it decodes; `checked` says whether a page's request is checked
/// against the documented constraints first.
fn paging(op: &Operation, p: &Pagination, checked: Checked) -> TokenStream {
    let builder = format_ident!("{}", op.builder);
    let page = format_ident!("{}", op.page);
    let operation = &op.name;
    let item = rust_type(&p.item);
    let envelope = op.response.envelope.clone().unwrap_or_default();
    // The items under the envelope, then the fields beside it.
    let items = Field {
        wire: envelope,
        aliases: Vec::new(),
        rust_name: "items".into(),
        ty: RustType::List(Box::new(p.item.clone())),
        required: true,
        nullable: false,
        clearable: false,
        doc: None,
        assumed: None,
        format: None,
        constraints: Constraints::default(),
    };
    let page_fields: Vec<Field> = std::iter::once(items)
        .chain(op.response.meta.iter().cloned())
        .collect();
    let fields = page_fields.iter().map(|f| {
        let name = ident(&f.rust_name);
        let ty = field_type(&f.ty, !f.optional());
        let serde = super::types::serde_attrs(f);
        quote!(#serde #name: #ty,)
    });
    // A page whose meta fields go by several names decodes through its wire form instead.
    let (derive_deserialize, wire) = match &op.response.meta_wire {
        Some(wire) => (
            None,
            Some(super::types::wire_form(&op.page, wire, &page_fields)),
        ),
        None => (Some(quote!(#[derive(serde::Deserialize)])), None),
    };
    let bare = op.response.envelope.is_none() && p.next == NextPage::LinkHeader;
    let request = checked.request(quote!(self.request()));
    let stream = match &p.next {
        NextPage::Position {
            param,
            first,
            offset_unit,
        } => {
            let has_more = p
                .has_more
                .as_ref()
                .map_or_else(|| quote!(true), |path| has_more_expression(&path.fields));
            let position = ident(param);
            let first = proc_macro2::Literal::i64_unsuffixed(*first);
            let step = match (offset_unit, &p.size_param) {
                (Some(OffsetUnit::Record), Some(size)) => {
                    let size = ident(size);
                    let default = proc_macro2::Literal::i64_unsuffixed(p.default_size.unwrap_or(1));
                    quote!(self.#size.unwrap_or(#default))
                }
                _ => quote!(1),
            };
            let stream_doc = doc_attrs(&format!(
                "Every item of every page, starting at this request's `{param}` (or the first page), \
                 each page fetched when the previous one is used up. The first error ends the stream."
            ));
            let send_page = page_sender(
                &item,
                None,
                quote!(bool),
                quote!(false),
                request,
                quote! {
                    let page: #page = response.json::<_, ErrorCode>(#operation, None)?;
                    let more = #has_more;
                    Ok((page.items, more))
                },
            );
            quote! {
                #stream_doc
                pub fn stream(self) -> impl Stream<Item = Result<#item>> + Send + 'a {
                    let first = self.#position.unwrap_or(#first);
                    crate::runtime::paginate(first, #step, move |position| {
                        let mut request = self.clone();
                        request.#position = Some(position);
                        request.send_page()
                    })
                }

                /// One page's items, and whether more follow.
                #send_page
            }
        }
        NextPage::Cursor { param, token } => {
            let cursor = ident(param);
            let next = owned_string(&token.fields);
            let (more, next) = unless_no_more(p, next);
            let stream_doc = doc_attrs(&format!(
                "Every item of every page, starting at this request's `{param}` (or the first page), \
                 each page fetched when the previous one is used up, at the cursor it gave. The \
                 first error ends the stream."
            ));
            let send_page = page_sender(
                &item,
                None,
                quote!(Option<String>),
                quote!(None),
                request,
                quote! {
                    let page: #page = response.json::<_, ErrorCode>(#operation, None)?;
                    #more
                    let next = #next;
                    Ok((page.items, next))
                },
            );
            quote! {
                #stream_doc
                pub fn stream(self) -> impl Stream<Item = Result<#item>> + Send + 'a {
                    let first = self.#cursor.clone();
                    crate::runtime::follow_pages(#operation, first, move |cursor| {
                        let mut request = self.clone();
                        request.#cursor = cursor;
                        request.send_page()
                    })
                }

                /// One page's items, and the next page's cursor.
                #send_page
            }
        }
        NextPage::BodyLink(_) | NextPage::LinkHeader => {
            // A body that is the array itself (a `Link` header's page has nothing beside it).
            let (decode, items) = if bare {
                (
                    quote!(let items: Vec<#item> = response.json::<_, ErrorCode>(#operation, None)?;),
                    quote!(items),
                )
            } else {
                (
                    quote!(let page: #page = response.json::<_, ErrorCode>(#operation, None)?;),
                    quote!(page.items),
                )
            };
            let (link, next) = match &p.next {
                NextPage::BodyLink(link) => {
                    let link = borrowed_str(&link.fields);
                    (
                        Some(quote!(let link = #link;)),
                        quote!(response.next_link::<ErrorCode>(#operation, link)?),
                    )
                }
                _ => (
                    None,
                    quote!(response.next_link_header::<ErrorCode>(#operation)?),
                ),
            };
            let (more, next) = unless_no_more(p, next);
            let stream_doc = doc_attrs(
                "Every item of every page, starting with this request, each page fetched when the \
                 previous one is used up, at the link it gave. The first error ends the stream.",
            );
            let send_page = page_sender(
                &item,
                Some(quote!(link: Option<crate::runtime::Url>)),
                quote!(Option<crate::runtime::Url>),
                quote!(None),
                checked.request(quote!(self.request().follow(link))),
                quote! {
                    #decode
                    #more
                    #link
                    let next = #next;
                    Ok((#items, next))
                },
            );
            quote! {
                #stream_doc
                pub fn stream(self) -> impl Stream<Item = Result<#item>> + Send + 'a {
                    crate::runtime::follow_pages(#operation, None, move |link| {
                        self.clone().send_page(link)
                    })
                }

                /// One page's items, from `link` (else this request), and the next page's link.
                #send_page
            }
        }
    };
    let page_type = (!bare).then(|| {
        quote! {
            /// The body of one page: the items under the envelope and the fields beside it.
            #derive_deserialize
            struct #page {
                #(#fields)*
            }
            #wire
        }
    });
    quote! {
        impl<'a> #builder<'a> {
            #stream
        }

        #page_type
    }
}

/// `page.info.more_records`, through `Option`s where a field on the way is optional.
fn has_more_expression(path: &[(String, bool)]) -> TokenStream {
    let (expression, optional) = field_path(quote!(page), false, path);
    if optional {
        quote!(#expression.copied().unwrap_or(false))
    } else {
        expression
    }
}

/// For the styles that follow a cursor or link: `next` dropped when the page says no more
/// follow (an absent flag says nothing, and the cursor or link decides), with the line that
/// reads the flag.
fn unless_no_more(p: &Pagination, next: TokenStream) -> (Option<TokenStream>, TokenStream) {
    let Some(path) = &p.has_more else {
        return (None, next);
    };
    let more = match field_path(quote!(page), false, &path.fields) {
        (expression, true) => quote!(#expression.copied().unwrap_or(true)),
        (expression, false) => expression,
    };
    (
        Some(quote!(let more = #more;)),
        quote!(#next.filter(|_| more)),
    )
}

/// `page.meta.next_cursor` taken out of the page as an `Option<String>`.
fn owned_string(path: &[(String, bool)]) -> TokenStream {
    match field_path(quote!(page), false, path) {
        (expression, true) => quote!(#expression.cloned()),
        (expression, false) => quote!(Some(#expression.clone())),
    }
}

/// `page._links.next.href` borrowed as an `Option<&str>`.
fn borrowed_str(path: &[(String, bool)]) -> TokenStream {
    match field_path(quote!(page), false, path) {
        (expression, true) => quote!(#expression.map(String::as_str)),
        (expression, false) => quote!(Some(#expression.as_str())),
    }
}
