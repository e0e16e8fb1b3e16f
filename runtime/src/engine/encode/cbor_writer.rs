//! CBOR of an encoded tree (RFC 8949 preferred serialization: definite lengths, the shortest
//! heads), keys in the order they were placed.

use ciborium_ll::{simple, Encoder, Header};

use super::tree::Node;

pub(super) fn write_cbor(node: &Node<'_>, out: &mut Vec<u8>) {
    // Writing into a Vec cannot fail.
    let _ = write(node, &mut Encoder::from(out));
}

fn write(node: &Node<'_>, encoder: &mut Encoder<&mut Vec<u8>>) -> std::io::Result<()> {
    match node {
        Node::Absent => encoder.push(Header::Simple(simple::NULL)),
        Node::Bool(flag) => encoder.push(Header::Simple(if *flag {
            simple::TRUE
        } else {
            simple::FALSE
        })),
        Node::Number(number) => encoder.push(Header::Positive(*number)),
        Node::Integer(number) => encoder.push(match u64::try_from(*number) {
            Ok(number) => Header::Positive(number),
            // A negative `n` is sent as -1 - n, its bitwise complement.
            Err(_) => Header::Negative((!*number).unsigned_abs()),
        }),
        Node::Text(text) => encoder.text(text, None),
        Node::Array(elements) => {
            encoder.push(Header::Array(Some(elements.len())))?;
            elements
                .iter()
                .try_for_each(|element| write(element, encoder))
        }
        Node::Object(entries) => {
            let present = || {
                entries
                    .iter()
                    .filter(|(_, value)| !matches!(value, Node::Absent))
            };
            encoder.push(Header::Map(Some(present().count())))?;
            present().try_for_each(|(key, value)| {
                encoder.text(key, None)?;
                write(value, encoder)
            })
        }
    }
}
