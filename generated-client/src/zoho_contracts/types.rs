// @generated from specs/zoho_contracts.yaml by `cargo xtask codegen`. Do not edit by hand.

//! The types of the service's requests and responses.

use std::fmt;
use serde::{Deserialize, Serialize};

/// The details of the organization.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OrganizationInfo {
    /// Represents the name of the organization.
    pub name: String,
    /// Represents the unique ID of the organization.
    pub id: String,
    /// Represents the address details of the organization.
    ///
    /// Format: `country-code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Represents the address details of the organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Represents the address details of the organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Represents the address details of the organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Represents the address details of the organization.
    #[serde(rename = "buildingNo", default, skip_serializing_if = "Option::is_none")]
    pub building_no: Option<String>,
    /// Represents the address details of the organization.
    #[serde(rename = "zipCode", default, skip_serializing_if = "Option::is_none")]
    pub zip_code: Option<OrganizationInfoZipCode>,
    /// Represents the website of the organization.
    ///
    /// Also accepted under the wire name `webSite`.
    #[serde(alias = "webSite", default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Represents the name of the organization in the API.
    #[serde(rename = "apiName", default, skip_serializing_if = "Option::is_none")]
    pub api_name: Option<String>,
    /// Represents the phone number of the organization.
    #[serde(rename = "phoneNumber", default, skip_serializing_if = "Option::is_none")]
    pub phone_number: Option<String>,
    /// Represents the name, symbol, ISO code, default whole number, and decimal places for each currency field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Currency>,
    /// Represents the URL of the organization.
    ///
    /// Format: `url`.
    #[serde(rename = "orgURL", default, skip_serializing_if = "Option::is_none")]
    pub org_url: Option<String>,
    /// Represents the name, user ID, and email ID of the account owner.
    #[serde(rename = "accountowner", default, skip_serializing_if = "Option::is_none")]
    pub account_owner: Option<AccountOwner>,
    /// Represents the service organization ID of the organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zoid: Option<i64>,
}

/// Represents the name, symbol, ISO code, default whole number, and decimal places for each currency field.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Currency {
    /// The name of the currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_name: Option<String>,
    /// The default whole number of the currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_number: Option<i64>,
    /// The symbol of the currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_symbol: Option<String>,
    /// The ISO code of the currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
    /// The decimal places of the currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_decimal: Option<i64>,
}

/// Represents the name, user ID, and email ID of the account owner.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AccountOwner {
    /// The name of the account owner.
    #[serde(rename = "displayName", default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// The email ID of the account owner.
    ///
    /// Format: `email`.
    #[serde(rename = "emailId", default, skip_serializing_if = "Option::is_none")]
    pub email_id: Option<String>,
    /// The user ID of the account owner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// The `zipCode` field of `OrganizationInfo`, which the document gives as `string | integer`.
///
/// Decoding tries each form in turn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum OrganizationInfoZipCode {
    /// The value as a string.
    Text(String),
    /// The value as an integer.
    Integer(i64),
}

impl fmt::Display for OrganizationInfoZipCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Text(value) => fmt::Display::fmt(value, f),
            Self::Integer(value) => fmt::Display::fmt(value, f),
        }
    }
}
