//! XML specs on any status (the first two bytes) and any body (the rest): `S3Error` (an error
//! document, and DeleteObjects' per-key errors inside a 200 `DeleteResult`) and `XmlRootError`
//! (the error at the root element, `error` left at its default). What decodes is also written
//! back and decoded again.
#![no_main]
#![forbid(unsafe_code)]

use errspec::ApiError;
use errspec_tests::harness::{split, Kept};
use libfuzzer_sys::fuzz_target;

mod s3 {
    errspec::errors_from_spec!("../tests/specs/s3.toml");
}

mod root {
    errspec::errors_from_spec!("../tests/specs/hostile/xml-root.toml");
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
    round::<s3::S3Error>(status, body);
    round::<root::XmlRootError>(status, body);
});
