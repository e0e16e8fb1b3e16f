//! Inferring the envelope from the parsed bodies: where each body's errors sit (the body, an
//! object under a key, or an array of them), the shapes that makes, and in each which keys
//! hold the codes (most specific first), the messages, the status, the other fields and errors
//! nested in each error.

use std::collections::{BTreeMap, HashMap};

use serde_json::{Map, Value};

use crate::authoring::draft::{self, At};

/// Key names that hold a wire code; a tie in how specific they are goes to the earlier.
pub const CODE_KEYS: &[&str] = &[
    "decline_code",
    "subcode",
    "error_subcode",
    "code",
    "errorcode",
    "error_code",
    "reason",
    "type",
    "error",
    "errortype",
    "error_type",
    "key",
];
/// Key names that hold a message, best first.
pub const MESSAGE_KEYS: &[&str] = &[
    "message",
    "msg",
    "detail",
    "error_description",
    "description",
    "title",
    "error_message",
    "errormessage",
];
/// Key names of a request id in the body.
const REQUEST_ID_KEYS: &[&str] = &["request_id", "requestid", "request-id"];
/// Headers that carry a request id, best first.
pub(super) const REQUEST_ID_HEADERS: &[&str] = &[
    "x-request-id",
    "request-id",
    "x-amzn-requestid",
    "x-github-request-id",
    "x-correlation-id",
    "x-trace-id",
];
/// At most this many code keys, message keys and fields are drafted per error.
const MOST_CODES: usize = 3;
const MOST_MESSAGES: usize = 2;
const MOST_FIELDS: usize = 24;

/// An error object of a body, with the response's status.
pub(super) struct Found<'a> {
    pub status: u16,
    pub object: &'a Map<String, Value>,
}

/// The keys of one kind of error object, inferred from every object seen.
#[derive(Debug, Default)]
pub(super) struct Parts {
    /// Code keys, most specific first.
    pub code: Vec<String>,
    /// Message keys, the first present wins.
    pub message: Vec<String>,
    /// The key repeating the HTTP status, and whether it is written as a string.
    pub status: Option<(String, bool)>,
    /// The key of a request id (errors at the body's root only).
    pub request_id: Option<String>,
    /// Field name and key of the other scalars, the codes before the last among them.
    pub fields: Vec<(String, String)>,
    /// How many more scalar keys there were than `MOST_FIELDS`, left out.
    pub fields_left_out: usize,
    /// Errors nested in each error: the array's key and their parts.
    pub inner: Option<(String, Box<Parts>)>,
}

/// Where the errors of `body` sit: the body when it is an array of objects or an object with
/// a message of its own (GitHub's `{"message", "errors": [...]}` keeps `errors` nested);
/// else the first member that is an error object or an array of them (`{"error": {...}}`,
/// `{"errors": [...]}`, not fooled by a `"type": "error"` beside it); else the body. `None`
/// for a body that is no object or array.
pub(super) fn location(body: &Value) -> Option<(At, String)> {
    if is_errors(body) {
        return Some((At::Errors, String::new()));
    }
    let object = body.as_object()?;
    let own_message = object
        .iter()
        .any(|(key, value)| is_message_key(key) && is_text(value));
    if !own_message {
        for (key, value) in object {
            if is_errors(value) {
                return Some((At::Errors, draft::key_pointer(key)));
            }
            if value.as_object().is_some_and(looks_like_error) {
                return Some((At::Error, draft::key_pointer(key)));
            }
        }
    }
    Some((At::Error, String::new()))
}

/// The error objects of `body` at `at`.
pub(super) fn objects_at<'a>(
    body: &'a Value,
    (at, pointer): &(At, String),
) -> Vec<&'a Map<String, Value>> {
    let Some(value) = body.pointer(pointer) else {
        return Vec::new();
    };
    match (at, value) {
        (At::Errors, Value::Array(items)) => items.iter().filter_map(Value::as_object).collect(),
        (_, Value::Object(object)) => vec![object],
        _ => Vec::new(),
    }
}

fn is_errors(value: &Value) -> bool {
    value.as_array().is_some_and(|items| {
        !items.is_empty()
            && items
                .iter()
                .all(|item| item.as_object().is_some_and(looks_like_error))
    })
}

fn looks_like_error(object: &Map<String, Value>) -> bool {
    object.iter().any(|(key, value)| {
        (is_code_key(key) || is_message_key(key))
            && matches!(value, Value::String(_) | Value::Number(_))
    })
}

fn is_code_key(key: &str) -> bool {
    CODE_KEYS.iter().any(|name| key.eq_ignore_ascii_case(name))
}

fn is_message_key(key: &str) -> bool {
    MESSAGE_KEYS
        .iter()
        .any(|name| key.eq_ignore_ascii_case(name))
}

fn is_text(value: &Value) -> bool {
    value.as_str().is_some_and(|text| !text.trim().is_empty())
}

/// A value a code may be: a word (no spaces), or a number (read as the text it was sent as,
/// `1.50` and 23-digit integers too).
fn is_code_value(value: &Value) -> bool {
    match value {
        Value::String(text) => !text.trim().is_empty() && !text.contains(char::is_whitespace),
        Value::Number(_) => true,
        _ => false,
    }
}

/// The parts of the error objects `found`; `at_root` when they are the bodies themselves.
pub(super) fn parts(found: &[Found<'_>], at_root: bool) -> Parts {
    // Each key's non-null values, keys in the order first seen: one pass over the errors.
    let mut keys: Vec<&str> = Vec::new();
    let mut by_key: HashMap<&str, Vec<&Value>> = HashMap::new();
    for error in found {
        for (key, value) in error.object {
            let values = by_key.entry(key).or_insert_with(|| {
                keys.push(key);
                Vec::new()
            });
            if !value.is_null() {
                values.push(value);
            }
        }
    }
    let values = |key: &str| -> &[&Value] { by_key.get(key).map_or(&[], Vec::as_slice) };
    let status = status_key(
        found,
        keys.iter()
            .filter(|key| values(key).len() * 2 >= found.len()),
    );
    let status_key = status.as_ref().map(|(key, _)| key.as_str());
    // Codes: code-named keys whose values are all words, and an `id` of words (DigitalOcean's
    // `not_found`). A key with one value in every error tells bodies apart, not errors (Box's
    // `"type": "error"`), unless it is all there is.
    let mut codes: Vec<(&str, usize)> = keys
        .iter()
        .filter(|key| Some(**key) != status_key)
        .filter(|key| is_code_key(key) || key.eq_ignore_ascii_case("id"))
        .filter_map(|key| {
            let values = values(key);
            let words = !values.is_empty() && values.iter().all(|value| is_code_value(value));
            let id_of_words = !key.eq_ignore_ascii_case("id")
                || values
                    .iter()
                    .all(|value| value.as_str().is_some_and(draft::looks_like_code));
            (words && id_of_words).then_some((*key, values.len()))
        })
        .collect();
    let constant = |key: &str| {
        let values = values(key);
        values.len() == found.len()
            && found.len() > 1
            && values.iter().all(|value| *value == values[0])
    };
    if codes.iter().any(|(key, _)| !constant(key)) {
        codes.retain(|(key, _)| !constant(key));
    }
    // The most specific first: a key present in fewer errors refines one present in more
    // (OpenAI's and Stripe's `code`, sometimes null, before the `type` every error has).
    let rank = |key: &str| {
        CODE_KEYS
            .iter()
            .position(|name| key.eq_ignore_ascii_case(name))
            .unwrap_or(CODE_KEYS.len())
    };
    codes.sort_by_key(|(key, present)| (*present, rank(key)));
    codes.truncate(MOST_CODES);
    let code: Vec<String> = codes.iter().map(|(key, _)| (*key).to_owned()).collect();
    // Messages: message-named keys holding text, and a code-named key holding sentences
    // (DigitalOcean's `"error": "Error validating resource tag: ..."`); the most common first.
    let mut messages: Vec<(&str, usize, usize)> = keys
        .iter()
        .filter(|key| !code.iter().any(|code| code == *key))
        .filter_map(|key| {
            let values = values(key);
            let texts = !values.is_empty() && values.iter().all(|value| is_text(value));
            let order = if is_message_key(key) {
                MESSAGE_KEYS
                    .iter()
                    .position(|name| key.eq_ignore_ascii_case(name))?
            } else if is_code_key(key) {
                MESSAGE_KEYS.len()
            } else {
                return None;
            };
            texts.then_some((*key, values.len(), order))
        })
        .collect();
    messages.sort_by_key(|(_, present, order)| (std::cmp::Reverse(*present), *order));
    messages.truncate(MOST_MESSAGES);
    let message: Vec<String> = messages
        .iter()
        .map(|(key, _, _)| (*key).to_owned())
        .collect();
    let request_id = at_root
        .then(|| {
            keys.iter().find(|key| {
                REQUEST_ID_KEYS.contains(&key.to_ascii_lowercase().as_str())
                    && values(key).iter().all(|value| is_code_value(value))
            })
        })
        .flatten()
        .map(|key| (*key).to_owned());
    // The first key holding an array of errors somewhere: the errors nested in each error.
    let nested = keys
        .iter()
        .find(|key| values(key).iter().any(|value| is_errors(value)));
    let inner = nested.map(|key| {
        let items: Vec<Found<'_>> = found
            .iter()
            .filter_map(|error| Some((error.status, error.object.get(*key)?.as_array()?)))
            .flat_map(|(status, items)| {
                items
                    .iter()
                    .filter_map(Value::as_object)
                    .map(move |object| Found { status, object })
            })
            .collect();
        ((*key).to_owned(), Box::new(parts(&items, false)))
    });
    // The codes before the last stay fields too, kept as sent: Stripe's `decline_code` and
    // `code` where the variant came from the `type`.
    let taken: Vec<&str> = code
        .last()
        .into_iter()
        .chain(&message)
        .map(String::as_str)
        .chain(status_key)
        .chain(request_id.as_deref())
        .collect();
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut fields_left_out = 0;
    for key in &keys {
        if taken.contains(key) {
            continue;
        }
        let values = values(key);
        if values.is_empty()
            || !values
                .iter()
                .all(|value| matches!(value, Value::String(_) | Value::Number(_) | Value::Bool(_)))
        {
            continue;
        }
        let name = draft::field_name(key);
        if fields.iter().any(|(other, _)| *other == name) {
            continue;
        }
        if fields.len() == MOST_FIELDS {
            fields_left_out += 1;
        } else {
            fields.push((name, (*key).to_owned()));
        }
    }
    Parts {
        code,
        message,
        status,
        request_id,
        fields,
        fields_left_out,
        inner,
    }
}

/// Among `keys` (those present in at least half of the errors), the first in name order
/// whose value is the response's status (as a number, or as a string of it) in every error
/// that has it, and whether it is written as a string.
fn status_key<'a>(
    found: &[Found<'_>],
    keys: impl Iterator<Item = &'a &'a str>,
) -> Option<(String, bool)> {
    let mut keys: Vec<&str> = keys.copied().collect();
    keys.sort_unstable();
    keys.into_iter().find_map(|key| {
        let values: Vec<(&Value, u16)> = found
            .iter()
            .filter_map(|error| Some((error.object.get(key)?, error.status)))
            .collect();
        if values.is_empty() {
            return None;
        }
        let numbers = values
            .iter()
            .all(|(value, status)| value.as_u64() == Some(u64::from(*status)));
        let strings = values
            .iter()
            .all(|(value, status)| value.as_str() == Some(status.to_string().as_str()));
        (numbers || strings).then(|| (key.to_owned(), strings))
    })
}

/// How many errors each location holds, locations that hold an error deeper in the body
/// first (an `{"error": {...}}` shape must be tried before one that reads the body itself),
/// then the most used.
pub(super) fn order(locations: BTreeMap<(At, String), usize>) -> Vec<(At, String)> {
    let mut locations: Vec<((At, String), usize)> = locations.into_iter().collect();
    locations.sort_by_key(|((_, pointer), count)| (pointer.is_empty(), std::cmp::Reverse(*count)));
    locations.into_iter().map(|(at, _)| at).collect()
}
