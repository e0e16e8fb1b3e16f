//! A mock server that answers with vendor errors in each vendor's exact wire format, built
//! with errspec's server side (`ErrorResponse::to_http`) and axum. Integration tests of HTTP
//! clients point at it instead of the vendor; `tests/tests/reqwest.rs` does.
//!
//! ```sh
//! cargo run -p errspec-tests --example mock_server        # listens on 127.0.0.1:3000
//! curl -i http://127.0.0.1:3000/netilion/too-many-requests
//! ```

use std::time::{Duration, SystemTime};

use axum::body::Body;
use axum::routing::get;
use axum::Router;
use errspec::{ApiError, BatchItem, ErrorResponse, RetryAfter};
use errspec_tests::igel_imi::IgelImiError;
use errspec_tests::itcare::ItcareError;
use errspec_tests::itsm_ng::ItsmNgError;
use errspec_tests::netilion::NetilionError;
use errspec_tests::telecomx::TelecomXError;

/// How many errors `/netilion/endless` lists: about 3 MiB of body.
pub const ENDLESS_ERRORS: usize = 40_000;

/// The routes, one per vendor error the mock answers with (`GET`, any other path is 404).
pub fn app() -> Router {
    Router::new()
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

async fn reply<E: ApiError>(response: ErrorResponse<E>) -> axum::response::Response {
    response.to_http().map(Body::from)
}

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
