//! Test-only crate: the tests live in `tests/tests/`, the fixtures in `tests/fixtures/`.
