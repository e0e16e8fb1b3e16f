//! The walk along a JSON body's envelope: from the root to the error location, through each
//! error object, to the values of its parts (kept through `store`, as the XML walk keeps
//! its).

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

use serde::de::{
    DeserializeSeed, Deserializer, Error as _, IgnoredAny, MapAccess, SeqAccess, Visitor,
};
use serde::Deserialize as _;
use serde_json::value::RawValue;

use errspec_vocab::pointer::array_index;

use super::batch::ItemSeed;
use super::selected::Element;
use super::store::{set_field, store};
pub(super) use super::values::ScalarKind;
use super::values::Spanned;
use super::{Capture, Context, Ranks, MAX_GROUP_NESTING, MAX_WRAPPER_NESTING};
use crate::engine::envelope::{item_failed, RawError, Role, Shape};
use crate::BatchItems;

/// What stops the quick walk at a value it cannot keep as sent: the body is then walked
/// again exactly.
fn stop_quick_walk<Er: serde::de::Error>() -> Er {
    Er::custom("a value to keep as the text it spans")
}

/// Whether a JSON pointer token names array index `index` (`"0"`, never `"00"`).
pub(super) fn is_index(token: &str, index: usize) -> bool {
    array_index(token) == Some(index)
}

/// Walks from the root to the envelope's error location.
pub(super) struct Locate<'x, 'c, S: Shape, const F: usize> {
    pub(super) context: &'x mut Context<'c, S, F>,
    pub(super) depth: usize,
}

impl<'de, S: Shape, const F: usize> DeserializeSeed<'de> for Locate<'_, '_, S, F> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        let at = self.context.envelope().at;
        if self.depth < at.len() {
            return deserializer.deserialize_any(self);
        }
        if self.context.envelope().many {
            deserializer.deserialize_any(ErrorList {
                context: self.context,
            })
        } else {
            let bare = at.is_empty()
                && self
                    .context
                    .envelope()
                    .batch
                    .is_some_and(|batch| batch.bare);
            ErrorSeed::outer(self.context, bare).deserialize(deserializer)
        }
    }
}

impl<'de, S: Shape, const F: usize> Visitor<'de> for Locate<'_, '_, S, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON document")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let shape = self.context.shape;
        let token = shape.envelope().at[self.depth];
        let mut first_found = None;
        while let Some(found) = map.next_key_seed(KeyIs(token))? {
            if found {
                // The last of duplicate keys wins, as in serde_json: the errors an earlier one
                // held are dropped.
                let before = *first_found.get_or_insert(self.context.sink.len());
                self.context.sink.truncate(before);
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
        let shape = self.context.shape;
        let token = shape.envelope().at[self.depth];
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
pub(super) struct KeyIs<'t>(&'t str);

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
pub(super) struct ErrorList<'x, 'c, S: Shape, const F: usize> {
    context: &'x mut Context<'c, S, F>,
}

impl<'de, S: Shape, const F: usize> Visitor<'de> for ErrorList<'_, '_, S, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of errors")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut position = 0;
        while seq
            .next_element_seed(ErrorSeed {
                position: Some(position),
                ..ErrorSeed::outer(&mut *self.context, false)
            })?
            .is_some()
        {
            position += 1;
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        ErrorSeed::outer(self.context, false).visit_map(map)
    }

    skip_scalars!(());
}

/// One error: a JSON object, a positional array, or (where its group reads a part at the
/// error itself) a lone value.
pub(super) struct ErrorSeed<'x, 'c, S: Shape, const F: usize> {
    pub(super) context: &'x mut Context<'c, S, F>,
    /// How many errors hold this one (wrappers, or the error of a nested group).
    nesting: usize,
    /// Whether this is a root array that may be a bare list of batch items.
    bare: bool,
    /// The group whose parts this error reads: 0 for an error of the envelope, `n` for one
    /// nested in it.
    group: u8,
    /// The key this error was sent under, when its group's errors are an object's members.
    key: Option<String>,
    /// Its position in its group's array (or in the envelope's `errors`), when it is an
    /// element of one.
    position: Option<usize>,
}

impl<'c, 'x, S: Shape, const F: usize> ErrorSeed<'x, 'c, S, F> {
    pub(super) fn outer(context: &'x mut Context<'c, S, F>, bare: bool) -> Self {
        ErrorSeed {
            context,
            nesting: 0,
            bare,
            group: 0,
            key: None,
            position: None,
        }
    }

    /// The parts this error reads.
    fn mask(&self) -> u64 {
        if self.group == 0 {
            self.context.all_parts
        } else {
            self.context.group_mask(self.group)
        }
    }

    fn capture<'de>(&mut self) -> Capture<'de, F> {
        let mut capture = Capture {
            raw: RawError::empty(),
            ranks: Ranks::new(),
            bare_items: BatchItems::new(),
            bare_possible: self.bare,
            inner: None,
            replaced: false,
        };
        capture.raw.group = self.group;
        if let Some(key) = self.key.take() {
            self.keep_where(
                &mut capture,
                |role| match role {
                    Role::Key(field) => Some(field),
                    _ => None,
                },
                || key,
            );
        }
        capture
    }

    /// Keeps where the error was sent (its key, or its position) in the field of the part of
    /// its group that `field_of` picks, if the group has one.
    fn keep_where(
        &self,
        capture: &mut Capture<'_, F>,
        field_of: fn(Role) -> Option<usize>,
        text: impl FnOnce() -> String,
    ) {
        let slot = self
            .context
            .ending(self.mask(), 0)
            .find_map(|(role, rank)| Some((field_of(role)?, rank)));
        if let Some((field, rank)) = slot {
            set_field(&mut capture.raw, &mut capture.ranks, field, rank, text());
        }
    }

    /// The field (and its rank) that keeps the error's position in its group's array, with
    /// the position, where the group has one: set once the element is known to be an error,
    /// so that one that says there is none costs nothing.
    fn position_slot(&self) -> Option<(usize, u8, usize)> {
        let position = self.position?;
        if self.mask() & self.context.keeping_positions == 0 {
            return None;
        }
        self.context
            .ending(self.mask(), 0)
            .find_map(|(role, rank)| match role {
                Role::Index(field) => Some((field, rank, position)),
                _ => None,
            })
    }

    /// Builds what the error held, once it has ended: its inner errors when it is a
    /// `multiple` wrapper that held some, else itself (before the errors nested in it, unless
    /// those replace it), else (for a bare item list) the items. An error inside another is
    /// kept even when nothing in it was read, so that the list is not lost, unless its group
    /// says it is no error; the first of such errors at a location stands for the others.
    fn finish(self, mut capture: Capture<'_, F>, before: usize) {
        let position = self.position_slot();
        let context = self.context;
        if context.envelope().multiple.is_some() {
            let is_wrapper = matches!(
                (&capture.raw.code, context.envelope().multiple),
                (Some(code), Some(multiple)) if code == multiple
            );
            if let (true, Some(inner)) = (is_wrapper, capture.inner) {
                let read = serde_json::Deserializer::from_str(inner).deserialize_any(ErrorsIn {
                    context: &mut *context,
                    nesting: self.nesting + 1,
                    group: 0,
                });
                // The error cannot be passed up from here: noted, so the body is read again.
                context.unfinished |= read.is_err();
            }
            if is_wrapper && context.sink.len() > before {
                return;
            }
            context.sink.truncate(before);
        }
        // An item of per-item results that succeeded is no error, nor is anything in it.
        let item = self.nesting == 0 && context.envelope().results;
        if item && !item_failed(&capture.raw, context.sink.len() > before) {
            context.sink.truncate(before);
            return;
        }
        // A summary says nothing of its own: an error with a code of its own is kept before them.
        if capture.replaced && capture.raw.code.is_none() {
            return;
        }
        let mut raw = capture.raw;
        if self.group != 0 {
            let group = context.envelope().group(self.group);
            let says_none = raw
                .code
                .as_deref()
                .is_some_and(|code| group.no_error.contains(&code));
            if says_none {
                context.sink.truncate(before);
                return;
            }
            // It would replace an error that says at least as much, or it ends a chain.
            if (group.replaces || group.recursive) && raw.code.is_none() && raw.message.is_none() {
                return;
            }
        }
        raw.items.shrink_to_fit();
        // A failed item is an error even when only its status says so.
        if !raw.has_content() && self.nesting == 0 && !item {
            if !capture.bare_possible || capture.bare_items.is_empty() {
                return;
            }
            raw.items = capture.bare_items;
            raw.items.shrink_to_fit();
        }
        // Nested errors in which nothing was read say nothing apart: the first of a location
        // stands for them all.
        if !raw.has_content() && self.nesting > 0 {
            if context.empty_kept {
                return;
            }
            context.empty_kept = true;
        }
        // Set once the element is known to be an error: a position alone makes none.
        if let Some((field, rank, position)) = position {
            set_field(
                &mut raw,
                &mut capture.ranks,
                field,
                rank,
                position.to_string(),
            );
        }
        if context.sink.len() > before {
            context.sink.insert(before, raw);
        } else {
            context.sink.push(raw);
        }
    }

    /// Whether a part of this error's group reads the error itself (Jira's `errorMessages`
    /// strings).
    fn reads_itself(&self) -> bool {
        let context = &*self.context;
        let reading = self.mask() & context.reading_scalars;
        reading != 0 && context.ending(reading, 0).next().is_some()
    }

    /// A value where an error should be: an error of the value alone, where the group reads
    /// a part at the error itself (Jira's `errorMessages` strings), else, inside another
    /// error, an error with nothing read.
    fn lone_value(mut self, text: Cow<'_, str>, kind: ScalarKind) {
        let mask = self.mask();
        if !self.reads_itself() && self.nesting == 0 {
            return;
        }
        let before = self.context.sink.len();
        let mut capture = self.capture();
        ValueAt {
            error: &mut self,
            capture: &mut capture,
            mask,
            depth: 0,
            bare_item: false,
        }
        .scalar(text, kind);
        self.finish(capture, before);
    }
}

impl<'de, S: Shape, const F: usize> DeserializeSeed<'de> for ErrorSeed<'_, '_, S, F> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        if !self.context.exact || !self.reads_itself() {
            return deserializer.deserialize_any(self);
        }
        // The error may be a lone scalar: taken as the text it spans, as a part's value is.
        let raw = <&'de RawValue>::deserialize(deserializer)?;
        match Spanned::of(raw.get()) {
            Spanned::Scalar(text, kind) => self.lone_value(text, kind),
            Spanned::Null => {}
            Spanned::Container(text) => {
                serde_json::Deserializer::from_str(text)
                    .deserialize_any(self)
                    .map_err(D::Error::custom)?;
            }
        }
        Ok(())
    }
}

impl<'de, S: Shape, const F: usize> Visitor<'de> for ErrorSeed<'_, '_, S, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an error object")
    }

    fn visit_map<A: MapAccess<'de>>(mut self, map: A) -> Result<(), A::Error> {
        let before = self.context.sink.len();
        let mut capture = self.capture();
        let mask = self.mask();
        walk_map(&mut self, &mut capture, mask, 0, map)?;
        self.finish(capture, before);
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, seq: A) -> Result<(), A::Error> {
        let before = self.context.sink.len();
        let mut capture = self.capture();
        let mask = self.mask();
        let bare = self.bare;
        walk_seq(&mut self, &mut capture, mask, 0, seq, bare)?;
        self.finish(capture, before);
        Ok(())
    }

    // A lone value, read as a part's value is in the quick walk.

    fn visit_borrowed_str<Er>(self, text: &'de str) -> Result<(), Er> {
        self.lone_value(Cow::Borrowed(text), ScalarKind::Str);
        Ok(())
    }

    fn visit_str<Er>(self, text: &str) -> Result<(), Er> {
        self.lone_value(Cow::Borrowed(text), ScalarKind::Str);
        Ok(())
    }

    fn visit_u64<Er>(self, number: u64) -> Result<(), Er> {
        // Written out only where a part reads it: a million `0` cost no string each.
        let text = match self.reads_itself() {
            true => Cow::Owned(number.to_string()),
            false => Cow::Borrowed(""),
        };
        self.lone_value(text, ScalarKind::Unsigned(number));
        Ok(())
    }

    fn visit_i64<Er>(self, number: i64) -> Result<(), Er> {
        let text = match self.reads_itself() {
            true => Cow::Owned(number.to_string()),
            false => Cow::Borrowed(""),
        };
        self.lone_value(text, ScalarKind::OtherNumber);
        Ok(())
    }

    fn visit_f64<Er: serde::de::Error>(self, _: f64) -> Result<(), Er> {
        if self.reads_itself() {
            return Err(stop_quick_walk());
        }
        self.lone_value(Cow::Borrowed(""), ScalarKind::OtherNumber);
        Ok(())
    }

    fn visit_bool<Er>(self, flag: bool) -> Result<(), Er> {
        let text = if flag { "true" } else { "false" };
        self.lone_value(Cow::Borrowed(text), ScalarKind::Bool);
        Ok(())
    }

    fn visit_unit<Er>(self) -> Result<(), Er> {
        Ok(())
    }
}

/// The errors of a list: a `multiple` wrapper's inner errors, or a nested group's.
struct ErrorsIn<'x, 'c, S: Shape, const F: usize> {
    context: &'x mut Context<'c, S, F>,
    nesting: usize,
    group: u8,
}

impl<'de, S: Shape, const F: usize> Visitor<'de> for ErrorsIn<'_, '_, S, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of errors")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let (nesting, group) = (self.nesting, self.group);
        self.context.in_location(|context| {
            let mut position = 0;
            while seq
                .next_element_seed(ErrorSeed {
                    context: &mut *context,
                    nesting,
                    bare: false,
                    group,
                    key: None,
                    // A wrapper's inner errors (group 0) have no place among the envelope's.
                    position: (group != 0).then_some(position),
                })?
                .is_some()
            {
                position += 1;
            }
            Ok(())
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(())
    }

    skip_scalars!(());
}

pub(super) fn walk_map<'de, A: MapAccess<'de>, S: Shape, const F: usize>(
    error: &mut ErrorSeed<'_, '_, S, F>,
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

pub(super) fn walk_seq<'de, A: SeqAccess<'de>, S: Shape, const F: usize>(
    error: &mut ErrorSeed<'_, '_, S, F>,
    capture: &mut Capture<'de, F>,
    mask: u64,
    depth: usize,
    mut seq: A,
    bare: bool,
) -> Result<(), A::Error> {
    let selecting = error.context.selecting(mask, depth);
    let apart = selecting != 0 && error.context.selectors_share_a_role(selecting, depth);
    let mut index = 0;
    loop {
        let found = error.context.continuing_index(mask, depth, index);
        let more = if selecting != 0 {
            seq.next_element_seed(Element {
                error: &mut *error,
                capture: &mut *capture,
                by_index: found,
                selecting,
                apart,
                depth: depth + 1,
            })?
            .is_some()
        } else if found == 0 && !bare {
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
pub(super) struct KeyMask<'x, 'c, S: Shape, const F: usize> {
    context: &'x Context<'c, S, F>,
    mask: u64,
    depth: usize,
}

impl<'de, S: Shape, const F: usize> DeserializeSeed<'de> for KeyMask<'_, '_, S, F> {
    type Value = u64;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<u64, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de, S: Shape, const F: usize> Visitor<'de> for KeyMask<'_, '_, S, F> {
    type Value = u64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<Er>(self, key: &str) -> Result<u64, Er> {
        Ok(self.context.continuing(self.mask, self.depth, key))
    }
}

/// A value inside an error, under which the parts in `mask` continue or end.
pub(super) struct ValueAt<'x, 'y, 'z, 'c, 'de, S: Shape, const F: usize> {
    pub(super) error: &'x mut ErrorSeed<'y, 'c, S, F>,
    pub(super) capture: &'z mut Capture<'de, F>,
    pub(super) mask: u64,
    pub(super) depth: usize,
    /// Whether this is an element of a root array that may be a bare batch item.
    pub(super) bare_item: bool,
}

impl<'de, S: Shape, const F: usize> ValueAt<'_, '_, '_, '_, 'de, S, F> {
    /// The nested group whose errors sit here, if any (and if not nested too deep).
    fn nested_group(&self) -> Option<u8> {
        if self.error.nesting >= MAX_GROUP_NESTING {
            return None;
        }
        self.error
            .context
            .ending(self.mask, self.depth)
            .find_map(|(role, _)| match role {
                Role::Nested(group) => Some(group),
                _ => None,
            })
    }

    /// Notes that the errors of `group` read here (those kept after the first `before`) take
    /// the place of the error holding them, where the group says so and some were found.
    fn note_replaced(self, group: u8, before: usize) {
        let context = &*self.error.context;
        if context.sink.len() > before && context.envelope().group(group).replaces {
            self.capture.replaced = true;
        }
    }

    /// Whether these are the inner errors of a `multiple` wrapper, and the code read so far
    /// does not say the error is one: they are kept as text until the error ends, so that
    /// those of an error that is no wrapper are never built.
    fn defers_inner(&self) -> bool {
        let context = &*self.error.context;
        let Some(multiple) = context.envelope().multiple else {
            return false;
        };
        // Inner errors are no scalar: most values are settled by the mask alone.
        self.mask & !context.reading_scalars != 0
            && self.error.nesting < MAX_WRAPPER_NESTING
            && self.capture.raw.code.as_deref() != Some(multiple)
            && context.ends_here(self.mask, self.depth, Role::Inner)
    }

    /// Whether a part that keeps a scalar's text ends here (a status alone does not).
    fn keeps_text(&self) -> bool {
        self.reads_scalar()
            && self
                .error
                .context
                .ending(self.mask, self.depth)
                .any(|(role, _)| matches!(role, Role::Code | Role::Message | Role::Field(_)))
    }

    /// Stores a number in every part that ends here, turned into text only for the parts
    /// that keep text.
    fn number(self, number: &dyn fmt::Display, kind: ScalarKind) {
        let text = if self.keeps_text() {
            Cow::Owned(number.to_string())
        } else {
            Cow::Borrowed("")
        };
        self.scalar(text, kind);
    }

    /// In the quick walk, a field cannot keep the text of an object or an array: the walk
    /// stops, for an exact one.
    fn keeps_no_container<Er: serde::de::Error>(&self) -> Result<(), Er> {
        let context = &*self.error.context;
        if !context.exact && field_ending(context, self.mask, self.depth).is_some() {
            return Err(stop_quick_walk());
        }
        Ok(())
    }

    /// Whether a part that reads a scalar (a code, a message, a status, a field) ends here.
    fn reads_scalar(&self) -> bool {
        let context = &*self.error.context;
        let reading = self.mask & context.reading_scalars;
        reading != 0 && context.ending(reading, self.depth).next().is_some()
    }

    /// Reads a value taken as the text it spans: a scalar into the parts that end here, an
    /// object or an array kept whole as a field's text, and walked into (from that text) for
    /// the parts, groups, items and inner errors inside it.
    fn spanned(self, raw: &'de str) -> Result<(), serde_json::Error> {
        let container = match Spanned::of(raw) {
            Spanned::Scalar(text, kind) => {
                self.scalar(text, kind);
                return Ok(());
            }
            Spanned::Null => {
                self.null();
                return Ok(());
            }
            Spanned::Container(text) => text,
        };
        let context = &*self.error.context;
        if let Some((index, rank)) = field_ending(context, self.mask, self.depth) {
            let Capture { raw, ranks, .. } = &mut *self.capture;
            set_field(raw, ranks, index, rank, container.to_owned());
        }
        let scalar_parts =
            self.mask & context.shape.parts_ending(self.depth) & context.reading_scalars;
        let inside = self.mask & !scalar_parts;
        if inside != 0 || self.bare_item {
            serde_json::Deserializer::from_str(container).deserialize_any(ValueAt {
                mask: inside,
                ..self
            })?;
        }
        Ok(())
    }

    /// A null: the values of the parts that end here, read before at the same rank, are
    /// taken back (the last of duplicate keys wins, as in serde_json).
    fn null(self) {
        if self.bare_item {
            self.capture.bare_possible = false;
        }
        let context = &*self.error.context;
        let Capture { raw, ranks, .. } = &mut *self.capture;
        for (role, rank) in context.ending(self.mask, self.depth) {
            match role {
                Role::Code if ranks.code == rank => {
                    raw.code = None;
                    ranks.code = Ranks::<F>::NONE;
                }
                Role::Message if ranks.message == rank => {
                    raw.message = None;
                    ranks.message = Ranks::<F>::NONE;
                }
                Role::Status if ranks.status == rank => {
                    raw.status = None;
                    ranks.status = Ranks::<F>::NONE;
                }
                Role::RetryAfter if ranks.retry_after == rank => {
                    raw.retry_after = None;
                    ranks.retry_after = Ranks::<F>::NONE;
                }
                Role::Field(index) if ranks.fields.get(index) == Some(&rank) => {
                    raw.fields[index] = None;
                    ranks.fields[index] = Ranks::<F>::NONE;
                }
                _ => {}
            }
        }
    }

    /// Stores a scalar in every part that ends here ([`store`]).
    fn scalar(self, text: Cow<'de, str>, kind: ScalarKind) {
        if self.bare_item && self.mask == 0 {
            self.capture.bare_possible = false;
            return;
        }
        let context = &*self.error.context;
        let Capture { raw, ranks, .. } = &mut *self.capture;
        store(
            context.envelope(),
            context.codes,
            context.ending(self.mask, self.depth),
            raw,
            ranks,
            text,
            kind,
        );
    }
}

impl<'de, S: Shape, const F: usize> DeserializeSeed<'de> for ValueAt<'_, '_, '_, '_, 'de, S, F> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        if self.defers_inner() {
            let raw = <&'de RawValue>::deserialize(deserializer)?;
            self.capture.inner = Some(raw.get());
            return Ok(());
        }
        // In an exact walk, where a part reads a scalar, the value is taken as the text it
        // spans: numbers stay as sent and can never fail the read, and an object or an array
        // is not built.
        if self.error.context.exact && self.reads_scalar() {
            let raw = <&'de RawValue>::deserialize(deserializer)?;
            return self.spanned(raw.get()).map_err(D::Error::custom);
        }
        deserializer.deserialize_any(self)
    }
}

impl<'de, S: Shape, const F: usize> Visitor<'de> for ValueAt<'_, '_, '_, '_, 'de, S, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    // The quick walk: a string, an integer or a boolean is kept as it is; a number serde_json
    // cannot give back as sent (a fraction, an exponent, past 64 bits, `-0`) stops the walk
    // where a part keeps its text, for an exact one.

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

    fn visit_f64<Er: serde::de::Error>(self, number: f64) -> Result<(), Er> {
        // A CBOR NaN or infinity is `null` in the JSON form, and so here.
        if self.error.context.reading_cbor && !number.is_finite() {
            self.null();
            return Ok(());
        }
        if self.keeps_text() {
            // A CBOR float has no text as sent: it is kept as its JSON form writes it.
            if !self.error.context.reading_cbor {
                return Err(stop_quick_walk());
            }
            let text = serde_json::to_string(&number).unwrap_or_default();
            self.scalar(Cow::Owned(text), ScalarKind::OtherNumber);
            return Ok(());
        }
        self.scalar(Cow::Borrowed(""), ScalarKind::OtherNumber);
        Ok(())
    }

    // Integers past 64 bits (CBOR's; serde_json gives none).

    fn visit_i128<Er>(self, number: i128) -> Result<(), Er> {
        self.number(&number, ScalarKind::OtherNumber);
        Ok(())
    }

    fn visit_u128<Er>(self, number: u128) -> Result<(), Er> {
        self.number(&number, ScalarKind::OtherNumber);
        Ok(())
    }

    fn visit_bool<Er>(self, flag: bool) -> Result<(), Er> {
        let text = if flag { "true" } else { "false" };
        self.scalar(Cow::Borrowed(text), ScalarKind::Bool);
        Ok(())
    }

    fn visit_unit<Er>(self) -> Result<(), Er> {
        self.null();
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.keeps_no_container()?;
        if self.bare_item {
            self.capture.bare_possible = false;
        }
        let context = &*self.error.context;
        if context.ends_here(self.mask, self.depth, Role::Items) {
            if let Some(batch) = context.envelope().batch {
                let items = &mut self.capture.raw.items;
                while seq
                    .next_element_seed(ItemSeed {
                        batch,
                        items: &mut *items,
                    })?
                    .is_some()
                {}
                return Ok(());
            }
        }
        // The inner errors of a `multiple` wrapper have the errors' own parts (group 0).
        let wrapped = (context.ends_here(self.mask, self.depth, Role::Inner)
            && context.envelope().multiple.is_some()
            && self.error.nesting < MAX_WRAPPER_NESTING)
            .then_some(0);
        if let Some(group) = wrapped.or_else(|| self.nested_group()) {
            let before = self.error.context.sink.len();
            let read = ErrorsIn {
                context: &mut *self.error.context,
                nesting: self.error.nesting + 1,
                group,
            }
            .visit_seq(seq);
            self.note_replaced(group, before);
            return read;
        }
        let continuing = self.mask & !ending_mask(context, self.mask, self.depth);
        if continuing != 0 {
            return walk_seq(self.error, self.capture, continuing, self.depth, seq, false);
        }
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.keeps_no_container()?;
        if let Some(group) = self.nested_group() {
            let nesting = self.error.nesting + 1;
            let context = &mut *self.error.context;
            let before = context.sink.len();
            let keyed = context
                .ending(context.group_mask(group), 0)
                .any(|(role, _)| matches!(role, Role::Key(_)));
            context.in_location(|context| {
                if !keyed {
                    return ErrorSeed {
                        context,
                        nesting,
                        bare: false,
                        group,
                        key: None,
                        position: None,
                    }
                    .visit_map(map);
                }
                // The last of duplicate keys wins, as in serde_json (Jira's `summary` twice
                // is one error): the errors of an earlier one are dropped once all are read,
                // in one pass however many repeat.
                let mut read_at = ReadAt::default();
                let mut dropped = Vec::new();
                while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                    let start = context.sink.len();
                    map.next_value_seed(ErrorSeed {
                        context: &mut *context,
                        nesting,
                        bare: false,
                        group,
                        key: Some(key.clone().into_owned()),
                        position: None,
                    })?;
                    let range = start..context.sink.len();
                    if let Some(earlier) = read_at.replace(key, range) {
                        dropped.extend(Some(earlier).filter(|range| !range.is_empty()));
                    }
                }
                if !dropped.is_empty() {
                    dropped.sort_unstable_by_key(|range| range.start);
                    context.sink.remove(&dropped);
                }
                Ok(())
            })?;
            self.note_replaced(group, before);
            return Ok(());
        }
        let context = &*self.error.context;
        let continuing = self.mask & !ending_mask(context, self.mask, self.depth);
        if continuing != 0 {
            return walk_map(self.error, self.capture, continuing, self.depth, map);
        }
        if self.bare_item {
            if let Some(batch) = context.envelope().batch {
                ItemSeed {
                    batch,
                    items: &mut self.capture.bare_items,
                }
                .visit_map(map)?;
                return Ok(());
            }
        }
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(())
    }
}

/// Where the errors of each key of an object of errors by key were kept: a short list, which
/// the few keys of a real body search quicker than they hash, then a hash map, so that an
/// object of a million keys is read in linear time.
#[derive(Default)]
enum ReadAt<'de> {
    #[default]
    Empty,
    Few(Vec<(Cow<'de, str>, Range<usize>)>),
    Many(HashMap<Cow<'de, str>, Range<usize>>),
}

impl<'de> ReadAt<'de> {
    /// How many keys the list holds before they move into a hash map.
    const FEW: usize = 16;

    /// Notes where the errors of `key` were kept, giving back where an earlier `key`'s were.
    fn replace(&mut self, key: Cow<'de, str>, range: Range<usize>) -> Option<Range<usize>> {
        match self {
            ReadAt::Empty => {
                *self = ReadAt::Few(vec![(key, range)]);
                None
            }
            ReadAt::Few(few) => {
                if let Some((_, held)) = few.iter_mut().find(|(held, _)| *held == key) {
                    return Some(std::mem::replace(held, range));
                }
                if few.len() < Self::FEW {
                    few.push((key, range));
                    return None;
                }
                let mut many: HashMap<_, _> = few.drain(..).collect();
                many.insert(key, range);
                *self = ReadAt::Many(many);
                None
            }
            ReadAt::Many(many) => many.insert(key, range),
        }
    }
}

pub(super) fn ending_mask<S: Shape, const F: usize>(
    context: &Context<'_, S, F>,
    mask: u64,
    depth: usize,
) -> u64 {
    mask & context.shape.parts_ending(depth)
}

pub(super) fn field_ending<S: Shape, const F: usize>(
    context: &Context<'_, S, F>,
    mask: u64,
    depth: usize,
) -> Option<(usize, u8)> {
    context
        .ending(mask, depth)
        .find_map(|(role, rank)| match role {
            Role::Field(index) => Some((index, rank)),
            _ => None,
        })
}
