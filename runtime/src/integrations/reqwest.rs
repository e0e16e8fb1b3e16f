//! Reading an error response with reqwest: 0.13 (feature `reqwest`) or 0.12 (feature
//! `reqwest-012`), through one `from_reqwest`.

use core::future::Future;

use http::{HeaderMap, StatusCode};

/// The most bytes of a body `from_reqwest` reads: 1 MiB, far above any error body, so a
/// server that streams without end cannot exhaust memory. The errors completed before the
/// cut still decode.
pub const MAX_BODY_READ: usize = 1024 * 1024;

/// A `reqwest::Response` that generated `from_reqwest` methods read: reqwest 0.13's with the
/// `reqwest` feature, reqwest 0.12's with `reqwest-012`. Both read the same way.
pub trait ReqwestResponse: sealed::Sealed + Send + Sized {
    /// The status, headers and body (at most [`MAX_BODY_READ`] bytes) of the response. A body
    /// that fails to arrive is kept as far as it came: decoding falls back on the status.
    fn read(self) -> impl Future<Output = (StatusCode, HeaderMap, Vec<u8>)> + Send;
}

mod sealed {
    pub trait Sealed {}
}

/// [`ReqwestResponse`] for the `Response` of the reqwest crate known here as `$reqwest`.
macro_rules! read_with {
    ($reqwest:ident) => {
        impl sealed::Sealed for $reqwest::Response {}

        impl ReqwestResponse for $reqwest::Response {
            async fn read(mut self) -> (StatusCode, HeaderMap, Vec<u8>) {
                let status = self.status();
                let headers = core::mem::take(self.headers_mut());
                let mut body = Vec::new();
                while body.len() < MAX_BODY_READ {
                    match self.chunk().await {
                        Ok(Some(chunk)) => {
                            let room = MAX_BODY_READ - body.len();
                            body.extend_from_slice(&chunk[..chunk.len().min(room)]);
                        }
                        Ok(None) | Err(_) => break,
                    }
                }
                (status, headers, body)
            }
        }
    };
}

#[cfg(feature = "reqwest")]
read_with!(reqwest);
#[cfg(feature = "reqwest-012")]
read_with!(reqwest012);

/// `from_reqwest` for a generated error type.
#[doc(hidden)]
#[macro_export]
macro_rules! __from_reqwest {
    ($error:ident) => {
        impl $error {
            /// Reads and decodes an error response received with reqwest (0.13 with errspec's
            /// feature `reqwest`, 0.12 with `reqwest-012`): its status, its headers
            /// (`Retry-After` and those the spec names) and its body, of which at most
            /// `errspec::MAX_BODY_READ` (1 MiB) are read. Never fails: a body that fails to
            /// arrive decodes as far as it came, else by status. Call it for a response whose
            /// status is an error (or 207).
            #[must_use]
            pub async fn from_reqwest<R: $crate::ReqwestResponse>(
                response: R,
            ) -> $crate::ErrorResponse<$error> {
                let (__status, __headers, __body) = $crate::ReqwestResponse::read(response).await;
                $error::decode_parts(__status, &__headers, &__body)
            }
        }
    };
}
