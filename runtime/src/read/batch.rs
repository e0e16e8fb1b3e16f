//! Per-item results of a batch write, as the envelope's `[batch]` describes them.

use std::borrow::Cow;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::values::{ScalarKind, Spanned, Text};
use crate::envelope::Batch;
use crate::BatchItem;

/// One batch item result; `None` for an element that is not an object.
pub(super) struct ItemSeed<'a>(pub(super) Batch<'a>);

impl<'de> DeserializeSeed<'de> for ItemSeed<'_> {
    type Value = Option<BatchItem>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(ItemVisitor(self.0))
    }
}

pub(super) struct ItemVisitor<'a>(pub(super) Batch<'a>);

impl<'de> Visitor<'de> for ItemVisitor<'_> {
    type Value = Option<BatchItem>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a batch item object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let batch = self.0;
        let mut id: Option<Spanned<'de>> = None;
        let mut message = None;
        let mut keyed: Option<(String, bool)> = None;
        while let Some(key) = map.next_key::<Text<'de>>()? {
            let key = key.0;
            let value = map.next_value::<Spanned<'de>>()?;
            if key == batch.id {
                id = Some(value);
            } else if key == batch.message {
                message = Some(value.into_text().map(Cow::into_owned).unwrap_or_default());
            } else if let (None, Spanned::Scalar(flag, ScalarKind::Bool)) = (&keyed, &value) {
                keyed = Some((key.into_owned(), flag == "true"));
            }
        }
        if id.is_none() && keyed.is_none() && message.is_none() {
            // `{}`, or an item of only keys the batch does not name, says nothing: not kept,
            // as an element that is no object, so the items kept stay within the body's size.
            return Ok(None);
        }
        let message = message.unwrap_or_default();
        let (id, ok) = match id {
            Some(Spanned::Null) => (None, false),
            Some(Spanned::Scalar(flag, ScalarKind::Bool)) => (None, flag == "true"),
            Some(Spanned::Scalar(text, _)) => (Some(text.into_owned()), true),
            Some(Spanned::Container(_)) => (None, true),
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
