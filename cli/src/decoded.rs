//! A decoded response as plain values, whichever decoder produced it: a vendor's generated
//! types (converted through [`errspec::ApiError`]) or the interpreter of a spec file. The CLI
//! prints this, and the differential test compares the two decoders through it.

use core::fmt;
use std::time::{Duration, SystemTime};

use errspec::http::HeaderMap;
use errspec::{ApiError, BatchItems, Classified, ErrorResponse, Kind, Recovery, RetryAfter};

/// Everything one error response said, decoded. Holds at least one error.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The response's HTTP status.
    pub status: u16,
    /// The errors, in the order the body listed them.
    pub errors: Vec<DecodedError>,
    /// The start of a body that held no readable error (see [`ErrorResponse::raw_body`]).
    pub raw_body: Vec<u8>,
    /// The request id the headers or the body gave (see [`ErrorResponse::request_id`]).
    pub request_id: Option<String>,
    /// When to retry, as the headers said (see [`ErrorResponse::retry_after_header`]).
    pub retry_after: Option<RetryAfter>,
    /// The other headers the spec names (see [`ErrorResponse::headers`]).
    pub headers: HeaderMap,
}

/// One decoded error: what [`ApiError`] tells about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedError {
    /// The variant's name (`Unknown` for an undocumented error).
    pub variant: String,
    /// The wire code (see [`ApiError::code`]).
    pub code: Option<String>,
    /// The message; never empty.
    pub message: String,
    /// The status the error arrived with.
    pub status: u16,
    /// The status the vendor documents.
    pub documented_status: Option<u16>,
    /// What went wrong.
    pub kind: Kind,
    /// Whether retrying may succeed.
    pub retryable: bool,
    /// What to do about it (see [`ApiError::recovery`]).
    pub recovery: Recovery,
    /// The window the API's rate limits reset at (see [`ApiError::rate_limit_window`]).
    pub rate_limit_window: Option<Duration>,
    /// The extra fields and template parameters, by name, in spec order.
    pub details: Vec<(String, Option<String>)>,
    /// Per-item results of a batch write.
    pub items: BatchItems,
    /// What the spec says the error means.
    pub description: Option<String>,
    /// What the spec says to do about it.
    pub solution: Option<String>,
}

impl Decoded {
    /// The values of a response decoded by generated types.
    pub fn from_response<E: ApiError>(response: &ErrorResponse<E>) -> Self {
        Decoded {
            status: response.status(),
            errors: response
                .errors()
                .iter()
                .map(DecodedError::from_api_error)
                .collect(),
            raw_body: response.raw_body().to_vec(),
            request_id: response.request_id().map(str::to_owned),
            retry_after: response.retry_after_header(),
            headers: response.headers().clone(),
        }
    }

    /// The values of a response whose errors the interpreter built.
    #[must_use]
    pub fn from_parts(response: ErrorResponse<DecodedError>) -> Self {
        Decoded {
            status: response.status(),
            raw_body: response.raw_body().to_vec(),
            request_id: response.request_id().map(str::to_owned),
            retry_after: response.retry_after_header(),
            headers: response.headers().clone(),
            errors: response.into_errors(),
        }
    }

    /// The kind of the first error, as [`ErrorResponse::kind`].
    #[must_use]
    pub fn kind(&self) -> Kind {
        self.errors.first().map_or(Kind::Other, |error| error.kind)
    }

    /// Whether every error is retryable, as [`ErrorResponse::is_retryable`].
    #[must_use]
    pub fn is_retryable(&self) -> bool {
        self.errors.iter().all(|error| error.retryable)
    }

    /// What to do about the response at `now`, with its wait, by the runtime's rules
    /// ([`ErrorResponse::recovery_at`]).
    #[must_use]
    pub fn recovery_at(&self, now: SystemTime) -> Recovery {
        let Some(response) = ErrorResponse::from_errors(self.status, self.errors.clone()) else {
            return Recovery::GiveUp;
        };
        match self.retry_after {
            Some(retry_after) => response.with_retry_after(retry_after),
            None => response,
        }
        .recovery_at(now)
    }
}

/// What the runtime's response-level advice reads of each error.
impl Classified for DecodedError {
    fn kind(&self) -> Kind {
        self.kind
    }
    fn is_retryable(&self) -> bool {
        self.retryable
    }
    fn recovery(&self) -> Recovery {
        self.recovery
    }
    fn rate_limit_window(&self) -> Option<Duration> {
        self.rate_limit_window
    }
}

impl DecodedError {
    /// The values of one generated error.
    pub fn from_api_error<E: ApiError>(error: &E) -> Self {
        DecodedError {
            variant: error.variant_name().to_owned(),
            code: error.code().map(str::to_owned),
            message: error.message().to_owned(),
            status: error.status(),
            documented_status: error.documented_status(),
            kind: error.kind(),
            retryable: error.is_retryable(),
            recovery: error.recovery(),
            rate_limit_window: error.rate_limit_window(),
            details: error
                .details()
                .into_iter()
                .map(|(name, value)| (name.to_owned(), value.map(str::to_owned)))
                .collect(),
            items: error.items().clone(),
            description: error.spec_description().map(str::to_owned),
            solution: error.spec_solution().map(str::to_owned),
        }
    }
}

/// As generated errors show themselves: `code: message`, or the message alone.
impl fmt::Display for DecodedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.code {
            Some(code) => write!(f, "{code}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}
