// @generated from features/files.yaml by `cargo xtask codegen`. Do not edit by hand.

//! The types of the service's requests and responses.

use std::fmt;
use serde::{Deserialize, Serialize};

/// The values of `Priority`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
#[non_exhaustive]
pub enum Priority {
    /// `low`
    Low,
    /// `high`
    High,
    /// A value the document does not list, kept as the server sent it.
    Unknown(String),
}

impl Priority {
    /// The value as sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Low => "low",
            Self::High => "high",
            Self::Unknown(value) => value.as_str(),
        }
    }
}

impl From<String> for Priority {
    fn from(value: String) -> Self {
        match value.as_str() {
            "low" => Self::Low,
            "high" => Self::High,
            _ => Self::Unknown(value),
        }
    }
}

impl From<Priority> for String {
    fn from(value: Priority) -> Self {
        value.as_str().to_owned()
    }
}

impl fmt::Display for Priority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the contact form sends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ContactForm {
    /// The `name` field.
    pub name: String,
    /// Format: `email`.
    pub email: String,
    /// The `age` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<i64>,
    /// The `subscribe` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscribe: Option<bool>,
    /// The `priority` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    /// The `topics` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topics: Option<Vec<String>>,
}

impl ContactForm {
    /// A `ContactForm` with its required fields (`name`, `email`); set the others to send them.
    pub fn new(name: impl Into<String>, email: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            email: email.into(),
            age: None,
            subscribe: None,
            priority: None,
            topics: None,
        }
    }
}

/// The `Ticket` object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Ticket {
    /// The `id` field.
    pub id: String,
}

impl Ticket {
    /// A `Ticket` with its required fields (`id`); set the others to send them.
    pub fn new(id: impl Into<String>) -> Self {
        Self { id: id.into() }
    }
}

/// The `Labels` object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Labels {
    /// The `color` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
}

/// A document and what describes it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct DocumentUpload {
    /// The `title` field.
    pub title: String,
    /// The `pages` field.
    pub pages: Option<i64>,
    /// Sent as a JSON part.
    pub labels: Option<Labels>,
    /// The document itself.
    pub file: crate::runtime::FilePart,
    /// A picture of its first page.
    pub thumbnail: Option<crate::runtime::FilePart>,
    /// Files that go with it.
    pub attachments: Option<Vec<crate::runtime::FilePart>>,
}

impl DocumentUpload {
    /// A `DocumentUpload` with its required fields (`title`, `file`); set the others to send them.
    pub fn new(title: impl Into<String>, file: crate::runtime::FilePart) -> Self {
        Self {
            title: title.into(),
            pages: None,
            labels: None,
            file,
            thumbnail: None,
            attachments: None,
        }
    }
}

/// The `Document` object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Document {
    /// The `id` field.
    pub id: String,
    /// The `title` field.
    pub title: String,
    /// The `size` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<i64>,
}

impl Document {
    /// A `Document` with its required fields (`id`, `title`); set the others to send them.
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            title: title.into(),
            size: None,
        }
    }
}
