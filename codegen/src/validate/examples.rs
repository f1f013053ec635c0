//! The documented samples, checked against what they illustrate: a request line against
//! the path template, hosts and query parameters; a body against the body type; a
//! response against its envelope, meta fields and payload type.

use serde_json::Value;

use super::members;
use super::values::{self, Problem};
use super::{Checker, Declared, json_locate, literal_kind};
use crate::path_template::PathTemplate;
use crate::spec::Member;
use crate::spec::{
    ExampleSpec, FieldSpec, Located, OperationSpec, ParamLocation, ParamSpec, Position,
};
use crate::types::{Primitive, TypeExpr};

pub(crate) fn check(checker: &mut Checker<'_>) {
    for op in &checker.spec.operations {
        for example in &op.value.examples {
            check_example(checker, &op.value, example);
        }
    }
}

fn check_example(checker: &mut Checker<'_>, op: &OperationSpec, example: &ExampleSpec) {
    let kinds = [
        example.request.is_some(),
        example.body.is_some(),
        example.response.is_some(),
    ];
    if kinds.iter().filter(|k| **k).count() != 1 {
        checker.error(
            example.title.at,
            format!(
                "example \"{}\" must have exactly one of `request`, `body` or `response`",
                example.title.value
            ),
            "split it into one example per sample",
        );
        return;
    }
    if let Some(status) = &example.status {
        if example.response.is_none() {
            checker.error(
                status.at,
                "`status` belongs to `response` examples",
                "remove `status`",
            );
        } else if !(200..=299).contains(&status.value) || status.value == 204 {
            checker.error(
                status.at,
                format!(
                    "a response sample with status {} has nothing the spec can check it against",
                    status.value
                ),
                "give samples of successful responses with a body",
            );
        }
    }
    if let Some(request) = &example.request {
        check_request_line(checker, op, request);
    }
    if let Some(body) = &example.body {
        let Some(json) = parse_json(checker, body) else {
            return;
        };
        match &op.body {
            Some(spec) => {
                if let Some(expr) = checker.resolve_quietly(&spec.ty.value) {
                    let problems = values::check(checker, &json, &expr, None, "$");
                    report_in_sample(checker, body, &problems, "the body sample");
                }
            }
            None => checker.error(
                body.at,
                "a body sample for an operation without a `body`",
                "declare the operation's `body`, or remove the sample",
            ),
        }
    }
    if let Some(response) = &example.response {
        let Some(json) = parse_json(checker, response) else {
            return;
        };
        let problems = check_response_sample(checker, op, response.at, &json);
        report_in_sample(checker, response, &problems, "the response sample");
    }
}

/// Reports each problem at the line of the sample where its JSON path stands.
fn report_in_sample(
    checker: &mut Checker<'_>,
    sample: &Located<String>,
    problems: &[Problem],
    what: &str,
) {
    for problem in problems {
        let at = json_locate::locate(&sample.value, &problem.path)
            .map_or(sample.at, |(line, column)| {
                checker.block_position(sample.at, line, column)
            });
        members::report_value_problems(checker, at, std::slice::from_ref(problem), what);
    }
}

fn check_response_sample(
    checker: &mut Checker<'_>,
    op: &OperationSpec,
    at: Position,
    json: &Value,
) -> Vec<Problem> {
    let spec = &op.response;
    let Some(ty) = &spec.ty else {
        checker.error(
            at,
            "a response sample for an operation whose response has no `type`",
            "declare the response's payload `type`",
        );
        return Vec::new();
    };
    let Some(expr) = checker.resolve_quietly(&ty.value) else {
        return Vec::new();
    };
    match &spec.envelope {
        None => values::check(checker, json, &expr, None, "$"),
        Some(envelope) => match json.as_object() {
            None => vec![Problem {
                path: "$".into(),
                message: format!(
                    "expected an object holding `{}`, found {}",
                    envelope.value,
                    values::describe(json)
                ),
                hint: "a response with an envelope is an object".into(),
            }],
            Some(object) => {
                let mut problems = Vec::new();
                match object.get(&envelope.value) {
                    Some(payload) => {
                        problems.extend(values::check(
                            checker,
                            payload,
                            &expr,
                            None,
                            &format!("$.{}", envelope.value),
                        ));
                    }
                    None => problems.push(Problem {
                        path: "$".into(),
                        message: format!("the envelope key `{}` is missing", envelope.value),
                        hint: "the sample must hold the payload under the envelope key".into(),
                    }),
                }
                let mut rest = object.clone();
                rest.remove(&envelope.value);
                let meta: Vec<(&str, &FieldSpec)> = spec
                    .meta
                    .iter()
                    .map(|e| (e.key.as_str(), &e.value))
                    .collect();
                problems.extend(values::check_fields(
                    checker,
                    &rest,
                    &meta,
                    "the response's `meta`",
                    "$",
                ));
                problems
            }
        },
    }
}

/// Parses a sample's JSON; a syntax error is reported at its line inside the YAML block.
fn parse_json(checker: &mut Checker<'_>, text: &Located<String>) -> Option<Value> {
    match serde_json::from_str::<Value>(&text.value) {
        Ok(value) => Some(value),
        Err(e) => {
            let at = checker.block_position(text.at, e.line(), e.column());
            checker.error(
                at,
                format!("the sample is not valid JSON: {e}"),
                "copy the document's JSON exactly; drop placeholders such as `{...}` and say so in a comment",
            );
            None
        }
    }
}

fn check_request_line(checker: &mut Checker<'_>, op: &OperationSpec, line: &Located<String>) {
    let Some((method, url)) = line.value.trim().split_once(' ') else {
        checker.error(
            line.at,
            "a request sample is `METHOD URL`",
            "write, for example, `GET https://api.example.com/v1/items?page=1`",
        );
        return;
    };
    let method_is = op.method.value.to_string();
    if method != method_is {
        checker.error(
            line.at,
            format!("the sample's method is {method}, the operation's is {method_is}"),
            format!("write `{method_is} ...`"),
        );
    }
    let url = url.trim();
    let Some((base, path_and_query)) = split_url(url) else {
        checker.error(
            line.at,
            format!("`{url}` is not an absolute URL"),
            "write the full URL the document shows, host included",
        );
        return;
    };
    let spec = checker.spec;
    if !spec.regions.iter().any(|r| r.value.api.value == base) {
        checker.error(
            line.at,
            format!("the sample's host `{base}` is not the `api` host of any region"),
            "add the region, or correct the host",
        );
    }
    let (path, query) = path_and_query
        .split_once('?')
        .unwrap_or((path_and_query, ""));
    let templates = std::iter::once(&op.path).chain(op.alternative_paths.iter());
    let captured = templates
        .filter_map(|t| PathTemplate::parse(&t.value).ok())
        .find_map(|t| {
            t.matches(path).map(|m| {
                m.into_iter()
                    .map(|(k, v)| (k.to_owned(), v.to_owned()))
                    .collect::<Vec<_>>()
            })
        });
    let captured = captured.unwrap_or_else(|| {
        checker.error(
            line.at,
            format!(
                "the sample's path `{path}` does not match `{}`",
                op.path.value
            ),
            "correct the sample, or record the document's other path under `alternative_paths`",
        );
        Vec::new()
    });
    let mut problems = Vec::new();
    for (name, raw) in &captured {
        if let Some(param) = op.params.get(name) {
            problems.extend(text_problems(
                checker,
                param,
                &percent_decode(raw),
                &format!("path parameter `{name}`"),
            ));
        }
    }
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (name, raw) = pair.split_once('=').unwrap_or((pair, ""));
        let name = percent_decode(name);
        let param = op
            .params
            .get(&name)
            .filter(|p| p.location.value == ParamLocation::Query)
            .or_else(|| {
                spec.common_params
                    .get(&name)
                    .filter(|p| p.location.value == ParamLocation::Query)
            });
        match param {
            Some(param) => problems.extend(text_problems(
                checker,
                param,
                &percent_decode(raw),
                &format!("query parameter `{name}`"),
            )),
            None => problems.push(Problem {
                path: name.clone(),
                message: format!("`{name}` is not a query parameter of the operation"),
                hint: format!("declare `{name}` under `params` with `in: query`"),
            }),
        }
    }
    for problem in problems {
        checker.error(
            line.at,
            format!("in the request sample: {}", problem.message),
            problem.hint,
        );
    }
}

/// Checks a parameter value as written in a URL.
fn text_problems(checker: &Checker<'_>, param: &ParamSpec, text: &str, what: &str) -> Vec<Problem> {
    let Some(expr) = checker.resolve_quietly(&param.ty.value) else {
        return Vec::new();
    };
    let value = text_to_json(checker, text, &expr);
    values::check(checker, &value, &expr, Some(Member::from(param)), what)
        .into_iter()
        .map(|p| Problem {
            message: format!("{what}: {}", p.message),
            ..p
        })
        .collect()
}

/// Reads URL text as the JSON value it stands for under `expr`.
fn text_to_json(checker: &Checker<'_>, text: &str, expr: &TypeExpr) -> Value {
    let admits_integer = |e: &TypeExpr| match e {
        TypeExpr::Primitive(Primitive::Integer | Primitive::Number) => true,
        TypeExpr::Named(n) => {
            matches!(checker.declared(n), Some(Declared::Values(v)) if literal_kind(v) == Some("integer"))
        }
        _ => false,
    };
    let alternatives: Vec<&TypeExpr> = match expr {
        TypeExpr::Union(all) => all.iter().collect(),
        other => vec![other],
    };
    if alternatives.iter().any(|a| admits_integer(a))
        && let Ok(n) = text.parse::<i64>()
    {
        return Value::from(n);
    }
    if alternatives.contains(&&TypeExpr::Primitive(Primitive::Number))
        && let Ok(n) = text.parse::<f64>()
    {
        return serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number);
    }
    if alternatives.contains(&&TypeExpr::Primitive(Primitive::Boolean))
        && (text == "true" || text == "false")
    {
        return Value::Bool(text == "true");
    }
    Value::String(text.to_owned())
}

/// `https://host[:port]` and the rest, from an absolute URL.
fn split_url(url: &str) -> Option<(&str, &str)> {
    let after_scheme = url.find("://")? + 3;
    let path_start = url[after_scheme..]
        .find(['/', '?'])
        .map_or(url.len(), |i| after_scheme + i);
    let rest = &url[path_start..];
    Some((&url[..path_start], if rest.is_empty() { "/" } else { rest }))
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl Checker<'_> {
    /// Where line `line`, column `column` of a block scalar's content stands in the file.
    /// serde-saphyr places a block scalar (`|`) at the first character of its content,
    /// and every content line shares that indentation.
    pub(crate) fn block_position(&self, at: Position, line: usize, column: usize) -> Position {
        let line = u64::try_from(line.max(1) - 1).unwrap_or(0);
        let column = u64::try_from(column.max(1) - 1).unwrap_or(0);
        Position {
            line: at.line + line,
            column: at.column + column,
            offset: at.offset,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_urls_into_base_and_rest() {
        assert_eq!(
            split_url("https://a.com/x?y=1"),
            Some(("https://a.com", "/x?y=1"))
        );
        assert_eq!(split_url("https://a.com"), Some(("https://a.com", "/")));
        assert_eq!(split_url("a.com/x"), None);
    }

    #[test]
    fn decodes_percent_escapes() {
        assert_eq!(percent_decode("a%20b+c"), "a b c");
        assert_eq!(percent_decode("100%"), "100%");
    }
}
