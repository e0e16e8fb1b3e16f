//! Numbers as the document wrote them. A reading into `serde_json::Value` keeps a number's
//! value, not its text: `1E2` reads as 100.0, `1.50` as 1.5, a 23-digit integer as the nearest
//! f64. The runtime compares a numeric code by the text it received, so a draft must write a
//! code as the document or capture wrote it, or bodies sending it decode to `Unknown`.
//!
//! The texts come from a second reading of the same text, guided by the first: it descends
//! where the value has objects and arrays and, at each number whose text may differ from what
//! the value prints, takes the text. A map key's order in the value (a `BTreeMap`) is not the
//! document's, so the texts cannot be lined up with the value after the fact; the guide finds
//! each member by its key instead. The second reading runs only when the first holds such a
//! number, and the parser's own depth limit bounds its recursion as it bounds the first's.

use std::collections::HashMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Number, Value};

/// The text of each number of a value whose text differs from what the value prints, by the
/// number's place in the value (which does not move once read).
#[derive(Debug, Default)]
pub struct Literals(HashMap<*const Value, Box<str>>);

impl Literals {
    /// The texts of `value`'s numbers, read again from the JSON `text` it was read from.
    #[must_use]
    pub fn of_json(text: &[u8], value: &Value) -> Self {
        Self::guided::<Json, _>(value, |seed| {
            seed.deserialize(&mut serde_json::Deserializer::from_slice(text))
        })
    }

    /// The texts of `value`'s numbers, read again through `reader`, which reads the text
    /// `value` came from the way it was read first ([`Reading`] says how, per format).
    pub(crate) fn guided<R: Reading, E>(
        value: &Value,
        reader: impl FnOnce(Guided<'_, '_, R>) -> Result<(), E>,
    ) -> Self {
        let mut literals = Literals::default();
        if !holds(value, R::may_differ) {
            return literals;
        }
        let seed = Guided {
            value,
            out: &mut literals.0,
            reading: PhantomData,
        };
        // The text read once already: a second reading that fails keeps what it found, and
        // the numbers it did not reach print as their value.
        let _ = reader(seed);
        literals
    }

    /// Adds the texts of another value's numbers.
    pub fn extend(&mut self, other: Literals) {
        self.0.extend(other.0);
    }

    /// A code's text: a string as it is (unless blank), a number as it was written.
    #[must_use]
    pub fn code_text(&self, value: &Value) -> Option<String> {
        match value {
            Value::String(text) if !text.trim().is_empty() => Some(text.clone()),
            Value::Number(number) => Some(match self.0.get(&std::ptr::from_ref(value)) {
                Some(text) => text.as_ref().to_owned(),
                None => number.to_string(),
            }),
            _ => None,
        }
    }
}

/// Whether `value` holds a number `may_differ` says may be written otherwise than it prints.
fn holds(value: &Value, may_differ: fn(&Number) -> bool) -> bool {
    // A stack, not recursion: a value may nest deeper than the stack allows.
    let mut stack = vec![value];
    while let Some(value) = stack.pop() {
        match value {
            Value::Number(number) if may_differ(number) => return true,
            Value::Object(members) => stack.extend(members.values()),
            Value::Array(elements) => stack.extend(elements),
            _ => {}
        }
    }
    false
}

/// Whether `text` is a number as JSON writes one: `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`.
fn is_json_number(text: &str) -> bool {
    let digits =
        |rest: &str| rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = text.strip_prefix('-').unwrap_or(text);
    let whole = digits(rest);
    if whole == 0 || (whole > 1 && rest.starts_with('0')) {
        return false;
    }
    let mut rest = &rest[whole..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let count = digits(fraction);
        if count == 0 {
            return false;
        }
        rest = &fraction[count..];
    }
    if let Some(exponent) = rest.strip_prefix(['e', 'E']) {
        let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
        let count = digits(exponent);
        if count == 0 {
            return false;
        }
        rest = &exponent[count..];
    }
    rest.is_empty()
}

/// How a format's text is read the second time.
pub(crate) trait Reading {
    /// Whether a number of this value may have been written otherwise than it prints.
    fn may_differ(number: &Number) -> bool;

    /// The next map key, as the first reading made it a member's name.
    fn key<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<String>, A::Error>;

    /// A number's text, as written.
    fn number<'de, D: de::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error>;
}

/// JSON read by serde_json: only a number it reads as a float may differ (an integer within
/// 64 bits prints as written; `1E2`, `1.50`, `-0` and integers past 64 bits read as floats).
struct Json;

impl Reading for Json {
    fn may_differ(number: &Number) -> bool {
        number.is_f64()
    }

    fn key<'de, A: MapAccess<'de>>(map: &mut A) -> Result<Option<String>, A::Error> {
        map.next_key()
    }

    fn number<'de, D: de::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
        <&RawValue>::deserialize(deserializer).map(|raw| raw.get().to_owned())
    }
}

/// The second reading at one value: what the first reading gave guides it.
pub(crate) struct Guided<'v, 'o, R> {
    value: &'v Value,
    out: &'o mut HashMap<*const Value, Box<str>>,
    reading: PhantomData<R>,
}

impl<'v, R> Guided<'v, '_, R> {
    fn at<'o>(&'o mut self, value: &'v Value) -> Guided<'v, 'o, R> {
        Guided {
            value,
            out: self.out,
            reading: PhantomData,
        }
    }
}

impl<'de, R: Reading> DeserializeSeed<'de> for Guided<'_, '_, R> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        match self.value {
            Value::Object(_) => deserializer.deserialize_map(self),
            Value::Array(_) => deserializer.deserialize_seq(self),
            Value::Number(number) if R::may_differ(number) => {
                let text = R::number(deserializer)?;
                // A text JSON cannot send (YAML's `0x1F`, `+12`) is its value's, as a JSON
                // body sends it.
                if is_json_number(&text) && text != number.to_string() {
                    self.out
                        .insert(std::ptr::from_ref(self.value), text.into_boxed_str());
                }
                Ok(())
            }
            _ => IgnoredAny::deserialize(deserializer).map(drop),
        }
    }
}

impl<'de, R: Reading> Visitor<'de> for Guided<'_, '_, R> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("the value read before")
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<(), A::Error> {
        let members = self.value.as_object();
        while let Some(key) = R::key(&mut map)? {
            // A duplicate key guides to the member the first reading kept, the last: its
            // text, written last, is the one kept.
            match members.and_then(|members| members.get(&key)) {
                Some(member) => map.next_value_seed(self.at(member))?,
                None => map.next_value::<IgnoredAny>().map(drop)?,
            }
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        let elements = self.value.as_array().map_or(&[][..], Vec::as_slice);
        for element in elements {
            if seq.next_element_seed(self.at(element))?.is_none() {
                return Ok(());
            }
        }
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::Literals;

    fn codes(text: &str) -> Vec<String> {
        let value: Value = serde_json::from_str(text).unwrap();
        let literals = Literals::of_json(text.as_bytes(), &value);
        value["codes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|code| literals.code_text(code).unwrap())
            .collect()
    }

    #[test]
    fn numbers_keep_the_text_they_were_written_with() {
        assert_eq!(
            codes(
                r#"{"a": [1.5e0, {"b": 2}], "codes": [1E2, 1.50, 12345678901234567890123, -0, 100, 1.5, "E1", 0.1e-400]}"#
            ),
            [
                "1E2",
                "1.50",
                "12345678901234567890123",
                "-0",
                "100",
                "1.5",
                "E1",
                "0.1e-400"
            ]
        );
    }

    #[test]
    fn only_a_text_json_can_send_is_kept() {
        for text in [
            "0",
            "-0",
            "1.50",
            "1E2",
            "1e+2",
            "0.1e-400",
            "123456789012345678901",
        ] {
            assert!(super::is_json_number(text), "{text}");
        }
        for text in [
            "0x1F", "+12", ".5", "1.", "01", "1e", "1_000", "0o17", "-", "",
        ] {
            assert!(!super::is_json_number(text), "{text}");
        }
    }

    #[test]
    fn a_duplicate_key_keeps_the_text_of_the_last() {
        assert_eq!(codes(r#"{"codes": [1], "codes": [2.50]}"#), ["2.50"]);
    }

    #[test]
    fn integers_only_read_once() {
        let text = r#"{"codes": [404, -7, 18446744073709551615]}"#;
        let value: Value = serde_json::from_str(text).unwrap();
        assert!(Literals::of_json(text.as_bytes(), &value).0.is_empty());
        assert_eq!(codes(text), ["404", "-7", "18446744073709551615"]);
    }
}
