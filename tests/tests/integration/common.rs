//! Helpers shared by the per-vendor integration tests.

use errspec::ErrorResponse;
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
