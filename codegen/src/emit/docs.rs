//! Doc comments from the documents' words, made safe for rustdoc: brackets that would be
//! read as intra-doc links, angle brackets that would be read as HTML, and bare URLs are
//! escaped, outside code spans only.

use proc_macro2::TokenStream;
use quote::quote;

/// `#[doc = "..."]` attributes, one per line of `text`.
pub fn doc_attrs(text: &str) -> TokenStream {
    let lines = text.lines().map(|line| {
        let line = if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        };
        quote!(#[doc = #line])
    });
    quote!(#(#lines)*)
}

/// Inner `#![doc = "..."]` attributes, for module docs.
pub fn inner_doc_attrs(text: &str) -> TokenStream {
    let lines = text.lines().map(|line| {
        let line = if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        };
        quote!(#![doc = #line])
    });
    quote!(#(#lines)*)
}

/// The paragraph that marks what a spec states that its document does not (`assumed:`),
/// worded the same wherever it appears.
pub fn assumption(assumed: &str) -> String {
    format!("Not stated by the document: {}", prose(assumed))
}

/// `doc`, then the assumption, if any, as a paragraph of its own.
pub fn with_assumption(doc: String, assumed: Option<&str>) -> String {
    match assumed {
        Some(assumed) => format!("{doc}\n\n{}", assumption(assumed)),
        None => doc,
    }
}

/// Escapes a document's prose for rustdoc Markdown.
pub fn prose(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_code = false;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '`' {
            in_code = !in_code;
        } else if !in_code {
            if let Some(url_len) = url_at(rest) {
                out.push('<');
                out.push_str(&rest[..url_len]);
                out.push('>');
                rest = &rest[url_len..];
                continue;
            }
            match c {
                '[' | ']' | '*' | '_' | '\\' => {
                    out.push('\\');
                    out.push(c);
                    rest = &rest[c.len_utf8()..];
                    continue;
                }
                '<' => {
                    out.push_str("&lt;");
                    rest = &rest[1..];
                    continue;
                }
                '>' => {
                    out.push_str("&gt;");
                    rest = &rest[1..];
                    continue;
                }
                _ => {}
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Length of an `http(s)://` URL starting `text`, trailing punctuation excluded.
fn url_at(text: &str) -> Option<usize> {
    if !(text.starts_with("https://") || text.starts_with("http://")) {
        return None;
    }
    let end = text
        .find(|c: char| c.is_whitespace() || c == '"' || c == '\'' || c == ')' || c == '`')
        .unwrap_or(text.len());
    let trimmed = text[..end].trim_end_matches(['.', ',', ';', ':']);
    Some(trimmed.len())
}

/// `text` as a Markdown table cell.
pub fn cell(text: &str) -> String {
    prose(text).replace('|', "\\|").replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_outside_code_only() {
        assert_eq!(prose("Allowed chars [a-z]"), "Allowed chars \\[a-z\\]");
        assert_eq!(
            prose("`Zoho-oauthtoken <t>` or <t>"),
            "`Zoho-oauthtoken <t>` or &lt;t&gt;"
        );
        assert_eq!(prose("see https://a.com/x."), "see <https://a.com/x>.");
        assert_eq!(prose("__zia_org"), "\\_\\_zia\\_org");
    }
}
