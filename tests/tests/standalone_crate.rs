//! The generator used for someone else's API: `cargo xtask codegen --specs DIR --out DIR`
//! writes a complete crate outside this repository, which then builds, passes clippy and
//! rustdoc with warnings denied and runs its doc tests there, with cargo alone, both with the runtime
//! inlined (the default) and as a dependency on the runtime crate.

mod cargo_support;

use std::path::{Path, PathBuf};

use cargo_support::{cargo_ok, workspace};

/// A folder of specs outside the repository: every feature fixture, as one user's API.
fn spec_folder(dir: &Path) -> PathBuf {
    let specs = dir.join("my-specs");
    std::fs::create_dir_all(&specs).expect("the spec folder can be made");
    let fixtures = workspace().join("tests/fixtures/features");
    for entry in std::fs::read_dir(fixtures).expect("the fixtures are readable") {
        let path = entry.expect("a fixture entry").path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let name = path.file_name().expect("a file name");
            std::fs::copy(&path, specs.join(name)).expect("the fixture copies");
        }
    }
    specs
}

fn xtask(args: &[&str]) {
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let mut argv = vec!["xtask"];
    argv.extend_from_slice(args);
    let code = xtask::run(argv, &mut stdout, &mut stderr);
    assert_eq!(
        code,
        xtask::SUCCESS,
        "cargo xtask {}\n{}",
        args.join(" "),
        String::from_utf8_lossy(&stderr)
    );
}

/// Generates into one folder, moves the crate to another (so nothing may depend on where
/// it was written), and builds, lints and doc-tests it there.
fn generate_move_and_build(extra: &[&str]) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let specs = spec_folder(dir.path());
    let written = dir.path().join("written");
    let specs_arg = specs.to_string_lossy().into_owned();
    let out_arg = written.to_string_lossy().into_owned();
    let mut args = vec![
        "codegen",
        "--specs",
        &specs_arg,
        "--out",
        &out_arg,
        "--crate-name",
        "my-api",
    ];
    args.extend_from_slice(extra);
    xtask(&args);

    let moved = dir.path().join("elsewhere/my-api");
    std::fs::create_dir_all(dir.path().join("elsewhere")).expect("a second folder");
    std::fs::rename(&written, &moved).expect("the crate moves");
    std::fs::copy(workspace().join("Cargo.lock"), moved.join("Cargo.lock"))
        .expect("the lock file copies");
    let manifest = std::fs::read_to_string(moved.join("Cargo.toml")).expect("a manifest");
    assert!(manifest.contains("name = \"my-api\""), "{manifest}");
    assert!(!manifest.contains("workspace = true"), "{manifest}");
    // The runtime's opt-in features are the crate's too, forwarded or copied.
    assert!(manifest.contains("\nrustls-aws-lc-rs = ["), "{manifest}");
    // Streams are futures-core's trait; the `futures` facade is for the doc tests only.
    let (dependencies, dev_dependencies) = manifest
        .split_once("\n[dev-dependencies]\n")
        .expect("a [dev-dependencies] table");
    let lists = |table: &str, name: &str| table.lines().any(|l| l.starts_with(name));
    assert!(lists(dependencies, "futures-core = "), "{manifest}");
    assert!(!lists(dependencies, "futures = "), "{manifest}");
    assert!(lists(dev_dependencies, "futures = "), "{manifest}");

    cargo_ok(&moved, &["build"]);
    cargo_ok(&moved, &["check", "--features", "http2"]);
    cargo_ok(&moved, &["clippy", "--", "-D", "warnings"]);
    // The mock modules, and their doc tests, which start a mock and call it.
    cargo_ok(
        &moved,
        &["clippy", "--features", "mock", "--", "-D", "warnings"],
    );
    cargo_ok(&moved, &["test", "--doc", "--features", "mock"]);
    cargo_ok(&moved, &["doc", "--no-deps"]);
}

#[test]
fn a_crate_with_the_runtime_inlined_builds_anywhere() {
    generate_move_and_build(&[]);
}

#[test]
fn a_crate_that_depends_on_the_runtime_crate_builds_anywhere() {
    let runtime = workspace().join("generated-client/runtime");
    let runtime = runtime.to_string_lossy().into_owned();
    generate_move_and_build(&["--runtime-path", &runtime]);
}
