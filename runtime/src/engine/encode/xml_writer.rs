//! The XML document of an encoded tree, for envelopes of `format = "xml"`.

use super::tree::Node;

/// An XML document of `root`'s elements: each object member an element, each array
/// element one more element of its member's name, text escaped.
pub(super) fn write_xml(root: &Node<'_>, out: &mut Vec<u8>) {
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
