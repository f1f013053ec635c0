//! The generator's output: the committed crates (`generated-client/` from the specs,
//! `tests/fixture-clients/` from the feature fixtures) must be exactly what
//! `cargo xtask codegen` writes, generation must be repeatable, and every file must say
//! where it comes from. The committed crates lock the generated code (reviewed in diffs),
//! and the workspace compiles, lints and documents them.

use std::path::{Path, PathBuf};

use codegen::settings::CrateSettings;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn generate(dir: &Path) -> Vec<codegen::render::GeneratedFile> {
    let (loaded, failed) = codegen::load_dir(dir).expect("the spec folder is readable");
    assert!(
        failed.is_empty(),
        "{}",
        failed
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
    let settings = CrateSettings::new("org-clients", "specs");
    codegen::generate(&loaded, &settings, None).expect("the generator emits valid Rust")
}

#[test]
fn the_committed_crates_are_what_cargo_xtask_codegen_writes() {
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let code = xtask::run(["xtask", "codegen", "--check"], &mut stdout, &mut stderr);
    assert_eq!(code, xtask::SUCCESS, "{}", String::from_utf8_lossy(&stderr));
}

#[test]
fn generation_is_deterministic() {
    let specs = workspace().join("specs");
    assert_eq!(generate(&specs), generate(&specs));
}

#[test]
fn every_generated_file_names_its_source_and_the_command() {
    for file in generate(&workspace().join("specs")) {
        let first = file.contents.lines().next().unwrap_or_default();
        let mark = if file.path.ends_with(".toml") {
            "# @generated"
        } else {
            "// @generated"
        };
        assert!(first.starts_with(mark), "{}: {first}", file.path);
        assert!(
            first.contains("`cargo xtask codegen`"),
            "{}: {first}",
            file.path
        );
    }
}

/// Every `assumed:` note of a spec, as written, with where it stands.
fn assumptions(spec: &codegen::spec::ServiceSpec) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut note = |place: String, assumed: &Option<codegen::spec::Located<String>>| {
        if let Some(assumed) = assumed {
            out.push((place, assumed.value.clone()));
        }
    };
    note("auth".into(), &spec.auth.assumed);
    for region in spec.regions.iter() {
        note(
            format!("region {}", region.key.value),
            &region.value.assumed,
        );
    }
    if let Some(body) = spec.errors.as_ref().and_then(|e| e.body.as_ref()) {
        note("errors.body".into(), &body.assumed);
    }
    for limit in spec.rate_limits.iter() {
        note(
            format!("rate limit {}", limit.key.value),
            &limit.value.assumed,
        );
    }
    if let Some(headers) = &spec.rate_limit_headers {
        note("rate_limit_headers".into(), &headers.assumed);
    }
    for param in spec.common_params.iter() {
        note(
            format!("common param {}", param.key.value),
            &param.value.assumed,
        );
    }
    for ty in spec.types.iter() {
        note(format!("type {}", ty.key.value), &ty.value.assumed);
        for field in ty.value.fields.iter().flat_map(|fields| fields.iter()) {
            let place = format!("field {}.{}", ty.key.value, field.key.value);
            note(place, &field.value.assumed);
        }
    }
    for op in spec.operations.iter() {
        for param in op.value.params.iter() {
            let place = format!("param {}.{}", op.key.value, param.key.value);
            note(place, &param.value.assumed);
        }
        for field in op.value.response.meta.iter() {
            let place = format!("meta {}.{}", op.key.value, field.key.value);
            note(place, &field.value.assumed);
        }
    }
    out
}

#[test]
fn the_generated_docs_say_not_stated_by_the_document_for_every_assumption() {
    let folders = [
        (workspace().join("specs"), "org-clients", "specs"),
        (
            workspace().join("tests/fixtures/features"),
            "fixture-clients",
            "tests/fixtures/features",
        ),
    ];
    let mut checked = 0;
    for (dir, name, folder) in folders {
        let (loaded, failed) = codegen::load_dir(&dir).expect("the spec folder is readable");
        assert!(failed.is_empty(), "{dir:?} has broken specs");
        let settings = CrateSettings::new(name, folder);
        let files = codegen::generate(&loaded, &settings, None).expect("the generator emits");
        for spec in &loaded {
            // The doc comments of the spec's own module, joined.
            let module = format!("src/{}/", spec.service.module);
            let docs: String = files
                .iter()
                .filter(|file| file.path.contains(&module))
                .flat_map(|file| file.contents.lines())
                .map(str::trim_start)
                .filter(|line| line.starts_with("///") || line.starts_with("//!"))
                .collect::<Vec<_>>()
                .join("\n");
            for (place, assumed) in assumptions(&spec.spec) {
                let marked = codegen::emit::docs::assumption(assumed.trim());
                assert!(
                    docs.contains(&marked),
                    "{}: the `assumed:` of {place} is in no doc comment; expected {marked:?}",
                    spec.file
                );
                checked += 1;
            }
        }
    }
    // Every kind of place is used by the specs and fixtures; far fewer means the walk broke.
    assert!(checked >= 40, "only {checked} assumptions found");
}

/// Every operation sends through the runtime's one sending path (`Transport::call`, or
/// `call_download`): no request builder has an `async fn` of its own, which the compiler
/// would lay out, prove `Send` and compile once per operation rather than once per service.
#[test]
fn every_operation_sends_through_the_runtimes_one_path() {
    let mut checked = 0;
    for crate_dir in ["generated-client/src", "tests/fixture-clients/src"] {
        let services = std::fs::read_dir(workspace().join(crate_dir)).expect("the crate's src");
        for service in services {
            let operations = service
                .expect("a folder entry")
                .path()
                .join("operations.rs");
            let Ok(code) = std::fs::read_to_string(&operations) else {
                continue;
            };
            let shown = operations.display();
            // Code, not the doc examples (which are `async fn example`s).
            let code: String = code
                .lines()
                .filter(|line| !line.trim_start().starts_with("///"))
                .collect::<Vec<_>>()
                .join("\n");
            assert!(!code.contains("async fn"), "{shown} has an `async fn`");
            let sends = code.matches("pub fn send(").count();
            let squeezed: String = code.split_whitespace().collect();
            let calls = squeezed.matches(".call(request,").count()
                + squeezed.matches(".call_download(request)").count();
            assert!(sends > 0, "{shown} has no `send()`");
            // Pages are read through `call` too, so there are at least as many calls.
            assert!(calls >= sends, "{shown}: {sends} sends, {calls} calls");
            checked += 1;
        }
    }
    assert!(checked > 30, "only {checked} operations files found");
}
