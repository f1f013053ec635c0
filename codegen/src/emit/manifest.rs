//! The generated crate's `Cargo.toml`: the package from the settings, one feature per
//! service, and exactly the dependencies the generated code (and an inlined runtime) uses.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::ir::Service;
use crate::render::{GENERATED_MARK, REGENERATE};
use crate::runtime;
use crate::settings::{CrateSettings, RuntimeSource};

/// The manifest's text. `runtime_path` is how it names the runtime crate's folder when the
/// crate depends on it.
pub fn emit(
    settings: &CrateSettings,
    services: &[&Service],
    runtime_path: Option<&str>,
) -> Result<String, String> {
    let mut out = format!(
        "{} from {}/ by `{REGENERATE}`. Do not edit by hand: the package and\n\
         # dev-dependencies come from {}/crate.toml (when it exists), the rest from the specs.\n",
        GENERATED_MARK.replacen("//", "#", 1),
        settings.spec_folder,
        settings.spec_folder,
    );
    out.push_str("\n[package]\n");
    let mut package = settings.package.clone();
    for key in ["name", "version"] {
        if let Some(value) = package.remove(key) {
            let _ = writeln!(out, "{key} = {value}");
        }
    }
    if !package.contains_key("edition") {
        out.push_str("edition = \"2024\"\n");
    }
    if let Some(version) = runtime::rust_version().filter(|_| !package.contains_key("rust-version"))
    {
        let _ = writeln!(out, "rust-version = \"{version}\"");
    }
    for (key, value) in &package {
        let _ = writeln!(out, "{key} = {value}");
    }

    out.push_str(
        "\n[features]\n\
         # One feature per service module, all on by default: depend with\n\
         # `default-features = false, features = [\"<service>\"]` to compile only what you use.\n",
    );
    let runtime_features = runtime_features(settings, services)?;
    let mut defaults: Vec<String> = services.iter().map(|s| format!("{:?}", s.module)).collect();
    defaults.extend(runtime_features.defaults.iter().map(|f| format!("{f:?}")));
    let _ = writeln!(out, "default = [{}]", defaults.join(", "));
    // A dependency only some services' code uses is built only with their features.
    for service in services {
        let enables: Vec<String> = service_dependencies(service)
            .iter()
            .map(|name| format!("\"dep:{name}\""))
            .collect();
        let _ = writeln!(out, "{} = [{}]", service.module, enables.join(", "));
    }
    if !runtime_features.features.is_empty() {
        out.push_str(
            "# The runtime's own features, off by default: https works without them (rustls on\n\
             # ring); they pick another TLS backend, allow HTTP/2, or add each service's local\n\
             # mock (`mock`). See client-runtime's Cargo.toml.\n",
        );
        for (name, enables) in &runtime_features.features {
            let list: Vec<String> = enables.iter().map(|f| format!("{f:?}")).collect();
            let _ = writeln!(out, "{name} = [{}]", list.join(", "));
        }
    }

    out.push_str("\n[dependencies]\n");
    for (name, spec) in dependencies(settings, services, runtime_path)? {
        let _ = writeln!(out, "{name} = {}", compact(&spec));
    }

    out.push_str("\n[dev-dependencies]\n");
    for (name, spec) in dev_dependencies(settings, services)? {
        let _ = writeln!(out, "{name} = {}", compact(&spec));
    }
    Ok(out)
}

/// The runtime's features as the generated crate declares them.
struct RuntimeFeatures {
    /// Each feature, with what it enables here: the runtime crate's feature of the same
    /// name when the crate depends on it, the runtime's own list when it is inlined.
    features: Vec<(String, Vec<String>)>,
    /// The runtime's default features, when inlined (a dependency keeps its own defaults).
    defaults: Vec<String>,
}

fn runtime_features(
    settings: &CrateSettings,
    services: &[&Service],
) -> Result<RuntimeFeatures, String> {
    let mut features = Vec::new();
    let mut defaults = Vec::new();
    for (name, enables) in runtime::features()? {
        if let Some(service) = services.iter().find(|s| s.module == name) {
            return Err(format!(
                "the runtime's feature `{name}` has the name of the service module `{}`; \
                 rename the feature in the runtime's Cargo.toml",
                service.module
            ));
        }
        match (&settings.runtime, name.as_str()) {
            (RuntimeSource::Crate(_), "default") => {}
            (RuntimeSource::Inline, "default") => defaults = enables,
            (RuntimeSource::Crate(_), _) => {
                let forwarded = format!("{}/{name}", runtime::RUNTIME_PACKAGE);
                features.push((name, vec![forwarded]));
            }
            (RuntimeSource::Inline, _) => features.push((name, enables)),
        }
    }
    Ok(RuntimeFeatures { features, defaults })
}

/// What the crate's code uses, by crate name, in name order.
fn dependencies(
    settings: &CrateSettings,
    services: &[&Service],
    runtime_path: Option<&str>,
) -> Result<BTreeMap<String, toml::Value>, String> {
    let mut wanted: BTreeMap<String, toml::Value> = BTreeMap::new();
    let mut add = |name: &str, spec: toml::Value| {
        let merged = match wanted.remove(name) {
            Some(toml::Value::Table(mut existing)) => {
                let features =
                    runtime::merge_features(existing.get("features"), spec.get("features"));
                existing.insert("features".into(), features);
                toml::Value::Table(existing)
            }
            _ => spec,
        };
        wanted.insert(name.to_owned(), merged);
    };
    match (&settings.runtime, runtime_path) {
        (RuntimeSource::Crate(_), Some(path)) => {
            let mut spec = toml::Table::new();
            spec.insert("path".into(), toml::Value::String(path.to_owned()));
            add(runtime::RUNTIME_PACKAGE, toml::Value::Table(spec));
        }
        (RuntimeSource::Crate(path), None) => {
            return Err(format!(
                "the runtime crate at {} has no path relative to the generated crate",
                path.display()
            ));
        }
        (RuntimeSource::Inline, _) => {
            for (name, spec) in runtime::dependencies()? {
                add(&name, spec);
            }
        }
    }
    // The generated modules' own: types derive serde's traits, `any` values are
    // `serde_json::Value`s, paginated operations return `futures_core::Stream`s, and dates
    // are `chrono`'s.
    add("serde", runtime::workspace_dependency("serde")?);
    if services.iter().any(|s| s.uses_json()) {
        add("serde_json", runtime::workspace_dependency("serde_json")?);
    }
    if services.iter().any(|s| s.paginates()) {
        add(
            "futures-core",
            runtime::workspace_dependency("futures-core")?,
        );
    }
    for name in services.iter().flat_map(|s| service_dependencies(s)) {
        let mut spec = runtime::workspace_dependency(name)?;
        if let Some(table) = spec.as_table_mut() {
            table.insert("optional".into(), toml::Value::Boolean(true));
        }
        add(name, spec);
    }
    Ok(wanted)
}

/// The dependencies a service's code needs that not every service does, each optional and
/// enabled by the feature of a service that uses it: `chrono` for date and timestamp
/// fields (a build of services without dates does not compile it).
fn service_dependencies(service: &Service) -> Vec<&'static str> {
    let mut names = Vec::new();
    if service.uses_dates() {
        names.push("chrono");
    }
    names
}

/// The settings' dev-dependencies, resolved, and what the generated doc tests need: the
/// mock modules' examples run on a tokio runtime (`#[tokio::main]`), and the examples of
/// paginated operations collect their streams with `futures::TryStreamExt`.
fn dev_dependencies(
    settings: &CrateSettings,
    services: &[&Service],
) -> Result<Vec<(String, toml::Value)>, String> {
    let mut wanted = Vec::new();
    for (name, spec) in &settings.dev_dependencies {
        let spec = runtime::resolve(name, spec).map_err(|e| format!("dev-dependency {e}"))?;
        wanted.push((name.clone(), spec));
    }
    let has_futures = wanted.iter().any(|(name, _)| name == "futures");
    if services.iter().any(|s| s.paginates()) && !has_futures {
        wanted.push((
            "futures".to_owned(),
            runtime::workspace_dependency("futures")?,
        ));
    }
    let mut tokio = runtime::workspace_dependency("tokio")?;
    if let Some(table) = tokio.as_table_mut() {
        let features = toml::Value::Array(vec!["macros".into(), "rt".into()]);
        let merged = runtime::merge_features(table.get("features"), Some(&features));
        table.insert("features".into(), merged);
    }
    match wanted.iter_mut().find(|(name, _)| name == "tokio") {
        Some((_, spec)) => {
            if let (Some(table), Some(features)) = (spec.as_table_mut(), tokio.get("features")) {
                let merged = runtime::merge_features(table.get("features"), Some(features));
                table.insert("features".into(), merged);
            }
        }
        None => wanted.push(("tokio".to_owned(), tokio)),
    }
    Ok(wanted)
}

/// A dependency as Cargo manifests usually write it: a bare version when that is all.
fn compact(spec: &toml::Value) -> String {
    match spec.as_table() {
        Some(table) if table.len() == 1 && table.contains_key("version") => table
            .get("version")
            .map_or_else(String::new, ToString::to_string),
        _ => spec.to_string(),
    }
}
