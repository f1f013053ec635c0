//! The report as GitHub-flavoured Markdown, for a pull request comment.

use std::fmt::Write;

use super::{api_summary, changed, version_sentence};
use crate::report::{Report, ServiceDiff, ServiceStatus};
use crate::rules::Level;
use crate::rules::Rule;

/// The whole report.
pub fn markdown(report: &Report) -> String {
    let mut out = String::new();
    let verdict = match report.level {
        None => "no changes",
        Some(level) => level.as_str(),
    };
    let _ = writeln!(out, "## Spec diff: {verdict}\n");
    let _ = writeln!(
        out,
        "Compared the specs of {} with {}.\n",
        report.old_label, report.new_label
    );
    if report.level.is_none() {
        out.push_str("Nothing in the specs or in the generated public API changed.\n");
        return out;
    }
    if let Some(bump) = &report.version {
        let _ = writeln!(out, "{}\n", version_sentence(bump, |v| format!("**{v}**")));
    }
    breaking_list(&mut out, report);
    summary_table(&mut out, report);
    for service in changed(report) {
        service_section(&mut out, service);
    }
    out
}

/// Breaking changes first, next to the version they call for, so that the two are read
/// together.
fn breaking_list(out: &mut String, report: &Report) {
    let breaking: Vec<(&str, &str)> = report
        .services
        .iter()
        .flat_map(|s| {
            s.changes
                .iter()
                .filter(|c| c.level() == Level::Breaking)
                .map(move |c| (s.module.as_str(), c.what.as_str()))
        })
        .collect();
    if breaking.is_empty() {
        return;
    }
    out.push_str("Breaking changes:\n\n");
    for (module, what) in breaking {
        let _ = writeln!(out, "- `{module}`: {what}");
    }
    out.push('\n');
}

fn summary_table(out: &mut String, report: &Report) {
    out.push_str("| Service | Status | Breaking | Compatible | Internal | Public items |\n");
    out.push_str("|---|---|---|---|---|---|\n");
    for service in report
        .services
        .iter()
        .filter(|s| s.status != ServiceStatus::Unchanged)
    {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} | {} |",
            service.module,
            status(service.status),
            service.count(Level::Breaking),
            service.count(Level::Compatible),
            service.count(Level::Internal),
            api_summary(service)
        );
    }
    out.push('\n');
    let unchanged: Vec<String> = report
        .services
        .iter()
        .filter(|s| s.status == ServiceStatus::Unchanged)
        .map(|s| format!("`{}`", s.module))
        .collect();
    if !unchanged.is_empty() {
        let _ = writeln!(out, "Unchanged: {}.\n", unchanged.join(", "));
    }
}

fn status(status: ServiceStatus) -> &'static str {
    match status {
        ServiceStatus::Added => "added",
        ServiceStatus::Removed => "removed",
        ServiceStatus::Changed => "changed",
        ServiceStatus::Unchanged => "unchanged",
    }
}

fn service_section(out: &mut String, service: &ServiceDiff) {
    let level = service.level().map_or("no changes", Level::as_str);
    let _ = writeln!(
        out,
        "### `{}`: {} ({level})\n",
        service.module,
        cell(&service.title)
    );
    if !service.changes.is_empty() {
        out.push_str("| Level | Change | Why |\n|---|---|---|\n");
        for change in &service.changes {
            let level = match change.level() {
                Level::Breaking => "**breaking**".to_owned(),
                other => other.as_str().to_owned(),
            };
            let why = match &change.warning {
                Some(warning) => format!("{} **Check:** {}", change.reason(), warning),
                None => change.reason().to_owned(),
            };
            let _ = writeln!(out, "| {level} | {} | {} |", cell(&change.what), cell(&why));
        }
        out.push('\n');
    }
    for warning in &service.warnings {
        let _ = writeln!(out, "> **Warning:** {warning}\n");
    }
    if !service.api.is_empty() {
        let _ = writeln!(
            out,
            "<details><summary>Public items of <code>org_clients::{}</code>: {}</summary>\n",
            service.module,
            api_summary(service)
        );
        out.push_str("```diff\n");
        for change in &service.api {
            let marker = match change.level {
                Level::Breaking => "breaking",
                other => other.as_str(),
            };
            let _ = writeln!(
                out,
                "  {} ({}, {marker}{})",
                change.item,
                change.kind.as_str(),
                super::members(change)
            );
            if let Some(old) = &change.old {
                let _ = writeln!(out, "- {old}");
            }
            if let Some(new) = &change.new {
                let _ = writeln!(out, "+ {new}");
            }
        }
        out.push_str("```\n\n</details>\n\n");
    }
}

/// Text that may sit in a table cell: pipes escaped, no line breaks.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The classification rules as one Markdown table, for `README.md`.
pub fn rules_table() -> String {
    let mut out = String::from("| Rule | Level | Area | Why | Example |\n|---|---|---|---|---|\n");
    for rule in Rule::ALL {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} |",
            rule.id(),
            rule.level().as_str(),
            rule.area().as_str(),
            cell(rule.why()),
            cell(rule.example())
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_cells_escape_pipes() {
        assert_eq!(cell("`string | integer`"), "`string \\| integer`");
    }

    #[test]
    fn the_rules_table_has_a_row_per_rule() {
        let table = rules_table();
        assert_eq!(table.lines().count(), Rule::ALL.len() + 2);
        assert!(table.contains("| `param_added_required` | breaking | parameter |"));
    }
}
