//! What the hostile-input tests (`tests/integration/hostile.rs`), the property tests
//! (`tests/integration/hostile_props.rs`) and the fuzz targets (`fuzz/`) share: the bundled vendors, bodies
//! in each vendor's envelope, and the promise every decoded response keeps whatever the input.

use core::fmt;

use errspec::{ApiError, ErrorResponse, Kind, RAW_BODY_CAP};
use serde_json::json;

use crate::github::{GitHubCode, GitHubError};
use crate::igel_imi::{IgelImiCode, IgelImiError};
use crate::itcare::{ItcareCode, ItcareError};
use crate::itsm_ng::{ItsmNgCode, ItsmNgError};
use crate::jira::{JiraCode, JiraError};
use crate::netilion::{NetilionCode, NetilionError};
use crate::problem::{ProblemCode, ProblemError};
use crate::telecomx::{TelecomXCode, TelecomXError};

/// A stack trace planted in bodies where IGEL sends one: it must never reach `Display`.
pub const STACK_TRACE: &str = "java.lang.IllegalStateException: PLANTED-TRACE\n\tat com.igel.rm.rest.RestExceptionHandler.handle(RestExceptionHandler.java:57)";

/// The marker of [`STACK_TRACE`].
const PLANTED: &str = "PLANTED-TRACE";

/// A bundled vendor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vendor {
    /// ITSM-NG.
    ItsmNg,
    /// IGEL IMI.
    IgelImi,
    /// cegedim.cloud `ITCare`.
    Itcare,
    /// Telecom X.
    TelecomX,
    /// Netilion.
    Netilion,
    /// The GitHub REST API.
    GitHub,
    /// Jira Cloud.
    Jira,
    /// RFC 9457 problem details.
    Problem,
}

/// Every bundled vendor, in the order of `errspec_codegen::bundled::BUNDLED`, the one list of
/// bundled specs (`tests/tests/integration/bundled.rs` holds this and every other list of
/// vendors to it).
pub const VENDORS: [Vendor; 8] = [
    Vendor::ItsmNg,
    Vendor::IgelImi,
    Vendor::Itcare,
    Vendor::TelecomX,
    Vendor::Netilion,
    Vendor::GitHub,
    Vendor::Jira,
    Vendor::Problem,
];

/// A decoded response that kept the promise, as plain values.
#[derive(Debug, Clone, PartialEq)]
pub struct Kept {
    /// The response's status.
    pub status: u16,
    /// Its errors.
    pub errors: Vec<KeptError>,
    /// What `raw_body()` kept.
    pub raw_body: Vec<u8>,
    /// The response's `Display`.
    pub shown: String,
}

/// One decoded error.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptError {
    /// The variant's name.
    pub variant: &'static str,
    /// `code()`.
    pub code: Option<String>,
    /// `message()`.
    pub message: String,
    /// `status()`.
    pub status: u16,
    /// `kind()`.
    pub kind: Kind,
    /// `Display`.
    pub shown: String,
    /// `details()`.
    pub details: Vec<(&'static str, Option<String>)>,
    /// How many batch items it holds.
    pub items: usize,
}

impl Kept {
    /// Checks the promise every response keeps, whatever the input, and summarizes it: at
    /// least one error, each with a message and a `Display` of `code: message` (never a stack
    /// trace), a raw body kept only as the body's start and capped.
    ///
    /// # Panics
    /// When the response breaks the promise.
    pub fn new<E: ApiError + fmt::Display>(
        status: u16,
        body: &[u8],
        response: &ErrorResponse<E>,
    ) -> Self {
        assert_eq!(response.status(), status);
        assert!(!response.errors().is_empty(), "a response without errors");
        assert!(core::ptr::eq(response.first(), response.errors().as_ptr()));
        let raw_body = response.raw_body();
        assert!(
            raw_body.len() <= RAW_BODY_CAP,
            "raw body of {} bytes",
            raw_body.len()
        );
        assert!(
            body.starts_with(raw_body),
            "the raw body is not the body's start"
        );
        let shown = response.to_string();
        // Only a document (JSON or XML) is ever read: a body of plain text that happens to be
        // what `Display` shows (`HTTP 400: Bad Request`) was not shown from the body.
        let document = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
        let read = matches!(
            document.trim_ascii_start().first(),
            Some(b'{' | b'[' | b'<')
        );
        if !raw_body.is_empty() && read {
            assert_ne!(shown.as_bytes(), body, "Display shows the raw body");
        }
        let errors = response.errors().iter().map(checked_error).collect();
        Kept {
            status,
            errors,
            raw_body: raw_body.to_vec(),
            shown,
        }
    }

    /// The only error.
    ///
    /// # Panics
    /// When the response holds more than one.
    #[must_use]
    pub fn single(&self) -> &KeptError {
        assert_eq!(self.errors.len(), 1, "expected one error: {self:#?}");
        &self.errors[0]
    }

    /// The value of the only error's detail `name`.
    ///
    /// # Panics
    /// When the response holds more than one error.
    #[must_use]
    pub fn detail(&self, name: &str) -> Option<&str> {
        self.single()
            .details
            .iter()
            .find(|(field, _)| *field == name)
            .and_then(|(_, value)| value.as_deref())
    }
}

/// One error checked against the promise.
fn checked_error<E: ApiError + fmt::Display>(error: &E) -> KeptError {
    let message = error.message();
    assert!(!message.is_empty(), "an empty message: {error:?}");
    let shown = error.to_string();
    match error.code() {
        Some(code) => assert_eq!(shown, format!("{code}: {message}")),
        None => assert_eq!(shown, message),
    }
    // A stack trace is never shown, unless the code or message itself carries the marker.
    let planted =
        error.code().is_some_and(|code| code.contains(PLANTED)) || message.contains(PLANTED);
    assert!(
        planted || !shown.contains(PLANTED),
        "Display shows the stack trace: {shown}"
    );
    KeptError {
        variant: error.variant_name(),
        code: error.code().map(str::to_owned),
        message: message.to_owned(),
        status: error.status(),
        kind: error.kind(),
        shown,
        details: error
            .details()
            .into_iter()
            .map(|(name, value)| (name, value.map(str::to_owned)))
            .collect(),
        items: error.items().len(),
    }
}

impl Vendor {
    /// The bundled spec's file name (`itsm-ng.toml`).
    #[must_use]
    pub fn spec_file(self) -> &'static str {
        match self {
            Vendor::ItsmNg => "itsm-ng.toml",
            Vendor::IgelImi => "igel-imi.toml",
            Vendor::Itcare => "itcare.toml",
            Vendor::TelecomX => "telecomx.toml",
            Vendor::Netilion => "netilion.toml",
            Vendor::GitHub => "github.toml",
            Vendor::Jira => "jira.toml",
            Vendor::Problem => "problem.toml",
        }
    }

    /// Whether the vendor's errors carry a code: Jira's carry messages only, told apart by
    /// their templates.
    #[must_use]
    pub fn reads_codes(self) -> bool {
        self != Vendor::Jira
    }

    /// Decodes a response with this vendor's generated types and checks the promise.
    ///
    /// # Panics
    /// When the response breaks the promise.
    // Not `must_use`: many tests call it for the promise alone.
    #[allow(clippy::must_use_candidate)]
    pub fn decode(self, status: u16, body: &[u8]) -> Kept {
        match self {
            Vendor::ItsmNg => Kept::new(status, body, &ItsmNgError::decode(status, body)),
            Vendor::IgelImi => Kept::new(status, body, &IgelImiError::decode(status, body)),
            Vendor::Itcare => Kept::new(status, body, &ItcareError::decode(status, body)),
            Vendor::TelecomX => Kept::new(status, body, &TelecomXError::decode(status, body)),
            Vendor::Netilion => Kept::new(status, body, &NetilionError::decode(status, body)),
            Vendor::GitHub => Kept::new(status, body, &GitHubError::decode(status, body)),
            Vendor::Jira => Kept::new(status, body, &JiraError::decode(status, body)),
            Vendor::Problem => Kept::new(status, body, &ProblemError::decode(status, body)),
        }
    }

    /// A body holding one error in this vendor's envelope, built from raw JSON fragments for
    /// the code, the message and (where the envelope has one) the status inside the error.
    /// GitHub's coded errors are nested in a validation failure without a message of its own;
    /// Jira's errors have no code, so `code` is left out.
    #[must_use]
    pub fn raw(self, code: &str, message: &str, status: Option<&str>) -> Vec<u8> {
        let status = status.map(|status| format!(r#""status": {status}, "#));
        let status = status.as_deref().unwrap_or("");
        match self {
            Vendor::ItsmNg => format!("[{code}, {message}]"),
            Vendor::IgelImi => format!(
                r#"{{"message": {message}, "errorCode": {code}, "stackTrace": {}}}"#,
                json!(STACK_TRACE)
            ),
            Vendor::Itcare => format!(
                r#"{{{status}"errorCode": {code}, "errorDesc": "name", "errorMessage": {message}}}"#
            ),
            Vendor::TelecomX => {
                format!(r#"{{"error": {{"code": {code}, {status}"message": {message}}}}}"#)
            }
            Vendor::Netilion => format!(
                r#"{{"errors": [{{"type": {code}, "message": {message}, "attribute": "name"}}]}}"#
            ),
            Vendor::GitHub => format!(
                r#"{{{status}"errors": [{{"resource": "Issue", "code": {code}, "message": {message}}}]}}"#
            ),
            Vendor::Jira => format!(r#"{{"errorMessages": [{message}], "errors": {{}}}}"#),
            Vendor::Problem => format!(
                r#"{{"type": {code}, "title": "A problem", {status}"detail": {message}}}"#
            ),
        }
        .into_bytes()
    }

    /// A body holding one error with `message` and no code: where errors are told apart by
    /// their messages (GitHub's, Jira's), the vendor's own shape; elsewhere a `null` code.
    #[must_use]
    pub fn message_body(self, message: &str) -> Vec<u8> {
        let message = json!(message);
        match self {
            Vendor::GitHub => format!(r#"{{"message": {message}}}"#).into_bytes(),
            _ => self.raw("null", &message.to_string(), None),
        }
    }

    /// A body holding one error with `code` and `message`, escaped as JSON.
    #[must_use]
    pub fn body(self, code: &str, message: &str) -> Vec<u8> {
        self.raw(&json!(code).to_string(), &json!(message).to_string(), None)
    }

    /// The documented wire codes, but the `multiple` wrapper.
    #[must_use]
    pub fn codes(self) -> Vec<&'static str> {
        let codes: Vec<&'static str> = match self {
            Vendor::ItsmNg => ItsmNgCode::ALL.iter().map(|code| code.as_str()).collect(),
            Vendor::IgelImi => IgelImiCode::ALL.iter().map(|code| code.as_str()).collect(),
            Vendor::Itcare => ItcareCode::ALL.iter().map(|code| code.as_str()).collect(),
            Vendor::TelecomX => TelecomXCode::ALL.iter().map(|code| code.as_str()).collect(),
            Vendor::Netilion => NetilionCode::ALL.iter().map(|code| code.as_str()).collect(),
            Vendor::GitHub => GitHubCode::ALL.iter().map(|code| code.as_str()).collect(),
            Vendor::Jira => JiraCode::ALL.iter().map(|code| code.as_str()).collect(),
            Vendor::Problem => ProblemCode::ALL.iter().map(|code| code.as_str()).collect(),
        };
        codes
            .into_iter()
            .filter(|code| *code != "multiple")
            .collect()
    }

    /// The templated codes and their templates.
    #[must_use]
    pub fn templates(self) -> Vec<(&'static str, &'static str)> {
        macro_rules! templated {
            ($code:ty) => {
                <$code>::ALL
                    .iter()
                    .filter_map(|code| Some((code.as_str(), code.template()?)))
                    .collect()
            };
        }
        match self {
            Vendor::ItsmNg => templated!(ItsmNgCode),
            Vendor::IgelImi => templated!(IgelImiCode),
            Vendor::Itcare => templated!(ItcareCode),
            Vendor::TelecomX => templated!(TelecomXCode),
            Vendor::Netilion => templated!(NetilionCode),
            Vendor::GitHub => templated!(GitHubCode),
            Vendor::Jira => templated!(JiraCode),
            Vendor::Problem => templated!(ProblemCode),
        }
    }

    /// The variant and code a body without a readable code decodes to, by the status it
    /// arrived with: whatever the empty body decodes to (`[fallback.missing]`, else
    /// `Unknown { code: None, .. }` of the status's kind).
    ///
    /// # Panics
    /// When the empty body breaks the promise, or decodes to an `Unknown` of another kind.
    #[must_use]
    pub fn by_status(self, status: u16) -> (&'static str, Option<String>) {
        let decoded = self.decode(status, b"");
        let error = decoded.single();
        if error.variant == "Unknown" {
            assert_eq!(error.code, None);
            assert_eq!(error.kind, Kind::from_status(status));
        }
        (error.variant, error.code.clone())
    }
}

/// Decodes `body` as `E` (no headers) and checks the promise, then writes its errors back
/// (`encode_errors`) and checks the promise on decoding that; the first response.
///
/// # Panics
/// When either response breaks the promise.
#[must_use]
pub fn decoded_and_again<E: ApiError + fmt::Display>(status: u16, body: &[u8]) -> ErrorResponse<E> {
    let headers = errspec::http::HeaderMap::new();
    let response = E::decode_parts(status, &headers, body);
    let _ = Kept::new(status, body, &response);
    let written = E::encode_errors(status, response.errors());
    let again = E::decode_parts(status, &headers, &written);
    let _ = Kept::new(status, &written, &again);
    response
}

/// A fuzz input as a response: the first two bytes are the status (big endian), the rest is
/// the body. Shorter inputs are a body with status 0.
#[must_use]
pub fn split(data: &[u8]) -> (u16, &[u8]) {
    match data {
        [high, low, body @ ..] => (u16::from_be_bytes([*high, *low]), body),
        _ => (0, data),
    }
}
