//! Typed clients for Zoho CRM, Zoho Contracts, Zoho Inventory, Zoho People and Help Scout.
//!
//! The service modules are written by `cargo xtask codegen` from the specs in `specs/`;
//! the generator that emits them is the subject of the next milestone. Until then this
//! crate only reserves its place in the workspace.
#![forbid(unsafe_code)]
