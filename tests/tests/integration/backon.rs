//! The backon example (`examples/backon_retry.rs`) against the mock server on 127.0.0.1.

use std::time::{Duration, Instant};

use crate::backon_retry::{fetch, FetchError};

async fn serve() -> String {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
        .await
        .expect("a free loopback port");
    let address = listener.local_addr().expect("the bound address");
    tokio::spawn(crate::backon_retry::mock_server::serve(listener));
    format!("http://{address}")
}

#[tokio::test]
async fn a_429_is_retried_after_its_retry_after() {
    let base = serve().await;
    let start = Instant::now();
    let device = fetch(
        &reqwest::Client::new(),
        &format!("{base}/netilion/throttled-once"),
    )
    .await
    .expect("the second try succeeds");
    assert_eq!(device, crate::backon_retry::mock_server::DEVICE);
    // `Retry-After: 1`, where the backoff alone would have waited 100 ms.
    let waited = start.elapsed();
    assert!(
        (Duration::from_secs(1)..Duration::from_secs(3)).contains(&waited),
        "{waited:?}"
    );
}

#[tokio::test]
async fn what_the_spec_says_not_to_retry_fails_at_once() {
    let base = serve().await;
    let start = Instant::now();
    let error = fetch(
        &reqwest::Client::new(),
        &format!("{base}/netilion/validation"),
    )
    .await
    .expect_err("validation errors");
    assert!(start.elapsed() < Duration::from_secs(1));
    let FetchError::Api(response) = error else {
        panic!("expected the API's errors, got {error:?}");
    };
    assert_eq!(response.errors().len(), 2);
}
