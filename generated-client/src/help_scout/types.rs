// @generated from specs/help_scout.yaml by `cargo xtask codegen`. Do not edit by hand.

//! The types of the service's requests and responses.

use std::fmt;
use serde::{Deserialize, Serialize};

/// A single organization.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Organization {
    /// Organization’s unique ID
    ///
    /// Not stated by the document: that every response carries it: `get_organization` takes it back.
    pub id: i64,
    /// Organization’s name
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Organization’s website
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Organization’s description
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Organization’s two letter country code
    ///
    /// Format: `country-code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Organization’s logo URL
    ///
    /// Format: `url`.
    #[serde(rename = "logoUrl", default, skip_serializing_if = "Option::is_none")]
    pub logo_url: Option<String>,
    /// Organization’s custom note
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Organization’s domains. Used to match customers to this organization by their emails
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domains: Option<Vec<String>>,
    /// Organization’s phone numbers. Might contain special characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phones: Option<Vec<String>>,
    /// Organization’s brand color in a valid hex format
    ///
    /// Format: `hex-color`.
    #[serde(rename = "brandColor", default, skip_serializing_if = "Option::is_none")]
    pub brand_color: Option<String>,
    /// Number of customers associated with the organization. Only included when includeCounts=true
    #[serde(rename = "customerCount", default, skip_serializing_if = "Option::is_none")]
    pub customer_count: Option<i64>,
    /// Number of conversations associated with the organization. Only included when includeCounts=true
    #[serde(
        rename = "conversationCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub conversation_count: Option<i64>,
    /// Array of organization property values. Only included when includeProperties=true
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<Vec<Property>>,
    /// Links to related resources (HAL).
    #[serde(rename = "_links", default, skip_serializing_if = "Option::is_none")]
    pub links: Option<Links>,
}

impl Organization {
    /// A `Organization` with its required fields (`id`); set the others to send them.
    pub fn new(id: i64) -> Self {
        Self {
            id,
            name: None,
            website: None,
            description: None,
            location: None,
            logo_url: None,
            note: None,
            domains: None,
            phones: None,
            brand_color: None,
            customer_count: None,
            conversation_count: None,
            properties: None,
            links: None,
        }
    }
}

/// An organization property value.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Property {
    /// Unique identifier of the property definition
    #[serde(rename = "definitionId", default, skip_serializing_if = "Option::is_none")]
    pub definition_id: Option<i64>,
    /// Unique slug identifying the property
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    /// Display name of the property
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Type of the property (text, number, url, date, dropdown)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<PropertyType>,
    /// Current value of the property
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Available options for dropdown properties. Only populated for dropdown type properties.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Vec<PropertyOption>>,
}

/// Type of the property.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
#[non_exhaustive]
pub enum PropertyType {
    /// `text`
    Text,
    /// `number`
    Number,
    /// `url`
    Url,
    /// `date`
    Date,
    /// `dropdown`
    Dropdown,
    /// A value the document does not list, kept as the server sent it.
    Unknown(String),
}

impl PropertyType {
    /// The value as sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Text => "text",
            Self::Number => "number",
            Self::Url => "url",
            Self::Date => "date",
            Self::Dropdown => "dropdown",
            Self::Unknown(value) => value.as_str(),
        }
    }
}

impl From<String> for PropertyType {
    fn from(value: String) -> Self {
        match value.as_str() {
            "text" => Self::Text,
            "number" => Self::Number,
            "url" => Self::Url,
            "date" => Self::Date,
            "dropdown" => Self::Dropdown,
            _ => Self::Unknown(value),
        }
    }
}

impl From<PropertyType> for String {
    fn from(value: PropertyType) -> Self {
        value.as_str().to_owned()
    }
}

impl fmt::Display for PropertyType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An available option of a dropdown property.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PropertyOption {
    /// Display label for the dropdown option
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// Links to related resources (HAL).
///
/// Not stated by the document: the type and its field, read from the sample's `_links`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Links {
    /// The link to this resource.
    #[serde(rename = "self", default, skip_serializing_if = "Option::is_none")]
    pub self_: Option<Link>,
}

/// A HAL link.
///
/// Not stated by the document: the type and its field, read from the sample's `_links`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Link {
    /// The link's target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
}

/// An error answer of Help Scout's API (`application/vnd.error+json`).
///
/// Not stated by the document: the whole type, as Help Scout's other API pages describe its errors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ErrorBody {
    /// What went wrong.
    pub message: String,
    /// The reference of this error in Help Scout's logs, to quote to its support.
    #[serde(rename = "logRef", default, skip_serializing_if = "Option::is_none")]
    pub log_ref: Option<String>,
    /// The fields at fault, for a rejected request.
    #[serde(rename = "_embedded", default, skip_serializing_if = "Option::is_none")]
    pub embedded: Option<ErrorDetails>,
}

impl ErrorBody {
    /// A `ErrorBody` with its required fields (`message`); set the others to send them.
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            log_ref: None,
            embedded: None,
        }
    }
}

/// The fields at fault of a rejected request.
///
/// Not stated by the document: the whole type, as Help Scout's other API pages describe its errors.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ErrorDetails {
    /// One entry per field at fault.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<FieldError>>,
}

/// A field a request got wrong.
///
/// Not stated by the document: the whole type, as Help Scout's other API pages describe its errors.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FieldError {
    /// The field's path in the request (`name`, `emails[0].value`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// What is wrong with the field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The value the request sent.
    #[serde(rename = "rejectedValue", default, skip_serializing_if = "Option::is_none")]
    pub rejected_value: Option<serde_json::Value>,
    /// Where the field was (`JSON`, a query parameter).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}
