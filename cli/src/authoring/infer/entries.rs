//! The drafted entries: one per code seen, with its statuses and messages, and one per status
//! whose responses carried no readable code.

use std::collections::{BTreeMap, HashSet};

use serde_json::Value;

use super::envelope::objects_at;
use super::templates::template;
use super::{Found, Sample};
use crate::authoring::draft::{self, At, Draft};

/// One entry per code seen, with the statuses it came with and its messages.
pub(super) fn add_entries(
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
pub(super) fn add_status_entries(
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
