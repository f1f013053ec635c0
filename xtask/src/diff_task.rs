//! `cargo xtask diff`: loads the old side (a git revision or a folder) and the new side
//! (the working tree's specs), and prints what changed for users of `org-clients`.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use codegen::diff::{self, DiffSide, Level, Report};
use codegen::{LoadedSpec, Report as Diagnostics};

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
}

impl FailOn {
    fn level(self) -> Level {
        match self {
            FailOn::Breaking => Level::Breaking,
            FailOn::Compatible => Level::Compatible,
        }
    }
}

/// Where the crate's manifest sits, from the specs folder.
const MANIFEST: &str = "../generated-client/Cargo.toml";

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
            match (args.fail_on, report.level) {
                (Some(threshold), Some(level)) if level >= threshold.level() => {
                    let _ = writeln!(
                        stderr,
                        "error: the specs changed in a {} way (--fail-on {})",
                        level.as_str(),
                        threshold.level().as_str()
                    );
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

fn compare(root: &Path, args: &DiffArgs) -> Result<Report, String> {
    let specs = root.join(&args.specs);
    let new_specs = load_folder(&specs)?;
    let new_version = fs_version(&specs.join(MANIFEST));
    let (old_specs, old_label, old_version) = match &args.old {
        Some(dir) => {
            let label = format!("`{}`", dir.display());
            let dir = root.join(dir);
            let old_version = fs_version(&dir.join(MANIFEST)).or_else(|| new_version.clone());
            (load_folder(&dir)?, label, old_version)
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
            (specs, label, version)
        }
    };
    diff::diff(
        &DiffSide {
            label: old_label,
            specs: &old_specs,
            crate_version: old_version,
        },
        &DiffSide {
            label: format!("the working tree (`{}`)", args.specs.display()),
            specs: &new_specs,
            crate_version: new_version,
        },
    )
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
