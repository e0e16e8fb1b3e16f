//! Typed errors for vendor REST APIs, generated at compile time from a TOML spec.
//!
//! A spec lists a vendor's error codes, HTTP statuses and message templates, and says where
//! the error sits in a response body. [`#[spec]`](spec) reads it while your crate compiles
//! and fills an enum you declare (`#[errspec::spec("acme.toml")] pub enum AcmeError {}`), and
//! [`errors_from_spec!`] generates the same types named after the spec:
//!
//! - `AcmeError`: one variant per documented error, plus `Unknown` for anything else, with
//!   `decode(status, body)`, `code()`, `message()`, `kind()`, `is_retryable()`,
//!   `documented_status()` and `spec_code()`; it implements [`ApiError`];
//! - `AcmeCode`: a fieldless mirror of the variants with the spec's documentation.
//!
//! Decoding never fails: an empty body, an HTML page from a proxy or a body of another
//! shape yields an error chosen by status.
//!
//! ```
//! errspec::errors_from_spec!("igel-imi.toml");
//!
//! let body = br#"{"message": "Thin client with ID 42 not found.", "errorCode": "ITG-0A001",
//!                 "stackTrace": "at com.igel..."}"#;
//! let response = IgelImiError::decode(404, body);
//! match response.first() {
//!     IgelImiError::ThinClientNotFound { id, .. } => assert_eq!(id.as_deref(), Some("42")),
//!     other => panic!("unexpected {other}"),
//! }
//! assert_eq!(response.kind(), errspec::Kind::NotFound);
//! assert!(!response.is_retryable());
//! // Display never shows the stack trace.
//! assert_eq!(response.first().to_string(), "ITG-0A001: Thin client with ID 42 not found.");
//!
//! // An nginx page in front of the API still decodes, by status.
//! let response = IgelImiError::decode(502, b"<html><body>502 Bad Gateway</body></html>");
//! assert!(matches!(response.first(), IgelImiError::Unknown { code: None, status: 502, .. }));
//! assert!(response.is_retryable());
//! ```
//!
//! Clients read a response with `decode_http` (the `http` crate's types), `decode_parts` (its
//! status, headers and body) or, with the `reqwest` feature, `from_reqwest`; each decode
//! function takes the status as a `u16` or an `http::StatusCode` ([`Status`]); [`ErrorResponse::retry_after`] and
//! [`ErrorResponse::recovery`] say when and how to try again. Servers and mocks write errors
//! in the vendor's wire format with `to_body` and [`ErrorResponse::to_http`].
//!
//! # Features
//!
//! None is on by default.
//!
//! - `reqwest`, `reqwest-012`: `from_reqwest` for a `reqwest::Response` of reqwest 0.13, 0.12.
//! - `serde`: `Serialize` for generated errors and codes, [`ErrorResponse`], [`Kind`],
//!   [`Recovery`], [`RetryAfter`] and [`BatchItem`]s, in a stable shape for structured logs
//!   (documented on each impl).
//! - `tracing`: every decoded response is one DEBUG event of target `errspec`: API, status,
//!   code, variant, kind, retryable, number of errors, request id, `retry_after_ms`; nothing of
//!   the body's messages or fields.
//! - `tower`: `RetryPolicy`, a `tower::retry::Policy` that retries what the spec says to.
//! - `reqwest-middleware`: `RetryStrategy`, a `RetryableStrategy` of reqwest-retry, and
//!   `WaitRetryAfter`, a middleware that holds retries to the wait the response asked for.
//! - `axum`: `IntoResponse` for [`ErrorResponse`], in the vendor's wire format.
//! - `vendors`: the bundled specs' types, expanded in `errspec::vendors`.
//!
//! The spec format is described in [`spec_format`].
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_docs)]

// The public surface: what users name.
mod api_error;
mod batch;
mod error_impls;
mod response;
mod retry;
mod status;
#[cfg(feature = "vendors")]
#[cfg_attr(docsrs, doc(cfg(feature = "vendors")))]
pub mod vendors;

// The decode engine behind `__private`: the spec's tables, the body readers, the rules.
mod engine;

// One file per cargo feature (and `http`, always on).
mod integrations;

pub use api_error::ApiError;
pub use batch::{BatchItem, BatchItems};
pub use errspec_vocab::{Kind, Recovery};
/// The `http` crate, whose types `decode_http`, `decode_parts` and
/// [`ErrorResponse::to_http`] take and return.
pub use http;
#[cfg(any(feature = "reqwest", feature = "reqwest-012"))]
#[cfg_attr(docsrs, doc(cfg(any(feature = "reqwest", feature = "reqwest-012"))))]
pub use integrations::reqwest::{ReqwestResponse, MAX_BODY_READ};
#[cfg(feature = "reqwest-middleware")]
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest-middleware")))]
pub use integrations::reqwest_middleware::{RetryStrategy, WaitRetryAfter};
#[cfg(feature = "tower")]
#[cfg_attr(docsrs, doc(cfg(feature = "tower")))]
pub use integrations::tower::RetryPolicy;
/// The `reqwest` crate, whose `Response` generated `from_reqwest` methods read.
#[cfg(feature = "reqwest")]
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
pub use reqwest;
pub use response::{Classified, ErrorResponse, RAW_BODY_CAP};
pub use retry::{InvalidRetryAfter, RetryAfter, MAX_RETRY_AFTER};
pub use status::Status;

/// Fills an empty enum with the errors of a vendor spec: the types you name.
///
/// ```
/// #[errspec::spec("github.toml")]
/// /// Errors of the GitHub REST API, as this crate sees them.
/// #[derive(Eq, Hash)]
/// pub(crate) enum GitHubError {}
///
/// let response = GitHubError::decode(404, br#"{"message": "Not Found"}"#);
/// assert!(matches!(response.first(), GitHubError::NotFound { .. }));
/// let _: Option<GitHubCode> = response.first().spec_code();
/// ```
///
/// The enum's name, visibility, doc comments and attributes are yours; its variants and
/// methods are those [`errors_from_spec!`] generates, and the code enum beside it is named
/// after it (`GitHubError` gives `GitHubCode`, `GitHub` gives `GitHubCode`), with the same
/// visibility, `cfg`s and `#[non_exhaustive]` as your enum.
///
/// - The first argument is the spec's path, found as [`errors_from_spec!`] finds it.
/// - `code = "GitHubErrorCode"` names the code enum.
/// - `crate = "::path::to::errspec"` says where errspec is, when your crate reaches it
///   through another crate's re-export (a renamed dependency is found on its own).
///
/// Derives of your own work on the error enum (`Eq`, `Hash`, `serde::Serialize`, which
/// needs errspec's `serde` feature for batch items); errspec then leaves out its own impl of
/// the same trait (`Clone`, `PartialEq`, `Debug`, the `serde` feature's `Serialize`). Put the
/// attribute above your `#[derive]`s: an attribute sees only what follows it.
///
/// The enum's body must be empty, without generics; a struct or a union is refused. Each
/// misuse is one error at its place, and the types are generated all the same, so that the
/// rest of your code reports nothing else. Two expansions of one spec under two names can
/// live in one module (a spec's two versions side by side):
///
/// ```
/// #[errspec::spec("netilion.toml")]
/// enum Before {}
/// #[errspec::spec("netilion.toml", code = "AfterCodes")]
/// enum After {}
///
/// assert_eq!(BeforeCode::ALL.len(), AfterCodes::ALL.len());
/// ```
pub use errspec_macros::spec;

/// Generates the error types of a vendor spec: `errors_from_spec!("acme.toml")`.
///
/// The argument is the spec file's path, a string literal: a relative path is looked for in
/// the crate's directory, its `specs/` folder, next to the calling source file, then among
/// the specs bundled with errspec (`itcare.toml`, or just `itcare`). For a spec whose
/// `[api] name` is `Acme` it generates, in the calling module:
///
/// - `AcmeError`: one variant per documented error, plus `Unknown`, with `decode`,
///   `decode_http`, `decode_parts` (each also `_if_error`), `code()`, `message()`, `kind()`,
///   `is_retryable()`, `recovery()`, `documented_status()`, `status()`, `spec_code()`,
///   `details()`, `to_body()`; it implements [`ApiError`], `Display` (`code: message`) and
///   `std::error::Error`;
/// - `AcmeCode`: a fieldless mirror of the variants with the spec's documentation.
///
/// A mistake in the spec is a compile error at the spec's file, line and column. The spec
/// format is described in [`spec_format`]. Expanding the same spec twice in one module (or two
/// specs with the same `name`) is one error that names the types' hidden module.
///
/// ```
/// errspec::errors_from_spec!("netilion.toml");
///
/// let body = br#"{"errors": [{"type": "taken", "message": "has already been taken", "attribute": "serial_number"}]}"#;
/// match NetilionError::decode(400, body).first() {
///     NetilionError::Taken { attribute, .. } => assert_eq!(attribute.as_deref(), Some("serial_number")),
///     other => panic!("unexpected {other}"),
/// }
/// ```
#[macro_export]
macro_rules! errors_from_spec {
    ($($spec:tt)*) => {
        $crate::__private::errors_from_spec! { [$crate] $($spec)* }
    };
}

#[doc = include_str!("../docs/spec-format.md")]
pub mod spec_format {}

/// Without a `reqwest` feature, generated error types have no `from_reqwest`.
#[cfg(not(any(feature = "reqwest", feature = "reqwest-012")))]
#[doc(hidden)]
#[macro_export]
macro_rules! __from_reqwest {
    ($error:ident) => {};
}

/// Without the `serde` feature, generated types do not implement `Serialize`.
#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __serialize {
    ($($type:tt)*) => {};
}

/// What generated code calls. Not a public API: it may change in any release.
#[doc(hidden)]
pub mod __private {
    pub use crate::__error_impls as error_impls;
    pub use crate::__error_trait as error_trait;
    pub use crate::__from_reqwest as from_reqwest;
    pub use crate::__serialize as serialize;
    pub use crate::batch::NO_ITEMS;
    pub use crate::engine::decode::{decode, decode_parts, is_error, Build};
    pub use crate::engine::encode::{encode_views, StatusFormat};
    pub use crate::engine::envelope::{
        Batch, BodyFormat, Envelope, ErrorIf, Group, Mark, Part, Role, Shape, MAX_PARTS,
    };
    pub use crate::engine::headers::{
        code_header, reset as reset_header_wait, HeaderField, Headers, ResetFormat,
    };
    pub use crate::engine::lookup::CodeTable;
    pub use crate::engine::resolve::{
        code, debug, details, display, fixed_kind, fixed_recovery, fixed_retryable, is_retryable,
        kind, recovery, variant_name,
    };
    pub use crate::engine::select::Chosen;
    pub use crate::engine::spec::{Entry, Parts, Spec, View, NONE};
    #[cfg(feature = "serde")]
    pub use crate::integrations::serde::serialize_error;
    pub use crate::integrations::tracing::record;
    pub use crate::{ApiError, BatchItem, BatchItems, ErrorResponse, Kind, Recovery};
    pub use ::core::hash::Hash;
    /// The primitive types, for generated code beside user types named `u16` or `usize`.
    pub use ::core::primitive;
    pub use ::core::{include_bytes, unreachable};
    pub use ::errspec_macros::errors_from_spec;
    /// The prelude of generated code, whose module may inherit `#![no_implicit_prelude]`.
    pub use ::std::prelude::rust_2021 as prelude;
    pub use errspec_vocab::template::matches_template;
    pub use errspec_vocab::FallbackKey;
    #[cfg(feature = "serde")]
    pub use serde;
}
