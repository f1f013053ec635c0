//! How names in a spec become Rust identifiers. Validation uses the same functions as
//! the generator, so a spec that validates never yields two items with one name.

use heck::{ToSnakeCase, ToUpperCamelCase};

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

/// Whether `word` is a Rust keyword.
pub fn is_keyword(word: &str) -> bool {
    KEYWORDS.contains(&word)
}

/// Whether `word` is a plain identifier: ASCII letters, digits and `_`, not starting with a digit.
pub fn is_identifier(word: &str) -> bool {
    let mut chars = word.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && word != "_"
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

/// Whether `name` is already in snake_case (what operation and service names must be).
pub fn is_snake_case(name: &str) -> bool {
    is_identifier(name) && name.to_snake_case() == name
}

/// Whether `name` is already in UpperCamelCase (what type names must be).
pub fn is_upper_camel_case(name: &str) -> bool {
    is_identifier(name) && name.to_upper_camel_case() == name
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
    }

    #[test]
    fn values_become_variants() {
        assert_eq!(type_name("DATA_NOT_FOUND").as_deref(), Some("DataNotFound"));
        assert_eq!(type_name("created_time").as_deref(), Some("CreatedTime"));
        assert_eq!(type_name("medium scale").as_deref(), Some("MediumScale"));
        assert_eq!(type_name("Self").as_deref(), Some("Self_"));
        assert_eq!(type_name("0"), None);
    }
}
