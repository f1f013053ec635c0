//! Named types: structs and their fields, value sets and their values, and the enums
//! generated for fields of several types.

use std::collections::{BTreeSet, HashMap};

use super::{Changes, Context, Matched, arrow, by_key, matched, params, split, ticked};
use crate::rules::Area;
use crate::rules::Rule;
use codegen::ir::{Enum, Field, RustType, Service, Struct, Tagged, TypeDef, Union};

/// Which types requests and responses use, directly or through fields.
#[derive(Debug, Default, Clone)]
pub(super) struct Usage {
    request: BTreeSet<String>,
    response: BTreeSet<String>,
}

impl Usage {
    /// Both sides' usage together: a type is judged as a request type if either side
    /// sends it, and as a response type if either side receives it.
    pub(super) fn merged(mut self, other: &Usage) -> Usage {
        self.request.extend(other.request.iter().cloned());
        self.response.extend(other.response.iter().cloned());
        self
    }

    fn in_requests(&self, name: &str) -> bool {
        self.request.contains(name)
    }

    fn in_responses(&self, name: &str) -> bool {
        self.response.contains(name)
    }
}

/// The types each direction reaches from operations and common parameters.
pub(super) fn usage(service: &Service) -> Usage {
    let mut usage = Usage::default();
    let bodies: Vec<RustType> = service
        .operations
        .iter()
        .filter_map(|op| op.body.clone().map(RustType::Named))
        .collect();
    let params = service
        .common_params
        .iter()
        .chain(service.operations.iter().flat_map(|op| &op.params))
        .map(|p| &p.ty);
    for ty in params.chain(&bodies) {
        reach(service, ty, &mut usage.request);
    }
    for op in &service.operations {
        let meta = op.response.meta.iter().map(|f| &f.ty);
        for ty in op.response.payload.iter().chain(meta) {
            reach(service, ty, &mut usage.response);
        }
    }
    usage
}

/// Adds the named types `ty` mentions, and those their fields mention, to `found`.
fn reach(service: &Service, ty: &RustType, found: &mut BTreeSet<String>) {
    match ty {
        RustType::List(item) | RustType::Map(item) => reach(service, item, found),
        RustType::Named(name) => {
            if !found.insert(name.clone()) {
                return;
            }
            match service.types.iter().find(|t| t.name() == name) {
                Some(TypeDef::Struct(s)) => {
                    for field in &s.fields {
                        reach(service, &field.ty, found);
                    }
                }
                Some(TypeDef::Union(u)) => {
                    for (_, variant) in &u.variants {
                        reach(service, variant, found);
                    }
                }
                Some(TypeDef::Tagged(t)) => {
                    for variant in &t.variants {
                        reach(service, &RustType::Named(variant.ty.clone()), found);
                    }
                }
                Some(TypeDef::Enum(_)) | None => {}
            }
        }
        _ => {}
    }
}

/// Old name → new name of every type that disappears while a type of the same shape
/// appears. Shapes compare field wire names, Rust names, types and presence, or values.
pub(super) fn renamed_types(old: &Service, new: &Service) -> HashMap<String, String> {
    let (removed, mut added) = split(&by_key(&old.types, &new.types, TypeDef::name));
    // Shapes mention other types, which may be renamed too (a union named after its
    // struct): settle renames until nothing more matches.
    let mut renames = HashMap::new();
    loop {
        let before = renames.len();
        for gone in &removed {
            if renames.contains_key(gone.name()) {
                continue;
            }
            if let Some(index) = added
                .iter()
                .position(|candidate| shape(gone, &renames) == shape(candidate, &HashMap::new()))
            {
                renames.insert(
                    gone.name().to_owned(),
                    added.remove(index).name().to_owned(),
                );
            }
        }
        if renames.len() == before {
            return renames;
        }
    }
}

/// A type's shape as text, with type names mapped through `renames`.
fn shape(ty: &TypeDef, renames: &HashMap<String, String>) -> String {
    let named = |t: &RustType| renamed(t, renames).to_string();
    match ty {
        TypeDef::Struct(s) => {
            let fields: Vec<String> = s
                .fields
                .iter()
                .map(|f| {
                    format!(
                        "{}/{}/{}/{}",
                        f.wire,
                        f.rust_name,
                        named(&f.ty),
                        !f.optional()
                    )
                })
                .collect();
            format!("struct {}", fields.join(","))
        }
        TypeDef::Enum(e) => {
            let values: Vec<String> = e
                .values
                .iter()
                .map(|v| format!("{}={:?}", v.variant, v.wire))
                .collect();
            format!("enum {} {}", e.integer, values.join(","))
        }
        TypeDef::Union(u) => {
            let variants: Vec<String> = u
                .variants
                .iter()
                .map(|(name, t)| format!("{name}({})", named(t)))
                .collect();
            format!("union {}", variants.join(","))
        }
        TypeDef::Tagged(t) => {
            let variants: Vec<String> = t
                .variants
                .iter()
                .map(|v| {
                    let ty = renamed(&RustType::Named(v.ty.clone()), renames);
                    format!("{}={}({ty})", v.tag, v.variant)
                })
                .collect();
            format!("tagged {} {}", t.tag, variants.join(","))
        }
    }
}

fn renamed(ty: &RustType, renames: &HashMap<String, String>) -> RustType {
    match ty {
        RustType::Named(name) => RustType::Named(renames.get(name).unwrap_or(name).clone()),
        RustType::List(item) => RustType::List(Box::new(renamed(item, renames))),
        RustType::Map(value) => RustType::Map(Box::new(renamed(value, renames))),
        other => other.clone(),
    }
}

pub(super) fn compare(changes: &mut Changes, context: &Context<'_>, old: &Service, new: &Service) {
    let mut judged_both_ways = Vec::new();
    let renamed_to: BTreeSet<&str> = context.renames.values().map(String::as_str).collect();
    for matched in by_key(&old.types, &new.types, TypeDef::name) {
        match matched {
            Matched::Both(ty, now) => {
                let name = ty.name();
                let before = changes.list.len();
                compare_type(changes, context, ty, now);
                let unused = !context.usage.in_requests(name) && !context.usage.in_responses(name);
                if unused && changes.list.len() > before {
                    judged_both_ways.push(name);
                }
            }
            Matched::Removed(ty) => match context.renames.get(ty.name()) {
                Some(renamed) => {
                    changes.add(
                        Rule::TypeRenamed,
                        format!("type `{}` renamed to `{renamed}`", ty.name()),
                    );
                }
                None => {
                    changes.add(Rule::TypeRemoved, format!("type `{}` removed", ty.name()));
                }
            },
            Matched::Added(ty) if !renamed_to.contains(ty.name()) => {
                let name = ty.name();
                let what = match ty {
                    TypeDef::Union(u) => format!("type `{name}` added ({})", u.doc),
                    _ => format!("type `{name}` added"),
                };
                changes.add(Rule::TypeAdded, what);
            }
            Matched::Added(_) => {}
        }
    }
    if !judged_both_ways.is_empty() {
        let one = judged_both_ways.len() == 1;
        changes.warn(format!(
            "no operation uses {}, so the spec cannot say whether requests or responses carry \
             {}; {} changes are judged as if both did",
            code_list(&judged_both_ways),
            if one { "it" } else { "them" },
            if one { "its" } else { "their" },
        ));
    }
}

fn compare_type(changes: &mut Changes, context: &Context<'_>, old: &TypeDef, new: &TypeDef) {
    match (old, new) {
        (TypeDef::Struct(a), TypeDef::Struct(b)) => structs(changes, context, a, b),
        (TypeDef::Enum(a), TypeDef::Enum(b)) => enums(changes, context, a, b),
        (TypeDef::Union(a), TypeDef::Union(b)) => unions(changes, context, a, b),
        (TypeDef::Tagged(a), TypeDef::Tagged(b)) => tagged(changes, context, a, b),
        _ => {
            changes.add(
                Rule::TypeKindChanged,
                format!("type `{}`: {}", old.name(), arrow(kind(old), kind(new))),
            );
        }
    }
}

fn kind(ty: &TypeDef) -> &'static str {
    match ty {
        TypeDef::Struct(_) => "struct",
        TypeDef::Enum(_) => "value set",
        TypeDef::Union(_) => "union of types",
        TypeDef::Tagged(_) => "tagged union",
    }
}

/// How a struct's fields are judged: as request fields, response fields, or both.
struct Direction {
    request: bool,
    response: bool,
}

impl Direction {
    fn of(context: &Context<'_>, name: &str) -> Direction {
        let request = context.usage.in_requests(name);
        let response = context.usage.in_responses(name);
        if !request && !response {
            // Unused: the spec cannot tell, so judge both ways (and warn, above).
            return Direction {
                request: true,
                response: true,
            };
        }
        Direction { request, response }
    }

    fn area(&self) -> Area {
        if self.request && !self.response {
            Area::RequestField
        } else {
            Area::ResponseField
        }
    }
}

fn structs(changes: &mut Changes, context: &Context<'_>, old: &Struct, new: &Struct) {
    let name = &new.name;
    let direction = Direction::of(context, name);
    let area = direction.area();
    if old.doc != new.doc || old.assumed != new.assumed {
        changes.add(Rule::TypeDescribed, format!("type `{name}`: description"));
    }
    for matched in by_key(&old.fields, &new.fields, |f| &f.wire) {
        let field = match matched {
            Matched::Removed(field) => {
                let what = format!("field `{name}.{}`", field.wire);
                changes.add_in(area, Rule::FieldRemoved, format!("{what} removed"));
                continue;
            }
            Matched::Both(field, now) => {
                let what = format!("field `{name}.{}`", field.wire);
                compare_field(
                    changes,
                    context,
                    &direction,
                    &what,
                    field,
                    now,
                    old.is_request_body || new.is_request_body,
                );
                continue;
            }
            Matched::Added(field) => field,
        };
        let what = format!(
            "field `{name}.{}` added ({}, `{}`)",
            field.wire,
            if !field.optional() {
                "required"
            } else {
                "optional"
            },
            field.ty
        );
        if direction.request {
            let rule = if !field.optional() {
                Rule::RequestFieldAddedRequired
            } else {
                Rule::RequestFieldAddedOptional
            };
            changes.add_in(area, rule, what);
        } else {
            let change = changes.add_in(area, Rule::ResponseFieldAdded, what);
            if !field.optional() {
                change.warn(
                    "decoding now fails when a response lacks the field: make sure the server \
                     always sends it",
                );
            }
        }
    }
}

fn compare_field(
    changes: &mut Changes,
    context: &Context<'_>,
    direction: &Direction,
    what: &str,
    old: &Field,
    new: &Field,
    checked: bool,
) {
    let area = direction.area();
    if old.rust_name != new.rust_name {
        changes.add_in(
            area,
            Rule::FieldRenamedInRust,
            format!(
                "{what}: Rust name {}",
                ticked(&old.rust_name, &new.rust_name)
            ),
        );
    }
    if !context.same_type(&old.ty, &new.ty) {
        changes.add_in(
            area,
            Rule::FieldTypeChanged,
            format!("{what}: {}", ticked(&old.ty, &new.ty)),
        );
    }
    match (!old.optional(), !new.optional()) {
        (false, true) => {
            changes.add_in(
                area,
                Rule::FieldBecameRequired,
                format!("{what} became required"),
            );
        }
        (true, false) => {
            changes.add_in(
                area,
                Rule::FieldBecameOptional,
                format!("{what} became optional"),
            );
        }
        _ => {}
    }
    if old.clearable != new.clearable {
        changes.add_in(
            area,
            Rule::FieldClearableChanged,
            format!(
                "{what} {}",
                if new.clearable {
                    "became clearable (a `Patch`)"
                } else {
                    "is no longer clearable (an `Option`)"
                }
            ),
        );
    }
    // Aliases added are listed before aliases removed.
    let (removed, added) = split(&by_key(&old.aliases, &new.aliases, |a| a));
    for alias in added {
        changes.add_in(
            area,
            Rule::FieldAliasAdded,
            format!("{what}: also decoded from `{alias}`"),
        );
    }
    for alias in removed {
        let change = changes.add_in(
            area,
            Rule::FieldAliasRemoved,
            format!("{what}: no longer decoded from `{alias}`"),
        );
        if direction.response {
            change.warn(format!(
                "the spec cannot say whether the server still sends `{alias}`; if it does, \
                 the field now decodes as missing"
            ));
        }
    }
    if old.doc != new.doc || old.assumed != new.assumed || old.format != new.format {
        changes.add(
            Rule::FieldDescribed,
            format!("{what}: description or format"),
        );
    }
    params::constraints(
        changes,
        &old.constraints,
        &new.constraints,
        what,
        checked,
        area,
    );
}

fn enums(changes: &mut Changes, context: &Context<'_>, old: &Enum, new: &Enum) {
    let name = &new.name;
    if old.integer != new.integer {
        changes.add(
            Rule::TypeKindChanged,
            format!(
                "type `{name}`: {}",
                arrow(value_kind(old.integer), value_kind(new.integer))
            ),
        );
        return;
    }
    if old.doc != new.doc || old.assumed != new.assumed {
        changes.add(Rule::TypeDescribed, format!("type `{name}`: description"));
    }
    for matched in by_key(&old.values, &new.values, |v| &v.wire) {
        let (value, now) = match matched {
            Matched::Removed(value) => {
                changes.add(
                    Rule::EnumValueRemoved,
                    format!(
                        "`{name}` value `{}` (`{name}::{}`) removed",
                        value.wire, value.variant
                    ),
                );
                continue;
            }
            Matched::Added(value) => {
                let change = changes.add(
                    Rule::EnumValueAdded,
                    format!(
                        "`{name}` value `{}` (`{name}::{}`) added",
                        value.wire, value.variant
                    ),
                );
                if context.usage.in_responses(name) {
                    change.warn(format!(
                        "responses carrying `{}` used to decode as `{name}::Unknown(..)`; code \
                         matching that form no longer sees them",
                        value.wire
                    ));
                }
                continue;
            }
            Matched::Both(value, now) => (value, now),
        };
        if value.variant != now.variant {
            changes.add(
                Rule::EnumVariantRenamed,
                format!(
                    "`{name}` value `{}`: variant {}",
                    value.wire,
                    ticked(&value.variant, &now.variant)
                ),
            );
        }
        if value.doc != now.doc {
            changes.add(
                Rule::EnumValueDescribed,
                format!("`{name}` value `{}`: description", value.wire),
            );
        }
    }
}

fn value_kind(integer: bool) -> &'static str {
    if integer {
        "integer values"
    } else {
        "string values"
    }
}

fn unions(changes: &mut Changes, context: &Context<'_>, old: &Union, new: &Union) {
    let name = &new.name;
    let same = |(v, t): &(String, RustType), (w, u): &(String, RustType)| {
        v == w && context.same_type(t, u)
    };
    for variant in matched(&old.variants, &new.variants, same) {
        match variant {
            Matched::Removed((variant, ty)) => {
                changes.add(
                    Rule::EnumValueRemoved,
                    format!("`{name}` can no longer hold `{ty}` (`{name}::{variant}` removed)"),
                );
            }
            Matched::Added((variant, ty)) => {
                changes.add(
                    Rule::EnumValueAdded,
                    format!("`{name}` can also hold `{ty}` (`{name}::{variant}` added)"),
                );
            }
            Matched::Both(..) => {}
        }
    }
}

/// A tagged union's variants matched by tag, and its tag's key.
fn tagged(changes: &mut Changes, context: &Context<'_>, old: &Tagged, new: &Tagged) {
    let name = &new.name;
    if old.doc != new.doc || old.assumed != new.assumed {
        changes.add(Rule::TypeDescribed, format!("type `{name}`: description"));
    }
    if old.tag != new.tag {
        let change = changes.add(
            Rule::TaggedTagChanged,
            format!("`{name}`: the tag's key {}", ticked(&old.tag, &new.tag)),
        );
        if context.usage.in_responses(name) {
            change.warn(format!(
                "the spec cannot say when the server moved to `{}`; an object that still \
                 carries `{}` instead no longer decodes",
                new.tag, old.tag
            ));
        }
    }
    for matched in by_key(&old.variants, &new.variants, |v| &v.tag) {
        match matched {
            Matched::Removed(variant) => {
                changes.add(
                    Rule::TaggedVariantRemoved,
                    format!(
                        "`{name}` variant `{}` (`{name}::{}`, a `{}`) removed",
                        variant.tag, variant.variant, variant.ty
                    ),
                );
            }
            Matched::Added(variant) => {
                let change = changes.add(
                    Rule::TaggedVariantAdded,
                    format!(
                        "`{name}` variant `{}` (`{name}::{}`, a `{}`) added",
                        variant.tag, variant.variant, variant.ty
                    ),
                );
                if context.usage.in_responses(name) {
                    change.warn(format!(
                        "objects tagged `{}` used to decode as `{name}::Unknown {{ .. }}`; code \
                         matching that form no longer sees them",
                        variant.tag
                    ));
                }
            }
            Matched::Both(variant, now) => {
                let (was, is) = (
                    RustType::Named(variant.ty.clone()),
                    RustType::Named(now.ty.clone()),
                );
                if !context.same_type(&was, &is) {
                    changes.add(
                        Rule::TaggedVariantTypeChanged,
                        format!(
                            "`{name}` variant `{}`: {}",
                            variant.tag,
                            ticked(&variant.ty, &now.ty)
                        ),
                    );
                }
            }
        }
    }
}

/// `` `A`, `B` and `C` ``.
fn code_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => quoted.join(""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Level;

    const SPEC: &str = r#"
service: things
title: Things
source: inline
auth: { scheme: bearer }
regions:
  global: { api: "https://api.example.com" }
default_region: global
types:
  Thing:
    fields:
      id: { type: string, required: true }
      code: { type: string | integer }
      parts: { type: "[Part]" }
  Part:
    fields:
      size: { type: integer, minimum: 1 }
operations:
  get_thing:
    method: GET
    path: /thing
    summary: Get the thing.
    response: { type: Thing }
"#;

    fn rules(old: &str, new: &str) -> Vec<(Rule, Level)> {
        super::super::rules_between(old, new)
    }

    #[test]
    fn renaming_a_struct_renames_its_union_too_without_field_changes() {
        // `ThingCode` (the union of `Thing.code`) follows its struct's name.
        let renamed = SPEC
            .replace("Thing:", "Item:")
            .replace("type: Thing }", "type: Item }");
        let found = rules(SPEC, &renamed);
        assert_eq!(
            found,
            vec![
                (Rule::TypeRenamed, Level::Breaking),
                (Rule::TypeRenamed, Level::Breaking)
            ],
            "{found:?}"
        );
    }

    #[test]
    fn a_renamed_type_referred_to_by_a_list_is_not_a_field_type_change() {
        let renamed = SPEC.replace("Part:", "Piece:").replace("[Part]", "[Piece]");
        assert_eq!(
            rules(SPEC, &renamed),
            vec![(Rule::TypeRenamed, Level::Breaking)]
        );
    }

    #[test]
    fn response_constraints_are_documentation_only() {
        let raised = SPEC.replace("minimum: 1", "minimum: 5");
        assert_eq!(
            rules(SPEC, &raised),
            vec![(Rule::ResponseConstraintChanged, Level::Internal)]
        );
    }

    #[test]
    fn a_union_that_gains_a_type_gains_a_variant() {
        let widened = SPEC.replace("string | integer", "string | integer | boolean");
        assert_eq!(
            rules(SPEC, &widened),
            vec![(Rule::EnumValueAdded, Level::Compatible)]
        );
    }
}
