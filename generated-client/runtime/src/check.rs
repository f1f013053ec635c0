//! The documented constraints, checked before a request is sent: a value outside them is
//! `Error::InvalidRequest` naming the parameter, and nothing goes on the wire.

use std::fmt::Display;
use std::sync::OnceLock;

use regex_lite::Regex;

use super::error::{Error, ErrorCode};

/// Fails unless `min <= value <= max` (each bound when given).
pub fn range<C: ErrorCode, T: PartialOrd + Display + Copy>(
    operation: &'static str,
    parameter: &'static str,
    value: T,
    min: Option<T>,
    max: Option<T>,
) -> Result<(), Error<C>> {
    let too_small = min.is_some_and(|min| value < min);
    let too_large = max.is_some_and(|max| value > max);
    if !(too_small || too_large) {
        return Ok(());
    }
    let expected = match (min, max) {
        (Some(min), Some(max)) => format!("between {min} and {max}"),
        (Some(min), None) => format!("at least {min}"),
        (None, Some(max)) => format!("at most {max}"),
        (None, None) => String::new(),
    };
    Err(Error::InvalidRequest {
        operation,
        parameter,
        reason: format!("must be {expected}, got {value}"),
    })
}

/// Fails unless the value has between `min` and `max` characters (each bound when given).
pub fn length<C: ErrorCode>(
    operation: &'static str,
    parameter: &'static str,
    value: &str,
    min: Option<usize>,
    max: Option<usize>,
) -> Result<(), Error<C>> {
    let count = value.chars().count();
    let too_short = min.is_some_and(|min| count < min);
    let too_long = max.is_some_and(|max| count > max);
    if !(too_short || too_long) {
        return Ok(());
    }
    let expected = match (min, max) {
        (Some(min), Some(max)) => format!("between {min} and {max} characters"),
        (Some(min), None) => format!("at least {min} characters"),
        (None, Some(max)) => format!("at most {max} characters"),
        (None, None) => String::new(),
    };
    Err(Error::InvalidRequest {
        operation,
        parameter,
        reason: format!("must have {expected}, got {count}"),
    })
}

/// A documented pattern, compiled on first use.
#[derive(Debug)]
pub struct Pattern {
    source: &'static str,
    compiled: OnceLock<Option<Regex>>,
}

impl Pattern {
    /// A pattern from its source; the generator has checked that it compiles.
    pub const fn new(source: &'static str) -> Self {
        Pattern {
            source,
            compiled: OnceLock::new(),
        }
    }
}

/// Fails unless the whole value matches the pattern.
pub fn pattern<C: ErrorCode>(
    operation: &'static str,
    parameter: &'static str,
    value: &str,
    pattern: &Pattern,
) -> Result<(), Error<C>> {
    let regex = pattern
        .compiled
        .get_or_init(|| Regex::new(pattern.source).ok());
    match regex {
        Some(regex) if regex.is_match(value) => Ok(()),
        Some(_) => Err(Error::InvalidRequest {
            operation,
            parameter,
            reason: format!("must match `{}`", pattern.source),
        }),
        // The generator refuses specs whose patterns do not compile, so this is a
        // generator bug; refusing the request is safer than sending unchecked input.
        None => Err(Error::InvalidRequest {
            operation,
            parameter,
            reason: format!("cannot check the pattern `{}`", pattern.source),
        }),
    }
}

/// A list query value: its items joined by commas.
pub fn join<T: Display>(values: &[T]) -> String {
    values
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
}
