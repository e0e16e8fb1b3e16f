//! Specs with groups of nested errors of their own selection on any status (the first two
//! bytes) and any body (the rest): `DynamoDbError` (cancellation reasons: a code that means
//! no error, each error's position) and `GraphError` (a recursive `innerError` chain, and
//! `$batch` per-item results, whose successes are no errors). What decodes is also written
//! back and decoded again, and a success taken for an error holds errors its body says.
#![no_main]
#![forbid(unsafe_code)]

use errspec::ApiError;
use errspec_tests::dynamodb::DynamoDbError;
use errspec_tests::graph::GraphError;
use errspec_tests::harness::{decoded_and_again, split};
use libfuzzer_sys::fuzz_target;

/// Decodes `body` and what the response writes back, checking the promise on both.
fn round<E: ApiError + core::fmt::Display>(status: u16, body: &[u8]) {
    let response = decoded_and_again::<E>(status, body);
    if (200..=299).contains(&status) && E::is_error(status, body) {
        assert!(
            response.raw_body().is_empty(),
            "a success taken for an error holds none"
        );
    }
}

// `Kept::new` checks the promise every response keeps, and panics where one breaks it.
fuzz_target!(|data: &[u8]| {
    let (status, body) = split(data);
    round::<DynamoDbError>(status, body);
    round::<GraphError>(status, body);
});
