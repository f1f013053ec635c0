//! Semantic checks of a parsed spec. Every check adds to one list, so a file's problems
//! are all reported together; nothing here stops at the first one.
//!
//! - `service`: the service header, regions, auth, error table and rate limits;
//! - `declarations`: named types, their fields and value sets;
//! - `operations`: paths and their parameters, bodies, responses, pagination, references;
//! - `examples`: the documented samples, checked against the schema they illustrate;
//! - `values`: whether one JSON value fits a type and its constraints (shared by
//!   defaults and examples).

mod declarations;
mod examples;
mod json_locate;
mod members;
mod operations;
mod service;
mod values;

use std::collections::HashMap;

use crate::diagnostics::Diagnostic;
use crate::spec::{Entries, EnumLiteral, Located, Position, ServiceSpec, TypeSpec};
use crate::types::{self, TypeExpr};

/// Every problem of `spec`, errors and warnings. `source` is the file's text, used to
/// point inside quoted strings.
pub fn validate(spec: &ServiceSpec, source: &str) -> Vec<Diagnostic> {
    let mut checker = Checker::new(spec, source);
    service::check(&mut checker);
    declarations::check(&mut checker);
    operations::check(&mut checker);
    examples::check(&mut checker);
    checker.report_unused();
    checker.diagnostics
}

/// What a declared type name stands for.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Declared<'a> {
    Object(&'a Entries<crate::spec::FieldSpec>),
    Values(&'a [Located<crate::spec::EnumValueSpec>]),
    /// Declared, but neither or both of `fields` and `values` (already reported).
    Broken,
}

/// Shared state of one validation run.
pub(crate) struct Checker<'a> {
    pub spec: &'a ServiceSpec,
    source: &'a str,
    pub diagnostics: Vec<Diagnostic>,
    declared: HashMap<&'a str, Declared<'a>>,
    used_types: std::collections::HashSet<String>,
}

impl<'a> Checker<'a> {
    fn new(spec: &'a ServiceSpec, source: &'a str) -> Self {
        let mut declared = HashMap::new();
        for entry in &spec.types {
            declared
                .entry(entry.key.as_str())
                .or_insert_with(|| declare(&entry.value));
        }
        Checker {
            spec,
            source,
            diagnostics: Vec::new(),
            declared,
            used_types: std::collections::HashSet::new(),
        }
    }

    pub fn error(&mut self, at: Position, message: impl Into<String>, hint: impl Into<String>) {
        self.diagnostics
            .push(Diagnostic::error(at, message).with_hint(hint));
    }

    pub fn warning(&mut self, at: Position, message: impl Into<String>, hint: impl Into<String>) {
        self.diagnostics
            .push(Diagnostic::warning(at, message).with_hint(hint));
    }

    pub fn declared(&self, name: &str) -> Option<Declared<'a>> {
        self.declared.get(name).copied()
    }

    /// The position of the `index`-th character inside the scalar at `at`, stepping
    /// over an opening quote. Exact for scalars on one line.
    pub fn inside(&self, at: Position, index: usize) -> Position {
        let start = usize::try_from(at.offset).unwrap_or(usize::MAX);
        let quoted = self
            .source
            .get(start..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|c| c == '"' || c == '\'');
        let step = u64::try_from(index).unwrap_or(0) + u64::from(quoted);
        Position {
            line: at.line,
            column: at.column + step,
            offset: at.offset + step,
        }
    }

    /// Parses and resolves a type expression, reporting what is wrong with it.
    pub fn resolve(&mut self, ty: &Located<String>) -> Option<TypeExpr> {
        let expr = match types::parse(&ty.value) {
            Ok(expr) => expr,
            Err(e) => {
                let at = self.inside(ty.at, e.index);
                self.error(
                    at,
                    format!("`{}` is not a type expression: {}", ty.value, e.message),
                    "write `string`, `integer`, `number`, `boolean`, `any`, a type name, `[T]` or `A | B`",
                );
                return None;
            }
        };
        let mut resolved = true;
        for name in expr.named() {
            self.used_types.insert(name.to_owned());
            if self.declared(name).is_none() {
                resolved = false;
                let hint = self.closest_type(name).map_or_else(
                    || format!("declare `{name}` under `types:`"),
                    |close| {
                        format!("did you mean `{close}`? Otherwise declare `{name}` under `types:`")
                    },
                );
                let index = ty.value.find(name).unwrap_or(0);
                let at = self.inside(ty.at, index);
                self.error(at, format!("unknown type `{name}`"), hint);
            }
        }
        resolved.then_some(expr)
    }

    /// Parses a type expression without reporting anything (for values checked against
    /// a member whose declaration was already checked).
    pub fn resolve_quietly(&self, ty: &str) -> Option<TypeExpr> {
        let expr = types::parse(ty).ok()?;
        expr.named()
            .iter()
            .all(|name| self.declared(name).is_some())
            .then_some(expr)
    }

    fn closest_type(&self, name: &str) -> Option<&'a str> {
        let lower = name.to_lowercase();
        self.spec
            .types
            .iter()
            .map(|e| e.key.as_str())
            .map(|candidate| {
                let distance = crate::load::edit_distance(&lower, &candidate.to_lowercase());
                (distance, candidate)
            })
            .filter(|(distance, candidate)| *distance <= 1.max(candidate.len() / 3))
            .min()
            .map(|(_, candidate)| candidate)
    }

    fn report_unused(&mut self) {
        let unused: Vec<(Position, String)> = self
            .spec
            .types
            .iter()
            .filter(|e| !self.used_types.contains(e.key.as_str()))
            .map(|e| (e.key.at, e.key.value.clone()))
            .collect();
        for (at, name) in unused {
            self.warning(
                at,
                format!("type `{name}` is never used"),
                "refer to it from a field, parameter, body or response, or remove it",
            );
        }
    }
}

fn declare(spec: &TypeSpec) -> Declared<'_> {
    match (&spec.fields, &spec.values) {
        (Some(fields), None) => Declared::Object(fields),
        (None, Some(values)) => Declared::Values(values),
        _ => Declared::Broken,
    }
}

/// Reports every key of `entries` that repeats an earlier one; `what` names the kind of
/// entry, `within` (when given) the thing they belong to.
pub(crate) fn check_duplicates<T>(
    checker: &mut Checker<'_>,
    entries: &Entries<T>,
    what: &str,
    within: Option<&str>,
) {
    let mut seen: HashMap<&str, Position> = HashMap::new();
    let mut repeats = Vec::new();
    for entry in entries {
        if let Some(first) = seen.get(entry.key.as_str()) {
            repeats.push((entry.key.at, entry.key.value.clone(), *first));
        } else {
            seen.insert(entry.key.as_str(), entry.key.at);
        }
    }
    for (at, name, first) in repeats {
        checker.error(
            at,
            match within {
                Some(owner) => format!(
                    "duplicate {what} `{name}` in `{owner}`; it is first defined at {first}"
                ),
                None => format!("duplicate {what} `{name}`; it is first defined at {first}"),
            },
            format!("rename or remove one of the two `{name}` entries"),
        );
    }
}

/// The kind of the values of a value set, when they agree.
pub(crate) fn literal_kind(values: &[Located<crate::spec::EnumValueSpec>]) -> Option<&'static str> {
    let kind = |v: &EnumLiteral| match v {
        EnumLiteral::Str(_) => "string",
        EnumLiteral::Int(_) => "integer",
    };
    let first = kind(&values.first()?.value.value);
    values
        .iter()
        .all(|v| kind(&v.value.value) == first)
        .then_some(first)
}
