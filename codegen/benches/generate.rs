//! How fast the generator is, and how much memory it takes: the five specs of this
//! repository, and synthetic specs of 200, 2,000 and 5,000 operations
//! (`codegen::synthetic`), each loaded and generated in full (parse, IR, samples, emit,
//! render), as `cargo xtask codegen` does short of writing the files. After the timings,
//! the peak heap of one generation of each synthetic spec.
//!
//! `cargo bench -p codegen --bench generate`; README ("Benchmarks") has today's figures.
#![forbid(unsafe_code)]

use std::path::Path;

use codegen::settings::CrateSettings;
use codegen::{LoadedSpec, synthetic};
use divan::Bencher;
use peak_alloc::PeakAlloc;

#[global_allocator]
static HEAP: PeakAlloc = PeakAlloc;

fn main() {
    divan::main();
    println!("\npeak heap of one generation (load and generate):");
    for operations in SIZES {
        let text = synthetic_text(operations);
        HEAP.reset_peak_usage();
        let before = HEAP.current_usage();
        divan::black_box(generate_all(&[("synthetic.yaml", text.as_str())]));
        let peak = HEAP.peak_usage().saturating_sub(before);
        println!(
            "  synthetic {operations:>5} operations: {:>6.1} MiB",
            peak as f64 / 1024.0 / 1024.0
        );
    }
}

/// The synthetic sizes the issue names.
const SIZES: [usize; 3] = [200, 2_000, 5_000];

fn synthetic_text(operations: usize) -> String {
    synthetic::spec("synthetic", synthetic::resources_for(operations))
}

/// Loads each `(file, text)` and generates the crate of all of them, inlining the runtime.
fn generate_all(specs: &[(&str, &str)]) -> usize {
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

/// The five specs of this repository, generated as one crate.
#[divan::bench(sample_count = 30)]
fn five_specs(bencher: Bencher) {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs");
    let mut texts: Vec<(String, String)> = std::fs::read_dir(&folder)
        .expect("the specs folder")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .map(|path| {
            let name = format!("specs/{}", path.file_name().unwrap_or_default().display());
            let text = std::fs::read_to_string(&path).expect("a readable spec");
            (name, text)
        })
        .collect();
    texts.sort();
    assert_eq!(texts.len(), 5, "the five specs");
    let specs: Vec<(&str, &str)> = texts
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    bencher.bench(|| generate_all(&specs));
}

#[divan::bench(sample_count = 30)]
fn synthetic_200(bencher: Bencher) {
    synthetic_bench(bencher, 200);
}

#[divan::bench(sample_count = 7, sample_size = 1)]
fn synthetic_2000(bencher: Bencher) {
    synthetic_bench(bencher, 2_000);
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn synthetic_5000(bencher: Bencher) {
    synthetic_bench(bencher, 5_000);
}

fn synthetic_bench(bencher: Bencher, operations: usize) {
    let text = synthetic_text(operations);
    bencher.bench(|| generate_all(&[("synthetic.yaml", text.as_str())]));
}
