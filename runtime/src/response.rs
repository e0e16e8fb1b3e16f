use core::fmt;
use std::sync::LazyLock;
use std::time::{Duration, SystemTime};

use http::{HeaderMap, StatusCode};

use crate::retry::{until_next_window, MAX_RETRY_AFTER};
use crate::{ApiError, Kind, Recovery, RetryAfter};

/// What the advice of an [`ErrorResponse`] (its kind, whether to retry, when, and how to
/// recover) reads of each of its errors. Every [`ApiError`] has it; a type of your own that
/// wraps decoded errors may implement it to get the same advice.
pub trait Classified {
    /// What went wrong.
    fn kind(&self) -> Kind;
    /// Whether retrying the same request may succeed.
    fn is_retryable(&self) -> bool;
    /// What to do about it, without a wait.
    fn recovery(&self) -> Recovery;
    /// The window the API's rate limits reset at, when its spec names one.
    fn rate_limit_window(&self) -> Option<Duration>;
}

impl<E: ApiError> Classified for E {
    fn kind(&self) -> Kind {
        ApiError::kind(self)
    }
    fn is_retryable(&self) -> bool {
        ApiError::is_retryable(self)
    }
    fn recovery(&self) -> Recovery {
        ApiError::recovery(self)
    }
    fn rate_limit_window(&self) -> Option<Duration> {
        ApiError::rate_limit_window(self)
    }
}

/// How many bytes of a body [`ErrorResponse::raw_body`] keeps: enough to show an HTML
/// error page's title or a JSON error in a log, bounded whatever the server sent.
pub const RAW_BODY_CAP: usize = 4096;

/// Everything one error response said, decoded. Holds at least one error.
#[derive(Debug, Clone)]
pub struct ErrorResponse<E> {
    status: u16,
    // Never empty: the only constructor takes a first error and nothing removes one.
    errors: Vec<E>,
    raw_body: Vec<u8>,
    retry_after: Option<RetryAfter>,
    // Whether the server said retrying may succeed, over what the errors say.
    should_retry: Option<bool>,
    request_id: Option<String>,
    // Boxed and only when some were kept: most responses are decoded without headers, and a
    // `HeaderMap` inline would make every response larger to move and to drop.
    headers: Option<Box<HeaderMap>>,
}

/// What [`ErrorResponse::headers`] returns for a response that kept none.
static NO_HEADERS: LazyLock<HeaderMap> = LazyLock::new(HeaderMap::new);

impl<E> ErrorResponse<E> {
    /// A response with HTTP status `status` holding the single error `first`.
    pub fn new(status: u16, first: E) -> Self {
        ErrorResponse {
            status,
            errors: vec![first],
            raw_body: Vec::new(),
            retry_after: None,
            should_retry: None,
            request_id: None,
            headers: None,
        }
    }

    /// Keeps the start of the body as received (at most [`RAW_BODY_CAP`] bytes) for
    /// debugging.
    #[must_use]
    pub fn with_raw_body(mut self, body: &[u8]) -> Self {
        self.raw_body = body[..body.len().min(RAW_BODY_CAP)].to_vec();
        self
    }

    /// The start of a body that held no readable error (an HTML page from a proxy, plain
    /// text, JSON of another shape), at most [`RAW_BODY_CAP`] bytes, for logs and debugging.
    /// Empty when errors were read from the body: they hold what it said. Never shown by
    /// `Display`.
    #[must_use]
    pub fn raw_body(&self) -> &[u8] {
        &self.raw_body
    }

    /// Sets the id the server gave the request (read from the headers the spec names under
    /// `[envelope.headers] request_id`, else from the body where an envelope's `request_id`
    /// says; what [`ErrorResponse::to_http`] sends back).
    #[must_use]
    pub fn with_request_id(mut self, request_id: impl Into<String>) -> Self {
        self.request_id = Some(request_id.into());
        self
    }

    /// The id the server gave the request, for support tickets and logs: from the first
    /// header the spec names under `[envelope.headers] request_id` (`x-request-id`,
    /// `x-amzn-RequestId`, `x-github-request-id`), else from the body where the envelope's
    /// `request_id` points (awsQuery's `<RequestId>`). `None` when neither has one.
    #[must_use]
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The headers of the response that the spec names under `[envelope.headers]` besides
    /// the request id and `Retry-After` (which [`ErrorResponse::request_id`] and
    /// [`ErrorResponse::retry_after_header`] hold): a code sent in a header
    /// (`x-amzn-ErrorType`), rate-limit resets (`x-ratelimit-reset`), every value as received.
    /// Empty when decoded without headers. [`ErrorResponse::to_http`] sends them back.
    #[must_use]
    pub fn headers(&self) -> &HeaderMap {
        self.headers.as_deref().unwrap_or(&NO_HEADERS)
    }

    /// The headers [`ErrorResponse::headers`] returns, to add to (a mock server's response).
    pub fn headers_mut(&mut self) -> &mut HeaderMap {
        self.headers.get_or_insert_with(Box::default)
    }

    /// Keeps `headers` as [`ErrorResponse::headers`] (none kept when it is empty).
    pub(crate) fn keep_headers(&mut self, headers: HeaderMap) {
        self.headers = (!headers.is_empty()).then(|| Box::new(headers));
    }

    /// A response holding `errors`, in order; `None` when there are none.
    #[must_use]
    pub fn from_errors(status: u16, errors: Vec<E>) -> Option<Self> {
        (!errors.is_empty()).then(|| ErrorResponse {
            status,
            errors,
            raw_body: Vec::new(),
            retry_after: None,
            should_retry: None,
            request_id: None,
            headers: None,
        })
    }

    /// Sets the `Retry-After` the response carries (what [`ErrorResponse::to_http`] sends,
    /// and what `decode_http` reads).
    #[must_use]
    pub fn with_retry_after(mut self, retry_after: RetryAfter) -> Self {
        self.retry_after = Some(retry_after);
        self
    }

    /// The `Retry-After` header as the server sent it, unclamped (without one, the longest
    /// delay the body's errors give where the spec reads one, else the first reset header the
    /// spec names that reads, as the `Retry-After` it stands for); `None` without any, or when
    /// none reads. [`ErrorResponse::retry_after`] is the wait to use.
    #[must_use]
    pub fn retry_after_header(&self) -> Option<RetryAfter> {
        self.retry_after
    }

    /// Sets whether the server says retrying may succeed (Stripe's `Stripe-Should-Retry`):
    /// [`ErrorResponse::is_retryable`] and [`ErrorResponse::recovery`] follow it over what
    /// the errors say.
    #[must_use]
    pub fn with_should_retry(mut self, should_retry: bool) -> Self {
        self.should_retry = Some(should_retry);
        self
    }

    /// Whether the server said retrying may succeed, in a header the spec names
    /// (`should_retry`); `None` where it said nothing.
    #[must_use]
    pub fn should_retry(&self) -> Option<bool> {
        self.should_retry
    }

    /// Appends an error after those already held.
    pub fn push(&mut self, error: E) {
        self.errors.push(error);
    }

    /// The HTTP status of the response.
    #[must_use]
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The HTTP status of the response as the `http` crate's type; 500 when
    /// [`ErrorResponse::status`] is none (a number outside 100..=999 given to `decode`).
    #[must_use]
    pub fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// The first (often the only) error.
    #[must_use]
    pub fn first(&self) -> &E {
        &self.errors[0]
    }

    /// All errors, in the order the body listed them. Never empty.
    #[must_use]
    pub fn errors(&self) -> &[E] {
        &self.errors
    }

    /// All errors, in order.
    pub fn iter(&self) -> core::slice::Iter<'_, E> {
        self.errors.iter()
    }

    /// All errors, by value. Never empty.
    #[must_use]
    pub fn into_errors(self) -> Vec<E> {
        self.errors
    }
}

impl<E: Classified> ErrorResponse<E> {
    /// The kind of the first error.
    #[must_use]
    pub fn kind(&self) -> Kind {
        self.first().kind()
    }

    /// Whether retrying the same request may succeed: what the server said in a header the
    /// spec names ([`ErrorResponse::should_retry`]), else true when every error is retryable.
    #[must_use]
    pub fn is_retryable(&self) -> bool {
        self.should_retry
            .unwrap_or_else(|| self.errors.iter().all(Classified::is_retryable))
    }

    /// How long to wait before trying again, as [`ErrorResponse::retry_after_at`] from now.
    #[must_use]
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after_at(SystemTime::now())
    }

    /// How long to wait from `now` before trying again: the `Retry-After` header (seconds,
    /// or the time until its date, zero once past); without one, for a rate-limited
    /// response of an API whose spec names a rate-limit window (Netilion: a minute), the
    /// time until the next window starts. At most [`MAX_RETRY_AFTER`] (one hour). `None`
    /// when nothing says.
    #[must_use]
    pub fn retry_after_at(&self, now: SystemTime) -> Option<Duration> {
        if let Some(header) = self.retry_after {
            return Some(header.wait_at(now));
        }
        let window = self
            .errors
            .iter()
            .filter(|error| error.kind() == Kind::RateLimited)
            .find_map(Classified::rate_limit_window)?;
        Some(until_next_window(now, window).min(MAX_RETRY_AFTER))
    }

    /// What to do about the response, as [`ErrorResponse::recovery_at`] from now.
    #[must_use]
    pub fn recovery(&self) -> Recovery {
        self.recovery_at(SystemTime::now())
    }

    /// What to do about the response: the recovery of its errors furthest from a plain
    /// retry (give up, then fix the request, then re-authenticate), so
    /// [`Recovery::Retry`] only when every error is retryable, with
    /// [`ErrorResponse::retry_after_at`]`(now)` as its wait. Where the server said whether to
    /// retry ([`ErrorResponse::should_retry`]), that decides: `false` gives a retry up,
    /// `true` retries.
    #[must_use]
    pub fn recovery_at(&self, now: SystemTime) -> Recovery {
        let furthest = self
            .errors
            .iter()
            .map(Classified::recovery)
            .max_by_key(|recovery| recovery.severity())
            .unwrap_or(Recovery::GiveUp);
        // What the server said wins: a retry it calls futile is given up, one it calls safe
        // is advised.
        let furthest = match self.should_retry {
            Some(false) if furthest.is_retry() => Recovery::GiveUp,
            Some(true) => Recovery::Retry { after: None },
            _ => furthest,
        };
        if furthest.is_retry() {
            Recovery::Retry {
                after: self.retry_after_at(now),
            }
        } else {
            furthest
        }
    }
}

/// Equal when everything the responses said is: status, errors, body kept, `Retry-After`,
/// request id and headers kept (none kept and an empty set are the same).
impl<E: PartialEq> PartialEq for ErrorResponse<E> {
    fn eq(&self, other: &Self) -> bool {
        self.status == other.status
            && self.errors == other.errors
            && self.raw_body == other.raw_body
            && self.retry_after == other.retry_after
            && self.should_retry == other.should_retry
            && self.request_id == other.request_id
            && self.headers() == other.headers()
    }
}

/// A response holding one error, with the status the error carries.
impl<E: ApiError> From<E> for ErrorResponse<E> {
    fn from(error: E) -> Self {
        ErrorResponse::new(error.status(), error)
    }
}

impl<'a, E> IntoIterator for &'a ErrorResponse<E> {
    type Item = &'a E;
    type IntoIter = core::slice::Iter<'a, E>;

    fn into_iter(self) -> Self::IntoIter {
        self.errors.iter()
    }
}

impl<E> IntoIterator for ErrorResponse<E> {
    type Item = E;
    type IntoIter = std::vec::IntoIter<E>;

    fn into_iter(self) -> Self::IntoIter {
        self.errors.into_iter()
    }
}

impl<E: fmt::Display> fmt::Display for ErrorResponse<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HTTP {}: {}", self.status, self.first())?;
        match self.errors.len() - 1 {
            0 => Ok(()),
            1 => f.write_str(" (and 1 more error)"),
            more => write!(f, " (and {more} more errors)"),
        }
    }
}

impl<E: ApiError> std::error::Error for ErrorResponse<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(self.first())
    }
}
