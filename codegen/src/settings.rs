//! What the generated crate is called and how it is put together: the facts no spec holds.
//!
//! They come from an optional `crate.toml` beside the specs (this repository's is
//! `specs/crate.toml`) and from the command line. The file mirrors the parts of a Cargo
//! manifest a person owns:
//!
//! ```toml
//! [package]                 # copied into the generated Cargo.toml
//! name = "org-clients"
//! version = "0.1.0"
//!
//! [runtime]                 # depend on the runtime crate at this path (relative to this
//! path = "../generated-client/runtime"   # file); without it, the runtime is inlined
//!
//! [dev-dependencies]        # copied, `workspace = true` resolved to explicit versions
//! tokio = { workspace = true, features = ["macros"] }
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// Where the generated crate gets the runtime from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuntimeSource {
    /// The runtime's source is copied into the crate as `src/runtime/`: the crate builds
    /// anywhere, with no reference to this repository.
    Inline,
    /// The crate depends on the runtime crate in this folder.
    Crate(PathBuf),
}

/// How the generated crate is named and put together.
#[derive(Debug, Clone)]
pub struct CrateSettings {
    /// The `[package]` table of the generated manifest: `name` always, `version` (0.1.0
    /// unless given), and whatever else the settings file says, in its order.
    pub package: toml::Table,
    /// Where the runtime comes from.
    pub runtime: RuntimeSource,
    /// The `[dev-dependencies]` of the generated manifest, as written in the settings file.
    pub dev_dependencies: toml::Table,
    /// How generated files name the folder of specs in their headers (`specs`).
    pub spec_folder: String,
}

/// The settings file's shape.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SettingsFile {
    package: toml::Table,
    runtime: Option<RuntimeTable>,
    #[serde(rename = "dev-dependencies", default)]
    dev_dependencies: toml::Table,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuntimeTable {
    path: String,
}

/// The settings file's name inside a folder of specs.
pub const SETTINGS_FILE: &str = "crate.toml";

impl CrateSettings {
    /// Settings for a crate called `name`, version 0.1.0, with the runtime inlined.
    pub fn new(name: &str, spec_folder: &str) -> Self {
        let mut package = toml::Table::new();
        package.insert("name".into(), toml::Value::String(name.to_owned()));
        CrateSettings {
            package,
            runtime: RuntimeSource::Inline,
            dev_dependencies: toml::Table::new(),
            spec_folder: spec_folder.to_owned(),
        }
        .with_default_version()
    }

    /// Reads a settings file's text; `file` is the file's path, which names it in errors
    /// and anchors a relative runtime path.
    pub fn parse(text: &str, file: &Path, spec_folder: &str) -> Result<Self, String> {
        let shown = file.display();
        let parsed: SettingsFile =
            toml::from_str(text).map_err(|e| format!("{shown}: {}", e.message()))?;
        match parsed.package.get("name") {
            Some(toml::Value::String(name)) if is_package_name(name) => {}
            Some(toml::Value::String(name)) => {
                return Err(format!(
                    "{shown}: `{name}` is not a crate name; write letters, digits, `-` and `_`, starting with a letter"
                ));
            }
            _ => return Err(format!("{shown}: `[package]` needs a `name`")),
        }
        let folder = file.parent().unwrap_or(Path::new("."));
        Ok(CrateSettings {
            package: parsed.package,
            runtime: match parsed.runtime {
                Some(runtime) => RuntimeSource::Crate(folder.join(runtime.path)),
                None => RuntimeSource::Inline,
            },
            dev_dependencies: parsed.dev_dependencies,
            spec_folder: spec_folder.to_owned(),
        }
        .with_default_version())
    }

    /// Renames the crate.
    pub fn with_name(mut self, name: &str) -> Self {
        self.package
            .insert("name".into(), toml::Value::String(name.to_owned()));
        self
    }

    fn with_default_version(mut self) -> Self {
        self.package
            .entry("version")
            .or_insert_with(|| toml::Value::String("0.1.0".into()));
        self
    }

    /// The package name (`org-clients`).
    pub fn name(&self) -> &str {
        self.package
            .get("name")
            .and_then(toml::Value::as_str)
            .unwrap_or("client")
    }

    /// The name Rust code uses for the crate (`org_clients`).
    pub fn lib_name(&self) -> String {
        self.name().replace('-', "_")
    }
}

/// Whether `name` is usable as a Cargo package name.
pub fn is_package_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_package_the_runtime_and_dev_dependencies() {
        let text = "[package]\nname = \"my-api\"\ndescription = \"d\"\n\n[runtime]\npath = \"../rt\"\n\n[dev-dependencies]\ntokio = \"1\"\n";
        let settings = CrateSettings::parse(text, Path::new("specs/crate.toml"), "specs")
            .map_err(|e| e.to_string());
        let settings = settings.as_ref().map_err(String::as_str);
        assert_eq!(settings.map(CrateSettings::name), Ok("my-api"));
        assert_eq!(
            settings.map(CrateSettings::lib_name).as_deref(),
            Ok("my_api")
        );
        assert_eq!(
            settings.map(|s| s.runtime.clone()),
            Ok(RuntimeSource::Crate(PathBuf::from("specs/../rt")))
        );
        assert_eq!(
            settings.map(|s| s.package.get("version").cloned()),
            Ok(Some(toml::Value::String("0.1.0".into())))
        );
        assert_eq!(settings.map(|s| s.dev_dependencies.len()), Ok(1));
    }

    #[test]
    fn refuses_a_file_without_a_usable_name() {
        let no_name = CrateSettings::parse("[package]\n", Path::new("c.toml"), "specs");
        assert_eq!(
            no_name.err().as_deref(),
            Some("c.toml: `[package]` needs a `name`")
        );
        let bad = CrateSettings::parse("[package]\nname = \"9 lives\"\n", Path::new("c.toml"), "s");
        assert!(bad.is_err_and(|e| e.contains("is not a crate name")));
        let unknown = CrateSettings::parse(
            "[package]\nname = \"a\"\n[other]\n",
            Path::new("c.toml"),
            "s",
        );
        assert!(unknown.is_err_and(|e| e.contains("unknown field `other`")));
    }
}
