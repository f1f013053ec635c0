//! `cargo xtask synthetic --operations N --out DIR`: writes a synthetic spec of about N
//! operations (four a resource) to `DIR/synthetic.yaml`, for measuring the generator on a
//! spec of any size (`cargo xtask codegen --specs DIR --out CRATE` then generates it).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;
use codegen::synthetic;

use crate::{SUCCESS, UNUSABLE};

/// The arguments of `cargo xtask synthetic`.
#[derive(Args)]
pub(crate) struct SyntheticArgs {
    /// How many operations the spec has (rounded up to a multiple of four).
    #[arg(long, value_name = "N")]
    operations: usize,
    /// The folder the spec is written to (created if missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
}

/// The file name of the written spec; its service is named after it.
const FILE: &str = "synthetic.yaml";

pub(crate) fn run(
    root: &Path,
    args: &SyntheticArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8 {
    let resources = synthetic::resources_for(args.operations.max(1));
    let out = root.join(&args.out);
    let file = out.join(FILE);
    let written = fs::create_dir_all(&out)
        .and_then(|()| fs::write(&file, synthetic::spec("synthetic", resources)));
    match written {
        Ok(()) => {
            let _ = writeln!(
                stdout,
                "wrote {} ({} operations, {resources} resources)",
                file.display(),
                resources * synthetic::OPERATIONS_PER_RESOURCE
            );
            SUCCESS
        }
        Err(e) => {
            let _ = writeln!(stderr, "error: cannot write {}: {e}", file.display());
            UNUSABLE
        }
    }
}
