//! The runtime's `errspec::__private::Spec`, owned, computed once from the model: the code
//! macro prints it as `&'static` tokens (`expand/statics.rs`), the `errspec` command's
//! interpreter lends it to the runtime's `decode`. Both take every field apart by name, so a
//! field that one of them forgets does not compile; neither adds a rule of its own.

use errspec_vocab::pointer::pointer_tokens;
use errspec_vocab::{BodyFormat, FallbackKey, Kind, Recovery, ResetFormat, Role, StatusFormat};

use crate::model::{Envelope, ErrorEntry, MarkValue, Spec};

/// A spec's tables: `errspec::__private::Spec`, field for field.
#[derive(Debug, Clone)]
pub struct Tables {
    /// The spec's `[api] name`.
    pub name: String,
    /// Every documented error, in file order.
    pub entries: Vec<TableEntry>,
    /// The perfect hash table of the distinct wire codes, each to its first entry.
    pub codes: CodeTable,
    /// For a body without a readable code: fallback key to entry.
    pub missing: Vec<(FallbackKey, u16)>,
    /// For an undocumented code: fallback key to entry.
    pub unknown: Vec<(FallbackKey, u16)>,
    /// The entries without a code but with a template, in file order.
    pub by_message: Vec<u16>,
    /// The names of the extra fields, in spec order.
    pub fields: Vec<String>,
    /// Where the parts of an error sit in a body: the first shape.
    pub envelope: TableEnvelope,
    /// The other shapes, in order.
    pub other_shapes: Vec<TableEnvelope>,
    /// How a status inside an error is written.
    pub status_format: StatusFormat,
    /// The length in seconds of the window rate limits reset at.
    pub rate_limit_window: Option<u64>,
    /// What the response's headers add.
    pub headers: TableHeaders,
    /// The kinds the spec gives statuses (`[kinds]`).
    pub kinds: Vec<(FallbackKey, Kind)>,
}

/// One documented error: `errspec::__private::Entry`, field for field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableEntry {
    /// The variant name.
    pub name: String,
    /// The wire code; `None` for an entry chosen by status only.
    pub code: Option<String>,
    /// The documented HTTP status.
    pub status: Option<u16>,
    /// The kind the spec names.
    pub kind: Option<Kind>,
    /// Whether the spec says retrying may succeed.
    pub retryable: Option<bool>,
    /// The recovery the spec names.
    pub recovery: Option<Recovery>,
    /// What the error means (empty when the spec says nothing).
    pub description: String,
    /// Why it happens.
    pub cause: Option<String>,
    /// What to do about it.
    pub solution: Option<String>,
    /// A link to the vendor's documentation of this error.
    pub docs: Option<String>,
    /// The message template as the spec writes it.
    pub template: Option<String>,
    /// The template's literal pieces, normalized for matching.
    pub pieces: Vec<String>,
    /// The template's parameter names, in order.
    pub params: Vec<String>,
    /// The next entry with the same wire code, in file order.
    pub next: Option<u16>,
    /// The fields and the values they must hold for the entry to be chosen by its code.
    pub when: Vec<(u16, String)>,
    /// Whether the error keeps the code it arrived with.
    pub keeps_code: bool,
    /// Whether the error carries per-item results of a batch write.
    pub batch: bool,
    /// Whether the vendor sends this error with an empty body.
    pub empty_body: bool,
}

/// Where the parts of an error sit: `errspec::__private::Envelope`, field for field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableEnvelope {
    /// The body's format.
    pub format: BodyFormat,
    /// Where the error (or the array of errors) sits, as pointer tokens.
    pub at: Vec<String>,
    /// Whether `at` holds an array of errors.
    pub many: bool,
    /// Whether that array holds per-item results, the successes among them no errors.
    pub results: bool,
    /// What to read inside each error and inside the errors nested in it.
    pub parts: Vec<TablePart>,
    /// Where the code ends inside the text sent at its location: before the first occurrence
    /// of this.
    pub code_before: Option<String>,
    /// Where the code starts inside that text: after the last occurrence of this.
    pub code_after: Option<String>,
    /// The wire code of an error that wraps several (its [`Role::Inner`] part holds them).
    pub multiple: Option<String>,
    /// How batch item results read.
    pub batch: Option<TableBatch>,
    /// What marks a body sent with a success status as an error.
    pub error_if: Option<TableErrorIf>,
    /// The media types of the responses read in this shape; empty: any.
    pub content_types: Vec<String>,
    /// Where the body holds the request id, from the root: each pointer's tokens.
    pub request_id: Vec<Vec<String>>,
    /// What each group of nested errors decides, in the order of `[[envelope.inner]]`.
    pub groups: Vec<TableGroup>,
}

/// What a group of nested errors decides: `errspec::__private::Group`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableGroup {
    /// Codes that say no error is there.
    pub no_error: Vec<String>,
    /// Whether the errors found take the place of the error holding them.
    pub replaces: bool,
    /// Whether each error holds more of them at the same place.
    pub recursive: bool,
    /// The entry for an error without a code, by status, before the spec's.
    pub missing: Vec<(FallbackKey, u16)>,
    /// The entry for an error with an undocumented code, by status, before the spec's.
    pub unknown: Vec<(FallbackKey, u16)>,
}

/// Per-item results: `errspec::__private::Batch`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableBatch {
    /// The key of an item's id.
    pub id: String,
    /// The key of an item's message.
    pub message: String,
    /// Whether a body that is only the array of items is accepted.
    pub bare: bool,
}

/// The mark of an error: `errspec::__private::ErrorIf`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableErrorIf {
    /// Where the mark sits, from the document's root, as pointer tokens.
    pub at: Vec<String>,
    /// The value there that marks an error; `None`: any value but `null` does.
    pub is: Option<MarkValue>,
}

/// What the response's headers add: `errspec::__private::Headers`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableHeaders {
    /// The headers that may carry the code.
    pub code: Vec<String>,
    /// Whether a header's code takes the place of the body's.
    pub code_first: bool,
    /// The headers that may carry the request id.
    pub request_id: Vec<String>,
    /// Where the server says whether retrying may succeed.
    pub should_retry: Vec<String>,
    /// The extra fields read from a header.
    pub fields: Vec<TableHeaderField>,
    /// The headers that say when a rate limit resets, with their format.
    pub retry_after: Vec<(String, ResetFormat)>,
}

/// An extra field read from a header: `errspec::__private::HeaderField`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableHeaderField {
    /// The field's index.
    pub field: u16,
    /// The header's name.
    pub header: String,
    /// The field is the header's text up to the first occurrence of this.
    pub before: Option<String>,
    /// The field is what follows the last occurrence of this, in what `before` left.
    pub after: Option<String>,
}

/// One location to read, as `errspec::__private::Part` holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TablePart {
    /// The pointer's tokens, relative to the error.
    pub path: Vec<String>,
    /// What it holds.
    pub role: Role,
    /// Its rank among the alternatives of its role.
    pub rank: u8,
    /// 0 for the error itself, `n` for the errors of the `n`th `[[envelope.inner]]`.
    pub group: u8,
}

/// A perfect hash table of wire codes, as `errspec::__private::CodeTable` holds it.
#[derive(Debug, Clone)]
pub struct CodeTable {
    /// The hash key.
    pub key: u64,
    /// The displacements.
    pub disps: Vec<(u32, u32)>,
    /// Each code with its first entry, in hash order.
    pub slots: Vec<(String, u16)>,
}

/// Fallbacks as the tables hold them.
fn by_status(fallbacks: &[(FallbackKey, usize)]) -> Vec<(FallbackKey, u16)> {
    fallbacks
        .iter()
        .map(|(key, index)| (*key, index_u16(*index)))
        .collect()
}

/// An entry index as the tables hold it. The checker keeps specs within `u16` indexes.
fn index_u16(index: usize) -> u16 {
    u16::try_from(index).unwrap_or(u16::MAX)
}

impl Tables {
    /// The tables of `spec`.
    #[must_use]
    pub fn new(spec: &Spec) -> Self {
        let groups = spec.code_groups();
        let mut next = vec![None; spec.errors.len()];
        for (_, members) in &groups {
            for pair in members.windows(2) {
                next[pair[0]] = Some(index_u16(pair[1]));
            }
        }
        let headers = &spec.envelope.headers;
        Tables {
            name: spec.name.clone(),
            entries: spec
                .errors
                .iter()
                .zip(next)
                .enumerate()
                .map(|(index, (entry, next))| TableEntry::new(entry, next, spec.keeps_code(index)))
                .collect(),
            codes: code_table(&groups),
            missing: by_status(&spec.fallback_missing),
            unknown: by_status(&spec.fallback_unknown),
            by_message: spec
                .errors
                .iter()
                .enumerate()
                .filter(|(_, entry)| entry.code.is_none() && entry.template.is_some())
                .map(|(index, _)| index_u16(index))
                .collect(),
            fields: spec
                .envelope
                .fields
                .iter()
                .map(|field| field.name.clone())
                .collect(),
            envelope: TableEnvelope::new(&spec.envelope),
            other_shapes: spec.other_shapes.iter().map(TableEnvelope::new).collect(),
            status_format: spec.envelope.status_format,
            rate_limit_window: spec.rate_limit_window,
            headers: TableHeaders {
                code: headers.code.clone(),
                code_first: headers.code_first,
                request_id: headers.request_id.clone(),
                should_retry: headers.should_retry.clone(),
                fields: headers
                    .fields
                    .iter()
                    .map(|field| TableHeaderField {
                        field: index_u16(field.field),
                        header: field.header.clone(),
                        before: field.before.clone(),
                        after: field.after.clone(),
                    })
                    .collect(),
                retry_after: headers.retry_after.clone(),
            },
            kinds: spec.kinds.clone(),
        }
    }
}

impl TableEntry {
    /// The runtime's entry for `entry`, whose next entry with the same code is `next` and
    /// whose error keeps the code it arrived with when `keeps_code` (`Spec::keeps_code`).
    #[must_use]
    pub fn new(entry: &ErrorEntry, next: Option<u16>, keeps_code: bool) -> Self {
        let template = entry.template.as_ref();
        TableEntry {
            name: entry.variant.clone(),
            code: entry.code.clone(),
            status: entry.status,
            kind: entry.kind,
            retryable: entry.retryable,
            recovery: entry.recovery,
            description: entry.description.clone().unwrap_or_default(),
            cause: entry.cause.clone(),
            solution: entry.solution.clone(),
            docs: entry.docs.clone(),
            template: template.map(|template| template.text.clone()),
            pieces: template.map_or_else(Vec::new, |template| template.pieces.clone()),
            params: template.map_or_else(Vec::new, |template| template.params.clone()),
            next,
            when: entry
                .when
                .iter()
                .map(|(field, value)| (index_u16(*field), value.clone()))
                .collect(),
            keeps_code,
            batch: entry.batch,
            empty_body: entry.empty_body,
        }
    }
}

impl TableEnvelope {
    fn new(envelope: &Envelope) -> Self {
        TableEnvelope {
            format: envelope.format,
            at: pointer_tokens(&envelope.at),
            many: envelope.many,
            results: envelope.results,
            parts: parts(envelope),
            code_before: envelope.code_before.clone(),
            code_after: envelope.code_after.clone(),
            multiple: envelope
                .multiple
                .as_ref()
                .map(|multiple| multiple.code.clone()),
            batch: envelope.batch.as_ref().map(|batch| TableBatch {
                id: batch.id.clone(),
                message: batch.message.clone(),
                bare: batch.bare,
            }),
            error_if: envelope.error_if.as_ref().map(|error_if| TableErrorIf {
                at: pointer_tokens(&error_if.at),
                is: error_if.is.clone(),
            }),
            content_types: envelope.content_types.clone(),
            request_id: envelope
                .request_id
                .iter()
                .flatten()
                .map(|pointer| pointer_tokens(pointer))
                .collect(),
            groups: envelope
                .inner
                .iter()
                .map(|inner| TableGroup {
                    no_error: inner.no_error.clone(),
                    replaces: inner.replaces,
                    recursive: inner.recursive,
                    missing: by_status(&inner.fallback_missing),
                    unknown: by_status(&inner.fallback_unknown),
                })
                .collect(),
        }
    }
}

fn code_table(groups: &[(&str, Vec<usize>)]) -> CodeTable {
    if groups.is_empty() {
        return CodeTable {
            key: 0,
            disps: Vec::new(),
            slots: Vec::new(),
        };
    }
    let codes: Vec<&[u8]> = groups.iter().map(|(code, _)| code.as_bytes()).collect();
    let table = errspec_vocab::code_hash::build(&codes);
    CodeTable {
        key: table.seed,
        disps: table.displacements,
        slots: table
            .order
            .iter()
            .map(|&group| (groups[group].0.to_owned(), index_u16(groups[group].1[0])))
            .collect(),
    }
}

/// The locations the reader visits in each error, in the envelope's order, with their rank
/// among their role's alternatives, then those of each group of nested errors.
pub(crate) fn parts(envelope: &Envelope) -> Vec<TablePart> {
    let mut parts = Vec::new();
    let mut push = |pointers: &[String], role: Role, group: u8| {
        for (rank, pointer) in pointers.iter().enumerate() {
            // The checker allows at most 255 alternatives.
            let rank = u8::try_from(rank).unwrap_or(u8::MAX - 1);
            parts.push(TablePart {
                path: pointer_tokens(pointer),
                role,
                rank,
                group,
            });
        }
    };
    let one = std::slice::from_ref;
    if let Some(code) = &envelope.code {
        push(code, Role::Code, 0);
    }
    if let Some(message) = &envelope.message {
        push(message, Role::Message, 0);
    }
    if let Some(status) = &envelope.status {
        push(status, Role::Status, 0);
    }
    if let Some(retry_after) = &envelope.retry_after {
        push(retry_after, Role::RetryAfter, 0);
    }
    for (index, field) in envelope.fields.iter().enumerate() {
        push(&field.pointers, Role::Field(index), 0);
    }
    if let Some(batch) = &envelope.batch {
        push(one(&batch.at), Role::Items, 0);
    }
    if let Some(index) = envelope.index {
        push(&[String::new()], Role::Index(index), 0);
    }
    if let Some(multiple) = &envelope.multiple {
        push(one(&multiple.inner), Role::Inner, 0);
    }
    for (index, inner) in envelope.inner.iter().enumerate() {
        // The checker allows fewer groups than parts, so fewer than 255.
        let group = u8::try_from(index + 1).unwrap_or(u8::MAX);
        push(one(&inner.at), Role::Nested(group), 0);
        // Each error of a recursive group holds more of them at the same place.
        if inner.recursive {
            push(one(&inner.at), Role::Nested(group), group);
        }
        if let Some(code) = &inner.code {
            push(code, Role::Code, group);
        }
        if let Some(message) = &inner.message {
            push(message, Role::Message, group);
        }
        if let Some(status) = &inner.status {
            push(status, Role::Status, group);
        }
        for (field, pointers) in &inner.fields {
            push(pointers, Role::Field(*field), group);
        }
        if let Some(index) = inner.index {
            push(&[String::new()], Role::Index(index), group);
        }
        if let Some(key) = inner.key {
            push(&[String::new()], Role::Key(key), group);
        }
    }
    parts
}
