//! What a client should do about an error.

use core::fmt;
use std::time::Duration;

use crate::Kind;

/// What a client should do about an error response: the policy of the ITSM-NG
/// documentation's own retry example (re-authenticate on 401, retry server trouble with
/// backoff, never retry a client error), for every vendor.
///
/// An error's recovery is [`Recovery::Retry`] when it is retryable, else the one its spec
/// entry names with `recovery = "..."`, else the one of its kind ([`Recovery::for_kind`]).
/// `errspec::ErrorResponse::recovery` combines those of a response's errors and fills in
/// the wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Recovery {
    /// Send the same request again: after `after` when the response says how long to wait
    /// (`Retry-After`, or the spec's rate-limit window), else after a backoff of your own.
    Retry {
        /// How long to wait first, when known.
        after: Option<Duration>,
    },
    /// Log in again (a new session or token), then send the request again.
    Reauthenticate,
    /// The request itself is wrong (a field, a reference, the state it assumes): change it
    /// before sending it again. For a partial batch failure, resend only the failed items.
    FixRequest,
    /// Stop: a person must act (rights, a subscription, a server bug, a wrong credential).
    GiveUp,
}

impl Recovery {
    /// Every recovery's spec name, in declaration order.
    pub const NAMES: &'static [&'static str] =
        &["retry", "reauthenticate", "fix_request", "give_up"];

    /// The recovery of an error of `kind` whose spec names none: [`Recovery::Retry`] when
    /// `retryable`; else [`Recovery::Reauthenticate`] for [`Kind::Unauthenticated`];
    /// [`Recovery::FixRequest`] for a bad request, a missing resource, a method or media
    /// type not supported, a conflict, invalid data or a partial batch failure;
    /// [`Recovery::GiveUp`] for the rest (permission, quota, server failures, and rate
    /// limits or unavailability a spec says are not worth retrying).
    #[must_use]
    pub const fn for_kind(kind: Kind, retryable: bool) -> Recovery {
        if retryable {
            return Recovery::Retry { after: None };
        }
        match kind {
            Kind::Unauthenticated => Recovery::Reauthenticate,
            Kind::BadRequest
            | Kind::NotFound
            | Kind::MethodNotAllowed
            | Kind::Conflict
            | Kind::UnsupportedMediaType
            | Kind::Unprocessable
            | Kind::PartialFailure => Recovery::FixRequest,
            Kind::QuotaExceeded
            | Kind::PermissionDenied
            | Kind::RateLimited
            | Kind::Internal
            | Kind::Unavailable
            | Kind::Other => Recovery::GiveUp,
        }
    }

    /// The name used in spec files (`retry`, `reauthenticate`, `fix_request`, `give_up`).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Recovery::Retry { .. } => "retry",
            Recovery::Reauthenticate => "reauthenticate",
            Recovery::FixRequest => "fix_request",
            Recovery::GiveUp => "give_up",
        }
    }

    /// The recovery a spec name stands for (`Retry` without a wait), the inverse of
    /// [`Recovery::as_str`].
    #[must_use]
    pub fn from_name(name: &str) -> Option<Recovery> {
        Some(match name {
            "retry" => Recovery::Retry { after: None },
            "reauthenticate" => Recovery::Reauthenticate,
            "fix_request" => Recovery::FixRequest,
            "give_up" => Recovery::GiveUp,
            _ => return None,
        })
    }

    /// The variant's name (`FixRequest`), as Rust code spells it.
    #[must_use]
    pub const fn variant_name(self) -> &'static str {
        match self {
            Recovery::Retry { .. } => "Retry",
            Recovery::Reauthenticate => "Reauthenticate",
            Recovery::FixRequest => "FixRequest",
            Recovery::GiveUp => "GiveUp",
        }
    }

    /// Whether this is [`Recovery::Retry`].
    #[must_use]
    pub const fn is_retry(self) -> bool {
        matches!(self, Recovery::Retry { .. })
    }

    /// How far from a plain retry: a response's recovery is the furthest of its errors'.
    #[must_use]
    pub const fn severity(self) -> u8 {
        match self {
            Recovery::Retry { .. } => 0,
            Recovery::Reauthenticate => 1,
            Recovery::FixRequest => 2,
            Recovery::GiveUp => 3,
        }
    }
}

impl fmt::Display for Recovery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Recovery::Retry { after: Some(after) } => {
                write!(f, "retry after {}s", after.as_secs_f64())
            }
            other => f.write_str(other.as_str()),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::Recovery;
    use crate::Kind;

    #[test]
    fn kinds_follow_the_retry_example_of_the_itsm_ng_page() {
        assert_eq!(
            Recovery::for_kind(Kind::Unauthenticated, false),
            Recovery::Reauthenticate
        );
        assert_eq!(
            Recovery::for_kind(Kind::Unavailable, true),
            Recovery::Retry { after: None }
        );
        assert_eq!(
            Recovery::for_kind(Kind::Unprocessable, false),
            Recovery::FixRequest
        );
        assert_eq!(
            Recovery::for_kind(Kind::PermissionDenied, false),
            Recovery::GiveUp
        );
        assert_eq!(Recovery::for_kind(Kind::Internal, false), Recovery::GiveUp);
        // A spec may make anything retryable.
        assert!(Recovery::for_kind(Kind::Internal, true).is_retry());
    }

    #[test]
    fn names_round_trip() {
        for name in Recovery::NAMES {
            assert_eq!(Recovery::from_name(name).map(Recovery::as_str), Some(*name));
        }
        assert_eq!(Recovery::from_name("FixRequest"), None);
        assert_eq!(
            Recovery::Retry {
                after: Some(Duration::from_millis(1500))
            }
            .to_string(),
            "retry after 1.5s"
        );
        assert_eq!(Recovery::GiveUp.to_string(), "give_up");
    }
}
