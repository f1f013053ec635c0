//! Whether a JSON value fits a type of the IR and the rules of the field or parameter it
//! belongs to. Strict on purpose: an example key that no field declares is a problem,
//! because it usually means the transcription missed a field. The value is checked
//! against what the generated code decodes, so a sample that fits here decodes there.

use std::sync::LazyLock;

use regex_lite::Regex;
use serde_json::Value;

use crate::ir::{Constraints, Field, Param, RustType, Service, Tagged, TypeDef};
use crate::spec::Format;

/// One way a value does not fit, at a JSON path such as `$.data[0].zoho_id`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Problem {
    pub path: String,
    pub message: String,
    pub hint: String,
}

/// What a field or parameter asks of its values beyond their type.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rules<'a> {
    pub nullable: bool,
    pub constraints: &'a Constraints,
    pub format: Option<Format>,
}

impl<'a> From<&'a Field> for Rules<'a> {
    fn from(field: &'a Field) -> Self {
        Rules {
            // A clearable field is sent as `null` on purpose.
            nullable: field.nullable || field.clearable,
            constraints: &field.constraints,
            format: field.format,
        }
    }
}

impl<'a> From<&'a Param> for Rules<'a> {
    fn from(param: &'a Param) -> Self {
        Rules {
            nullable: false,
            constraints: &param.constraints,
            format: param.format,
        }
    }
}

/// Every problem of `value` against `ty` (and `rules`), under the JSON path `root`.
pub(crate) fn check(
    service: &Service,
    value: &Value,
    ty: &RustType,
    rules: Option<Rules<'_>>,
    root: &str,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    Walk {
        service,
        problems: &mut problems,
    }
    .value(value, ty, rules, root);
    problems
}

/// Every problem of a JSON object whose keys are `fields` (a response's `meta` beside
/// its envelope, for instance). `owner` names them in hints.
pub(crate) fn check_fields(
    service: &Service,
    object: &serde_json::Map<String, Value>,
    fields: &[Field],
    owner: &str,
    root: &str,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    Walk {
        service,
        problems: &mut problems,
    }
    .object(object, fields, owner, root);
    problems
}

/// A type as the spec language writes it: unions by their expression, lists as `[T]`.
pub(crate) fn spelling(service: &Service, ty: &RustType) -> String {
    match ty {
        RustType::Named(name) => match service.types.iter().find(|t| t.name() == name) {
            Some(TypeDef::Union(u)) => u.expr.clone(),
            _ => name.clone(),
        },
        RustType::List(item) => format!("[{}]", spelling(service, item)),
        RustType::Map(value) => format!("{{string: {}}}", spelling(service, value)),
        other => other.spelling(),
    }
}

struct Walk<'c> {
    service: &'c Service,
    problems: &'c mut Vec<Problem>,
}

impl Walk<'_> {
    fn problem(&mut self, path: &str, message: String, hint: impl Into<String>) {
        self.problems.push(Problem {
            path: path.to_owned(),
            message,
            hint: hint.into(),
        });
    }

    fn value(&mut self, value: &Value, ty: &RustType, rules: Option<Rules<'_>>, path: &str) {
        if value.is_null() {
            if !rules.is_some_and(|r| r.nullable) && *ty != RustType::Json {
                let spelled = spelling(self.service, ty);
                self.problem(
                    path,
                    format!("the value is null, but `{spelled}` is not nullable"),
                    "add `nullable: true` to the field if the document allows null",
                );
            }
            return;
        }
        match ty {
            RustType::String
            | RustType::Integer
            | RustType::Number
            | RustType::Boolean
            | RustType::Json
            | RustType::DateTime
            | RustType::Date
            | RustType::Binary => self.primitive(value, ty, rules, path),
            RustType::Named(name) => match self.service.types.iter().find(|t| t.name() == name) {
                Some(TypeDef::Struct(s)) => match value.as_object() {
                    Some(object) => self.object(object, &s.fields, name, path),
                    None => self.mismatch(path, &format!("an object (`{name}`)"), value),
                },
                Some(TypeDef::Enum(e)) => {
                    let matches = e.values.iter().any(|v| v.wire.to_json() == *value);
                    if !matches {
                        let list: Vec<String> =
                            e.values.iter().map(|v| v.wire.to_string()).collect();
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
                Some(TypeDef::Tagged(t)) => match value.as_object() {
                    Some(object) => self.tagged(object, t, path),
                    None => self.mismatch(path, &format!("an object (`{name}`)"), value),
                },
                Some(TypeDef::Union(u)) => {
                    let fits = u.variants.iter().any(|(_, alternative)| {
                        check(self.service, value, alternative, rules, path).is_empty()
                    });
                    if !fits {
                        self.mismatch(path, &format!("`{}`", u.expr), value);
                    }
                }
                None => {}
            },
            RustType::List(item) => match value.as_array() {
                Some(items) => {
                    for (index, element) in items.iter().enumerate() {
                        self.value(element, item, None, &format!("{path}[{index}]"));
                    }
                }
                None => {
                    let spelled = spelling(self.service, ty);
                    self.mismatch(path, &format!("an array (`{spelled}`)"), value);
                }
            },
            // Every key is data, so none is unknown; each value is checked as the type.
            RustType::Map(item) => match value.as_object() {
                Some(entries) => {
                    for (key, element) in entries {
                        self.value(element, item, None, &format!("{path}.{key}"));
                    }
                }
                None => {
                    let spelled = spelling(self.service, ty);
                    self.mismatch(path, &format!("an object (`{spelled}`)"), value);
                }
            },
        }
    }

    fn object(
        &mut self,
        object: &serde_json::Map<String, Value>,
        fields: &[Field],
        owner: &str,
        path: &str,
    ) {
        for (key, value) in object {
            let field = fields
                .iter()
                .find(|f| f.wire == *key || f.aliases.iter().any(|a| a == key));
            let child = format!("{path}.{key}");
            match field {
                Some(field) => self.value(value, &field.ty, Some(field.into()), &child),
                None => self.problem(
                    &child,
                    format!("unknown key `{key}`"),
                    format!("declare `{key}` among the fields of `{owner}`, or remove it from the example"),
                ),
            }
        }
        for field in fields {
            let present = object.contains_key(&field.wire)
                || field.aliases.iter().any(|a| object.contains_key(a));
            if field.required && !present {
                let wire = &field.wire;
                self.problem(
                    path,
                    format!("required field `{wire}` of `{owner}` is missing"),
                    format!("add `{wire}` to the example, or drop `required: true` from the field"),
                );
            }
        }
    }

    /// An object of a tagged union: its tag must name a listed variant (a sample with
    /// another tag would decode only as `Unknown`, which documents nothing), and the rest of
    /// the object must fit that variant's struct.
    fn tagged(&mut self, object: &serde_json::Map<String, Value>, t: &Tagged, path: &str) {
        let key = &t.tag;
        let listed = || {
            let tags: Vec<String> = t
                .variants
                .iter()
                .map(|v| format!("\"{}\"", v.tag))
                .collect();
            tags.join(", ")
        };
        let variant = match object.get(key) {
            None => {
                self.problem(
                    path,
                    format!("the tag `{key}` of `{}` is missing", t.name),
                    format!("add `\"{key}\"` with one of {}", listed()),
                );
                return;
            }
            Some(Value::String(tag)) => match t.variant(tag) {
                Some(variant) => variant,
                None => {
                    self.problem(
                        &format!("{path}.{key}"),
                        format!("\"{}\" is not a tag of `{}`", excerpt(tag), t.name),
                        format!(
                            "use one of {}, or add the variant to `{}`",
                            listed(),
                            t.name
                        ),
                    );
                    return;
                }
            },
            Some(other) => {
                self.mismatch(&format!("{path}.{key}"), "the tag as a string", other);
                return;
            }
        };
        let Some(TypeDef::Struct(s)) = self.service.types.iter().find(|d| d.name() == variant.ty)
        else {
            return;
        };
        let mut fields = object.clone();
        fields.remove(key);
        self.object(&fields, &s.fields, &s.name, path);
    }

    fn primitive(&mut self, value: &Value, ty: &RustType, rules: Option<Rules<'_>>, path: &str) {
        let fits = match ty {
            // A date's text is checked against its format with the field's other rules.
            // A file part's sample is its content (or its name) as text.
            RustType::String | RustType::DateTime | RustType::Date | RustType::Binary => {
                value.is_string()
            }
            RustType::Integer => value.is_i64() || value.is_u64(),
            RustType::Number => value.is_number(),
            RustType::Boolean => value.is_boolean(),
            _ => true,
        };
        if !fits {
            self.mismatch(path, &format!("`{}`", ty.spelling()), value);
            return;
        }
        let Some(rules) = rules else { return };
        let c = rules.constraints;
        if let Some(number) = value.as_f64().filter(|_| value.is_number()) {
            if let Some(min) = c.minimum
                && number < min
            {
                self.problem(
                    path,
                    format!("{number} is less than the minimum {min}"),
                    "use a value within the bounds",
                );
            }
            if let Some(max) = c.maximum
                && number > max
            {
                self.problem(
                    path,
                    format!("{number} is more than the maximum {max}"),
                    "use a value within the bounds",
                );
            }
        }
        if let Some(text) = value.as_str() {
            self.string(text, ty, rules, path);
        }
    }

    fn string(&mut self, text: &str, ty: &RustType, rules: Rules<'_>, path: &str) {
        let c = rules.constraints;
        let length = u64::try_from(text.chars().count()).unwrap_or(u64::MAX);
        if let Some(min) = c.min_length
            && length < min
        {
            self.problem(
                path,
                format!(
                    "\"{}\" has {length} characters, fewer than min_length {min}",
                    excerpt(text),
                ),
                "use a longer value",
            );
        }
        if let Some(max) = c.max_length
            && length > max
        {
            self.problem(
                path,
                format!(
                    "\"{}\" has {length} characters, more than max_length {max}",
                    excerpt(text),
                ),
                "use a shorter value",
            );
        }
        if let Some(pattern) = &c.pattern
            && let Ok(regex) = Regex::new(pattern)
            && !regex.is_match(text)
        {
            self.problem(
                path,
                format!(
                    "\"{}\" does not match the pattern `{pattern}`",
                    excerpt(text),
                ),
                "use a value the pattern accepts",
            );
        }
        // A date kept as text (`lenient`) is text because its samples are not all dates.
        let lenient = *ty == RustType::String
            && matches!(rules.format, Some(Format::Date | Format::DateTime));
        if let Some(format) = rules.format
            && !lenient
            && !fits_format(text, format)
        {
            self.problem(
                path,
                format!("\"{}\" is not a valid `{format}`", excerpt(text)),
                format_hint(format),
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
