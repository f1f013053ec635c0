//! Builds the [`Service`] of a parsed spec, and checks every fact where it derives it: a
//! Rust name is checked for collisions where it is made, a type expression where it is
//! resolved, a reference where it is followed. Every problem is recorded and building goes
//! on with a stand-in (`serde_json::Value` for a type that does not resolve), so that one
//! run reports all of a file's problems; the IR is only used when there are none.
//!
//! - `service`: the service header, regions, auth, error table and rate limits;
//! - `types`: named types, their fields and value sets, and type expressions;
//! - `members`: what fields and parameters share: constraints that suit their type;
//! - `operations`: paths and parameters, bodies, responses, pagination, references;
//! - `waiters`: the operation each waiter polls, and where its state is.

mod bodies;
mod members;
mod operations;
mod service;
mod types;
mod waiters;

use std::collections::{BTreeSet, HashMap, HashSet};

use super::{Service, TypeDef, Union, names};
use crate::diagnostics::Diagnostic;
use crate::spec::{Entries, EnumValueSpec, FieldSpec, Located, Position, ServiceSpec, TaggedSpec};

/// The IR of a spec, and every problem found while building it.
#[derive(Debug)]
pub struct Built {
    /// The service; meant for generation only when `diagnostics` holds no error.
    pub service: Service,
    /// Errors and warnings, unsorted.
    pub diagnostics: Vec<Diagnostic>,
}

/// Builds the IR of `spec`. `spec_file` is how generated files name the spec; `source` is
/// the file's text, used to point inside quoted strings.
pub fn build(spec: &ServiceSpec, spec_file: &str, source: &str) -> Built {
    let mut builder = Builder::new(spec, source);
    let header = service::header(&mut builder);
    let mut types = types::declared(&mut builder);
    let common_params = operations::common_params(&mut builder);
    let rate_limits = service::rate_limits(&mut builder);
    let rate_limit_headers = service::rate_limit_headers(&mut builder);
    let operations = operations::operations(&mut builder, &types, &rate_limits);
    let waiters = waiters::waiters(&mut builder, &operations, &types);
    service::check_error_code_use(&mut builder);
    builder.report_unused_types();

    let unions = builder.unions.clone();
    bodies::check(&mut builder, &types, &unions, &operations);
    let request_types = request_types(&types, &builder.unions, &operations);
    check_clearable_is_sent(&mut builder, &request_types);
    for def in &mut types {
        if let TypeDef::Struct(s) = def {
            s.is_request_body = request_types.contains(&s.name);
        }
    }
    types.extend(builder.unions.drain(..).map(TypeDef::Union));
    Built {
        service: Service {
            module: spec.service.value.clone(),
            spec_file: spec_file.to_owned(),
            title: spec.title.value.clone(),
            description: text(&spec.description),
            source: spec.source.value.clone(),
            docs_url: text(&spec.docs),
            auth: header.auth,
            regions: header.regions,
            default_region: header.default_region,
            response_content_type: text(&spec.response_content_type)
                .unwrap_or_else(|| "application/json".into()),
            common_params,
            error_shape: header.error_shape,
            error_codes: header.error_codes,
            rate_limits,
            rate_limit_headers,
            types,
            operations,
            waiters,
        },
        diagnostics: builder.diagnostics,
    }
}

/// What a declared type name stands for.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Declared<'a> {
    Object(&'a Entries<FieldSpec>),
    Values(&'a [Located<EnumValueSpec>]),
    Tagged(&'a TaggedSpec),
    /// Declared, but with none, or more than one, of `fields`, `values` and `tagged`
    /// (already reported).
    Broken,
}

/// Why a module-level name is taken before any spec type is declared.
#[derive(Debug, Clone)]
enum Taken {
    /// An item every generated module defines, imports or relies on.
    ModuleItem,
    /// The marker type the module names its service by.
    Marker,
    /// The request builder, or its page type, of this operation.
    Builder { operation: String, page: bool },
    /// The private struct this type decodes through.
    Wire { of: String },
    /// The builder `wait_for_<waiter>` returns.
    Waiter { waiter: String },
}

/// The state of one build: the spec, what has been derived so far, and the problems.
pub(crate) struct Builder<'a> {
    spec: &'a ServiceSpec,
    source: &'a str,
    diagnostics: Vec<Diagnostic>,
    declared: HashMap<&'a str, Declared<'a>>,
    used_types: HashSet<String>,
    unions: Vec<Union>,
    /// Module-level type names that are not the spec's own, and why.
    taken: HashMap<String, Taken>,
    /// Every module-level type name in use, so that union names never collide.
    type_names: HashSet<String>,
}

impl<'a> Builder<'a> {
    fn new(spec: &'a ServiceSpec, source: &'a str) -> Self {
        let mut declared = HashMap::new();
        for entry in &spec.types {
            declared.entry(entry.key.as_str()).or_insert_with(|| {
                let t = &entry.value;
                match (&t.fields, &t.values, &t.tagged) {
                    (Some(fields), None, None) => Declared::Object(fields),
                    (None, Some(values), None) => Declared::Values(values.as_slice()),
                    (None, None, Some(tagged)) => Declared::Tagged(tagged),
                    _ => Declared::Broken,
                }
            });
        }
        let mut taken: HashMap<String, Taken> = names::MODULE_ITEMS
            .iter()
            .chain(&names::SERVICE_SUBMODULES)
            .chain(&names::REEXPORTS)
            .chain(&names::PRELUDE)
            .map(|name| ((*name).to_owned(), Taken::ModuleItem))
            .collect();
        taken.insert(names::marker_name(&spec.service.value), Taken::Marker);
        let aliased =
            |fields: &Entries<FieldSpec>| fields.iter().any(|f| !f.value.aliases.is_empty());
        for entry in &spec.types {
            if entry.value.fields.as_ref().is_some_and(aliased) {
                let of = entry.key.value.clone();
                taken.insert(names::wire_name(&of), Taken::Wire { of });
            }
        }
        for op in &spec.operations {
            let builder = names::builder_name(&op.key.value);
            if aliased(&op.value.response.meta) {
                let of = names::page_name(&builder);
                taken.insert(names::wire_name(&of), Taken::Wire { of });
            }
            taken.insert(
                names::page_name(&builder),
                Taken::Builder {
                    operation: op.key.value.clone(),
                    page: true,
                },
            );
            taken.insert(
                builder,
                Taken::Builder {
                    operation: op.key.value.clone(),
                    page: false,
                },
            );
        }
        for waiter in &spec.waiters {
            taken.insert(
                names::waiter_builder(&waiter.key.value),
                Taken::Waiter {
                    waiter: waiter.key.value.clone(),
                },
            );
        }
        let type_names = spec
            .types
            .iter()
            .map(|t| t.key.value.clone())
            .chain(taken.keys().cloned())
            .collect();
        Builder {
            spec,
            source,
            diagnostics: Vec::new(),
            declared,
            used_types: HashSet::new(),
            unions: Vec::new(),
            taken,
            type_names,
        }
    }

    /// The `assumed:` note of a spec item, which must say something.
    pub(crate) fn assumed(&mut self, value: &Option<Located<String>>) -> Option<String> {
        let value = value.as_ref()?;
        if value.value.trim().is_empty() {
            self.error(
                value.at,
                "`assumed:` is empty",
                "say what the spec states that the document does not, and why (`a sample's value`, `Zoho's usual hosts`)",
            );
            return None;
        }
        Some(value.value.trim().to_owned())
    }

    pub(crate) fn error(
        &mut self,
        at: Position,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.diagnostics
            .push(Diagnostic::error(at, message).with_hint(hint));
    }

    pub(crate) fn warning(
        &mut self,
        at: Position,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.diagnostics
            .push(Diagnostic::warning(at, message).with_hint(hint));
    }

    pub(crate) fn declared(&self, name: &str) -> Option<Declared<'a>> {
        self.declared.get(name).copied()
    }

    /// The position of the `index`-th character inside the scalar at `at`, stepping over
    /// an opening quote. Exact for scalars on one line.
    pub(crate) fn inside(&self, at: Position, index: usize) -> Position {
        inside(self.source, at, index)
    }

    /// A fresh module-level type name starting with `base`.
    fn fresh_type_name(&mut self, base: &str) -> String {
        let mut name = base.to_owned();
        let mut counter = 2;
        while self.type_names.contains(&name) {
            name = format!("{base}{counter}");
            counter += 1;
        }
        self.type_names.insert(name.clone());
        name
    }

    fn report_unused_types(&mut self) {
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

/// The position of the `index`-th character inside the scalar at `at` in `source`,
/// stepping over an opening quote. Exact for scalars on one line.
pub(crate) fn inside(source: &str, at: Position, index: usize) -> Position {
    let start = usize::try_from(at.offset).unwrap_or(usize::MAX);
    let quoted = source
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

/// Reports every key of `entries` that repeats an earlier one; `what` names the kind of
/// entry, `within` (when given) the thing they belong to.
pub(crate) fn check_duplicates<T>(
    builder: &mut Builder<'_>,
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
        builder.error(
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

/// Names of the types reachable from request bodies: their structs get constructors.
fn request_types(
    types: &[TypeDef],
    unions: &[Union],
    operations: &[super::Operation],
) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut pending: Vec<String> = operations.iter().filter_map(|op| op.body.clone()).collect();
    while let Some(name) = pending.pop() {
        if !found.insert(name.clone()) {
            continue;
        }
        let inner: Vec<&super::RustType> = match types.iter().find(|t| t.name() == name) {
            Some(TypeDef::Struct(s)) => s.fields.iter().map(|f| &f.ty).collect(),
            Some(TypeDef::Tagged(t)) => {
                pending.extend(t.variants.iter().map(|v| v.ty.clone()));
                Vec::new()
            }
            _ => unions
                .iter()
                .find(|u| u.name == name)
                .map(|u| u.variants.iter().map(|(_, ty)| ty).collect())
                .unwrap_or_default(),
        };
        for ty in inner {
            pending.extend(ty.named().map(str::to_owned));
        }
    }
    found
}

/// `clearable` says what a request does with a field, so it belongs on the types requests
/// send; on a response type or a response's `meta` it would mean nothing.
fn check_clearable_is_sent(builder: &mut Builder<'_>, request_types: &BTreeSet<String>) {
    let spec = builder.spec;
    let in_types = spec
        .types
        .iter()
        .filter(|t| !request_types.contains(&t.key.value))
        .flat_map(|t| {
            let owner = format!("`{}`", t.key.value);
            t.value
                .fields
                .iter()
                .flatten()
                .map(move |f| (owner.clone(), f))
        });
    let in_meta = spec.operations.iter().flat_map(|op| {
        let owner = format!("the response meta of `{}`", op.key.value);
        op.value
            .response
            .meta
            .iter()
            .map(move |f| (owner.clone(), f))
    });
    let misplaced: Vec<(String, String, Position)> = in_types
        .chain(in_meta)
        .filter_map(|(owner, f)| {
            let at = f.value.clearable.as_ref().filter(|c| c.value)?.at;
            Some((owner, f.key.value.clone(), at))
        })
        .collect();
    for (owner, wire, at) in misplaced {
        builder.error(
            at,
            format!("field `{wire}` of {owner} is `clearable`, but no request sends it"),
            "`clearable` is for the fields of a request body a partial update may clear; for a response field that may be null write `nullable: true`",
        );
    }
}

pub(crate) fn text(value: &Option<Located<String>>) -> Option<String> {
    value.as_ref().map(|v| v.value.clone())
}

pub(crate) fn flag(value: &Option<Located<bool>>) -> bool {
    value.as_ref().is_some_and(|v| v.value)
}
