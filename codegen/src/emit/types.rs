//! `types.rs` of a service module: structs for objects, enums for value sets (which keep
//! values the server adds later), untagged enums for fields the document gives several types.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::{doc_attrs, prose};
use super::{field_type, ident, rust_type, setter_arg};
use crate::ir::{Enum, Field, RustType, Service, Struct, TypeDef, Union};
use crate::spec::EnumLiteral;

/// The tokens of a service's `types.rs`.
pub fn emit(service: &Service) -> TokenStream {
    let items = service.types.iter().map(|t| match t {
        TypeDef::Struct(s) => emit_struct(s),
        TypeDef::Enum(e) => emit_enum(e),
        TypeDef::Union(u) => emit_union(u, displays(service, u)),
    });
    let needs_fmt = service.types.iter().any(|t| match t {
        TypeDef::Enum(_) => true,
        TypeDef::Union(u) => displays(service, u),
        TypeDef::Struct(_) => false,
    });
    let fmt = needs_fmt.then(|| {
        quote!(
            use std::fmt;
        )
    });
    quote! {
        //! The types of the service's requests and responses.
        #fmt
        use serde::{Deserialize, Serialize};
        #(#items)*
    }
}

/// The doc comment of a field: the document's words, its format, the other wire names it
/// is accepted under; or, with none of those, its wire name.
pub fn field_doc(field: &Field) -> String {
    let mut sections: Vec<String> = field.doc.as_deref().map(prose).into_iter().collect();
    if let Some(format) = field.format {
        sections.push(format!("Format: `{format}`."));
    }
    if !field.aliases.is_empty() {
        let aliases: Vec<String> = field.aliases.iter().map(|a| format!("`{a}`")).collect();
        sections.push(format!(
            "Also accepted under the wire name {}.",
            aliases.join(", ")
        ));
    }
    if sections.is_empty() {
        sections.push(format!("The `{}` field.", field.wire));
    }
    sections.join("\n\n")
}

/// The serde attributes of a field: its wire name, aliases, and how an absent value reads.
pub fn serde_attrs(field: &Field) -> TokenStream {
    let mut parts = Vec::new();
    if field.rust_name.trim_start_matches("r#") != field.wire {
        let wire = &field.wire;
        parts.push(quote!(rename = #wire));
    }
    for alias in &field.aliases {
        parts.push(quote!(alias = #alias));
    }
    if field.optional() {
        parts.push(quote!(default, skip_serializing_if = "Option::is_none"));
    }
    if parts.is_empty() {
        quote!()
    } else {
        quote!(#[serde(#(#parts),*)])
    }
}

fn emit_struct(s: &Struct) -> TokenStream {
    let name = format_ident!("{}", s.name);
    let doc = doc_attrs(
        &s.doc
            .as_deref()
            .map(prose)
            .unwrap_or_else(|| format!("The `{}` object.", s.name)),
    );
    let fields = s.fields.iter().map(|f| {
        let doc = doc_attrs(&field_doc(f));
        let serde = serde_attrs(f);
        let field = ident(&f.rust_name);
        let ty = field_type(&f.ty, !f.optional());
        quote! {
            #doc
            #serde
            pub #field: #ty,
        }
    });
    let all_optional = s.fields.iter().all(Field::optional);
    // Request types get a constructor taking their required fields; with none, `Default` serves.
    let constructor = (s.is_request_body && !all_optional).then(|| constructor(s));
    let default = all_optional.then(|| quote!(Default,));
    quote! {
        #doc
        #[derive(Debug, Clone, #default PartialEq, Serialize, Deserialize)]
        #[non_exhaustive]
        pub struct #name {
            #(#fields)*
        }
        #constructor
    }
}

/// `new(required fields)` for request types: `#[non_exhaustive]` rules out struct literals.
fn constructor(s: &Struct) -> TokenStream {
    let name = format_ident!("{}", s.name);
    let required: Vec<&Field> = s.fields.iter().filter(|f| !f.optional()).collect();
    let args = required.iter().map(|f| {
        let field = ident(&f.rust_name);
        let (ty, _) = setter_arg(&f.ty, &field);
        quote!(#field: #ty)
    });
    let inits = s.fields.iter().map(|f| {
        let field = ident(&f.rust_name);
        if !f.optional() && f.ty == RustType::String {
            quote!(#field: #field.into())
        } else if !f.optional() {
            quote!(#field)
        } else {
            quote!(#field: None)
        }
    });
    let doc = if required.is_empty() {
        format!(
            "A `{}` with every field unset; set the ones to send.",
            s.name
        )
    } else {
        let names: Vec<String> = required.iter().map(|f| format!("`{}`", f.wire)).collect();
        format!(
            "A `{}` with its required fields ({}); set the others to send them.",
            s.name,
            names.join(", ")
        )
    };
    let doc = doc_attrs(&doc);
    let allow = (required.len() > 7).then(|| quote!(#[allow(clippy::too_many_arguments)]));
    quote! {
        impl #name {
            #doc
            #allow
            pub fn new(#(#args),*) -> Self {
                Self { #(#inits),* }
            }
        }
    }
}

fn emit_enum(e: &Enum) -> TokenStream {
    let name = format_ident!("{}", e.name);
    let doc = doc_attrs(
        &e.doc
            .as_deref()
            .map(prose)
            .unwrap_or_else(|| format!("The values of `{}`.", e.name)),
    );
    let variants = e.values.iter().map(|v| {
        let variant = format_ident!("{}", v.variant);
        let doc = doc_attrs(&match &v.doc {
            Some(d) => format!("`{}`: {}", literal(&v.wire), prose(d)),
            None => format!("`{}`", literal(&v.wire)),
        });
        quote!(#doc #variant,)
    });
    let (wire_ty, accessor, accessor_doc) = if e.integer {
        (
            quote!(i64),
            format_ident!("as_i64"),
            " The value as sent on the wire.",
        )
    } else {
        (
            quote!(String),
            format_ident!("as_str"),
            " The value as sent on the wire.",
        )
    };
    let accessor_ret = if e.integer { quote!(i64) } else { quote!(&str) };
    let to_wire = e.values.iter().map(|v| {
        let variant = format_ident!("{}", v.variant);
        let value = literal_tokens(&v.wire);
        quote!(Self::#variant => #value,)
    });
    let from_wire = e.values.iter().map(|v| {
        let variant = format_ident!("{}", v.variant);
        let value = literal_tokens(&v.wire);
        quote!(#value => Self::#variant,)
    });
    let unknown_arm = if e.integer {
        quote!(Self::Unknown(value) => *value,)
    } else {
        quote!(Self::Unknown(value) => value.as_str(),)
    };
    let from_match = if e.integer {
        quote!(match value { #(#from_wire)* _ => Self::Unknown(value) })
    } else {
        quote!(match value.as_str() { #(#from_wire)* _ => Self::Unknown(value) })
    };
    let into_wire = if e.integer {
        quote!(value.as_i64())
    } else {
        quote!(value.as_str().to_owned())
    };
    let display = if e.integer {
        quote!(write!(f, "{}", self.as_i64()))
    } else {
        quote!(f.write_str(self.as_str()))
    };
    let wire_ty_text = if e.integer { "i64" } else { "String" };
    let derives = quote!(#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]);
    quote! {
        #doc
        #derives
        #[serde(from = #wire_ty_text, into = #wire_ty_text)]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
            /// A value the document does not list, kept as the server sent it.
            Unknown(#wire_ty),
        }

        impl #name {
            #[doc = #accessor_doc]
            pub fn #accessor(&self) -> #accessor_ret {
                match self {
                    #(#to_wire)*
                    #unknown_arm
                }
            }
        }

        impl From<#wire_ty> for #name {
            fn from(value: #wire_ty) -> Self {
                #from_match
            }
        }

        impl From<#name> for #wire_ty {
            fn from(value: #name) -> Self {
                #into_wire
            }
        }

        impl fmt::Display for #name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                #display
            }
        }
    }
}

/// Whether every form of a union can be written as text (strings, numbers, booleans,
/// value sets), so that the union can be too: it may then be sent as a parameter.
fn displays(service: &Service, u: &Union) -> bool {
    u.variants.iter().all(|(_, ty)| match ty {
        RustType::String | RustType::Integer | RustType::Number | RustType::Boolean => true,
        RustType::Named(name) => service
            .types
            .iter()
            .any(|t| matches!(t, TypeDef::Enum(e) if e.name == *name)),
        RustType::Json | RustType::List(_) => false,
    })
}

fn emit_union(u: &Union, displays: bool) -> TokenStream {
    let name = format_ident!("{}", u.name);
    let doc = doc_attrs(&format!(
        "{}\n\nDecoding tries each form in turn.",
        prose(&u.doc)
    ));
    let variants = u.variants.iter().map(|(variant, ty)| {
        let variant_ident = format_ident!("{}", variant);
        let ty_tokens = rust_type(ty);
        let doc = doc_attrs(&format!("The value as {}.", super::describe(ty)));
        quote!(#doc #variant_ident(#ty_tokens),)
    });
    // Sent as a parameter, each form is written as it would be on its own.
    let display = displays.then(|| {
        let arms = u.variants.iter().map(|(variant, _)| {
            let variant = format_ident!("{}", variant);
            quote!(Self::#variant(value) => fmt::Display::fmt(value, f),)
        });
        quote! {
            impl fmt::Display for #name {
                fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    match self {
                        #(#arms)*
                    }
                }
            }
        }
    });
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(untagged)]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
        }
        #display
    }
}

fn literal(value: &EnumLiteral) -> String {
    match value {
        EnumLiteral::Str(s) => s.clone(),
        EnumLiteral::Int(i) => i.to_string(),
    }
}

fn literal_tokens(value: &EnumLiteral) -> TokenStream {
    match value {
        EnumLiteral::Str(s) => quote!(#s),
        EnumLiteral::Int(i) => {
            let literal = proc_macro2::Literal::i64_unsuffixed(*i);
            quote!(#literal)
        }
    }
}
