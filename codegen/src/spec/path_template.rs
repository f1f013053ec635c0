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
                    .filter(|name| super::is_identifier(name));
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
    }

    #[test]
    fn rejects_partial_placeholders() {
        assert_eq!(PathTemplate::parse("/a/x{id}").map_err(|e| e.index), Err(3));
        assert_eq!(PathTemplate::parse("/a/{id").map_err(|e| e.index), Err(3));
        assert_eq!(PathTemplate::parse("a").map_err(|e| e.index), Err(0));
        assert_eq!(PathTemplate::parse("/a?b=1").map_err(|e| e.index), Err(2));
    }
}
