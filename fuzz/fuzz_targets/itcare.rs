//! `ItcareError::decode` on any status (the first two bytes) and any body (the rest).
#![no_main]
#![forbid(unsafe_code)]

use errspec_fuzz::itcare::ItcareError;
use errspec_fuzz::{check, split};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (status, body) = split(data);
    check(status, body, &ItcareError::decode(status, body));
});
