//! Specs that read response headers, on any status (the first two bytes), any headers (the
//! lines up to the first empty one, each `name: value`, where the bytes make a valid header)
//! and any body (the rest): `HeaderCodedError` (a code, a field and the request id sent in
//! headers, a wait in milliseconds) and `StripeError` (`Stripe-Should-Retry`, `Request-Id`).
//! Each response is also turned into the HTTP response a server sends and decoded again.
#![no_main]
#![forbid(unsafe_code)]

use errspec::http::{HeaderMap, HeaderName, HeaderValue};
use errspec::ApiError;
use errspec_tests::harness::{split, Kept};
use libfuzzer_sys::fuzz_target;

mod header_coded {
    errspec::errors_from_spec!("../tests/specs/hostile/header-code.toml");
}

mod stripe {
    errspec::errors_from_spec!("../tests/specs/stripe.toml");
}

/// The header lines of `data` up to the first empty line, and the body after it (all of
/// `data` is headers when no empty line comes).
fn headers_and_body(data: &[u8]) -> (HeaderMap, &[u8]) {
    let mut headers = HeaderMap::new();
    let mut rest = data;
    while let Some(end) = rest.iter().position(|byte| *byte == b'\n') {
        let (line, after) = (&rest[..end], &rest[end + 1..]);
        rest = after;
        if line.is_empty() {
            return (headers, rest);
        }
        let Some(colon) = line.iter().position(|byte| *byte == b':') else {
            continue;
        };
        let value = line[colon + 1..].trim_ascii();
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(&line[..colon]),
            HeaderValue::from_bytes(value),
        ) {
            headers.append(name, value);
        }
    }
    (headers, rest)
}

/// Decodes the response, checks the promise, and decodes what `to_http` makes of it.
fn round<E: ApiError + core::fmt::Display>(status: u16, headers: &HeaderMap, body: &[u8]) {
    let response = E::decode_parts(status, headers, body);
    let _ = Kept::new(status, body, &response);
    let sent = response.to_http();
    let again = E::decode_parts(sent.status().as_u16(), sent.headers(), sent.body());
    let _ = Kept::new(sent.status().as_u16(), sent.body(), &again);
}

// `Kept::new` checks the promise every response keeps, and panics where one breaks it.
fuzz_target!(|data: &[u8]| {
    let (status, rest) = split(data);
    let (headers, body) = headers_and_body(rest);
    round::<header_coded::HeaderCodedError>(status, &headers, body);
    round::<stripe::StripeError>(status, &headers, body);
});
