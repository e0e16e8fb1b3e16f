//! `errspec infer`: a spec drafted from captured error responses (a HAR file, or a folder of
//! `<status>.<n>.json` bodies): where the errors sit (a shape per place they are found), the
//! keys of their codes (most specific first), messages, status and fields, errors nested in
//! them, every code seen with its statuses, entries told apart by message where errors carry
//! no code, and a template where messages vary by a value.
//!
//! Reading the captures is in `captures`, finding the shapes and their keys in `envelope`, the
//! drafted entries in `entries` and message templates in `templates`; [`infer`] runs them in
//! that order.

mod captures;
mod entries;
mod envelope;
mod templates;

use std::collections::BTreeMap;

use serde_json::Value;

pub use captures::{samples, Sample};
use entries::{add_by_status, add_coded, add_message_keyed, code_of, Shape};
use envelope::{location, objects_at, order, parts, Found, Parts, REQUEST_ID_HEADERS};
pub use envelope::{CODE_KEYS, MESSAGE_KEYS};
pub use templates::template;

use crate::authoring::draft::{self, At, Draft, Names};
use crate::authoring::literals::Literals;

/// A spec drafted from `samples`, named `name`.
#[must_use]
pub fn infer(samples: &[Sample], name: &str) -> Draft {
    let parsed: Vec<(u16, Option<Value>)> = samples
        .iter()
        .map(|sample| (sample.status, serde_json::from_slice(&sample.body).ok()))
        .collect();
    let mut literals = Literals::default();
    for (sample, (_, value)) in samples.iter().zip(&parsed) {
        if let Some(value) = value {
            literals.extend(Literals::of_json(&sample.body, value));
        }
    }
    let mut draft = Draft {
        name: name.to_owned(),
        ..Draft::default()
    };
    draft.notes.push(format!(
        "Drafted by `errspec infer` from {} captured error responses: check every guess (marked\nso) against the vendor's documentation, then run `errspec check`.",
        samples.len()
    ));
    // Where each body's errors sit; each place is a shape.
    let mut located: BTreeMap<(At, String), Vec<Found<'_>>> = BTreeMap::new();
    let mut at_of_sample = Vec::with_capacity(parsed.len());
    for (status, value) in &parsed {
        let at = value.as_ref().and_then(location);
        if let (Some(at), Some(value)) = (&at, value) {
            let found = located.entry(at.clone()).or_default();
            found.extend(objects_at(value, at).into_iter().map(|object| Found {
                status: *status,
                object,
            }));
        }
        at_of_sample.push(at);
    }
    let counts = located
        .iter()
        .map(|(at, found)| (at.clone(), found.len()))
        .collect();
    let mut shapes: Vec<(At, String, Shape<'_>)> = Vec::new();
    for at in order(counts) {
        let found = located.remove(&at).unwrap_or_default();
        let parts = parts(&found, at.1.is_empty());
        shapes.push((at.0, at.1, Shape { parts, found }));
    }
    if shapes.len() > 1 {
        draft.notes.push(format!(
            "The errors sit in {} places: a shape for each, tried in this order, those that put\nthe error deeper in the body first.",
            shapes.len()
        ));
    }
    let bodies = parsed.iter().filter(|(_, value)| value.is_some()).count();
    let mut envelopes = shapes
        .iter()
        .map(|(at, pointer, shape)| envelope(*at, pointer, shape, bodies));
    draft.envelope = envelopes.next().unwrap_or_default();
    draft.other_shapes = envelopes.collect();
    draft.request_id_header = REQUEST_ID_HEADERS.iter().find_map(|name| {
        let carrying = samples
            .iter()
            .filter(|sample| sample.headers.iter().any(|(header, _)| header == name))
            .count();
        (carrying * 2 > samples.len()).then(|| (*name).to_owned())
    });
    let (places, shapes): (Vec<(At, String)>, Vec<Shape<'_>>) = shapes
        .into_iter()
        .map(|(at, pointer, shape)| ((at, pointer), shape))
        .unzip();
    let mut taken = Names::default();
    add_coded(&mut draft, &shapes, &literals, &mut taken);
    add_message_keyed(&mut draft, &shapes, &literals, &mut taken);
    // The responses whose errors carry no code, by status: how many, and the first's source.
    let mut uncoded: BTreeMap<u16, (usize, String)> = BTreeMap::new();
    for (sample, ((status, value), at)) in samples.iter().zip(parsed.iter().zip(&at_of_sample)) {
        let coded = value.as_ref().zip(at.as_ref()).is_some_and(|(value, at)| {
            let objects = objects_at(value, at);
            let parts = places
                .iter()
                .position(|place| place == at)
                .map(|index| &shapes[index].parts);
            !objects.is_empty()
                && parts.is_some_and(|parts| {
                    objects
                        .iter()
                        .all(|object| code_of(parts, object, &literals).is_some())
                })
        });
        if !coded {
            let entry = uncoded
                .entry(*status)
                .or_insert_with(|| (0, sample.source.clone()));
            entry.0 += 1;
        }
    }
    add_by_status(&mut draft, &uncoded, &mut taken);
    draft.rename_clashing_parameters();
    draft
}

/// The `[envelope]` of the errors at `pointer`.
fn envelope(at: At, pointer: &str, shape: &Shape<'_>, bodies: usize) -> draft::Envelope {
    let mut envelope = draft::Envelope::default();
    match at {
        At::Errors => envelope.notes.push(format!(
            "Guess: each element of the array at `{pointer}` is an error ({} errors in {bodies} bodies).",
            shape.found.len(),
        )),
        At::Error if !pointer.is_empty() => envelope
            .notes
            .push(format!("Guess: the error is the object at `{pointer}` ({} of {bodies} bodies).", shape.found.len())),
        At::Error => {}
    }
    envelope.at = Some((at, pointer.to_owned()));
    let parts = &shape.parts;
    match parts.code.as_slice() {
        [] => envelope
            .notes
            .push("No key holds a code: entries are told apart by message, else by status.".into()),
        [only] => envelope.notes.push(format!(
            "Guess: the code is `{only}`, present in {} of {} errors.",
            present(shape, only),
            shape.found.len()
        )),
        several => envelope.notes.push(format!(
            "Guess: the code is the first present of {}, the most specific first (present in {} errors).",
            draft::backticked(several),
            several
                .iter()
                .map(|key| present(shape, key).to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
    if let Some((key, _)) = &parts.status {
        envelope
            .notes
            .push(format!("Guess: `{key}` repeats the HTTP status."));
    }
    if parts.fields_left_out > 0 {
        envelope.notes.push(format!(
            "{} more keys with scalar values left out of the fields: add those you need.",
            parts.fields_left_out
        ));
    }
    write_parts(&mut envelope, parts);
    if let Some((key, inner)) = &parts.inner {
        envelope.inner.push(draft::Inner {
            at: draft::key_pointer(key),
            code: inner
                .code
                .iter()
                .map(|key| draft::key_pointer(key))
                .collect(),
            message: inner
                .message
                .iter()
                .map(|key| draft::key_pointer(key))
                .collect(),
            fields: pointed(&inner.fields),
            notes: vec![format!(
                "Guess: each element of `{key}` is an error nested in the one that holds it."
            )],
        });
    }
    envelope
}

fn write_parts(envelope: &mut draft::Envelope, parts: &Parts) {
    envelope.code = parts
        .code
        .iter()
        .map(|key| draft::key_pointer(key))
        .collect();
    envelope.message = parts
        .message
        .iter()
        .map(|key| draft::key_pointer(key))
        .collect();
    envelope.status = parts
        .status
        .as_ref()
        .map(|(key, as_string)| (draft::key_pointer(key), *as_string));
    envelope.request_id = parts.request_id.as_deref().map(draft::key_pointer);
    envelope.fields = pointed(&parts.fields);
}

fn pointed(fields: &[(String, String)]) -> Vec<(String, String)> {
    fields
        .iter()
        .map(|(name, key)| (name.clone(), draft::key_pointer(key)))
        .collect()
}

/// In how many of the shape's errors `key` holds a value.
fn present(shape: &Shape<'_>, key: &str) -> usize {
    shape
        .found
        .iter()
        .filter(|error| error.object.get(key).is_some_and(|value| !value.is_null()))
        .count()
}

#[cfg(test)]
mod tests {
    use super::{infer, Sample};
    use crate::authoring::draft::At;

    fn sample(status: u16, body: &str) -> Sample {
        Sample {
            source: format!("{status}.json"),
            status,
            headers: Vec::new(),
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn a_key_present_in_fewer_errors_is_the_more_specific_code() {
        let draft = infer(
            &[
                sample(
                    404,
                    r#"{"error": {"type": "invalid_request_error", "code": "model_not_found", "message": "a"}}"#,
                ),
                sample(
                    400,
                    r#"{"error": {"type": "invalid_request_error", "code": null, "message": "b"}}"#,
                ),
                sample(
                    500,
                    r#"{"error": {"type": "server_error", "message": "c"}}"#,
                ),
            ],
            "Acme",
        );
        assert_eq!(draft.envelope.at, Some((At::Error, "/error".to_owned())));
        assert_eq!(draft.envelope.code, ["/code", "/type"]);
        // The code before the last is kept as sent in a field too.
        assert!(draft
            .envelope
            .fields
            .contains(&("code_value".to_owned(), "/code".to_owned())));
        let codes: Vec<_> = draft
            .errors
            .iter()
            .filter_map(|e| e.code.as_deref())
            .collect();
        assert_eq!(
            codes,
            ["model_not_found", "invalid_request_error", "server_error"]
        );
    }

    #[test]
    fn a_constant_is_passed_over_and_an_id_of_words_is_a_code() {
        let draft = infer(
            &[
                sample(
                    404,
                    r#"{"type": "error", "id": "not_found", "message": "a"}"#,
                ),
                sample(
                    401,
                    r#"{"type": "error", "id": "unauthorized", "message": "b"}"#,
                ),
            ],
            "Acme",
        );
        assert_eq!(draft.envelope.code, ["/id"]);
        assert!(draft.other_shapes.is_empty());
    }

    #[test]
    fn errors_without_a_code_are_told_apart_by_message_beside_nested_codes() {
        let draft = infer(
            &[
                sample(404, r#"{"message": "Not Found"}"#),
                sample(
                    422,
                    r#"{"message": "Validation Failed", "errors": [{"code": "missing_field", "field": "title"}]}"#,
                ),
                sample(
                    409,
                    r#"{"message": "Container c2ada9df5af8 is not running"}"#,
                ),
            ],
            "Acme",
        );
        assert!(draft.envelope.code.is_empty());
        assert_eq!(draft.envelope.inner[0].code, ["/code"]);
        let message = |status| {
            draft
                .errors
                .iter()
                .find(|e| e.code.is_none() && e.status == Some(status) && e.message.is_some())
                .and_then(|e| e.message.clone())
        };
        assert_eq!(message(404).as_deref(), Some("Not Found"));
        assert_eq!(
            message(409).as_deref(),
            Some("Container {container} is not running")
        );
        assert!(draft
            .errors
            .iter()
            .any(|e| e.code.as_deref() == Some("missing_field")));
    }
}
