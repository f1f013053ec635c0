//! Operations: their identity, method and path, scopes, parameters, body, response,
//! pagination, rate limit, documented errors and samples.

use std::collections::BTreeSet;

use heck::ToSnakeCase;

use super::{Changes, Context, Matched, arrow, by_key, params, shown, split, ticked};
use crate::rules::Rule;
use codegen::ir::{Field, MetaPath, NextPage, Operation, Pagination, RateLimit, Service};
use codegen::spec::OffsetUnit;

pub(super) fn compare(changes: &mut Changes, context: &Context<'_>, old: &Service, new: &Service) {
    let matched = by_key(&old.operations, &new.operations, |op| &op.name);
    let (_, added) = split(&matched);
    let mut renamed_to = BTreeSet::new();
    for m in &matched {
        let op = match m {
            Matched::Both(op, now) => {
                operation(changes, context, op, now);
                continue;
            }
            Matched::Removed(op) => op,
            Matched::Added(_) => continue,
        };
        // Gone under this name: the same method and path under a new name is a rename.
        let successor = added
            .iter()
            .find(|a| a.method == op.method && a.path == op.path && !renamed_to.contains(&a.name));
        match successor {
            Some(now) => {
                renamed_to.insert(now.name.clone());
                changes.add(
                    Rule::OperationRenamed,
                    format!(
                        "operation `{}` renamed to `{}` (`Client::{}` and `{}` → `Client::{}` and `{}`)",
                        op.name, now.name, op.name, op.builder, now.name, now.builder
                    ),
                );
                operation(changes, context, op, now);
            }
            None => {
                changes.add(
                    Rule::OperationRemoved,
                    format!(
                        "operation `{}` (`{} {}`, `Client::{}`) removed",
                        op.name, op.method, op.path, op.name
                    ),
                );
            }
        }
    }
    for op in added {
        if !renamed_to.contains(&op.name) {
            changes.add(
                Rule::OperationAdded,
                format!(
                    "operation `{}` (`{} {}`, `Client::{}`) added",
                    op.name, op.method, op.path, op.name
                ),
            );
        }
    }
}

fn operation(changes: &mut Changes, context: &Context<'_>, old: &Operation, new: &Operation) {
    let name = &new.name;
    if old.method != new.method {
        changes
            .add(
                Rule::OperationMethodChanged,
                format!(
                    "operation `{name}`: method {}",
                    arrow(old.method, new.method)
                ),
            )
            .warn(format!(
                "the spec cannot say whether the server still accepts `{} {}`: callers on an older \
                 version of the crate keep sending it",
                old.method, old.path
            ));
    }
    if old.path != new.path {
        changes
            .add(
                Rule::OperationPathChanged,
                format!("operation `{name}`: path {}", ticked(&old.path, &new.path)),
            )
            .warn(format!(
                "the spec cannot say whether the server still answers `{}`: callers on an older \
                 version of the crate keep calling it",
                old.path
            ));
    }
    describe(changes, old, new);
    scopes(changes, old, new);
    params::compare(
        changes,
        context,
        &old.params,
        &new.params,
        &params::Owner::Operation(name),
    );
    body(changes, context, old, new);
    response(changes, context, old, new);
    pagination(
        changes,
        name,
        old.pagination.as_ref(),
        new.pagination.as_ref(),
    );
    rate_limit(
        changes,
        name,
        old.rate_limit.as_ref(),
        new.rate_limit.as_ref(),
    );
    // Absent texts compare as empty ones.
    let examples = |op: &Operation| -> Vec<_> {
        let text = |value: &Option<String>| value.clone().unwrap_or_default();
        op.examples
            .iter()
            .map(|e| {
                let texts = [&e.request, &e.body, &e.response].map(text);
                (e.title.clone(), texts, e.status)
            })
            .collect()
    };
    if examples(old) != examples(new) {
        changes.add(
            Rule::ExamplesChanged,
            format!("operation `{name}`: samples"),
        );
    }
}

fn describe(changes: &mut Changes, old: &Operation, new: &Operation) {
    let mut parts = Vec::new();
    if old.summary != new.summary {
        parts.push("summary".to_owned());
    }
    if old.description != new.description {
        parts.push("description".to_owned());
    }
    if old.alternative_paths != new.alternative_paths {
        parts.push("alternative paths".to_owned());
    }
    let (gone, came) = split(&by_key(&old.errors, &new.errors, |e| e));
    if !gone.is_empty() || !came.is_empty() {
        let listed = |verb: &str, codes: &[&String]| {
            let names: Vec<String> = codes.iter().map(|c| format!("`{c}`")).collect();
            (!names.is_empty()).then(|| format!("{verb} {}", names.join(", ")))
        };
        let lists: Vec<String> = [listed("added", &came), listed("removed", &gone)]
            .into_iter()
            .flatten()
            .collect();
        parts.push(format!("documented errors ({})", lists.join("; ")));
    }
    if !parts.is_empty() {
        changes.add(
            Rule::OperationDescribed,
            format!("operation `{}`: {}", new.name, parts.join(", ")),
        );
    }
}

fn scopes(changes: &mut Changes, old: &Operation, new: &Operation) {
    let name = &new.name;
    let sets = |op: &Operation| -> Vec<BTreeSet<String>> {
        op.scopes
            .iter()
            .map(|s| s.iter().cloned().collect())
            .collect()
    };
    let (before, after) = (sets(old), sets(new));
    let shown_set = |set: &BTreeSet<String>| {
        let names: Vec<&str> = set.iter().map(String::as_str).collect();
        format!("`{}`", names.join(" + "))
    };
    if after.is_empty() && !before.is_empty() {
        changes.add(
            Rule::OperationDescribed,
            format!("operation `{name}`: scopes no longer documented"),
        );
        return;
    }
    let (removed, added) = split(&by_key(&before, &after, |s| s));
    for set in removed {
        changes
            .add(
                Rule::ScopeAlternativeRemoved,
                format!("operation `{name}`: scope {} no longer enough", shown_set(set)),
            )
            .warn("scopes are the server's rule: the spec cannot say whether the document was corrected or the server changed");
    }
    for set in added {
        let what = if before.is_empty() {
            format!("operation `{name}`: scope {} documented", shown_set(set))
        } else {
            format!(
                "operation `{name}`: scope {} now also enough",
                shown_set(set)
            )
        };
        changes.add(Rule::ScopeAlternativeAdded, what);
    }
}

fn body(changes: &mut Changes, context: &Context<'_>, old: &Operation, new: &Operation) {
    let name = &new.name;
    match (&old.body, &new.body) {
        (None, Some(body)) => {
            changes.add(
                Rule::BodyAdded,
                format!("operation `{name}`: body `{body}` added"),
            );
        }
        (Some(body), None) => {
            changes.add(
                Rule::BodyRemoved,
                format!("operation `{name}`: body `{body}` removed"),
            );
        }
        (Some(a), Some(b)) => {
            let (a_ty, b_ty) = (
                codegen::ir::RustType::Named(a.clone()),
                codegen::ir::RustType::Named(b.clone()),
            );
            if !context.same_type(&a_ty, &b_ty) {
                changes.add(
                    Rule::BodyTypeChanged,
                    format!("operation `{name}`: body {}", ticked(a, b)),
                );
            }
            if old.body_encoding != new.body_encoding {
                changes.add(
                    Rule::BodyEncodingChanged,
                    format!(
                        "operation `{name}`: body sent as {}",
                        ticked(
                            old.body_encoding.media_type(),
                            new.body_encoding.media_type()
                        )
                    ),
                );
            }
        }
        (None, None) => {}
    }
}

fn response(changes: &mut Changes, context: &Context<'_>, old: &Operation, new: &Operation) {
    let name = &new.name;
    let (before, after) = (&old.response, &new.response);
    let same_payload = match (&before.payload, &after.payload) {
        (Some(a), Some(b)) => context.same_type(a, b),
        (a, b) => a == b,
    };
    let same_return = same_payload
        && std::mem::discriminant(&before.returns()) == std::mem::discriminant(&after.returns());
    if !same_return {
        changes.add(
            Rule::ResponseTypeChanged,
            format!(
                "operation `{name}`: `send()` returns {}",
                ticked(before.returns(), after.returns())
            ),
        );
    } else if let (Some(a), Some(b)) = (&before.download, &after.download)
        && a != b
    {
        changes.add(
            Rule::DownloadMediaTypeChanged,
            format!("operation `{name}`: download asks for {}", ticked(a, b)),
        );
    } else if before.no_content != after.no_content {
        changes.add(
            Rule::NoContentChanged,
            format!(
                "operation `{name}`: meaning of a 204 {}",
                arrow(
                    shown(before.no_content.as_deref()),
                    shown(after.no_content.as_deref())
                )
            ),
        );
    }
    if let (Some(a), Some(b)) = (&before.per_item, &after.per_item)
        && (a.status != b.status || a.success != b.success)
    {
        changes.add(
            Rule::PerItemChanged,
            format!(
                "operation `{name}`: an item succeeds when `{}` is {}",
                b.status.join("."),
                arrow(
                    format!("[{}]", a.success.join(", ")),
                    format!("[{}]", b.success.join(", "))
                )
            ),
        );
    }
    if before.envelope != after.envelope {
        changes.add(
            Rule::ResponseEnvelopeChanged,
            format!(
                "operation `{name}`: payload key {}",
                arrow(
                    shown(before.envelope.as_deref()),
                    shown(after.envelope.as_deref())
                )
            ),
        );
    }
    let meta = meta_changes(context, &before.meta, &after.meta);
    if !meta.is_empty() {
        changes.add(
            Rule::ResponseMetaChanged,
            format!(
                "operation `{name}`: beside the payload, {}",
                meta.join(", ")
            ),
        );
    }
}

/// What changed among the fields beside the payload: `` `info` became optional ``.
fn meta_changes(context: &Context<'_>, old: &[Field], new: &[Field]) -> Vec<String> {
    let mut found = Vec::new();
    for m in by_key(old, new, |f| &f.wire) {
        let (field, now) = match m {
            Matched::Removed(field) => {
                found.push(format!("`{}` removed", field.wire));
                continue;
            }
            Matched::Added(field) => {
                found.push(format!("`{}` added", field.wire));
                continue;
            }
            Matched::Both(field, now) => (field, now),
        };
        if !context.same_type(&field.ty, &now.ty) {
            found.push(format!(
                "`{}` is {}",
                field.wire,
                ticked(&field.ty, &now.ty)
            ));
        }
        if field.optional() != now.optional() {
            let became = if now.optional() {
                "optional"
            } else {
                "required"
            };
            found.push(format!("`{}` became {became}", field.wire));
        }
    }
    found
}

fn pagination(
    changes: &mut Changes,
    name: &str,
    old: Option<&Pagination>,
    new: Option<&Pagination>,
) {
    match (old, new) {
        (None, Some(p)) => {
            changes.add(
                Rule::PaginationAdded,
                format!(
                    "operation `{name}`: pages by {} (`stream()` added)",
                    style(p)
                ),
            );
        }
        (Some(_), None) => {
            changes.add(
                Rule::PaginationRemoved,
                format!("operation `{name}`: no longer pages (`stream()` removed)"),
            );
        }
        (Some(a), Some(b)) => {
            let mut parts = Vec::new();
            let restyled = a.style != b.style && (follows(a) || follows(b));
            if restyled {
                // The parameters a stream sets go with its style: said here, not again.
                changes.add(
                    Rule::PaginationStyleChanged,
                    format!(
                        "operation `{name}`: pages by {} (parameters {})",
                        arrow(style(a), style(b)),
                        arrow(params(a), params(b))
                    ),
                );
            } else if a.style != b.style || offset_unit(a) != offset_unit(b) {
                parts.push(format!("style {}", arrow(style(a), style(b))));
            }
            if !restyled && params(a) != params(b) {
                parts.push(format!("parameters {}", arrow(params(a), params(b))));
            }
            if let (
                NextPage::Position { first: first_a, .. },
                NextPage::Position { first: first_b, .. },
            ) = (&a.next, &b.next)
                && (first_a != first_b || a.default_size != b.default_size)
            {
                parts.push(format!(
                    "first position and page size {}",
                    arrow(
                        format!("{first_a}/{}", shown(a.default_size)),
                        format!("{first_b}/{}", shown(b.default_size))
                    )
                ));
            }
            // Only the paths: whether their fields are required is a meta change, reported
            // as such.
            let has_more = |p: &Pagination| p.has_more.as_ref().map(rust_path);
            if has_more(a) != has_more(b) {
                parts.push(format!(
                    "`has_more` {}",
                    arrow(shown(has_more(a)), shown(has_more(b)))
                ));
            }
            if a.style == b.style && pointer(a) != pointer(b) {
                let key = match a.next {
                    NextPage::Cursor { .. } => "next_cursor",
                    _ => "next_link",
                };
                parts.push(format!(
                    "`{key}` {}",
                    arrow(shown(pointer(a)), shown(pointer(b)))
                ));
            }
            if !parts.is_empty() {
                changes.add(
                    Rule::PaginationChanged,
                    format!("operation `{name}`: {}", parts.join(", ")),
                );
            }
        }
        (None, None) => {}
    }
}

/// The paging style as the spec writes it: `page_number`, `offset_limit (records)`.
fn style(p: &Pagination) -> String {
    let style = format!("{:?}", p.style).to_snake_case();
    match offset_unit(p) {
        Some(unit) => format!("{style} ({})", format!("{unit:?}").to_snake_case()),
        None => style,
    }
}

/// Whether the stream follows what each page says (a cursor or a link) rather than count
/// pages or offsets itself.
fn follows(p: &Pagination) -> bool {
    !matches!(p.next, NextPage::Position { .. })
}

fn offset_unit(p: &Pagination) -> Option<OffsetUnit> {
    match p.next {
        NextPage::Position { offset_unit, .. } => offset_unit,
        _ => None,
    }
}

/// The parameters a stream sets, as reports show them: `` `page`/`per_page` ``.
fn params(p: &Pagination) -> String {
    let position = match &p.next {
        NextPage::Position { param, .. } | NextPage::Cursor { param, .. } => Some(param),
        NextPage::BodyLink(_) | NextPage::LinkHeader => None,
    };
    let names: Vec<String> = position
        .into_iter()
        .chain(&p.size_param)
        .map(|name| format!("`{name}`"))
        .collect();
    if names.is_empty() {
        "none".to_owned()
    } else {
        names.join("/")
    }
}

/// The Rust path of a value a stream reads beside the payload: `info.more_records`.
fn rust_path(path: &MetaPath) -> String {
    path.fields
        .iter()
        .map(|(field, _)| field.as_str())
        .collect::<Vec<_>>()
        .join(".")
}

/// Where a cursor or a body link sits, for the styles that read one.
fn pointer(p: &Pagination) -> Option<String> {
    match &p.next {
        NextPage::Cursor { token: path, .. } | NextPage::BodyLink(path) => Some(rust_path(path)),
        NextPage::Position { .. } | NextPage::LinkHeader => None,
    }
}

fn rate_limit(changes: &mut Changes, name: &str, old: Option<&RateLimit>, new: Option<&RateLimit>) {
    let numbers =
        |l: &RateLimit| super::service::limit_numbers(l.requests, l.per_seconds, l.lock_seconds);
    match (old, new) {
        (None, Some(limit)) => {
            changes.add(
                Rule::RateLimitAdded,
                format!(
                    "operation `{name}`: limited by `{}` ({})",
                    limit.name,
                    numbers(limit)
                ),
            );
        }
        (Some(limit), None) => {
            changes.add(
                Rule::RateLimitRemoved,
                format!("operation `{name}`: no longer limited by `{}`", limit.name),
            );
        }
        // A limit whose numbers change is reported once, with the service (see `service.rs`).
        (Some(a), Some(b)) if a.name != b.name => {
            changes.add(
                Rule::RateLimitChanged,
                format!(
                    "operation `{name}`: rate limit {}",
                    arrow(
                        format!("`{}` ({})", a.name, numbers(a)),
                        format!("`{}` ({})", b.name, numbers(b))
                    )
                ),
            );
        }
        (Some(_), Some(_)) => {}
        (None, None) => {}
    }
}
