//! Compact JSON of an encoded tree, keys in the order they were placed.

use super::tree::Node;

pub(super) fn write(node: &Node<'_>, out: &mut Vec<u8>) {
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
