//! The `rel="next"` target of RFC 8288 `Link` headers.
//!
//! Written here rather than taken from a crate: the grammar is small (RFC 8288 §3), only one
//! relation is wanted, and a parser of our own keeps the runtime's dependencies as they are.

/// The target of the first link whose `rel` includes `next`, across every `Link` header in
/// the order they arrived, as written between `<` and `>` (a URI reference, still to be
/// resolved).
///
/// Follows RFC 8288 §3: a header holds comma-separated links, `<target>` then `;`-separated
/// parameters whose values are tokens or quoted strings (which may hold `,` and `;`, and
/// `\`-escapes); `rel` holds space-separated relation types, compared without regard to
/// case; a second `rel` in one link is ignored (§3.3). A link that does not parse ends the
/// reading of its header, since where it ends cannot be told; links before it count.
pub(crate) fn next_target<'h>(headers: impl IntoIterator<Item = &'h str>) -> Option<String> {
    headers.into_iter().find_map(|header| {
        links(header)
            .into_iter()
            .find(is_next)
            .map(|link| link.target)
    })
}

/// One link of a header: its target and its `rel` value, when it has one.
#[derive(Debug, PartialEq)]
struct Link {
    target: String,
    rel: Option<String>,
}

fn is_next(link: &Link) -> bool {
    link.rel.as_deref().is_some_and(|rel| {
        rel.split_ascii_whitespace()
            .any(|relation| relation.eq_ignore_ascii_case("next"))
    })
}

/// The links of one header value, up to the first that does not parse.
fn links(header: &str) -> Vec<Link> {
    let mut reader = Reader {
        rest: header.as_bytes(),
    };
    let mut found = Vec::new();
    loop {
        reader.skip(|b| b == b',' || is_space(b));
        if reader.rest.is_empty() {
            return found;
        }
        match reader.link() {
            Some(link) => found.push(link),
            None => return found,
        }
    }
}

/// A cursor over a header value.
struct Reader<'h> {
    rest: &'h [u8],
}

impl Reader<'_> {
    /// `<target> *( OWS ";" OWS param )`, up to the `,` after it or the end.
    fn link(&mut self) -> Option<Link> {
        if !self.eat(b'<') {
            return None;
        }
        let end = self.rest.iter().position(|&b| b == b'>')?;
        let target = String::from_utf8_lossy(&self.rest[..end]).trim().to_owned();
        self.rest = &self.rest[end + 1..];
        let mut rel = None;
        loop {
            self.skip(is_space);
            match self.rest.first() {
                None | Some(b',') => return Some(Link { target, rel }),
                Some(b';') => self.rest = &self.rest[1..],
                Some(_) => return None,
            }
            self.skip(is_space);
            let name = self.token();
            if name.is_empty() {
                // `<a>;` with nothing after the `;`: tolerated, as browsers do.
                continue;
            }
            self.skip(is_space);
            let value = if self.eat(b'=') {
                self.skip(is_space);
                if self.rest.first() == Some(&b'"') {
                    self.quoted()?
                } else {
                    self.token()
                }
            } else {
                String::new()
            };
            if name.eq_ignore_ascii_case("rel") && rel.is_none() {
                rel = Some(value);
            }
        }
    }

    /// RFC 9110 `token` characters, as text (possibly empty).
    fn token(&mut self) -> String {
        let end = self
            .rest
            .iter()
            .position(|&b| !is_token(b))
            .unwrap_or(self.rest.len());
        let token = String::from_utf8_lossy(&self.rest[..end]).into_owned();
        self.rest = &self.rest[end..];
        token
    }

    /// A quoted string, unescaped; `None` when it is not closed.
    fn quoted(&mut self) -> Option<String> {
        let mut value = Vec::new();
        let mut bytes = self.rest.iter().enumerate().skip(1);
        while let Some((at, &b)) = bytes.next() {
            match b {
                b'"' => {
                    self.rest = &self.rest[at + 1..];
                    return Some(String::from_utf8_lossy(&value).into_owned());
                }
                b'\\' => value.push(*bytes.next()?.1),
                other => value.push(other),
            }
        }
        None
    }

    fn eat(&mut self, byte: u8) -> bool {
        match self.rest.split_first() {
            Some((&first, rest)) if first == byte => {
                self.rest = rest;
                true
            }
            _ => false,
        }
    }

    fn skip(&mut self, what: impl Fn(u8) -> bool) {
        let end = self
            .rest
            .iter()
            .position(|&b| !what(b))
            .unwrap_or(self.rest.len());
        self.rest = &self.rest[end..];
    }
}

fn is_space(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

fn is_token(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn next(headers: &[&str]) -> Option<String> {
        next_target(headers.iter().copied())
    }

    #[test]
    fn a_single_next_link() {
        assert_eq!(
            next(&[r#"<https://api.example.com/items?page=2>; rel="next""#]),
            Some("https://api.example.com/items?page=2".to_owned())
        );
    }

    #[test]
    fn the_next_link_among_several_in_one_header() {
        let header = r#"<https://api.example.com/items?page=1>; rel="first", <https://api.example.com/items?page=3>; rel="next", <https://api.example.com/items?page=9>; rel="last""#;
        assert_eq!(
            next(&[header]),
            Some("https://api.example.com/items?page=3".to_owned())
        );
    }

    #[test]
    fn the_next_link_in_a_later_header() {
        assert_eq!(
            next(&[
                r#"</items?page=1>; rel="prev""#,
                r#"</items?page=3>; rel=next"#
            ]),
            Some("/items?page=3".to_owned())
        );
    }

    #[test]
    fn rel_holds_several_relation_types_in_any_case() {
        assert_eq!(
            next(&[r#"</items?page=9>; rel="NEXT last""#]),
            Some("/items?page=9".to_owned())
        );
        assert_eq!(next(&[r#"</items?page=9>; rel="nextish last""#]), None);
    }

    #[test]
    fn quoted_parameters_may_hold_commas_semicolons_and_escapes() {
        let header = r#"</a>; title="a, \"b\"; c"; rel="prev", </b>; title*=UTF-8'de'n%c3%a4chstes; rel="next""#;
        assert_eq!(next(&[header]), Some("/b".to_owned()));
    }

    #[test]
    fn a_second_rel_is_ignored() {
        assert_eq!(next(&[r#"</a>; rel="prev"; rel="next""#]), None);
        assert_eq!(
            next(&[r#"</a>; rel="next"; rel="prev""#]),
            Some("/a".to_owned())
        );
    }

    #[test]
    fn links_without_rel_next_give_nothing() {
        assert_eq!(next(&[]), None);
        assert_eq!(next(&[""]), None);
        assert_eq!(next(&[r#"</a>; rel="last", </b>"#]), None);
    }

    #[test]
    fn a_broken_link_stops_its_header_but_not_the_links_before_it() {
        assert_eq!(
            next(&[r#"</a>; rel="next", garbage"#]),
            Some("/a".to_owned())
        );
        assert_eq!(next(&[r#"garbage, </a>; rel="next""#]), None);
        assert_eq!(next(&[r#"</a>; rel="next"#]), None, "an unclosed quote");
        assert_eq!(next(&[r#"</a; rel="next""#]), None, "an unclosed target");
        assert_eq!(
            next(&[r#"</a>; rel="next"#, r#"</b>; rel="next""#]),
            Some("/b".to_owned())
        );
    }

    #[test]
    fn whitespace_is_allowed_around_separators() {
        assert_eq!(next(&["  < /a >\t;\trel = next ,"]), Some("/a".to_owned()));
    }
}
