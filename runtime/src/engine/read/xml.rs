//! The walk of an XML body (`format = "xml"`): S3's `<Error><Code>NoSuchKey</Code>...`, SOAP
//! faults. One streaming pass with quick-xml over the element names: a stack of the open
//! elements' local names (namespace prefixes ignored), the text of the elements the parts name
//! collected while they are open, and nothing else kept. Elements deeper than any part
//! reaches are counted, not kept, so depth costs neither memory nor errors; a malformed body
//! stops the walk, keeping the errors it completed. UTF-16 documents are read as XML 1.0
//! requires.

use std::borrow::Cow;

use quick_xml::events::{BytesRef, Event};
use quick_xml::Reader;

use super::store::{set_field, store};
use super::values::ScalarKind;
use super::{Capture, Ranks, Sink};
use crate::engine::envelope::{item_failed, Envelope, RawError, Role, Shape};
use crate::engine::lookup::CodeTable;
use crate::BatchItems;

/// The text of an XML document: UTF-16 decoded where its byte order mark or its first `<`
/// says so (as XML 1.0's Appendix F detects it; readers must accept UTF-16), else UTF-8,
/// borrowed where valid; each run of what cannot be read one U+FFFD, so that a body of
/// bad bytes costs no more than itself. Without a byte order mark and surrounding whitespace.
pub(super) fn document_text(body: &[u8]) -> Cow<'_, str> {
    let (units, big_endian) = match body {
        [0xFE, 0xFF, rest @ ..] => (rest, true),
        [0xFF, 0xFE, rest @ ..] => (rest, false),
        [0, b'<', ..] => (body, true),
        [b'<', 0, ..] => (body, false),
        _ => {
            return match lossy(body) {
                Cow::Borrowed(text) => Cow::Borrowed(trim_document(text)),
                Cow::Owned(text) => Cow::Owned(owned_document(text)),
            }
        }
    };
    let units = units.chunks(2).map(|pair| match *pair {
        [first, second] if big_endian => u16::from_be_bytes([first, second]),
        [first, second] => u16::from_le_bytes([first, second]),
        // An odd last byte is no unit: read as a lone surrogate is.
        _ => 0xDC00,
    });
    let mut text = String::with_capacity(body.len());
    for decoded in char::decode_utf16(units) {
        let c = decoded.unwrap_or(char::REPLACEMENT_CHARACTER);
        if c != char::REPLACEMENT_CHARACTER || !text.ends_with(c) {
            text.push(c);
        }
    }
    Cow::Owned(owned_document(text))
}

/// [`trim_document`], in place.
fn owned_document(mut text: String) -> String {
    if text.starts_with('\u{FEFF}') {
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    trimmed(text)
}

/// `text` without a byte order mark and surrounding whitespace.
fn trim_document(text: &str) -> &str {
    text.strip_prefix('\u{FEFF}').unwrap_or(text).trim_ascii()
}

/// `body` as UTF-8, each run of invalid bytes one U+FFFD: borrowed where it is valid.
fn lossy(body: &[u8]) -> Cow<'_, str> {
    let mut chunks = body.utf8_chunks();
    match chunks.next() {
        None => return Cow::Borrowed(""),
        Some(chunk) if chunk.invalid().is_empty() => return Cow::Borrowed(chunk.valid()),
        Some(_) => {}
    }
    let mut text = String::with_capacity(body.len());
    for chunk in body.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() && !text.ends_with(char::REPLACEMENT_CHARACTER) {
            text.push(char::REPLACEMENT_CHARACTER);
        }
    }
    Cow::Owned(text)
}

/// Walks an XML `body` along the envelope of `shape`, handing each error read to `sink`.
pub(super) fn walk_xml<S: Shape, const F: usize>(
    shape: S,
    codes: &CodeTable<'_>,
    body: &[u8],
    sink: &mut dyn Sink<F>,
) {
    let envelope = shape.envelope();
    let text = document_text(body);
    if !text.starts_with('<') {
        return;
    }
    let mut reader = Reader::from_str(&text);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_dangling_amp = true;
    let mut walk = Walk::<F> {
        envelope,
        codes,
        open: Vec::new(),
        beyond: 0,
        deepest: envelope.at.len().max(1)
            + envelope
                .parts
                .iter()
                .filter(|part| part.group == 0)
                .map(|part| part.path.len())
                .max()
                .unwrap_or(0),
        error: None,
        collecting: None,
        started: 0,
    };
    loop {
        let event = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => return,
            Ok(event) => event,
        };
        let going_on = match event {
            Event::Start(start) => walk.start(start.local_name().as_ref()),
            Event::Empty(start) => walk.start(start.local_name().as_ref()) && walk.end(sink),
            Event::End(_) => walk.end(sink),
            Event::Text(text) => {
                walk.text(&text.xml10_content());
                true
            }
            Event::CData(data) => {
                walk.text(&data.xml10_content());
                true
            }
            Event::GeneralRef(reference) => {
                walk.text(&resolve(&reference));
                true
            }
            _ => true,
        };
        if !going_on {
            return;
        }
    }
}

/// The text of the element at `at` (element names from the root element's), all the text
/// inside it, trimmed, as a part's: the request id of awsQuery's `<ErrorResponse>`. `None`
/// where there is no such element or its text is blank.
pub(super) fn text_at(at: &[&str], body: &[u8]) -> Option<String> {
    if at.is_empty() {
        return None;
    }
    let text = document_text(body);
    let mut reader = Reader::from_str(&text);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_dangling_amp = true;
    // How many elements are open, and how many of them, from the root, are `at`'s.
    let mut depth = 0usize;
    let mut matched = 0usize;
    let mut collected: Option<String> = None;
    loop {
        let event = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => return None,
            Ok(event) => event,
        };
        match event {
            Event::Start(start) => {
                if depth == matched
                    && collected.is_none()
                    && at.get(matched).copied() == Some(start.local_name().into_inner())
                {
                    matched += 1;
                    if matched == at.len() {
                        collected = Some(String::new());
                    }
                }
                depth += 1;
            }
            Event::End(_) => {
                if depth == matched {
                    if let Some(text) = collected.take() {
                        let text = trimmed(text);
                        return (!text.is_empty()).then_some(text);
                    }
                    matched = matched.saturating_sub(1);
                }
                depth = depth.saturating_sub(1);
            }
            Event::Text(text) => {
                if let Some(collected) = &mut collected {
                    collected.push_str(&text.xml10_content());
                }
            }
            Event::CData(data) => {
                if let Some(collected) = &mut collected {
                    collected.push_str(&data.xml10_content());
                }
            }
            Event::GeneralRef(reference) => {
                if let Some(collected) = &mut collected {
                    collected.push_str(&resolve(&reference));
                }
            }
            _ => {}
        }
    }
}

/// The text an entity or character reference stands for: the character, one of XML's five
/// entities, or the reference as written.
fn resolve(reference: &BytesRef<'_>) -> String {
    if let Ok(Some(character)) = reference.resolve_char_ref() {
        return character.to_string();
    }
    let name = reference.xml10_content();
    match quick_xml::escape::resolve_predefined_entity(&name) {
        Some(text) => text.to_owned(),
        None => format!("&{name};"),
    }
}

/// `text` without leading and trailing whitespace, trimmed in place.
fn trimmed(mut text: String) -> String {
    let end = text.trim_end().len();
    text.truncate(end);
    let start = text.len() - text.trim_start().len();
    text.drain(..start);
    text
}

struct Walk<'e, const F: usize> {
    envelope: &'e Envelope<'e>,
    /// The spec's codes, for a documented code winning over a more specific one.
    codes: &'e CodeTable<'e>,
    /// The local names of the open elements, outermost first, as deep as a part of the
    /// envelope reaches ([`Walk::deepest`]).
    open: Vec<String>,
    /// How many elements are open below those: no part reaches them, so their names are not
    /// kept, and depth costs no memory (nor is it bounded: the walk keeps no stack of its own).
    beyond: usize,
    /// How deep a part of the envelope reaches: the error's depth and its deepest part's.
    deepest: usize,
    /// The error being read and how many elements were open when it started.
    error: Option<(Capture<'static, F>, usize)>,
    /// The text being collected for the parts that end at the open element, and the depth
    /// at which it ends.
    collecting: Option<(String, usize)>,
    /// How many error elements were started: the position of the next (`index`).
    started: usize,
}

impl<const F: usize> Walk<'_, F> {
    /// An element opens (`name`: its local name, without a namespace prefix). `false`: too
    /// deep, the walk stops.
    fn start(&mut self, name: &str) -> bool {
        if self.beyond > 0 || self.open.len() >= self.deepest {
            self.beyond += 1;
            return true;
        }
        self.open.push(name.to_owned());
        let at = self.envelope.at;
        if self.error.is_none() {
            // The error is the element at `at`, or the root element when `at` is empty.
            let depth = self.open.len();
            let starts = if at.is_empty() {
                depth == 1
            } else {
                depth == at.len() && self.open.iter().zip(at).all(|(open, token)| open == token)
            };
            if starts {
                let capture = Capture {
                    raw: RawError::empty(),
                    ranks: Ranks::new(),
                    bare_items: BatchItems::new(),
                    bare_possible: false,
                    inner: None,
                    replaced: false,
                };
                // The parts are read below the error element: the root when `at` is empty.
                self.error = Some((capture, at.len().max(1)));
                self.started += 1;
            }
        }
        if let (Some((_, base)), None) = (&self.error, &self.collecting) {
            let relative = &self.open[*base..];
            if self.parts_ending(relative).next().is_some() {
                self.collecting = Some((String::new(), self.open.len()));
            }
        }
        true
    }

    /// The roles (and ranks) of the parts whose path is `relative`.
    fn parts_ending<'r>(&'r self, relative: &'r [String]) -> impl Iterator<Item = (Role, u8)> + 'r {
        self.envelope
            .parts
            .iter()
            .filter(move |part| {
                part.group == 0
                    && part.role.holds_scalar()
                    && part.path.len() == relative.len()
                    && part
                        .path
                        .iter()
                        .zip(relative)
                        .all(|(token, open)| token == open)
            })
            .map(|part| (part.role, part.rank))
    }

    /// Keeps the error's position among the elements at `errors` in its `index` field, where
    /// the envelope has one.
    fn keep_position(&self, capture: &mut Capture<'_, F>) {
        let slot = self.envelope.parts.iter().find_map(|part| match part.role {
            Role::Index(field) if part.group == 0 => Some((field, part.rank)),
            _ => None,
        });
        if let Some((field, rank)) = slot {
            let Capture { raw, ranks, .. } = capture;
            let position = self.started.saturating_sub(1);
            set_field(raw, ranks, field, rank, position.to_string());
        }
    }

    fn text(&mut self, text: &str) {
        if let Some((collected, _)) = &mut self.collecting {
            collected.push_str(text);
        }
    }

    /// An element closes: what was collected for it is stored, and an error that ends is
    /// handed to `sink`. `false` once the one error of a single-error envelope was read.
    fn end(&mut self, sink: &mut dyn Sink<F>) -> bool {
        if self.beyond > 0 {
            self.beyond -= 1;
            return true;
        }
        let depth = self.open.len();
        if let Some((collected, _)) = self.collecting.take_if(|(_, at)| *at == depth) {
            let base = self.error.as_ref().map_or(0, |(_, base)| *base);
            let roles: Vec<(Role, u8)> = self.parts_ending(&self.open[base..]).collect();
            if let Some((capture, _)) = &mut self.error {
                let Capture { raw, ranks, .. } = capture;
                store(
                    self.envelope,
                    self.codes,
                    roles.into_iter(),
                    raw,
                    ranks,
                    Cow::Owned(trimmed(collected)),
                    ScalarKind::Str,
                );
            }
        }
        self.open.pop();
        let ends = matches!(&self.error, Some((_, base)) if self.open.len() < *base);
        if ends {
            if let Some((mut capture, _)) = self.error.take() {
                let kept = if self.envelope.results {
                    item_failed(&capture.raw, false)
                } else {
                    capture.raw.has_content()
                };
                if kept {
                    self.keep_position(&mut capture);
                    sink.push(capture.raw);
                }
            }
            return self.envelope.many;
        }
        true
    }
}
