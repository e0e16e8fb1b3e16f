//! The drafted `[[error]]`s: one per wire code an `enum` lists or an example shows (nested
//! errors' codes among them), with the status of the responses that carry it; one per example
//! message where a shape has no code; and one per documented status, which `[fallback]` names
//! for bodies without a documented code.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use serde_json::Value;

use super::responses::Response;
use super::schema::{Schema, Schemas};
use super::shape::{listed_codes, Shape};
use super::Group;
use crate::authoring::draft::{self, Draft, Names};

/// What the document says of one code.
#[derive(Default)]
struct Code {
    /// Statuses of the responses whose examples show it.
    shown_with: BTreeSet<u16>,
    /// Statuses of the responses whose schemas list it.
    listed_with: BTreeSet<u16>,
    /// Whether a response of a class or `default` lists it.
    listed_by_class: bool,
    /// Its description (`x-enum-descriptions`), else the message of an example.
    description: Option<String>,
    /// Where it was found.
    origin: String,
}

/// The codes found, in the order found.
#[derive(Default)]
struct Codes {
    found: BTreeMap<String, Code>,
    order: Vec<String>,
}

impl Codes {
    /// The code `code`, noted with `origin` when it is new; none for a code too long to be one.
    fn note(&mut self, code: String, origin: String) -> Option<&mut Code> {
        if code.len() > 200 {
            return None;
        }
        let order = &mut self.order;
        Some(self.found.entry(code.clone()).or_insert_with(|| {
            order.push(code);
            Code {
                origin,
                ..Code::default()
            }
        }))
    }
}

/// Codes named like successes: an error code of that name is a documented success value
/// (`created`, `no_content`) that shares the error's schema.
fn is_success_like(code: &str) -> bool {
    let words = code.to_ascii_lowercase().replace(['-', ' ', '.'], "_");
    let reason = |status: u16| {
        errspec::http::StatusCode::from_u16(status)
            .ok()
            .and_then(|status| status.canonical_reason())
            .map(|reason| reason.to_ascii_lowercase().replace([' ', '-'], "_"))
    };
    matches!(
        words.as_str(),
        "ok" | "success" | "successful" | "succeeded" | "redirect" | "none" | "no_error"
    ) || (100..400).filter_map(reason).any(|reason| reason == words)
}

/// One entry per code of every group, in the order found.
pub(super) fn coded<'a>(
    draft: &mut Draft,
    groups: &[Group<'a>],
    responses: &[Response<'a>],
    schemas: &Schemas<'a>,
) {
    let mut codes = Codes::default();
    for group in groups {
        for (&index, code_schemas) in &group.code_schemas {
            let response = &responses[index];
            for (key, schema) in group.shape.code.iter().zip(code_schemas) {
                list(&mut codes, response, key, schema, schemas);
            }
        }
        let inner_key = group
            .shape
            .inner
            .as_ref()
            .and_then(|inner| inner.code.first());
        for schema in &group.inner_code_schemas {
            for (code, description, from_enum) in listed_codes(schema, schemas.document()) {
                let origin = inner_origin(inner_key, from_enum);
                if let Some(entry) = codes.note(code, origin) {
                    entry.listed_by_class = true;
                    if entry.description.is_none() {
                        entry.description = description;
                    }
                }
            }
        }
        for &index in &group.responses {
            let response = &responses[index];
            for body in examples(response, schemas) {
                for error in errors_of(&group.shape, body) {
                    let shown = group.shape.code.iter().find_map(|key| {
                        Some((key, schemas.document().code_text(error.get(key)?)?))
                    });
                    let message = group
                        .shape
                        .message
                        .iter()
                        .find_map(|key| error.get(key)?.as_str());
                    if let Some((key, code)) = shown {
                        if let Some(entry) =
                            codes.note(code, format!("From an example of `{key}`."))
                        {
                            entry.shown_with.extend(response.status);
                            if entry.description.is_none() {
                                entry.description = message.map(str::to_owned);
                            }
                        }
                    }
                }
            }
        }
    }
    let mut taken = Names::default();
    let mut left_out = Vec::new();
    let Codes { found, order } = codes;
    for code in order {
        let info = &found[&code];
        if is_success_like(&code) {
            left_out.push(code);
            continue;
        }
        let mut notes = vec![info.origin.clone()];
        let status = status_of(info, &mut notes);
        draft.errors.push(draft::Error {
            variant: draft::variant_name(code.rsplit('/').next().unwrap_or(&code), &mut taken),
            code: Some(code),
            status,
            message: None,
            description: info.description.clone(),
            notes,
        });
    }
    if !left_out.is_empty() {
        draft.notes.push(format!(
            "Left out, as they are named like successes: {}.",
            draft::backticked(&left_out)
        ));
    }
}

fn inner_origin(key: Option<&String>, from_enum: bool) -> String {
    let key = key.map_or_else(String::new, |key| format!(" `{key}`"));
    if from_enum {
        format!("From the `enum` of the nested errors'{key}.")
    } else {
        format!("From an example of the nested errors'{key}.")
    }
}

/// The codes `schema` (of the property `key`) lists for `response`.
fn list(
    codes: &mut Codes,
    response: &Response<'_>,
    key: &str,
    schema: &Rc<Schema<'_>>,
    schemas: &Schemas<'_>,
) {
    for (code, description, from_enum) in listed_codes(schema, schemas.document()) {
        let origin = if from_enum {
            format!("From the `enum` of `{key}`.")
        } else {
            format!("From an example of `{key}`.")
        };
        if let Some(entry) = codes.note(code, origin) {
            match response.status {
                Some(status) => {
                    entry.listed_with.insert(status);
                }
                None => entry.listed_by_class = true,
            }
            if entry.description.is_none() {
                entry.description = description;
            }
        }
    }
}

/// The documented status of a code: the one its examples show it with, else the one of the
/// only responses whose schemas list it.
fn status_of(info: &Code, notes: &mut Vec<String>) -> Option<u16> {
    match info.shown_with.len() {
        1 => return info.shown_with.first().copied(),
        0 => {}
        _ => {
            notes.push("Guess: no status: examples show it with several.".to_owned());
            return None;
        }
    }
    if info.listed_with.len() == 1 && !info.listed_by_class {
        return info.listed_with.first().copied();
    }
    if info.listed_with.len() > 1 {
        let statuses = info
            .listed_with
            .iter()
            .map(u16::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        notes.push(format!(
            "Guess: no status: the schema is used by the responses {statuses}, and no example says which."
        ));
    }
    None
}

/// The bodies a response's examples show, its schema's examples among them.
fn examples<'a>(response: &Response<'a>, schemas: &Schemas<'a>) -> Vec<&'a Value> {
    let mut bodies: Vec<&'a Value> = response.examples.iter().map(|node| node.value).collect();
    if let Some(schema) = response.schema {
        bodies.extend(schemas.get(schema).examples.iter().copied());
    }
    bodies
}

/// The error objects of an example body of `shape`.
fn errors_of<'v>(shape: &Shape, body: &'v Value) -> Vec<&'v serde_json::Map<String, Value>> {
    let Some(at) = shape
        .location
        .iter()
        .try_fold(body, |value, key| value.get(key))
    else {
        return Vec::new();
    };
    match at {
        Value::Array(items) => items.iter().filter_map(Value::as_object).collect(),
        Value::Object(object) => vec![object],
        _ => Vec::new(),
    }
}

/// Where a shape has no code: one entry per message its examples show, told apart by it.
pub(super) fn message_keyed<'a>(
    draft: &mut Draft,
    groups: &[Group<'a>],
    responses: &[Response<'a>],
    schemas: &Schemas<'a>,
) {
    let mut messages: BTreeMap<String, BTreeSet<u16>> = BTreeMap::new();
    let mut order = Vec::new();
    for group in groups.iter().filter(|group| group.shape.code.is_empty()) {
        for &index in &group.responses {
            let response = &responses[index];
            for body in examples(response, schemas) {
                for error in errors_of(&group.shape, body) {
                    let Some(message) = group
                        .shape
                        .message
                        .iter()
                        .find_map(|key| error.get(key)?.as_str())
                    else {
                        continue;
                    };
                    let message = message.trim();
                    if message.is_empty() || message.len() > 120 {
                        continue;
                    }
                    let statuses = messages.entry(message.to_owned()).or_insert_with(|| {
                        order.push(message.to_owned());
                        BTreeSet::new()
                    });
                    statuses.extend(response.status);
                }
            }
        }
    }
    let mut taken: Names = draft
        .errors
        .iter()
        .map(|error| error.variant.clone())
        .collect();
    for message in order {
        let statuses = &messages[&message];
        let mut notes = vec!["From an example message: the entry is told apart by it.".to_owned()];
        let status = if statuses.len() == 1 {
            statuses.first().copied()
        } else {
            notes.push("Guess: no status: examples show it with several.".to_owned());
            None
        };
        draft.errors.push(draft::Error {
            code: None,
            variant: draft::message_variant(&message, &mut taken),
            status,
            message: Some(draft::message_template(&message)),
            description: None,
            notes,
        });
    }
}

/// One entry per documented status, class and `default`, named in `[fallback]`: bodies
/// without a code, or with one the spec does not document, beside the coded entries. Its
/// description is the one most of its responses give.
pub(super) fn by_status(draft: &mut Draft, responses: &[Response<'_>]) {
    let mut keys: Vec<String> = Vec::new();
    let mut descriptions: BTreeMap<String, BTreeMap<&str, usize>> = BTreeMap::new();
    for response in responses {
        let key = response.fallback_key();
        if !keys.contains(&key) {
            keys.push(key.clone());
        }
        if let Some(description) = response
            .description
            .map(str::trim)
            .filter(|text| !text.is_empty())
        {
            *descriptions
                .entry(key)
                .or_default()
                .entry(description)
                .or_default() += 1;
        }
    }
    let mut taken: Names = draft
        .errors
        .iter()
        .map(|error| error.variant.clone())
        .collect();
    let has = |keys: &[String], key: &str| keys.iter().any(|known| known == key);
    let mut guessed = Vec::new();
    if !has(&keys, "default") {
        for class in ["4xx", "5xx"] {
            if !has(&keys, class) {
                guessed.push(class.to_owned());
            }
        }
    }
    for key in keys.iter().chain(&guessed) {
        let status = key.parse::<u16>().ok();
        let variant = match status {
            Some(status) => {
                let reason = draft::status_variant(status, &mut Names::default());
                if taken.contains(&reason) {
                    draft::variant_name(&format!("Http {status} {reason}"), &mut taken)
                } else {
                    draft::variant_name(&reason, &mut taken)
                }
            }
            None => draft::variant_name(
                match key.as_str() {
                    "4xx" => "Client error",
                    "5xx" => "Server error",
                    _ => "Other error",
                },
                &mut taken,
            ),
        };
        let most_said = descriptions.get(key).and_then(|counted| {
            counted
                .iter()
                .max_by_key(|(text, count)| (**count, std::cmp::Reverse(*text)))
                .map(|(text, _)| (*text).to_owned())
        });
        let note = if guessed.contains(key) {
            format!("Guess: the document names no `{key}` response; any other {key} status, chosen by status.")
        } else {
            format!("The `{key}` responses without a documented code: chosen by status.")
        };
        draft.errors.push(draft::Error {
            code: None,
            variant: variant.clone(),
            status,
            message: None,
            description: most_said,
            notes: vec![note],
        });
        draft.fallback.push((key.clone(), variant));
    }
}
