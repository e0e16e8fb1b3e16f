//! One `tracing` event per decoded response (feature `tracing`): what was decoded, never what
//! the body said beyond its code.

use crate::engine::spec::Spec;
use crate::{ApiError, ErrorResponse};

/// Records `response`, decoded with `spec`, as one event of target `errspec` at level DEBUG,
/// and gives it back. Generated `decode` and `decode_parts` call it; without the `tracing`
/// feature it does nothing.
#[inline]
pub fn record<E: ApiError>(spec: &Spec<'_>, response: ErrorResponse<E>) -> ErrorResponse<E> {
    #[cfg(feature = "tracing")]
    event(spec.name, &response);
    #[cfg(not(feature = "tracing"))]
    let _ = spec;
    response
}

/// The event: the API, the response's status, request id, wait and count of errors, and the
/// first error's code, variant, kind and whether the response is retryable. The message and
/// fields of the body stay out: they may hold personal data.
#[cfg(feature = "tracing")]
fn event<E: ApiError>(api: &str, response: &ErrorResponse<E>) {
    let first = response.first();
    // Field values are computed only when a subscriber wants the event: no clock read else.
    tracing::debug!(
        target: "errspec",
        api,
        status = response.status(),
        code = first.code(),
        variant = first.variant_name(),
        kind = first.kind().as_str(),
        retryable = response.is_retryable(),
        errors = response.errors().len(),
        request_id = response.request_id(),
        retry_after_ms = response
            .retry_after()
            .map(|wait| u64::try_from(wait.as_millis()).unwrap_or(u64::MAX)),
        "decoded an error response",
    );
}
