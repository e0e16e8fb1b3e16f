//! The spec as data: `ENTRIES` (what each entry documents) and `SPEC` (the entries, the wire
//! code table, the fallbacks by status, the envelope), which the runtime's rules read, and the
//! answers the body walk asks of the envelope (`walk_answers`).

use errspec_vocab::{FallbackKey, Kind, Recovery, Role};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::variants::CHUNK;
use super::walk_answers::walk_answers;
use super::{ident, option};
use crate::model::{MarkValue, Spec};
use crate::runtime_tables::{
    CodeTable, TableBatch, TableEntry, TableEnvelope, TableErrorIf, TableGroup, TableHeaderField,
    TableHeaders, TablePart, Tables,
};

pub(super) fn tables(spec: &Spec) -> TokenStream {
    // Every field taken apart by name and every runtime field written: a field forgotten on
    // either side does not compile.
    let Tables {
        name,
        entries,
        codes,
        missing,
        unknown,
        by_message,
        fields,
        envelope,
        other_shapes,
        status_format,
        rate_limit_window,
        headers,
        kinds,
    } = &Tables::new(spec);
    let entries = entries_tokens(entries);
    let codes = code_table(codes);
    let missing = fallbacks(missing);
    let unknown = fallbacks(unknown);
    let by_message = by_message.iter().map(|index| unsuffixed(*index));
    let answers = walk_answers(&envelope.parts);
    let envelope = envelope_tokens(envelope);
    let other_shapes = other_shapes.iter().map(envelope_tokens);
    let status_format = ident(status_format.variant_name());
    let window = option(*rate_limit_window);
    let kinds = kinds.iter().map(|(key, kind)| {
        let key = fallback_key_tokens(*key);
        let kind = kind_tokens(*kind);
        quote! { (#key, #kind) }
    });
    let headers = headers_tokens(headers);
    quote! {
        #entries

        static SPEC: __rt::Spec<'static> = __rt::Spec {
            name: #name,
            entries: ENTRIES,
            codes: #codes,
            missing: #missing,
            unknown: #unknown,
            by_message: &[#(#by_message),*],
            fields: &[#(#fields),*],
            envelope: #envelope,
            other_shapes: &[#(#other_shapes),*],
            status_format: __rt::StatusFormat::#status_format,
            rate_limit_window: #window,
            headers: #headers,
            kinds: &[#(#kinds),*],
        };

        #answers
    }
}

fn fallbacks(fallbacks: &[(FallbackKey, u16)]) -> TokenStream {
    let pairs = fallbacks.iter().map(|(key, index)| {
        let key = fallback_key_tokens(*key);
        let index = unsuffixed(*index);
        quote! { (#key, #index) }
    });
    quote! { &[#(#pairs),*] }
}

/// `ENTRIES`, one slice of every entry: for a large spec, built at compile time from constants
/// of [`CHUNK`] entries (`Entry::concat`), which type check in time linear in the entries where
/// one array expression does not.
fn entries_tokens(entries: &[TableEntry]) -> TokenStream {
    if entries.len() <= CHUNK {
        let entries = entries.iter().map(entry_tokens);
        return quote! { const ENTRIES: &[__rt::Entry<'static>] = &[#(#entries),*]; };
    }
    let names: Vec<_> = (0..entries.len().div_ceil(CHUNK))
        .map(|number| format_ident!("ENTRIES_{number}"))
        .collect();
    let chunks = entries.chunks(CHUNK).zip(&names).map(|(chunk, name)| {
        let count = chunk.len();
        let chunk = chunk.iter().map(entry_tokens);
        quote! { const #name: [__rt::Entry<'static>; #count] = [#(#chunk),*]; }
    });
    let count = entries.len();
    quote! {
        #(#chunks)*
        const ALL_ENTRIES: [__rt::Entry<'static>; #count] =
            __rt::Entry::concat(&[#(&#names),*]);
        const ENTRIES: &[__rt::Entry<'static>] = &ALL_ENTRIES;
    }
}

/// An entry's literal: the name, then each field the entry states, the rest
/// `__rt::Entry::DEFAULT`'s (nothing stated). Every field of `TableEntry` is taken apart by name,
/// so one the tables add cannot be left out here.
fn entry_tokens(entry: &TableEntry) -> TokenStream {
    let TableEntry {
        name,
        code,
        status,
        kind,
        retryable,
        recovery,
        description,
        cause,
        solution,
        docs,
        template,
        pieces,
        params,
        next,
        when,
        keeps_code,
        batch,
        empty_body,
    } = entry;
    // Each field in one stream, written only where it differs from the default.
    let mut stated = TokenStream::new();
    if let Some(code) = code {
        stated.extend(quote! { code: Some(#code), });
    }
    if let Some(status) = status.map(unsuffixed) {
        stated.extend(quote! { status: Some(#status), });
    }
    if let Some(kind) = kind.map(kind_tokens) {
        stated.extend(quote! { kind: Some(#kind), });
    }
    if let Some(retryable) = retryable {
        stated.extend(quote! { retryable: Some(#retryable), });
    }
    if let Some(recovery) = recovery.map(recovery_tokens) {
        stated.extend(quote! { recovery: Some(#recovery), });
    }
    if !description.is_empty() {
        stated.extend(quote! { description: #description, });
    }
    if let Some(cause) = cause {
        stated.extend(quote! { cause: Some(#cause), });
    }
    if let Some(solution) = solution {
        stated.extend(quote! { solution: Some(#solution), });
    }
    if let Some(docs) = docs {
        stated.extend(quote! { docs: Some(#docs), });
    }
    if let Some(template) = template {
        stated.extend(quote! { template: Some(#template), });
    }
    if !pieces.is_empty() {
        stated.extend(quote! { pieces: &[#(#pieces),*], });
    }
    if !params.is_empty() {
        stated.extend(quote! { params: &[#(#params),*], });
    }
    if let Some(next) = next.map(unsuffixed) {
        stated.extend(quote! { next: Some(#next), });
    }
    if !when.is_empty() {
        let when = when.iter().map(|(field, value)| {
            let field = unsuffixed(*field);
            quote! { (#field, #value) }
        });
        stated.extend(quote! { when: &[#(#when),*], });
    }
    if *keeps_code {
        stated.extend(quote! { keeps_code: true, });
    }
    if *batch {
        stated.extend(quote! { batch: true, });
    }
    if *empty_body {
        stated.extend(quote! { empty_body: true, });
    }
    quote! {
        __rt::Entry { name: #name, #stated ..__rt::Entry::DEFAULT }
    }
}

fn headers_tokens(headers: &TableHeaders) -> TokenStream {
    let TableHeaders {
        code,
        code_first,
        request_id,
        should_retry,
        retry_after,
        fields,
    } = headers;
    let fields = fields.iter().map(|field| {
        let TableHeaderField {
            field,
            header,
            before,
            after,
        } = field;
        let field = unsuffixed(*field);
        let before = option(before.as_ref());
        let after = option(after.as_ref());
        quote! {
            __rt::HeaderField { field: #field, header: #header, before: #before, after: #after }
        }
    });
    let resets = retry_after.iter().map(|(name, format)| {
        let format = ident(format.rust_name());
        quote! { (#name, __rt::ResetFormat::#format) }
    });
    quote! {
        __rt::Headers {
            code: &[#(#code),*],
            code_first: #code_first,
            request_id: &[#(#request_id),*],
            should_retry: &[#(#should_retry),*],
            fields: &[#(#fields),*],
            retry_after: &[#(#resets),*],
        }
    }
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

fn envelope_tokens(envelope: &TableEnvelope) -> TokenStream {
    let TableEnvelope {
        format,
        at,
        many,
        results,
        parts,
        code_before,
        code_after,
        multiple,
        batch,
        error_if,
        content_types,
        request_id,
        groups,
    } = envelope;
    let request_id = request_id.iter().map(|path| quote!(&[#(#path),*]));
    let groups = groups.iter().map(
        |TableGroup {
             no_error,
             replaces,
             recursive,
             missing,
             unknown,
         }| {
            let missing = fallbacks(missing);
            let unknown = fallbacks(unknown);
            quote! {
                __rt::Group {
                    no_error: &[#(#no_error),*],
                    replaces: #replaces,
                    recursive: #recursive,
                    missing: #missing,
                    unknown: #unknown,
                }
            }
        },
    );
    let parts = parts.iter().map(
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
    let multiple = option(multiple.as_ref());
    let batch = option(batch.as_ref().map(|TableBatch { id, message, bare }| {
        quote! { __rt::Batch { id: #id, message: #message, bare: #bare } }
    }));
    let error_if = option(error_if.as_ref().map(|TableErrorIf { at, is }| {
        let is = option(is.as_ref().map(|mark| match mark {
            MarkValue::Bool(flag) => quote!(__rt::Mark::Bool(#flag)),
            MarkValue::Text(text) => quote!(__rt::Mark::Text(#text)),
            MarkValue::Integer(number) => quote!(__rt::Mark::Integer(#number)),
        }));
        quote! { __rt::ErrorIf { at: &[#(#at),*], is: #is } }
    }));
    let code_before = option(code_before.as_ref());
    let code_after = option(code_after.as_ref());
    let format = ident(format.rust_name());
    quote! {
        __rt::Envelope {
            format: __rt::BodyFormat::#format,
            at: &[#(#at),*],
            many: #many,
            results: #results,
            parts: &[#(#parts),*],
            code_before: #code_before,
            code_after: #code_after,
            multiple: #multiple,
            batch: #batch,
            error_if: #error_if,
            content_types: &[#(#content_types),*],
            request_id: &[#(#request_id),*],
            groups: &[#(#groups),*],
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
        Role::RetryAfter => quote!(__rt::Role::RetryAfter),
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
        Role::Index(index) => {
            let index = proc_macro2::Literal::usize_unsuffixed(index);
            quote!(__rt::Role::Index(#index))
        }
    }
}
