//! Waiters: added, removed, and what ends a wait or paces it.

use super::{Changes, Matched, arrow, by_key};
use crate::rules::Rule;
use codegen::ir::{Service, Waiter};

pub(super) fn compare(changes: &mut Changes, old: &Service, new: &Service) {
    for matched in by_key(&old.waiters, &new.waiters, |w| &w.name) {
        match matched {
            Matched::Removed(waiter) => {
                changes.add(
                    Rule::WaiterRemoved,
                    format!(
                        "waiter `{}` (`Client::{}`) removed",
                        waiter.name, waiter.method
                    ),
                );
            }
            Matched::Added(waiter) => {
                changes.add(
                    Rule::WaiterAdded,
                    format!(
                        "waiter `{}` added: `Client::{}` polls `{}`",
                        waiter.name, waiter.method, waiter.operation
                    ),
                );
            }
            Matched::Both(before, after) => waiter(changes, before, after),
        }
    }
}

fn waiter(changes: &mut Changes, old: &Waiter, new: &Waiter) {
    let name = &new.name;
    let mut states = Vec::new();
    if old.operation != new.operation {
        states.push(format!("polls {}", arrow(&old.operation, &new.operation)));
    }
    if old.state != new.state {
        states.push(format!(
            "reads {}",
            arrow(old.state.wire.join("."), new.state.wire.join("."))
        ));
    }
    if old.success != new.success {
        states.push(format!(
            "success {}",
            list_arrow(&old.success, &new.success)
        ));
    }
    if old.failure != new.failure {
        states.push(format!(
            "failure {}",
            list_arrow(&old.failure, &new.failure)
        ));
    }
    if !states.is_empty() {
        changes.add(
            Rule::WaiterStatesChanged,
            format!("waiter `{name}`: {}", states.join(", ")),
        );
    }
    let timing = |w: &Waiter| {
        (
            w.interval_seconds,
            w.max_interval_seconds,
            w.deadline_seconds,
        )
    };
    if timing(old) != timing(new) {
        let shown = |w: &Waiter| {
            format!(
                "every {} s up to {} s, for {} s",
                w.interval_seconds, w.max_interval_seconds, w.deadline_seconds
            )
        };
        changes.add(
            Rule::WaiterPollingChanged,
            format!("waiter `{name}`: polls {}", arrow(shown(old), shown(new))),
        );
    }
    if old.pending != new.pending || old.doc != new.doc || old.assumed != new.assumed {
        changes.add(
            Rule::WaiterDescribed,
            format!("waiter `{name}`: description"),
        );
    }
}

fn list_arrow(old: &[String], new: &[String]) -> String {
    arrow(
        format!("[{}]", old.join(", ")),
        format!("[{}]", new.join(", ")),
    )
}
