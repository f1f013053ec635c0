//! Operations: names, paths and their parameters, bodies, responses, pagination, and
//! references to the service's error table and rate limits; and the service's common
//! parameters, which every operation sends.

use std::collections::HashMap;

use super::types::{Place, Resolved, struct_fields, walk_path};
use super::{Builder, Declared, check_duplicates, flag, members, service, text, types};
use crate::ir::names;
use crate::ir::{
    Example, Field, MetaPath, NextPage, Operation, Pagination, Param, PathSegment, PerItem,
    RateLimit, Response, RustType, TypeDef, Union,
};
use crate::spec::path_template::{PathTemplate, Segment};
use crate::spec::type_expr::{Primitive, TypeExpr};
use crate::spec::{
    AuthScheme, BodyEncoding, ExampleSpec, HttpMethod, Located, Member, OperationSpec,
    PaginationStyle, ParamLocation, ParamSpec, PerItemSpec, Position, ResponseSpec,
};

/// The parameters every operation sends, set once on the client builder.
pub(crate) fn common_params(builder: &mut Builder<'_>) -> Vec<Param> {
    let spec = builder.spec;
    check_duplicates(builder, &spec.common_params, "common parameter", None);
    let settings = names::client_builder_methods();
    let mut rust_names: HashMap<String, (Position, String)> = HashMap::new();
    let mut params = Vec::new();
    for entry in &spec.common_params {
        let (wire, p) = (&entry.key, &entry.value);
        if p.location.value == ParamLocation::Path {
            builder.error(
                p.location.at,
                format!("common parameter `{}` cannot be a path parameter", wire.value),
                "declare path parameters on each operation; common parameters go in `query` or `header`",
            );
        }
        if p.location.value == ParamLocation::Header {
            check_header_param(builder, wire);
        }
        let Some(rust) = rust_name(builder, wire, p) else {
            continue;
        };
        if settings.contains(&rust) {
            builder.error(
                wire.at,
                format!(
                    "common parameter `{}` would become the client setting `{rust}`, which exists already",
                    wire.value
                ),
                format!("add `rust_name: {rust}_param` (or another name) to the parameter"),
            );
        }
        if let Some((first_at, first_wire)) = rust_names.get(&rust).cloned() {
            if first_wire != wire.value {
                builder.error(
                    wire.at,
                    format!(
                        "common parameters `{first_wire}` (at {first_at}) and `{}` both become the Rust name `{rust}`",
                        wire.value
                    ),
                    "give one of them a `rust_name:`",
                );
            }
            continue;
        }
        rust_names.insert(rust.clone(), (wire.at, wire.value.clone()));
        let ty = param_type(builder, wire, p, &rust, true);
        params.push(param(builder, wire, p, rust, ty));
    }
    params
}

/// Every operation, in spec order; `types` are the spec's named types and `limits` its
/// rate limits, built already.
pub(crate) fn operations(
    builder: &mut Builder<'_>,
    types: &[TypeDef],
    limits: &[RateLimit],
) -> Vec<Operation> {
    let spec = builder.spec;
    if spec.operations.is_empty() {
        builder.error(
            spec.service.at,
            "the service declares no operation",
            "add at least one endpoint under `operations:`",
        );
    }
    check_duplicates(builder, &spec.operations, "operation", None);
    let mut builders: HashMap<String, String> = HashMap::new();
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for op in &spec.operations {
        // A duplicate is reported above; only the first operation of a name is built.
        if seen.insert(op.key.as_str()) {
            out.push(operation(
                builder,
                &mut builders,
                &op.key,
                &op.value,
                types,
                limits,
            ));
        }
    }
    out
}

fn operation(
    builder: &mut Builder<'_>,
    builders: &mut HashMap<String, String>,
    name: &Located<String>,
    op: &OperationSpec,
    types: &[TypeDef],
    limits: &[RateLimit],
) -> Operation {
    if !names::is_snake_case(&name.value) || names::is_keyword(&name.value) {
        builder.error(
            name.at,
            format!("operation name `{}` is not a snake_case identifier", name.value),
            "write lowercase words joined by `_`, such as `get_organization`; it becomes the method name",
        );
    } else if names::CLIENT_METHODS.contains(&name.value.as_str()) {
        builder.error(
            name.at,
            format!(
                "operation `{}` would become the method `Client::{}`, which the client already has",
                name.value, name.value
            ),
            format!(
                "rename the operation, for example `{}_operation`",
                name.value
            ),
        );
    }
    let builder_type = names::builder_name(&name.value);
    match builders.get(&builder_type) {
        Some(first) if *first != name.value => {
            let first = first.clone();
            builder.error(
                name.at,
                format!(
                    "operations `{first}` and `{}` both get the request builder `{builder_type}`",
                    name.value
                ),
                "rename one of them so they differ in more than underscores",
            );
        }
        _ => {
            builders.insert(builder_type.clone(), name.value.clone());
        }
    }
    if op.summary.value.trim().is_empty() {
        builder.error(
            op.summary.at,
            "`summary` is empty",
            "write what the operation does, in one line",
        );
    }
    check_scopes(builder, op);
    let body = body(builder, op);
    let mut params = params(builder, name, op, body.is_some());
    let (segments, alternative_segments) = path(builder, op, &mut params);
    let (response, payload) = response(builder, &name.value, &builder_type, &op.response);
    let pagination = op
        .pagination
        .as_ref()
        .map(|_| pagination(builder, op, &params, &response, payload.as_ref(), types));
    check_references(builder, op);
    Operation {
        name: name.value.clone(),
        page: names::page_name(&builder_type),
        builder: builder_type,
        method: op.method.value,
        path: op.path.value.clone(),
        segments,
        summary: op.summary.value.clone(),
        description: text(&op.description),
        source: text(&op.source),
        docs_url: text(&op.docs),
        scopes: op.scopes.iter().map(|s| s.value.clone()).collect(),
        params,
        body,
        body_encoding: op
            .body
            .as_ref()
            .and_then(|b| b.encoding.as_ref())
            .map_or(BodyEncoding::Json, |e| e.value),
        response,
        pagination: pagination.flatten(),
        errors: op.errors.iter().map(|e| e.value.clone()).collect(),
        rate_limit: op
            .rate_limit
            .as_ref()
            .and_then(|name| limits.iter().find(|l| l.name == name.value).cloned()),
        alternative_paths: op
            .alternative_paths
            .iter()
            .map(|p| p.value.clone())
            .collect(),
        alternative_segments,
        body_sample: None,
        response_samples: Vec::new(),
        examples: op.examples.iter().map(example).collect(),
    }
}

/// A sample as the spec writes it.
fn example(example: &ExampleSpec) -> Example {
    let text = |value: &Option<Located<String>>| value.as_ref().map(|v| v.value.clone());
    Example {
        title: example.title.value.clone(),
        request: text(&example.request),
        body: text(&example.body),
        response: text(&example.response),
        status: example.status.as_ref().map(|s| s.value),
    }
}

/// Reports a header parameter whose name is not a header name, is one the client sets
/// itself, or is the one the credential travels in.
fn check_header_param(builder: &mut Builder<'_>, wire: &Located<String>) {
    service::check_header_name(builder, wire, "header parameter");
    let auth_header = match builder.spec.auth.scheme.value {
        AuthScheme::None => None,
        AuthScheme::Basic => Some("Authorization"),
        AuthScheme::Bearer | AuthScheme::ZohoOauth => Some(
            builder
                .spec
                .auth
                .header
                .as_ref()
                .map_or("Authorization", |h| h.as_str()),
        ),
        AuthScheme::ApiKey => builder.spec.auth.header.as_ref().map(|h| h.as_str()),
    };
    if let Some(auth_header) = auth_header
        && auth_header.eq_ignore_ascii_case(&wire.value)
    {
        builder.error(
            wire.at,
            format!("the credential travels in the `{auth_header}` header already"),
            "remove the parameter; `auth` says how requests are authorized",
        );
    }
}

/// The Rust name of a parameter, or `None` (reported) when its wire name yields none.
fn rust_name(builder: &mut Builder<'_>, wire: &Located<String>, p: &ParamSpec) -> Option<String> {
    members::check_rust_name(builder, p.into());
    let rust = names::member_name(&wire.value, p.rust_name.as_ref().map(|r| r.as_str()));
    if rust.is_none() {
        builder.error(
            wire.at,
            format!("parameter `{}` has no usable Rust name", wire.value),
            "add `rust_name:` with a snake_case name",
        );
    }
    rust
}

/// Resolves a parameter's type, checks its constraints, and that it can be sent as text
/// (an operation's query parameters may also be arrays, sent comma-separated).
fn param_type(
    builder: &mut Builder<'_>,
    wire: &Located<String>,
    p: &ParamSpec,
    rust: &str,
    common: bool,
) -> RustType {
    let place = Place {
        owner: "Param",
        field: rust,
        wire: &wire.value,
    };
    let Some(Resolved { expr, ty }) = builder.resolve(&p.ty, place) else {
        return RustType::Json;
    };
    let ty = types::dated(ty, p.into());
    let what = if common {
        format!("common parameter `{}`", wire.value)
    } else {
        format!("parameter `{}`", wire.value)
    };
    members::check_constraints(builder, p.into(), &expr, &what);
    let in_query = !common && p.location.value == ParamLocation::Query;
    let sendable = builder.is_scalar(&expr)
        || (in_query && matches!(&expr, TypeExpr::Array(item) if builder.is_scalar(item)));
    if !sendable && common {
        builder.error(
            p.ty.at,
            format!("{what} has type `{expr}`, which cannot be sent as text"),
            "use a primitive or a value set",
        );
    } else if !sendable {
        builder.error(
            p.ty.at,
            format!(
                "{what} has type `{expr}`, which cannot be sent in the {}",
                p.location.value
            ),
            "use a primitive or a value set (query parameters may also be arrays of those)",
        );
    }
    check_array_style(
        builder,
        wire,
        p,
        in_query && matches!(expr, TypeExpr::Array(_)),
    );
    ty
}

/// An array in the query says how its items travel, and nothing else says it: servers
/// read `?id=1&id=2` and `?id=1,2` differently, and a wrong guess fails quietly (the
/// server sees one item `1,2`, or only the last `id`), so the spec must name the style.
fn check_array_style(builder: &mut Builder<'_>, wire: &Located<String>, p: &ParamSpec, list: bool) {
    match (&p.array, list) {
        (None, true) => builder.error(
            p.ty.at,
            format!(
                "array query parameter `{}` does not say how its items are sent",
                wire.value
            ),
            format!(
                "add `array: repeated` (`?{w}=1&{w}=2`) or `array: comma` (`?{w}=1,2`), as the document shows",
                w = wire.value
            ),
        ),
        (Some(style), false) => builder.error(
            style.at,
            format!(
                "`array: {}` on parameter `{}`, which is not an array query parameter",
                style.value, wire.value
            ),
            "remove `array:`; it says how the items of a `[T]` query parameter are sent",
        ),
        _ => {}
    }
}

fn param(
    builder: &mut Builder<'_>,
    wire: &Located<String>,
    p: &ParamSpec,
    rust: String,
    ty: RustType,
) -> Param {
    let is_list = matches!(ty, RustType::List(_));
    Param {
        wire: wire.value.clone(),
        rust_name: rust,
        location: p.location.value,
        ty,
        required: p.location.value == ParamLocation::Path || flag(&p.required),
        default: p.default.as_ref().map(|d| d.value.to_string()),
        doc: text(&p.doc),
        assumed: builder.assumed(&p.assumed),
        format: p.format.as_ref().map(|f| f.value),
        constraints: types::constraints(Member::from(p)),
        array: p
            .array
            .as_ref()
            .filter(|_| is_list)
            .map(|style| style.value),
        sample: None,
    }
}

fn params(
    builder: &mut Builder<'_>,
    name: &Located<String>,
    op: &OperationSpec,
    has_body: bool,
) -> Vec<Param> {
    check_duplicates(builder, &op.params, "parameter", Some(&name.value));
    let common = &builder.spec.common_params;
    let mut rust_names: HashMap<String, (Position, String)> = HashMap::new();
    let mut params = Vec::new();
    for entry in &op.params {
        let (wire, p) = (&entry.key, &entry.value);
        let Some(rust) = rust_name(builder, wire, p) else {
            continue;
        };
        if let Some((first_at, first_wire)) = rust_names.get(&rust).cloned() {
            if first_wire != wire.value {
                builder.error(
                    wire.at,
                    format!(
                        "parameters `{first_wire}` (at {first_at}) and `{}` of `{}` both become the Rust name `{rust}`",
                        wire.value, name.value
                    ),
                    "give one of them a `rust_name:`",
                );
            }
            continue;
        }
        rust_names.insert(rust.clone(), (wire.at, wire.value.clone()));
        let setter = p.location.value != ParamLocation::Path && !flag(&p.required);
        let field = names::BUILDER_FIELDS
            .iter()
            .any(|f| *f == rust && (*f != "body" || has_body));
        if setter && names::BUILDER_METHODS.contains(&rust.as_str()) {
            builder.error(
                wire.at,
                format!("parameter `{}` would become the setter `{rust}`, which the request builder already has", wire.value),
                format!("add `rust_name: {rust}_value` (or another name) to the parameter"),
            );
        } else if field {
            builder.error(
                wire.at,
                format!("parameter `{}` would become the field `{rust}`, which the request builder already has", wire.value),
                format!("add `rust_name: {rust}_value` (or another name) to the parameter"),
            );
        }
        if let Some(shared) = common.get(&wire.value)
            && shared.location.value == p.location.value
        {
            builder.error(
                wire.at,
                format!(
                    "parameter `{}` of `{}` is also a common parameter, so it would be sent twice",
                    wire.value, name.value
                ),
                "remove it from the operation (the client sends the common one), or rename one of them",
            );
        }
        if p.location.value == ParamLocation::Header {
            check_header_param(builder, wire);
        }
        if p.location.value == ParamLocation::Path {
            if let Some(required) = &p.required
                && !required.value
            {
                builder.error(
                    required.at,
                    format!("path parameter `{}` cannot be optional", wire.value),
                    "remove `required: false`; a path segment is always sent",
                );
            }
            if let Some(default) = &p.default {
                builder.error(
                    default.at,
                    format!("path parameter `{}` cannot have a default", wire.value),
                    "remove `default`",
                );
            }
        }
        let ty = param_type(builder, wire, p, &rust, false);
        params.push(param(builder, wire, p, rust, ty));
    }
    params
}

/// The path's segments, and those of each alternative path. Path parameters are moved
/// first in `params`, in path order.
fn path(
    builder: &mut Builder<'_>,
    op: &OperationSpec,
    params: &mut [Param],
) -> (Vec<PathSegment>, Vec<Vec<PathSegment>>) {
    let template = match PathTemplate::parse(&op.path.value) {
        Ok(template) => template,
        Err(e) => {
            let at = builder.inside(op.path.at, e.index);
            builder.error(
                at,
                format!("path `{}`: {}", op.path.value, e.message),
                "write a path such as `/v2/items/{item_id}`",
            );
            return (Vec::new(), Vec::new());
        }
    };
    let placeholders = template.params();
    let mut seen = Vec::new();
    for placeholder in &placeholders {
        let index = op
            .path
            .value
            .find(&format!("{{{placeholder}}}"))
            .unwrap_or(0);
        let at = builder.inside(op.path.at, index);
        if seen.contains(placeholder) {
            builder.error(
                at,
                format!("path parameter `{{{placeholder}}}` appears twice in the path"),
                "rename one of them",
            );
            continue;
        }
        seen.push(placeholder);
        match op.params.get(placeholder) {
            None => {
                let near = op
                    .params
                    .iter()
                    .find(|p| names::field_name(&p.key.value) == names::field_name(placeholder))
                    .map(|p| {
                        format!(
                            " (`{}` is declared; the names must match exactly)",
                            p.key.value
                        )
                    })
                    .unwrap_or_default();
                builder.error(
                    at,
                    format!("path parameter `{{{placeholder}}}` is not declared{near}"),
                    format!(
                        "add `{placeholder}: {{ in: path, type: string, doc: ... }}` under `params`"
                    ),
                );
            }
            Some(param) if param.location.value != ParamLocation::Path => {
                let declared_in = param.location.value;
                builder.error(
                    param.location.at,
                    format!(
                        "`{placeholder}` appears in the path but is declared `in: {declared_in}`"
                    ),
                    "write `in: path`",
                );
            }
            Some(_) => {}
        }
    }
    for param in &op.params {
        if param.value.location.value == ParamLocation::Path
            && !placeholders.contains(&param.key.as_str())
        {
            builder.error(
                param.key.at,
                format!(
                    "path parameter `{}` is not used in the path `{}`",
                    param.key.value, op.path.value
                ),
                format!(
                    "add `{{{}}}` to the path, or declare the parameter `in: query`",
                    param.key.value
                ),
            );
        }
    }
    // Path parameters first, in path order, then the others in spec order.
    params.sort_by_key(|p| {
        placeholders
            .iter()
            .position(|w| *w == p.wire)
            .unwrap_or(usize::MAX)
    });
    let segments = segments_of(&template, params);
    let mut alternatives = Vec::new();
    for alternative in &op.alternative_paths {
        match PathTemplate::parse(&alternative.value) {
            Ok(other) => {
                let mut mine = placeholders.clone();
                let mut theirs = other.params();
                mine.sort_unstable();
                theirs.sort_unstable();
                if mine != theirs {
                    builder.error(
                        alternative.at,
                        format!(
                            "alternative path `{}` has other parameters than `{}`",
                            alternative.value, op.path.value
                        ),
                        "an alternative path names the same path parameters",
                    );
                }
                alternatives.push(segments_of(&other, params));
            }
            Err(e) => {
                let at = builder.inside(alternative.at, e.index);
                builder.error(
                    at,
                    format!("alternative path `{}`: {}", alternative.value, e.message),
                    "write a path such as `/v1/items`",
                );
            }
        }
    }
    (segments, alternatives)
}

fn segments_of(template: &PathTemplate, params: &[Param]) -> Vec<PathSegment> {
    template
        .segments
        .iter()
        .map(|s| match s {
            Segment::Literal(text) => PathSegment::Literal(text.clone()),
            Segment::Param(wire) => PathSegment::Param {
                wire: wire.clone(),
                rust: params
                    .iter()
                    .find(|p| p.wire == *wire)
                    .map_or_else(|| wire.clone(), |p| p.rust_name.clone()),
            },
        })
        .collect()
}

fn check_scopes(builder: &mut Builder<'_>, op: &OperationSpec) {
    let mut seen: Vec<Vec<String>> = Vec::new();
    for alternative in &op.scopes {
        if alternative.value.is_empty() {
            builder.error(
                alternative.at,
                "an empty scope alternative",
                "list the scopes this alternative needs, such as `[ZohoCRM.settings.ALL]`",
            );
        }
        for scope in &alternative.value {
            if scope.is_empty() || scope.contains(char::is_whitespace) || scope.contains(',') {
                builder.error(
                    alternative.at,
                    format!("scope `{scope}` is not a single scope name"),
                    "write each scope as its own list item; alternatives go on separate lines",
                );
            }
        }
        let mut sorted = alternative.value.clone();
        sorted.sort();
        if seen.contains(&sorted) {
            builder.error(
                alternative.at,
                "this scope alternative is listed twice",
                "remove the repeat",
            );
        } else {
            seen.push(sorted);
        }
    }
}

/// The body's type name, when the operation has a body of an object type.
fn body(builder: &mut Builder<'_>, op: &OperationSpec) -> Option<String> {
    let body = op.body.as_ref()?;
    if matches!(op.method.value, HttpMethod::Get | HttpMethod::Delete) {
        builder.error(
            body.ty.at,
            format!("a {} request carries no body", op.method.value),
            "remove `body`, or correct `method`",
        );
    }
    let place = Place {
        owner: "Body",
        field: "body",
        wire: "body",
    };
    let resolved = builder.resolve(&body.ty, place)?;
    match &resolved.expr {
        TypeExpr::Named(name) if matches!(builder.declared(name), Some(Declared::Object(_))) => {
            Some(name.clone())
        }
        expr => {
            builder.error(
                body.ty.at,
                format!("a request body must be an object type, found `{expr}`"),
                "declare an object type under `types:` and name it here",
            );
            None
        }
    }
}

/// The response, and its payload type as resolved (`None` inside when it did not).
fn response(
    builder: &mut Builder<'_>,
    op_name: &str,
    builder_type: &str,
    response: &ResponseSpec,
) -> (Response, Option<Option<Resolved>>) {
    if let Some(status) = &response.status {
        if !(200..=299).contains(&status.value) {
            builder.error(
                status.at,
                format!("success status {} is not a 2xx status", status.value),
                "write the status of a successful response; document errors under the service's `errors`",
            );
        } else if status.value == 204 {
            builder.error(
                status.at,
                "`status: 204` leaves nothing to decode",
                "keep the status of the response with a body, and describe 204 with `no_content:`",
            );
        }
    }
    let download = download(builder, response);
    let payload = response
        .ty
        .as_ref()
        .filter(|_| download.is_none())
        .map(|ty| {
            let place = Place {
                owner: builder_type,
                field: "payload",
                wire: "payload",
            };
            builder.resolve(ty, place)
        });
    if let Some(Some(resolved)) = &payload
        && resolved.ty.mentions_binary()
    {
        builder.error(
            response.ty.as_ref().map_or(Position::default(), |ty| ty.at),
            "a response is `binary` as a whole, or not at all",
            "write `type: binary` for a download; a list of files is not one response",
        );
    }
    if let Some(envelope) = &response.envelope {
        if envelope.value.is_empty() {
            builder.error(
                envelope.at,
                "`envelope` is empty",
                "write the key the payload sits under, or remove `envelope`",
            );
        }
        if response.ty.is_none() {
            builder.error(
                envelope.at,
                "`envelope` without a payload `type`",
                "add the payload's `type`",
            );
        }
        if let Some(meta) = response.meta.entry(&envelope.value) {
            builder.error(
                meta.key.at,
                format!("meta field `{}` is the envelope key itself", envelope.value),
                "remove it from `meta`; the envelope holds the payload",
            );
        }
    } else if let Some(first) = response.meta.iter().next() {
        builder.error(
            first.key.at,
            "`meta` fields stand beside an envelope, but the response has none",
            "add `envelope:`, or move these fields into the payload type",
        );
    }
    let meta = types::fields(
        builder,
        &format!("the response of `{op_name}`"),
        &format!("{builder_type}Meta"),
        &response.meta,
    );
    if let Some(no_content) = &response.no_content
        && no_content.value.trim().is_empty()
    {
        builder.error(
            no_content.at,
            "`no_content` is empty",
            "say what a 204 means, in the document's words",
        );
    }
    let per_item = response
        .per_item
        .as_ref()
        .and_then(|spec| per_item(builder, response, payload.as_ref(), spec));
    let ir = Response {
        status: response.status.as_ref().map_or(200, |status| status.value),
        payload: payload
            .as_ref()
            .map(|p| p.as_ref().map_or(RustType::Json, |r| r.ty.clone())),
        envelope: text(&response.envelope),
        meta_wire: types::wire_form(&names::page_name(builder_type), &meta),
        meta,
        no_content: text(&response.no_content),
        per_item,
        download,
    };
    (ir, payload)
}

/// The media type a download asks for, when the response is `type: binary`; its body is
/// then a byte stream, with nothing around it to decode.
fn download(builder: &mut Builder<'_>, response: &ResponseSpec) -> Option<String> {
    let is_binary = response
        .ty
        .as_ref()
        .is_some_and(|ty| ty.value.trim() == Primitive::Binary.spelling());
    if !is_binary {
        if let Some(content_type) = &response.content_type {
            builder.error(
                content_type.at,
                "`content_type` belongs to a `binary` response",
                "remove it (JSON answers take the service's `response_content_type`), or write `type: binary`",
            );
        }
        return None;
    }
    let beside = [
        response.envelope.as_ref().map(|e| (e.at, "envelope")),
        response.meta.iter().next().map(|m| (m.key.at, "meta")),
        response
            .per_item
            .as_ref()
            .map(|p| (p.status.at, "per_item")),
    ];
    for (at, key) in beside.into_iter().flatten() {
        builder.error(
            at,
            format!("a `binary` response has no `{key}`: its body is the file itself"),
            format!("remove `{key}`, or give the response a JSON `type`"),
        );
    }
    let media_type = match &response.content_type {
        Some(content_type) => {
            if !is_media_type(&content_type.value) {
                builder.error(
                    content_type.at,
                    format!("`{}` is not a media type", content_type.value),
                    "write a type and subtype, such as `application/pdf` or `image/*`",
                );
            }
            content_type.value.clone()
        }
        None => "*/*".to_owned(),
    };
    Some(media_type)
}

/// Whether `text` is a media type, `type/subtype` and parameters (RFC 9110, 8.3.1): what
/// may stand in an `Accept` header without surprising the server.
fn is_media_type(text: &str) -> bool {
    let token = |t: &str| {
        !t.is_empty()
            && t.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
    };
    let essence = text.split(';').next().unwrap_or_default().trim();
    essence
        .split_once('/')
        .is_some_and(|(kind, subtype)| token(kind) && token(subtype))
}

/// Where each item of a per-item response says how it went; its payload must be a list.
fn per_item(
    builder: &mut Builder<'_>,
    response: &ResponseSpec,
    payload: Option<&Option<Resolved>>,
    spec: &PerItemSpec,
) -> Option<PerItem> {
    match payload {
        // An unresolved type is reported already.
        Some(None) => {}
        Some(Some(resolved)) if matches!(resolved.ty, RustType::List(_)) => {}
        _ => builder.error(
            spec.status.at,
            "`per_item` needs a list payload: each item reports its own outcome",
            "give the response a `type` such as `[ItemResult]`",
        ),
    }
    let status: Vec<String> = spec.status.value.split('.').map(str::to_owned).collect();
    if status.iter().any(String::is_empty) {
        builder.error(
            spec.status.at,
            format!(
                "`per_item.status` `{}` is not a dotted path",
                spec.status.value
            ),
            "write the key, in each item, of the value that says how it went (`status`)",
        );
        return None;
    }
    if spec.success.is_empty() || spec.success.iter().any(|value| value.value.is_empty()) {
        builder.error(
            spec.status.at,
            "`per_item.success` names no value",
            "list the values that mean an item succeeded, such as `success: [success]`",
        );
        return None;
    }
    if let Some(no_content) = &response.no_content {
        builder.error(
            no_content.at,
            "a per-item response cannot also be `no_content`",
            "remove one of them",
        );
    }
    Some(PerItem {
        status,
        success: spec.success.iter().map(|v| v.value.clone()).collect(),
        assumed: builder.assumed(&spec.assumed),
    })
}

fn pagination(
    builder: &mut Builder<'_>,
    op: &OperationSpec,
    params: &[Param],
    response: &Response,
    payload: Option<&Option<Resolved>>,
    types: &[TypeDef],
) -> Option<Pagination> {
    let pagination = op.pagination.as_ref()?;
    let style = pagination.style.value;
    let style_name = match style {
        PaginationStyle::PageNumber => "page_number",
        PaginationStyle::OffsetLimit => "offset_limit",
        PaginationStyle::Cursor => "cursor",
        PaginationStyle::NextLink => "next_link",
        PaginationStyle::LinkHeader => "link_header",
    };
    // Each style's own keys; the others' are mistakes worth pointing at.
    let keys = [
        ("page_param", pagination.page_param.as_ref().map(|k| k.at)),
        (
            "offset_param",
            pagination.offset_param.as_ref().map(|k| k.at),
        ),
        ("offset_unit", pagination.offset_unit.as_ref().map(|k| k.at)),
        (
            "cursor_param",
            pagination.cursor_param.as_ref().map(|k| k.at),
        ),
        ("next_cursor", pagination.next_cursor.as_ref().map(|k| k.at)),
        ("next_link", pagination.next_link.as_ref().map(|k| k.at)),
    ];
    let own: &[&str] = match style {
        PaginationStyle::PageNumber => &["page_param"],
        PaginationStyle::OffsetLimit => &["offset_param", "offset_unit"],
        PaginationStyle::Cursor => &["cursor_param", "next_cursor"],
        PaginationStyle::NextLink => &["next_link"],
        PaginationStyle::LinkHeader => &[],
    };
    for (key, at) in keys {
        if let Some(at) = at.filter(|_| !own.contains(&key)) {
            builder.error(
                at,
                format!("`{key}` does not apply to `style: {style_name}`"),
                format!("remove `{key}`"),
            );
        }
    }
    let needs = |builder: &mut Builder<'_>, key: &str, hint: &str| {
        builder.error(
            pagination.style.at,
            format!("`style: {style_name}` needs `{key}`"),
            hint.to_owned(),
        );
    };
    let position =
        |builder: &mut Builder<'_>, param: &Option<Located<String>>, key: &str| match param {
            Some(param) => paging_param(builder, op, params, param, RustType::Integer),
            None => {
                needs(
                    builder,
                    key,
                    &format!("add `{key}:` naming the query parameter"),
                );
                None
            }
        };
    let meta = &response.meta;
    let next = match style {
        PaginationStyle::PageNumber | PaginationStyle::OffsetLimit => {
            let (param, key) = if style == PaginationStyle::PageNumber {
                (&pagination.page_param, "page_param")
            } else {
                (&pagination.offset_param, "offset_param")
            };
            if style == PaginationStyle::OffsetLimit && pagination.offset_unit.is_none() {
                builder.error(
                    pagination.style.at,
                    "`style: offset_limit` needs `offset_unit`",
                    "add `offset_unit: record` (offset counts records) or `offset_unit: page`",
                );
            }
            position(builder, param, key).map(|param| NextPage::Position {
                param: param.rust_name.clone(),
                first: default_of(param).unwrap_or(1),
                offset_unit: pagination.offset_unit.as_ref().map(|u| u.value),
            })
        }
        PaginationStyle::Cursor => {
            let param = match &pagination.cursor_param {
                Some(param) => paging_param(builder, op, params, param, RustType::String),
                None => {
                    needs(
                        builder,
                        "cursor_param",
                        "add `cursor_param:` naming the query parameter the cursor is sent back in",
                    );
                    None
                }
            };
            let token = match &pagination.next_cursor {
                Some(path) => meta_path(builder, meta, path, "next_cursor", types),
                None => {
                    needs(
                        builder,
                        "next_cursor",
                        "add `next_cursor:` with the dotted path, under `meta`, of the next page's cursor",
                    );
                    None
                }
            };
            param.zip(token).map(|(param, token)| NextPage::Cursor {
                param: param.rust_name.clone(),
                token,
            })
        }
        PaginationStyle::NextLink => match &pagination.next_link {
            Some(path) => {
                meta_path(builder, meta, path, "next_link", types).map(NextPage::BodyLink)
            }
            None => {
                needs(
                    builder,
                    "next_link",
                    "add `next_link:` with the dotted path, under `meta`, of the next page's URL (`_links.next.href`)",
                );
                None
            }
        },
        PaginationStyle::LinkHeader => Some(NextPage::LinkHeader),
    };
    let counted = matches!(
        style,
        PaginationStyle::PageNumber | PaginationStyle::OffsetLimit
    );
    let size = match &pagination.size_param {
        Some(param) => paging_param(builder, op, params, param, RustType::Integer).map(Some),
        None if counted => {
            needs(
                builder,
                "size_param",
                "add `size_param:` naming the page-size query parameter",
            );
            None
        }
        None => Some(None),
    };
    let has_more = match &pagination.has_more {
        Some(path) => meta_path(builder, meta, path, "has_more", types).map(Some),
        None if counted => {
            needs(
                builder,
                "has_more",
                "add `has_more:` with the dotted path, under `meta`, of the boolean that says more follow",
            );
            None
        }
        None => Some(None),
    };
    // Only when the payload type resolved: an unknown type is reported already.
    let item = match (payload, &response.payload) {
        (Some(Some(_)), Some(RustType::List(item))) => Some((**item).clone()),
        (Some(None), _) => None,
        _ => {
            builder.error(
                pagination.style.at,
                "a paginated operation must return an array payload",
                "give the response a `type` such as `[Item]`",
            );
            None
        }
    };
    let size = size?;
    Some(Pagination {
        style,
        next: next?,
        size_param: size.map(|p| p.rust_name.clone()),
        default_size: size.and_then(default_of),
        has_more: has_more?,
        item: item?,
    })
}

/// A parameter's default as an integer, when it has one.
fn default_of(param: &Param) -> Option<i64> {
    param.default.as_deref().and_then(|d| d.parse::<i64>().ok())
}

/// The parameter pagination names, when it is a query parameter of type `ty` (else
/// reported).
fn paging_param<'p>(
    builder: &mut Builder<'_>,
    op: &OperationSpec,
    params: &'p [Param],
    name: &Located<String>,
    ty: RustType,
) -> Option<&'p Param> {
    let spelled = ty.spelling();
    let Some(param) = params.iter().find(|p| p.wire == name.value) else {
        if !op.params.contains(&name.value) {
            builder.error(
                name.at,
                format!(
                    "pagination names `{}`, which is not a parameter of the operation",
                    name.value
                ),
                format!(
                    "declare `{}: {{ in: query, type: {spelled} }}` under `params`",
                    name.value
                ),
            );
        }
        return None;
    };
    if param.location != ParamLocation::Query || param.ty != ty {
        let article = if ty == RustType::Integer { "an" } else { "a" };
        builder.error(
            name.at,
            format!(
                "pagination parameter `{}` must be {article} {spelled} query parameter",
                name.value
            ),
            format!("declare it `in: query` with `type: {spelled}`"),
        );
        return None;
    }
    Some(param)
}

/// The value pagination reads beside the payload, by its dotted path under `meta`, when it
/// resolves to a field of the type `key` needs (`has_more`: a boolean; `next_cursor`,
/// `next_link`: a string), else reported.
fn meta_path(
    builder: &mut Builder<'_>,
    meta: &[Field],
    path: &Located<String>,
    key: &str,
    types: &[TypeDef],
) -> Option<MetaPath> {
    let (want, what) = match key {
        "has_more" => (
            RustType::Boolean,
            "the boolean that says more results follow",
        ),
        "next_cursor" => (
            RustType::String,
            "the string that holds the next page's cursor",
        ),
        _ => (
            RustType::String,
            "the string that holds the next page's URL",
        ),
    };
    let want_spelled = want.spelling();
    let first = path.value.split('.').next().unwrap_or_default();
    if first.is_empty() {
        builder.error(
            path.at,
            format!("`{key}` is empty"),
            format!("write the dotted path of the {want_spelled} under `meta`"),
        );
        return None;
    }
    if !meta.iter().any(|f| f.wire == first) {
        builder.error(
            path.at,
            format!("`{key}` starts at `{first}`, which is not a `meta` field of the response"),
            format!("declare `{first}` under the response's `meta`"),
        );
        return None;
    }
    let super::types::Walked { steps, field } = match walk_path(meta, &path.value, types) {
        Ok(walked) => walked,
        Err(missing) => {
            builder.error(
                path.at,
                format!(
                    "`{key}` path `{}` does not resolve: no field `{missing}`",
                    path.value
                ),
                format!("point it at a {want_spelled} field of the response's `meta`"),
            );
            return None;
        }
    };
    if field.ty != want {
        let spelled = spelling(&field.ty, &builder.unions);
        // A link object (HAL's `{ "href": ... }`) where its URL was meant.
        let fields = struct_fields(types, &field.ty);
        let inner = fields
            .iter()
            .find(|f| f.ty == want && (f.wire == "href" || fields.len() == 1));
        let hint = match inner {
            Some(inner) => format!("point it at {what}: `{}.{}`", path.value, inner.wire),
            None => format!("point it at {what}"),
        };
        builder.error(
            path.at,
            format!(
                "`{key}` points at `{}`, which is `{spelled}`, not `{want_spelled}`",
                path.value
            ),
            hint,
        );
        return None;
    }
    Some(MetaPath {
        fields: steps,
        wire: path.value.split('.').map(str::to_owned).collect(),
    })
}

/// A Rust type as the spec language writes it, unions as their expressions.
fn spelling(ty: &RustType, unions: &[Union]) -> String {
    match ty {
        RustType::Named(name) => unions
            .iter()
            .find(|u| u.name == *name)
            .map_or_else(|| name.clone(), |u| u.expr.clone()),
        other => other.spelling(),
    }
}

fn check_references(builder: &mut Builder<'_>, op: &OperationSpec) {
    let spec = builder.spec;
    let mut listed: Vec<&str> = Vec::new();
    for code in &op.errors {
        let declared = spec
            .errors
            .as_ref()
            .is_some_and(|e| e.codes.contains(&code.value));
        if !declared {
            builder.error(
                code.at,
                format!(
                    "error code `{}` is not in the service's error table",
                    code.value
                ),
                format!(
                    "declare `{}` under `errors: codes:` with its status and meaning",
                    code.value
                ),
            );
        }
        if listed.contains(&code.as_str()) {
            builder.error(
                code.at,
                format!("error code `{}` is listed twice", code.value),
                "remove the repeat",
            );
        }
        listed.push(code.as_str());
    }
    if let Some(limit) = &op.rate_limit
        && !spec.rate_limits.contains(&limit.value)
    {
        builder.error(
            limit.at,
            format!("rate limit `{}` is not declared", limit.value),
            format!(
                "declare `{}` under the service's `rate_limits`",
                limit.value
            ),
        );
    }
}
