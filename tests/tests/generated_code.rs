//! The generator's output, locked by snapshots: the five specs, and small fixture specs
//! that each exercise features of the spec language. The committed crate in
//! `generated-client/` must be exactly what the generator writes.

use std::path::{Path, PathBuf};

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
    codegen::generate(&loaded, "specs").expect("the generator emits valid Rust")
}

#[test]
fn generated_code_of_the_specs() {
    for file in generate(&workspace().join("specs")) {
        let name = file
            .path
            .replace('/', "__")
            .trim_end_matches(".rs")
            .to_owned();
        insta::assert_snapshot!(name, file.contents);
    }
}

#[test]
fn generated_code_of_the_feature_fixtures() {
    insta::glob!("../fixtures/features", "*.yaml", |path| {
        let source = std::fs::read_to_string(path).expect("fixture is readable");
        let loaded =
            codegen::load_str("fixture.yaml", &source).expect("feature fixtures are valid");
        let files = codegen::generate(&[loaded], "tests/fixtures/features").expect("valid Rust");
        let all: Vec<String> = files
            .iter()
            .filter(|f| f.path != "lib.rs")
            .map(|f| format!("==> {}\n{}", f.path, f.contents))
            .collect();
        insta::assert_snapshot!(all.join("\n"));
    });
}

#[test]
fn generation_is_deterministic() {
    let specs = workspace().join("specs");
    assert_eq!(generate(&specs), generate(&specs));
}

#[test]
fn the_committed_client_is_what_the_generator_writes() {
    let src = workspace().join("generated-client/src");
    for file in generate(&workspace().join("specs")) {
        let committed = std::fs::read_to_string(src.join(&file.path)).unwrap_or_default();
        assert!(
            committed == file.contents,
            "generated-client/src/{} is stale; run `cargo xtask codegen`",
            file.path
        );
    }
}

#[test]
fn every_generated_file_names_its_source_and_the_command() {
    for file in generate(&workspace().join("specs")) {
        let first = file.contents.lines().next().unwrap_or_default();
        assert!(
            first.starts_with("// @generated from specs/"),
            "{}: {first}",
            file.path
        );
        assert!(
            first.contains("`cargo xtask codegen`"),
            "{}: {first}",
            file.path
        );
    }
}
