//! `cargo xtask codegen`: validates the specs and writes every generated file;
//! `cargo xtask codegen --check` writes nothing and fails when a generated file is stale,
//! missing or extra, showing a short diff of each.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::{FAILURE, SUCCESS};

/// The first line of every file the generator writes.
const GENERATED_MARK: &str = "// @generated";

pub(crate) fn run(
    root: &Path,
    specs: &Path,
    out: Option<PathBuf>,
    check: bool,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> u8 {
    let started = Instant::now();
    let (loaded, failed) = match codegen::load_dir(specs) {
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

    let spec_folder = specs
        .file_name()
        .map_or_else(|| "specs".into(), |n| n.to_string_lossy().into_owned());
    let generated = match codegen::generate(&loaded, &spec_folder) {
        Ok(files) => files,
        Err(e) => {
            let _ = writeln!(stderr, "error: {e}");
            return FAILURE;
        }
    };
    let repository_mode = out.is_none();
    let src = out.unwrap_or_else(|| root.join("generated-client/src"));
    let mut wanted: BTreeMap<PathBuf, String> = generated
        .into_iter()
        .map(|f| (src.join(&f.path), f.contents))
        .collect();
    if repository_mode {
        wanted.insert(
            root.join(codegen::schema::SCHEMA_PATH),
            codegen::schema::spec_json_schema(),
        );
    }
    let extra = leftovers(&src, &wanted);

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
