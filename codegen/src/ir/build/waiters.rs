//! The service's waiters: the operation each one polls, where the state sits in that
//! operation's payload, and which states end the wait.

use std::collections::HashMap;

use super::types::{struct_fields, walk_path};
use super::{Builder, check_duplicates, text};
use crate::ir::{Operation, RustType, StatePath, TypeDef, Waiter, names};
use crate::spec::{EnumLiteral, Located, Position, WaiterSpec};

/// The waiters, in spec order; each problem is reported and its waiter left out.
pub(crate) fn waiters(
    builder: &mut Builder<'_>,
    operations: &[Operation],
    types: &[TypeDef],
) -> Vec<Waiter> {
    let spec = builder.spec;
    check_duplicates(builder, &spec.waiters, "waiter", None);
    spec.waiters
        .iter()
        .filter_map(|entry| waiter(builder, &entry.key, &entry.value, operations, types))
        .collect()
}

fn waiter(
    builder: &mut Builder<'_>,
    name: &Located<String>,
    spec: &WaiterSpec,
    operations: &[Operation],
    types: &[TypeDef],
) -> Option<Waiter> {
    let method = names::waiter_method(&name.value);
    if !names::is_snake_case(&name.value) || names::is_keyword(&name.value) {
        builder.error(
            name.at,
            format!("waiter name `{}` is not a snake_case identifier", name.value),
            "write lowercase words joined by `_`, such as `org_enrichment`; it becomes `wait_for_org_enrichment`",
        );
        return None;
    }
    if let Some(op) = operations.iter().find(|op| op.name == method) {
        builder.error(
            name.at,
            format!(
                "waiter `{}` would become `Client::{method}`, the method of operation `{}`",
                name.value, op.name
            ),
            "rename the waiter or the operation",
        );
    }
    let Some(op) = operations.iter().find(|op| op.name == spec.operation.value) else {
        let known: Vec<&str> = operations.iter().map(|op| op.name.as_str()).collect();
        builder.error(
            spec.operation.at,
            format!(
                "waiter `{}` polls `{}`, which is not an operation of this spec",
                name.value, spec.operation.value
            ),
            format!("name one of: {}", known.join(", ")),
        );
        return None;
    };
    let state = state_path(builder, &spec.state, op, types)?;
    check_states(builder, spec, &state, types);
    check_timing(builder, spec);
    Some(Waiter {
        name: name.value.clone(),
        builder: names::waiter_builder(&name.value),
        method,
        operation: op.name.clone(),
        state,
        success: values(&spec.success),
        failure: values(&spec.failure),
        pending: values(&spec.pending),
        interval_seconds: spec.interval_seconds.value,
        max_interval_seconds: spec.max_interval_seconds.value,
        deadline_seconds: spec.deadline_seconds.value,
        doc: text(&spec.doc),
        assumed: builder.assumed(&spec.assumed),
    })
}

fn values(list: &[Located<String>]) -> Vec<String> {
    list.iter().map(|value| value.value.clone()).collect()
}

/// Follows `path` from the operation's payload (its first item, for a list) through
/// object fields to a string or a string value set.
fn state_path(
    builder: &mut Builder<'_>,
    path: &Located<String>,
    op: &Operation,
    types: &[TypeDef],
) -> Option<StatePath> {
    let (first_item, mut ty) = match &op.response.payload {
        Some(RustType::List(item)) => (true, (**item).clone()),
        Some(ty) => (false, ty.clone()),
        None => {
            builder.error(
                path.at,
                format!(
                    "operation `{}` has no payload to read a state from",
                    op.name
                ),
                "poll an operation whose response has a `type`",
            );
            return None;
        }
    };
    let wire: Vec<String> = path.value.split('.').map(str::to_owned).collect();
    let steps = match walk_path(struct_fields(types, &ty), &path.value, types) {
        Ok(walked) => {
            ty = walked.field.ty.clone();
            walked.steps
        }
        Err(key) => {
            builder.error(
                path.at,
                format!(
                    "`state` path `{}` does not resolve in the payload of `{}`: no field `{key}`",
                    path.value, op.name
                ),
                "write the dotted path of the state's field (in the first item, for a list payload)",
            );
            return None;
        }
    };
    let value_set = match &ty {
        RustType::String => None,
        RustType::Named(name) if string_values(types, name).is_some() => Some(name.clone()),
        other => {
            builder.error(
                path.at,
                format!(
                    "`state` points at `{}`, which is `{}`, not a string or a string value set",
                    path.value,
                    other.spelling()
                ),
                "point it at the field that names the job's state",
            );
            return None;
        }
    };
    Some(StatePath {
        first_item,
        steps,
        wire,
        value_set,
    })
}

/// The wire values of a string value set named `name`.
fn string_values<'t>(types: &'t [TypeDef], name: &str) -> Option<Vec<&'t str>> {
    types.iter().find_map(|t| match t {
        TypeDef::Enum(e) if e.name == name && !e.integer => Some(
            e.values
                .iter()
                .filter_map(|v| match &v.wire {
                    EnumLiteral::Str(wire) => Some(wire.as_str()),
                    EnumLiteral::Int(_) => None,
                })
                .collect(),
        ),
        _ => None,
    })
}

/// Each state is listed once, and, for a value set, is one of its values.
fn check_states(
    builder: &mut Builder<'_>,
    spec: &WaiterSpec,
    state_path: &StatePath,
    types: &[TypeDef],
) {
    if spec.success.is_empty() {
        builder.error(
            spec.operation.at,
            "a waiter needs at least one `success` state",
            "list the states that mean the job is done, such as `success: [COMPLETED]`",
        );
    }
    let known = state_path
        .value_set
        .as_deref()
        .and_then(|name| string_values(types, name));
    let mut seen: HashMap<&str, (&str, Position)> = HashMap::new();
    let lists = [
        ("success", &spec.success),
        ("failure", &spec.failure),
        ("pending", &spec.pending),
    ];
    for (list, states) in lists {
        for state in states {
            if let Some((first_list, first_at)) = seen.get(state.value.as_str()) {
                builder.error(
                    state.at,
                    format!(
                        "state `{}` is listed twice: under `{first_list}` at {first_at} and under `{list}`",
                        state.value
                    ),
                    "keep it in the one list that says what it means",
                );
                continue;
            }
            seen.insert(&state.value, (list, state.at));
            if let Some(known) = &known
                && !known.contains(&state.value.as_str())
            {
                builder.error(
                    state.at,
                    format!(
                        "state `{}` is not a value of `{}`, the type of the waiter's `state`",
                        state.value,
                        state_path.value_set.as_deref().unwrap_or_default()
                    ),
                    format!("use one of: {}", known.join(", ")),
                );
            }
        }
    }
}

fn check_timing(builder: &mut Builder<'_>, spec: &WaiterSpec) {
    let interval = &spec.interval_seconds;
    if interval.value == 0 {
        builder.error(
            interval.at,
            "`interval_seconds` is 0: the waiter would poll without pause",
            "give the seconds between the first two polls, such as `interval_seconds: 5`",
        );
    }
    if spec.max_interval_seconds.value < interval.value {
        builder.error(
            spec.max_interval_seconds.at,
            "`max_interval_seconds` is shorter than `interval_seconds`",
            format!("make it at least {}", interval.value),
        );
    }
    if spec.deadline_seconds.value < interval.value {
        builder.error(
            spec.deadline_seconds.at,
            "`deadline_seconds` is shorter than `interval_seconds`: the waiter would poll once",
            format!("make it at least {}", interval.value),
        );
    }
}
