//! Specs whose parts pick array elements by a member's value, on any status (the first two
//! bytes) and any body (the rest): `GoogleError` (AIP-193: `ErrorInfo` and `RetryInfo` found
//! among `details` by `@type`, the reason else the canonical status) and `SelectedError`
//! (alternatives that differ only by the value compared, a compared member read as a field).
//! What decodes is also written back and decoded again.
#![no_main]
#![forbid(unsafe_code)]

use errspec_tests::harness::{decoded_and_again, split};
use libfuzzer_sys::fuzz_target;

mod google {
    errspec::errors_from_spec!("../tests/specs/google.toml");
}

mod selected {
    errspec::errors_from_spec!("../tests/specs/hostile/selectors.toml");
}

// `decoded_and_again` checks the promise every response keeps, and panics where one breaks it.
fuzz_target!(|data: &[u8]| {
    let (status, body) = split(data);
    let _ = decoded_and_again::<google::GoogleError>(status, body);
    let _ = decoded_and_again::<selected::SelectedError>(status, body);
});
