//! What a response's headers add to its errors, as a spec's `[envelope.headers]` names them:
//! a code sent only in a header (AWS's `x-amzn-ErrorType`), the request id, and rate-limit
//! resets besides `Retry-After` (`x-ratelimit-reset`, `RateLimit-Reset`, `retry-after-ms`).

use std::borrow::Cow;
use std::time::UNIX_EPOCH;

use http::{HeaderMap, HeaderName, HeaderValue};

use crate::engine::delay;
use crate::engine::envelope::cut_range;
use crate::RetryAfter;
pub use errspec_vocab::ResetFormat;

/// The headers a spec reads. Header names are matched case-insensitively.
#[derive(Debug, Clone, Copy)]
pub struct Headers<'a> {
    /// Where a code may be sent, first present first: used for errors whose body has none.
    pub code: &'a [&'a str],
    /// Whether a header's code takes the place of the body's (AWS: `X-Amzn-Errortype`
    /// first), rather than standing in only where the body has none.
    pub code_first: bool,
    /// Where the request id may be sent, first present first.
    pub request_id: &'a [&'a str],
    /// Where the server says whether retrying may succeed (`true` or `false`), first present
    /// first: over what the errors say.
    pub should_retry: &'a [&'a str],
    /// Extra fields read from a header.
    pub fields: &'a [HeaderField<'a>],
    /// Headers that say when to retry, tried in order when `Retry-After` is absent.
    pub retry_after: &'a [(&'a str, ResetFormat)],
}

/// An extra field read from a response header.
#[derive(Debug, Clone, Copy)]
pub struct HeaderField<'a> {
    /// The field's index.
    pub field: u16,
    /// The header's name.
    pub header: &'a str,
    /// The field is the header's text up to the first occurrence of this.
    pub before: Option<&'a str>,
    /// The field is what follows the last occurrence of this, in what `before` left.
    pub after: Option<&'a str>,
}

impl HeaderField<'_> {
    /// The field's value in `headers`: the header's first non-blank value, trimmed, cut as
    /// a code is (`code_before`, `code_after`); `None` when that leaves it blank.
    pub(crate) fn value<'h>(&self, headers: &'h HeaderMap) -> Option<Cow<'h, str>> {
        let text = first(headers, &[self.header])?;
        let range = cut_range(&text, self.before, self.after);
        non_blank(match text {
            Cow::Borrowed(text) => Cow::Borrowed(&text[range]),
            Cow::Owned(text) => Cow::Owned(text[range].to_owned()),
        })
    }
}

impl Headers<'static> {
    /// A spec that reads no header but `Retry-After`.
    pub const NONE: Headers<'static> = Headers {
        code: &[],
        code_first: false,
        request_id: &[],
        should_retry: &[],
        fields: &[],
        retry_after: &[],
    };
}

/// The first non-blank value, trimmed, of the first of `names` present in `headers`.
pub(crate) fn first<'h>(headers: &'h HeaderMap, names: &[&str]) -> Option<Cow<'h, str>> {
    first_named(headers, names).map(|(_, value)| value)
}

/// [`first`], with the name it was found under.
fn first_named<'n, 'h>(
    headers: &'h HeaderMap,
    names: &[&'n str],
) -> Option<(&'n str, Cow<'h, str>)> {
    names.iter().find_map(|name| {
        let mut values = headers.get_all(*name).iter().map(text);
        values.find_map(non_blank).map(|value| (*name, value))
    })
}

/// A header value's text. Bytes past ASCII (obs-text, which HTTP allows) are read as UTF-8
/// where they are (what servers send nearly always), else each as its Latin-1 character, as
/// HTTP/1.1 first defined them: a code or request id is never dropped for one byte.
fn text(value: &HeaderValue) -> Cow<'_, str> {
    match core::str::from_utf8(value.as_bytes()) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => Cow::Owned(value.as_bytes().iter().copied().map(char::from).collect()),
    }
}

/// `text` trimmed, `None` when blank.
fn non_blank(text: Cow<'_, str>) -> Option<Cow<'_, str>> {
    match text {
        _ if text.trim().is_empty() => None,
        Cow::Borrowed(text) => Some(Cow::Borrowed(text.trim())),
        Cow::Owned(text) if text.trim().len() == text.len() => Some(Cow::Owned(text)),
        Cow::Owned(text) => Some(Cow::Owned(text.trim().to_owned())),
    }
}

/// The first value of header `name`, trimmed, that `parse` reads.
fn parsed<T>(headers: &HeaderMap, name: &str, parse: impl Fn(&str) -> Option<T>) -> Option<T> {
    headers
        .get_all(name)
        .iter()
        .find_map(|value| parse(text(value).trim()))
}

/// The header (as the spec names it) whose value `decode_parts` takes as the code of errors
/// whose body holds none: what `errspec decode` names.
#[must_use]
pub fn code_header<'n>(headers: &HeaderMap, spec: &Headers<'n>) -> Option<&'n str> {
    first_named(headers, spec.code).map(|(name, _)| name)
}

/// Every value of the headers in `headers` that `spec` names for a code or a rate-limit reset,
/// as received: what [`crate::ErrorResponse::headers`] keeps.
pub(crate) fn kept(headers: &HeaderMap, spec: &Headers<'_>) -> HeaderMap {
    let names = spec
        .code
        .iter()
        .copied()
        .chain(spec.should_retry.iter().copied())
        .chain(spec.fields.iter().map(|field| field.header))
        .chain(spec.retry_after.iter().map(|(name, _)| *name));
    let mut kept = HeaderMap::new();
    for name in names {
        let Ok(name) = HeaderName::from_bytes(name.as_bytes()) else {
            continue;
        };
        // A name listed twice is copied once.
        if kept.contains_key(&name) {
            continue;
        }
        for value in headers.get_all(&name) {
            kept.append(name.clone(), value.clone());
        }
    }
    kept
}

/// Whether the server says retrying may succeed: the first of the spec's `should_retry`
/// headers that holds `true` or `false` (any case).
pub(crate) fn should_retry(headers: &HeaderMap, names: &[&str]) -> Option<bool> {
    let verdict = |value: &str| match value {
        yes if yes.eq_ignore_ascii_case("true") => Some(true),
        no if no.eq_ignore_ascii_case("false") => Some(false),
        _ => None,
    };
    names.iter().find_map(|name| parsed(headers, name, verdict))
}

/// When to retry by the first of the spec's reset headers that reads.
pub fn reset(headers: &HeaderMap, names: &[(&str, ResetFormat)]) -> Option<RetryAfter> {
    names
        .iter()
        .find_map(|(name, format)| parsed(headers, name, |value| parse_reset(value, *format)))
}

/// A reset header's value in its format.
pub(crate) fn parse_reset(text: &str, format: ResetFormat) -> Option<RetryAfter> {
    match format {
        ResetFormat::Seconds => delay::seconds(text).map(RetryAfter::Delay),
        ResetFormat::Milliseconds => delay::milliseconds(text).map(RetryAfter::Delay),
        ResetFormat::Duration => delay::with_units(text).map(RetryAfter::Delay),
        ResetFormat::EpochSeconds => {
            let seconds = delay::seconds(text)?;
            UNIX_EPOCH.checked_add(seconds).map(RetryAfter::At)
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, UNIX_EPOCH};

    use http::{HeaderMap, HeaderValue};

    use super::{code_header, first, kept, parse_reset, reset, HeaderField, Headers, ResetFormat};
    use crate::RetryAfter;

    #[test]
    fn reset_values_read_in_each_format() {
        let delay = |seconds| Some(RetryAfter::Delay(Duration::from_secs(seconds)));
        assert_eq!(parse_reset("30", ResetFormat::Seconds), delay(30));
        assert_eq!(
            parse_reset("1500", ResetFormat::Milliseconds),
            Some(RetryAfter::Delay(Duration::from_millis(1500)))
        );
        assert_eq!(
            parse_reset("20.5", ResetFormat::Milliseconds),
            Some(RetryAfter::Delay(Duration::from_micros(20_500)))
        );
        // Shopify's `Retry-After: 2.0` style, and OpenAI's durations.
        assert_eq!(
            parse_reset("2.5", ResetFormat::Seconds),
            Some(RetryAfter::Delay(Duration::from_millis(2500)))
        );
        assert_eq!(parse_reset("6m0s", ResetFormat::Duration), delay(360));
        assert_eq!(
            parse_reset("120ms", ResetFormat::Duration),
            Some(RetryAfter::Delay(Duration::from_millis(120)))
        );
        assert_eq!(
            parse_reset("1700000000", ResetFormat::EpochSeconds),
            Some(RetryAfter::At(
                UNIX_EPOCH + Duration::from_secs(1_700_000_000)
            ))
        );
        for bad in ["", "-1", "1.", "soon", "1e3"] {
            assert_eq!(parse_reset(bad, ResetFormat::Seconds), None, "{bad}");
        }
        assert_eq!(parse_reset("1.x", ResetFormat::Milliseconds), None);
        // Huge values saturate rather than fail.
        assert_eq!(
            parse_reset("99999999999999999999999", ResetFormat::Seconds),
            delay(u64::MAX)
        );
    }

    #[test]
    fn a_header_field_is_cut_as_a_code_is() {
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-amzn-query-error",
            HeaderValue::from_static(" Customized ; Sender "),
        );
        let field = |headers: &HeaderMap, before, after| {
            HeaderField {
                field: 0,
                header: "X-Amzn-Query-Error",
                before,
                after,
            }
            .value(headers)
            .map(std::borrow::Cow::into_owned)
        };
        let text = |text: &str| Some(text.to_owned());
        assert_eq!(field(&headers, None, None), text("Customized ; Sender"));
        assert_eq!(field(&headers, Some(";"), None), text("Customized"));
        assert_eq!(field(&headers, None, Some(";")), text("Sender"));
        headers.insert("x-amzn-query-error", HeaderValue::from_static(";"));
        assert_eq!(field(&headers, Some(";"), None), None);
        assert_eq!(field(&headers, None, Some(";")), None);
    }

    #[test]
    fn headers_are_tried_in_order_and_blank_values_skipped() {
        let mut headers = HeaderMap::new();
        headers.insert("x-request-id", HeaderValue::from_static("  "));
        headers.insert("X-Amzn-RequestId", HeaderValue::from_static(" abc-123 "));
        assert_eq!(
            first(&headers, &["x-request-id", "x-amzn-requestid"]).as_deref(),
            Some("abc-123")
        );
        headers.insert("ratelimit-reset", HeaderValue::from_static("later"));
        headers.insert("x-ratelimit-reset", HeaderValue::from_static("1700000000"));
        let names = [
            ("RateLimit-Reset", ResetFormat::Seconds),
            ("x-ratelimit-reset", ResetFormat::EpochSeconds),
        ];
        assert_eq!(
            reset(&headers, &names),
            Some(RetryAfter::At(
                UNIX_EPOCH + Duration::from_secs(1_700_000_000)
            ))
        );
        assert_eq!(reset(&HeaderMap::new(), &names), None);
    }

    #[test]
    fn the_code_header_named_is_the_one_whose_value_is_read() {
        let mut headers = HeaderMap::new();
        headers.insert("x-amzn-errortype", HeaderValue::from_static(" "));
        headers.insert(
            "x-amzn-query-error",
            HeaderValue::from_static("Throttling;Sender"),
        );
        let spec = Headers {
            code: &["X-Amzn-ErrorType", "x-amzn-query-error"],
            ..Headers::NONE
        };
        assert_eq!(code_header(&headers, &spec), Some("x-amzn-query-error"));
        assert_eq!(
            first(&headers, spec.code).as_deref(),
            Some("Throttling;Sender")
        );
        assert_eq!(code_header(&HeaderMap::new(), &spec), None);
    }

    #[test]
    fn keeps_every_value_of_the_code_and_reset_headers_only() {
        let mut headers = HeaderMap::new();
        headers.append("x-amzn-errortype", HeaderValue::from_static("Throttling"));
        headers.append("x-ratelimit-reset", HeaderValue::from_static("1700000000"));
        headers.append("x-ratelimit-reset", HeaderValue::from_static("1700000060"));
        headers.insert("x-request-id", HeaderValue::from_static("abc"));
        headers.insert("set-cookie", HeaderValue::from_static("session=secret"));
        let spec = Headers {
            code: &["X-Amzn-ErrorType", "not a header name"],
            code_first: false,
            request_id: &["x-request-id"],
            should_retry: &[],
            fields: &[],
            retry_after: &[
                ("x-ratelimit-reset", ResetFormat::EpochSeconds),
                ("X-RateLimit-Reset", ResetFormat::Seconds),
            ],
        };
        let kept = kept(&headers, &spec);
        assert_eq!(kept.len(), 3);
        assert_eq!(kept["x-amzn-errortype"], "Throttling");
        let resets: Vec<_> = kept.get_all("x-ratelimit-reset").iter().collect();
        assert_eq!(resets, ["1700000000", "1700000060"]);
        assert!(!kept.contains_key("x-request-id") && !kept.contains_key("set-cookie"));
    }
}
