//! The peak heap of `stream()` across 10, 100 and 1,000 pages of a local server, counted
//! by the allocator: it must not grow with the number of pages, since each page is let go
//! once its items are.
//!
//! `cargo bench -p workspace-tests --bench stream_memory`; README ("Benchmarks").
#![forbid(unsafe_code)]

use peak_alloc::PeakAlloc;

mod support;
use support::{PAGES, Server, current_thread, stream_items};

#[global_allocator]
static HEAP: PeakAlloc = PeakAlloc;

fn main() {
    println!("peak heap while streaming, above what was in use before:");
    for pages in [10, 100, PAGES] {
        let runtime = current_thread();
        let client = Server::start(&runtime, pages).crm_client();
        HEAP.reset_peak_usage();
        let before = HEAP.current_usage();
        let items = runtime.block_on(stream_items(&client));
        let peak = HEAP.peak_usage().saturating_sub(before);
        println!(
            "  {pages:>5} pages ({items:>5} items): {:>7.1} KiB",
            peak as f64 / 1024.0
        );
    }
}
