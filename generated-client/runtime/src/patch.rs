//! [`Patch`], a field of a partial update: left out, cleared with `null`, or set.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A request field that a partial update may leave alone, clear, or set: the three things
/// an `Option` cannot tell apart, since `None` must mean either "leave it" or "clear it".
///
/// Generated structs skip an [`Absent`](Patch::Absent) field when they serialize (with
/// `skip_serializing_if = "Patch::is_absent"`), so the key is not sent and the server
/// keeps its value; [`Null`](Patch::Null) sends `"key": null`, which clears it;
/// [`Value`](Patch::Value) sends the value. Serialized on its own, `Absent` is `null` too:
/// only a struct can leave a key out.
///
/// Decoding reads a present `null` as `Null` and a value as `Value`; a missing key is
/// `Absent` through the field's `#[serde(default)]`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Patch<T> {
    /// Not sent: the server leaves the field as it is.
    #[default]
    Absent,
    /// Sent as `null`: the server clears the field.
    Null,
    /// Sent as this value.
    Value(T),
}

impl<T> Patch<T> {
    /// Whether the field is left out of the request.
    pub fn is_absent(&self) -> bool {
        matches!(self, Patch::Absent)
    }

    /// Whether the field is sent as `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Patch::Null)
    }

    /// The value, when one is sent.
    pub fn value(&self) -> Option<&T> {
        match self {
            Patch::Value(value) => Some(value),
            Patch::Absent | Patch::Null => None,
        }
    }

    /// The value, when one is sent, taken out of the patch.
    pub fn into_value(self) -> Option<T> {
        match self {
            Patch::Value(value) => Some(value),
            Patch::Absent | Patch::Null => None,
        }
    }
}

impl<T> From<T> for Patch<T> {
    fn from(value: T) -> Self {
        Patch::Value(value)
    }
}

impl<T: Serialize> Serialize for Patch<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Patch::Value(value) => value.serialize(serializer),
            Patch::Absent | Patch::Null => serializer.serialize_none(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Patch<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Option::<T>::deserialize(deserializer).map(|value| value.map_or(Patch::Null, Patch::Value))
    }
}

#[cfg(test)]
mod tests {
    use super::Patch;

    #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
    struct Change {
        #[serde(default, skip_serializing_if = "Patch::is_absent")]
        name: Patch<String>,
    }

    #[test]
    fn absent_is_left_out_null_is_sent_and_a_value_is_sent() {
        let json = |name| serde_json::to_string(&Change { name }).ok();
        assert_eq!(json(Patch::Absent).as_deref(), Some("{}"));
        assert_eq!(json(Patch::Null).as_deref(), Some(r#"{"name":null}"#));
        assert_eq!(
            json(Patch::Value("x".into())).as_deref(),
            Some(r#"{"name":"x"}"#)
        );
    }

    #[test]
    fn each_of_the_three_decodes_as_itself() {
        let read = |text| serde_json::from_str::<Change>(text).ok().map(|c| c.name);
        assert_eq!(read("{}"), Some(Patch::Absent));
        assert_eq!(read(r#"{"name":null}"#), Some(Patch::Null));
        assert_eq!(read(r#"{"name":"x"}"#), Some(Patch::Value("x".to_owned())));
    }
}
