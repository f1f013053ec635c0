//! `cargo xtask` works on the checkout it is run in, even when several checkouts share one
//! target directory (and so one xtask binary): a stale file in a second copy of the
//! repository is reported there, and `cargo xtask codegen` rewrites that copy, not this one.

mod cargo_support;

use std::path::Path;
use std::process::Output;

use cargo_support::{cargo, workspace};

/// Copies the repository's files (not its build output or git history) to `to`, keeping
/// their modification times as `cp -p` does: cargo then finds the xtask binary it built
/// for this checkout fresh for the copy too, and runs it there without rebuilding, which
/// is when a root fixed at compile time would point at the wrong checkout.
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("the copy's folder can be made");
    for entry in std::fs::read_dir(from).expect("the folder is readable") {
        let entry = entry.expect("a folder entry");
        let name = entry.file_name();
        if name == "target" || name == ".git" {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            copy_tree(&path, &to.join(&name));
        } else {
            let copied = to.join(&name);
            std::fs::copy(&path, &copied).expect("the file copies");
            let modified = entry
                .metadata()
                .and_then(|m| m.modified())
                .expect("a modification time");
            std::fs::File::options()
                .write(true)
                .open(&copied)
                .and_then(|file| file.set_modified(modified))
                .expect("the copy keeps its modification time");
        }
    }
}

fn cargo_xtask(checkout: &Path, args: &[&str]) -> Output {
    let mut all = vec!["xtask"];
    all.extend_from_slice(args);
    cargo(checkout, &all)
}

#[test]
fn each_checkout_checks_and_writes_its_own_files() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let copy = dir.path().join("second-checkout");
    copy_tree(&workspace(), &copy);

    let spec = copy.join("specs/zoho_people.yaml");
    let text = std::fs::read_to_string(&spec).expect("the copy's spec");
    let changed = text.replacen(
        "summary: Retrieve multiple organization structure division records.",
        "summary: Retrieve the division records of the organization structure.",
        1,
    );
    assert_ne!(text, changed, "the summary to change is in the spec");
    std::fs::write(&spec, changed).expect("the copy's spec is writable");

    let check = cargo_xtask(&copy, &["codegen", "--check"]);
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert_eq!(check.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("stale: generated-client/src/zoho_people/operations.rs"),
        "{stderr}"
    );
    // The OpenAPI export is checked like the code.
    assert!(
        stderr.contains("stale: specs/openapi/zoho_people.yaml"),
        "{stderr}"
    );

    let original = workspace().join("generated-client/src/zoho_people/operations.rs");
    let before = std::fs::read_to_string(&original).expect("this checkout's file");
    let write = cargo_xtask(&copy, &["codegen"]);
    assert!(
        write.status.success(),
        "{}",
        String::from_utf8_lossy(&write.stderr)
    );
    let rewritten =
        std::fs::read_to_string(copy.join("generated-client/src/zoho_people/operations.rs"))
            .expect("the copy's file");
    assert!(rewritten.contains("Retrieve the division records"));
    let after = std::fs::read_to_string(&original).expect("this checkout's file");
    assert_eq!(before, after, "this checkout was not written");
    assert!(cargo_xtask(&copy, &["codegen", "--check"]).status.success());
}
