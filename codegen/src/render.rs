//! Token streams to files: parsed into a `syn::File`, pretty-printed with prettyplease,
//! and headed with the `@generated` banner that names the source and the command.

use proc_macro2::TokenStream;

/// A file the generator writes, relative to the generated crate's root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Path relative to the crate's root (`src/zoho_crm/mod.rs`), with `/` separators.
    pub path: String,
    /// The whole text.
    pub contents: String,
}

/// The command that regenerates the files, named in every header.
pub const REGENERATE: &str = "cargo xtask codegen";

/// How every generated Rust file starts; the writer removes files with this mark that
/// nothing generates any more, and leaves every other file alone.
pub const GENERATED_MARK: &str = "// @generated";

/// Renders `tokens` as a formatted Rust file generated from `source`.
///
/// Fails only if the emitters produced tokens that are not a Rust file, which is a bug in
/// the generator; the error says which file.
pub fn render(path: &str, source: &str, tokens: TokenStream) -> Result<GeneratedFile, String> {
    let file: syn::File =
        syn::parse2(tokens).map_err(|e| format!("generator bug: {path} is not valid Rust: {e}"))?;
    let body = space_items(&prettyplease::unparse(&file));
    let contents =
        format!("{GENERATED_MARK} from {source} by `{REGENERATE}`. Do not edit by hand.\n\n{body}");
    Ok(GeneratedFile {
        path: path.to_owned(),
        contents,
    })
}

/// Puts a blank line between items, as a person would; prettyplease puts none between
/// consecutive items of an `impl` or a module. Only whitespace changes.
fn space_items(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut previous = "";
    for line in text.lines() {
        let trimmed = line.trim_start();
        let previous_trimmed = previous.trim_start();
        let indent = line.len() - trimmed.len();
        let previous_indent = previous.len() - previous_trimmed.len();
        let starts_item = [
            "///",
            "#[",
            "pub ",
            "pub(crate) ",
            "pub(super) ",
            "fn ",
            "async fn",
            "impl",
            "struct ",
            "enum ",
            "const ",
            "static ",
            "mod ",
            "use ",
            "type ",
        ]
        .iter()
        .any(|start| trimmed.starts_with(start));
        let ends_item = previous_trimmed == "}"
            || ((previous_trimmed.ends_with(';') || previous_trimmed.ends_with('}'))
                && previous_indent == indent);
        let after_module_doc = (previous_trimmed.starts_with("//!") && !trimmed.starts_with("//!"))
            || (previous_trimmed.starts_with("#![") && !trimmed.starts_with("#!["));
        // Consecutive one-line `use`s, `pub use`s or `mod`s read as one group.
        let use_group = declaration_kind(previous_trimmed).is_some()
            && declaration_kind(previous_trimmed) == declaration_kind(trimmed);
        let inside_doc_or_attributes =
            previous_trimmed.starts_with("///") || previous_trimmed.starts_with("#[");
        let blank = !previous.is_empty()
            && !inside_doc_or_attributes
            && starts_item
            && indent <= previous_indent
            && (ends_item || after_module_doc)
            && !use_group;
        if blank || (after_module_doc && !trimmed.is_empty()) {
            out.push('\n');
        }
        out.push_str(line);
        out.push('\n');
        previous = line;
    }
    out
}

/// The kind of a one-line declaration that groups with its like: `use`, `pub use`, `mod`.
fn declaration_kind(line: &str) -> Option<&'static str> {
    if !line.ends_with(';') {
        return None;
    }
    [
        ("use ", "use"),
        ("pub use ", "pub use"),
        ("mod ", "mod"),
        ("pub mod ", "pub mod"),
    ]
    .iter()
    .find(|(start, _)| line.starts_with(start))
    .map(|(_, kind)| *kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_separated_by_one_blank_line() {
        let text = "//! Docs.\nuse a::b;\nuse c::d;\nstruct A;\nimpl A {\n    fn f() {}\n    fn g() {\n        let x = 1;\n        x;\n    }\n}\n";
        assert_eq!(
            space_items(text),
            "//! Docs.\n\nuse a::b;\nuse c::d;\n\nstruct A;\n\nimpl A {\n    fn f() {}\n\n    fn g() {\n        let x = 1;\n        x;\n    }\n}\n"
        );
        let module = "mod a;\nmod b;\npub use a::X;\npub use b::Y;\nimpl X {\n    fn f() {}\n    pub(crate) fn g() {}\n}\n";
        assert_eq!(
            space_items(module),
            "mod a;\nmod b;\n\npub use a::X;\npub use b::Y;\n\nimpl X {\n    fn f() {}\n\n    pub(crate) fn g() {}\n}\n"
        );
        // Doc comments and attributes stay attached to what they document.
        let documented = "/// let x = 1;\n/// # fn f() {}\n#[derive(Debug)]\nstruct B;\n";
        assert_eq!(space_items(documented), documented);
    }
}
