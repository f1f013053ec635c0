//! Type expressions, the small language of `type:` values.
//!
//! ```text
//! type  := term ( "|" term )*          -- a union: the document gives several types
//! term  := "[" type "]"                -- an array
//!        | "{" "string" ":" type "}"   -- a map: string keys, values of one type
//!        | primitive | TypeName        -- a named type declared under `types:`
//! primitive := string | integer | number | boolean | any | binary
//! ```

use std::fmt;

/// A built-in type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Primitive {
    /// A JSON string.
    String,
    /// A JSON number without a fraction, in 64 bits.
    Integer,
    /// Any JSON number.
    Number,
    /// `true` or `false`.
    Boolean,
    /// Any JSON value, kept as it came.
    Any,
    /// Bytes that are not JSON: a file part of a multipart body, or a download.
    Binary,
}

impl Primitive {
    /// Every primitive with its spelling.
    pub const ALL: [(&'static str, Primitive); 6] = [
        ("string", Primitive::String),
        ("integer", Primitive::Integer),
        ("number", Primitive::Number),
        ("boolean", Primitive::Boolean),
        ("any", Primitive::Any),
        ("binary", Primitive::Binary),
    ];

    /// How the primitive is written in a spec.
    pub fn spelling(self) -> &'static str {
        Primitive::ALL
            .iter()
            .find(|(_, p)| *p == self)
            .map_or("any", |(s, _)| s)
    }
}

/// A parsed `type:` value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TypeExpr {
    /// A built-in type.
    Primitive(Primitive),
    /// A type declared under `types:`.
    Named(String),
    /// `[T]`
    Array(Box<TypeExpr>),
    /// `{string: T}`: an object whose keys are data (ids, names), not fields.
    Map(Box<TypeExpr>),
    /// `A | B | ...`, two or more alternatives.
    Union(Vec<TypeExpr>),
}

impl fmt::Display for TypeExpr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TypeExpr::Primitive(p) => f.write_str(p.spelling()),
            TypeExpr::Named(name) => f.write_str(name),
            TypeExpr::Array(item) => write!(f, "[{item}]"),
            TypeExpr::Map(value) => write!(f, "{{string: {value}}}"),
            TypeExpr::Union(alternatives) => {
                for (i, alternative) in alternatives.iter().enumerate() {
                    if i > 0 {
                        f.write_str(" | ")?;
                    }
                    write!(f, "{alternative}")?;
                }
                Ok(())
            }
        }
    }
}

impl TypeExpr {
    /// Every name this expression refers to, in order of appearance.
    pub fn named(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_named(&mut out);
        out
    }

    fn collect_named<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            TypeExpr::Primitive(_) => {}
            TypeExpr::Named(name) => out.push(name),
            TypeExpr::Array(item) | TypeExpr::Map(item) => item.collect_named(out),
            TypeExpr::Union(alternatives) => {
                for a in alternatives {
                    a.collect_named(out);
                }
            }
        }
    }
}

/// Why a type expression does not parse, and where in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeExprError {
    /// Character index in the expression where the problem is.
    pub index: usize,
    /// What is wrong.
    pub message: String,
}

/// Parses a type expression.
pub fn parse(text: &str) -> Result<TypeExpr, TypeExprError> {
    let chars: Vec<char> = text.chars().collect();
    let mut parser = Parser {
        chars: &chars,
        at: 0,
    };
    let expr = parser.union()?;
    parser.skip_spaces();
    if parser.at < chars.len() {
        return Err(parser.error(format!("unexpected `{}`", chars[parser.at])));
    }
    Ok(expr)
}

struct Parser<'a> {
    chars: &'a [char],
    at: usize,
}

impl Parser<'_> {
    fn error(&self, message: String) -> TypeExprError {
        TypeExprError {
            index: self.at,
            message,
        }
    }

    fn skip_spaces(&mut self) {
        while self.chars.get(self.at).is_some_and(|c| c.is_whitespace()) {
            self.at += 1;
        }
    }

    fn union(&mut self) -> Result<TypeExpr, TypeExprError> {
        let mut alternatives = vec![self.term()?];
        loop {
            self.skip_spaces();
            if self.chars.get(self.at) != Some(&'|') {
                break;
            }
            self.at += 1;
            let start = self.at;
            let next = self.term()?;
            if alternatives.contains(&next) {
                self.at = start;
                self.skip_spaces();
                return Err(self.error(format!("`{next}` is listed twice in the union")));
            }
            alternatives.push(next);
        }
        Ok(if alternatives.len() == 1 {
            alternatives.remove(0)
        } else {
            TypeExpr::Union(alternatives)
        })
    }

    fn term(&mut self) -> Result<TypeExpr, TypeExprError> {
        self.skip_spaces();
        match self.chars.get(self.at) {
            None => Err(self.error("a type is missing here".into())),
            Some('[') => {
                self.at += 1;
                let item = self.union()?;
                self.skip_spaces();
                if self.chars.get(self.at) != Some(&']') {
                    return Err(self.error("`]` expected to close the array type".into()));
                }
                self.at += 1;
                Ok(TypeExpr::Array(Box::new(item)))
            }
            Some('{') => self.map(),
            Some(c) if c.is_ascii_alphabetic() => {
                let start = self.at;
                while self
                    .chars
                    .get(self.at)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_')
                {
                    self.at += 1;
                }
                let word: String = self.chars[start..self.at].iter().collect();
                Ok(Primitive::ALL
                    .iter()
                    .find(|(spelling, _)| *spelling == word)
                    .map_or(TypeExpr::Named(word), |(_, p)| TypeExpr::Primitive(*p)))
            }
            Some(c) => Err(self.error(format!(
                "`{c}` cannot start a type; write a primitive, a type name, `[T]` or `{{string: T}}`"
            ))),
        }
    }

    /// `{string: T}`, the `{` not yet taken. JSON object keys are text, so `string` is
    /// the only key type: anything else would promise a key the wire cannot carry.
    fn map(&mut self) -> Result<TypeExpr, TypeExprError> {
        self.at += 1;
        self.skip_spaces();
        let start = self.at;
        while self
            .chars
            .get(self.at)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_')
        {
            self.at += 1;
        }
        let key: String = self.chars[start..self.at].iter().collect();
        if key != "string" {
            self.at = start;
            return Err(self.error(format!(
                "map keys are strings (JSON object keys are text), not `{key}`; write `{{string: T}}`"
            )));
        }
        self.skip_spaces();
        if self.chars.get(self.at) != Some(&':') {
            return Err(self.error("`:` expected between the key and value types of a map".into()));
        }
        self.at += 1;
        let value = self.union()?;
        self.skip_spaces();
        if self.chars.get(self.at) != Some(&'}') {
            return Err(self.error("`}` expected to close the map type".into()));
        }
        self.at += 1;
        Ok(TypeExpr::Map(Box::new(value)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_round_trip() {
        for text in [
            "string",
            "[Address]",
            "string | boolean",
            "[[integer]]",
            "[string | integer]",
            "{string: integer}",
            "[{string: [Address]}]",
            "{string: string | integer}",
        ] {
            assert_eq!(parse(text).map(|e| e.to_string()), Ok(text.to_owned()));
        }
    }

    #[test]
    fn reports_where_it_fails() {
        assert_eq!(parse("[string").map_err(|e| e.index), Err(7));
        assert_eq!(parse("string |").map_err(|e| e.index), Err(8));
        assert_eq!(parse("a | a").map_err(|e| e.index), Err(4));
        assert_eq!(parse("list<string>").map_err(|e| e.index), Err(4));
        assert_eq!(parse("{integer: string}").map_err(|e| e.index), Err(1));
        assert_eq!(parse("{string integer}").map_err(|e| e.index), Err(8));
        assert_eq!(parse("{string: integer").map_err(|e| e.index), Err(16));
    }
}
