//! The intermediate representation: a spec with every Rust name chosen once.
//!
//! Emitters, the sample checks and the spec diff read only this. [`build()`] derives it from
//! a parsed spec and checks each fact where it derives it: names are made (with
//! [`names`]) and checked for collisions, type expressions are resolved into Rust types
//! (unions become generated enums), references are followed, and the spec's optional keys
//! are given their defaults, so that nothing downstream makes a naming, typing or
//! defaulting decision of its own.

pub mod build;
pub mod names;

pub use build::{Built, build};

use std::fmt;

use crate::spec::{
    ArrayStyle, BodyEncoding, EnumLiteral, Format, GrantSpec, HttpMethod, OffsetUnit,
    PaginationStyle, ParamLocation,
};

/// One service: one spec, one module of the generated crate.
#[derive(Debug, Clone)]
pub struct Service {
    /// The module name (`zoho_crm`).
    pub module: String,
    /// The spec file, relative to the workspace (`specs/zoho_crm.yaml`).
    pub spec_file: String,
    /// Human title.
    pub title: String,
    /// What the service is.
    pub description: Option<String>,
    /// The source document.
    pub source: String,
    /// The public documentation page.
    pub docs_url: Option<String>,
    /// How requests are authorized.
    pub auth: Auth,
    /// Data centers, in spec order.
    pub regions: Vec<Region>,
    /// The variant of the default region.
    pub default_region: String,
    /// The media type of successful responses.
    pub response_content_type: String,
    /// Parameters every operation sends; set once on the client.
    pub common_params: Vec<Param>,
    /// Where an error body keeps its parts, when documented.
    pub error_shape: Option<ErrorShape>,
    /// The documented error codes.
    pub error_codes: Vec<ErrorCode>,
    /// The documented rate limits, in spec order, used or not.
    pub rate_limits: Vec<RateLimit>,
    /// The headers in which the service says how much of its limit is left.
    pub rate_limit_headers: Option<RateLimitHeaders>,
    /// Named types, in spec order, then the enums made for union fields.
    pub types: Vec<TypeDef>,
    /// The operations, in spec order.
    pub operations: Vec<Operation>,
    /// The waiters, in spec order.
    pub waiters: Vec<Waiter>,
}

impl Service {
    /// Whether any generated type, parameter or payload is `serde_json::Value`, or the
    /// error body is (it is whenever the spec declares no type for it).
    pub fn uses_json(&self) -> bool {
        let untyped_error_body = self.error_shape.as_ref().is_none_or(|s| s.body.is_none());
        untyped_error_body || self.any_type(RustType::mentions_json)
    }

    /// Whether any generated type, parameter or payload is a `chrono` date or timestamp.
    pub fn uses_dates(&self) -> bool {
        self.any_type(RustType::mentions_dates)
    }

    /// Whether `test` holds for the type of any field, union form, parameter or payload.
    fn any_type(&self, test: impl Fn(&RustType) -> bool) -> bool {
        let in_types = self.types.iter().any(|t| match t {
            TypeDef::Struct(s) => s.fields.iter().any(|f| test(&f.ty)),
            TypeDef::Union(u) => u.variants.iter().any(|(_, ty)| test(ty)),
            // An unknown tag keeps its object as a `serde_json::Value`; the variants are
            // structs, whose fields are looked at as structs.
            TypeDef::Tagged(_) => test(&RustType::Json),
            TypeDef::Enum(_) => false,
        });
        let in_params = self
            .common_params
            .iter()
            .chain(self.operations.iter().flat_map(|op| &op.params))
            .any(|p| test(&p.ty));
        let in_responses = self.operations.iter().any(|op| {
            op.response.payload.as_ref().is_some_and(&test)
                || op.response.meta.iter().any(|f| test(&f.ty))
        });
        in_types || in_params || in_responses
    }

    /// The struct of this module named `name`, if it is one.
    pub fn struct_named(&self, name: &str) -> Option<&Struct> {
        self.types.iter().find_map(|t| match t {
            TypeDef::Struct(s) if s.name == name => Some(s),
            _ => None,
        })
    }

    /// Whether any operation pages (and so returns a `futures` stream).
    pub fn paginates(&self) -> bool {
        self.operations.iter().any(|op| op.pagination.is_some())
    }
}

/// Authorization of a service.
#[derive(Debug, Clone)]
pub struct Auth {
    /// How the credential travels.
    pub scheme: AuthScheme,
    /// Where access tokens come from, when the service has a token endpoint.
    pub tokens: Option<TokenEndpoint>,
    /// Notes.
    pub doc: Option<String>,
    /// What the spec states here that its document does not, and on what grounds.
    pub assumed: Option<String>,
}

/// How the credential travels with each request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthScheme {
    /// No credential.
    None,
    /// `{header}: {prefix} {token}` (the token alone when the prefix is empty).
    Bearer {
        /// The header.
        header: String,
        /// What stands before the token.
        prefix: String,
    },
    /// An API key in a header or the query.
    ApiKey(KeyPlace),
    /// HTTP basic authentication.
    Basic,
}

impl AuthScheme {
    /// The header the credential travels in, when it travels in one.
    pub fn header(&self) -> Option<&str> {
        match self {
            AuthScheme::Bearer { header, .. } | AuthScheme::ApiKey(KeyPlace::Header(header)) => {
                Some(header)
            }
            AuthScheme::Basic => Some("Authorization"),
            AuthScheme::None | AuthScheme::ApiKey(KeyPlace::Query(_)) => None,
        }
    }
}

/// Where an API key goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyPlace {
    /// In this header.
    Header(String),
    /// In this query parameter.
    Query(String),
}

/// An OAuth token endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenEndpoint {
    /// Its path on each region's accounts host.
    pub path: String,
    /// The grants it takes.
    pub grants: Vec<GrantSpec>,
    /// The answers that mean a token was refused: status, and the code when one is named.
    pub refresh_on: Vec<(u16, Option<String>)>,
}

/// One data center.
#[derive(Debug, Clone)]
pub struct Region {
    /// The spec's name (`eu`).
    pub key: String,
    /// The Rust variant (`Eu`).
    pub variant: String,
    /// API host base URL.
    pub api: String,
    /// OAuth accounts host base URL.
    pub accounts: Option<String>,
    /// Human name.
    pub doc: Option<String>,
    /// What the spec states here that its document does not, and on what grounds.
    pub assumed: Option<String>,
}

impl Region {
    /// Whether `url` (scheme and host) is this region's API host.
    pub fn serves(&self, url: &str) -> bool {
        self.api == url
    }
}

/// Where an error body keeps its parts.
#[derive(Debug, Clone)]
pub struct ErrorShape {
    /// Key path of the code; `None` when the errors carry none.
    pub code: Option<Vec<String>>,
    /// Whether the codes are integers (else text).
    pub integer_codes: bool,
    /// The declared type the whole body decodes into.
    pub body: Option<String>,
    /// The code successful answers carry, as text, where they carry one.
    pub success: Option<String>,
    /// Key path of the message.
    pub message: Vec<String>,
    /// Key path of the details.
    pub details: Option<Vec<String>>,
    /// Where the shape comes from.
    pub doc: Option<String>,
    /// What the spec states here that its document does not, and on what grounds.
    pub assumed: Option<String>,
}

/// One documented error code.
#[derive(Debug, Clone)]
pub struct ErrorCode {
    /// As the server sends it.
    pub wire: String,
    /// The Rust variant.
    pub variant: String,
    /// The HTTP status.
    pub status: u16,
    /// Meanings and resolutions.
    pub cases: Vec<(String, Option<String>)>,
    /// Whether a 429 with this code means a spent quota, not retried.
    pub quota: bool,
}

/// The response headers in which a service says how much of its rate limit is left.
#[derive(Debug, Clone)]
pub struct RateLimitHeaders {
    /// The header with the requests left.
    pub remaining: String,
    /// The header with the seconds until requests are allowed again.
    pub retry_after: Option<String>,
    /// How long requests are held when none are left and no wait is given, in seconds.
    pub window_seconds: u32,
    /// The document's words.
    pub doc: Option<String>,
    /// What the spec states here that its document does not, and on what grounds.
    pub assumed: Option<String>,
}

/// A Rust type for a field or parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RustType {
    /// `String`
    String,
    /// `i64`
    Integer,
    /// `f64`
    Number,
    /// `bool`
    Boolean,
    /// `serde_json::Value`
    Json,
    /// `chrono::DateTime<chrono::FixedOffset>`: an RFC 3339 timestamp, its offset kept.
    DateTime,
    /// `chrono::NaiveDate`: a calendar date.
    Date,
    /// A generated type of this module.
    Named(String),
    /// `Vec<T>`
    List(Box<RustType>),
    /// `BTreeMap<String, T>`: keys in order, so that what is sent and printed is the same
    /// from run to run.
    Map(Box<RustType>),
    /// `runtime::FilePart`: a file part of a multipart body (`binary`).
    Binary,
}

impl RustType {
    /// The generated types this type names: itself, or the items of a list.
    pub fn named(&self) -> impl Iterator<Item = &str> {
        let mut ty = self;
        while let RustType::List(item) | RustType::Map(item) = ty {
            ty = item;
        }
        match ty {
            RustType::Named(name) => Some(name.as_str()),
            _ => None,
        }
        .into_iter()
    }

    /// The type as the spec language writes it (`[string]`, `Address`); a union is named
    /// by its generated enum, whose [`Union::expr`] says what it stands for.
    pub fn spelling(&self) -> String {
        match self {
            RustType::String => "string".into(),
            RustType::Integer => "integer".into(),
            RustType::Number => "number".into(),
            RustType::Boolean => "boolean".into(),
            RustType::Json => "any".into(),
            RustType::DateTime => "string (date-time)".into(),
            RustType::Date => "string (date)".into(),
            RustType::Named(name) => name.clone(),
            RustType::List(item) => format!("[{}]", item.spelling()),
            RustType::Map(value) => format!("{{string: {}}}", value.spelling()),
            RustType::Binary => "binary".into(),
        }
    }

    /// Whether the type is, or holds, a typed date or timestamp.
    pub fn mentions_dates(&self) -> bool {
        match self {
            RustType::DateTime | RustType::Date => true,
            RustType::List(item) | RustType::Map(item) => item.mentions_dates(),
            _ => false,
        }
    }

    /// Whether the type is, or holds, a file part (`binary`).
    pub fn mentions_binary(&self) -> bool {
        match self {
            RustType::Binary => true,
            RustType::List(item) | RustType::Map(item) => item.mentions_binary(),
            _ => false,
        }
    }

    /// Whether the type is, or holds, `serde_json::Value`.
    pub fn mentions_json(&self) -> bool {
        match self {
            RustType::Json => true,
            RustType::List(item) | RustType::Map(item) => item.mentions_json(),
            _ => false,
        }
    }
}

impl fmt::Display for RustType {
    /// The type as Rust code names it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RustType::String => f.write_str("String"),
            RustType::Integer => f.write_str("i64"),
            RustType::Number => f.write_str("f64"),
            RustType::Boolean => f.write_str("bool"),
            RustType::Json => f.write_str("serde_json::Value"),
            RustType::DateTime => f.write_str("chrono::DateTime<chrono::FixedOffset>"),
            RustType::Date => f.write_str("chrono::NaiveDate"),
            RustType::Named(name) => f.write_str(name),
            RustType::List(item) => write!(f, "Vec<{item}>"),
            RustType::Map(value) => write!(f, "std::collections::BTreeMap<String, {value}>"),
            RustType::Binary => f.write_str("crate::runtime::FilePart"),
        }
    }
}

/// A generated type.
#[derive(Debug, Clone)]
pub enum TypeDef {
    /// A struct with named fields.
    Struct(Struct),
    /// A value set, with a catch-all variant.
    Enum(Enum),
    /// A field the document gives several types: an untagged enum.
    Union(Union),
    /// An object that is one of several object types, a key's text saying which.
    Tagged(Tagged),
}

impl TypeDef {
    /// The Rust name.
    pub fn name(&self) -> &str {
        match self {
            TypeDef::Struct(s) => &s.name,
            TypeDef::Enum(e) => &e.name,
            TypeDef::Union(u) => &u.name,
            TypeDef::Tagged(t) => &t.name,
        }
    }
}

/// An object type.
#[derive(Debug, Clone)]
pub struct Struct {
    /// The Rust name.
    pub name: String,
    /// The document's words.
    pub doc: Option<String>,
    /// What the spec states here that its document does not, and on what grounds.
    pub assumed: Option<String>,
    /// The fields, in spec order.
    pub fields: Vec<Field>,
    /// Whether requests send it (adding a required field then breaks callers).
    pub is_request_body: bool,
    /// The private struct it decodes through, when a field goes by several wire names.
    pub wire: Option<String>,
}

impl Struct {
    /// Whether a field is a file part (`binary`): the struct is a multipart body, which is
    /// built into parts rather than serialized.
    pub fn has_files(&self) -> bool {
        self.fields.iter().any(|f| f.ty.mentions_binary())
    }
}

/// A field of a struct.
#[derive(Debug, Clone)]
pub struct Field {
    /// The wire name.
    pub wire: String,
    /// Other wire names accepted when decoding.
    pub aliases: Vec<String>,
    /// The Rust name (may be a raw identifier such as `r#type`).
    pub rust_name: String,
    /// The type, without the `Option` of an optional field.
    pub ty: RustType,
    /// Whether the field is always present.
    pub required: bool,
    /// Whether the field may be `null`.
    pub nullable: bool,
    /// Whether a request may leave the field out, clear it with `null` or set it: a
    /// `runtime::Patch<T>` in Rust. Only on optional fields of request types.
    pub clearable: bool,
    /// The document's words.
    pub doc: Option<String>,
    /// What the spec states here that its document does not, and on what grounds.
    pub assumed: Option<String>,
    /// The format of a string.
    pub format: Option<Format>,
    /// Documented constraints, checked on request bodies before sending.
    pub constraints: Constraints,
}

impl Field {
    /// Whether the Rust field is an `Option`: it may be absent, or `null`.
    pub fn optional(&self) -> bool {
        !self.required || self.nullable
    }
}

/// Documented constraints of a value.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Constraints {
    /// Smallest allowed number.
    pub minimum: Option<f64>,
    /// Largest allowed number.
    pub maximum: Option<f64>,
    /// Fewest characters.
    pub min_length: Option<u64>,
    /// Most characters.
    pub max_length: Option<u64>,
    /// A regular expression the whole value must match.
    pub pattern: Option<String>,
}

impl Constraints {
    /// Whether there is anything to check.
    pub fn is_empty(&self) -> bool {
        *self == Constraints::default()
    }
}

/// A value set.
#[derive(Debug, Clone)]
pub struct Enum {
    /// The Rust name.
    pub name: String,
    /// The document's words.
    pub doc: Option<String>,
    /// What the spec states here that its document does not, and on what grounds.
    pub assumed: Option<String>,
    /// Whether the values are integers (else strings).
    pub integer: bool,
    /// The values, in spec order.
    pub values: Vec<EnumValue>,
}

/// One allowed value.
#[derive(Debug, Clone)]
pub struct EnumValue {
    /// The Rust variant.
    pub variant: String,
    /// The wire value.
    pub wire: EnumLiteral,
    /// What it means.
    pub doc: Option<String>,
}

/// A field with several documented types.
#[derive(Debug, Clone)]
pub struct Union {
    /// The Rust name (`OrganizationZipCode`).
    pub name: String,
    /// Which field of which type this is for, and its types as the spec writes them.
    pub doc: String,
    /// The type expression it stands for, as the spec writes it (`string | integer`).
    pub expr: String,
    /// Variant name and type, in the order decoding tries them.
    pub variants: Vec<(String, RustType)>,
}

/// A tagged union: an object whose `tag` key names which of several object types it is.
/// An enum with a variant per listed tag, and `Unknown` for a tag the spec does not list.
#[derive(Debug, Clone)]
pub struct Tagged {
    /// The Rust name (`Payment`).
    pub name: String,
    /// The document's words.
    pub doc: Option<String>,
    /// What the spec states here that its document does not, and on what grounds.
    pub assumed: Option<String>,
    /// The wire key whose text names the variant (`type`); no variant has a field of
    /// that name.
    pub tag: String,
    /// The variants, in spec order.
    pub variants: Vec<TaggedVariant>,
}

impl Tagged {
    /// The variant the tag `value` names, if the spec lists it.
    pub fn variant(&self, value: &str) -> Option<&TaggedVariant> {
        self.variants.iter().find(|v| v.tag == value)
    }
}

/// One variant of a [`Tagged`] union.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaggedVariant {
    /// The tag's value on the wire (`card`).
    pub tag: String,
    /// The Rust variant (`Card`).
    pub variant: String,
    /// The struct of this module it holds (`CardPayment`).
    pub ty: String,
}

/// A parameter of an operation or of the client.
#[derive(Debug, Clone)]
pub struct Param {
    /// The wire name.
    pub wire: String,
    /// The Rust name.
    pub rust_name: String,
    /// Where it is sent.
    pub location: ParamLocation,
    /// The type.
    pub ty: RustType,
    /// Whether the caller must give it (an argument rather than a setter).
    pub required: bool,
    /// The server's default, as JSON text, for the docs.
    pub default: Option<String>,
    /// The document's words.
    pub doc: Option<String>,
    /// What the spec states here that its document does not, and on what grounds.
    pub assumed: Option<String>,
    /// The format of a string.
    pub format: Option<Format>,
    /// Documented constraints, checked before sending.
    pub constraints: Constraints,
    /// How the items of an array query parameter are sent; `None` for any other.
    pub array: Option<ArrayStyle>,
    /// A value the spec's request samples send, as it stands in their URL (decoded);
    /// recorded by [`crate::samples::check`] once it is known to fit, for doc examples.
    pub sample: Option<String>,
}

/// One endpoint.
#[derive(Debug, Clone)]
pub struct Operation {
    /// The method name (`list_org_enrichments`).
    pub name: String,
    /// The request builder's type name (`ListOrgEnrichmentsRequest`).
    pub builder: String,
    /// The private type one page decodes into (`ListOrgEnrichmentsRequestPage`).
    pub page: String,
    /// The HTTP method.
    pub method: HttpMethod,
    /// The path template as written.
    pub path: String,
    /// The path, segment by segment.
    pub segments: Vec<PathSegment>,
    /// One line.
    pub summary: String,
    /// More words.
    pub description: Option<String>,
    /// The document this operation transcribes, when it is not the service's.
    pub source: Option<String>,
    /// Its documentation page, when it is not the service's.
    pub docs_url: Option<String>,
    /// OAuth scope alternatives.
    pub scopes: Vec<Vec<String>>,
    /// Path, query and header parameters; path parameters first, then in spec order.
    pub params: Vec<Param>,
    /// The request body type: a struct of this module.
    pub body: Option<String>,
    /// How the body is encoded (JSON when there is none).
    pub body_encoding: BodyEncoding,
    /// The successful response.
    pub response: Response,
    /// How the list pages.
    pub pagination: Option<Pagination>,
    /// The segments of each of `alternative_paths` (the client sends `segments`).
    pub alternative_segments: Vec<Vec<PathSegment>>,
    /// The spec's first body sample, recorded by [`crate::samples::check`] once it is
    /// known to fit, for doc examples.
    pub body_sample: Option<serde_json::Value>,
    /// The spec's response samples that fit, with their titles, recorded by
    /// [`crate::samples::check`]: the documented answers, for the OpenAPI export.
    pub response_samples: Vec<(String, serde_json::Value)>,
    /// Documented errors (wire codes).
    pub errors: Vec<String>,
    /// The rate limit that governs it.
    pub rate_limit: Option<RateLimit>,
    /// Other paths the document gives.
    pub alternative_paths: Vec<String>,
    /// The spec's samples as written, whether or not they fit (the spec diff compares them).
    pub examples: Vec<Example>,
}

/// A sample of an operation, as the spec writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// The sample's heading in the document.
    pub title: String,
    /// A request line, `METHOD URL`.
    pub request: Option<String>,
    /// A JSON request body, as text.
    pub body: Option<String>,
    /// A JSON response body, as text.
    pub response: Option<String>,
    /// The status of a `response` sample, when given.
    pub status: Option<u16>,
}

/// A piece of a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathSegment {
    /// Sent as written.
    Literal(String),
    /// The value of a path parameter.
    Param {
        /// The parameter's wire name, the placeholder's.
        wire: String,
        /// The parameter's Rust name.
        rust: String,
    },
}

impl PathSegment {
    /// Matches a concrete path against segments; returns each path parameter's wire name
    /// and its (still encoded) value.
    pub fn match_path<'p>(
        segments: &'p [PathSegment],
        path: &'p str,
    ) -> Option<Vec<(&'p str, &'p str)>> {
        let rest = path.strip_prefix('/')?;
        let pieces: Vec<&str> = if rest.is_empty() {
            Vec::new()
        } else {
            rest.split('/').collect()
        };
        if pieces.len() != segments.len() {
            return None;
        }
        let mut captured = Vec::new();
        for (segment, piece) in segments.iter().zip(pieces) {
            match segment {
                PathSegment::Literal(text) if text == piece => {}
                PathSegment::Param { wire, .. } if !piece.is_empty() => {
                    captured.push((wire.as_str(), piece));
                }
                _ => return None,
            }
        }
        Some(captured)
    }
}

/// The successful response of an operation.
#[derive(Debug, Clone)]
pub struct Response {
    /// The success status the document gives (`200` unless it says otherwise); the
    /// client accepts any 2xx.
    pub status: u16,
    /// The payload's type; `None` when there is none.
    pub payload: Option<RustType>,
    /// The key the payload sits under.
    pub envelope: Option<String>,
    /// Fields beside the envelope.
    pub meta: Vec<Field>,
    /// The private struct the page decodes through, when a meta field goes by several
    /// wire names.
    pub meta_wire: Option<String>,
    /// What a `204 No Content` means, when the server may send it.
    pub no_content: Option<String>,
    /// Where each item says how it went, when the payload's items report one by one.
    pub per_item: Option<PerItem>,
    /// For a download (`type: binary`), the media type asked for in `Accept`.
    pub download: Option<String>,
}

/// How each item of a per-item response says how it went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerItem {
    /// Wire path, in each item, of the string that says so (`["status"]`).
    pub status: Vec<String>,
    /// The values that mean the item succeeded, as JSON text.
    pub success: Vec<String>,
    /// What the spec states here that its document does not, and on what grounds.
    pub assumed: Option<String>,
}

impl Response {
    /// What `send()` gives the caller.
    pub fn returns(&self) -> Returns<'_> {
        if self.download.is_some() {
            return Returns::Download;
        }
        match &self.payload {
            None => Returns::Nothing,
            Some(RustType::List(item)) if self.per_item.is_some() => Returns::PerItem(item),
            Some(ty @ RustType::List(_)) => Returns::List(ty),
            Some(ty) if self.no_content.is_some() => Returns::MaybeOne(ty),
            Some(ty) => Returns::One(ty),
        }
    }
}

/// What an operation's `send()` returns; a 204 becomes an empty list or `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Returns<'a> {
    /// `()`: the response has no payload.
    Nothing,
    /// `Vec<T>` (this list type); a 204 is an empty list.
    List(&'a RustType),
    /// `Vec<Result<T>>`, one outcome per item, `T` being this item type; a 204 is an empty
    /// list.
    PerItem(&'a RustType),
    /// `Option<T>`: the server may answer 204.
    MaybeOne(&'a RustType),
    /// `T`.
    One(&'a RustType),
    /// `runtime::Download`: the body as a byte stream.
    Download,
}

impl fmt::Display for Returns<'_> {
    /// The return type as Rust code names it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Returns::Nothing => f.write_str("()"),
            Returns::List(ty) | Returns::One(ty) => write!(f, "{ty}"),
            Returns::PerItem(ty) => write!(f, "Vec<Result<{ty}>>"),
            Returns::MaybeOne(ty) => write!(f, "Option<{ty}>"),
            Returns::Download => f.write_str("Download"),
        }
    }
}

/// How a list operation pages.
#[derive(Debug, Clone)]
pub struct Pagination {
    /// The style.
    pub style: PaginationStyle,
    /// Where the next page is.
    pub next: NextPage,
    /// Rust name of the page-size parameter, when the operation has one.
    pub size_param: Option<String>,
    /// Its default (the page size when the caller sets none).
    pub default_size: Option<i64>,
    /// The boolean beside the payload that says more pages follow, when there is one.
    pub has_more: Option<MetaPath>,
    /// The payload's item type.
    pub item: RustType,
}

/// A waiter: `wait_for_<name>(...)` polls an operation until its state is final.
#[derive(Debug, Clone)]
pub struct Waiter {
    /// Its name in the spec (`org_enrichment`).
    pub name: String,
    /// The `Client` method (`wait_for_org_enrichment`).
    pub method: String,
    /// The builder the method returns (`WaitForOrgEnrichment`).
    pub builder: String,
    /// The name of the operation polled.
    pub operation: String,
    /// Where the state is in the payload.
    pub state: StatePath,
    /// The states that mean done, failed, and (documented) still under way.
    pub success: Vec<String>,
    /// The states that mean the job failed.
    pub failure: Vec<String>,
    /// The states the document gives for a job still under way.
    pub pending: Vec<String>,
    /// Seconds before the second poll.
    pub interval_seconds: u32,
    /// The longest delay between polls, in seconds.
    pub max_interval_seconds: u32,
    /// Seconds after the first poll when the waiter gives up.
    pub deadline_seconds: u32,
    /// What the waiter is for.
    pub doc: Option<String>,
    /// What the spec states here that its document does not, and on what grounds.
    pub assumed: Option<String>,
}

/// Where a waiter reads the state in the polled operation's payload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatePath {
    /// Whether the payload is a list, the state being in its first item.
    pub first_item: bool,
    /// Rust field names from the (item) payload to the state, each with whether the field
    /// is always there (else it is an `Option`).
    pub steps: Vec<(String, bool)>,
    /// The same path by wire names.
    pub wire: Vec<String>,
    /// The generated value set the state is (read by its `as_str()`); `None` for a `String`.
    pub value_set: Option<String>,
}

/// Where a paged operation's next page is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextPage {
    /// At the next page number or offset, which the client counts (`page_number`,
    /// `offset_limit`).
    Position {
        /// Rust name of the page-number or offset parameter.
        param: String,
        /// Its default (where the first page starts).
        first: i64,
        /// For offsets, what they count.
        offset_unit: Option<OffsetUnit>,
    },
    /// At the cursor a page gives, sent back in a query parameter (`cursor`).
    Cursor {
        /// Rust name of the cursor parameter.
        param: String,
        /// The string beside the payload that holds the next page's cursor.
        token: MetaPath,
    },
    /// At the URL a page's body holds (`next_link`).
    BodyLink(MetaPath),
    /// At the `rel="next"` link of the `Link` header (`link_header`).
    LinkHeader,
}

/// A value beside the payload, by a dotted path from the response's `meta`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetaPath {
    /// Rust field names on the way, each with whether that field is required (else it is
    /// an `Option`).
    pub fields: Vec<(String, bool)>,
    /// The same path by wire names (`info`, `more_records`): where the value sits in a body.
    pub wire: Vec<String>,
}

/// A documented rate limit.
#[derive(Debug, Clone)]
pub struct RateLimit {
    /// Its name in the spec.
    pub name: String,
    /// Requests allowed ...
    pub requests: u32,
    /// ... per this many seconds.
    pub per_seconds: u32,
    /// Lock-out after exceeding it, in seconds.
    pub lock_seconds: Option<u32>,
    /// The document's words.
    pub doc: Option<String>,
    /// What the spec states here that its document does not, and on what grounds.
    pub assumed: Option<String>,
}
