//! Delays as vendors write them: decimal seconds (`120`, Shopify's `Retry-After: 2.0`) and
//! durations with units (OpenAI's `x-ratelimit-reset-requests: 6m0s`, `120ms`; protobuf's
//! `Duration` in JSON, Google's `RetryInfo.retryDelay: "30s"`). Huge values saturate rather
//! than fail; a fraction finer than a nanosecond rounds up, so a client never retries early.

use std::time::Duration;

const NANOS_PER_SECOND: u128 = 1_000_000_000;

/// The fraction digits read exactly: `10^24` times the longest unit (an hour) fits in a u128.
const MAX_FRACTION_DIGITS: usize = 24;

/// A number of seconds: digits, optionally a `.` and more digits (`2`, `2.0`, `0.25`).
#[must_use]
pub fn seconds(text: &str) -> Option<Duration> {
    decimal(text, NANOS_PER_SECOND)
}

/// A number of milliseconds, a fraction allowed (`1500`, `20.5`).
#[must_use]
pub fn milliseconds(text: &str) -> Option<Duration> {
    decimal(text, 1_000_000)
}

/// A duration with units, each number followed by its unit: `h`, `m`, `s`, `ms`, `us` (or
/// `µs`), `ns`, in any combination (`1h2m3.5s`, `6m0s`, `120ms`, `30s`). A bare `0` is zero,
/// as Go writes it.
#[must_use]
pub fn with_units(text: &str) -> Option<Duration> {
    if text == "0" {
        return Some(Duration::ZERO);
    }
    let mut rest = text;
    let mut total = Duration::ZERO;
    if rest.is_empty() {
        return None;
    }
    while !rest.is_empty() {
        let number_end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let (number, after) = rest.split_at(number_end);
        let unit_end = after
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(after.len());
        let (unit, next) = after.split_at(unit_end);
        let nanos_per_unit: u128 = match unit {
            "h" => 3_600 * NANOS_PER_SECOND,
            "m" => 60 * NANOS_PER_SECOND,
            "s" => NANOS_PER_SECOND,
            "ms" => 1_000_000,
            "us" | "\u{b5}s" | "\u{3bc}s" => 1_000,
            "ns" => 1,
            _ => return None,
        };
        total = total.saturating_add(decimal(number, nanos_per_unit)?);
        rest = next;
    }
    Some(total)
}

/// `text` (digits, optionally a fraction) times `nanos_per_unit`, rounded up to the nanosecond.
fn decimal(text: &str, nanos_per_unit: u128) -> Option<Duration> {
    let (integer, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |part: &str| part.bytes().all(|byte| byte.is_ascii_digit());
    let has_fraction = text.contains('.');
    if integer.is_empty() && fraction.is_empty()
        || !digits(integer)
        || !digits(fraction)
        || (has_fraction && fraction.is_empty())
    {
        return None;
    }
    let whole = integer.bytes().fold(0u128, |number, digit| {
        number
            .saturating_mul(10)
            .saturating_add(u128::from(digit - b'0'))
    });
    // The fraction as `numerator / 10^kept`, of at most 24 digits, so that times any unit it
    // fits in a u128; a digit past those that is not 0 adds a nanosecond.
    let kept = fraction.len().min(MAX_FRACTION_DIGITS);
    let numerator = fraction[..kept].bytes().fold(0u128, |number, digit| {
        number * 10 + u128::from(digit - b'0')
    });
    let beyond = u128::from(fraction.bytes().skip(kept).any(|digit| digit != b'0'));
    let denominator = 10u128.pow(u32::try_from(kept).unwrap_or(0));
    let part = (numerator * nanos_per_unit).div_ceil(denominator);
    let nanos = whole
        .saturating_mul(nanos_per_unit)
        .saturating_add(part)
        .saturating_add(beyond);
    let seconds = u64::try_from(nanos / NANOS_PER_SECOND).unwrap_or(u64::MAX);
    let below = u32::try_from(nanos % NANOS_PER_SECOND).unwrap_or(0);
    Some(Duration::new(seconds, below))
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::{milliseconds, seconds, with_units};

    #[test]
    fn seconds_take_a_fraction() {
        assert_eq!(seconds("120"), Some(Duration::from_secs(120)));
        assert_eq!(seconds("2.0"), Some(Duration::from_secs(2)));
        assert_eq!(seconds("0.25"), Some(Duration::from_millis(250)));
        assert_eq!(seconds(".5"), Some(Duration::from_millis(500)));
        // Finer than a nanosecond rounds up.
        assert_eq!(seconds("0.0000000001"), Some(Duration::from_nanos(1)));
        assert_eq!(seconds("1.0000000000"), Some(Duration::from_secs(1)));
        assert_eq!(
            seconds("99999999999999999999999"),
            Some(Duration::from_secs(u64::MAX))
        );
        for bad in ["", ".", "1.", "-1", "+5", "1e3", "1.5.5", " 1", "1,5"] {
            assert_eq!(seconds(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn milliseconds_round_up_below_a_nanosecond() {
        assert_eq!(milliseconds("1500"), Some(Duration::from_millis(1500)));
        assert_eq!(milliseconds("20.5"), Some(Duration::from_micros(20_500)));
        assert_eq!(milliseconds("0.0000001"), Some(Duration::from_nanos(1)));
    }

    #[test]
    fn durations_with_units_add_up() {
        let ms = Duration::from_millis;
        assert_eq!(with_units("6m0s"), Some(Duration::from_secs(360)));
        assert_eq!(with_units("120ms"), Some(ms(120)));
        assert_eq!(with_units("30s"), Some(Duration::from_secs(30)));
        assert_eq!(with_units("1.5s"), Some(ms(1500)));
        assert_eq!(with_units("1h2m3.5s"), Some(ms(3_723_500)));
        assert_eq!(with_units("2us"), Some(Duration::from_micros(2)));
        assert_eq!(with_units("2\u{b5}s"), Some(Duration::from_micros(2)));
        assert_eq!(with_units("7ns"), Some(Duration::from_nanos(7)));
        assert_eq!(with_units("0"), Some(Duration::ZERO));
        assert_eq!(
            with_units("99999999999999999999h"),
            Some(Duration::from_secs(u64::MAX))
        );
        for bad in ["", "s", "5", "5x", "1h 2m", "-1s", "1.s", "m5", "5sms"] {
            assert_eq!(with_units(bad), None, "{bad:?}");
        }
    }
}
