//! Values that remember where they stood in the spec file.
//!
//! Every scalar the validator may complain about is wrapped in [`Located`], and every
//! mapping whose keys are names (operations, types, fields, ...) is read into [`Entries`],
//! which keeps source order *and* duplicate keys so that the validator, not the parser,
//! reports a duplicate with both of its locations.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_saphyr::Spanned;

/// A 1-based line and column in a spec file, plus the byte offset of that point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Position {
    /// 1-based line number.
    pub line: u64,
    /// 1-based column number, counted in characters.
    pub column: u64,
    /// Byte offset from the start of the file (UTF-8 code units).
    pub offset: u64,
}

impl From<serde_saphyr::Location> for Position {
    fn from(location: serde_saphyr::Location) -> Self {
        Position {
            line: location.line(),
            column: location.column(),
            offset: location
                .span()
                .byte_offset()
                .unwrap_or_else(|| location.span().offset()),
        }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// A value together with the position it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    /// The value as written.
    pub value: T,
    /// Where the value starts in the spec file.
    pub at: Position,
}

impl<T> Located<T> {
    /// Wraps a value read at `at`.
    pub fn new(value: T, at: Position) -> Self {
        Located { value, at }
    }
}

impl Located<String> {
    /// The string value, borrowed.
    pub fn as_str(&self) -> &str {
        &self.value
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Located<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<T>::deserialize(deserializer)?;
        Ok(Located {
            value: spanned.value,
            at: spanned.referenced.into(),
        })
    }
}

/// A location is invisible in the JSON Schema: editors see the plain value.
impl<T: JsonSchema> JsonSchema for Located<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }
    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}

/// One `name: value` pair of an [`Entries`] mapping.
#[derive(Debug, Clone)]
pub struct Entry<T> {
    /// The key, with its position.
    pub key: Located<String>,
    /// The value.
    pub value: T,
}

/// A YAML mapping from names to values, in source order, duplicates kept.
#[derive(Debug, Clone)]
pub struct Entries<T>(pub Vec<Entry<T>>);

impl<T> Default for Entries<T> {
    fn default() -> Self {
        Entries(Vec::new())
    }
}

impl<T> Entries<T> {
    /// The pairs in source order.
    pub fn iter(&self) -> std::slice::Iter<'_, Entry<T>> {
        self.0.iter()
    }
    /// The first value under `name`.
    pub fn get(&self, name: &str) -> Option<&T> {
        self.0
            .iter()
            .find(|e| e.key.value == name)
            .map(|e| &e.value)
    }
    /// The first pair under `name`.
    pub fn entry(&self, name: &str) -> Option<&Entry<T>> {
        self.0.iter().find(|e| e.key.value == name)
    }
    /// Whether `name` is a key.
    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }
    /// Number of pairs, duplicates included.
    pub fn len(&self) -> usize {
        self.0.len()
    }
    /// Whether there are no pairs.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'a, T> IntoIterator for &'a Entries<T> {
    type Item = &'a Entry<T>;
    type IntoIter = std::slice::Iter<'a, Entry<T>>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Entries<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for EntriesVisitor<T> {
            type Value = Entries<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a mapping of names to definitions")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some((key, value)) = map.next_entry::<Located<String>, T>()? {
                    entries.push(Entry { key, value });
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_map(EntriesVisitor(PhantomData))
    }
}

impl<T: JsonSchema> JsonSchema for Entries<T> {
    fn schema_name() -> Cow<'static, str> {
        format!("Entries_of_{}", T::schema_name()).into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let values = generator.subschema_for::<T>();
        json_schema!({
            "type": "object",
            "additionalProperties": values,
        })
    }
}
