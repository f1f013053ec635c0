//! Problems found in a spec, and how they are shown: `file:line:col: what is wrong`,
//! the offending line with a caret under the spot, and a hint of what to write instead.

use std::fmt::{self, Write as _};

use crate::spec::Position;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The spec cannot be used until it is fixed.
    Error,
    /// The spec works, but probably not as meant.
    Warning,
}

/// One problem at one place in a spec file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Where the problem is.
    pub at: Position,
    /// What is wrong, in one sentence.
    pub message: String,
    /// What to write instead.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error at `at`.
    pub fn error(at: Position, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            at,
            message: message.into(),
            hint: None,
        }
    }

    /// A warning at `at`.
    pub fn warning(at: Position, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            at,
            message: message.into(),
            hint: None,
        }
    }

    /// Adds what to write instead.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// All problems of one spec file, with what is needed to show them.
#[derive(Debug, Clone)]
pub struct Report {
    /// The file's path as the user should read it (`specs/zoho_crm.yaml`).
    pub file: String,
    /// The file's text, for the excerpts.
    pub source: String,
    /// The problems, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// A report of `diagnostics` in `file`, sorted by position, exact repeats removed.
    pub fn new(
        file: impl Into<String>,
        source: impl Into<String>,
        mut diagnostics: Vec<Diagnostic>,
    ) -> Self {
        diagnostics.sort_by(|a, b| {
            (a.at.line, a.at.column, a.severity, &a.message).cmp(&(
                b.at.line,
                b.at.column,
                b.severity,
                &b.message,
            ))
        });
        diagnostics.dedup();
        Report {
            file: file.into(),
            source: source.into(),
            diagnostics,
        }
    }

    /// Whether any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// How many problems are errors.
    pub fn error_count(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, diagnostic) in self.diagnostics.iter().enumerate() {
            if index > 0 {
                f.write_char('\n')?;
            }
            render(f, &self.file, &self.source, diagnostic)?;
        }
        Ok(())
    }
}

impl std::error::Error for Report {}

fn render(f: &mut fmt::Formatter<'_>, file: &str, source: &str, d: &Diagnostic) -> fmt::Result {
    let label = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    writeln!(
        f,
        "{file}:{}:{}: {label}: {}",
        d.at.line, d.at.column, d.message
    )?;
    let line_text = usize::try_from(d.at.line)
        .ok()
        .and_then(|n| n.checked_sub(1))
        .and_then(|index| source.lines().nth(index));
    if let Some(text) = line_text {
        let gutter = d.at.line.to_string().len();
        let caret_indent: String = text
            .chars()
            .take(usize::try_from(d.at.column.saturating_sub(1)).unwrap_or(0))
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        writeln!(f, "{:gutter$} |", "")?;
        writeln!(f, "{} | {}", d.at.line, text.trim_end())?;
        writeln!(f, "{:gutter$} | {caret_indent}^", "")?;
    }
    if let Some(hint) = &d.hint {
        writeln!(f, "  = hint: {hint}")?;
    }
    Ok(())
}
