//! Token streams to files: parsed into a `syn::File`, pretty-printed with prettyplease,
//! and headed with the `@generated` banner that names the source and the command.

use std::sync::atomic::{AtomicUsize, Ordering};

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

/// A part of a file: whole items (the first part may begin with the file's inner docs and
/// attributes), or members of an `impl` block shared with the parts beside it. It holds a
/// closure rather than tokens because token streams cannot cross threads: each part is
/// emitted on the thread that renders it.
pub struct Part<'a> {
    emit: Box<dyn Fn() -> TokenStream + Send + Sync + 'a>,
    /// For members: the block's header (`impl Client`), which the tokens open.
    members_of: Option<&'static str>,
}

impl<'a> Part<'a> {
    /// Whole items.
    pub fn items(emit: impl Fn() -> TokenStream + Send + Sync + 'a) -> Self {
        Part {
            emit: Box::new(emit),
            members_of: None,
        }
    }

    /// Members of the block `header` (`impl Client`): `emit` returns `header { members }`,
    /// and consecutive parts of one header are printed as one block, as if emitted so.
    pub fn members(
        header: &'static str,
        emit: impl Fn() -> TokenStream + Send + Sync + 'a,
    ) -> Self {
        Part {
            emit: Box::new(emit),
            members_of: Some(header),
        }
    }
}

/// A Rust file to render: where it goes, the spec it comes from, and its parts in order.
pub struct RustFile<'a> {
    /// Path relative to the crate's root.
    pub path: String,
    /// The spec (or folder of specs) named in the header.
    pub source: String,
    /// The file's items, in order, in as many parts as the emitter chose.
    pub parts: Vec<Part<'a>>,
}

impl<'a> RustFile<'a> {
    /// A file of one part.
    pub fn whole(
        path: impl Into<String>,
        source: impl Into<String>,
        emit: impl Fn() -> TokenStream + Send + Sync + 'a,
    ) -> Self {
        RustFile {
            path: path.into(),
            source: source.into(),
            parts: vec![Part::items(emit)],
        }
    }

    /// Joins the parts' texts in order, one block for consecutive members of one header.
    fn join(&self, texts: impl Iterator<Item = String>) -> Result<String, String> {
        let mut joined = String::new();
        let mut open: Option<&str> = None;
        for (part, text) in self.parts.iter().zip(texts) {
            match part.members_of {
                Some(header) => {
                    let opening = format!("{header} {{\n");
                    let members = text
                        .strip_prefix(opening.as_str())
                        .and_then(|rest| rest.strip_suffix("}\n"))
                        .ok_or_else(|| {
                            format!(
                                "generator bug: a part of {} is not one `{header}`",
                                self.path
                            )
                        })?;
                    if open != Some(header) {
                        if open.is_some() {
                            joined.push_str("}\n");
                        }
                        joined.push_str(&opening);
                        open = Some(header);
                    }
                    joined.push_str(members);
                }
                None => {
                    if open.take().is_some() {
                        joined.push_str("}\n");
                    }
                    joined.push_str(&text);
                }
            }
        }
        if open.is_some() {
            joined.push_str("}\n");
        }
        Ok(joined)
    }
}

/// Renders `tokens` as a formatted Rust file generated from `source`.
///
/// Fails only if the emitters produced tokens that are not a Rust file, which is a bug in
/// the generator; the error says which file.
pub fn render(path: &str, source: &str, tokens: TokenStream) -> Result<GeneratedFile, String> {
    let body = space_items(&unparse(path, tokens)?);
    Ok(headed(path, source, &body))
}

/// Renders every part of every file, spread over the machine's cores, and joins each
/// file's parts in order. Each part is parsed and printed on its own, so only one part's
/// syntax tree per thread is alive at a time, and the text is the same as rendering each
/// file whole: prettyplease prints top-level items one after another, each from a fresh
/// line at no indentation. Output does not depend on the number of threads.
pub fn render_all(files: &[RustFile<'_>]) -> Result<Vec<GeneratedFile>, String> {
    let units: Vec<(usize, usize)> = files
        .iter()
        .enumerate()
        .flat_map(|(f, file)| (0..file.parts.len()).map(move |p| (f, p)))
        .collect();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(units.len())
        .max(1);
    let next = AtomicUsize::new(0);
    let mut texts: Vec<Option<Result<String, String>>> = vec![None; units.len()];
    let done: Vec<Vec<(usize, Result<String, String>)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut rendered = Vec::new();
                    loop {
                        let unit = next.fetch_add(1, Ordering::Relaxed);
                        let Some(&(f, p)) = units.get(unit) else {
                            break rendered;
                        };
                        let file = &files[f];
                        rendered.push((unit, unparse(&file.path, (file.parts[p].emit)())));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e))
            })
            .collect()
    });
    for (unit, text) in done.into_iter().flatten() {
        texts[unit] = Some(text);
    }
    let mut texts = texts.into_iter();
    files
        .iter()
        .map(|file| {
            let parts: Vec<String> = texts
                .by_ref()
                .take(file.parts.len())
                .map(|text| text.ok_or("generator bug: a part was not rendered")?)
                .collect::<Result<_, String>>()?;
            let joined = file.join(parts.into_iter())?;
            Ok(headed(&file.path, &file.source, &space_items(&joined)))
        })
        .collect()
}

/// Tokens to formatted text, without the header and item spacing.
fn unparse(path: &str, tokens: TokenStream) -> Result<String, String> {
    let file: syn::File =
        syn::parse2(tokens).map_err(|e| format!("generator bug: {path} is not valid Rust: {e}"))?;
    Ok(prettyplease::unparse(&file))
}

fn headed(path: &str, source: &str, body: &str) -> GeneratedFile {
    GeneratedFile {
        path: path.to_owned(),
        contents: format!(
            "{GENERATED_MARK} from {source} by `{REGENERATE}`. Do not edit by hand.\n\n{body}"
        ),
    }
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
    fn a_file_rendered_in_parts_reads_as_if_rendered_whole() {
        use quote::quote;
        let head = || {
            quote! { //! Docs.
                use std::fmt;
            }
        };
        let first = || quote! { pub struct A { pub x: i64 } };
        let second = || quote! { impl A { pub fn f(&self) -> i64 { self.x } } };
        let third = || quote! { impl A { pub fn g(&self) -> i64 { 2 * self.x } } };
        let whole = {
            let (h, a) = (head(), first());
            let both = quote! { impl A { pub fn f(&self) -> i64 { self.x } pub fn g(&self) -> i64 { 2 * self.x } } };
            render("a.rs", "s.yaml", quote! { #h #a #both #a })
        };
        let parts = RustFile {
            path: "a.rs".into(),
            source: "s.yaml".into(),
            parts: vec![
                Part::items(head),
                Part::items(first),
                Part::members("impl A", second),
                Part::members("impl A", third),
                Part::items(first),
            ],
        };
        let other = RustFile::whole("b.rs", "s.yaml", first);
        let rendered = render_all(&[parts, other]);
        assert_eq!(rendered.as_ref().map(|f| &f[0]), whole.as_ref());
        assert_eq!(
            rendered.map(|f| f[1].contents.clone()),
            render("b.rs", "s.yaml", first()).map(|f| f.contents)
        );
    }

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
