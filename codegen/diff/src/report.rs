//! What a spec diff finds, as data: the renderers and the JSON output read only this.

use serde::Serialize;

use super::rules::{Area, Level, Rule};

/// One change to a spec, judged for users of the generated crate. Its level and reason
/// are those of its rule; they are serialized with it for tools.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The kind of change; it fixes the level and the reason.
    pub rule: Rule,
    /// What part of the service it touches: the rule's own area, except for field rules,
    /// which are about request or response fields depending on who uses the type.
    pub area: Area,
    /// What changed, naming the thing: ``parameter `page` of `list_widgets` became required``.
    pub what: String,
    /// What a reviewer has to check because the spec alone cannot tell: whether the
    /// server still accepts the old form, whether a new pattern accepts every old value.
    /// The level is then the more severe reading.
    pub warning: Option<String>,
}

impl Change {
    /// A change under `rule`, in the rule's own area, with nothing to check.
    pub fn new(rule: Rule, what: impl Into<String>) -> Change {
        Change {
            rule,
            area: rule.area(),
            what: what.into(),
            warning: None,
        }
    }

    /// How severe it is: its rule's level.
    pub fn level(&self) -> Level {
        self.rule.level()
    }

    /// Why, in one line, at the level the judgement is made (wire or Rust API).
    pub fn reason(&self) -> &'static str {
        self.rule.why()
    }
}

impl Serialize for Change {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let fields = if self.warning.is_some() { 6 } else { 5 };
        let mut out = serializer.serialize_struct("Change", fields)?;
        out.serialize_field("rule", &self.rule)?;
        out.serialize_field("area", &self.area)?;
        out.serialize_field("what", &self.what)?;
        out.serialize_field("level", &self.level())?;
        out.serialize_field("reason", self.reason())?;
        if let Some(warning) = &self.warning {
            out.serialize_field("warning", warning)?;
        }
        out.end()
    }
}

/// How a public item of the generated crate changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ApiChangeKind {
    /// The item is new.
    Added,
    /// The item is gone.
    Removed,
    /// The item is still there with another signature.
    Changed,
}

impl ApiChangeKind {
    /// The word used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            ApiChangeKind::Added => "added",
            ApiChangeKind::Removed => "removed",
            ApiChangeKind::Changed => "changed",
        }
    }
}

/// A change to one public item of a service's module, found by comparing the code
/// generated from both sides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApiChange {
    /// Added, removed or changed.
    pub kind: ApiChangeKind,
    /// The item's path inside the service module: `Client::list_widgets`, `Widget::name`,
    /// `impl Default for Address`.
    pub item: String,
    /// The signature before, when the item existed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<String>,
    /// The signature after, when the item exists.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<String>,
    /// How severe it is for code using the crate.
    pub level: Level,
    /// For a type added or removed as a whole: how many of its fields, variants, methods
    /// and trait impls come or go with it (they are not listed separately).
    #[serde(skip_serializing_if = "is_zero")]
    pub members: usize,
}

fn is_zero(count: &usize) -> bool {
    *count == 0
}

/// Whether a service appears, disappears or changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ServiceStatus {
    /// Only the new side has the spec.
    Added,
    /// Only the old side has the spec.
    Removed,
    /// Both sides have it and something differs.
    Changed,
    /// Both sides have it and nothing differs.
    Unchanged,
}

/// Everything that changed in one service.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ServiceDiff {
    /// The module name (`zoho_crm`).
    pub module: String,
    /// The service's title, from the new side when it exists.
    pub title: String,
    /// Added, removed, changed or unchanged.
    pub status: ServiceStatus,
    /// The spec changes, in spec order.
    pub changes: Vec<Change>,
    /// The changes to the module's public items, by item path.
    pub api: Vec<ApiChange>,
    /// Things a reviewer should look at that are not changes of their own.
    pub warnings: Vec<String>,
}

impl ServiceDiff {
    /// The most severe change, of the spec or of the public items.
    pub fn level(&self) -> Option<Level> {
        let spec = self.changes.iter().map(Change::level);
        let api = self.api.iter().map(|c| c.level);
        spec.chain(api).max()
    }

    /// How many spec changes have this level.
    pub fn count(&self, level: Level) -> usize {
        self.changes.iter().filter(|c| c.level() == level).count()
    }
}

/// The version of `org-clients` before the change and the one the change calls for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VersionBump {
    /// The crate's version on the old side.
    pub current: String,
    /// The version the most severe change calls for.
    pub suggested: String,
    /// The version the new side's manifest already has, when it differs from `current`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub already_set: Option<String>,
}

/// The whole report of one comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// What was compared with what: `main (3f2a9c1)` and `working tree`.
    pub old_label: String,
    /// The new side's label.
    pub new_label: String,
    /// One entry per service present on either side, by module name.
    pub services: Vec<ServiceDiff>,
    /// The most severe change of all services; `None` when nothing changed.
    pub level: Option<Level>,
    /// The version bump the change calls for, when the crate's version is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<VersionBump>,
}
