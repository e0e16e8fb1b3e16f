//! `GitHubError::decode` (GitHub) on any status (the first two bytes) and any body (the rest).
#![no_main]
#![forbid(unsafe_code)]

use errspec_tests::harness::{split, Vendor};
use libfuzzer_sys::fuzz_target;

// `decode` checks the promise every response keeps, and panics where one breaks it.
fuzz_target!(|data: &[u8]| {
    let (status, body) = split(data);
    let _ = Vendor::GitHub.decode(status, body);
});
