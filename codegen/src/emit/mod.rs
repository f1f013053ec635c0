//! Emitters: IR to token streams, one emitter per generated file of a service module,
//! and the crate's `lib.rs`. Rendering to text is [`crate::render`]'s job.

mod auth;
mod client;
mod crate_root;
pub mod docs;
mod errors;
mod examples;
mod manifest;
mod mock;
mod operations;
mod runtime_copy;
mod types;
mod waiters;

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use crate::ir::{RustType, Service};
use crate::render::{self, GeneratedFile, RustFile};
use crate::settings::{CrateSettings, RuntimeSource};

/// Every file of the generated crate, in a stable order: `Cargo.toml`, `src/lib.rs`, per
/// service `mod.rs`, `types.rs`, `errors.rs`, `operations.rs` and `mock.rs`, and the runtime's files
/// when it is inlined. `runtime_path` is how the manifest names the runtime crate's
/// folder when the crate depends on it.
pub fn crate_files(
    services: &[&Service],
    settings: &CrateSettings,
    runtime_path: Option<&str>,
) -> Result<Vec<GeneratedFile>, String> {
    let lib_name = settings.lib_name();
    let rust = rust_files(services, settings, &lib_name);
    let mut files = vec![GeneratedFile {
        path: "Cargo.toml".into(),
        contents: manifest::emit(settings, services, runtime_path)?,
    }];
    files.extend(render::render_all(&rust)?);
    if settings.runtime == RuntimeSource::Inline {
        files.extend(runtime_copy::files());
    }
    Ok(files)
}

/// The crate's Rust files, each in the parts it is rendered in: a file that grows with
/// the operations (`operations.rs`, `types.rs`, `mock.rs`) has a part per item, so that no
/// syntax tree of a whole large file is ever built.
fn rust_files<'a>(
    services: &'a [&'a Service],
    settings: &'a CrateSettings,
    lib_name: &'a str,
) -> Vec<RustFile<'a>> {
    let folder = format!("{}/", settings.spec_folder);
    let mut rust = vec![RustFile::whole("src/lib.rs", folder, || {
        crate_root::emit(services, settings)
    })];
    for service in services.iter().copied() {
        let module = &service.module;
        let source = &service.spec_file;
        rust.push(RustFile::whole(
            format!("src/{module}/mod.rs"),
            source,
            || client::emit(service),
        ));
        rust.push(RustFile::whole(
            format!("src/{module}/errors.rs"),
            source,
            || errors::emit(service),
        ));
        rust.push(RustFile {
            path: format!("src/{module}/operations.rs"),
            source: source.clone(),
            parts: operations::emit(service, lib_name),
        });
        rust.push(RustFile {
            path: format!("src/{module}/types.rs"),
            source: source.clone(),
            parts: types::emit(service),
        });
        if !service.waiters.is_empty() {
            rust.push(RustFile::whole(
                format!("src/{module}/waiters.rs"),
                source,
                move || waiters::emit(service, lib_name).unwrap_or_default(),
            ));
        }
        rust.push(RustFile {
            path: format!("src/{module}/mock.rs"),
            source: source.clone(),
            parts: mock::emit(service, lib_name),
        });
    }
    rust
}

/// A whole number as a literal without a type suffix (`30`, not `30u32`): the type is
/// always clear from where it stands.
pub(crate) fn number(n: impl Into<u64>) -> proc_macro2::Literal {
    proc_macro2::Literal::u64_unsuffixed(n.into())
}

/// An identifier, raw (`r#type`) when the name says so.
pub(crate) fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// The field at `path` (Rust names, each with whether the field is always there) from
/// `root` (itself an `Option` when `root_optional`), by reference through `Option`s where
/// a field on the way is optional, and whether it came out an `Option`: what pagination
/// reads beside a page's payload and a waiter reads in an answer.
pub(crate) fn field_path(
    root: TokenStream,
    root_optional: bool,
    path: &[(String, bool)],
) -> (TokenStream, bool) {
    let mut expression = root;
    let mut optional = root_optional;
    for (name, required) in path {
        let field = ident(name);
        expression = match (optional, *required) {
            (false, true) => quote!(#expression.#field),
            (false, false) => quote!(#expression.#field.as_ref()),
            (true, true) => quote!(#expression.map(|value| &value.#field)),
            (true, false) => quote!(#expression.and_then(|value| value.#field.as_ref())),
        };
        optional = optional || !required;
    }
    (expression, optional)
}

/// The Rust type of a value.
pub(crate) fn rust_type(ty: &RustType) -> TokenStream {
    match ty {
        RustType::String => quote!(String),
        RustType::Integer => quote!(i64),
        RustType::Number => quote!(f64),
        RustType::Boolean => quote!(bool),
        RustType::Json => quote!(serde_json::Value),
        RustType::DateTime => quote!(chrono::DateTime<chrono::FixedOffset>),
        RustType::Date => quote!(chrono::NaiveDate),
        RustType::Named(name) => {
            let name = format_ident!("{}", name);
            quote!(#name)
        }
        RustType::List(item) => {
            let item = rust_type(item);
            quote!(Vec<#item>)
        }
        RustType::Map(value) => {
            let value = rust_type(value);
            quote!(std::collections::BTreeMap<String, #value>)
        }
        RustType::Binary => quote!(crate::runtime::FilePart),
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
        RustType::DateTime => "a timestamp".into(),
        RustType::Date => "a date".into(),
        RustType::Named(name) => format!("a [`{name}`]"),
        RustType::Binary => "a file part".into(),
        RustType::List(item) => format!(
            "a list of {}",
            describe(item)
                .trim_start_matches("a ")
                .trim_start_matches("an ")
        ),
        RustType::Map(value) => format!(
            "a map from strings to {}",
            describe(value)
                .trim_start_matches("a ")
                .trim_start_matches("an ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rendering a part builds its syntax tree whole: the files that grow with the operations
    /// must come in at least one part per operation, or memory grows with the largest file
    /// (a `mock.rs` emitted whole doubled the peak at 2,000 operations).
    #[test]
    fn files_that_grow_with_the_operations_are_rendered_in_parts() {
        let text = crate::synthetic::spec("synthetic", 10);
        let spec = crate::load_str("synthetic.yaml", &text).expect("the synthetic spec loads");
        let operations = spec.service.operations.len();
        let settings = CrateSettings::new("parts-client", "specs");
        let lib_name = settings.lib_name();
        let services = [&spec.service];
        let files = rust_files(&services, &settings, &lib_name);
        let module = &spec.service.module;
        for name in ["operations.rs", "types.rs", "mock.rs"] {
            let path = format!("src/{module}/{name}");
            let file = files
                .iter()
                .find(|file| file.path == path)
                .unwrap_or_else(|| panic!("no {path}"));
            assert!(
                file.parts.len() > operations,
                "{path}: {} parts for {operations} operations",
                file.parts.len()
            );
        }
    }
}
