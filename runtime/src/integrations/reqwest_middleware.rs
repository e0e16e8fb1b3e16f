//! reqwest-retry's `RetryTransientMiddleware`, classified by a spec and held to `Retry-After`
//! (feature `reqwest-middleware`).
//!
//! reqwest-retry splits retrying in two: a `RetryableStrategy` says whether to retry a
//! response, a `RetryPolicy` says how long to wait, and the policy never sees the response
//! (reqwest-middleware issue 146). [`RetryStrategy`] decides with the spec;
//! [`WaitRetryAfter`], a middleware placed after the retry middleware, makes the next
//! attempt of a request wait until the time the previous response named.

use core::marker::PhantomData;
use std::time::Duration;

use http::Extensions;
use reqwest::{Request, Response};
use reqwest_middleware::{Middleware, Next};
use reqwest_retry::{default_on_request_failure, Retryable, RetryableStrategy};
use tokio::time::Instant;

use crate::{ApiError, ErrorResponse};

/// A [`RetryableStrategy`] that retries what the spec of `E` says to retry: a response whose
/// status and headers decode (with an empty body: a strategy is not given the body) to
/// retryable errors, unless it asks for a wait longer than [`RetryStrategy::max_wait`] (a
/// minute unless set); a request that failed to send as reqwest-retry's default does. Put
/// [`WaitRetryAfter`] after the retry middleware so that the retry waits as long as the
/// response asked.
///
/// ```no_run
/// use reqwest_middleware::ClientBuilder;
/// use reqwest_retry::policies::ExponentialBackoff;
/// use reqwest_retry::RetryTransientMiddleware;
///
/// errspec::errors_from_spec!("netilion.toml");
///
/// let client = ClientBuilder::new(reqwest::Client::new())
///     .with(RetryTransientMiddleware::new_with_policy_and_strategy(
///         ExponentialBackoff::builder().build_with_max_retries(3),
///         errspec::RetryStrategy::<NetilionError>::new(),
///     ))
///     .with(errspec::WaitRetryAfter::<NetilionError>::new())
///     .build();
/// # let _ = client;
/// ```
pub struct RetryStrategy<E> {
    max_wait: Duration,
    error: PhantomData<fn() -> E>,
}

impl<E> RetryStrategy<E> {
    /// Retries what the spec says to retry, when the response asks for a wait of at most a
    /// minute.
    #[must_use]
    pub fn new() -> Self {
        RetryStrategy {
            max_wait: Duration::from_secs(60),
            error: PhantomData,
        }
    }

    /// The longest wait a response may ask for and still be retried.
    #[must_use]
    pub fn max_wait(mut self, max_wait: Duration) -> Self {
        self.max_wait = max_wait;
        self
    }
}

impl<E: ApiError> RetryableStrategy for RetryStrategy<E> {
    fn handle(&self, result: &reqwest_middleware::Result<Response>) -> Option<Retryable> {
        let response = match result {
            Ok(response) => response,
            Err(error) => return default_on_request_failure(error),
        };
        let verdict = match response.extensions().get::<Verdict>() {
            Some(verdict) => *verdict,
            None => Verdict::of(&classify::<E>(response)?),
        };
        let wait_allowed = verdict.wait.is_none_or(|wait| wait <= self.max_wait);
        Some(if verdict.retryable && wait_allowed {
            Retryable::Transient
        } else {
            Retryable::Fatal
        })
    }
}

/// A middleware that makes a request's next attempt wait until the time its previous
/// response named (`Retry-After`, a reset header the spec of `E` names, the spec's rate-limit
/// window), counting the backoff the retry middleware already waited. Put it after
/// reqwest-retry's `RetryTransientMiddleware` (see [`RetryStrategy`]); a response that is
/// not retried is never waited for.
pub struct WaitRetryAfter<E> {
    error: PhantomData<fn() -> E>,
}

impl<E> WaitRetryAfter<E> {
    /// The middleware for the API of `E`.
    #[must_use]
    pub fn new() -> Self {
        WaitRetryAfter { error: PhantomData }
    }
}

/// When a request's next attempt may start, kept in the request's extensions, which
/// reqwest-retry hands to every attempt.
#[derive(Debug, Clone, Copy)]
struct NotBefore(Instant);

#[async_trait::async_trait]
impl<E: ApiError> Middleware for WaitRetryAfter<E> {
    async fn handle(
        &self,
        request: Request,
        extensions: &mut Extensions,
        next: Next<'_>,
    ) -> reqwest_middleware::Result<Response> {
        if let Some(NotBefore(start)) = extensions.remove::<NotBefore>() {
            tokio::time::sleep_until(start).await;
        }
        let mut result = next.run(request, extensions).await;
        if let Ok(response) = &mut result {
            if let Some(decoded) = classify::<E>(response) {
                let verdict = Verdict::of(&decoded);
                if let Some(wait) = verdict.wait {
                    extensions.insert(NotBefore(Instant::now() + wait));
                }
                // The strategy reads it instead of decoding the response again.
                response.extensions_mut().insert(verdict);
            }
        }
        result
    }
}

/// What the spec says of a response: whether to retry it, and after how long.
#[derive(Debug, Clone, Copy)]
struct Verdict {
    retryable: bool,
    wait: Option<Duration>,
}

impl Verdict {
    fn of<E: ApiError>(response: &ErrorResponse<E>) -> Verdict {
        Verdict {
            retryable: response.is_retryable(),
            wait: response.retry_after(),
        }
    }
}

/// The errors of `response` by its status and headers, `None` for a success.
fn classify<E: ApiError>(response: &Response) -> Option<ErrorResponse<E>> {
    let status = response.status();
    E::is_error(status.as_u16(), &[]).then(|| E::decode_parts(status, response.headers(), &[]))
}

plain_impls!(RetryStrategy { max_wait });
plain_impls!(WaitRetryAfter {});
