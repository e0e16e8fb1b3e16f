//! Where an error sits in the bodies of one schema, and which of its properties hold the
//! code, the message, the status and the rest: RFC 9457 problem details, the body itself, an
//! object under a key (`{"error": {...}}`), or the items of an array (`{"errors": [...]}`),
//! found through references, `allOf`, `oneOf` and `anyOf`.

use std::rc::Rc;

use super::document::{Document, Node};
use super::schema::{Schema, Schemas};
use crate::authoring::draft;

/// Property names that hold a code, from the most specific: a list of several present in one
/// error becomes a list of pointers, each giving way to the next when its value is not
/// documented (Stripe's `decline_code`, then `code`, then `type`).
const CODE_NAMES: &[&str] = &[
    "decline_code",
    "subcode",
    "error_subcode",
    "errorcode",
    "error_code",
    "code",
    "reason",
    "errortype",
    "error_type",
    "type",
    "error",
    "key",
];
/// Property names that hold a message, best first.
const MESSAGE_NAMES: &[&str] = &[
    "message",
    "msg",
    "detail",
    "error_description",
    "error_message",
    "errormessage",
    "title",
    "description",
];
/// Property names that repeat the HTTP status.
const STATUS_NAMES: &[&str] = &[
    "status",
    "statuscode",
    "status_code",
    "http_status",
    "httpstatus",
];
/// Property names of a request id.
const REQUEST_ID_NAMES: &[&str] = &["request_id", "requestid", "request-id", "x-request-id"];

/// How deep below the body the error object is looked for.
const DEPTH: usize = 3;

/// The shape of error bodies of one schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shape {
    /// Keys from the body to the error object, or to the array of them.
    pub location: Vec<String>,
    /// Whether each item of the array at `location` is an error.
    pub list: bool,
    /// RFC 9457 problem details.
    pub problem: bool,
    /// The code's property names, most specific first.
    pub code: Vec<String>,
    /// The message's property names, tried in order.
    pub message: Vec<String>,
    /// The status property, and whether it is written as a string.
    pub status: Option<(String, bool)>,
    /// The other scalar properties: field name and property name.
    pub fields: Vec<(String, String)>,
    /// The property of a request id at the body's root.
    pub request_id: Option<String>,
    /// Errors nested in each error (GitHub's `errors[]`).
    pub inner: Option<Inner>,
}

/// A group of errors nested in an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inner {
    /// The array property of the error holding them.
    pub at: String,
    /// As in [`Shape`], relative to each nested error.
    pub code: Vec<String>,
    pub message: Vec<String>,
    pub fields: Vec<(String, String)>,
}

impl Shape {
    /// The pointer of `location`.
    #[must_use]
    pub fn pointer(&self) -> String {
        pointer(&self.location)
    }
}

/// `keys` as a JSON pointer.
#[must_use]
pub fn pointer(keys: &[String]) -> String {
    keys.iter().map(|key| draft::key_pointer(key)).collect()
}

/// What the shape of `schema` is, with the property schemas its code is read from.
pub struct Found<'a> {
    pub shape: Shape,
    /// Each code property's schema, in the order of `shape.code`.
    pub code_schemas: Vec<Rc<Schema<'a>>>,
    /// The code properties' schemas of the errors nested in each error.
    pub inner_code_schemas: Vec<Rc<Schema<'a>>>,
}

/// The shape of bodies of `schema`; `None` when it holds no object with a code or a message.
#[must_use]
pub fn shape<'a>(
    schemas: &Schemas<'a>,
    schema: Node<'a>,
    problem_media: bool,
) -> Option<Found<'a>> {
    let body = schemas.get(schema);
    if problem_media || is_problem(&body) {
        return Some(problem(schemas, &body));
    }
    let (location, list, error) = locate(schemas, &body)?;
    let mut shape = Shape {
        location,
        list,
        problem: false,
        code: Vec::new(),
        message: Vec::new(),
        status: None,
        fields: Vec::new(),
        request_id: None,
        inner: None,
    };
    let (code, code_schemas) = codes(schemas, &error);
    shape.code = code;
    shape.message = messages(schemas, &error, 2);
    shape.status = status(schemas, &error);
    if shape.location.is_empty() || body.property("request_id").is_some() {
        shape.request_id = body
            .properties
            .iter()
            .find(|(key, node)| {
                REQUEST_ID_NAMES.contains(&key.to_ascii_lowercase().as_str())
                    && schemas.get(*node).is_scalar()
            })
            .map(|(key, _)| (*key).to_owned());
    }
    let (inner, inner_code_schemas) = inner(schemas, &error);
    shape.inner = inner;
    // The codes before the last are kept as sent in fields too: with Stripe's `decline_code`,
    // `code` and `type` documented by `type` alone, the decline code is still at hand.
    let taken: Vec<&str> = shape
        .code
        .last()
        .into_iter()
        .chain(&shape.message)
        .chain(shape.status.as_ref().map(|(key, _)| key))
        .chain(
            shape
                .request_id
                .iter()
                .filter(|_| shape.location.is_empty()),
        )
        .map(String::as_str)
        .collect();
    shape.fields = fields(schemas, &error, &taken);
    Some(Found {
        shape,
        code_schemas,
        inner_code_schemas,
    })
}

/// Problem details by their members: three of `type`, `title`, `status`, `detail`.
fn is_problem(body: &Schema<'_>) -> bool {
    ["type", "title", "status", "detail"]
        .iter()
        .filter(|key| body.property(key).is_some())
        .count()
        >= 3
}

fn problem<'a>(schemas: &Schemas<'a>, body: &Rc<Schema<'a>>) -> Found<'a> {
    let taken = ["type", "title", "status", "detail", "instance"];
    let (inner, inner_code_schemas) = inner(schemas, body);
    Found {
        shape: Shape {
            location: Vec::new(),
            list: false,
            problem: true,
            code: vec!["type".into()],
            message: vec!["detail".into(), "title".into()],
            status: Some(("status".into(), false)),
            fields: fields(schemas, body, &taken),
            request_id: None,
            inner,
        },
        code_schemas: body
            .property("type")
            .map(|node| schemas.get(node))
            .into_iter()
            .collect(),
        inner_code_schemas,
    }
}

/// The error object: the shallowest object with a code-like or a message-like scalar
/// property (one with a code first among objects as deep), through properties and the items
/// of arrays; with the keys to it and whether it is an array's items.
fn locate<'a>(
    schemas: &Schemas<'a>,
    body: &Rc<Schema<'a>>,
) -> Option<(Vec<String>, bool, Rc<Schema<'a>>)> {
    let mut level: Vec<(Vec<String>, bool, Rc<Schema<'a>>)> =
        vec![(Vec::new(), false, Rc::clone(body))];
    if body.is_array() {
        level = vec![(Vec::new(), true, schemas.get(body.items?))];
    }
    for _ in 0..=DEPTH {
        let with_code = level
            .iter()
            .find(|(_, _, schema)| !codes(schemas, schema).0.is_empty());
        let with_message = || {
            level
                .iter()
                .find(|(_, _, schema)| !messages(schemas, schema, 1).is_empty())
        };
        if let Some(found) = with_code.or_else(with_message) {
            return Some(found.clone());
        }
        let mut next = Vec::new();
        for (keys, list, schema) in &level {
            if *list && !keys.is_empty() {
                // Past an array of objects that are not errors: no deeper.
                continue;
            }
            for (key, node) in &schema.properties {
                let property = schemas.get(*node);
                let mut keys = keys.clone();
                keys.push((*key).to_owned());
                if property.is_array() {
                    if let Some(items) = property.items {
                        let items = schemas.get(items);
                        if items.is_object() {
                            next.push((keys, true, items));
                        }
                    }
                } else if property.is_object() {
                    next.push((keys, false, property));
                }
            }
        }
        if next.is_empty() {
            return None;
        }
        level = next;
    }
    None
}

/// The code properties of an error object, most specific first, with their schemas.
fn codes<'a>(schemas: &Schemas<'a>, error: &Schema<'a>) -> (Vec<String>, Vec<Rc<Schema<'a>>>) {
    let mut names = Vec::new();
    let mut found = Vec::new();
    for name in CODE_NAMES {
        for (key, node) in &error.properties {
            if !key.eq_ignore_ascii_case(name) || names.iter().any(|taken: &String| taken == key) {
                continue;
            }
            let schema = schemas.get(*node);
            if !schema.is_scalar()
                || is_constant(&schema)
                || is_status_number(key, &schema)
                || shows_sentences(&schema)
            {
                continue;
            }
            names.push((*key).to_owned());
            found.push(schema);
        }
    }
    if names.is_empty() {
        // DigitalOcean's `id` is a code (`not_found`); most APIs' `id` is not.
        if let Some(node) = error.property("id") {
            let schema = schemas.get(node);
            if schema.is_scalar() && looks_like_codes(&schema) {
                names.push("id".to_owned());
                found.push(schema);
            }
        }
    }
    (names, found)
}

/// A property named like a code whose examples are sentences, or that its description calls
/// a message (DigitalOcean's `error`, "A message providing information about the error"),
/// holds the message.
fn shows_sentences(schema: &Schema<'_>) -> bool {
    let described = schema.description.is_some_and(|text| {
        let text = text.to_ascii_lowercase();
        text.contains("message") && !text.contains("code")
    });
    described
        || schema
            .values
            .iter()
            .chain(&schema.examples)
            .any(|value| value.as_str().is_some_and(|text| text.trim().contains(' ')))
}

/// A property that holds one value only (Box's `"type": "error"`) tells bodies apart, not
/// errors.
fn is_constant(schema: &Schema<'_>) -> bool {
    schema.values.len() == 1
}

/// A numeric `code` that is the HTTP status (Google's `"code": 403`) is the status.
fn is_status_number(key: &str, schema: &Schema<'_>) -> bool {
    key.eq_ignore_ascii_case("code")
        && schema.types.contains(&"integer")
        && schema
            .description
            .is_some_and(|text| text.contains("HTTP") || text.contains("status"))
}

/// Whether the values an `id` lists or shows are codes: words, not numbers or UUIDs; or its
/// description says it is one.
fn looks_like_codes(schema: &Schema<'_>) -> bool {
    let shown: Vec<&str> = schema
        .values
        .iter()
        .chain(&schema.examples)
        .filter_map(|value| value.as_str())
        .collect();
    (!shown.is_empty() && shown.iter().all(|text| draft::looks_like_code(text)))
        || schema
            .description
            .is_some_and(|text| text.to_ascii_lowercase().contains("code"))
}

/// Up to `most` message properties: by name, then one named like a code that holds sentences.
fn messages<'a>(schemas: &Schemas<'a>, error: &Schema<'a>, most: usize) -> Vec<String> {
    let mut picked = pick_all(schemas, error, MESSAGE_NAMES, most);
    if picked.len() < most {
        let sentences = error.properties.iter().find(|(key, node)| {
            let schema = schemas.get(*node);
            CODE_NAMES.iter().any(|name| key.eq_ignore_ascii_case(name))
                && schema.is_scalar()
                && shows_sentences(&schema)
        });
        picked.extend(sentences.map(|(key, _)| (*key).to_owned()));
    }
    picked
}

/// Up to `most` scalar properties among `names`, in the order of `names`.
fn pick_all<'a>(
    schemas: &Schemas<'a>,
    error: &Schema<'a>,
    names: &[&str],
    most: usize,
) -> Vec<String> {
    let mut picked = Vec::new();
    for name in names {
        if picked.len() == most {
            break;
        }
        if let Some((key, _)) = error
            .properties
            .iter()
            .find(|(key, node)| key.eq_ignore_ascii_case(name) && schemas.get(*node).is_scalar())
        {
            picked.push((*key).to_owned());
        }
    }
    picked
}

fn status<'a>(schemas: &Schemas<'a>, error: &Schema<'a>) -> Option<(String, bool)> {
    let numeric_code = error.properties.iter().find(|(key, node)| {
        key.eq_ignore_ascii_case("code") && is_status_number(key, &schemas.get(*node))
    });
    let named = error
        .properties
        .iter()
        .find(|(key, _)| STATUS_NAMES.contains(&key.to_ascii_lowercase().as_str()));
    let (key, node) = named.or(numeric_code)?;
    let schema = schemas.get(*node);
    let number = schema
        .types
        .iter()
        .any(|kind| matches!(*kind, "integer" | "number"));
    let text = schema.types.contains(&"string");
    (number || text).then(|| ((*key).to_owned(), text && !number))
}

/// The error's scalar properties not taken by another part, as fields.
fn fields<'a>(schemas: &Schemas<'a>, error: &Schema<'a>, taken: &[&str]) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = Vec::new();
    for (key, node) in &error.properties {
        if taken.contains(key) || !schemas.get(*node).is_scalar() {
            continue;
        }
        let name = draft::field_name(key);
        if fields.iter().any(|(other, _)| *other == name) {
            continue;
        }
        fields.push((name, (*key).to_owned()));
    }
    fields
}

/// An array of objects with a code or a message inside the error: errors nested in it, with
/// their code properties' schemas.
fn inner<'a>(schemas: &Schemas<'a>, error: &Schema<'a>) -> (Option<Inner>, Vec<Rc<Schema<'a>>>) {
    let found = error.properties.iter().find_map(|(key, node)| {
        let property = schemas.get(*node);
        let items = schemas.get(property.items?);
        let (code, code_schemas) = codes(schemas, &items);
        let message = messages(schemas, &items, 1);
        if code.is_empty() && message.is_empty() {
            return None;
        }
        let taken: Vec<&str> = code.iter().chain(&message).map(String::as_str).collect();
        let inner = Inner {
            at: (*key).to_owned(),
            fields: fields(schemas, &items, &taken),
            code,
            message,
        };
        Some((inner, code_schemas))
    });
    found.map_or((None, Vec::new()), |(inner, code_schemas)| {
        (Some(inner), code_schemas)
    })
}

/// The values a code property lists or shows, as text: its `enum`, its examples.
#[must_use]
pub fn listed_codes(
    schema: &Schema<'_>,
    document: &Document,
) -> Vec<(String, Option<String>, bool)> {
    let mut out: Vec<(String, Option<String>, bool)> = Vec::new();
    for (index, value) in schema.values.iter().enumerate() {
        if let Some(text) = document.code_text(value) {
            let description = schema
                .value_descriptions
                .get(index)
                .map(|text| (*text).to_owned());
            out.push((text, description, true));
        }
    }
    for value in &schema.examples {
        if let Some(text) = document.code_text(value) {
            if !out.iter().any(|(code, _, _)| *code == text) {
                out.push((text, None, false));
            }
        }
    }
    out
}
