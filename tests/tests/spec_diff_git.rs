//! `cargo xtask diff` end to end: a temporary git repository with a spec committed on
//! `main`, a change to it, and the command run as its command line is, against `--base`
//! and against the default merge base, with exit codes and every output format.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/diff");

/// A repository with `specs/widgets.yaml` (the diff fixtures' base) and a
/// `generated-client/Cargo.toml` at version 0.3.1, committed on `main`.
struct Repo {
    dir: TempDir,
}

impl Repo {
    fn new() -> Repo {
        let repo = Repo {
            dir: tempfile::tempdir().expect("a temporary folder"),
        };
        repo.git(&["init", "--quiet", "--initial-branch=main"]);
        repo.write_spec("base");
        let manifest = repo.path().join("generated-client/Cargo.toml");
        fs::create_dir_all(manifest.parent().expect("a parent")).expect("a folder");
        fs::write(
            &manifest,
            "[package]\nname = \"org-clients\"\nversion = \"0.3.1\"\n",
        )
        .expect("the manifest is written");
        repo.commit("the base spec");
        repo
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn specs(&self) -> PathBuf {
        self.path().join("specs")
    }

    /// Puts the new side of a fixture case (or the base) in the working tree.
    fn write_spec(&self, case: &str) {
        let source = if case == "base" {
            format!("{FIXTURES}/base/widgets.yaml")
        } else {
            format!("{FIXTURES}/{case}/new/widgets.yaml")
        };
        fs::create_dir_all(self.specs()).expect("the specs folder");
        fs::copy(source, self.specs().join("widgets.yaml")).expect("the spec is copied");
    }

    fn commit(&self, message: &str) {
        self.git(&["add", "--all"]);
        self.git(&["commit", "--quiet", "--message", message]);
    }

    fn git(&self, args: &[&str]) {
        let status = Command::new("git")
            .arg("-C")
            .arg(self.path())
            .args([
                "-c",
                "user.name=Spec Diff Test",
                "-c",
                "user.email=diff@example.com",
            ])
            .args(["-c", "commit.gpgsign=false"])
            .args(args)
            .status()
            .expect("git runs");
        assert!(status.success(), "git {args:?} failed");
    }

    /// Runs `cargo xtask diff <args> --specs <repo>/specs`: exit code, stdout, stderr.
    fn diff(&self, args: &[&str]) -> (u8, String, String) {
        let specs = self.specs();
        let mut argv = vec![
            "xtask",
            "diff",
            "--specs",
            specs.to_str().expect("a UTF-8 path"),
        ];
        argv.extend_from_slice(args);
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = xtask::run(argv, &mut out, &mut err);
        (
            code,
            String::from_utf8(out).expect("UTF-8 output"),
            String::from_utf8(err).expect("UTF-8 errors"),
        )
    }
}

#[test]
fn a_breaking_change_against_a_base_revision_fails_ci_and_names_the_version() {
    let repo = Repo::new();
    repo.write_spec("param_became_required");

    let (code, out, err) = repo.diff(&[
        "--base",
        "main",
        "--format",
        "json",
        "--fail-on",
        "breaking",
    ]);
    assert_eq!(
        code, 1,
        "--fail-on breaking with a breaking change: {out}{err}"
    );
    assert!(err.contains("the specs changed in a breaking way"), "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).expect("the report is JSON");
    assert_eq!(report["level"], "breaking");
    assert_eq!(report["version"]["current"], "0.3.1");
    assert_eq!(report["version"]["suggested"], "0.4.0");
    assert!(
        report["old_label"]
            .as_str()
            .is_some_and(|l| l.starts_with("`main` (")),
        "{report}"
    );
    let change = &report["services"][0]["changes"][0];
    assert_eq!(change["rule"], "param_became_required");
    assert_eq!(change["level"], "breaking");
    assert_eq!(change["area"], "parameter");
    let api = report["services"][0]["api"]
        .as_array()
        .expect("public item changes");
    assert!(
        api.iter()
            .any(|c| c["item"] == "Client::list_widgets" && c["kind"] == "changed")
    );

    let (code, out, _) = repo.diff(&["--base", "HEAD"]);
    assert_eq!(code, 0, "without --fail-on the report never fails");
    assert!(out.starts_with("## Spec diff: breaking"), "{out}");
    assert!(
        out.contains("Suggested version of `org-clients`: **0.4.0** (now 0.3.1)."),
        "{out}"
    );
    assert!(
        out.contains("- `widgets`: parameter `sort_order` of `list_widgets` became required"),
        "{out}"
    );
}

#[test]
fn the_default_base_is_the_merge_base_with_main() {
    let repo = Repo::new();
    repo.git(&["checkout", "--quiet", "-b", "feature"]);
    repo.write_spec("optional_param_added");
    repo.commit("an optional parameter");
    // `main` moves on after the branch: its new commit is not the base.
    repo.git(&["checkout", "--quiet", "main"]);
    repo.write_spec("summary_changed");
    repo.commit("a summary on main");
    repo.git(&["checkout", "--quiet", "feature"]);

    let (code, out, err) = repo.diff(&["--format", "text", "--fail-on", "compatible"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("the merge base with `main`"), "{out}");
    assert!(out.contains("Overall: COMPATIBLE"), "{out}");
    assert!(
        out.contains("parameter `fields` of `list_widgets` added"),
        "{out}"
    );
    assert!(
        !out.contains("summary"),
        "main's later commit is not compared: {out}"
    );
    assert!(
        out.contains("Suggested version of `org-clients`: 0.3.2 (now 0.3.1)."),
        "{out}"
    );

    let (code, _, _) = repo.diff(&["--fail-on", "breaking"]);
    assert_eq!(code, 0, "a compatible change passes --fail-on breaking");
}

#[test]
fn a_version_bump_already_made_is_recognized() {
    let repo = Repo::new();
    repo.write_spec("operation_removed");
    fs::write(
        repo.path().join("generated-client/Cargo.toml"),
        "[package]\nname = \"org-clients\"\nversion = \"0.3.2\"\n",
    )
    .expect("the manifest is written");
    let (_, out, _) = repo.diff(&["--base", "main"]);
    assert!(
        out.contains("The new side has 0.3.2, which is not enough for this change."),
        "{out}"
    );
    fs::write(
        repo.path().join("generated-client/Cargo.toml"),
        "[package]\nname = \"org-clients\"\nversion = \"0.4.0\"\n",
    )
    .expect("the manifest is written");
    let (_, out, _) = repo.diff(&["--base", "main"]);
    assert!(out.contains("The new side already has 0.4.0."), "{out}");
}

#[test]
fn an_unchanged_tree_reports_no_changes() {
    let repo = Repo::new();
    let (code, out, _) = repo.diff(&["--base", "main", "--fail-on", "compatible"]);
    assert_eq!(code, 0);
    assert!(out.contains("## Spec diff: no changes"), "{out}");
}

#[test]
fn a_revision_that_does_not_exist_is_a_clear_error() {
    let repo = Repo::new();
    let (code, out, err) = repo.diff(&["--base", "no-such-branch"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("`no-such-branch` does not name a commit"),
        "{err}"
    );
}

#[test]
fn a_broken_spec_at_the_base_is_reported_with_its_location() {
    let repo = Repo::new();
    let spec = repo.specs().join("widgets.yaml");
    let text = fs::read_to_string(&spec).expect("the spec");
    fs::write(&spec, text.replace("method: GET", "method: FETCH")).expect("the spec is written");
    repo.commit("a broken spec");
    repo.write_spec("base");
    let (code, _, err) = repo.diff(&["--base", "HEAD"]);
    assert_eq!(code, 2);
    assert!(err.contains("specs/widgets.yaml:"), "{err}");
    assert!(err.contains("spec(s) of `HEAD` ("), "{err}");
}

#[test]
fn outside_a_repository_a_base_cannot_be_read() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let specs = folder.path().join("specs");
    fs::create_dir_all(&specs).expect("a folder");
    fs::copy(
        format!("{FIXTURES}/base/widgets.yaml"),
        specs.join("widgets.yaml"),
    )
    .expect("copied");
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let argv = ["xtask", "diff", "--specs", specs.to_str().expect("UTF-8")];
    let code = xtask::run(argv, &mut out, &mut err);
    assert_eq!(code, 2);
    assert!(String::from_utf8_lossy(&err).contains("is not in a git repository"));
}

#[test]
fn the_rules_are_printed_as_one_table() {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = xtask::run(["xtask", "diff", "--rules"], &mut out, &mut err);
    assert_eq!(code, 0);
    let table = String::from_utf8(out).expect("UTF-8");
    assert_eq!(table, spec_diff::render::rules_table());
}

#[test]
fn base_and_old_cannot_be_given_together() {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let argv = ["xtask", "diff", "--base", "main", "--old", "x"];
    let code = xtask::run(argv, &mut out, &mut err);
    assert_eq!(code, 2);
    assert!(String::from_utf8_lossy(&err).contains("cannot be used with"));
}

impl Repo {
    fn set_version(&self, version: &str) {
        fs::write(
            self.path().join("generated-client/Cargo.toml"),
            format!("[package]\nname = \"org-clients\"\nversion = \"{version}\"\n"),
        )
        .expect("the manifest is written");
    }
}

/// The CI gate: each commit against its parent, failing when the change calls for a
/// version the manifest does not have.
#[test]
fn the_gate_fails_a_commit_that_needs_a_bump_it_does_not_make() {
    let gate = [
        "--base",
        "HEAD~1",
        "--format",
        "text",
        "--fail-on",
        "unbumped",
    ];
    let repo = Repo::new();

    repo.write_spec("operation_removed");
    repo.commit("remove an operation, keep the version");
    let (code, out, err) = repo.diff(&gate);
    assert_eq!(code, 1, "a breaking commit without a bump: {out}{err}");
    assert!(err.contains("calls for `org-clients` 0.4.0"), "{err}");
    assert!(err.contains("the manifest says 0.3.1"), "{err}");
    assert!(err.contains("widgets: operation `get_widget`"), "{err}");
    assert!(
        err.contains("widgets: `Client::get_widget` removed"),
        "{err}"
    );

    // The same change with the bump it calls for passes.
    repo.set_version("0.4.0");
    repo.commit("bump for the removal");
    repo.git(&["reset", "--quiet", "--soft", "HEAD~2"]);
    repo.commit("remove an operation, with its bump");
    let (code, out, err) = repo.diff(&gate);
    assert_eq!(code, 0, "a breaking commit with its bump: {out}{err}");

    // A compatible change under 0.x needs a patch bump.
    repo.write_spec("operation_added");
    repo.commit("add an operation");
    let (code, _, err) = repo.diff(&gate);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("calls for `org-clients` 0.4.1"), "{err}");

    // A commit that changes nothing users see passes without a bump.
    fs::write(repo.path().join("NOTES.md"), "nothing for users\n").expect("a file");
    repo.commit("notes");
    let (code, out, err) = repo.diff(&gate);
    assert_eq!(code, 0, "{out}{err}");
}

/// A repository holding this workspace's specs and committed crate (generated modules and
/// runtime), where a change of the runtime or of generated code is made by hand, as a
/// change of the runtime or an emitter would make it.
fn repo_with_the_committed_crate() -> Repo {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let repo = Repo {
        dir: tempfile::tempdir().expect("a temporary folder"),
    };
    repo.git(&["init", "--quiet", "--initial-branch=main"]);
    for folder in [
        "specs",
        "generated-client/src",
        "generated-client/runtime/src",
    ] {
        copy_tree(&workspace.join(folder), &repo.path().join(folder));
    }
    fs::copy(
        workspace.join("generated-client/Cargo.toml"),
        repo.path().join("generated-client/Cargo.toml"),
    )
    .expect("the manifest copies");
    repo.commit("the crate as committed");
    repo
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("a folder");
    for entry in fs::read_dir(from).expect("a readable folder") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("a file copies");
        }
    }
}

fn edit(repo: &Repo, file: &str, from: &str, to: &str) {
    let path = repo.path().join(file);
    let text = fs::read_to_string(&path).expect("the file reads");
    assert!(text.contains(from), "{file} has no `{from}`");
    fs::write(&path, text.replacen(from, to, 1)).expect("the file writes");
}

#[test]
fn renaming_a_runtime_method_is_a_breaking_change() {
    let repo = repo_with_the_committed_crate();
    let (code, out, err) = repo.diff(&["--base", "HEAD", "--fail-on", "compatible"]);
    assert_eq!(code, 0, "the committed crate against itself: {out}{err}");

    edit(
        &repo,
        "generated-client/runtime/src/retry.rs",
        "pub fn max_attempts(",
        "pub fn max_tries(",
    );
    let (code, out, err) = repo.diff(&[
        "--base",
        "HEAD",
        "--format",
        "text",
        "--fail-on",
        "breaking",
    ]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("Overall: BREAKING"), "{out}");
    assert!(
        out.contains("- RetryPolicy::max_attempts (breaking)"),
        "{out}"
    );
    assert!(
        out.contains("+ RetryPolicy::max_tries (compatible)"),
        "{out}"
    );
}

#[test]
fn a_generated_setter_renamed_by_the_generator_is_a_breaking_change() {
    let repo = repo_with_the_committed_crate();
    // What an emitter change would write: the same spec, another setter name.
    edit(
        &repo,
        "generated-client/src/zoho_crm/operations.rs",
        "pub fn per_page(",
        "pub fn page_size(",
    );
    let (code, out, err) = repo.diff(&[
        "--base",
        "HEAD",
        "--format",
        "text",
        "--fail-on",
        "breaking",
    ]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("- ListOrgEnrichmentsRequest::per_page (breaking)"),
        "{out}"
    );
    assert!(
        out.contains("no spec rule predicts"),
        "the report says the generator, not the spec, changed it: {out}"
    );
}
