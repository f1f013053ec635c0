//! The spec language: what a `specs/*.yaml` file may say, as serde types.
//!
//! One file describes one *service*. The shapes here only say what is well-formed; what
//! is meaningful (references resolve, paths match their parameters, names do not collide)
//! is checked where the IR is derived ([`crate::ir::build()`]), and whether the examples fit
//! their schemas by [`crate::samples`]. Unknown keys are rejected everywhere, so a typo is
//! an error, not a silently ignored line.
//!
//! The doc comments on these types are also the descriptions an editor shows, through
//! the JSON Schema derived from them (`specs/spec.schema.json`).

use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::located::{Entries, Located};

/// A service: one API reference document, one module of the generated crate.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ServiceSpec {
    /// The service's module name in the generated crate, in snake_case (`zoho_crm`).
    pub service: Located<String>,
    /// A short human title (`Zoho CRM: Zia org enrichment`).
    pub title: Located<String>,
    /// The document this spec transcribes: a path under `shared/seeds/`.
    pub source: Located<String>,
    /// The public documentation page, when the document names one.
    pub docs: Option<Located<String>>,
    /// The API version the paths belong to (`v7`).
    pub api_version: Option<Located<String>>,
    /// What the service is, for the module's rustdoc.
    pub description: Option<Located<String>>,
    /// How requests are authorized.
    pub auth: AuthSpec,
    /// Data centers, keyed by a lowercase region name (`us`, `eu`, `in`, ...).
    pub regions: Entries<RegionSpec>,
    /// The region a client uses when the caller does not choose one.
    pub default_region: Located<String>,
    /// The media type of successful responses; `application/json` when omitted.
    pub response_content_type: Option<Located<String>>,
    /// Parameters sent with every operation of the service, keyed by wire name.
    #[serde(default)]
    pub common_params: Entries<ParamSpec>,
    /// The service's error body shape and its table of documented error codes.
    pub errors: Option<ErrorsSpec>,
    /// Named rate limits that operations refer to with `rate_limit:`.
    #[serde(default)]
    pub rate_limits: Entries<RateLimitSpec>,
    /// The response headers in which the service says how much of its limit is left.
    pub rate_limit_headers: Option<RateLimitHeadersSpec>,
    /// Named types: objects (`fields:`), value sets (`values:`) and tagged unions of objects
    /// (`tagged:`), keyed by a PascalCase name.
    #[serde(default)]
    pub types: Entries<TypeSpec>,
    /// The endpoints, keyed by a snake_case operation name.
    pub operations: Entries<OperationSpec>,
    /// Waiters, keyed by a snake_case name: each becomes `wait_for_<name>(...)`, which
    /// polls an operation until the state in its payload says the job is done or failed.
    #[serde(default)]
    pub waiters: Entries<WaiterSpec>,
}

/// How requests are authorized: how the credential travels, and, for access tokens, where
/// they come from and which answers mean a token was refused.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AuthSpec {
    /// How the credential travels with each request.
    pub scheme: Located<AuthScheme>,
    /// `bearer` and `api_key`: the header the token or key goes in. `Authorization` when
    /// omitted for `bearer`; `api_key` needs `header` or `query`.
    pub header: Option<Located<String>>,
    /// `bearer`: what stands before the token, with a space between (`Zoho-oauthtoken`).
    /// `Bearer` when omitted; `""` sends the token alone.
    pub prefix: Option<Located<String>>,
    /// `api_key`: the query parameter the key goes in, instead of a header.
    pub query: Option<Located<String>>,
    /// `bearer`: the path of the OAuth token endpoint on each region's `accounts` host
    /// (`/oauth/v2/token`). Without it, callers give fixed access tokens only.
    pub token_path: Option<Located<String>>,
    /// `bearer` with `token_path`: the OAuth grants the token endpoint takes. Both when
    /// omitted.
    pub grants: Option<Vec<Located<GrantSpec>>>,
    /// `bearer` with `token_path`: the answers that mean the access token was refused; the
    /// client then fetches a new token and sends the request once more. Any `401` when
    /// omitted.
    pub refresh_on: Option<Vec<RefreshOnSpec>>,
    /// Notes on authorization, for the client's rustdoc.
    pub doc: Option<Located<String>>,
    /// What this states that the document does not, and on what grounds (Zoho's usual
    /// hosts, a sample): the generated docs show it as "Not stated by the document".
    pub assumed: Option<Located<String>>,
}

/// How the credential travels with each request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AuthScheme {
    /// No credential.
    None,
    /// An access token in a header: `Authorization: Bearer <token>` unless `header` and
    /// `prefix` say otherwise; fixed, or from the OAuth endpoint at `token_path`.
    Bearer,
    /// An API key, in the `header` or the `query` parameter named.
    ApiKey,
    /// HTTP basic authentication with a user name and password.
    Basic,
    /// Deprecated shorthand, kept so that older specs load: `bearer` with
    /// `prefix: Zoho-oauthtoken`, `grants: [refresh_token]` and
    /// `refresh_on: [{ status: 401, code: INVALID_TOKEN }]`. Write those out instead.
    ZohoOauth,
}

impl fmt::Display for AuthScheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            AuthScheme::None => "none",
            AuthScheme::Bearer => "bearer",
            AuthScheme::ApiKey => "api_key",
            AuthScheme::Basic => "basic",
            AuthScheme::ZohoOauth => "zoho_oauth",
        })
    }
}

/// An OAuth 2.0 grant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GrantSpec {
    /// A long-lived refresh token traded for access tokens (`Credentials::refresh_token`).
    RefreshToken,
    /// The application's own id and secret (`Credentials::client_credentials`).
    ClientCredentials,
}

/// An answer that means the access token was refused.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RefreshOnSpec {
    /// The HTTP status.
    pub status: Located<u16>,
    /// The error code the body carries (read where `errors.body.code` says); any code, or
    /// none, when omitted.
    pub code: Option<Located<String>>,
}

/// One data center of a service.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegionSpec {
    /// Base URL of the API host, scheme and host only (`https://www.zohoapis.eu`).
    pub api: Located<String>,
    /// Base URL of the OAuth accounts host of this region (`https://accounts.zoho.eu`).
    pub accounts: Option<Located<String>>,
    /// A human name for the region (`European Union`).
    pub doc: Option<Located<String>>,
    /// What this states that the document does not, and on what grounds (Zoho's usual
    /// hosts, a sample): the generated docs show it as "Not stated by the document".
    pub assumed: Option<Located<String>>,
}

/// Where a parameter is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ParamLocation {
    /// A `{name}` segment of the path template.
    Path,
    /// A `name=value` pair of the query string.
    Query,
    /// A request header.
    Header,
}

impl fmt::Display for ParamLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ParamLocation::Path => "path",
            ParamLocation::Query => "query",
            ParamLocation::Header => "header",
        })
    }
}

/// A string format that narrows a `string` field or parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
pub enum Format {
    /// A calendar date, `YYYY-MM-DD`.
    #[serde(rename = "date")]
    Date,
    /// An RFC 3339 timestamp, `2024-05-12T23:51:22Z`.
    #[serde(rename = "date-time")]
    DateTime,
    /// An email address.
    #[serde(rename = "email")]
    Email,
    /// An absolute `http`/`https` URL.
    #[serde(rename = "url")]
    Url,
    /// A hex colour, `#RGB` or `#RRGGBB`.
    #[serde(rename = "hex-color")]
    HexColor,
    /// A 64-bit integer id written as a decimal string (`"111112000000071191"`).
    #[serde(rename = "int64")]
    Int64,
    /// A two-letter ISO 3166-1 country code.
    #[serde(rename = "country-code")]
    CountryCode,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Date => "date",
            Format::DateTime => "date-time",
            Format::Email => "email",
            Format::Url => "url",
            Format::HexColor => "hex-color",
            Format::Int64 => "int64",
            Format::CountryCode => "country-code",
        })
    }
}

/// A parameter of an operation (or of every operation, under `common_params`).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ParamSpec {
    /// Where the parameter is sent.
    #[serde(rename = "in")]
    pub location: Located<ParamLocation>,
    /// A type expression: `string`, `integer`, `number`, `boolean`, a named value set, ...
    #[serde(rename = "type")]
    pub ty: Located<String>,
    /// A format that narrows a `string`.
    pub format: Option<Located<Format>>,
    /// Whether the caller must give it; path parameters always must. Default `false`.
    pub required: Option<Located<bool>>,
    /// What the server assumes when the parameter is not sent.
    pub default: Option<Located<serde_json::Value>>,
    /// Smallest allowed number.
    pub minimum: Option<Located<f64>>,
    /// Largest allowed number.
    pub maximum: Option<Located<f64>>,
    /// Fewest allowed characters.
    pub min_length: Option<Located<u64>>,
    /// Most allowed characters.
    pub max_length: Option<Located<u64>>,
    /// A regular expression the whole value must match (`^[A-Za-z0-9]+$`).
    pub pattern: Option<Located<String>>,
    /// The document's description.
    pub doc: Option<Located<String>>,
    /// The Rust name, when the snake_case form of the wire name does not suit.
    pub rust_name: Option<Located<String>>,
    /// With `format: date` or `date-time`: take the text as given instead of a typed date.
    /// Default `false`.
    pub lenient: Option<Located<bool>>,
    /// How an array query parameter (`type: "[T]"`) is sent: `repeated` (`?id=1&id=2`) or
    /// `comma` (`?id=1,2`). Required on array query parameters, where servers differ and a
    /// wrong guess is silently misread; allowed nowhere else.
    pub array: Option<Located<ArrayStyle>>,
    /// What this states that the document does not, and on what grounds (Zoho's usual
    /// hosts, a sample): the generated docs show it as "Not stated by the document".
    pub assumed: Option<Located<String>>,
}

/// How the items of an array query parameter travel in the query string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ArrayStyle {
    /// One `name=value` pair per item: `?id=1&id=2` (OpenAPI's `form` with `explode: true`).
    Repeated,
    /// One pair, the items joined by commas: `?id=1,2` (`form` with `explode: false`).
    Comma,
}

impl fmt::Display for ArrayStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ArrayStyle::Repeated => "repeated",
            ArrayStyle::Comma => "comma",
        })
    }
}

/// A field of an object type, a request body or a response envelope.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldSpec {
    /// A type expression: a primitive, a named type, `[T]` for arrays, `"{string: T}"` for
    /// maps (quoted: YAML reads bare braces as a mapping), `A | B` when the document gives
    /// the field more than one type.
    #[serde(rename = "type")]
    pub ty: Located<String>,
    /// A format that narrows a `string`.
    pub format: Option<Located<Format>>,
    /// Whether the field is always present. Default `false`.
    pub required: Option<Located<bool>>,
    /// Whether the field may be `null`. Default `false`.
    pub nullable: Option<Located<bool>>,
    /// For a partial update: the field of a request body may be left out (the server keeps
    /// its value), sent as `null` on purpose (the server clears it), or set. Its Rust type
    /// is `runtime::Patch<T>` rather than an `Option`, with a setter and a `clear_` method.
    /// Only on optional fields of types that requests send. Default `false`.
    pub clearable: Option<Located<bool>>,
    /// What the server assumes when the field is not sent.
    pub default: Option<Located<serde_json::Value>>,
    /// Smallest allowed number.
    pub minimum: Option<Located<f64>>,
    /// Largest allowed number.
    pub maximum: Option<Located<f64>>,
    /// Fewest allowed characters.
    pub min_length: Option<Located<u64>>,
    /// Most allowed characters.
    pub max_length: Option<Located<u64>>,
    /// A regular expression the whole value must match.
    pub pattern: Option<Located<String>>,
    /// Other wire names the document uses for this field (`webSite` beside `website`).
    #[serde(default)]
    pub aliases: Vec<Located<String>>,
    /// With `format: date` or `date-time`: keep the text as sent instead of a typed date,
    /// for a field whose samples do not always hold one. Default `false`.
    pub lenient: Option<Located<bool>>,
    /// The document's description.
    pub doc: Option<Located<String>>,
    /// The Rust name, when the snake_case form of the wire name does not suit.
    pub rust_name: Option<Located<String>>,
    /// What this states that the document does not, and on what grounds (requiredness read
    /// from the samples, an id the caller passes back): the generated docs show it as "Not
    /// stated by the document".
    pub assumed: Option<Located<String>>,
}

/// A named type: an object with `fields`, a set of allowed `values`, or a `tagged` union
/// of object types.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TypeSpec {
    /// The document's description.
    pub doc: Option<Located<String>>,
    /// What this states that the document does not, and on what grounds (Zoho's usual
    /// hosts, a sample): the generated docs show it as "Not stated by the document".
    pub assumed: Option<Located<String>>,
    /// An object's fields, keyed by wire name.
    pub fields: Option<Entries<FieldSpec>>,
    /// The allowed values of a value set: all strings or all integers.
    pub values: Option<Vec<Located<EnumValueSpec>>>,
    /// An object that is one of several object types, the value of one key (`tag`) saying
    /// which: `{ tag: type, variants: { card: CardPayment, bank: BankTransfer } }`.
    pub tagged: Option<TaggedSpec>,
}

/// A tagged union: objects of several declared object types, told apart by the text under
/// one key. A tag the spec does not list decodes as `Unknown`, keeping the object as sent.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TaggedSpec {
    /// The key whose text names the variant (`type`). It sits beside the variant's own
    /// fields, so no variant may declare a field of that name.
    pub tag: Located<String>,
    /// The variants, keyed by the tag's value (`card`), each a declared object type
    /// (`CardPayment`). The Rust variant is the value in UpperCamelCase (`Card`).
    pub variants: Entries<Located<String>>,
}

/// One allowed value: a bare scalar, or `{ value, name, doc }`.
#[derive(Debug, Clone, PartialEq)]
pub struct EnumValueSpec {
    /// The value on the wire.
    pub value: EnumLiteral,
    /// The Rust variant name; derived from a string value when omitted, required for integers.
    pub name: Option<String>,
    /// What the value means.
    pub doc: Option<String>,
}

/// The wire form of an allowed value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EnumLiteral {
    /// A string value (`COMPLETED`).
    Str(String),
    /// An integer value (`0`).
    Int(i64),
}

impl fmt::Display for EnumLiteral {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EnumLiteral::Str(s) => write!(f, "\"{s}\""),
            EnumLiteral::Int(i) => write!(f, "{i}"),
        }
    }
}

impl EnumLiteral {
    /// The value as JSON.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            EnumLiteral::Str(s) => serde_json::Value::String(s.clone()),
            EnumLiteral::Int(i) => serde_json::Value::from(*i),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EnumValueLong {
    value: EnumLiteral,
    name: Option<String>,
    doc: Option<String>,
}

impl<'de> Deserialize<'de> for EnumLiteral {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LiteralVisitor)
    }
}

struct LiteralVisitor;

impl<'de> Visitor<'de> for LiteralVisitor {
    type Value = EnumLiteral;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string or an integer")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<EnumLiteral, E> {
        Ok(EnumLiteral::Str(v.to_owned()))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<EnumLiteral, E> {
        Ok(EnumLiteral::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<EnumLiteral, E> {
        i64::try_from(v)
            .map(EnumLiteral::Int)
            .map_err(|_| E::custom("integer value does not fit in 64 bits"))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<EnumLiteral, E> {
        Err(E::custom(format!(
            "`{v}` reads as a boolean; quote it (\"{v}\") if it is a string value"
        )))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<EnumLiteral, E> {
        Err(E::custom(format!(
            "`{v}` is a fraction; allowed values are strings or integers"
        )))
    }
}

impl<'de> Deserialize<'de> for EnumValueSpec {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ValueVisitor;
        impl<'de> Visitor<'de> for ValueVisitor {
            type Value = EnumValueSpec;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a value, or a mapping with `value`, `name` and `doc`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<EnumValueSpec, E> {
                LiteralVisitor.visit_str(v).map(EnumValueSpec::bare)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<EnumValueSpec, E> {
                LiteralVisitor.visit_i64(v).map(EnumValueSpec::bare)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<EnumValueSpec, E> {
                LiteralVisitor.visit_u64(v).map(EnumValueSpec::bare)
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<EnumValueSpec, E> {
                LiteralVisitor.visit_bool(v).map(EnumValueSpec::bare)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<EnumValueSpec, E> {
                LiteralVisitor.visit_f64(v).map(EnumValueSpec::bare)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<EnumValueSpec, A::Error> {
                let long = EnumValueLong::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(EnumValueSpec {
                    value: long.value,
                    name: long.name,
                    doc: long.doc,
                })
            }
        }
        deserializer.deserialize_any(ValueVisitor)
    }
}

impl EnumValueSpec {
    fn bare(value: EnumLiteral) -> Self {
        EnumValueSpec {
            value,
            name: None,
            doc: None,
        }
    }
}

impl JsonSchema for EnumValueSpec {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "EnumValueSpec".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An allowed value: a bare string or integer, or `{ value, name, doc }`.",
            "anyOf": [
                { "type": ["string", "integer"] },
                {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["value"],
                    "properties": {
                        "value": { "type": ["string", "integer"], "description": "The value on the wire." },
                        "name": { "type": "string", "description": "The Rust variant name, in PascalCase; required for integer values." },
                        "doc": { "type": "string", "description": "What the value means." }
                    }
                }
            ]
        })
    }
}

/// The service's error responses.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ErrorsSpec {
    /// Where the code, message and details sit in an error response body.
    pub body: Option<ErrorBodySpec>,
    /// The documented error codes, keyed by the code as the server sends it.
    #[serde(default)]
    pub codes: Entries<ErrorCodeSpec>,
}

/// Where the parts of an error sit in an error response body, as dotted key paths.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ErrorBodySpec {
    /// Key path of the error code (`code`); omitted when the service's errors carry none.
    pub code: Option<Located<String>>,
    /// What the codes are: `string` (the default) or `integer` (`{"code": 1002}`).
    pub code_type: Option<Located<CodeType>>,
    /// Key path of the human message (`message`).
    pub message: Located<String>,
    /// Key path of structured details (`details`).
    pub details: Option<Located<String>>,
    /// The whole error body as a declared object type, which `Error::body()` decodes into.
    #[serde(rename = "type")]
    pub ty: Option<Located<String>>,
    /// The code a successful answer carries at `code`, for services whose successes carry
    /// one (Zoho Inventory's `0`): a 2xx body with another code there is an error.
    pub success: Option<Located<serde_json::Value>>,
    /// Where this shape comes from, when the document itself does not show it.
    pub doc: Option<Located<String>>,
    /// What this states that the document does not, and on what grounds (Zoho's usual
    /// hosts, a sample): the generated docs show it as "Not stated by the document".
    pub assumed: Option<Located<String>>,
}

/// What a service's error codes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CodeType {
    /// Text (`"INVALID_DATA"`).
    String,
    /// Integers (`1002`); each documented code needs a `name` for its variant.
    Integer,
}

/// One documented error code.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ErrorCodeSpec {
    /// The Rust variant name, in UpperCamelCase; required for integer codes, derived from
    /// the code otherwise.
    pub name: Option<Located<String>>,
    /// The HTTP status the code comes with.
    pub status: Located<u16>,
    /// What the error means, when the document gives one meaning.
    pub meaning: Option<Located<String>>,
    /// How to resolve it, when the document gives one meaning.
    pub resolution: Option<Located<String>>,
    /// The meanings and resolutions, when the document lists several for one code.
    pub cases: Option<Vec<ErrorCaseSpec>>,
    /// With status 429: the code means a quota is used up (for the day, say), not a
    /// momentary limit, so the client does not retry. Default `false`.
    pub quota: Option<Located<bool>>,
}

/// One documented cause of an error code.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ErrorCaseSpec {
    /// What the error means in this case.
    pub meaning: Located<String>,
    /// How to resolve it.
    pub resolution: Option<Located<String>>,
}

/// A documented request-rate limit.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RateLimitSpec {
    /// How many requests are allowed ...
    pub requests: Located<u32>,
    /// ... within this many seconds.
    pub per_seconds: Located<u32>,
    /// How long the server locks the caller out after the limit is exceeded, in seconds.
    pub lock_seconds: Option<Located<u32>>,
    /// The document's words on the limit.
    pub doc: Option<Located<String>>,
    /// What this states that the document does not, and on what grounds (Zoho's usual
    /// hosts, a sample): the generated docs show it as "Not stated by the document".
    pub assumed: Option<Located<String>>,
}

/// The response headers in which a service says how much of its rate limit is left (Help
/// Scout's `X-RateLimit-Remaining-Minute`): when the count reaches 0, the client holds every
/// request until the service allows them again.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RateLimitHeadersSpec {
    /// The header with the number of requests left (`X-RateLimit-Remaining-Minute`).
    pub remaining: Located<String>,
    /// The header with the seconds until requests are allowed again
    /// (`X-RateLimit-Retry-After`), when the service sends one.
    pub retry_after: Option<Located<String>>,
    /// How long to hold requests when none are left and no `retry_after` says how long:
    /// the length of the service's window, in seconds.
    pub window_seconds: Located<u32>,
    /// The document's words on these headers.
    pub doc: Option<Located<String>>,
    /// What this states that the document does not, and on what grounds: the generated
    /// docs show it as "Not stated by the document".
    pub assumed: Option<Located<String>>,
}

/// An HTTP method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
pub enum HttpMethod {
    /// `GET`
    #[serde(rename = "GET")]
    Get,
    /// `POST`
    #[serde(rename = "POST")]
    Post,
    /// `PUT`
    #[serde(rename = "PUT")]
    Put,
    /// `PATCH`
    #[serde(rename = "PATCH")]
    Patch,
    /// `DELETE`
    #[serde(rename = "DELETE")]
    Delete,
}

impl fmt::Display for HttpMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            HttpMethod::Get => "GET",
            HttpMethod::Post => "POST",
            HttpMethod::Put => "PUT",
            HttpMethod::Patch => "PATCH",
            HttpMethod::Delete => "DELETE",
        })
    }
}

/// One endpoint.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OperationSpec {
    /// The HTTP method.
    pub method: Located<HttpMethod>,
    /// The path template, `{name}` for each path parameter (`/inventory/v1/organizations/{organization_id}`).
    pub path: Located<String>,
    /// Other paths the document gives for the same endpoint (a sample request that
    /// disagrees with the request URL); the client sends `path`.
    #[serde(default)]
    pub alternative_paths: Vec<Located<String>>,
    /// The document this operation transcribes, when it is not the service's `source`
    /// (a page beside it, kept under `specs/sources/`).
    pub source: Option<Located<String>>,
    /// The public documentation page of the operation, when it is not the service's.
    pub docs: Option<Located<String>>,
    /// One line: what the operation does.
    pub summary: Located<String>,
    /// More of the document's words on the operation.
    pub description: Option<Located<String>>,
    /// OAuth scopes: a list of alternatives, any one of which suffices; each alternative
    /// lists the scopes it needs together.
    #[serde(default)]
    pub scopes: Vec<Located<Vec<String>>>,
    /// Path, query and header parameters, keyed by wire name.
    #[serde(default)]
    pub params: Entries<ParamSpec>,
    /// The JSON request body.
    pub body: Option<BodySpec>,
    /// The successful response.
    pub response: ResponseSpec,
    /// How to fetch the following page, for list operations.
    pub pagination: Option<PaginationSpec>,
    /// Error codes from the service's table that this operation documents.
    #[serde(default)]
    pub errors: Vec<Located<String>>,
    /// The name of a rate limit under the service's `rate_limits`.
    pub rate_limit: Option<Located<String>>,
    /// The document's samples: request lines, request bodies, responses.
    #[serde(default)]
    pub examples: Vec<ExampleSpec>,
}

/// A request body: an object type, sent as JSON unless `encoding` says otherwise.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BodySpec {
    /// The named object type of the body.
    #[serde(rename = "type")]
    pub ty: Located<String>,
    /// How the body travels: `json` (the default), `form`
    /// (`application/x-www-form-urlencoded`) or `multipart` (`multipart/form-data`, whose
    /// `binary` fields are file parts).
    pub encoding: Option<Located<BodyEncoding>>,
    /// The document's words on the body.
    pub doc: Option<Located<String>>,
}

/// How a request body is encoded on the wire.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BodyEncoding {
    /// `application/json`.
    #[default]
    Json,
    /// `application/x-www-form-urlencoded`: one `key=value` pair per field (per item of a
    /// list field); fields are scalars, value sets or lists of them.
    Form,
    /// `multipart/form-data`: one part per field (per item of a list field); `binary`
    /// fields are file parts, read from memory, a file or a stream as they are sent; an
    /// object field is a part holding its JSON.
    Multipart,
}

impl fmt::Display for BodyEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            BodyEncoding::Json => "json",
            BodyEncoding::Form => "form",
            BodyEncoding::Multipart => "multipart",
        })
    }
}

impl BodyEncoding {
    /// The `Content-Type` a body of this encoding is sent with (without a multipart
    /// boundary).
    pub fn media_type(self) -> &'static str {
        match self {
            BodyEncoding::Json => "application/json",
            BodyEncoding::Form => "application/x-www-form-urlencoded",
            BodyEncoding::Multipart => "multipart/form-data",
        }
    }
}

/// The successful response of an operation.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResponseSpec {
    /// The success status; `200` when omitted.
    pub status: Option<Located<u16>>,
    /// The payload's type expression; omitted when the response carries no payload.
    /// `binary` makes a download: `send()` returns the body as a byte stream, bounded by
    /// the client's download size limit, instead of decoding it.
    #[serde(rename = "type")]
    pub ty: Option<Located<String>>,
    /// The media type a `binary` response comes in (`application/pdf`), sent as `Accept`;
    /// `*/*` when omitted.
    pub content_type: Option<Located<String>>,
    /// The key the payload sits under in the response body; omitted when the payload is the body.
    pub envelope: Option<Located<String>>,
    /// Other keys of the response body beside the envelope (`info`, `has_more`, `code`).
    #[serde(default)]
    pub meta: Entries<FieldSpec>,
    /// When the server may answer `204 No Content`, what that means ("no data").
    pub no_content: Option<Located<String>>,
    /// When each item of the (list) payload reports its own outcome, where it says so:
    /// `send()` then returns one `Result` per item.
    pub per_item: Option<PerItemSpec>,
    /// The document's words on the response.
    pub doc: Option<Located<String>>,
}

/// How each item of a per-item response says how it went: Zoho's
/// `{ "status": "success", "code": "SCHEDULED", "details": { ... } }` beside
/// `{ "status": "error", "code": "INVALID_DATA", ... }`. A failed item is read as the
/// service's error body is (`errors.body`'s paths, applied to the item), so its code is one
/// of the service's error codes.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PerItemSpec {
    /// Dotted path, in each item, of the string that says how the item went (`status`).
    pub status: Located<String>,
    /// The values there that mean the item succeeded (`[success]`); any other means it
    /// failed. A boolean or a number is compared by its JSON text (`"true"`).
    pub success: Vec<Located<String>>,
    /// What this states that the document does not, and on what grounds.
    pub assumed: Option<Located<String>>,
}

/// A waiter: poll `operation` until the state at `state` in its payload is one of
/// `success` (return the payload) or `failure` (a typed error), or until the deadline.
/// States in neither list, the documented `pending` ones and any the document does not
/// list, mean "poll again".
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WaiterSpec {
    /// The operation polled; `wait_for_<name>` takes its required parameters.
    pub operation: Located<String>,
    /// Dotted path of the state in the payload (`status`); when the payload is a list, in
    /// its first item. It must be a string or a string value set.
    pub state: Located<String>,
    /// The states that mean the job is done.
    pub success: Vec<Located<String>>,
    /// The states that mean the job failed.
    #[serde(default)]
    pub failure: Vec<Located<String>>,
    /// The states that mean the job is still under way (documentation: any state in neither
    /// `success` nor `failure` means the same).
    #[serde(default)]
    pub pending: Vec<Located<String>>,
    /// Seconds before the second poll; the delay doubles after each poll.
    pub interval_seconds: Located<u32>,
    /// The longest delay between polls, in seconds.
    pub max_interval_seconds: Located<u32>,
    /// Seconds after the first poll when the waiter gives up.
    pub deadline_seconds: Located<u32>,
    /// What the waiter is for, for its rustdoc.
    pub doc: Option<Located<String>>,
    /// What this states that the document does not, and on what grounds (an interval, a
    /// deadline, which states are final).
    pub assumed: Option<Located<String>>,
}

/// Pagination styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PaginationStyle {
    /// A page number and a page size; a boolean says whether more pages follow.
    PageNumber,
    /// An offset and a limit; a boolean says whether more records follow.
    OffsetLimit,
    /// A cursor: each page gives a token (`next_cursor`), sent back in a query parameter
    /// (`cursor_param`) for the next page. The stream ends when a page gives none (absent,
    /// `null` or empty), is empty, or says no more follow (`has_more`); a cursor given
    /// twice ends it with an error rather than loop.
    Cursor,
    /// A link in the body (HAL's `_links.next.href`, at `next_link`): the URL of the next
    /// page, absolute or relative to the page's own, followed as it is (its query holds the
    /// paging parameters). Only links to the client's own origin (scheme, host, port) are
    /// followed: another ends the stream with an error, so credentials never go elsewhere.
    NextLink,
    /// The RFC 8288 `Link` response header's `rel="next"` link (GitHub's style), followed
    /// as `next_link` is.
    LinkHeader,
}

/// What an `offset_limit` offset counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OffsetUnit {
    /// The offset is a page index: the next page is `offset + 1`.
    Page,
    /// The offset is a record index: the next page is `offset + limit`.
    Record,
}

/// How a list operation pages.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PaginationSpec {
    /// The pagination style.
    pub style: Located<PaginationStyle>,
    /// `page_number`: the query parameter holding the page number.
    pub page_param: Option<Located<String>>,
    /// `offset_limit`: the query parameter holding the offset.
    pub offset_param: Option<Located<String>>,
    /// `offset_limit`: what the offset counts.
    pub offset_unit: Option<Located<OffsetUnit>>,
    /// `cursor`: the query parameter the cursor is sent back in (`cursor`, `page_token`).
    pub cursor_param: Option<Located<String>>,
    /// `cursor`: dotted path, under the response's `meta`, of the string that holds the
    /// next page's cursor (`meta.next_cursor`).
    pub next_cursor: Option<Located<String>>,
    /// `next_link`: dotted path, under the response's `meta`, of the string that holds the
    /// next page's URL (`_links.next.href`).
    pub next_link: Option<Located<String>>,
    /// The query parameter holding the page size; required for `page_number` and
    /// `offset_limit`.
    pub size_param: Option<Located<String>>,
    /// Dotted path, under the response's `meta`, of the boolean that says more follow
    /// (`info.more_records`); required for `page_number` and `offset_limit`, optional for
    /// the others (where `false` ends the stream whatever the page says of the next).
    pub has_more: Option<Located<String>>,
}

/// Who wrote an example.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExampleSource {
    /// Copied from the document.
    Document,
    /// Written for this spec, following the document's keys, where the document has no JSON sample.
    Authored,
}

/// One documented sample: exactly one of `request`, `body` or `response`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExampleSpec {
    /// The sample's heading in the document.
    pub title: Located<String>,
    /// Who wrote it; `document` when omitted.
    pub source: Option<Located<ExampleSource>>,
    /// A request line, `METHOD URL` (`GET https://www.zohoapis.com/crm/v7/__zia_org_enrichment`).
    pub request: Option<Located<String>>,
    /// A JSON request body.
    pub body: Option<Located<String>>,
    /// A JSON response body.
    pub response: Option<Located<String>>,
    /// The status of a `response` sample; the operation's success status when omitted.
    pub status: Option<Located<u16>>,
}
