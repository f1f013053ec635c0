//! Builds the [`Service`] of a validated spec.
//!
//! The spec has been validated, so references resolve; where something still does not
//! (it cannot after validation), the builder falls back to `serde_json::Value` rather
//! than panic.

use std::collections::{BTreeSet, HashSet};

use super::{
    Auth, Constraints, Enum, EnumValue, ErrorCode, ErrorShape, Field, Operation, Pagination, Param,
    PathSegment, RateLimit, Region, Response, RustType, Service, Struct, TypeDef, Union,
};
use crate::load::LoadedSpec;
use crate::naming;
use crate::path_template::{PathTemplate, Segment};
use crate::spec::{
    EnumLiteral, FieldSpec, Located, Member, OperationSpec, PaginationStyle, ParamLocation,
    ParamSpec, ServiceSpec, TypeSpec,
};
use crate::types::{self, Primitive, TypeExpr};

/// The IR of a loaded spec. `spec_file` is how generated files name their source.
pub fn build(loaded: &LoadedSpec, spec_file: &str) -> Service {
    let spec = &loaded.spec;
    let mut builder = Builder {
        spec,
        unions: Vec::new(),
        taken: spec.types.iter().map(|t| t.key.value.clone()).collect(),
    };
    let request_types = request_types(spec);
    let mut types: Vec<TypeDef> = spec
        .types
        .iter()
        .map(|entry| {
            builder.type_def(
                &entry.key.value,
                &entry.value,
                request_types.contains(entry.key.as_str()),
            )
        })
        .collect();
    let common_params = spec
        .common_params
        .iter()
        .map(|p| builder.param(&p.key.value, &p.value))
        .collect();
    let operations = spec
        .operations
        .iter()
        .map(|op| builder.operation(&op.key.value, &op.value))
        .collect();
    types.extend(builder.unions.into_iter().map(TypeDef::Union));

    let errors = spec.errors.as_ref();
    Service {
        module: spec.service.value.clone(),
        spec_file: spec_file.to_owned(),
        title: spec.title.value.clone(),
        description: text(&spec.description),
        source: spec.source.value.clone(),
        docs_url: text(&spec.docs),
        auth: Auth {
            scheme: spec.auth.scheme.value,
            token_path: text(&spec.auth.token_path),
            doc: text(&spec.auth.doc),
        },
        regions: spec
            .regions
            .iter()
            .map(|r| Region {
                key: r.key.value.clone(),
                variant: variant_name(&r.key.value),
                api: r.value.api.value.clone(),
                accounts: text(&r.value.accounts),
                doc: text(&r.value.doc),
            })
            .collect(),
        default_region: variant_name(&spec.default_region.value),
        response_content_type: text(&spec.response_content_type)
            .unwrap_or_else(|| "application/json".into()),
        common_params,
        error_shape: errors.and_then(|e| e.body.as_ref()).map(|body| ErrorShape {
            code: key_path(&body.code.value),
            message: key_path(&body.message.value),
            details: body.details.as_ref().map(|d| key_path(&d.value)),
            doc: text(&body.doc),
        }),
        error_codes: errors
            .map(|e| {
                e.codes
                    .iter()
                    .map(|code| ErrorCode {
                        wire: code.key.value.clone(),
                        variant: variant_name(&code.key.value.to_lowercase()),
                        status: code.value.status.value,
                        cases: match &code.value.cases {
                            Some(cases) => cases
                                .iter()
                                .map(|c| (c.meaning.value.clone(), text(&c.resolution)))
                                .collect(),
                            None => vec![(
                                text(&code.value.meaning).unwrap_or_default(),
                                text(&code.value.resolution),
                            )],
                        },
                    })
                    .collect()
            })
            .unwrap_or_default(),
        types,
        operations,
    }
}

struct Builder<'a> {
    spec: &'a ServiceSpec,
    unions: Vec<Union>,
    /// Type names in use, so that union names never collide.
    taken: HashSet<String>,
}

impl Builder<'_> {
    fn type_def(&mut self, name: &str, spec: &TypeSpec, is_request_body: bool) -> TypeDef {
        if let Some(values) = &spec.values {
            let integer = values
                .iter()
                .any(|v| matches!(v.value.value, EnumLiteral::Int(_)));
            return TypeDef::Enum(Enum {
                name: name.to_owned(),
                doc: text(&spec.doc),
                integer,
                values: values
                    .iter()
                    .map(|v| EnumValue {
                        variant: v
                            .value
                            .name
                            .clone()
                            .unwrap_or_else(|| match &v.value.value {
                                EnumLiteral::Str(s) => variant_name(s),
                                EnumLiteral::Int(i) => format!("Value{i}"),
                            }),
                        wire: v.value.value.clone(),
                        doc: v.value.doc.clone(),
                    })
                    .collect(),
            });
        }
        let fields = spec
            .fields
            .as_ref()
            .map(|fields| {
                fields
                    .iter()
                    .map(|f| self.field(name, &f.key.value, &f.value))
                    .collect()
            })
            .unwrap_or_default();
        TypeDef::Struct(Struct {
            name: name.to_owned(),
            doc: text(&spec.doc),
            fields,
            is_request_body,
        })
    }

    fn field(&mut self, owner: &str, wire: &str, spec: &FieldSpec) -> Field {
        let rust_name = rust_field_name(wire, spec.rust_name.as_ref());
        Field {
            wire: wire.to_owned(),
            aliases: spec.aliases.iter().map(|a| a.value.clone()).collect(),
            ty: self.rust_type(&spec.ty.value, owner, &rust_name, wire),
            rust_name,
            required: flag(&spec.required) && !flag(&spec.nullable),
            doc: text(&spec.doc),
            format: spec.format.as_ref().map(|f| f.value),
            constraints: constraints(spec.into()),
        }
    }

    fn param(&mut self, wire: &str, spec: &ParamSpec) -> Param {
        let rust_name = rust_field_name(wire, spec.rust_name.as_ref());
        Param {
            wire: wire.to_owned(),
            ty: self.rust_type(&spec.ty.value, "Param", &rust_name, wire),
            rust_name,
            location: spec.location.value,
            required: spec.location.value == ParamLocation::Path || flag(&spec.required),
            default: spec.default.as_ref().map(|d| d.value.to_string()),
            doc: text(&spec.doc),
            constraints: constraints(spec.into()),
        }
    }

    /// The Rust type of a type expression; a union becomes a new enum named after its owner and field.
    fn rust_type(&mut self, expr: &str, owner: &str, field: &str, wire: &str) -> RustType {
        match types::parse(expr) {
            Ok(parsed) => self.type_of_expr(&parsed, owner, field, wire),
            Err(_) => RustType::Json,
        }
    }

    fn type_of_expr(&mut self, expr: &TypeExpr, owner: &str, field: &str, wire: &str) -> RustType {
        match expr {
            TypeExpr::Primitive(p) => primitive(*p),
            TypeExpr::Named(name) if self.spec.types.contains(name) => {
                RustType::Named(name.clone())
            }
            TypeExpr::Named(_) => RustType::Json,
            TypeExpr::Array(item) => {
                RustType::List(Box::new(self.type_of_expr(item, owner, field, wire)))
            }
            TypeExpr::Union(alternatives) => {
                let mut variants: Vec<(String, RustType)> = alternatives
                    .iter()
                    .map(|a| (union_variant(a), self.type_of_expr(a, owner, field, wire)))
                    .collect();
                // Untagged decoding tries variants in order: an integer must be tried
                // before a number, or every integer would become a float.
                variants.sort_by_key(|(_, ty)| matches!(ty, RustType::Number));
                let base = format!(
                    "{owner}{}",
                    naming::type_name(field.trim_start_matches("r#")).unwrap_or_default()
                );
                let name = self.fresh_name(&base);
                self.unions.push(Union {
                    name: name.clone(),
                    doc: format!(
                        "The `{wire}` field of `{owner}`, which the document gives as `{expr}`."
                    ),
                    variants,
                });
                RustType::Named(name)
            }
        }
    }

    fn fresh_name(&mut self, base: &str) -> String {
        let mut name = base.to_owned();
        let mut counter = 2;
        while self.taken.contains(&name) {
            name = format!("{base}{counter}");
            counter += 1;
        }
        self.taken.insert(name.clone());
        name
    }

    fn operation(&mut self, name: &str, spec: &OperationSpec) -> Operation {
        let builder = builder_name(name);
        let mut params: Vec<Param> = spec
            .params
            .iter()
            .map(|p| self.param(&p.key.value, &p.value))
            .collect();
        let template = PathTemplate::parse(&spec.path.value).unwrap_or(PathTemplate {
            segments: Vec::new(),
        });
        // Path parameters first, in path order, then the others in spec order.
        let path_order: Vec<&str> = template.params();
        params.sort_by_key(|p| {
            path_order
                .iter()
                .position(|w| *w == p.wire)
                .unwrap_or(usize::MAX)
        });
        let segments = template
            .segments
            .iter()
            .map(|s| match s {
                Segment::Literal(text) => PathSegment::Literal(text.clone()),
                Segment::Param(wire) => PathSegment::Param(
                    params
                        .iter()
                        .find(|p| p.wire == *wire)
                        .map_or_else(|| wire.clone(), |p| p.rust_name.clone()),
                ),
            })
            .collect();
        let response = Response {
            payload: spec
                .response
                .ty
                .as_ref()
                .map(|ty| self.rust_type(&ty.value, &builder, "payload", "payload")),
            envelope: text(&spec.response.envelope),
            meta: spec
                .response
                .meta
                .iter()
                .map(|f| self.field(&format!("{builder}Meta"), &f.key.value, &f.value))
                .collect(),
            no_content: text(&spec.response.no_content),
        };
        let pagination = spec.pagination.as_ref().map(|p| {
            let position_wire = match p.style.value {
                PaginationStyle::PageNumber => p.page_param.as_ref(),
                PaginationStyle::OffsetLimit => p.offset_param.as_ref(),
            };
            let position =
                position_wire.and_then(|w| params.iter().find(|param| param.wire == w.value));
            let size = params.iter().find(|param| param.wire == p.size_param.value);
            Pagination {
                style: p.style.value,
                offset_unit: p.offset_unit.as_ref().map(|u| u.value),
                position_param: position.map(|p| p.rust_name.clone()).unwrap_or_default(),
                first_position: position
                    .and_then(|p| default_integer(p.default.as_deref()))
                    .unwrap_or(1),
                size_param: size.map(|p| p.rust_name.clone()).unwrap_or_default(),
                default_size: size.and_then(|p| default_integer(p.default.as_deref())),
                has_more: self.meta_path(&spec.response.meta, &p.has_more.value),
                item: match &response.payload {
                    Some(RustType::List(item)) => (**item).clone(),
                    _ => RustType::Json,
                },
            }
        });
        Operation {
            name: name.to_owned(),
            builder,
            method: spec.method.value,
            path: spec.path.value.clone(),
            segments,
            summary: spec.summary.value.clone(),
            description: text(&spec.description),
            scopes: spec.scopes.iter().map(|s| s.value.clone()).collect(),
            params,
            body: spec.body.as_ref().map(|b| b.ty.value.clone()),
            response,
            pagination,
            errors: spec.errors.iter().map(|e| e.value.clone()).collect(),
            rate_limit: spec.rate_limit.as_ref().and_then(|name| {
                self.spec
                    .rate_limits
                    .get(&name.value)
                    .map(|limit| RateLimit {
                        name: name.value.clone(),
                        requests: limit.requests.value,
                        per_seconds: limit.per_seconds.value,
                        lock_seconds: limit.lock_seconds.as_ref().map(|l| l.value),
                        doc: text(&limit.doc),
                    })
            }),
            alternative_paths: spec
                .alternative_paths
                .iter()
                .map(|p| p.value.clone())
                .collect(),
        }
    }

    /// Rust field names along a dotted `has_more` path through the response meta.
    fn meta_path(
        &self,
        meta: &crate::spec::Entries<FieldSpec>,
        dotted: &str,
    ) -> Vec<(String, bool)> {
        let mut names = Vec::new();
        let mut fields = Some(meta);
        for key in dotted.split('.') {
            let Some(field) = fields.and_then(|f| f.get(key)) else {
                break;
            };
            let required = flag(&field.required) && !flag(&field.nullable);
            names.push((rust_field_name(key, field.rust_name.as_ref()), required));
            fields = match types::parse(&field.ty.value) {
                Ok(TypeExpr::Named(name)) => {
                    self.spec.types.get(&name).and_then(|t| t.fields.as_ref())
                }
                _ => None,
            };
        }
        names
    }
}

/// Names of the types reachable from request bodies: they get constructors.
fn request_types(spec: &ServiceSpec) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut pending: Vec<String> = spec
        .operations
        .iter()
        .filter_map(|op| op.value.body.as_ref())
        .map(|b| b.ty.value.clone())
        .collect();
    while let Some(name) = pending.pop() {
        if !found.insert(name.clone()) {
            continue;
        }
        let Some(fields) = spec.types.get(&name).and_then(|t| t.fields.as_ref()) else {
            continue;
        };
        for field in fields {
            if let Ok(expr) = types::parse(&field.value.ty.value) {
                pending.extend(expr.named().into_iter().map(str::to_owned));
            }
        }
    }
    found
}

fn constraints(member: Member<'_>) -> Constraints {
    Constraints {
        minimum: member.minimum.map(|v| v.value),
        maximum: member.maximum.map(|v| v.value),
        min_length: member.min_length.map(|v| v.value),
        max_length: member.max_length.map(|v| v.value),
        pattern: member.pattern.map(|p| p.value.clone()),
    }
}

fn primitive(p: Primitive) -> RustType {
    match p {
        Primitive::String => RustType::String,
        Primitive::Integer => RustType::Integer,
        Primitive::Number => RustType::Number,
        Primitive::Boolean => RustType::Boolean,
        Primitive::Any => RustType::Json,
    }
}

fn union_variant(expr: &TypeExpr) -> String {
    match expr {
        TypeExpr::Primitive(Primitive::String) => "Text".into(),
        TypeExpr::Primitive(Primitive::Integer) => "Integer".into(),
        TypeExpr::Primitive(Primitive::Number) => "Number".into(),
        TypeExpr::Primitive(Primitive::Boolean) => "Boolean".into(),
        TypeExpr::Primitive(Primitive::Any) => "Json".into(),
        TypeExpr::Named(name) => name.clone(),
        TypeExpr::Array(item) => format!("{}List", union_variant(item)),
        TypeExpr::Union(_) => "Alternative".into(),
    }
}

fn rust_field_name(wire: &str, explicit: Option<&Located<String>>) -> String {
    explicit
        .map(|e| naming::escape_keyword(&e.value))
        .or_else(|| naming::field_name(wire))
        .unwrap_or_else(|| "value".into())
}

/// The request builder of an operation: `create_organization` becomes `CreateOrganizationRequest`.
pub fn builder_name(operation: &str) -> String {
    format!("{}Request", variant_name(operation))
}

fn variant_name(text: &str) -> String {
    naming::type_name(text).unwrap_or_else(|| "Value".into())
}

fn key_path(dotted: &str) -> Vec<String> {
    dotted.split('.').map(str::to_owned).collect()
}

fn text(value: &Option<Located<String>>) -> Option<String> {
    value.as_ref().map(|v| v.value.clone())
}

fn flag(value: &Option<Located<bool>>) -> bool {
    value.as_ref().is_some_and(|v| v.value)
}

fn default_integer(json: Option<&str>) -> Option<i64> {
    json.and_then(|j| j.parse::<i64>().ok())
}
