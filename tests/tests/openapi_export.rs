//! The OpenAPI export says what the IR says: for every spec and feature fixture, each
//! operation is at its path and method with its parameters, body, success status, `204`,
//! error statuses, scopes, pagination and rate limit; every `$ref` resolves; the text is
//! the same every time. (CI also runs a real validator, `openapi-spec-validator`, on the
//! committed `specs/openapi/*.yaml`; `cargo xtask codegen --check` keeps them fresh.)

use std::path::Path;

use codegen::ir::{MetaPath, NextPage, Service};
use serde_json::Value;

fn loaded(folder: &str) -> Vec<codegen::LoadedSpec> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let (loaded, failed) = codegen::load_dir(&dir).expect("a readable folder");
    assert!(failed.is_empty(), "every spec loads");
    loaded
}

fn every_service() -> Vec<Service> {
    loaded("../specs")
        .into_iter()
        .chain(loaded("fixtures/features"))
        .map(|s| s.service)
        .collect()
}

/// The exported text of `service`, read back.
fn exported(service: &Service) -> Value {
    let files = codegen::openapi::files(&[service]).expect("an exported document");
    let (path, text) = &files[0];
    assert_eq!(*path, format!("{}.yaml", service.module));
    serde_saphyr::from_str(text).unwrap_or_else(|e| panic!("{path} is not YAML: {e}"))
}

/// Every `$ref` in `value`.
fn refs<'v>(value: &'v Value, found: &mut Vec<&'v str>) {
    match value {
        Value::Object(fields) => {
            for (key, v) in fields {
                match (key.as_str(), v) {
                    ("$ref", Value::String(target)) => found.push(target),
                    _ => refs(v, found),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| refs(v, found)),
        _ => {}
    }
}

#[test]
fn every_operation_is_exported_as_the_ir_has_it() {
    for service in every_service() {
        let doc = exported(&service);
        let module = &service.module;
        assert_eq!(doc["openapi"], "3.1.0", "{module}");
        assert_eq!(
            doc["servers"].as_array().map(Vec::len),
            Some(service.regions.len()),
            "{module}: a server per region"
        );
        for op in &service.operations {
            let method = op.method.to_string().to_ascii_lowercase();
            let at = &doc["paths"][&op.path][&method];
            let name = &op.name;
            assert_eq!(at["operationId"], name.as_str(), "{module}.{name}");
            let sent: Vec<&str> = at["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|p| p["name"].as_str())
                .collect();
            for param in op.params.iter().chain(&service.common_params) {
                assert!(
                    sent.contains(&param.wire.as_str()),
                    "{module}.{name}: {}",
                    param.wire
                );
            }
            assert_eq!(
                op.body.is_some(),
                at.get("requestBody").is_some(),
                "{module}.{name}"
            );
            let responses = &at["responses"];
            assert!(
                responses.get(op.response.status.to_string()).is_some(),
                "{module}.{name}: its success status"
            );
            assert_eq!(
                op.response.no_content.is_some(),
                responses.get("204").is_some(),
                "{module}.{name}: 204"
            );
            for wire in &op.errors {
                let Some(code) = service.error_codes.iter().find(|c| c.wire == *wire) else {
                    continue;
                };
                if code.status != 204 {
                    let listed = &responses[code.status.to_string()]["x-error-codes"];
                    assert!(
                        listed
                            .as_array()
                            .is_some_and(|l| l.iter().any(|c| c == wire.as_str())),
                        "{module}.{name}: {wire} under {}",
                        code.status
                    );
                }
            }
            for (i, scopes) in op.scopes.iter().enumerate() {
                assert_eq!(
                    at["security"][i]["credentials"],
                    serde_json::json!(scopes),
                    "{module}.{name}: scopes"
                );
            }
            if let Some(paging) = &op.pagination {
                let paged = &at["x-pagination"];
                for key in ["page_param", "offset_param", "cursor_param", "size_param"] {
                    if let Some(param) = paged[key].as_str() {
                        assert!(
                            sent.contains(&param),
                            "{module}.{name}: the pagination parameter `{param}` is a parameter"
                        );
                    }
                }
                let wire = |path: &MetaPath| path.wire.join(".");
                match &paging.next {
                    NextPage::Position { first, .. } => {
                        assert_eq!(paged["first"], *first, "{module}.{name}");
                    }
                    NextPage::Cursor { token, .. } => {
                        assert_eq!(paged["style"], "cursor", "{module}.{name}");
                        assert_eq!(paged["next_cursor"], wire(token), "{module}.{name}");
                    }
                    NextPage::BodyLink(link) => {
                        assert_eq!(paged["style"], "next_link", "{module}.{name}");
                        assert_eq!(paged["next_link"], wire(link), "{module}.{name}");
                    }
                    NextPage::LinkHeader => {
                        assert_eq!(paged["style"], "link_header", "{module}.{name}");
                        assert_eq!(paged["rel"], "next", "{module}.{name}");
                    }
                }
                assert_eq!(
                    paged["has_more"].as_str().map(str::to_owned),
                    paging.has_more.as_ref().map(wire),
                    "{module}.{name}"
                );
            }
            if let Some(limit) = &op.rate_limit {
                assert_eq!(
                    at["x-rate-limit"]["requests"], limit.requests,
                    "{module}.{name}"
                );
            }
        }
        let mut targets = Vec::new();
        refs(&doc, &mut targets);
        for target in targets {
            let name = target
                .strip_prefix("#/components/schemas/")
                .unwrap_or(target);
            assert!(
                doc["components"]["schemas"].get(name).is_some(),
                "{module}: `{target}` resolves"
            );
        }
    }
}

#[test]
fn the_export_is_the_same_every_time() {
    for service in every_service() {
        assert_eq!(
            codegen::openapi::files(&[&service]),
            codegen::openapi::files(&[&service]),
            "{}",
            service.module
        );
    }
}

/// Where successes carry a success code beside the payload (Inventory's `code: 0`, the
/// feature fixture's `status.code`), every success answer's schema pins it: the client
/// takes a 2xx answer with another code for an error, so a server (or a mock making up
/// answers) that followed the document without it would be refused.
#[test]
fn success_codes_are_pinned_in_success_answers() {
    let mut pinned = 0;
    for service in every_service() {
        let Some(shape) = &service.error_shape else {
            continue;
        };
        let (Some(success), Some(path)) = (&shape.success, &shape.code) else {
            continue;
        };
        let expected = if shape.integer_codes {
            serde_json::json!(success.parse::<i64>().expect("an integer code"))
        } else {
            serde_json::json!(success)
        };
        let doc = exported(&service);
        for op in &service.operations {
            if !op.response.meta.iter().any(|f| f.wire == path[0]) {
                continue;
            }
            let module = &service.module;
            let name = &op.name;
            let method = op.method.to_string().to_ascii_lowercase();
            let content = &doc["paths"][&op.path][&method]["responses"]
                [op.response.status.to_string()]["content"];
            let schema = content
                .as_object()
                .and_then(|c| c.values().next())
                .map(|media| &media["schema"]["properties"][&path[0]])
                .unwrap_or_else(|| panic!("{module}.{name}: a success body"));
            // The key itself carries `const`; a key inside it is pinned beside its schema.
            let at = match &path[1..] {
                [] => schema,
                inside => inside
                    .iter()
                    .fold(&schema["allOf"][1], |at, key| &at["properties"][key]),
            };
            assert_eq!(at["const"], expected, "{module}.{name}: {}", path.join("."));
            pinned += 1;
        }
    }
    assert!(
        pinned >= 5,
        "Inventory's four operations and the fixture's one"
    );
}
