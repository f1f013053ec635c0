//! `errors.rs` of a service module: the documented error codes as an enum, the error
//! body's shape, and the service's `Error` and `Result` aliases.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::{doc_attrs, prose};
use crate::ir::Service;

/// The tokens of a service's `errors.rs`.
pub fn emit(service: &Service) -> TokenStream {
    let module = &service.module;
    let variants = service.error_codes.iter().map(|code| {
        let variant = format_ident!("{}", code.variant);
        let mut doc = format!("`{}` (HTTP {}).", code.wire, code.status);
        for (meaning, resolution) in &code.cases {
            doc.push_str(&format!("\n\n{}", prose(meaning)));
            if let Some(resolution) = resolution {
                doc.push_str(&format!(" Resolution: {}", prose(resolution)));
            }
        }
        let doc = doc_attrs(&doc);
        quote!(#doc #variant,)
    });
    let to_wire = service.error_codes.iter().map(|code| {
        let variant = format_ident!("{}", code.variant);
        let wire = &code.wire;
        quote!(Self::#variant => #wire,)
    });
    let from_wire = service.error_codes.iter().map(|code| {
        let variant = format_ident!("{}", code.variant);
        let wire = &code.wire;
        quote!(#wire => Self::#variant,)
    });
    let statuses = service.error_codes.iter().map(|code| {
        let variant = format_ident!("{}", code.variant);
        let status = super::number(code.status);
        quote!(Self::#variant => Some(#status),)
    });
    let from_wire_body = if service.error_codes.is_empty() {
        quote!(Self::Unknown(code.to_owned()))
    } else {
        quote!(match code {
            #(#from_wire)*
            other => Self::Unknown(other.to_owned()),
        })
    };
    let shape = match &service.error_shape {
        Some(shape) => {
            let code = &shape.code;
            let message = &shape.message;
            let details = match &shape.details {
                Some(details) => quote!(Some(&[#(#details),*])),
                None => quote!(None),
            };
            quote!(Some(ErrorShape { code: &[#(#code),*], message: &[#(#message),*], details: #details }))
        }
        None => quote!(None),
    };
    let shape_doc = doc_attrs(&match service.error_shape.as_ref().and_then(|s| s.doc.as_deref()) {
        Some(doc) => format!("Where an error body keeps its code, message and details. {}", prose(doc)),
        None if service.error_shape.is_some() => "Where an error body keeps its code, message and details.".to_owned(),
        None => "The document shows no error body: every error status is reported as `Error::UnexpectedStatus`.".to_owned(),
    });
    let enum_doc = doc_attrs(if service.error_codes.is_empty() {
        "The error codes of the service. The document lists none, so every code is `Unknown`."
    } else {
        "The error codes the document lists for this service."
    });
    quote! {
        //! The service's documented error codes, and its `Error` and `Result` types.
        use std::fmt;

        use crate::runtime::ErrorShape;

        /// An error from this service's client: see [`crate::runtime::Error`] for the kinds.
        pub type Error = crate::runtime::Error<ErrorCode>;

        /// The result of this service's operations.
        pub type Result<T, E = Error> = std::result::Result<T, E>;

        #enum_doc
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum ErrorCode {
            #(#variants)*
            /// A code the document does not list, as the server sent it.
            Unknown(String),
        }

        impl ErrorCode {
            /// The code as the server sends it.
            pub fn as_str(&self) -> &str {
                match self {
                    #(#to_wire)*
                    Self::Unknown(code) => code.as_str(),
                }
            }

            /// The HTTP status the document gives for this code.
            pub fn documented_status(&self) -> Option<u16> {
                match self {
                    #(#statuses)*
                    Self::Unknown(_) => None,
                }
            }
        }

        impl fmt::Display for ErrorCode {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl crate::runtime::ErrorCode for ErrorCode {
            const SERVICE: &'static str = #module;

            fn from_wire(code: &str) -> Self {
                #from_wire_body
            }

        }

        #shape_doc
        pub(crate) const ERROR_SHAPE: Option<ErrorShape> = #shape;
    }
}
