//! Helpers shared by the per-vendor integration tests.

use errspec::{ApiError, ErrorResponse};
use errspec_tests::harness::Kept;
use proptest::prelude::*;

/// The one error of `response`; fails when the response holds more than one.
pub fn single<E: core::fmt::Debug>(response: ErrorResponse<E>) -> E {
    let mut errors = response.into_errors();
    assert_eq!(
        errors.len(),
        1,
        "expected exactly one error, got {errors:#?}"
    );
    errors.remove(0)
}

/// One of `bodies` with one byte range replaced by up to 12 arbitrary bytes: a cut, a wrong
/// type, garbage.
pub fn mutated(bodies: Vec<&'static str>) -> impl Strategy<Value = Vec<u8>> {
    (
        prop::sample::select(bodies),
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
        prop::collection::vec(any::<u8>(), 0..12),
    )
        .prop_map(|(body, start, len, insert)| {
            let bytes = body.as_bytes();
            let start = start.index(bytes.len());
            let end = start + len.index(bytes.len() - start + 1);
            let mut out = bytes[..start].to_vec();
            out.extend_from_slice(&insert);
            out.extend_from_slice(&bytes[end..]);
            out
        })
}

/// Decodes `body`, checks the promise, and checks it again on what the response writes back,
/// whose size a position read pays for in the body, as it is written back in place.
pub fn keeps_the_promise_written_back<E: ApiError + core::fmt::Display>(
    status: u16,
    body: &[u8],
) -> ErrorResponse<E> {
    let headers = errspec::http::HeaderMap::new();
    let response = E::decode_parts(status, &headers, body);
    let _ = Kept::new(status, body, &response);
    let written = E::encode_errors(status, response.errors());
    assert!(
        written.len() <= 64 * body.len() + 4096,
        "{} bytes written",
        written.len()
    );
    let _ = Kept::new(
        status,
        &written,
        &E::decode_parts(status, &headers, &written),
    );
    response
}
