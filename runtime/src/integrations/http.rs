//! The `http` crate's types on both sides: headers a client reads, responses a server sends.

use http::header::{CONTENT_TYPE, RETRY_AFTER};
use http::{HeaderMap, HeaderName, HeaderValue};

use crate::{ApiError, ErrorResponse, RetryAfter};

impl<E> ErrorResponse<E> {
    /// Sets the `Retry-After` that `headers` carry (the first one; an invalid value counts as
    /// none): `decode_parts` reads the rest of the headers by its spec.
    #[must_use]
    pub(crate) fn with_retry_after_of(self, headers: &HeaderMap) -> Self {
        match headers
            .get(RETRY_AFTER)
            .and_then(|value| RetryAfter::parse(value.as_bytes()))
        {
            Some(retry_after) => self.with_retry_after(retry_after),
            None => self,
        }
    }
}

impl<E: ApiError> ErrorResponse<E> {
    /// The response a server of this API sends: the response's status (500 if it is not a
    /// valid HTTP status), the errors in the vendor's wire format
    /// ([`ApiError::encode_response`], the request id in the body where the spec says) with its `Content-Type` ([`ApiError::content_type`]), or an empty body
    /// without a content type where the vendor sends none, `Retry-After` when set (in whole
    /// seconds, rounded up; left out where a reset header it sends says a wait of 1.5 s
    /// exactly), and the request id in the spec's request-id header when both are known, and the other headers
    /// it holds ([`ErrorResponse::headers`]).
    /// Decoding it with `decode_http` gives this response back.
    #[must_use]
    pub fn to_http(&self) -> http::Response<Vec<u8>> {
        let body = E::encode_response(self.status(), self.errors(), self.request_id());
        let has_body = !body.is_empty();
        let mut response = http::Response::new(body);
        *response.status_mut() = self.status_code();
        let headers = response.headers_mut();
        headers.clone_from(self.headers());
        if has_body {
            headers.insert(CONTENT_TYPE, HeaderValue::from_static(E::content_type()));
        }
        let request_id = E::request_id_header().zip(self.request_id());
        if let Some((name, id)) = request_id {
            if let (Ok(name), Ok(value)) = (
                HeaderName::from_bytes(name.as_bytes()),
                HeaderValue::from_str(id),
            ) {
                headers.insert(name, value);
            }
        }
        if let Some(retry_after) = self.retry_after_header() {
            let text = retry_after.to_string();
            // `Retry-After` says whole seconds and wins when decoded: a reset header that
            // already says a wait of 1.5 s exactly is left to say it.
            let exact = RetryAfter::parse(text.as_bytes()) == Some(retry_after);
            let said = || E::reset_header_wait(headers) == Some(retry_after);
            if exact || !said() {
                if let Ok(value) = HeaderValue::from_str(&text) {
                    headers.insert(RETRY_AFTER, value);
                }
            }
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use http::header::RETRY_AFTER;
    use http::HeaderMap;

    use crate::{ErrorResponse, RetryAfter};

    #[test]
    fn reads_the_first_valid_retry_after() {
        let mut headers = HeaderMap::new();
        headers.append(RETRY_AFTER, "7".parse().unwrap());
        headers.append(RETRY_AFTER, "9".parse().unwrap());
        let response = ErrorResponse::new(429, ()).with_retry_after_of(&headers);
        assert_eq!(
            response.retry_after_header(),
            Some(RetryAfter::Delay(Duration::from_secs(7)))
        );
        headers.insert(RETRY_AFTER, "tomorrow".parse().unwrap());
        let response = ErrorResponse::new(429, ()).with_retry_after_of(&headers);
        assert_eq!(response.retry_after_header(), None);
    }

    #[test]
    fn headers_kept_none_and_an_empty_set_are_the_same() {
        let plain = ErrorResponse::new(429, ());
        let mut touched = ErrorResponse::new(429, ());
        let _ = touched.headers_mut();
        assert_eq!(plain, touched);
        assert!(touched.headers().is_empty());
        touched
            .headers_mut()
            .insert("x-ratelimit-reset", "1700000000".parse().unwrap());
        assert_ne!(plain, touched);
        assert_eq!(touched.headers()["x-ratelimit-reset"], "1700000000");
    }
}
