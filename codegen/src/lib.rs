//! The code generator behind `cargo xtask codegen`: it turns the YAML endpoint specs in
//! `specs/` into the Rust client crate in `generated-client/`.
//!
//! The pipeline reads from the module layout:
//!
//! - [`spec`]: the spec language, as serde types with source positions;
//! - [`load`]: YAML parsing with serde-saphyr, budgets and error recovery;
//! - [`validate`]: the semantic checks, which report every problem of a file at once;
//! - [`types`]: type expressions (`[Address]`, `string | boolean`) and their resolution;
//! - [`naming`]: how wire names become Rust identifiers;
//! - [`path_template`]: `/path/{param}` templates;
//! - [`schema`]: the JSON Schema of the spec language, for editors;
//! - [`ir`]: the intermediate representation, every Rust name chosen once;
//! - [`emit`]: IR to token streams, one emitter per generated file;
//! - [`render`]: token streams to formatted files with their `@generated` header;
//! - [`diagnostics`]: problems and how they are shown.
#![forbid(unsafe_code)]

pub mod diagnostics;
pub mod diff;
pub mod emit;
pub mod ir;
pub mod load;
pub mod naming;
pub mod path_template;
pub mod render;
pub mod schema;
pub mod settings;
pub mod spec;
pub mod types;
pub mod validate;

pub use diagnostics::{Diagnostic, Report, Severity};
pub use load::{LoadedSpec, load_dir, load_file, load_str};

/// Every file of the client crate for these specs, paths relative to the crate's root.
/// `runtime_path` is how its manifest names the runtime crate's folder, when the settings
/// say to depend on the runtime rather than inline it.
pub fn generate(
    specs: &[LoadedSpec],
    settings: &settings::CrateSettings,
    runtime_path: Option<&str>,
) -> Result<Vec<render::GeneratedFile>, String> {
    emit::crate_files(
        &services(specs, &settings.spec_folder),
        settings,
        runtime_path,
    )
}

/// The IR of each spec, in order, each naming its file as `{spec_folder}/{file name}`.
pub fn services(specs: &[LoadedSpec], spec_folder: &str) -> Vec<ir::Service> {
    specs
        .iter()
        .map(|loaded| {
            let name = loaded.file.rsplit('/').next().unwrap_or(&loaded.file);
            ir::build(loaded, &format!("{spec_folder}/{name}"))
        })
        .collect()
}
