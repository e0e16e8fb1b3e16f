//! Whether a body sent with a success status is an error after all: the value at the
//! envelope's [`ErrorIf`] location, read in one pass that stops as soon as it is found.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use serde::Deserialize as _;

use super::values::{ScalarKind, Spanned};
use super::walk::is_index;
use crate::engine::envelope::{ErrorIf, Mark};

/// Whether the JSON document `body` holds the mark of an error. A body that is not JSON
/// holds none.
pub(crate) fn marks_error(error_if: &ErrorIf<'_>, body: &[u8]) -> bool {
    let mut found = None;
    let _ = Find {
        error_if,
        depth: 0,
        found: &mut found,
    }
    .deserialize(&mut serde_json::Deserializer::from_slice(body));
    found.unwrap_or(false)
}

/// What the walk stops with once the mark's location was read: the answer is in `found`.
#[derive(Debug)]
struct Stop;

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the mark was read")
    }
}

/// Walks from the root to the mark's location, then compares the value there.
struct Find<'x, 'e> {
    error_if: &'x ErrorIf<'e>,
    depth: usize,
    found: &'x mut Option<bool>,
}

impl Find<'_, '_> {
    /// Notes what the value at the location says and stops the walk.
    fn value<Er: de::Error>(self, value: Value<'_>) -> Result<(), Er> {
        let marks = match (self.error_if.is, value) {
            (None, Value::Null) => false,
            (None, _) => true,
            (Some(Mark::Bool(expected)), Value::Bool(flag)) => expected == flag,
            (Some(Mark::Text(expected)), Value::Text(text)) => expected == text,
            (Some(Mark::Integer(expected)), Value::Integer(number)) => expected == number,
            (Some(_), _) => false,
        };
        *self.found = Some(marks);
        Err(Er::custom(Stop))
    }

    fn at_location(&self) -> bool {
        self.depth == self.error_if.at.len()
    }
}

/// The value at the mark's location, as far as comparing goes.
#[derive(Clone, Copy)]
enum Value<'v> {
    Null,
    Bool(bool),
    Text(&'v str),
    Integer(i64),
    Other,
}

impl<'de> DeserializeSeed<'de> for Find<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        if !self.at_location() {
            return deserializer.deserialize_any(self);
        }
        // The mark itself is taken as the text it spans, so that no number (`1e400`) fails
        // the read and hides the error.
        let value = match Spanned::deserialize(deserializer)? {
            Spanned::Null => Value::Null,
            Spanned::Container(_) => Value::Other,
            Spanned::Scalar(flag, ScalarKind::Bool) => Value::Bool(flag == "true"),
            Spanned::Scalar(text, ScalarKind::Str) => return self.value(Value::Text(&text)),
            Spanned::Scalar(text, _) => text.parse().map_or(Value::Other, Value::Integer),
        };
        self.value(value)
    }
}

impl<'de> Visitor<'de> for Find<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON document")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        if self.at_location() {
            return self.value(Value::Other);
        }
        let token = self.error_if.at[self.depth];
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == token {
                return map.next_value_seed(Find {
                    error_if: self.error_if,
                    depth: self.depth + 1,
                    found: self.found,
                });
            }
            map.next_value::<IgnoredAny>()?;
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        if self.at_location() {
            return self.value(Value::Other);
        }
        let token = self.error_if.at[self.depth];
        let mut index = 0;
        loop {
            if is_index(token, index) {
                return seq
                    .next_element_seed(Find {
                        error_if: self.error_if,
                        depth: self.depth + 1,
                        found: self.found,
                    })
                    .map(|_| ());
            }
            if seq.next_element::<IgnoredAny>()?.is_none() {
                return Ok(());
            }
            index += 1;
        }
    }

    fn visit_str<Er: de::Error>(self, text: &str) -> Result<(), Er> {
        self.scalar(Value::Text(text))
    }

    fn visit_bool<Er: de::Error>(self, flag: bool) -> Result<(), Er> {
        self.scalar(Value::Bool(flag))
    }

    fn visit_i64<Er: de::Error>(self, number: i64) -> Result<(), Er> {
        self.scalar(Value::Integer(number))
    }

    fn visit_u64<Er: de::Error>(self, number: u64) -> Result<(), Er> {
        self.scalar(i64::try_from(number).map_or(Value::Other, Value::Integer))
    }

    fn visit_f64<Er: de::Error>(self, _: f64) -> Result<(), Er> {
        self.scalar(Value::Other)
    }

    fn visit_unit<Er: de::Error>(self) -> Result<(), Er> {
        self.scalar(Value::Null)
    }
}

impl Find<'_, '_> {
    /// A scalar: the mark's value when at its location, else a dead end.
    fn scalar<Er: de::Error>(self, value: Value<'_>) -> Result<(), Er> {
        if self.at_location() {
            self.value(value)
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::marks_error;
    use crate::engine::envelope::{ErrorIf, Mark};

    const SLACK: ErrorIf<'static> = ErrorIf {
        at: &["ok"],
        is: Some(Mark::Bool(false)),
    };

    #[test]
    fn slack_marks_errors_with_ok_false() {
        assert!(marks_error(
            &SLACK,
            br#"{"ok": false, "error": "channel_not_found"}"#
        ));
        assert!(marks_error(
            &SLACK,
            br#"{"error": "invalid_auth", "ok": false}"#
        ));
        assert!(!marks_error(
            &SLACK,
            br#"{"ok": true, "channel": {"id": "C123"}}"#
        ));
        // Without the mark, or with another value: no error.
        for body in [
            &b"{}"[..],
            b"",
            b"<html>",
            br#"{"ok": "false"}"#,
            br#"{"ok": null}"#,
            b"[false]",
        ] {
            assert!(!marks_error(&SLACK, body), "{body:?}");
        }
        // The walk stops at the mark: what follows is never read.
        assert!(marks_error(&SLACK, br#"{"ok": false, "broken": [1, 2"#));
    }

    #[test]
    fn presence_marks_an_error_and_paths_reach_into_arrays() {
        let graphql = ErrorIf {
            at: &["errors"],
            is: None,
        };
        assert!(marks_error(
            &graphql,
            br#"{"data": null, "errors": [{"message": "x"}]}"#
        ));
        assert!(!marks_error(
            &graphql,
            br#"{"data": {"a": 1}, "errors": null}"#
        ));
        assert!(!marks_error(&graphql, br#"{"data": {"a": 1}}"#));
        // A number past f64's range is a value there like any other, wherever it sits.
        assert!(marks_error(&graphql, br#"{"errors": 1e400}"#));
        assert!(marks_error(
            &graphql,
            br#"{"data": [1e400, -1E999], "errors": [{"message": "x"}]}"#
        ));
        let nested = ErrorIf {
            at: &["results", "1", "status"],
            is: Some(Mark::Text("failure")),
        };
        assert!(marks_error(
            &nested,
            br#"{"results": [{"status": "ok"}, {"status": "failure"}]}"#
        ));
        assert!(!marks_error(
            &nested,
            br#"{"results": [{"status": "failure"}]}"#
        ));
        let code = ErrorIf {
            at: &["code"],
            is: Some(Mark::Integer(-1)),
        };
        assert!(marks_error(&code, br#"{"code": -1}"#));
        assert!(!marks_error(&code, br#"{"code": 0}"#));
        assert!(!marks_error(&code, br#"{"code": -1.0}"#));
        assert!(!marks_error(
            &code,
            br#"{"code": 123456789012345678901234567890}"#
        ));
    }
}
