//! What every fuzz target shares: the five bundled specs, expanded here (not borrowed from the
//! test crate, so the fuzz build does not depend on the workspace), and the promise each
//! decoded response must keep whatever the input.
#![forbid(unsafe_code)]

use core::fmt::Display;
use std::sync::OnceLock;

use errspec::{ApiError, ErrorResponse, RAW_BODY_CAP};

/// ITSM-NG.
pub mod itsm_ng {
    errspec::errors_from_spec!("itsm-ng.toml");
}

/// IGEL IMI.
pub mod igel_imi {
    errspec::errors_from_spec!("igel-imi.toml");
}

/// cegedim.cloud `ITCare`.
pub mod itcare {
    errspec::errors_from_spec!("itcare.toml");
}

/// Telecom X.
pub mod telecomx {
    errspec::errors_from_spec!("telecomx.toml");
}

/// Netilion.
pub mod netilion {
    errspec::errors_from_spec!("netilion.toml");
}

/// The fuzz input as a response: the first two bytes are the status (big endian), the rest
/// is the body. Shorter inputs are a body with status 0.
#[must_use]
pub fn split(data: &[u8]) -> (u16, &[u8]) {
    match data {
        [high, low, body @ ..] => (u16::from_be_bytes([*high, *low]), body),
        _ => (0, data),
    }
}

/// `ERRSPEC_FUZZ_ALLOW_EMPTY_MESSAGE=1` skips the non-empty message check, to look for other
/// failures while a known empty-message defect is open.
fn allow_empty_message() -> bool {
    static ALLOW: OnceLock<bool> = OnceLock::new();
    *ALLOW.get_or_init(|| std::env::var_os("ERRSPEC_FUZZ_ALLOW_EMPTY_MESSAGE").is_some())
}

/// Panics unless `response`, decoded from `status` and `body`, keeps the decoding promise.
pub fn check<E: ApiError + Display>(status: u16, body: &[u8], response: &ErrorResponse<E>) {
    assert_eq!(response.status(), status);
    assert!(!response.errors().is_empty(), "no error");
    assert!(core::ptr::eq(response.first(), &response.errors()[0]));
    let raw = response.raw_body();
    assert!(raw.len() <= RAW_BODY_CAP, "raw body of {} bytes", raw.len());
    assert!(
        body.starts_with(raw),
        "the raw body is not the body's start"
    );
    for error in response.errors() {
        let message = error.message();
        assert!(
            allow_empty_message() || !message.is_empty(),
            "empty message: {error:?}"
        );
        // Display shows the code and the message, nothing else (no stack trace, no raw body).
        let shown = error.to_string();
        match error.code() {
            Some(code) => assert_eq!(shown, format!("{code}: {message}")),
            None => assert_eq!(shown, message),
        }
    }
    let _ = response.to_string();
}
