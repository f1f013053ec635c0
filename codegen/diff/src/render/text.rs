//! The report as plain text, for a terminal.

use std::fmt::Write;

use super::{api_summary, changed, version_sentence};
use crate::report::Report;
use crate::rules::Level;

/// The whole report.
pub fn text(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Spec diff: {} -> {}",
        report.old_label, report.new_label
    );
    let Some(level) = report.level else {
        out.push_str("No changes: nothing in the specs or in the generated public API changed.\n");
        return out;
    };
    let _ = writeln!(out, "Overall: {}", level.as_str().to_uppercase());
    if let Some(bump) = &report.version {
        let _ = writeln!(out, "{}", version_sentence(bump, str::to_owned));
    }
    for service in changed(report) {
        let _ = writeln!(
            out,
            "\n{} ({}): {} breaking, {} compatible, {} internal; public items: {}",
            service.module,
            service.title,
            service.count(Level::Breaking),
            service.count(Level::Compatible),
            service.count(Level::Internal),
            api_summary(service)
        );
        for change in &service.changes {
            let _ = writeln!(out, "  {:<10}  {}", change.level().as_str(), change.what);
            let _ = writeln!(out, "  {:<10}    why: {}", "", change.reason());
            if let Some(warning) = &change.warning {
                let _ = writeln!(out, "  {:<10}    check: {warning}", "");
            }
        }
        for warning in &service.warnings {
            let _ = writeln!(out, "  warning: {warning}");
        }
        for change in &service.api {
            let sign = match change.kind {
                crate::ApiChangeKind::Added => '+',
                crate::ApiChangeKind::Removed => '-',
                crate::ApiChangeKind::Changed => '~',
            };
            let _ = writeln!(
                out,
                "  {sign} {} ({}{})",
                change.item,
                change.level.as_str(),
                super::members(change)
            );
            if let Some(old) = &change.old {
                let _ = writeln!(out, "      was: {old}");
            }
            if let Some(new) = &change.new {
                let _ = writeln!(out, "      now: {new}");
            }
        }
    }
    out
}
