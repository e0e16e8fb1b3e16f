//! `errspec import openapi`: a starting spec from an OpenAPI 3.x or Swagger 2.0 document (JSON
//! or YAML, one file or many): the shapes of the error responses' schemas, wire codes from
//! enums and examples anywhere, statuses per code from the responses that carry them, a
//! fallback per documented status, and a comment on every guess.
//!
//! `Document::read` reads the files, `responses` lists the error responses, `shape`
//! finds where each schema puts its errors, and `entries` drafts the `[[error]]`s; `import`
//! runs them in that order.

mod document;
mod entries;
mod responses;
mod schema;
mod shape;

use std::collections::BTreeMap;

pub use document::{Document, Version};
use responses::{responses, Response};
use schema::{Schema, Schemas};
use shape::{shape, Found, Shape};

use super::draft::{self, At, Draft};

/// The shapes after the first the runtime accepts.
const MAX_SHAPES: usize = 16;

/// Headers that carry a request id, as a response documents them.
const REQUEST_ID_HEADERS: &[&str] = &[
    "x-request-id",
    "request-id",
    "x-github-request-id",
    "x-amzn-requestid",
    "x-correlation-id",
];

/// The error responses of one shape, and what their schemas say.
struct Group<'a> {
    shape: Shape,
    /// The responses of this shape (indexes into the list of responses).
    responses: Vec<usize>,
    /// Each response's code property schemas, by the response's index.
    code_schemas: BTreeMap<usize, Vec<std::rc::Rc<Schema<'a>>>>,
    /// The nested errors' code schemas.
    inner_code_schemas: Vec<std::rc::Rc<Schema<'a>>>,
    /// The names of the schemas, in order of first use.
    names: Vec<String>,
}

/// The spec drafted from `document`, named `name`.
#[must_use]
pub fn import(document: &Document, name: &str) -> Draft {
    let responses = responses(document);
    let schemas = Schemas::new(document);
    let mut draft = Draft {
        name: name.to_owned(),
        title: document
            .root()
            .value
            .pointer("/info/title")
            .and_then(serde_json::Value::as_str)
            .map(str::to_owned),
        ..Draft::default()
    };
    let files = match document.file_count() {
        1 => String::new(),
        count => format!(" ({count} files)"),
    };
    draft.notes.push(format!(
        "Drafted by `errspec import openapi` from {} error responses of {}{files}: check every\nguess (marked so) against the vendor's documentation, then run `errspec check`.",
        responses.len(),
        draft.title.as_deref().unwrap_or("an OpenAPI document")
    ));
    let groups = groups(&schemas, &responses);
    if groups.is_empty() {
        draft.notes.push(
            "No error response has a JSON schema with a code or a message: every error is chosen by status."
                .to_owned(),
        );
    }
    let mut envelopes = groups.iter().map(|group| envelope(group, responses.len()));
    if let Some(first) = envelopes.next() {
        draft.envelope = first;
        draft.other_shapes = envelopes.collect();
    }
    if groups.len() > 1 {
        draft.notes.push(format!(
            "The error responses take {} shapes: decoding tries them in this order, those that put\nthe error deepest first.",
            groups.len()
        ));
    }
    draft.request_id_header = REQUEST_ID_HEADERS
        .iter()
        .find(|name| {
            responses
                .iter()
                .any(|response| response.headers.iter().any(|header| header == *name))
        })
        .map(|name| (*name).to_owned());
    entries::coded(&mut draft, &groups, &responses, &schemas);
    entries::message_keyed(&mut draft, &groups, &responses, &schemas);
    entries::by_status(&mut draft, &responses);
    draft.rename_clashing_parameters();
    draft
}

/// The error responses grouped by shape: one group per place errors sit, the properties of
/// the schemas that share it merged; deepest first, then the most used.
fn groups<'a>(schemas: &Schemas<'a>, responses: &[Response<'a>]) -> Vec<Group<'a>> {
    let mut groups: Vec<Group<'a>> = Vec::new();
    for (index, response) in responses.iter().enumerate() {
        let Some(schema) = response.schema else {
            continue;
        };
        let Some(Found {
            shape,
            code_schemas,
            inner_code_schemas,
        }) = shape(schemas, schema, response.is_problem())
        else {
            continue;
        };
        let name = schemas.get(schema).name.clone();
        let same = groups.iter_mut().find(|group| {
            group.shape.location == shape.location
                && group.shape.list == shape.list
                && group.shape.problem == shape.problem
        });
        match same {
            Some(group) => {
                merge(&mut group.shape, shape);
                group.responses.push(index);
                group.code_schemas.insert(index, code_schemas);
                group.inner_code_schemas.extend(inner_code_schemas);
                if let Some(name) = name {
                    if !group.names.contains(&name) {
                        group.names.push(name);
                    }
                }
            }
            None => groups.push(Group {
                shape,
                responses: vec![index],
                code_schemas: BTreeMap::from([(index, code_schemas)]),
                inner_code_schemas,
                names: name.into_iter().collect(),
            }),
        }
    }
    groups.sort_by_key(|group| {
        (
            std::cmp::Reverse(group.shape.location.len() + usize::from(group.shape.list)),
            std::cmp::Reverse(group.responses.len()),
        )
    });
    groups.truncate(MAX_SHAPES);
    groups
}

/// `other`'s parts added to `shape`'s, where `shape` lacks them.
fn merge(shape: &mut Shape, other: Shape) {
    for key in other.code {
        if !shape.code.contains(&key) {
            shape.code.push(key);
        }
    }
    for key in other.message {
        if !shape.message.contains(&key) && shape.message.len() < 2 {
            shape.message.push(key);
        }
    }
    if shape.status.is_none() {
        shape.status = other.status;
    }
    if shape.request_id.is_none() {
        shape.request_id = other.request_id;
    }
    if shape.inner.is_none() {
        shape.inner = other.inner;
    }
    // As in one shape, the codes before the last stay fields too.
    let taken: Vec<String> = shape
        .code
        .last()
        .into_iter()
        .chain(&shape.message)
        .chain(shape.status.as_ref().map(|(key, _)| key))
        .cloned()
        .collect();
    shape.fields.retain(|(_, key)| !taken.contains(key));
    for (name, key) in other.fields {
        if !taken.contains(&key) && !shape.fields.iter().any(|(other, _)| *other == name) {
            shape.fields.push((name, key));
        }
    }
}

/// The `[envelope]` of one group.
fn envelope(group: &Group<'_>, all: usize) -> draft::Envelope {
    let shape = &group.shape;
    let mut envelope = draft::Envelope::default();
    let from = match group.names.as_slice() {
        [] => "the error responses' schema".to_owned(),
        names => format!(
            "the schema{} {}",
            if names.len() == 1 { "" } else { "s" },
            draft::backticked(names)
        ),
    };
    envelope.notes.push(format!(
        "From {from} (used by {} of {all} error responses).",
        group.responses.len()
    ));
    let location = shape.pointer();
    if shape.problem {
        envelope.notes.push(
            "RFC 9457 problem details: the code is `type`, the message `detail`, else `title`."
                .into(),
        );
    } else if shape.list {
        envelope
            .notes
            .push(format!("Guess: each item of `{location}` is an error."));
    } else if !location.is_empty() {
        envelope
            .notes
            .push(format!("Guess: the error is the object at `{location}`."));
    }
    envelope.at = Some((if shape.list { At::Errors } else { At::Error }, location));
    match shape.code.as_slice() {
        [] => envelope.notes.push(
            "No property looks like a code: entries are told apart by message, else by status."
                .into(),
        ),
        [only] => envelope
            .notes
            .push(format!("Guess: the code is the property `{only}`.")),
        several => envelope.notes.push(format!(
            "Guess: the code is the most specific of {} the spec documents.",
            draft::backticked(several)
        )),
    }
    let relative = |key: &String| draft::key_pointer(key);
    envelope.code = shape.code.iter().map(relative).collect();
    envelope.message = shape.message.iter().map(relative).collect();
    envelope.status = shape
        .status
        .as_ref()
        .map(|(key, as_string)| (relative(key), *as_string));
    envelope.request_id = shape.request_id.as_ref().map(relative);
    envelope.fields = shape
        .fields
        .iter()
        .map(|(name, key)| (name.clone(), relative(key)))
        .collect();
    if let Some(inner) = &shape.inner {
        envelope.inner.push(draft::Inner {
            at: relative(&inner.at),
            code: inner.code.iter().map(relative).collect(),
            message: inner.message.iter().map(relative).collect(),
            fields: inner
                .fields
                .iter()
                .map(|(name, key)| (name.clone(), relative(key)))
                .collect(),
            notes: vec![format!(
                "Guess: each item of `{}` is an error nested in the one that holds it.",
                inner.at
            )],
        });
    }
    envelope
}
