//! How fast the generator is, and how much memory it takes: the five specs of this
//! repository, and synthetic specs of 200, 2,000 and 5,000 operations
//! (`codegen::synthetic`), each loaded and generated in full (parse, IR, samples, emit,
//! render), as `cargo xtask codegen` does short of writing the files. The peak heap of
//! each is the `generate_memory` benchmark's (a counting allocator would slow these).
//!
//! `cargo bench -p codegen --bench generate`; README ("Benchmarks") has today's figures.
#![forbid(unsafe_code)]

use std::path::Path;

use divan::Bencher;

mod support;
use support::{generate_all, synthetic_text};

fn main() {
    divan::main();
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
