//! Keeping secrets out of everything built from what a server sent: a server or a proxy
//! that echoes the `Authorization` header, a token or a key into its answer must not put
//! it into an error's message, `Display`, `Debug` or a trace.

use std::fmt;
use std::sync::Arc;

use secrecy::{ExposeSecret, SecretString};
use serde_json::Value;

use super::excerpt::excerpt_str;

/// What replaces a secret.
pub(crate) const REDACTED: &str = "[redacted]";

/// The secrets of one client: its credentials' secrets and the access tokens it sends.
#[derive(Clone, Default)]
pub(crate) struct Redactor {
    /// The client's, shared by every response; `None` for none, so that a response
    /// without a client's redactor allocates nothing for one.
    secrets: Option<Arc<[SecretString]>>,
    /// The access token one request carried: kept apart and shared with the client, so
    /// that a response costs no copy of it and no new list.
    token: Option<Arc<SecretString>>,
}

impl fmt::Debug for Redactor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.secrets().len() + usize::from(self.token.is_some());
        write!(f, "Redactor({count} secret(s))")
    }
}

/// Shorter secrets are not replaced: replacing two or three characters everywhere would
/// garble messages, and no real credential is that short.
const SHORTEST_SECRET: usize = 4;

fn long_enough(secret: &SecretString) -> bool {
    secret.expose_secret().chars().count() >= SHORTEST_SECRET
}

impl Redactor {
    /// A redactor of `secrets`.
    pub(crate) fn new(secrets: impl IntoIterator<Item = SecretString>) -> Self {
        let secrets: Arc<[SecretString]> = secrets.into_iter().filter(long_enough).collect();
        Redactor {
            secrets: (!secrets.is_empty()).then_some(secrets),
            token: None,
        }
    }

    /// This redactor and one more secret (the access token of a request).
    pub(crate) fn with(&self, secret: Option<&Arc<SecretString>>) -> Self {
        Redactor {
            secrets: self.secrets.clone(),
            token: secret.filter(|s| long_enough(s)).cloned(),
        }
    }

    /// The client's secrets.
    fn secrets(&self) -> &[SecretString] {
        self.secrets.as_deref().unwrap_or_default()
    }

    /// `text` with every secret replaced.
    pub(crate) fn text(&self, text: &str) -> String {
        let mut secrets: Vec<&str> = self
            .secrets()
            .iter()
            .chain(self.token.as_deref())
            .map(|s| s.expose_secret())
            .collect();
        // The longest first, so that a secret holding another is replaced whole.
        secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
        let mut text = text.to_owned();
        for secret in secrets {
            if text.contains(secret) {
                text = text.replace(secret, REDACTED);
            }
        }
        text
    }

    /// An excerpt of `body`, redacted before it is cut, so that a cut cannot leave half a
    /// secret behind.
    pub(crate) fn excerpt(&self, body: &[u8]) -> String {
        excerpt_str(&self.text(&String::from_utf8_lossy(body)))
    }

    /// `value` with every secret replaced in its strings and keys.
    pub(crate) fn json(&self, value: Value) -> Value {
        if self.secrets.is_none() && self.token.is_none() {
            return value;
        }
        match value {
            Value::String(text) => Value::String(self.text(&text)),
            Value::Array(items) => Value::Array(items.into_iter().map(|v| self.json(v)).collect()),
            Value::Object(fields) => Value::Object(
                fields
                    .into_iter()
                    .map(|(key, v)| (self.text(&key), self.json(v)))
                    .collect(),
            ),
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn redactor() -> Redactor {
        Redactor::new([SecretString::from("tok-12345"), SecretString::from("ab")])
    }

    #[test]
    fn secrets_are_replaced_in_text_excerpts_and_json() {
        let r = redactor().with(Some(&Arc::new(SecretString::from("access-999"))));
        assert_eq!(
            r.text("Authorization: Bearer tok-12345 and access-999"),
            "Authorization: Bearer [redacted] and [redacted]"
        );
        assert_eq!(
            r.text("ab stays: too short to be a secret"),
            "ab stays: too short to be a secret"
        );
        let long = format!("{}tok-12345", "x".repeat(195));
        assert!(!r.excerpt(long.as_bytes()).contains("tok-1"));
        assert_eq!(
            r.json(json!({"echo": ["Bearer tok-12345"], "tok-12345": 1})),
            json!({"echo": ["Bearer [redacted]"], "[redacted]": 1})
        );
        assert!(!format!("{r:?}").contains("tok"));
        // A secret holding another is replaced whole, whichever list it is in.
        let nested = redactor().with(Some(&Arc::new(SecretString::from("xtok-12345x"))));
        assert_eq!(nested.text("a xtok-12345x b"), "a [redacted] b");
    }
}
