//! What a chosen entry means: its kind, whether it is retryable, what to do about it, and the
//! message that stands in for one the body did not carry. Each rule is written once, for the
//! error types' accessors, the `errspec` command's `decode`, `list`, `explain` and `docs`.

use std::borrow::Cow;

use crate::engine::default_message::message_or;
use crate::engine::spec::{Entry, Spec, View};
use crate::{Kind, Recovery};
use errspec_vocab::FallbackKey;

/// The kind the spec fixes for an entry, whatever status it arrives with: its `kind`, else
/// its documented status's. `None` leaves it to the status the error arrives with.
#[must_use]
pub const fn fixed_kind(entry: &Entry<'_>) -> Option<Kind> {
    match (entry.kind, entry.status) {
        (Some(kind), _) => Some(kind),
        (None, Some(status)) => Some(Kind::from_status(status)),
        (None, None) => None,
    }
}

/// Whether the spec makes an entry retryable whatever status it arrives with: its
/// `retryable`, else its fixed kind's default. `None` leaves it to the status.
#[must_use]
pub const fn fixed_retryable(entry: &Entry<'_>) -> Option<bool> {
    match (entry.retryable, fixed_kind(entry)) {
        (Some(retryable), _) => Some(retryable),
        (None, Some(kind)) => Some(kind.is_retryable_by_default()),
        (None, None) => None,
    }
}

/// What to do about an entry whatever status it arrives with: `Retry` when retryable, else
/// its `recovery`, else its fixed kind's. `None` leaves it to the status.
#[must_use]
pub const fn fixed_recovery(entry: &Entry<'_>) -> Option<Recovery> {
    match (fixed_retryable(entry), entry.recovery, fixed_kind(entry)) {
        (Some(true), _, _) => Some(Recovery::Retry { after: None }),
        (Some(false), Some(recovery), _) => Some(recovery),
        (Some(false), None, Some(kind)) => Some(Recovery::for_kind(kind, false)),
        _ => None,
    }
}

/// The entry at `index`, if any.
pub(crate) fn entry<'s>(spec: &Spec<'s>, index: Option<usize>) -> Option<&'s Entry<'s>> {
    spec.entries.get(index?)
}

/// The kind of an error of entry `index` (`None`: `Unknown`) that arrived with `status`.
#[must_use]
pub fn kind(spec: &Spec<'_>, index: Option<usize>, status: u16) -> Kind {
    entry(spec, index)
        .and_then(fixed_kind)
        .unwrap_or_else(|| status_kind(spec, status))
}

/// The kind of `status` for this spec: its `[kinds]` (by status, class, then `default`), else
/// [`Kind::from_status`].
#[must_use]
pub fn status_kind(spec: &Spec<'_>, status: u16) -> Kind {
    FallbackKey::order(status)
        .iter()
        .find_map(|key| {
            spec.kinds
                .iter()
                .find(|(held, _)| held == key)
                .map(|(_, kind)| *kind)
        })
        .unwrap_or_else(|| Kind::from_status(status))
}

/// Whether retrying may succeed: the entry's `retryable`, else its kind's default.
#[must_use]
pub fn is_retryable(spec: &Spec<'_>, index: Option<usize>, status: u16) -> bool {
    entry(spec, index)
        .and_then(|entry| entry.retryable)
        .unwrap_or_else(|| kind(spec, index, status).is_retryable_by_default())
}

/// What to do: `Retry` (without a wait) when retryable, else the entry's `recovery`, else
/// its kind's ([`Recovery::for_kind`]).
#[must_use]
pub fn recovery(spec: &Spec<'_>, index: Option<usize>, status: u16) -> Recovery {
    let retryable = is_retryable(spec, index, status);
    match entry(spec, index).and_then(|entry| entry.recovery) {
        Some(recovery) if !retryable => recovery,
        _ => Recovery::for_kind(kind(spec, index, status), retryable),
    }
}

/// The message of an error of entry `index`: the body's, else the entry's description,
/// else the status's reason phrase. Never empty.
#[must_use]
pub fn message(
    spec: &Spec<'_>,
    index: Option<usize>,
    received: Option<Cow<'_, str>>,
    status: u16,
) -> String {
    let description = entry(spec, index).map_or("", |entry| entry.description);
    message_or(received, description, status)
}

/// The wire code of an error as it arrived: the one it kept (`None` when it arrived without
/// one, whatever entry its status chose), else its entry's, which chose it by that code.
#[must_use]
pub fn code<'v, const F: usize, const P: usize>(
    spec: &Spec<'v>,
    view: &View<'v, F, P>,
) -> Option<&'v str> {
    match entry(spec, view.entry) {
        Some(entry) if !entry.keeps_code => entry.code,
        _ => view.received_code,
    }
}

/// The variant name (`"Unknown"` for an undocumented error).
#[must_use]
pub fn variant_name<'s>(spec: &Spec<'s>, index: Option<usize>) -> &'s str {
    entry(spec, index).map_or("Unknown", |entry| entry.name)
}

/// The extra fields and template parameters of an error, by name, in spec order; none for
/// `Unknown`.
#[must_use]
pub fn details<'s, 'v, const F: usize, const P: usize>(
    spec: &Spec<'s>,
    view: &View<'v, F, P>,
) -> Vec<(&'s str, Option<&'v str>)> {
    let Some(entry) = entry(spec, view.entry) else {
        return Vec::new();
    };
    let fields = spec.fields.iter().copied().zip(view.fields);
    let params = entry.params.iter().copied().zip(view.params);
    fields.chain(params).collect()
}

/// `Debug` of an error, as `#[derive(Debug)]` writes its variant: the variant's name and its
/// fields in declaration order (`message`, the received `code` where the entry keeps it, the
/// extra fields, the template's parameters, batch `items`, `status`; for `Unknown`: `code`,
/// `message`, `status`). Written once here rather than derived, which is one
/// more `match` over every variant.
///
/// # Errors
/// When the formatter fails.
pub fn debug<const F: usize, const P: usize>(
    spec: &Spec<'_>,
    view: &View<'_, F, P>,
    f: &mut core::fmt::Formatter<'_>,
) -> core::fmt::Result {
    let Some(entry) = entry(spec, view.entry) else {
        return f
            .debug_struct("Unknown")
            .field("code", &view.received_code)
            .field("message", &view.message)
            .field("status", &view.status)
            .finish();
    };
    let mut out = f.debug_struct(entry.name);
    out.field("message", &view.message);
    if entry.keeps_code {
        out.field("code", &view.received_code);
    }
    for (name, value) in spec.fields.iter().zip(&view.fields) {
        out.field(name, value);
    }
    for (name, value) in entry.params.iter().zip(&view.params) {
        out.field(name, value);
    }
    if entry.batch {
        out.field("items", &view.items);
    }
    out.field("status", &view.status).finish()
}

/// Display of an error: `code: message`, or the message alone without a code. Never a stack
/// trace or a raw body.
///
/// # Errors
/// When the formatter fails.
pub fn display(
    code: Option<&str>,
    message: &str,
    f: &mut core::fmt::Formatter<'_>,
) -> core::fmt::Result {
    match code {
        Some(code) => write!(f, "{code}: {message}"),
        None => f.write_str(message),
    }
}
