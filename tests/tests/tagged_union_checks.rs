//! What the generator refuses in a tagged union (`tagged:`), and how it says so: each case
//! is the `tagged_unions` feature fixture with one edit, and the report must name the
//! mistake and the way out. Samples are checked against the variant their tag names.

use std::path::Path;

fn fixture() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/features/tagged_unions.yaml");
    std::fs::read_to_string(path).expect("the fixture")
}

/// The report of the fixture with `from` replaced by `to` (which must occur).
fn report(from: &str, to: &str) -> String {
    let text = fixture();
    assert!(text.contains(from), "`{from}` is not in the fixture");
    let edited = text.replacen(from, to, 1);
    match codegen::load_str("tagged.yaml", &edited) {
        Ok(_) => panic!("the edit `{from}` -> `{to}` was accepted"),
        Err(report) => report.to_string(),
    }
}

fn assert_reports(report: &str, parts: &[&str]) {
    for part in parts {
        assert!(report.contains(part), "`{part}` is not in:\n{report}");
    }
}

#[test]
fn the_fixture_loads_with_its_variants_in_order() {
    let loaded = codegen::load_str("tagged.yaml", &fixture()).expect("the fixture loads");
    let payment = loaded
        .service
        .types
        .iter()
        .find_map(|t| match t {
            codegen::ir::TypeDef::Tagged(t) => Some(t),
            _ => None,
        })
        .expect("a tagged union");
    assert_eq!(payment.tag, "type");
    let variants: Vec<(&str, &str, &str)> = payment
        .variants
        .iter()
        .map(|v| (v.tag.as_str(), v.variant.as_str(), v.ty.as_str()))
        .collect();
    assert_eq!(
        variants,
        [
            ("card", "Card", "CardPayment"),
            ("bank_transfer", "BankTransfer", "BankTransfer")
        ]
    );
}

#[test]
fn an_undeclared_variant_type_is_an_error_with_a_suggestion() {
    let report = report("card: CardPayment", "card: CardPaymnt");
    assert_reports(
        &report,
        &["unknown type `CardPaymnt`", "did you mean `CardPayment`?"],
    );
}

#[test]
fn a_variant_that_is_not_a_named_object_type_is_an_error() {
    let report = report("card: CardPayment", "card: \"[CardPayment]\"");
    assert_reports(
        &report,
        &[
            "variant \"card\" of `Payment` is `[CardPayment]`, not a declared object type",
            "with `fields:`",
        ],
    );
}

#[test]
fn a_variant_that_is_itself_tagged_is_an_error() {
    let report = report("card: CardPayment", "card: Payment");
    assert_reports(&report, &["is `Payment`, itself a tagged union"]);
}

#[test]
fn the_tag_key_may_not_be_a_field_of_a_variant() {
    let report = report(
        "      brand: { type: string,",
        "      type: { type: string }\n      brand: { type: string,",
    );
    assert_reports(
        &report,
        &[
            "`CardPayment`, variant \"card\" of `Payment`, has a field `type`, the key of the tag",
            "give `Payment` another `tag`",
        ],
    );
}

#[test]
fn a_repeated_tag_is_an_error() {
    let report = report(
        "        bank_transfer: BankTransfer\n",
        "        bank_transfer: BankTransfer\n        card: BankTransfer\n",
    );
    assert_reports(&report, &["duplicate tag value `card` in `Payment`"]);
}

#[test]
fn tags_that_make_no_variant_or_the_same_one_are_errors() {
    let unknown = report("card: CardPayment", "unknown: CardPayment");
    assert_reports(
        &unknown,
        &["would become the variant `Unknown`, which holds the tags the server adds later"],
    );
    let digits = report("card: CardPayment", "\"1\": CardPayment");
    assert_reports(
        &digits,
        &["tag value \"1\" of `Payment` cannot be turned into a Rust variant name"],
    );
    let twins = report("card: CardPayment", "bank-transfer: CardPayment");
    assert_reports(
        &twins,
        &[
            "tag values \"bank-transfer\" and \"bank_transfer\" of `Payment` both become the variant `BankTransfer`",
        ],
    );
}

#[test]
fn a_type_with_tagged_and_fields_is_an_error() {
    let report = report("    tagged:\n", "    fields: {}\n    tagged:\n");
    assert_reports(&report, &["type `Payment` has both `fields` and `tagged`"]);
}

#[test]
fn a_sample_is_checked_against_the_variant_its_tag_names() {
    let unknown_tag = report(
        r#"{ "type": "card", "last4": "4242", "brand": "visa" }"#,
        r#"{ "type": "wallet", "last4": "4242" }"#,
    );
    assert_reports(
        &unknown_tag,
        &[
            "at `$.payment.type`: \"wallet\" is not a tag of `Payment`",
            "use one of \"card\", \"bank_transfer\", or add the variant to `Payment`",
        ],
    );
    let missing_tag = report(
        r#"{ "type": "card", "last4": "4242", "brand": "visa" }"#,
        r#"{ "last4": "4242" }"#,
    );
    assert_reports(
        &missing_tag,
        &["at `$.payment`: the tag `type` of `Payment` is missing"],
    );
    // A key of the other variant is unknown to this one.
    let wrong_fields = report(
        r#"{ "type": "card", "last4": "4242", "brand": "visa" }"#,
        r#"{ "type": "card", "iban": "DE89370400440532013000" }"#,
    );
    assert_reports(
        &wrong_fields,
        &[
            "at `$.payment.iban`: unknown key `iban`",
            "required field `last4` of `CardPayment` is missing",
        ],
    );
}
