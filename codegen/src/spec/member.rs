//! What fields and parameters have in common, as one borrowed view: a type, a format,
//! constraints and a default. The validator checks them once through it, and the IR
//! reads constraints from it.
//!
//! `FieldSpec` and `ParamSpec` repeat these keys rather than share a flattened struct
//! because `#[serde(flatten)]` buffers values and would lose their source positions.

use super::{FieldSpec, Format, Located, ParamSpec};

/// A borrowed view of the typed part of a field or a parameter.
#[derive(Debug, Clone, Copy)]
pub struct Member<'a> {
    /// The type expression, as written.
    pub ty: &'a Located<String>,
    /// The `format` of the field or parameter.
    pub format: Option<&'a Located<Format>>,
    /// Whether the value may be `null` (never, for parameters).
    pub nullable: bool,
    /// The `default` of the field or parameter.
    pub default: Option<&'a Located<serde_json::Value>>,
    /// The `minimum` of the field or parameter.
    pub minimum: Option<&'a Located<f64>>,
    /// The `maximum` of the field or parameter.
    pub maximum: Option<&'a Located<f64>>,
    /// The `min_length` of the field or parameter.
    pub min_length: Option<&'a Located<u64>>,
    /// The `max_length` of the field or parameter.
    pub max_length: Option<&'a Located<u64>>,
    /// The `pattern` of the field or parameter.
    pub pattern: Option<&'a Located<String>>,
    /// The `rust_name` of the field or parameter.
    pub rust_name: Option<&'a Located<String>>,
    /// Whether a date stays the text it was sent as.
    pub lenient: bool,
}

impl<'a> From<&'a FieldSpec> for Member<'a> {
    fn from(f: &'a FieldSpec) -> Self {
        Member {
            ty: &f.ty,
            format: f.format.as_ref(),
            nullable: f.nullable.as_ref().is_some_and(|n| n.value),
            default: f.default.as_ref(),
            minimum: f.minimum.as_ref(),
            maximum: f.maximum.as_ref(),
            min_length: f.min_length.as_ref(),
            max_length: f.max_length.as_ref(),
            pattern: f.pattern.as_ref(),
            rust_name: f.rust_name.as_ref(),
            lenient: f.lenient.as_ref().is_some_and(|l| l.value),
        }
    }
}

impl<'a> From<&'a ParamSpec> for Member<'a> {
    fn from(p: &'a ParamSpec) -> Self {
        Member {
            ty: &p.ty,
            format: p.format.as_ref(),
            nullable: false,
            default: p.default.as_ref(),
            minimum: p.minimum.as_ref(),
            maximum: p.maximum.as_ref(),
            min_length: p.min_length.as_ref(),
            max_length: p.max_length.as_ref(),
            pattern: p.pattern.as_ref(),
            rust_name: p.rust_name.as_ref(),
            lenient: p.lenient.as_ref().is_some_and(|l| l.value),
        }
    }
}
