//! Writing errors in a vendor's wire format, as an [`Envelope`] describes it: the inverse of
//! [`crate::engine::read`], for servers and mocks.
//!
//! Each part of an error is written at its pointer, creating the objects and arrays on the
//! way (a numeric token makes an array, as in the positional `["CODE", "message"]`). When two
//! parts share a location, the first written wins, except that batch items take the place of
//! the message they share it with. The output is compact JSON with keys in envelope order, or
//! an XML document of the same elements for an XML envelope.

use std::borrow::Cow;

use crate::engine::envelope::{Batch, BodyFormat, Envelope, ErrorIf, Mark, Role};
use crate::engine::resolve;
use crate::engine::spec::{Spec, View};
use crate::BatchItems;
use errspec_vocab::pointer::selector;
use errspec_vocab::status::status_name;
pub use errspec_vocab::StatusFormat;

/// What a server writes besides the envelope's locations.
#[derive(Debug, Clone, Copy)]
pub struct Encoding<'a> {
    /// Where each part goes.
    pub envelope: &'a Envelope<'a>,
    /// How a status inside an error is written.
    pub status: StatusFormat,
}

/// One error as the encoder writes it; `F` is the number of extra fields.
#[derive(Debug, Clone)]
pub struct Wire<'a, const F: usize> {
    /// The wire code, if any.
    pub code: Option<&'a str>,
    /// The message, if any.
    pub message: Option<&'a str>,
    /// The status written inside the error, where the envelope has a place for one.
    pub status: u16,
    /// The extra fields, by index.
    pub fields: [Option<&'a str>; F],
    /// Batch item results.
    pub items: &'a BatchItems,
    /// Whether the vendor sends this error with an empty body.
    pub empty: bool,
}

/// The body `spec`'s API sends for a response with status `status` holding the errors seen
/// through `views`: what generated `encode_errors` and the interpreter write.
#[must_use]
pub fn encode_views<const F: usize, const P: usize>(
    spec: &Spec<'_>,
    status: u16,
    views: &[View<'_, F, P>],
) -> Vec<u8> {
    let wires: Vec<Wire<'_, F>> = views
        .iter()
        .map(|view| Wire {
            code: resolve::code(spec, view),
            message: Some(view.message),
            status: view.status,
            fields: view.fields,
            items: view.items,
            empty: resolve::entry(spec, view.entry).is_some_and(|entry| entry.empty_body),
        })
        .collect();
    let encoding = Encoding {
        envelope: &spec.envelope,
        status: spec.status_format,
    };
    encode(&encoding, status, &wires)
}

/// The body for a response with status `status` holding `errors`. An envelope of one error
/// holds the first only, unless a `multiple` wrapper or nested groups hold the others; an
/// error the vendor sends without a body makes the body empty when it is the only one written.
/// An error mark (`error_if`) is written where the envelope has one; XML envelopes are
/// written as XML.
#[must_use]
pub fn encode<'a, const F: usize>(
    encoding: &Encoding<'a>,
    status: u16,
    errors: &[Wire<'a, F>],
) -> Vec<u8> {
    let envelope = encoding.envelope;
    let mut root = Node::Absent;
    let sent = || errors.iter().filter(|error| !error.empty);
    if envelope.parts.iter().any(|part| part.group != 0) {
        let error = nested_node(encoding, errors);
        if matches!(error, Node::Absent) {
            return Vec::new();
        }
        let error = if envelope.many {
            Node::Array(vec![error])
        } else {
            error
        };
        put(&mut root, envelope.at, error);
    } else if envelope.many {
        let list: Vec<Node<'_>> = sent().map(|error| error_node(encoding, error)).collect();
        if list.is_empty() {
            return Vec::new();
        }
        put(&mut root, envelope.at, Node::Array(list));
    } else {
        let wrapper = envelope.multiple.filter(|_| errors.len() > 1);
        match (errors.first(), wrapper) {
            (None, _) => return Vec::new(),
            (Some(only), None) => {
                if only.empty {
                    return Vec::new();
                }
                if let Some(bare) = bare_items(envelope, only) {
                    return bare;
                }
                put(&mut root, envelope.at, error_node(encoding, only));
            }
            (Some(_), Some(code)) => {
                let inner: Vec<Node<'_>> =
                    sent().map(|error| error_node(encoding, error)).collect();
                if inner.is_empty() {
                    return Vec::new();
                }
                let mut wrapper = Node::Absent;
                for part in envelope.parts {
                    match part.role {
                        Role::Code => put(&mut wrapper, part.path, Node::Text(code.into())),
                        Role::Status => put(
                            &mut wrapper,
                            part.path,
                            status_node(encoding.status, status),
                        ),
                        _ => {}
                    }
                }
                if let Some(part) = envelope.parts.iter().find(|part| part.role == Role::Inner) {
                    put(&mut wrapper, part.path, Node::Array(inner));
                }
                put(&mut root, envelope.at, wrapper);
            }
        }
    }
    if let Some(ErrorIf { at, is: Some(mark) }) = envelope.error_if {
        // What marks the body as an error when it is sent with a success status.
        let mark = match mark {
            Mark::Bool(flag) => Node::Bool(flag),
            Mark::Text(text) => Node::Text(text.into()),
            Mark::Integer(number) => Node::Integer(number),
        };
        put(&mut root, at, mark);
    }
    let mut out = Vec::new();
    if envelope.format == BodyFormat::Xml {
        write_xml(&root, &mut out);
        return out;
    }
    if matches!(root, Node::Absent) {
        return b"{}".to_vec();
    }
    write(&root, &mut out);
    out
}

/// An XML document of `root`'s elements: each object member an element, each array
/// element one more element of its member's name, text escaped.
fn write_xml(root: &Node<'_>, out: &mut Vec<u8>) {
    fn element(name: &str, node: &Node<'_>, out: &mut Vec<u8>) {
        let open = |out: &mut Vec<u8>| {
            out.push(b'<');
            out.extend_from_slice(name.as_bytes());
            out.push(b'>');
        };
        let close = |out: &mut Vec<u8>| {
            out.extend_from_slice(b"</");
            out.extend_from_slice(name.as_bytes());
            out.push(b'>');
        };
        match node {
            Node::Absent => {}
            Node::Array(elements) => {
                for element_node in elements {
                    element(name, element_node, out);
                }
            }
            Node::Object(children) => {
                open(out);
                for (child, node) in children {
                    element(child, node, out);
                }
                close(out);
            }
            Node::Text(text) => {
                open(out);
                out.extend_from_slice(quick_xml::escape::escape(text.as_ref()).as_bytes());
                close(out);
            }
            Node::Bool(flag) => {
                open(out);
                out.extend_from_slice(if *flag { b"true" } else { b"false" });
                close(out);
            }
            Node::Number(number) => {
                open(out);
                out.extend_from_slice(number.to_string().as_bytes());
                close(out);
            }
            Node::Integer(number) => {
                open(out);
                out.extend_from_slice(number.to_string().as_bytes());
                close(out);
            }
        }
    }
    let Node::Object(elements) = root else {
        return;
    };
    out.extend_from_slice(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    for (name, node) in elements {
        element(name, node, out);
    }
}

/// A body of nothing but batch items, for an error without a code where the spec accepts one.
fn bare_items<'a, const F: usize>(envelope: &Envelope<'a>, error: &Wire<'a, F>) -> Option<Vec<u8>> {
    let batch = envelope.batch.filter(|batch| batch.bare)?;
    if !envelope.at.is_empty() || error.code.is_some() || error.items.is_empty() {
        return None;
    }
    let mut out = Vec::new();
    write(&items_node(batch, error.items), &mut out);
    Some(out)
}

/// One error holding the others in its nested groups: the first is the error itself when the
/// error's own parts can hold its code and message, each other goes to a group that can
/// (one sent under a key to the group of keyed errors).
fn nested_node<'a, const F: usize>(encoding: &Encoding<'a>, errors: &[Wire<'a, F>]) -> Node<'a> {
    let envelope = encoding.envelope;
    let mut errors = errors.iter().filter(|error| !error.empty).peekable();
    let mut node = match errors.next_if(|first| holds(envelope, 0, first)) {
        Some(first) => group_node(encoding, first, 0),
        None => Node::Absent,
    };
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

/// Whether the parts of `group` can hold the code and the message of `error`.
fn holds<const F: usize>(envelope: &Envelope<'_>, group: u8, error: &Wire<'_, F>) -> bool {
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
    let mut groups: Vec<u8> = envelope
        .parts
        .iter()
        .filter_map(|part| match part.role {
            Role::Nested(group) => Some(group),
            _ => None,
        })
        .collect();
    groups.dedup();
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

fn error_node<'a, const F: usize>(encoding: &Encoding<'a>, error: &Wire<'a, F>) -> Node<'a> {
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
            Role::Inner | Role::Nested(_) | Role::Key(_) => None,
        };
        if let Some(value) = value {
            put(&mut node, part.path, value);
        }
    }
    node
}

fn status_node(format: StatusFormat, status: u16) -> Node<'static> {
    match (format, status_name(status)) {
        (StatusFormat::Text, _) => Node::Text(status.to_string().into()),
        (StatusFormat::Name, Some(name)) => Node::Text(name.into()),
        (StatusFormat::Number | StatusFormat::Name, _) => Node::Number(status.into()),
    }
}

/// Item results as the reader reads them back: `{"id": 8, "message": ""}` for a success or
/// an item without an id (`false` for a failure), `{"13": false, "message": "..."}` for a
/// failure with an id (the id as the key).
fn items_node<'a>(batch: Batch<'a>, items: &'a BatchItems) -> Node<'a> {
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

/// A JSON value being built. `Absent` is a place nothing was written to.
#[derive(Debug)]
enum Node<'a> {
    Absent,
    Bool(bool),
    Number(u64),
    Integer(i64),
    Text(Cow<'a, str>),
    Array(Vec<Node<'a>>),
    Object(Vec<(Cow<'a, str>, Node<'a>)>),
}

/// The largest array index a pointer may create: far above any envelope's, low enough that a
/// mistaken pointer cannot make a huge body.
const MAX_INDEX: usize = 1024;

/// Writes `value` at `path` under `node`, unless something is there already or the way is
/// blocked by a value of another shape.
fn put<'a>(node: &mut Node<'a>, path: &[&'a str], value: Node<'a>) {
    if let Some(slot) = slot(node, path) {
        if matches!(slot, Node::Absent) {
            *slot = value;
        }
    }
}

fn slot<'n, 'a>(node: &'n mut Node<'a>, path: &[&'a str]) -> Option<&'n mut Node<'a>> {
    let Some((token, rest)) = path.split_first() else {
        return Some(node);
    };
    if let Some((member, value)) = selector(token) {
        // The element whose member has the value, added if none has.
        if matches!(node, Node::Absent) {
            *node = Node::Array(Vec::new());
        }
        let Node::Array(elements) = node else {
            return None;
        };
        let chosen = |element: &Node<'_>| {
            matches!(element, Node::Object(members) if members
                .iter()
                .any(|(key, held)| key == member && matches!(held, Node::Text(text) if text == value)))
        };
        let position = match elements.iter().position(chosen) {
            Some(position) => position,
            None => {
                elements.push(Node::Object(vec![(
                    Cow::Borrowed(member),
                    Node::Text(Cow::Borrowed(value)),
                )]));
                elements.len() - 1
            }
        };
        return slot(&mut elements[position], rest);
    }
    if matches!(node, Node::Absent) {
        *node = if index(token).is_some() {
            Node::Array(Vec::new())
        } else {
            Node::Object(Vec::new())
        };
    }
    match node {
        Node::Object(entries) => {
            let position = match entries.iter().position(|(key, _)| key == token) {
                Some(position) => position,
                None => {
                    entries.push((Cow::Borrowed(*token), Node::Absent));
                    entries.len() - 1
                }
            };
            slot(&mut entries[position].1, rest)
        }
        Node::Array(elements) => {
            let index = index(token)?;
            if elements.len() <= index {
                elements.resize_with(index + 1, || Node::Absent);
            }
            slot(&mut elements[index], rest)
        }
        _ => None,
    }
}

/// The array index a JSON pointer token names (`"0"`, never `"00"`), up to [`MAX_INDEX`].
fn index(token: &str) -> Option<usize> {
    if token.is_empty() || (token.len() > 1 && token.starts_with('0')) {
        return None;
    }
    if !token.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    token.parse().ok().filter(|index| *index <= MAX_INDEX)
}

fn write(node: &Node<'_>, out: &mut Vec<u8>) {
    match node {
        Node::Absent => out.extend_from_slice(b"null"),
        Node::Bool(flag) => out.extend_from_slice(if *flag { b"true" } else { b"false" }),
        Node::Number(number) => out.extend_from_slice(number.to_string().as_bytes()),
        Node::Integer(number) => out.extend_from_slice(number.to_string().as_bytes()),
        Node::Text(text) => write_string(text, out),
        Node::Array(elements) => {
            out.push(b'[');
            for (position, element) in elements.iter().enumerate() {
                if position > 0 {
                    out.push(b',');
                }
                write(element, out);
            }
            out.push(b']');
        }
        Node::Object(entries) => {
            out.push(b'{');
            let mut first = true;
            for (key, value) in entries {
                if matches!(value, Node::Absent) {
                    continue;
                }
                if !first {
                    out.push(b',');
                }
                first = false;
                write_string(key, out);
                out.push(b':');
                write(value, out);
            }
            out.push(b'}');
        }
    }
}

fn write_string(text: &str, out: &mut Vec<u8>) {
    // Writing a string into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, text);
}

#[cfg(test)]
mod tests {
    use super::{encode, Encoding, StatusFormat, Wire};
    use crate::engine::envelope::fixtures::{NESTED, POSITIONAL};
    use crate::engine::envelope::{BodyFormat, Envelope, Part, Role};
    use crate::{BatchItem, BatchItems};

    fn wire<'a, const F: usize>(
        code: Option<&'a str>,
        message: &'a str,
        status: u16,
    ) -> Wire<'a, F> {
        Wire {
            code,
            message: Some(message),
            status,
            fields: [None; F],
            items: &crate::batch::NO_ITEMS,
            empty: false,
        }
    }

    fn text(body: Vec<u8>) -> String {
        String::from_utf8(body).unwrap()
    }

    #[test]
    fn a_nested_error_and_a_multiple_wrapper() {
        let encoding = Encoding {
            envelope: &NESTED,
            status: StatusFormat::Number,
        };
        let mut one = wire::<1>(Some("mvnoAccount"), "MVNO \"account\" not found", 404);
        one.fields[0] = Some("mvnoAccount");
        assert_eq!(
            text(encode(&encoding, 404, &[one.clone()])),
            r#"{"error":{"code":"mvnoAccount","message":"MVNO \"account\" not found","status":404,"path":"mvnoAccount"}}"#
        );
        let two = wire::<1>(Some("address.street"), "Invalid street", 422);
        assert_eq!(
            text(encode(&encoding, 422, &[one, two])),
            r#"{"error":{"code":"multiple","status":422,"inner":[{"code":"mvnoAccount","message":"MVNO \"account\" not found","status":404,"path":"mvnoAccount"},{"code":"address.street","message":"Invalid street","status":422}]}}"#
        );
    }

    #[test]
    fn statuses_as_names_and_text() {
        let envelope = Envelope {
            format: BodyFormat::Json,
            at: &[],
            parts: &NESTED.parts[..3],
            ..NESTED
        };
        let name = Encoding {
            envelope: &envelope,
            status: StatusFormat::Name,
        };
        let body = encode(&name, 400, &[wire::<0>(Some("X"), "m", 400)]);
        assert_eq!(
            text(body),
            r#"{"code":"X","message":"m","status":"BAD_REQUEST"}"#
        );
        let body = encode(&name, 418, &[wire::<0>(Some("X"), "m", 418)]);
        assert_eq!(
            text(body),
            r#"{"code":"X","message":"m","status":"IM_A_TEAPOT"}"#
        );
        let body = encode(&name, 599, &[wire::<0>(Some("X"), "m", 599)]);
        assert_eq!(text(body), r#"{"code":"X","message":"m","status":599}"#);
        let digits = Encoding {
            status: StatusFormat::Text,
            ..name
        };
        let body = encode(&digits, 404, &[wire::<0>(Some("X"), "m", 404)]);
        assert_eq!(text(body), r#"{"code":"X","message":"m","status":"404"}"#);
    }

    #[test]
    fn positional_errors_items_and_bare_batches() {
        let encoding = Encoding {
            envelope: &POSITIONAL,
            status: StatusFormat::Number,
        };
        let plain = wire::<0>(Some("ERROR_SQL"), "SQL error", 500);
        assert_eq!(
            text(encode(&encoding, 500, &[plain])),
            r#"["ERROR_SQL","SQL error"]"#
        );
        let items = [
            BatchItem {
                id: Some("8"),
                ok: true,
                message: "",
            },
            BatchItem {
                id: None,
                ok: false,
                message: "No right",
            },
            BatchItem {
                id: Some("13"),
                ok: false,
                message: "Item not found",
            },
            BatchItem {
                id: Some("a-1"),
                ok: true,
                message: "",
            },
            BatchItem {
                id: Some("id"),
                ok: false,
                message: "",
            },
        ];
        let items: BatchItems = items.into_iter().collect();
        let batch = Wire {
            items: &items,
            ..wire::<0>(
                Some("ERROR_GLPI_PARTIAL_ADD"),
                "ignored: the items hold its place",
                207,
            )
        };
        assert_eq!(
            text(encode(&encoding, 207, &[batch])),
            r#"["ERROR_GLPI_PARTIAL_ADD",[{"id":8,"message":""},{"id":false,"message":"No right"},{"13":false,"message":"Item not found"},{"id":"a-1","message":""},{"id":false,"message":""}]]"#
        );
        let first: BatchItems = items.iter().take(1).collect();
        let bare = Wire {
            items: &first,
            ..wire::<0>(None, "Partial failure", 207)
        };
        assert_eq!(
            text(encode(&encoding, 207, &[bare])),
            r#"[{"id":8,"message":""}]"#
        );
        let no_code = wire::<0>(None, "Bad Request", 400);
        assert_eq!(
            text(encode(&encoding, 400, &[no_code])),
            r#"[null,"Bad Request"]"#
        );
    }

    #[test]
    fn an_array_of_errors_and_empty_bodies() {
        let envelope = Envelope {
            format: BodyFormat::Json,
            at: &["errors"],
            many: true,
            code_before: None,
            code_after: None,
            parts: &NESTED.parts[..2],
            multiple: None,
            batch: None,
            error_if: None,
        };
        let encoding = Encoding {
            envelope: &envelope,
            status: StatusFormat::Number,
        };
        let errors = [
            wire::<0>(Some("taken"), "has already been taken", 400),
            wire::<0>(Some("blank"), "can't be blank", 400),
        ];
        assert_eq!(
            text(encode(&encoding, 400, &errors)),
            r#"{"errors":[{"code":"taken","message":"has already been taken"},{"code":"blank","message":"can't be blank"}]}"#
        );
        let empty = Wire {
            empty: true,
            ..wire::<0>(None, "Not found", 404)
        };
        assert_eq!(encode(&encoding, 404, core::slice::from_ref(&empty)), b"");
        let single = Encoding {
            envelope: &POSITIONAL,
            status: StatusFormat::Number,
        };
        assert_eq!(encode(&single, 404, &[empty]), b"");
        assert_eq!(encode::<0>(&single, 404, &[]), b"");
    }

    #[test]
    fn blocked_and_shared_locations_never_panic() {
        let envelope = Envelope {
            format: BodyFormat::Json,
            at: &["e"],
            many: false,
            code_before: None,
            code_after: None,
            parts: &[
                Part {
                    path: &["m"],
                    role: Role::Message,
                    rank: 0,
                    group: 0,
                },
                Part {
                    path: &["m", "deeper"],
                    role: Role::Field(0),
                    rank: 0,
                    group: 0,
                },
                Part {
                    path: &["m"],
                    role: Role::Field(1),
                    rank: 0,
                    group: 0,
                },
                Part {
                    path: &["99999999999"],
                    role: Role::Code,
                    rank: 0,
                    group: 0,
                },
            ],
            multiple: None,
            batch: None,
            error_if: None,
        };
        let encoding = Encoding {
            envelope: &envelope,
            status: StatusFormat::Number,
        };
        let mut error = wire::<2>(Some("c"), "first", 400);
        error.fields = [Some("blocked"), Some("taken")];
        assert_eq!(
            text(encode(&encoding, 400, &[error])),
            r#"{"e":{"m":"first","99999999999":"c"}}"#
        );
    }
}
