//! Where a spec says the parts of an error sit, as the decoder reads it.
//!
//! Generated code (or the CLI's interpreter) describes a vendor's envelope once, statically;
//! [`crate::engine::read`] walks a body along it in one pass.

use std::borrow::Cow;
use std::ops::Range;
use std::time::Duration;

use crate::BatchItems;
use errspec_vocab::pointer::{array_index, selector};
pub use errspec_vocab::{BodyFormat, FallbackKey, Role};

/// Where the errors of a body sit and what to read in each. Paths are JSON pointers split
/// into their unescaped reference tokens (`"/error/code"` is `["error", "code"]`).
#[derive(Debug, Clone, Copy)]
pub struct Envelope<'a> {
    /// The syntax of the bodies: JSON, or XML (paths over element names).
    pub format: BodyFormat,
    /// Where the error object (or, with `many`, the array of error objects) sits. In XML,
    /// the error element (with `many`, each element at this path is one error).
    pub at: &'a [&'a str],
    /// Whether `at` holds an array of errors rather than one error.
    pub many: bool,
    /// Whether the elements at `at` (with `many`) are the per-item results of a request made
    /// for several items, successes among them: S3 DeleteObjects' `<Error>` elements beside
    /// its `<Deleted>` ones, Graph `$batch` `responses`, Salesforce sObject Collections. An
    /// item is an error when its own status is 400 or more, or, without one, when a code or a
    /// message is read in it (or errors nested in it are); any other is a success and yields
    /// nothing (`item_failed`). A body sent with a success status that holds a failed item
    /// is an error response.
    pub results: bool,
    /// What to read inside each error, at paths relative to it, and inside each of its nested
    /// errors (the parts of a [`Part::group`] other than 0). At most [`MAX_PARTS`] in all.
    pub parts: &'a [Part<'a>],
    /// Where the code ends inside the text sent at its location: before the first occurrence
    /// of this (AWS: `ValidationException:http://...`).
    pub code_before: Option<&'a str>,
    /// Where the code starts inside that text (after `code_before` cut it): after the last
    /// occurrence of this (AWS: `com.amazonaws.dynamodb.v20120810#ResourceNotFoundException`).
    pub code_after: Option<&'a str>,
    /// The wire code of an error that wraps several (its [`Role::Inner`] part holds them).
    pub multiple: Option<&'a str>,
    /// How batch item results read.
    pub batch: Option<Batch<'a>>,
    /// What marks a body sent with a success status as an error (Slack's `"ok": false`).
    pub error_if: Option<ErrorIf<'a>>,
    /// The media types of the responses this shape reads, lowercase (`application/xml`);
    /// empty: any. A response whose `Content-Type` is known and none of them is not read in
    /// this shape.
    pub content_types: &'a [&'a str],
    /// Where the body holds the request id (awsQuery's `<RequestId>`, Box's `request_id`),
    /// from the document's root, tried in order; a header the spec names comes first.
    pub request_id: &'a [&'a [&'a str]],
    /// What each group of nested errors decides for itself: `groups[n - 1]` for the errors of
    /// [`Role::Nested`]`(n)`. A group beyond the slice takes the defaults.
    pub groups: &'a [Group<'a>],
}

/// How the errors of one group of nested errors (`[[envelope.inner]]`) are told apart and
/// kept.
#[derive(Debug, Clone, Copy, Default)]
pub struct Group<'a> {
    /// Codes that say there is no error at this place (DynamoDB's `{"Code": "None"}` among
    /// `CancellationReasons`): an element with one of them yields nothing.
    pub no_error: &'a [&'a str],
    /// Whether the errors found here take the place of the error that holds them when it only
    /// summarises them, having no code of its own (Google's v1 `{"error": {"code": 403,
    /// "message": <the first's>, "errors": [...]}}`); one with a code is kept before them.
    /// An element in which neither a code nor a message was read is then no error.
    pub replaces: bool,
    /// Whether each error here holds more of them at the same place, to any depth (Graph's
    /// `innerError` chain); the chain ends where neither a code nor a message is read.
    pub recursive: bool,
    /// The entry for an error of this group without a code, by status, before the spec's
    /// `[fallback.missing]`.
    pub missing: &'a [(FallbackKey, u16)],
    /// The entry for an error of this group with an undocumented code, by status, before the
    /// spec's `[fallback.unknown]`.
    pub unknown: &'a [(FallbackKey, u16)],
}

impl Group<'static> {
    /// What the errors themselves, nested in none, are decided by: the defaults.
    pub const NONE: Group<'static> = Group {
        no_error: &[],
        replaces: false,
        recursive: false,
        missing: &[],
        unknown: &[],
    };
}

impl<'a> Envelope<'a> {
    /// What group `group` decides (0, the errors themselves: the defaults).
    #[must_use]
    #[inline]
    pub fn group(&self, group: u8) -> &Group<'a> {
        usize::from(group)
            .checked_sub(1)
            .and_then(|index| self.groups.get(index))
            .unwrap_or(&Group::NONE)
    }

    /// The `Content-Type` `to_http` sends a body of this shape with: the first the shape
    /// reads (`application/x-amz-json-1.0`), else its format's.
    #[must_use]
    pub fn sent_content_type(&self) -> &'a str {
        self.content_types
            .first()
            .copied()
            .unwrap_or_else(|| self.format.content_type())
    }

    /// Whether a response of `content_type` (a `Content-Type` header's value, parameters
    /// and all; `None` where the headers are not known) may be read in this shape.
    #[must_use]
    #[inline]
    pub fn accepts(&self, content_type: Option<&str>) -> bool {
        let Some(content_type) = content_type else {
            return true;
        };
        let essence = content_type
            .split(';')
            .next()
            .unwrap_or_default()
            .trim_matches([' ', '\t']);
        // A blank `Content-Type` says nothing.
        self.content_types.is_empty()
            || essence.is_empty()
            || self
                .content_types
                .iter()
                .any(|accepted| accepted.eq_ignore_ascii_case(essence))
    }
}

/// What marks a body sent with a success status (2xx) as an error, for APIs that answer
/// errors with 200: Slack's `{"ok": false, "error": "channel_not_found"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErrorIf<'a> {
    /// Where the mark sits, from the document's root.
    pub at: &'a [&'a str],
    /// The value there that marks an error; `None`: any value but `null` does.
    pub is: Option<Mark<'a>>,
}

/// A value an [`ErrorIf`] compares with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark<'a> {
    /// `true` or `false`.
    Bool(bool),
    /// A string.
    Text(&'a str),
    /// An integer.
    Integer(i64),
}

/// Where the walk finds the envelope, and which of its parts a key, an array index or a
/// depth leads to: a constant of generated code with those answers generated as `match`es on
/// each level's keys (the keys a derived `Deserialize` would compare with constants), or an
/// `&Envelope` the `errspec` command's interpreter built at run time, which computes each
/// answer from the parts. Both run the same walk, with the same answers: the differential
/// test and the `differential` fuzz target hold them equal.
///
/// Each answer is a mask of parts: bit `i` for `envelope().parts[i]`.
pub trait Shape: Copy {
    /// The envelope.
    fn envelope(&self) -> &Envelope<'_>;

    /// The parts whose path continues with `token` after `depth` tokens.
    #[inline]
    fn parts_under(&self, depth: usize, token: &str) -> u64 {
        self.envelope().parts_under(depth, token)
    }

    /// The parts whose path continues with array index `index` after `depth` tokens.
    #[inline]
    fn parts_under_index(&self, depth: usize, index: usize) -> u64 {
        self.envelope().parts_under_index(depth, index)
    }

    /// The parts whose path ends after `depth` tokens.
    #[inline]
    fn parts_ending(&self, depth: usize) -> u64 {
        self.envelope().parts_ending(depth)
    }

    /// The parts whose path continues with a selector (`[@type=...]`) after `depth` tokens.
    #[inline]
    fn parts_selecting(&self, depth: usize) -> u64 {
        self.envelope().parts_selecting(depth)
    }
}

impl Shape for &Envelope<'_> {
    #[inline(always)]
    fn envelope(&self) -> &Envelope<'_> {
        self
    }
}

impl Envelope<'_> {
    /// The parts, each with its bit in the masks the walk computes (at most [`MAX_PARTS`]).
    pub(crate) fn part_bits(&self) -> impl Iterator<Item = (u64, &Part<'_>)> {
        self.parts
            .iter()
            .take(MAX_PARTS)
            .enumerate()
            .map(|(index, part)| (1u64 << index, part))
    }

    /// The parts whose token after `depth` tokens is one `is` accepts.
    fn parts_where(&self, depth: usize, is: impl Fn(&str) -> bool) -> u64 {
        self.part_bits()
            .filter(|(_, part)| part.path.get(depth).is_some_and(|token| is(token)))
            .fold(0, |found, (bit, _)| found | bit)
    }

    /// [`Shape::parts_under`], from the parts.
    #[must_use]
    pub fn parts_under(&self, depth: usize, token: &str) -> u64 {
        self.parts_where(depth, |found| found == token)
    }

    /// [`Shape::parts_under_index`], from the parts.
    #[must_use]
    pub fn parts_under_index(&self, depth: usize, index: usize) -> u64 {
        self.parts_where(depth, |token| array_index(token) == Some(index))
    }

    /// [`Shape::parts_ending`], from the parts.
    #[must_use]
    pub fn parts_ending(&self, depth: usize) -> u64 {
        self.part_bits()
            .filter(|(_, part)| part.path.len() == depth)
            .fold(0, |found, (bit, _)| found | bit)
    }

    /// [`Shape::parts_selecting`], from the parts.
    #[must_use]
    pub fn parts_selecting(&self, depth: usize) -> u64 {
        self.parts_where(depth, |token| selector(token).is_some())
    }
}

/// How many parts an envelope may read in each error.
pub use errspec_vocab::MAX_PARTS;

/// One thing to read inside each error.
#[derive(Debug, Clone, Copy)]
pub struct Part<'a> {
    /// Where it sits, relative to the error.
    pub path: &'a [&'a str],
    /// What it is.
    pub role: Role,
    /// Which of its role's locations this is: 0 for the first, 1, 2, ... for the alternatives
    /// tried after it (Stripe's `code`, else `type`). The reader keeps the value of the lowest
    /// rank present; the encoder writes at rank 0 only.
    pub rank: u8,
    /// Whose part this is: 0 for the error itself, `n` for the errors of nested group `n`
    /// (found at the error's [`Role::Nested`]`(n)` part), at paths relative to each of them.
    pub group: u8,
}

/// How an item of a batch result reads.
#[derive(Debug, Clone, Copy)]
pub struct Batch<'a> {
    /// The key of an item's id.
    pub id: &'a str,
    /// The key of an item's message.
    pub message: &'a str,
    /// Whether a body that is only the array of items is accepted.
    pub bare: bool,
}

/// Whether an item of per-item results ([`Envelope::results`]) failed, from what was read in
/// it: its own status decides where it has one (a 200, a 204 or a 302 redirect is no
/// failure, a 404 is); without one, a code, a message or an error nested in it
/// (`holds_errors`) says it failed.
#[must_use]
pub(crate) fn item_failed<const F: usize>(raw: &RawError<'_, F>, holds_errors: bool) -> bool {
    match raw.status {
        Some(status) => status >= 400,
        None => raw.code.is_some() || raw.message.is_some() || holds_errors,
    }
}

/// One error as found in a body, before its code is looked up. Strings borrow from the body
/// where they can; `F` is the number of extra fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawError<'de, const F: usize> {
    /// The wire code, if the error had one.
    pub code: Option<Cow<'de, str>>,
    /// The message, if the error had a readable one.
    pub message: Option<Cow<'de, str>>,
    /// The status inside the error, if it had a valid one.
    pub status: Option<u16>,
    /// How long the error says to wait before retrying, if it says so readably.
    pub retry_after: Option<Duration>,
    /// The extra fields, by index.
    pub fields: [Option<String>; F],
    /// Batch item results.
    pub items: BatchItems,
    /// The group of nested errors this error was read in (0: none), whose fallbacks come
    /// before the spec's.
    pub group: u8,
}

/// The code inside the text sent at the code's location: the part before the first `before`,
/// then of that the part after the last `after`. Cutting at `before` first keeps a `#` inside
/// a trailing URL (`ns#Code:http://host/#anchor`) from being taken for the code's start.
pub(crate) fn code_within<'t>(
    text: Cow<'t, str>,
    before: Option<&str>,
    after: Option<&str>,
) -> Cow<'t, str> {
    let Range { start, end } = cut_range(&text, before, after);
    match text {
        Cow::Borrowed(text) => Cow::Borrowed(&text[start..end]),
        Cow::Owned(mut text) => {
            text.truncate(end);
            text.drain(..start);
            Cow::Owned(text)
        }
    }
}

/// Where [`code_within`] cuts `text`.
#[inline]
pub(crate) fn cut_range(text: &str, before: Option<&str>, after: Option<&str>) -> Range<usize> {
    let end = before
        .filter(|before| !before.is_empty())
        .and_then(|before| text.find(before))
        .unwrap_or(text.len());
    let start = after
        .filter(|after| !after.is_empty())
        .and_then(|after| text[..end].rfind(after).map(|at| at + after.len()))
        .unwrap_or(0);
    start..end
}

impl<const F: usize> RawError<'_, F> {
    /// An error with nothing read: what a body without a readable error yields.
    #[must_use]
    pub fn empty() -> Self {
        RawError {
            code: None,
            message: None,
            status: None,
            retry_after: None,
            fields: [const { None }; F],
            items: BatchItems::new(),
            group: 0,
        }
    }

    pub(crate) fn has_content(&self) -> bool {
        self.code.is_some()
            || self.message.is_some()
            || !self.items.is_empty()
            || self.fields.iter().any(Option::is_some)
    }
}

/// Envelopes the reader's and the encoder's tests share.
#[cfg(test)]
pub(crate) mod fixtures {
    use super::{Batch, BodyFormat, Envelope, Part, Role};

    /// Telecom X's shape: `{"error": {code, message, status, path, inner}}`.
    pub(crate) const NESTED: Envelope<'static> = Envelope {
        format: BodyFormat::Json,
        at: &["error"],
        many: false,
        results: false,
        code_before: None,
        code_after: None,
        parts: &[
            Part {
                path: &["code"],
                role: Role::Code,
                rank: 0,
                group: 0,
            },
            Part {
                path: &["message"],
                role: Role::Message,
                rank: 0,
                group: 0,
            },
            Part {
                path: &["status"],
                role: Role::Status,
                rank: 0,
                group: 0,
            },
            Part {
                path: &["path"],
                role: Role::Field(0),
                rank: 0,
                group: 0,
            },
            Part {
                path: &["inner"],
                role: Role::Inner,
                rank: 0,
                group: 0,
            },
        ],
        multiple: Some("multiple"),
        batch: None,
        error_if: None,
        content_types: &[],
        request_id: &[],
        groups: &[],
    };

    /// ITSM-NG's shape: `[code, message or items]`, bare item lists accepted.
    pub(crate) const POSITIONAL: Envelope<'static> = Envelope {
        format: BodyFormat::Json,
        at: &[],
        many: false,
        results: false,
        code_before: None,
        code_after: None,
        parts: &[
            Part {
                path: &["0"],
                role: Role::Code,
                rank: 0,
                group: 0,
            },
            Part {
                path: &["1"],
                role: Role::Message,
                rank: 0,
                group: 0,
            },
            Part {
                path: &["1"],
                role: Role::Items,
                rank: 0,
                group: 0,
            },
        ],
        multiple: None,
        batch: Some(Batch {
            id: "id",
            message: "message",
            bare: true,
        }),
        error_if: None,
        content_types: &[],
        request_id: &[],
        groups: &[],
    };
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::code_within;

    fn within(text: &str, before: Option<&str>, after: Option<&str>) -> (String, String) {
        let borrowed = code_within(Cow::Borrowed(text), before, after).into_owned();
        let owned = code_within(Cow::Owned(text.to_owned()), before, after).into_owned();
        (borrowed, owned)
    }

    #[test]
    fn the_code_is_cut_before_the_first_delimiter_then_after_the_last() {
        let aws = |text: &str| within(text, Some(":"), Some("#")).0;
        assert_eq!(
            aws("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException"),
            "ResourceNotFoundException"
        );
        assert_eq!(
            aws("ValidationException:http://internal.amazon.com/coral/com.amazon.coral.validate/"),
            "ValidationException"
        );
        // A `#` in the trailing URL is not the namespace's.
        assert_eq!(
            aws("aws.protocoltests#FooError:http://host/#anchor"),
            "FooError"
        );
        assert_eq!(aws("PlainCode"), "PlainCode");
        assert_eq!(aws("namespace#"), "");
        assert_eq!(aws(":http://host/"), "");
        // Delimiters longer than a character, and none at all.
        assert_eq!(within("a::b=>C::rest", Some("::r"), Some("=>")).0, "C");
        assert_eq!(within("text", None, None).0, "text");
        // Borrowed and owned text are cut alike, multi-byte characters included.
        let (borrowed, owned) = within("ns\u{e9}#C\u{f6}de:x", Some(":"), Some("#"));
        assert_eq!(
            (borrowed.as_str(), owned.as_str()),
            ("C\u{f6}de", "C\u{f6}de")
        );
    }
}
