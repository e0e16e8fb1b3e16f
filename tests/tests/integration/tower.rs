//! `errspec::RetryPolicy` (feature `tower`) in a tower stack whose service is an axum router
//! (the mock server's, and one of its own here), called in the process: no mock of tower.
//! Time is tokio's paused clock, so waits of seconds take none and are measured exactly.

use crate::mock_server;

use std::convert::Infallible;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::routing::get;
use axum::Router;
use errspec::http::{Request, Response, StatusCode};
use errspec::RetryPolicy;
use errspec_tests::igel_imi::IgelImiError;
use errspec_tests::netilion::NetilionError;
use tokio::time::Instant;
use tower::retry::RetryLayer;
use tower::{Layer, Service, ServiceBuilder, ServiceExt};

/// A client of `router`: requests with a body that can be cloned for a retry, responses with
/// their body read, the number of requests the router received.
fn client(
    router: Router,
) -> (
    impl Service<Request<String>, Response = Response<Bytes>, Error = axum::Error> + Clone,
    Arc<AtomicUsize>,
) {
    let calls = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&calls);
    let service = tower::service_fn(move |request: Request<String>| {
        let router = router.clone();
        counted.fetch_add(1, Ordering::SeqCst);
        async move {
            let response = router
                .oneshot(request.map(Body::from))
                .await
                .unwrap_or_else(|never: Infallible| match never {});
            let (parts, body) = response.into_parts();
            let body = axum::body::to_bytes(body, usize::MAX).await?;
            Ok(Response::from_parts(parts, body))
        }
    });
    (service, calls)
}

fn get_request(path: &str) -> Request<String> {
    Request::get(path)
        .body(String::new())
        .expect("a valid request")
}

#[tokio::test(start_paused = true)]
async fn a_429_is_retried_after_its_retry_after_and_the_200_returned() {
    let (service, calls) = client(mock_server::app());
    let mut service = ServiceBuilder::new()
        .layer(RetryLayer::new(RetryPolicy::<NetilionError>::new()))
        .service(service);
    let start = Instant::now();
    let response = service
        .ready()
        .await
        .unwrap()
        .call(get_request("/netilion/throttled-once"))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.body(), mock_server::DEVICE.as_bytes());
    assert_eq!(calls.load(Ordering::SeqCst), 2);
    // `Retry-After: 1`, not the backoff.
    assert_eq!(start.elapsed(), Duration::from_secs(1));
}

#[tokio::test(start_paused = true)]
async fn what_the_spec_says_not_to_retry_is_returned_at_once() {
    for (path, status) in [
        // Validation errors: fix the request.
        ("/netilion/validation", StatusCode::BAD_REQUEST),
        // Retryable, but asks for two minutes: more than the policy's longest wait.
        ("/netilion/retry-later", StatusCode::SERVICE_UNAVAILABLE),
    ] {
        let (service, calls) = client(mock_server::app());
        let policy = RetryPolicy::<NetilionError>::new().max_wait(Duration::from_secs(60));
        let start = Instant::now();
        let response = RetryLayer::new(policy)
            .layer(service)
            .oneshot(get_request(path))
            .await
            .unwrap();
        assert_eq!(response.status(), status, "{path}");
        assert_eq!(calls.load(Ordering::SeqCst), 1, "{path}");
        assert_eq!(start.elapsed(), Duration::ZERO, "{path}");
        // The caller decodes the response it got, as the policy did.
        let decoded = NetilionError::decode_http(&response);
        assert_eq!(decoded.status_code(), status);
    }
}

#[tokio::test(start_paused = true)]
async fn retries_are_bounded_and_each_waits_as_the_response_asks() {
    // IGEL's 503 says `Retry-After` 30 s from now, as a date.
    let (service, calls) = client(mock_server::app());
    let policy = RetryPolicy::<IgelImiError>::new().attempts(2);
    let start = Instant::now();
    let response = RetryLayer::new(policy)
        .layer(service)
        .oneshot(get_request("/igel-imi/unavailable"))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(calls.load(Ordering::SeqCst), 3);
    // Two waits of up to 30 s each: the dates are whole seconds of the wall clock.
    let waited = start.elapsed();
    assert!(
        (Duration::from_secs(58)..=Duration::from_secs(60)).contains(&waited),
        "{waited:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn without_a_wait_the_policy_backs_off() {
    // A gateway's HTML page twice (502: retryable by status), then the API's answer.
    let failures = Arc::new(AtomicUsize::new(2));
    let router = Router::new().route(
        "/devices/42",
        get(move || {
            let failures = Arc::clone(&failures);
            async move {
                if failures.fetch_sub(1, Ordering::SeqCst) > 0 {
                    Err((
                        StatusCode::BAD_GATEWAY,
                        "<html><body>502 Bad Gateway</body></html>",
                    ))
                } else {
                    Ok(mock_server::DEVICE)
                }
            }
        }),
    );
    let (service, calls) = client(router);
    let policy = RetryPolicy::<NetilionError>::new()
        .backoff(Duration::from_millis(100), Duration::from_secs(1));
    let start = Instant::now();
    let response = RetryLayer::new(policy)
        .layer(service)
        .oneshot(get_request("/devices/42"))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(calls.load(Ordering::SeqCst), 3);
    // 50..=100 ms, then 100..=200 ms.
    let waited = start.elapsed();
    assert!(
        (Duration::from_millis(150)..=Duration::from_millis(300)).contains(&waited),
        "{waited:?}"
    );
}
