//! The methods and trait impls every generated error type has, written once: generated code
//! declares the enums and the spec's tables (`SPEC`, `build`, `view`, `index`) and invokes
//! [`__error_impls!`](crate::__error_impls), whose methods read those tables through the rules
//! of [`crate::engine::resolve`], and [`__error_trait!`](crate::__error_trait) for each of
//! `Clone`, `PartialEq` and `Debug` the user does not derive.

/// The inherent methods and trait impls of a generated error type `$error` and its code type
/// `$code`, in a scope that defines `const ENTRIES`, `static SPEC: Spec`, `$code::ALL`,
/// `fn index($code) -> usize`, `fn build(Option<usize>, Parts) -> $error` and
/// `fn view(&$error) -> View` with `$fields` extra fields and templates of at most `$params`
/// parameters, and the envelope's walk answers (`fn parts_under`, `fn parts_under_index`,
/// `const PARTS_ENDING`, `const PARTS_SELECTING`: see `errspec::__private::Shape`).
#[doc(hidden)]
#[macro_export]
macro_rules! __error_impls {
    ($error:ident, $code:ident, $fields:literal, $params:literal) => {
        impl $error {
            /// Decodes an error response from its status (a `u16` or an
            /// `http::StatusCode`) and body. Never fails: a body with no readable error
            /// yields one error chosen by status.
            #[must_use]
            pub fn decode(
                status: impl ::core::convert::Into<$crate::Status>,
                body: &[::core::primitive::u8],
            ) -> $crate::ErrorResponse<$error> {
                let status = $crate::Status::as_u16(::core::convert::Into::into(status));
                $crate::__private::record(
                    &SPEC,
                    $crate::__private::decode(&SPEC, KnownEnvelope, status, body, &build),
                )
            }

            /// [`decode`](Self::decode) only if the response is an error: `None` for a
            /// success, that is a status in 200..=299 whose body lacks the spec's error mark
            /// (`[envelope.error_if]`, for APIs that send errors with 200) and holds no failed
            /// item where a shape reads per-item results (`results`). Never fails.
            #[must_use]
            pub fn decode_if_error(
                status: impl ::core::convert::Into<$crate::Status>,
                body: &[::core::primitive::u8],
            ) -> ::core::option::Option<$crate::ErrorResponse<$error>> {
                let status = ::core::convert::Into::<$crate::Status>::into(status);
                $crate::__private::is_error(
                    &SPEC,
                    KnownEnvelope,
                    $crate::Status::as_u16(status),
                    body,
                )
                .then(|| $error::decode(status, body))
            }

            /// Decodes an error response from its status (a `u16` or an
            /// `http::StatusCode`), headers (`Retry-After` and those the spec names: a code,
            /// the request id, rate-limit resets) and body. Never fails.
            #[must_use]
            pub fn decode_parts(
                status: impl ::core::convert::Into<$crate::Status>,
                headers: &$crate::http::HeaderMap,
                body: &[::core::primitive::u8],
            ) -> $crate::ErrorResponse<$error> {
                let status = $crate::Status::as_u16(::core::convert::Into::into(status));
                $crate::__private::record(
                    &SPEC,
                    $crate::__private::decode_parts(
                        &SPEC,
                        KnownEnvelope,
                        status,
                        headers,
                        body,
                        &build,
                    ),
                )
            }

            /// [`decode_parts`](Self::decode_parts) only if the response is an error, as
            /// [`decode_if_error`](Self::decode_if_error) tells: a 2xx checked for the spec's
            /// error mark keeps its request id and `Retry-After` when it is one. Never fails.
            #[must_use]
            pub fn decode_parts_if_error(
                status: impl ::core::convert::Into<$crate::Status>,
                headers: &$crate::http::HeaderMap,
                body: &[::core::primitive::u8],
            ) -> ::core::option::Option<$crate::ErrorResponse<$error>> {
                let status = ::core::convert::Into::<$crate::Status>::into(status);
                $crate::__private::is_error(
                    &SPEC,
                    KnownEnvelope,
                    $crate::Status::as_u16(status),
                    body,
                )
                .then(|| $error::decode_parts(status, headers, body))
            }

            /// Decodes an error response of the `http` crate: [`decode_parts`](Self::decode_parts)
            /// of its status, headers and body. Never fails.
            #[must_use]
            pub fn decode_http<B: ::core::convert::AsRef<[::core::primitive::u8]>>(
                response: &$crate::http::Response<B>,
            ) -> $crate::ErrorResponse<$error> {
                $error::decode_parts(
                    response.status(),
                    response.headers(),
                    ::core::convert::AsRef::as_ref(response.body()),
                )
            }

            /// [`decode_http`](Self::decode_http) only if the response is an error, as
            /// [`decode_if_error`](Self::decode_if_error) tells. Never fails.
            #[must_use]
            pub fn decode_http_if_error<B: ::core::convert::AsRef<[::core::primitive::u8]>>(
                response: &$crate::http::Response<B>,
            ) -> ::core::option::Option<$crate::ErrorResponse<$error>> {
                $error::decode_parts_if_error(
                    response.status(),
                    response.headers(),
                    ::core::convert::AsRef::as_ref(response.body()),
                )
            }

            /// The body the vendor's server sends for this error alone, in its wire format
            /// (empty where the vendor sends none). `errspec::ErrorResponse::to_http` makes
            /// the whole response, with its status.
            #[must_use]
            pub fn to_body(&self) -> ::std::vec::Vec<::core::primitive::u8> {
                <$error as $crate::ApiError>::encode_errors(
                    $error::status(self),
                    ::core::slice::from_ref(self),
                )
            }

            /// What to do about it: `Retry` (without a wait: `ErrorResponse::recovery` adds
            /// it) when retryable, else the recovery the spec names for the code, else the
            /// one of its kind (`errspec::Recovery::for_kind`).
            #[must_use]
            pub fn recovery(&self) -> $crate::Recovery {
                let __held = view(self);
                $crate::__private::recovery(&SPEC, __held.entry, __held.status)
            }

            /// The documented error this is, `None` for `Unknown`.
            #[must_use]
            pub fn spec_code(&self) -> ::core::option::Option<$code> {
                $code::ALL.get(view(self).entry?).copied()
            }

            /// The wire code as received (in the body, else in a header the spec names),
            /// `None` when the error arrived without one, whatever entry its status chose.
            #[must_use]
            pub fn code(&self) -> ::core::option::Option<&str> {
                $crate::__private::code(&SPEC, &view(self))
            }

            /// The vendor's message; never empty.
            #[must_use]
            pub fn message(&self) -> &str {
                view(self).message
            }

            /// The HTTP status the error arrived with: its own when the body carries one, else
            /// the response's.
            #[must_use]
            pub fn status(&self) -> ::core::primitive::u16 {
                view(self).status
            }

            /// What went wrong: the spec's kind, else its documented status's, else the status
            /// the error arrived with.
            #[must_use]
            pub fn kind(&self) -> $crate::Kind {
                let __held = view(self);
                $crate::__private::kind(&SPEC, __held.entry, __held.status)
            }

            /// Whether retrying the same request may succeed.
            #[must_use]
            pub fn is_retryable(&self) -> ::core::primitive::bool {
                let __held = view(self);
                $crate::__private::is_retryable(&SPEC, __held.entry, __held.status)
            }

            /// The HTTP status the vendor documents for this error.
            #[must_use]
            pub fn documented_status(&self) -> ::core::option::Option<::core::primitive::u16> {
                $code::status($error::spec_code(self)?)
            }

            /// The variant's name (`"Unknown"` for an undocumented error).
            #[must_use]
            pub fn variant_name(&self) -> &'static str {
                $crate::__private::variant_name(&SPEC, view(self).entry)
            }

            /// The extra fields and template parameters, by name, in spec order.
            #[must_use]
            pub fn details(&self) -> ::std::vec::Vec<(&'static str, ::core::option::Option<&str>)> {
                $crate::__private::details(&SPEC, &view(self))
            }

            /// Per-item results of a batch write; empty for errors that carry none.
            #[must_use]
            pub fn items(&self) -> &$crate::BatchItems {
                view(self).items
            }
        }

        /// `SPEC.envelope`, known at compile time: the body walk compiled for it folds the
        /// envelope's paths and flags, and asks the generated `match`es which parts each key,
        /// index and depth leads to.
        #[derive(::core::clone::Clone, ::core::marker::Copy)]
        struct KnownEnvelope;

        impl $crate::__private::Shape for KnownEnvelope {
            #[inline(always)]
            fn envelope(&self) -> &$crate::__private::Envelope<'_> {
                &SPEC.envelope
            }
            #[inline(always)]
            fn parts_under(
                &self,
                depth: ::core::primitive::usize,
                token: &::core::primitive::str,
            ) -> ::core::primitive::u64 {
                parts_under(depth, token)
            }
            #[inline(always)]
            fn parts_under_index(
                &self,
                depth: ::core::primitive::usize,
                index: ::core::primitive::usize,
            ) -> ::core::primitive::u64 {
                parts_under_index(depth, index)
            }
            #[inline(always)]
            fn parts_ending(&self, depth: ::core::primitive::usize) -> ::core::primitive::u64 {
                match PARTS_ENDING.get(depth) {
                    ::core::option::Option::Some(mask) => *mask,
                    ::core::option::Option::None => 0,
                }
            }
            #[inline(always)]
            fn parts_selecting(&self, depth: ::core::primitive::usize) -> ::core::primitive::u64 {
                match PARTS_SELECTING.get(depth) {
                    ::core::option::Option::Some(mask) => *mask,
                    ::core::option::Option::None => 0,
                }
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for $error {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                $crate::__private::display($error::code(self), $error::message(self), f)
            }
        }

        #[automatically_derived]
        impl ::std::error::Error for $error {}

        #[automatically_derived]
        impl $crate::ApiError for $error {
            fn code(&self) -> ::core::option::Option<&str> {
                $error::code(self)
            }
            fn message(&self) -> &str {
                $error::message(self)
            }
            fn kind(&self) -> $crate::Kind {
                $error::kind(self)
            }
            fn is_retryable(&self) -> ::core::primitive::bool {
                $error::is_retryable(self)
            }
            fn documented_status(&self) -> ::core::option::Option<::core::primitive::u16> {
                $error::documented_status(self)
            }
            fn status(&self) -> ::core::primitive::u16 {
                $error::status(self)
            }
            fn variant_name(&self) -> &'static str {
                $error::variant_name(self)
            }
            fn details(&self) -> ::std::vec::Vec<(&'static str, ::core::option::Option<&str>)> {
                $error::details(self)
            }
            fn spec_description(&self) -> ::core::option::Option<&'static str> {
                let __description = $code::description($error::spec_code(self)?);
                (!__description.is_empty()).then_some(__description)
            }
            fn spec_solution(&self) -> ::core::option::Option<&'static str> {
                $code::solution($error::spec_code(self)?)
            }
            fn items(&self) -> &$crate::BatchItems {
                $error::items(self)
            }
            fn recovery(&self) -> $crate::Recovery {
                $error::recovery(self)
            }
            fn decode_parts(
                status: impl ::core::convert::Into<$crate::Status>,
                headers: &$crate::http::HeaderMap,
                body: &[::core::primitive::u8],
            ) -> $crate::ErrorResponse<Self> {
                $error::decode_parts(status, headers, body)
            }
            fn is_error(
                status: impl ::core::convert::Into<$crate::Status>,
                body: &[::core::primitive::u8],
            ) -> ::core::primitive::bool {
                let status = $crate::Status::as_u16(::core::convert::Into::into(status));
                $crate::__private::is_error(&SPEC, KnownEnvelope, status, body)
            }
            fn request_id_header() -> ::core::option::Option<&'static str> {
                SPEC.headers.request_id.first().copied()
            }
            fn reset_header_wait(
                headers: &$crate::http::HeaderMap,
            ) -> ::core::option::Option<$crate::RetryAfter> {
                $crate::__private::reset_header_wait(headers, SPEC.headers.retry_after)
            }

            fn content_type() -> &'static str {
                SPEC.envelope.sent_content_type()
            }

            fn rate_limit_window(&self) -> ::core::option::Option<::core::time::Duration> {
                ::core::option::Option::map(
                    SPEC.rate_limit_window,
                    ::core::time::Duration::from_secs,
                )
            }
            fn encode_errors(
                status: ::core::primitive::u16,
                errors: &[Self],
            ) -> ::std::vec::Vec<::core::primitive::u8> {
                <Self as $crate::ApiError>::encode_response(
                    status,
                    errors,
                    ::core::option::Option::None,
                )
            }

            fn encode_response(
                status: ::core::primitive::u16,
                errors: &[Self],
                request_id: ::core::option::Option<&::core::primitive::str>,
            ) -> ::std::vec::Vec<::core::primitive::u8> {
                let __views: ::std::vec::Vec<$crate::__private::View<'_, $fields, $params>> =
                    ::core::iter::Iterator::collect(::core::iter::Iterator::map(
                        errors.iter(),
                        view,
                    ));
                $crate::__private::encode_views(&SPEC, status, &__views, request_id)
            }
        }

        impl $code {
            /// The wire code; for an entry chosen by status only, its variant name.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                let __entry = &ENTRIES[index(self)];
                match __entry.code {
                    ::core::option::Option::Some(__code) => __code,
                    ::core::option::Option::None => __entry.name,
                }
            }

            /// The documented error with wire code `code` (the first, when several entries
            /// share it), in constant time whatever the spec's size.
            #[must_use]
            pub fn from_wire(code: &str) -> ::core::option::Option<$code> {
                let __entry = SPEC.codes.index(code)?;
                $code::ALL
                    .get(<::core::primitive::usize as ::core::convert::From<
                        ::core::primitive::u16,
                    >>::from(__entry))
                    .copied()
            }

            /// The variant name.
            #[must_use]
            pub const fn name(self) -> &'static str {
                ENTRIES[index(self)].name
            }

            /// The documented HTTP status, `None` where the vendor documents none.
            #[must_use]
            pub const fn status(self) -> ::core::option::Option<::core::primitive::u16> {
                ENTRIES[index(self)].status
            }

            /// The kind the spec documents; `Kind::Other` where it is left to the status the
            /// error arrives with (see [`Self::known_kind`] and the error's `kind()`).
            #[must_use]
            pub const fn kind(self) -> $crate::Kind {
                match self.known_kind() {
                    ::core::option::Option::Some(__kind) => __kind,
                    ::core::option::Option::None => $crate::Kind::Other,
                }
            }

            /// The kind the spec fixes (by `kind` or a documented status), `None` where it
            /// is left to the status the error arrives with.
            #[must_use]
            pub const fn known_kind(self) -> ::core::option::Option<$crate::Kind> {
                $crate::__private::fixed_kind(&ENTRIES[index(self)])
            }

            /// Whether retrying may succeed, as far as the spec alone tells.
            #[must_use]
            pub const fn is_retryable(self) -> ::core::primitive::bool {
                match ENTRIES[index(self)].retryable {
                    ::core::option::Option::Some(__retryable) => __retryable,
                    ::core::option::Option::None => self.kind().is_retryable_by_default(),
                }
            }

            /// What the error means (empty when the spec says nothing).
            #[must_use]
            pub const fn description(self) -> &'static str {
                ENTRIES[index(self)].description
            }

            /// Why it happens.
            #[must_use]
            pub const fn cause(self) -> ::core::option::Option<&'static str> {
                ENTRIES[index(self)].cause
            }

            /// What to do about it.
            #[must_use]
            pub const fn solution(self) -> ::core::option::Option<&'static str> {
                ENTRIES[index(self)].solution
            }

            /// A link to the vendor's documentation of this error.
            #[must_use]
            pub const fn docs(self) -> ::core::option::Option<&'static str> {
                ENTRIES[index(self)].docs
            }

            /// The message template as the spec writes it.
            #[must_use]
            pub const fn template(self) -> ::core::option::Option<&'static str> {
                ENTRIES[index(self)].template
            }
        }

        // The variant's name, as `#[derive(Debug)]` writes it, without a `match` of its own.
        #[automatically_derived]
        impl ::core::fmt::Debug for $code {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str($code::name(*self))
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for $code {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str($code::as_str(*self))
            }
        }

        $crate::__private::from_reqwest!($error);
    };
}

/// `$trait` for a generated error type `$error` (`Clone`, `PartialEq`, `Debug`), in the scope
/// `__error_impls!` is invoked in, unless the user derives it: through `build` and `view`,
/// which every variant has anyway. Derived, each is one more `match` over every variant, and
/// the type and borrow checking of those grows faster than the variant count.
#[doc(hidden)]
#[macro_export]
macro_rules! __error_trait {
    (Clone for $error:ident) => {
        #[automatically_derived]
        impl ::core::clone::Clone for $error {
            fn clone(&self) -> Self {
                let __held = view(self);
                build(__held.entry, __held.to_parts())
            }
        }
    };
    (PartialEq for $error:ident) => {
        #[automatically_derived]
        impl ::core::cmp::PartialEq for $error {
            fn eq(&self, other: &Self) -> ::core::primitive::bool {
                view(self) == view(other)
            }
        }
    };
    (Debug for $error:ident) => {
        #[automatically_derived]
        impl ::core::fmt::Debug for $error {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                $crate::__private::debug(&SPEC, &view(self), f)
            }
        }
    };
}
