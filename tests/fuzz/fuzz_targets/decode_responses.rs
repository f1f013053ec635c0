//! Arbitrary bytes as each operation's successful response: decoding reports, never panics.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| workspace_tests::fuzz_targets::decode_responses(bytes));
