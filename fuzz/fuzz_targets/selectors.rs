//! Specs whose parts pick array elements by a member's value, on any status (the first two
//! bytes) and any body (the rest): `GoogleError` (AIP-193: `ErrorInfo` and `RetryInfo` found
//! among `details` by `@type`, the reason else the canonical status) and `SelectedError`
//! (alternatives that differ only by the value compared, a compared member read as a field).
//! What decodes is also written back and decoded again.
#![no_main]
#![forbid(unsafe_code)]

use errspec::ApiError;
use errspec_tests::harness::{split, Kept};
use libfuzzer_sys::fuzz_target;

mod google {
    errspec::errors_from_spec!("../tests/specs/google.toml");
}

mod selected {
    errspec::errors_from_spec!("../tests/specs/hostile/selectors.toml");
}

/// Decodes `body`, checks the promise, and decodes what the response writes back.
fn round<E: ApiError + core::fmt::Display>(status: u16, body: &[u8]) {
    let response = E::decode_parts(status, &errspec::http::HeaderMap::new(), body);
    let _ = Kept::new(status, body, &response);
    let written = E::encode_errors(status, response.errors());
    let again = E::decode_parts(status, &errspec::http::HeaderMap::new(), &written);
    let _ = Kept::new(status, &written, &again);
}

// `Kept::new` checks the promise every response keeps, and panics where one breaks it.
fuzz_target!(|data: &[u8]| {
    let (status, body) = split(data);
    round::<google::GoogleError>(status, body);
    round::<selected::SelectedError>(status, body);
});
