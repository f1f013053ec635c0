//! Running cargo as a user would, on crates this test suite writes: with this workspace's
//! target directory, so that the dependencies it built already are reused.

// Each test file uses its own part of this module.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The workspace root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The target directory the outer `cargo test` builds into.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| workspace().join("target"), PathBuf::from)
}

/// `cargo <args>` in `dir`, with the shared target directory, rustdoc warnings denied and
/// no flags of the outer build.
pub fn cargo(dir: &Path, args: &[&str]) -> Output {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    Command::new(cargo)
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target_dir())
        .env("RUSTDOCFLAGS", "-D warnings")
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs")
}

/// [`cargo`], which must succeed; the failure shows cargo's output.
pub fn cargo_ok(dir: &Path, args: &[&str]) {
    let output = cargo(dir, args);
    assert!(
        output.status.success(),
        "cargo {} in {} failed:\n{}",
        args.join(" "),
        dir.display(),
        String::from_utf8_lossy(&output.stderr)
    );
}
