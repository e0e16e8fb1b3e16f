//! Reading the errors out of a body in one pass, as an [`Envelope`] describes them.
//!
//! The body is walked with serde's visitors: only the locations the envelope names are
//! looked at, everything else is skipped without being built, and strings borrow from the
//! body unless they hold escapes. serde_json's recursion limit stays on, so the walk's depth
//! is bounded whatever the body's nesting. An error is built as soon as its object ends, so a
//! body cut short still yields the errors it completed.

use std::borrow::Cow;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use crate::envelope::{Batch, Envelope, RawError, Role, MAX_PARTS};
use crate::BatchItem;
use errspec_vocab::status::{status_from_number, status_from_text};

/// Visitor methods that accept every scalar and make nothing of it: where an envelope expects
/// a container, any other value is skipped rather than an error.
macro_rules! skip_scalars {
    ($nothing:expr) => {
        fn visit_bool<Er>(self, _: bool) -> Result<Self::Value, Er> {
            Ok($nothing)
        }
        fn visit_i64<Er>(self, _: i64) -> Result<Self::Value, Er> {
            Ok($nothing)
        }
        fn visit_u64<Er>(self, _: u64) -> Result<Self::Value, Er> {
            Ok($nothing)
        }
        fn visit_f64<Er>(self, _: f64) -> Result<Self::Value, Er> {
            Ok($nothing)
        }
        fn visit_str<Er>(self, _: &str) -> Result<Self::Value, Er> {
            Ok($nothing)
        }
        fn visit_unit<Er>(self) -> Result<Self::Value, Er> {
            Ok($nothing)
        }
    };
}

/// How deep `multiple` wrappers are followed inside each other.
const MAX_WRAPPER_NESTING: usize = 8;

/// What builds a typed error from each raw error found.
pub type Build<'b, E, const F: usize> = dyn for<'de> FnMut(RawError<'de, F>) -> E + 'b;

/// The errors `body` holds, in order, each built by `build`; empty when it holds none.
pub fn read_errors<E, const F: usize>(
    envelope: &Envelope<'_>,
    body: &[u8],
    build: &mut Build<'_, E, F>,
) -> Vec<E> {
    let body = body
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(body)
        .trim_ascii();
    let mut out = Vec::new();
    // Only an object or an array can hold an error: an HTML page, plain text or a bare value
    // is not parsed at all.
    if !matches!(body.first(), Some(b'{' | b'[')) {
        return out;
    }
    let parts = envelope.parts.len().min(MAX_PARTS);
    let mut context = Context {
        envelope,
        all_parts: if parts == MAX_PARTS {
            u64::MAX
        } else {
            (1u64 << parts) - 1
        },
        out: &mut out,
        build,
    };
    let read = Locate {
        context: &mut context,
        depth: 0,
    }
    .deserialize(&mut serde_json::Deserializer::from_slice(body));
    if read.is_err() && context.out.is_empty() {
        // Invalid UTF-8 or a broken escape inside a string: read what the server meant
        // rather than nothing.
        if let Some(repaired) = repair_strings(body) {
            let _ = Locate {
                context: &mut context,
                depth: 0,
            }
            .deserialize(&mut serde_json::Deserializer::from_str(&repaired));
        }
    }
    out
}

/// `body` with what makes strings unreadable replaced by U+FFFD: invalid UTF-8, lone
/// surrogate escapes, `\u` escapes without four hex digits, and raw control characters. A
/// backslash before a character that is no escape stands for itself. `None` when there was
/// nothing to repair.
fn repair_strings(body: &[u8]) -> Option<String> {
    const REPLACEMENT: &str = "\\ufffd";
    let text = String::from_utf8_lossy(body);
    let mut repaired = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if !in_string {
            in_string = c == '"';
            repaired.push(c);
            continue;
        }
        match c {
            '"' => {
                in_string = false;
                repaired.push(c);
            }
            '\\' => match chars.peek().copied() {
                Some(escape @ ('"' | '\\' | '/' | 'b' | 'f' | 'n' | 'r' | 't')) => {
                    chars.next();
                    repaired.push('\\');
                    repaired.push(escape);
                }
                Some('u') => {
                    chars.next();
                    repair_unicode_escape(&mut chars, &mut repaired);
                }
                _ => repaired.push_str("\\\\"),
            },
            c if c < ' ' => repaired.push_str(REPLACEMENT),
            c => repaired.push(c),
        }
    }
    (repaired.as_bytes() != body).then_some(repaired)
}

/// Copies a `\u` escape whose `u` was just read, or U+FFFD where it is broken.
fn repair_unicode_escape(
    chars: &mut core::iter::Peekable<std::str::Chars<'_>>,
    repaired: &mut String,
) {
    fn hex4(chars: &mut core::iter::Peekable<std::str::Chars<'_>>) -> Option<u32> {
        let mut lookahead = chars.clone();
        let mut value = 0;
        for _ in 0..4 {
            value = value * 16 + lookahead.next()?.to_digit(16)?;
        }
        *chars = lookahead;
        Some(value)
    }
    let Some(unit) = hex4(chars) else {
        repaired.push_str("\\ufffd");
        return;
    };
    match unit {
        0xD800..=0xDBFF => {
            let mut lookahead = chars.clone();
            let low = (lookahead.next() == Some('\\') && lookahead.next() == Some('u'))
                .then(|| hex4(&mut lookahead))
                .flatten()
                .filter(|low| (0xDC00..=0xDFFF).contains(low));
            match low {
                Some(low) => {
                    *chars = lookahead;
                    repaired.push_str(&format!("\\u{unit:04x}\\u{low:04x}"));
                }
                None => repaired.push_str("\\ufffd"),
            }
        }
        0xDC00..=0xDFFF => repaired.push_str("\\ufffd"),
        _ => repaired.push_str(&format!("\\u{unit:04x}")),
    }
}

struct Context<'c, 'b, E, const F: usize> {
    envelope: &'c Envelope<'c>,
    all_parts: u64,
    out: &'c mut Vec<E>,
    build: &'c mut Build<'b, E, F>,
}

impl<E, const F: usize> Context<'_, '_, E, F> {
    fn parts(&self) -> impl Iterator<Item = (u64, &crate::envelope::Part<'_>)> {
        self.envelope
            .parts
            .iter()
            .take(MAX_PARTS)
            .enumerate()
            .map(|(index, part)| (1u64 << index, part))
    }

    /// The parts among `mask` whose path continues with `token` after `depth` tokens.
    fn continuing(&self, mask: u64, depth: usize, token: &str) -> u64 {
        self.parts()
            .filter(|(bit, part)| mask & bit != 0 && part.path.get(depth) == Some(&token))
            .fold(0, |found, (bit, _)| found | bit)
    }

    /// The parts among `mask` whose path continues with array index `index`.
    fn continuing_index(&self, mask: u64, depth: usize, index: usize) -> u64 {
        self.parts()
            .filter(|(bit, part)| {
                mask & bit != 0
                    && part
                        .path
                        .get(depth)
                        .is_some_and(|token| is_index(token, index))
            })
            .fold(0, |found, (bit, _)| found | bit)
    }

    /// The roles of the parts among `mask` whose path ends at `depth`.
    fn ending(&self, mask: u64, depth: usize) -> impl Iterator<Item = Role> + '_ {
        self.parts()
            .filter(move |(bit, part)| mask & bit != 0 && part.path.len() == depth)
            .map(|(_, part)| part.role)
    }

    fn ends_here(&self, mask: u64, depth: usize, role: Role) -> bool {
        self.ending(mask, depth).any(|found| found == role)
    }
}

/// Whether a JSON pointer token names array index `index` (`"0"`, never `"00"`).
fn is_index(token: &str, index: usize) -> bool {
    let bytes = token.as_bytes();
    if bytes.is_empty() || (bytes.len() > 1 && bytes[0] == b'0') {
        return false;
    }
    let mut value: usize = 0;
    for &byte in bytes {
        if !byte.is_ascii_digit() {
            return false;
        }
        value = match value
            .checked_mul(10)
            .and_then(|tens| tens.checked_add(usize::from(byte - b'0')))
        {
            Some(value) => value,
            None => return false,
        };
    }
    value == index
}

/// What an error has read so far.
struct Capture<'de, const F: usize> {
    raw: RawError<'de, F>,
    bare_items: Vec<BatchItem>,
    bare_possible: bool,
}

/// Walks from the root to the envelope's error location.
struct Locate<'x, 'c, 'b, E, const F: usize> {
    context: &'x mut Context<'c, 'b, E, F>,
    depth: usize,
}

impl<'de, E, const F: usize> DeserializeSeed<'de> for Locate<'_, '_, '_, E, F> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        let at = self.context.envelope.at;
        if self.depth < at.len() {
            return deserializer.deserialize_any(self);
        }
        if self.context.envelope.many {
            deserializer.deserialize_any(ErrorList {
                context: self.context,
            })
        } else {
            let bare = at.is_empty() && self.context.envelope.batch.is_some_and(|batch| batch.bare);
            ErrorSeed {
                context: self.context,
                nesting: 0,
                bare,
            }
            .deserialize(deserializer)
        }
    }
}

impl<'de, E, const F: usize> Visitor<'de> for Locate<'_, '_, '_, E, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON document")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let token = self.context.envelope.at[self.depth];
        while let Some(found) = map.next_key_seed(KeyIs(token))? {
            if found {
                map.next_value_seed(Locate {
                    context: &mut *self.context,
                    depth: self.depth + 1,
                })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let token = self.context.envelope.at[self.depth];
        let mut index = 0;
        loop {
            let more = if is_index(token, index) {
                seq.next_element_seed(Locate {
                    context: &mut *self.context,
                    depth: self.depth + 1,
                })?
                .is_some()
            } else {
                seq.next_element::<IgnoredAny>()?.is_some()
            };
            if !more {
                return Ok(());
            }
            index += 1;
        }
    }

    skip_scalars!(());
}

/// Reads a map key and tells whether it is `self.0`.
struct KeyIs<'t>(&'t str);

impl<'de> DeserializeSeed<'de> for KeyIs<'_> {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeyIs<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<Er>(self, key: &str) -> Result<bool, Er> {
        Ok(key == self.0)
    }
}

/// The array of errors at the envelope's location (a single object there is one error).
struct ErrorList<'x, 'c, 'b, E, const F: usize> {
    context: &'x mut Context<'c, 'b, E, F>,
}

impl<'de, E, const F: usize> Visitor<'de> for ErrorList<'_, '_, '_, E, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of errors")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq
            .next_element_seed(ErrorSeed {
                context: &mut *self.context,
                nesting: 0,
                bare: false,
            })?
            .is_some()
        {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        ErrorSeed {
            context: self.context,
            nesting: 0,
            bare: false,
        }
        .visit_map(map)
    }

    skip_scalars!(());
}

/// One error object (a JSON object, or a positional array).
struct ErrorSeed<'x, 'c, 'b, E, const F: usize> {
    context: &'x mut Context<'c, 'b, E, F>,
    nesting: usize,
    /// Whether this is a root array that may be a bare list of batch items.
    bare: bool,
}

impl<E, const F: usize> ErrorSeed<'_, '_, '_, E, F> {
    fn capture<'de>(&self) -> Capture<'de, F> {
        Capture {
            raw: RawError::empty(),
            bare_items: Vec::new(),
            bare_possible: self.bare,
        }
    }

    /// Builds what the object held, once it has ended: its inner errors when it is a
    /// `multiple` wrapper that held some, else itself, else (for a bare item list) the items.
    fn finish(self, capture: Capture<'_, F>, before: usize) {
        let context = self.context;
        let is_wrapper = matches!(
            (&capture.raw.code, context.envelope.multiple),
            (Some(code), Some(multiple)) if code == multiple
        );
        if is_wrapper && context.out.len() > before {
            return;
        }
        context.out.truncate(before);
        let mut raw = capture.raw;
        if !raw.has_content() {
            if !capture.bare_possible || capture.bare_items.is_empty() {
                return;
            }
            raw.items = capture.bare_items;
        }
        let built = (context.build)(raw);
        context.out.push(built);
    }
}

impl<'de, E, const F: usize> DeserializeSeed<'de> for ErrorSeed<'_, '_, '_, E, F> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, E, const F: usize> Visitor<'de> for ErrorSeed<'_, '_, '_, E, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an error object")
    }

    fn visit_map<A: MapAccess<'de>>(mut self, map: A) -> Result<(), A::Error> {
        let before = self.context.out.len();
        let mut capture = self.capture();
        let all = self.context.all_parts;
        walk_map(&mut self, &mut capture, all, 0, map)?;
        self.finish(capture, before);
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, seq: A) -> Result<(), A::Error> {
        let before = self.context.out.len();
        let mut capture = self.capture();
        let all = self.context.all_parts;
        let bare = self.bare;
        walk_seq(&mut self, &mut capture, all, 0, seq, bare)?;
        self.finish(capture, before);
        Ok(())
    }

    skip_scalars!(());
}

fn walk_map<'de, E, A: MapAccess<'de>, const F: usize>(
    error: &mut ErrorSeed<'_, '_, '_, E, F>,
    capture: &mut Capture<'de, F>,
    mask: u64,
    depth: usize,
    mut map: A,
) -> Result<(), A::Error> {
    while let Some(found) = map.next_key_seed(KeyMask {
        context: &*error.context,
        mask,
        depth,
    })? {
        if found == 0 {
            map.next_value::<IgnoredAny>()?;
        } else {
            map.next_value_seed(ValueAt {
                error: &mut *error,
                capture: &mut *capture,
                mask: found,
                depth: depth + 1,
                bare_item: false,
            })?;
        }
    }
    Ok(())
}

fn walk_seq<'de, E, A: SeqAccess<'de>, const F: usize>(
    error: &mut ErrorSeed<'_, '_, '_, E, F>,
    capture: &mut Capture<'de, F>,
    mask: u64,
    depth: usize,
    mut seq: A,
    bare: bool,
) -> Result<(), A::Error> {
    let mut index = 0;
    loop {
        let found = error.context.continuing_index(mask, depth, index);
        let more = if found == 0 && !bare {
            seq.next_element::<IgnoredAny>()?.is_some()
        } else {
            seq.next_element_seed(ValueAt {
                error: &mut *error,
                capture: &mut *capture,
                mask: found,
                depth: depth + 1,
                bare_item: bare,
            })?
            .is_some()
        };
        if !more {
            return Ok(());
        }
        index += 1;
    }
}

/// Reads a key of an error object and tells which parts continue under it.
struct KeyMask<'x, 'c, 'b, E, const F: usize> {
    context: &'x Context<'c, 'b, E, F>,
    mask: u64,
    depth: usize,
}

impl<'de, E, const F: usize> DeserializeSeed<'de> for KeyMask<'_, '_, '_, E, F> {
    type Value = u64;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<u64, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de, E, const F: usize> Visitor<'de> for KeyMask<'_, '_, '_, E, F> {
    type Value = u64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<Er>(self, key: &str) -> Result<u64, Er> {
        Ok(self.context.continuing(self.mask, self.depth, key))
    }
}

/// A value inside an error, under which the parts in `mask` continue or end.
struct ValueAt<'x, 'y, 'z, 'c, 'b, 'de, E, const F: usize> {
    error: &'x mut ErrorSeed<'y, 'c, 'b, E, F>,
    capture: &'z mut Capture<'de, F>,
    mask: u64,
    depth: usize,
    /// Whether this is an element of a root array that may be a bare batch item.
    bare_item: bool,
}

/// What kind of scalar a value was, for the roles that care.
#[derive(Clone, Copy)]
enum ScalarKind {
    Str,
    Unsigned(u64),
    OtherNumber,
    Bool,
}

impl<'de, E, const F: usize> ValueAt<'_, '_, '_, '_, '_, 'de, E, F> {
    /// Whether a part that keeps a scalar's text ends here (a status alone does not).
    fn needs_text(&self) -> bool {
        self.error
            .context
            .ending(self.mask, self.depth)
            .any(|role| matches!(role, Role::Code | Role::Message | Role::Field(_)))
    }

    /// Stores a number in every part that ends here, turned into text only for the parts
    /// that keep text.
    fn number(self, number: &dyn fmt::Display, kind: ScalarKind) {
        let text = if self.needs_text() {
            Cow::Owned(number.to_string())
        } else {
            Cow::Borrowed("")
        };
        self.scalar(text, kind);
    }

    /// Stores a scalar in every part that ends here. A boolean is never a code, and only
    /// strings and integers are statuses.
    fn scalar(self, text: Cow<'de, str>, kind: ScalarKind) {
        if self.bare_item && self.mask == 0 {
            self.capture.bare_possible = false;
            return;
        }
        let context = &*self.error.context;
        let raw = &mut self.capture.raw;
        let mut remaining = Some(text);
        let mut roles = context.ending(self.mask, self.depth).peekable();
        while let Some(role) = roles.next() {
            if role == Role::Status {
                raw.status = match kind {
                    ScalarKind::Str => remaining.as_deref().and_then(status_from_text),
                    ScalarKind::Unsigned(number) => status_from_number(number),
                    ScalarKind::OtherNumber | ScalarKind::Bool => None,
                };
                continue;
            }
            let value = if roles.peek().is_some() {
                remaining.clone()
            } else {
                remaining.take()
            };
            let Some(value) = value else { break };
            match role {
                // A boolean or a blank string is no code.
                Role::Code if !matches!(kind, ScalarKind::Bool) && !value.trim().is_empty() => {
                    raw.code = Some(value);
                }
                Role::Message => raw.message = Some(value),
                Role::Field(index) => {
                    if let Some(slot) = raw.fields.get_mut(index) {
                        *slot = Some(value.into_owned());
                    }
                }
                Role::Code | Role::Status | Role::Items | Role::Inner => {}
            }
        }
    }
}

impl<'de, E, const F: usize> DeserializeSeed<'de> for ValueAt<'_, '_, '_, '_, '_, 'de, E, F> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, E, const F: usize> Visitor<'de> for ValueAt<'_, '_, '_, '_, '_, 'de, E, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_borrowed_str<Er>(self, text: &'de str) -> Result<(), Er> {
        self.scalar(Cow::Borrowed(text), ScalarKind::Str);
        Ok(())
    }

    fn visit_str<Er>(self, text: &str) -> Result<(), Er> {
        self.scalar(Cow::Owned(text.to_owned()), ScalarKind::Str);
        Ok(())
    }

    fn visit_string<Er>(self, text: String) -> Result<(), Er> {
        self.scalar(Cow::Owned(text), ScalarKind::Str);
        Ok(())
    }

    fn visit_u64<Er>(self, number: u64) -> Result<(), Er> {
        self.number(&number, ScalarKind::Unsigned(number));
        Ok(())
    }

    fn visit_i64<Er>(self, number: i64) -> Result<(), Er> {
        self.number(&number, ScalarKind::OtherNumber);
        Ok(())
    }

    fn visit_f64<Er>(self, number: f64) -> Result<(), Er> {
        self.number(&number, ScalarKind::OtherNumber);
        Ok(())
    }

    fn visit_bool<Er>(self, flag: bool) -> Result<(), Er> {
        self.scalar(
            Cow::Borrowed(if flag { "true" } else { "false" }),
            ScalarKind::Bool,
        );
        Ok(())
    }

    fn visit_unit<Er>(self) -> Result<(), Er> {
        if self.bare_item {
            self.capture.bare_possible = false;
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        if self.bare_item {
            self.capture.bare_possible = false;
        }
        let context = &*self.error.context;
        if context.ends_here(self.mask, self.depth, Role::Items) {
            if let Some(batch) = context.envelope.batch {
                while let Some(item) = seq.next_element_seed(ItemSeed(batch))? {
                    self.capture.raw.items.extend(item);
                }
                return Ok(());
            }
        }
        if context.ends_here(self.mask, self.depth, Role::Inner)
            && context.envelope.multiple.is_some()
            && self.error.nesting < MAX_WRAPPER_NESTING
        {
            let nesting = self.error.nesting + 1;
            while seq
                .next_element_seed(ErrorSeed {
                    context: &mut *self.error.context,
                    nesting,
                    bare: false,
                })?
                .is_some()
            {}
            return Ok(());
        }
        let continuing = self.mask & !ending_mask(context, self.mask, self.depth);
        if continuing != 0 {
            return walk_seq(self.error, self.capture, continuing, self.depth, seq, false);
        }
        if let Some(index) = field_ending(context, self.mask, self.depth) {
            let mut list = Vec::new();
            while let Some(value) = seq.next_element::<Value>()? {
                list.push(value);
            }
            set_field(self.capture, index, Value::Array(list).to_string());
            return Ok(());
        }
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let context = &*self.error.context;
        let continuing = self.mask & !ending_mask(context, self.mask, self.depth);
        if continuing != 0 {
            return walk_map(self.error, self.capture, continuing, self.depth, map);
        }
        if self.bare_item {
            if let Some(batch) = context.envelope.batch {
                let item = ItemVisitor(batch).visit_map(map)?;
                self.capture.bare_items.extend(item);
                return Ok(());
            }
        }
        if let Some(index) = field_ending(context, self.mask, self.depth) {
            let mut object = serde_json::Map::new();
            while let Some((key, value)) = map.next_entry::<String, Value>()? {
                object.insert(key, value);
            }
            set_field(self.capture, index, Value::Object(object).to_string());
            return Ok(());
        }
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(())
    }
}

fn ending_mask<E, const F: usize>(context: &Context<'_, '_, E, F>, mask: u64, depth: usize) -> u64 {
    context
        .parts()
        .filter(|(bit, part)| mask & bit != 0 && part.path.len() == depth)
        .fold(0, |found, (bit, _)| found | bit)
}

fn field_ending<E, const F: usize>(
    context: &Context<'_, '_, E, F>,
    mask: u64,
    depth: usize,
) -> Option<usize> {
    context.ending(mask, depth).find_map(|role| match role {
        Role::Field(index) => Some(index),
        _ => None,
    })
}

fn set_field<const F: usize>(capture: &mut Capture<'_, F>, index: usize, text: String) {
    if let Some(slot) = capture.raw.fields.get_mut(index) {
        *slot = Some(text);
    }
}

/// One batch item result; `None` for an element that is not an object.
struct ItemSeed<'a>(Batch<'a>);

impl<'de> DeserializeSeed<'de> for ItemSeed<'_> {
    type Value = Option<BatchItem>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(ItemVisitor(self.0))
    }
}

struct ItemVisitor<'a>(Batch<'a>);

impl<'de> Visitor<'de> for ItemVisitor<'_> {
    type Value = Option<BatchItem>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a batch item object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let batch = self.0;
        let mut id: Option<Scalar<'de>> = None;
        let mut message = String::new();
        let mut keyed: Option<(String, bool)> = None;
        while let Some(key) = map.next_key::<Text<'de>>()? {
            let key = key.0;
            let value = map.next_value::<Scalar<'de>>()?;
            if key == batch.id {
                id = Some(value);
            } else if key == batch.message {
                message = value.into_text().map(Cow::into_owned).unwrap_or_default();
            } else if let (None, Scalar::Bool(ok)) = (&keyed, value) {
                keyed = Some((key.into_owned(), ok));
            }
        }
        let (id, ok) = match id {
            Some(Scalar::Bool(false) | Scalar::Null) => (None, false),
            Some(Scalar::Bool(true)) => (None, true),
            Some(Scalar::Text(text)) => (Some(text.into_owned()), true),
            Some(Scalar::Other) => (None, true),
            None => keyed.map_or((None, false), |(key, ok)| (Some(key), ok)),
        };
        Ok(Some(BatchItem { id, ok, message }))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }

    skip_scalars!(None);
}

/// A string that borrows from the body when it can.
struct Text<'de>(Cow<'de, str>);

impl<'de> serde::Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<Er>(self, text: &'de str) -> Result<Text<'de>, Er> {
                Ok(Text(Cow::Borrowed(text)))
            }
            fn visit_str<Er>(self, text: &str) -> Result<Text<'de>, Er> {
                Ok(Text(Cow::Owned(text.to_owned())))
            }
            fn visit_string<Er>(self, text: String) -> Result<Text<'de>, Er> {
                Ok(Text(Cow::Owned(text)))
            }
        }
        deserializer.deserialize_str(TextVisitor)
    }
}

/// A value of a batch item: what it says if it is a scalar, skipped if it is not.
enum Scalar<'de> {
    Null,
    Bool(bool),
    Text(Cow<'de, str>),
    Other,
}

impl<'de> Scalar<'de> {
    fn into_text(self) -> Option<Cow<'de, str>> {
        match self {
            Scalar::Text(text) => Some(text),
            Scalar::Bool(flag) => Some(Cow::Borrowed(if flag { "true" } else { "false" })),
            Scalar::Null | Scalar::Other => None,
        }
    }
}

impl<'de> serde::Deserialize<'de> for Scalar<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ScalarVisitor;
        impl<'de> Visitor<'de> for ScalarVisitor {
            type Value = Scalar<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_unit<Er>(self) -> Result<Scalar<'de>, Er> {
                Ok(Scalar::Null)
            }
            fn visit_bool<Er>(self, flag: bool) -> Result<Scalar<'de>, Er> {
                Ok(Scalar::Bool(flag))
            }
            fn visit_u64<Er>(self, number: u64) -> Result<Scalar<'de>, Er> {
                Ok(Scalar::Text(Cow::Owned(number.to_string())))
            }
            fn visit_i64<Er>(self, number: i64) -> Result<Scalar<'de>, Er> {
                Ok(Scalar::Text(Cow::Owned(number.to_string())))
            }
            fn visit_f64<Er>(self, number: f64) -> Result<Scalar<'de>, Er> {
                Ok(Scalar::Text(Cow::Owned(number.to_string())))
            }
            fn visit_borrowed_str<Er>(self, text: &'de str) -> Result<Scalar<'de>, Er> {
                Ok(Scalar::Text(Cow::Borrowed(text)))
            }
            fn visit_str<Er>(self, text: &str) -> Result<Scalar<'de>, Er> {
                Ok(Scalar::Text(Cow::Owned(text.to_owned())))
            }
            fn visit_string<Er>(self, text: String) -> Result<Scalar<'de>, Er> {
                Ok(Scalar::Text(Cow::Owned(text)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar<'de>, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Scalar::Other)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar<'de>, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Scalar::Other)
            }
        }
        deserializer.deserialize_any(ScalarVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::read_errors;
    use crate::envelope::fixtures::{NESTED, POSITIONAL};
    use crate::envelope::{Envelope, Part, RawError, Role};
    use crate::BatchItem;

    /// A raw error with its strings owned, for comparing.
    #[derive(Debug, PartialEq, Eq)]
    struct Read {
        code: Option<String>,
        message: Option<String>,
        status: Option<u16>,
        fields: Vec<Option<String>>,
        items: Vec<BatchItem>,
    }

    fn read<const F: usize>(envelope: &Envelope<'_>, body: &[u8]) -> Vec<Read> {
        read_errors(envelope, body, &mut |raw: RawError<'_, F>| Read {
            code: raw.code.map(|code| code.into_owned()),
            message: raw.message.map(|message| message.into_owned()),
            status: raw.status,
            fields: raw.fields.to_vec(),
            items: raw.items,
        })
    }

    const LIST: Envelope<'static> = Envelope {
        at: &["errors"],
        many: true,
        parts: &[
            Part {
                path: &["type"],
                role: Role::Code,
            },
            Part {
                path: &["message"],
                role: Role::Message,
            },
            Part {
                path: &["attribute"],
                role: Role::Field(0),
            },
        ],
        multiple: None,
        batch: None,
    };

    #[test]
    fn reads_a_nested_error_with_its_status_and_fields() {
        let body = br#"{"error": {"code": "mvnoAccount", "status": 404, "message": "MVNO account not found", "path": "mvnoAccount"}}"#;
        assert_eq!(
            read::<1>(&NESTED, body),
            vec![Read {
                code: Some("mvnoAccount".into()),
                message: Some("MVNO account not found".into()),
                status: Some(404),
                fields: vec![Some("mvnoAccount".into())],
                items: vec![],
            }]
        );
    }

    #[test]
    fn a_multiple_wrapper_yields_its_inner_errors_wherever_its_code_sits() {
        let body = br#"{"error": {"inner": [
            {"message": "User not found", "code": "userId", "status": 404},
            {"message": "Invalid street", "code": "address.street", "status": "422"}],
            "code": "multiple", "status": 422}}"#;
        let errors = read::<1>(&NESTED, body);
        let codes: Vec<_> = errors.iter().map(|e| e.code.as_deref()).collect();
        assert_eq!(codes, [Some("userId"), Some("address.street")]);
        assert_eq!((errors[0].status, errors[1].status), (Some(404), Some(422)));
    }

    #[test]
    fn inner_errors_of_a_code_that_is_not_the_wrapper_are_dropped() {
        let body = br#"{"error": {"code": "expired", "inner": [{"code": "x"}], "message": "Session has expired"}}"#;
        let errors = read::<1>(&NESTED, body);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code.as_deref(), Some("expired"));
    }

    #[test]
    fn an_empty_multiple_wrapper_is_itself_the_error() {
        let body = br#"{"error": {"code": "multiple", "status": 422, "inner": []}}"#;
        let errors = read::<1>(&NESTED, body);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code.as_deref(), Some("multiple"));
    }

    #[test]
    fn a_positional_error_holds_a_message_or_batch_items() {
        let plain = read::<0>(&POSITIONAL, br#"["ERROR_GLPI_ADD", "Bad input"]"#);
        assert_eq!(plain[0].message.as_deref(), Some("Bad input"));
        assert!(plain[0].items.is_empty());

        let batch = read::<0>(
            &POSITIONAL,
            br#"["ERROR_GLPI_PARTIAL_UPDATE", [{"12": true, "message": ""}, {"13": false, "message": "Item not found"}]]"#,
        );
        assert_eq!(batch[0].message, None);
        assert_eq!(
            batch[0].items,
            vec![
                BatchItem {
                    id: Some("12".into()),
                    ok: true,
                    message: String::new()
                },
                BatchItem {
                    id: Some("13".into()),
                    ok: false,
                    message: "Item not found".into()
                },
            ]
        );
    }

    #[test]
    fn a_bare_array_of_items_is_read_when_the_spec_allows_it() {
        let errors = read::<0>(
            &POSITIONAL,
            br#"[{"id": 8, "message": ""}, {"id": false, "message": "No permission."}]"#,
        );
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code, None);
        assert_eq!(
            errors[0].items,
            vec![
                BatchItem {
                    id: Some("8".into()),
                    ok: true,
                    message: String::new()
                },
                BatchItem {
                    id: None,
                    ok: false,
                    message: "No permission.".into()
                },
            ]
        );
        // Not every element is an item: no bare batch, only what the positions say.
        let mixed = read::<0>(&POSITIONAL, br#"[{"id": 8}, "x"]"#);
        assert_eq!(
            (mixed[0].message.as_deref(), mixed[0].items.len()),
            (Some("x"), 0)
        );
        assert_eq!(
            read::<0>(&POSITIONAL, br#"[{"id": 8}, {"id": 9}, 5]"#).len(),
            0
        );
    }

    #[test]
    fn an_array_of_errors_and_a_single_object_there_both_read() {
        let body = br#"{"errors": [{"type": "taken", "message": "has already been taken", "attribute": "name"}, {"type": "blank"}]}"#;
        let errors = read::<1>(&LIST, body);
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].fields, vec![Some("name".into())]);
        assert_eq!(
            (errors[1].code.as_deref(), errors[1].message.as_deref()),
            (Some("blank"), None)
        );
        let single = read::<1>(&LIST, br#"{"errors": {"type": "parent"}}"#);
        assert_eq!(single[0].code.as_deref(), Some("parent"));
    }

    #[test]
    fn wrong_types_are_skipped_without_losing_the_rest() {
        let body = br#"{"errors": [{"type": 42, "message": {"text": "x"}, "attribute": ["a", 1]}, {"type": true, "message": "m"}]}"#;
        let errors = read::<1>(&LIST, body);
        assert_eq!(errors[0].code.as_deref(), Some("42"));
        assert_eq!(errors[0].message, None);
        assert_eq!(errors[0].fields, vec![Some(r#"["a",1]"#.into())]);
        assert_eq!(
            (errors[1].code.as_deref(), errors[1].message.as_deref()),
            (None, Some("m"))
        );
    }

    #[test]
    fn a_blank_code_is_no_code() {
        let errors = read::<1>(&NESTED, br#"{"error": {"code": " ", "message": "m"}}"#);
        assert_eq!(
            (errors[0].code.as_deref(), errors[0].message.as_deref()),
            (None, Some("m"))
        );
    }

    #[test]
    fn unreadable_bodies_hold_no_errors() {
        for body in [
            &b""[..],
            b"  ",
            b"<html>502</html>",
            b"null",
            b"{}",
            b"[]",
            b"42",
            b"\"x\"",
            b"{\"error\": 5}",
        ] {
            assert_eq!(read::<1>(&NESTED, body), vec![], "{body:?}");
        }
    }

    #[test]
    fn errors_completed_before_a_cut_are_kept() {
        let body = br#"{"errors": [{"type": "taken", "message": "a"}, {"type": "bla"#;
        let errors = read::<1>(&LIST, body);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code.as_deref(), Some("taken"));
    }

    #[test]
    fn a_bom_escapes_and_invalid_utf8_do_not_lose_the_code() {
        let body =
            b"\xEF\xBB\xBF{\"error\": {\"code\": \"expired\", \"message\": \"bad \xFF byte\"}}";
        let errors = read::<1>(&NESTED, body);
        assert_eq!(errors[0].code.as_deref(), Some("expired"));
        assert_eq!(errors[0].message.as_deref(), Some("bad \u{FFFD} byte"));
        let escaped = read::<1>(
            &NESTED,
            br#"{"error": {"code": "a\u00e9\"b", "message": "x\ud800y"}}"#,
        );
        assert_eq!(escaped[0].code.as_deref(), Some("a\u{e9}\"b"));
        assert_eq!(escaped[0].message.as_deref(), Some("x\u{FFFD}y"));
        let broken = read::<1>(
            &NESTED,
            b"{\"error\": {\"code\": \"c\\q\", \"message\": \"tab\there \\u12\"}}",
        );
        assert_eq!(broken[0].code.as_deref(), Some("c\\q"));
        assert_eq!(
            broken[0].message.as_deref(),
            Some("tab\u{FFFD}here \u{FFFD}12")
        );
        let pair = read::<1>(
            &NESTED,
            br#"{"error": {"code": "\ud83d\ude00", "message": "\udc00"}}"#,
        );
        assert_eq!(
            (pair[0].code.as_deref(), pair[0].message.as_deref()),
            (Some("\u{1F600}"), Some("\u{FFFD}"))
        );
    }

    #[test]
    fn deep_nesting_is_refused_without_overflowing_the_stack() {
        let mut body = "[".repeat(100_000);
        body.push_str(&"]".repeat(100_000));
        assert_eq!(read::<1>(&NESTED, body.as_bytes()), vec![]);
        let mut nested = String::from(r#"{"error": {"code": "x", "deep": "#);
        nested.push_str(&"[".repeat(100_000));
        assert_eq!(read::<1>(&NESTED, nested.as_bytes()), vec![]);
    }
}
