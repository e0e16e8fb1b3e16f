//! Values as the reader keeps them: strings borrowed from the body where they can be, numbers
//! as the text the server sent, objects and arrays as the JSON text they span.

use std::borrow::Cow;
use std::fmt;

use serde::de::{Deserializer, Visitor};
use serde_json::value::RawValue;

use super::repair::repair;

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

/// What kind of scalar a value was, for the roles that care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ScalarKind {
    Str,
    Unsigned(u64),
    OtherNumber,
    Bool,
}

/// A JSON value taken as the text it spans in the body. Reading a value this way never
/// builds it: a number is never converted (so `1.0`, `1e400` and integers past 64 bits stay
/// as sent, and none can fail the read), and an object or an array is only scanned.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Spanned<'de> {
    /// A string (unescaped), a number (as sent) or a boolean (`true` or `false`).
    Scalar(Cow<'de, str>, ScalarKind),
    Null,
    /// An object or an array: its JSON text, to keep whole or to walk into.
    Container(&'de str),
}

impl<'de> Spanned<'de> {
    /// Sorts the text of one JSON value, as serde_json's `RawValue` spans it.
    pub(super) fn of(raw: &'de str) -> Self {
        match raw.as_bytes().first() {
            Some(b'"') => Spanned::Scalar(unquote(raw), ScalarKind::Str),
            Some(b'{' | b'[') => Spanned::Container(raw),
            Some(b't') => Spanned::Scalar(Cow::Borrowed("true"), ScalarKind::Bool),
            Some(b'f') => Spanned::Scalar(Cow::Borrowed("false"), ScalarKind::Bool),
            Some(b'n') | None => Spanned::Null,
            Some(_) => {
                let kind = raw
                    .parse::<u64>()
                    .map_or(ScalarKind::OtherNumber, ScalarKind::Unsigned);
                Spanned::Scalar(Cow::Borrowed(raw), kind)
            }
        }
    }

    /// A scalar's text; `None` for null, an object or an array.
    pub(super) fn into_text(self) -> Option<Cow<'de, str>> {
        match self {
            Spanned::Scalar(text, _) => Some(text),
            Spanned::Null | Spanned::Container(_) => None,
        }
    }
}

impl<'de> serde::Deserialize<'de> for Spanned<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        <&'de RawValue>::deserialize(deserializer).map(|raw| Spanned::of(raw.get()))
    }
}

/// The text of a JSON string literal (quotes included, as validated by the scan that spanned
/// it): borrowed unless it holds escapes.
fn unquote(literal: &str) -> Cow<'_, str> {
    let inner = literal
        .get(1..literal.len().saturating_sub(1))
        .unwrap_or_default();
    if !inner.contains('\\') {
        return Cow::Borrowed(inner);
    }
    if let Ok(text) = serde_json::from_str::<Text<'_>>(literal) {
        return text.0;
    }
    // A lone surrogate escape passes the scan but not the unescaping: what the server meant.
    repair(literal.as_bytes())
        .and_then(|repaired| serde_json::from_str::<String>(&repaired).ok())
        .map_or(Cow::Borrowed(""), Cow::Owned)
}

#[cfg(test)]
mod tests {
    use super::{ScalarKind, Spanned};
    use std::borrow::Cow;

    fn spanned(json: &str) -> Spanned<'_> {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn numbers_stay_as_sent() {
        for sent in [
            "1.0",
            "1e400",
            "-1e309",
            "12345678901234567890123",
            "-0",
            "0.10",
        ] {
            assert_eq!(
                spanned(sent),
                Spanned::Scalar(Cow::Borrowed(sent), ScalarKind::OtherNumber),
                "{sent}"
            );
        }
        assert_eq!(
            spanned(" 404 "),
            Spanned::Scalar(Cow::Borrowed("404"), ScalarKind::Unsigned(404))
        );
    }

    #[test]
    fn strings_borrow_unless_escaped() {
        assert!(matches!(
            spanned(r#""plain""#),
            Spanned::Scalar(Cow::Borrowed("plain"), ScalarKind::Str)
        ));
        assert_eq!(
            spanned(r#""a\"b\u00e9""#).into_text().as_deref(),
            Some("a\"bé")
        );
    }

    #[test]
    fn containers_are_their_text() {
        assert_eq!(
            spanned(r#" {"a": [1, 2]} "#),
            Spanned::Container(r#"{"a": [1, 2]}"#)
        );
        assert_eq!(spanned("null"), Spanned::Null);
        assert_eq!(spanned("false").into_text().as_deref(), Some("false"));
    }
}
