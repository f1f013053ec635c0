//! Arbitrary bytes as a spec file: the loader reports, never panics.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| workspace_tests::fuzz_targets::load_spec(bytes));
