//! Each spec as an OpenAPI 3.1 document (`cargo xtask codegen` writes
//! `specs/openapi/<service>.yaml`), so that other tools read what the specs say: Swagger UI,
//! Postman, mock servers such as Prism, other languages' generators, openapi-diff.
//!
//! Read from the IR only, like the Rust emitters, so the document says what the generated
//! client does: paths, parameters with their constraints and defaults, request bodies,
//! response schemas with their envelopes, `204`s, error bodies per status, security
//! schemes and scopes, and one server per region. What OpenAPI has no words for is in
//! `x-` extensions: `x-pagination`, `x-per-item`, `x-rate-limit`, `x-rate-limit-headers`,
//! `x-regions`, `x-token-endpoint`, `x-waiters`, `x-source`, `x-assumed` (what the spec
//! states that its document does not).

mod node;
mod schemas;

pub use node::Node;

use crate::ir::{
    AuthScheme, Field, KeyPlace, MetaPath, NextPage, Operation, Param, RustType, Service,
};
use crate::spec::{ArrayStyle, GrantSpec, OffsetUnit, PaginationStyle, ParamLocation};

/// The folder the documents are written to, in the repository.
pub const FOLDER: &str = "specs/openapi";

/// The OpenAPI version written.
const OPENAPI: &str = "3.1.0";

/// The name of the one security scheme of a service.
const SCHEME: &str = "credentials";

/// Each service's document: its file name (`zoho_crm.yaml`, written to [`FOLDER`] in the
/// repository) and its text.
pub fn files(services: &[&Service]) -> Result<Vec<(String, String)>, String> {
    services
        .iter()
        .map(|service| {
            let text = serde_saphyr::to_string(&document(service)).map_err(|e| {
                format!(
                    "cannot write the OpenAPI document of {}: {e}",
                    service.module
                )
            })?;
            Ok((
                format!("{}.yaml", service.module),
                format!(
                    "# @generated from {} by `{}`. Do not edit by hand.\n{text}",
                    service.spec_file,
                    crate::render::REGENERATE
                ),
            ))
        })
        .collect()
}

/// The OpenAPI 3.1 document of one service.
pub fn document(service: &Service) -> Node {
    let mut paths = Node::map();
    for op in &service.operations {
        let method = op.method.to_string().to_ascii_lowercase();
        paths.entry(&op.path).set(&method, operation(service, op));
    }
    let mut schemas = schemas::components(&service.types);
    schemas.set(ERROR, error_schema(service));
    let components = Node::map()
        .with_some(
            "securitySchemes",
            security_scheme(service).map(|scheme| Node::map().with(SCHEME, scheme)),
        )
        .with("schemas", schemas);
    let mut doc = Node::map()
        .with("openapi", OPENAPI)
        .with("info", info(service))
        .with("servers", servers(service))
        .with("paths", paths)
        .with("components", components);
    if let Some(headers) = &service.rate_limit_headers {
        doc.set(
            "x-rate-limit-headers",
            Node::map()
                .with("remaining", headers.remaining.as_str())
                .with_some("retry_after", headers.retry_after.as_deref())
                .with("window_seconds", headers.window_seconds)
                .with_some("description", headers.doc.as_deref())
                .with_some("x-assumed", headers.assumed.as_deref()),
        );
    }
    if !service.waiters.is_empty() {
        let mut waiters = Node::map();
        for waiter in &service.waiters {
            let states = |list: &[String]| -> Vec<Node> { list.iter().map(Node::from).collect() };
            let operation_id = waiter.operation.as_str();
            waiters.set(
                &waiter.name,
                Node::map()
                    .with("operationId", operation_id)
                    .with("state", waiter.state.wire.join("."))
                    .with("first_item", waiter.state.first_item)
                    .with("success", states(&waiter.success))
                    .with("failure", states(&waiter.failure))
                    .with("pending", states(&waiter.pending))
                    .with("interval_seconds", waiter.interval_seconds)
                    .with("max_interval_seconds", waiter.max_interval_seconds)
                    .with("deadline_seconds", waiter.deadline_seconds)
                    .with_some("description", waiter.doc.as_deref())
                    .with_some("x-assumed", waiter.assumed.as_deref()),
            );
        }
        doc.set("x-waiters", waiters);
    }
    doc
}

fn info(service: &Service) -> Node {
    Node::map()
        .with("title", service.title.as_str())
        .with("version", "1")
        .with_some("description", service.description.as_deref())
        .with("x-source", service.source.as_str())
        .with_some("x-docs", service.docs_url.as_deref())
}

/// One server per region, the default first.
fn servers(service: &Service) -> Node {
    let mut regions: Vec<_> = service.regions.iter().collect();
    regions.sort_by_key(|r| r.variant != service.default_region);
    Node::Seq(
        regions
            .into_iter()
            .map(|region| {
                Node::map()
                    .with("url", region.api.as_str())
                    .with("description", region.doc.as_deref().unwrap_or(&region.key))
                    .with("x-region", region.key.as_str())
                    .with_some("x-accounts", region.accounts.as_deref())
                    .with_some("x-assumed", region.assumed.as_deref())
            })
            .collect(),
    )
}

/// How the credential travels, in OpenAPI's terms. A bearer token with another prefix
/// than `Bearer` (Zoho's `Zoho-oauthtoken`) is an API key in the `Authorization` header
/// for OpenAPI, which has no custom prefixes; `x-token-prefix` says what goes before it.
fn security_scheme(service: &Service) -> Option<Node> {
    let auth = &service.auth;
    let tokens = auth.tokens.as_ref().map(|t| {
        let grants: Vec<Node> = t
            .grants
            .iter()
            .map(|g| {
                Node::from(match g {
                    GrantSpec::RefreshToken => "refresh_token",
                    GrantSpec::ClientCredentials => "client_credentials",
                })
            })
            .collect();
        Node::map()
            .with("path", t.path.as_str())
            .with("grants", grants)
    });
    let scheme = match &auth.scheme {
        AuthScheme::None => return None,
        AuthScheme::Bearer { header, prefix }
            if header == "Authorization" && prefix == "Bearer" =>
        {
            Node::map().with("type", "http").with("scheme", "bearer")
        }
        AuthScheme::Bearer { header, prefix } => Node::map()
            .with("type", "apiKey")
            .with("in", "header")
            .with("name", header.as_str())
            .with("x-token-prefix", prefix.as_str()),
        AuthScheme::ApiKey(KeyPlace::Header(name)) => Node::map()
            .with("type", "apiKey")
            .with("in", "header")
            .with("name", name.as_str()),
        AuthScheme::ApiKey(KeyPlace::Query(name)) => Node::map()
            .with("type", "apiKey")
            .with("in", "query")
            .with("name", name.as_str()),
        AuthScheme::Basic => Node::map().with("type", "http").with("scheme", "basic"),
    };
    Some(
        scheme
            .with_some("description", auth.doc.as_deref())
            .with_some("x-token-endpoint", tokens)
            .with_some("x-assumed", auth.assumed.as_deref()),
    )
}

/// The name of the error body's component schema.
const ERROR: &str = "Error";

/// The error body: the declared type when the spec gives one, else the code and message
/// at the paths it names.
fn error_schema(service: &Service) -> Node {
    let Some(shape) = &service.error_shape else {
        return Node::map().with("description", "The error body; the service documents none.");
    };
    if let Some(body) = &shape.body {
        return Node::map().with("$ref", format!("#/components/schemas/{body}"));
    }
    let mut schema = Node::map().with("type", "object");
    let code_type = if shape.integer_codes {
        "integer"
    } else {
        "string"
    };
    if let Some(code) = &shape.code {
        nest(&mut schema, code, Node::map().with("type", code_type));
    }
    nest(
        &mut schema,
        &shape.message,
        Node::map().with("type", "string"),
    );
    if let Some(details) = &shape.details {
        nest(&mut schema, details, Node::map());
    }
    schema
        .with_some("description", shape.doc.as_deref())
        .with_some("x-assumed", shape.assumed.as_deref())
}

/// Puts `leaf` at the key path `path` of an object schema.
fn nest(schema: &mut Node, path: &[String], leaf: Node) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    let mut at = schema;
    for key in parents {
        at = at.entry("properties").entry(key);
        at.set("type", "object");
    }
    at.entry("properties").set(last, leaf);
}

fn operation(service: &Service, op: &Operation) -> Node {
    let mut node = Node::map()
        .with("operationId", op.name.as_str())
        .with("summary", op.summary.as_str())
        .with_some("description", op.description.as_deref());
    let params: Vec<Node> = op
        .params
        .iter()
        .chain(&service.common_params)
        .map(parameter)
        .collect();
    if !params.is_empty() {
        node.set("parameters", params);
    }
    if let Some(body) = &op.body {
        node.set(
            "requestBody",
            Node::map().with("required", true).with(
                "content",
                Node::map().with(
                    op.body_encoding.media_type(),
                    Node::map()
                        .with("schema", schemas::of(&RustType::Named(body.clone()), None))
                        .with_some("example", op.body_sample.as_ref().map(Node::from_json)),
                ),
            ),
        );
    }
    node.set("responses", responses(service, op));
    if let Some(requirements) = security(service, op) {
        node.set("security", requirements);
    }
    if let Some(paging) = pagination(op) {
        node.set("x-pagination", paging);
    }
    if let Some(per_item) = &op.response.per_item {
        let success: Vec<Node> = per_item.success.iter().map(Node::from).collect();
        node.set(
            "x-per-item",
            Node::map()
                .with("status", per_item.status.join("."))
                .with("success", success)
                .with_some("x-assumed", per_item.assumed.as_deref()),
        );
    }
    if let Some(source) = &op.source {
        node.set("x-source", source.as_str());
    }
    if let Some(docs) = &op.docs_url {
        node.set("externalDocs", Node::map().with("url", docs.as_str()));
    }
    if let Some(limit) = &op.rate_limit {
        node.set(
            "x-rate-limit",
            Node::map()
                .with("name", limit.name.as_str())
                .with("requests", limit.requests)
                .with("per_seconds", limit.per_seconds)
                .with_some("lock_seconds", limit.lock_seconds)
                .with_some("description", limit.doc.as_deref())
                .with_some("x-assumed", limit.assumed.as_deref()),
        );
    }
    if !op.alternative_paths.is_empty() {
        let paths: Vec<Node> = op.alternative_paths.iter().map(Node::from).collect();
        node.set("x-alternative-paths", paths);
    }
    node
}

fn parameter(param: &Param) -> Node {
    let location = match param.location {
        ParamLocation::Path => "path",
        ParamLocation::Query => "query",
        ParamLocation::Header => "header",
    };
    let mut schema = schemas::constrained(schemas::of(&param.ty, param.format), &param.constraints);
    if let Some(default) = param
        .default
        .as_deref()
        .and_then(|text| serde_json::from_str::<serde_json::Value>(text).ok())
    {
        schema.set("default", Node::from_json(&default));
    }
    Node::map()
        .with("name", param.wire.as_str())
        .with("in", location)
        .with(
            "required",
            param.required || param.location == ParamLocation::Path,
        )
        .with_some("description", param.doc.as_deref())
        .with_some("style", param.array.map(|_| "form"))
        .with_some(
            "explode",
            param.array.map(|style| style == ArrayStyle::Repeated),
        )
        .with("schema", schema)
        .with_some("x-assumed", param.assumed.as_deref())
}

/// The success answer, a `204` where one may come, and each documented error by status.
fn responses(service: &Service, op: &Operation) -> Node {
    let response = &op.response;
    let mut out = Node::map();
    let success = match &response.payload {
        // A download: bytes of the media type asked for (JSON Schema 2020-12's
        // `contentMediaType`, as OpenAPI 3.1 writes binary content).
        None if response.download.is_some() => {
            let media_type = response.download.as_deref().unwrap_or("*/*");
            Node::map().with("description", op.summary.as_str()).with(
                "content",
                Node::map().with(
                    media_type,
                    Node::map().with(
                        "schema",
                        Node::map()
                            .with("type", "string")
                            .with("contentMediaType", media_type),
                    ),
                ),
            )
        }
        None => Node::map().with("description", op.summary.as_str()),
        Some(payload) => {
            let payload = schemas::of(payload, None);
            let schema = match &response.envelope {
                None if response.meta.is_empty() => payload,
                envelope => {
                    let mut object = Node::map().with("type", "object");
                    let mut required = Vec::new();
                    if let Some(key) = envelope {
                        object.entry("properties").set(key, payload);
                    }
                    for field in &response.meta {
                        let schema = match success_code(service, field) {
                            Some((at, code)) => schemas::pinned_field_schema(field, at, code),
                            None => schemas::field_schema(field),
                        };
                        object.entry("properties").set(&field.wire, schema);
                        if field.required {
                            required.push(Node::from(&field.wire));
                        }
                    }
                    object.with_some("required", (!required.is_empty()).then_some(required))
                }
            };
            Node::map().with("description", op.summary.as_str()).with(
                "content",
                Node::map().with(
                    service.response_content_type.as_str(),
                    Node::map()
                        .with("schema", schema)
                        .with_some("examples", examples(&op.response_samples)),
                ),
            )
        }
    };
    out.set(&response.status.to_string(), success);
    if let Some(no_content) = &response.no_content {
        out.set("204", Node::map().with("description", no_content.as_str()));
    }
    let mut statuses: Vec<u16> = op
        .errors
        .iter()
        .filter_map(|wire| service.error_codes.iter().find(|c| c.wire == *wire))
        .map(|c| c.status)
        .filter(|status| *status != 204)
        .collect();
    statuses.sort_unstable();
    statuses.dedup();
    for status in statuses {
        let codes: Vec<&crate::ir::ErrorCode> = op
            .errors
            .iter()
            .filter_map(|wire| service.error_codes.iter().find(|c| c.wire == *wire))
            .filter(|c| c.status == status)
            .collect();
        let description = codes
            .iter()
            .map(|c| match c.cases.first() {
                Some((meaning, _)) => format!("`{}`: {meaning}", c.wire),
                None => format!("`{}`", c.wire),
            })
            .collect::<Vec<_>>()
            .join("\n");
        let wires = codes.iter().map(|c| Node::from(&c.wire)).collect();
        out.set(&status.to_string(), error_response(&description, wires));
    }
    out.set(
        "default",
        error_response("Any other error, in the same body.", Vec::new()),
    );
    out
}

/// Where the service's success code sits in `field`, a key beside the envelope, and the
/// code: when the error shape reads its code from this key (Inventory's `code`) or from
/// inside it (`status.code`). The client takes a 2xx answer with any other code there for
/// an error, so the document says that successes carry this one, and a mock server that
/// makes up answers keeps to it.
fn success_code<'s>(service: &'s Service, field: &Field) -> Option<(&'s [String], Node)> {
    let shape = service.error_shape.as_ref()?;
    let success = shape.success.as_deref()?;
    let (key, inside) = shape.code.as_deref()?.split_first()?;
    if *key != field.wire {
        return None;
    }
    let code = if shape.integer_codes {
        Node::Int(success.parse().ok()?)
    } else {
        Node::from(success)
    };
    Some((inside, code))
}

/// The documented answers, each under a name made from its title.
fn examples(samples: &[(String, serde_json::Value)]) -> Option<Node> {
    if samples.is_empty() {
        return None;
    }
    let mut out = Node::map();
    for (i, (title, value)) in samples.iter().enumerate() {
        let words: Vec<String> = title
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|word| !word.is_empty())
            .map(str::to_ascii_lowercase)
            .collect();
        let name = format!("{}_{}", i + 1, words.join("_"));
        out.set(
            &name,
            Node::map()
                .with("summary", title.as_str())
                .with("value", Node::from_json(value)),
        );
    }
    Some(out)
}

/// An error answer: the body's schema, and the documented codes it may carry.
fn error_response(description: &str, codes: Vec<Node>) -> Node {
    Node::map()
        .with("description", description)
        .with(
            "content",
            Node::map().with(
                "application/json",
                Node::map().with(
                    "schema",
                    Node::map().with("$ref", format!("#/components/schemas/{ERROR}")),
                ),
            ),
        )
        .with_some("x-error-codes", (!codes.is_empty()).then_some(codes))
}

/// The scopes each alternative needs, in OpenAPI's security requirements.
fn security(service: &Service, op: &Operation) -> Option<Node> {
    if service.auth.scheme == AuthScheme::None {
        return None;
    }
    let alternatives: Vec<Vec<String>> = if op.scopes.is_empty() {
        vec![Vec::new()]
    } else {
        op.scopes.clone()
    };
    Some(Node::Seq(
        alternatives
            .into_iter()
            .map(|scopes| {
                Node::map().with(
                    SCHEME,
                    Node::Seq(scopes.into_iter().map(Node::from).collect()),
                )
            })
            .collect(),
    ))
}

/// How the list pages, by wire names: OpenAPI has no words for it.
fn pagination(op: &Operation) -> Option<Node> {
    let paging = op.pagination.as_ref()?;
    let wire = |rust: &str| {
        op.params
            .iter()
            .find(|p| p.rust_name == rust)
            .map_or(rust.to_owned(), |p| p.wire.clone())
    };
    let path = |path: &MetaPath| path.wire.join(".");
    let node = match &paging.next {
        NextPage::Position {
            param,
            first,
            offset_unit,
        } => {
            let (style, position) = match paging.style {
                PaginationStyle::OffsetLimit => ("offset_limit", "offset_param"),
                _ => ("page_number", "page_param"),
            };
            Node::map()
                .with("style", style)
                .with(position, wire(param))
                .with_some(
                    "offset_unit",
                    offset_unit.map(|unit| match unit {
                        OffsetUnit::Page => "page",
                        OffsetUnit::Record => "record",
                    }),
                )
                .with("first", *first)
        }
        NextPage::Cursor { param, token } => Node::map()
            .with("style", "cursor")
            .with("cursor_param", wire(param))
            .with("next_cursor", path(token)),
        NextPage::BodyLink(link) => Node::map()
            .with("style", "next_link")
            .with("next_link", path(link)),
        NextPage::LinkHeader => Node::map().with("style", "link_header").with("rel", "next"),
    };
    Some(
        node.with_some("size_param", paging.size_param.as_deref().map(wire))
            .with_some("has_more", paging.has_more.as_ref().map(path)),
    )
}
