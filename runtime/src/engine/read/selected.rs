//! Array elements chosen by a member's value: a part's pointer token `[key=value]` (Google's
//! `/details/[@type=type.googleapis.com/google.rpc.ErrorInfo]/reason`). The element is read
//! into a capture of its own and what it held counts only for the parts whose selector its
//! member matched, wherever that member sits among the element's keys.

use std::borrow::Cow;
use std::fmt;

use serde::de::{
    DeserializeSeed, Deserializer, Error as _, IgnoredAny, MapAccess, SeqAccess, Visitor,
};
use serde::Deserialize as _;
use serde_json::value::RawValue;

use super::store::{set_field, set_message};
use super::values::Spanned;
use super::walk::{ErrorSeed, ValueAt};
use super::{claim, claim_code, Capture, Context, Ranks};
use crate::engine::envelope::{RawError, Role, Shape};
use crate::BatchItems;

/// An element of an array that parts reach through a selector (`[@type=...ErrorInfo]`): what
/// those parts read in it counts only if the element's member has the selector's value,
/// wherever the member sits among the element's keys. Parts that reach the element by its
/// index read it too.
pub(super) struct Element<'x, 'y, 'z, 'c, 'de, S: Shape, const F: usize> {
    pub(super) error: &'x mut ErrorSeed<'y, 'c, S, F>,
    pub(super) capture: &'z mut Capture<'de, F>,
    /// The parts that reach this element by its index.
    pub(super) by_index: u64,
    /// The parts that reach it through a selector.
    pub(super) selecting: u64,
    /// Whether parts of different selectors among `selecting` fill the same role, so that
    /// each selector's parts read the element apart.
    pub(super) apart: bool,
    /// The depth of the element's members in the parts' paths.
    pub(super) depth: usize,
}

impl<'de, S: Shape, const F: usize> DeserializeSeed<'de> for Element<'_, '_, '_, '_, 'de, S, F> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        if self.by_index == 0 && !self.apart {
            return deserializer.deserialize_any(self);
        }
        // Reached by index and by selector, or through selectors that want different members
        // or values (`[@type=ErrorInfo]` and `[@type=QuotaFailure]`): what one selector's
        // parts read counts apart from what another's read, so the text the element spans is
        // read once for each.
        let raw = <&'de RawValue>::deserialize(deserializer)?;
        let text = raw.get();
        if self.by_index != 0 {
            ValueAt {
                error: &mut *self.error,
                capture: &mut *self.capture,
                mask: self.by_index,
                depth: self.depth,
                bare_item: false,
            }
            .deserialize(&mut serde_json::Deserializer::from_str(text))
            .map_err(D::Error::custom)?;
        }
        let mut rest = self.selecting;
        while rest != 0 {
            let group = if self.apart {
                self.error.context.same_selector(rest, self.depth - 1)
            } else {
                rest
            };
            rest &= !group;
            Element {
                error: &mut *self.error,
                capture: &mut *self.capture,
                by_index: 0,
                selecting: group,
                apart: false,
                depth: self.depth,
            }
            .deserialize(&mut serde_json::Deserializer::from_str(text))
            .map_err(D::Error::custom)?;
        }
        Ok(())
    }
}

impl<'de, S: Shape, const F: usize> Visitor<'de> for Element<'_, '_, '_, '_, 'de, S, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array element")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut read = Capture {
            raw: RawError::empty(),
            ranks: Ranks::new(),
            bare_items: BatchItems::new(),
            bare_possible: false,
            inner: None,
            replaced: false,
        };
        let mut matched = 0u64;
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            let context = &*self.error.context;
            let wanted: Vec<(u64, &str)> = context
                .discriminating(self.selecting, self.depth - 1, &key)
                .collect();
            let continuing = context.continuing(self.selecting, self.depth, &key);
            if !wanted.is_empty() {
                // The member a selector compares may also be a part's value
                // (`type = "/details/[@type=...]/@type"`): read both from its text.
                let raw = map.next_value::<&'de RawValue>()?;
                let value = Spanned::of(raw.get()).into_text();
                for (bit, expected) in wanted {
                    if value.as_deref() == Some(expected) {
                        matched |= bit;
                    }
                }
                if continuing != 0 {
                    ValueAt {
                        error: &mut *self.error,
                        capture: &mut read,
                        mask: continuing,
                        depth: self.depth + 1,
                        bare_item: false,
                    }
                    .deserialize(&mut serde_json::Deserializer::from_str(raw.get()))
                    .map_err(A::Error::custom)?;
                }
                continue;
            }
            if continuing == 0 {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            map.next_value_seed(ValueAt {
                error: &mut *self.error,
                capture: &mut read,
                mask: continuing,
                depth: self.depth + 1,
                bare_item: false,
            })?;
        }
        merge_selected(&*self.error.context, self.capture, read, matched);
        Ok(())
    }

    skip_scalars!(());

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(())
    }
}

/// Keeps what an element reached through selectors held, for the parts whose selector matched.
fn merge_selected<'de, S: Shape, const F: usize>(
    context: &Context<'_, S, F>,
    capture: &mut Capture<'de, F>,
    read: Capture<'de, F>,
    matched: u64,
) {
    let counts = |role: Role, rank: u8| {
        context
            .parts()
            .any(|(bit, part)| matched & bit != 0 && part.role == role && part.rank == rank)
    };
    capture.replaced |= read.replaced;
    let Capture { raw, ranks, .. } = capture;
    let (found, found_ranks) = (read.raw, read.ranks);
    if let Some(code) = found.code {
        if counts(Role::Code, found_ranks.code)
            && claim_code(
                ranks,
                found_ranks.code,
                &code,
                raw.code.as_deref(),
                context.codes,
            )
        {
            raw.code = Some(code);
        }
    }
    if let Some(message) = found.message {
        if counts(Role::Message, found_ranks.message) {
            set_message(raw, ranks, found_ranks.message, message);
        }
    }
    if let Some(status) = found.status {
        if counts(Role::Status, found_ranks.status) && claim(&mut ranks.status, found_ranks.status)
        {
            raw.status = Some(status);
        }
    }
    if let Some(delay) = found.retry_after {
        if counts(Role::RetryAfter, found_ranks.retry_after)
            && claim(&mut ranks.retry_after, found_ranks.retry_after)
        {
            raw.retry_after = Some(delay);
        }
    }
    for (index, value) in found.fields.into_iter().enumerate() {
        let rank = found_ranks.fields[index];
        if let (Some(value), true) = (value, counts(Role::Field(index), rank)) {
            set_field(raw, ranks, index, rank, value);
        }
    }
}
