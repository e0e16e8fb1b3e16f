//! The body being built: a tree of JSON-like values, each part written at its pointer.

use std::borrow::Cow;

use errspec_vocab::pointer::selector;

/// A JSON value being built. `Absent` is a place nothing was written to.
#[derive(Debug)]
pub(super) enum Node<'a> {
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
pub(super) fn put<'a>(node: &mut Node<'a>, path: &[&'a str], value: Node<'a>) {
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
