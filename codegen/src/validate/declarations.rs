//! Named types: object types and their fields, value sets and their values.

use std::collections::HashMap;

use super::{Checker, Declared, check_duplicates, literal_kind, members};
use crate::naming;
use crate::spec::{EnumLiteral, FieldSpec, Located, Position, TypeSpec};
use crate::types::Primitive;

/// Names every service module defines itself; a spec type may not take them.
pub const RESERVED_TYPE_NAMES: [&str; 8] = [
    "Client",
    "ClientBuilder",
    "Error",
    "ErrorCode",
    "Region",
    "Result",
    "Credentials",
    "Page",
];

pub(crate) fn check(checker: &mut Checker<'_>) {
    let spec = checker.spec;
    check_duplicates(checker, &spec.types, "type", None);
    for entry in &spec.types {
        check_type(checker, &entry.key, &entry.value);
    }
}

fn check_type(checker: &mut Checker<'_>, name: &Located<String>, spec: &TypeSpec) {
    if !naming::is_upper_camel_case(&name.value) {
        let suggestion =
            naming::type_name(&name.value).unwrap_or_else(|| "OrganizationInfo".into());
        checker.error(
            name.at,
            format!("type name `{}` is not in UpperCamelCase", name.value),
            format!("write `{suggestion}`"),
        );
    } else if Primitive::ALL
        .iter()
        .any(|(spelling, _)| spelling.eq_ignore_ascii_case(&name.value))
    {
        checker.error(
            name.at,
            format!(
                "type name `{}` reads as the primitive `{}`",
                name.value,
                name.value.to_lowercase()
            ),
            "choose a name that says what the type holds",
        );
    } else if RESERVED_TYPE_NAMES.contains(&name.value.as_str()) || naming::is_keyword(&name.value)
    {
        checker.error(
            name.at,
            format!(
                "type name `{}` collides with an item the generated module defines",
                name.value
            ),
            format!("rename it, for example `{}Info`", name.value),
        );
    }
    if naming::type_name(&checker.spec.service.value).as_deref() == Some(name.value.as_str()) {
        checker.error(
            name.at,
            format!(
                "type name `{}` collides with the type the generated module names its service by",
                name.value
            ),
            format!("rename it, for example `{}Info`", name.value),
        );
    }
    match checker.declared(&name.value) {
        Some(Declared::Object(fields)) => check_fields(checker, &name.value, fields),
        Some(Declared::Values(values)) => check_values(checker, name, values),
        Some(Declared::Broken) | None => {
            let both = spec.fields.is_some() && spec.values.is_some();
            checker.error(
                name.at,
                if both {
                    format!("type `{}` has both `fields` and `values`", name.value)
                } else {
                    format!("type `{}` has neither `fields` nor `values`", name.value)
                },
                "an object type has `fields:`; a set of allowed values has `values:`",
            );
        }
    }
}

/// Checks one object's fields; also used for a response's `meta`.
pub(crate) fn check_fields(
    checker: &mut Checker<'_>,
    owner: &str,
    fields: &crate::spec::Entries<FieldSpec>,
) {
    check_duplicates(checker, fields, "field", Some(owner));
    let mut rust_names: HashMap<String, (Position, String)> = HashMap::new();
    let mut wire_names: HashMap<&str, Position> =
        fields.iter().map(|f| (f.key.as_str(), f.key.at)).collect();
    for field in fields {
        let wire = &field.key;
        let spec = &field.value;
        members::check(checker, spec.into(), &format!("field `{}`", wire.value));
        let rust = match &spec.rust_name {
            Some(explicit) => Some(explicit.value.clone()),
            None => naming::field_name(&wire.value),
        };
        match rust {
            None => checker.error(
                wire.at,
                format!("field `{}` has no usable Rust name", wire.value),
                "add `rust_name:` with a snake_case name",
            ),
            Some(rust) => {
                if let Some((first_at, first_wire)) = rust_names.get(&rust) {
                    if *first_wire != wire.value {
                        checker.error(
                            wire.at,
                            format!(
                                "fields `{first_wire}` and `{}` of `{owner}` both become the Rust field `{rust}`",
                                wire.value
                            ),
                            format!("the first is at {first_at}; give one of them a `rust_name:`"),
                        );
                    }
                } else {
                    rust_names.insert(rust, (wire.at, wire.value.clone()));
                }
            }
        }
        for alias in &spec.aliases {
            if let Some(first) = wire_names.get(alias.value.as_str()) {
                checker.error(
                    alias.at,
                    format!(
                        "alias `{}` of field `{}` is already a wire name of `{owner}`",
                        alias.value, wire.value
                    ),
                    format!("it is first used at {first}; remove the alias or the other field"),
                );
            } else {
                wire_names.insert(&alias.value, alias.at);
            }
        }
    }
}

fn check_values(
    checker: &mut Checker<'_>,
    name: &Located<String>,
    values: &[Located<crate::spec::EnumValueSpec>],
) {
    if values.is_empty() {
        checker.error(
            name.at,
            format!("value set `{}` has no values", name.value),
            "list the documented values",
        );
        return;
    }
    if literal_kind(values).is_none() {
        checker.error(
            name.at,
            format!("value set `{}` mixes strings and integers", name.value),
            "a value set holds only strings or only integers; quote the integers to make them strings",
        );
    }
    let mut seen: HashMap<&EnumLiteral, Position> = HashMap::new();
    let mut variants: HashMap<String, Position> = HashMap::new();
    for value in values {
        let literal = &value.value.value;
        if let Some(first) = seen.get(literal) {
            checker.error(
                value.at,
                format!(
                    "value {literal} of `{}` is listed twice; it is first listed at {first}",
                    name.value
                ),
                "remove the repeated value",
            );
            continue;
        }
        seen.insert(literal, value.at);
        let variant = match (&value.value.name, literal) {
            (Some(explicit), _) => {
                if !naming::is_upper_camel_case(explicit) {
                    checker.error(
                        value.at,
                        format!("variant name `{explicit}` is not in UpperCamelCase"),
                        format!(
                            "write `{}`",
                            naming::type_name(explicit).unwrap_or_else(|| "Value".into())
                        ),
                    );
                    continue;
                }
                explicit.clone()
            }
            (None, EnumLiteral::Int(i)) => {
                checker.error(
                    value.at,
                    format!("integer value {i} of `{}` needs a `name`", name.value),
                    format!("write `{{ value: {i}, name: SomeName, doc: ... }}`"),
                );
                continue;
            }
            (None, EnumLiteral::Str(s)) => match naming::type_name(s) {
                Some(variant) => variant,
                None => {
                    checker.error(
                        value.at,
                        format!(
                            "value \"{s}\" of `{}` cannot be turned into a Rust variant name",
                            name.value
                        ),
                        format!("write `{{ value: \"{s}\", name: SomeName }}`"),
                    );
                    continue;
                }
            },
        };
        if variant == "Unknown" {
            checker.error(
                value.at,
                format!("value {literal} of `{}` would become the variant `Unknown`, which holds values the server adds later", name.value),
                "give it another `name`",
            );
        } else if let Some(first) = variants.get(&variant) {
            checker.error(
                value.at,
                format!("value {literal} of `{}` becomes the variant `{variant}`, like the value at {first}", name.value),
                "give one of them a different `name`",
            );
        } else {
            variants.insert(variant, value.at);
        }
    }
}
