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
//! - [`diagnostics`]: problems and how they are shown.
#![forbid(unsafe_code)]

pub mod diagnostics;
pub mod load;
pub mod naming;
pub mod path_template;
pub mod schema;
pub mod spec;
pub mod types;
pub mod validate;

pub use diagnostics::{Diagnostic, Report, Severity};
pub use load::{LoadedSpec, load_dir, load_file, load_str};
