//! `types.rs` of a service module: structs for objects, enums for value sets (which keep
//! values the server adds later), untagged enums for fields the document gives several
//! types, and enums for tagged unions of objects (which keep tags the server adds later).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::{assumption, doc_attrs, prose, with_assumption};
use super::{field_type, ident, rust_type, setter_arg};
use crate::ir::{Enum, Field, RustType, Service, Struct, Tagged, TypeDef, Union};
use crate::render::Part;
use crate::spec::EnumLiteral;

/// The tokens of a service's `types.rs`.
pub fn emit(service: &Service) -> Vec<Part<'_>> {
    let head = Part::items(move || {
        let needs_fmt = service.types.iter().any(|t| match t {
            TypeDef::Enum(_) => true,
            TypeDef::Union(u) => displays(service, u),
            TypeDef::Struct(_) | TypeDef::Tagged(_) => false,
        });
        let fmt = needs_fmt.then(|| {
            quote!(
                use std::fmt;
            )
        });
        // Structs with fields of several names implement `Deserialize` by hand, through
        // their wire form; tagged unions name the trait in their own impl; multipart
        // bodies (structs with file parts) are built into parts, not serialized.
        let serialized = |t: &&TypeDef| !matches!(t, TypeDef::Struct(s) if s.has_files());
        let derives_serialize = service.types.iter().any(|t| serialized(&t));
        let derives_deserialize = service
            .types
            .iter()
            .filter(serialized)
            .any(|t| !matches!(t, TypeDef::Struct(s) if s.wire.is_some()));
        let serde = match (derives_serialize, derives_deserialize) {
            (_, true) => Some(quote!(
                use serde::{Deserialize, Serialize};
            )),
            (true, false) => Some(quote!(
                use serde::Serialize;
            )),
            (false, false) => None,
        };
        quote! {
            //! The types of the service's requests and responses.
            #fmt
            #serde
        }
    });
    let items = service.types.iter().map(move |t| {
        Part::items(move || match t {
            TypeDef::Struct(s) => emit_struct(s),
            TypeDef::Enum(e) => emit_enum(e),
            TypeDef::Union(u) => emit_union(u, displays(service, u)),
            TypeDef::Tagged(t) => emit_tagged(t),
        })
    });
    std::iter::once(head).chain(items).collect()
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
            "Also accepted under the wire name {}; when several arrive, `{}` wins, then the \
             others in this order.",
            aliases.join(", "),
            field.wire
        ));
    }
    if sections.is_empty() {
        sections.push(format!("The `{}` field.", field.wire));
    }
    if field.clearable {
        sections.push(format!(
            "Not sent unless set: `Patch::Value` sends it, `Patch::Null` sends `null`, which \
             clears it (as the setter `{}(..)` and [`Self::{}`] do).",
            crate::ir::names::unraw(&field.rust_name),
            crate::ir::names::clear_method(&field.rust_name)
        ));
    }
    sections.extend(field.assumed.as_deref().map(assumption));
    sections.join("\n\n")
}

/// The serde attributes of a field: its wire name, and how an absent value reads. (Other
/// wire names are read by the struct's wire form, [`wire_form`].)
pub fn serde_attrs(field: &Field) -> TokenStream {
    let mut parts = Vec::new();
    if field.rust_name.trim_start_matches("r#") != field.wire {
        let wire = &field.wire;
        parts.push(quote!(rename = #wire));
    }
    if field.clearable {
        parts.push(quote!(
            default,
            skip_serializing_if = "crate::runtime::Patch::is_absent"
        ));
    } else if field.optional() {
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
    let doc = doc_attrs(&with_assumption(
        s.doc
            .as_deref()
            .map(prose)
            .unwrap_or_else(|| format!("The `{}` object.", s.name)),
        s.assumed.as_deref(),
    ));
    let files = s.has_files();
    let fields = s.fields.iter().map(|f| {
        let doc = doc_attrs(&field_doc(f));
        let serde = (!files).then(|| serde_attrs(f));
        let field = ident(&f.rust_name);
        let ty = member_type(f);
        quote! {
            #doc
            #serde
            pub #field: #ty,
        }
    });
    let all_optional = s.fields.iter().all(Field::optional);
    // Every struct with required fields gets a constructor taking them (`#[non_exhaustive]`
    // rules out struct literals): request bodies to send, responses for a mock to answer
    // with. With none required, `Default` serves.
    let constructor = (!all_optional).then(|| constructor(s));
    let patch_methods = patch_methods(s);
    let default = all_optional.then(|| quote!(Default,));
    // A struct with fields of several names decodes through its wire form instead; one
    // with file parts is a multipart body, built part by part, and neither.
    let (serde, wire) = match &s.wire {
        _ if files => (None, None),
        Some(wire) => (
            Some(quote!(Serialize)),
            Some(wire_form(&s.name, wire, &s.fields)),
        ),
        None => (Some(quote!(Serialize, Deserialize)), None),
    };
    quote! {
        #doc
        #[derive(Debug, Clone, #default PartialEq, #serde)]
        #[non_exhaustive]
        pub struct #name {
            #(#fields)*
        }
        #constructor
        #patch_methods
        #wire
    }
}

/// The Rust type of a struct's field: a clearable one is a `Patch`, another optional one
/// an `Option`.
fn member_type(field: &Field) -> TokenStream {
    if field.clearable {
        let ty = rust_type(&field.ty);
        quote!(crate::runtime::Patch<#ty>)
    } else {
        field_type(&field.ty, !field.optional())
    }
}

/// A setter and a `clear_` method per clearable field, so that a partial update reads as
/// what it sends: `change.name("x").clear_colour()`.
fn patch_methods(s: &Struct) -> Option<TokenStream> {
    let methods: Vec<TokenStream> = s
        .fields
        .iter()
        .filter(|f| f.clearable)
        .map(|f| {
            let field = ident(&f.rust_name);
            let clear = ident(&crate::ir::names::clear_method(&f.rust_name));
            let (arg, convert) = setter_arg(&f.ty, &field);
            let set_doc = doc_attrs(&format!("Sends `{}` as this value.", f.wire));
            let clear_doc = doc_attrs(&format!(
                "Sends `{}` as `null`, which clears it; a field neither set nor cleared is \
                 not sent, and the server keeps its value.",
                f.wire
            ));
            quote! {
                #set_doc
                pub fn #field(mut self, #field: #arg) -> Self {
                    self.#field = crate::runtime::Patch::Value(#convert);
                    self
                }

                #clear_doc
                pub fn #clear(mut self) -> Self {
                    self.#field = crate::runtime::Patch::Null;
                    self
                }
            }
        })
        .collect();
    let name = format_ident!("{}", s.name);
    (!methods.is_empty()).then(|| quote!(impl #name { #(#methods)* }))
}

/// The wire form of a struct some of whose fields go by several names: a field per name,
/// so that whichever arrives decodes, and both at once too. The spec's own name wins,
/// then its aliases in order; a required field missing under every name fails decoding.
pub fn wire_form(owner: &str, wire: &str, fields: &[Field]) -> TokenStream {
    let owner = format_ident!("{}", owner);
    let wire_ident = format_ident!("{}", wire);
    let mut wire_fields = Vec::new();
    let mut conversions = Vec::new();
    for field in fields {
        let name = ident(&field.rust_name);
        if field.aliases.is_empty() {
            let serde = serde_attrs(field);
            let ty = member_type(field);
            wire_fields.push(quote!(#serde #name: #ty,));
            conversions.push(quote!(#name: wire.#name,));
            continue;
        }
        let ty = rust_type(&field.ty);
        let names_on_wire = std::iter::once(&field.wire).chain(&field.aliases);
        let mut value = quote!(wire.#name);
        for (n, on_wire) in names_on_wire.enumerate() {
            let slot = if n == 0 {
                name.clone()
            } else {
                ident(&crate::ir::names::alias_field(&field.rust_name, n))
            };
            wire_fields.push(quote! {
                #[serde(rename = #on_wire, default)]
                #slot: Option<#ty>,
            });
            if n > 0 {
                value = quote!(#value.or(wire.#slot));
            }
        }
        if field.optional() {
            conversions.push(quote!(#name: #value,));
        } else {
            let wire_name = &field.wire;
            conversions.push(quote! {
                #name: #value.ok_or_else(|| serde::de::Error::missing_field(#wire_name))?,
            });
        }
    }
    let doc = format!(
        " The wire form of [`{owner}`]: a field for each name a field goes by, so that a \
         value arriving under either name, or both, decodes."
    );
    quote! {
        #[doc = #doc]
        #[derive(serde::Deserialize)]
        struct #wire_ident {
            #(#wire_fields)*
        }

        impl<'de> serde::Deserialize<'de> for #owner {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
                let wire = #wire_ident::deserialize(deserializer)?;
                Ok(Self { #(#conversions)* })
            }
        }
    }
}

/// `new(required fields)`: `#[non_exhaustive]` rules out struct literals.
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
        } else if f.clearable {
            quote!(#field: crate::runtime::Patch::Absent)
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
    let doc = doc_attrs(&with_assumption(
        e.doc
            .as_deref()
            .map(prose)
            .unwrap_or_else(|| format!("The values of `{}`.", e.name)),
        e.assumed.as_deref(),
    ));
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
        RustType::String
        | RustType::Integer
        | RustType::Number
        | RustType::Boolean
        | RustType::Date => true,
        // A timestamp's `Display` is not the RFC 3339 the service reads.
        RustType::DateTime | RustType::Binary => false,
        RustType::Named(name) => service
            .types
            .iter()
            .any(|t| matches!(t, TypeDef::Enum(e) if e.name == *name)),
        RustType::Json | RustType::List(_) | RustType::Map(_) => false,
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
    let as_bool = reads_as_bool(u).then(|| {
        quote! {
            impl #name {
                /// The value as a boolean: the boolean form as it is, and text `true` or
                /// `false` (in any case) as that. Other text, such as the blank the
                /// document's samples send, is `None`: the document does not say what it
                /// means (our reading, not the document's).
                pub fn as_bool(&self) -> Option<bool> {
                    match self {
                        Self::Boolean(value) => Some(*value),
                        Self::Text(text) => match text.trim().to_ascii_lowercase().as_str() {
                            "true" => Some(true),
                            "false" => Some(false),
                            _ => None,
                        },
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
        #as_bool
    }
}

/// A tagged union: an enum with a variant per listed tag, each holding its object type, and
/// `Unknown` for any other tag. Serde's own `#[serde(tag = ..)]` cannot keep an unknown
/// object, so both directions are written out: decoding reads the object, looks at the tag
/// and decodes the variant's struct from the same object (the tag is not one of its
/// fields, so the struct ignores it); encoding writes the tag, then the struct's fields.
fn emit_tagged(t: &Tagged) -> TokenStream {
    let name = format_ident!("{}", t.name);
    let key = &t.tag;
    let doc = doc_attrs(&with_assumption(
        format!(
            "{}\n\nAn object's `{key}` says which variant it is. A `{key}` the document does \
             not list decodes as [`{}::Unknown`], which keeps the object as sent; an object \
             without `{key}` does not decode.",
            t.doc
                .as_deref()
                .map(prose)
                .unwrap_or_else(|| format!("The `{}` object: one of several kinds.", t.name)),
            t.name
        ),
        t.assumed.as_deref(),
    ));
    let variants = t.variants.iter().map(|v| {
        let variant = format_ident!("{}", v.variant);
        let ty = format_ident!("{}", v.ty);
        let doc = doc_attrs(&format!("`{key}` is `{}`: a [`{}`].", v.tag, v.ty));
        quote!(#doc #variant(#ty),)
    });
    let tags = t.variants.iter().map(|v| {
        let variant = format_ident!("{}", v.variant);
        let tag = &v.tag;
        quote!(Self::#variant(_) => #tag,)
    });
    let decode_arms = t.variants.iter().map(|v| {
        let variant = format_ident!("{}", v.variant);
        let tag = &v.tag;
        let failed = format!("the `{}` variant (`{}`): {{error}}", braces(tag), v.ty);
        quote! {
            #tag => serde_json::from_value(object)
                .map(Self::#variant)
                .map_err(|error| serde::de::Error::custom(format_args!(#failed))),
        }
    });
    let encode_arms = t.variants.iter().map(|v| {
        let variant = format_ident!("{}", v.variant);
        let tag = &v.tag;
        quote!(Self::#variant(form) => Tagged { tag: #tag, form }.serialize(serializer),)
    });
    let missing = format!(
        "missing field `{key}`, the tag that says which variant of `{}` this is",
        t.name
    );
    let not_text = format!(
        "the tag `{}` of `{}` is not a string: {{other}}",
        braces(key),
        t.name
    );
    let tag_doc = format!(" The value of `{key}`: which variant this is.");
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
            /// A tag the document does not list (a kind the server added later).
            Unknown {
                /// The tag as sent.
                tag: String,
                /// The whole object as sent, the tag included; sent back as it is.
                raw: serde_json::Value,
            },
        }

        impl #name {
            #[doc = #tag_doc]
            pub fn tag(&self) -> &str {
                match self {
                    #(#tags)*
                    Self::Unknown { tag, .. } => tag,
                }
            }
        }

        impl<'de> Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
                let object: serde_json::Map<String, serde_json::Value> =
                    Deserialize::deserialize(deserializer)?;
                let tag = match object.get(#key) {
                    Some(serde_json::Value::String(tag)) => tag.clone(),
                    Some(other) => {
                        return Err(serde::de::Error::custom(format_args!(#not_text)));
                    }
                    None => return Err(serde::de::Error::custom(#missing)),
                };
                let object = serde_json::Value::Object(object);
                match tag.as_str() {
                    #(#decode_arms)*
                    _ => Ok(Self::Unknown { tag, raw: object }),
                }
            }
        }

        impl Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
                /// A variant as sent: the tag, then the fields of its object.
                #[derive(Serialize)]
                struct Tagged<'a, T> {
                    #[serde(rename = #key)]
                    tag: &'a str,
                    #[serde(flatten)]
                    form: &'a T,
                }

                match self {
                    #(#encode_arms)*
                    Self::Unknown { raw, .. } => raw.serialize(serializer),
                }
            }
        }
    }
}

/// `text` as it reads inside a format string: braces doubled.
fn braces(text: &str) -> String {
    text.replace('{', "{{").replace('}', "}}")
}

/// Whether a union is exactly text or a boolean, the form of a flag some documents send as
/// `" "` in one place and `true` in another.
fn reads_as_bool(u: &Union) -> bool {
    let forms: Vec<(&str, &RustType)> = u.variants.iter().map(|(v, ty)| (v.as_str(), ty)).collect();
    forms.len() == 2
        && forms.contains(&("Text", &RustType::String))
        && forms.contains(&("Boolean", &RustType::Boolean))
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
