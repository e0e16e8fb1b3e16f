//! A mock server that answers with vendor errors in each vendor's exact wire format, built
//! with errspec's server side and axum: a handler returns an `ErrorResponse` (errspec's
//! feature `axum`). Integration tests of HTTP clients point at it instead of the vendor;
//! `tests/tests/integration/reqwest.rs` and the retry tests do.
//!
//! ```sh
//! cargo run -p errspec-tests --example mock_server        # listens on 127.0.0.1:3000
//! curl -i http://127.0.0.1:3000/netilion/too-many-requests
//! ```

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use axum::http::header::{HeaderName, CONTENT_TYPE};
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use errspec::{BatchItem, ErrorResponse, RetryAfter};
use errspec_tests::github::GitHubError;
use errspec_tests::igel_imi::IgelImiError;
use errspec_tests::itcare::ItcareError;
use errspec_tests::itsm_ng::ItsmNgError;
use errspec_tests::netilion::NetilionError;
use errspec_tests::telecomx::TelecomXError;

/// How many errors `/netilion/endless` lists: about 3 MiB of body.
pub const ENDLESS_ERRORS: usize = 40_000;

/// What `/netilion/throttled-once` answers once throttled: a device.
pub const DEVICE: &str = r#"{"id": 42, "serial_number": "X1234"}"#;

/// The routes, one per vendor error the mock answers with (`GET`, any other path is 404).
/// Each app counts its own requests to the routes that answer differently the second time.
pub fn app() -> Router {
    let throttled_calls = Arc::new(AtomicUsize::new(0));
    Router::new()
        .route(
            "/netilion/throttled-once",
            get(move || {
                let calls = Arc::clone(&throttled_calls);
                async move {
                    if calls.fetch_add(1, Ordering::SeqCst) == 0 {
                        Err(netilion_throttled()
                            .with_retry_after(RetryAfter::Delay(Duration::from_secs(1))))
                    } else {
                        Ok(DEVICE)
                    }
                }
            }),
        )
        .route("/github/rate-limited", get(|| reply(github_rate_limited())))
        .route("/gateway/down", get(|| async { gateway_down() }))
        .route(
            "/netilion/too-many-requests",
            get(|| reply(netilion_throttled())),
        )
        .route(
            "/netilion/retry-later",
            get(|| reply(netilion_retry_later())),
        )
        .route("/netilion/validation", get(|| reply(netilion_validation())))
        .route("/netilion/endless", get(|| reply(netilion_endless())))
        .route("/itcare/not-found", get(|| reply(itcare_not_found())))
        .route(
            "/itcare/invalid-field",
            get(|| reply(itcare_invalid_field())),
        )
        .route("/telecomx/multiple", get(|| reply(telecomx_multiple())))
        .route(
            "/itsm-ng/session-expired",
            get(|| reply(itsm_ng_session_expired())),
        )
        .route("/itsm-ng/partial-add", get(|| reply(itsm_ng_partial_add())))
        .route(
            "/igel-imi/unavailable",
            get(|| reply(igel_imi_unavailable())),
        )
}

/// Serves [`app`] on `listener` until the process ends.
///
/// # Errors
/// When accepting connections fails.
pub async fn serve(listener: tokio::net::TcpListener) -> std::io::Result<()> {
    axum::serve(listener, app()).await
}

/// What a gateway in front of any API answers when the API is away: nginx's page.
fn gateway_down() -> (StatusCode, [(HeaderName, &'static str); 1], &'static str) {
    (
        StatusCode::BAD_GATEWAY,
        [(CONTENT_TYPE, "text/html")],
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
    )
}

/// An error response is an axum response (errspec's feature `axum`).
async fn reply<E: errspec::ApiError>(response: ErrorResponse<E>) -> ErrorResponse<E> {
    response
}

/// GitHub's primary rate limit of unauthenticated requests: 403, with the request id and the
/// time the limit resets (a Unix time) in headers.
pub fn github_rate_limited() -> ErrorResponse<GitHubError> {
    let mut response = ErrorResponse::from(GitHubError::RateLimitExceeded {
        message: "API rate limit exceeded for 203.0.113.7. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)".into(),
        documentation_url: Some("https://docs.github.com/rest/overview/rate-limits-for-the-rest-api".into()),
        code: None,
        resource: None,
        field: None,
        address: Some("203.0.113.7".into()),
        advice: Some("(But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)".into()),
        status: 403,
    })
    .with_request_id("CA1B:2F3D:1C2E4A:1E3B9C:6566F7B2");
    response
        .headers_mut()
        .insert("x-ratelimit-reset", GITHUB_RESET.into());
    response
}

/// When GitHub's rate limit of [`github_rate_limited`] resets: 2023-11-29T09:26:40Z.
pub const GITHUB_RESET: u32 = 1_701_250_000;

/// Netilion's throttling: 429 `too_many_requests`, without `Retry-After` (as documented).
pub fn netilion_throttled() -> ErrorResponse<NetilionError> {
    ErrorResponse::from(NetilionError::TooManyRequests {
        message: "Too many requests, please try again in the next minute".into(),
        attribute: None,
        status: 429,
    })
}

/// A 503 whose body carries no type, with `Retry-After: 120`.
pub fn netilion_retry_later() -> ErrorResponse<NetilionError> {
    ErrorResponse::from(NetilionError::Unknown {
        code: None,
        message: "Service Unavailable".into(),
        status: 503,
    })
    .with_retry_after(RetryAfter::Delay(Duration::from_secs(120)))
}

/// Two validation errors in one body.
pub fn netilion_validation() -> ErrorResponse<NetilionError> {
    let mut response = ErrorResponse::from(NetilionError::Taken {
        message: "has already been taken".into(),
        attribute: Some("serial_number".into()),
        status: 400,
    });
    response.push(NetilionError::Blank {
        message: "can't be blank".into(),
        attribute: Some("name".into()),
        status: 400,
    });
    response
}

/// A body far larger than any client should read: [`ENDLESS_ERRORS`] errors.
pub fn netilion_endless() -> ErrorResponse<NetilionError> {
    let error = |index: usize| NetilionError::Invalid {
        message: format!("is invalid ({index:05}), and this message pads the body out"),
        attribute: Some("name".into()),
        status: 400,
    };
    let mut response = ErrorResponse::from(error(0));
    for index in 1..ENDLESS_ERRORS {
        response.push(error(index));
    }
    response
}

/// ITCare's 404: an empty body, as the vendor sends it.
pub fn itcare_not_found() -> ErrorResponse<ItcareError> {
    ErrorResponse::from(ItcareError::NotFound {
        message: "Non-existent resource.".into(),
        code: None,
        error_desc: None,
        status: 404,
    })
}

/// ITCare's one documented error code.
pub fn itcare_invalid_field() -> ErrorResponse<ItcareError> {
    ErrorResponse::from(ItcareError::InvalidFieldValue {
        message: "Error on field 'name'".into(),
        error_desc: Some("name".into()),
        field: Some("name".into()),
        status: 400,
    })
}

/// Telecom X's example of several errors: a 422 `multiple` wrapper with `inner` errors.
pub fn telecomx_multiple() -> ErrorResponse<TelecomXError> {
    let mut response = ErrorResponse::new(
        422,
        TelecomXError::PropertyNotFound {
            message: "User not found".into(),
            code: Some("userId".into()),
            path: None,
            check: None,
            status: 404,
        },
    );
    response.push(TelecomXError::PropertyInvalid {
        message: "Invalid street".into(),
        code: Some("address.street".into()),
        path: None,
        check: None,
        status: 422,
    });
    response
}

/// ITSM-NG's expired session: log in again.
pub fn itsm_ng_session_expired() -> ErrorResponse<ItsmNgError> {
    ErrorResponse::from(ItsmNgError::SessionTokenInvalid {
        message: "session_token seems invalid".into(),
        status: 401,
    })
}

/// ITSM-NG's partial batch add: 207 with per-item results.
pub fn itsm_ng_partial_add() -> ErrorResponse<ItsmNgError> {
    ErrorResponse::from(ItsmNgError::GlpiPartialAdd {
        message: "Some items in batch creation failed; the response includes the success/failure status of each item.".into(),
        items: [
            BatchItem {
                id: Some("8"),
                ok: true,
                message: "",
            },
            BatchItem {
                id: None,
                ok: false,
                message: "You don't have permission to perform this action.",
            },
        ].into_iter().collect(),
        status: 207,
    })
}

/// IGEL's transient server error, with a `Retry-After` date 30 seconds from now.
pub fn igel_imi_unavailable() -> ErrorResponse<IgelImiError> {
    ErrorResponse::from(IgelImiError::ServerNotAvailable {
        message: "Server not available".into(),
        stack_trace: None,
        status: 503,
    })
    .with_retry_after(RetryAfter::At(SystemTime::now() + Duration::from_secs(30)))
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 3000)).await?;
    println!("errspec mock server on http://{}", listener.local_addr()?);
    serve(listener).await
}
