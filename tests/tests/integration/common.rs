//! Helpers shared by the per-vendor integration tests.

use errspec::ErrorResponse;

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
