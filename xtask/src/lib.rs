//! Project tasks, run as `cargo xtask <task>`:
//!
//! - `codegen [--check]`: validate the specs and write (or check) the generated crate;
//! - `diff [--base REV | --old DIR]`: what a spec change does to users of the crate;
//! - `synthetic --operations N --out DIR`: a synthetic spec of N operations, for benchmarks;
//! - `openapi [--specs DIR] [--out DIR]`: each spec as an OpenAPI 3.1 document.
//! - `build-times [--runs N]`: how long the generated crate takes to build, cold and
//!   incrementally;
//! - `contract [--rounds N]`: the generated clients against Prism mock servers of the
//!   exported OpenAPI documents, static and dynamic.
//!
//! The tasks live in a library so that tests run them as the command line does, with
//! the same arguments, output and exit code.
#![forbid(unsafe_code)]

mod build_times_task;
mod codegen_task;
mod contract_task;
mod diff_task;
mod git;
mod openapi_task;
mod prism;
mod synthetic_task;

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

pub use diff_task::{FailOn, Format};

/// Exit code of a task that did its job and found nothing to fail on.
pub const SUCCESS: u8 = 0;
/// Exit code of a task that ran and failed: stale files, or `--fail-on` met.
pub const FAILURE: u8 = 1;
/// Exit code of a task that could not run: bad arguments, specs that do not load, git errors.
pub const UNUSABLE: u8 = 2;

#[derive(Parser)]
#[command(
    name = "cargo xtask",
    about = "Project tasks for the org-clients code generator"
)]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Validate the specs and regenerate every generated file.
    Codegen(codegen_task::CodegenArgs),
    /// Report what changed in the specs since a git revision (or against another folder
    /// of specs), classified as breaking, compatible or internal for users of the crate.
    Diff(diff_task::DiffArgs),
    /// Write each spec as an OpenAPI 3.1 document (default: specs/ to specs/openapi/).
    Openapi(openapi_task::OpenapiArgs),
    /// Write a synthetic spec of about N operations, for measuring the generator.
    Synthetic(synthetic_task::SyntheticArgs),
    /// Time cold debug builds of the generated crate (every service, and one alone) and an
    /// incremental rebuild after touching one of its files; report medians and crate counts.
    BuildTimes(build_times_task::BuildTimesArgs),
    /// Run every operation of the generated clients against Prism, the OpenAPI mock
    /// server, on each exported document: with its examples, then with answers made up
    /// from its schemas. Installs Prism (npm) into target/prism when missing.
    Contract(contract_task::ContractArgs),
}

/// Runs the task `args` names (`args[0]` is the program name) and returns the exit code.
pub fn run<I, T>(args: I, stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let rendered = e.render();
            let _ = if e.use_stderr() {
                write!(stderr, "{rendered}")
            } else {
                write!(stdout, "{rendered}")
            };
            return u8::try_from(e.exit_code()).unwrap_or(UNUSABLE);
        }
    };
    let root = workspace_root();
    match cli.task {
        Task::Codegen(args) => codegen_task::run(&root, &args, stdout, stderr),
        Task::Diff(args) => diff_task::run(&root, &args, stdout, stderr),
        Task::Openapi(args) => openapi_task::run(&root, &args, stdout, stderr),
        Task::Synthetic(args) => synthetic_task::run(&root, &args, stdout, stderr),
        Task::BuildTimes(args) => build_times_task::run(&root, &args, stdout, stderr),
        Task::Contract(args) => contract_task::run(&root, &args, stdout, stderr),
    }
}

/// The root of the checkout the task runs in: relative paths in arguments are taken from
/// here, so the tasks behave the same from any folder.
///
/// Found at run time, never from the compile-time `env!("CARGO_MANIFEST_DIR")`: with a
/// shared target directory, cargo reuses one xtask binary for every identical checkout,
/// which would then read and write the first checkout's files. `cargo run` (and so
/// `cargo xtask`) sets `CARGO_MANIFEST_DIR` for the process it starts; without it, the
/// nearest folder above the current one that holds `xtask/Cargo.toml` is the root.
pub fn workspace_root() -> PathBuf {
    let from_cargo = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .and_then(|manifest_dir| manifest_dir.parent().map(Path::to_path_buf))
        .filter(|root| is_root(root));
    let current = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    from_cargo
        .or_else(|| {
            current
                .ancestors()
                .find(|dir| is_root(dir))
                .map(Path::to_path_buf)
        })
        .unwrap_or(current)
}

fn is_root(dir: &Path) -> bool {
    dir.join("Cargo.toml").is_file() && dir.join("xtask/Cargo.toml").is_file()
}
