//! `IgelImiError::decode` on any status (the first two bytes) and any body (the rest).
#![no_main]
#![forbid(unsafe_code)]

use errspec_fuzz::igel_imi::IgelImiError;
use errspec_fuzz::{check, split};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (status, body) = split(data);
    check(status, body, &IgelImiError::decode(status, body));
});
