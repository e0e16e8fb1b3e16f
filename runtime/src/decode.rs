//! Decoding, start to end: read the errors a body holds ([`crate::read`]), choose each one's
//! entry ([`crate::select`]), fill in what the body left out ([`crate::resolve`]), and hand
//! the parts to the error type's `build`. Generated code and the interpreter call the same.

use std::borrow::Cow;

use crate::envelope::{RawError, Shape};
use crate::read::read_errors;
use crate::resolve;
use crate::select::select;
use crate::spec::{Parts, Spec};
use crate::ErrorResponse;

/// What turns an entry index (`None`: `Unknown`) and the parts read into an error.
pub type Build<'b, E, const F: usize, const P: usize> =
    dyn Fn(Option<usize>, Parts<F, P>) -> E + 'b;

/// Decodes a response of `spec`'s API: one error per readable error in `body`, or a single
/// one chosen by `status` when it holds none. Never fails. `shape` gives the body walk
/// `spec.envelope`: generated code passes one known at compile time.
pub fn decode<S: Shape, E, const F: usize, const P: usize>(
    spec: &Spec<'_>,
    shape: S,
    status: u16,
    body: &[u8],
    build: &Build<'_, E, F, P>,
) -> ErrorResponse<E> {
    let errors = read_errors(shape, body, &mut |raw| assemble(spec, raw, status, build));
    ErrorResponse::from_errors(status, errors).unwrap_or_else(|| {
        let only = assemble(spec, RawError::empty(), status, build);
        ErrorResponse::new(status, only).with_raw_body(body)
    })
}

/// The error one raw error is.
fn assemble<E, const F: usize, const P: usize>(
    spec: &Spec<'_>,
    raw: RawError<'_, F>,
    response_status: u16,
    build: &Build<'_, E, F, P>,
) -> E {
    let status = raw.status.unwrap_or(response_status);
    let mut values = [""; P];
    let choice = select(
        spec,
        raw.code.as_deref(),
        raw.message.as_deref(),
        status,
        &mut values,
    );
    let index = choice.entry;
    let entry = resolve::entry(spec, index);
    let mut params = [const { None }; P];
    if let (true, Some(entry)) = (choice.matched, entry) {
        for (slot, value) in params.iter_mut().zip(&values[..entry.params.len().min(P)]) {
            *slot = Some((*value).to_owned());
        }
    }
    // Only an entry without a code of its own (and `Unknown`) keeps the code received.
    let code = match entry {
        Some(entry) if entry.code.is_some() => None,
        _ => raw.code.map(Cow::into_owned),
    };
    let items = match entry {
        Some(entry) if entry.batch => raw.items,
        _ => Vec::new(),
    };
    let message = resolve::message(spec, index, raw.message, status);
    build(
        index,
        Parts {
            code,
            message,
            status,
            fields: raw.fields,
            params,
            items,
        },
    )
}
