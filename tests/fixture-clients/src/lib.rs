// @generated from features/ by `cargo xtask codegen`. Do not edit by hand.

//! Typed clients for Common Params, Enums, Envelopes, Error Table, Nested Objects And Arrays, No Content, Optional And Nullable, Pagination Offset Limit, Pagination Page Number, Parameters And Body, Renamed Fields, Unions, generated from the specs in `features/` by `cargo xtask codegen`.
//!
//! Each service is a module behind a cargo feature of the same name (all on by default):
//!
//! | Module | Service | Feature |
//! |---|---|---|
//! | [`common_params`] | Common Params | `common_params` |
//! | [`enums`] | Enums | `enums` |
//! | [`envelopes`] | Envelopes | `envelopes` |
//! | [`error_table`] | Error Table | `error_table` |
//! | [`nested_objects_and_arrays`] | Nested Objects And Arrays | `nested_objects_and_arrays` |
//! | [`no_content`] | No Content | `no_content` |
//! | [`optional_and_nullable`] | Optional And Nullable | `optional_and_nullable` |
//! | [`pagination_offset_limit`] | Pagination Offset Limit | `pagination_offset_limit` |
//! | [`pagination_page_number`] | Pagination Page Number | `pagination_page_number` |
//! | [`parameters_and_body`] | Parameters And Body | `parameters_and_body` |
//! | [`renamed_fields`] | Renamed Fields | `renamed_fields` |
//! | [`unions`] | Unions | `unions` |
//!
//! The [`runtime`] (the `client-runtime` crate) sends requests, authorizes them, decodes responses and pages lists.

#![forbid(unsafe_code)]
#![warn(missing_docs)]
pub use client_runtime as runtime;

#[cfg(feature = "common_params")]
#[rustfmt::skip]
pub mod common_params;

#[cfg(feature = "enums")]
#[rustfmt::skip]
pub mod enums;

#[cfg(feature = "envelopes")]
#[rustfmt::skip]
pub mod envelopes;

#[cfg(feature = "error_table")]
#[rustfmt::skip]
pub mod error_table;

#[cfg(feature = "nested_objects_and_arrays")]
#[rustfmt::skip]
pub mod nested_objects_and_arrays;

#[cfg(feature = "no_content")]
#[rustfmt::skip]
pub mod no_content;

#[cfg(feature = "optional_and_nullable")]
#[rustfmt::skip]
pub mod optional_and_nullable;

#[cfg(feature = "pagination_offset_limit")]
#[rustfmt::skip]
pub mod pagination_offset_limit;

#[cfg(feature = "pagination_page_number")]
#[rustfmt::skip]
pub mod pagination_page_number;

#[cfg(feature = "parameters_and_body")]
#[rustfmt::skip]
pub mod parameters_and_body;

#[cfg(feature = "renamed_fields")]
#[rustfmt::skip]
pub mod renamed_fields;

#[cfg(feature = "unions")]
#[rustfmt::skip]
pub mod unions;
