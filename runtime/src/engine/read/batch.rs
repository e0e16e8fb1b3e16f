//! Per-item results of a batch write, as the envelope's `[batch]` describes them.

use std::borrow::Cow;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::values::{ScalarKind, Spanned, Text};
use crate::engine::envelope::Batch;
use crate::{BatchItem, BatchItems};

/// One batch item result, added to `items`; an element that is not an object, or an object
/// that says nothing the batch names, adds none.
pub(super) struct ItemSeed<'a, 'i> {
    pub(super) batch: Batch<'a>,
    pub(super) items: &'i mut BatchItems,
}

impl<'de> DeserializeSeed<'de> for ItemSeed<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ItemSeed<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a batch item object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let batch = self.batch;
        let mut id: Option<Spanned<'de>> = None;
        let mut message = None;
        let mut keyed: Option<(Cow<'de, str>, bool)> = None;
        while let Some(key) = map.next_key::<Text<'de>>()? {
            let key = key.0;
            let value = map.next_value::<Spanned<'de>>()?;
            if key == batch.id {
                id = Some(value);
            } else if key == batch.message {
                message = Some(value.into_text().unwrap_or_default());
            } else if let (None, Spanned::Scalar(flag, ScalarKind::Bool)) = (&keyed, &value) {
                keyed = Some((key, flag == "true"));
            }
        }
        if id.is_none() && keyed.is_none() && message.is_none() {
            // `{}`, or an item of only keys the batch does not name, says nothing: not kept,
            // as an element that is no object, so the items kept stay within the body's size.
            return Ok(());
        }
        let (id, ok) = match id {
            Some(Spanned::Null) => (None, false),
            Some(Spanned::Scalar(flag, ScalarKind::Bool)) => (None, flag == "true"),
            Some(Spanned::Scalar(text, _)) => (Some(text), true),
            Some(Spanned::Container(_)) => (None, true),
            None => keyed.map_or((None, false), |(key, ok)| (Some(key), ok)),
        };
        self.items.push(BatchItem {
            id: id.as_deref(),
            ok,
            message: message.as_deref().unwrap_or_default(),
        });
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(())
    }

    skip_scalars!(());
}
