use core::fmt;

/// What went wrong, in terms every vendor shares.
///
/// A documented error's kind comes from its spec entry, else from its documented HTTP
/// status, else from the status carried inside the error, else from the response's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Kind {
    /// The request is malformed or inconsistent (400).
    BadRequest,
    /// Credentials are missing, wrong or expired (401).
    Unauthenticated,
    /// A subscription or quota is used up (402).
    QuotaExceeded,
    /// The caller may not do this (403).
    PermissionDenied,
    /// The resource does not exist or is not visible (404, 410).
    NotFound,
    /// The HTTP method is not supported here (405).
    MethodNotAllowed,
    /// The request conflicts with the resource's state (409, 412).
    Conflict,
    /// The content type is not accepted (415).
    UnsupportedMediaType,
    /// The request is well-formed but its data is invalid (422).
    Unprocessable,
    /// Too many requests (429).
    RateLimited,
    /// Some items of a batch failed (207).
    PartialFailure,
    /// The server failed (500, 501).
    Internal,
    /// The server or a gateway is temporarily unavailable (408, 502, 503, 504, 520..=524).
    Unavailable,
    /// Anything else.
    Other,
}

impl Kind {
    /// Every kind, in declaration order.
    pub const ALL: &'static [Kind] = &[
        Kind::BadRequest,
        Kind::Unauthenticated,
        Kind::QuotaExceeded,
        Kind::PermissionDenied,
        Kind::NotFound,
        Kind::MethodNotAllowed,
        Kind::Conflict,
        Kind::UnsupportedMediaType,
        Kind::Unprocessable,
        Kind::RateLimited,
        Kind::PartialFailure,
        Kind::Internal,
        Kind::Unavailable,
        Kind::Other,
    ];

    /// The kind an HTTP status stands for when nothing more specific is known.
    #[must_use]
    pub const fn from_status(status: u16) -> Kind {
        match status {
            207 => Kind::PartialFailure,
            400 | 413 | 414 | 431 => Kind::BadRequest,
            401 => Kind::Unauthenticated,
            402 => Kind::QuotaExceeded,
            403 => Kind::PermissionDenied,
            404 | 410 => Kind::NotFound,
            405 => Kind::MethodNotAllowed,
            409 | 412 => Kind::Conflict,
            415 => Kind::UnsupportedMediaType,
            422 => Kind::Unprocessable,
            429 => Kind::RateLimited,
            500 | 501 => Kind::Internal,
            // 520..=524: a CDN (Cloudflare) could not reach or hear back from the origin.
            408 | 502..=504 | 520..=524 => Kind::Unavailable,
            _ => Kind::Other,
        }
    }

    /// Whether an error of this kind is worth retrying when its spec says nothing:
    /// true for [`Kind::RateLimited`] and [`Kind::Unavailable`].
    #[must_use]
    pub const fn is_retryable_by_default(self) -> bool {
        matches!(self, Kind::RateLimited | Kind::Unavailable)
    }

    /// The name used in spec files (`not_found`, `rate_limited`, ...).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::BadRequest => "bad_request",
            Kind::Unauthenticated => "unauthenticated",
            Kind::QuotaExceeded => "quota_exceeded",
            Kind::PermissionDenied => "permission_denied",
            Kind::NotFound => "not_found",
            Kind::MethodNotAllowed => "method_not_allowed",
            Kind::Conflict => "conflict",
            Kind::UnsupportedMediaType => "unsupported_media_type",
            Kind::Unprocessable => "unprocessable",
            Kind::RateLimited => "rate_limited",
            Kind::PartialFailure => "partial_failure",
            Kind::Internal => "internal",
            Kind::Unavailable => "unavailable",
            Kind::Other => "other",
        }
    }

    /// The variant's name (`NotFound`), as Rust code spells it.
    #[must_use]
    pub const fn variant_name(self) -> &'static str {
        match self {
            Kind::BadRequest => "BadRequest",
            Kind::Unauthenticated => "Unauthenticated",
            Kind::QuotaExceeded => "QuotaExceeded",
            Kind::PermissionDenied => "PermissionDenied",
            Kind::NotFound => "NotFound",
            Kind::MethodNotAllowed => "MethodNotAllowed",
            Kind::Conflict => "Conflict",
            Kind::UnsupportedMediaType => "UnsupportedMediaType",
            Kind::Unprocessable => "Unprocessable",
            Kind::RateLimited => "RateLimited",
            Kind::PartialFailure => "PartialFailure",
            Kind::Internal => "Internal",
            Kind::Unavailable => "Unavailable",
            Kind::Other => "Other",
        }
    }

    /// The kind a spec name stands for, the inverse of [`Kind::as_str`].
    #[must_use]
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.iter().copied().find(|kind| kind.as_str() == name)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::Kind;

    #[test]
    fn statuses_map_to_the_kinds_the_specs_rely_on() {
        assert_eq!(Kind::from_status(401), Kind::Unauthenticated);
        assert_eq!(Kind::from_status(207), Kind::PartialFailure);
        assert_eq!(Kind::from_status(429), Kind::RateLimited);
        assert_eq!(Kind::from_status(503), Kind::Unavailable);
        assert_eq!(Kind::from_status(522), Kind::Unavailable);
        assert_eq!(Kind::from_status(0), Kind::Other);
        assert_eq!(Kind::from_status(u16::MAX), Kind::Other);
    }

    #[test]
    fn names_round_trip() {
        for kind in Kind::ALL {
            assert_eq!(Kind::from_name(kind.as_str()), Some(*kind));
            assert_eq!(kind.to_string(), kind.as_str());
            assert_eq!(format!("{kind:?}"), kind.variant_name());
        }
        assert_eq!(Kind::from_name("NotFound"), None);
    }
}
