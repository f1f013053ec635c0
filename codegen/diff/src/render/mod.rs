//! Reports as text: Markdown for pull requests, plain text for terminals. (JSON is the
//! report's `serde` form.)

mod markdown;
mod text;

pub use markdown::{markdown, rules_table};
pub use text::text;

use super::report::{ApiChange, ApiChangeKind, Report, ServiceDiff, VersionBump};
use super::version;

/// `2 removed, 1 changed, 3 added`, or `none`.
fn api_summary(service: &ServiceDiff) -> String {
    let count = |kind| service.api.iter().filter(|c| c.kind == kind).count();
    let parts: Vec<String> = [
        ApiChangeKind::Removed,
        ApiChangeKind::Changed,
        ApiChangeKind::Added,
    ]
    .into_iter()
    .filter(|kind| count(*kind) > 0)
    .map(|kind| format!("{} {}", count(kind), kind.as_str()))
    .collect();
    if parts.is_empty() {
        "none".to_owned()
    } else {
        parts.join(", ")
    }
}

/// The sentence about the version: what the change calls for and whether the new side
/// has it already.
fn version_sentence(bump: &VersionBump, emphasis: fn(&str) -> String) -> String {
    let mut sentence = format!(
        "Suggested version of `org-clients`: {} (now {}).",
        emphasis(&bump.suggested),
        bump.current
    );
    if let Some(set) = &bump.already_set {
        if version::at_least(set, &bump.suggested) {
            sentence.push_str(&format!(" The new side already has {set}."));
        } else {
            sentence.push_str(&format!(
                " The new side has {set}, which is not enough for this change."
            ));
        }
    }
    sentence
}

/// `, with 7 members` for a type that comes or goes with its fields and impls.
fn members(change: &ApiChange) -> String {
    match change.members {
        0 => String::new(),
        1 => ", with 1 member".to_owned(),
        n => format!(", with {n} members"),
    }
}

/// The services worth a section of their own.
fn changed(report: &Report) -> impl Iterator<Item = &ServiceDiff> {
    report
        .services
        .iter()
        .filter(|s| !s.changes.is_empty() || !s.api.is_empty() || !s.warnings.is_empty())
}
