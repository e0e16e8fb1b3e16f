//! Values a response holds once, at a pointer from the document's root: the mark of an error
//! in a body sent with a success status ([`ErrorIf`]), the request id. Each is read in one pass;
//! of an object's duplicate keys the last counts.

use std::borrow::Cow;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use serde::Deserialize as _;

use super::values::{ScalarKind, Spanned};
use super::walk::is_index;
use crate::engine::envelope::{ErrorIf, Mark};

/// Whether the JSON document `body` holds the mark of an error. A body that is not JSON
/// holds none.
pub(crate) fn marks_error(error_if: &ErrorIf<'_>, body: &[u8]) -> bool {
    value_at(error_if.at, body, |value| match (error_if.is, value) {
        (None, Spanned::Null) => false,
        (None, _) => true,
        (Some(Mark::Bool(expected)), Spanned::Scalar(flag, ScalarKind::Bool)) => {
            (flag == "true") == expected
        }
        (Some(Mark::Text(expected)), Spanned::Scalar(text, ScalarKind::Str)) => text == expected,
        (Some(Mark::Integer(expected)), Spanned::Scalar(text, kind)) => {
            kind != ScalarKind::Str && text.parse() == Ok(expected)
        }
        (Some(_), _) => false,
    })
    .unwrap_or(false)
}

/// The text of the scalar at `at` in the JSON document `body` (a string unescaped, a number
/// as sent), if there is one and it is not blank.
pub(crate) fn text_at(at: &[&str], body: &[u8]) -> Option<String> {
    value_at(at, body, |value| match value {
        Spanned::Scalar(text, _) if !text.trim().is_empty() => Some(text.into_owned()),
        _ => None,
    })
    .flatten()
}

/// What `take` makes of the value at `at` in the JSON document `body`, taken as the text it
/// spans (so that no number, `1e400`, fails the read); `None` where the body has no value
/// there. One pass, in place: of duplicate keys on the way, each replaces what the one before
/// it led to.
fn value_at<T>(at: &[&str], body: &[u8], mut take: impl FnMut(Spanned<'_>) -> T) -> Option<T> {
    let mut found = None;
    let _ = Find {
        at,
        depth: 0,
        take: &mut take,
        found: &mut found,
    }
    .deserialize(&mut serde_json::Deserializer::from_slice(body));
    found
}

/// Walks from the root to the location `at`, then takes the value there into `found`.
struct Find<'x, T, F> {
    at: &'x [&'x str],
    depth: usize,
    take: &'x mut F,
    found: &'x mut Option<T>,
}

impl<T, F> Find<'_, T, F> {
    /// The walk one level down.
    fn below(&mut self) -> Find<'_, T, F> {
        Find {
            at: self.at,
            depth: self.depth + 1,
            take: &mut *self.take,
            found: &mut *self.found,
        }
    }
}

impl<'de, T, F: FnMut(Spanned<'_>) -> T> DeserializeSeed<'de> for Find<'_, T, F> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        if self.depth < self.at.len() {
            return deserializer.deserialize_any(self);
        }
        let value = Spanned::deserialize(deserializer)?;
        *self.found = Some((self.take)(value));
        Ok(())
    }
}

impl<'de, T, F: FnMut(Spanned<'_>) -> T> Visitor<'de> for Find<'_, T, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON document")
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<(), A::Error> {
        // Of duplicate keys the last wins, as everywhere in the format (`{"ok": true, "ok":
        // false}` marks an error): each replaces what the one before led to, unless its value
        // breaks off, and then the one before stands (a body cut short after a value keeps
        // the last one read).
        let token = self.at[self.depth];
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            if key != token {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            let before = self.found.take();
            if let Err(error) = map.next_value_seed(self.below()) {
                *self.found = before;
                return Err(error);
            }
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        let token = self.at[self.depth];
        let mut index = 0;
        loop {
            if is_index(token, index) {
                seq.next_element_seed(self.below())?;
                // The rest of the array, so that the keys after it are read.
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                return Ok(());
            }
            if seq.next_element::<IgnoredAny>()?.is_none() {
                return Ok(());
            }
            index += 1;
        }
    }

    // A scalar before the location: a dead end.
    skip_scalars!(());
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
        // A body cut short after the mark keeps it.
        assert!(marks_error(&SLACK, br#"{"ok": false, "broken": [1, 2"#));
    }

    #[test]
    fn of_duplicate_mark_keys_the_last_counts() {
        assert!(marks_error(
            &SLACK,
            br#"{"ok": true, "ok": false, "error": "channel_not_found"}"#
        ));
        assert!(!marks_error(
            &SLACK,
            br#"{"ok": false, "error": "x", "ok": true}"#
        ));
        let nested = ErrorIf {
            at: &["meta", "ok"],
            is: Some(Mark::Bool(false)),
        };
        assert!(marks_error(
            &nested,
            br#"{"meta": {"ok": true}, "meta": {"ok": true, "ok": false}}"#
        ));
    }

    #[test]
    fn a_duplicate_cut_short_leaves_the_one_before_and_keys_after_an_array_count() {
        let nested = ErrorIf {
            at: &["meta", "ok"],
            is: Some(Mark::Bool(false)),
        };
        // The second `meta` breaks off: the first, read whole, stands.
        assert!(marks_error(
            &nested,
            br#"{"meta": {"ok": false}, "meta": {"ok": true, "more": [1"#
        ));
        let first = ErrorIf {
            at: &["results", "0", "status"],
            is: Some(Mark::Text("failure")),
        };
        // The rest of the first array is read, so the duplicate after it replaces it.
        assert!(!marks_error(
            &first,
            br#"{"results": [{"status": "failure"}, 2], "results": [{"status": "ok"}]}"#
        ));
        assert!(marks_error(
            &first,
            br#"{"results": [{"status": "failure"}, {"status": "ok"}], "other": 1}"#
        ));
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
