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
