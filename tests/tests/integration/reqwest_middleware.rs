//! `errspec::RetryStrategy` and `errspec::WaitRetryAfter` (feature `reqwest-middleware`) in a
//! reqwest-middleware client with reqwest-retry's `RetryTransientMiddleware`, against the mock
//! server on 127.0.0.1. Nothing of reqwest, its middleware or the server is mocked.

use crate::mock_server;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use errspec::{RetryStrategy, WaitRetryAfter};
use errspec_tests::netilion::NetilionError;
use reqwest_middleware::{ClientBuilder, ClientWithMiddleware};
use reqwest_retry::policies::ExponentialBackoff;
use reqwest_retry::RetryTransientMiddleware;
use tower::util::MapRequestLayer;

/// Starts the mock server on a free loopback port; returns its base URL and the number of
/// requests it has received.
async fn serve() -> (String, Arc<AtomicUsize>) {
    let calls = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&calls);
    let app = mock_server::app().layer(MapRequestLayer::new(move |request| {
        counted.fetch_add(1, Ordering::SeqCst);
        request
    }));
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
        .await
        .expect("a free loopback port");
    let address = listener.local_addr().expect("the bound address");
    tokio::spawn(async move { axum::serve(listener, app).await });
    (format!("http://{address}"), calls)
}

/// Up to three retries, with a backoff of 10 to 20 ms: any longer wait is `Retry-After`'s.
fn backoff() -> ExponentialBackoff {
    ExponentialBackoff::builder()
        .retry_bounds(Duration::from_millis(10), Duration::from_millis(20))
        .build_with_max_retries(3)
}

fn client(wait_retry_after: bool) -> ClientWithMiddleware {
    let builder = ClientBuilder::new(reqwest::Client::new()).with(
        RetryTransientMiddleware::new_with_policy_and_strategy(
            backoff(),
            RetryStrategy::<NetilionError>::new(),
        ),
    );
    if wait_retry_after {
        builder.with(WaitRetryAfter::<NetilionError>::new()).build()
    } else {
        builder.build()
    }
}

#[tokio::test]
async fn a_429_is_retried_once_its_retry_after_has_passed() {
    let (base, calls) = serve().await;
    let start = Instant::now();
    let response = client(true)
        .get(format!("{base}/netilion/throttled-once"))
        .send()
        .await
        .expect("the retried request succeeds");
    let waited = start.elapsed();
    assert_eq!(response.status(), 200);
    assert_eq!(response.text().await.unwrap(), mock_server::DEVICE);
    assert_eq!(calls.load(Ordering::SeqCst), 2);
    // `Retry-After: 1`.
    assert!(
        (Duration::from_secs(1)..Duration::from_secs(5)).contains(&waited),
        "{waited:?}"
    );

    // The strategy alone retries as soon as reqwest-retry's policy says.
    let (base, calls) = serve().await;
    let start = Instant::now();
    let response = client(false)
        .get(format!("{base}/netilion/throttled-once"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(calls.load(Ordering::SeqCst), 2);
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "{:?}",
        start.elapsed()
    );
}

#[tokio::test]
async fn what_the_spec_says_not_to_retry_is_returned_at_once() {
    for (path, status) in [
        // Validation errors: fix the request.
        ("/netilion/validation", 400),
        // Retryable, but asks for two minutes: more than the strategy's longest wait.
        ("/netilion/retry-later", 503),
    ] {
        let (base, calls) = serve().await;
        let start = Instant::now();
        let response = client(true)
            .get(format!("{base}{path}"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), status, "{path}");
        assert_eq!(calls.load(Ordering::SeqCst), 1, "{path}");
        assert!(start.elapsed() < Duration::from_secs(1), "{path}");
        // The response still decodes in full.
        let decoded = NetilionError::from_reqwest(response).await;
        assert_eq!(decoded.status(), status, "{path}");
        if status == 400 {
            assert_eq!(decoded.errors().len(), 2);
        } else {
            assert_eq!(decoded.retry_after(), Some(Duration::from_secs(120)));
        }
    }
}

#[tokio::test]
async fn retryable_answers_are_retried_up_to_the_policy_bound() {
    // 429 without `Retry-After`: Netilion's limit resets at the next minute, which may be up
    // to a minute away; a strategy that accepts no wait longer than 0 s retries only when it
    // does not know one. Here it knows one, so it gives up at once...
    let (base, calls) = serve().await;
    let client = ClientBuilder::new(reqwest::Client::new())
        .with(RetryTransientMiddleware::new_with_policy_and_strategy(
            backoff(),
            RetryStrategy::<NetilionError>::new().max_wait(Duration::ZERO),
        ))
        .build();
    let response = client
        .get(format!("{base}/netilion/too-many-requests"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 429);
    assert_eq!(calls.load(Ordering::SeqCst), 1);

    // ...and an API that is away (a gateway's 502, no wait given) is tried four times in all.
    let (base, calls) = serve().await;
    let client = ClientBuilder::new(reqwest::Client::new())
        .with(RetryTransientMiddleware::new_with_policy_and_strategy(
            backoff(),
            RetryStrategy::<NetilionError>::new(),
        ))
        .with(WaitRetryAfter::<NetilionError>::new())
        .build();
    let response = client
        .get(format!("{base}/gateway/down"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 502);
    assert_eq!(calls.load(Ordering::SeqCst), 4);
}
