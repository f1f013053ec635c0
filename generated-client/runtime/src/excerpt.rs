//! Short, printable excerpts of response bodies for error messages.

/// How many characters an excerpt keeps before it is cut with `…`.
const MAX_CHARS: usize = 200;

/// The start of a body's text: runs of whitespace folded into one space (HTML error pages
/// are mostly indentation), control characters replaced, and cut after [`MAX_CHARS`]
/// characters, on a character boundary. Bodies reach it decoded (invalid UTF-8 replaced)
/// and redacted, by `Redactor::excerpt`.
pub(crate) fn excerpt_str(text: &str) -> String {
    let mut out = String::new();
    let mut kept = 0;
    let mut pending_space = false;
    for c in text.trim().chars() {
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if kept >= MAX_CHARS {
            out.push('…');
            return out;
        }
        if pending_space {
            out.push(' ');
            kept += 1;
            pending_space = false;
        }
        out.push(if c.is_control() { '\u{FFFD}' } else { c });
        kept += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn excerpt(body: &[u8]) -> String {
        excerpt_str(&String::from_utf8_lossy(body))
    }

    #[test]
    fn folds_whitespace_and_cuts_on_char_boundaries() {
        assert_eq!(
            excerpt(b"  <html>\n\n   <body>  x </body>\n"),
            "<html> <body> x </body>"
        );
        let long = "é".repeat(500);
        let cut = excerpt(long.as_bytes());
        assert_eq!(cut.chars().count(), MAX_CHARS + 1);
        assert!(cut.ends_with('…'));
        assert_eq!(excerpt(b""), "");
        assert_eq!(excerpt(&[0xff, b'a', 0x07]), "\u{FFFD}a\u{FFFD}");
    }
}
