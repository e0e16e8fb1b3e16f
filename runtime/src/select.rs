//! Which documented error a raw error is: by its code (the first entry of the code whose
//! template matches the message, else the code's entry without a template, else its first),
//! else by the status it arrived with (one table for a missing code, one for an undocumented
//! one), else none: `Unknown`.

use errspec_vocab::template::{capture, MAX_PARAMS};

use crate::spec::{Entry, Spec};

/// The entry chosen for an error, with the parameters its template captured.
#[derive(Debug, Clone, Copy)]
pub struct Choice<'m> {
    /// The entry's index; `None` for `Unknown`.
    pub entry: Option<usize>,
    /// The parameter values, borrowed from the message, when the entry's template matched.
    pub params: Option<Captured<'m>>,
}

/// The parameter values a template captured, in order.
#[derive(Debug, Clone, Copy)]
pub struct Captured<'m> {
    values: [&'m str; MAX_PARAMS],
    count: usize,
}

impl<'m> Captured<'m> {
    /// The values, one per parameter of the template.
    #[must_use]
    pub fn values(&self) -> &[&'m str] {
        &self.values[..self.count]
    }
}

/// The entry for an error with `code` and `message` that arrived with `status`.
#[must_use]
pub fn select<'m>(
    spec: &Spec<'_>,
    code: Option<&str>,
    message: Option<&'m str>,
    status: u16,
) -> Choice<'m> {
    match code {
        Some(code) => match spec.codes.index(code) {
            Some(first) => in_code_group(spec, usize::from(first), message),
            None => by_status(spec, spec.unknown, status, message),
        },
        None => by_status(spec, spec.missing, status, message),
    }
}

/// Among the entries sharing a code (linked by `next`, in file order): the first whose
/// template matches, else the first without a template, else the first. A loop over the
/// table, so a code shared by a thousand entries costs nothing to compile.
fn in_code_group<'m>(spec: &Spec<'_>, first: usize, message: Option<&'m str>) -> Choice<'m> {
    let mut catch_all = None;
    let mut at = Some(first);
    // At most one visit per entry, whatever the links say.
    for _ in 0..spec.entries.len() {
        let Some((index, entry)) = at.and_then(|index| Some((index, spec.entries.get(index)?)))
        else {
            break;
        };
        if entry.template.is_none() {
            catch_all = catch_all.or(Some(index));
        } else if let Some(params) = captured(entry, message) {
            return Choice {
                entry: Some(index),
                params: Some(params),
            };
        }
        at = entry.next.map(usize::from);
    }
    Choice {
        entry: Some(catch_all.unwrap_or(first)),
        params: None,
    }
}

/// The fallback entry for `status`, with its parameters when its template matches.
fn by_status<'m>(
    spec: &Spec<'_>,
    fallbacks: &[(u16, u16)],
    status: u16,
    message: Option<&'m str>,
) -> Choice<'m> {
    let entry = fallbacks
        .iter()
        .find(|(fallback, _)| *fallback == status)
        .map(|(_, index)| usize::from(*index))
        .filter(|index| *index < spec.entries.len());
    Choice {
        entry,
        params: entry.and_then(|index| captured(&spec.entries[index], message)),
    }
}

/// The parameters `entry`'s template captures from `message`; `None` without a template or
/// when it does not match.
fn captured<'m>(entry: &Entry<'_>, message: Option<&'m str>) -> Option<Captured<'m>> {
    entry.template?;
    let count = entry.params.len();
    let mut values = [""; MAX_PARAMS];
    let slots = values.get_mut(..count)?;
    capture(entry.pieces, message?, slots).then_some(Captured { values, count })
}
