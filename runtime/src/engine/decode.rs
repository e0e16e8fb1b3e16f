//! Decoding, start to end: read the errors a body holds ([`crate::engine::read`]), choose each one's
//! entry ([`crate::engine::select`]), fill in what the body left out ([`crate::engine::resolve`]), and hand
//! the parts to the error type's `build`. Generated code and the interpreter call the same.

use std::borrow::Cow;
use std::time::Duration;

use http::HeaderMap;

use crate::engine::default_message::is_blank;
use crate::engine::envelope::{code_within, Envelope, Group, RawError, Shape};
use crate::engine::headers;
use crate::engine::read::{holds_errors, is_marked, read_errors, request_id, ConvertRaw};
use crate::engine::resolve;
use crate::engine::select::{select, Read};
use crate::engine::spec::{Parts, Spec};
use crate::{BatchItems, ErrorResponse, RetryAfter};

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
    decode_with_code(spec, shape, status, &Received::default(), body, build)
}

/// What a response's headers say about its errors, where they are known.
#[derive(Default)]
struct Received<'h> {
    /// The code a header sent (cut as the body's is), for the errors whose body has none (or
    /// for every error, where the spec reads the header first).
    code: Option<&'h str>,
    /// The response's `Content-Type`.
    content_type: Option<&'h str>,
    /// The headers, for the fields read from one.
    headers: Option<&'h HeaderMap>,
}

/// [`decode`] a response with its headers: a code sent in a header the spec names stands in
/// for the body's where the body has none (AWS's `x-amzn-ErrorType`), and the response keeps
/// `Retry-After` (else the delay the body's errors give, else the first of the spec's
/// rate-limit reset headers), the request id and the other headers the spec names.
pub fn decode_parts<S: Shape, E, const F: usize, const P: usize>(
    spec: &Spec<'_>,
    shape: S,
    status: u16,
    headers: &HeaderMap,
    body: &[u8],
    build: &Build<'_, E, F, P>,
) -> ErrorResponse<E> {
    let envelope = shape.envelope();
    let header_code = headers::first(headers, spec.headers.code)
        .map(|text| code_within(text, envelope.code_before, envelope.code_after))
        .filter(|code| !is_blank(code));
    let content_type = headers
        .get(http::header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok());
    let received = Received {
        code: header_code.as_deref(),
        content_type,
        headers: Some(headers),
    };
    let mut response =
        decode_with_code(spec, shape, status, &received, body, build).with_retry_after_of(headers);
    response.keep_headers(headers::kept(headers, &spec.headers));
    if let Some(verdict) = headers::should_retry(headers, spec.headers.should_retry) {
        response = response.with_should_retry(verdict);
    }
    let response = match headers::first(headers, spec.headers.request_id) {
        Some(id) => response.with_request_id(id),
        None => response,
    };
    if response.retry_after_header().is_some() {
        return response;
    }
    match headers::reset(headers, spec.headers.retry_after) {
        Some(reset) => response.with_retry_after(reset),
        None => response,
    }
}

/// [`decode`], with what the response's headers say.
fn decode_with_code<S: Shape, E, const F: usize, const P: usize>(
    spec: &Spec<'_>,
    shape: S,
    status: u16,
    received: &Received<'_>,
    body: &[u8],
    build: &Build<'_, E, F, P>,
) -> ErrorResponse<E> {
    let has_header_code = received.code.is_some();
    let header_code = || received.code.map(|code| Cow::Owned(code.to_owned()));
    // The fields the headers fill, read once for the response: each fills an error's field
    // where its body left it empty.
    let field_values: Vec<(usize, Cow<'_, str>)> = match received.headers {
        Some(headers) if !spec.headers.fields.is_empty() => spec
            .headers
            .fields
            .iter()
            .filter_map(|field| Some((usize::from(field.field), field.value(headers)?)))
            .collect(),
        _ => Vec::new(),
    };
    let mut copies = HeaderCopies::for_response(received, &field_values, body);
    let mut convert = |mut raw: RawError<'_, F>, group: &Group<'_>| {
        let from_header = has_header_code && (raw.code.is_none() || spec.headers.code_first);
        if from_header {
            raw.code = header_code();
        }
        copies.fill_fields(&mut raw, &field_values);
        assemble(spec, raw, group, from_header, &mut copies, status, build)
    };
    // The errors, and the longest wait those kept ask for.
    let (errors, delay, read_by) =
        read_shapes(spec, shape, received.content_type, body, &mut convert);
    let response = ErrorResponse::from_errors(status, errors).unwrap_or_else(|| {
        let mut raw = RawError::empty();
        raw.code = header_code();
        let mut copies = HeaderCopies::for_response(received, &field_values, body);
        copies.fill_fields(&mut raw, &field_values);
        let only = assemble(
            spec,
            raw,
            &Group::NONE,
            has_header_code,
            &mut copies,
            status,
            build,
        );
        ErrorResponse::new(status, only).with_raw_body(body)
    });
    // A spec of one shape without a body request id (nearly all): nothing to look at.
    let reads_request_id = !spec.other_shapes.is_empty() || !shape.envelope().request_id.is_empty();
    let response = match reads_request_id
        .then(|| body_request_id(spec, shape, received.content_type, read_by, body))
        .flatten()
    {
        Some(id) => response.with_request_id(id),
        None => response,
    };
    match delay {
        Some(delay) => response.with_retry_after(RetryAfter::Delay(delay)),
        None => response,
    }
}

/// The request id the body holds where a shape says (`request_id`): where the shape that read
/// the errors (`read_by`, as [`read_shapes`] counts) says, and nowhere else; for a body of no
/// error, where the first shape of the response's `Content-Type` that holds one says. Out of line: the
/// decoding of the specs that read none stays as compiled before.
#[inline(never)]
fn body_request_id<S: Shape>(
    spec: &Spec<'_>,
    shape: S,
    content_type: Option<&str>,
    read_by: Option<usize>,
    body: &[u8],
) -> Option<String> {
    let mut shapes = core::iter::once(shape.envelope()).chain(spec.other_shapes);
    match read_by {
        Some(index) => request_id(shapes.nth(index)?, body),
        None => shapes
            .filter(|envelope| envelope.accepts(content_type))
            .find_map(|envelope| request_id(envelope, body)),
    }
}

/// The errors of `body` in the first of the spec's shapes that finds any, in the spec's
/// order, and which shape that was (0 for `shape`, `n` for the spec's `other_shapes[n - 1]`).
/// A shape is passed over when the response's `content_type` is known and not one of the
/// shape's.
fn read_shapes<S: Shape, E, const F: usize>(
    spec: &Spec<'_>,
    shape: S,
    content_type: Option<&str>,
    body: &[u8],
    convert: &mut ConvertRaw<'_, E, F>,
) -> (Vec<E>, Option<Duration>, Option<usize>) {
    let found = |(errors, delay): (Vec<E>, Option<Duration>), index: usize| {
        let index = (!errors.is_empty()).then_some(index);
        (errors, delay, index)
    };
    if content_type.is_none() && spec.other_shapes.is_empty() {
        return found(read_errors(shape, &spec.codes, body, convert), 0);
    }
    if shape.envelope().accepts(content_type) {
        let read = read_errors(shape, &spec.codes, body, convert);
        if !read.0.is_empty() {
            return found(read, 0);
        }
    }
    for (index, other) in spec.other_shapes.iter().enumerate() {
        if other.accepts(content_type) {
            let read = read_errors(other, &spec.codes, body, convert);
            if !read.0.is_empty() {
                return found(read, index + 1);
            }
        }
    }
    (Vec::new(), None, None)
}

/// Whether a response is an error: its status is outside 200..=299, or its body carries the
/// error mark of one of the spec's shapes, or a failed item where a shape reads per-item
/// results.
pub fn is_error<S: Shape>(spec: &Spec<'_>, shape: S, status: u16, body: &[u8]) -> bool {
    let marks = |envelope: &Envelope<'_>| is_marked(envelope, body);
    !(200..=299).contains(&status)
        || marks(shape.envelope())
        || spec.other_shapes.iter().any(marks)
        || (shape.envelope().results && holds_errors(shape, &spec.codes, body))
        || spec
            .other_shapes
            .iter()
            .any(|other| other.results && holds_errors(other, &spec.codes, body))
}

/// The bytes of header values the errors of one response may still copy. A header's code or
/// field is the response's, copied into every error that keeps it: without a bound, a body of
/// 16,384 code-less errors and a 64 KiB code header would hold 1 GiB. Each error of the body
/// takes bytes of the body, so copies within half the body's length (and one error's worth
/// more, for a body of one error) keep memory within twice the input; an error past that
/// keeps no copy, as if the header had not been sent to it (its entry is still chosen by it).
struct HeaderCopies {
    left: usize,
}

impl HeaderCopies {
    fn for_response(
        received: &Received<'_>,
        fields: &[(usize, Cow<'_, str>)],
        body: &[u8],
    ) -> Self {
        let one_error = received.code.map_or(0, str::len)
            + fields.iter().map(|(_, value)| value.len()).sum::<usize>();
        Self {
            left: (body.len() / 2).saturating_add(one_error),
        }
    }

    /// Whether an error may keep a copy of `len` bytes of a header value, counting it if so.
    fn take(&mut self, len: usize) -> bool {
        let fits = len <= self.left;
        if fits {
            self.left -= len;
        }
        fits
    }

    /// Fills the fields of `raw` the body left empty with the values the headers give.
    fn fill_fields<const F: usize>(
        &mut self,
        raw: &mut RawError<'_, F>,
        fields: &[(usize, Cow<'_, str>)],
    ) {
        for (index, value) in fields {
            if let Some(slot @ None) = raw.fields.get_mut(*index) {
                if self.take(value.len()) {
                    *slot = Some(value.to_string());
                }
            }
        }
    }
}

/// The error one raw error, read in `group`, is; `from_header` when its code is the one a
/// header sent, which it keeps while `copies` allow.
fn assemble<E, const F: usize, const P: usize>(
    spec: &Spec<'_>,
    raw: RawError<'_, F>,
    group: &Group<'_>,
    from_header: bool,
    copies: &mut HeaderCopies,
    response_status: u16,
    build: &Build<'_, E, F, P>,
) -> E {
    let status = raw.status.unwrap_or(response_status);
    let mut values = [""; P];
    let read = Read {
        code: raw.code.as_deref(),
        message: raw.message.as_deref(),
        status,
        fields: &raw.fields,
    };
    let choice = select(spec, group, &read, &mut values);
    let index = choice.entry;
    let entry = resolve::entry(spec, index);
    let mut params = [const { None }; P];
    if let (true, Some(entry)) = (choice.matched, entry) {
        for (slot, value) in params.iter_mut().zip(&values[..entry.params.len().min(P)]) {
            *slot = Some((*value).to_owned());
        }
    }
    // The others' code is their entry's: nothing to keep.
    let code = match entry {
        Some(entry) if !entry.keeps_code => None,
        _ if from_header => raw
            .code
            .filter(|code| copies.take(code.len()))
            .map(Cow::into_owned),
        _ => raw.code.map(Cow::into_owned),
    };
    let items = match entry {
        Some(entry) if entry.batch => raw.items,
        _ => BatchItems::new(),
    };
    let message = resolve::message(spec, index, raw.message, status);
    build(
        index,
        Parts {
            code,
            chosen: choice.by,
            code_from_header: from_header,
            message,
            status,
            fields: raw.fields,
            params,
            items,
        },
    )
}
