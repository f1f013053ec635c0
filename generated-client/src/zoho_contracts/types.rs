// @generated from specs/zoho_contracts.yaml by `cargo xtask codegen`. Do not edit by hand.

//! The types of the service's requests and responses.

use std::fmt;
use serde::{Deserialize, Serialize};

/// The details of the organization.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct OrganizationInfo {
    /// Represents the name of the organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Represents the unique ID of the organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Represents the address details of the organization.
    ///
    /// Format: `country-code`.
    ///
    /// Not stated by the document: which country codes: the sample says "String (country code)"; the two-letter ISO 3166-1 form is our reading.
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
    /// Also accepted under the wire name `webSite`; when several arrive, `website` wins, then the others in this order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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

/// The wire form of [`OrganizationInfo`]: a field for each name a field goes by, so that a value arriving under either name, or both, decodes.
#[derive(serde::Deserialize)]
struct OrganizationInfoWire {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    state: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    address: Option<String>,
    #[serde(rename = "buildingNo", default, skip_serializing_if = "Option::is_none")]
    building_no: Option<String>,
    #[serde(rename = "zipCode", default, skip_serializing_if = "Option::is_none")]
    zip_code: Option<OrganizationInfoZipCode>,
    #[serde(rename = "website", default)]
    website: Option<String>,
    #[serde(rename = "webSite", default)]
    website_alias_1: Option<String>,
    #[serde(rename = "apiName", default, skip_serializing_if = "Option::is_none")]
    api_name: Option<String>,
    #[serde(rename = "phoneNumber", default, skip_serializing_if = "Option::is_none")]
    phone_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    currency: Option<Currency>,
    #[serde(rename = "orgURL", default, skip_serializing_if = "Option::is_none")]
    org_url: Option<String>,
    #[serde(rename = "accountowner", default, skip_serializing_if = "Option::is_none")]
    account_owner: Option<AccountOwner>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    zoid: Option<i64>,
}

impl<'de> serde::Deserialize<'de> for OrganizationInfo {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        let wire = OrganizationInfoWire::deserialize(deserializer)?;
        Ok(Self {
            name: wire.name,
            id: wire.id,
            country: wire.country,
            city: wire.city,
            state: wire.state,
            address: wire.address,
            building_no: wire.building_no,
            zip_code: wire.zip_code,
            website: wire.website.or(wire.website_alias_1),
            api_name: wire.api_name,
            phone_number: wire.phone_number,
            currency: wire.currency,
            org_url: wire.org_url,
            account_owner: wire.account_owner,
            zoid: wire.zoid,
        })
    }
}

/// Represents the name, symbol, ISO code, default whole number, and decimal places for each currency field.
///
/// Not stated by the document: the keys and their descriptions, read from the sample and the object's description.
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
///
/// Not stated by the document: the keys and their descriptions, read from the sample and the object's description.
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
