//! Parameters (of an operation, or common to all) and the constraints of values.

use super::{Changes, Context, Matched, arrow, by_key, shown, ticked};
use crate::rules::Area;
use crate::rules::Rule;
use codegen::ir::{Constraints, Param};

/// Whose parameters these are.
pub(super) enum Owner<'a> {
    /// Parameters every operation sends, set on the client builder.
    Client,
    /// An operation's parameters.
    Operation(&'a str),
}

impl Owner<'_> {
    fn name(&self, param: &str) -> String {
        match self {
            Owner::Client => format!("common parameter `{param}`"),
            Owner::Operation(op) => format!("parameter `{param}` of `{op}`"),
        }
    }
}

pub(super) fn compare(
    changes: &mut Changes,
    context: &Context<'_>,
    old: &[Param],
    new: &[Param],
    owner: &Owner<'_>,
) {
    for matched in by_key(old, new, |p| &p.wire) {
        let (param, now) = match matched {
            Matched::Removed(param) => {
                let name = owner.name(&param.wire);
                changes.add(Rule::ParamRemoved, format!("{name} removed"));
                continue;
            }
            Matched::Added(param) => {
                added(changes, owner, param);
                continue;
            }
            Matched::Both(param, now) => (param, now),
        };
        let name = owner.name(&param.wire);
        if param.location != now.location {
            changes
                .add(
                    Rule::ParamMoved,
                    format!("{name} moved: {}", arrow(param.location, now.location)),
                )
                .warn("the spec cannot say whether the server still reads it from the old place");
        }
        if param.rust_name != now.rust_name {
            changes.add(
                Rule::ParamRenamedInRust,
                format!(
                    "{name}: Rust name {}",
                    ticked(&param.rust_name, &now.rust_name)
                ),
            );
        }
        if !context.same_type(&param.ty, &now.ty) {
            changes.add(
                Rule::ParamTypeChanged,
                format!("{name}: {}", ticked(&param.ty, &now.ty)),
            );
        }
        match (param.required, now.required, owner) {
            (false, true, _) => {
                changes.add(Rule::ParamBecameRequired, format!("{name} became required"));
            }
            // A common parameter is a client setting either way.
            (true, false, Owner::Client) => {
                changes.add(
                    Rule::ParamDescribed,
                    format!("{name} is no longer required"),
                );
            }
            (true, false, Owner::Operation(_)) => {
                changes.add(Rule::ParamBecameOptional, format!("{name} became optional"));
            }
            _ => {}
        }
        if param.default != now.default {
            changes
                .add(
                    Rule::ParamDefaultChanged,
                    format!(
                        "{name}: default {}",
                        arrow(shown(param.default.as_deref()), shown(now.default.as_deref()))
                    ),
                )
                .warn(
                    "the spec cannot say whether the server's default changed or only the \
                     document's: callers who leave it unset get different results if the server's did",
                );
        }
        if let (Some(style), Some(style_now)) = (param.array, now.array)
            && style != style_now
        {
            changes
                .add(
                    Rule::ParamArrayStyleChanged,
                    format!("{name}: array style {}", ticked(style, style_now)),
                )
                .warn("the spec cannot say whether the server reads the new form as it read the old one");
        }
        if param.doc != now.doc || param.assumed != now.assumed {
            changes.add(Rule::ParamDescribed, format!("{name}: description"));
        }
        constraints(
            changes,
            &param.constraints,
            &now.constraints,
            &name,
            true,
            Area::Parameter,
        );
    }
}

/// A parameter only the new side has.
fn added(changes: &mut Changes, owner: &Owner<'_>, param: &Param) {
    let name = owner.name(&param.wire);
    let rule = if param.required {
        Rule::ParamAddedRequired
    } else {
        Rule::ParamAddedOptional
    };
    let required = if param.required {
        "required"
    } else {
        "optional"
    };
    changes.add(
        rule,
        format!(
            "{name} added ({required}, in {}, `{}`)",
            param.location, param.ty
        ),
    );
}

/// Compares the constraints of one value. `checked` says whether the client checks them
/// before sending (parameters and request bodies) or only documents them (responses).
pub(super) fn constraints(
    changes: &mut Changes,
    old: &Constraints,
    new: &Constraints,
    name: &str,
    checked: bool,
    area: Area,
) {
    if old == new {
        return;
    }
    if !checked {
        changes.add(
            Rule::ResponseConstraintChanged,
            format!(
                "{name}: constraints {}",
                arrow(describe(old), describe(new))
            ),
        );
        return;
    }
    // Lower bounds tighten when they rise, upper bounds when they fall; a bound that
    // appears tightens, one that disappears loosens.
    let bounds = [
        ("minimum", old.minimum, new.minimum, true),
        ("maximum", old.maximum, new.maximum, false),
        (
            "min_length",
            old.min_length.map(|v| v as f64),
            new.min_length.map(|v| v as f64),
            true,
        ),
        (
            "max_length",
            old.max_length.map(|v| v as f64),
            new.max_length.map(|v| v as f64),
            false,
        ),
    ];
    for (key, before, after, lower) in bounds {
        let tightened = match (before, after) {
            (None, None) => continue,
            (Some(a), Some(b)) if a == b => continue,
            (None, Some(_)) => true,
            (Some(_), None) => false,
            (Some(a), Some(b)) => (b > a) == lower,
        };
        let rule = if tightened {
            Rule::ConstraintTightened
        } else {
            Rule::ConstraintLoosened
        };
        changes.add_in(
            area,
            rule,
            format!("{name}: `{key}` {}", arrow(number(before), number(after))),
        );
    }
    match (&old.pattern, &new.pattern) {
        (None, Some(pattern)) => {
            changes.add_in(
                area,
                Rule::ConstraintTightened,
                format!("{name}: `pattern` `{pattern}` added"),
            );
        }
        (Some(pattern), None) => {
            changes.add_in(
                area,
                Rule::ConstraintLoosened,
                format!("{name}: `pattern` `{pattern}` removed"),
            );
        }
        (Some(before), Some(after)) if before != after => {
            changes
                .add_in(
                    area,
                    Rule::PatternChanged,
                    format!("{name}: `pattern` {}", ticked(before, after)),
                )
                .warn(
                    "the spec cannot show that the new pattern accepts every value the old one \
                     did; judged breaking until a reviewer checks",
                );
        }
        _ => {}
    }
}

fn number(value: Option<f64>) -> String {
    value.map_or_else(|| "none".to_owned(), |v| v.to_string())
}

/// Constraints in one line: `minimum 1, max_length 40`.
fn describe(c: &Constraints) -> String {
    let mut parts = Vec::new();
    if let Some(v) = c.minimum {
        parts.push(format!("minimum {v}"));
    }
    if let Some(v) = c.maximum {
        parts.push(format!("maximum {v}"));
    }
    if let Some(v) = c.min_length {
        parts.push(format!("min_length {v}"));
    }
    if let Some(v) = c.max_length {
        parts.push(format!("max_length {v}"));
    }
    if let Some(v) = &c.pattern {
        parts.push(format!("pattern `{v}`"));
    }
    if parts.is_empty() {
        "none".to_owned()
    } else {
        parts.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Level;

    const SPEC: &str = r#"
service: things
title: Things
source: inline
auth: { scheme: bearer }
regions:
  global: { api: "https://api.example.com" }
default_region: global
common_params:
  org: { in: query, type: string, required: true }
types:
  Thing:
    fields:
      id: { type: string, required: true }
operations:
  list_things:
    method: GET
    path: /things
    summary: List things.
    params:
      size: { in: query, type: integer, minimum: 1, maximum: 10 }
      name: { in: query, type: string, min_length: 2, pattern: "^[a-z]+$" }
    response: { type: "[Thing]" }
"#;

    fn rules(new: &str) -> Vec<(Rule, Level)> {
        super::super::rules_between(SPEC, new)
    }

    #[test]
    fn a_lower_bound_that_rises_tightens_and_one_that_falls_loosens() {
        let tighter = SPEC.replace("minimum: 1", "minimum: 2");
        assert_eq!(
            rules(&tighter),
            vec![(Rule::ConstraintTightened, Level::Breaking)]
        );
        let looser = SPEC.replace("minimum: 1, ", "");
        assert_eq!(
            rules(&looser),
            vec![(Rule::ConstraintLoosened, Level::Internal)]
        );
        let shorter = SPEC.replace("min_length: 2", "min_length: 1");
        assert_eq!(
            rules(&shorter),
            vec![(Rule::ConstraintLoosened, Level::Internal)]
        );
    }

    #[test]
    fn a_pattern_removed_loosens_and_one_changed_needs_a_reviewer() {
        let without = SPEC.replace(", pattern: \"^[a-z]+$\"", "");
        assert_eq!(
            rules(&without),
            vec![(Rule::ConstraintLoosened, Level::Internal)]
        );
        let other = SPEC.replace("^[a-z]+$", "^[a-z0-9]+$");
        assert_eq!(rules(&other), vec![(Rule::PatternChanged, Level::Breaking)]);
    }

    #[test]
    fn a_common_parameter_no_longer_required_is_not_a_rust_change() {
        let relaxed = SPEC.replace(
            "type: string, required: true }\ntypes",
            "type: string }\ntypes",
        );
        assert_eq!(
            rules(&relaxed),
            vec![(Rule::ParamDescribed, Level::Internal)]
        );
    }
}
