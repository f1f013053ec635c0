//! The IR's types as JSON Schema (the 2020-12 dialect OpenAPI 3.1 uses): one component
//! schema per generated type, and a schema for each field, parameter and payload.

use super::node::Node;
use crate::ir::{Constraints, Enum, Field, RustType, Struct, Tagged, TypeDef, Union};
use crate::spec::{EnumLiteral, Format};

/// Where component schemas are referred to from.
const COMPONENTS: &str = "#/components/schemas/";

/// The schema of a value of `ty`, with its string format.
pub fn of(ty: &RustType, format: Option<Format>) -> Node {
    match ty {
        RustType::String => string(format),
        RustType::Integer => Node::map().with("type", "integer").with("format", "int64"),
        RustType::Number => Node::map().with("type", "number"),
        RustType::Boolean => Node::map().with("type", "boolean"),
        RustType::Json => Node::map(),
        RustType::DateTime => Node::map()
            .with("type", "string")
            .with("format", "date-time"),
        RustType::Date => Node::map().with("type", "string").with("format", "date"),
        RustType::Named(name) => Node::map().with("$ref", format!("{COMPONENTS}{name}")),
        RustType::List(item) => Node::map()
            .with("type", "array")
            .with("items", of(item, format)),
        RustType::Map(value) => Node::map()
            .with("type", "object")
            .with("additionalProperties", of(value, format)),
        // A file part: bytes, not JSON text (JSON Schema 2020-12's `contentMediaType`, as
        // OpenAPI 3.1 writes binary content).
        RustType::Binary => Node::map()
            .with("type", "string")
            .with("contentMediaType", "application/octet-stream"),
    }
}

/// A string, with what its format means in JSON Schema's words where it has some.
fn string(format: Option<Format>) -> Node {
    let schema = Node::map().with("type", "string");
    match format {
        None => schema,
        Some(Format::Email) => schema.with("format", "email"),
        Some(Format::Url) => schema.with("format", "uri"),
        Some(Format::Date) => schema.with("format", "date"),
        Some(Format::DateTime) => schema.with("format", "date-time"),
        // A 64-bit id sent as text: digits, which `format` alone would not say.
        Some(Format::Int64) => schema
            .with("pattern", "^-?[0-9]+$")
            .with("x-format", "int64"),
        Some(other) => schema.with("format", other.to_string()),
    }
}

/// `schema` with the documented constraints.
pub fn constrained(mut schema: Node, c: &Constraints) -> Node {
    let number = |v: f64| {
        if v.fract() == 0.0 && v.abs() < 9.0e15 {
            Node::Int(v as i64)
        } else {
            Node::Float(v)
        }
    };
    if let Some(v) = c.minimum {
        schema.set("minimum", number(v));
    }
    if let Some(v) = c.maximum {
        schema.set("maximum", number(v));
    }
    if let Some(v) = c.min_length {
        schema.set("minLength", v);
    }
    if let Some(v) = c.max_length {
        schema.set("maxLength", v);
    }
    if let Some(p) = &c.pattern {
        schema.set("pattern", p.as_str());
    }
    schema
}

/// `schema`, or `null`.
pub fn nullable(schema: Node) -> Node {
    Node::map().with("anyOf", vec![schema, Node::map().with("type", "null")])
}

/// The component schema of each generated type, by Rust name.
pub fn components(types: &[TypeDef]) -> Node {
    let mut out = Node::map();
    for t in types {
        let schema = match t {
            TypeDef::Struct(s) => object(s),
            TypeDef::Enum(e) => value_set(e),
            TypeDef::Union(u) => union(u),
            TypeDef::Tagged(t) => tagged(t),
        };
        out.set(t.name(), schema);
    }
    out
}

fn object(s: &Struct) -> Node {
    let mut properties = Node::map();
    for field in &s.fields {
        properties.set(&field.wire, field_schema(field));
    }
    let required: Vec<Node> = s
        .fields
        .iter()
        .filter(|f| f.required)
        .map(|f| Node::from(&f.wire))
        .collect();
    Node::map()
        .with("type", "object")
        .with_some("description", s.doc.as_deref())
        .with("properties", properties)
        .with_some("required", (!required.is_empty()).then_some(required))
        .with_some("x-assumed", s.assumed.as_deref())
}

/// A field's schema: its type, constraints, whether it may be `null`, its docs and the
/// other names it is accepted under.
pub fn field_schema(field: &Field) -> Node {
    described(
        field,
        constrained(of(&field.ty, field.format), &field.constraints),
    )
}

/// A field's schema, where a value that is there must be `value` at the key path `at`
/// inside it (the field itself when `at` is empty): `const` on the field, or an object
/// schema beside its own (`allOf`) that pins the key, so that a component the error body
/// shares is left as it is. The key may still be absent, as the client allows.
pub fn pinned_field_schema(field: &Field, at: &[String], value: Node) -> Node {
    let schema = constrained(of(&field.ty, field.format), &field.constraints);
    let Some((last, parents)) = at.split_last() else {
        return described(field, schema.with("const", value));
    };
    let mut pin = Node::map().with("type", "object");
    let mut inner = &mut pin;
    for key in parents {
        inner = inner.entry("properties").entry(key);
        inner.set("type", "object");
    }
    inner
        .entry("properties")
        .set(last, Node::map().with("const", value));
    described(field, Node::map().with("allOf", vec![schema, pin]))
}

/// `schema` as the schema of `field`: `null` allowed where the field may be `null`, its
/// docs, and the other names it is accepted under.
fn described(field: &Field, mut schema: Node) -> Node {
    // A clearable field sends `null` to clear the value.
    if field.nullable || field.clearable {
        schema = nullable(schema);
    }
    let aliases: Vec<Node> = field.aliases.iter().map(Node::from).collect();
    schema
        .with_some("description", field.doc.as_deref())
        .with_some("x-aliases", (!aliases.is_empty()).then_some(aliases))
        .with_some("x-assumed", field.assumed.as_deref())
}

fn value_set(e: &Enum) -> Node {
    let values: Vec<Node> = e
        .values
        .iter()
        .map(|v| match &v.wire {
            EnumLiteral::Int(n) => Node::Int(*n),
            EnumLiteral::Str(s) => Node::from(s),
        })
        .collect();
    let meanings: Vec<Node> = e
        .values
        .iter()
        .map(|v| Node::from(v.doc.as_deref().unwrap_or("")))
        .collect();
    Node::map()
        .with("type", if e.integer { "integer" } else { "string" })
        .with_some("description", e.doc.as_deref())
        .with("enum", values)
        .with("x-enum-descriptions", meanings)
        .with_some("x-assumed", e.assumed.as_deref())
}

fn union(u: &Union) -> Node {
    let forms: Vec<Node> = u.variants.iter().map(|(_, ty)| of(ty, None)).collect();
    Node::map()
        .with("description", u.doc.as_str())
        .with("anyOf", forms)
}

/// A tagged union: one of its variants' objects, each with the tag beside its fields
/// (`allOf` the variant's schema and the tag's `const`, so that exactly one form fits),
/// and the `discriminator` that maps each tag to its schema.
fn tagged(t: &Tagged) -> Node {
    let mut mapping = Node::map();
    let forms: Vec<Node> = t
        .variants
        .iter()
        .map(|v| {
            let reference = format!("{COMPONENTS}{}", v.ty);
            mapping.set(&v.tag, reference.as_str());
            let tag = Node::map()
                .with("type", "object")
                .with(
                    "properties",
                    Node::map().with(&t.tag, Node::map().with("const", v.tag.as_str())),
                )
                .with("required", vec![Node::from(&t.tag)]);
            Node::map().with(
                "allOf",
                vec![Node::map().with("$ref", reference.as_str()), tag],
            )
        })
        .collect();
    Node::map()
        .with_some("description", t.doc.as_deref())
        .with("oneOf", forms)
        .with(
            "discriminator",
            Node::map()
                .with("propertyName", t.tag.as_str())
                .with("mapping", mapping),
        )
        .with_some("x-assumed", t.assumed.as_deref())
}
