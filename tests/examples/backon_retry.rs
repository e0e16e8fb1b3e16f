//! Retrying a request with [backon](https://docs.rs/backon) and errspec: retry what the spec
//! says to retry (`when`), and wait as long as the response asks (`adjust` with
//! `retry_after`), else as long as the backoff says. `tests/tests/integration/backon.rs` runs
//! it against the mock server.
//!
//! ```sh
//! cargo run -p errspec-tests --example backon_retry   # starts the mock server itself
//! ```

use std::time::Duration;

use backon::{ExponentialBuilder, Retryable};
use errspec::ErrorResponse;
use errspec_tests::netilion::NetilionError;

/// Why fetching failed: the API answered with errors, or no answer came.
#[derive(Debug)]
pub enum FetchError {
    /// The API's errors, decoded.
    Api(ErrorResponse<NetilionError>),
    /// The request could not be sent or its answer read.
    Http(reqwest::Error),
}

impl FetchError {
    /// Whether trying again may help: as the spec says for the API's errors; for a connection
    /// that failed or timed out.
    #[must_use]
    pub fn is_retryable(&self) -> bool {
        match self {
            FetchError::Api(response) => response.is_retryable(),
            FetchError::Http(error) => error.is_connect() || error.is_timeout(),
        }
    }

    /// How long the API asked to wait (`Retry-After`, else its rate-limit window).
    #[must_use]
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            FetchError::Api(response) => response.retry_after(),
            FetchError::Http(_) => None,
        }
    }
}

/// `GET url`'s body, tried up to 4 times, 100 ms apart and doubling, unless the API asks for
/// a wait of its own.
///
/// # Errors
/// The last failure, when every try failed or one failed for good.
pub async fn fetch(client: &reqwest::Client, url: &str) -> Result<String, FetchError> {
    let attempt = || async {
        let response = client.get(url).send().await.map_err(FetchError::Http)?;
        if response.status().is_success() {
            return response.text().await.map_err(FetchError::Http);
        }
        Err(FetchError::Api(NetilionError::from_reqwest(response).await))
    };
    attempt
        .retry(
            ExponentialBuilder::default()
                .with_min_delay(Duration::from_millis(100))
                .with_max_times(3),
        )
        .when(FetchError::is_retryable)
        // `backoff` is `None` once the tries are used up: keep that, so a server that always
        // asks to wait cannot keep the loop going.
        .adjust(|error, backoff| backoff.map(|backoff| error.retry_after().unwrap_or(backoff)))
        .await
}

#[path = "mock_server.rs"]
#[allow(dead_code)]
pub mod mock_server;

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
    let address = listener.local_addr()?;
    tokio::spawn(mock_server::serve(listener));
    let url = format!("http://{address}/netilion/throttled-once");
    match fetch(&reqwest::Client::new(), &url).await {
        Ok(device) => println!("after a 429 and its Retry-After: {device}"),
        Err(error) => println!("failed: {error:?}"),
    }
    Ok(())
}
