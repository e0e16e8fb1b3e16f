//! A `tower::retry::Policy` that retries what a spec says to retry (feature `tower`).

use core::marker::PhantomData;
use std::hash::{BuildHasher, RandomState};
use std::time::Duration;

use tower::retry::Policy;

use crate::{ApiError, ErrorResponse, Recovery};

/// Retries a request whose response the spec of `E` says to retry
/// ([`ErrorResponse::recovery`] is [`Recovery::Retry`]): after the wait the response gives
/// (`Retry-After`, a reset header the spec names, the spec's rate-limit window), else after
/// an exponential backoff with jitter. At most [`RetryPolicy::attempts`] retries per request
/// (3 unless set); a response that asks for a longer wait than [`RetryPolicy::max_wait`] (a
/// minute unless set) is not retried but returned, its `retry_after()` telling when.
///
/// It classifies responses of the `http` crate whose body is read (`http::Response<B>`,
/// `B: AsRef<[u8]>`, such as `Bytes` or `Vec<u8>`); the service's own errors (a refused
/// connection, a timeout) are left to the layers that produce them. Waits use tokio's timer.
///
/// ```
/// use std::time::Duration;
/// use tower::retry::RetryLayer;
///
/// errspec::errors_from_spec!("netilion.toml");
///
/// let policy = errspec::RetryPolicy::<NetilionError>::new()
///     .attempts(5)
///     .backoff(Duration::from_millis(100), Duration::from_secs(5));
/// let layer = RetryLayer::new(policy);
/// # let _ = layer;
/// ```
pub struct RetryPolicy<E> {
    attempts: u32,
    retried: u32,
    first_backoff: Duration,
    max_backoff: Duration,
    max_wait: Duration,
    error: PhantomData<fn() -> E>,
}

impl<E> RetryPolicy<E> {
    /// At most 3 retries; backoff from 200 ms doubling up to 10 s; waits of up to a minute.
    #[must_use]
    pub fn new() -> Self {
        RetryPolicy {
            attempts: 3,
            retried: 0,
            first_backoff: Duration::from_millis(200),
            max_backoff: Duration::from_secs(10),
            max_wait: Duration::from_secs(60),
            error: PhantomData,
        }
    }

    /// Retries a request at most `attempts` times (after its first try).
    #[must_use]
    pub fn attempts(mut self, attempts: u32) -> Self {
        self.attempts = attempts;
        self
    }

    /// The backoff of a response that says nothing of when to retry: `first` before the first
    /// retry, doubling each time up to `max`, each wait drawn between its half and itself so
    /// that clients turned away together do not come back together.
    #[must_use]
    pub fn backoff(mut self, first: Duration, max: Duration) -> Self {
        self.first_backoff = first;
        self.max_backoff = max.max(first);
        self
    }

    /// The longest wait a response may ask for and still be retried.
    #[must_use]
    pub fn max_wait(mut self, max_wait: Duration) -> Self {
        self.max_wait = max_wait;
        self
    }

    /// The backoff before retry number `self.retried + 1`.
    fn backoff_now(&self) -> Duration {
        let doubled = self
            .first_backoff
            .saturating_mul(1u32.checked_shl(self.retried).unwrap_or(u32::MAX));
        let ceiling = doubled.min(self.max_backoff);
        // Jitter from the standard library's randomly seeded hasher: no RNG crate for this.
        let draw = RandomState::new().hash_one(self.retried);
        let half = ceiling / 2;
        let span = u64::try_from((ceiling - half).as_nanos()).unwrap_or(u64::MAX);
        half + Duration::from_nanos(draw % span.saturating_add(1))
    }
}

impl<E: ApiError> RetryPolicy<E> {
    /// How long to wait before retrying a request that got `response`, counting the retry:
    /// `None` when its recovery is not to retry, when the retries are used up, or when the
    /// response asks for a wait above [`RetryPolicy::max_wait`]. For services whose errors
    /// are already decoded, to write a `Policy` of their own in a few lines.
    pub fn next_wait(&mut self, response: &ErrorResponse<E>) -> Option<Duration> {
        let Recovery::Retry { after } = response.recovery() else {
            return None;
        };
        if self.retried >= self.attempts {
            return None;
        }
        let wait = after.unwrap_or_else(|| self.backoff_now());
        if wait > self.max_wait {
            return None;
        }
        self.retried += 1;
        Some(wait)
    }
}

plain_impls!(RetryPolicy {
    attempts,
    retried,
    first_backoff,
    max_backoff,
    max_wait
});

/// Tower clones the policy for each request, so each request counts its own retries.
impl<E, Req, B, Err> Policy<Req, http::Response<B>, Err> for RetryPolicy<E>
where
    E: ApiError,
    Req: Clone,
    B: AsRef<[u8]>,
{
    type Future = tokio::time::Sleep;

    fn retry(
        &mut self,
        _request: &mut Req,
        result: &mut Result<http::Response<B>, Err>,
    ) -> Option<Self::Future> {
        let response = result.as_ref().ok()?;
        let body = response.body().as_ref();
        if !E::is_error(response.status().as_u16(), body) {
            return None;
        }
        let decoded = E::decode_parts(response.status(), response.headers(), body);
        self.next_wait(&decoded).map(tokio::time::sleep)
    }

    fn clone_request(&mut self, request: &Req) -> Option<Req> {
        Some(request.clone())
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::RetryPolicy;

    #[test]
    fn backoff_doubles_within_its_bounds_and_jitters_down_to_half() {
        let mut policy = RetryPolicy::<()>::new()
            .backoff(Duration::from_millis(100), Duration::from_millis(350));
        for (retried, ceiling) in [(0, 100), (1, 200), (2, 350), (3, 350), (40, 350)] {
            policy.retried = retried;
            for _ in 0..50 {
                let wait = policy.backoff_now();
                let ceiling = Duration::from_millis(ceiling);
                assert!(
                    wait >= ceiling / 2 && wait <= ceiling,
                    "{wait:?} {ceiling:?}"
                );
            }
        }
    }
}
