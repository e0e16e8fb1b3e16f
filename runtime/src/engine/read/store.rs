//! Where a value read becomes part of an error: the rules the JSON walk (`walk`, `selected`)
//! and the XML walk (`xml`) share, by role and rank.

use std::borrow::Cow;
use std::time::Duration;

use errspec_vocab::status::{status_from_number, status_from_text};

use super::values::ScalarKind;
use super::{claim, claim_code, Ranks};
use crate::engine::default_message::is_blank;
use crate::engine::delay;
use crate::engine::envelope::{code_within, Envelope, RawError, Role};
use crate::engine::lookup::CodeTable;

/// Stores a scalar in each of `roles` (with their ranks), where no value of a lower rank was
/// read for the role. A boolean is never a code, a blank string neither; a blank message
/// gives way to any other; only strings and integers are statuses. The JSON and the XML
/// walks both store through here. `codes`: the spec's, for a documented code winning over a
/// more specific undocumented one ([`claim_code`]).
pub(super) fn store<'de, const F: usize>(
    envelope: &Envelope<'_>,
    codes: &CodeTable<'_>,
    roles: impl Iterator<Item = (Role, u8)>,
    raw: &mut RawError<'de, F>,
    ranks: &mut Ranks<F>,
    text: Cow<'de, str>,
    kind: ScalarKind,
) {
    let mut remaining = Some(text);
    let mut roles = roles.peekable();
    while let Some((role, rank)) = roles.next() {
        if role == Role::Status {
            let status = match kind {
                ScalarKind::Str => remaining.as_deref().and_then(status_from_text),
                ScalarKind::Unsigned(number) => status_from_number(number),
                ScalarKind::OtherNumber | ScalarKind::Bool => None,
            };
            if status.is_some() && claim(&mut ranks.status, rank) {
                raw.status = status;
            }
            continue;
        }
        let value = if roles.peek().is_some() {
            remaining.clone()
        } else {
            remaining.take()
        };
        let Some(value) = value else { break };
        match role {
            Role::Code if !matches!(kind, ScalarKind::Bool) => {
                let code = code_within(value, envelope.code_before, envelope.code_after);
                if is_blank(&code) {
                    // A blank duplicate of the key that gave the code held comes last and
                    // wins: that location holds no code, and a later choice may give one.
                    if ranks.code == rank {
                        raw.code = None;
                        ranks.code = Ranks::<F>::NONE;
                    }
                } else if claim_code(ranks, rank, &code, raw.code.as_deref(), codes) {
                    raw.code = Some(code);
                }
            }
            Role::RetryAfter => {
                let delay = match kind {
                    ScalarKind::Unsigned(seconds) => Some(Duration::from_secs(seconds)),
                    ScalarKind::Str | ScalarKind::OtherNumber => {
                        let text = value.trim();
                        delay::seconds(text).or_else(|| delay::with_units(text))
                    }
                    ScalarKind::Bool => None,
                };
                if delay.is_some() && claim(&mut ranks.retry_after, rank) {
                    raw.retry_after = delay;
                }
            }
            Role::Message => set_message(raw, ranks, rank, value),
            // A walk that keeps no fields (one that only counts errors) copies none.
            Role::Field(index) if index < F => {
                set_field(raw, ranks, index, rank, value.into_owned());
            }
            Role::Field(_) => {}
            Role::Code
            | Role::Status
            | Role::Items
            | Role::Inner
            | Role::Nested(_)
            | Role::Key(_)
            | Role::Index(_) => {}
        }
    }
}

/// Keeps `text` as field `index`, unless a value of a lower rank was read for it.
pub(super) fn set_field<const F: usize>(
    raw: &mut RawError<'_, F>,
    ranks: &mut Ranks<F>,
    index: usize,
    rank: u8,
    text: String,
) {
    if let (Some(slot), Some(held)) = (raw.fields.get_mut(index), ranks.fields.get_mut(index)) {
        if claim(held, rank) {
            *slot = Some(text);
        }
    }
}

/// Keeps `text` as the message unless the one held wins: a blank message gives way to any
/// other, else the lower rank (or the later, at the same rank) wins.
pub(super) fn set_message<'de, const F: usize>(
    raw: &mut RawError<'de, F>,
    ranks: &mut Ranks<F>,
    rank: u8,
    text: Cow<'de, str>,
) {
    let blank = is_blank;
    let takes = match raw.message.as_deref() {
        None => true,
        Some(held) => match (blank(held), blank(&text)) {
            (true, false) => true,
            (false, true) => false,
            _ => rank <= ranks.message,
        },
    };
    if takes {
        ranks.message = rank;
        raw.message = Some(text);
    }
}
