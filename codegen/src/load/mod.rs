//! Reading a spec's text into the spec model: YAML parsing with serde-saphyr, input
//! budgets, located errors, and recovery so that one file's shape errors are reported
//! together. Nothing here judges what the spec means; that is [`crate::ir::build()`]'s job.

mod parse;

pub use parse::{MAX_SPEC_BYTES, parse};

/// Whether a file name is a spec's: `*.yaml` or `*.yml`.
pub fn is_spec_file(name: &str) -> bool {
    name.ends_with(".yaml") || name.ends_with(".yml")
}
