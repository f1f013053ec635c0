//! Reading a documented error out of an answer: a non-2xx one, or a 2xx one whose body
//! carries an error code where the service's successes carry a success code.

use serde_json::Value;

use super::error::{ApiError, Error, ErrorCode, ErrorShape};
use super::items::{PerItem, first_failed_item};
use super::response::Response;
use super::untyped::{Codes, Untyped, WireCode};

/// The error a non-2xx response stands for: [`Error::Api`] when its body has the service's
/// error shape (a code there, or, for a service whose errors carry no code, a message), or,
/// for an operation that reports per item, when it is a list of items one of which failed;
/// else [`Error::UnexpectedStatus`].
pub(crate) fn error_from(
    operation: &'static str,
    shape: Option<&ErrorShape>,
    codes: Codes,
    per_item: Option<&PerItem>,
    response: Response,
) -> Untyped {
    if let Some(api) = shape.and_then(|shape| api_error(operation, shape, codes, &response)) {
        return Error::Api(Box::new(api));
    }
    match per_item.and_then(|per_item| first_failed_item(operation, shape, per_item, &response)) {
        Some(error) => error,
        None => Error::UnexpectedStatus {
            operation,
            status: response.status,
            excerpt: response.redactor().excerpt(&response.body),
            answer: response.answer(),
            content_type: response.content_type,
        },
    }
}

/// The error a 2xx response stands for, when the service's successes carry a success code
/// (`ErrorShape::success`) and this body carries another one at the code's place.
pub(crate) fn error_in_success(
    operation: &'static str,
    shape: Option<&ErrorShape>,
    codes: Codes,
    response: &Response,
) -> Option<Untyped> {
    let shape = shape?;
    let success = shape.success?;
    let body = serde_json::from_slice::<Value>(&response.body).ok()?;
    let code = code_text(lookup(&body, shape.code?)?)?;
    if code == success {
        return None;
    }
    api_error(operation, shape, codes, response).map(|api| Error::Api(Box::new(api)))
}

fn api_error(
    operation: &'static str,
    shape: &ErrorShape,
    codes: Codes,
    response: &Response,
) -> Option<ApiError<WireCode>> {
    let body = serde_json::from_slice::<Value>(&response.body).ok()?;
    let redactor = response.redactor();
    let message = match lookup(&body, shape.message) {
        Some(Value::String(message)) => Some(redactor.text(message)),
        _ => None,
    };
    let code = match shape.code {
        Some(path) => {
            let code = redactor.text(&code_text(lookup(&body, path)?)?);
            // Not of the service's kind: not one of its documented errors.
            if !(codes.known)(&code) {
                return None;
            }
            Some(WireCode::from_wire(&code)?)
        }
        // Without a code, the message is what says the body is the service's error.
        None if message.is_some() => None,
        None => return None,
    };
    let details = shape
        .details
        .and_then(|path| lookup(&body, path))
        .filter(|details| !details.is_null())
        .map(|details| redactor.json(details.clone()));
    Some(ApiError {
        operation,
        status: response.status,
        code,
        message,
        details,
        body: redactor.json(body),
        answer: response.answer(),
    })
}

/// The error one failed item of a per-item answer stands for: the service's error shape
/// applied to the item (its code, message and details), the item kept as the body. A code
/// that is missing, or not of the service's kind, leaves `code` empty rather than losing
/// the item's failure.
pub(crate) fn item_error<C: ErrorCode>(
    operation: &'static str,
    shape: Option<&ErrorShape>,
    response: &Response,
    item: Value,
) -> ApiError<C> {
    let redactor = response.redactor();
    let text = |path: Option<&[&str]>| match path.and_then(|path| lookup(&item, path)) {
        Some(Value::String(text)) => Some(redactor.text(text)),
        _ => None,
    };
    let code = shape
        .and_then(|shape| shape.code)
        .and_then(|path| lookup(&item, path))
        .and_then(code_text)
        .and_then(|code| C::from_wire(&redactor.text(&code)));
    let message = text(shape.map(|shape| shape.message));
    let details = shape
        .and_then(|shape| shape.details)
        .and_then(|path| lookup(&item, path))
        .filter(|details| !details.is_null())
        .map(|details| redactor.json(details.clone()));
    ApiError {
        operation,
        status: response.status,
        code,
        message,
        details,
        body: redactor.json(item),
        answer: response.answer(),
    }
}

/// A code as text: a string as it is, a number in decimal.
fn code_text(value: &Value) -> Option<String> {
    match value {
        Value::String(code) => Some(code.clone()),
        Value::Number(code) => Some(code.to_string()),
        _ => None,
    }
}

/// The value at `path`: object keys, and array indexes for steps of decimal digits.
pub(crate) fn lookup<'v>(value: &'v Value, path: &[&str]) -> Option<&'v Value> {
    path.iter().try_fold(value, |value, step| match value {
        Value::Object(fields) => fields.get(*step),
        Value::Array(items) => items.get(step.parse::<usize>().ok()?),
        _ => None,
    })
}
