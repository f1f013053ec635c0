//! Reading a documented error out of a non-2xx response.

use serde_json::Value;

use super::error::{ApiError, Error, ErrorCode, ErrorShape};
use super::response::Response;

/// The error a non-2xx response stands for: [`Error::Api`] when its body has the service's
/// error shape and a code there, else [`Error::UnexpectedStatus`].
pub(crate) fn error_from<C: ErrorCode>(
    operation: &'static str,
    shape: Option<&ErrorShape>,
    response: Response,
) -> Error<C> {
    let api = shape.and_then(|shape| {
        let body = serde_json::from_slice::<Value>(&response.body).ok()?;
        let redactor = response.redactor();
        let code = match lookup(&body, shape.code)? {
            Value::String(code) => code.clone(),
            Value::Number(code) => code.to_string(),
            _ => return None,
        };
        let message = match lookup(&body, shape.message) {
            Some(Value::String(message)) => Some(redactor.text(message)),
            _ => None,
        };
        let details = shape
            .details
            .and_then(|path| lookup(&body, path))
            .filter(|details| !details.is_null())
            .map(|details| redactor.json(details.clone()));
        Some(ApiError {
            operation,
            status: response.status,
            code: C::from_wire(&redactor.text(&code)),
            message,
            details,
        })
    });
    match api {
        Some(api) => Error::Api(api),
        None => Error::UnexpectedStatus {
            operation,
            status: response.status,
            excerpt: response.redactor().excerpt(&response.body),
            content_type: response.content_type,
        },
    }
}

/// The value at `path`: object keys, and array indexes for steps of decimal digits.
fn lookup<'v>(value: &'v Value, path: &[&str]) -> Option<&'v Value> {
    path.iter().try_fold(value, |value, step| match value {
        Value::Object(fields) => fields.get(*step),
        Value::Array(items) => items.get(step.parse::<usize>().ok()?),
        _ => None,
    })
}
