//! Named types (object types and their fields, value sets and their values), and type
//! expressions resolved into Rust types.

use std::collections::HashMap;

use super::{Builder, Declared, Taken, check_duplicates, flag, members, text};
use crate::ir::names;
use crate::ir::{
    Constraints, Enum, EnumValue, Field, RustType, Struct, Tagged, TaggedVariant, TypeDef, Union,
};
use crate::spec::type_expr::{self, Primitive, TypeExpr};
use crate::spec::{
    Entries, EnumLiteral, FieldSpec, Format, Located, Member, Position, TaggedSpec, TypeSpec,
};

/// A type expression, resolved: as written (for messages and checks on its shape) and as
/// the Rust type it becomes.
#[derive(Debug, Clone)]
pub(crate) struct Resolved {
    pub expr: TypeExpr,
    pub ty: RustType,
}

/// Where a type expression stands, which names the enum made for a union there.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Place<'p> {
    /// The type, request builder or other item the value belongs to.
    pub owner: &'p str,
    /// The Rust name of the field or parameter.
    pub field: &'p str,
    /// Its wire name.
    pub wire: &'p str,
}

/// The spec's named types, in spec order (the enums made for unions come later).
pub(crate) fn declared(builder: &mut Builder<'_>) -> Vec<TypeDef> {
    let spec = builder.spec;
    check_duplicates(builder, &spec.types, "type", None);
    let mut seen = std::collections::HashSet::new();
    let mut defs = Vec::new();
    for entry in &spec.types {
        check_type_name(builder, &entry.key);
        // A duplicate is reported above; only the first declaration becomes a type.
        if seen.insert(entry.key.as_str()) {
            defs.push(type_def(builder, &entry.key, &entry.value));
        }
    }
    defs
}

fn check_type_name(builder: &mut Builder<'_>, name: &Located<String>) {
    if !names::is_upper_camel_case(&name.value) {
        let suggestion = names::type_name(&name.value).unwrap_or_else(|| "OrganizationInfo".into());
        builder.error(
            name.at,
            format!("type name `{}` is not in UpperCamelCase", name.value),
            format!("write `{suggestion}`"),
        );
        return;
    }
    if Primitive::ALL
        .iter()
        .any(|(spelling, _)| spelling.eq_ignore_ascii_case(&name.value))
    {
        builder.error(
            name.at,
            format!(
                "type name `{}` reads as the primitive `{}`",
                name.value,
                name.value.to_lowercase()
            ),
            "choose a name that says what the type holds",
        );
        return;
    }
    let taken = builder.taken.get(&name.value).cloned();
    match taken {
        _ if names::is_keyword(&name.value) => builder.error(
            name.at,
            format!(
                "type name `{}` collides with an item the generated module defines",
                name.value
            ),
            format!("rename it, for example `{}Info`", name.value),
        ),
        Some(Taken::ModuleItem) => builder.error(
            name.at,
            format!(
                "type name `{}` collides with an item the generated module defines",
                name.value
            ),
            format!("rename it, for example `{}Info`", name.value),
        ),
        Some(Taken::Marker) => builder.error(
            name.at,
            format!(
                "type name `{}` collides with the type the generated module names its service by",
                name.value
            ),
            format!("rename it, for example `{}Info`", name.value),
        ),
        Some(Taken::Wire { of }) => builder.error(
            name.at,
            format!(
                "type `{}` takes the name of the private struct `{of}` decodes through",
                name.value
            ),
            format!(
                "rename the type, for example `{}Form`",
                name.value.trim_end_matches("Wire")
            ),
        ),
        Some(Taken::Builder { operation, page }) => builder.error(
            name.at,
            format!(
                "type `{}` takes the name of the {} of operation `{operation}`",
                name.value,
                if page { "page type" } else { "request builder" }
            ),
            format!(
                "rename the type, for example `{}Body`",
                name.value
                    .trim_end_matches("Page")
                    .trim_end_matches("Request")
            ),
        ),
        Some(Taken::Waiter { waiter }) => builder.error(
            name.at,
            format!(
                "type `{}` takes the name of the builder of waiter `{waiter}`",
                name.value
            ),
            format!("rename the type, for example `{}Job`", name.value),
        ),
        None => {}
    }
}

fn type_def(builder: &mut Builder<'_>, name: &Located<String>, spec: &TypeSpec) -> TypeDef {
    match builder.declared(&name.value) {
        Some(Declared::Values(values)) => TypeDef::Enum(Enum {
            name: name.value.clone(),
            doc: text(&spec.doc),
            assumed: builder.assumed(&spec.assumed),
            integer: values
                .iter()
                .any(|v| matches!(v.value.value, EnumLiteral::Int(_))),
            values: enum_values(builder, name, values),
        }),
        Some(Declared::Object(fields)) => {
            let fields = self::fields(builder, &name.value, &name.value, fields);
            TypeDef::Struct(Struct {
                name: name.value.clone(),
                doc: text(&spec.doc),
                assumed: builder.assumed(&spec.assumed),
                wire: wire_form(&name.value, &fields),
                fields,
                is_request_body: false,
            })
        }
        Some(Declared::Tagged(tagged)) => TypeDef::Tagged(Tagged {
            name: name.value.clone(),
            doc: text(&spec.doc),
            assumed: builder.assumed(&spec.assumed),
            tag: tagged.tag.value.clone(),
            variants: tagged_variants(builder, &name.value, tagged),
        }),
        Some(Declared::Broken) | None => {
            let kinds: Vec<&str> = [
                spec.fields.as_ref().map(|_| "`fields`"),
                spec.values.as_ref().map(|_| "`values`"),
                spec.tagged.as_ref().map(|_| "`tagged`"),
            ]
            .into_iter()
            .flatten()
            .collect();
            builder.error(
                name.at,
                match kinds.as_slice() {
                    [] => format!(
                        "type `{}` has none of `fields`, `values` and `tagged`",
                        name.value
                    ),
                    [a, b] => format!("type `{}` has both {a} and {b}", name.value),
                    _ => format!("type `{}` has {}", name.value, kinds.join(", ")),
                },
                "an object type has `fields:`; a set of allowed values has `values:`; a union of object types told apart by a key has `tagged:`",
            );
            TypeDef::Struct(Struct {
                name: name.value.clone(),
                doc: text(&spec.doc),
                assumed: builder.assumed(&spec.assumed),
                fields: Vec::new(),
                is_request_body: false,
                wire: None,
            })
        }
    }
}

/// The variants of a tagged union: each tag value once, each a declared object type with
/// no field of the tag's name (the tag is written beside the variant's fields), each with
/// a Rust variant of its own.
fn tagged_variants(
    builder: &mut Builder<'_>,
    owner: &str,
    spec: &TaggedSpec,
) -> Vec<TaggedVariant> {
    let tag = &spec.tag;
    if tag.value.is_empty() {
        builder.error(
            tag.at,
            format!("the `tag` of `{owner}` is empty"),
            "write the key whose text names the variant, such as `type`",
        );
    }
    if spec.variants.is_empty() {
        builder.error(
            tag.at,
            format!("tagged union `{owner}` has no variants"),
            "list each tag value and its object type: `variants: { card: CardPayment }`",
        );
    }
    check_duplicates(builder, &spec.variants, "tag value", Some(owner));
    let mut seen = std::collections::HashSet::new();
    let mut rust_variants: HashMap<String, (Position, String)> = HashMap::new();
    let mut out = Vec::new();
    for entry in &spec.variants {
        let (value, ty) = (&entry.key, &entry.value);
        let variant = match names::type_name(&value.value) {
            None => {
                builder.error(
                    value.at,
                    format!(
                        "tag value \"{}\" of `{owner}` cannot be turned into a Rust variant name",
                        value.value
                    ),
                    "a tag value becomes its variant in UpperCamelCase, so it needs a letter first (`card` becomes `Card`)",
                );
                None
            }
            Some(variant) if variant == names::UNKNOWN_VARIANT => {
                builder.error(
                    value.at,
                    format!(
                        "tag value \"{}\" of `{owner}` would become the variant `Unknown`, which holds the tags the server adds later",
                        value.value
                    ),
                    "if the server sends this tag, it decodes as `Unknown` already; remove the variant",
                );
                None
            }
            Some(variant) => match rust_variants.get(&variant) {
                Some((first_at, first)) if *first != value.value => {
                    let message = format!(
                        "tag values \"{first}\" and \"{}\" of `{owner}` both become the variant `{variant}`",
                        value.value
                    );
                    let hint = format!("the first is at {first_at}; keep one of them");
                    builder.error(value.at, message, hint);
                    None
                }
                _ => {
                    rust_variants.insert(variant.clone(), (value.at, value.value.clone()));
                    Some(variant)
                }
            },
        };
        let place = Place {
            owner,
            field: "variant",
            wire: &value.value,
        };
        let object = match builder.resolve(ty, place) {
            Some(Resolved {
                expr: TypeExpr::Named(name),
                ..
            }) => match builder.declared(&name) {
                Some(Declared::Object(fields)) => Some((name, fields)),
                Some(Declared::Values(_)) => {
                    builder.error(
                        ty.at,
                        format!(
                            "variant \"{}\" of `{owner}` is `{name}`, a value set",
                            value.value
                        ),
                        format!(
                            "a variant is an object type, whose fields sit beside the tag `{}`: declare one with `fields:` and name it here",
                            tag.value
                        ),
                    );
                    None
                }
                Some(Declared::Tagged(_)) => {
                    builder.error(
                        ty.at,
                        format!(
                            "variant \"{}\" of `{owner}` is `{name}`, itself a tagged union",
                            value.value
                        ),
                        "name an object type declared with `fields:`; list the inner union's variants here instead",
                    );
                    None
                }
                // Reported where the type is declared.
                Some(Declared::Broken) | None => None,
            },
            Some(resolved) => {
                builder.error(
                    ty.at,
                    format!(
                        "variant \"{}\" of `{owner}` is `{}`, not a declared object type",
                        value.value, resolved.expr
                    ),
                    "name an object type declared under `types:` with `fields:`",
                );
                None
            }
            None => None,
        };
        if let Some((name, fields)) = &object
            && let Some(field) = fields.iter().find(|f| {
                f.key.value == tag.value || f.value.aliases.iter().any(|a| a.value == tag.value)
            })
        {
            builder.error(
                field.key.at,
                format!(
                    "`{name}`, variant \"{}\" of `{owner}`, has a field `{}`, the key of the tag",
                    value.value, tag.value
                ),
                format!(
                    "the tag is sent and read beside the variant's fields, and says which variant it is; remove this field, or give `{owner}` another `tag`"
                ),
            );
        }
        // A repeated tag is reported above; only its first variant is kept.
        if !seen.insert(value.as_str()) {
            continue;
        }
        if let (Some(variant), Some((name, _))) = (variant, object) {
            out.push(TaggedVariant {
                tag: value.value.clone(),
                variant,
                ty: name,
            });
        }
    }
    out
}

/// The fields of an object, or of a response's `meta`: each with its Rust name (checked
/// against the others' after keyword escaping) and its resolved type. `owner` names them
/// in messages; `union_owner` starts the names of the enums made for their unions.
pub(crate) fn fields(
    builder: &mut Builder<'_>,
    owner: &str,
    union_owner: &str,
    fields: &Entries<FieldSpec>,
) -> Vec<Field> {
    check_duplicates(builder, fields, "field", Some(owner));
    let mut rust_names: HashMap<String, (Position, String)> = HashMap::new();
    let mut wire_names: HashMap<&str, Position> =
        fields.iter().map(|f| (f.key.as_str(), f.key.at)).collect();
    // The fields a wire struct gives each alias, so that no field takes their names.
    let alias_names: HashMap<String, (Position, String)> = fields
        .iter()
        .flat_map(|f| {
            let rust =
                names::member_name(&f.key.value, f.value.rust_name.as_ref().map(|r| r.as_str()));
            f.value
                .aliases
                .iter()
                .enumerate()
                .filter_map(move |(n, alias)| {
                    let rust = rust.as_deref()?;
                    Some((
                        names::alias_field(rust, n + 1),
                        (alias.at, alias.value.clone()),
                    ))
                })
        })
        .collect();
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for field in fields {
        let wire = &field.key;
        let spec = &field.value;
        let member: Member<'_> = spec.into();
        members::check_rust_name(builder, member);
        let rust = names::member_name(&wire.value, spec.rust_name.as_ref().map(|r| r.as_str()));
        match &rust {
            None => builder.error(
                wire.at,
                format!("field `{}` has no usable Rust name", wire.value),
                "add `rust_name:` with a snake_case name",
            ),
            Some(rust) => match rust_names.get(rust).or_else(|| alias_names.get(rust)) {
                Some((first_at, first_wire)) if *first_wire != wire.value => {
                    let (first_at, first_wire) = (*first_at, first_wire.clone());
                    builder.error(
                        wire.at,
                        format!(
                            "fields `{first_wire}` and `{}` of `{owner}` both become the Rust field `{rust}`",
                            wire.value
                        ),
                        format!("the first is at {first_at}; give one of them a `rust_name:`"),
                    );
                }
                Some(_) => {}
                None => {
                    rust_names.insert(rust.clone(), (wire.at, wire.value.clone()));
                }
            },
        }
        for alias in &spec.aliases {
            if let Some(first) = wire_names.get(alias.value.as_str()) {
                builder.error(
                    alias.at,
                    format!(
                        "alias `{}` of field `{}` is already a wire name of `{owner}`",
                        alias.value, wire.value
                    ),
                    format!("it is first used at {first}; remove the alias or the other field"),
                );
            } else {
                wire_names.insert(&alias.value, alias.at);
            }
        }
        let rust = rust.unwrap_or_else(|| "value".into());
        let resolved = builder.resolve(
            &spec.ty,
            Place {
                owner: union_owner,
                field: &rust,
                wire: &wire.value,
            },
        );
        if let Some(resolved) = &resolved {
            members::check_constraints(
                builder,
                member,
                &resolved.expr,
                &format!("field `{}`", wire.value),
            );
        }
        check_clearable(builder, wire, spec);
        // A duplicate wire name is reported above; only its first field is kept.
        if !seen.insert(wire.as_str()) {
            continue;
        }
        out.push(Field {
            wire: wire.value.clone(),
            aliases: spec.aliases.iter().map(|a| a.value.clone()).collect(),
            ty: resolved.map_or(RustType::Json, |r| dated(r.ty, member)),
            rust_name: rust,
            required: flag(&spec.required),
            nullable: flag(&spec.nullable),
            clearable: flag(&spec.clearable),
            doc: text(&spec.doc),
            assumed: builder.assumed(&spec.assumed),
            format: spec.format.as_ref().map(|f| f.value),
            constraints: constraints(member),
        });
    }
    check_patch_methods(builder, owner, fields, &out);
    out
}

/// `clearable` says a field may be left out, cleared or set; `required`, `nullable` and
/// `aliases` contradict or repeat that.
fn check_clearable(builder: &mut Builder<'_>, wire: &Located<String>, spec: &FieldSpec) {
    let Some(clearable) = spec.clearable.as_ref().filter(|c| c.value) else {
        return;
    };
    if flag(&spec.required) {
        builder.error(
            clearable.at,
            format!("field `{}` is both `required` and `clearable`", wire.value),
            "a clearable field may be left out of a request; remove `required: true` or `clearable: true`",
        );
    }
    if flag(&spec.nullable) {
        builder.error(
            clearable.at,
            format!("field `{}` is both `nullable` and `clearable`", wire.value),
            "`clearable: true` already sends `null` on purpose; remove `nullable: true`",
        );
    }
    if !spec.aliases.is_empty() {
        builder.error(
            clearable.at,
            format!("clearable field `{}` has aliases", wire.value),
            "a request sends one wire name; remove `aliases:` or `clearable: true`",
        );
    }
}

/// A clearable field gets a setter of its own name and a `clear_` method: neither may be
/// a method the struct already has, nor the other's of another field.
fn check_patch_methods(
    builder: &mut Builder<'_>,
    owner: &str,
    specs: &Entries<FieldSpec>,
    fields: &[Field],
) {
    let mut methods: HashMap<String, String> = names::STRUCT_METHODS
        .iter()
        .map(|m| ((*m).to_owned(), "the constructor".to_owned()))
        .collect();
    for field in fields.iter().filter(|f| f.clearable) {
        let at = specs
            .iter()
            .find(|s| s.key.value == field.wire)
            .and_then(|s| s.value.clearable.as_ref())
            .map(|c| c.at);
        for method in [
            names::unraw(&field.rust_name).to_owned(),
            names::clear_method(&field.rust_name),
        ] {
            match methods.get(&method) {
                Some(first) => {
                    let message = format!(
                        "clearable field `{}` of `{owner}` would get the method `{method}`, which is already {first}",
                        field.wire
                    );
                    if let Some(at) = at {
                        builder.error(at, message, "give the field another `rust_name:`");
                    }
                }
                None => {
                    methods.insert(method, format!("the method of field `{}`", field.wire));
                }
            }
        }
    }
}

/// A `string` with `format: date` or `date-time` as the typed date it holds, unless the
/// member is `lenient`.
pub(crate) fn dated(ty: RustType, member: Member<'_>) -> RustType {
    match (ty, member.format.map(|f| f.value)) {
        (RustType::String, Some(Format::DateTime)) if !member.lenient => RustType::DateTime,
        (RustType::String, Some(Format::Date)) if !member.lenient => RustType::Date,
        (ty, _) => ty,
    }
}

/// The private struct `owner` decodes through, when one of `fields` has aliases.
pub(crate) fn wire_form(owner: &str, fields: &[Field]) -> Option<String> {
    fields
        .iter()
        .any(|f| !f.aliases.is_empty())
        .then(|| names::wire_name(owner))
}

/// Each value with its Rust variant: its `name`, or its string in UpperCamelCase.
fn enum_values(
    builder: &mut Builder<'_>,
    name: &Located<String>,
    values: &[Located<crate::spec::EnumValueSpec>],
) -> Vec<EnumValue> {
    if values.is_empty() {
        builder.error(
            name.at,
            format!("value set `{}` has no values", name.value),
            "list the documented values",
        );
        return Vec::new();
    }
    if literal_kind(values).is_none() {
        builder.error(
            name.at,
            format!("value set `{}` mixes strings and integers", name.value),
            "a value set holds only strings or only integers; quote the integers to make them strings",
        );
    }
    let mut seen: HashMap<&EnumLiteral, Position> = HashMap::new();
    let mut variants: HashMap<String, Position> = HashMap::new();
    let mut out = Vec::new();
    for value in values {
        let literal = &value.value.value;
        if let Some(first) = seen.get(literal) {
            builder.error(
                value.at,
                format!(
                    "value {literal} of `{}` is listed twice; it is first listed at {first}",
                    name.value
                ),
                "remove the repeated value",
            );
            continue;
        }
        seen.insert(literal, value.at);
        // A value whose variant is refused still counts as allowed (for the samples);
        // it keeps a stand-in variant, as the IR is not generated from while errors remain.
        let stand_in = || match literal {
            EnumLiteral::Int(i) => format!("Value{i}"),
            EnumLiteral::Str(_) => "Value".to_owned(),
        };
        let variant = match (&value.value.name, literal) {
            (Some(explicit), _) if !names::is_upper_camel_case(explicit) => {
                builder.error(
                    value.at,
                    format!("variant name `{explicit}` is not in UpperCamelCase"),
                    format!(
                        "write `{}`",
                        names::type_name(explicit).unwrap_or_else(|| "Value".into())
                    ),
                );
                None
            }
            (Some(explicit), _) => Some(names::escape_keyword(explicit)),
            (None, EnumLiteral::Int(i)) => {
                builder.error(
                    value.at,
                    format!("integer value {i} of `{}` needs a `name`", name.value),
                    format!("write `{{ value: {i}, name: SomeName, doc: ... }}`"),
                );
                None
            }
            (None, EnumLiteral::Str(s)) => {
                let variant = names::type_name(s);
                if variant.is_none() {
                    builder.error(
                        value.at,
                        format!(
                            "value \"{s}\" of `{}` cannot be turned into a Rust variant name",
                            name.value
                        ),
                        format!("write `{{ value: \"{s}\", name: SomeName }}`"),
                    );
                }
                variant
            }
        };
        if let Some(variant) = &variant {
            if variant == names::UNKNOWN_VARIANT {
                builder.error(
                    value.at,
                    format!("value {literal} of `{}` would become the variant `Unknown`, which holds values the server adds later", name.value),
                    "give it another `name`",
                );
            } else if let Some(first) = variants.get(variant) {
                builder.error(
                    value.at,
                    format!("value {literal} of `{}` becomes the variant `{variant}`, like the value at {first}", name.value),
                    "give one of them a different `name`",
                );
            } else {
                variants.insert(variant.clone(), value.at);
            }
        }
        out.push(EnumValue {
            variant: variant.unwrap_or_else(stand_in),
            wire: literal.clone(),
            doc: value.value.doc.clone(),
        });
    }
    out
}

/// The kind of the values of a value set, when they agree.
pub(crate) fn literal_kind(values: &[Located<crate::spec::EnumValueSpec>]) -> Option<&'static str> {
    let kind = |v: &EnumLiteral| match v {
        EnumLiteral::Str(_) => "string",
        EnumLiteral::Int(_) => "integer",
    };
    let first = kind(&values.first()?.value.value);
    values
        .iter()
        .all(|v| kind(&v.value.value) == first)
        .then_some(first)
}

pub(crate) fn constraints(member: Member<'_>) -> Constraints {
    Constraints {
        minimum: member.minimum.map(|v| v.value),
        maximum: member.maximum.map(|v| v.value),
        min_length: member.min_length.map(|v| v.value),
        max_length: member.max_length.map(|v| v.value),
        pattern: member.pattern.map(|p| p.value.clone()),
    }
}

impl Builder<'_> {
    /// Parses and resolves a type expression, reporting what is wrong with it; `None`
    /// when it does not parse or names an undeclared type. A union becomes a new enum,
    /// named after `place`.
    pub(crate) fn resolve(&mut self, ty: &Located<String>, place: Place<'_>) -> Option<Resolved> {
        let expr = match type_expr::parse(&ty.value) {
            Ok(expr) => expr,
            Err(e) => {
                let at = self.inside(ty.at, e.index);
                let primitives: Vec<String> = Primitive::ALL
                    .iter()
                    .map(|(p, _)| format!("`{p}`"))
                    .collect();
                self.error(
                    at,
                    format!("`{}` is not a type expression: {}", ty.value, e.message),
                    format!(
                        "write {}, a type name, `[T]`, `{{string: T}}` (quoted in YAML) or `A | B`",
                        primitives.join(", ")
                    ),
                );
                return None;
            }
        };
        let mut resolved = true;
        for name in expr.named() {
            self.used_types.insert(name.to_owned());
            if self.declared(name).is_none() {
                resolved = false;
                let candidates = self.spec.types.iter().map(|e| e.key.as_str());
                let hint = crate::suggest::closest(name, candidates, true).map_or_else(
                    || format!("declare `{name}` under `types:`"),
                    |close| {
                        format!("did you mean `{close}`? Otherwise declare `{name}` under `types:`")
                    },
                );
                let index = ty.value.find(name).unwrap_or(0);
                let at = self.inside(ty.at, index);
                self.error(at, format!("unknown type `{name}`"), hint);
            }
        }
        if !binary_fits(&expr, 0) {
            self.error(
                ty.at,
                format!("`{}`: `binary` stands alone or in a list", ty.value),
                "write `binary` (one file part, or a download) or `[binary]` (several parts under one name); a file is not one of several types, nor a map's value",
            );
            return None;
        }
        if !resolved {
            return None;
        }
        let ty = self.rust_type(&expr, place);
        Some(Resolved { expr, ty })
    }

    fn rust_type(&mut self, expr: &TypeExpr, place: Place<'_>) -> RustType {
        match expr {
            TypeExpr::Primitive(p) => primitive(*p),
            TypeExpr::Named(name) => RustType::Named(name.clone()),
            TypeExpr::Array(item) => RustType::List(Box::new(self.rust_type(item, place))),
            TypeExpr::Map(value) => RustType::Map(Box::new(self.rust_type(value, place))),
            TypeExpr::Union(alternatives) => {
                let mut variants: Vec<(String, RustType)> = alternatives
                    .iter()
                    .map(|a| (union_variant(a), self.rust_type(a, place)))
                    .collect();
                // Untagged decoding tries variants in order: an integer must be tried
                // before a number, or every integer would become a float.
                variants.sort_by_key(|(_, ty)| matches!(ty, RustType::Number));
                let base = format!(
                    "{}{}",
                    place.owner,
                    names::type_name(names::unraw(place.field)).unwrap_or_default()
                );
                let name = self.fresh_type_name(&base);
                self.unions.push(Union {
                    name: name.clone(),
                    doc: format!(
                        "The `{}` field of `{}`, which the document gives as `{expr}`.",
                        place.wire, place.owner
                    ),
                    expr: expr.to_string(),
                    variants,
                });
                RustType::Named(name)
            }
        }
    }

    /// Whether a value of this type can travel as text: in a query string, a path segment
    /// or a header.
    pub(crate) fn is_scalar(&self, expr: &TypeExpr) -> bool {
        match expr {
            TypeExpr::Primitive(p) => !matches!(p, Primitive::Any | Primitive::Binary),
            TypeExpr::Named(name) => matches!(self.declared(name), Some(Declared::Values(_))),
            TypeExpr::Array(_) | TypeExpr::Map(_) => false,
            TypeExpr::Union(alternatives) => alternatives.iter().all(|a| self.is_scalar(a)),
        }
    }
}

/// The fields of the struct `ty` names; none for any other type.
pub(crate) fn struct_fields<'t>(types: &'t [TypeDef], ty: &RustType) -> &'t [Field] {
    let RustType::Named(name) = ty else {
        return &[];
    };
    types
        .iter()
        .find_map(|t| match t {
            TypeDef::Struct(s) if s.name == *name => Some(s.fields.as_slice()),
            _ => None,
        })
        .unwrap_or_default()
}

/// A dotted path walked through struct fields.
pub(crate) struct Walked<'t> {
    /// Each step's Rust name, and whether that field is always there.
    pub steps: Vec<(String, bool)>,
    /// The field the path ends at.
    pub field: &'t Field,
}

/// A dotted wire path (`info.more_records`) walked through struct fields from `start`; or
/// the first key that is no field where it stands. What the path must point at, and how a
/// wrong one is reported, is the caller's.
pub(crate) fn walk_path<'t, 'p>(
    start: &'t [Field],
    path: &'p str,
    types: &'t [TypeDef],
) -> Result<Walked<'t>, &'p str> {
    let mut fields = start;
    let mut steps = Vec::new();
    let mut last = None;
    for key in path.split('.') {
        let field = fields.iter().find(|f| f.wire == key).ok_or(key)?;
        steps.push((field.rust_name.clone(), !field.optional()));
        fields = struct_fields(types, &field.ty);
        last = Some(field);
    }
    last.map(|field| Walked { steps, field }).ok_or(path)
}

fn primitive(p: Primitive) -> RustType {
    match p {
        Primitive::String => RustType::String,
        Primitive::Integer => RustType::Integer,
        Primitive::Number => RustType::Number,
        Primitive::Boolean => RustType::Boolean,
        Primitive::Any => RustType::Json,
        Primitive::Binary => RustType::Binary,
    }
}

/// Whether `binary` stands where it means something: alone, or as the items of one list
/// (`depth` counts the lists around it).
fn binary_fits(expr: &TypeExpr, depth: usize) -> bool {
    match expr {
        TypeExpr::Primitive(_) | TypeExpr::Named(_) => true,
        TypeExpr::Array(item) if **item == TypeExpr::Primitive(Primitive::Binary) => depth == 0,
        TypeExpr::Array(item) => binary_fits(item, depth + 1),
        TypeExpr::Map(value) => !mentions_binary(value),
        TypeExpr::Union(alternatives) => !alternatives.iter().any(mentions_binary),
    }
}

fn mentions_binary(expr: &TypeExpr) -> bool {
    match expr {
        TypeExpr::Primitive(p) => *p == Primitive::Binary,
        TypeExpr::Named(_) => false,
        TypeExpr::Array(item) | TypeExpr::Map(item) => mentions_binary(item),
        TypeExpr::Union(alternatives) => alternatives.iter().any(mentions_binary),
    }
}

fn union_variant(expr: &TypeExpr) -> String {
    match expr {
        TypeExpr::Primitive(Primitive::String) => "Text".into(),
        TypeExpr::Primitive(Primitive::Integer) => "Integer".into(),
        TypeExpr::Primitive(Primitive::Number) => "Number".into(),
        TypeExpr::Primitive(Primitive::Boolean) => "Boolean".into(),
        TypeExpr::Primitive(Primitive::Any) => "Json".into(),
        TypeExpr::Primitive(Primitive::Binary) => "Binary".into(),
        TypeExpr::Named(name) => name.clone(),
        TypeExpr::Array(item) => format!("{}List", union_variant(item)),
        TypeExpr::Map(value) => format!("{}Map", union_variant(value)),
        TypeExpr::Union(_) => "Alternative".into(),
    }
}
