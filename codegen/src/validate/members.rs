//! What fields and parameters have in common: a type, a format, constraints and a
//! default. Checked here once for both.

use super::{Checker, Declared, values};
use crate::naming;
use crate::spec::{Member, Position};
use crate::types::{Primitive, TypeExpr};

/// Whether `expr` is, or has as an alternative, the primitive `p` (`number` also admits integers).
fn admits(expr: &TypeExpr, wanted: &[Primitive]) -> bool {
    match expr {
        TypeExpr::Primitive(p) => wanted.contains(p),
        TypeExpr::Union(alternatives) => alternatives.iter().any(|a| admits(a, wanted)),
        _ => false,
    }
}

/// Checks the member's type, that its constraints suit that type and agree with each
/// other, and that its default satisfies them. Returns the resolved type.
pub(crate) fn check(checker: &mut Checker<'_>, member: Member<'_>, what: &str) -> Option<TypeExpr> {
    if let Some(rust_name) = member.rust_name
        && !naming::is_snake_case(&rust_name.value)
    {
        checker.error(
            rust_name.at,
            format!(
                "rust_name `{}` is not a snake_case identifier",
                rust_name.value
            ),
            "write lowercase words joined by `_`, such as `organization_id`",
        );
    }
    let expr = checker.resolve(member.ty)?;
    let numeric = admits(&expr, &[Primitive::Integer, Primitive::Number]);
    let textual = admits(&expr, &[Primitive::String]);
    if let Some(format) = member.format
        && !textual
    {
        checker.error(
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
            checker.error(
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
            checker.error(
                bound.at,
                format!("`{name}` applies to strings, but {what} is `{expr}`"),
                format!("remove `{name}`, or make the type `string`"),
            );
        }
    }
    if let (Some(min), Some(max)) = (member.minimum, member.maximum)
        && min.value > max.value
    {
        checker.error(
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
        checker.error(
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
            checker.error(
                pattern.at,
                format!("`pattern` applies to strings, but {what} is `{expr}`"),
                "remove `pattern`, or make the type `string`",
            );
        } else if let Err(e) = regex::Regex::new(&pattern.value) {
            let first_line = e
                .to_string()
                .lines()
                .last()
                .unwrap_or_default()
                .trim()
                .to_owned();
            checker.error(
                pattern.at,
                format!("`pattern` is not a valid regular expression: {first_line}"),
                "write a regular expression in the syntax of the `regex` crate, such as `^[A-Za-z0-9]+$`",
            );
        }
    }
    if let Some(default) = member.default {
        let problems = values::check(checker, &default.value, &expr, Some(member), "default");
        report_value_problems(checker, default.at, &problems, "default");
    }
    Some(expr)
}

/// Turns value problems into diagnostics at `at`.
pub(crate) fn report_value_problems(
    checker: &mut Checker<'_>,
    at: Position,
    problems: &[values::Problem],
    what: &str,
) {
    for problem in problems {
        checker.error(
            at,
            format!(
                "{what} does not fit its schema: at `{}`: {}",
                problem.path, problem.message
            ),
            problem.hint.clone(),
        );
    }
}

/// Whether a parameter's type can travel in a query string, path segment or header.
pub(crate) fn is_scalar(checker: &Checker<'_>, expr: &TypeExpr) -> bool {
    match expr {
        TypeExpr::Primitive(p) => *p != Primitive::Any,
        TypeExpr::Named(name) => matches!(checker.declared(name), Some(Declared::Values(_))),
        TypeExpr::Array(_) => false,
        TypeExpr::Union(alternatives) => alternatives.iter().all(|a| is_scalar(checker, a)),
    }
}
