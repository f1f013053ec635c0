//! What fields and parameters have in common: a `rust_name`, a format and constraints
//! that must suit their type and agree with each other. (Whether a default fits them is
//! checked with the samples, against the finished IR.)

use super::Builder;
use crate::ir::names;
use crate::spec::type_expr::{Primitive, TypeExpr};
use crate::spec::{Format, Member};

/// Reports a `rust_name` that is not a snake_case identifier.
pub(crate) fn check_rust_name(builder: &mut Builder<'_>, member: Member<'_>) {
    if let Some(rust_name) = member.rust_name
        && !names::is_snake_case(&rust_name.value)
    {
        builder.error(
            rust_name.at,
            format!(
                "rust_name `{}` is not a snake_case identifier",
                rust_name.value
            ),
            "write lowercase words joined by `_`, such as `organization_id`",
        );
    }
}

/// Whether `expr` is, or has as an alternative, one of the primitives `wanted`.
fn admits(expr: &TypeExpr, wanted: &[Primitive]) -> bool {
    match expr {
        TypeExpr::Primitive(p) => wanted.contains(p),
        TypeExpr::Union(alternatives) => alternatives.iter().any(|a| admits(a, wanted)),
        _ => false,
    }
}

/// Checks that the member's format and constraints suit its type `expr` and agree with
/// each other; `what` names the member in messages.
pub(crate) fn check_constraints(
    builder: &mut Builder<'_>,
    member: Member<'_>,
    expr: &TypeExpr,
    what: &str,
) {
    let numeric = admits(expr, &[Primitive::Integer, Primitive::Number]);
    let textual = admits(expr, &[Primitive::String]);
    if let Some(format) = member.format
        && !textual
    {
        builder.error(
            format.at,
            format!(
                "`format: {}` applies to strings, but {what} is `{expr}`",
                format.value
            ),
            "remove `format`, or make the type `string`",
        );
    }
    for (bound, name) in [(member.minimum, "minimum"), (member.maximum, "maximum")] {
        if let Some(bound) = bound
            && !numeric
        {
            builder.error(
                bound.at,
                format!("`{name}` applies to numbers, but {what} is `{expr}`"),
                format!("remove `{name}`, or make the type `integer` or `number`"),
            );
        }
    }
    for (bound, name) in [
        (member.min_length, "min_length"),
        (member.max_length, "max_length"),
    ] {
        if let Some(bound) = bound
            && !textual
        {
            builder.error(
                bound.at,
                format!("`{name}` applies to strings, but {what} is `{expr}`"),
                format!("remove `{name}`, or make the type `string`"),
            );
        }
    }
    if member.lenient
        && !member
            .format
            .is_some_and(|f| matches!(f.value, Format::Date | Format::DateTime))
    {
        builder.error(
            member.ty.at,
            format!("`lenient` applies to dates, but {what} has no `format: date` or `date-time`"),
            "remove `lenient`",
        );
    }
    if let (Some(min), Some(max)) = (member.minimum, member.maximum)
        && min.value > max.value
    {
        builder.error(
            max.at,
            format!(
                "`maximum: {}` is less than `minimum: {}`",
                max.value, min.value
            ),
            "swap the two bounds",
        );
    }
    if let (Some(min), Some(max)) = (member.min_length, member.max_length)
        && min.value > max.value
    {
        builder.error(
            max.at,
            format!(
                "`max_length: {}` is less than `min_length: {}`",
                max.value, min.value
            ),
            "swap the two bounds",
        );
    }
    if let Some(pattern) = member.pattern {
        if !textual {
            builder.error(
                pattern.at,
                format!("`pattern` applies to strings, but {what} is `{expr}`"),
                "remove `pattern`, or make the type `string`",
            );
        } else if let Err(e) = regex_lite::Regex::new(&pattern.value) {
            let first_line = e
                .to_string()
                .lines()
                .last()
                .unwrap_or_default()
                .trim()
                .to_owned();
            builder.error(
                pattern.at,
                format!("`pattern` is not a valid regular expression: {first_line}"),
                "write a regular expression in the syntax of the `regex-lite` crate, which the client \
                 checks it with (no Unicode classes such as `\\p{L}`), such as `^[A-Za-z0-9]+$`",
            );
        }
    }
}
