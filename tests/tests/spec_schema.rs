//! `specs/spec.schema.json` is derived from the serde model and must not go stale.

use std::path::Path;

#[test]
fn the_committed_schema_is_fresh() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(codegen::schema::SCHEMA_PATH);
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == codegen::schema::spec_json_schema(),
        "{} is stale; run `cargo xtask codegen`",
        codegen::schema::SCHEMA_PATH
    );
}

#[test]
fn the_schema_describes_the_language() {
    let schema: serde_json::Value =
        serde_json::from_str(&codegen::schema::spec_json_schema()).expect("the schema is JSON");
    let properties = &schema["properties"];
    for key in [
        "service",
        "regions",
        "auth",
        "types",
        "operations",
        "errors",
        "rate_limits",
    ] {
        assert!(properties.get(key).is_some(), "no `{key}` in the schema");
    }
    assert_eq!(
        schema["additionalProperties"],
        serde_json::Value::Bool(false)
    );
    let text = schema.to_string();
    assert!(
        text.contains("The path template"),
        "doc comments should reach editors"
    );
}
