// @generated from specs/zoho_crm.yaml by `cargo xtask codegen`. Do not edit by hand.

//! The types of the service's requests and responses.

use std::fmt;
use serde::{Deserialize, Serialize};

/// The status of the scheduled job created using the create org enrichment API.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
#[non_exhaustive]
pub enum EnrichmentStatus {
    /// `COMPLETED`
    Completed,
    /// `SCHEDULED`
    Scheduled,
    /// `FAILED`
    Failed,
    /// `DATA_NOT_FOUND`
    DataNotFound,
    /// A value the document does not list, kept as the server sent it.
    Unknown(String),
}

impl EnrichmentStatus {
    /// The value as sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Completed => "COMPLETED",
            Self::Scheduled => "SCHEDULED",
            Self::Failed => "FAILED",
            Self::DataNotFound => "DATA_NOT_FOUND",
            Self::Unknown(value) => value.as_str(),
        }
    }
}

impl From<String> for EnrichmentStatus {
    fn from(value: String) -> Self {
        match value.as_str() {
            "COMPLETED" => Self::Completed,
            "SCHEDULED" => Self::Scheduled,
            "FAILED" => Self::Failed,
            "DATA_NOT_FOUND" => Self::DataNotFound,
            _ => Self::Unknown(value),
        }
    }
}

impl From<EnrichmentStatus> for String {
    fn from(value: EnrichmentStatus) -> Self {
        value.as_str().to_owned()
    }
}

impl fmt::Display for EnrichmentStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// To sort the response based on created time.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
#[non_exhaustive]
pub enum SortBy {
    /// `created_time`
    CreatedTime,
    /// A value the document does not list, kept as the server sent it.
    Unknown(String),
}

impl SortBy {
    /// The value as sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::CreatedTime => "created_time",
            Self::Unknown(value) => value.as_str(),
        }
    }
}

impl From<String> for SortBy {
    fn from(value: String) -> Self {
        match value.as_str() {
            "created_time" => Self::CreatedTime,
            _ => Self::Unknown(value),
        }
    }
}

impl From<SortBy> for String {
    fn from(value: SortBy) -> Self {
        value.as_str().to_owned()
    }
}

impl fmt::Display for SortBy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// To sort the response either in ascending or descending order.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
#[non_exhaustive]
pub enum SortOrder {
    /// `asc`
    Asc,
    /// `desc`
    Desc,
    /// A value the document does not list, kept as the server sent it.
    Unknown(String),
}

impl SortOrder {
    /// The value as sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Asc => "asc",
            Self::Desc => "desc",
            Self::Unknown(value) => value.as_str(),
        }
    }
}

impl From<String> for SortOrder {
    fn from(value: String) -> Self {
        match value.as_str() {
            "asc" => Self::Asc,
            "desc" => Self::Desc,
            _ => Self::Unknown(value),
        }
    }
}

impl From<SortOrder> for String {
    fn from(value: SortOrder) -> Self {
        value.as_str().to_owned()
    }
}

impl fmt::Display for SortOrder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Paging details of a list response.
///
/// Not stated by the document: every field and its description, read from the list sample's keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PageInfo {
    /// The number of records per page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_page: Option<i64>,
    /// The number of records in this page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<i64>,
    /// The page number of this page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<i64>,
    /// Whether more records follow.
    ///
    /// Not stated by the document: that every page has it; the client needs it to know whether to ask for the next page.
    pub more_records: bool,
}

impl PageInfo {
    /// A `PageInfo` with its required fields (`more_records`); set the others to send them.
    pub fn new(more_records: bool) -> Self {
        Self {
            per_page: None,
            count: None,
            page: None,
            more_records,
        }
    }
}

/// An org enrichment job, as listed when fetching all org enrichments created.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EnrichmentJob {
    /// The ID of the job.
    ///
    /// Format: `int64`.
    ///
    /// Not stated by the document: that the ID is a decimal number (`format: int64`), as in the samples.
    pub id: String,
    /// The status of the job.
    pub status: EnrichmentStatus,
    /// The time the job was created.
    ///
    /// Format: `date-time`.
    pub created_time: chrono::DateTime<chrono::FixedOffset>,
    /// The user who created the job.
    pub created_by: CreatedBy,
}

impl EnrichmentJob {
    /// A `EnrichmentJob` with its required fields (`id`, `status`, `created_time`, `created_by`); set the others to send them.
    pub fn new(
        id: impl Into<String>,
        status: EnrichmentStatus,
        created_time: chrono::DateTime<chrono::FixedOffset>,
        created_by: CreatedBy,
    ) -> Self {
        Self {
            id: id.into(),
            status,
            created_time,
            created_by,
        }
    }
}

/// The user who created the job.
///
/// Not stated by the document: both fields and their descriptions, read from the list sample's keys.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreatedBy {
    /// The user's ID.
    ///
    /// Format: `int64`.
    ///
    /// Not stated by the document: that the ID is a decimal number (`format: int64`), as in the samples.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The user's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A specific org enrichment, with the details of the fields that were enriched.
///
/// Not stated by the document: every field and its description, read from the sample's keys.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrgEnrichment {
    /// The org details the enrichment was based on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enrich_based_on: Option<EnrichBasedOn>,
    /// The enriched data of the org.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enriched_data: Option<EnrichedData>,
    /// The ID of the enrichment job.
    ///
    /// Format: `int64`.
    ///
    /// Not stated by the document: that the ID is a decimal number (`format: int64`), as in the samples.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The status of the enrichment job.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<EnrichmentStatus>,
}

/// The details of the fields on whose values you want to trigger enrichment. Note that you must provide at least one of the following values in the input. Based on these values, Zia will look for information on the web and enrich fields as per Enrichment Configuration. Note that the values of these keys must be at least three characters long and only in English.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EnrichBasedOn {
    /// The name of the organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The email address of the organization.
    ///
    /// Format: `email`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The website of the organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
}

/// The enriched data of the org; only the fields that were enriched.
///
/// Not stated by the document: every field and its description, read from the sample's keys.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EnrichedData {
    /// The org's addresses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Vec<EnrichedAddress>>,
    /// The ID of the enriched data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The org's industries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub industries: Option<Vec<Industry>>,
    /// The org's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The org's primary contact number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_contact: Option<String>,
    /// The org's primary email address.
    ///
    /// Format: `email`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_email: Option<String>,
    /// The org's secondary email address.
    ///
    /// Format: `email`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secondary_email: Option<String>,
    /// The org's social media profiles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub social_media: Option<Vec<SocialMedia>>,
    /// The org's website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
}

/// An address of the org.
///
/// Not stated by the document: every field and its description, read from the sample's keys.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EnrichedAddress {
    /// City.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The street address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fill_address: Option<String>,
    /// PIN (postal) code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin_code: Option<String>,
    /// State.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

/// An industry of the org.
///
/// Not stated by the document: every field and its description, read from the sample's keys.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Industry {
    /// What the industry includes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The industry's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A social media profile of the org.
///
/// Not stated by the document: every field and its description, read from the sample's keys.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SocialMedia {
    /// The social network, e.g. TWITTER.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    /// The profile URLs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_url: Option<Vec<String>>,
}

/// The request JSON of the create org enrichment API.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrgEnrichmentRequest {
    /// The enrichments to schedule.
    ///
    /// Not stated by the document: the key's description; the page shows it in its sample input only.
    #[serde(rename = "__zia_org_enrichment")]
    pub enrichments: Vec<EnrichmentRequest>,
}

impl OrgEnrichmentRequest {
    /// A `OrgEnrichmentRequest` with its required fields (`__zia_org_enrichment`); set the others to send them.
    pub fn new(enrichments: Vec<EnrichmentRequest>) -> Self {
        Self { enrichments }
    }
}

/// One enrichment to schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EnrichmentRequest {
    /// The details of the fields on whose values you want to trigger enrichment.
    pub enrich_based_on: EnrichBasedOn,
}

impl EnrichmentRequest {
    /// A `EnrichmentRequest` with its required fields (`enrich_based_on`); set the others to send them.
    pub fn new(enrich_based_on: EnrichBasedOn) -> Self {
        Self { enrich_based_on }
    }
}

/// The answer for one enrichment scheduled by the create org enrichment API.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ScheduledEnrichment {
    /// The code that represents the status of the API. "SCHEDULED" means a job is scheduled.
    pub code: String,
    /// The unique ID of the scheduled job.
    pub details: ScheduledJob,
    /// The message of the answer.
    ///
    /// Not stated by the document: the description; the page shows the key in its sample only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The status of the enrichment.
    pub status: ScheduledEnrichmentStatus,
}

impl ScheduledEnrichment {
    /// A `ScheduledEnrichment` with its required fields (`code`, `details`, `status`); set the others to send them.
    pub fn new(
        code: impl Into<String>,
        details: ScheduledJob,
        status: ScheduledEnrichmentStatus,
    ) -> Self {
        Self {
            code: code.into(),
            details,
            message: None,
            status,
        }
    }
}

/// The unique ID of the scheduled job. Use this ID in the Get Org Configuration API to get the details of the enrichment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ScheduledJob {
    /// The unique ID of the scheduled job.
    ///
    /// Format: `int64`.
    ///
    /// Not stated by the document: that the ID is a decimal number (`format: int64`), as in the sample, and that every scheduled job has one.
    pub id: String,
}

impl ScheduledJob {
    /// A `ScheduledJob` with its required fields (`id`); set the others to send them.
    pub fn new(id: impl Into<String>) -> Self {
        Self { id: id.into() }
    }
}

/// The `status` field of `ScheduledEnrichment`, which the document gives as `string | boolean`.
///
/// Decoding tries each form in turn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum ScheduledEnrichmentStatus {
    /// The value as a string.
    Text(String),
    /// The value as a boolean.
    Boolean(bool),
}

impl fmt::Display for ScheduledEnrichmentStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Text(value) => fmt::Display::fmt(value, f),
            Self::Boolean(value) => fmt::Display::fmt(value, f),
        }
    }
}

impl ScheduledEnrichmentStatus {
    /// The value as a boolean: the boolean form as it is, and text `true` or
    /// `false` (in any case) as that. Other text, such as the blank the
    /// document's samples send, is `None`: the document does not say what it
    /// means (our reading, not the document's).
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Self::Boolean(value) => Some(*value),
            Self::Text(text) => {
                match text.trim().to_ascii_lowercase().as_str() {
                    "true" => Some(true),
                    "false" => Some(false),
                    _ => None,
                }
            }
        }
    }
}
