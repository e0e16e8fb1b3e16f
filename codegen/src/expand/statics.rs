//! The spec as data: `ENTRIES` (what each entry documents) and `SPEC` (the entries, the wire
//! code table, the fallbacks by status, the envelope), which the runtime's rules read.

use errspec_vocab::pointer::pointer_tokens;
use errspec_vocab::{FallbackKey, Kind, Recovery, Role};
use proc_macro2::TokenStream;
use quote::quote;

use super::{ident, option};
use crate::model::{ErrorEntry, MarkValue, Spec};
use crate::runtime_tables::{CodeTable, TablePart, Tables};

pub(super) fn tables(spec: &Spec) -> TokenStream {
    let tables = Tables::new(spec);
    let entries = spec
        .errors
        .iter()
        .zip(&tables.next)
        .map(|(entry, next)| entry_tokens(entry, *next));
    let codes = code_table(&tables.codes);
    let fallbacks = |fallbacks: &[(FallbackKey, u16)]| {
        let pairs = fallbacks.iter().map(|(key, index)| {
            let key = fallback_key_tokens(*key);
            let index = unsuffixed(*index);
            quote! { (#key, #index) }
        });
        quote! { &[#(#pairs),*] }
    };
    let missing = fallbacks(&tables.missing);
    let unknown = fallbacks(&tables.unknown);
    let by_message = tables.by_message.iter().map(|index| unsuffixed(*index));
    let name = &spec.name;
    let fields = spec.envelope.fields.iter().map(|field| &field.name);
    let envelope = envelope(spec, &tables);
    let status_format = ident(spec.envelope.status_format.variant_name());
    let window = option(spec.rate_limit_window);
    let kinds = spec.kinds.iter().map(|(key, kind)| {
        let key = fallback_key_tokens(*key);
        let kind = ident(kind.variant_name());
        quote! { (#key, __rt::Kind::#kind) }
    });
    let headers = &spec.envelope.headers;
    let (code_headers, request_id_headers) = (&headers.code, &headers.request_id);
    let resets = headers.retry_after.iter().map(|(name, format)| {
        let format = ident(format.rust_name());
        quote! { (#name, __rt::ResetFormat::#format) }
    });
    quote! {
        const ENTRIES: &[__rt::Entry<'static>] = &[#(#entries),*];

        static SPEC: __rt::Spec<'static> = __rt::Spec {
            name: #name,
            entries: ENTRIES,
            codes: #codes,
            missing: #missing,
            unknown: #unknown,
            by_message: &[#(#by_message),*],
            fields: &[#(#fields),*],
            envelope: #envelope,
            status_format: __rt::StatusFormat::#status_format,
            rate_limit_window: #window,
            kinds: &[#(#kinds),*],
            headers: __rt::Headers {
                code: &[#(#code_headers),*],
                request_id: &[#(#request_id_headers),*],
                retry_after: &[#(#resets),*],
            },
        };
    }
}

/// An entry's literal: only what the spec says, the rest from `Entry::DEFAULT`.
fn entry_tokens(entry: &ErrorEntry, next: Option<u16>) -> TokenStream {
    let name = &entry.variant;
    let mut said = vec![quote! { name: #name, }];
    let mut some = |key: &str, value: Option<TokenStream>| {
        if let Some(value) = value {
            let key = ident(key);
            said.push(quote! { #key: Some(#value), });
        }
    };
    some("code", entry.code.as_ref().map(|code| quote!(#code)));
    some("status", entry.status.map(unsuffixed));
    some("kind", entry.kind.map(kind_tokens));
    some("retryable", entry.retryable.map(|flag| quote!(#flag)));
    some("recovery", entry.recovery.map(recovery_tokens));
    some("cause", entry.cause.as_ref().map(|text| quote!(#text)));
    some(
        "solution",
        entry.solution.as_ref().map(|text| quote!(#text)),
    );
    some("docs", entry.docs.as_ref().map(|text| quote!(#text)));
    some("next", next.map(unsuffixed));
    some(
        "template",
        entry.template.as_ref().map(|template| {
            let text = &template.text;
            quote!(#text)
        }),
    );
    if let Some(template) = &entry.template {
        let pieces = &template.pieces;
        said.push(quote! { pieces: &[#(#pieces),*], });
        if !template.params.is_empty() {
            let params = &template.params;
            said.push(quote! { params: &[#(#params),*], });
        }
    }
    if let Some(description) = &entry.description {
        said.push(quote! { description: #description, });
    }
    if entry.batch {
        said.push(quote! { batch: true, });
    }
    if entry.empty_body {
        said.push(quote! { empty_body: true, });
    }
    quote! { __rt::Entry { #(#said)* ..__rt::Entry::DEFAULT } }
}

/// An integer literal without a type suffix, as people write them.
fn unsuffixed(value: u16) -> TokenStream {
    let literal = proc_macro2::Literal::u16_unsuffixed(value);
    quote!(#literal)
}

fn kind_tokens(kind: Kind) -> TokenStream {
    let variant = ident(kind.variant_name());
    quote! { __rt::Kind::#variant }
}

fn recovery_tokens(recovery: Recovery) -> TokenStream {
    let variant = ident(recovery.variant_name());
    if recovery.is_retry() {
        quote! { __rt::Recovery::Retry { after: None } }
    } else {
        quote! { __rt::Recovery::#variant }
    }
}

fn code_table(table: &CodeTable) -> TokenStream {
    let key = table.key;
    let disps = table
        .disps
        .iter()
        .map(|(first, second)| quote! { (#first, #second) });
    let slots = table.slots.iter().map(|(code, first)| {
        let first = unsuffixed(*first);
        quote! { (#code, #first) }
    });
    quote! {
        __rt::CodeTable {
            key: #key,
            disps: &[#(#disps),*],
            codes: &[#(#slots),*],
        }
    }
}

fn envelope(spec: &Spec, tables: &Tables) -> TokenStream {
    let envelope = &spec.envelope;
    let at = &tables.at;
    let many = envelope.many;
    let parts = tables.parts.iter().map(
        |TablePart {
             path,
             role,
             rank,
             group,
         }| {
            let role = role_tokens(*role);
            quote! { __rt::Part { path: &[#(#path),*], role: #role, rank: #rank, group: #group } }
        },
    );
    let multiple = option(envelope.multiple.as_ref().map(|multiple| &multiple.code));
    let batch = option(envelope.batch.as_ref().map(|batch| {
        let id = &batch.id;
        let message = &batch.message;
        let bare = batch.bare;
        quote! { __rt::Batch { id: #id, message: #message, bare: #bare } }
    }));
    let error_if = option(envelope.error_if.as_ref().map(|error_if| {
        let at = pointer_tokens(&error_if.at);
        let is = option(error_if.is.as_ref().map(|mark| match mark {
            MarkValue::Bool(flag) => quote!(__rt::Mark::Bool(#flag)),
            MarkValue::Text(text) => quote!(__rt::Mark::Text(#text)),
            MarkValue::Integer(number) => quote!(__rt::Mark::Integer(#number)),
        }));
        quote! { __rt::ErrorIf { at: &[#(#at),*], is: #is } }
    }));
    let code_before = option(envelope.code_before.as_ref());
    let code_after = option(envelope.code_after.as_ref());
    let format = ident(envelope.format.rust_name());
    quote! {
        __rt::Envelope {
            format: __rt::BodyFormat::#format,
            at: &[#(#at),*],
            many: #many,
            parts: &[#(#parts),*],
            code_before: #code_before,
            code_after: #code_after,
            multiple: #multiple,
            batch: #batch,
            error_if: #error_if,
        }
    }
}

fn fallback_key_tokens(key: FallbackKey) -> TokenStream {
    match key {
        FallbackKey::Status(status) => {
            let status = unsuffixed(status);
            quote!(__rt::FallbackKey::Status(#status))
        }
        FallbackKey::Class(class) => {
            let class = unsuffixed(class);
            quote!(__rt::FallbackKey::Class(#class))
        }
        FallbackKey::Default => quote!(__rt::FallbackKey::Default),
    }
}

fn role_tokens(role: Role) -> TokenStream {
    match role {
        Role::Code => quote!(__rt::Role::Code),
        Role::Message => quote!(__rt::Role::Message),
        Role::Status => quote!(__rt::Role::Status),
        Role::Field(index) => {
            let index = proc_macro2::Literal::usize_unsuffixed(index);
            quote!(__rt::Role::Field(#index))
        }
        Role::Items => quote!(__rt::Role::Items),
        Role::Inner => quote!(__rt::Role::Inner),
        Role::Nested(group) => quote!(__rt::Role::Nested(#group)),
        Role::Key(index) => {
            let index = proc_macro2::Literal::usize_unsuffixed(index);
            quote!(__rt::Role::Key(#index))
        }
    }
}
