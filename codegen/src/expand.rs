//! Tokens for a validated spec: the error enum, the code enum, the decoder and the trait
//! impls, in a module of the spec's own whose public items are re-exported.

use std::path::Path;

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use crate::docs::{entry_doc, error_enum_doc};
use errspec_vocab::pointer::pointer_tokens;
use errspec_vocab::{Kind, Recovery};

use crate::model::{ErrorEntry, Spec};

/// Names of the generated items and of the decoder's locals.
struct Names {
    error: Ident,
    code: Ident,
    message: Ident,
    wire_code: Ident,
    status: Ident,
    items: Ident,
    fields: Vec<Ident>,
}

impl Names {
    fn new(spec: &Spec) -> Self {
        // Locals of the decoder are hygienic: they cannot clash with the spec's field names.
        let local = |name: &str| Ident::new(name, Span::mixed_site());
        Names {
            error: format_ident!("{}Error", spec.name),
            code: format_ident!("{}Code", spec.name),
            message: local("message"),
            wire_code: local("code"),
            status: local("status"),
            items: local("items"),
            fields: (0..spec.envelope.fields.len())
                .map(|index| local(&format!("field_{index}")))
                .collect(),
        }
    }
}

fn ident(name: &str) -> Ident {
    format_ident!("{}", name)
}

/// The perfect hash table of the distinct wire codes.
fn code_table(codes: &[&str]) -> TokenStream {
    let (key, disps, slots) = if codes.is_empty() {
        (0, Vec::new(), Vec::new())
    } else {
        let state = phf_generator::generate_hash(codes);
        (state.key, state.disps, state.map)
    };
    let disps = disps
        .iter()
        .map(|(first, second)| quote! { (#first, #second) });
    let entries = slots.iter().map(|&index| {
        let code = codes[index];
        let index = u16::try_from(index).unwrap_or(u16::MAX);
        quote! { (#code, #index) }
    });
    quote! {
        static CODES: __errspec::__private::CodeTable = __errspec::__private::CodeTable {
            key: #key,
            disps: &[#(#disps),*],
            codes: &[#(#entries),*],
        };
    }
}

/// The generated code for `spec`: its items in a module of their own, re-exported.
///
/// `krate` is the path of the runtime crate as the caller names it (`$crate` through the
/// `errspec::errors_from_spec!` wrapper, so a renamed dependency works); `track` is the spec
/// file to rebuild on when it changes.
///
/// The module keeps the caller's scope out of generated code (their traits, a type named
/// `u16`, `#![no_implicit_prelude]`), and the same spec expanded twice in one module is one
/// error, on the module's name, instead of one per generated item.
#[must_use]
pub fn expand(spec: &Spec, track: Option<&Path>, krate: &TokenStream) -> TokenStream {
    let names = Names::new(spec);
    let error_enum = error_enum(spec, &names);
    let code_enum = code_enum(spec, &names);
    let code_impl = code_impl(spec, &names);
    let error_impl = error_impl(spec, &names);
    let decoder = decoder(spec, &names);
    let encoder = encoder(spec, &names);
    let error = &names.error;
    let rebuild = track.map(|path| {
        let path = path.display().to_string();
        quote! { const _: &[u8] = ::core::include_bytes!(#path); }
    });
    // The spec's name as written: names that differ only in case are different types.
    let module = format_ident!("__errspec_spec_{}", spec.name);
    quote! {
        #[doc(hidden)]
        #[allow(non_snake_case)]
        mod #module {
            use #krate as __errspec;
            // The caller's module may have `#![no_implicit_prelude]`, which this one inherits.
            use self::__errspec::__private::prelude::*;

            #error_enum
            #code_enum
            const _: () = {
                #rebuild
                #code_impl
                #error_impl
                #decoder
                #encoder
                __errspec::__private::from_reqwest!(#error);
            };
        }
        #[allow(unused_imports)]
        pub use #module::*;
    }
}

fn error_enum(spec: &Spec, names: &Names) -> TokenStream {
    let doc = error_enum_doc(spec);
    let error = &names.error;
    let variants = spec.errors.iter().map(|entry| {
        let doc = entry_doc(entry);
        let variant = ident(&entry.variant);
        let code = entry.code.is_none().then(|| {
            quote! {
                #[doc = "The code the body carried, if any: this entry is chosen by status."]
                code: ::core::option::Option<::std::string::String>,
            }
        });
        let fields = spec.envelope.fields.iter().map(|field| {
            let name = ident(&field.name);
            let doc = format!("The error's `{}` (at `{}`), if present.", field.name, field.pointer);
            quote! { #[doc = #doc] #name: ::core::option::Option<::std::string::String>, }
        });
        let params = entry.params().iter().map(|param| {
            let name = ident(param);
            let doc = format!("`{{{param}}}` from the message, `None` when the message did not match the template.");
            quote! { #[doc = #doc] #name: ::core::option::Option<::std::string::String>, }
        });
        let items = entry.batch.then(|| {
            quote! {
                #[doc = "Per-item results of a batch write, empty when the body held none."]
                items: ::std::vec::Vec<__errspec::BatchItem>,
            }
        });
        quote! {
            #[doc = #doc]
            #variant {
                #[doc = "The vendor's message, or the description when the body carried none."]
                message: ::std::string::String,
                #code
                #(#fields)*
                #(#params)*
                #items
                #[doc = "The HTTP status the error arrived with: its own when the body carries one, else the response's."]
                status: u16,
            },
        }
    });
    quote! {
        #[doc = #doc]
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq)]
        #[non_exhaustive]
        pub enum #error {
            #(#variants)*
            /// An error the spec does not document, or a body that could not be read.
            Unknown {
                /// The code the body carried, if any.
                code: ::core::option::Option<::std::string::String>,
                /// The vendor's message, or the status's reason phrase when the body carried none.
                message: ::std::string::String,
                /// The HTTP status the error arrived with.
                status: u16,
            },
        }
    }
}

fn code_enum(spec: &Spec, names: &Names) -> TokenStream {
    let error = &names.error;
    let code = &names.code;
    let doc = format!(
        "The documented errors of the `{}` spec, without their data: one per variant of [`{error}`] but `Unknown`.",
        spec.name
    );
    let variants = spec.errors.iter().map(|entry| {
        let doc = entry_doc(entry);
        let variant = ident(&entry.variant);
        quote! { #[doc = #doc] #variant, }
    });
    quote! {
        #[doc = #doc]
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::marker::Copy, ::core::cmp::PartialEq, ::core::cmp::Eq, ::core::hash::Hash)]
        #[non_exhaustive]
        pub enum #code {
            #(#variants)*
        }
    }
}

/// `None` or `Some(value)` as tokens.
fn option<T: quote::ToTokens>(value: Option<T>) -> TokenStream {
    match value {
        Some(value) => quote! { ::core::option::Option::Some(#value) },
        None => quote! { ::core::option::Option::None },
    }
}

fn recovery_tokens(recovery: Recovery) -> TokenStream {
    let variant = ident(recovery.variant_name());
    if recovery.is_retry() {
        quote! { __errspec::Recovery::Retry { after: ::core::option::Option::None } }
    } else {
        quote! { __errspec::Recovery::#variant }
    }
}

fn kind_tokens(kind: Kind) -> TokenStream {
    let variant = ident(kind.variant_name());
    quote! { __errspec::Kind::#variant }
}

/// The kind an entry has whatever status it arrives with, if the spec fixes one.
fn static_kind(entry: &ErrorEntry) -> Option<TokenStream> {
    match (entry.kind, entry.status) {
        (Some(kind), _) => Some(kind_tokens(kind)),
        (None, Some(status)) => Some(quote! { __errspec::Kind::from_status(#status) }),
        (None, None) => None,
    }
}

fn code_impl(spec: &Spec, names: &Names) -> TokenStream {
    let code = &names.code;
    let variants: Vec<Ident> = spec
        .errors
        .iter()
        .map(|entry| ident(&entry.variant))
        .collect();
    let infos = spec.errors.iter().map(|entry| {
        let wire = entry.code.as_deref().unwrap_or(&entry.variant);
        let name = &entry.variant;
        let status = option(entry.status);
        let kind = option(static_kind(entry));
        let retryable = option(entry.retryable);
        let description = entry.description.as_deref().unwrap_or("");
        let cause = option(entry.cause.as_deref());
        let solution = option(entry.solution.as_deref());
        let docs = option(entry.docs.as_deref());
        let template = option(entry.template.as_ref().map(|template| &template.text));
        let recovery = option(entry.recovery.map(recovery_tokens));
        quote! {
            __errspec::__private::CodeInfo {
                wire: #wire,
                name: #name,
                status: #status,
                kind: #kind,
                retryable: #retryable,
                description: #description,
                cause: #cause,
                solution: #solution,
                docs: #docs,
                template: #template,
                recovery: #recovery,
            }
        }
    });
    // A spec whose every entry was left out (after mistakes) has an empty code enum.
    let info_body = if spec.errors.is_empty() {
        quote! { match self {} }
    } else {
        quote! { &Self::INFO[self as usize] }
    };
    let group_firsts: Vec<Ident> = spec
        .code_groups()
        .iter()
        .filter_map(|(_, entries)| entries.first())
        .map(|entry| ident(&entry.variant))
        .collect();
    quote! {
        impl #code {
            /// Every documented error, in spec order.
            pub const ALL: &'static [#code] = &[#(#code::#variants),*];

            /// What the spec documents about each variant, in the order of `ALL`.
            const INFO: &'static [__errspec::__private::CodeInfo] = &[#(#infos),*];

            const fn info(self) -> &'static __errspec::__private::CodeInfo {
                #info_body
            }

            /// The wire code; for an entry chosen by status only, its variant name.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                self.info().wire
            }

            /// The documented error with wire code `code` (the first, when several entries
            /// share it), in constant time whatever the spec's size.
            #[must_use]
            pub fn from_wire(code: &str) -> ::core::option::Option<#code> {
                const BY_GROUP: &[#code] = &[#(#code::#group_firsts),*];
                CODES.index(code).and_then(|group| BY_GROUP.get(usize::from(group)).copied())
            }

            /// The variant name.
            #[must_use]
            pub const fn name(self) -> &'static str {
                self.info().name
            }

            /// The documented HTTP status, `None` where the vendor documents none.
            #[must_use]
            pub const fn status(self) -> ::core::option::Option<u16> {
                self.info().status
            }

            /// The kind the spec documents; `Kind::Other` where it is left to the status the
            /// error arrives with (see [`Self::known_kind`] and the error's `kind()`).
            #[must_use]
            pub const fn kind(self) -> __errspec::Kind {
                match self.known_kind() {
                    ::core::option::Option::Some(kind) => kind,
                    ::core::option::Option::None => __errspec::Kind::Other,
                }
            }

            /// The kind the spec fixes (by `kind` or a documented status), `None` where it
            /// is left to the status the error arrives with.
            #[must_use]
            pub const fn known_kind(self) -> ::core::option::Option<__errspec::Kind> {
                self.info().kind
            }

            const fn static_retryable(self) -> ::core::option::Option<bool> {
                self.info().retryable
            }

            const fn fixed_recovery(self) -> ::core::option::Option<__errspec::Recovery> {
                self.info().recovery
            }

            /// Whether retrying may succeed, as far as the spec alone tells.
            #[must_use]
            pub const fn is_retryable(self) -> bool {
                match self.static_retryable() {
                    ::core::option::Option::Some(retryable) => retryable,
                    ::core::option::Option::None => self.kind().is_retryable_by_default(),
                }
            }

            /// What the error means (empty when the spec says nothing).
            #[must_use]
            pub const fn description(self) -> &'static str {
                self.info().description
            }

            /// Why it happens.
            #[must_use]
            pub const fn cause(self) -> ::core::option::Option<&'static str> {
                self.info().cause
            }

            /// What to do about it.
            #[must_use]
            pub const fn solution(self) -> ::core::option::Option<&'static str> {
                self.info().solution
            }

            /// A link to the vendor's documentation of this error.
            #[must_use]
            pub const fn docs(self) -> ::core::option::Option<&'static str> {
                self.info().docs
            }

            /// The message template as the spec writes it.
            #[must_use]
            pub const fn template(self) -> ::core::option::Option<&'static str> {
                self.info().template
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #code {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    }
}

fn error_impl(spec: &Spec, names: &Names) -> TokenStream {
    let error = &names.error;
    let code = &names.code;
    let variants: Vec<Ident> = spec
        .errors
        .iter()
        .map(|entry| ident(&entry.variant))
        .collect();
    let status_only: Vec<Ident> = spec
        .errors
        .iter()
        .filter(|entry| entry.code.is_none())
        .map(|entry| ident(&entry.variant))
        .collect();
    let details = spec.errors.iter().map(|entry| {
        let variant = ident(&entry.variant);
        let names: Vec<&str> = spec
            .envelope
            .fields
            .iter()
            .map(|field| field.name.as_str())
            .chain(entry.params().iter().map(String::as_str))
            .collect();
        let bindings: Vec<Ident> = names.iter().map(|name| ident(name)).collect();
        quote! {
            #error::#variant { #(#bindings,)* .. } => ::std::vec::Vec::from([#((#names, #bindings.as_deref())),*]),
        }
    });
    let items = spec.has_batch().then(|| {
        let batch_variants = spec
            .errors
            .iter()
            .filter(|entry| entry.batch)
            .map(|entry| ident(&entry.variant));
        quote! {
            /// Per-item results of a batch write; empty for errors that carry none.
            #[must_use]
            pub fn items(&self) -> &[__errspec::BatchItem] {
                match self {
                    #(#error::#batch_variants { items, .. })|* => items,
                    _ => &[],
                }
            }
        }
    });
    let items_delegate = spec.has_batch().then(|| {
        quote! { fn items(&self) -> &[__errspec::BatchItem] { #error::items(self) } }
    });
    let window = spec.rate_limit_window.map(|seconds| {
        quote! {
            fn rate_limit_window(&self) -> ::core::option::Option<::core::time::Duration> {
                ::core::option::Option::Some(::core::time::Duration::from_secs(#seconds))
            }
        }
    });
    quote! {
        impl #error {
            /// Decodes an error response. Never fails: a body with no readable error yields
            /// one error chosen by status.
            #[must_use]
            pub fn decode(status: u16, body: &[u8]) -> __errspec::ErrorResponse<#error> {
                __errspec::__private::decode(&ENVELOPE, status, body, from_raw)
            }

            /// Decodes an error response of the `http` crate: its status, its headers
            /// (`Retry-After`, for `retry_after()`) and its body. Never fails.
            #[must_use]
            pub fn decode_http<B: ::core::convert::AsRef<[u8]>>(
                response: &__errspec::http::Response<B>,
            ) -> __errspec::ErrorResponse<#error> {
                #error::decode_parts(response.status(), response.headers(), response.body().as_ref())
            }

            /// Decodes an error response from its status, headers (`Retry-After`, for
            /// `retry_after()`) and body. Never fails.
            #[must_use]
            pub fn decode_parts(
                status: __errspec::http::StatusCode,
                headers: &__errspec::http::HeaderMap,
                body: &[u8],
            ) -> __errspec::ErrorResponse<#error> {
                #error::decode(status.as_u16(), body).with_headers(headers)
            }

            /// The body the vendor's server sends for this error alone, in its wire format
            /// (empty where the vendor sends none). `errspec::ErrorResponse::to_http` makes
            /// the whole response, with its status.
            #[must_use]
            pub fn to_body(&self) -> ::std::vec::Vec<u8> {
                <#error as __errspec::ApiError>::encode_errors(self.status(), ::core::slice::from_ref(self))
            }

            /// What to do about it: `Retry` (without a wait: `ErrorResponse::recovery` adds
            /// it) when retryable, else the recovery the spec names for the code, else the
            /// one of its kind (`errspec::Recovery::for_kind`).
            #[must_use]
            pub fn recovery(&self) -> __errspec::Recovery {
                let retryable = self.is_retryable();
                match self.spec_code().and_then(#code::fixed_recovery) {
                    ::core::option::Option::Some(recovery) if !retryable => recovery,
                    _ => __errspec::Recovery::for_kind(self.kind(), retryable),
                }
            }

            /// The documented error this is, `None` for `Unknown`.
            #[must_use]
            pub fn spec_code(&self) -> ::core::option::Option<#code> {
                match self {
                    #(#error::#variants { .. } => ::core::option::Option::Some(#code::#variants),)*
                    #error::Unknown { .. } => ::core::option::Option::None,
                }
            }

            /// The wire code as received, `None` when the body carried none.
            #[must_use]
            pub fn code(&self) -> ::core::option::Option<&str> {
                match self {
                    #(#error::#status_only { code, .. } |)* #error::Unknown { code, .. } => code.as_deref(),
                    _ => self.spec_code().map(#code::as_str),
                }
            }

            /// The vendor's message; never empty.
            #[must_use]
            pub fn message(&self) -> &str {
                match self {
                    #(#error::#variants { message, .. } |)* #error::Unknown { message, .. } => message,
                }
            }

            /// The HTTP status the error arrived with: its own when the body carries one, else
            /// the response's.
            #[must_use]
            pub fn status(&self) -> u16 {
                match self {
                    #(#error::#variants { status, .. } |)* #error::Unknown { status, .. } => *status,
                }
            }

            /// What went wrong: the spec's kind, else its documented status's, else the status
            /// the error arrived with.
            #[must_use]
            pub fn kind(&self) -> __errspec::Kind {
                match self.spec_code().and_then(#code::known_kind) {
                    ::core::option::Option::Some(kind) => kind,
                    ::core::option::Option::None => __errspec::Kind::from_status(self.status()),
                }
            }

            /// Whether retrying the same request may succeed.
            #[must_use]
            pub fn is_retryable(&self) -> bool {
                match self.spec_code().and_then(#code::static_retryable) {
                    ::core::option::Option::Some(retryable) => retryable,
                    ::core::option::Option::None => self.kind().is_retryable_by_default(),
                }
            }

            /// The HTTP status the vendor documents for this error.
            #[must_use]
            pub fn documented_status(&self) -> ::core::option::Option<u16> {
                self.spec_code().and_then(#code::status)
            }

            /// The variant's name (`"Unknown"` for an undocumented error).
            #[must_use]
            pub fn variant_name(&self) -> &'static str {
                self.spec_code().map_or("Unknown", #code::name)
            }

            /// The extra fields and template parameters, by name, in spec order.
            #[must_use]
            pub fn details(&self) -> ::std::vec::Vec<(&'static str, ::core::option::Option<&str>)> {
                match self {
                    #(#details)*
                    #error::Unknown { .. } => ::std::vec::Vec::new(),
                }
            }

            #items
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #error {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match self.code() {
                    ::core::option::Option::Some(code) => ::core::write!(f, "{}: {}", code, self.message()),
                    ::core::option::Option::None => f.write_str(self.message()),
                }
            }
        }

        #[automatically_derived]
        impl ::std::error::Error for #error {}

        #[automatically_derived]
        impl __errspec::ApiError for #error {
            fn code(&self) -> ::core::option::Option<&str> { #error::code(self) }
            fn message(&self) -> &str { #error::message(self) }
            fn kind(&self) -> __errspec::Kind { #error::kind(self) }
            fn is_retryable(&self) -> bool { #error::is_retryable(self) }
            fn documented_status(&self) -> ::core::option::Option<u16> { #error::documented_status(self) }
            fn status(&self) -> u16 { #error::status(self) }
            fn variant_name(&self) -> &'static str { #error::variant_name(self) }
            fn details(&self) -> ::std::vec::Vec<(&'static str, ::core::option::Option<&str>)> { #error::details(self) }
            fn spec_description(&self) -> ::core::option::Option<&'static str> {
                self.spec_code().map(#code::description).filter(|text| !text.is_empty())
            }
            fn spec_solution(&self) -> ::core::option::Option<&'static str> {
                self.spec_code().and_then(#code::solution)
            }
            #items_delegate
            fn recovery(&self) -> __errspec::Recovery { #error::recovery(self) }
            #window
            fn encode_errors(status: u16, errors: &[Self]) -> ::std::vec::Vec<u8> {
                let wires: ::std::vec::Vec<_> = errors.iter().map(wire).collect();
                __errspec::__private::encode(&ENCODING, status, &wires)
            }
        }
    }
}

/// The encoding static and `wire`, which turns each variant into what the encoder writes.
fn encoder(spec: &Spec, names: &Names) -> TokenStream {
    let error = &names.error;
    let field_count = spec.envelope.fields.len();
    let status_format = ident(spec.envelope.status_format.variant_name());
    let field_names: Vec<Ident> = spec
        .envelope
        .fields
        .iter()
        .map(|field| ident(&field.name))
        .collect();
    let variants: Vec<Ident> = spec
        .errors
        .iter()
        .map(|entry| ident(&entry.variant))
        .collect();
    // Every variant but `Unknown` has the envelope's fields.
    let fields = if field_names.is_empty() || variants.is_empty() {
        let nones = (0..field_count).map(|_| quote! { ::core::option::Option::None });
        quote! { [#(#nones),*] }
    } else {
        let nones = field_names
            .iter()
            .map(|_| quote! { ::core::option::Option::None });
        let pattern = quote! { { #(#field_names,)* .. } };
        quote! {
            match error {
                #(#error::#variants #pattern)|* => [#(#field_names.as_deref()),*],
                #error::Unknown { .. } => [#(#nones),*],
            }
        }
    };
    let items = if spec.has_batch() {
        quote! { error.items() }
    } else {
        quote! { &[] }
    };
    let empty_variants: Vec<Ident> = spec
        .errors
        .iter()
        .filter(|entry| entry.empty_body)
        .map(|entry| ident(&entry.variant))
        .collect();
    let empty = if empty_variants.is_empty() {
        quote! { false }
    } else {
        quote! { ::core::matches!(error, #(#error::#empty_variants { .. })|*) }
    };
    quote! {
        static ENCODING: __errspec::__private::Encoding<'static> = __errspec::__private::Encoding {
            envelope: &ENVELOPE,
            status: __errspec::__private::StatusFormat::#status_format,
        };

        fn wire(error: &#error) -> __errspec::__private::Wire<'_, #field_count> {
            __errspec::__private::Wire {
                code: error.code(),
                message: ::core::option::Option::Some(error.message()),
                status: error.status(),
                fields: #fields,
                items: #items,
                empty: #empty,
            }
        }
    }
}

fn decoder(spec: &Spec, names: &Names) -> TokenStream {
    let envelope = envelope_static(spec);
    let Names {
        error,
        message,
        wire_code,
        status,
        items,
        fields,
        ..
    } = names;
    let items_binding = if spec.has_batch() {
        quote! { #items }
    } else {
        quote! { _ }
    };
    let field_count = fields.len();
    let groups = spec.code_groups();
    let codes: Vec<&str> = groups.iter().map(|(code, _)| *code).collect();
    let table = code_table(&codes);
    let code_arms = groups.iter().enumerate().filter_map(|(index, (_, entries))| {
        let (first, others) = entries.split_first()?;
        let chosen = group(spec, names, first, others);
        let index = u16::try_from(index).unwrap_or(u16::MAX);
        Some(quote! { ::core::option::Option::Some(::core::option::Option::Some(#index)) => #chosen, })
    });
    let unknown = quote! {
        #error::Unknown {
            code: #wire_code.map(::std::borrow::Cow::into_owned),
            message: __errspec::__private::message_or_reason(#message, #status),
            status: #status,
        }
    };
    let by_status = |fallbacks: &[(u16, usize)]| {
        let arms = fallbacks.iter().map(|(fallback_status, index)| {
            let chosen = one_entry(spec, names, &spec.errors[*index]);
            quote! { #fallback_status => #chosen, }
        });
        quote! {
            match #status {
                #(#arms)*
                _ => #unknown,
            }
        }
    };
    let unknown_code = by_status(&spec.fallback_unknown);
    let missing_code = by_status(&spec.fallback_missing);
    quote! {
        #envelope
        #table

        #[allow(clippy::too_many_lines, clippy::match_same_arms, clippy::needless_pass_by_value)]
        fn from_raw(raw: __errspec::__private::RawError<'_, #field_count>, response_status: u16) -> #error {
            let __errspec::__private::RawError {
                code: #wire_code,
                message: #message,
                status: #status,
                fields: [#(#fields),*],
                items: #items_binding,
            } = raw;
            let #status = #status.unwrap_or(response_status);
            let group = #wire_code.as_deref().map(|text| CODES.index(text));
            match group {
                #(#code_arms)*
                ::core::option::Option::Some(_) => #unknown_code,
                ::core::option::Option::None => #missing_code,
            }
        }
    }
}

fn envelope_static(spec: &Spec) -> TokenStream {
    let envelope = &spec.envelope;
    let at = pointer_tokens(&envelope.at);
    let many = envelope.many;
    let part = |pointer: &str, role: TokenStream| {
        let path = pointer_tokens(pointer);
        quote! { __errspec::__private::Part { path: &[#(#path),*], role: __errspec::__private::Role::#role } }
    };
    let mut parts = vec![part(&envelope.code, quote! { Code })];
    if let Some(message) = &envelope.message {
        parts.push(part(message, quote! { Message }));
    }
    if let Some(status) = &envelope.status {
        parts.push(part(status, quote! { Status }));
    }
    for (index, field) in envelope.fields.iter().enumerate() {
        parts.push(part(&field.pointer, quote! { Field(#index) }));
    }
    if let Some(batch) = &envelope.batch {
        parts.push(part(&batch.at, quote! { Items }));
    }
    if let Some(multiple) = &envelope.multiple {
        parts.push(part(&multiple.inner, quote! { Inner }));
    }
    let multiple = option(envelope.multiple.as_ref().map(|multiple| &multiple.code));
    let batch = option(envelope.batch.as_ref().map(|batch| {
        let id = &batch.id;
        let message = &batch.message;
        let bare = batch.bare;
        quote! { __errspec::__private::Batch { id: #id, message: #message, bare: #bare } }
    }));
    quote! {
        static ENVELOPE: __errspec::__private::Envelope<'static> = __errspec::__private::Envelope {
            at: &[#(#at),*],
            many: #many,
            parts: &[#(#parts),*],
            multiple: #multiple,
            batch: #batch,
        };
    }
}

/// The variant for a body whose code is `first.code`: the first of `first` and `others`
/// whose template matches, else the entry without a template, else `first`.
fn group(spec: &Spec, names: &Names, first: &ErrorEntry, others: &[&ErrorEntry]) -> TokenStream {
    let entries: Vec<&ErrorEntry> = core::iter::once(first)
        .chain(others.iter().copied())
        .collect();
    let catch_all = entries
        .iter()
        .copied()
        .find(|entry| entry.template.is_none())
        .unwrap_or(first);
    let mut chosen = construct(spec, names, catch_all, None);
    // Built from the last template to the first, so the first in file order is tried first.
    let mut later_template = false;
    for entry in entries
        .iter()
        .rev()
        .filter(|entry| entry.template.is_some())
    {
        // The catch-all without parameters needs no check of its own when no template comes
        // after it: it is chosen whether or not its template matches.
        let same_either_way =
            !later_template && core::ptr::eq(catch_all, *entry) && entry.params().is_empty();
        if !same_either_way {
            chosen = templated(spec, names, entry, &chosen);
        }
        later_template = true;
    }
    chosen
}

/// The variant of one entry, with its template's parameters when the message matches.
fn one_entry(spec: &Spec, names: &Names, entry: &ErrorEntry) -> TokenStream {
    let unmatched = construct(spec, names, entry, None);
    if !entry.params().is_empty() {
        templated(spec, names, entry, &unmatched)
    } else {
        unmatched
    }
}

/// `entry` with captured parameters when its template matches the message, else `otherwise`.
fn templated(
    spec: &Spec,
    names: &Names,
    entry: &ErrorEntry,
    otherwise: &TokenStream,
) -> TokenStream {
    let Some(template) = &entry.template else {
        return otherwise.clone();
    };
    let message = &names.message;
    let pieces = &template.pieces;
    let count = template.params.len();
    let captured: Vec<Ident> = (0..count)
        .map(|index| Ident::new(&format!("param_{index}"), Span::mixed_site()))
        .collect();
    let matched = construct(spec, names, entry, Some(&captured));
    quote! {
        if let ::core::option::Option::Some([#(#captured),*]) = #message
            .as_deref()
            .and_then(|text| __errspec::__private::match_template::<#count>(&[#(#pieces),*], text))
        {
            #matched
        } else {
            #otherwise
        }
    }
}

/// The struct literal of `entry`'s variant; `captured` holds the parameters' locals when the
/// template matched.
fn construct(
    spec: &Spec,
    names: &Names,
    entry: &ErrorEntry,
    captured: Option<&[Ident]>,
) -> TokenStream {
    let error = &names.error;
    let variant = ident(&entry.variant);
    let Names {
        message,
        wire_code,
        status,
        items,
        ..
    } = names;
    let message_or_default = match &entry.description {
        Some(description) => {
            quote! { __errspec::__private::message_or(#message, #description, #status) }
        }
        None => quote! { __errspec::__private::message_or_reason(#message, #status) },
    };
    let code = entry
        .code
        .is_none()
        .then(|| quote! { code: #wire_code.map(::std::borrow::Cow::into_owned), });
    let fields = spec
        .envelope
        .fields
        .iter()
        .zip(&names.fields)
        .map(|(field, local)| {
            let name = ident(&field.name);
            quote! { #name: #local, }
        });
    let params = entry.params().iter().enumerate().map(|(index, param)| {
        let name = ident(param);
        match captured {
            Some(locals) => {
                let local = &locals[index];
                quote! { #name: ::core::option::Option::Some(#local), }
            }
            None => quote! { #name: ::core::option::Option::None, },
        }
    });
    let items = entry.batch.then(|| quote! { items: #items, });
    quote! {
        #error::#variant {
            message: #message_or_default,
            #code
            #(#fields)*
            #(#params)*
            #items
            status: #status,
        }
    }
}
