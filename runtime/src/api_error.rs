use std::time::Duration;

use http::HeaderMap;

use crate::batch::NO_ITEMS;
use crate::{BatchItems, ErrorResponse, Kind, Recovery, Status};

/// What every generated error type offers, for code that handles any vendor.
pub trait ApiError: std::error::Error + Clone + 'static {
    /// The wire code as received (in the body, else in a header the spec names), `None` when
    /// the error arrived without one, whatever entry its status chose.
    fn code(&self) -> Option<&str>;
    /// The vendor's message, or a description when the body carried none. Never empty.
    fn message(&self) -> &str;
    /// What went wrong, in vendor-neutral terms.
    fn kind(&self) -> Kind;
    /// Whether retrying the same request may succeed.
    fn is_retryable(&self) -> bool;
    /// The HTTP status the vendor documents for this error, if it documents one.
    fn documented_status(&self) -> Option<u16>;
    /// The status this error arrived with: the one inside the error when the body carries
    /// one, else the response's.
    fn status(&self) -> u16;
    /// The name of the error's variant (`"Unknown"` for an undocumented error).
    fn variant_name(&self) -> &'static str;
    /// The extra fields and template parameters, by name, in spec order.
    fn details(&self) -> Vec<(&'static str, Option<&str>)>;
    /// What the spec says the error means, if it says. (Named apart from the deprecated
    /// `std::error::Error::description`.)
    fn spec_description(&self) -> Option<&'static str>;
    /// What the spec says to do about it, if it says.
    fn spec_solution(&self) -> Option<&'static str>;
    /// Per-item results of a batch write; empty for errors that carry none.
    fn items(&self) -> &BatchItems {
        &NO_ITEMS
    }
    /// What to do about it: [`Recovery::Retry`] (without a wait: see
    /// [`crate::ErrorResponse::recovery`]) when it is retryable, else what its spec entry
    /// says with `recovery`, else [`Recovery::for_kind`].
    fn recovery(&self) -> Recovery {
        Recovery::for_kind(self.kind(), self.is_retryable())
    }
    /// The window the API's rate limits reset at, when its spec names one (Netilion: a
    /// minute): a rate-limited response without `Retry-After` may be retried when the next
    /// window starts.
    fn rate_limit_window(&self) -> Option<Duration> {
        None
    }
    /// Decodes an error response of this API from its status, headers and body (the
    /// generated `decode_parts`): what the retry integrations classify a response with.
    /// Never fails.
    fn decode_parts(
        status: impl Into<Status>,
        headers: &HeaderMap,
        body: &[u8],
    ) -> ErrorResponse<Self>;
    /// Whether a response of this API is an error: its status is outside 200..=299, or its
    /// body carries the spec's error mark (`[envelope.error_if]`, for APIs that send errors
    /// with 200) or a failed item where a shape reads per-item results (`results`).
    fn is_error(status: impl Into<Status>, body: &[u8]) -> bool {
        let _ = body;
        !(200..=299).contains(&status.into().as_u16())
    }
    /// The body this API's servers send for a response with HTTP status `status` holding
    /// `errors`, in the vendor's wire format (empty where the vendor sends none): what
    /// [`crate::ErrorResponse::to_http`] sends. An API whose body holds one error writes the
    /// first only.
    fn encode_errors(status: u16, errors: &[Self]) -> Vec<u8>;
    /// [`ApiError::encode_errors`], with the response's request id written where the body
    /// holds one (an envelope's `request_id`: awsQuery's `<RequestId>`): what
    /// [`crate::ErrorResponse::to_http`] sends.
    fn encode_response(status: u16, errors: &[Self], request_id: Option<&str>) -> Vec<u8> {
        let _ = request_id;
        Self::encode_errors(status, errors)
    }
    /// The header this API's servers send the request id in, when its spec names one: what
    /// [`crate::ErrorResponse::to_http`] writes [`crate::ErrorResponse::request_id`] to.
    fn request_id_header() -> Option<&'static str> {
        None
    }
    /// When to retry by the first of the spec's rate-limit reset headers (`retry_after`) in
    /// `headers` that reads: what `decode_parts` takes when a response has no `Retry-After`.
    /// [`crate::ErrorResponse::to_http`] leaves out a rounded `Retry-After` where the reset
    /// header it sends already says the wait exactly (OpenAI's `retry-after-ms: 1500`).
    fn reset_header_wait(headers: &HeaderMap) -> Option<crate::RetryAfter> {
        let _ = headers;
        None
    }
    /// The media type of this API's error bodies: the first `content_type` of the spec's
    /// first shape, else `application/json`, or `application/xml` for a spec with
    /// `format = "xml"`, `application/cbor` for `format = "cbor"`.
    fn content_type() -> &'static str {
        "application/json"
    }
    /// The body the vendor's server sends for this error alone: [`ApiError::encode_errors`]
    /// with the error's status.
    fn to_body(&self) -> Vec<u8> {
        Self::encode_errors(self.status(), core::slice::from_ref(self))
    }
}
