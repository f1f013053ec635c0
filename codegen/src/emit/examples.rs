//! The example in each operation's rustdoc, compiled as a doc test: a call with the values
//! the spec's own samples send (recorded on the IR by [`crate::samples`]), else the
//! parameter's default, else a stand-in that says what it stands for.

use serde_json::Value;

use super::operations::arguments;
use crate::ir::{Constraints, Field, Operation, Param, RustType, Service, TypeDef};
use crate::spec::{EnumLiteral, Format};

/// The example's code. `None` when an argument has no value that can be written simply
/// (a nested object type).
pub fn example(service: &Service, op: &Operation, lib_name: &str) -> Option<String> {
    let module = &service.module;
    let call_of = call(service, op)?;
    let (setup, call) = (&call_of.setup, call_of.expr(false));
    let line = match (&op.pagination, &op.response.payload) {
        (Some(_), _) => format!("let items: Vec<_> = {call}.stream().try_collect().await?;"),
        (None, None) if op.response.download.is_some() => {
            format!("let bytes = {call}.send().await?.bytes().await?;")
        }
        (None, None) => format!("{call}.send().await?;"),
        (None, Some(_)) => format!("let response = {call}.send().await?;"),
    };
    let uses = if op.pagination.is_some() {
        "# use futures::TryStreamExt;\n"
    } else {
        ""
    };
    Some(format!(
        "{uses}# use {lib_name}::{module}::*;\n\
         # async fn example(client: Client) -> Result<()> {{\n\
         {setup}{line}\n\
         # Ok(())\n\
         # }}\n"
    ))
}

/// A call of an operation with documented (or stand-in) values, as example code writes it.
pub struct Call {
    /// Lines before the call (`let body = ...;\n`), or nothing.
    pub setup: String,
    operation: String,
    args: Vec<String>,
    body: bool,
}

impl Call {
    /// The call on `client` (`client.get_org_enrichment("1234567890")`), without `.send()`;
    /// with `clone_body`, it passes `body.clone()`, so that `body` can be used again.
    pub fn expr(&self, clone_body: bool) -> String {
        self.expr_of(&self.operation, clone_body)
    }

    /// The same arguments passed to another `Client` method (a waiter's, which takes what
    /// the operation it polls takes).
    pub fn expr_of(&self, method: &str, clone_body: bool) -> String {
        let mut args = self.args.clone();
        if self.body {
            args.push(if clone_body { "body.clone()" } else { "body" }.to_owned());
        }
        format!("client.{method}({})", args.join(", "))
    }
}

/// A call of `op`; `None` when an argument has no value that can be written simply.
pub fn call(service: &Service, op: &Operation) -> Option<Call> {
    let mut args = Vec::new();
    for param in arguments(op) {
        args.push(param_value(service, param)?);
    }
    let mut setup = String::new();
    if let Some(body) = &op.body {
        let body_struct = service.struct_named(body)?;
        let required: Vec<&Field> = body_struct
            .fields
            .iter()
            .filter(|f| !f.optional())
            .collect();
        let constructor = if required.is_empty() {
            format!("{body}::default()")
        } else {
            let values = required
                .iter()
                .map(|f| field_value(service, f, op.body_sample.as_ref()))
                .collect::<Option<Vec<_>>>()?;
            format!("{body}::new({})", values.join(", "))
        };
        setup = format!("let body = {constructor};\n");
    }
    Some(Call {
        setup,
        operation: op.name.clone(),
        args,
        body: op.body.is_some(),
    })
}

/// A parameter's value: its sample, its default, or a stand-in.
fn param_value(service: &Service, param: &Param) -> Option<String> {
    let documented = param
        .sample
        .as_deref()
        .and_then(|text| from_text(service, &param.ty, text))
        .or_else(|| {
            let default: Value = serde_json::from_str(param.default.as_deref()?).ok()?;
            from_json(service, &param.ty, &default)
        });
    documented.or_else(|| {
        stand_in(
            service,
            &param.ty,
            &param.wire,
            param.format,
            &param.constraints,
        )
    })
}

/// A body field's value: from the body sample, or a stand-in.
fn field_value(service: &Service, field: &Field, sample: Option<&Value>) -> Option<String> {
    let sampled = sample.and_then(|body| {
        std::iter::once(&field.wire)
            .chain(&field.aliases)
            .find_map(|key| body.get(key))
    });
    sampled
        .and_then(|value| from_json(service, &field.ty, value))
        .or_else(|| {
            stand_in(
                service,
                &field.ty,
                &field.wire,
                field.format,
                &field.constraints,
            )
        })
}

/// Rust source for `text` (a value as a URL carries it) read as `ty`.
fn from_text(service: &Service, ty: &RustType, text: &str) -> Option<String> {
    let json = match ty {
        RustType::Integer => Value::from(text.parse::<i64>().ok()?),
        RustType::Number => serde_json::Number::from_f64(text.parse().ok()?).map(Value::Number)?,
        RustType::Boolean => Value::Bool(text.parse().ok()?),
        RustType::Named(name) => match named(service, name)? {
            TypeDef::Enum(e) if e.integer => Value::from(text.parse::<i64>().ok()?),
            TypeDef::Union(u) => {
                return u.variants.iter().find_map(|(variant, inner)| {
                    from_text(service, inner, text)
                        .map(|value| format!("{name}::{variant}({value})"))
                });
            }
            _ => Value::String(text.to_owned()),
        },
        _ => Value::String(text.to_owned()),
    };
    from_json(service, ty, &json)
}

/// Rust source for `value` read as `ty`; `None` when it does not fit simply.
fn from_json(service: &Service, ty: &RustType, value: &Value) -> Option<String> {
    match ty {
        RustType::String => value.as_str().map(|s| format!("{s:?}")),
        RustType::Integer => value.as_i64().map(|n| n.to_string()),
        RustType::Number => value.as_f64().map(float),
        RustType::Boolean => value.as_bool().map(|b| b.to_string()),
        RustType::DateTime | RustType::Date => value.as_str().map(|text| date(ty, text)),
        RustType::Binary => value
            .as_str()
            .map(|text| format!("FilePart::bytes({text:?})")),
        RustType::Json | RustType::List(_) | RustType::Map(_) => None,
        RustType::Named(name) => match named(service, name)? {
            TypeDef::Enum(e) => e
                .values
                .iter()
                .find(|v| match &v.wire {
                    EnumLiteral::Str(s) => value.as_str() == Some(s),
                    EnumLiteral::Int(i) => value.as_i64() == Some(*i),
                })
                .map(|v| format!("{name}::{}", v.variant)),
            TypeDef::Union(u) => u.variants.iter().find_map(|(variant, inner)| {
                from_json(service, inner, value).map(|v| format!("{name}::{variant}({v})"))
            }),
            TypeDef::Struct(_) | TypeDef::Tagged(_) => None,
        },
    }
}

/// A value that stands in for a documented one: what its format looks like, or its name.
fn stand_in(
    service: &Service,
    ty: &RustType,
    wire: &str,
    format: Option<Format>,
    constraints: &Constraints,
) -> Option<String> {
    match ty {
        RustType::String => {
            let text = match format {
                Some(Format::Int64) => "1234567890".to_owned(),
                Some(Format::Email) => "name@example.com".to_owned(),
                Some(Format::Url) => "https://example.com".to_owned(),
                Some(Format::Date) => "2024-01-31".to_owned(),
                Some(Format::DateTime) => "2024-01-31T12:00:00Z".to_owned(),
                Some(Format::HexColor) => "#336699".to_owned(),
                Some(Format::CountryCode) => "US".to_owned(),
                // Long enough for a documented minimum length, so the example passes the checks.
                None => match constraints.min_length {
                    Some(min) => "example".repeat(usize::try_from(min / 7 + 1).unwrap_or(1)),
                    None => wire.to_owned(),
                },
            };
            Some(format!("{text:?}"))
        }
        RustType::Integer => Some(constraints.minimum.map_or(10, |min| min as i64).to_string()),
        RustType::Number => Some(float(constraints.minimum.unwrap_or(1.0))),
        RustType::Boolean => Some("true".into()),
        RustType::DateTime => Some(date(ty, "2024-01-31T12:00:00Z")),
        RustType::Date => Some(date(ty, "2024-01-31")),
        RustType::List(_) => Some("Vec::new()".into()),
        RustType::Map(_) => Some("std::collections::BTreeMap::new()".into()),
        RustType::Json => Some("serde_json::Value::Null".into()),
        RustType::Binary => Some(format!("FilePart::path(\"path/to/{wire}\")")),
        RustType::Named(name) => match named(service, name)? {
            TypeDef::Enum(e) => e.values.first().map(|v| format!("{name}::{}", v.variant)),
            TypeDef::Union(u) => u.variants.iter().find_map(|(variant, inner)| {
                stand_in(service, inner, wire, format, constraints)
                    .map(|v| format!("{name}::{variant}({v})"))
            }),
            TypeDef::Struct(_) | TypeDef::Tagged(_) => None,
        },
    }
}

/// A date or timestamp from its text; the samples were checked to hold valid ones.
fn date(ty: &RustType, text: &str) -> String {
    match ty {
        RustType::DateTime => {
            format!("chrono::DateTime::parse_from_rfc3339({text:?}).unwrap_or_default()")
        }
        _ => format!("{text:?}.parse::<chrono::NaiveDate>().unwrap_or_default()"),
    }
}

fn named<'s>(service: &'s Service, name: &str) -> Option<&'s TypeDef> {
    service.types.iter().find(|t| t.name() == name)
}

/// A float literal that reads as one (`3.0`, not `3`).
fn float(n: f64) -> String {
    let text = n.to_string();
    if text.contains(['.', 'e', 'N', 'i']) {
        text
    } else {
        format!("{text}.0")
    }
}
