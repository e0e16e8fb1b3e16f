//! XML specs on any status (the first two bytes) and any body (the rest): `S3Error` (an error
//! document, and DeleteObjects' per-key errors inside a 200 `DeleteResult`) and `XmlRootError`
//! (the error at the root element, `error` left at its default). What decodes is also written
//! back and decoded again.
#![no_main]
#![forbid(unsafe_code)]

use errspec_tests::harness::{decoded_and_again, split};
use libfuzzer_sys::fuzz_target;

mod s3 {
    errspec::errors_from_spec!("../tests/specs/s3.toml");
}

mod root {
    errspec::errors_from_spec!("../tests/specs/hostile/xml-root.toml");
}

// `decoded_and_again` checks the promise every response keeps, and panics where one breaks it.
fuzz_target!(|data: &[u8]| {
    let (status, body) = split(data);
    let _ = decoded_and_again::<s3::S3Error>(status, body);
    let _ = decoded_and_again::<root::XmlRootError>(status, body);
});
