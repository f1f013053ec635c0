//! `src/lib.rs` of the generated crate: its documentation, the runtime, and one module per
//! service behind a feature of the same name.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs;
use crate::ir::Service;
use crate::runtime::RUNTIME_PACKAGE;
use crate::settings::{CrateSettings, RuntimeSource};

/// The tokens of `src/lib.rs`.
pub fn emit(services: &[&Service], settings: &CrateSettings) -> TokenStream {
    let mut table = String::from("| Module | Service | Feature |\n|---|---|---|\n");
    for s in services {
        table.push_str(&format!(
            "| [`{0}`] | {1} | `{0}` |\n",
            s.module,
            docs::cell(&s.title)
        ));
    }
    let runtime_note = match settings.runtime {
        RuntimeSource::Inline => {
            "The [`runtime`], copied into this crate, sends requests, authorizes them, decodes \
                                  responses and pages lists."
        }
        RuntimeSource::Crate(_) => {
            "The [`runtime`] (the `client-runtime` crate) sends requests, authorizes them, \
                                    decodes responses and pages lists."
        }
    };
    let doc = docs::inner_doc_attrs(&format!(
        "Typed clients for {}, generated from the specs in `{}/` by `cargo xtask codegen`.\n\n\
         Each service is a module behind a cargo feature of the same name (all on by default):\n\n{table}\n\
         {runtime_note}",
        services
            .iter()
            .map(|s| s.title.clone())
            .collect::<Vec<_>>()
            .join(", "),
        settings.spec_folder,
    ));
    // Generated modules reach the runtime as `crate::runtime` either way. The inlined
    // runtime is rustfmt's output already, and carries no attribute: one would make the
    // runtime's exported macro count as macro-expanded, which `crate::` paths may not name.
    let runtime = match settings.runtime {
        RuntimeSource::Inline => quote!(
            pub mod runtime;
        ),
        RuntimeSource::Crate(_) => {
            let krate = format_ident!("{}", RUNTIME_PACKAGE.replace('-', "_"));
            quote!(pub use #krate as runtime;)
        }
    };
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

        #runtime

        #(#modules)*
    }
}
