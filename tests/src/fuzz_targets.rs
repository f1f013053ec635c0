//! Fuzz targets: functions that must never panic, whatever bytes they are given.

use bytes::Bytes;
use org_clients::runtime::{ErrorCode, Response};
use org_clients::{help_scout, zoho_contracts, zoho_crm, zoho_inventory, zoho_people};
use serde::de::DeserializeOwned;

/// Loads arbitrary bytes as a spec: a spec or a report, and the report renders.
pub fn load_spec(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    match codegen::load_str("fuzz.yaml", &text) {
        Ok(spec) => drop(spec.warnings.to_string()),
        Err(report) => drop(report.to_string()),
    }
}

/// How many operations [`decode_responses`] decodes, one payload type each; a test keeps
/// it equal to the number of operations in `specs/`.
pub const DECODED_OPERATIONS: usize = 11;

/// Decodes arbitrary bytes as the successful response of every operation of every
/// service, with its envelope; errors must render, nothing may panic.
pub fn decode_responses(bytes: &[u8]) {
    let response = Response::new(
        200,
        Some("application/json".to_owned()),
        Bytes::copy_from_slice(bytes),
    );
    decode::<Vec<zoho_crm::EnrichmentJob>, zoho_crm::ErrorCode>(
        &response,
        "list_org_enrichments",
        Some("__zia_org_enrichment"),
    );
    decode::<Vec<zoho_crm::OrgEnrichment>, zoho_crm::ErrorCode>(
        &response,
        "get_org_enrichment",
        Some("__zia_org_enrichment"),
    );
    decode::<Vec<zoho_contracts::OrganizationInfo>, zoho_contracts::ErrorCode>(
        &response,
        "get_organization_info",
        Some("organizationinfo"),
    );
    decode::<zoho_inventory::Organization, zoho_inventory::ErrorCode>(
        &response,
        "create_organization",
        Some("organization"),
    );
    decode::<Vec<zoho_inventory::Organization>, zoho_inventory::ErrorCode>(
        &response,
        "list_organizations",
        Some("organizations"),
    );
    decode::<zoho_inventory::Organization, zoho_inventory::ErrorCode>(
        &response,
        "update_organization",
        Some("organization"),
    );
    decode::<zoho_inventory::Organization, zoho_inventory::ErrorCode>(
        &response,
        "get_organization",
        Some("organization"),
    );
    decode::<help_scout::Organization, help_scout::ErrorCode>(&response, "get_organization", None);
    decode::<Vec<zoho_people::OrgRecord>, zoho_people::ErrorCode>(
        &response,
        "list_entities",
        Some("data"),
    );
    decode::<Vec<zoho_people::OrgRecord>, zoho_people::ErrorCode>(
        &response,
        "list_units",
        Some("data"),
    );
    decode::<Vec<zoho_people::Division>, zoho_people::ErrorCode>(
        &response,
        "list_divisions",
        Some("data"),
    );
}

fn decode<T: DeserializeOwned, C: ErrorCode>(
    response: &Response,
    operation: &'static str,
    envelope: Option<&str>,
) {
    if let Err(error) = response.json::<T, C>(operation, envelope) {
        drop(error.to_string());
    }
}
