//! Responses that report an outcome per item: a list under the envelope where each item
//! says whether it succeeded (Zoho's `"status": "success"` or `"error"`, with the item's own
//! `code`, `message` and `details`). Such an answer may mix successes and failures, so the
//! caller gets one `Result` per item; a failed item reads as the service's error body
//! would, with the service's [`ErrorShape`] applied to the item.

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::error::{Error, ErrorCode, ErrorShape};
use super::error_body::{item_error, lookup};
use super::response::{Response, json_path_under};

/// Where each item of a per-item response says how it went.
#[derive(Debug, Clone, Copy)]
pub struct PerItem {
    /// The top-level key the items sit under; `None` when the body is the list itself.
    pub envelope: Option<&'static str>,
    /// The key path, in each item, of the value that says how the item went (`&["status"]`).
    pub status: &'static [&'static str],
    /// The values there that mean the item succeeded (`success`), as JSON text: a boolean
    /// is `true`, a number its decimal; any other value means the item failed.
    pub success: &'static [&'static str],
}

impl PerItem {
    /// Whether `item` says it succeeded.
    pub(crate) fn succeeded(&self, item: &Value) -> bool {
        let text = match lookup(item, self.status) {
            Some(Value::String(status)) => status.clone(),
            Some(status @ (Value::Bool(_) | Value::Number(_))) => status.to_string(),
            _ => return false,
        };
        self.success.contains(&text.as_str())
    }

    /// The items of `body`, when it has this shape: a JSON list (under the envelope).
    pub(crate) fn items<'v>(&self, body: &'v Value) -> Option<&'v [Value]> {
        let list = match self.envelope {
            Some(key) => body.get(key)?,
            None => body,
        };
        list.as_array().map(Vec::as_slice)
    }
}

impl Response {
    /// Decodes a per-item response: one `Ok(T)` per item that succeeded, decoded from the
    /// whole item, and one [`Error::Api`] per item that failed, built from the item by the
    /// service's error shape, in the order the items came.
    ///
    /// Fails as a whole (with [`Error::Decode`]) only when the body is not a list of items
    /// under the envelope; an item that says it succeeded but does not decode as `T` is an
    /// [`Error::Decode`] of its own, naming its place (`$.data[1].details.id`).
    pub fn items<T: DeserializeOwned, C: ErrorCode>(
        &self,
        operation: &'static str,
        per_item: &PerItem,
    ) -> Result<Vec<Result<T, Error<C>>>, Error<C>> {
        let items: Vec<Value> = self.json(operation, per_item.envelope)?;
        let shape = self.error_shape();
        Ok(items
            .into_iter()
            .enumerate()
            .map(|(index, item)| {
                if per_item.succeeded(&item) {
                    self.item(operation, per_item.envelope, index, item)
                } else {
                    Err(Error::Api(Box::new(item_error(
                        operation, shape, self, item,
                    ))))
                }
            })
            .collect())
    }

    /// One successful item decoded as `T`, or where it does not fit.
    fn item<T: DeserializeOwned, C: ErrorCode>(
        &self,
        operation: &'static str,
        envelope: Option<&str>,
        index: usize,
        item: Value,
    ) -> Result<T, Error<C>> {
        serde_path_to_error::deserialize(item).map_err(|error| Error::Decode {
            operation,
            path: json_path_under(envelope, index, error.path()),
            message: self.redactor().text(&error.inner().to_string()),
            excerpt: self.redactor().excerpt(&self.body),
        })
    }
}

/// The error a failed answer of a per-item operation stands for, read from the first item
/// that failed, when the body is a list of items; `None` when it is not.
pub(crate) fn first_failed_item<C: ErrorCode>(
    operation: &'static str,
    shape: Option<&ErrorShape>,
    per_item: &PerItem,
    response: &Response,
) -> Option<Error<C>> {
    let body = serde_json::from_slice::<Value>(&response.body).ok()?;
    let failed = per_item
        .items(&body)?
        .iter()
        .find(|item| !per_item.succeeded(item))?;
    Some(Error::Api(Box::new(item_error(
        operation,
        shape,
        response,
        failed.clone(),
    ))))
}
