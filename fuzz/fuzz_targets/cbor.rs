//! `RpcV2CborError` (CBOR bodies, read in one pass or in their JSON form) on any status (the
//! first two bytes) and any body (the rest).
#![no_main]
#![forbid(unsafe_code)]

use errspec_tests::harness::{split, Kept};
use errspec_tests::rpc_v2_cbor::RpcV2CborError;
use libfuzzer_sys::fuzz_target;

// `Kept::new` checks the promise every response keeps, and panics where one breaks it.
fuzz_target!(|data: &[u8]| {
    let (status, body) = split(data);
    let _ = Kept::new(status, body, &RpcV2CborError::decode(status, body));
});
