// @generated from features/ by `cargo xtask codegen`. Do not edit by hand.

//! Typed clients for Auth Api Key Header, Auth Api Key Query, Auth Basic, Auth Bearer, Auth Client Credentials, Auth None, Auth Refresh Token, Clearable Fields, Common Params, Dates, Enums, Envelopes, Error Integer Codes, Error Table, Files, Header Params, Maps, Nested Objects And Arrays, No Content, Optional And Nullable, Pagination Cursor, Pagination Link Header, Pagination Next Link, Pagination Offset Limit, Pagination Page Number, Parameters And Body, Polling, Query Arrays, Rate Limited, Renamed Fields, Tagged Unions, Unions, generated from the specs in `features/` by `cargo xtask codegen`.
//!
//! Each service is a module behind a cargo feature of the same name (all on by default):
//!
//! | Module | Service | Feature |
//! |---|---|---|
//! | [`auth_api_key_header`] | Auth Api Key Header | `auth_api_key_header` |
//! | [`auth_api_key_query`] | Auth Api Key Query | `auth_api_key_query` |
//! | [`auth_basic`] | Auth Basic | `auth_basic` |
//! | [`auth_bearer`] | Auth Bearer | `auth_bearer` |
//! | [`auth_client_credentials`] | Auth Client Credentials | `auth_client_credentials` |
//! | [`auth_none`] | Auth None | `auth_none` |
//! | [`auth_refresh_token`] | Auth Refresh Token | `auth_refresh_token` |
//! | [`clearable_fields`] | Clearable Fields | `clearable_fields` |
//! | [`common_params`] | Common Params | `common_params` |
//! | [`dates`] | Dates | `dates` |
//! | [`enums`] | Enums | `enums` |
//! | [`envelopes`] | Envelopes | `envelopes` |
//! | [`error_integer_codes`] | Error Integer Codes | `error_integer_codes` |
//! | [`error_table`] | Error Table | `error_table` |
//! | [`files`] | Files | `files` |
//! | [`header_params`] | Header Params | `header_params` |
//! | [`maps`] | Maps | `maps` |
//! | [`nested_objects_and_arrays`] | Nested Objects And Arrays | `nested_objects_and_arrays` |
//! | [`no_content`] | No Content | `no_content` |
//! | [`optional_and_nullable`] | Optional And Nullable | `optional_and_nullable` |
//! | [`pagination_cursor`] | Pagination Cursor | `pagination_cursor` |
//! | [`pagination_link_header`] | Pagination Link Header | `pagination_link_header` |
//! | [`pagination_next_link`] | Pagination Next Link | `pagination_next_link` |
//! | [`pagination_offset_limit`] | Pagination Offset Limit | `pagination_offset_limit` |
//! | [`pagination_page_number`] | Pagination Page Number | `pagination_page_number` |
//! | [`parameters_and_body`] | Parameters And Body | `parameters_and_body` |
//! | [`polling`] | Polling | `polling` |
//! | [`query_arrays`] | Query Arrays | `query_arrays` |
//! | [`rate_limited`] | Rate Limited | `rate_limited` |
//! | [`renamed_fields`] | Renamed Fields | `renamed_fields` |
//! | [`tagged_unions`] | Tagged Unions | `tagged_unions` |
//! | [`unions`] | Unions | `unions` |
//!
//! The [`runtime`] (the `client-runtime` crate) sends requests, authorizes them, decodes responses and pages lists.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub use client_runtime as runtime;

#[cfg(feature = "auth_api_key_header")]
#[rustfmt::skip]
pub mod auth_api_key_header;

#[cfg(feature = "auth_api_key_query")]
#[rustfmt::skip]
pub mod auth_api_key_query;

#[cfg(feature = "auth_basic")]
#[rustfmt::skip]
pub mod auth_basic;

#[cfg(feature = "auth_bearer")]
#[rustfmt::skip]
pub mod auth_bearer;

#[cfg(feature = "auth_client_credentials")]
#[rustfmt::skip]
pub mod auth_client_credentials;

#[cfg(feature = "auth_none")]
#[rustfmt::skip]
pub mod auth_none;

#[cfg(feature = "auth_refresh_token")]
#[rustfmt::skip]
pub mod auth_refresh_token;

#[cfg(feature = "clearable_fields")]
#[rustfmt::skip]
pub mod clearable_fields;

#[cfg(feature = "common_params")]
#[rustfmt::skip]
pub mod common_params;

#[cfg(feature = "dates")]
#[rustfmt::skip]
pub mod dates;

#[cfg(feature = "enums")]
#[rustfmt::skip]
pub mod enums;

#[cfg(feature = "envelopes")]
#[rustfmt::skip]
pub mod envelopes;

#[cfg(feature = "error_integer_codes")]
#[rustfmt::skip]
pub mod error_integer_codes;

#[cfg(feature = "error_table")]
#[rustfmt::skip]
pub mod error_table;

#[cfg(feature = "files")]
#[rustfmt::skip]
pub mod files;

#[cfg(feature = "header_params")]
#[rustfmt::skip]
pub mod header_params;

#[cfg(feature = "maps")]
#[rustfmt::skip]
pub mod maps;

#[cfg(feature = "nested_objects_and_arrays")]
#[rustfmt::skip]
pub mod nested_objects_and_arrays;

#[cfg(feature = "no_content")]
#[rustfmt::skip]
pub mod no_content;

#[cfg(feature = "optional_and_nullable")]
#[rustfmt::skip]
pub mod optional_and_nullable;

#[cfg(feature = "pagination_cursor")]
#[rustfmt::skip]
pub mod pagination_cursor;

#[cfg(feature = "pagination_link_header")]
#[rustfmt::skip]
pub mod pagination_link_header;

#[cfg(feature = "pagination_next_link")]
#[rustfmt::skip]
pub mod pagination_next_link;

#[cfg(feature = "pagination_offset_limit")]
#[rustfmt::skip]
pub mod pagination_offset_limit;

#[cfg(feature = "pagination_page_number")]
#[rustfmt::skip]
pub mod pagination_page_number;

#[cfg(feature = "parameters_and_body")]
#[rustfmt::skip]
pub mod parameters_and_body;

#[cfg(feature = "polling")]
#[rustfmt::skip]
pub mod polling;

#[cfg(feature = "query_arrays")]
#[rustfmt::skip]
pub mod query_arrays;

#[cfg(feature = "rate_limited")]
#[rustfmt::skip]
pub mod rate_limited;

#[cfg(feature = "renamed_fields")]
#[rustfmt::skip]
pub mod renamed_fields;

#[cfg(feature = "tagged_unions")]
#[rustfmt::skip]
pub mod tagged_unions;

#[cfg(feature = "unions")]
#[rustfmt::skip]
pub mod unions;
