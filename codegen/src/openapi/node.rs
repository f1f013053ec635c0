//! A JSON-like value whose objects keep their keys in the order written, so that an
//! exported document reads `openapi`, `info`, `servers`, `paths`, `components` as people
//! expect, and the same IR always gives the same text.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

/// One value of a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// Any other number.
    Float(f64),
    /// Text.
    Str(String),
    /// A list.
    Seq(Vec<Node>),
    /// An object, keys in order.
    Map(Vec<(String, Node)>),
}

impl Node {
    /// An empty object.
    pub fn map() -> Node {
        Node::Map(Vec::new())
    }

    /// This object with `key` set to `value` at the end (replacing an earlier one).
    pub fn with(mut self, key: &str, value: impl Into<Node>) -> Node {
        self.set(key, value);
        self
    }

    /// This object with `key` set when `value` is given.
    pub fn with_some(self, key: &str, value: Option<impl Into<Node>>) -> Node {
        match value {
            Some(value) => self.with(key, value),
            None => self,
        }
    }

    /// Sets `key` to `value` (replacing an earlier one, in its place).
    pub fn set(&mut self, key: &str, value: impl Into<Node>) {
        if let Node::Map(entries) = self {
            let value = value.into();
            match entries.iter_mut().find(|(k, _)| k == key) {
                Some(entry) => entry.1 = value,
                None => entries.push((key.to_owned(), value)),
            }
        }
    }

    /// The value under `key`, created as an empty object when missing.
    pub fn entry(&mut self, key: &str) -> &mut Node {
        if let Node::Map(entries) = self {
            let index = match entries.iter().position(|(k, _)| k == key) {
                Some(index) => index,
                None => {
                    entries.push((key.to_owned(), Node::map()));
                    entries.len() - 1
                }
            };
            return &mut entries[index].1;
        }
        self
    }

    /// A JSON value (a sample or a default) as a node; object keys keep their order.
    pub fn from_json(value: &serde_json::Value) -> Node {
        match value {
            serde_json::Value::Null => Node::Null,
            serde_json::Value::Bool(b) => Node::Bool(*b),
            serde_json::Value::Number(n) => match n.as_i64() {
                Some(i) => Node::Int(i),
                None => Node::Float(n.as_f64().unwrap_or_default()),
            },
            serde_json::Value::String(s) => Node::Str(s.clone()),
            serde_json::Value::Array(items) => {
                Node::Seq(items.iter().map(Node::from_json).collect())
            }
            serde_json::Value::Object(fields) => Node::Map(
                fields
                    .iter()
                    .map(|(k, v)| (k.clone(), Node::from_json(v)))
                    .collect(),
            ),
        }
    }
}

impl From<&str> for Node {
    fn from(text: &str) -> Node {
        Node::Str(text.to_owned())
    }
}

impl From<String> for Node {
    fn from(text: String) -> Node {
        Node::Str(text)
    }
}

impl From<&String> for Node {
    fn from(text: &String) -> Node {
        Node::Str(text.clone())
    }
}

impl From<bool> for Node {
    fn from(b: bool) -> Node {
        Node::Bool(b)
    }
}

impl From<i64> for Node {
    fn from(n: i64) -> Node {
        Node::Int(n)
    }
}

impl From<u32> for Node {
    fn from(n: u32) -> Node {
        Node::Int(i64::from(n))
    }
}

impl From<u64> for Node {
    fn from(n: u64) -> Node {
        Node::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<Vec<Node>> for Node {
    fn from(items: Vec<Node>) -> Node {
        Node::Seq(items)
    }
}

impl Serialize for Node {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Node::Null => serializer.serialize_unit(),
            Node::Bool(b) => serializer.serialize_bool(*b),
            Node::Int(n) => serializer.serialize_i64(*n),
            Node::Float(n) => serializer.serialize_f64(*n),
            Node::Str(s) => serializer.serialize_str(s),
            Node::Seq(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Node::Map(entries) => {
                let mut map = serializer.serialize_map(Some(entries.len()))?;
                for (key, value) in entries {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}
