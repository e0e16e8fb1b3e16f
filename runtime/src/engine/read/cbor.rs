//! CBOR bodies (`format = "cbor"`, RFC 8949; AWS Smithy RPC v2 CBOR), read by the JSON walk:
//! a serde `Deserializer` over the body's items, decoded with `ciborium-ll`, strings borrowed
//! from the body. CBOR's data model is JSON's with more scalars, so the envelope's pointers
//! mean the same in both: map keys and array indexes.
//!
//! The walk reads the body once, as it reads JSON quickly, a float kept as JSON would write it.
//! A body it cannot finish that way (a container a field keeps whole, a byte string where a part
//! reads, a key that is not text, invalid UTF-8, an integer past 128 bits, the inner errors of a
//! wrapper, batch items, elements chosen by a selector) is read again in its JSON form
//! ([`json_form`], RFC 8949 section 6.1), by the JSON walk with its exact reading and its
//! repairs: both readings then decode alike by construction.

use std::borrow::Cow;
use std::fmt;

use base64::Engine as _;
use ciborium_ll::{simple, tag, Decoder, Header};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

/// How deep the walk reads into arrays and maps (serde_json stops at about the same depth),
/// and how many indefinite-length ones a skip may hold open. Definite-length values the walk
/// skips nest to any depth, as JSON values serde_json skips do.
const MAX_DEPTH: usize = 128;

/// Whether `body` starts with an item that can hold an error (an array, a map, or a tag
/// before one): a bare scalar, an HTML page or plain text is not read at all.
pub(super) fn holds_container(body: &[u8]) -> bool {
    // Major types 4 (array), 5 (map) and 6 (tag) occupy the first bytes 0x80..=0xdb.
    matches!(body.first(), Some(0x80..=0xdb))
}

/// Why the quick reading of a CBOR body stopped: the body is then read in its JSON form.
#[derive(Debug)]
pub(super) struct Stop(String);

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Stop(message.to_string())
    }
}

/// The items of a CBOR body, one after another.
#[derive(Clone, Copy)]
pub(super) struct Items<'de> {
    body: &'de [u8],
    at: usize,
    depth: usize,
}

impl<'de> Items<'de> {
    pub(super) fn new(body: &'de [u8]) -> Self {
        Items {
            body,
            at: 0,
            depth: 0,
        }
    }

    /// The next item's header.
    fn header(&mut self) -> Result<Header, Stop> {
        let rest = self.body.get(self.at..).unwrap_or_default();
        let mut decoder = Decoder::from(rest);
        let header = decoder
            .pull()
            .map_err(|_| Stop(format!("no CBOR item at byte {}", self.at)))?;
        self.at += decoder.offset();
        Ok(header)
    }

    /// The next item's header, left to be read again.
    fn peek(&self) -> Result<Header, Stop> {
        let mut ahead = *self;
        ahead.header()
    }

    /// The `len` bytes of a string's content.
    fn content(&mut self, len: usize) -> Result<&'de [u8], Stop> {
        let content = self
            .at
            .checked_add(len)
            .and_then(|end| self.body.get(self.at..end))
            .ok_or_else(|| Stop("a string past the body's end".to_owned()))?;
        self.at += len;
        Ok(content)
    }

    /// The bytes of a string of `len` bytes, or of its chunks up to a break (`None`), and
    /// whether they were sent as text (major type 3) rather than as bytes.
    fn string(&mut self, len: Option<usize>, text: bool) -> Result<Cow<'de, [u8]>, Stop> {
        if let Some(len) = len {
            return self.content(len).map(Cow::Borrowed);
        }
        let mut joined = Vec::new();
        loop {
            match self.header()? {
                Header::Break => return Ok(Cow::Owned(joined)),
                Header::Text(Some(len)) if text => joined.extend_from_slice(self.content(len)?),
                Header::Bytes(Some(len)) if !text => joined.extend_from_slice(self.content(len)?),
                _ => return Err(Stop("a string chunk of another kind".to_owned())),
            }
        }
    }

    /// Skips one item whole, containers and all, without recursion.
    fn skip(&mut self) -> Result<(), Stop> {
        self.skip_items(1, false)
    }

    /// Skips `owed` items, and with `to_break` the rest of an indefinite container up to its
    /// break. Definite lengths nest in one count (to any depth, as serde_json skips JSON);
    /// only indefinite containers are remembered, at most [`MAX_DEPTH`] of them open.
    fn skip_items(&mut self, owed: usize, to_break: bool) -> Result<(), Stop> {
        // The items the definite containers opened at the innermost level still hold, and
        // that count for each enclosing level while an indefinite container is open.
        let mut owed = owed;
        let mut levels: Vec<usize> = Vec::new();
        if to_break {
            levels.push(0);
        }
        while owed > 0 || !levels.is_empty() {
            let header = self.header()?;
            if let Header::Tag(_) = header {
                continue;
            }
            if let Header::Break = header {
                if owed > 0 {
                    return Err(Stop("a break inside a definite container".to_owned()));
                }
                owed = levels
                    .pop()
                    .ok_or_else(|| Stop("a break outside an indefinite container".to_owned()))?;
                continue;
            }
            // Owed items come first; with none owed, this is an element of the innermost
            // indefinite container.
            owed = owed.saturating_sub(1);
            match header {
                Header::Bytes(len) => {
                    self.string(len, false)?;
                }
                Header::Text(len) => {
                    self.string(len, true)?;
                }
                Header::Array(Some(len)) => owed = owed.saturating_add(len),
                Header::Map(Some(pairs)) => owed = owed.saturating_add(pairs.saturating_mul(2)),
                Header::Array(None) | Header::Map(None) => {
                    if levels.len() >= MAX_DEPTH {
                        return Err(Stop("nested too deep".to_owned()));
                    }
                    levels.push(owed);
                    owed = 0;
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Runs `read` one container deeper.
    fn nested<T>(&mut self, read: impl FnOnce(&mut Self) -> Result<T, Stop>) -> Result<T, Stop> {
        if self.depth >= MAX_DEPTH {
            return Err(Stop("nested too deep".to_owned()));
        }
        self.depth += 1;
        let read = read(self);
        self.depth -= 1;
        read
    }
}

impl<'de> Deserializer<'de> for &mut Items<'de> {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        loop {
            return match self.header()? {
                Header::Positive(number) => visitor.visit_u64(number),
                // Negative `n` is -1 - n.
                Header::Negative(number) => match i64::try_from(number) {
                    Ok(number) => visitor.visit_i64(-1 - number),
                    Err(_) => visitor.visit_i128(-1 - i128::from(number)),
                },
                Header::Float(number) => visitor.visit_f64(number),
                Header::Simple(simple::FALSE) => visitor.visit_bool(false),
                Header::Simple(simple::TRUE) => visitor.visit_bool(true),
                // `null`, `undefined` and the unassigned simple values are all JSON's null.
                Header::Simple(_) => visitor.visit_unit(),
                // A bignum up to 128 bits is its number; a larger one is read in the JSON form.
                Header::Tag(number @ (tag::BIGPOS | tag::BIGNEG)) => {
                    let Header::Bytes(len) = self.peek()? else {
                        continue;
                    };
                    self.header()?;
                    let magnitude = self.string(len, false)?;
                    let value = bignum(&magnitude)
                        .ok_or_else(|| Stop("an integer past 128 bits".to_owned()))?;
                    if number == tag::BIGPOS {
                        visitor.visit_u128(value)
                    } else {
                        match i128::try_from(value) {
                            Ok(value) => visitor.visit_i128(-1 - value),
                            Err(_) => Err(Stop("an integer past 128 bits".to_owned())),
                        }
                    }
                }
                // A tag says how to take the item it tags (a date, a URI): the item reads as
                // itself.
                Header::Tag(_) => continue,
                Header::Break => Err(Stop("a break outside an indefinite container".to_owned())),
                Header::Bytes(len) => match self.string(len, false)? {
                    Cow::Borrowed(bytes) => visitor.visit_borrowed_bytes(bytes),
                    Cow::Owned(bytes) => visitor.visit_byte_buf(bytes),
                },
                Header::Text(len) => match self.string(len, true)? {
                    Cow::Borrowed(bytes) => match core::str::from_utf8(bytes) {
                        Ok(text) => visitor.visit_borrowed_str(text),
                        Err(_) => Err(Stop("text that is not UTF-8".to_owned())),
                    },
                    Cow::Owned(bytes) => match String::from_utf8(bytes) {
                        Ok(text) => visitor.visit_string(text),
                        Err(_) => Err(Stop("text that is not UTF-8".to_owned())),
                    },
                },
                Header::Array(len) => self.nested(|items| {
                    let mut elements = Contents { items, left: len };
                    let value = visitor.visit_seq(&mut elements)?;
                    elements.finish()?;
                    Ok(value)
                }),
                Header::Map(len) => self.nested(|items| {
                    let mut entries = Contents {
                        items,
                        left: len.map(|pairs| pairs.saturating_mul(2)),
                    };
                    let value = visitor.visit_map(&mut entries)?;
                    entries.finish()?;
                    Ok(value)
                }),
            };
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        if matches!(
            self.peek()?,
            Header::Simple(simple::NULL | simple::UNDEFINED)
        ) {
            self.header()?;
            return visitor.visit_none();
        }
        visitor.visit_some(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        self.skip()?;
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier
    }
}

/// The elements of an array, or the keys and values of a map (`left` counts both), as
/// serde's visitors take them.
struct Contents<'a, 'de> {
    items: &'a mut Items<'de>,
    /// The items still to read, or `None` up to a break.
    left: Option<usize>,
}

impl<'de> Contents<'_, 'de> {
    /// Whether another item follows (consuming the break that ends an indefinite container).
    fn more(&mut self) -> Result<bool, Stop> {
        match &mut self.left {
            Some(0) => Ok(false),
            Some(left) => {
                *left -= 1;
                Ok(true)
            }
            None if matches!(self.items.peek()?, Header::Break) => {
                self.items.header()?;
                self.left = Some(0);
                Ok(false)
            }
            None => Ok(true),
        }
    }

    /// Skips what a visitor left unread.
    fn finish(&mut self) -> Result<(), Stop> {
        while self.more()? {
            self.items.skip()?;
        }
        Ok(())
    }
}

impl<'de> SeqAccess<'de> for Contents<'_, 'de> {
    type Error = Stop;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Stop> {
        if !self.more()? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.items).map(Some)
    }
}

impl<'de> MapAccess<'de> for Contents<'_, 'de> {
    type Error = Stop;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Stop> {
        if !self.more()? {
            return Ok(None);
        }
        // A key that is not text (an integer, as CBOR allows) is read in the JSON form, where
        // it is the text of its value.
        if !matches!(self.items.peek()?, Header::Text(_)) {
            return Err(Stop("a map key that is not text".to_owned()));
        }
        seed.deserialize(&mut *self.items).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Stop> {
        if !self.more()? {
            return Err(Stop("a map key without a value".to_owned()));
        }
        seed.deserialize(&mut *self.items)
    }
}

/// The JSON form of a CBOR body (RFC 8949, section 6.1), for the JSON walk: integers of any
/// size as numbers, floats as JSON writes them (`null` if not finite), byte strings as
/// base64url strings without padding, tags left out (a bignum is its number), `undefined`
/// and other simple values `null`, a map key that is not text the text of its value.
/// Text that is not UTF-8 is what the server meant (each bad byte a U+FFFD). A container
/// nested deeper than the walk reads is `null`. A body cut short or malformed gives the JSON
/// of what came before, cut at the same place.
pub(crate) fn json_form(body: &[u8]) -> String {
    let mut out = String::with_capacity(body.len());
    let mut items = Items::new(body);
    // The open containers: whether each is a map, and how many items it still holds
    // (`None`: up to a break), and how many it held so far.
    let mut open: Vec<Open> = Vec::new();
    while let Ok(header) = items.header() {
        if let Header::Break = header {
            match open.pop() {
                Some(container) if container.left.is_none() => {
                    if container.map && container.held % 2 == 1 {
                        out.push_str(":null");
                    }
                    out.push(if container.map { '}' } else { ']' });
                    if !counted(&mut open, &mut out) {
                        break;
                    }
                    continue;
                }
                _ => break,
            }
        }
        if let Header::Tag(number) = header {
            if matches!(number, tag::BIGPOS | tag::BIGNEG) {
                if let Ok(Header::Bytes(len)) = items.peek() {
                    items.header().ok();
                    let Ok(magnitude) = items.string(len, false) else {
                        break;
                    };
                    separate(&open, &mut out);
                    let text = big_number(&magnitude, number == tag::BIGNEG);
                    push_scalar(&mut out, &text, key_now(&open));
                    if !counted(&mut open, &mut out) {
                        break;
                    }
                }
            }
            continue;
        }
        let key = key_now(&open);
        separate(&open, &mut out);
        let container = match header {
            Header::Array(len) => Some(Open {
                map: false,
                left: len,
                held: 0,
            }),
            Header::Map(len) => Some(Open {
                map: true,
                left: len.map(|pairs| pairs.saturating_mul(2)),
                held: 0,
            }),
            _ => None,
        };
        if let Some(container) = container {
            if key {
                // A container as a map key: its place is kept, its content is not.
                if items.skip_contents(container).is_err() {
                    break;
                }
                out.push_str("\"\"");
            } else if open.len() >= MAX_DEPTH {
                // Too deep for the walk: its place is kept and its content skipped, so that
                // what follows it is still read.
                if items.skip_contents(container).is_err() {
                    break;
                }
                out.push_str("null");
            } else {
                out.push(if container.map { '{' } else { '[' });
                if container.left != Some(0) {
                    open.push(container);
                    continue;
                }
                out.push(if container.map { '}' } else { ']' });
            }
        } else {
            let scalar = match header {
                Header::Positive(number) => number.to_string(),
                Header::Negative(number) => (-1 - i128::from(number)).to_string(),
                Header::Float(number) => serde_json::to_string(&number).unwrap_or_default(),
                Header::Simple(simple::FALSE) => "false".to_owned(),
                Header::Simple(simple::TRUE) => "true".to_owned(),
                Header::Simple(_) => "null".to_owned(),
                Header::Bytes(len) => match items.string(len, false) {
                    Ok(bytes) => {
                        quoted(&base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
                    }
                    Err(_) => break,
                },
                Header::Text(len) => match items.string(len, true) {
                    Ok(bytes) => quoted(&String::from_utf8_lossy(&bytes)),
                    Err(_) => break,
                },
                _ => break,
            };
            push_scalar(&mut out, &scalar, key);
        }
        if !counted(&mut open, &mut out) {
            break;
        }
    }
    out
}

/// A container of the JSON form still open.
#[derive(Clone, Copy)]
struct Open {
    map: bool,
    left: Option<usize>,
    held: usize,
}

impl Items<'_> {
    /// Skips the contents of a container whose header was read.
    fn skip_contents(&mut self, container: Open) -> Result<(), Stop> {
        self.skip_items(container.left.unwrap_or(0), container.left.is_none())
    }
}

/// Whether the next item of the JSON form is a map's key.
fn key_now(open: &[Open]) -> bool {
    open.last()
        .is_some_and(|container| container.map && container.held % 2 == 0)
}

/// Writes what comes before the next item inside its container: a comma after an element or
/// an entry, a colon after a key.
fn separate(open: &[Open], out: &mut String) {
    let Some(container) = open.last() else {
        return;
    };
    if container.map && container.held % 2 == 1 {
        out.push(':');
    } else if container.held > 0 {
        out.push(',');
    }
}

/// Counts an item just written in its container, closing every container it completes.
/// `false` once the body's root item is complete: nothing after it is read.
fn counted(open: &mut Vec<Open>, out: &mut String) -> bool {
    loop {
        let Some(container) = open.last_mut() else {
            return false;
        };
        container.held += 1;
        match &mut container.left {
            Some(left) => {
                *left -= 1;
                if *left > 0 {
                    return true;
                }
            }
            None => return true,
        }
        let map = container.map;
        // A map of an odd count of items ends without its last value.
        if map && container.held % 2 == 1 {
            out.push_str(":null");
        }
        open.pop();
        out.push(if map { '}' } else { ']' });
    }
}

/// A JSON string of `text`.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// The magnitude of a bignum (tags 2 and 3, big-endian bytes), if it fits 128 bits.
fn bignum(magnitude: &[u8]) -> Option<u128> {
    let significant = magnitude
        .iter()
        .position(|byte| *byte != 0)
        .map_or(&[][..], |first| &magnitude[first..]);
    (significant.len() <= 16).then(|| {
        significant
            .iter()
            .fold(0u128, |value, byte| (value << 8) | u128::from(*byte))
    })
}

/// Writes a scalar's JSON text, as a map key the text of its value: JSON keys are strings.
fn push_scalar(out: &mut String, text: &str, key: bool) {
    if key && !text.starts_with('"') {
        out.push_str(&quoted(text));
    } else {
        out.push_str(text);
    }
}

/// A bignum's JSON text: its number up to 128 bits, a base64url string of its magnitude beyond.
fn big_number(magnitude: &[u8], negative: bool) -> String {
    if let Some(value) = bignum(magnitude) {
        if negative {
            // -1 - value: one more than the largest u128 is written out.
            value.checked_add(1).map_or_else(
                || "-340282366920938463463374607431768211456".to_owned(),
                |value| format!("-{value}"),
            )
        } else {
            value.to_string()
        }
    } else {
        quoted(&base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(magnitude))
    }
}

#[cfg(test)]
mod tests {
    use super::{holds_container, json_form, Items};
    use ciborium_ll::{simple, Encoder, Header};
    use serde::Deserialize;

    /// The CBOR of a JSON value, written with ciborium-ll's encoder.
    fn cbor(json: &str) -> Vec<u8> {
        fn write(value: &serde_json::Value, encoder: &mut Encoder<&mut Vec<u8>>) {
            match value {
                serde_json::Value::Null => encoder.push(Header::Simple(simple::NULL)),
                serde_json::Value::Bool(flag) => encoder.push(Header::Simple(if *flag {
                    simple::TRUE
                } else {
                    simple::FALSE
                })),
                serde_json::Value::Number(number) => encoder.push(match number.as_u64() {
                    Some(number) => Header::Positive(number),
                    None => Header::Float(number.as_f64().unwrap()),
                }),
                serde_json::Value::String(text) => encoder.text(text, None),
                serde_json::Value::Array(elements) => {
                    encoder.push(Header::Array(Some(elements.len()))).unwrap();
                    elements.iter().for_each(|element| write(element, encoder));
                    Ok(())
                }
                serde_json::Value::Object(entries) => {
                    encoder.push(Header::Map(Some(entries.len()))).unwrap();
                    for (key, value) in entries {
                        encoder.text(key, None).unwrap();
                        write(value, encoder);
                    }
                    Ok(())
                }
            }
            .unwrap();
        }
        let mut out = Vec::new();
        write(
            &serde_json::from_str(json).unwrap(),
            &mut Encoder::from(&mut out),
        );
        out
    }

    #[test]
    fn the_json_form_of_each_kind_of_item() {
        // Hand-written items: RFC 8949 appendix A.
        let cases: &[(&[u8], &str)] = &[
            (&[0xa1, 0x61, 0x61, 0x01], r#"{"a":1}"#),
            (&[0x82, 0x20, 0x38, 0x63], "[-1,-100]"),
            // Half, single and double floats; infinity is null.
            (&[0x81, 0xf9, 0x3e, 0x00], "[1.5]"),
            (&[0x81, 0xf9, 0x7c, 0x00], "[null]"),
            (
                &[0x81, 0xfb, 0x3f, 0xf1, 0x99, 0x99, 0x99, 0x99, 0x99, 0x9a],
                "[1.1]",
            ),
            // false, true, null, undefined, simple(16).
            (
                &[0x85, 0xf4, 0xf5, 0xf6, 0xf7, 0xf0],
                "[false,true,null,null,null]",
            ),
            // h'01020304' as base64url; a tagged date as its text.
            (&[0x81, 0x44, 1, 2, 3, 4], r#"["AQIDBA"]"#),
            (&[0x81, 0xc1, 0x1a, 0x51, 0x4b, 0x67, 0xb0], "[1363896240]"),
            // 2^64 and -2^64 - 1 as bignums, and -2^64 as a negative integer.
            (
                &[0x81, 0xc2, 0x49, 1, 0, 0, 0, 0, 0, 0, 0, 0],
                "[18446744073709551616]",
            ),
            (
                &[0x81, 0xc3, 0x49, 1, 0, 0, 0, 0, 0, 0, 0, 0],
                "[-18446744073709551617]",
            ),
            (
                &[0x81, 0x3b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
                "[-18446744073709551616]",
            ),
            // Indefinite text, array and map: (_ "strea", "ming"), [_ 1, [2]], {_ "a": 1}.
            (
                &[
                    0x81, 0x7f, 0x65, b's', b't', b'r', b'e', b'a', 0x64, b'm', b'i', b'n', b'g',
                    0xff,
                ],
                r#"["streaming"]"#,
            ),
            (&[0x9f, 0x01, 0x81, 0x02, 0xff], "[1,[2]]"),
            (&[0xbf, 0x61, 0x61, 0x01, 0xff], r#"{"a":1}"#),
            // Keys that are not text: an integer, and an array (kept as an empty key).
            (&[0xa2, 0x01, 0x02, 0x81, 0x00, 0x03], r#"{"1":2,"":3}"#),
            // Text that is not UTF-8, and escapes.
            (&[0x81, 0x62, 0xff, b'"'], "[\"\u{fffd}\\\"\"]"),
        ];
        for (body, json) in cases {
            assert_eq!(json_form(body), *json, "{body:02x?}");
        }
    }

    #[test]
    fn a_body_cut_short_gives_the_json_of_what_came_before() {
        let body = cbor(r#"{"errors":[{"code":"A"},{"code":"B"}]}"#);
        let cut = &body[..body.len() - 2];
        assert_eq!(json_form(cut), r#"{"errors":[{"code":"A"},{"code""#);
        assert_eq!(json_form(&[]), "");
        // A break where none belongs ends the form there.
        assert_eq!(json_form(&[0x82, 0x01, 0xff, 0x02]), "[1");
    }

    #[test]
    fn deep_nesting_is_skipped_without_recursion_and_what_follows_is_read() {
        // {1: 0, "x": [[[... 100,000 deep ...]]], "e": "A"}: the integer key sends the body
        // to its JSON form, which keeps the deep value's place as `null`.
        let mut body = vec![0xa3, 0x01, 0x00, 0x61, b'x'];
        body.extend(vec![0x81; 100_000]);
        body.extend_from_slice(&[0x00, 0x61, b'e', 0x61, b'A']);
        let depth = super::MAX_DEPTH - 1;
        let expected = format!(
            r#"{{"1":0,"x":{}null{},"e":"A"}}"#,
            "[".repeat(depth),
            "]".repeat(depth)
        );
        assert_eq!(json_form(&body), expected);
        // Skipped whole in one count of the items owed, whatever the depth.
        let mut items = Items::new(&body);
        items.skip().unwrap();
        assert_eq!(items.at, body.len());
        assert!(serde::de::IgnoredAny::deserialize(&mut Items::new(&body)).is_ok());
        // Indefinite containers are remembered: past the limit, the skip stops.
        let mut deep = vec![0x9f; 100_000];
        deep.extend(vec![0xff; 100_000]);
        assert!(Items::new(&deep).skip().is_err());
        // [_ [1, 2], 3, [_ ], {"a": [_ 4]}] skipped to its end.
        let mixed = [
            0x9f, 0x82, 0x01, 0x02, 0x03, 0x9f, 0xff, 0xa1, 0x61, b'a', 0x9f, 0x04, 0xff, 0xff,
            0x07,
        ];
        let mut items = Items::new(&mixed);
        items.skip().unwrap();
        assert_eq!(items.at, mixed.len() - 1);
        // A break inside a definite container is malformed.
        assert!(Items::new(&[0x82, 0x01, 0xff]).skip().is_err());
    }

    #[test]
    fn the_quick_reader_borrows_text_and_skips_whole_items() {
        let body =
            cbor(r#"{"__type":"InvalidGreeting","Message":"Hi","Nested":{"Foo":[1,{"a":[]}]}}"#);
        assert!(holds_container(&body));
        let value = serde_json::Value::deserialize(&mut Items::new(&body)).unwrap();
        assert_eq!(
            value,
            serde_json::json!({"__type": "InvalidGreeting", "Message": "Hi", "Nested": {"Foo": [1, {"a": []}]}})
        );
        let mut items = Items::new(&body);
        items.skip().unwrap();
        assert_eq!(items.at, body.len());
        assert!(!holds_container(&[0x01]));
        assert!(!holds_container(b"<html>"));
    }
}
