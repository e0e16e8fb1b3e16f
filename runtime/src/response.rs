use core::fmt;

use crate::{ApiError, Kind};

/// How many bytes of a body [`ErrorResponse::raw_body`] keeps: enough to show an HTML
/// error page's title or a JSON error in a log, bounded whatever the server sent.
pub const RAW_BODY_CAP: usize = 4096;

/// Everything one error response said, decoded. Holds at least one error.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorResponse<E> {
    status: u16,
    // Never empty: the only constructor takes a first error and nothing removes one.
    errors: Vec<E>,
    raw_body: Vec<u8>,
}

impl<E> ErrorResponse<E> {
    /// A response with HTTP status `status` holding the single error `first`.
    pub fn new(status: u16, first: E) -> Self {
        ErrorResponse {
            status,
            errors: vec![first],
            raw_body: Vec::new(),
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

    /// A response holding `errors`, in order; `None` when there are none.
    #[must_use]
    pub fn from_errors(status: u16, errors: Vec<E>) -> Option<Self> {
        (!errors.is_empty()).then(|| ErrorResponse {
            status,
            errors,
            raw_body: Vec::new(),
        })
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

impl<E: ApiError> ErrorResponse<E> {
    /// The kind of the first error.
    #[must_use]
    pub fn kind(&self) -> Kind {
        self.first().kind()
    }

    /// Whether retrying the same request may succeed: true when every error is retryable.
    #[must_use]
    pub fn is_retryable(&self) -> bool {
        self.errors.iter().all(ApiError::is_retryable)
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
