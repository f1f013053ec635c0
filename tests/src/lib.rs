//! Test-only crate: the tests live in `tests/tests/`, the fixtures in `tests/fixtures/`.
//!
//! The library holds the fuzz targets, so that cargo-fuzz (`tests/fuzz/`) and the ordinary
//! test suite (`tests/tests/fuzz_replay.rs`) run the very same code.
#![forbid(unsafe_code)]

pub mod fuzz_targets;
