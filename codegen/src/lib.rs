//! The code generator behind `cargo xtask codegen`: it turns the YAML endpoint specs in
//! `specs/` into a complete Rust client crate (`generated-client/` in this repository).
//!
//! The pipeline is the few calls of [`load_str`] and [`generate`]:
//!
//! 1. [`load::parse`]: the spec's text into the [`spec`] model (YAML with serde-saphyr,
//!    budgets, recovery so that every shape error is reported);
//! 2. [`ir::build()`]: the model into the intermediate representation, every fact (Rust
//!    names, resolved types, references, reserved names) derived once and checked where it
//!    is derived;
//! 3. [`samples::check`]: the documented samples and defaults against that IR;
//! 4. [`emit`]: the IR into token streams, one emitter per generated file, and the crate's
//!    `Cargo.toml`;
//! 5. [`render`]: token streams into formatted files with their `@generated` header.
//!
//! Beside it: [`diagnostics`] (problems and how they are shown), [`settings`] (what the
//! generated crate is called and where its runtime comes from), [`runtime`] (the runtime
//! crate's source and dependencies, as the generator knows them), [`schema`] (the JSON
//! Schema of the spec language, for editors) and [`suggest`] (spelling suggestions). What a
//! spec change does to users of the crate is the `spec-diff` crate's (`codegen/diff/`),
//! which reads the IR this crate builds.
#![forbid(unsafe_code)]

pub mod diagnostics;
pub mod emit;
pub mod ir;
pub mod load;
pub mod openapi;
pub mod render;
pub mod runtime;
pub mod samples;
pub mod schema;
pub mod settings;
pub mod spec;
pub mod suggest;
pub mod synthetic;

use std::fs;
use std::path::{Path, PathBuf};

pub use diagnostics::{Diagnostic, Report, Severity};

use spec::{Position, ServiceSpec};

/// A spec that loaded: it parsed, its IR built, and its samples fit, with the warnings it
/// raised.
#[derive(Debug, Clone)]
pub struct LoadedSpec {
    /// The file's path as shown in diagnostics and generated files (`specs/zoho_crm.yaml`).
    pub file: String,
    /// The spec as written.
    pub spec: ServiceSpec,
    /// Its intermediate representation, which the emitters read.
    pub service: ir::Service,
    /// Warnings only: a loaded spec has no errors.
    pub warnings: Report,
}

/// Loads a spec held in memory: parse, build the IR, check the samples. `file` names it
/// in diagnostics and in the files generated from it. Every problem is reported at once.
pub fn load_str(file: &str, source: &str) -> Result<LoadedSpec, Report> {
    let spec = load::parse(source).map_err(|d| Report::new(file, source, d))?;
    let mut built = ir::build(&spec, file, source);
    let mut diagnostics = built.diagnostics;
    diagnostics.extend(samples::check(&spec, &mut built.service));
    let report = Report::new(file, source, diagnostics);
    if report.has_errors() {
        return Err(report);
    }
    Ok(LoadedSpec {
        file: file.to_owned(),
        spec,
        service: built.service,
        warnings: report,
    })
}

/// Reads and loads one spec file; `file` names it in diagnostics.
pub fn load_file(path: &Path, file: &str) -> Result<LoadedSpec, Report> {
    match fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(source) => load_str(file, &source),
            Err(e) => Err(single(
                file,
                format!("the file is not UTF-8: {e}"),
                "save the spec as UTF-8",
            )),
        },
        Err(e) => Err(single(
            file,
            format!("cannot read the file: {e}"),
            "check the path",
        )),
    }
}

/// Loads every `*.yaml` file of `dir`, in file-name order. Returns the specs that loaded
/// and a report for each one that did not.
pub fn load_dir(dir: &Path) -> Result<(Vec<LoadedSpec>, Vec<Report>), std::io::Error> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.to_str().is_some_and(load::is_spec_file))
        .collect();
    paths.sort();
    let mut loaded = Vec::new();
    let mut failed = Vec::new();
    for path in paths {
        let shown = display_path(dir, &path);
        match load_file(&path, &shown) {
            Ok(spec) => loaded.push(spec),
            Err(report) => failed.push(report),
        }
    }
    Ok((loaded, failed))
}

/// Every file of the client crate for these specs, paths relative to the crate's root.
/// `runtime_path` is how its manifest names the runtime crate's folder, when the settings
/// say to depend on the runtime rather than inline it.
pub fn generate(
    specs: &[LoadedSpec],
    settings: &settings::CrateSettings,
    runtime_path: Option<&str>,
) -> Result<Vec<render::GeneratedFile>, String> {
    let services: Vec<&ir::Service> = specs.iter().map(|s| &s.service).collect();
    emit::crate_files(&services, settings, runtime_path)
}

/// `specs/zoho_crm.yaml` rather than an absolute path: the spec folder's own name, then the file.
fn display_path(dir: &Path, path: &Path) -> String {
    let folder = dir.file_name().map(|n| n.to_string_lossy().into_owned());
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match folder {
        Some(folder) => format!("{folder}/{name}"),
        None => name,
    }
}

fn single(file: &str, message: String, hint: &str) -> Report {
    Report::new(
        file,
        "",
        vec![Diagnostic {
            severity: Severity::Error,
            at: Position {
                line: 1,
                column: 1,
                offset: 0,
            },
            message,
            hint: Some(hint.to_owned()),
        }],
    )
}
