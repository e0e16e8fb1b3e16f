//! Decoding with a spec that was never compiled: the validated model the macro expands, turned
//! into the runtime's tables at run time (`errspec_codegen::runtime_tables`, the same tables
//! generated code prints) and decoded by the runtime's own `decode`. Choosing the entry, its
//! kind, retry advice and recovery are the runtime's rules, as for generated types; this file
//! only lends the tables to the runtime and reads the result.

use std::time::Duration;

use errspec::__private::{
    self as rt, Batch, Chosen, CodeTable, Entry, Envelope, ErrorIf, Group, Headers, Mark, Part,
    Parts, View, MAX_PARTS,
};
use errspec_codegen::model::{ErrorEntry, MarkValue};
use errspec_codegen::runtime_tables::{
    TableBatch, TableEntry, TableEnvelope, TableErrorIf, TableHeaderField, TableHeaders, TablePart,
    Tables,
};
use errspec_codegen::Spec;
pub use errspec_vocab::template::MAX_PARAMS;

use crate::decoded::{Decoded, DecodedError};

/// How many extra fields an interpreted spec may read: every part of an error fits.
const FIELDS: usize = MAX_PARTS;

/// A validated spec, ready to decode responses.
#[derive(Debug, Clone)]
pub struct Interpreter {
    spec: Spec,
    tables: Tables,
}

/// Why the errors of a response are the ones decoded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Why {
    /// The rule of the runtime's `select` that chose each error's entry, in order.
    pub chosen: Vec<Chosen>,
    /// The header (as the spec names it) some errors' code came from, their body holding none.
    pub code_header: Option<String>,
}

/// What one documented entry fixes whatever status its error arrives with (`None`: the
/// status decides), by the runtime's rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fixed {
    /// The kind.
    pub kind: Option<errspec::Kind>,
    /// Whether retrying may succeed.
    pub retryable: Option<bool>,
    /// What to do about it.
    pub recovery: Option<errspec::Recovery>,
}

impl Interpreter {
    /// An interpreter of `spec`, a spec without mistakes (`Checked::valid`).
    ///
    /// # Errors
    /// One line when the spec has a template with more than [`MAX_PARAMS`] parameters.
    pub fn new(spec: Spec) -> Result<Self, String> {
        // The checker keeps a valid spec within `MAX_PARTS` locations per error.
        let tables = Tables::new(&spec);
        if let Some(entry) = spec
            .errors
            .iter()
            .find(|entry| entry.params().len() > MAX_PARAMS)
        {
            return Err(format!(
                "the template of `{}` has {} parameters; the interpreter takes at most {MAX_PARAMS}",
                entry.variant,
                entry.params().len()
            ));
        }
        Ok(Interpreter { spec, tables })
    }

    /// The spec being interpreted.
    #[must_use]
    pub fn spec(&self) -> &Spec {
        &self.spec
    }

    /// Decodes an error response with the runtime's `decode`, as generated types do. Never
    /// fails.
    #[must_use]
    pub fn decode(&self, status: u16, body: &[u8]) -> Decoded {
        self.with_tables(|spec| {
            let build = |entry: Option<usize>, parts: Parts<FIELDS, MAX_PARAMS>| {
                self.error(spec, entry, parts)
            };
            let response = rt::decode(spec, &spec.envelope, status, body, &build);
            Decoded::from_parts(response)
        })
    }

    /// Whether a response is an error, with the runtime's `is_error`, as generated types'
    /// `decode_if_error` tells: a 2xx is one only where its body carries an error mark or a
    /// failed item.
    #[must_use]
    pub fn is_error(&self, status: u16, body: &[u8]) -> bool {
        self.with_tables(|spec| rt::is_error(spec, &spec.envelope, status, body))
    }

    /// Decodes an error response with its headers, with the runtime's `decode_parts`, as
    /// generated types do. Never fails.
    #[must_use]
    pub fn decode_parts(
        &self,
        status: u16,
        headers: &errspec::http::HeaderMap,
        body: &[u8],
    ) -> Decoded {
        self.with_tables(|spec| {
            let build = |entry: Option<usize>, parts: Parts<FIELDS, MAX_PARAMS>| {
                self.error(spec, entry, parts)
            };
            let response = rt::decode_parts(spec, &spec.envelope, status, headers, body, &build);
            Decoded::from_parts(response)
        })
    }

    /// Why each error of a response is the one decoded, in the order
    /// [`decode_parts`](Self::decode_parts) returns them: what `errspec decode` explains.
    #[must_use]
    pub fn choices(&self, status: u16, headers: &errspec::http::HeaderMap, body: &[u8]) -> Why {
        self.with_tables(|spec| {
            let build = |_: Option<usize>, parts: Parts<FIELDS, MAX_PARAMS>| {
                (parts.chosen, parts.code_from_header)
            };
            let errors =
                rt::decode_parts(spec, &spec.envelope, status, headers, body, &build).into_errors();
            Why {
                chosen: errors.iter().map(|(chosen, _)| *chosen).collect(),
                code_header: errors
                    .iter()
                    .any(|(_, from_header)| *from_header)
                    .then(|| rt::code_header(headers, &spec.headers))
                    .flatten()
                    .map(str::to_owned),
            }
        })
    }

    /// Runs `run` with the runtime's tables of the spec, borrowed from this interpreter.
    fn with_tables<R>(&self, run: impl FnOnce(&rt::Spec<'_>) -> R) -> R {
        // Every field taken apart by name and every runtime field written: a field forgotten
        // on either side does not compile.
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
        } = &self.tables;
        let borrowed: Vec<Borrowed<'_>> = entries.iter().map(Borrowed::new).collect();
        let entries: Vec<Entry<'_>> = entries
            .iter()
            .zip(&borrowed)
            .map(|(entry, borrowed)| runtime_entry(entry, borrowed))
            .collect();
        let slots: Vec<(&str, u16)> = codes
            .slots
            .iter()
            .map(|(code, first)| (code.as_str(), *first))
            .collect();
        let fields = strs(fields);
        let shapes: Vec<&TableEnvelope> = core::iter::once(envelope).chain(other_shapes).collect();
        let shape_strs: Vec<ShapeStrs<'_>> = shapes.iter().map(|shape| shape_strs(shape)).collect();
        let shape_slices: Vec<ShapeSlices<'_>> = shapes
            .iter()
            .zip(&shape_strs)
            .map(|(shape, strs)| shape_slices(shape, strs))
            .collect();
        let mut envelopes: Vec<Envelope<'_>> = shapes
            .iter()
            .zip(&shape_strs)
            .zip(&shape_slices)
            .map(|((shape, strs), slices)| runtime_envelope(shape, strs, slices))
            .collect();
        let envelope = envelopes.remove(0);
        let TableHeaders {
            code,
            code_first,
            request_id,
            should_retry,
            retry_after,
            fields: header_fields,
        } = headers;
        let header_fields: Vec<rt::HeaderField<'_>> = header_fields
            .iter()
            .map(|field| {
                let TableHeaderField {
                    field,
                    header,
                    before,
                    after,
                } = field;
                rt::HeaderField {
                    field: *field,
                    header,
                    before: before.as_deref(),
                    after: after.as_deref(),
                }
            })
            .collect();
        let code_headers = strs(code);
        let request_id_headers = strs(request_id);
        let should_retry_headers = strs(should_retry);
        let resets: Vec<(&str, _)> = retry_after
            .iter()
            .map(|(name, format)| (name.as_str(), *format))
            .collect();
        let spec = rt::Spec {
            name,
            entries: &entries,
            codes: CodeTable {
                key: codes.key,
                disps: &codes.disps,
                codes: &slots,
            },
            missing,
            unknown,
            by_message,
            fields: &fields,
            envelope,
            other_shapes: &envelopes,
            status_format: *status_format,
            rate_limit_window: *rate_limit_window,
            headers: Headers {
                code: &code_headers,
                code_first: *code_first,
                request_id: &request_id_headers,
                should_retry: &should_retry_headers,
                fields: &header_fields,
                retry_after: &resets,
            },
            kinds,
        };
        run(&spec)
    }

    /// The interpreter's `build`: what the runtime's accessors say of the error.
    fn error(
        &self,
        spec: &rt::Spec<'_>,
        entry: Option<usize>,
        parts: Parts<FIELDS, MAX_PARAMS>,
    ) -> DecodedError {
        let view: View<'_, FIELDS, MAX_PARAMS> = View {
            entry,
            received_code: parts.code.as_deref(),
            message: &parts.message,
            status: parts.status,
            fields: parts.fields.each_ref().map(Option::as_deref),
            params: parts.params.each_ref().map(Option::as_deref),
            items: &parts.items,
        };
        let documented = entry.and_then(|index| spec.entries.get(index));
        DecodedError {
            variant: rt::variant_name(spec, entry).to_owned(),
            code: rt::code(spec, &view).map(str::to_owned),
            message: parts.message.clone(),
            status: parts.status,
            documented_status: documented.and_then(|entry| entry.status),
            kind: rt::kind(spec, entry, parts.status),
            retryable: rt::is_retryable(spec, entry, parts.status),
            recovery: rt::recovery(spec, entry, parts.status),
            rate_limit_window: spec.rate_limit_window.map(Duration::from_secs),
            details: rt::details(spec, &view)
                .into_iter()
                .map(|(name, value)| (name.to_owned(), value.map(str::to_owned)))
                .collect(),
            items: parts.items.clone(),
            description: documented
                .map(|entry| entry.description)
                .filter(|description| !description.is_empty())
                .map(str::to_owned),
            solution: documented
                .and_then(|entry| entry.solution)
                .map(str::to_owned),
        }
    }
}

/// What `entry` fixes whatever status its error arrives with, by the runtime's rules.
#[must_use]
pub fn fixed(entry: &ErrorEntry) -> Fixed {
    // What an entry fixes depends on neither its neighbours nor the code it keeps.
    let entry = TableEntry::new(entry, None, entry.code.is_none());
    let none = Borrowed::default();
    let entry = runtime_entry(&entry, &none);
    Fixed {
        kind: rt::fixed_kind(&entry),
        retryable: rt::fixed_retryable(&entry),
        recovery: rt::fixed_recovery(&entry),
    }
}

/// The strings of one shape's tables, borrowed, in the runtime's form: what its runtime
/// envelope points into.
struct ShapeStrs<'t> {
    paths: Vec<Vec<&'t str>>,
    at: Vec<&'t str>,
    error_if_at: Vec<&'t str>,
    content_types: Vec<&'t str>,
    request_id: Vec<Vec<&'t str>>,
    no_error: Vec<Vec<&'t str>>,
}

fn shape_strs(shape: &TableEnvelope) -> ShapeStrs<'_> {
    ShapeStrs {
        paths: shape.parts.iter().map(|part| strs(&part.path)).collect(),
        at: strs(&shape.at),
        error_if_at: shape
            .error_if
            .as_ref()
            .map(|error_if| strs(&error_if.at))
            .unwrap_or_default(),
        content_types: strs(&shape.content_types),
        request_id: shape.request_id.iter().map(|path| strs(path)).collect(),
        no_error: shape
            .groups
            .iter()
            .map(|group| strs(&group.no_error))
            .collect(),
    }
}

/// The slices one shape's runtime envelope points into, borrowed from its [`ShapeStrs`].
struct ShapeSlices<'s> {
    parts: Vec<Part<'s>>,
    request_id: Vec<&'s [&'s str]>,
    groups: Vec<Group<'s>>,
}

fn shape_slices<'s>(shape: &'s TableEnvelope, strs: &'s ShapeStrs<'_>) -> ShapeSlices<'s> {
    ShapeSlices {
        parts: shape_parts(shape, strs),
        request_id: strs.request_id.iter().map(Vec::as_slice).collect(),
        groups: shape
            .groups
            .iter()
            .zip(&strs.no_error)
            .map(|(group, no_error)| Group {
                no_error,
                replaces: group.replaces,
                recursive: group.recursive,
                missing: &group.missing,
                unknown: &group.unknown,
            })
            .collect(),
    }
}

fn shape_parts<'s>(shape: &TableEnvelope, strs: &'s ShapeStrs<'_>) -> Vec<Part<'s>> {
    strs.paths
        .iter()
        .zip(&shape.parts)
        .map(
            |(
                path,
                TablePart {
                    path: _,
                    role,
                    rank,
                    group,
                },
            )| Part {
                path,
                role: *role,
                rank: *rank,
                group: *group,
            },
        )
        .collect()
}

/// The runtime's envelope of one shape, every field written.
fn runtime_envelope<'s>(
    shape: &'s TableEnvelope,
    strs: &'s ShapeStrs<'_>,
    slices: &'s ShapeSlices<'s>,
) -> Envelope<'s> {
    let TableEnvelope {
        format,
        at: _,
        many,
        results,
        parts: _,
        code_before,
        code_after,
        multiple,
        batch,
        error_if,
        content_types: _,
        request_id: _,
        groups: _,
    } = shape;
    Envelope {
        format: *format,
        at: &strs.at,
        many: *many,
        results: *results,
        parts: &slices.parts,
        code_before: code_before.as_deref(),
        code_after: code_after.as_deref(),
        multiple: multiple.as_deref(),
        batch: batch
            .as_ref()
            .map(|TableBatch { id, message, bare }| Batch {
                id,
                message,
                bare: *bare,
            }),
        error_if: error_if.as_ref().map(|TableErrorIf { at: _, is }| ErrorIf {
            at: &strs.error_if_at,
            is: is.as_ref().map(|mark| match mark {
                MarkValue::Bool(flag) => Mark::Bool(*flag),
                MarkValue::Text(text) => Mark::Text(text),
                MarkValue::Integer(number) => Mark::Integer(*number),
            }),
        }),
        content_types: &strs.content_types,
        request_id: &slices.request_id,
        groups: &slices.groups,
    }
}

/// `strings` borrowed as `&str`s.
fn strs(strings: &[String]) -> Vec<&str> {
    strings.iter().map(String::as_str).collect()
}

/// What an entry of the tables holds as owned strings, as the runtime's entry borrows it.
#[derive(Debug, Default)]
struct Borrowed<'a> {
    pieces: Vec<&'a str>,
    params: Vec<&'a str>,
    when: Vec<(u16, &'a str)>,
}

impl<'a> Borrowed<'a> {
    fn new(entry: &'a TableEntry) -> Self {
        Borrowed {
            pieces: strs(&entry.pieces),
            params: strs(&entry.params),
            when: entry
                .when
                .iter()
                .map(|(field, value)| (*field, value.as_str()))
                .collect(),
        }
    }
}

/// The runtime's entry, borrowed from the tables' (its strings as `borrowed` holds them).
fn runtime_entry<'a>(entry: &'a TableEntry, borrowed: &'a Borrowed<'a>) -> Entry<'a> {
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
        pieces: _,
        params: _,
        next,
        when: _,
        keeps_code,
        batch,
        empty_body,
    } = entry;
    Entry {
        name,
        code: code.as_deref(),
        status: *status,
        kind: *kind,
        retryable: *retryable,
        recovery: *recovery,
        description,
        cause: cause.as_deref(),
        solution: solution.as_deref(),
        docs: docs.as_deref(),
        template: template.as_deref(),
        pieces: &borrowed.pieces,
        params: &borrowed.params,
        next: *next,
        when: &borrowed.when,
        keeps_code: *keeps_code,
        batch: *batch,
        empty_body: *empty_body,
    }
}
