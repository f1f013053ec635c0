//! Fuzz targets: functions that must never panic, whatever bytes they are given.

use bytes::Bytes;
use org_clients::runtime::{Error, ErrorCode, Response};
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

/// How many operations [`decode_operation`] knows, one payload type each; a test keeps it
/// equal to the number of operations in `specs/`.
pub const DECODED_OPERATIONS: usize = 12;

/// Decodes arbitrary bytes as the successful response of every operation of every
/// service, with its envelope; errors must render, nothing may panic.
pub fn decode_responses(bytes: &[u8]) {
    let response = Response::new(
        200,
        Some("application/json".to_owned()),
        Bytes::copy_from_slice(bytes),
    );
    for (service, operation) in OPERATIONS {
        if let Some(Err(error)) = decode_operation(service, operation, &response) {
            drop(error);
        }
    }
}

/// Every operation of `specs/`, by service module and operation name.
pub const OPERATIONS: [(&str, &str); DECODED_OPERATIONS] = [
    ("zoho_crm", "list_org_enrichments"),
    ("zoho_crm", "get_org_enrichment"),
    ("zoho_crm", "create_org_enrichment"),
    ("zoho_contracts", "get_organization_info"),
    ("zoho_inventory", "create_organization"),
    ("zoho_inventory", "list_organizations"),
    ("zoho_inventory", "update_organization"),
    ("zoho_inventory", "get_organization"),
    ("help_scout", "get_organization"),
    ("zoho_people", "list_entities"),
    ("zoho_people", "list_units"),
    ("zoho_people", "list_divisions"),
];

/// Decodes `response` as the payload of `operation` of `service`, with its envelope, into
/// the generated type `send()` returns; the error rendered as text. `None` for an
/// operation this table does not know.
pub fn decode_operation(
    service: &str,
    operation: &'static str,
    response: &Response,
) -> Option<Result<(), String>> {
    Some(match (service, operation) {
        ("zoho_crm", "list_org_enrichments") => decode::<
            Vec<zoho_crm::EnrichmentJob>,
            zoho_crm::ErrorCode,
        >(
            response, operation, Some("__zia_org_enrichment")
        ),
        ("zoho_crm", "get_org_enrichment") => decode::<
            Vec<zoho_crm::OrgEnrichment>,
            zoho_crm::ErrorCode,
        >(
            response, operation, Some("__zia_org_enrichment")
        ),
        // One result per item: an item that reports a failure is the service's error, not
        // a failed decode; one that reports success and does not decode is.
        ("zoho_crm", "create_org_enrichment") => response
            .items::<zoho_crm::ScheduledEnrichment, zoho_crm::ErrorCode>(
                operation,
                &CREATE_ORG_ENRICHMENT,
            )
            .map_err(|error| error.to_string())
            .and_then(|items| {
                match items
                    .into_iter()
                    .find_map(|item| item.err().filter(|e| matches!(e, Error::Decode { .. })))
                {
                    Some(error) => Err(error.to_string()),
                    None => Ok(()),
                }
            }),
        ("zoho_contracts", "get_organization_info") => {
            decode::<Vec<zoho_contracts::OrganizationInfo>, zoho_contracts::ErrorCode>(
                response,
                operation,
                Some("organizationinfo"),
            )
        }
        ("zoho_inventory", "create_organization" | "update_organization" | "get_organization") => {
            decode::<zoho_inventory::Organization, zoho_inventory::ErrorCode>(
                response,
                operation,
                Some("organization"),
            )
        }
        ("zoho_inventory", "list_organizations") => decode::<
            Vec<zoho_inventory::Organization>,
            zoho_inventory::ErrorCode,
        >(
            response, operation, Some("organizations")
        ),
        ("help_scout", "get_organization") => {
            decode::<help_scout::Organization, help_scout::ErrorCode>(response, operation, None)
        }
        ("zoho_people", "list_entities" | "list_units") => decode::<
            Vec<zoho_people::OrgRecord>,
            zoho_people::ErrorCode,
        >(
            response, operation, Some("data")
        ),
        ("zoho_people", "list_divisions") => decode::<
            Vec<zoho_people::Division>,
            zoho_people::ErrorCode,
        >(response, operation, Some("data")),
        _ => return None,
    })
}

/// How `create_org_enrichment`'s items report (specs/zoho_crm.yaml, its `per_item`; a
/// test keeps the two equal).
pub const CREATE_ORG_ENRICHMENT: org_clients::runtime::PerItem = org_clients::runtime::PerItem {
    envelope: Some("__zia_org_enrichment"),
    status: &["status"],
    success: &["success", "true"],
};

fn decode<T: DeserializeOwned, C: ErrorCode>(
    response: &Response,
    operation: &'static str,
    envelope: Option<&str>,
) -> Result<(), String> {
    response
        .json::<T, C>(operation, envelope)
        .map(drop)
        .map_err(|error| error.to_string())
}
