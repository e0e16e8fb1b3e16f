//! Writing errors in a vendor's wire format, as an [`Envelope`] describes it: the inverse of
//! [`crate::engine::read`], for servers and mocks.
//!
//! Each part of an error is written at its pointer, creating the objects and arrays on the
//! way (a numeric token makes an array, as in the positional `["CODE", "message"]`). When two
//! parts share a location, the first written wins, except that batch items take the place of
//! the message they share it with. The output is compact JSON with keys in envelope order, or
//! an XML document of the same elements for an XML envelope.
//!
//! Here, the errors of a response placed in the envelope; `place`, where each error's parts
//! and others go; `tree`, the body being built; `json_writer` and `xml_writer`, its bytes.

#[cfg(feature = "cbor")]
mod cbor_writer;
mod json_writer;
mod place;
mod tree;
#[cfg(feature = "xml")]
mod xml_writer;

use crate::engine::envelope::{BodyFormat, Envelope, ErrorIf, Mark, Role};
use crate::engine::resolve;
use crate::engine::spec::{Entry, Spec, View};
use crate::BatchItems;
#[cfg(feature = "cbor")]
use cbor_writer::write_cbor;
pub use errspec_vocab::StatusFormat;
use json_writer::write;
use place::{error_list, error_node, items_node, nested_node, status_node};
use tree::{put, Node};
#[cfg(feature = "xml")]
use xml_writer::write_xml;

/// What a server writes besides the envelope's locations.
#[derive(Debug, Clone, Copy)]
pub struct Encoding<'a> {
    /// Where each part goes.
    pub envelope: &'a Envelope<'a>,
    /// How a status inside an error is written.
    pub status: StatusFormat,
    /// The request id, written at the envelope's first `request_id` pointer.
    pub request_id: Option<&'a str>,
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
/// through `views`, and `request_id` where the body holds one: what generated
/// `encode_response` writes.
#[must_use]
pub fn encode_views<const F: usize, const P: usize>(
    spec: &Spec<'_>,
    status: u16,
    views: &[View<'_, F, P>],
    request_id: Option<&str>,
) -> Vec<u8> {
    let wires: Vec<Wire<'_, F>> = views
        .iter()
        .map(|view| {
            let entry = resolve::entry(spec, view.entry);
            Wire {
                code: resolve::code(spec, view),
                message: Some(view.message),
                status: view.status,
                fields: with_keys(entry, view.fields),
                items: view.items,
                empty: entry.is_some_and(|entry| entry.empty_body),
            }
        })
        .collect();
    let encoding = Encoding {
        envelope: &spec.envelope,
        status: spec.status_format,
        request_id,
    };
    encode(&encoding, status, &wires)
}

/// An error's fields with the values its entry's `when` keys it by, where the error holds
/// none: what decodes back to the same entry.
fn with_keys<'a, const F: usize>(
    entry: Option<&'a Entry<'a>>,
    mut fields: [Option<&'a str>; F],
) -> [Option<&'a str>; F] {
    for (field, value) in entry.map_or(&[][..], |entry| entry.when) {
        if let Some(slot @ None) = fields.get_mut(usize::from(*field)) {
            *slot = Some(value);
        }
    }
    fields
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
    // An XML error read at the root element, whatever its name, is written as `<Error>` (as
    // S3 and AWS's query protocols name theirs): its parts alone would be several roots.
    let at = match envelope.at {
        [] if envelope.format == BodyFormat::Xml => &["Error"][..],
        at => at,
    };
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
        put(&mut root, at, error);
    } else if envelope.many {
        let list = error_list(encoding, sent());
        if list.is_empty() {
            return Vec::new();
        }
        put(&mut root, at, Node::Array(list));
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
                put(&mut root, at, error_node(encoding, only));
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
                put(&mut root, at, wrapper);
            }
        }
    }
    if let (Some(id), Some(at)) = (encoding.request_id, envelope.request_id.first()) {
        put(&mut root, at, Node::Text(id.into()));
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
    // An envelope with nothing to write is an empty map (JSON, CBOR), or no document (XML).
    if matches!(root, Node::Absent) && envelope.format != BodyFormat::Xml {
        root = Node::Object(Vec::new());
    }
    write_in(envelope.format, &root, &mut out);
    out
}

/// Writes `root` in `format`.
fn write_in(format: BodyFormat, root: &Node<'_>, out: &mut Vec<u8>) {
    match format {
        BodyFormat::Json => write(root, out),
        #[cfg(feature = "xml")]
        BodyFormat::Xml => write_xml(root, out),
        #[cfg(feature = "cbor")]
        BodyFormat::Cbor => write_cbor(root, out),
        // Without its feature nothing is written in that format: only an interpreter built
        // without it holds such a spec (the macro refuses one).
        #[cfg(not(all(feature = "xml", feature = "cbor")))]
        _ => {}
    }
}

/// A body of nothing but batch items, for an error without a code where the spec accepts one.
fn bare_items<'a, const F: usize>(envelope: &Envelope<'a>, error: &Wire<'a, F>) -> Option<Vec<u8>> {
    let batch = envelope.batch.filter(|batch| batch.bare)?;
    if !envelope.at.is_empty() || error.code.is_some() || error.items.is_empty() {
        return None;
    }
    let mut out = Vec::new();
    write_in(envelope.format, &items_node(batch, error.items), &mut out);
    Some(out)
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

    #[cfg(feature = "cbor")]
    #[test]
    fn cbor_holds_what_json_holds() {
        let cbor = Envelope {
            format: BodyFormat::Cbor,
            ..NESTED
        };
        let encodings = [&NESTED, &cbor].map(|envelope| Encoding {
            envelope,
            status: StatusFormat::Number,
            request_id: None,
        });
        let mut one = wire::<1>(Some("mvnoAccount"), "MVNO \"account\" not found", 404);
        one.fields[0] = Some("mvnoAccount");
        let two = wire::<1>(Some("address.street"), "Invalid street", 422);
        for errors in [vec![one.clone()], vec![one, two]] {
            let [json, cbor] = encodings.map(|encoding| encode(&encoding, 422, &errors));
            // Definite lengths, the shortest heads: a map of one entry, `error`.
            assert_eq!(&cbor[..7], b"\xa1\x65error", "{errors:?}");
            assert_eq!(crate::engine::read::json_form(&cbor), text(json));
        }
        // Integers of either sign, booleans, and an absent value (left out of a map).
        let tree = super::tree::Node::Array(vec![
            super::tree::Node::Integer(-5),
            super::tree::Node::Integer(i64::MIN),
            super::tree::Node::Integer(7),
            super::tree::Node::Bool(true),
            super::tree::Node::Object(vec![("a".into(), super::tree::Node::Absent)]),
        ]);
        let mut out = Vec::new();
        super::cbor_writer::write_cbor(&tree, &mut out);
        assert_eq!(
            crate::engine::read::json_form(&out),
            "[-5,-9223372036854775808,7,true,{}]"
        );
    }

    #[test]
    fn a_nested_error_and_a_multiple_wrapper() {
        let encoding = Encoding {
            envelope: &NESTED,
            status: StatusFormat::Number,
            request_id: None,
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
            request_id: None,
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
            request_id: None,
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
            results: false,
            code_before: None,
            code_after: None,
            parts: &NESTED.parts[..2],
            multiple: None,
            batch: None,
            error_if: None,
            content_types: &[],
            request_id: &[],
            groups: &[],
        };
        let encoding = Encoding {
            envelope: &envelope,
            status: StatusFormat::Number,
            request_id: None,
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
            request_id: None,
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
            results: false,
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
            content_types: &[],
            request_id: &[],
            groups: &[],
        };
        let encoding = Encoding {
            envelope: &envelope,
            status: StatusFormat::Number,
            request_id: None,
        };
        let mut error = wire::<2>(Some("c"), "first", 400);
        error.fields = [Some("blocked"), Some("taken")];
        assert_eq!(
            text(encode(&encoding, 400, &[error])),
            r#"{"e":{"m":"first","99999999999":"c"}}"#
        );
    }
}
