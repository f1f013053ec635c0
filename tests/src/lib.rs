//! Test-only crate: the tests live in `tests/tests/`, the fixtures in `tests/fixtures/`.
//!
//! The library holds the fuzz targets, so that cargo-fuzz (`tests/fuzz/`) and the ordinary
//! test suite (`tests/tests/fuzz_replay.rs`) run the very same code.
#![forbid(unsafe_code)]

pub mod fuzz_targets;

/// README.md, whose Rust code blocks are compiled as this crate's doc tests: a snippet
/// that no longer matches the generated crate fails `cargo test`.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeSnippets;
