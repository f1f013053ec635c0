//! `cargo xtask diff`: loads the old side (a git revision or a folder) and the new side
//! (the working tree's specs), and prints what changed for users of `org-clients`.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use codegen::render::GeneratedFile;
use codegen::{LoadedSpec, Report as Diagnostics};
use spec_diff::{self as diff, DiffSide, Level, Report};

use crate::git::Repo;
use crate::{FAILURE, SUCCESS, UNUSABLE};

/// The arguments of `cargo xtask diff`.
#[derive(Args)]
pub(crate) struct DiffArgs {
    /// The git revision whose specs are the old side. Default: the merge base of HEAD
    /// with `main` (or `origin/main`).
    #[arg(long, value_name = "REV", conflicts_with = "old")]
    base: Option<String>,
    /// A folder of specs as the old side, instead of a git revision.
    #[arg(long, value_name = "DIR")]
    old: Option<PathBuf>,
    /// The folder of specs of the new side.
    #[arg(long, value_name = "DIR", default_value = "specs")]
    specs: PathBuf,
    /// How to print the report.
    #[arg(long, value_enum, default_value_t = Format::Markdown)]
    format: Format,
    /// Exit with code 1 when a change of this level or a more severe one is found.
    #[arg(long, value_enum, value_name = "LEVEL")]
    fail_on: Option<FailOn>,
    /// Print the classification rules as a Markdown table, and nothing else.
    #[arg(long, conflicts_with_all = ["base", "old", "fail_on"])]
    rules: bool,
}

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For a pull request comment.
    Markdown,
    /// For a terminal.
    Text,
    /// For tools: the report as data.
    Json,
}

/// The least severe level that fails the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Fail on breaking changes.
    Breaking,
    /// Fail on compatible or breaking changes: anything users can see in the API.
    Compatible,
    /// Fail when the change calls for a version of `org-clients` the new side's manifest
    /// does not have yet: a breaking change without a major bump (minor under 0.x), a
    /// compatible one without a minor bump (patch under 0.x). The CI gate.
    Unbumped,
}

impl FailOn {
    /// The least severe level that fails the run, for the level thresholds.
    fn level(self) -> Option<Level> {
        match self {
            FailOn::Breaking => Some(Level::Breaking),
            FailOn::Compatible => Some(Level::Compatible),
            FailOn::Unbumped => None,
        }
    }
}

/// Where the crate's manifest sits, from the specs folder.
const MANIFEST: &str = "../generated-client/Cargo.toml";

/// Where the generated crate sits, from the specs folder, and the folders of it whose Rust
/// files make its public API: the generated modules and the runtime's sources.
const CRATE: &str = "../generated-client/";
const CODE_FOLDERS: [&str; 2] = ["src", "runtime/src"];

pub(crate) fn run(
    root: &Path,
    args: &DiffArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8 {
    if args.rules {
        let _ = write!(stdout, "{}", diff::render::rules_table());
        return SUCCESS;
    }
    match compare(root, args) {
        Ok(report) => {
            let rendered = match args.format {
                Format::Markdown => diff::render::markdown(&report),
                Format::Text => diff::render::text(&report),
                Format::Json => match serde_json::to_string_pretty(&report) {
                    Ok(json) => json + "\n",
                    Err(e) => {
                        let _ = writeln!(stderr, "error: cannot write the report as JSON: {e}");
                        return UNUSABLE;
                    }
                },
            };
            let _ = write!(stdout, "{rendered}");
            match args.fail_on.map(|threshold| verdict(threshold, &report)) {
                Some(Err(message)) => {
                    let _ = writeln!(stderr, "error: {message}");
                    FAILURE
                }
                _ => SUCCESS,
            }
        }
        Err(problem) => {
            let _ = writeln!(stderr, "{problem}");
            UNUSABLE
        }
    }
}

/// Whether the report passes the `--fail-on` threshold; the message says why not.
fn verdict(threshold: FailOn, report: &Report) -> Result<(), String> {
    let Some(level) = report.level else {
        return Ok(());
    };
    if let Some(limit) = threshold.level() {
        if level >= limit {
            return Err(format!(
                "the specs changed in a {} way (--fail-on {})",
                level.as_str(),
                limit.as_str()
            ));
        }
        return Ok(());
    }
    // Internal changes reach no user: they call for no release of their own.
    let Some(bump) = report.version.as_ref().filter(|_| level > Level::Internal) else {
        return Ok(());
    };
    let now = bump.already_set.as_deref().unwrap_or(&bump.current);
    if diff::version::at_least(now, &bump.suggested) {
        return Ok(());
    }
    let mut reasons: Vec<String> = Vec::new();
    for service in &report.services {
        for change in service.changes.iter().filter(|c| c.level() == level) {
            reasons.push(format!("{}: {}", service.module, change.what));
        }
        for change in service.api.iter().filter(|c| c.level == level) {
            reasons.push(format!(
                "{}: `{}` {}",
                service.module,
                change.item,
                change.kind.as_str()
            ));
        }
    }
    let shown = reasons.len().min(20);
    let more = reasons.len() - shown;
    Err(format!(
        "the change is {} and calls for `org-clients` {} (set `version` in specs/crate.toml, then \
         `cargo xtask codegen`), but the manifest says {now}; because of:\n  - {}{}",
        level.as_str(),
        bump.suggested,
        reasons[..shown].join("\n  - "),
        if more > 0 {
            format!("\n  ... and {more} more")
        } else {
            String::new()
        }
    ))
}

fn compare(root: &Path, args: &DiffArgs) -> Result<Report, String> {
    let specs = root.join(&args.specs);
    let new_specs = load_folder(&specs)?;
    let new_version = fs_version(&specs.join(MANIFEST));
    let new_code = fs_code(&specs.join(CRATE))?;
    let (old_specs, old_label, old_version, old_code) = match &args.old {
        Some(dir) => {
            let label = format!("`{}`", dir.display());
            let dir = root.join(dir);
            let old_version = fs_version(&dir.join(MANIFEST)).or_else(|| new_version.clone());
            let old_code = fs_code(&dir.join(CRATE))?;
            (load_folder(&dir)?, label, old_version, old_code)
        }
        None => {
            let repo = Repo::containing(&specs)?;
            let (label, commit) = match &args.base {
                Some(rev) => (format!("`{rev}`"), repo.commit(rev)?),
                None => {
                    let (branch, commit) = repo.merge_base_with_main()?;
                    (format!("the merge base with `{branch}`"), commit)
                }
            };
            let label = format!("{label} ({})", repo.short(&commit));
            let specs = load_revision(&repo, &commit, &label, &specs)?;
            let version = repo
                .read(&commit, MANIFEST)?
                .and_then(|manifest| crate_version(&manifest));
            let code = git_code(&repo, &commit)?;
            (specs, label, version, code)
        }
    };
    diff::diff(
        &DiffSide {
            label: old_label,
            specs: &old_specs,
            crate_version: old_version,
            code: old_code.as_deref(),
        },
        &DiffSide {
            label: format!("the working tree (`{}`)", args.specs.display()),
            specs: &new_specs,
            crate_version: new_version,
            code: new_code.as_deref(),
        },
    )
}

/// The generated crate's Rust files in `dir` (the crate's folder), paths from it; `None`
/// when it has no generated modules there.
fn fs_code(dir: &Path) -> Result<Option<Vec<GeneratedFile>>, String> {
    let mut files = Vec::new();
    for folder in CODE_FOLDERS {
        collect_rust(&dir.join(folder), folder, &mut files)?;
    }
    Ok(has_modules(&files).then_some(files))
}

fn collect_rust(dir: &Path, relative: &str, out: &mut Vec<GeneratedFile>) -> Result<(), String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        let inner = format!("{relative}/{name}");
        if path.is_dir() {
            collect_rust(&path, &inner, out)?;
        } else if name.ends_with(".rs") {
            let contents = std::fs::read_to_string(&path)
                .map_err(|e| format!("error: cannot read {}: {e}", path.display()))?;
            out.push(GeneratedFile {
                path: inner,
                contents,
            });
        }
    }
    Ok(())
}

/// The generated crate's Rust files at `commit`, as [`fs_code`] reads them from disk.
fn git_code(repo: &Repo, commit: &str) -> Result<Option<Vec<GeneratedFile>>, String> {
    let mut files = Vec::new();
    for folder in CODE_FOLDERS {
        let under = format!("{CRATE}{folder}");
        for path in repo.files_under(commit, &under)? {
            let Some(relative) = path.strip_prefix(CRATE) else {
                continue;
            };
            if !relative.ends_with(".rs") {
                continue;
            }
            if let Some(contents) = repo.read(commit, &path)? {
                files.push(GeneratedFile {
                    path: relative.to_owned(),
                    contents,
                });
            }
        }
    }
    Ok(has_modules(&files).then_some(files))
}

/// Whether the files hold a generated module (`src/<module>/mod.rs`): a folder without
/// the committed crate falls back to generating from the specs.
fn has_modules(files: &[GeneratedFile]) -> bool {
    files
        .iter()
        .any(|f| f.path.starts_with("src/") && f.path.ends_with("/mod.rs"))
}

/// The specs of a folder, or every problem of those that do not load.
fn load_folder(dir: &Path) -> Result<Vec<LoadedSpec>, String> {
    let (loaded, failed) = codegen::load_dir(dir)
        .map_err(|e| format!("error: cannot read the spec folder {}: {e}", dir.display()))?;
    settle(loaded, failed, &dir.display().to_string())
}

/// The specs of the folder at a commit, named `rev:specs/x.yaml` in diagnostics.
fn load_revision(
    repo: &Repo,
    commit: &str,
    label: &str,
    dir: &Path,
) -> Result<Vec<LoadedSpec>, String> {
    let folder = dir
        .file_name()
        .map_or_else(|| "specs".to_owned(), |n| n.to_string_lossy().into_owned());
    let mut names: Vec<String> = repo
        .files(commit)?
        .into_iter()
        .filter(|name| codegen::load::is_spec_file(name))
        .collect();
    names.sort();
    let mut loaded = Vec::new();
    let mut failed = Vec::new();
    for name in names {
        let Some(text) = repo.read(commit, &name)? else {
            continue;
        };
        match codegen::load_str(&format!("{folder}/{name}"), &text) {
            Ok(spec) => loaded.push(spec),
            Err(report) => failed.push(report),
        }
    }
    settle(loaded, failed, label)
}

fn settle(
    loaded: Vec<LoadedSpec>,
    failed: Vec<Diagnostics>,
    side: &str,
) -> Result<Vec<LoadedSpec>, String> {
    if failed.is_empty() {
        return Ok(loaded);
    }
    let mut text: Vec<String> = failed.iter().map(ToString::to_string).collect();
    let errors: usize = failed.iter().map(Diagnostics::error_count).sum();
    text.push(format!(
        "error: {errors} problem(s) in {} spec(s) of {side}; fix them (or compare with another revision) before diffing",
        failed.len()
    ));
    Err(text.join("\n"))
}

/// The crate's version in a manifest file, when it has a plain one.
fn fs_version(path: &Path) -> Option<String> {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|text| crate_version(&text))
}

/// `package.version` of a manifest's text.
fn crate_version(manifest: &str) -> Option<String> {
    let table: toml::Table = manifest.parse().ok()?;
    let version = table.get("package")?.get("version")?.as_str()?;
    Some(version.to_owned())
}
