//! Where each error and its parts go: the nested groups an error's others are written to, the
//! parts of a group, a status in the spec's format, batch item results.

use std::borrow::Cow;

use errspec_vocab::status::status_name;

use super::tree::{put, Node};
use super::{Encoding, StatusFormat, Wire};
use crate::engine::envelope::{Batch, Envelope, Role};
use crate::BatchItems;

/// One error holding the others in its nested groups: the first is the error itself when the
/// error's own parts can hold its code and message, each other goes to a group that can
/// (one sent under a key to the group of keyed errors).
pub(super) fn nested_node<'a, const F: usize>(
    encoding: &Encoding<'a>,
    errors: &[Wire<'a, F>],
) -> Node<'a> {
    let envelope = encoding.envelope;
    let sent: Vec<&Wire<'a, F>> = errors.iter().filter(|error| !error.empty).collect();
    let mut node = Node::Absent;
    let mut errors = sent.iter().copied().peekable();
    match sent.as_slice() {
        // Errors of a group that replaces the error holding them are written as the vendor
        // sends them: all in the group, under an error that sums them up with the first
        // one's message and status (Google's v1 errors); they read back alone. Only where
        // the group can write every field the first one holds: one with a field only the
        // holding error reads (an ErrorInfo's `service`) is the holder, and reads back first.
        [first, ..] if replacing_group(envelope, first) => {
            let summary = Wire {
                code: None,
                message: first.message,
                status: first.status,
                fields: [None; F],
                items: &NO_ITEMS,
                empty: false,
            };
            node = group_node(encoding, &summary, 0);
        }
        _ => {
            if let Some(first) = errors.next_if(|first| holds(envelope, 0, first)) {
                node = group_node(encoding, first, 0);
            }
        }
    }
    let mut groups: Vec<(u8, Node<'a>)> = Vec::new();
    for error in errors {
        let Some(group) = nested_group(envelope, error) else {
            continue;
        };
        let element = group_node(encoding, error, group);
        let position = match groups.iter().position(|(held, _)| *held == group) {
            Some(position) => position,
            None => {
                groups.push((group, Node::Absent));
                groups.len() - 1
            }
        };
        let collection = &mut groups[position].1;
        match key_of(envelope, group, error) {
            Some(key) => {
                if matches!(collection, Node::Absent) {
                    *collection = Node::Object(Vec::new());
                }
                if let Node::Object(members) = collection {
                    members.push((Cow::Borrowed(key), element));
                }
            }
            None => {
                if matches!(collection, Node::Absent) {
                    *collection = Node::Array(Vec::new());
                }
                if let Node::Array(elements) = collection {
                    pad_to_position(encoding, group, error, elements);
                    elements.push(element);
                }
            }
        }
    }
    for (group, collection) in groups {
        let at = envelope
            .parts
            .iter()
            .find(|part| part.role == Role::Nested(group));
        if let Some(at) = at {
            put(&mut node, at.path, collection);
        }
    }
    node
}

/// The items of an error written for its place alone (a summary, a filler).
static NO_ITEMS: BatchItems = BatchItems::new();

/// Positions past this are not padded to: a position a decoded body gave is far below it.
const MAX_PADDED_POSITION: usize = 1 << 16;

/// Fills the places before `error`'s position in its group's array (its `index` field) with
/// elements that say no error is there, where the group has such a code (DynamoDB's
/// `{"Code": "None"}`), so that it reads back at the same position.
fn pad_to_position<'a, const F: usize>(
    encoding: &Encoding<'a>,
    group: u8,
    error: &Wire<'a, F>,
    elements: &mut Vec<Node<'a>>,
) {
    let envelope = encoding.envelope;
    let Some(&none) = envelope.group(group).no_error.first() else {
        return;
    };
    let position = envelope.parts.iter().find_map(|part| match part.role {
        Role::Index(field) if part.group == group => error.fields.get(field).copied().flatten(),
        _ => None,
    });
    let Some(position) = position.and_then(|text| text.parse::<usize>().ok()) else {
        return;
    };
    let filler = Wire {
        code: Some(none),
        message: None,
        status: error.status,
        fields: [None; F],
        items: &NO_ITEMS,
        empty: false,
    };
    while elements.len() < position.min(MAX_PADDED_POSITION) {
        elements.push(group_node(encoding, &filler, group));
    }
}

/// Whether `error` is written to a group that can hold it and whose errors replace the
/// error holding them.
fn replacing_group<const F: usize>(envelope: &Envelope<'_>, error: &Wire<'_, F>) -> bool {
    nested_group(envelope, error).is_some_and(|group| {
        envelope.group(group).replaces
            && holds(envelope, group, error)
            && holds_fields(envelope, group, error)
    })
}

/// Whether the parts of `group` can write every field `error` holds.
fn holds_fields<const F: usize>(envelope: &Envelope<'_>, group: u8, error: &Wire<'_, F>) -> bool {
    error.fields.iter().enumerate().all(|(field, value)| {
        value.is_none()
            || envelope.parts.iter().any(|part| {
                part.group == group && part.rank == 0 && part.role == Role::Field(field)
            })
    })
}

/// Whether the parts of `group` can hold the code and the message of `error`.
pub(super) fn holds<const F: usize>(
    envelope: &Envelope<'_>,
    group: u8,
    error: &Wire<'_, F>,
) -> bool {
    let has = |role: Role| {
        envelope
            .parts
            .iter()
            .any(|part| part.group == group && part.rank == 0 && part.role == role)
    };
    (error.code.is_none() || has(Role::Code)) && (error.message.is_none() || has(Role::Message))
}

/// The nested group an error is written to: the keyed group of its key field when it has
/// one, else the first that holds it, else the first.
fn nested_group<const F: usize>(envelope: &Envelope<'_>, error: &Wire<'_, F>) -> Option<u8> {
    // Each group once, in the order of its first part (a recursive group has two).
    let mut groups: Vec<u8> = Vec::new();
    for part in envelope.parts {
        if let Role::Nested(group) = part.role {
            if !groups.contains(&group) {
                groups.push(group);
            }
        }
    }
    let keyed = |group: u8| key_of(envelope, group, error).is_some();
    groups
        .iter()
        .copied()
        .find(|&group| keyed(group))
        .or_else(|| {
            groups.iter().copied().find(|&group| {
                !envelope
                    .parts
                    .iter()
                    .any(|part| part.group == group && matches!(part.role, Role::Key(_)))
                    && holds(envelope, group, error)
            })
        })
        .or_else(|| groups.first().copied())
}

/// The key `error` is sent under in `group`, when that group's errors are keyed and the
/// error has its key field.
fn key_of<'a, const F: usize>(
    envelope: &Envelope<'_>,
    group: u8,
    error: &Wire<'a, F>,
) -> Option<&'a str> {
    envelope.parts.iter().find_map(|part| match part.role {
        Role::Key(index) if part.group == group => error.fields.get(index).copied().flatten(),
        _ => None,
    })
}

/// The errors of an array of them (`errors`), each at its position (its `index` field) where
/// the envelope keeps one: the places before it hold an element in which nothing is read, no
/// error (a success, among per-item results), so that it reads back at the same position.
pub(super) fn error_list<'a, 'w, const F: usize>(
    encoding: &Encoding<'a>,
    errors: impl Iterator<Item = &'w Wire<'a, F>>,
) -> Vec<Node<'a>>
where
    'a: 'w,
{
    let index = encoding
        .envelope
        .parts
        .iter()
        .find_map(|part| match part.role {
            Role::Index(field) if part.group == 0 => Some(field),
            _ => None,
        });
    let mut list = Vec::new();
    for error in errors {
        let position = index
            .and_then(|field| error.fields.get(field).copied().flatten())
            .and_then(|text| text.parse::<usize>().ok());
        if let Some(position) = position {
            while list.len() < position.min(MAX_PADDED_POSITION) {
                list.push(Node::Object(Vec::new()));
            }
        }
        list.push(error_node(encoding, error));
    }
    list
}

pub(super) fn error_node<'a, const F: usize>(
    encoding: &Encoding<'a>,
    error: &Wire<'a, F>,
) -> Node<'a> {
    group_node(encoding, error, 0)
}

/// An error written with the parts of `group`.
fn group_node<'a, const F: usize>(
    encoding: &Encoding<'a>,
    error: &Wire<'a, F>,
    group: u8,
) -> Node<'a> {
    let envelope = encoding.envelope;
    let items_at = envelope
        .batch
        .filter(|_| !error.items.is_empty())
        .and_then(|batch| {
            let part = envelope
                .parts
                .iter()
                .find(|part| part.role == Role::Items)?;
            Some((batch, part.path))
        });
    let mut node = Node::Absent;
    // A part is written at its first location; the alternatives are for reading.
    for part in envelope
        .parts
        .iter()
        .filter(|part| part.rank == 0 && part.group == group)
    {
        let value = match part.role {
            Role::Code => error.code.map(|code| Node::Text(code.into())),
            Role::Message => error
                .message
                .filter(|_| !matches!(items_at, Some((_, path)) if path == part.path))
                .map(|message| Node::Text(message.into())),
            Role::Status => Some(status_node(encoding.status, error.status)),
            Role::Field(index) => error
                .fields
                .get(index)
                .copied()
                .flatten()
                .map(|value| Node::Text(value.into())),
            Role::Items => items_at.map(|(batch, _)| items_node(batch, error.items)),
            // Sent back as the response's `Retry-After` by `to_http`.
            // The position is where the error is written.
            Role::RetryAfter | Role::Inner | Role::Nested(_) | Role::Key(_) | Role::Index(_) => {
                None
            }
        };
        if let Some(value) = value {
            put(&mut node, part.path, value);
        }
    }
    node
}

pub(super) fn status_node(format: StatusFormat, status: u16) -> Node<'static> {
    match (format, status_name(status)) {
        (StatusFormat::Text, _) => Node::Text(status.to_string().into()),
        (StatusFormat::Name, Some(name)) => Node::Text(name.into()),
        (StatusFormat::Number | StatusFormat::Name, _) => Node::Number(status.into()),
    }
}

/// Item results as the reader reads them back: `{"id": 8, "message": ""}` for a success or
/// an item without an id (`false` for a failure), `{"13": false, "message": "..."}` for a
/// failure with an id (the id as the key).
pub(super) fn items_node<'a>(batch: Batch<'a>, items: &'a BatchItems) -> Node<'a> {
    Node::Array(
        items
            .iter()
            .map(|item| {
                let id_key: Cow<'a, str> = Cow::Borrowed(batch.id);
                let first = match (&item.id, item.ok) {
                    (Some(id), false) if *id != batch.id && *id != batch.message => {
                        (Cow::Borrowed(*id), Node::Bool(false))
                    }
                    (Some(id), true) => (id_key, id_node(id)),
                    (_, ok) => (id_key, Node::Bool(ok)),
                };
                Node::Object(vec![
                    first,
                    (
                        Cow::Borrowed(batch.message),
                        Node::Text(item.message.into()),
                    ),
                ])
            })
            .collect(),
    )
}

/// An id as a number when it reads back as the same text, else as a string.
fn id_node(id: &str) -> Node<'_> {
    match id.parse::<u64>() {
        Ok(number) if number.to_string() == id => Node::Number(number),
        _ => Node::Text(id.into()),
    }
}
