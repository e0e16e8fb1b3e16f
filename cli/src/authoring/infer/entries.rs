//! The drafted entries: one per code seen, with its statuses and messages; one per message of
//! the errors that carry no code, told apart by it; and one per status whose responses carried
//! no readable code, chosen by `[fallback.missing]`.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::envelope::{Found, Parts};
use super::templates::template;
use crate::authoring::draft::{self, Draft, Names};
use crate::authoring::literals::Literals;

/// Messages longer than this are not keys for an entry.
const LONGEST_KEY_MESSAGE: usize = 300;

/// The errors of one shape, with their parts.
pub(super) struct Shape<'a> {
    pub parts: Parts,
    pub found: Vec<Found<'a>>,
}

/// The code an error is read with: the first of the code keys it holds, most specific first,
/// as the body wrote it.
pub(super) fn code_of(
    parts: &Parts,
    object: &Map<String, Value>,
    literals: &Literals,
) -> Option<String> {
    parts
        .code
        .iter()
        .find_map(|key| literals.code_text(object.get(key)?))
}

fn message_of(parts: &Parts, object: &Map<String, Value>) -> Option<String> {
    parts.message.iter().find_map(|key| {
        let text = object.get(key)?.as_str()?;
        (!text.trim().is_empty()).then(|| text.to_owned())
    })
}

/// One entry per code seen, in the errors and in the errors nested in them, with the statuses
/// it came with and its messages.
pub(super) fn add_coded(
    draft: &mut Draft,
    shapes: &[Shape<'_>],
    literals: &Literals,
    taken: &mut Names,
) {
    let mut codes: BTreeMap<String, (Vec<u16>, Vec<String>)> = BTreeMap::new();
    let mut order = Vec::new();
    let mut seen = |code: String, status: u16, message: Option<String>| {
        let (statuses, messages) = codes.entry(code.clone()).or_insert_with(|| {
            order.push(code);
            (Vec::new(), Vec::new())
        });
        statuses.push(status);
        messages.extend(message);
    };
    for shape in shapes {
        for error in &shape.found {
            if let Some(code) = code_of(&shape.parts, error.object, literals) {
                seen(code, error.status, message_of(&shape.parts, error.object));
            }
            let Some((key, inner)) = &shape.parts.inner else {
                continue;
            };
            let nested = error.object.get(key).and_then(Value::as_array);
            for item in nested.into_iter().flatten().filter_map(Value::as_object) {
                if let Some(code) = code_of(inner, item, literals) {
                    seen(code, error.status, message_of(inner, item));
                }
            }
        }
    }
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
            variant: draft::variant_name(&code, taken),
            code: Some(code),
            status,
            message: template,
            description,
            notes,
        });
    }
}

/// For the errors without a code, an entry per message (per template where messages of one
/// status begin alike and differ by a value), told apart by it.
pub(super) fn add_message_keyed(
    draft: &mut Draft,
    shapes: &[Shape<'_>],
    literals: &Literals,
    taken: &mut Names,
) {
    // Clusters of messages, in the order first seen: a message joins the first cluster of its
    // status whose messages begin with the same two words and fit one template with it.
    let mut clusters: Vec<(u16, Vec<String>)> = Vec::new();
    for shape in shapes {
        for error in &shape.found {
            if code_of(&shape.parts, error.object, literals).is_some() {
                continue;
            }
            let Some(message) = message_of(&shape.parts, error.object) else {
                continue;
            };
            if message.len() > LONGEST_KEY_MESSAGE {
                continue;
            }
            let start = |text: &str| text.split(' ').take(2).collect::<Vec<_>>().join(" ");
            let joined = clusters.iter_mut().find(|(status, messages)| {
                *status == error.status
                    && start(&messages[0]) == start(&message)
                    && (messages.contains(&message) || {
                        let mut with = messages.clone();
                        with.push(message.clone());
                        template(&with).is_some()
                    })
            });
            match joined {
                Some((_, messages)) if !messages.contains(&message) => messages.push(message),
                Some(_) => {}
                None => clusters.push((error.status, vec![message])),
            }
        }
    }
    for (status, messages) in clusters {
        let (message, note) = match template(&messages) {
            Some(template) => (
                template,
                format!(
                    "Guess: {} messages without a code, told apart by this template.",
                    messages.len()
                ),
            ),
            None => (
                draft::message_template(&messages[0]),
                "A message without a code: the entry is told apart by it.".to_owned(),
            ),
        };
        draft.errors.push(draft::Error {
            code: None,
            variant: draft::message_variant(&messages[0], taken),
            status: Some(status),
            message: Some(message),
            description: None,
            notes: vec![note],
        });
    }
}

/// Status-only entries for the responses whose body holds no readable code (not JSON, empty,
/// or errors without one), chosen by `[fallback.missing]`.
pub(super) fn add_by_status(
    draft: &mut Draft,
    uncoded: &BTreeMap<u16, (usize, String)>,
    taken: &mut Names,
) {
    for (status, (seen, example)) in uncoded {
        let variant = draft::status_variant(*status, taken);
        draft.errors.push(draft::Error {
            code: None,
            variant: variant.clone(),
            status: Some(*status),
            message: None,
            description: None,
            notes: vec![format!(
                "Guess: {} with HTTP {status} carried no code (first: {example}); chosen by status.",
                count_times(*seen),
            )],
        });
        draft.fallback_missing.push((*status, variant));
    }
}

fn count_times(n: usize) -> String {
    if n == 1 {
        "once".to_owned()
    } else {
        format!("{n} times")
    }
}
