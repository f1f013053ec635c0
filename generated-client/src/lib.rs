// @generated from specs/ by `cargo xtask codegen`. Do not edit by hand.

//! Typed clients for Help Scout: organizations, Zoho Contracts: organization info, Zoho CRM: Zia org enrichment, Zoho Inventory: organizations, Zoho People: organization structure, generated from the specs in `specs/` by `cargo xtask codegen`.
//!
//! Each service is a module behind a cargo feature of the same name (all on by default):
//!
//! | Module | Service | Feature |
//! |---|---|---|
//! | [`help_scout`] | Help Scout: organizations | `help_scout` |
//! | [`zoho_contracts`] | Zoho Contracts: organization info | `zoho_contracts` |
//! | [`zoho_crm`] | Zoho CRM: Zia org enrichment | `zoho_crm` |
//! | [`zoho_inventory`] | Zoho Inventory: organizations | `zoho_inventory` |
//! | [`zoho_people`] | Zoho People: organization structure | `zoho_people` |
//!
//! The [`runtime`] (the `client-runtime` crate) sends requests, authorizes them, decodes responses and pages lists.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub use client_runtime as runtime;

#[cfg(feature = "help_scout")]
#[rustfmt::skip]
pub mod help_scout;

#[cfg(feature = "zoho_contracts")]
#[rustfmt::skip]
pub mod zoho_contracts;

#[cfg(feature = "zoho_crm")]
#[rustfmt::skip]
pub mod zoho_crm;

#[cfg(feature = "zoho_inventory")]
#[rustfmt::skip]
pub mod zoho_inventory;

#[cfg(feature = "zoho_people")]
#[rustfmt::skip]
pub mod zoho_people;
