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
    /// The folder of specs to read. A `crate.toml` in it names the crate and says where
    /// the runtime comes from.
    #[arg(long, value_name = "DIR", default_value = "specs")]
    specs: PathBuf,
    /// The folder the crate is written to. Without it, the repository's own
    /// `generated-client/` (and `specs/spec.schema.json`) are written.
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

/// Where the repository's own crate is generated.
const REPOSITORY_CRATE: &str = "generated-client";

pub(crate) fn run(
    root: &Path,
    args: &CodegenArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8 {
    let started = Instant::now();
    let specs = root.join(&args.specs);
    let (loaded, failed) = match codegen::load_dir(&specs) {
        Ok(result) => result,
        Err(e) => {
            let _ = writeln!(
                stderr,
                "error: cannot read the spec folder {}: {e}",
                specs.display()
            );
            return FAILURE;
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
        return FAILURE;
    }

    let repository_mode = args.out.is_none();
    let out = args
        .out
        .as_ref()
        .map_or_else(|| root.join(REPOSITORY_CRATE), |out| root.join(out));
    let settings = match settings(&specs, &out, args) {
        Ok(settings) => settings,
        Err(e) => {
            let _ = writeln!(stderr, "error: {e}");
            return FAILURE;
        }
    };
    let runtime_path = match &settings.runtime {
        RuntimeSource::Inline => None,
        RuntimeSource::Crate(dir) => match manifest_path(dir, &out) {
            Ok(path) => Some(path),
            Err(e) => {
                let _ = writeln!(stderr, "error: {e}");
                return FAILURE;
            }
        },
    };
    let generated = match codegen::generate(&loaded, &settings, runtime_path.as_deref()) {
        Ok(files) => files,
        Err(e) => {
            let _ = writeln!(stderr, "error: {e}");
            return FAILURE;
        }
    };
    let mut wanted: BTreeMap<PathBuf, String> = generated
        .into_iter()
        .map(|f| (out.join(&f.path), f.contents))
        .collect();
    if repository_mode {
        wanted.insert(
            root.join(codegen::schema::SCHEMA_PATH),
            codegen::schema::spec_json_schema(),
        );
    }
    let extra = leftovers(&out.join("src"), &wanted);
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
        "{} {} file(s) from {} spec(s) in {:.2?}",
        if check { "checked" } else { "generated" },
        wanted.len(),
        loaded.len(),
        started.elapsed()
    );
    SUCCESS
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

/// How the generated manifest names the runtime crate's folder: relative when it sits
/// inside the generated crate (as in this repository), else absolute, so that the crate
/// can be copied anywhere on this machine.
fn manifest_path(runtime: &Path, out: &Path) -> Result<String, String> {
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
    let out = fs::canonicalize(out)
        .or_else(|_| std::path::absolute(out))
        .map_err(|e| format!("the output folder {} cannot be used: {e}", out.display()))?;
    let path = runtime
        .strip_prefix(&out)
        .map_or(runtime.as_path(), |inside| inside);
    path.to_str().map(str::to_owned).ok_or_else(|| {
        format!(
            "the runtime crate's path {} is not UTF-8",
            runtime.display()
        )
    })
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
