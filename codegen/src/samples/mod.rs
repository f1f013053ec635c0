//! The documented samples and the spec's defaults, checked against the IR they illustrate,
//! that is against what the generated code sends and decodes: a request line against the
//! path, the region hosts and the query parameters; a body against the body type; a
//! response against its envelope, meta fields and payload type; a default against its
//! field or parameter. The request values and bodies that fit are recorded in the IR
//! (`Param::sample`, `Operation::body_sample`), so that doc examples show the document's
//! own values.
//!
//! - `values`: whether one JSON value fits an IR type and its field's or parameter's rules;
//! - `json_locate`: where a JSON path stands in a sample's text, to report it there.

mod json_locate;
mod values;

use serde_json::Value;

use crate::diagnostics::Diagnostic;
use crate::ir::{self, Operation, Param, PathSegment, RustType, Service, TypeDef};
use crate::spec::{
    ArrayStyle, Entries, ExampleSpec, FieldSpec, Located, OperationSpec, ParamLocation, ParamSpec,
    Position, ServiceSpec,
};
use values::Problem;

/// Every problem of the samples and defaults of `spec`, whose IR is `service`; the first
/// fitting sample value of each parameter and body, and every fitting response sample, is
/// recorded in `service`.
pub fn check(spec: &ServiceSpec, service: &mut Service) -> Vec<Diagnostic> {
    let (diagnostics, recorded) = check_samples(spec, service);
    for (op, wire, value) in recorded.params {
        let params = match &op {
            Some(name) => service
                .operations
                .iter_mut()
                .find(|o| o.name == *name)
                .map(|o| &mut o.params),
            None => Some(&mut service.common_params),
        };
        if let Some(param) = params.and_then(|ps| ps.iter_mut().find(|p| p.wire == wire))
            && param.sample.is_none()
        {
            param.sample = Some(value);
        }
    }
    for (name, title, body) in recorded.responses {
        if let Some(op) = service.operations.iter_mut().find(|o| o.name == name) {
            op.response_samples.push((title, body));
        }
    }
    for (name, body) in recorded.bodies {
        if let Some(op) = service.operations.iter_mut().find(|o| o.name == name)
            && op.body_sample.is_none()
        {
            op.body_sample = Some(body);
        }
    }
    diagnostics
}

/// Sample values that fit: `(operation, or `None` for a common parameter, wire name,
/// value)` for parameters, `(operation, body)` for bodies, `(operation, title, body)` for
/// responses, in the order met.
#[derive(Default)]
struct Recorded {
    params: Vec<(Option<String>, String, String)>,
    bodies: Vec<(String, Value)>,
    responses: Vec<(String, String, Value)>,
}

fn check_samples(spec: &ServiceSpec, service: &Service) -> (Vec<Diagnostic>, Recorded) {
    let mut checker = Checker {
        service,
        diagnostics: Vec::new(),
        recorded: Recorded::default(),
    };
    checker.defaults(spec);
    let mut seen = std::collections::HashSet::new();
    for op in &spec.operations {
        // A repeated operation is reported already, and only the first was built.
        if !seen.insert(op.key.as_str()) {
            continue;
        }
        let Some(ir) = service.operations.iter().find(|o| o.name == op.key.value) else {
            continue;
        };
        for example in &op.value.examples {
            checker.example(&op.value, ir, example);
        }
    }
    (checker.diagnostics, checker.recorded)
}

struct Checker<'a> {
    service: &'a Service,
    diagnostics: Vec<Diagnostic>,
    recorded: Recorded,
}

impl Checker<'_> {
    fn error(&mut self, at: Position, message: impl Into<String>, hint: impl Into<String>) {
        self.diagnostics
            .push(Diagnostic::error(at, message).with_hint(hint));
    }

    /// Each default against the field or parameter it belongs to.
    fn defaults(&mut self, spec: &ServiceSpec) {
        let service = self.service;
        for entry in &spec.types {
            let Some(fields) = &entry.value.fields else {
                continue;
            };
            if let Some(TypeDef::Struct(s)) =
                service.types.iter().find(|t| t.name() == entry.key.value)
            {
                self.field_defaults(fields, &s.fields);
            }
        }
        self.param_defaults(&spec.common_params, &service.common_params);
        for op in &spec.operations {
            if let Some(ir) = service.operations.iter().find(|o| o.name == op.key.value) {
                self.param_defaults(&op.value.params, &ir.params);
                self.field_defaults(&op.value.response.meta, &ir.response.meta);
            }
        }
    }

    fn field_defaults(&mut self, specs: &Entries<FieldSpec>, fields: &[ir::Field]) {
        for entry in specs {
            let (Some(default), Some(field)) = (
                &entry.value.default,
                fields.iter().find(|f| f.wire == entry.key.value),
            ) else {
                continue;
            };
            let problems = values::check(
                self.service,
                &default.value,
                &field.ty,
                Some(field.into()),
                "default",
            );
            self.report_default(default.at, &problems);
        }
    }

    fn param_defaults(&mut self, specs: &Entries<ParamSpec>, params: &[Param]) {
        for entry in specs {
            let (Some(default), Some(param)) = (
                &entry.value.default,
                params.iter().find(|p| p.wire == entry.key.value),
            ) else {
                continue;
            };
            let problems = values::check(
                self.service,
                &default.value,
                &param.ty,
                Some(param.into()),
                "default",
            );
            self.report_default(default.at, &problems);
        }
    }

    fn report_default(&mut self, at: Position, problems: &[Problem]) {
        for problem in problems {
            self.error(
                at,
                format!(
                    "default does not fit its schema: at `{}`: {}",
                    problem.path, problem.message
                ),
                problem.hint.clone(),
            );
        }
    }

    fn example(&mut self, spec: &OperationSpec, op: &Operation, example: &ExampleSpec) {
        let kinds = [
            example.request.is_some(),
            example.body.is_some(),
            example.response.is_some(),
        ];
        if kinds.iter().filter(|k| **k).count() != 1 {
            self.error(
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
                self.error(
                    status.at,
                    "`status` belongs to `response` examples",
                    "remove `status`",
                );
            } else if !(200..=299).contains(&status.value) || status.value == 204 {
                self.error(
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
            self.request_line(op, request);
        }
        if let Some(body) = &example.body {
            let Some(json) = self.parse_json(body) else {
                return;
            };
            match (&spec.body, &op.body) {
                (Some(_), Some(name)) => {
                    let ty = RustType::Named(name.clone());
                    let problems = values::check(self.service, &json, &ty, None, "$");
                    if problems.is_empty() {
                        self.recorded.bodies.push((op.name.clone(), json.clone()));
                    }
                    self.report_in_sample(body, &problems, "the body sample");
                }
                // A body whose type did not resolve is reported already.
                (Some(_), None) => {}
                (None, _) => self.error(
                    body.at,
                    "a body sample for an operation without a `body`",
                    "declare the operation's `body`, or remove the sample",
                ),
            }
        }
        if let Some(response) = &example.response {
            // A download's sample is the file's text as it is: nothing to check it against.
            if op.response.download.is_some() {
                return;
            }
            let Some(json) = self.parse_json(response) else {
                return;
            };
            let problems = self.response_sample(op, response.at, &json);
            if problems.is_empty() {
                self.recorded.responses.push((
                    op.name.clone(),
                    example.title.value.clone(),
                    json.clone(),
                ));
            }
            self.report_in_sample(response, &problems, "the response sample");
        }
    }

    /// Reports each problem at the line of the sample where its JSON path stands.
    fn report_in_sample(&mut self, sample: &Located<String>, problems: &[Problem], what: &str) {
        for problem in problems {
            let at = json_locate::locate(&sample.value, &problem.path)
                .map_or(sample.at, |(line, column)| {
                    block_position(sample.at, line, column)
                });
            self.error(
                at,
                format!(
                    "{what} does not fit its schema: at `{}`: {}",
                    problem.path, problem.message
                ),
                problem.hint.clone(),
            );
        }
    }

    fn response_sample(&mut self, op: &Operation, at: Position, json: &Value) -> Vec<Problem> {
        let Some(payload) = &op.response.payload else {
            self.error(
                at,
                "a response sample for an operation whose response has no `type`",
                "declare the response's payload `type`",
            );
            return Vec::new();
        };
        let service = self.service;
        match &op.response.envelope {
            None => values::check(service, json, payload, None, "$"),
            Some(envelope) => match json.as_object() {
                None => vec![Problem {
                    path: "$".into(),
                    message: format!(
                        "expected an object holding `{envelope}`, found {}",
                        values::describe(json)
                    ),
                    hint: "a response with an envelope is an object".into(),
                }],
                Some(object) => {
                    let mut problems = Vec::new();
                    match object.get(envelope) {
                        Some(value) => problems.extend(values::check(
                            service,
                            value,
                            payload,
                            None,
                            &format!("$.{envelope}"),
                        )),
                        None => problems.push(Problem {
                            path: "$".into(),
                            message: format!("the envelope key `{envelope}` is missing"),
                            hint: "the sample must hold the payload under the envelope key".into(),
                        }),
                    }
                    let mut rest = object.clone();
                    rest.remove(envelope);
                    problems.extend(values::check_fields(
                        service,
                        &rest,
                        &op.response.meta,
                        "the response's `meta`",
                        "$",
                    ));
                    problems
                }
            },
        }
    }

    /// Parses a sample's JSON; a syntax error is reported at its line inside the YAML block.
    fn parse_json(&mut self, text: &Located<String>) -> Option<Value> {
        match serde_json::from_str::<Value>(&text.value) {
            Ok(value) => Some(value),
            Err(e) => {
                let at = block_position(text.at, e.line(), e.column());
                self.error(
                    at,
                    format!("the sample is not valid JSON: {e}"),
                    "copy the document's JSON exactly; drop placeholders such as `{...}` and say so in a comment",
                );
                None
            }
        }
    }

    fn request_line(&mut self, op: &Operation, line: &Located<String>) {
        let Some((method, url)) = line.value.trim().split_once(' ') else {
            self.error(
                line.at,
                "a request sample is `METHOD URL`",
                "write, for example, `GET https://api.example.com/v1/items?page=1`",
            );
            return;
        };
        let method_is = op.method.to_string();
        if method != method_is {
            self.error(
                line.at,
                format!("the sample's method is {method}, the operation's is {method_is}"),
                format!("write `{method_is} ...`"),
            );
        }
        let url = url.trim();
        let Some((base, path_and_query)) = split_url(url) else {
            self.error(
                line.at,
                format!("`{url}` is not an absolute URL"),
                "write the full URL the document shows, host included",
            );
            return;
        };
        let service = self.service;
        if !service.regions.iter().any(|r| r.serves(base)) {
            self.error(
                line.at,
                format!("the sample's host `{base}` is not the `api` host of any region"),
                "add the region, or correct the host",
            );
        }
        let (path, query) = path_and_query
            .split_once('?')
            .unwrap_or((path_and_query, ""));
        let captured = std::iter::once(&op.segments)
            .chain(&op.alternative_segments)
            .find_map(|segments| PathSegment::match_path(segments, path));
        let captured = captured.unwrap_or_else(|| {
            self.error(
                line.at,
                format!("the sample's path `{path}` does not match `{}`", op.path),
                "correct the sample, or record the document's other path under `alternative_paths`",
            );
            Vec::new()
        });
        let mut problems = Vec::new();
        for (name, raw) in &captured {
            if let Some(param) = op.params.iter().find(|p| p.wire == *name) {
                let value = percent_decode(raw);
                let found = self.text_problems(param, &value, &format!("path parameter `{name}`"));
                if found.is_empty() {
                    self.recorded
                        .params
                        .push((Some(op.name.clone()), param.wire.clone(), value));
                }
                problems.extend(found);
            }
        }
        let mut joined_seen = std::collections::HashSet::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (name, raw) = pair.split_once('=').unwrap_or((pair, ""));
            let name = percent_decode(name);
            let joined = op
                .params
                .iter()
                .any(|p| p.wire == name && p.array == Some(ArrayStyle::Comma));
            if joined && !joined_seen.insert(name.clone()) {
                problems.push(Problem {
                    path: name.clone(),
                    message: format!(
                        "`{name}` is given twice, but it is declared `array: comma`: the client sends its items in one pair"
                    ),
                    hint: format!(
                        "join the items (`{name}=1,2`), or declare the parameter `array: repeated` if the document repeats it"
                    ),
                });
            }
            let in_query = |p: &&Param| p.wire == name && p.location == ParamLocation::Query;
            let own = op.params.iter().find(in_query);
            let param = own.map(|p| (Some(op.name.clone()), p)).or_else(|| {
                service
                    .common_params
                    .iter()
                    .find(in_query)
                    .map(|p| (None, p))
            });
            match param {
                Some((owner, param)) => {
                    let value = percent_decode(raw);
                    let found =
                        self.text_problems(param, &value, &format!("query parameter `{name}`"));
                    if found.is_empty() {
                        self.recorded
                            .params
                            .push((owner, param.wire.clone(), value));
                    }
                    problems.extend(found);
                }
                None => problems.push(Problem {
                    path: name.clone(),
                    message: format!("`{name}` is not a query parameter of the operation"),
                    hint: format!("declare `{name}` under `params` with `in: query`"),
                }),
            }
        }
        for problem in problems {
            self.error(
                line.at,
                format!("in the request sample: {}", problem.message),
                problem.hint,
            );
        }
    }

    /// Checks a parameter value as written in a URL. An array parameter's value is one
    /// item when each item is a pair of its own (`array: repeated`), else its items
    /// joined by commas.
    fn text_problems(&self, param: &Param, text: &str, what: &str) -> Vec<Problem> {
        let value = match (&param.ty, param.array) {
            (RustType::List(item), Some(ArrayStyle::Repeated)) => {
                Value::Array(vec![self.text_to_json(text, item)])
            }
            (RustType::List(item), _) => Value::Array(
                text.split(',')
                    .map(|piece| self.text_to_json(piece, item))
                    .collect(),
            ),
            (ty, _) => self.text_to_json(text, ty),
        };
        values::check(self.service, &value, &param.ty, Some(param.into()), what)
            .into_iter()
            .map(|p| Problem {
                message: format!("{what}: {}", p.message),
                ..p
            })
            .collect()
    }

    /// Reads URL text as the JSON value it stands for under `ty`.
    fn text_to_json(&self, text: &str, ty: &RustType) -> Value {
        let alternatives: Vec<&RustType> = match ty {
            RustType::Named(name) => match self.service.types.iter().find(|t| t.name() == name) {
                Some(TypeDef::Union(u)) => u.variants.iter().map(|(_, ty)| ty).collect(),
                _ => vec![ty],
            },
            other => vec![other],
        };
        let admits_integer = |ty: &RustType| match ty {
            RustType::Integer | RustType::Number => true,
            RustType::Named(name) => self
                .service
                .types
                .iter()
                .any(|t| matches!(t, TypeDef::Enum(e) if e.name == *name && e.integer)),
            _ => false,
        };
        if alternatives.iter().any(|a| admits_integer(a))
            && let Ok(n) = text.parse::<i64>()
        {
            return Value::from(n);
        }
        if alternatives.contains(&&RustType::Number)
            && let Ok(n) = text.parse::<f64>()
        {
            return serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number);
        }
        if alternatives.contains(&&RustType::Boolean) && (text == "true" || text == "false") {
            return Value::Bool(text == "true");
        }
        Value::String(text.to_owned())
    }
}

/// Where line `line`, column `column` of a block scalar's content stands in the file.
/// serde-saphyr places a block scalar (`|`) at the first character of its content, and
/// every content line shares that indentation.
fn block_position(at: Position, line: usize, column: usize) -> Position {
    let line = u64::try_from(line.max(1) - 1).unwrap_or(0);
    let column = u64::try_from(column.max(1) - 1).unwrap_or(0);
    Position {
        line: at.line + line,
        column: at.column + column,
        offset: at.offset,
    }
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
