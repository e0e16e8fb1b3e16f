//! The HTTP status every decode function takes, whichever way the caller holds it.

use core::fmt;

use http::StatusCode;

/// An HTTP status as the decode functions take it (`decode`, `decode_if_error`,
/// `decode_parts`, `decode_parts_if_error`): from a `u16` or an [`http::StatusCode`], through
/// `impl Into<Status>`, so `AcmeError::decode(404, body)` and
/// `AcmeError::decode(response.status(), body)` read alike.
///
/// Any `u16` is kept as it is: a decoder never refuses a status, even one outside
/// `100..=999` that [`http::StatusCode`] cannot hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Status(u16);

impl Status {
    /// The status `code`.
    #[must_use]
    pub const fn new(code: u16) -> Self {
        Status(code)
    }

    /// The status as a number.
    #[must_use]
    pub const fn as_u16(self) -> u16 {
        self.0
    }
}

impl From<u16> for Status {
    fn from(code: u16) -> Self {
        Status(code)
    }
}

impl From<StatusCode> for Status {
    fn from(status: StatusCode) -> Self {
        Status(status.as_u16())
    }
}

impl From<&StatusCode> for Status {
    fn from(status: &StatusCode) -> Self {
        Status(status.as_u16())
    }
}

impl From<Status> for u16 {
    fn from(status: Status) -> Self {
        status.0
    }
}

impl PartialEq<u16> for Status {
    fn eq(&self, other: &u16) -> bool {
        self.0 == *other
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_and_a_status_code_are_the_same_status() {
        assert_eq!(Status::from(404), Status::from(StatusCode::NOT_FOUND));
        assert_eq!(Status::from(&StatusCode::TOO_MANY_REQUESTS).as_u16(), 429);
        assert_eq!(u16::from(Status::new(503)), 503);
        assert_eq!(Status::new(503), 503);
    }

    #[test]
    fn a_status_outside_what_status_code_holds_is_kept() {
        assert_eq!(Status::from(0).as_u16(), 0);
        assert_eq!(Status::from(u16::MAX).to_string(), "65535");
    }
}
