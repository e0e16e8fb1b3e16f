//! `TelecomXError::decode` on any status (the first two bytes) and any body (the rest).
#![no_main]
#![forbid(unsafe_code)]

use errspec_fuzz::telecomx::TelecomXError;
use errspec_fuzz::{check, split};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (status, body) = split(data);
    check(status, body, &TelecomXError::decode(status, body));
});
