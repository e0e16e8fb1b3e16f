//! `Serialize` for structured logs (feature `serde`). The shapes are stable: a field is only
//! ever added, documented on each impl and in the crate's README.

use http::HeaderMap;
use serde::ser::{Serialize, SerializeMap, SerializeSeq, SerializeStruct, Serializer};

use crate::{ApiError, BatchItem, BatchItems, ErrorResponse, RetryAfter};

/// `{"status": 429, "kind": "rate_limited", "retryable": true, "request_id": "A1B2",
/// "retry_after": "30", "headers": {"x-ratelimit-reset": "1700000000"}, "errors": [...]}`:
/// the response's status, the kind of its first error, whether every error is retryable,
/// the request id (or null), when to retry as a `Retry-After` value (seconds or an HTTP-date:
/// [`ErrorResponse::retry_after_header`], from `Retry-After` or a reset header the spec names;
/// or null), the other headers the spec names ([`ErrorResponse::headers`]; several values of one
/// name joined by `, `) and its errors, each as a generated error serializes. The body is
/// never written.
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<E: ApiError> Serialize for ErrorResponse<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut response = serializer.serialize_struct("ErrorResponse", 7)?;
        response.serialize_field("status", &self.status())?;
        response.serialize_field("kind", &self.kind())?;
        response.serialize_field("retryable", &self.is_retryable())?;
        response.serialize_field("request_id", &self.request_id())?;
        response.serialize_field("retry_after", &self.retry_after_header())?;
        response.serialize_field("headers", &Headers(self.headers()))?;
        response.serialize_field("errors", &Errors(self.errors()))?;
        response.end()
    }
}

/// A list of errors, each in the shape of [`serialize_error`].
struct Errors<'a, E>(&'a [E]);

impl<E: ApiError> Serialize for Errors<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut errors = serializer.serialize_seq(Some(self.0.len()))?;
        for error in self.0 {
            errors.serialize_element(&Error(error))?;
        }
        errors.end()
    }
}

/// One error in the shape of [`serialize_error`].
struct Error<'a, E>(&'a E);

impl<E: ApiError> Serialize for Error<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_error(self.0, serializer)
    }
}

/// A generated error: `{"variant": "ThinClientNotFound", "code": "ITG-0A001", "message":
/// "Thin client with ID 42 not found.", "status": 404, "kind": "not_found", "retryable":
/// false, "recovery": {"action": "fix_request"}, "details": {"id": "42"}}`, and `"items":
/// [...]` for an error that carries batch items (absent otherwise). `code` is null when the
/// body carried none; `details` holds every extra field and template parameter of the
/// variant, null where the body had none.
pub fn serialize_error<E: ApiError, S: Serializer>(
    error: &E,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let items = error.items();
    let mut shape = serializer.serialize_struct("Error", 8 + usize::from(!items.is_empty()))?;
    shape.serialize_field("variant", error.variant_name())?;
    shape.serialize_field("code", &error.code())?;
    shape.serialize_field("message", error.message())?;
    shape.serialize_field("status", &error.status())?;
    shape.serialize_field("kind", &error.kind())?;
    shape.serialize_field("retryable", &error.is_retryable())?;
    shape.serialize_field("recovery", &error.recovery())?;
    shape.serialize_field("details", &Details(&error.details()))?;
    if !items.is_empty() {
        shape.serialize_field("items", items)?;
    }
    shape.end()
}

/// The details of an error as a map from name to value.
struct Details<'a>(&'a [(&'static str, Option<&'a str>)]);

impl Serialize for Details<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut details = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in self.0 {
            details.serialize_entry(name, value)?;
        }
        details.end()
    }
}

/// Headers as a map from name to value; several values of one name joined by `, ` (as HTTP
/// folds them), bytes that are not UTF-8 replaced.
struct Headers<'a>(&'a HeaderMap);

impl Serialize for Headers<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut headers = serializer.serialize_map(Some(self.0.keys_len()))?;
        for name in self.0.keys() {
            let values: Vec<_> = self
                .0
                .get_all(name)
                .iter()
                .map(|value| String::from_utf8_lossy(value.as_bytes()))
                .collect();
            headers.serialize_entry(name.as_str(), &values.join(", "))?;
        }
        headers.end()
    }
}

/// `{"id": "8", "ok": true, "message": ""}`; `id` is null for an item without one.
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for BatchItem<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut item = serializer.serialize_struct("BatchItem", 3)?;
        item.serialize_field("id", &self.id)?;
        item.serialize_field("ok", &self.ok)?;
        item.serialize_field("message", self.message)?;
        item.end()
    }
}

/// A list of [`BatchItem`]s, in order.
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for BatchItems {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// The header's text: `"120"` or `"Wed, 21 Oct 2015 07:28:00 GMT"`.
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for RetryAfter {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// `Serialize` for a generated error type (the shape of [`serialize_error`]) and its code
/// type (its wire code, as `Display` writes it).
#[doc(hidden)]
#[macro_export]
macro_rules! __serialize {
    (error $error:ident) => {
        #[automatically_derived]
        impl $crate::__private::serde::Serialize for $error {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                $crate::__private::serialize_error(self, serializer)
            }
        }
    };
    (code $code:ident) => {
        #[automatically_derived]
        impl $crate::__private::serde::Serialize for $code {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                $crate::__private::serde::Serializer::serialize_str(
                    serializer,
                    $code::as_str(*self),
                )
            }
        }
    };
}
