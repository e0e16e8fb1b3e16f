//! Which documented error a raw error is: by its code (among the code's entries whose `when`
//! the error's fields hold, before those keyed by the code alone: the first whose template
//! matches the message, else the first without a template, else the first);
//! for a missing or undocumented code, by its message (the first entry without a code whose
//! template matches), else by the status it arrived with (one table for a missing code, one for
//! an undocumented one); else none: `Unknown`.

use core::cell::Cell;

use errspec_vocab::template::{capture_normalized, normalize_message};
use errspec_vocab::FallbackKey;

use crate::engine::envelope::Group;
use crate::engine::spec::{Entry, Spec};

/// The entry chosen for an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// The entry's index; `None` for `Unknown`.
    pub entry: Option<usize>,
    /// Whether the entry's template matched the message: its parameters are then in the
    /// values [`select`] was given, one per parameter of the template.
    pub matched: bool,
    /// Which rule chose it.
    pub by: Chosen,
}

/// Which rule chose an error's entry: what `errspec decode` tells a spec's author.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chosen {
    /// The error's code (its body's, else a header's) is documented.
    Code,
    /// The error carried no documented code and its message matched the template of an entry
    /// without a code.
    Message,
    /// The error carried no code: chosen by status (`[fallback.missing]`, else `[fallback]`),
    /// `Unknown` where no fallback covers it.
    MissingCode,
    /// The error's code is not documented: chosen by status (`[fallback.unknown]`, else
    /// `[fallback]`), `Unknown` where no fallback covers it.
    UnknownCode,
}

/// What an error read, for choosing its entry.
#[derive(Debug, Clone, Copy)]
pub struct Read<'r, 'm> {
    /// Its code, if it had one.
    pub code: Option<&'r str>,
    /// Its message, if it had one.
    pub message: Option<&'m str>,
    /// The status it arrived with (its own, else the response's).
    pub status: u16,
    /// Its extra fields, by index: what an entry's `when` compares.
    pub fields: &'r [Option<String>],
}

/// The entry for the error `read`, read in `group` (the default group for an error that is
/// not nested). When the entry's template matches, its parameters are left in `values`
/// (borrowed from the message), which must hold at least as many as the spec's largest
/// template; a template with more never matches. A code whose entries are all keyed (`when`)
/// by field values the error does not hold is not documented for this error.
#[must_use]
pub fn select<'m>(
    spec: &Spec<'_>,
    group: &Group<'_>,
    read: &Read<'_, 'm>,
    values: &mut [&'m str],
) -> Choice {
    let message = Message::new(read.message);
    let message = &message;
    let status = read.status;
    let (own, fallbacks, by) = match read.code {
        Some(code) => match spec.codes.index(code) {
            Some(first) => match in_code_group(spec, first.into(), read.fields, message, values) {
                Some(choice) => return choice,
                None => (group.unknown, spec.unknown, Chosen::UnknownCode),
            },
            None => (group.unknown, spec.unknown, Chosen::UnknownCode),
        },
        None => (group.missing, spec.missing, Chosen::MissingCode),
    };
    by_message(spec, message, values).unwrap_or_else(|| {
        let own = by_status(spec, own, status, message, values, by);
        if own.entry.is_some() {
            return own;
        }
        by_status(spec, fallbacks, status, message, values, by)
    })
}

/// The first entry without a code whose template matches `message`, in file order: errors
/// that APIs such as ServiceNow's or GitHub's tell apart by their message alone.
fn by_message<'m>(
    spec: &Spec<'_>,
    message: &Message<'m>,
    values: &mut [&'m str],
) -> Option<Choice> {
    spec.by_message.iter().find_map(|index| {
        let index = usize::from(*index);
        let entry = spec.entries.get(index)?;
        captures(entry, message, values).then_some(Choice {
            entry: Some(index),
            matched: true,
            by: Chosen::Message,
        })
    })
}

/// Among the entries sharing a code (linked by `next`, in file order), first those whose
/// `when` the error's `fields` hold, then those keyed by the code alone: in each, the first
/// whose template matches, else the first without a template; else the first of them. `None`
/// when every entry of the code is keyed by fields the error does not hold. A loop over the
/// table, so a code shared by a thousand entries costs nothing to compile.
fn in_code_group<'m>(
    spec: &Spec<'_>,
    first: usize,
    fields: &[Option<String>],
    message: &Message<'m>,
    values: &mut [&'m str],
) -> Option<Choice> {
    let chosen = |entry, matched| Choice {
        entry: Some(entry),
        matched,
        by: Chosen::Code,
    };
    // Most codes have one entry keyed by the code alone.
    if let Some(entry) = spec.entries.get(first) {
        if entry.next.is_none() && entry.when.is_empty() {
            let matched = entry.template.is_some() && captures(entry, message, values);
            return Some(chosen(first, matched));
        }
    }
    let mut first_eligible = None;
    // The entries keyed by fields as well are the more specific: tried first.
    for keyed in [true, false] {
        let mut catch_all = None;
        for (index, entry) in code_entries(spec, first) {
            let eligible = if keyed {
                !entry.when.is_empty() && when_holds(entry, fields)
            } else {
                entry.when.is_empty()
            };
            if !eligible {
                continue;
            }
            first_eligible = first_eligible.or(Some(index));
            if entry.template.is_none() {
                catch_all = catch_all.or(Some(index));
            } else if captures(entry, message, values) {
                return Some(chosen(index, true));
            }
        }
        if let Some(index) = catch_all {
            return Some(chosen(index, false));
        }
    }
    first_eligible.map(|index| chosen(index, false))
}

/// The entries of one code from `first`, following `next`: at most one visit per entry,
/// whatever the links say.
fn code_entries<'s, 'a>(
    spec: &'s Spec<'a>,
    first: usize,
) -> impl Iterator<Item = (usize, &'s Entry<'a>)> {
    let mut at = Some(first);
    (0..spec.entries.len()).map_while(move |_| {
        let index = at?;
        let entry = spec.entries.get(index)?;
        at = entry.next.map(usize::from);
        Some((index, entry))
    })
}

/// Whether every field `entry`'s `when` names holds its value, as the body sent it.
fn when_holds(entry: &Entry<'_>, fields: &[Option<String>]) -> bool {
    entry.when.iter().all(|(field, value)| {
        fields
            .get(usize::from(*field))
            .and_then(Option::as_deref)
            .is_some_and(|held| held == *value)
    })
}

/// The fallback entry for `status` (the status's own, else its class's, else `default`), with
/// its parameters when its template matches; `by` says which table `fallbacks` is.
fn by_status<'m>(
    spec: &Spec<'_>,
    fallbacks: &[(FallbackKey, u16)],
    status: u16,
    message: &Message<'m>,
    values: &mut [&'m str],
    by: Chosen,
) -> Choice {
    let entry = FallbackKey::order(status)
        .into_iter()
        .find_map(|key| fallbacks.iter().find(|(fallback, _)| *fallback == key))
        .map(|(_, index)| usize::from(*index))
        .filter(|index| *index < spec.entries.len());
    Choice {
        entry,
        matched: entry.is_some_and(|index| captures(&spec.entries[index], message, values)),
        by,
    }
}

/// An error's message, normalized for matching the first time a template needs it, and then
/// once for all the templates it meets: an error chosen by its code alone never pays for it.
struct Message<'m> {
    raw: Option<&'m str>,
    normalized: Cell<Option<Option<&'m str>>>,
}

impl<'m> Message<'m> {
    fn new(raw: Option<&'m str>) -> Self {
        Message {
            raw,
            normalized: Cell::new(None),
        }
    }

    fn normalized(&self) -> Option<&'m str> {
        if let Some(normalized) = self.normalized.get() {
            return normalized;
        }
        let normalized = self.raw.map(normalize_message);
        self.normalized.set(Some(normalized));
        normalized
    }
}

/// Whether `entry`'s template matches `message`, its parameters then in `values`.
fn captures<'m>(entry: &Entry<'_>, message: &Message<'m>, values: &mut [&'m str]) -> bool {
    let (Some(_), Some(slots)) = (entry.template, values.get_mut(..entry.params.len())) else {
        return false;
    };
    let Some(message) = message.normalized() else {
        return false;
    };
    capture_normalized(entry.pieces, message, slots)
}
