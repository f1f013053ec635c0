//! Spec-level comparison of one service's two sides: every difference becomes a
//! [`Change`] under one [`Rule`].
//!
//! Things are matched by what identifies them on the wire (operation keys, parameter and
//! field wire names, enum values, error codes, region keys); a Rust name that changes
//! under a matched thing is a rename. Types are matched by Rust name, and a type that
//! disappears while another of the same shape appears is a rename, so that the fields
//! referring to it are not reported as changed types as well.

mod operations;
mod params;
mod service;
mod types;
mod waiters;

use std::collections::HashMap;

use super::report::Change;
use super::rules::Area;
use super::rules::Rule;
use codegen::ir::{self, RustType};

/// The spec changes of a service present on both sides, in spec order, and the
/// warnings that belong to no single change. Both sides are read from the IR only.
pub(crate) fn service(old: &ir::Service, new: &ir::Service) -> (Vec<Change>, Vec<String>) {
    let mut changes = Changes::default();
    let renames = types::renamed_types(old, new);
    let context = Context {
        renames: &renames,
        usage: types::usage(new).merged(&types::usage(old)),
    };
    service::compare(&mut changes, &context, old, new);
    types::compare(&mut changes, &context, old, new);
    operations::compare(&mut changes, &context, old, new);
    waiters::compare(&mut changes, old, new);
    (changes.list, changes.warnings)
}

/// What every comparison needs to know about the service as a whole.
struct Context<'a> {
    /// Old type name → new type name, for types renamed without other change.
    renames: &'a HashMap<String, String>,
    /// Which types requests and responses use, on either side.
    usage: types::Usage,
}

impl Context<'_> {
    /// Whether two Rust types are the same once renamed types are followed.
    fn same_type(&self, old: &RustType, new: &RustType) -> bool {
        match (old, new) {
            (RustType::Named(a), RustType::Named(b)) => {
                self.renames.get(a).map_or(a == b, |renamed| renamed == b)
            }
            (RustType::List(a), RustType::List(b)) | (RustType::Map(a), RustType::Map(b)) => {
                self.same_type(a, b)
            }
            _ => old == new,
        }
    }
}

/// The changes found so far.
#[derive(Default)]
struct Changes {
    list: Vec<Change>,
    warnings: Vec<String>,
}

impl Changes {
    /// Records a change in the rule's own area.
    fn add(&mut self, rule: Rule, what: impl Into<String>) -> &mut Change {
        self.add_in(rule.area(), rule, what)
    }

    /// Records a change in `area`, for rules shared by request and response fields.
    fn add_in(&mut self, area: Area, rule: Rule, what: impl Into<String>) -> &mut Change {
        self.list.push(Change {
            area,
            ..Change::new(rule, what)
        });
        let last = self.list.len() - 1;
        &mut self.list[last]
    }

    /// Records something a reviewer should check that is not a change of its own.
    fn warn(&mut self, text: impl Into<String>) {
        self.warnings.push(text.into());
    }
}

impl Change {
    /// Adds what the spec cannot decide and a reviewer has to check.
    fn warn(&mut self, text: impl Into<String>) {
        self.warning = Some(text.into());
    }
}

/// One thing of a list, matched against the other side's list.
pub(super) enum Matched<'a, T> {
    /// Only on the old side.
    Removed(&'a T),
    /// On both sides: the old one and the new one.
    Both(&'a T, &'a T),
    /// Only on the new side.
    Added(&'a T),
}

/// Every thing of `old` and `new`, matched by `key`: first the old side in its order (each
/// `Removed` or `Both`, with the first new thing of the same key), then the new things no
/// old thing has the key of, in their order. Reports list changes in this order.
pub(super) fn by_key<'a, T, K: PartialEq>(
    old: &'a [T],
    new: &'a [T],
    key: impl Fn(&'a T) -> K,
) -> Vec<Matched<'a, T>> {
    matched(old, new, |a: &'a T, b: &'a T| key(a) == key(b))
}

/// [`by_key`] for things matched by a relation rather than a key (a union variant is
/// kept when its name is and its type is the same once renamed types are followed).
pub(super) fn matched<'a, T>(
    old: &'a [T],
    new: &'a [T],
    same: impl Fn(&'a T, &'a T) -> bool,
) -> Vec<Matched<'a, T>> {
    let kept = old.iter().map(|a| match new.iter().find(|b| same(a, b)) {
        Some(b) => Matched::Both(a, b),
        None => Matched::Removed(a),
    });
    let added = new
        .iter()
        .filter(|b| !old.iter().any(|a| same(a, b)))
        .map(Matched::Added);
    kept.chain(added).collect()
}

/// The things only the old side has and those only the new side has, each in its side's
/// order.
pub(super) fn split<'a, T>(matched: &[Matched<'a, T>]) -> (Vec<&'a T>, Vec<&'a T>) {
    let (mut removed, mut added) = (Vec::new(), Vec::new());
    for m in matched {
        match m {
            Matched::Removed(a) => removed.push(*a),
            Matched::Added(b) => added.push(*b),
            Matched::Both(..) => {}
        }
    }
    (removed, added)
}

/// `old → new` for values shown in reports.
fn arrow(old: impl std::fmt::Display, new: impl std::fmt::Display) -> String {
    format!("{old} → {new}")
}

/// `` `old` → `new` ``, for names, paths and types shown in reports.
fn ticked(old: impl std::fmt::Display, new: impl std::fmt::Display) -> String {
    arrow(format!("`{old}`"), format!("`{new}`"))
}

/// An optional value as reports show it.
fn shown<T: std::fmt::Display>(value: Option<T>) -> String {
    value.map_or_else(|| "none".to_owned(), |v| format!("`{v}`"))
}

/// The rules and levels of the changes between two inline specs, for unit tests.
#[cfg(test)]
fn rules_between(old: &str, new: &str) -> Vec<(Rule, crate::Level)> {
    let old = codegen::load_str("old.yaml", old).expect("the old spec loads");
    let new = codegen::load_str("new.yaml", new).expect("the new spec loads");
    let (changes, _) = service(&old.service, &new.service);
    changes.iter().map(|c| (c.rule, c.level())).collect()
}
