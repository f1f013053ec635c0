//! Project tasks, run as `cargo xtask <task>`:
//!
//! - `codegen [--check]`: validate the specs and write (or check) the generated crate;
//! - `diff [--base REV | --old DIR]`: what a spec change does to users of the crate.
//!
//! The tasks live in a library so that tests run them as the command line does, with
//! the same arguments, output and exit code.
#![forbid(unsafe_code)]

mod codegen_task;
mod diff_task;
mod git;

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
    Codegen {
        /// Write nothing; exit non-zero if any generated file is stale, missing or extra.
        #[arg(long)]
        check: bool,
        /// The folder of specs to read.
        #[arg(long, default_value = "specs")]
        specs: PathBuf,
        /// Where the client crate's sources go. Without it, the repository's own
        /// `generated-client/src` and `specs/spec.schema.json` are written.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Report what changed in the specs since a git revision (or against another folder
    /// of specs), classified as breaking, compatible or internal for users of the crate.
    Diff(diff_task::DiffArgs),
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
        Task::Codegen { check, specs, out } => {
            codegen_task::run(&root, &root.join(specs), out, check, stdout, stderr)
        }
        Task::Diff(args) => diff_task::run(&root, &args, stdout, stderr),
    }
}

/// The repository's root: relative paths in arguments are taken from here, so the
/// tasks behave the same from any folder.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}
