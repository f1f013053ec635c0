//! The peak heap of one generation (load and generate) of the synthetic specs of 200,
//! 2,000 and 5,000 operations, counted by the allocator: what the parts rendered one at a
//! time keep it at.
//!
//! `cargo bench -p codegen --bench generate_memory`; README ("Benchmarks") has the figures.
#![forbid(unsafe_code)]

use peak_alloc::PeakAlloc;

mod support;
use support::{generate_all, synthetic_text};

#[global_allocator]
static HEAP: PeakAlloc = PeakAlloc;

fn main() {
    println!("peak heap of one generation (load and generate):");
    for operations in [200, 2_000, 5_000] {
        let text = synthetic_text(operations);
        HEAP.reset_peak_usage();
        let before = HEAP.current_usage();
        std::hint::black_box(generate_all(&[("synthetic.yaml", text.as_str())]));
        let peak = HEAP.peak_usage().saturating_sub(before);
        println!(
            "  synthetic {operations:>5} operations: {:>6.1} MiB",
            peak as f64 / 1024.0 / 1024.0
        );
    }
}
