//! Finds where a JSON path (`$.data[0].zoho_id`) stands in a sample's text, so that a
//! problem in a sample is reported at its own line rather than at the sample's start.

/// The 1-based line and column, within `json`, of the value at `path` (of its key, for
/// an object member). `None` when the path does not lead anywhere in the text.
pub(crate) fn locate(json: &str, path: &str) -> Option<(usize, usize)> {
    let steps = parse_path(path)?;
    let chars: Vec<char> = json.chars().collect();
    let mut scanner = Scanner {
        chars: &chars,
        at: 0,
    };
    scanner.skip_space();
    let mut found = scanner.at;
    for step in steps {
        scanner.skip_space();
        found = match step {
            Step::Key(key) => scanner.find_key(&key)?,
            Step::Index(index) => scanner.find_index(index)?,
        };
    }
    Some(line_column(&chars, found))
}

#[derive(Debug, PartialEq)]
enum Step {
    Key(String),
    Index(usize),
}

fn parse_path(path: &str) -> Option<Vec<Step>> {
    let mut rest = path.strip_prefix('$')?;
    let mut steps = Vec::new();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('.') {
            let end = after.find(['.', '[']).unwrap_or(after.len());
            steps.push(Step::Key(after[..end].to_owned()));
            rest = &after[end..];
        } else if let Some(after) = rest.strip_prefix('[') {
            let end = after.find(']')?;
            steps.push(Step::Index(after[..end].parse().ok()?));
            rest = &after[end + 1..];
        } else {
            return None;
        }
    }
    Some(steps)
}

fn line_column(chars: &[char], at: usize) -> (usize, usize) {
    let before = &chars[..at.min(chars.len())];
    let line = before.iter().filter(|c| **c == '\n').count() + 1;
    let column = before.iter().rev().take_while(|c| **c != '\n').count() + 1;
    (line, column)
}

struct Scanner<'a> {
    chars: &'a [char],
    at: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.at += 1;
        }
    }

    /// In an object at the cursor, moves to the value of `key`; returns the key's position.
    fn find_key(&mut self, key: &str) -> Option<usize> {
        if self.peek()? != '{' {
            return None;
        }
        self.at += 1;
        loop {
            self.skip_space();
            if self.peek()? == '}' {
                return None;
            }
            let key_at = self.at;
            let name = self.string()?;
            self.skip_space();
            if self.peek()? != ':' {
                return None;
            }
            self.at += 1;
            self.skip_space();
            if name == key {
                return Some(key_at);
            }
            self.skip_value()?;
            self.skip_space();
            if self.peek()? == ',' {
                self.at += 1;
            }
        }
    }

    /// In an array at the cursor, moves to element `index`; returns its position.
    fn find_index(&mut self, index: usize) -> Option<usize> {
        if self.peek()? != '[' {
            return None;
        }
        self.at += 1;
        for _ in 0..index {
            self.skip_space();
            self.skip_value()?;
            self.skip_space();
            if self.peek()? != ',' {
                return None;
            }
            self.at += 1;
        }
        self.skip_space();
        Some(self.at)
    }

    fn string(&mut self) -> Option<String> {
        if self.peek()? != '"' {
            return None;
        }
        self.at += 1;
        let mut out = String::new();
        loop {
            let c = self.peek()?;
            self.at += 1;
            match c {
                '"' => return Some(out),
                '\\' => {
                    out.push(self.peek()?);
                    self.at += 1;
                }
                other => out.push(other),
            }
        }
    }

    fn skip_value(&mut self) -> Option<()> {
        match self.peek()? {
            '"' => self.string().map(drop),
            open @ ('{' | '[') => {
                let close = if open == '{' { '}' } else { ']' };
                self.at += 1;
                loop {
                    self.skip_space();
                    match self.peek()? {
                        c if c == close => {
                            self.at += 1;
                            return Some(());
                        }
                        ',' | ':' => self.at += 1,
                        _ => self.skip_value()?,
                    }
                }
            }
            _ => {
                while self
                    .peek()
                    .is_some_and(|c| !matches!(c, ',' | '}' | ']') && !c.is_whitespace())
                {
                    self.at += 1;
                }
                Some(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_members_and_elements() {
        let json = "{\n  \"data\": [\n    {\"a\": 1},\n    {\"a\": 2, \"b\": \"x,]}\"}\n  ],\n  \"more\": true\n}";
        assert_eq!(locate(json, "$.data[1].b"), Some((4, 14)));
        assert_eq!(locate(json, "$.more"), Some((6, 3)));
        assert_eq!(locate(json, "$.data[0]"), Some((3, 5)));
        assert_eq!(locate(json, "$.missing"), None);
        assert_eq!(locate(json, "$"), Some((1, 1)));
    }
}
