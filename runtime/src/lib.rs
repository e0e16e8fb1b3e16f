//! Typed errors for vendor REST APIs, generated at compile time from a TOML spec.
//!
//! A spec lists a vendor's error codes, HTTP statuses and message templates, and says where
//! the error sits in a response body. [`errors_from_spec!`] reads it while your crate
//! compiles and generates, for a spec named `Acme`:
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
//! Clients read a response with `decode_http` (the `http` crate's types) or, with the
//! `reqwest` feature, `from_reqwest`; [`ErrorResponse::retry_after`] and
//! [`ErrorResponse::recovery`] say when and how to try again. Servers and mocks write errors
//! in the vendor's wire format with `to_body` and [`ErrorResponse::to_http`].
//!
//! The spec format is described in the repository's `specs/README.md`.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

// Generated code names this crate `::errspec`, also when it expands the bundled vendors here.
extern crate self as errspec;

mod api_error;
mod batch;
mod code_info;
mod encode;
mod envelope;
mod http_response;
mod kind;
mod lookup;
mod read;
mod recovery;
#[cfg(feature = "reqwest")]
mod reqwest_client;
mod response;
mod retry;
mod status;
mod template;
#[cfg(feature = "vendors")]
pub mod vendors;

pub use api_error::ApiError;
pub use batch::BatchItem;
pub use errspec_macros::errors_from_spec;
/// The `http` crate, whose types `decode_http`, `decode_parts` and
/// [`ErrorResponse::to_http`] take and return.
pub use http;
pub use kind::Kind;
pub use recovery::Recovery;
/// The `reqwest` crate, whose `Response` generated `from_reqwest` methods read.
#[cfg(feature = "reqwest")]
pub use reqwest;
#[cfg(feature = "reqwest")]
pub use reqwest_client::MAX_BODY_READ;
pub use response::{ErrorResponse, RAW_BODY_CAP};
pub use retry::{InvalidRetryAfter, RetryAfter, MAX_RETRY_AFTER};

/// Without the `reqwest` feature, generated error types have no `from_reqwest`.
#[cfg(not(feature = "reqwest"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __from_reqwest {
    ($error:ident) => {};
}

/// What generated code calls. Not a public API: it may change in any release.
#[doc(hidden)]
pub mod __private {
    pub use crate::__from_reqwest as from_reqwest;
    pub use crate::code_info::CodeInfo;
    pub use crate::encode::{encode, Encoding, StatusFormat, Wire};
    pub use crate::envelope::{Batch, Envelope, Part, RawError, Role, MAX_PARTS};
    pub use crate::lookup::CodeTable;
    pub use crate::read::{read_errors, Build};
    #[cfg(feature = "reqwest")]
    pub use crate::reqwest_client::read_response;
    pub use crate::status::{canonical_reason, default_message, message_or, message_or_reason};
    pub use crate::template::{match_template, matches_template, normalize_message};
    pub use crate::{ApiError, BatchItem, ErrorResponse, Kind, Recovery};

    /// Decodes `body` into errors built by `build(raw, response_status)`: one per readable
    /// error in the body, or a single one built from [`RawError::empty`] when it holds none.
    pub fn decode<E, const F: usize>(
        envelope: &Envelope<'_>,
        status: u16,
        body: &[u8],
        build: fn(RawError<'_, F>, u16) -> E,
    ) -> ErrorResponse<E> {
        let errors = read_errors(envelope, body, &mut |raw| build(raw, status));
        ErrorResponse::from_errors(status, errors).unwrap_or_else(|| {
            ErrorResponse::new(status, build(RawError::empty(), status)).with_raw_body(body)
        })
    }
}
