// @generated from features/tagged_unions.yaml by `cargo xtask codegen`. Do not edit by hand.

//! The types of the service's requests and responses.

use serde::{Deserialize, Serialize};

/// How an order is paid.
///
/// An object's `type` says which variant it is. A `type` the document does not list decodes as [`Payment::Unknown`], which keeps the object as sent; an object without `type` does not decode.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Payment {
    /// `type` is `card`: a [`CardPayment`].
    Card(CardPayment),
    /// `type` is `bank_transfer`: a [`BankTransfer`].
    BankTransfer(BankTransfer),
    /// A tag the document does not list (a kind the server added later).
    Unknown {
        /// The tag as sent.
        tag: String,
        /// The whole object as sent, the tag included; sent back as it is.
        raw: serde_json::Value,
    },
}

impl Payment {
    /// The value of `type`: which variant this is.
    pub fn tag(&self) -> &str {
        match self {
            Self::Card(_) => "card",
            Self::BankTransfer(_) => "bank_transfer",
            Self::Unknown { tag, .. } => tag,
        }
    }
}

impl<'de> Deserialize<'de> for Payment {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        let object: serde_json::Map<String, serde_json::Value> = Deserialize::deserialize(
            deserializer,
        )?;
        let tag = match object.get("type") {
            Some(serde_json::Value::String(tag)) => tag.clone(),
            Some(other) => {
                return Err(
                    serde::de::Error::custom(
                        format_args!(
                            "the tag `type` of `Payment` is not a string: {other}"
                        ),
                    ),
                );
            }
            None => {
                return Err(
                    serde::de::Error::custom(
                        "missing field `type`, the tag that says which variant of `Payment` this is",
                    ),
                );
            }
        };
        let object = serde_json::Value::Object(object);
        match tag.as_str() {
            "card" => {
                serde_json::from_value(object)
                    .map(Self::Card)
                    .map_err(|error| serde::de::Error::custom(
                        format_args!("the `card` variant (`CardPayment`): {error}"),
                    ))
            }
            "bank_transfer" => {
                serde_json::from_value(object)
                    .map(Self::BankTransfer)
                    .map_err(|error| serde::de::Error::custom(
                        format_args!(
                            "the `bank_transfer` variant (`BankTransfer`): {error}"
                        ),
                    ))
            }
            _ => Ok(Self::Unknown { tag, raw: object }),
        }
    }
}

impl Serialize for Payment {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        /// A variant as sent: the tag, then the fields of its object.
        #[derive(Serialize)]
        struct Tagged<'a, T> {
            #[serde(rename = "type")]
            tag: &'a str,
            #[serde(flatten)]
            form: &'a T,
        }
        match self {
            Self::Card(form) => Tagged { tag: "card", form }.serialize(serializer),
            Self::BankTransfer(form) => {
                Tagged {
                    tag: "bank_transfer",
                    form,
                }
                    .serialize(serializer)
            }
            Self::Unknown { raw, .. } => raw.serialize(serializer),
        }
    }
}

/// A payment by card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CardPayment {
    /// The last four digits of the card number.
    pub last4: String,
    /// The card's network (`visa`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand: Option<String>,
}

impl CardPayment {
    /// A `CardPayment` with its required fields (`last4`); set the others to send them.
    pub fn new(last4: impl Into<String>) -> Self {
        Self {
            last4: last4.into(),
            brand: None,
        }
    }
}

/// A payment by bank transfer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BankTransfer {
    /// The `iban` field.
    pub iban: String,
    /// What the transfer says it is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

impl BankTransfer {
    /// A `BankTransfer` with its required fields (`iban`); set the others to send them.
    pub fn new(iban: impl Into<String>) -> Self {
        Self {
            iban: iban.into(),
            reference: None,
        }
    }
}

/// The `Order` object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Order {
    /// The `id` field.
    pub id: i64,
    /// The `payment` field.
    pub payment: Payment,
    /// Refunds made, each the way it was paid back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refunds: Option<Vec<Payment>>,
}

impl Order {
    /// A `Order` with its required fields (`id`, `payment`); set the others to send them.
    pub fn new(id: i64, payment: Payment) -> Self {
        Self { id, payment, refunds: None }
    }
}

/// An order to place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NewOrder {
    /// The `payment` field.
    pub payment: Payment,
}

impl NewOrder {
    /// A `NewOrder` with its required fields (`payment`); set the others to send them.
    pub fn new(payment: Payment) -> Self {
        Self { payment }
    }
}
