//! `cargo xtask diff` on the fixture pairs of `tests/fixtures/diff`: each folder holds
//! an old and a new side that differ by one kind of change. The classification is
//! asserted here (level and rules); the rendered Markdown report is locked by a snapshot.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use spec_diff::{self as diff, DiffSide, Level, Report, Rule};

/// Every case: its folder, the level of the whole report, and the rules of the spec
/// changes it reports (in any order). The first rule is the kind of change the case is
/// about; the others follow from the same edit (a sample that names a removed field).
const CASES: &[(&str, Level, &[Rule])] = &[
    (
        "operation_added",
        Level::Compatible,
        &[Rule::OperationAdded],
    ),
    (
        "operation_removed",
        Level::Breaking,
        &[Rule::OperationRemoved],
    ),
    (
        "operation_renamed",
        Level::Breaking,
        &[Rule::OperationRenamed],
    ),
    (
        "operation_path_changed",
        Level::Internal,
        &[Rule::OperationPathChanged],
    ),
    (
        "operation_method_changed",
        Level::Internal,
        &[Rule::OperationMethodChanged],
    ),
    (
        "required_param_added",
        Level::Breaking,
        &[Rule::ParamAddedRequired],
    ),
    (
        "optional_param_added",
        Level::Compatible,
        &[Rule::ParamAddedOptional],
    ),
    (
        "response_field_became_map",
        Level::Breaking,
        &[Rule::FieldTypeChanged],
    ),
    (
        "request_field_became_clearable",
        Level::Breaking,
        &[Rule::FieldClearableChanged],
    ),
    (
        "array_param_added",
        Level::Compatible,
        &[Rule::ParamAddedOptional],
    ),
    (
        "param_array_style_changed",
        Level::Internal,
        &[Rule::ParamArrayStyleChanged],
    ),
    (
        "tagged_union_added",
        Level::Compatible,
        &[Rule::ResponseFieldAdded, Rule::TypeAdded, Rule::TypeAdded],
    ),
    (
        "tagged_variant_added",
        Level::Compatible,
        &[Rule::TaggedVariantAdded, Rule::TypeAdded],
    ),
    (
        "tagged_variant_removed",
        Level::Breaking,
        &[Rule::TaggedVariantRemoved, Rule::TypeRemoved],
    ),
    (
        "tagged_variant_type_changed",
        Level::Breaking,
        &[Rule::TaggedVariantTypeChanged, Rule::TypeAdded],
    ),
    (
        "tagged_tag_changed",
        Level::Internal,
        &[Rule::TaggedTagChanged],
    ),
    (
        "param_removed",
        Level::Breaking,
        &[Rule::ParamRemoved, Rule::ExamplesChanged],
    ),
    (
        "param_became_required",
        Level::Breaking,
        &[Rule::ParamBecameRequired],
    ),
    (
        "param_type_changed",
        Level::Breaking,
        &[Rule::ParamTypeChanged],
    ),
    (
        "param_default_changed",
        Level::Internal,
        &[Rule::ParamDefaultChanged, Rule::PaginationChanged],
    ),
    (
        "param_maximum_lowered",
        Level::Breaking,
        &[Rule::ConstraintTightened],
    ),
    (
        "param_maximum_raised",
        Level::Internal,
        &[Rule::ConstraintLoosened],
    ),
    (
        "request_required_field_added",
        Level::Breaking,
        &[Rule::RequestFieldAddedRequired],
    ),
    (
        "request_optional_field_added",
        Level::Compatible,
        &[Rule::RequestFieldAddedOptional],
    ),
    (
        "request_field_max_length_lowered",
        Level::Breaking,
        &[Rule::ConstraintTightened],
    ),
    (
        "request_field_pattern_changed",
        Level::Breaking,
        &[Rule::PatternChanged],
    ),
    (
        "response_field_removed",
        Level::Breaking,
        &[Rule::FieldRemoved, Rule::ExamplesChanged],
    ),
    (
        "response_optional_field_added",
        Level::Compatible,
        &[Rule::ResponseFieldAdded],
    ),
    (
        "response_field_became_optional",
        Level::Breaking,
        &[Rule::FieldBecameOptional],
    ),
    (
        "response_field_became_required",
        Level::Breaking,
        &[Rule::FieldBecameRequired],
    ),
    (
        "response_field_type_changed",
        Level::Breaking,
        &[Rule::FieldTypeChanged, Rule::ExamplesChanged],
    ),
    (
        "response_field_union_widened",
        Level::Breaking,
        &[Rule::FieldTypeChanged, Rule::TypeAdded],
    ),
    (
        "field_alias_added",
        Level::Internal,
        &[Rule::FieldAliasAdded],
    ),
    (
        "field_rust_name_changed",
        Level::Breaking,
        &[Rule::FieldRenamedInRust],
    ),
    (
        "field_doc_changed",
        Level::Internal,
        &[Rule::FieldDescribed],
    ),
    (
        "field_format_changed",
        Level::Internal,
        &[Rule::FieldDescribed],
    ),
    ("type_renamed", Level::Breaking, &[Rule::TypeRenamed]),
    (
        "enum_value_added",
        Level::Compatible,
        &[Rule::EnumValueAdded],
    ),
    (
        "enum_value_removed",
        Level::Breaking,
        &[Rule::EnumValueRemoved],
    ),
    (
        "error_code_added",
        Level::Compatible,
        &[Rule::ErrorCodeAdded],
    ),
    (
        "error_code_removed",
        Level::Breaking,
        &[Rule::ErrorCodeRemoved, Rule::OperationDescribed],
    ),
    (
        "error_status_changed",
        Level::Internal,
        &[Rule::ErrorCodeStatusChanged],
    ),
    (
        "auth_scheme_changed",
        Level::Breaking,
        &[Rule::AuthSchemeChanged],
    ),
    (
        "token_path_changed",
        Level::Internal,
        &[Rule::TokenPathChanged],
    ),
    (
        "scope_alternative_removed",
        Level::Breaking,
        &[Rule::ScopeAlternativeRemoved],
    ),
    (
        "scope_alternative_added",
        Level::Internal,
        &[Rule::ScopeAlternativeAdded],
    ),
    ("region_added", Level::Compatible, &[Rule::RegionAdded]),
    ("region_removed", Level::Breaking, &[Rule::RegionRemoved]),
    (
        "region_host_changed",
        Level::Internal,
        &[Rule::RegionHostChanged],
    ),
    (
        "default_region_changed",
        Level::Breaking,
        &[Rule::DefaultRegionChanged],
    ),
    (
        "pagination_added",
        Level::Compatible,
        &[Rule::PaginationAdded],
    ),
    (
        "pagination_removed",
        Level::Breaking,
        &[Rule::PaginationRemoved],
    ),
    (
        "rate_limit_tightened",
        Level::Internal,
        &[Rule::RateLimitChanged],
    ),
    ("rate_limit_added", Level::Internal, &[Rule::RateLimitAdded]),
    (
        "response_envelope_changed",
        Level::Internal,
        &[Rule::ResponseEnvelopeChanged, Rule::ExamplesChanged],
    ),
    (
        "no_content_added",
        Level::Breaking,
        &[Rule::ResponseTypeChanged],
    ),
    (
        "body_type_changed",
        Level::Breaking,
        &[Rule::BodyTypeChanged],
    ),
    ("service_added", Level::Compatible, &[Rule::ServiceAdded]),
    ("service_removed", Level::Breaking, &[Rule::ServiceRemoved]),
    (
        "common_param_added",
        Level::Compatible,
        &[Rule::ParamAddedOptional],
    ),
    (
        "summary_changed",
        Level::Internal,
        &[Rule::OperationDescribed],
    ),
    ("example_changed", Level::Internal, &[Rule::ExamplesChanged]),
    (
        "response_field_minimum_changed",
        Level::Internal,
        &[Rule::ResponseConstraintChanged],
    ),
    (
        "service_described",
        Level::Internal,
        &[Rule::ServiceDescribed],
    ),
    (
        "response_media_type_changed",
        Level::Internal,
        &[Rule::ResponseMediaTypeChanged],
    ),
    ("auth_described", Level::Internal, &[Rule::AuthDescribed]),
    (
        "error_code_described",
        Level::Internal,
        &[Rule::ErrorCodeDescribed],
    ),
    (
        "error_body_changed",
        Level::Internal,
        &[Rule::ErrorBodyChanged],
    ),
    (
        "error_code_type_changed",
        Level::Breaking,
        &[
            Rule::ErrorCodeTypeChanged,
            Rule::ErrorCodeRemoved,
            Rule::ErrorCodeAdded,
            Rule::OperationDescribed,
        ],
    ),
    (
        "error_code_quota_changed",
        Level::Internal,
        &[Rule::ErrorCodeQuotaChanged],
    ),
    (
        "rate_limit_headers_changed",
        Level::Internal,
        &[Rule::RateLimitHeadersChanged],
    ),
    (
        "error_body_type_changed",
        Level::Breaking,
        &[Rule::ErrorBodyTypeChanged, Rule::TypeAdded],
    ),
    (
        "rate_limit_removed",
        Level::Internal,
        &[Rule::RateLimitRemoved],
    ),
    (
        "param_renamed_in_rust",
        Level::Breaking,
        &[Rule::ParamRenamedInRust],
    ),
    ("param_described", Level::Internal, &[Rule::ParamDescribed]),
    (
        "param_became_optional",
        Level::Breaking,
        &[Rule::ParamBecameOptional],
    ),
    ("body_removed", Level::Breaking, &[Rule::BodyRemoved]),
    ("body_added", Level::Breaking, &[Rule::BodyAdded]),
    (
        "response_meta_changed",
        Level::Internal,
        &[Rule::ResponseMetaChanged],
    ),
    (
        "no_content_changed",
        Level::Internal,
        &[Rule::NoContentChanged],
    ),
    (
        "pagination_changed",
        Level::Internal,
        &[Rule::PaginationChanged],
    ),
    ("per_item_changed", Level::Breaking, &[Rule::PerItemChanged]),
    (
        "body_encoding_changed",
        Level::Breaking,
        &[Rule::BodyEncodingChanged],
    ),
    (
        "download_media_type_changed",
        Level::Breaking,
        &[Rule::DownloadMediaTypeChanged],
    ),
    ("waiter_added", Level::Compatible, &[Rule::WaiterAdded]),
    ("waiter_removed", Level::Breaking, &[Rule::WaiterRemoved]),
    (
        "waiter_states_changed",
        Level::Breaking,
        &[Rule::WaiterStatesChanged],
    ),
    (
        "waiter_polling_changed",
        Level::Internal,
        &[Rule::WaiterPollingChanged],
    ),
    (
        "waiter_described",
        Level::Internal,
        &[Rule::WaiterDescribed],
    ),
    (
        "pagination_style_changed",
        Level::Internal,
        &[Rule::PaginationStyleChanged],
    ),
    (
        "type_removed",
        Level::Breaking,
        &[Rule::TypeRemoved, Rule::FieldRemoved],
    ),
    (
        "type_kind_changed",
        Level::Breaking,
        &[Rule::TypeKindChanged],
    ),
    ("type_described", Level::Internal, &[Rule::TypeDescribed]),
    (
        "field_alias_removed",
        Level::Internal,
        &[Rule::FieldAliasRemoved],
    ),
    (
        "enum_variant_renamed",
        Level::Breaking,
        &[Rule::EnumVariantRenamed],
    ),
    (
        "enum_value_described",
        Level::Internal,
        &[Rule::EnumValueDescribed],
    ),
    (
        "operation_described",
        Level::Internal,
        &[Rule::OperationDescribed],
    ),
    (
        "scopes_documented",
        Level::Internal,
        &[Rule::ScopeAlternativeAdded],
    ),
    (
        "constraint_added",
        Level::Breaking,
        &[Rule::ConstraintTightened],
    ),
    (
        "param_constraint_removed",
        Level::Internal,
        &[Rule::ConstraintLoosened],
    ),
];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/diff")
}

fn load(dir: &Path) -> Vec<codegen::LoadedSpec> {
    let (loaded, failed) = codegen::load_dir(dir).expect("the fixture folder is readable");
    assert!(
        failed.is_empty(),
        "{} does not load:\n{failed:#?}",
        dir.display()
    );
    loaded
}

/// The report of one case, with fixed labels and version so that snapshots are stable.
fn report(case: &str) -> Report {
    let old = load(&fixtures().join(case).join("old"));
    let new = load(&fixtures().join(case).join("new"));
    diff::diff(
        &DiffSide {
            label: "`old`".into(),
            specs: &old,
            crate_version: Some("0.1.0".into()),
            code: None,
        },
        &DiffSide {
            label: "`new`".into(),
            specs: &new,
            crate_version: Some("0.1.0".into()),
            code: None,
        },
    )
    .unwrap_or_else(|e| panic!("{case}: {e}"))
}

#[test]
fn every_case_is_classified_as_documented() {
    let mut wrong = Vec::new();
    for &(case, level, rules) in CASES {
        let report = report(case);
        let found: BTreeSet<Rule> = report
            .services
            .iter()
            .flat_map(|s| &s.changes)
            .map(|c| c.rule)
            .collect();
        let expected: BTreeSet<Rule> = rules.iter().copied().collect();
        if report.level != Some(level) || found != expected {
            wrong.push(format!(
                "{case}: expected {level:?} {expected:?}, got {:?} {found:?}",
                report.level
            ));
        }
        // The change the case is about carries the report's level, unless the generated
        // public API is what makes it more severe.
        let main = report
            .services
            .iter()
            .flat_map(|s| &s.changes)
            .find(|c| c.rule == rules[0]);
        if main.map(diff::Change::level) != Some(level) {
            wrong.push(format!(
                "{case}: the {:?} change is not the {level:?} one",
                rules[0]
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_case_report_is_locked() {
    for &(case, _, _) in CASES {
        let markdown = diff::render::markdown(&report(case));
        insta::assert_snapshot!(format!("diff_{case}"), markdown);
    }
}

#[test]
fn every_fixture_folder_is_a_case() {
    let listed: BTreeSet<&str> = CASES.iter().map(|(case, _, _)| *case).collect();
    let mut folders = BTreeSet::new();
    for entry in std::fs::read_dir(fixtures()).expect("fixtures/diff is readable") {
        let entry = entry.expect("a directory entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_dir() && name != "base" {
            folders.insert(name);
        }
    }
    let folders: BTreeSet<&str> = folders.iter().map(String::as_str).collect();
    assert_eq!(folders, listed, "fixture folders and CASES differ");
    assert!(CASES.len() >= 25);
}

/// Cases about a thing the base has none of (an array query parameter, say): each starts
/// from the new side of the case that adds it, so that it still shows one edit.
const STARTS_FROM: &[(&str, &str)] = &[
    ("param_array_style_changed", "array_param_added"),
    ("tagged_variant_added", "tagged_union_added"),
    ("tagged_variant_removed", "tagged_union_added"),
    ("tagged_variant_type_changed", "tagged_union_added"),
    ("tagged_tag_changed", "tagged_union_added"),
];

#[test]
fn one_side_of_every_case_is_the_base() {
    // Every case starts from the same spec, so a case differs from the base only by its
    // own edit. The old side is the base, except for the few rules the base cannot show
    // (it has no alias to lose): those cases are another case reversed, and their new
    // side is the base. The case's comment line and the schema line (whose relative path
    // depends on the folder's depth) are not compared.
    let base = std::fs::read_to_string(fixtures().join("base/widgets.yaml")).expect("the base");
    let base_of = |case: &str| {
        let start = STARTS_FROM
            .iter()
            .find(|(later, _)| *later == case)
            .map(|(_, earlier)| *earlier);
        match start {
            Some(earlier) => {
                std::fs::read_to_string(fixtures().join(earlier).join("new").join("widgets.yaml"))
                    .unwrap_or_else(|e| panic!("{case} starts from {earlier}, whose new side: {e}"))
            }
            None => base.clone(),
        }
    };
    let body = |text: &str| {
        text.lines()
            .filter(|l| !l.starts_with("# diff case:") && !l.starts_with("# yaml-language-server:"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    for &(case, _, _) in CASES {
        let side = |name: &str| {
            std::fs::read_to_string(fixtures().join(case).join(name).join("widgets.yaml"))
                .map(|text| body(&text))
                .ok()
        };
        let (old, new) = (side("old"), side("new"));
        let start = body(&base_of(case));
        assert!(
            old.as_deref() == Some(&*start) || new.as_deref() == Some(&*start),
            "{case}: neither side is the base (or the new side of the case it starts from)"
        );
        let comment = |name: &str| {
            std::fs::read_to_string(fixtures().join(case).join(name).join("widgets.yaml"))
                .ok()
                .and_then(|text| text.lines().next().map(str::to_owned))
        };
        if let (Some(a), Some(b)) = (comment("old"), comment("new")) {
            assert_eq!(a, b, "{case}: the comment lines differ");
            assert!(
                a.starts_with("# diff case:"),
                "{case}: no `# diff case:` line"
            );
        }
    }
}

/// Rules no fixture can show yet, and why.
const RULES_WITHOUT_A_CASE: &[(Rule, &str)] = &[(
    Rule::ParamMoved,
    "the generator sends no header parameters yet, and moving between query and path \
     changes the path too",
)];

#[test]
fn every_rule_has_a_case() {
    let shown: BTreeSet<Rule> = CASES
        .iter()
        .flat_map(|(_, _, rules)| rules.iter().copied())
        .collect();
    let exempt: BTreeSet<Rule> = RULES_WITHOUT_A_CASE.iter().map(|(rule, _)| *rule).collect();
    let missing: Vec<String> = Rule::ALL
        .iter()
        .filter(|rule| !shown.contains(rule) && !exempt.contains(rule))
        .map(|rule| rule.id())
        .collect();
    assert!(
        missing.is_empty(),
        "rules without a fixture case: {missing:?}"
    );
    assert!(
        exempt.iter().all(|rule| !shown.contains(rule)),
        "an exemption is out of date"
    );
}

#[test]
fn the_committed_specs_compared_with_themselves_show_no_change() {
    let specs = load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs"));
    let side = |label: &str| DiffSide {
        label: label.into(),
        specs: &specs,
        crate_version: Some("0.1.0".into()),
        code: None,
    };
    let report = diff::diff(&side("a"), &side("b")).expect("the specs generate");
    assert_eq!(report.level, None);
    assert!(
        report
            .services
            .iter()
            .all(|s| s.changes.is_empty() && s.api.is_empty())
    );
    assert_eq!(report.services.len(), 5);
    assert!(report.version.is_none());
    assert!(
        diff::render::markdown(&report)
            .contains("Nothing in the specs or in the generated public API changed.")
    );
}

#[test]
fn a_breaking_change_is_shown_with_the_version_it_calls_for() {
    let markdown = diff::render::markdown(&report("param_became_required"));
    let bump = markdown.find("Suggested version of `org-clients`: **0.2.0** (now 0.1.0).");
    let breaking = markdown.find("Breaking changes:");
    assert!(bump.is_some() && breaking.is_some(), "{markdown}");
    assert!(
        bump < breaking,
        "the version comes first, then the list it answers"
    );
    let compatible = diff::render::markdown(&report("optional_param_added"));
    assert!(compatible.contains("**0.1.1** (now 0.1.0)"), "{compatible}");
}

#[test]
fn undecidable_changes_carry_a_warning() {
    for case in [
        "request_field_pattern_changed",
        "operation_path_changed",
        "param_default_changed",
    ] {
        let report = report(case);
        let warned = report
            .services
            .iter()
            .flat_map(|s| &s.changes)
            .any(|c| c.warning.is_some());
        assert!(warned, "{case}: no warning");
    }
    let settled = report("param_maximum_lowered");
    assert!(
        settled
            .services
            .iter()
            .flat_map(|s| &s.changes)
            .all(|c| c.warning.is_none())
    );
}

#[test]
fn the_public_item_changes_come_from_the_generated_code() {
    let report = report("param_became_required");
    let api = &report.services[0].api;
    let method = api
        .iter()
        .find(|c| c.item == "Client::list_widgets")
        .expect("the method changed");
    assert_eq!(method.kind, diff::ApiChangeKind::Changed);
    assert!(
        method
            .new
            .as_deref()
            .is_some_and(|s| s.contains("sort_order: SortOrder")),
        "{method:?}"
    );
    let setter = api
        .iter()
        .find(|c| c.item == "ListWidgetsRequest::sort_order")
        .expect("the setter went");
    assert_eq!(setter.kind, diff::ApiChangeKind::Removed);
}

#[test]
fn the_rules_table_in_the_readme_is_current() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md"))
            .expect("README.md exists");
    let table = diff::render::rules_table();
    assert!(
        readme.contains(&table),
        "README.md does not contain the current rules table; paste the output of \
         `cargo xtask diff --rules` into it:\n{table}"
    );
}
