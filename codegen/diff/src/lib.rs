//! `cargo xtask diff`: what a change to the specs does to users of the generated crate.
//!
//! Two sides (a git revision or a folder, and the working tree) are loaded and validated
//! like `cargo xtask codegen` does, then compared twice:
//!
//! - spec by spec (the private `compare` module), each difference judged by one of the
//!   [`rules`] as breaking, compatible or internal, with its reason;
//! - public item by public item of the code generated from each side ([`public_api`]),
//!   which is what `cargo` users compile against.
//!
//! The second is the ground truth for the Rust API; the first explains it and adds what
//! the Rust API cannot show (a tightened constraint, a removed scope, a moved host). When
//! the generated code changes in a breaking way that no rule predicted, the report says
//! so. [`render`] turns the [`Report`] into Markdown or plain text; it serializes as JSON.
//!
//! The comparison reads each side's IR only ([`codegen::ir`]), never the spec model: a fact
//! the diff needs is derived once, by the IR builder. `codegen` does not depend on this crate.
#![forbid(unsafe_code)]

mod compare;
pub mod public_api;
pub mod render;
pub mod report;
pub mod rules;
pub mod version;

use std::collections::BTreeSet;

use codegen::LoadedSpec;
use codegen::ir;
use codegen::render::GeneratedFile;

pub use report::{
    ApiChange, ApiChangeKind, Change, Report, ServiceDiff, ServiceStatus, VersionBump,
};
pub use rules::{Area, Level, Rule};

use public_api::PublicApi;

/// One side of a comparison: its specs, loaded and validated, and how reports name it.
pub struct DiffSide<'a> {
    /// `main (3f2a9c1)`, `working tree`, a folder.
    pub label: String,
    /// The specs.
    pub specs: &'a [LoadedSpec],
    /// The version of `org-clients` on this side, when known.
    pub crate_version: Option<String>,
    /// The generated crate's committed source files on this side (paths from the crate's
    /// folder: `src/zoho_crm/mod.rs`, `runtime/src/lib.rs`), when known. When both sides
    /// have them, the Rust-API half compares them, so that a change of the generator or
    /// the runtime shows; otherwise it compares the code the current generator makes of
    /// each side's specs.
    pub code: Option<&'a [GeneratedFile]>,
}

/// Compares two sides service by service.
///
/// Fails only when the generator cannot produce code for a side, which after
/// validation is a generator bug; the error says which side.
pub fn diff<'a>(old: &DiffSide<'a>, new: &DiffSide<'a>) -> Result<Report, String> {
    let (old_files, new_files, committed) = match (old.code, new.code) {
        (Some(old_code), Some(new_code)) => (old_code.to_vec(), new_code.to_vec(), true),
        _ => {
            // Only the service modules are compared; the crate's name and runtime do not
            // matter.
            let settings = codegen::settings::CrateSettings::new("client", "specs");
            let generate = |side: &DiffSide<'_>| {
                codegen::generate(side.specs, &settings, None)
                    .map_err(|e| format!("generating the code of {}: {e}", side.label))
            };
            (generate(old)?, generate(new)?, false)
        }
    };
    let services = |side: &DiffSide<'a>| -> Vec<&'a ir::Service> {
        side.specs.iter().map(|s| &s.service).collect()
    };
    let (old_services, new_services) = (services(old), services(new));
    let modules: BTreeSet<&str> = old_services
        .iter()
        .chain(&new_services)
        .map(|ir| ir.module.as_str())
        .collect();

    let mut diffs = Vec::new();
    for module in modules {
        let before = old_services.iter().copied().find(|ir| ir.module == module);
        let after = new_services.iter().copied().find(|ir| ir.module == module);
        let api_of = |files, present: bool| {
            if present {
                PublicApi::of_module(files, module)
            } else {
                Ok(PublicApi::default())
            }
        };
        let api = public_api::compare(
            &api_of(&old_files, before.is_some())?,
            &api_of(&new_files, after.is_some())?,
        );
        diffs.push(service_diff(module, before, after, api));
    }
    if committed {
        diffs.push(runtime_diff(&old_files, &new_files)?);
    }
    let level = diffs.iter().filter_map(ServiceDiff::level).max();
    let version = match (&old.crate_version, level) {
        (Some(current), Some(level)) => Some(VersionBump {
            current: current.clone(),
            suggested: version::suggest(current, level)?,
            already_set: new.crate_version.clone().filter(|v| v != current),
        }),
        _ => None,
    };
    Ok(Report {
        old_label: old.label.clone(),
        new_label: new.label.clone(),
        services: diffs,
        level,
        version,
    })
}

/// The runtime's public items, side against side: no spec explains them, so every change
/// is the runtime's own.
fn runtime_diff(old: &[GeneratedFile], new: &[GeneratedFile]) -> Result<ServiceDiff, String> {
    let has_runtime = |files: &[GeneratedFile]| {
        files
            .iter()
            .any(|f| f.path.starts_with(public_api::RUNTIME_SOURCE))
    };
    let api_of = |files: &[GeneratedFile]| {
        if has_runtime(files) {
            PublicApi::of_runtime(files)
        } else {
            Ok(PublicApi::default())
        }
    };
    let api = public_api::compare(&api_of(old)?, &api_of(new)?);
    let status = match (has_runtime(old), has_runtime(new)) {
        (false, true) => ServiceStatus::Added,
        (true, false) => ServiceStatus::Removed,
        _ if api.is_empty() => ServiceStatus::Unchanged,
        _ => ServiceStatus::Changed,
    };
    Ok(ServiceDiff {
        module: RUNTIME_MODULE.to_owned(),
        title: "the client runtime (`client-runtime`, re-exported as `runtime`)".to_owned(),
        status,
        changes: Vec::new(),
        api,
        warnings: Vec::new(),
    })
}

/// How reports name the runtime, beside the service modules.
pub const RUNTIME_MODULE: &str = "runtime";

fn service_diff(
    module: &str,
    old: Option<&ir::Service>,
    new: Option<&ir::Service>,
    api: Vec<ApiChange>,
) -> ServiceDiff {
    let (status, title, changes, mut warnings) = match (old, new) {
        (Some(a), Some(b)) => {
            let (changes, warnings) = compare::service(a, b);
            let status = if changes.is_empty() && api.is_empty() {
                ServiceStatus::Unchanged
            } else {
                ServiceStatus::Changed
            };
            (status, b.title.clone(), changes, warnings)
        }
        (None, Some(b)) => (
            ServiceStatus::Added,
            b.title.clone(),
            vec![whole_service(Rule::ServiceAdded, b, "added")],
            Vec::new(),
        ),
        (Some(a), None) => (
            ServiceStatus::Removed,
            a.title.clone(),
            vec![whole_service(Rule::ServiceRemoved, a, "removed")],
            Vec::new(),
        ),
        (None, None) => (
            ServiceStatus::Unchanged,
            module.to_owned(),
            Vec::new(),
            Vec::new(),
        ),
    };
    let spec_breaks = changes.iter().any(|c| c.level() == Level::Breaking);
    let unexplained: Vec<&str> = api
        .iter()
        .filter(|c| c.level == Level::Breaking)
        .map(|c| c.item.as_str())
        .collect();
    if !spec_breaks && !unexplained.is_empty() {
        warnings.push(format!(
            "the generated code changes in a breaking way that no spec rule predicts ({}); \
             the report counts it as breaking — check the generator",
            unexplained.join(", ")
        ));
    }
    ServiceDiff {
        module: module.to_owned(),
        title,
        status,
        changes,
        api,
        warnings,
    }
}

fn whole_service(rule: Rule, service: &ir::Service, verb: &str) -> Change {
    Change::new(
        rule,
        format!(
            "service `{}` ({}, feature `{}`) {verb}",
            service.module, service.title, service.module
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api_change(kind: ApiChangeKind, level: Level) -> ApiChange {
        ApiChange {
            kind,
            item: "Client::get_widget".into(),
            old: Some("pub fn get_widget(&self) -> GetWidgetRequest<'_>".into()),
            new: None,
            level,
            members: 0,
        }
    }

    #[test]
    fn a_breaking_api_change_no_rule_predicted_is_a_warning_and_counts() {
        let diff = service_diff(
            "widgets",
            None,
            None,
            vec![api_change(ApiChangeKind::Removed, Level::Breaking)],
        );
        assert_eq!(diff.level(), Some(Level::Breaking));
        assert_eq!(diff.warnings.len(), 1, "{:?}", diff.warnings);
        assert!(diff.warnings[0].contains("no spec rule predicts (Client::get_widget)"));

        let quiet = service_diff(
            "widgets",
            None,
            None,
            vec![api_change(ApiChangeKind::Added, Level::Compatible)],
        );
        assert!(quiet.warnings.is_empty());
    }
}
