//! Operations: names, paths and their parameters, bodies, responses, pagination, and
//! references to the service's error table and rate limits.

use std::collections::HashMap;

use super::{Checker, Declared, check_duplicates, declarations, members};
use crate::naming;
use crate::path_template::PathTemplate;
use crate::spec::{
    HttpMethod, Located, OperationSpec, PaginationStyle, ParamLocation, Position, ResponseSpec,
};
use crate::types::{Primitive, TypeExpr};

pub(crate) fn check(checker: &mut Checker<'_>) {
    let spec = checker.spec;
    if spec.operations.is_empty() {
        checker.error(
            spec.service.at,
            "the service declares no operation",
            "add at least one endpoint under `operations:`",
        );
    }
    check_duplicates(checker, &spec.operations, "operation", None);
    for op in &spec.operations {
        check_operation(checker, &op.key, &op.value);
    }
}

fn check_operation(checker: &mut Checker<'_>, name: &Located<String>, op: &OperationSpec) {
    if !naming::is_snake_case(&name.value) || naming::is_keyword(&name.value) {
        checker.error(
            name.at,
            format!("operation name `{}` is not a snake_case identifier", name.value),
            "write lowercase words joined by `_`, such as `get_organization`; it becomes the method name",
        );
    }
    let builder = crate::ir::builder_name(&name.value);
    if let Some(taken) = checker.spec.types.entry(&builder) {
        let at = taken.key.at;
        checker.error(
            at,
            format!(
                "type `{builder}` takes the name of the request builder of operation `{}`",
                name.value
            ),
            format!(
                "rename the type, for example `{}Body`",
                builder.trim_end_matches("Request")
            ),
        );
    }
    if op.summary.value.trim().is_empty() {
        checker.error(
            op.summary.at,
            "`summary` is empty",
            "write what the operation does, in one line",
        );
    }
    check_params(checker, name, op);
    check_path(checker, op);
    check_scopes(checker, op);
    if let Some(body) = &op.body {
        if matches!(op.method.value, HttpMethod::Get | HttpMethod::Delete) {
            checker.error(
                body.ty.at,
                format!("a {} request carries no body", op.method.value),
                "remove `body`, or correct `method`",
            );
        }
        if let Some(expr) = checker.resolve(&body.ty)
            && !matches!(&expr, TypeExpr::Named(n) if matches!(checker.declared(n), Some(Declared::Object(_))))
        {
            checker.error(
                body.ty.at,
                format!("a request body must be an object type, found `{expr}`"),
                "declare an object type under `types:` and name it here",
            );
        }
    }
    check_response(checker, &name.value, &op.response);
    check_pagination(checker, op);
    check_references(checker, op);
}

fn check_params(checker: &mut Checker<'_>, name: &Located<String>, op: &OperationSpec) {
    check_duplicates(checker, &op.params, "parameter", Some(&name.value));
    let spec = checker.spec;
    let mut rust_names: HashMap<String, (Position, String)> = HashMap::new();
    let common = spec.common_params.iter().map(|p| (&p.key, &p.value));
    let own = op.params.iter().map(|p| (&p.key, &p.value));
    for (is_common, (wire, param)) in common.map(|p| (true, p)).chain(own.map(|p| (false, p))) {
        let rust = match &param.rust_name {
            Some(explicit) => Some(explicit.value.clone()),
            None => naming::field_name(&wire.value),
        };
        let Some(rust) = rust else {
            checker.error(
                wire.at,
                format!("parameter `{}` has no usable Rust name", wire.value),
                "add `rust_name:` with a snake_case name",
            );
            continue;
        };
        if let Some((first_at, first_wire)) = rust_names.get(&rust) {
            let (first_at, first_wire) = (*first_at, first_wire.clone());
            checker.error(
                wire.at,
                format!(
                    "parameters `{first_wire}` (at {first_at}) and `{}` of `{}` both become the Rust name `{rust}`",
                    wire.value, name.value
                ),
                "give one of them a `rust_name:`",
            );
        } else {
            rust_names.insert(rust.clone(), (wire.at, wire.value.clone()));
        }
        if is_common {
            continue;
        }
        if RESERVED_BUILDER_METHODS.contains(&rust.as_str()) {
            checker.error(
                wire.at,
                format!("parameter `{}` would become the setter `{rust}`, which the request builder already has", wire.value),
                format!("add `rust_name: {rust}_value` (or another name) to the parameter"),
            );
        }
        if param.location.value == ParamLocation::Header {
            checker.error(
                param.location.at,
                format!(
                    "header parameter `{}`: the generator does not send header parameters yet",
                    wire.value
                ),
                "leave it out and say so in a comment; authorization headers come from `auth`",
            );
        }
        let what = format!("parameter `{}`", wire.value);
        if let Some(expr) = members::check(checker, param.into(), &what)
            && !members::is_scalar(checker, &expr)
            && !(param.location.value == ParamLocation::Query && is_scalar_array(checker, &expr))
        {
            checker.error(
                param.ty.at,
                format!(
                    "{what} has type `{expr}`, which cannot be sent in the {}",
                    param.location.value
                ),
                "use a primitive or a value set (query parameters may also be arrays of those)",
            );
        }
        if param.location.value == ParamLocation::Path {
            if let Some(required) = &param.required
                && !required.value
            {
                checker.error(
                    required.at,
                    format!("path parameter `{}` cannot be optional", wire.value),
                    "remove `required: false`; a path segment is always sent",
                );
            }
            if let Some(default) = &param.default {
                checker.error(
                    default.at,
                    format!("path parameter `{}` cannot have a default", wire.value),
                    "remove `default`",
                );
            }
        }
    }
}

/// Methods every generated request builder has; a setter may not take their names.
pub const RESERVED_BUILDER_METHODS: [&str; 7] = [
    "send",
    "stream",
    "check",
    "request",
    "send_page",
    "client",
    "retry",
];

fn is_scalar_array(checker: &Checker<'_>, expr: &TypeExpr) -> bool {
    matches!(expr, TypeExpr::Array(item) if members::is_scalar(checker, item))
}

fn check_path(checker: &mut Checker<'_>, op: &OperationSpec) {
    let template = match PathTemplate::parse(&op.path.value) {
        Ok(template) => template,
        Err(e) => {
            let at = checker.inside(op.path.at, e.index);
            checker.error(
                at,
                format!("path `{}`: {}", op.path.value, e.message),
                "write a path such as `/v2/items/{item_id}`",
            );
            return;
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
        let at = checker.inside(op.path.at, index);
        if seen.contains(placeholder) {
            checker.error(
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
                    .find(|p| naming::field_name(&p.key.value) == naming::field_name(placeholder))
                    .map(|p| {
                        format!(
                            " (`{}` is declared; the names must match exactly)",
                            p.key.value
                        )
                    })
                    .unwrap_or_default();
                checker.error(
                    at,
                    format!("path parameter `{{{placeholder}}}` is not declared{near}"),
                    format!(
                        "add `{placeholder}: {{ in: path, type: string, doc: ... }}` under `params`"
                    ),
                );
            }
            Some(param) if param.location.value != ParamLocation::Path => {
                let declared_in = param.location.value;
                checker.error(
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
            checker.error(
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
    for alternative in &op.alternative_paths {
        match PathTemplate::parse(&alternative.value) {
            Ok(other) => {
                let mut mine = placeholders.clone();
                let mut theirs = other.params();
                mine.sort_unstable();
                theirs.sort_unstable();
                if mine != theirs {
                    checker.error(
                        alternative.at,
                        format!(
                            "alternative path `{}` has other parameters than `{}`",
                            alternative.value, op.path.value
                        ),
                        "an alternative path names the same path parameters",
                    );
                }
            }
            Err(e) => {
                let at = checker.inside(alternative.at, e.index);
                checker.error(
                    at,
                    format!("alternative path `{}`: {}", alternative.value, e.message),
                    "write a path such as `/v1/items`",
                );
            }
        }
    }
}

fn check_scopes(checker: &mut Checker<'_>, op: &OperationSpec) {
    let mut seen: Vec<Vec<String>> = Vec::new();
    for alternative in &op.scopes {
        if alternative.value.is_empty() {
            checker.error(
                alternative.at,
                "an empty scope alternative",
                "list the scopes this alternative needs, such as `[ZohoCRM.settings.ALL]`",
            );
        }
        for scope in &alternative.value {
            if scope.is_empty() || scope.contains(char::is_whitespace) || scope.contains(',') {
                checker.error(
                    alternative.at,
                    format!("scope `{scope}` is not a single scope name"),
                    "write each scope as its own list item; alternatives go on separate lines",
                );
            }
        }
        let mut sorted = alternative.value.clone();
        sorted.sort();
        if seen.contains(&sorted) {
            checker.error(
                alternative.at,
                "this scope alternative is listed twice",
                "remove the repeat",
            );
        } else {
            seen.push(sorted);
        }
    }
}

fn check_response(checker: &mut Checker<'_>, op_name: &str, response: &ResponseSpec) {
    if let Some(status) = &response.status {
        if !(200..=299).contains(&status.value) {
            checker.error(
                status.at,
                format!("success status {} is not a 2xx status", status.value),
                "write the status of a successful response; document errors under the service's `errors`",
            );
        } else if status.value == 204 {
            checker.error(
                status.at,
                "`status: 204` leaves nothing to decode",
                "keep the status of the response with a body, and describe 204 with `no_content:`",
            );
        }
    }
    if let Some(ty) = &response.ty {
        checker.resolve(ty);
    }
    if let Some(envelope) = &response.envelope {
        if envelope.value.is_empty() {
            checker.error(
                envelope.at,
                "`envelope` is empty",
                "write the key the payload sits under, or remove `envelope`",
            );
        }
        if response.ty.is_none() {
            checker.error(
                envelope.at,
                "`envelope` without a payload `type`",
                "add the payload's `type`",
            );
        }
        if let Some(meta) = response.meta.entry(&envelope.value) {
            checker.error(
                meta.key.at,
                format!("meta field `{}` is the envelope key itself", envelope.value),
                "remove it from `meta`; the envelope holds the payload",
            );
        }
    } else if !response.meta.is_empty() {
        checker.error(
            response.meta.0[0].key.at,
            "`meta` fields stand beside an envelope, but the response has none",
            "add `envelope:`, or move these fields into the payload type",
        );
    }
    declarations::check_fields(
        checker,
        &format!("the response of `{op_name}`"),
        &response.meta,
    );
    if let Some(no_content) = &response.no_content
        && no_content.value.trim().is_empty()
    {
        checker.error(
            no_content.at,
            "`no_content` is empty",
            "say what a 204 means, in the document's words",
        );
    }
}

fn check_pagination(checker: &mut Checker<'_>, op: &OperationSpec) {
    let Some(pagination) = &op.pagination else {
        return;
    };
    let style = pagination.style.value;
    let (position_param, unused) = match style {
        PaginationStyle::PageNumber => (
            &pagination.page_param,
            [(&pagination.offset_param, "offset_param")],
        ),
        PaginationStyle::OffsetLimit => (
            &pagination.offset_param,
            [(&pagination.page_param, "page_param")],
        ),
    };
    let style_name = match style {
        PaginationStyle::PageNumber => "page_number",
        PaginationStyle::OffsetLimit => "offset_limit",
    };
    for (param, key) in unused {
        if let Some(param) = param {
            checker.error(
                param.at,
                format!("`{key}` does not apply to `style: {style_name}`"),
                format!("remove `{key}`"),
            );
        }
    }
    match (style, &pagination.offset_unit) {
        (PaginationStyle::OffsetLimit, None) => checker.error(
            pagination.style.at,
            "`style: offset_limit` needs `offset_unit`",
            "add `offset_unit: record` (offset counts records) or `offset_unit: page`",
        ),
        (PaginationStyle::PageNumber, Some(unit)) => {
            checker.error(
                unit.at,
                "`offset_unit` does not apply to `style: page_number`",
                "remove `offset_unit`",
            );
        }
        _ => {}
    }
    match position_param {
        Some(param) => check_paging_param(checker, op, param),
        None => {
            let key = if style == PaginationStyle::PageNumber {
                "page_param"
            } else {
                "offset_param"
            };
            checker.error(
                pagination.style.at,
                format!("`style: {style_name}` needs `{key}`"),
                format!("add `{key}:` naming the query parameter"),
            );
        }
    }
    check_paging_param(checker, op, &pagination.size_param);
    check_has_more(checker, op, &pagination.has_more);
    // Only when the payload type resolved: an unknown type is reported already.
    let payload = op
        .response
        .ty
        .as_ref()
        .map(|ty| checker.resolve_quietly(&ty.value));
    let not_a_list = match payload {
        None => true,
        Some(Some(expr)) => !matches!(expr, TypeExpr::Array(_)),
        Some(None) => false,
    };
    if not_a_list {
        checker.error(
            pagination.style.at,
            "a paginated operation must return an array payload",
            "give the response a `type` such as `[Item]`",
        );
    }
}

fn check_paging_param(checker: &mut Checker<'_>, op: &OperationSpec, name: &Located<String>) {
    match op.params.get(&name.value) {
        None => checker.error(
            name.at,
            format!(
                "pagination names `{}`, which is not a parameter of the operation",
                name.value
            ),
            format!(
                "declare `{}: {{ in: query, type: integer }}` under `params`",
                name.value
            ),
        ),
        Some(param) => {
            let integer = checker.resolve_quietly(&param.ty.value)
                == Some(TypeExpr::Primitive(Primitive::Integer));
            if param.location.value != ParamLocation::Query || !integer {
                checker.error(
                    name.at,
                    format!(
                        "pagination parameter `{}` must be an integer query parameter",
                        name.value
                    ),
                    "declare it `in: query` with `type: integer`",
                );
            }
        }
    }
}

fn check_has_more(checker: &mut Checker<'_>, op: &OperationSpec, path: &Located<String>) {
    let mut keys = path.value.split('.');
    let Some(first) = keys.next().filter(|k| !k.is_empty()) else {
        checker.error(
            path.at,
            "`has_more` is empty",
            "write the dotted path of the boolean under `meta`",
        );
        return;
    };
    let Some(mut field) = op.response.meta.get(first) else {
        checker.error(
            path.at,
            format!("`has_more` starts at `{first}`, which is not a `meta` field of the response"),
            format!("declare `{first}` under the response's `meta`"),
        );
        return;
    };
    for key in keys {
        let next = match checker.resolve_quietly(&field.ty.value) {
            Some(TypeExpr::Named(name)) => match checker.declared(&name) {
                Some(Declared::Object(fields)) => fields.get(key),
                _ => None,
            },
            _ => None,
        };
        match next {
            Some(next) => field = next,
            None => {
                checker.error(
                    path.at,
                    format!(
                        "`has_more` path `{}` does not resolve: no field `{key}`",
                        path.value
                    ),
                    "point it at a boolean field of the response's `meta`",
                );
                return;
            }
        }
    }
    if checker.resolve_quietly(&field.ty.value) != Some(TypeExpr::Primitive(Primitive::Boolean)) {
        checker.error(
            path.at,
            format!(
                "`has_more` points at `{}`, which is `{}`, not `boolean`",
                path.value, field.ty.value
            ),
            "point it at the boolean that says more results follow",
        );
    }
}

fn check_references(checker: &mut Checker<'_>, op: &OperationSpec) {
    let spec = checker.spec;
    let mut listed: Vec<&str> = Vec::new();
    for code in &op.errors {
        let declared = spec
            .errors
            .as_ref()
            .is_some_and(|e| e.codes.contains(&code.value));
        if !declared {
            checker.error(
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
            checker.error(
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
        checker.error(
            limit.at,
            format!("rate limit `{}` is not declared", limit.value),
            format!(
                "declare `{}` under the service's `rate_limits`",
                limit.value
            ),
        );
    }
}
