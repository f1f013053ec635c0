//! Whether a JSON value fits a type expression and the constraints of the member it
//! belongs to. Strict on purpose: an example key that no field declares is a problem,
//! because it usually means the transcription missed a field.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

use super::{Checker, Declared};
use crate::spec::Member;
use crate::spec::{EnumLiteral, FieldSpec, Format};
use crate::types::{Primitive, TypeExpr};

/// One way a value does not fit, at a JSON path such as `$.data[0].zoho_id`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Problem {
    pub path: String,
    pub message: String,
    pub hint: String,
}

/// Every problem of `value` against `expr` (and `member`'s constraints), under `root`.
pub(crate) fn check(
    checker: &Checker<'_>,
    value: &Value,
    expr: &TypeExpr,
    member: Option<Member<'_>>,
    root: &str,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    Walk {
        checker,
        problems: &mut problems,
    }
    .value(value, expr, member, root);
    problems
}

/// Every problem of a JSON object whose keys are the fields in `fields` (a response's
/// `meta` beside its envelope, for instance). `owner` names them in hints.
pub(crate) fn check_fields(
    checker: &Checker<'_>,
    object: &serde_json::Map<String, Value>,
    fields: &[(&str, &FieldSpec)],
    owner: &str,
    root: &str,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    Walk {
        checker,
        problems: &mut problems,
    }
    .object(object, fields, owner, root);
    problems
}

struct Walk<'c, 'a> {
    checker: &'c Checker<'a>,
    problems: &'c mut Vec<Problem>,
}

impl Walk<'_, '_> {
    fn problem(&mut self, path: &str, message: String, hint: impl Into<String>) {
        self.problems.push(Problem {
            path: path.to_owned(),
            message,
            hint: hint.into(),
        });
    }

    fn value(&mut self, value: &Value, expr: &TypeExpr, member: Option<Member<'_>>, path: &str) {
        if value.is_null() {
            if !member.is_some_and(|m| m.nullable) && *expr != TypeExpr::Primitive(Primitive::Any) {
                self.problem(
                    path,
                    format!("the value is null, but `{expr}` is not nullable"),
                    "add `nullable: true` to the field if the document allows null",
                );
            }
            return;
        }
        match expr {
            TypeExpr::Primitive(primitive) => self.primitive(value, *primitive, member, path),
            TypeExpr::Named(name) => match self.checker.declared(name) {
                Some(Declared::Object(fields)) => match value.as_object() {
                    Some(object) => {
                        let fields: Vec<(&str, &FieldSpec)> =
                            fields.iter().map(|e| (e.key.as_str(), &e.value)).collect();
                        self.object(object, &fields, name, path);
                    }
                    None => self.mismatch(path, &format!("an object (`{name}`)"), value),
                },
                Some(Declared::Values(values)) => {
                    let allowed: Vec<&EnumLiteral> =
                        values.iter().map(|v| &v.value.value).collect();
                    let matches = allowed.iter().any(|literal| literal.to_json() == *value);
                    if !matches {
                        let list: Vec<String> = allowed.iter().map(ToString::to_string).collect();
                        self.problem(
                            path,
                            format!("{} is not one of the values of `{name}`", describe(value)),
                            format!(
                                "use one of {}, or add the value to `{name}`",
                                list.join(", ")
                            ),
                        );
                    }
                }
                Some(Declared::Broken) | None => {}
            },
            TypeExpr::Array(item) => match value.as_array() {
                Some(items) => {
                    for (index, element) in items.iter().enumerate() {
                        self.value(element, item, None, &format!("{path}[{index}]"));
                    }
                }
                None => self.mismatch(path, &format!("an array (`{expr}`)"), value),
            },
            TypeExpr::Union(alternatives) => {
                let fits = alternatives.iter().any(|alternative| {
                    check(self.checker, value, alternative, member, path).is_empty()
                });
                if !fits {
                    self.mismatch(path, &format!("`{expr}`"), value);
                }
            }
        }
    }

    fn object(
        &mut self,
        object: &serde_json::Map<String, Value>,
        fields: &[(&str, &FieldSpec)],
        owner: &str,
        path: &str,
    ) {
        for (key, value) in object {
            let field = fields
                .iter()
                .find(|(wire, spec)| *wire == key || spec.aliases.iter().any(|a| a.value == *key));
            let child = format!("{path}.{key}");
            match field {
                Some((_, spec)) => {
                    if let Some(expr) = self.checker.resolve_quietly(&spec.ty.value) {
                        self.value(value, &expr, Some(Member::from(*spec)), &child);
                    }
                }
                None => self.problem(
                    &child,
                    format!("unknown key `{key}`"),
                    format!("declare `{key}` among the fields of `{owner}`, or remove it from the example"),
                ),
            }
        }
        for (wire, spec) in fields {
            let required = spec.required.as_ref().is_some_and(|r| r.value);
            let present = object.contains_key(*wire)
                || spec.aliases.iter().any(|a| object.contains_key(&a.value));
            if required && !present {
                self.problem(
                    path,
                    format!("required field `{wire}` of `{owner}` is missing"),
                    format!("add `{wire}` to the example, or drop `required: true` from the field"),
                );
            }
        }
    }

    fn primitive(
        &mut self,
        value: &Value,
        primitive: Primitive,
        member: Option<Member<'_>>,
        path: &str,
    ) {
        let fits = match primitive {
            Primitive::String => value.is_string(),
            Primitive::Integer => value.is_i64() || value.is_u64(),
            Primitive::Number => value.is_number(),
            Primitive::Boolean => value.is_boolean(),
            Primitive::Any => true,
        };
        if !fits {
            self.mismatch(path, &format!("`{}`", primitive.spelling()), value);
            return;
        }
        let Some(member) = member else { return };
        if let Some(number) = value.as_f64().filter(|_| value.is_number()) {
            if let Some(min) = member.minimum
                && number < min.value
            {
                self.problem(
                    path,
                    format!("{number} is less than the minimum {}", min.value),
                    "use a value within the bounds",
                );
            }
            if let Some(max) = member.maximum
                && number > max.value
            {
                self.problem(
                    path,
                    format!("{number} is more than the maximum {}", max.value),
                    "use a value within the bounds",
                );
            }
        }
        if let Some(text) = value.as_str() {
            self.string(text, member, path);
        }
    }

    fn string(&mut self, text: &str, member: Member<'_>, path: &str) {
        let length = u64::try_from(text.chars().count()).unwrap_or(u64::MAX);
        if let Some(min) = member.min_length
            && length < min.value
        {
            self.problem(
                path,
                format!(
                    "\"{}\" has {length} characters, fewer than min_length {}",
                    excerpt(text),
                    min.value
                ),
                "use a longer value",
            );
        }
        if let Some(max) = member.max_length
            && length > max.value
        {
            self.problem(
                path,
                format!(
                    "\"{}\" has {length} characters, more than max_length {}",
                    excerpt(text),
                    max.value
                ),
                "use a shorter value",
            );
        }
        if let Some(pattern) = member.pattern
            && let Ok(regex) = Regex::new(&pattern.value)
            && !regex.is_match(text)
        {
            self.problem(
                path,
                format!(
                    "\"{}\" does not match the pattern `{}`",
                    excerpt(text),
                    pattern.value
                ),
                "use a value the pattern accepts",
            );
        }
        if let Some(format) = member.format
            && !fits_format(text, format.value)
        {
            self.problem(
                path,
                format!("\"{}\" is not a valid `{}`", excerpt(text), format.value),
                format_hint(format.value),
            );
        }
    }

    fn mismatch(&mut self, path: &str, expected: &str, found: &Value) {
        self.problem(
            path,
            format!("expected {expected}, found {}", describe(found)),
            "make the value match the type, or correct the field's `type`",
        );
    }
}

/// Whether `text` is well-formed for `format`.
pub(crate) fn fits_format(text: &str, format: Format) -> bool {
    static DATE: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$").ok());
    static DATE_TIME: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$").ok()
    });
    static EMAIL: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"^[^@\s]+@[^@\s]+\.[^@\s]+$").ok());
    static URL: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"^https?://[^\s/]+(/\S*)?$").ok());
    static HEX: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$").ok());
    static COUNTRY: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"^[A-Z]{2}$").ok());
    let regex = match format {
        Format::Int64 => return text.parse::<i64>().is_ok(),
        Format::Date => &DATE,
        Format::DateTime => &DATE_TIME,
        Format::Email => &EMAIL,
        Format::Url => &URL,
        Format::HexColor => &HEX,
        Format::CountryCode => &COUNTRY,
    };
    regex.as_ref().is_some_and(|r| r.is_match(text))
}

fn format_hint(format: Format) -> &'static str {
    match format {
        Format::Date => "write a date as YYYY-MM-DD",
        Format::DateTime => "write an RFC 3339 timestamp such as 2024-05-12T23:51:22Z",
        Format::Email => "write an address such as name@example.com",
        Format::Url => "write an absolute http(s) URL",
        Format::HexColor => "write #RGB or #RRGGBB",
        Format::Int64 => "write the decimal digits of a 64-bit integer",
        Format::CountryCode => "write a two-letter ISO 3166-1 code such as US",
    }
}

/// A short description of a value with an excerpt, for messages.
pub(crate) fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("the boolean {b}"),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the string \"{}\"", excerpt(s)),
        Value::Array(items) => format!("an array of {} item(s)", items.len()),
        Value::Object(map) => format!("an object with {} key(s)", map.len()),
    }
}

fn excerpt(text: &str) -> String {
    const LIMIT: usize = 40;
    if text.chars().count() <= LIMIT {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(LIMIT).collect();
        format!("{cut}...")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_accept_the_documents_values() {
        assert!(fits_format("2024-05-12T23:51:22Z", Format::DateTime));
        assert!(fits_format("2012-02-15", Format::Date));
        assert!(fits_format("#000FFF", Format::HexColor));
        assert!(fits_format("111112000000071191", Format::Int64));
        assert!(fits_format("sales@zohocorp.com", Format::Email));
        assert!(fits_format("https://example.com/logo.png", Format::Url));
        assert!(fits_format("US", Format::CountryCode));
    }

    #[test]
    fn formats_reject_near_misses() {
        assert!(!fits_format("2012-13-15", Format::Date));
        assert!(!fits_format("2024-05-12 23:51:22", Format::DateTime));
        assert!(!fits_format("#00FF", Format::HexColor));
        assert!(!fits_format("10000200000027xxxx", Format::Int64));
        assert!(!fits_format("www.example.com", Format::Url));
        assert!(!fits_format("USA", Format::CountryCode));
    }
}
