//! The classification rules: every kind of spec change the diff recognizes, with its
//! level, the one-line reason reports give, and an example.
//!
//! The rules are data so that the table in `README.md` is printed from this file
//! (`cargo xtask diff --rules`) and a test keeps the two equal: the documentation cannot
//! drift from what the tool does.

use heck::ToSnakeCase;
use serde::{Serialize, Serializer};

/// How a change affects users of the generated crate, ordered from least to most severe
/// so that the worst change of a set is its maximum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Nothing a user can observe through the API changes: documentation, hosts the
    /// client picks itself, pacing. A patch release.
    Internal,
    /// New things users may start to use; nothing they use stops working. A minor release.
    Compatible,
    /// Code or calls that worked stop compiling or stop working. A major release.
    Breaking,
}

impl Level {
    /// The word used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Internal => "internal",
            Level::Compatible => "compatible",
            Level::Breaking => "breaking",
        }
    }
}

/// What part of a service a change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    /// The service as a whole: added, removed, its title or source.
    Service,
    /// An operation: added, removed, renamed, its method or path.
    Endpoint,
    /// A path, query or header parameter, or a parameter every operation sends.
    Parameter,
    /// A request body, or a field of a type requests send.
    RequestField,
    /// A response payload, or a field of a type responses carry.
    ResponseField,
    /// A named type: added, removed, renamed, or changed in kind.
    Type,
    /// A minimum, maximum, length or pattern.
    Constraint,
    /// A value of a value set.
    EnumValue,
    /// A documented error code, or the shape of error bodies.
    ErrorCode,
    /// The authorization scheme or token endpoint.
    Auth,
    /// OAuth scopes of an operation.
    Scope,
    /// A data center and its hosts.
    Region,
    /// How a list pages.
    Pagination,
    /// A documented rate limit.
    RateLimit,
    /// A waiter: what it polls and the states that end it.
    Waiter,
    /// Words only: summaries, descriptions, samples.
    Documentation,
}

impl Area {
    /// The words used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Area::Service => "service",
            Area::Endpoint => "endpoint",
            Area::Parameter => "parameter",
            Area::RequestField => "request field",
            Area::ResponseField => "response field",
            Area::Type => "type",
            Area::Constraint => "constraint",
            Area::EnumValue => "enum value",
            Area::ErrorCode => "error code",
            Area::Auth => "auth",
            Area::Scope => "scope",
            Area::Region => "region",
            Area::Pagination => "pagination",
            Area::RateLimit => "rate limit",
            Area::Waiter => "waiter",
            Area::Documentation => "documentation",
        }
    }
}

macro_rules! rules {
    ($( $rule:ident => $level:ident, $area:ident, $why:literal, $example:literal; )*) => {
        /// A kind of spec change, with the level it always gets.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Rule {
            $(
                #[doc = $why]
                $rule,
            )*
        }

        impl Rule {
            /// Every rule, in the order of the documentation table.
            pub const ALL: &'static [Rule] = &[$(Rule::$rule),*];

            /// How severe a change of this kind is for users of the generated crate.
            pub fn level(self) -> Level {
                match self {
                    $(Rule::$rule => Level::$level,)*
                }
            }

            /// What part of a service it is about.
            pub fn area(self) -> Area {
                match self {
                    $(Rule::$rule => Area::$area,)*
                }
            }

            /// Why it has its level, in one line.
            pub fn why(self) -> &'static str {
                match self {
                    $(Rule::$rule => $why,)*
                }
            }

            /// A spec edit of this kind.
            pub fn example(self) -> &'static str {
                match self {
                    $(Rule::$rule => $example,)*
                }
            }

            /// The rule's name in reports and JSON: `param_added_required`.
            pub fn id(self) -> String {
                let name = match self {
                    $(Rule::$rule => stringify!($rule),)*
                };
                name.to_snake_case()
            }
        }
    };
}

rules! {
    // The service as a whole.
    ServiceAdded => Compatible, Service,
        "a new module behind a new cargo feature; existing code is untouched",
        "`specs/gadgets.yaml` is new";
    ServiceRemoved => Breaking, Service,
        "the module and its cargo feature disappear",
        "`specs/gadgets.yaml` is deleted";
    ServiceDescribed => Internal, Documentation,
        "documentation only: title, description, source or documentation link",
        "`title: Widgets` becomes `title: Widget catalogue`";
    ResponseMediaTypeChanged => Internal, Service,
        "the client asks for the new media type itself",
        "`response_content_type` becomes `application/hal+json`";
    AuthSchemeChanged => Breaking, Auth,
        "credentials that worked are sent in a form the service no longer accepts",
        "`auth: { scheme: bearer }` becomes `scheme: api_key`";
    TokenPathChanged => Internal, Auth,
        "the client fetches and refreshes tokens at the new path itself",
        "`token_path: /oauth/v2/token` becomes `/oauth/v3/token`";
    AuthDescribed => Internal, Documentation,
        "documentation only",
        "the `doc` of `auth` changes";
    RegionAdded => Compatible, Region,
        "a new variant of the `#[non_exhaustive]` `Region` enum",
        "region `in` is added";
    RegionRemoved => Breaking, Region,
        "code naming the region no longer compiles, and its data center is out of reach",
        "region `eu` is removed";
    RegionHostChanged => Internal, Region,
        "the client sends to the new host itself; code naming the region is unchanged",
        "`eu: { api: https://api.example.eu }` becomes `https://eu.api.example.com`";
    DefaultRegionChanged => Breaking, Region,
        "callers that never pick a region now reach another data center, where their tokens and data are not",
        "`default_region: us` becomes `eu`";
    ErrorCodeAdded => Compatible, ErrorCode,
        "a new variant of the `#[non_exhaustive]` `ErrorCode` enum",
        "code `INTERNAL_ERROR` is added";
    ErrorCodeRemoved => Breaking, ErrorCode,
        "code matching the `ErrorCode` variant no longer compiles",
        "code `NO_PERMISSION` is removed";
    ErrorCodeStatusChanged => Internal, ErrorCode,
        "only `ErrorCode::documented_status` and the docs change; codes are matched by name",
        "`INVALID_DATA: { status: 400 }` becomes `status: 422`";
    ErrorCodeQuotaChanged => Internal, ErrorCode,
        "no API change; a 429 with this code is retried (or no longer is), and `is_quota` changes",
        "`TOO_MANY_REQUESTS: { status: 429 }` gets `quota: true`";
    ErrorCodeDescribed => Internal, Documentation,
        "documentation only: meaning or resolution",
        "the `meaning` of `INVALID_DATA` changes";
    ErrorBodyChanged => Internal, ErrorCode,
        "the client reads codes and messages from the new place itself (and checks successes for the new success code)",
        "`errors: { body: { code: code } }` becomes `code: error.code`";
    ErrorCodeTypeChanged => Breaking, ErrorCode,
        "`ErrorCode::Unknown` holds another type, and `as_str()` becomes `as_i64()` or back",
        "`code_type: integer` is added";
    ErrorBodyTypeChanged => Breaking, ErrorCode,
        "`Error::body()` returns another type",
        "`errors: { body: { type: ErrorBody } }` is added";
    // Operations.
    OperationAdded => Compatible, Endpoint,
        "a new method on `Client` and a new request type",
        "operation `count_widgets` is added";
    OperationRemoved => Breaking, Endpoint,
        "the method on `Client` and its request type disappear",
        "operation `get_widget` is removed";
    OperationRenamed => Breaking, Endpoint,
        "same endpoint, but the method on `Client` and its request type have new names",
        "operation `get_widget` becomes `fetch_widget`, same method and path";
    OperationPathChanged => Internal, Endpoint,
        "callers keep calling the same method; the client sends to the new path",
        "`path: /v1/widgets/{widget_id}` becomes `/v2/widgets/{widget_id}`";
    OperationMethodChanged => Internal, Endpoint,
        "callers keep calling the same method; the client sends the new HTTP method, and retries it by the new method's rules",
        "`method: POST` becomes `PUT`";
    OperationDescribed => Internal, Documentation,
        "documentation only: summary, description, alternative paths, or which errors and scopes it lists",
        "the `summary` of `list_widgets` changes";
    ExamplesChanged => Internal, Documentation,
        "documentation and the generated doc tests only",
        "a value in a response sample changes";
    ScopeAlternativeRemoved => Breaking, Scope,
        "tokens granted only the removed scopes no longer authorize the call",
        "`scopes: [[Widgets.ALL], [Widgets.READ]]` loses `[Widgets.READ]`";
    ScopeAlternativeAdded => Internal, Scope,
        "more tokens authorize the call; the crate itself does not check scopes",
        "`[Widgets.LIST]` is added to the scopes of `list_widgets`";
    RateLimitAdded => Internal, RateLimit,
        "no API change; the client now paces these calls, so bursts wait (or fail fast in `RateLimitMode::FailFast`)",
        "`rate_limit: standard` is added to `get_widget`";
    RateLimitRemoved => Internal, RateLimit,
        "no API change; the client stops pacing these calls",
        "`rate_limit: standard` is removed from `get_widget`";
    RateLimitChanged => Internal, RateLimit,
        "no API change; the client paces these calls by the new numbers",
        "`standard: { requests: 30 }` becomes `requests: 20`";
    RateLimitHeadersChanged => Internal, RateLimit,
        "no API change; the client reads the service's remaining count from other headers (or stops, or starts)",
        "`rate_limit_headers: { remaining: X-Remaining, window_seconds: 60 }` is added";
    // Parameters, of an operation or of every operation.
    ParamAddedRequired => Breaking, Parameter,
        "a new argument of the operation's method (or a setting without which the server refuses calls)",
        "`fields: { in: query, required: true }` is added to `list_widgets`";
    ParamAddedOptional => Compatible, Parameter,
        "a new setter; callers who do not use it send what they sent before",
        "`fields: { in: query }` is added to `list_widgets`";
    ParamRemoved => Breaking, Parameter,
        "the argument or setter disappears, so code that passes it no longer compiles",
        "`sort_order` is removed from `list_widgets`";
    ParamBecameRequired => Breaking, Parameter,
        "it moves from a setter to an argument of the operation's method, and the server refuses calls without it",
        "`sort_order` gets `required: true`";
    ParamBecameOptional => Breaking, Parameter,
        "it moves from an argument of the operation's method to a setter, so existing calls no longer compile",
        "`sort_order` loses `required: true`";
    ParamTypeChanged => Breaking, Parameter,
        "the argument or setter takes another Rust type",
        "`widget_id: { type: string }` becomes `type: integer`";
    ParamRenamedInRust => Breaking, Parameter,
        "same wire name, but the Rust argument or setter has a new name",
        "`rust_name: sort` is added to `sort_order`";
    ParamMoved => Internal, Parameter,
        "same Rust API; the client sends the value in the new place",
        "`fields: { in: query }` becomes `in: header`";
    ParamDefaultChanged => Internal, Parameter,
        "no API change; callers who leave it unset get what the server now does by default",
        "`per_page: { default: 100 }` becomes `default: 50`";
    ParamArrayStyleChanged => Internal, Parameter,
        "same Rust API; the client sends the items in the new form, one pair each or joined by commas",
        "`ids: { type: \"[integer]\", array: comma }` becomes `array: repeated`";
    ParamDescribed => Internal, Documentation,
        "documentation only: words or format",
        "the `doc` of `page` changes";
    // Constraints the client checks (parameters and request bodies) and those it does not.
    ConstraintTightened => Breaking, Constraint,
        "values that were sent before are now refused before sending",
        "`min_size: { maximum: 1000 }` becomes `maximum: 500`";
    ConstraintLoosened => Internal, Constraint,
        "values that were refused before sending are now sent; nothing that worked stops working",
        "`min_size: { maximum: 1000 }` becomes `maximum: 5000`";
    PatternChanged => Breaking, Constraint,
        "the client checks values against the new pattern before sending",
        "`colour: { pattern: \"^#[0-9A-F]{6}$\" }` becomes `\"^#[0-9A-Fa-f]{6}$\"`";
    ResponseConstraintChanged => Internal, Constraint,
        "responses are not checked against constraints; documentation only",
        "`PageInfo.page` gets `minimum: 1`";
    // Request bodies and responses.
    BodyAdded => Breaking, RequestField,
        "the operation's method takes the body as a new argument",
        "`body: { type: NewWidget }` is added to `update_widget`";
    BodyRemoved => Breaking, RequestField,
        "the operation's method loses its body argument",
        "`body:` is removed from `create_widget`";
    BodyTypeChanged => Breaking, RequestField,
        "the operation's method takes another body type",
        "`body: { type: NewWidget }` becomes `type: Widget`";
    BodyEncodingChanged => Breaking, RequestField,
        "the body goes in another encoding (JSON, form, multipart), which the server reads differently; a form or multipart body also limits what its type may hold",
        "`body: { type: NewWidget }` gains `encoding: form`";
    ResponseTypeChanged => Breaking, ResponseField,
        "`send()` returns another Rust type",
        "`response: { type: Widget }` becomes `type: \"[Widget]\"`, or gains `no_content` (now an `Option`)";
    DownloadMediaTypeChanged => Breaking, ResponseField,
        "`send()` still returns a `Download`, but of another media type (`Accept`): callers that read the bytes as the old one break",
        "`response: { type: binary, content_type: application/pdf }` becomes `text/html`";
    ResponseEnvelopeChanged => Internal, ResponseField,
        "the client unwraps the payload from the new key itself",
        "`response: { envelope: widget }` becomes `envelope: data`";
    NoContentChanged => Internal, ResponseField,
        "what a 204 means changes, but `send()` returns the same type (an empty list, or `()`)",
        "`no_content: There are no widgets.` is added to a list operation";
    ResponseMetaChanged => Internal, ResponseField,
        "the client reads the fields beside the payload only to page; callers do not see them",
        "`meta: { info: { type: PageInfo } }` becomes `required: true`";
    PaginationAdded => Compatible, Pagination,
        "the request gains `stream()`; `send()` still returns one page",
        "`pagination:` is added to `list_gadget_kinds`";
    PaginationRemoved => Breaking, Pagination,
        "`stream()` disappears from the request",
        "`pagination:` is removed from `list_widgets`";
    PaginationStyleChanged => Internal, Pagination,
        "`stream()` keeps its signature; the client now follows the cursor or link each page gives (or counts pages itself), and ends the stream by the new style's rules",
        "`style: page_number` becomes `style: link_header`";
    PaginationChanged => Internal, Pagination,
        "`stream()` keeps its signature; the client pages the new way itself",
        "`has_more: info.more_records` becomes `info.has_more`";
    PerItemChanged => Breaking, ResponseField,
        "items the client returned as `Ok` may now be `Err`, or the reverse",
        "`per_item: { success: [success] }` becomes `success: [ok]`";
    // Waiters.
    WaiterAdded => Compatible, Waiter,
        "the client gains a `wait_for_...` method",
        "waiter `widget_job` is added";
    WaiterRemoved => Breaking, Waiter,
        "the `wait_for_...` method disappears",
        "waiter `widget_job` is removed";
    WaiterStatesChanged => Breaking, Waiter,
        "a wait now returns or fails at other states, reads another field, or polls another operation",
        "`failure:` gains `cancelled`";
    WaiterPollingChanged => Internal, Waiter,
        "`wait_for_...` keeps its signature; it polls at another pace or gives up at another time, which callers can set themselves",
        "`deadline_seconds: 300` becomes `600`";
    WaiterDescribed => Internal, Documentation,
        "words only: the waiter's doc, its assumptions, the states documented as pending",
        "`pending: [queued]` is added";
    // Named types, their fields and their values.
    TypeAdded => Compatible, Type,
        "a new public type",
        "type `Gadget` is added";
    TypeRemoved => Breaking, Type,
        "code naming the type no longer compiles",
        "type `WidgetState` is removed";
    TypeRenamed => Breaking, Type,
        "same shape, new Rust name: code naming the old one no longer compiles",
        "type `PageInfo` becomes `PageMeta`";
    TypeKindChanged => Breaking, Type,
        "a struct became a value set or the other way round",
        "type `Shape` loses `fields:` and gets `values:`";
    TypeDescribed => Internal, Documentation,
        "documentation only",
        "the `doc` of `Widget` changes";
    RequestFieldAddedRequired => Breaking, RequestField,
        "the type's `new` takes a new argument, and the server refuses bodies without the field",
        "`NewWidget` gets `shape: { type: string, required: true }`";
    RequestFieldAddedOptional => Compatible, RequestField,
        "a new field of a `#[non_exhaustive]` struct, unset unless callers set it",
        "`NewWidget` gets `shape: { type: string }`";
    ResponseFieldAdded => Compatible, ResponseField,
        "a new field of a `#[non_exhaustive]` struct",
        "`Widget` gets `weight: { type: number }`";
    FieldRemoved => Breaking, ResponseField,
        "code reading or setting the field no longer compiles, and readers lose the data",
        "`colour` is removed from `Widget`";
    FieldBecameOptional => Breaking, ResponseField,
        "the field's Rust type becomes an `Option` (and leaves `new`'s arguments)",
        "`Widget.id` loses `required: true`";
    FieldBecameRequired => Breaking, ResponseField,
        "the field's Rust type is no longer an `Option`; in requests, `new` takes it and the server refuses bodies without it",
        "`Widget.name` gets `required: true`";
    FieldTypeChanged => Breaking, ResponseField,
        "the field has another Rust type",
        "`Widget.name: { type: string }` becomes `type: string | integer`";
    FieldClearableChanged => Breaking, RequestField,
        "the field's Rust type becomes a `Patch` (absent, `null` or a value) instead of an `Option`, or back",
        "`NewWidget.colour` gets `clearable: true`";
    FieldRenamedInRust => Breaking, ResponseField,
        "same wire name, new Rust field name",
        "`colour` gets `rust_name: color`";
    FieldAliasAdded => Internal, ResponseField,
        "decoding also accepts the new wire name; the Rust field is unchanged",
        "`colour` gets `aliases: [color]`";
    FieldAliasRemoved => Internal, ResponseField,
        "decoding no longer accepts the old wire name; the Rust field is unchanged",
        "`colour` loses `aliases: [color]`";
    FieldDescribed => Internal, Documentation,
        "documentation only: words or format",
        "the `doc` of `Widget.name` changes";
    EnumValueAdded => Compatible, EnumValue,
        "a new variant of a `#[non_exhaustive]` enum",
        "`SortOrder` gets the value `random`";
    EnumValueRemoved => Breaking, EnumValue,
        "code naming the variant no longer compiles",
        "`WidgetState` loses `retired`";
    EnumVariantRenamed => Breaking, EnumValue,
        "same wire value, new Rust variant name",
        "`{ value: asc, name: Ascending }` replaces `asc`";
    EnumValueDescribed => Internal, Documentation,
        "documentation only",
        "the `doc` of the value `asc` changes";
    // Tagged unions of object types.
    TaggedVariantAdded => Compatible, Type,
        "a new variant of a `#[non_exhaustive]` enum; objects with its tag decoded as `Unknown` before",
        "`Payment` gets `variants: { wallet: WalletPayment }`";
    TaggedVariantRemoved => Breaking, Type,
        "code naming the variant no longer compiles, and objects with its tag decode as `Unknown`",
        "`Payment` loses the variant `bank`";
    TaggedVariantTypeChanged => Breaking, Type,
        "the variant holds another Rust type",
        "`card: CardPayment` becomes `card: Card`";
    TaggedTagChanged => Internal, Type,
        "same Rust API; the client reads and writes the tag under the new key itself",
        "`tagged: { tag: type }` becomes `tag: kind`";
}

impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_are_unique_snake_case() {
        let mut ids: Vec<String> = Rule::ALL.iter().map(|r| r.id()).collect();
        assert_eq!(ids[0], "service_added");
        assert!(ids.contains(&"param_added_required".to_owned()));
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), Rule::ALL.len());
    }
}
