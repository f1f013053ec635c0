// @generated from features/renamed_fields.yaml by `cargo xtask codegen`. Do not edit by hand.

//! The types of the service's requests and responses.

use serde::{Deserialize, Serialize};

/// The `Thing` object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Thing {
    /// Also accepted under the wire name `website`.
    #[serde(
        rename = "webSite",
        alias = "website",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub web_site: Option<String>,
    /// The `type` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// The `self` field.
    #[serde(rename = "self", default, skip_serializing_if = "Option::is_none")]
    pub self_: Option<String>,
    /// The `_links` field.
    #[serde(rename = "_links", default, skip_serializing_if = "Option::is_none")]
    pub links: Option<String>,
    /// The `accountowner` field.
    #[serde(rename = "accountowner", default, skip_serializing_if = "Option::is_none")]
    pub account_owner: Option<String>,
}
