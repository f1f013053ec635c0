//! YAML to [`ServiceSpec`], with serde-saphyr: located errors, input budgets, and
//! recovery so that one file's shape errors are reported together.
//!
//! Serde stops at the first value that does not fit the model. To report more than that
//! one, a failed parse is followed by a recovery pass: the file is read once more as a
//! bare skeleton of keys, and every entry of the name-keyed sections (`operations`,
//! `types`, ...) is parsed again on its own, as is the rest of the file with those
//! sections emptied. Each re-parse reads a copy of the file in which everything outside
//! the part under test is blanked out, character for character, so that lines and
//! columns stay exactly where they were in the original.

use std::fmt;
use std::ops::Range;

use serde::Deserialize;
use serde::de::{self, DeserializeOwned, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_saphyr::{DuplicateKeyPolicy, MessageFormatter as _};

use crate::diagnostics::Diagnostic;
use crate::spec::{
    Entries, Located, OperationSpec, ParamSpec, Position, RateLimitSpec, RegionSpec, ServiceSpec,
    TypeSpec,
};

/// Specs larger than this are refused before parsing. The largest real one here is a few
/// dozen KiB; public APIs of 5,000 operations make specs of a few MiB.
pub const MAX_SPEC_BYTES: usize = 32 * 1024 * 1024;

/// The parser's budgets for a text of `len` bytes. They grow with the text, so a large
/// legitimate spec loads, while what a small text can make the parser do stays bounded:
/// a YAML node takes at least one byte of text, so a file without aliases never exceeds
/// `len` nodes, and aliases (which replay nodes without text) may at most make the work
/// that of a file of that size. An alias bomb of a few hundred bytes is refused at the
/// floor of 250,000 nodes; nesting is refused at depth 64 whatever the size.
fn budget_for(len: usize) -> Option<serde_saphyr::Budget> {
    serde_saphyr::budget! {
        max_depth: 64,
        max_documents: 1,
        max_nodes: len.max(250_000),
        max_events: len.saturating_mul(2).max(1_000_000),
        max_aliases: (len / 256).max(1_000),
        max_anchors: (len / 256).max(1_000),
        max_total_scalar_bytes: MAX_SPEC_BYTES,
    }
}

fn options(len: usize) -> serde_saphyr::Options {
    serde_saphyr::options! {
        // Duplicates reach `Entries`, which keeps them for the validator to report with
        // both locations; derived structs still refuse a repeated key themselves.
        duplicate_keys: DuplicateKeyPolicy::PassThrough,
        // `no`, `on`, `y` stay strings; only true/false are booleans.
        strict_booleans: true,
        budget: budget_for(len),
    }
}

/// Parses a spec file's text. On failure, returns every shape error that recovery finds.
pub fn parse(source: &str) -> Result<ServiceSpec, Vec<Diagnostic>> {
    if source.len() > MAX_SPEC_BYTES {
        return Err(vec![
            Diagnostic::error(
                Position {
                    line: 1,
                    column: 1,
                    offset: 0,
                },
                format!(
                    "the spec is {} bytes, more than the {MAX_SPEC_BYTES} bytes a spec may have",
                    source.len()
                ),
            )
            .with_hint("split the service into smaller specs"),
        ]);
    }
    match parse_as::<ServiceSpec>(source) {
        Ok(spec) => Ok(spec),
        Err(first) => {
            let mut all = vec![first];
            all.extend(recover(source));
            Err(all)
        }
    }
}

fn parse_as<T: DeserializeOwned>(source: &str) -> Result<T, Diagnostic> {
    serde_saphyr::from_str_with_options(source, options(source.len())).map_err(|e| {
        let diagnostic = to_diagnostic(&e);
        if unquoted_map_type(source, &diagnostic) {
            diagnostic.with_hint(
                "quote the type: `type: \"{string: T}\"` (unquoted, YAML reads the braces as a mapping)",
            )
        } else {
            diagnostic
        }
    })
}

/// Whether the text where a string was expected is `type: {...`: a map type expression
/// left unquoted, the one type expression YAML reads as something else.
fn unquoted_map_type(source: &str, diagnostic: &Diagnostic) -> bool {
    if !diagnostic.message.contains("expected string") {
        return false;
    }
    let Some(line) = usize::try_from(diagnostic.at.line)
        .ok()
        .and_then(|n| source.lines().nth(n.checked_sub(1)?))
    else {
        return false;
    };
    let column = usize::try_from(diagnostic.at.column).unwrap_or(1).max(1) - 1;
    let before: String = line.chars().take(column).collect();
    line.chars().nth(column) == Some('{') && before.trim_end().ends_with("type:")
}

fn to_diagnostic(error: &serde_saphyr::Error) -> Diagnostic {
    let inner = error.without_snippet();
    let at = inner
        .location()
        .filter(|l| l.line() > 0)
        .map(Position::from)
        .unwrap_or(Position {
            line: 1,
            column: 1,
            offset: 0,
        });
    let message = serde_saphyr::DefaultMessageFormatter
        .format_message(inner)
        .into_owned();
    let diagnostic = Diagnostic::error(at, message);
    match inner {
        serde_saphyr::Error::SerdeUnknownField {
            field, expected, ..
        } => diagnostic.with_hint(suggest("key", field, expected)),
        serde_saphyr::Error::SerdeUnknownVariant {
            variant, expected, ..
        } => diagnostic.with_hint(suggest("value", variant, expected)),
        serde_saphyr::Error::SerdeMissingField { field, .. } => {
            diagnostic.with_hint(format!("add `{field}:` to this mapping"))
        }
        serde_saphyr::Error::DuplicateMappingKey { key, .. } => diagnostic.with_hint(format!(
            "remove or rename the second `{}`",
            key.as_deref().unwrap_or("key")
        )),
        _ => {
            let hint = generic_hint(&diagnostic.message);
            diagnostic.with_hint(hint)
        }
    }
}

/// Hints for the errors that carry no data of their own, by their wording.
fn generic_hint(message: &str) -> &'static str {
    let table: [(&str, &str); 11] = [
        (
            "did not find expected",
            "a `,`, `}`, `]` or closing quote is missing before this point",
        ),
        (
            "mapping values are not allowed",
            "quote the value: it contains `: `",
        ),
        (
            "cannot start any token",
            "quote the value: it starts with a character YAML reserves",
        ),
        (
            "expected mapping",
            "write `key: value` lines (or `{ key: value }`) here",
        ),
        (
            "expected sequence",
            "write a list here: `- item` lines or `[a, b]`",
        ),
        (
            "expected string",
            "write text here; quote it if it looks like a number, a boolean or null",
        ),
        ("invalid boolean", "write `true` or `false`"),
        ("integer", "write a whole number, unquoted"),
        ("invalid floating", "write a number, unquoted"),
        ("unclosed", "close the bracket or quote that is opened here"),
        (
            "budget",
            "the spec is too large or too deeply nested for a spec; simplify it",
        ),
    ];
    table
        .iter()
        .find(|(needle, _)| message.contains(needle))
        .map_or(
            "compare this spot with the spec language in specs/spec.schema.json",
            |(_, hint)| *hint,
        )
}

/// "did you mean `required`?" when a close spelling exists, else the full list.
fn suggest(what: &str, found: &str, expected: &[&str]) -> String {
    match crate::suggest::closest(found, expected.iter().copied(), false) {
        Some(candidate) => format!("did you mean `{candidate}`?"),
        None if expected.is_empty() => format!("remove `{found}`"),
        None => format!("write one of the known {what}s: {}", expected.join(", ")),
    }
}

/// The keys of a mapping and where they start; anything else is `Other`.
enum Shape {
    Map(Vec<Located<String>>),
    Other,
}

impl<'de> Deserialize<'de> for Shape {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ShapeVisitor;
        impl<'de> Visitor<'de> for ShapeVisitor {
            type Value = Shape;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any YAML value")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Shape, A::Error> {
                let mut keys = Vec::new();
                while let Some(key) = map.next_key::<Located<String>>()? {
                    map.next_value::<IgnoredAny>()?;
                    keys.push(key);
                }
                Ok(Shape::Map(keys))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Shape, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Shape::Other)
            }
            fn visit_bool<E>(self, _: bool) -> Result<Shape, E> {
                Ok(Shape::Other)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Shape, E> {
                Ok(Shape::Other)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Shape, E> {
                Ok(Shape::Other)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Shape, E> {
                Ok(Shape::Other)
            }
            fn visit_str<E>(self, _: &str) -> Result<Shape, E> {
                Ok(Shape::Other)
            }
            fn visit_unit<E>(self) -> Result<Shape, E> {
                Ok(Shape::Other)
            }
            fn visit_none<E>(self) -> Result<Shape, E> {
                Ok(Shape::Other)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Shape, D::Error> {
                Shape::deserialize(d)
            }
        }
        deserializer.deserialize_any(ShapeVisitor)
    }
}

/// A name-keyed top-level section whose entries can be parsed one by one.
struct Section {
    name: &'static str,
    /// Byte range of the section's entries (first entry key to the section's end).
    body: Range<usize>,
    /// Byte ranges of each entry, key included.
    entries: Vec<Range<usize>>,
}

const ENTRY_SECTIONS: [&str; 5] = [
    "regions",
    "common_params",
    "rate_limits",
    "types",
    "operations",
];

fn recover(source: &str) -> Vec<Diagnostic> {
    let Ok(top) =
        serde_saphyr::from_str_with_options::<Entries<Shape>>(source, options(source.len()))
    else {
        // Not even a mapping of keys: the syntax error already reported is all there is.
        return Vec::new();
    };
    let top_starts: Vec<usize> = top.iter().map(|e| offset(&e.key)).collect();
    let mut sections = Vec::new();
    for (index, entry) in top.iter().enumerate() {
        let Some(name) = ENTRY_SECTIONS.iter().find(|n| **n == entry.key.value) else {
            continue;
        };
        let Shape::Map(keys) = &entry.value else {
            continue;
        };
        let Some(first) = keys.first() else { continue };
        let end = top_starts.get(index + 1).copied().unwrap_or(source.len());
        let first_start = offset(first);
        // Only block mappings can be cut at key boundaries.
        let between = source.get(offset(&entry.key)..first_start).unwrap_or("{");
        if between.contains('{') || keys.iter().any(|k| offset(k) >= end) {
            continue;
        }
        let starts: Vec<usize> = keys.iter().map(offset).collect();
        let entries = starts
            .iter()
            .enumerate()
            .map(|(i, start)| *start..starts.get(i + 1).copied().unwrap_or(end))
            .collect();
        sections.push(Section {
            name,
            body: first_start..end,
            entries,
        });
    }

    let mut found = Vec::new();
    // The file with every splittable section emptied to `{}`: reports header errors.
    let bodies: Vec<Range<usize>> = sections.iter().map(|s| s.body.clone()).collect();
    if let Err(d) = parse_as::<ServiceSpec>(&blank(source, &bodies, true)) {
        found.push(d);
    }
    for section in &sections {
        found.extend(match section.name {
            "regions" => section_errors::<RegionSpec>(source, section),
            "common_params" => section_errors::<ParamSpec>(source, section),
            "rate_limits" => section_errors::<RateLimitSpec>(source, section),
            "types" => section_errors::<TypeSpec>(source, section),
            _ => section_errors::<OperationSpec>(source, section),
        });
    }
    // An alias whose anchor was blanked out is an artefact of recovery, not a problem.
    found.retain(|d| !d.message.contains("alias") && !d.message.contains("anchor"));
    found
}

/// Parses a section's entries alone, again and again: each error is recorded and the
/// entry it falls in is blanked out, until the rest parses. Entries are parsed together
/// (not one by one) so that an alias can still reach an anchor in an earlier entry.
fn section_errors<T: DeserializeOwned>(source: &str, section: &Section) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut kept: Vec<Range<usize>> = section.entries.clone();
    while !kept.is_empty() {
        let text = keep_only(source, &kept);
        let Err(d) = parse_as::<Entries<T>>(&text) else {
            break;
        };
        let at = usize::try_from(d.at.offset).unwrap_or(usize::MAX);
        found.push(d);
        let Some(index) = kept.iter().position(|r| r.contains(&at)) else {
            break;
        };
        kept.remove(index);
    }
    found
}

fn offset(key: &Located<String>) -> usize {
    usize::try_from(key.at.offset).unwrap_or(usize::MAX)
}

/// The source with the characters inside `ranges` replaced by spaces (newlines kept);
/// with `empty_maps`, each range begins with `{}` so its section parses as empty.
fn blank(source: &str, ranges: &[Range<usize>], empty_maps: bool) -> String {
    let mut out = String::with_capacity(source.len());
    for (at, c) in source.char_indices() {
        match ranges.iter().find(|r| r.contains(&at)) {
            Some(range) if empty_maps && at == range.start => out.push('{'),
            Some(range) if empty_maps && at == range.start + 1 && c != '\n' => out.push('}'),
            Some(_) if c == '\n' || c == '\r' => out.push(c),
            Some(_) => out.push(' '),
            None => out.push(c),
        }
    }
    out
}

/// The source with everything outside the `keep` ranges blanked out.
fn keep_only(source: &str, keep: &[Range<usize>]) -> String {
    source
        .char_indices()
        .map(|(at, c)| {
            if keep.iter().any(|r| r.contains(&at)) || c == '\n' || c == '\r' {
                c
            } else {
                ' '
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanking_keeps_line_structure() {
        let source = "a: 1\nbb: 22\nc: 3\n";
        let kept = keep_only(source, &[Range { start: 5, end: 12 }]);
        assert_eq!(kept, "    \nbb: 22\n    \n");
        assert_eq!(kept.len(), source.len());
    }
}
