//! `TwilioError` (a spec of two shapes, XML and JSON) on any status (the first two bytes) and
//! any body (the rest), without headers and with each shape's `Content-Type`.
#![no_main]
#![forbid(unsafe_code)]

use errspec::http::{HeaderMap, HeaderValue};
use errspec_tests::harness::{split, Kept};
use errspec_tests::twilio::TwilioError;
use libfuzzer_sys::fuzz_target;

// `Kept::new` checks the promise every response keeps, and panics where one breaks it.
fuzz_target!(|data: &[u8]| {
    let (status, body) = split(data);
    let _ = Kept::new(status, body, &TwilioError::decode(status, body));
    for content_type in ["application/json", "text/xml; charset=utf-8"] {
        let mut headers = HeaderMap::new();
        headers.insert("content-type", HeaderValue::from_static(content_type));
        let response = TwilioError::decode_parts(status, &headers, body);
        let _ = Kept::new(status, body, &response);
    }
});
