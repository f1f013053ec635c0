//! Property tests of decoding: for every operation of `specs/`, response bodies are
//! generated at random from the operation's schema in the IR (every documented form of a
//! union, every wire name of a field, unknown values of value sets, extra keys, absent
//! optional keys, nulls where nullable, timestamps with any offset) and must decode into
//! the generated types; a body whose required field holds a value of the wrong type must
//! fail with a `Decode` error located at that field.

use bytes::Bytes;
use codegen::ir::{Field, Operation, RustType, Service, TypeDef};
use org_clients::runtime::Response;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Map, Value, json};
use workspace_tests::fuzz_targets::decode_operation;

/// How deep generated values nest: a type that holds itself stops here.
const MAX_DEPTH: u32 = 4;

fn services() -> Vec<Service> {
    let specs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs");
    let (loaded, failed) = codegen::load_dir(&specs).expect("specs/ is readable");
    assert!(failed.is_empty(), "{}", failed[0]);
    loaded.into_iter().map(|l| l.service).collect()
}

/// Any value of `ty`, in every form the spec accepts for it.
fn value(service: &Service, ty: &RustType, depth: u32) -> BoxedStrategy<Value> {
    match ty {
        RustType::String => "[a-zA-Z0-9 ._-]{0,12}".prop_map(Value::String).boxed(),
        RustType::Integer => any::<i64>().prop_map(Value::from).boxed(),
        RustType::Number => (-1.0e9..1.0e9f64).prop_map(Value::from).boxed(),
        RustType::Boolean => any::<bool>().prop_map(Value::Bool).boxed(),
        RustType::Json => prop_oneof![
            Just(Value::Null),
            any::<i64>().prop_map(Value::from),
            "[a-z]{0,6}".prop_map(Value::String),
            Just(json!({"nested": [1, "two", null]})),
        ]
        .boxed(),
        RustType::DateTime => (
            1970..2100i32,
            1..=12u32,
            1..=28u32,
            0..24u32,
            0..60u32,
            0..60u32,
            prop::sample::select(vec!["Z", "+05:30", "-08:00", "+00:00"]),
        )
            .prop_map(|(y, mo, d, h, mi, s, offset)| {
                Value::String(format!(
                    "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{offset}"
                ))
            })
            .boxed(),
        // Never in a response: file parts are request-only, and the generator refuses them
        // anywhere a response could hold one.
        RustType::Binary => unreachable!("a response holds no file part"),
        RustType::Date => (1970..2100i32, 1..=12u32, 1..=28u32)
            .prop_map(|(y, m, d)| Value::String(format!("{y:04}-{m:02}-{d:02}")))
            .boxed(),
        RustType::List(_) if depth >= MAX_DEPTH => Just(Value::Array(Vec::new())).boxed(),
        RustType::List(item) => prop::collection::vec(value(service, item, depth + 1), 0..3)
            .prop_map(Value::Array)
            .boxed(),
        RustType::Map(_) if depth >= MAX_DEPTH => Just(json!({})).boxed(),
        // Keys are data: any text, none of them a declared field.
        RustType::Map(item) => {
            prop::collection::btree_map("[a-z0-9_-]{1,8}", value(service, item, depth + 1), 0..3)
                .prop_map(|entries| Value::Object(entries.into_iter().collect()))
                .boxed()
        }
        RustType::Named(name) => match service.types.iter().find(|t| t.name() == name) {
            Some(TypeDef::Struct(s)) => object(service, &s.fields, depth),
            Some(TypeDef::Enum(e)) => {
                let mut forms: Vec<Value> = e.values.iter().map(|v| v.wire.to_json()).collect();
                // A value the document does not list decodes too (`Unknown`).
                forms.push(if e.integer {
                    json!(987_654)
                } else {
                    json!("a-value-added-later")
                });
                prop::sample::select(forms).boxed()
            }
            Some(TypeDef::Union(u)) => {
                let forms: Vec<BoxedStrategy<Value>> = u
                    .variants
                    .iter()
                    .map(|(_, form)| value(service, form, depth + 1))
                    .collect();
                proptest::strategy::Union::new(forms).boxed()
            }
            // Each variant's object with its tag, and an object with a tag the spec does
            // not list (`Unknown`).
            Some(TypeDef::Tagged(t)) => {
                let mut forms: Vec<BoxedStrategy<Value>> = t
                    .variants
                    .iter()
                    .map(|v| {
                        let (key, tag) = (t.tag.clone(), v.tag.clone());
                        value(service, &RustType::Named(v.ty.clone()), depth + 1)
                            .prop_map(move |mut object| {
                                if let Some(map) = object.as_object_mut() {
                                    map.insert(key.clone(), Value::String(tag.clone()));
                                }
                                object
                            })
                            .boxed()
                    })
                    .collect();
                forms.push(Just(json!({ t.tag.as_str(): "a-kind-added-later", "x": 1 })).boxed());
                proptest::strategy::Union::new(forms).boxed()
            }
            None => Just(Value::Null).boxed(),
        },
    }
}

/// A member of a generated object: the names it is sent under and its value, or absent.
type Member = Option<(Vec<String>, Value)>;

/// An object of `fields`: required ones always there (under any of their names), optional
/// ones there, absent or (when nullable) null, and now and then a key no field declares.
fn object(service: &Service, fields: &[Field], depth: u32) -> BoxedStrategy<Value> {
    let members: Vec<BoxedStrategy<Member>> = fields
        .iter()
        .map(|field| {
            // Under one of its names, or (when it has several) under all of them at once.
            let mut name_sets: Vec<Vec<String>> = std::iter::once(&field.wire)
                .chain(&field.aliases)
                .map(|name| vec![name.clone()])
                .collect();
            if !field.aliases.is_empty() {
                name_sets.push(name_sets.iter().flatten().cloned().collect());
            }
            let present = (
                prop::sample::select(name_sets),
                value(service, &field.ty, depth + 1),
            )
                .prop_map(|(names, value)| Some((names, value)));
            if !field.optional() {
                present.boxed()
            } else if field.nullable && depth < MAX_DEPTH {
                prop_oneof![
                    present,
                    Just(None),
                    Just(Some((vec![field.wire.clone()], Value::Null)))
                ]
                .boxed()
            } else if depth < MAX_DEPTH {
                prop_oneof![present, Just(None)].boxed()
            } else {
                Just(None).boxed()
            }
        })
        .collect();
    let extra = prop::option::of(("x_[a-z]{1,6}", any::<i64>()));
    (members, extra)
        .prop_map(|(members, extra)| {
            let mut map = Map::new();
            for (names, value) in members.into_iter().flatten() {
                for name in names {
                    map.insert(name, value.clone());
                }
            }
            if let Some((key, number)) = extra {
                map.entry(key).or_insert(Value::from(number));
            }
            Value::Object(map)
        })
        .boxed()
}

/// A whole response body of `op`: the payload under its envelope, the meta fields beside.
fn body(service: &Service, op: &Operation) -> BoxedStrategy<Value> {
    let payload = value(
        service,
        op.response.payload.as_ref().unwrap_or(&RustType::Json),
        0,
    );
    match &op.response.envelope {
        None => payload,
        Some(envelope) => {
            let envelope = envelope.clone();
            (payload, object(service, &op.response.meta, 1))
                .prop_map(move |(payload, meta)| {
                    let mut map = match meta {
                        Value::Object(map) => map,
                        _ => Map::new(),
                    };
                    map.insert(envelope.clone(), payload);
                    Value::Object(map)
                })
                .boxed()
        }
    }
}

fn decode(service: &Service, op: &Operation, body: &Value) -> Result<(), String> {
    let response = Response::new(
        200,
        Some("application/json".to_owned()),
        Bytes::from(body.to_string()),
    );
    // The table's operation names are `'static`; the IR's are looked up in it.
    let name: &'static str = workspace_tests::fuzz_targets::OPERATIONS
        .iter()
        .find(|(s, o)| *s == service.module && *o == op.name)
        .map(|(_, o)| *o)
        .expect("every operation is in the decode table");
    decode_operation(&service.module, name, &response).expect("a known operation")
}

/// A runner of `cases` cases; one per property, as a runner counts its cases across runs.
fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

#[test]
fn every_generated_body_of_every_operation_decodes() {
    let mut ran = 0;
    for service in services() {
        for op in service
            .operations
            .iter()
            .filter(|op| op.response.payload.is_some())
        {
            ran += 1;
            let result = runner(64).run(&body(&service, op), |body| {
                let decoded = decode(&service, op, &body);
                prop_assert!(decoded.is_ok(), "{}: {:?}\n{body}", op.name, decoded);
                Ok(())
            });
            if let Err(failure) = result {
                panic!("{} {}: {failure}", service.module, op.name);
            }
        }
    }
    assert!(ran >= 10, "only {ran} operations");
}

/// A JSON value that is not of `ty`, in any form `ty` takes: an object holding an array
/// fits no string, number, boolean, date, list, value set or union of those; for object
/// types, a number.
fn wrong_value(service: &Service, ty: &RustType) -> Option<Value> {
    match ty {
        RustType::Json => None,
        RustType::Named(name) => match service.types.iter().find(|t| t.name() == name)? {
            TypeDef::Struct(_) => Some(json!(12)),
            TypeDef::Union(u)
                if u.variants
                    .iter()
                    .any(|(_, form)| matches!(form, RustType::Json)) =>
            {
                None
            }
            _ => Some(json!({"not": ["this"]})),
        },
        _ => Some(json!({"not": ["this"]})),
    }
}

#[test]
fn a_wrong_type_in_a_required_field_is_a_decode_error_at_that_field() {
    let mut checked = 0;
    for service in services() {
        for op in &service.operations {
            let Some(payload) = &op.response.payload else {
                continue;
            };
            let item = match payload {
                RustType::List(item) => item.as_ref(),
                other => other,
            };
            let RustType::Named(name) = item else {
                continue;
            };
            let Some(TypeDef::Struct(s)) = service.types.iter().find(|t| t.name() == name) else {
                continue;
            };
            // The key that says how an item went is not decoded: any other value there
            // makes the item a failure the service reports.
            let outcome_key = op.response.per_item.as_ref().map(|p| p.status.join("."));
            for field in s
                .fields
                .iter()
                .filter(|f| !f.optional() && outcome_key.as_deref() != Some(f.wire.as_str()))
            {
                let Some(wrong) = wrong_value(&service, &field.ty) else {
                    continue;
                };
                checked += 1;
                let result = runner(16).run(&body(&service, op), |mut body| {
                    let target = match &op.response.envelope {
                        Some(envelope) => &mut body[envelope.as_str()],
                        None => &mut body,
                    };
                    let target = match target {
                        Value::Array(items) if !items.is_empty() => &mut items[0],
                        Value::Array(items) => {
                            items.push(json!({}));
                            &mut items[0]
                        }
                        other => other,
                    };
                    if let Value::Object(map) = target {
                        for alias in &field.aliases {
                            map.remove(alias);
                        }
                        map.insert(field.wire.clone(), wrong.clone());
                        // An item that reports success is decoded; one that reports a
                        // failure is an error of the service's, whatever its other keys.
                        if let Some(per_item) = &op.response.per_item
                            && let [status] = per_item.status.as_slice()
                            && *status != field.wire
                        {
                            map.insert(status.clone(), json!(per_item.success[0]));
                        }
                    }
                    let error = decode(&service, op, &body).expect_err("a wrong type");
                    // The JSON path the error gives ends at the field.
                    let at = [
                        format!(".{}`: ", field.wire),
                        format!("[{:?}]`: ", field.wire),
                    ];
                    prop_assert!(
                        at.iter().any(|at| error.contains(at.as_str())),
                        "{}: the error is not located at `{}`: {error}",
                        op.name,
                        field.wire
                    );
                    Ok(())
                });
                if let Err(failure) = result {
                    panic!("{} {} {}: {failure}", service.module, op.name, field.wire);
                }
            }
        }
    }
    assert!(checked >= 5, "only {checked} required fields checked");
}
