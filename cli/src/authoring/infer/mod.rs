//! `errspec infer`: a spec drafted from captured error responses (a HAR file, or a folder of
//! `<status>.<n>.json` bodies): where the code, message, status and arrays of errors sit, every
//! code seen with its statuses, and a template where a code's messages vary by a value.
//!
//! Reading the captures is in `captures`, finding the envelope (where the errors sit and which
//! keys hold what) in `envelope`, the drafted entries in `entries` and message templates in
//! `templates`; [`infer`] runs them in that order.

mod captures;
mod entries;
mod envelope;
mod templates;

use serde_json::Value;

pub use captures::{samples, Sample};
use entries::{add_entries, add_status_entries};
use envelope::{best_key, locate, objects_at, status_key, REQUEST_ID_HEADERS};
pub use envelope::{CODE_KEYS, MESSAGE_KEYS};
pub use templates::template;

use crate::authoring::draft::{At, Draft};

/// One error object of a body, with the response's status.
struct Found<'a> {
    status: u16,
    object: &'a serde_json::Map<String, Value>,
}

/// A spec drafted from `samples`, named `name`.
#[must_use]
pub fn infer(samples: &[Sample], name: &str) -> Draft {
    let parsed: Vec<(u16, Option<Value>)> = samples
        .iter()
        .map(|sample| (sample.status, serde_json::from_slice(&sample.body).ok()))
        .collect();
    let mut draft = Draft {
        name: name.to_owned(),
        ..Draft::default()
    };
    draft.notes.push(format!(
        "Drafted by `errspec infer` from {} captured error responses: check every guess (marked\nso) against the vendor's documentation, then run `errspec check`.",
        samples.len()
    ));
    let at = locate(&parsed);
    let mut found = Vec::new();
    for (status, value) in &parsed {
        let Some(value) = value else { continue };
        for object in objects_at(value, &at) {
            found.push(Found {
                status: *status,
                object,
            });
        }
    }
    match &at {
        (At::Errors, pointer) => draft.envelope.notes.push(format!(
            "Guess: each element of the array at `{pointer}` is an error ({} errors in {} bodies).",
            found.len(),
            parsed.iter().filter(|(_, value)| value.is_some()).count()
        )),
        (At::Error, pointer) if !pointer.is_empty() => draft
            .envelope
            .notes
            .push(format!("Guess: the error is the object at `{pointer}`.")),
        _ => {}
    }
    draft.envelope.at = Some(at);
    let code = best_key(&found, CODE_KEYS, |value| match value {
        Value::String(text) => !text.trim().is_empty() && !text.contains(char::is_whitespace),
        Value::Number(_) => true,
        _ => false,
    });
    let message = best_key(
        &found,
        MESSAGE_KEYS,
        |value| matches!(value, Value::String(text) if !text.trim().is_empty()),
    );
    if let Some((key, present)) = &code {
        draft.envelope.notes.push(format!(
            "Guess: the code is `{key}`, present in {present} of {} errors.",
            found.len()
        ));
        draft.envelope.code = vec![format!("/{key}")];
    }
    if let Some((key, _)) = &message {
        draft.envelope.message.push(format!("/{key}"));
    }
    if let Some((key, as_string)) = status_key(&found) {
        draft
            .envelope
            .notes
            .push(format!("Guess: `{key}` repeats the HTTP status."));
        draft.envelope.status = Some((format!("/{key}"), as_string));
    }
    draft.request_id_header = REQUEST_ID_HEADERS.iter().find_map(|name| {
        let carrying = samples
            .iter()
            .filter(|sample| sample.headers.iter().any(|(header, _)| header == name))
            .count();
        (carrying * 2 > samples.len()).then(|| (*name).to_owned())
    });
    let code_key = code.map(|(key, _)| key);
    let message_key = message.map(|(key, _)| key);
    add_entries(
        &mut draft,
        &found,
        code_key.as_deref(),
        message_key.as_deref(),
    );
    let at = at_of(&draft);
    add_status_entries(&mut draft, samples, &parsed, &at, code_key.as_deref());
    draft
}

fn at_of(draft: &Draft) -> (At, String) {
    draft
        .envelope
        .at
        .clone()
        .unwrap_or((At::Error, String::new()))
}
