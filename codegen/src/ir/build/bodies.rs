//! What a body's encoding asks of its type: a form body holds scalars and lists of them,
//! and `binary` fields (file parts) belong to types that only multipart bodies send.

use super::Builder;
use crate::ir::{Operation, RustType, Struct, TypeDef, Union};
use crate::spec::{BodyEncoding, Position};

/// Reports form bodies with fields a form cannot carry, and `binary` fields in a type that
/// is not sent only as a multipart body.
pub(crate) fn check(
    builder: &mut Builder<'_>,
    types: &[TypeDef],
    unions: &[Union],
    operations: &[Operation],
) {
    for op in operations {
        let Some(body) = &op.body else { continue };
        let Some(TypeDef::Struct(s)) = types.iter().find(|t| t.name() == body) else {
            continue;
        };
        if op.body_encoding == BodyEncoding::Form {
            check_form(builder, s, types, unions, &op.name);
        }
        if op.body_encoding != BodyEncoding::Json {
            check_no_null(builder, s, op.body_encoding);
        }
    }
    for def in types {
        let TypeDef::Struct(s) = def else { continue };
        let Some(file) = s.fields.iter().find(|f| f.ty.mentions_binary()) else {
            continue;
        };
        let at = field_at(builder, &s.name, &file.wire);
        if let Some((other, hint)) = other_use(&s.name, types, unions, operations) {
            builder.error(
                at,
                format!(
                    "field `{}` of `{}` is `binary`, a file part, but {other}",
                    file.wire, s.name
                ),
                hint,
            );
        }
    }
}

/// Where `owner`'s struct is used other than as a multipart body, in words, and what to
/// write instead; `None` when nowhere.
fn other_use(
    owner: &str,
    types: &[TypeDef],
    unions: &[Union],
    operations: &[Operation],
) -> Option<(String, String)> {
    let elsewhere = |what: String| {
        (
            what,
            "file parts travel in multipart request bodies only: keep `binary` fields in a \
             type that only `encoding: multipart` bodies send"
                .to_owned(),
        )
    };
    let names = |ty: &RustType| ty.named().any(|n| n == owner);
    for def in types {
        let holds = match def {
            TypeDef::Struct(s) => s.fields.iter().any(|f| names(&f.ty)),
            TypeDef::Tagged(t) => t.variants.iter().any(|v| v.ty == owner),
            TypeDef::Enum(_) | TypeDef::Union(_) => false,
        };
        if holds {
            return Some(elsewhere(format!("`{}` holds it", def.name())));
        }
    }
    if let Some(u) = unions
        .iter()
        .find(|u| u.variants.iter().any(|(_, ty)| names(ty)))
    {
        return Some(elsewhere(format!("it is one of the types of `{}`", u.name)));
    }
    for op in operations {
        if op.body.as_deref() == Some(owner) && op.body_encoding != BodyEncoding::Multipart {
            return Some((
                format!("`{}` sends it as a {} body", op.name, op.body_encoding),
                format!(
                    "give the body of `{}` `encoding: multipart`, which sends file parts",
                    op.name
                ),
            ));
        }
        let in_response = op.response.payload.as_ref().is_some_and(names)
            || op.response.meta.iter().any(|f| names(&f.ty));
        if in_response {
            return Some(elsewhere(format!("the response of `{}` holds it", op.name)));
        }
    }
    None
}

/// A form body is `key=value` pairs: each field a scalar, a value set, a union of them or a
/// list of those, and none sent as `null`.
fn check_form(
    builder: &mut Builder<'_>,
    body: &Struct,
    types: &[TypeDef],
    unions: &[Union],
    operation: &str,
) {
    for field in &body.fields {
        let at = field_at(builder, &body.name, &field.wire);
        let item = match &field.ty {
            RustType::List(item) => item.as_ref(),
            ty => ty,
        };
        if !is_text(item, types, unions) {
            builder.error(
                at,
                format!(
                    "field `{}` of `{}` cannot travel in the form body of `{operation}`: a \
                     form holds text, and `{}` is not a scalar",
                    field.wire,
                    body.name,
                    field.ty.spelling()
                ),
                "give the form scalars, value sets or lists of them; send an object with \
                 `encoding: json`, or as a JSON part with `encoding: multipart`",
            );
        }
    }
}

/// Forms and multipart bodies have no `null`: a `clearable` field could not be cleared.
fn check_no_null(builder: &mut Builder<'_>, body: &Struct, encoding: BodyEncoding) {
    for field in body.fields.iter().filter(|f| f.clearable) {
        let at = builder
            .spec
            .types
            .entry(&body.name)
            .and_then(|entry| entry.value.fields.as_ref()?.entry(&field.wire))
            .and_then(|spec| spec.value.clearable.as_ref())
            .map_or_else(|| field_at(builder, &body.name, &field.wire), |c| c.at);
        builder.error(
            at,
            format!(
                "field `{}` of `{}` is `clearable`, but a {encoding} body cannot send `null`",
                field.wire, body.name
            ),
            "remove `clearable` (leaving the field out is all such a body can say), or send \
             the body with `encoding: json`",
        );
    }
}

/// Whether a value of `ty` is one line of text on the wire.
fn is_text(ty: &RustType, types: &[TypeDef], unions: &[Union]) -> bool {
    match ty {
        RustType::String
        | RustType::Integer
        | RustType::Number
        | RustType::Boolean
        | RustType::DateTime
        | RustType::Date => true,
        RustType::Json | RustType::List(_) | RustType::Map(_) | RustType::Binary => false,
        RustType::Named(name) => {
            matches!(
                types.iter().find(|t| t.name() == name),
                Some(TypeDef::Enum(_))
            ) || unions
                .iter()
                .find(|u| &u.name == name)
                .is_some_and(|u| u.variants.iter().all(|(_, ty)| is_text(ty, types, unions)))
        }
    }
}

/// Where the spec declares field `wire` of type `owner` (its type, else its name).
fn field_at(builder: &Builder<'_>, owner: &str, wire: &str) -> Position {
    let Some(entry) = builder.spec.types.entry(owner) else {
        return Position::default();
    };
    entry
        .value
        .fields
        .as_ref()
        .and_then(|fields| fields.entry(wire))
        .map_or(entry.key.at, |field| field.value.ty.at)
}
