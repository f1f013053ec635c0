//! Path templates such as `/inventory/v1/organizations/{organization_id}`.

/// One `/`-separated piece of a path template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// Sent as written.
    Literal(String),
    /// A `{name}` placeholder for a path parameter: the whole segment.
    Param(String),
}

/// A parsed path template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathTemplate {
    /// The segments after the leading `/`.
    pub segments: Vec<Segment>,
}

/// Why a template does not parse: the character index and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// Character index in the template.
    pub index: usize,
    /// What is wrong.
    pub message: String,
}

impl PathTemplate {
    /// Parses a template. Placeholders must fill a whole segment.
    pub fn parse(template: &str) -> Result<PathTemplate, TemplateError> {
        let Some(rest) = template.strip_prefix('/') else {
            return Err(TemplateError {
                index: 0,
                message: "a path starts with `/`".into(),
            });
        };
        if let Some(index) = template.find(['?', '#', ' ']) {
            return Err(TemplateError {
                index,
                message: "a path template holds no query, fragment or space; declare query parameters under `params`".into(),
            });
        }
        let mut segments = Vec::new();
        let mut index = 1;
        for piece in rest.split('/') {
            if piece.is_empty() && !rest.is_empty() {
                return Err(TemplateError {
                    index,
                    message: "empty path segment (`//` or a trailing `/`)".into(),
                });
            }
            if piece.starts_with('{') || piece.ends_with('}') {
                let name = piece
                    .strip_prefix('{')
                    .and_then(|p| p.strip_suffix('}'))
                    .filter(|name| crate::naming::is_identifier(name));
                match name {
                    Some(name) => segments.push(Segment::Param(name.to_owned())),
                    None => {
                        return Err(TemplateError {
                            index,
                            message: format!(
                                "`{piece}` is not a placeholder; write `{{name}}` as a whole segment"
                            ),
                        });
                    }
                }
            } else if piece.contains(['{', '}']) {
                return Err(TemplateError {
                    index,
                    message: format!("`{piece}`: a placeholder must be a whole segment"),
                });
            } else if !piece.is_empty() {
                segments.push(Segment::Literal(piece.to_owned()));
            }
            index += piece.chars().count() + 1;
        }
        Ok(PathTemplate { segments })
    }

    /// The placeholder names, in order.
    pub fn params(&self) -> Vec<&str> {
        self.segments
            .iter()
            .filter_map(|s| match s {
                Segment::Param(name) => Some(name.as_str()),
                Segment::Literal(_) => None,
            })
            .collect()
    }

    /// Matches a concrete path; returns each placeholder's (still encoded) value.
    pub fn matches<'p>(&self, path: &'p str) -> Option<Vec<(&str, &'p str)>> {
        let rest = path.strip_prefix('/')?;
        let pieces: Vec<&str> = if rest.is_empty() {
            Vec::new()
        } else {
            rest.split('/').collect()
        };
        if pieces.len() != self.segments.len() {
            return None;
        }
        let mut captured = Vec::new();
        for (segment, piece) in self.segments.iter().zip(pieces) {
            match segment {
                Segment::Literal(text) if text == piece => {}
                Segment::Param(name) if !piece.is_empty() => captured.push((name.as_str(), piece)),
                _ => return None,
            }
        }
        Some(captured)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_placeholders() {
        let t = PathTemplate::parse("/v2/organizations/{organizationId}").map_err(|e| e.message);
        assert_eq!(
            t.as_ref().map(PathTemplate::params),
            Ok(vec!["organizationId"])
        );
        let template = t.unwrap_or(PathTemplate {
            segments: Vec::new(),
        });
        assert_eq!(
            template.matches("/v2/organizations/10"),
            Some(vec![("organizationId", "10")])
        );
        assert_eq!(template.matches("/v2/organizations/10/x"), None);
        assert_eq!(template.matches("/v2/organisations/10"), None);
    }

    #[test]
    fn rejects_partial_placeholders() {
        assert_eq!(PathTemplate::parse("/a/x{id}").map_err(|e| e.index), Err(3));
        assert_eq!(PathTemplate::parse("/a/{id").map_err(|e| e.index), Err(3));
        assert_eq!(PathTemplate::parse("a").map_err(|e| e.index), Err(0));
        assert_eq!(PathTemplate::parse("/a?b=1").map_err(|e| e.index), Err(2));
    }
}
