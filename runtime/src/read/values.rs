//! Values as the reader keeps them: strings borrowed from the body where they can be,
//! scalars of any JSON type as text.

use std::borrow::Cow;
use std::fmt;

use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// A string that borrows from the body when it can.
pub(super) struct Text<'de>(pub(super) Cow<'de, str>);

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
pub(super) enum Scalar<'de> {
    Null,
    Bool(bool),
    Text(Cow<'de, str>),
    Other,
}

impl<'de> Scalar<'de> {
    pub(super) fn into_text(self) -> Option<Cow<'de, str>> {
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
