//! Inferring the envelope from the parsed bodies: where the error objects sit (one object, or
//! an array of them), and which of their keys hold the code, the message and the status.

use std::collections::{BTreeMap, HashSet};

use serde_json::Value;

use super::Found;
use crate::authoring::draft::At;

/// Key names that hold a wire code, best first.
pub const CODE_KEYS: &[&str] = &[
    "code",
    "errorcode",
    "error_code",
    "type",
    "reason",
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
/// Headers that carry a request id, best first.
pub(super) const REQUEST_ID_HEADERS: &[&str] = &[
    "x-request-id",
    "request-id",
    "x-amzn-requestid",
    "x-github-request-id",
    "x-correlation-id",
    "x-trace-id",
];

/// Where the errors sit: the array of objects most bodies have at one place (the body
/// itself, or a top-level key), else an object under a top-level key that holds a code-like
/// or message-like key in most bodies, else the body.
pub(super) fn locate(parsed: &[(u16, Option<Value>)]) -> (At, String) {
    let bodies: Vec<&Value> = parsed
        .iter()
        .filter_map(|(_, value)| value.as_ref())
        .collect();
    let mut arrays: BTreeMap<String, usize> = BTreeMap::new();
    let mut nested: BTreeMap<String, usize> = BTreeMap::new();
    let is_objects = |value: &Value| {
        value
            .as_array()
            .is_some_and(|items| !items.is_empty() && items.iter().all(Value::is_object))
    };
    let looks_like_error = |object: &serde_json::Map<String, Value>| {
        object.keys().any(|key| {
            CODE_KEYS.contains(&key.to_ascii_lowercase().as_str())
                || MESSAGE_KEYS.contains(&key.to_ascii_lowercase().as_str())
        })
    };
    for body in &bodies {
        if is_objects(body) {
            *arrays.entry(String::new()).or_default() += 1;
        }
        if let Some(object) = body.as_object() {
            for (key, value) in object {
                if is_objects(value) {
                    *arrays.entry(format!("/{key}")).or_default() += 1;
                }
                if value.as_object().is_some_and(looks_like_error) {
                    *nested.entry(format!("/{key}")).or_default() += 1;
                }
            }
        }
    }
    let most = |counts: &BTreeMap<String, usize>| {
        counts
            .iter()
            .max_by_key(|(_, count)| **count)
            .filter(|(_, count)| **count * 2 > bodies.len())
            .map(|(pointer, _)| pointer.clone())
    };
    if let Some(pointer) = most(&arrays) {
        return (At::Errors, pointer);
    }
    if let Some(pointer) = most(&nested) {
        return (At::Error, pointer);
    }
    (At::Error, String::new())
}

/// The error objects of `body` at `at`.
pub(super) fn objects_at<'a>(
    body: &'a Value,
    (at, pointer): &(At, String),
) -> Vec<&'a serde_json::Map<String, Value>> {
    let Some(value) = body.pointer(pointer) else {
        return Vec::new();
    };
    match (at, value) {
        (At::Errors, Value::Array(items)) => items.iter().filter_map(Value::as_object).collect(),
        (_, Value::Object(object)) => vec![object],
        _ => Vec::new(),
    }
}

/// The top-level key of the error objects whose values pass `fits` in the most objects (at
/// least half), names in `preferred` winning ties; with how many objects have it.
pub(super) fn best_key(
    found: &[Found<'_>],
    preferred: &[&str],
    fits: impl Fn(&Value) -> bool,
) -> Option<(String, usize)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for error in found {
        for (key, value) in error.object {
            if fits(value) && preferred.contains(&key.to_ascii_lowercase().as_str()) {
                *counts.entry(key).or_default() += 1;
            }
        }
    }
    let rank = |key: &str| {
        preferred
            .iter()
            .position(|name| name.eq_ignore_ascii_case(key))
            .unwrap_or(usize::MAX)
    };
    counts
        .into_iter()
        .filter(|(_, count)| count * 2 >= found.len())
        .max_by(|(a, count_a), (b, count_b)| count_a.cmp(count_b).then(rank(b).cmp(&rank(a))))
        .map(|(key, count)| (key.to_owned(), count))
}

/// The key whose value is the response's status (as a number, or as a string of it) in
/// every error that has it, and whether it is written as a string.
pub(super) fn status_key(found: &[Found<'_>]) -> Option<(String, bool)> {
    let keys: HashSet<&String> = found.iter().flat_map(|error| error.object.keys()).collect();
    let mut keys: Vec<&String> = keys.into_iter().collect();
    keys.sort();
    keys.into_iter().find_map(|key| {
        let values: Vec<(&Value, u16)> = found
            .iter()
            .filter_map(|error| Some((error.object.get(key)?, error.status)))
            .collect();
        if values.len() * 2 < found.len() || values.is_empty() {
            return None;
        }
        let numbers = values
            .iter()
            .all(|(value, status)| value.as_u64() == Some(u64::from(*status)));
        let strings = values
            .iter()
            .all(|(value, status)| value.as_str() == Some(status.to_string().as_str()));
        (numbers || strings).then(|| (key.clone(), strings))
    })
}
