//! A validated spec: every name resolved, every status and template checked.

use errspec_vocab::{BodyFormat, FallbackKey, Kind, Recovery, ResetFormat, StatusFormat};

/// A vendor's errors, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    /// The type prefix (`Netilion` for `NetilionError`).
    pub name: String,
    /// The API's human name.
    pub title: Option<String>,
    /// The vendor's error documentation.
    pub docs: Option<String>,
    /// The length in seconds of the window the API's rate limits reset at, counted from the
    /// Unix epoch (60 for `rate_limit_window = "minute"`).
    pub rate_limit_window: Option<u64>,
    /// Where errors sit in a body: the first of the spec's shapes (`[envelope]`, or the first
    /// `[[envelope]]`), the one `to_body` writes.
    pub envelope: Envelope,
    /// The other shapes the API's errors take (the later `[[envelope]]` tables), tried in
    /// order when the first finds no error. Every shape declares every field, in the same
    /// order: one a shape does not read has no pointers there.
    pub other_shapes: Vec<Envelope>,
    /// Every documented error, in file order.
    pub errors: Vec<ErrorEntry>,
    /// For bodies without a readable code: `[fallback.missing]`, then the keys of
    /// `[fallback]` it does not set.
    pub fallback_missing: Fallbacks,
    /// For codes the spec does not document: `[fallback.unknown]`, then `[fallback]`'s.
    pub fallback_unknown: Fallbacks,
    /// `[kinds]`: the kind of a status (or class, or any other) where it differs from
    /// `errspec::Kind::from_status`. Entries without a `kind` already took theirs.
    pub kinds: Vec<(FallbackKey, Kind)>,
}

/// Fallback entries: a key (a status, a class, `default`) and the index of the entry chosen
/// for it.
pub type Fallbacks = Vec<(FallbackKey, usize)>;

/// Where the parts of an error sit; pointers as in the spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    /// The syntax of the bodies: JSON, or XML.
    pub format: BodyFormat,
    /// The error object, or the array of them when `many`.
    pub at: String,
    /// Whether `at` holds an array of errors.
    pub many: bool,
    /// Whether that array holds the per-item results of a request for several items, the
    /// successes among them yielding no error (`results`).
    pub results: bool,
    /// The field (an index into [`Envelope::fields`]) that keeps each error's position in
    /// that array (`index`).
    pub index: Option<usize>,
    /// The wire code; `None` for an API whose errors carry none (told apart by message).
    pub code: Option<Pointers>,
    /// The code ends before the first occurrence of this inside the text at `code`.
    pub code_before: Option<String>,
    /// The code starts after the last occurrence of this (in what `code_before` left).
    pub code_after: Option<String>,
    /// The message.
    pub message: Option<Pointers>,
    /// An HTTP status inside the error.
    pub status: Option<Pointers>,
    /// How that status is written; `number` by default.
    pub status_format: StatusFormat,
    /// How long to wait before retrying, inside the error (Google's `RetryInfo.retryDelay`,
    /// Kubernetes' `details.retryAfterSeconds`).
    pub retry_after: Option<Pointers>,
    /// Extra fields, in file order: `[envelope.fields]`'s, then those only nested errors
    /// read (`[envelope.inner.fields]`, `key`).
    pub fields: Vec<Field>,
    /// Errors nested in each error, each group of its own shape (`[[envelope.inner]]`).
    pub inner: Vec<Inner>,
    /// A wrapper code holding several errors.
    pub multiple: Option<Multiple>,
    /// Batch item results.
    pub batch: Option<Batch>,
    /// What marks a body sent with a success status as an error.
    pub error_if: Option<ErrorIf>,
    /// What the response's headers add (`[envelope.headers]`); the first shape's only.
    pub headers: Headers,
    /// The media types of the responses read in this shape, lowercase; empty: any.
    pub content_types: Vec<String>,
    /// Where the body holds the request id, from the document's root (awsQuery's
    /// `/ErrorResponse/RequestId`), tried in order.
    pub request_id: Option<Pointers>,
}

/// The headers a spec reads besides `Retry-After`, each list tried in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Headers {
    /// Where a code may be sent (AWS's `x-amzn-ErrorType`), for errors whose body has none.
    pub code: Vec<String>,
    /// Whether a header's code takes the place of the body's (AWS: `X-Amzn-Errortype` first),
    /// rather than standing in only where the body has none.
    pub code_first: bool,
    /// Where the request id may be sent.
    pub request_id: Vec<String>,
    /// Where the server says whether retrying may succeed (Stripe's `Stripe-Should-Retry`),
    /// over what the errors say.
    pub should_retry: Vec<String>,
    /// Extra fields read from a header (`[envelope.headers.fields]`, the Smithy `@httpHeader`
    /// members).
    pub fields: Vec<HeaderField>,
    /// Headers that say when to retry, when `Retry-After` is absent, with their formats.
    pub retry_after: Vec<(String, ResetFormat)>,
}

/// An extra field read from a response header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderField {
    /// An index into [`Envelope::fields`].
    pub field: usize,
    /// The header's name.
    pub header: String,
    /// The field is the header's text up to the first occurrence of this (the awsQuery code of
    /// `x-amzn-query-error: Customized;Sender`).
    pub before: Option<String>,
    /// The field is what follows the last occurrence of this, in what `before` left (its
    /// fault).
    pub after: Option<String>,
}

/// What marks a body sent with a success status (2xx) as an error: Slack's `"ok": false`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorIf {
    /// Where the mark sits, from the document's root.
    pub at: String,
    /// The value that marks an error; `None`: any value but `null`.
    pub is: Option<MarkValue>,
}

/// A value an [`ErrorIf`] compares with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkValue {
    /// `true` or `false`.
    Bool(bool),
    /// A string.
    Text(String),
    /// An integer.
    Integer(i64),
}

/// An extra field read from each error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The Rust field name.
    pub name: String,
    /// Where it sits, relative to the error; empty for a field only nested errors read.
    pub pointers: Pointers,
}

/// A group of errors nested in each error, with a shape of their own: GitHub's
/// `{"message": "Validation Failed", "errors": [{"code": "missing_field", ...}]}`, Jira's
/// `{"errorMessages": ["..."], "errors": {"summary": "..."}}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inner {
    /// Where they sit, relative to the error: an array of them, an object of them by key
    /// (with `key`), or one.
    pub at: String,
    /// The wire code, relative to each nested error (`""`: the error is the code itself).
    pub code: Option<Pointers>,
    /// The message.
    pub message: Option<Pointers>,
    /// An HTTP status.
    pub status: Option<Pointers>,
    /// Extra fields: an index into [`Envelope::fields`] and where the field sits.
    pub fields: Vec<(usize, Pointers)>,
    /// The field (an index into [`Envelope::fields`]) that keeps the key each error was sent
    /// under, for errors sent as an object's members.
    pub key: Option<usize>,
    /// The field (an index into [`Envelope::fields`]) that keeps each error's position in the
    /// group's array.
    pub index: Option<usize>,
    /// Codes that say no error is there (DynamoDB's `None`): an element with one yields none.
    pub no_error: Vec<String>,
    /// Whether the errors found here take the place of the error holding them when it has
    /// no code of its own (it only summarises them).
    pub replaces: bool,
    /// Whether each error here holds errors of this group again, at `at` (Graph's
    /// `innerError` chain).
    pub recursive: bool,
    /// For errors here without a code: `[envelope.inner.fallback.missing]`, then the keys of
    /// `[envelope.inner.fallback]` it does not set; the spec's come after.
    pub fallback_missing: Fallbacks,
    /// For errors here with an undocumented code: `[envelope.inner.fallback.unknown]`, then
    /// `[envelope.inner.fallback]`'s.
    pub fallback_unknown: Fallbacks,
}

/// Where one part of an error sits: one pointer, or several tried in order, the first present
/// winning (Stripe's code at `/code`, else `/type`). Never empty.
pub type Pointers = Vec<String>;

/// A wrapper error whose inner errors are the real ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Multiple {
    /// The wrapper's wire code.
    pub code: String,
    /// The inner errors' array, relative to the wrapper.
    pub inner: String,
}

/// Per-item results of batch writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Batch {
    /// The items' array, relative to the error.
    pub at: String,
    /// The key of an item's id.
    pub id: String,
    /// The key of an item's message.
    pub message: String,
    /// Whether a body of nothing but items is accepted.
    pub bare: bool,
}

/// One documented error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorEntry {
    /// The wire code; `None` for a status-only entry.
    pub code: Option<String>,
    /// The Rust variant name.
    pub variant: String,
    /// The documented HTTP status.
    pub status: Option<u16>,
    /// The kind, when the spec gives one.
    pub kind: Option<Kind>,
    /// Whether retrying may succeed, when the spec says.
    pub retryable: Option<bool>,
    /// The message template.
    pub template: Option<Template>,
    /// What the error means.
    pub description: Option<String>,
    /// Why it happens.
    pub cause: Option<String>,
    /// What to do about it.
    pub solution: Option<String>,
    /// Link to the vendor's documentation of this error.
    pub docs: Option<String>,
    /// Whether the error carries batch item results.
    pub batch: bool,
    /// The recovery, when the spec gives one.
    pub recovery: Option<Recovery>,
    /// Whether the vendor sends this error with an empty body (`body = "empty"`).
    pub empty_body: bool,
    /// The extra fields (indexes into [`Envelope::fields`]) and the values they must hold for
    /// the entry to be chosen by its code (`when = { domain = "googleapis.com" }`).
    pub when: Vec<(usize, String)>,
}

/// A message template split at its parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// The template as written in the spec.
    pub text: String,
    /// The literal pieces, normalized for matching: one more than `params`.
    pub pieces: Vec<String>,
    /// The parameter names, in order.
    pub params: Vec<String>,
}

/// What an `[[error]]`'s `body` may be: the envelope (the default) or nothing.
pub const BODIES: &[&str] = &["envelope", "empty"];

/// Names a variant holds besides the spec's fields and parameters.
pub const RESERVED_FIELDS: &[&str] = &["message", "code", "status", "items"];

impl Spec {
    /// The entries that share `code`, in file order.
    pub fn entries_with_code<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a ErrorEntry> {
        self.errors
            .iter()
            .filter(move |entry| entry.code.as_deref() == Some(code))
    }

    /// The entries grouped by wire code: each distinct code once, in order of first
    /// appearance, with the indexes of its entries in file order.
    #[must_use]
    pub fn code_groups(&self) -> Vec<(&str, Vec<usize>)> {
        let mut groups: Vec<(&str, Vec<usize>)> = Vec::new();
        let mut group_of: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (index, entry) in self.errors.iter().enumerate() {
            let Some(code) = entry.code.as_deref() else {
                continue;
            };
            let group = *group_of.entry(code).or_insert_with(|| {
                groups.push((code, Vec::new()));
                groups.len() - 1
            });
            groups[group].1.push(index);
        }
        groups
    }

    /// Whether the error of entry `index` keeps the code it arrived with, a field of its
    /// variant: an entry without a code of its own, or one a status fallback chooses (which
    /// may arrive with no code, or an undocumented one). The others are only ever chosen by
    /// their own code.
    #[must_use]
    pub fn keeps_code(&self, index: usize) -> bool {
        let chosen_by_status = |fallbacks: &Fallbacks| fallbacks.iter().any(|(_, at)| *at == index);
        self.errors
            .get(index)
            .is_some_and(|entry| entry.code.is_none())
            || chosen_by_status(&self.fallback_missing)
            || chosen_by_status(&self.fallback_unknown)
    }

    /// Whether any entry carries batch items.
    #[must_use]
    pub fn has_batch(&self) -> bool {
        self.errors.iter().any(|entry| entry.batch)
    }
}

impl ErrorEntry {
    /// The template's parameter names (none without a template).
    #[must_use]
    pub fn params(&self) -> &[String] {
        self.template
            .as_ref()
            .map_or(&[][..], |template| &template.params[..])
    }
}
