//! Reading an error response with reqwest (feature `reqwest`).

/// The most bytes of a body `from_reqwest` reads: 1 MiB, far above any error body, so a
/// server that streams without end cannot exhaust memory. The errors completed before the
/// cut still decode.
pub const MAX_BODY_READ: usize = 1024 * 1024;

/// The status, headers and body (at most [`MAX_BODY_READ`] bytes) of `response`. A body that
/// fails to arrive is kept as far as it came: decoding falls back on the status.
pub async fn read_response(
    mut response: reqwest::Response,
) -> (http::StatusCode, http::HeaderMap, Vec<u8>) {
    let status = response.status();
    let headers = core::mem::take(response.headers_mut());
    let mut body = Vec::new();
    while body.len() < MAX_BODY_READ {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                let room = MAX_BODY_READ - body.len();
                body.extend_from_slice(&chunk[..chunk.len().min(room)]);
            }
            Ok(None) | Err(_) => break,
        }
    }
    (status, headers, body)
}

/// `from_reqwest` for a generated error type.
#[doc(hidden)]
#[macro_export]
macro_rules! __from_reqwest {
    ($error:ident) => {
        impl $error {
            /// Reads and decodes an error response received with reqwest: its status, its
            /// headers (`Retry-After`) and its body, of which at most `errspec::MAX_BODY_READ`
            /// (1 MiB) are read. Never fails: a body that fails to arrive decodes as far as it
            /// came, else by status. Call it for a response whose status is an error (or 207).
            /// Generated with errspec's `reqwest` feature.
            #[must_use]
            pub async fn from_reqwest(
                response: $crate::reqwest::Response,
            ) -> $crate::ErrorResponse<$error> {
                let (status, headers, body) = $crate::__private::read_response(response).await;
                $error::decode_parts(status, &headers, &body)
            }
        }
    };
}
