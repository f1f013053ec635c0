//! What the generation benchmarks share: the synthetic specs and one full generation.

use codegen::settings::CrateSettings;
use codegen::{LoadedSpec, synthetic};

/// A synthetic spec of `operations` operations.
pub fn synthetic_text(operations: usize) -> String {
    synthetic::spec("synthetic", synthetic::resources_for(operations))
}

/// Loads each `(file, text)` and generates the crate of all of them, inlining the runtime;
/// returns the bytes generated.
pub fn generate_all(specs: &[(&str, &str)]) -> usize {
    let loaded: Vec<LoadedSpec> = specs
        .iter()
        .map(|(file, text)| match codegen::load_str(file, text) {
            Ok(spec) => spec,
            Err(report) => panic!("a benchmark spec does not load:\n{report}"),
        })
        .collect();
    let settings = CrateSettings::new("bench-client", "specs");
    match codegen::generate(&loaded, &settings, None) {
        Ok(files) => files.iter().map(|f| f.contents.len()).sum(),
        Err(e) => panic!("generation failed: {e}"),
    }
}
