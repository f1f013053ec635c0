//! `cargo xtask openapi [--specs DIR] [--out DIR]`: writes each spec's OpenAPI 3.1
//! document (default: the repository's specs, to `specs/openapi/`, which
//! `cargo xtask codegen` also writes and `--check` keeps fresh).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use crate::{FAILURE, SUCCESS, UNUSABLE};

/// The arguments of `cargo xtask openapi`.
#[derive(Args)]
pub(crate) struct OpenapiArgs {
    /// The folder of specs to read (default `specs`).
    #[arg(long, value_name = "DIR")]
    specs: Option<PathBuf>,
    /// The folder the documents are written to (default `specs/openapi`).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

pub(crate) fn run(
    root: &Path,
    args: &OpenapiArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8 {
    let specs = root.join(args.specs.as_deref().unwrap_or(Path::new("specs")));
    let out = root.join(
        args.out
            .as_deref()
            .unwrap_or(Path::new(codegen::openapi::FOLDER)),
    );
    let (loaded, failed) = match codegen::load_dir(&specs) {
        Ok(result) => result,
        Err(e) => {
            let _ = writeln!(stderr, "error: cannot read {}: {e}", specs.display());
            return UNUSABLE;
        }
    };
    if !failed.is_empty() {
        for report in &failed {
            let _ = writeln!(stderr, "{report}");
        }
        let _ = writeln!(
            stderr,
            "error: {} spec(s) do not load; nothing was written",
            failed.len()
        );
        return FAILURE;
    }
    let services: Vec<&codegen::ir::Service> = loaded.iter().map(|s| &s.service).collect();
    let files = match codegen::openapi::files(&services) {
        Ok(files) => files,
        Err(e) => {
            let _ = writeln!(stderr, "error: {e}");
            return FAILURE;
        }
    };
    for (name, text) in files {
        let path = out.join(name);
        let written = fs::create_dir_all(&out).and_then(|()| fs::write(&path, text));
        if let Err(e) = written {
            let _ = writeln!(stderr, "error: cannot write {}: {e}", path.display());
            return FAILURE;
        }
        let _ = writeln!(stdout, "wrote {}", path.display());
    }
    SUCCESS
}
