//! The spec language: the serde model of a `specs/*.yaml` file, the located values it is
//! made of, and the two small languages inside its strings: type expressions
//! (`[Address] | string`) and path templates (`/v2/items/{item_id}`).

mod located;
mod member;
mod model;
pub mod path_template;
pub mod type_expr;

pub use located::{Entries, Entry, Located, Position};
pub use member::Member;
pub use model::*;

/// Whether `word` is a plain identifier: ASCII letters, digits and `_`, not starting with
/// a digit, and not `_` alone. Names in a spec (placeholders, type and operation names)
/// are identifiers; `crate::ir::names` decides what Rust makes of them.
pub fn is_identifier(word: &str) -> bool {
    let mut chars = word.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && word != "_"
}
