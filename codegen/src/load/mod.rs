//! Reading spec files: parse, then validate, then hand back a spec or every problem found.

mod parse;

use std::fs;
use std::path::{Path, PathBuf};

pub use parse::MAX_SPEC_BYTES;
pub(crate) use parse::edit_distance;

use crate::diagnostics::{Diagnostic, Report, Severity};
use crate::spec::{Position, ServiceSpec};
use crate::validate;

/// A spec that parsed and validated, with the warnings it raised.
#[derive(Debug, Clone)]
pub struct LoadedSpec {
    /// The file's path as shown in diagnostics.
    pub file: String,
    /// The spec.
    pub spec: ServiceSpec,
    /// Warnings only: a loaded spec has no errors.
    pub warnings: Report,
}

/// Parses and validates a spec held in memory; `file` names it in diagnostics.
pub fn load_str(file: &str, source: &str) -> Result<LoadedSpec, Report> {
    let spec = parse::parse(source).map_err(|d| Report::new(file, source, d))?;
    let diagnostics = validate::validate(&spec, source);
    let report = Report::new(file, source, diagnostics);
    if report.has_errors() {
        return Err(report);
    }
    Ok(LoadedSpec {
        file: file.to_owned(),
        spec,
        warnings: report,
    })
}

/// Reads, parses and validates one spec file; `file` names it in diagnostics.
pub fn load_file(path: &Path, file: &str) -> Result<LoadedSpec, Report> {
    match fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(source) => load_str(file, &source),
            Err(e) => Err(single(
                file,
                format!("the file is not UTF-8: {e}"),
                "save the spec as UTF-8",
            )),
        },
        Err(e) => Err(single(
            file,
            format!("cannot read the file: {e}"),
            "check the path",
        )),
    }
}

/// Loads every `*.yaml` file of `dir`, in file-name order. Returns the specs that loaded
/// and a report for each one that did not.
pub fn load_dir(dir: &Path) -> Result<(Vec<LoadedSpec>, Vec<Report>), std::io::Error> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.to_str().is_some_and(is_spec_file))
        .collect();
    paths.sort();
    let mut loaded = Vec::new();
    let mut failed = Vec::new();
    for path in paths {
        let shown = display_path(dir, &path);
        match load_file(&path, &shown) {
            Ok(spec) => loaded.push(spec),
            Err(report) => failed.push(report),
        }
    }
    Ok((loaded, failed))
}

/// Whether a file name is a spec's: `*.yaml` or `*.yml`.
pub fn is_spec_file(name: &str) -> bool {
    name.ends_with(".yaml") || name.ends_with(".yml")
}

/// `specs/zoho_crm.yaml` rather than an absolute path: the spec folder's own name, then the file.
fn display_path(dir: &Path, path: &Path) -> String {
    let folder = dir.file_name().map(|n| n.to_string_lossy().into_owned());
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match folder {
        Some(folder) => format!("{folder}/{name}"),
        None => name,
    }
}

fn single(file: &str, message: String, hint: &str) -> Report {
    Report::new(
        file,
        "",
        vec![Diagnostic {
            severity: Severity::Error,
            at: Position {
                line: 1,
                column: 1,
                offset: 0,
            },
            message,
            hint: Some(hint.to_owned()),
        }],
    )
}
