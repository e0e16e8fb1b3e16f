//! An error response as an axum handler's answer (feature `axum`).

use axum_core::body::Body;
use axum_core::response::{IntoResponse, Response};

use crate::{ApiError, ErrorResponse};

/// The vendor's response ([`ErrorResponse::to_http`]): its status, its body in the vendor's
/// wire format, `Retry-After`, the request id and the headers the spec names. A handler of a
/// mock server or a proxy returns `Result<T, ErrorResponse<AcmeError>>`.
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
impl<E: ApiError> IntoResponse for ErrorResponse<E> {
    fn into_response(self) -> Response {
        self.to_http().map(Body::from)
    }
}
