//! Where a spec says the parts of an error sit, as the decoder reads it.
//!
//! Generated code (or the CLI's interpreter) describes a vendor's envelope once, statically;
//! [`crate::read`] walks a body along it in one pass.

use std::borrow::Cow;

use crate::BatchItem;
pub use errspec_vocab::Role;

/// Where the errors of a body sit and what to read in each. Paths are JSON pointers split
/// into their unescaped reference tokens (`"/error/code"` is `["error", "code"]`).
#[derive(Debug, Clone, Copy)]
pub struct Envelope<'a> {
    /// Where the error object (or, with `many`, the array of error objects) sits.
    pub at: &'a [&'a str],
    /// Whether `at` holds an array of errors rather than one error.
    pub many: bool,
    /// What to read inside each error, at paths relative to it. At most [`MAX_PARTS`].
    pub parts: &'a [Part<'a>],
    /// The wire code of an error that wraps several (its [`Role::Inner`] part holds them).
    pub multiple: Option<&'a str>,
    /// How batch item results read.
    pub batch: Option<Batch<'a>>,
}

/// Where the walk finds the envelope: a constant of generated code, so that the walk compiled
/// for one spec folds its paths and flags as a hand-written deserializer would, or an
/// `&Envelope` the `errspec` command's interpreter built at run time. Both run the same walk.
pub trait Shape: Copy {
    /// The envelope.
    fn envelope(&self) -> &Envelope<'_>;
}

impl Shape for &Envelope<'_> {
    #[inline(always)]
    fn envelope(&self) -> &Envelope<'_> {
        self
    }
}

/// How many parts an envelope may read in each error.
pub const MAX_PARTS: usize = 64;

/// One thing to read inside each error.
#[derive(Debug, Clone, Copy)]
pub struct Part<'a> {
    /// Where it sits, relative to the error.
    pub path: &'a [&'a str],
    /// What it is.
    pub role: Role,
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
    /// The extra fields, by index.
    pub fields: [Option<String>; F],
    /// Batch item results.
    pub items: Vec<BatchItem>,
}

impl<const F: usize> RawError<'_, F> {
    /// An error with nothing read: what a body without a readable error yields.
    #[must_use]
    pub fn empty() -> Self {
        RawError {
            code: None,
            message: None,
            status: None,
            fields: [const { None }; F],
            items: Vec::new(),
        }
    }

    pub(crate) fn has_content(&self) -> bool {
        self.code.is_some() || self.message.is_some() || !self.items.is_empty()
    }
}

/// Envelopes the reader's and the encoder's tests share.
#[cfg(test)]
pub(crate) mod fixtures {
    use super::{Batch, Envelope, Part, Role};

    /// Telecom X's shape: `{"error": {code, message, status, path, inner}}`.
    pub(crate) const NESTED: Envelope<'static> = Envelope {
        at: &["error"],
        many: false,
        parts: &[
            Part {
                path: &["code"],
                role: Role::Code,
            },
            Part {
                path: &["message"],
                role: Role::Message,
            },
            Part {
                path: &["status"],
                role: Role::Status,
            },
            Part {
                path: &["path"],
                role: Role::Field(0),
            },
            Part {
                path: &["inner"],
                role: Role::Inner,
            },
        ],
        multiple: Some("multiple"),
        batch: None,
    };

    /// ITSM-NG's shape: `[code, message or items]`, bare item lists accepted.
    pub(crate) const POSITIONAL: Envelope<'static> = Envelope {
        at: &[],
        many: false,
        parts: &[
            Part {
                path: &["0"],
                role: Role::Code,
            },
            Part {
                path: &["1"],
                role: Role::Message,
            },
            Part {
                path: &["1"],
                role: Role::Items,
            },
        ],
        multiple: None,
        batch: Some(Batch {
            id: "id",
            message: "message",
            bare: true,
        }),
    };
}
