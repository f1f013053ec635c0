//! How names in a spec become Rust names, and which Rust names are taken already.
//!
//! Every Rust name in the IR is made here, once, and the builder checks collisions on the
//! names made here, so a spec that builds never yields two items with one name. The names
//! the generated code itself defines are listed here too: the emitters write them from
//! these lists (or a test checks them against what the emitters write), and the settings
//! every `ClientBuilder` has are read from the runtime's own source.

use heck::{ToSnakeCase, ToUpperCamelCase};

use crate::spec::is_identifier;

/// Keywords of Rust 2024, strict and reserved.
const KEYWORDS: [&str; 52] = [
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try",
];

/// Keywords that cannot be raw identifiers either (`r#self` is not allowed).
const NOT_RAW: [&str; 4] = ["self", "Self", "super", "crate"];

/// Items a generated service module defines or imports at the top of one of its files
/// (`mod.rs`, `types.rs`, `errors.rs`, `operations.rs`, `waiters.rs`), besides the
/// [`SERVICE_SUBMODULES`] themselves, where spec types are in scope
/// too; a spec type may not take one. A test generates modules and checks this list
/// against every name they define and import.
pub const MODULE_ITEMS: [&str; 13] = [
    "Client",
    "ClientBuilder",
    "Region",
    "Error",
    "ErrorCode",
    "Result",
    "Download",
    "ERROR_SHAPE",
    "ErrorShape",
    "fmt",
    "Deserialize",
    "Serialize",
    "Stream",
];

/// The modules inside every service module (a file each); a service of the same name
/// would hold a module named like itself.
pub const SERVICE_SUBMODULES: [&str; 5] = ["errors", "mock", "operations", "types", "waiters"];

/// What a service's `mock.rs` defines. It names the module's own items by `super::` paths
/// and imports none of them, so a spec type may take these names too; a test checks the
/// list, and that `mock.rs` has no glob import.
pub const MOCK_ITEMS: [&str; 3] = ["Expectation", "Fault", "MockServer"];

/// The runtime's items every service module re-exports; the emitter writes its
/// `pub use crate::runtime::{...}` from this list.
pub const REEXPORTS: [&str; 7] = [
    "Credentials",
    "FilePart",
    "RateLimitBudget",
    "RateLimitClock",
    "RateLimitMode",
    "RateLimitStatus",
    "RetryPolicy",
];

/// Names of the Rust prelude that generated code uses unqualified, or whose trait methods
/// it calls (`.clone()`, `::default()`): a spec type of that name would shadow them. A
/// test checks this list against what generated code names.
pub const PRELUDE: [&str; 13] = [
    "Option", "Some", "None", "Ok", "Err", "String", "Vec", "Default", "From", "Into", "Send",
    "Clone", "ToOwned",
];

/// Fields every request builder has besides one per parameter (`body` only when the
/// operation has one); a parameter may not take their names.
pub const BUILDER_FIELDS: [&str; 3] = ["client", "body", "retry"];

/// Methods every request builder has besides one setter per optional parameter.
pub const BUILDER_METHODS: [&str; 6] = ["send", "stream", "check", "request", "send_page", "retry"];

/// Methods every waiter builder has (a test checks them against what the emitter writes);
/// none takes a name from the spec, so none can collide.
pub const WAITER_METHODS: [&str; 5] = ["interval", "max_interval", "deadline", "send", "state"];

/// Methods `Client` has besides one per operation.
pub const CLIENT_METHODS: [&str; 3] = ["builder", "rate_limit_status", "transport"];

/// Methods a generated struct may have besides one pair per clearable field.
pub const STRUCT_METHODS: [&str; 1] = ["new"];

/// The method that sends a clearable field as `null` (`clear_name` for `name`); its
/// setter takes the field's own name.
pub fn clear_method(field: &str) -> String {
    format!("clear_{}", unraw(field))
}

/// The variant every generated value set and error code enum keeps unknown values in.
pub const UNKNOWN_VARIANT: &str = "Unknown";

/// Methods every `ClientBuilder` has besides one setter per common parameter: the shared
/// settings, read from the runtime macro that defines them, and `build`.
pub fn client_builder_methods() -> Vec<String> {
    let mut methods = crate::runtime::builder_settings();
    methods.push("build".to_owned());
    methods
}

/// Whether `word` is a Rust keyword.
pub fn is_keyword(word: &str) -> bool {
    KEYWORDS.contains(&word)
}

/// The Rust field or argument name for a wire name: snake_case, keywords escaped
/// (`type` becomes `r#type`, `self` becomes `self_`). `None` when nothing usable remains.
pub fn field_name(wire: &str) -> Option<String> {
    let snake = wire.to_snake_case();
    if !is_identifier(&snake) {
        return None;
    }
    Some(escape_keyword(&snake))
}

/// The Rust name of a field or parameter: its `rust_name` when given (keywords escaped
/// the same way), else [`field_name`] of its wire name.
pub fn member_name(wire: &str, explicit: Option<&str>) -> Option<String> {
    match explicit {
        Some(name) => Some(escape_keyword(name)),
        None => field_name(wire),
    }
}

/// The Rust type or variant name for a spec name or value: UpperCamelCase.
/// `None` when nothing usable remains (empty, or starting with a digit).
pub fn type_name(name: &str) -> Option<String> {
    let camel = name.to_upper_camel_case();
    if !is_identifier(&camel) {
        return None;
    }
    Some(escape_keyword(&camel))
}

/// `r#kw` for keywords that allow it, `kw_` for those that do not, the word itself otherwise.
pub fn escape_keyword(word: &str) -> String {
    if NOT_RAW.contains(&word) {
        format!("{word}_")
    } else if is_keyword(word) {
        format!("r#{word}")
    } else {
        word.to_owned()
    }
}

/// A Rust name without its raw prefix (`r#type` is `type`), as it is spelled in text.
pub fn unraw(name: &str) -> &str {
    name.strip_prefix("r#").unwrap_or(name)
}

/// Whether `name` is already in snake_case (what operation and service names must be).
pub fn is_snake_case(name: &str) -> bool {
    is_identifier(name) && name.to_snake_case() == name
}

/// Whether `name` is already in UpperCamelCase (what type names must be).
pub fn is_upper_camel_case(name: &str) -> bool {
    is_identifier(name) && name.to_upper_camel_case() == name
}

/// The request builder of an operation: `create_organization` becomes `CreateOrganizationRequest`.
pub fn builder_name(operation: &str) -> String {
    format!(
        "{}Request",
        type_name(operation).unwrap_or_else(|| "Operation".into())
    )
}

/// The `Client` method of a waiter: `org_enrichment` becomes `wait_for_org_enrichment`.
pub fn waiter_method(waiter: &str) -> String {
    format!("wait_for_{waiter}")
}

/// The builder a waiter's method returns: `org_enrichment` becomes `WaitForOrgEnrichment`.
pub fn waiter_builder(waiter: &str) -> String {
    format!(
        "WaitFor{}",
        type_name(waiter).unwrap_or_else(|| "Job".into())
    )
}

/// The private struct one page of a paginated operation decodes into.
pub fn page_name(builder: &str) -> String {
    format!("{builder}Page")
}

/// The private struct a type whose fields go by several wire names decodes through
/// (`OrganizationInfoWire`).
pub fn wire_name(type_name: &str) -> String {
    format!("{type_name}Wire")
}

/// The field of a wire struct that holds what arrives under a field's `n`-th alias
/// (1-based): `website_alias_1`.
pub fn alias_field(rust: &str, n: usize) -> String {
    format!("{}_alias_{n}", unraw(rust))
}

/// The marker type a service module names its service by: its module name in
/// UpperCamelCase (`ZohoCrm`).
pub fn marker_name(module: &str) -> String {
    type_name(module).unwrap_or_else(|| "ServiceApi".into())
}

/// The Rust variant of an error code (`DATA_NOT_FOUND` becomes `DataNotFound`).
pub fn error_variant(code: &str) -> Option<String> {
    type_name(&code.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_become_fields() {
        assert_eq!(field_name("webSite").as_deref(), Some("web_site"));
        assert_eq!(field_name("_links").as_deref(), Some("links"));
        assert_eq!(field_name("type").as_deref(), Some("r#type"));
        assert_eq!(field_name("self").as_deref(), Some("self_"));
        assert_eq!(
            field_name("__zia_org_enrichment").as_deref(),
            Some("zia_org_enrichment")
        );
        assert_eq!(field_name("123"), None);
        assert_eq!(member_name("kind", Some("type")).as_deref(), Some("r#type"));
    }

    #[test]
    fn values_become_variants() {
        assert_eq!(type_name("DATA_NOT_FOUND").as_deref(), Some("DataNotFound"));
        assert_eq!(type_name("created_time").as_deref(), Some("CreatedTime"));
        assert_eq!(type_name("medium scale").as_deref(), Some("MediumScale"));
        assert_eq!(type_name("Self").as_deref(), Some("Self_"));
        assert_eq!(type_name("0"), None);
        assert_eq!(
            error_variant("INVALID_TOKEN").as_deref(),
            Some("InvalidToken")
        );
    }

    #[test]
    fn the_builder_settings_come_from_the_runtime() {
        let methods = client_builder_methods();
        for expected in [
            "region",
            "credentials",
            "timeout",
            "retry",
            "http_client",
            "build",
        ] {
            assert!(
                methods.iter().any(|m| m == expected),
                "{expected} in {methods:?}"
            );
        }
    }
}
