// @generated from features/clearable_fields.yaml by `cargo xtask codegen`. Do not edit by hand.

//! The types of the service's requests and responses.

use serde::{Deserialize, Serialize};

/// The fields of a contact to change; those left unset keep their values.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ContactChange {
    /// The contact's name.
    ///
    /// Not sent unless set: `Patch::Value` sends it, `Patch::Null` sends `null`, which clears it (as the setter `name(..)` and [`Self::clear_name`] do).
    #[serde(default, skip_serializing_if = "crate::runtime::Patch::is_absent")]
    pub name: crate::runtime::Patch<String>,
    /// What friends call the contact.
    ///
    /// Not sent unless set: `Patch::Value` sends it, `Patch::Null` sends `null`, which clears it (as the setter `nickname(..)` and [`Self::clear_nickname`] do).
    #[serde(default, skip_serializing_if = "crate::runtime::Patch::is_absent")]
    pub nickname: crate::runtime::Patch<String>,
    /// The `age` field.
    ///
    /// Not sent unless set: `Patch::Value` sends it, `Patch::Null` sends `null`, which clears it (as the setter `age(..)` and [`Self::clear_age`] do).
    #[serde(default, skip_serializing_if = "crate::runtime::Patch::is_absent")]
    pub age: crate::runtime::Patch<i64>,
    /// The `tags` field.
    ///
    /// Not sent unless set: `Patch::Value` sends it, `Patch::Null` sends `null`, which clears it (as the setter `tags(..)` and [`Self::clear_tags`] do).
    #[serde(default, skip_serializing_if = "crate::runtime::Patch::is_absent")]
    pub tags: crate::runtime::Patch<Vec<String>>,
    /// A note sent only when set (not clearable).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl ContactChange {
    /// Sends `name` as this value.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = crate::runtime::Patch::Value(name.into());
        self
    }

    /// Sends `name` as `null`, which clears it; a field neither set nor cleared is not sent, and the server keeps its value.
    pub fn clear_name(mut self) -> Self {
        self.name = crate::runtime::Patch::Null;
        self
    }

    /// Sends `nickname` as this value.
    pub fn nickname(mut self, nickname: impl Into<String>) -> Self {
        self.nickname = crate::runtime::Patch::Value(nickname.into());
        self
    }

    /// Sends `nickname` as `null`, which clears it; a field neither set nor cleared is not sent, and the server keeps its value.
    pub fn clear_nickname(mut self) -> Self {
        self.nickname = crate::runtime::Patch::Null;
        self
    }

    /// Sends `age` as this value.
    pub fn age(mut self, age: i64) -> Self {
        self.age = crate::runtime::Patch::Value(age);
        self
    }

    /// Sends `age` as `null`, which clears it; a field neither set nor cleared is not sent, and the server keeps its value.
    pub fn clear_age(mut self) -> Self {
        self.age = crate::runtime::Patch::Null;
        self
    }

    /// Sends `tags` as this value.
    pub fn tags(mut self, tags: Vec<String>) -> Self {
        self.tags = crate::runtime::Patch::Value(tags);
        self
    }

    /// Sends `tags` as `null`, which clears it; a field neither set nor cleared is not sent, and the server keeps its value.
    pub fn clear_tags(mut self) -> Self {
        self.tags = crate::runtime::Patch::Null;
        self
    }
}

/// The `Contact` object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Contact {
    /// The `id` field.
    pub id: i64,
    /// The `name` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The `nickname` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nickname: Option<String>,
    /// The `age` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<i64>,
}

impl Contact {
    /// A `Contact` with its required fields (`id`); set the others to send them.
    pub fn new(id: i64) -> Self {
        Self {
            id,
            name: None,
            nickname: None,
            age: None,
        }
    }
}
