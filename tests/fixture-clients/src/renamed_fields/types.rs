// @generated from features/renamed_fields.yaml by `cargo xtask codegen`. Do not edit by hand.

//! The types of the service's requests and responses.

use serde::Serialize;

/// The `Thing` object.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Thing {
    /// Also accepted under the wire name `website`; when several arrive, `webSite` wins, then the others in this order.
    #[serde(rename = "webSite", default, skip_serializing_if = "Option::is_none")]
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

/// The wire form of [`Thing`]: a field for each name a field goes by, so that a value arriving under either name, or both, decodes.
#[derive(serde::Deserialize)]
struct ThingWire {
    #[serde(rename = "webSite", default)]
    web_site: Option<String>,
    #[serde(rename = "website", default)]
    web_site_alias_1: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    r#type: Option<String>,
    #[serde(rename = "self", default, skip_serializing_if = "Option::is_none")]
    self_: Option<String>,
    #[serde(rename = "_links", default, skip_serializing_if = "Option::is_none")]
    links: Option<String>,
    #[serde(rename = "accountowner", default, skip_serializing_if = "Option::is_none")]
    account_owner: Option<String>,
}

impl<'de> serde::Deserialize<'de> for Thing {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        let wire = ThingWire::deserialize(deserializer)?;
        Ok(Self {
            web_site: wire.web_site.or(wire.web_site_alias_1),
            r#type: wire.r#type,
            self_: wire.self_,
            links: wire.links,
            account_owner: wire.account_owner,
        })
    }
}
