//! When to try again: the `Retry-After` header, and rate-limit windows a spec names.

use core::fmt;
use core::str::FromStr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The longest wait errspec advises: one hour. A `Retry-After` of days (or a date years
/// ahead) is far more often a misconfigured server or proxy than a real plan, and a client
/// asleep for that long looks hung; [`crate::ErrorResponse::retry_after_header`] keeps what
/// the server actually said.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(60 * 60);

/// The last second `Retry-After` can name as an HTTP-date: 9999-12-31 23:59:59 GMT.
const LAST_HTTP_DATE: Duration = Duration::from_secs(253_402_300_799);

/// A `Retry-After` header's value (RFC 9110, section 10.2.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RetryAfter {
    /// `Retry-After: 120`: wait this long after the response was received.
    Delay(Duration),
    /// `Retry-After: Wed, 21 Oct 2015 07:28:00 GMT`: wait until then.
    At(SystemTime),
}

/// A header value that is neither delta-seconds nor an HTTP-date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidRetryAfter;

impl fmt::Display for InvalidRetryAfter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Retry-After is neither a number of seconds nor an HTTP-date")
    }
}

impl std::error::Error for InvalidRetryAfter {}

impl RetryAfter {
    /// Reads a header value: delta-seconds (`120`; a number too large for a `u64` counts as
    /// `u64::MAX` seconds), with a decimal fraction as some servers send it (Shopify's `2.0`),
    /// or an HTTP-date in any of its three formats. `None` for anything else, such as `-1`,
    /// `1e3` or an empty value.
    #[must_use]
    pub fn parse(value: &[u8]) -> Option<RetryAfter> {
        let text = core::str::from_utf8(value).ok()?.trim_matches([' ', '\t']);
        if let Some(delay) = crate::engine::delay::seconds(text) {
            return Some(RetryAfter::Delay(delay));
        }
        if text.is_empty() {
            return None;
        }
        httpdate::parse_http_date(text).ok().map(RetryAfter::At)
    }

    /// How long to wait from `now`: the delay itself, or the time until the date (zero for a
    /// date already past), at most [`MAX_RETRY_AFTER`].
    #[must_use]
    pub fn wait_at(self, now: SystemTime) -> Duration {
        let wait = match self {
            RetryAfter::Delay(delay) => delay,
            RetryAfter::At(date) => date.duration_since(now).unwrap_or(Duration::ZERO),
        };
        wait.min(MAX_RETRY_AFTER)
    }
}

impl FromStr for RetryAfter {
    type Err = InvalidRetryAfter;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        RetryAfter::parse(text.as_bytes()).ok_or(InvalidRetryAfter)
    }
}

/// The header's text: whole seconds (a fraction rounds up), or an IMF-fixdate to the second
/// (a date before 1970 or after 9999 is written as the nearest one that HTTP can say).
impl fmt::Display for RetryAfter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            RetryAfter::Delay(delay) => {
                let seconds = delay
                    .as_secs()
                    .saturating_add(u64::from(delay.subsec_nanos() > 0));
                write!(f, "{seconds}")
            }
            RetryAfter::At(date) => {
                let since = date
                    .duration_since(UNIX_EPOCH)
                    .unwrap_or(Duration::ZERO)
                    .min(LAST_HTTP_DATE);
                let date = UNIX_EPOCH + Duration::from_secs(since.as_secs());
                f.write_str(&httpdate::fmt_http_date(date))
            }
        }
    }
}

/// The time from `now` until the next window of `window` starts, windows being counted from
/// the Unix epoch (UTC): with a minute, until the next full minute. A `now` right on a
/// boundary waits a whole window: the limit that answered was the one ending there.
#[must_use]
pub(crate) fn until_next_window(now: SystemTime, window: Duration) -> Duration {
    let window_nanos = window.as_nanos();
    if window_nanos == 0 {
        return Duration::ZERO;
    }
    let since = now.duration_since(UNIX_EPOCH).unwrap_or(Duration::ZERO);
    let into = since.as_nanos() % window_nanos;
    let left = window_nanos - into;
    // `left` is at most `window_nanos`, which came from a `Duration`.
    Duration::from_secs(u64::try_from(left / 1_000_000_000).unwrap_or(u64::MAX))
        + Duration::from_nanos(u64::try_from(left % 1_000_000_000).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, UNIX_EPOCH};

    use super::{until_next_window, RetryAfter, MAX_RETRY_AFTER};

    #[test]
    fn reads_delta_seconds_and_all_three_date_formats() {
        assert_eq!(
            RetryAfter::parse(b"120"),
            Some(RetryAfter::Delay(Duration::from_secs(120)))
        );
        assert_eq!(
            RetryAfter::parse(b" 0\t"),
            Some(RetryAfter::Delay(Duration::ZERO))
        );
        assert_eq!(
            RetryAfter::parse(b"2.5"),
            Some(RetryAfter::Delay(Duration::from_millis(2500)))
        );
        let date = UNIX_EPOCH + Duration::from_secs(784_111_777);
        for text in [
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
        ] {
            assert_eq!(
                RetryAfter::parse(text.as_bytes()),
                Some(RetryAfter::At(date))
            );
        }
    }

    #[test]
    fn rejects_what_is_neither() {
        for text in ["", " ", "-1", "1.", "1e3", "+5", "soon", "12 s", "\u{ff11}"] {
            assert_eq!(RetryAfter::parse(text.as_bytes()), None, "{text:?}");
        }
        assert_eq!(RetryAfter::parse(b"\xff1"), None);
        assert!("later".parse::<RetryAfter>().is_err());
    }

    #[test]
    fn huge_delays_saturate_and_waits_are_capped_at_an_hour() {
        let huge = RetryAfter::parse(b"99999999999999999999999").unwrap();
        assert_eq!(huge, RetryAfter::Delay(Duration::from_secs(u64::MAX)));
        assert_eq!(huge.wait_at(UNIX_EPOCH), MAX_RETRY_AFTER);
        assert_eq!(MAX_RETRY_AFTER, Duration::from_secs(3600));
        let now = UNIX_EPOCH + Duration::from_secs(1_000_000);
        let in_a_year = RetryAfter::At(now + Duration::from_secs(365 * 86_400));
        assert_eq!(in_a_year.wait_at(now), MAX_RETRY_AFTER);
        let soon = RetryAfter::At(now + Duration::from_secs(90));
        assert_eq!(soon.wait_at(now), Duration::from_secs(90));
        let past = RetryAfter::At(now - Duration::from_secs(90));
        assert_eq!(past.wait_at(now), Duration::ZERO);
    }

    #[test]
    fn writes_what_it_reads() {
        assert_eq!(RetryAfter::Delay(Duration::from_secs(30)).to_string(), "30");
        assert_eq!(
            RetryAfter::Delay(Duration::from_millis(1500)).to_string(),
            "2"
        );
        let date = RetryAfter::At(UNIX_EPOCH + Duration::from_secs(784_111_777));
        assert_eq!(date.to_string(), "Sun, 06 Nov 1994 08:49:37 GMT");
        assert_eq!(date.to_string().parse(), Ok(date));
        let far = RetryAfter::At(UNIX_EPOCH + Duration::from_secs(u64::MAX / 4));
        assert_eq!(far.to_string(), "Fri, 31 Dec 9999 23:59:59 GMT");
    }

    #[test]
    fn windows_end_at_the_next_boundary() {
        let minute = Duration::from_secs(60);
        let at = |seconds: u64, millis: u64| {
            UNIX_EPOCH + Duration::from_secs(seconds) + Duration::from_millis(millis)
        };
        // 2024-01-01T00:00:42.250Z
        let now = at(1_704_067_242, 250);
        assert_eq!(
            until_next_window(now, minute),
            Duration::from_millis(17_750)
        );
        assert_eq!(until_next_window(at(1_704_067_200, 0), minute), minute);
        assert_eq!(
            until_next_window(at(1_704_067_259, 999), minute),
            Duration::from_millis(1)
        );
        assert_eq!(
            until_next_window(at(1_704_067_242, 0), Duration::from_secs(3600)),
            Duration::from_secs(3600 - 42)
        );
    }
}
