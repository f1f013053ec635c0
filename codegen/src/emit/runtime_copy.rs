//! The runtime's source files as `src/runtime/` of a crate that inlines it.

use crate::render::{GENERATED_MARK, GeneratedFile, REGENERATE};
use crate::runtime::{self, RUNTIME_PACKAGE};

/// Each runtime file headed with the generated mark; its `lib.rs` becomes `mod.rs`.
pub fn files() -> Vec<GeneratedFile> {
    let (files, version) = runtime::files();
    files
        .iter()
        .map(|(name, text)| {
            let name = if *name == "lib.rs" { "mod.rs" } else { name };
            GeneratedFile {
                path: format!("src/runtime/{name}"),
                contents: format!(
                    "{GENERATED_MARK}: copied from the runtime crate {RUNTIME_PACKAGE} {version} by \
                     `{REGENERATE}`. Do not edit by hand.\n\n{text}"
                ),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lib_rs_becomes_mod_rs_and_every_file_is_marked() {
        let files = files();
        assert!(files.iter().any(|f| f.path == "src/runtime/mod.rs"));
        assert!(files.iter().all(|f| f.path != "src/runtime/lib.rs"));
        assert!(files.iter().all(|f| f.contents.starts_with(GENERATED_MARK)));
    }
}
