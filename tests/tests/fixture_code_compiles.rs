//! Every generated line is compiled: the feature fixtures are modules of the committed
//! `tests/fixture-clients` crate (built, linted and documented with the workspace), and
//! here every other valid fixture spec (both sides of each spec-diff case, and the valid
//! base of the broken ones) becomes a module of one throwaway crate, which must pass
//! `cargo clippy` with warnings denied.

mod cargo_support;

use std::path::{Path, PathBuf};

use codegen::settings::{CrateSettings, RuntimeSource};

use cargo_support::{cargo_ok, workspace};

/// Every `*.yaml` under `dir`, in path order.
fn specs_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).expect("the fixture folder is readable") {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "yaml") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// A module name for a fixture: its path below `tests/fixtures`, as one identifier
/// (`diff/type_renamed/new/widgets.yaml` becomes `diff_type_renamed_new_widgets`).
fn module_name(fixtures: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(fixtures).unwrap_or(path);
    relative
        .with_extension("")
        .to_string_lossy()
        .replace(['/', '\\', '-'], "_")
}

#[test]
fn every_valid_fixture_generates_code_that_passes_clippy() {
    let fixtures = workspace().join("tests/fixtures");
    let mut seen = std::collections::HashSet::new();
    let mut loaded = Vec::new();
    for dir in ["diff", "valid"] {
        for path in specs_under(&fixtures.join(dir)) {
            let text = std::fs::read_to_string(&path).expect("the fixture is readable");
            // The two sides of a case differ from the base only by their first comment line
            // when nothing changed on that side: compile such a spec once.
            let key: Vec<&str> = text
                .lines()
                .filter(|line| !line.starts_with("# diff case:"))
                .collect();
            if !seen.insert(key.join("\n")) {
                continue;
            }
            // Each spec becomes a module of its own name.
            let module = module_name(&fixtures, &path);
            let renamed: Vec<String> = text
                .lines()
                .map(|line| match line.strip_prefix("service:") {
                    Some(_) => format!("service: {module}"),
                    None => line.to_owned(),
                })
                .collect();
            let shown = path.display().to_string();
            match codegen::load_str(&shown, &(renamed.join("\n") + "\n")) {
                Ok(spec) => loaded.push(spec),
                Err(report) => panic!("{report}"),
            }
        }
    }
    assert!(
        loaded.len() > 50,
        "only {} distinct fixture specs",
        loaded.len()
    );

    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut settings = CrateSettings::new("fixture-specs", "tests/fixtures");
    let runtime = workspace().join("generated-client/runtime");
    let runtime = std::fs::canonicalize(&runtime).expect("the runtime crate exists");
    settings.runtime = RuntimeSource::Crate(runtime.clone());
    let files =
        codegen::generate(&loaded, &settings, runtime.to_str()).expect("every fixture generates");
    for file in files {
        let path = dir.path().join(&file.path);
        std::fs::create_dir_all(path.parent().expect("a parent folder"))
            .expect("the crate's folders can be made");
        std::fs::write(path, file.contents).expect("the crate's files can be written");
    }
    std::fs::copy(
        workspace().join("Cargo.lock"),
        dir.path().join("Cargo.lock"),
    )
    .expect("the lock file copies");

    cargo_ok(
        dir.path(),
        &["clippy", "--all-features", "--", "-D", "warnings"],
    );
}
