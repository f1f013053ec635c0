//! Each file in `tests/fixtures/broken/` is the valid fixture with one mistake. Its full
//! rendered diagnostic is locked by a snapshot in `tests/tests/snapshots/`.

use std::path::Path;

#[test]
fn broken_specs_are_reported_with_locations_and_hints() {
    let mut first_messages = Vec::new();
    insta::glob!("../fixtures/broken", "*.yaml", |path| {
        let source = std::fs::read_to_string(path).expect("fixture is readable");
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("fixture");
        let shown = format!("tests/fixtures/broken/{name}");
        let report = match codegen::load_str(&shown, &source) {
            Ok(_) => panic!("{shown} loaded, but it is broken on purpose"),
            Err(report) => report,
        };
        assert!(report.has_errors(), "{shown}: no error");
        for diagnostic in &report.diagnostics {
            assert!(
                diagnostic.at.line >= 1 && diagnostic.at.column >= 1,
                "{shown}: unlocated {diagnostic:?}"
            );
            assert!(
                diagnostic.hint.is_some(),
                "{shown}: no hint for `{}`",
                diagnostic.message
            );
        }
        first_messages.push(report.diagnostics[0].message.clone());
        insta::assert_snapshot!(report.to_string());
    });
    let count = first_messages.len();
    assert!(count >= 20, "only {count} broken fixtures");
    first_messages.sort();
    first_messages.dedup();
    assert_eq!(
        first_messages.len(),
        count,
        "two fixtures report the same first problem"
    );
}

#[test]
fn shape_errors_in_several_operations_are_all_reported() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/broken/shape_errors_in_two_operations.yaml");
    let source = std::fs::read_to_string(path).expect("fixture is readable");
    let report = codegen::load_str("two.yaml", &source).expect_err("broken on purpose");
    let messages: Vec<&str> = report
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages[0].contains("unknown field `sumary`"),
        "{messages:?}"
    );
    assert!(
        messages[1].contains("unknown variant `body`"),
        "{messages:?}"
    );
}
