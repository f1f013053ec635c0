//! `application/x-www-form-urlencoded` bodies: a body type's fields as `key=value` pairs,
//! through its `Serialize` (so wire names and absent fields are as in JSON).

use serde::Serialize;
use serde_json::Value;

/// The pairs of a form body: one per field, one per item of a list field, none for an
/// absent field, in the order of their wire names (so the same body is always the same
/// bytes); or why `body` cannot be a form (the generator allows only text fields, so this
/// is a custom `Serialize` gone astray).
pub(crate) fn encode<B: Serialize>(body: &B) -> Result<String, String> {
    let value = serde_json::to_value(body).map_err(|e| format!("cannot be encoded: {e}"))?;
    let Value::Object(fields) = value else {
        return Err("a form body must be an object".to_owned());
    };
    let mut form = url::form_urlencoded::Serializer::new(String::new());
    for (key, value) in &fields {
        let items = match value {
            Value::Array(items) => items.as_slice(),
            single => std::slice::from_ref(single),
        };
        for item in items {
            if item.is_null() {
                continue;
            }
            let text = text_of(item)
                .ok_or_else(|| format!("field `{key}` is not text, and a form holds text"))?;
            form.append_pair(key, &text);
        }
    }
    Ok(form.finish())
}

/// A scalar as text on the wire: a string as it is, a number or boolean as JSON writes it.
pub(crate) fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        Value::Bool(flag) => Some(flag.to_string()),
        Value::Null | Value::Array(_) | Value::Object(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_become_pairs_lists_repeat_and_absent_ones_are_left_out() {
        let body = serde_json::json!({
            "name": "Ada Lovelace & co",
            "age": 36,
            "subscribe": true,
            "tags": ["a b", "c"],
            "nickname": null,
        });
        assert_eq!(
            encode(&body).as_deref(),
            Ok("age=36&name=Ada+Lovelace+%26+co&subscribe=true&tags=a+b&tags=c")
        );
    }

    #[test]
    fn an_object_field_is_refused() {
        let body = serde_json::json!({ "address": { "city": "x" } });
        assert!(encode(&body).is_err());
    }
}
