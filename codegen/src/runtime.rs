//! The runtime as the generator knows it, read from the runtime crate itself: its source
//! files (copied into crates that inline it), the settings its builder macro gives every
//! generated `ClientBuilder`, and the dependencies it needs, with the versions this
//! workspace builds and tests it with.

use std::str::FromStr;

use proc_macro2::{TokenStream, TokenTree};

/// The runtime's source files, by file name. Kept by hand because `include_str!` needs
/// literal paths (relative ones, so that a second checkout embeds its own files); a test
/// checks the list against the folder.
const RUNTIME_FILES: &[(&str, &str)] = &[
    (
        "auth.rs",
        include_str!("../../generated-client/runtime/src/auth.rs"),
    ),
    (
        "call.rs",
        include_str!("../../generated-client/runtime/src/call.rs"),
    ),
    (
        "check.rs",
        include_str!("../../generated-client/runtime/src/check.rs"),
    ),
    (
        "client.rs",
        include_str!("../../generated-client/runtime/src/client.rs"),
    ),
    (
        "download.rs",
        include_str!("../../generated-client/runtime/src/download.rs"),
    ),
    (
        "error.rs",
        include_str!("../../generated-client/runtime/src/error.rs"),
    ),
    (
        "error_body.rs",
        include_str!("../../generated-client/runtime/src/error_body.rs"),
    ),
    (
        "excerpt.rs",
        include_str!("../../generated-client/runtime/src/excerpt.rs"),
    ),
    (
        "form.rs",
        include_str!("../../generated-client/runtime/src/form.rs"),
    ),
    (
        "items.rs",
        include_str!("../../generated-client/runtime/src/items.rs"),
    ),
    (
        "lib.rs",
        include_str!("../../generated-client/runtime/src/lib.rs"),
    ),
    (
        "link_header.rs",
        include_str!("../../generated-client/runtime/src/link_header.rs"),
    ),
    (
        "mock.rs",
        include_str!("../../generated-client/runtime/src/mock.rs"),
    ),
    (
        "multipart.rs",
        include_str!("../../generated-client/runtime/src/multipart.rs"),
    ),
    (
        "pagination.rs",
        include_str!("../../generated-client/runtime/src/pagination.rs"),
    ),
    (
        "patch.rs",
        include_str!("../../generated-client/runtime/src/patch.rs"),
    ),
    (
        "rate_limit.rs",
        include_str!("../../generated-client/runtime/src/rate_limit.rs"),
    ),
    (
        "redact.rs",
        include_str!("../../generated-client/runtime/src/redact.rs"),
    ),
    (
        "request.rs",
        include_str!("../../generated-client/runtime/src/request.rs"),
    ),
    (
        "response.rs",
        include_str!("../../generated-client/runtime/src/response.rs"),
    ),
    (
        "retry.rs",
        include_str!("../../generated-client/runtime/src/retry.rs"),
    ),
    (
        "tls.rs",
        include_str!("../../generated-client/runtime/src/tls.rs"),
    ),
    (
        "token.rs",
        include_str!("../../generated-client/runtime/src/token.rs"),
    ),
    (
        "token_store.rs",
        include_str!("../../generated-client/runtime/src/token_store.rs"),
    ),
    (
        "transport.rs",
        include_str!("../../generated-client/runtime/src/transport.rs"),
    ),
    (
        "untyped.rs",
        include_str!("../../generated-client/runtime/src/untyped.rs"),
    ),
    (
        "wait.rs",
        include_str!("../../generated-client/runtime/src/wait.rs"),
    ),
];

/// The workspace manifest: its `[workspace.dependencies]` say which version of each crate
/// the runtime and the generated code are built with.
const WORKSPACE_MANIFEST: &str = include_str!("../../Cargo.toml");

/// The runtime crate's manifest: its `[dependencies]` are what an inlined runtime needs.
const RUNTIME_MANIFEST: &str = include_str!("../../generated-client/runtime/Cargo.toml");

/// The runtime's package name, as a dependency.
pub const RUNTIME_PACKAGE: &str = "client-runtime";

/// The runtime's source files, by file name, with the runtime crate's version.
pub fn files() -> (&'static [(&'static str, &'static str)], String) {
    (
        RUNTIME_FILES,
        package_version(RUNTIME_MANIFEST).unwrap_or_default(),
    )
}

/// The macro in the runtime that writes the setters every generated `ClientBuilder` shares.
const SETTINGS_MACRO: &str = "__client_builder_settings";

/// The names of the setters the runtime's builder macro writes, in order: every `fn` in
/// its body.
pub fn builder_settings() -> Vec<String> {
    let source = RUNTIME_FILES
        .iter()
        .find(|(name, _)| *name == "client.rs")
        .map_or("", |(_, text)| text);
    let Ok(tokens) = TokenStream::from_str(source) else {
        return Vec::new();
    };
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    let body = tokens.windows(4).find_map(|window| match window {
        [
            TokenTree::Ident(rules),
            TokenTree::Punct(bang),
            TokenTree::Ident(name),
            TokenTree::Group(body),
        ] if rules == "macro_rules" && bang.as_char() == '!' && name == SETTINGS_MACRO => {
            Some(body.stream())
        }
        _ => None,
    });
    let mut names = Vec::new();
    if let Some(body) = body {
        collect_fns(body, &mut names);
    }
    names
}

fn collect_fns(tokens: TokenStream, names: &mut Vec<String>) {
    let mut after_fn = false;
    for token in tokens {
        match token {
            TokenTree::Ident(ident) if after_fn => {
                names.push(ident.to_string());
                after_fn = false;
            }
            TokenTree::Ident(ident) => after_fn = ident == "fn",
            TokenTree::Group(group) => {
                after_fn = false;
                collect_fns(group.stream(), names);
            }
            _ => after_fn = false,
        }
    }
}

/// The runtime's own dependencies, each resolved to what the workspace says.
pub fn dependencies() -> Result<Vec<(String, toml::Value)>, String> {
    let manifest: toml::Table = RUNTIME_MANIFEST
        .parse()
        .map_err(|e| format!("the runtime's Cargo.toml does not parse: {e}"))?;
    let table = manifest
        .get("dependencies")
        .and_then(toml::Value::as_table)
        .cloned()
        .unwrap_or_default();
    table
        .into_iter()
        .map(|(name, spec)| resolve(&name, &spec).map(|spec| (name, spec)))
        .collect()
}

/// The runtime's cargo features (TLS backends, HTTP/2), in its manifest's order, each with
/// what it enables; `default` among them when the runtime has defaults.
pub fn features() -> Result<Vec<(String, Vec<String>)>, String> {
    let manifest: toml::Table = RUNTIME_MANIFEST
        .parse()
        .map_err(|e| format!("the runtime's Cargo.toml does not parse: {e}"))?;
    let table = manifest
        .get("features")
        .and_then(toml::Value::as_table)
        .cloned()
        .unwrap_or_default();
    table
        .into_iter()
        .map(|(name, enables)| {
            let list = enables
                .as_array()
                .ok_or_else(|| format!("the runtime's feature `{name}` is not a list"))?
                .iter()
                .map(|item| {
                    item.as_str().map(str::to_owned).ok_or_else(|| {
                        format!("the runtime's feature `{name}` lists a non-string: {item}")
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok((name, list))
        })
        .collect()
}

/// A dependency's specification with `workspace = true` replaced by the workspace's own
/// (its features added to the workspace's), so that the result holds outside this
/// workspace too.
pub fn resolve(name: &str, spec: &toml::Value) -> Result<toml::Value, String> {
    let Some(table) = spec.as_table() else {
        return Ok(spec.clone());
    };
    if table.get("workspace").and_then(toml::Value::as_bool) != Some(true) {
        return Ok(spec.clone());
    }
    let workspace: toml::Table = WORKSPACE_MANIFEST
        .parse()
        .map_err(|e| format!("the workspace's Cargo.toml does not parse: {e}"))?;
    let inherited = workspace
        .get("workspace")
        .and_then(|w| w.get("dependencies"))
        .and_then(|d| d.get(name))
        .ok_or_else(|| {
            format!("`{name}` has `workspace = true`, but the workspace does not list it")
        })?;
    let mut resolved = match inherited {
        toml::Value::String(version) => {
            let mut table = toml::Table::new();
            table.insert("version".into(), toml::Value::String(version.clone()));
            table
        }
        toml::Value::Table(table) => table.clone(),
        other => {
            return Err(format!(
                "the workspace's `{name}` is neither a version nor a table: {other}"
            ));
        }
    };
    if resolved.contains_key("path") {
        return Err(format!(
            "`{name}` is a path dependency of the workspace; give its path instead of `workspace = true`"
        ));
    }
    for (key, value) in table {
        match key.as_str() {
            "workspace" => {}
            "features" => {
                let features = merge_features(resolved.get("features"), Some(value));
                resolved.insert("features".into(), features);
            }
            _ => {
                resolved.insert(key.clone(), value.clone());
            }
        }
    }
    Ok(toml::Value::Table(resolved))
}

/// The union of two `features` lists, in first-seen order.
pub fn merge_features(a: Option<&toml::Value>, b: Option<&toml::Value>) -> toml::Value {
    let mut features: Vec<toml::Value> = Vec::new();
    for list in [a, b].into_iter().flatten() {
        for feature in list.as_array().into_iter().flatten() {
            if !features.contains(feature) {
                features.push(feature.clone());
            }
        }
    }
    toml::Value::Array(features)
}

/// The `rust-version` the workspace declares: the oldest compiler the runtime supports.
pub fn rust_version() -> Option<String> {
    let workspace: toml::Table = WORKSPACE_MANIFEST.parse().ok()?;
    workspace
        .get("workspace")?
        .get("package")?
        .get("rust-version")?
        .as_str()
        .map(str::to_owned)
}

/// The `[workspace.dependencies]` entry of `name`, resolved as a dependency of its own.
pub fn workspace_dependency(name: &str) -> Result<toml::Value, String> {
    let mut spec = toml::Table::new();
    spec.insert("workspace".into(), toml::Value::Boolean(true));
    resolve(name, &toml::Value::Table(spec))
}

fn package_version(manifest: &str) -> Option<String> {
    let table: toml::Table = manifest.parse().ok()?;
    table
        .get("package")?
        .get("version")?
        .as_str()
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_runtime_file_is_embedded() {
        let folder = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../generated-client/runtime/src"
        );
        let mut on_disk: Vec<String> = std::fs::read_dir(folder)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        on_disk.sort();
        let embedded: Vec<&str> = RUNTIME_FILES.iter().map(|(name, _)| *name).collect();
        assert_eq!(
            embedded, on_disk,
            "add the runtime's new files to RUNTIME_FILES"
        );
    }

    #[test]
    fn the_builder_settings_are_the_macros_setters() {
        let settings = builder_settings();
        assert_eq!(settings.first().map(String::as_str), Some("region"));
        assert!(
            settings.iter().any(|s| s == "allow_insecure_http"),
            "{settings:?}"
        );
        assert!(
            !settings.iter().any(|s| s == "into_transport"),
            "{settings:?}"
        );
    }

    #[test]
    fn workspace_dependencies_resolve_with_their_features() {
        let mut spec = toml::Table::new();
        spec.insert("workspace".into(), toml::Value::Boolean(true));
        spec.insert(
            "features".into(),
            toml::Value::Array(vec![toml::Value::String("macros".into())]),
        );
        let resolved = resolve("tokio", &toml::Value::Table(spec)).map(|v| v.to_string());
        assert_eq!(
            resolved.as_deref(),
            Ok("{ version = \"1.48\", features = [\"time\", \"sync\", \"macros\"] }")
        );
        assert!(resolve("no-such-crate", &workspace_marker()).is_err());
        assert!(dependencies().is_ok_and(|deps| deps.iter().any(|(name, _)| name == "reqwest")));
    }

    #[test]
    fn the_runtime_features_are_read_from_its_manifest() {
        let features = features().unwrap_or_default();
        let aws_lc = features.iter().find(|(name, _)| name == "rustls-aws-lc-rs");
        assert_eq!(
            aws_lc.map(|(_, enables)| enables.as_slice()),
            Some(&["reqwest/rustls".to_owned()][..]),
            "{features:?}"
        );
        assert!(features.iter().any(|(name, _)| name == "native-tls"));
    }

    fn workspace_marker() -> toml::Value {
        let mut spec = toml::Table::new();
        spec.insert("workspace".into(), toml::Value::Boolean(true));
        toml::Value::Table(spec)
    }
}
