//! The committed specs: each loads with neither errors nor warnings (its samples checked
//! against its schema on the way), and together they cover every endpoint of the seeds.

use std::path::{Path, PathBuf};

use codegen::spec::HttpMethod;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn load_all() -> Vec<codegen::LoadedSpec> {
    let (loaded, failed) =
        codegen::load_dir(&workspace().join("specs")).expect("specs/ is readable");
    let reports: Vec<String> = failed.iter().map(ToString::to_string).collect();
    assert!(
        reports.is_empty(),
        "specs that fail to load:\n{}",
        reports.join("\n")
    );
    loaded
}

#[test]
fn every_spec_loads_without_warnings() {
    for spec in load_all() {
        assert!(
            spec.warnings.diagnostics.is_empty(),
            "{} has warnings:\n{}",
            spec.file,
            spec.warnings
        );
    }
}

#[test]
fn the_specs_cover_every_documented_endpoint() {
    let mut endpoints: Vec<String> = load_all()
        .iter()
        .flat_map(|s| {
            s.spec.operations.iter().map(move |op| {
                format!(
                    "{} {} {} {}",
                    s.spec.service.value, op.key.value, op.value.method.value, op.value.path.value
                )
            })
        })
        .collect();
    endpoints.sort();
    assert_eq!(
        endpoints,
        [
            "help_scout get_organization GET /v2/organizations/{organizationId}",
            "zoho_contracts get_organization_info GET /api/v1/admin/orginfo",
            "zoho_crm create_org_enrichment POST /crm/v7/__zia_org_enrichment",
            "zoho_crm get_org_enrichment GET /crm/v7/__zia_org_enrichment/{job_id}",
            "zoho_crm list_org_enrichments GET /crm/v7/__zia_org_enrichment",
            "zoho_inventory create_organization POST /inventory/v1/organizations",
            "zoho_inventory get_organization GET /inventory/v1/organizations/{organization_id}",
            "zoho_inventory list_organizations GET /inventory/v1/organizations",
            "zoho_inventory update_organization PUT /inventory/v1/organizations/{organization_id}",
            "zoho_people list_divisions GET /people/api/v3/orgstructure/divisions",
            "zoho_people list_entities GET /people/api/v3/orgstructure/entities",
            "zoho_people list_units GET /people/api/v3/orgstructure/units",
        ]
    );
}

#[test]
fn every_spec_names_the_schema_on_its_first_line() {
    for spec in load_all() {
        let text = std::fs::read_to_string(workspace().join(&spec.file)).expect("spec is readable");
        assert_eq!(
            text.lines().next(),
            Some("# yaml-language-server: $schema=spec.schema.json"),
            "{}",
            spec.file
        );
    }
}

#[test]
fn every_documented_json_sample_is_checked() {
    // The seeds carry JSON samples for every service; a spec that dropped them would
    // still load, so count them.
    let mut samples: Vec<(String, usize)> = load_all()
        .iter()
        .map(|s| {
            let count = s
                .spec
                .operations
                .iter()
                .flat_map(|op| op.value.examples.iter())
                .filter(|e| e.body.is_some() || e.response.is_some())
                .count();
            (s.spec.service.value.clone(), count)
        })
        .collect();
    samples.sort();
    for (service, count) in &samples {
        assert!(*count >= 1, "{service} has no JSON sample");
    }
    let inventory = samples
        .iter()
        .find(|(s, _)| s == "zoho_inventory")
        .map(|(_, c)| *c);
    // Inventory documents two request bodies and four responses.
    assert!(
        inventory >= Some(6),
        "zoho_inventory samples: {inventory:?}"
    );
}

#[test]
fn the_valid_fixture_loads_cleanly() {
    let path = workspace().join("tests/fixtures/valid/minimal.yaml");
    let loaded = codegen::load_file(&path, "tests/fixtures/valid/minimal.yaml");
    match loaded {
        Ok(spec) => assert!(spec.warnings.diagnostics.is_empty(), "{}", spec.warnings),
        Err(report) => panic!("the base of the broken fixtures must be valid:\n{report}"),
    }
    let methods: Vec<HttpMethod> = codegen::load_file(&path, "minimal")
        .map(|s| {
            s.spec
                .operations
                .iter()
                .map(|op| op.value.method.value)
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(methods, [HttpMethod::Get, HttpMethod::Get]);
}

#[test]
fn the_deprecated_zoho_oauth_scheme_still_loads_as_what_it_stands_for() {
    let path = workspace().join("tests/fixtures/valid/minimal.yaml");
    let text = std::fs::read_to_string(path).expect("the valid fixture");
    let old = text.replacen("scheme: bearer", "scheme: zoho_oauth", 1);
    assert_ne!(old, text);
    let loaded = codegen::load_str("old.yaml", &old).expect("an older spec still loads");
    let warnings: Vec<&str> = loaded
        .warnings
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(warnings, ["`scheme: zoho_oauth` is a deprecated shorthand"]);
    let auth = &loaded.service.auth;
    assert_eq!(
        auth.scheme,
        codegen::ir::AuthScheme::Bearer {
            header: "Authorization".into(),
            prefix: "Zoho-oauthtoken".into()
        }
    );
    let tokens = auth.tokens.as_ref().expect("a token endpoint");
    assert_eq!(tokens.grants, [codegen::spec::GrantSpec::RefreshToken]);
    assert_eq!(tokens.refresh_on, [(401, Some("INVALID_TOKEN".to_owned()))]);
}
