//! `errspec infer`: a spec drafted from captured error responses (a HAR file, or a folder of
//! `<status>.<n>.json` bodies): where the code, message, status and arrays of errors sit, every
//! code seen with its statuses, and a template where a code's messages vary by a value.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use serde_json::Value;

use crate::draft::{self, At, Draft};

/// One captured error response.
#[derive(Debug, Clone)]
pub struct Sample {
    /// Where it came from (a file name, or the HAR entry's URL).
    pub source: String,
    /// Its HTTP status.
    pub status: u16,
    /// Its headers, names in lower case.
    pub headers: Vec<(String, String)>,
    /// Its body.
    pub body: Vec<u8>,
}

/// The error responses captured at `path`: a HAR file's responses with a status of 400 or
/// more, or each `<status>.<anything>` file of a folder.
///
/// # Errors
/// One line when the path cannot be read or holds no error response.
pub fn samples(path: &Path) -> Result<Vec<Sample>, String> {
    let samples = if path.is_dir() {
        folder(path)?
    } else {
        har(path)?
    };
    if samples.is_empty() {
        return Err(format!(
            "{} holds no error response (a HAR file, or a folder of `<status>.<n>.json` bodies)",
            path.display()
        ));
    }
    Ok(samples)
}

fn folder(path: &Path) -> Result<Vec<Sample>, String> {
    let mut entries: Vec<_> = std::fs::read_dir(path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|file| file.is_file())
        .collect();
    entries.sort();
    let mut samples = Vec::new();
    for file in entries {
        let name = file
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some(status) = name
            .split('.')
            .next()
            .and_then(|status| status.parse::<u16>().ok())
        else {
            continue;
        };
        let body = std::fs::read(&file)
            .map_err(|error| format!("cannot read {}: {error}", file.display()))?;
        samples.push(Sample {
            source: name,
            status,
            headers: Vec::new(),
            body,
        });
    }
    Ok(samples)
}

fn har(path: &Path) -> Result<Vec<Sample>, String> {
    let text =
        std::fs::read(path).map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    let har: Value = serde_json::from_slice(&text)
        .map_err(|error| format!("{} is not a HAR file (JSON): {error}", path.display()))?;
    let entries = har
        .pointer("/log/entries")
        .and_then(Value::as_array)
        .ok_or_else(|| format!("{} is not a HAR file: no `log.entries`", path.display()))?;
    let mut samples = Vec::new();
    for entry in entries {
        let Some(response) = entry.get("response") else {
            continue;
        };
        let Some(status) = response
            .get("status")
            .and_then(Value::as_u64)
            .and_then(|status| u16::try_from(status).ok())
        else {
            continue;
        };
        if status < 400 {
            continue;
        }
        let content = response.get("content");
        let text = content
            .and_then(|content| content.get("text"))
            .and_then(Value::as_str)
            .unwrap_or("");
        let base64 = content
            .and_then(|content| content.get("encoding"))
            .and_then(Value::as_str)
            == Some("base64");
        let body = if base64 {
            use base64::Engine as _;
            base64::engine::general_purpose::STANDARD
                .decode(text.trim())
                .map_err(|error| {
                    format!("{}: a base64 body does not decode: {error}", path.display())
                })?
        } else {
            text.as_bytes().to_vec()
        };
        let headers = response
            .get("headers")
            .and_then(Value::as_array)
            .map(|headers| {
                headers
                    .iter()
                    .filter_map(|header| {
                        Some((
                            header.get("name")?.as_str()?.to_ascii_lowercase(),
                            header.get("value")?.as_str()?.to_owned(),
                        ))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let source = entry
            .pointer("/request/url")
            .and_then(Value::as_str)
            .unwrap_or("a HAR entry")
            .to_owned();
        samples.push(Sample {
            source,
            status,
            headers,
            body,
        });
    }
    Ok(samples)
}

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
const REQUEST_ID_HEADERS: &[&str] = &[
    "x-request-id",
    "request-id",
    "x-amzn-requestid",
    "x-github-request-id",
    "x-correlation-id",
    "x-trace-id",
];

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
        draft.envelope.code = Some(format!("/{key}"));
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
    draft.envelope.request_id = REQUEST_ID_HEADERS.iter().find_map(|name| {
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

/// Where the errors sit: the array of objects most bodies have at one place (the body
/// itself, or a top-level key), else an object under a top-level key that holds a code-like
/// or message-like key in most bodies, else the body.
fn locate(parsed: &[(u16, Option<Value>)]) -> (At, String) {
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
fn objects_at<'a>(
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
fn best_key(
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
fn status_key(found: &[Found<'_>]) -> Option<(String, bool)> {
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

/// One entry per code seen, with the statuses it came with and its messages.
fn add_entries(
    draft: &mut Draft,
    found: &[Found<'_>],
    code_key: Option<&str>,
    message_key: Option<&str>,
) {
    let Some(code_key) = code_key else { return };
    let mut codes: BTreeMap<String, (Vec<u16>, Vec<String>)> = BTreeMap::new();
    let mut order = Vec::new();
    for error in found {
        let Some(code) = error.object.get(code_key).and_then(scalar_text) else {
            continue;
        };
        let message = message_key
            .and_then(|key| error.object.get(key))
            .and_then(Value::as_str)
            .map(str::to_owned);
        let (statuses, messages) = codes.entry(code.clone()).or_insert_with(|| {
            order.push(code.clone());
            (Vec::new(), Vec::new())
        });
        statuses.push(error.status);
        messages.extend(message);
    }
    let mut taken = HashSet::new();
    for code in order {
        let (statuses, messages) = &codes[&code];
        let mut distinct: Vec<u16> = statuses.clone();
        distinct.sort_unstable();
        distinct.dedup();
        let mut notes = vec![format!(
            "Seen {} with HTTP {}.",
            count_times(statuses.len()),
            distinct
                .iter()
                .map(u16::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        )];
        let status = match distinct.as_slice() {
            [only] => Some(*only),
            _ => {
                notes.push("Guess: no status documented, as it came with several.".to_owned());
                None
            }
        };
        let template = template(messages);
        let description = match (&template, messages.first()) {
            (Some(template), _) => {
                notes.push(format!(
                    "Guess: the messages vary by a value: `{template}`."
                ));
                None
            }
            (None, Some(first)) => Some(first.clone()),
            (None, None) => None,
        };
        draft.errors.push(draft::Error {
            variant: draft::variant_name(&code, &mut taken),
            code: Some(code),
            status,
            message: template,
            description,
            notes,
        });
    }
}

/// Status-only entries for the responses whose body holds no readable code (not JSON, empty,
/// or without the code), chosen by `[fallback.missing]`.
fn add_status_entries(
    draft: &mut Draft,
    samples: &[Sample],
    parsed: &[(u16, Option<Value>)],
    at: &(At, String),
    code_key: Option<&str>,
) {
    let mut statuses: BTreeMap<u16, (usize, Option<String>)> = BTreeMap::new();
    for (sample, (status, value)) in samples.iter().zip(parsed) {
        let has_code = value.as_ref().is_some_and(|value| {
            let objects = objects_at(value, at);
            !objects.is_empty()
                && code_key.is_some_and(|key| {
                    objects
                        .iter()
                        .all(|object| object.get(key).and_then(scalar_text).is_some())
                })
        });
        if has_code {
            continue;
        }
        let entry = statuses.entry(*status).or_insert((0, None));
        entry.0 += 1;
        if entry.1.is_none() {
            entry.1 = Some(sample.source.clone());
        }
    }
    let mut taken: HashSet<String> = draft
        .errors
        .iter()
        .map(|error| error.variant.clone())
        .collect();
    for (status, (seen, example)) in statuses {
        let variant = draft::status_variant(status, &mut taken);
        draft.errors.push(draft::Error {
            code: None,
            variant: variant.clone(),
            status: Some(status),
            message: None,
            description: None,
            notes: vec![format!(
                "Guess: {} with HTTP {status} carried no code (first: {}); chosen by status.",
                count_times(seen),
                example.unwrap_or_default()
            )],
        });
        draft.fallback_missing.push((status, variant));
    }
}

fn count_times(n: usize) -> String {
    if n == 1 {
        "once".to_owned()
    } else {
        format!("{n} times")
    }
}

/// A string's text, or a number's decimal text.
fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) if !text.trim().is_empty() => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

/// A template that every message of one code fits, when they differ by values at the same
/// words: `Thin client with ID 42 not found.` and `... ID 7 ...` give
/// `Thin client with ID {id} not found.`. `None` when they are all the same, or differ in
/// their number of words.
#[must_use]
pub fn template(messages: &[String]) -> Option<String> {
    let first = messages.first()?;
    if messages.iter().all(|message| message == first) {
        return None;
    }
    let split: Vec<Vec<&str>> = messages
        .iter()
        .map(|message| message.split(' ').collect())
        .collect();
    let words = split[0].len();
    if split.iter().any(|message| message.len() != words) {
        return None;
    }
    let mut names = HashSet::new();
    let mut out = Vec::with_capacity(words);
    for position in 0..words {
        let column: Vec<&str> = split.iter().map(|message| message[position]).collect();
        if column.iter().all(|word| *word == column[0]) {
            out.push(draft::literal(column[0]));
            continue;
        }
        // The value is what differs: the quotes and punctuation all share around it stay
        // literal (`'name'`, `42.`), never part of a value (`500` and `100` share no `00`).
        let prefix = punctuation_only(common_prefix(&column), false);
        let rests: Vec<&str> = column.iter().map(|word| &word[prefix.len()..]).collect();
        let suffix = punctuation_only(common_suffix(&rests), true);
        if column
            .iter()
            .any(|word| word.len() == prefix.len() + suffix.len())
        {
            return None;
        }
        // Named after the word before it, skipping small words: `ID 42` gives `id`.
        let before = split[0][..position]
            .iter()
            .rev()
            .find(|word| !SMALL_WORDS.contains(&word.to_ascii_lowercase().as_str()))
            .copied()
            .unwrap_or("");
        let mut name: String = before
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
            name = "value".to_owned();
        }
        let mut unique = name.clone();
        let mut next = 2;
        while !names.insert(unique.clone()) {
            unique = format!("{name}{next}");
            next += 1;
        }
        out.push(format!(
            "{}{{{unique}}}{}",
            draft::literal(prefix),
            draft::literal(suffix)
        ));
    }
    Some(out.join(" "))
}

/// Words a parameter is not named after.
const SMALL_WORDS: &[&str] = &[
    "of", "the", "a", "an", "to", "for", "in", "on", "at", "by", "with", "is", "was", "from",
    "and", "or",
];

/// The part of `shared` (a common prefix, or a suffix when `at_end`) made of characters that
/// are neither letters nor digits, from the outside in.
fn punctuation_only(shared: &str, at_end: bool) -> &str {
    let is_value = |c: char| c.is_alphanumeric();
    if at_end {
        let start = shared
            .char_indices()
            .rev()
            .take_while(|(_, c)| !is_value(*c))
            .last()
            .map_or(shared.len(), |(index, _)| index);
        &shared[start..]
    } else {
        let end = shared
            .char_indices()
            .take_while(|(_, c)| !is_value(*c))
            .last()
            .map_or(0, |(index, c)| index + c.len_utf8());
        &shared[..end]
    }
}

fn common_prefix<'a>(words: &[&'a str]) -> &'a str {
    let first = words[0];
    let mut end = first.len();
    for word in &words[1..] {
        end = first
            .char_indices()
            .zip(word.chars())
            .take_while(|((_, a), b)| a == b)
            .last()
            .map_or(0, |((index, c), _)| index + c.len_utf8())
            .min(end);
    }
    &first[..end]
}

fn common_suffix<'a>(words: &[&'a str]) -> &'a str {
    let first = words[0];
    let mut start = 0;
    for word in &words[1..] {
        let shared = first
            .chars()
            .rev()
            .zip(word.chars().rev())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a.len_utf8())
            .sum::<usize>();
        start = start.max(first.len() - shared);
    }
    &first[start..]
}

#[cfg(test)]
mod tests {
    use super::template;

    fn strings(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|text| (*text).to_owned()).collect()
    }

    #[test]
    fn messages_that_differ_by_a_value_give_a_template() {
        assert_eq!(
            template(&strings(&[
                "Thin client with ID 42 not found.",
                "Thin client with ID 7 not found."
            ])),
            Some("Thin client with ID {id} not found.".to_owned())
        );
        assert_eq!(
            template(&strings(&[
                "Field 'name' is blank",
                "Field 'serial' is blank"
            ])),
            Some("Field '{field}' is blank".to_owned())
        );
        assert_eq!(
            template(&strings(&[
                "Quota of 500 used; 20 left",
                "Quota of 100 used; 3 left"
            ])),
            Some("Quota of {quota} used; {used} left".to_owned())
        );
    }

    #[test]
    fn same_or_differently_shaped_messages_give_none() {
        assert_eq!(template(&strings(&["Not found", "Not found"])), None);
        assert_eq!(template(&strings(&["Not found", "Really not found"])), None);
        assert_eq!(template(&strings(&["Only one"])), None);
    }
}
