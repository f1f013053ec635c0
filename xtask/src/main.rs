//! `cargo xtask codegen`: validates the specs and writes every generated file;
//! `cargo xtask codegen --check` writes nothing and fails when a generated file is stale.
#![forbid(unsafe_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(about = "Project tasks for the org-clients code generator")]
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
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let root = workspace_root();
    match cli.task {
        Task::Codegen { check, specs } => codegen(&root, &root.join(specs), check),
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

fn codegen(root: &Path, specs: &Path, check: bool) -> ExitCode {
    let started = Instant::now();
    let (loaded, failed) = match codegen::load_dir(specs) {
        Ok(result) => result,
        Err(e) => {
            eprintln!(
                "error: cannot read the spec folder {}: {e}",
                specs.display()
            );
            return ExitCode::FAILURE;
        }
    };
    for spec in &loaded {
        if !spec.warnings.diagnostics.is_empty() {
            eprintln!("{}", spec.warnings);
        }
    }
    if !failed.is_empty() {
        for report in &failed {
            eprintln!("{report}");
        }
        let errors: usize = failed.iter().map(codegen::Report::error_count).sum();
        eprintln!(
            "error: {errors} problem(s) in {} spec(s); nothing was written",
            failed.len()
        );
        return ExitCode::FAILURE;
    }

    let files = [(
        codegen::schema::SCHEMA_PATH,
        codegen::schema::spec_json_schema(),
    )];
    let mut stale = Vec::new();
    for (relative, contents) in &files {
        let path = root.join(relative);
        let current = fs::read_to_string(&path).ok();
        if current.as_deref() == Some(contents.as_str()) {
            continue;
        }
        if check {
            stale.push(*relative);
        } else if let Err(e) = fs::write(&path, contents) {
            eprintln!("error: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    if check && !stale.is_empty() {
        for file in &stale {
            eprintln!("stale: {file}");
        }
        eprintln!("error: generated files are out of date; run `cargo xtask codegen`");
        return ExitCode::FAILURE;
    }
    eprintln!(
        "{} {} spec(s) in {:.2?}",
        if check { "checked" } else { "generated from" },
        loaded.len(),
        started.elapsed()
    );
    ExitCode::SUCCESS
}
