//! `errors.rs` of a service module: the documented error codes as an enum (text codes or
//! integer codes, each with a variant for codes the document does not list), the error
//! body's shape and type, and the service's `Error` and `Result` aliases.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::{doc_attrs, prose, with_assumption};
use crate::ir::{ErrorCode, Service};

/// The tokens of a service's `errors.rs`.
pub fn emit(service: &Service) -> TokenStream {
    let module = &service.module;
    let shape = service.error_shape.as_ref();
    let integer = shape.is_some_and(|s| s.integer_codes);
    let codes = &service.error_codes;
    let variants = codes.iter().map(|code| {
        let variant = format_ident!("{}", code.variant);
        let doc = doc_attrs(&code_doc(code));
        quote!(#doc #variant,)
    });
    let statuses = codes.iter().map(|code| {
        let variant = format_ident!("{}", code.variant);
        let status = super::number(code.status);
        quote!(Self::#variant => Some(#status),)
    });
    let quota_variants: Vec<_> = codes
        .iter()
        .filter(|code| code.quota)
        .map(|code| format_ident!("{}", code.variant))
        .collect();
    let is_quota = (!quota_variants.is_empty()).then(|| {
        quote! {
            fn is_quota(&self) -> bool {
                matches!(self, #(Self::#quota_variants)|*)
            }
        }
    });
    let (unknown, accessor, display, from_wire) = if integer {
        integer_codes(codes)
    } else {
        text_codes(codes)
    };
    let body_type = match shape.and_then(|s| s.body.as_deref()) {
        Some(name) => {
            let name = format_ident!("{}", name);
            quote!(super::types::#name)
        }
        None => quote!(serde_json::Value),
    };
    let shape_value = match shape {
        Some(shape) => {
            let code = match &shape.code {
                Some(code) => quote!(Some(&[#(#code),*])),
                None => quote!(None),
            };
            let message = &shape.message;
            let details = match &shape.details {
                Some(details) => quote!(Some(&[#(#details),*])),
                None => quote!(None),
            };
            let success = match &shape.success {
                Some(success) => quote!(Some(#success)),
                None => quote!(None),
            };
            quote! {
                Some(ErrorShape {
                    code: #code,
                    message: &[#(#message),*],
                    details: #details,
                    success: #success,
                })
            }
        }
        None => quote!(None),
    };
    let shape_doc = doc_attrs(&match shape {
        Some(shape) => with_assumption(
            match shape.doc.as_deref() {
                Some(doc) => format!(
                    "Where an error body keeps its code, message and details. {}",
                    prose(doc)
                ),
                None => "Where an error body keeps its code, message and details.".to_owned(),
            },
            shape.assumed.as_deref(),
        ),
        None => "The document shows no error body: every error status is reported as \
                 `Error::UnexpectedStatus`."
            .to_owned(),
    });
    let enum_doc = doc_attrs(match shape {
        Some(shape) if shape.code.is_none() => {
            "The error codes of the service. Its errors carry none, so [`Error::code`] is \
             always `None`."
        }
        _ if codes.is_empty() => {
            "The error codes of the service. The document lists none, so every code is `Unknown`."
        }
        _ => "The error codes the document lists for this service.",
    });
    quote! {
        //! The service's documented error codes, and its `Error` and `Result` types.
        use std::fmt;

        use crate::runtime::ErrorShape;

        /// An error from this service's client: see [`crate::runtime::Error`] for the kinds.
        pub type Error = crate::runtime::Error<ErrorCode>;

        /// The result of this service's operations.
        pub type Result<T, E = Error> = std::result::Result<T, E>;

        /// The body of a download (an operation that returns a file): a byte stream, held
        /// to the client's download size limit. See [`crate::runtime::Download`].
        pub type Download = crate::runtime::Download<ErrorCode>;

        #enum_doc
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum ErrorCode {
            #(#variants)*
            #unknown
        }

        impl ErrorCode {
            #accessor

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
                #display
            }
        }

        impl crate::runtime::ErrorCode for ErrorCode {
            const SERVICE: &'static str = #module;

            type Body = #body_type;

            fn from_wire(code: &str) -> Option<Self> {
                #from_wire
            }

            #is_quota
        }

        #shape_doc
        pub(crate) const ERROR_SHAPE: Option<ErrorShape> = #shape_value;
    }
}

/// The doc of a code's variant: the code, its status, and every documented cause.
fn code_doc(code: &ErrorCode) -> String {
    let mut doc = format!("`{}` (HTTP {}).", code.wire, code.status);
    for (meaning, resolution) in &code.cases {
        doc.push_str(&format!("\n\n{}", prose(meaning)));
        if let Some(resolution) = resolution {
            doc.push_str(&format!(" Resolution: {}", prose(resolution)));
        }
    }
    doc
}

/// The unknown variant, the wire accessor, `Display` and `from_wire` of text codes.
fn text_codes(codes: &[ErrorCode]) -> (TokenStream, TokenStream, TokenStream, TokenStream) {
    let to_wire = codes.iter().map(|code| {
        let variant = format_ident!("{}", code.variant);
        let wire = &code.wire;
        quote!(Self::#variant => #wire,)
    });
    let from_wire = codes.iter().map(|code| {
        let variant = format_ident!("{}", code.variant);
        let wire = &code.wire;
        quote!(#wire => Self::#variant,)
    });
    let from_wire = if codes.is_empty() {
        quote!(Some(Self::Unknown(code.to_owned())))
    } else {
        quote!(Some(match code {
            #(#from_wire)*
            other => Self::Unknown(other.to_owned()),
        }))
    };
    (
        quote! {
            /// A code the document does not list, as the server sent it.
            Unknown(String),
        },
        quote! {
            /// The code as the server sends it.
            pub fn as_str(&self) -> &str {
                match self {
                    #(#to_wire)*
                    Self::Unknown(code) => code.as_str(),
                }
            }
        },
        quote!(f.write_str(self.as_str())),
        from_wire,
    )
}

/// The unknown variant, the number accessor, `Display` and `from_wire` of integer codes:
/// a code that is not an integer is none of this service's.
fn integer_codes(codes: &[ErrorCode]) -> (TokenStream, TokenStream, TokenStream, TokenStream) {
    let number = |code: &ErrorCode| {
        let n: i64 = code.wire.parse().unwrap_or_default();
        proc_macro2::Literal::i64_unsuffixed(n)
    };
    let to_number = codes.iter().map(|code| {
        let variant = format_ident!("{}", code.variant);
        let n = number(code);
        quote!(Self::#variant => #n,)
    });
    let from_number = codes.iter().map(|code| {
        let variant = format_ident!("{}", code.variant);
        let n = number(code);
        quote!(#n => Self::#variant,)
    });
    (
        quote! {
            /// A code the document does not list, as the server sent it.
            Unknown(i64),
        },
        quote! {
            /// The code as the server sends it.
            pub fn as_i64(&self) -> i64 {
                match self {
                    #(#to_number)*
                    Self::Unknown(code) => *code,
                }
            }
        },
        quote!(write!(f, "{}", self.as_i64())),
        if codes.is_empty() {
            quote!(code.trim().parse().ok().map(Self::Unknown))
        } else {
            quote! {
                let code: i64 = code.trim().parse().ok()?;
                Some(match code {
                    #(#from_number)*
                    other => Self::Unknown(other),
                })
            }
        },
    )
}
