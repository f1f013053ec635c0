//! `cargo xtask codegen`: validates the specs and writes the generated crate (its
//! `Cargo.toml`, `src/lib.rs` and service modules, and the runtime when it is inlined);
//! `cargo xtask codegen --check` writes nothing and fails when a generated file is stale,
//! missing or extra, showing a short diff of each.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Args;
use codegen::render::GENERATED_MARK;
use codegen::settings::{CrateSettings, RuntimeSource, SETTINGS_FILE, is_package_name};

use crate::{FAILURE, SUCCESS};

/// The arguments of `cargo xtask codegen`.
#[derive(Args)]
pub(crate) struct CodegenArgs {
    /// Write nothing; exit non-zero if any generated file is stale, missing or extra.
    #[arg(long)]
    check: bool,
    /// The folder of specs to read (default `specs`). A `crate.toml` in it names the crate
    /// and says where the runtime comes from.
    #[arg(long, value_name = "DIR", requires = "out")]
    specs: Option<PathBuf>,
    /// The folder the crate is written to. Without it (and `--specs`), the repository's own
    /// crates are written: `generated-client/` from `specs/`, `tests/fixture-clients/` from
    /// the feature fixtures, and `specs/spec.schema.json`.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// The crate's package name. Default: `crate.toml`'s, else the name of the `--out` folder.
    #[arg(long, value_name = "NAME")]
    crate_name: Option<String>,
    /// Depend on the runtime crate in this folder instead of copying the runtime's source
    /// into the crate (the default when `crate.toml` says nothing).
    #[arg(long, value_name = "DIR")]
    runtime_path: Option<PathBuf>,
}

/// The crates this repository generates, each from its folder of specs: the client crate,
/// and one crate of every feature fixture, so that the fixtures' code is compiled, linted
/// and exercised end to end like the client's.
const REPOSITORY_CRATES: [(&str, &str); 2] = [
    ("specs", "generated-client"),
    ("tests/fixtures/features", "tests/fixture-clients"),
];

pub(crate) fn run(
    root: &Path,
    args: &CodegenArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8 {
    let started = Instant::now();
    // `--specs` requires `--out` (clap checks), so no `--out` means the repository's crates.
    let crates: Vec<(PathBuf, PathBuf)> = match &args.out {
        Some(out) => vec![(
            root.join(args.specs.as_deref().unwrap_or(Path::new("specs"))),
            root.join(out),
        )],
        None => REPOSITORY_CRATES
            .iter()
            .map(|(specs, out)| (root.join(specs), root.join(out)))
            .collect(),
    };
    let repository_mode = args.out.is_none();
    let mut wanted: BTreeMap<PathBuf, String> = BTreeMap::new();
    let mut extra = Vec::new();
    let mut spec_count = 0;
    for (specs, out) in &crates {
        // The repository's own specs are exported as OpenAPI documents too.
        let openapi = repository_mode && *specs == root.join("specs");
        match crate_files(root, specs, out, args, openapi, stderr) {
            Some((files, specs)) => {
                spec_count += specs;
                wanted.extend(files);
            }
            None => return FAILURE,
        }
    }
    for (_, out) in &crates {
        extra.extend(leftovers(&out.join("src"), &wanted));
    }
    if repository_mode {
        wanted.insert(
            root.join(codegen::schema::SCHEMA_PATH),
            codegen::schema::spec_json_schema(),
        );
    }
    let check = args.check;
    let mut problems = Vec::new();
    for (path, contents) in &wanted {
        let current = fs::read_to_string(path).ok();
        if current.as_deref() == Some(contents.as_str()) {
            continue;
        }
        if check {
            problems.push(match &current {
                Some(old) => format!(
                    "stale: {}\n{}",
                    shown(root, path),
                    short_diff(old, contents)
                ),
                None => format!("missing: {}", shown(root, path)),
            });
            continue;
        }
        let written = path
            .parent()
            .map_or(Ok(()), fs::create_dir_all)
            .and_then(|()| fs::write(path, contents));
        if let Err(e) = written {
            let _ = writeln!(stderr, "error: cannot write {}: {e}", path.display());
            return FAILURE;
        }
        let _ = writeln!(stdout, "wrote {}", shown(root, path));
    }
    for path in &extra {
        if check {
            problems.push(format!(
                "extra: {} (generated, but no spec produces it now)",
                shown(root, path)
            ));
        } else if let Err(e) = fs::remove_file(path) {
            let _ = writeln!(stderr, "error: cannot remove {}: {e}", path.display());
            return FAILURE;
        } else {
            let _ = writeln!(stdout, "removed {}", shown(root, path));
        }
    }
    if check && !problems.is_empty() {
        for problem in &problems {
            let _ = writeln!(stderr, "{problem}");
        }
        let _ = writeln!(
            stderr,
            "error: {} generated file(s) out of date; run `cargo xtask codegen` and commit the result",
            problems.len()
        );
        return FAILURE;
    }
    let _ = writeln!(
        stderr,
        "{} {} file(s) from {spec_count} spec(s) in {:.2?}",
        if check { "checked" } else { "generated" },
        wanted.len(),
        started.elapsed()
    );
    SUCCESS
}

/// Every file of the crate generated from `specs` into `out`, by path, and how many specs
/// it has; `None` (with the problems written to `stderr`) when the specs or the settings
/// do not allow one.
fn crate_files(
    root: &Path,
    specs: &Path,
    out: &Path,
    args: &CodegenArgs,
    openapi: bool,
    stderr: &mut dyn Write,
) -> Option<(BTreeMap<PathBuf, String>, usize)> {
    let (loaded, failed) = match codegen::load_dir(specs) {
        Ok(result) => result,
        Err(e) => {
            let _ = writeln!(
                stderr,
                "error: cannot read the spec folder {}: {e}",
                specs.display()
            );
            return None;
        }
    };
    for spec in &loaded {
        if !spec.warnings.diagnostics.is_empty() {
            let _ = writeln!(stderr, "{}", spec.warnings);
        }
    }
    if !failed.is_empty() {
        for report in &failed {
            let _ = writeln!(stderr, "{report}");
        }
        let errors: usize = failed.iter().map(codegen::Report::error_count).sum();
        let _ = writeln!(
            stderr,
            "error: {errors} problem(s) in {} spec(s); nothing was written",
            failed.len()
        );
        return None;
    }
    let generated = settings(specs, out, args).and_then(|settings| {
        let runtime_path = match &settings.runtime {
            RuntimeSource::Inline => None,
            RuntimeSource::Crate(dir) => Some(manifest_path(dir, out, root)?),
        };
        let mut files: Vec<(PathBuf, String)> =
            codegen::generate(&loaded, &settings, runtime_path.as_deref())?
                .into_iter()
                .map(|f| (out.join(&f.path), f.contents))
                .collect();
        if openapi {
            let services: Vec<&codegen::ir::Service> = loaded.iter().map(|s| &s.service).collect();
            let folder = root.join(codegen::openapi::FOLDER);
            for (name, text) in codegen::openapi::files(&services)? {
                files.push((folder.join(name), text));
            }
        }
        Ok(files)
    });
    match generated {
        Ok(files) => Some((files.into_iter().collect(), loaded.len())),
        Err(e) => {
            let _ = writeln!(stderr, "error: {e}");
            None
        }
    }
}

/// The crate's settings: `crate.toml` beside the specs when there is one, then the
/// command line's.
fn settings(specs: &Path, out: &Path, args: &CodegenArgs) -> Result<CrateSettings, String> {
    let folder = specs
        .file_name()
        .map_or_else(|| "specs".into(), |n| n.to_string_lossy().into_owned());
    let file = specs.join(SETTINGS_FILE);
    let mut settings = match fs::read_to_string(&file) {
        Ok(text) => CrateSettings::parse(&text, &file, &folder)?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let name = out
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .filter(|n| is_package_name(n))
                .unwrap_or_else(|| "api-client".into());
            CrateSettings::new(&name, &folder)
        }
        Err(e) => return Err(format!("cannot read {}: {e}", file.display())),
    };
    if let Some(name) = &args.crate_name {
        if !is_package_name(name) {
            return Err(format!(
                "`{name}` is not a crate name; write letters, digits, `-` and `_`, starting with a letter"
            ));
        }
        settings = settings.with_name(name);
    }
    if let Some(dir) = &args.runtime_path {
        settings.runtime = RuntimeSource::Crate(dir.clone());
    }
    Ok(settings)
}

/// How the generated manifest names the runtime crate's folder: relative when both sit in
/// this checkout (so the committed manifests hold on any machine), else absolute, so that
/// a crate written elsewhere can be copied anywhere on this machine.
fn manifest_path(runtime: &Path, out: &Path, root: &Path) -> Result<String, String> {
    let runtime = fs::canonicalize(runtime).map_err(|e| {
        format!(
            "the runtime crate folder {} cannot be used: {e}",
            runtime.display()
        )
    })?;
    if !runtime.join("Cargo.toml").is_file() {
        return Err(format!(
            "{} holds no Cargo.toml; point the runtime path at the runtime crate's folder",
            runtime.display()
        ));
    }
    let absolute = |path: &Path| {
        fs::canonicalize(path)
            .or_else(|_| std::path::absolute(path))
            .map_err(|e| format!("the folder {} cannot be used: {e}", path.display()))
    };
    let (out, root) = (absolute(out)?, absolute(root)?);
    let path = if runtime.starts_with(&root) && out.starts_with(&root) {
        relative(&runtime, &out)
    } else {
        runtime.clone()
    };
    path.to_str().map(str::to_owned).ok_or_else(|| {
        format!(
            "the runtime crate's path {} is not UTF-8",
            runtime.display()
        )
    })
}

/// `to` as seen from `from`, both absolute: `../` for each step up, then the rest.
fn relative(to: &Path, from: &Path) -> PathBuf {
    let to: Vec<_> = to.components().collect();
    let from: Vec<_> = from.components().collect();
    let common = to.iter().zip(&from).take_while(|(a, b)| a == b).count();
    let mut path = PathBuf::new();
    for _ in common..from.len() {
        path.push("..");
    }
    for component in &to[common..] {
        path.push(component);
    }
    path
}

/// Files under `src` that carry the generated mark but are no longer produced.
fn leftovers(src: &Path, wanted: &BTreeMap<PathBuf, String>) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![src.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs")
                && !wanted.contains_key(&path)
                && fs::read_to_string(&path).is_ok_and(|text| text.starts_with(GENERATED_MARK))
            {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

fn shown(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// The first lines of a unified diff from `old` to `new`.
fn short_diff(old: &str, new: &str) -> String {
    const MAX_LINES: usize = 24;
    let diff = similar::TextDiff::from_lines(old, new);
    let text = diff
        .unified_diff()
        .context_radius(2)
        .header("committed", "generated")
        .to_string();
    let lines: Vec<&str> = text.lines().collect();
    let mut shown = lines
        .iter()
        .take(MAX_LINES)
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n");
    if lines.len() > MAX_LINES {
        shown.push_str(&format!(
            "\n    ... {} more diff line(s)",
            lines.len() - MAX_LINES
        ));
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_climb_then_descend() {
        let path = relative(
            Path::new("/r/generated-client/runtime"),
            Path::new("/r/tests/fixture-clients"),
        );
        assert_eq!(path, Path::new("../../generated-client/runtime"));
        let inside = relative(
            Path::new("/r/generated-client/runtime"),
            Path::new("/r/generated-client"),
        );
        assert_eq!(inside, Path::new("runtime"));
    }
}
