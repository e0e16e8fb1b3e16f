//! Reading the errors out of a body, as an [`Envelope`] describes them.
//!
//! The body is walked with serde's visitors: only the locations the envelope names are
//! looked at, everything else is skipped without being built, and strings borrow from the
//! body unless they hold escapes. serde_json's recursion limit stays on, so the walk's depth
//! is bounded whatever the body's nesting. An error is built as soon as its object ends, so a
//! body cut short still yields the errors it completed.
//!
//! Values are kept as the server sent them. A quick walk reads them as serde_json gives them
//! and stops at the first it cannot give back as sent (a number with a fraction or an exponent,
//! past 64 bits, an object or an array a field keeps); only then is the body walked again,
//! exactly, each value a part reads taken as the text it spans (`RawValue`), never built and
//! never failing. Beyond the errors it returns, a decode holds little: a field copies its text
//! once, batch items are packed, the inner errors of an error that turns out to be no
//! `multiple` wrapper are never built.
//!
//! `walk` follows the envelope through the body, `selected` reads the array elements chosen by
//! a member's value, `values` keeps strings and scalars as text, `batch` reads per-item results,
//! `repair` rereads a body whose strings or numbers cannot be read, `mark` finds the error mark
//! of a body sent with a success status, `xml` walks XML bodies along the same envelope, and
//! `cbor` reads CBOR bodies for the JSON walk.

/// Visitor methods that accept every scalar and make nothing of it: where an envelope expects
/// a container, any other value is skipped rather than an error.
macro_rules! skip_scalars {
    ($nothing:expr) => {
        fn visit_bool<Er>(self, _: bool) -> Result<Self::Value, Er> {
            Ok($nothing)
        }
        fn visit_i64<Er>(self, _: i64) -> Result<Self::Value, Er> {
            Ok($nothing)
        }
        fn visit_u64<Er>(self, _: u64) -> Result<Self::Value, Er> {
            Ok($nothing)
        }
        fn visit_f64<Er>(self, _: f64) -> Result<Self::Value, Er> {
            Ok($nothing)
        }
        fn visit_str<Er>(self, _: &str) -> Result<Self::Value, Er> {
            Ok($nothing)
        }
        fn visit_unit<Er>(self) -> Result<Self::Value, Er> {
            Ok($nothing)
        }
    };
}

mod batch;
#[cfg(feature = "cbor")]
mod cbor;
mod mark;
mod repair;
mod selected;
mod store;
mod values;
mod walk;
#[cfg(feature = "xml")]
mod xml;

use std::ops::Range;
use std::time::Duration;

use serde::de::DeserializeSeed;

use errspec_vocab::pointer::selector;

use crate::engine::envelope::{BodyFormat, Envelope, Group, RawError, Role, Shape};
use crate::engine::lookup::CodeTable;
use crate::BatchItems;
#[cfg(all(test, feature = "cbor"))]
pub(crate) use cbor::json_form;
use repair::repair;
use walk::Locate;

/// How deep `multiple` wrappers are followed inside each other.
const MAX_WRAPPER_NESTING: usize = 8;

/// How deep errors nested in errors are followed (Graph's `innerError` chain): deeper ones
/// are skipped.
const MAX_GROUP_NESTING: usize = 32;

/// What turns each raw error found, with what the group of nested errors it was read in
/// decides, into the caller's value (decoding's, a raw error for selection).
pub type ConvertRaw<'b, E, const F: usize> =
    dyn for<'de, 'g> FnMut(RawError<'de, F>, &Group<'g>) -> E + 'b;

/// The errors `body` holds, in order, each built by `build` (empty when it holds none), and
/// the longest delay those errors give (`retry_after`). `codes` are the spec's, for the code
/// read at several locations (the most specific one documented wins).
pub fn read_errors<S: Shape, E, const F: usize>(
    shape: S,
    codes: &CodeTable<'_>,
    body: &[u8],
    build: &mut ConvertRaw<'_, E, F>,
) -> (Vec<E>, Option<Duration>) {
    let mut sink = Collect {
        out: Vec::new(),
        delays: Vec::new(),
        envelope: shape.envelope(),
        build,
    };
    walk_body(shape, codes, body, &mut sink);
    // Errors dropped on the way (a wrapper's, or those of a duplicate key) may leave room for
    // many more than are kept: given back, but not the few slots of a small response.
    if sink.out.capacity() > 2 * sink.out.len().max(4) {
        sink.out.shrink_to_fit();
    }
    let delay = sink.delays.iter().map(|(_, delay)| *delay).max();
    (sink.out, delay)
}

/// Where the walk hands the errors it reads: the walk itself is compiled once per number of
/// fields, whatever the error type the errors become.
pub(super) trait Sink<const F: usize> {
    /// How many errors are kept so far.
    fn len(&self) -> usize;
    /// Drops the errors kept after the first `len` (a wrapper's, replaced by its inner ones).
    fn truncate(&mut self, len: usize);
    /// Keeps one more error.
    fn push(&mut self, raw: RawError<'_, F>);
    /// Keeps one more error before those kept after the first `at` (an error read after its
    /// nested errors, which follow it).
    fn insert(&mut self, at: usize, raw: RawError<'_, F>);
    /// Drops the errors kept at the indices of `dropped` (ranges in ascending order, apart):
    /// those of an earlier duplicate key, which the last replaces.
    fn remove(&mut self, dropped: &[Range<usize>]);
}

/// The sink of [`read_errors`]: each raw error built into an `E` at once.
struct Collect<'o, 'b, E, const F: usize> {
    out: Vec<E>,
    /// The delays of the errors kept that gave one, by their index in `out`: dropped with
    /// them, and never allocated for a body without delays.
    delays: Vec<(usize, Duration)>,
    /// The envelope, for what the group of nested errors an error was read in decides.
    envelope: &'o Envelope<'o>,
    build: &'o mut ConvertRaw<'b, E, F>,
}

impl<E, const F: usize> Collect<'_, '_, E, F> {
    fn build(&mut self, raw: RawError<'_, F>) -> E {
        let group = self.envelope.group(raw.group);
        (self.build)(raw, group)
    }
}

impl<E, const F: usize> Sink<F> for Collect<'_, '_, E, F> {
    fn len(&self) -> usize {
        self.out.len()
    }

    fn truncate(&mut self, len: usize) {
        self.out.truncate(len);
        self.delays.retain(|(index, _)| *index < len);
    }

    fn push(&mut self, raw: RawError<'_, F>) {
        if let Some(delay) = raw.retry_after {
            self.delays.push((self.out.len(), delay));
        }
        let built = self.build(raw);
        self.out.push(built);
    }

    fn insert(&mut self, at: usize, raw: RawError<'_, F>) {
        let at = at.min(self.out.len());
        if !self.delays.is_empty() || raw.retry_after.is_some() {
            for (index, _) in &mut self.delays {
                if *index >= at {
                    *index += 1;
                }
            }
            if let Some(delay) = raw.retry_after {
                self.delays.push((at, delay));
            }
        }
        let built = self.build(raw);
        self.out.insert(at, built);
    }

    fn remove(&mut self, dropped: &[Range<usize>]) {
        if !self.delays.is_empty() {
            // How many are dropped before each range ends, to move each delay's index in
            // log time: `None` for one dropped itself.
            let mut ends = Vec::with_capacity(dropped.len());
            let mut total = 0;
            for range in dropped {
                total += range.len();
                ends.push(total);
            }
            let moved = |index: usize| {
                let before = dropped.partition_point(|range| range.end <= index);
                match dropped.get(before) {
                    Some(range) if range.contains(&index) => None,
                    _ => Some(index - before.checked_sub(1).map_or(0, |last| ends[last])),
                }
            };
            self.delays
                .retain_mut(|(index, _)| moved(*index).map(|to| *index = to).is_some());
        }
        let mut index = 0;
        let mut ranges = dropped.iter().peekable();
        self.out.retain(|_| {
            while ranges.next_if(|range| range.end <= index).is_some() {}
            let kept = !ranges.peek().is_some_and(|range| range.contains(&index));
            index += 1;
            kept
        });
    }
}

/// Walks `body` along the envelope of `shape`, handing each error read to `sink`.
fn walk_body<S: Shape, const F: usize>(
    shape: S,
    codes: &CodeTable<'_>,
    body: &[u8],
    sink: &mut dyn Sink<F>,
) {
    match shape.envelope().format {
        BodyFormat::Json => walk_json(shape, codes, document(body), sink),
        #[cfg(feature = "xml")]
        BodyFormat::Xml => xml::walk_xml(shape, codes, body, sink),
        #[cfg(feature = "cbor")]
        BodyFormat::Cbor => walk_cbor(shape, codes, body, sink),
        // Without its feature no error is read from a body in that format: the macro refuses
        // such a spec, and an interpreter built without it decodes those bodies by status.
        #[cfg(not(all(feature = "xml", feature = "cbor")))]
        _ => {}
    }
}

/// Walks a CBOR body: once, quickly, as it is; in its JSON form if that walk cannot finish.
/// Never inlined: the JSON walk of the specs that read no CBOR stays as it was compiled.
#[cfg(feature = "cbor")]
#[inline(never)]
fn walk_cbor<S: Shape, const F: usize>(
    shape: S,
    codes: &CodeTable<'_>,
    body: &[u8],
    sink: &mut dyn Sink<F>,
) {
    if !cbor::holds_container(body) {
        return;
    }
    let mut context = Context::new(shape, codes, &mut *sink);
    context.reading_cbor = true;
    let read = Locate {
        context: &mut context,
        depth: 0,
    }
    .deserialize(&mut cbor::Items::new(body));
    if read.is_ok() && !context.unfinished {
        return;
    }
    sink.truncate(0);
    walk_json(shape, codes, cbor::json_form(body).as_bytes(), sink);
}

/// Walks a JSON document (without a byte order mark or surrounding whitespace). Always
/// inlined: into `read_errors`, as before CBOR had a walk of its own (a call of its own costs
/// about 24 instructions a body).
#[inline(always)]
fn walk_json<S: Shape, const F: usize>(
    shape: S,
    codes: &CodeTable<'_>,
    body: &[u8],
    sink: &mut dyn Sink<F>,
) {
    // Only an object or an array can hold an error: an HTML page, plain text or a bare value
    // is not parsed at all.
    if !matches!(body.first(), Some(b'{' | b'[')) {
        return;
    }
    let mut context = Context::new(shape, codes, sink);
    // A body of valid UTF-8 (nearly all) is checked once here, and its strings are then read
    // without a check each.
    let text = core::str::from_utf8(body).ok();
    let walk = |context: &mut Context<'_, S, F>, exact: bool| {
        context.exact = exact;
        context.unfinished = false;
        let locate = Locate {
            context: &mut *context,
            depth: 0,
        };
        let read = match text {
            Some(text) => locate.deserialize(&mut serde_json::Deserializer::from_str(text)),
            None => locate.deserialize(&mut serde_json::Deserializer::from_slice(body)),
        };
        read.is_ok() && !context.unfinished
    };
    if walk(&mut context, false) {
        return;
    }
    // A number or an object the quick walk cannot keep as sent (`1.0`, `1e400`, an object in
    // a field), or a body broken somewhere: read it all again, every value a part reads taken
    // as the text it spans.
    context.sink.truncate(0);
    if walk(&mut context, true) {
        return;
    }
    // Invalid UTF-8 or a broken escape inside a string, or a number too large to read where
    // an error should be: read again, all of it, what the server meant.
    if let Some(repaired) = repair(body) {
        context.sink.truncate(0);
        context.exact = true;
        let _ = Locate {
            context: &mut context,
            depth: 0,
        }
        .deserialize(&mut serde_json::Deserializer::from_str(&repaired));
    }
}

/// Whether `body` holds an error in `shape`: for a body sent with a success status, a
/// failed item of a shape that reads per-item results. Nothing is built; the fields are not
/// kept.
pub(crate) fn holds_errors<S: Shape>(shape: S, codes: &CodeTable<'_>, body: &[u8]) -> bool {
    /// Counts the errors read.
    struct Count(usize);
    impl Sink<0> for Count {
        fn len(&self) -> usize {
            self.0
        }
        fn truncate(&mut self, len: usize) {
            self.0 = self.0.min(len);
        }
        fn push(&mut self, _: RawError<'_, 0>) {
            self.0 += 1;
        }
        fn insert(&mut self, _: usize, _: RawError<'_, 0>) {
            self.0 += 1;
        }
        fn remove(&mut self, dropped: &[Range<usize>]) {
            self.0 -= dropped.iter().map(ExactSizeIterator::len).sum::<usize>();
        }
    }
    let mut count = Count(0);
    walk_body(shape, codes, body, &mut count);
    count.0 > 0
}

/// Whether `body`, sent with a success status, carries the error mark of `envelope`.
pub(crate) fn is_marked(envelope: &Envelope<'_>, body: &[u8]) -> bool {
    let Some(error_if) = envelope.error_if else {
        return false;
    };
    match envelope.format {
        BodyFormat::Json => mark::marks_error(&error_if, document(body)),
        #[cfg(feature = "cbor")]
        BodyFormat::Cbor => {
            cbor::holds_container(body)
                && mark::marks_error(&error_if, cbor::json_form(body).as_bytes())
        }
        // An XML envelope has no mark (`check` refuses one); without its feature, a CBOR body
        // is not read.
        _ => false,
    }
}

/// The request id `body` holds at the first of `envelope`'s `request_id` pointers that has one.
pub(crate) fn request_id(envelope: &Envelope<'_>, body: &[u8]) -> Option<String> {
    if envelope.request_id.is_empty() {
        return None;
    }
    #[cfg(feature = "cbor")]
    let json_form;
    let body = match envelope.format {
        BodyFormat::Json => document(body),
        #[cfg(feature = "xml")]
        BodyFormat::Xml => {
            return envelope
                .request_id
                .iter()
                .find_map(|at| xml::text_at(at, body));
        }
        #[cfg(feature = "cbor")]
        BodyFormat::Cbor if cbor::holds_container(body) => {
            json_form = cbor::json_form(body);
            json_form.as_bytes()
        }
        // A CBOR body that holds no map or array, or a format read without its feature.
        _ => return None,
    };
    envelope
        .request_id
        .iter()
        .find_map(|at| mark::text_at(at, body))
}

/// The document a body holds: without a UTF-8 byte order mark and surrounding whitespace.
fn document(body: &[u8]) -> &[u8] {
    body.strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(body)
        .trim_ascii()
}

struct Context<'c, S: Shape, const F: usize> {
    shape: S,
    /// The parts of the errors themselves (group 0).
    all_parts: u64,
    /// The parts that read a scalar (a code, a message, a status, a field).
    reading_scalars: u64,
    /// The parts that keep a nested error's position (`index`): most groups have none, and
    /// their errors then never look for one.
    keeping_positions: u64,
    /// Whether the values parts read are taken as the text they span (exact, and never
    /// failing), rather than as serde_json reads them (quicker; a walk that meets a value it
    /// cannot keep as sent stops, and the body is walked again exactly).
    exact: bool,
    /// Whether a walk of a value's text whose error could not be passed up failed (the inner
    /// errors read once their wrapper's code is known): the walk is then taken as failed.
    unfinished: bool,
    /// Whether the walk reads CBOR items rather than JSON text: a float then has no text as
    /// sent to keep, and is kept as the JSON form writes it.
    reading_cbor: bool,
    /// Whether an error in which nothing was read is kept already among those of the nested
    /// location being read: the others say nothing apart from it, and are not kept
    /// ([`Context::in_location`]).
    empty_kept: bool,
    /// The spec's codes: where codes sit at several locations, a documented one wins
    /// ([`claim_code`]).
    codes: &'c CodeTable<'c>,
    sink: &'c mut dyn Sink<F>,
}

impl<'c, S: Shape, const F: usize> Context<'c, S, F> {
    fn new(shape: S, codes: &'c CodeTable<'c>, sink: &'c mut dyn Sink<F>) -> Self {
        let mut context = Context {
            shape,
            all_parts: 0,
            reading_scalars: 0,
            keeping_positions: 0,
            exact: false,
            unfinished: false,
            reading_cbor: false,
            empty_kept: false,
            codes,
            sink,
        };
        context.all_parts = context.group_mask(0);
        context.reading_scalars = context
            .parts()
            .filter(|(_, part)| part.role.holds_scalar())
            .fold(0, |found, (bit, _)| found | bit);
        context.keeping_positions = context
            .parts()
            .filter(|(_, part)| matches!(part.role, Role::Index(_)))
            .fold(0, |found, (bit, _)| found | bit);
        context
    }

    /// Reads the errors of one nested location (an array, an object of errors by key, or a
    /// single error): of those in which nothing was read the first stands for them all, so
    /// that a million `{}` cost one error, not a million.
    fn in_location<R>(&mut self, read: impl FnOnce(&mut Self) -> R) -> R {
        let outer = std::mem::replace(&mut self.empty_kept, false);
        let read = read(self);
        self.empty_kept = outer;
        read
    }

    /// The envelope: a constant where `S` is a generated spec's, so the walk compiled for it
    /// folds its paths and flags.
    #[inline(always)]
    fn envelope(&self) -> &Envelope<'_> {
        self.shape.envelope()
    }

    fn parts(&self) -> impl Iterator<Item = (u64, &crate::engine::envelope::Part<'_>)> {
        self.envelope().part_bits()
    }

    /// The parts of group `group`: 0 for the errors themselves, `n` for their nested errors.
    fn group_mask(&self, group: u8) -> u64 {
        self.parts()
            .filter(|(_, part)| part.group == group)
            .fold(0, |found, (bit, _)| found | bit)
    }

    /// The parts among `mask` whose path continues with `token` after `depth` tokens.
    #[inline]
    fn continuing(&self, mask: u64, depth: usize, token: &str) -> u64 {
        mask & self.shape.parts_under(depth, token)
    }

    /// The parts among `mask` whose path continues with a selector (`[@type=...]`): an
    /// element of the array here, chosen by a member's value.
    #[inline]
    fn selecting(&self, mask: u64, depth: usize) -> u64 {
        mask & self.shape.parts_selecting(depth)
    }

    /// The parts among `mask` whose token at `depth` is the same selector as the first one's
    /// (the same member and value): those an element's match counts for together.
    fn same_selector(&self, mask: u64, depth: usize) -> u64 {
        let mut first = None;
        self.parts()
            .filter(|(bit, part)| {
                let token = part.path.get(depth);
                if mask & bit == 0 || token.is_none() {
                    return false;
                }
                *first.get_or_insert(token) == token
            })
            .fold(0, |found, (bit, _)| found | bit)
    }

    /// Whether parts among `mask` that reach an element through different selectors fill
    /// the same role (two alternatives for the code): what each selector's parts read must
    /// then be kept apart, which a single read of the element cannot do.
    fn selectors_share_a_role(&self, mask: u64, depth: usize) -> bool {
        let first = self.same_selector(mask, depth);
        let others = mask & !first;
        others != 0
            && self.parts().any(|(bit, part)| {
                mask & bit != 0
                    && self.parts().any(|(other, peer)| {
                        mask & other != 0
                            && other != bit
                            && peer.role == part.role
                            && peer.path.get(depth) != part.path.get(depth)
                    })
            })
    }

    /// The parts among `mask` whose selector at `depth` compares member `key`, with the
    /// value each wants there.
    fn discriminating<'k>(
        &'k self,
        mask: u64,
        depth: usize,
        key: &'k str,
    ) -> impl Iterator<Item = (u64, &'k str)> + 'k {
        self.parts().filter_map(move |(bit, part)| {
            let (member, value) = selector(part.path.get(depth)?)?;
            (mask & bit != 0 && member == key).then_some((bit, value))
        })
    }

    /// The parts among `mask` whose path continues with array index `index`.
    #[inline]
    fn continuing_index(&self, mask: u64, depth: usize, index: usize) -> u64 {
        mask & self.shape.parts_under_index(depth, index)
    }

    /// The roles and ranks of the parts among `mask` whose path ends at `depth`, in the
    /// envelope's order.
    #[inline]
    fn ending(&self, mask: u64, depth: usize) -> impl Iterator<Item = (Role, u8)> + '_ {
        let parts = self.envelope().parts;
        let mut left = mask & self.shape.parts_ending(depth);
        std::iter::from_fn(move || {
            if left == 0 {
                return None;
            }
            let index = left.trailing_zeros() as usize;
            left &= left - 1;
            parts.get(index).map(|part| (part.role, part.rank))
        })
    }

    fn ends_here(&self, mask: u64, depth: usize, role: Role) -> bool {
        self.ending(mask, depth).any(|(found, _)| found == role)
    }
}

/// What an error has read so far.
struct Capture<'de, const F: usize> {
    raw: RawError<'de, F>,
    /// The rank of the location each value of `raw` came from.
    ranks: Ranks<F>,
    bare_items: BatchItems,
    bare_possible: bool,
    /// The inner errors of a `multiple` wrapper, as the text they span, when they came before
    /// the code that says whether this error is one: read only if it is.
    inner: Option<&'de str>,
    /// Whether errors of a group that replaces the error holding them were found in it: the
    /// error itself is then not kept.
    replaced: bool,
}

/// The rank each value was read at, [`Ranks::NONE`] where none was: a value replaces another
/// read at the same rank (the last of duplicate keys wins, as in serde_json) or a higher one.
struct Ranks<const F: usize> {
    code: u8,
    message: u8,
    status: u8,
    retry_after: u8,
    fields: [u8; F],
}

impl<const F: usize> Ranks<F> {
    const NONE: u8 = u8::MAX;

    fn new() -> Self {
        Ranks {
            code: Self::NONE,
            message: Self::NONE,
            status: Self::NONE,
            retry_after: Self::NONE,
            fields: [Self::NONE; F],
        }
    }
}

/// Whether a value read at `rank` takes the place of the one read at `*held`, noting it.
fn claim(held: &mut u8, rank: u8) -> bool {
    let wins = rank <= *held;
    if wins {
        *held = rank;
    }
    wins
}

/// Whether `code`, read at `rank`, takes the place of the code held (`held`, read at
/// `ranks.code`), noting its rank: the most specific code the spec knows wins (Google's
/// ErrorInfo `reason` over the canonical `status`, but the `status` over a `reason` the spec
/// does not document), else the most specific code present. At the same rank the later
/// wins, as in serde_json. Codes are looked up only when two locations compete, so an
/// envelope whose code sits at one location never looks one up while reading.
#[inline(always)]
fn claim_code<const F: usize>(
    ranks: &mut Ranks<F>,
    rank: u8,
    code: &str,
    held: Option<&str>,
    codes: &CodeTable<'_>,
) -> bool {
    let wins = match held {
        Some(held) if rank != ranks.code && ranks.code != Ranks::<F>::NONE => {
            let known = |code: &str| codes.index(code).is_some();
            match (known(code), known(held)) {
                (true, false) => true,
                (false, true) => false,
                _ => rank < ranks.code,
            }
        }
        _ => true,
    };
    if wins {
        ranks.code = rank;
    }
    wins
}

#[cfg(test)]
mod tests {
    use super::read_errors;
    use crate::engine::envelope::fixtures::{NESTED, POSITIONAL};
    use crate::engine::lookup::CodeTable;

    /// A spec that documents no code.
    const NO_CODES: CodeTable<'static> = CodeTable {
        key: 0,
        disps: &[],
        codes: &[],
    };
    use crate::engine::envelope::{BodyFormat, Envelope, Group, Part, RawError, Role};
    use crate::BatchItem;
    use serde::de::DeserializeSeed;

    /// A raw error with its strings owned, for comparing.
    #[derive(Debug, PartialEq, Eq)]
    struct Read {
        code: Option<String>,
        message: Option<String>,
        status: Option<u16>,
        fields: Vec<Option<String>>,
        items: Vec<BatchItem<'static>>,
    }

    #[test]
    fn errors_removed_take_their_delays_and_move_those_after() {
        use std::time::Duration;

        use super::Sink as _;
        let mut build = |raw: RawError<'_, 1>, _: &Group<'_>| raw.message.unwrap().into_owned();
        let mut sink = super::Collect {
            out: Vec::new(),
            delays: Vec::new(),
            envelope: &NESTED,
            build: &mut build,
        };
        for (index, delay) in [None, Some(1), None, Some(3), Some(4), None, Some(6)]
            .into_iter()
            .enumerate()
        {
            let mut raw = RawError::empty();
            raw.message = Some(index.to_string().into());
            raw.retry_after = delay.map(Duration::from_secs);
            sink.push(raw);
        }
        sink.remove(&[1..2, 4..6]);
        assert_eq!(sink.out, ["0", "2", "3", "6"]);
        let seconds = |delays: &[(usize, Duration)]| {
            delays
                .iter()
                .map(|(index, delay)| (*index, delay.as_secs()))
                .collect::<Vec<_>>()
        };
        assert_eq!(seconds(&sink.delays), [(2, 3), (3, 6)]);
    }

    fn read<const F: usize>(envelope: &Envelope<'_>, body: &[u8]) -> Vec<Read> {
        read_errors(envelope, &NO_CODES, body, &mut owned::<F>).0
    }

    /// `raw` with its strings owned.
    fn owned<const F: usize>(raw: RawError<'_, F>, _: &Group<'_>) -> Read {
        Read {
            code: raw.code.map(|code| code.into_owned()),
            message: raw.message.map(|message| message.into_owned()),
            status: raw.status,
            fields: raw.fields.to_vec(),
            // Leaked: a test's few items, compared as plain values.
            items: Box::leak(Box::new(raw.items)).iter().collect(),
        }
    }

    /// What an exact walk alone reads from `body`, as [`read`] shows it.
    fn read_exactly<const F: usize>(envelope: &Envelope<'_>, body: &str) -> Vec<Read> {
        let mut sink = super::Collect {
            out: Vec::new(),
            delays: Vec::new(),
            envelope,
            build: &mut owned::<F>,
        };
        let mut context = super::Context::new(envelope, &NO_CODES, &mut sink);
        context.exact = true;
        let _ = super::walk::Locate {
            context: &mut context,
            depth: 0,
        }
        .deserialize(&mut serde_json::Deserializer::from_str(body));
        sink.out
    }

    #[test]
    fn the_request_id_is_read_from_the_root_in_every_format() {
        let at: &[&[&str]] = &[&["missing"], &["meta", "request_id"]];
        let json = Envelope {
            request_id: at,
            ..NESTED
        };
        let read = |envelope: &Envelope<'_>, body: &[u8]| super::request_id(envelope, body);
        assert_eq!(
            read(
                &json,
                br#"{"error": {}, "meta": {"request_id": "r\u0031"}}"#
            )
            .as_deref(),
            Some("r1")
        );
        // A number is kept as sent; a blank, null or container value is none.
        assert_eq!(
            read(&json, br#"{"meta": {"request_id": 1e3}}"#).as_deref(),
            Some("1e3")
        );
        for body in [
            &br#"{"meta": {"request_id": " "}}"#[..],
            br#"{"meta": {"request_id": null}}"#,
            br#"{"meta": {"request_id": {"id": 1}}}"#,
            b"<html>",
        ] {
            assert_eq!(read(&json, body), None, "{body:?}");
        }
        assert_eq!(read(&NESTED, br#"{"meta": {"request_id": "r"}}"#), None);
        #[cfg(feature = "cbor")]
        {
            let cbor = Envelope {
                format: BodyFormat::Cbor,
                ..json
            };
            // {"meta": {"request_id": "r2"}}
            let body = b"\xa1\x64meta\xa1\x6arequest_id\x62r2";
            assert_eq!(read(&cbor, body).as_deref(), Some("r2"));
        }
        #[cfg(feature = "xml")]
        {
            let xml = Envelope {
                format: BodyFormat::Xml,
                request_id: &[&["ErrorResponse", "RequestId"]],
                ..NESTED
            };
            let body = b"<ErrorResponse><Error><RequestId>inner</RequestId></Error><RequestId> a&amp;b </RequestId></ErrorResponse>";
            assert_eq!(read(&xml, body).as_deref(), Some("a&b"));
            assert_eq!(read(&xml, b"<Other><RequestId>x</RequestId></Other>"), None);
            assert_eq!(
                read(&xml, b"<ErrorResponse><RequestId/></ErrorResponse>"),
                None
            );
        }
    }

    #[test]
    fn the_quick_walk_reads_what_the_exact_walk_reads() {
        let cases: [(&Envelope<'_>, &str); 6] = [
            (
                &NESTED,
                r#"{"error": {"code": "expired", "message": "Session \"x\" expired", "status": 401, "path": "/a", "inner": [{"code": "c", "message": "m"}]}}"#,
            ),
            (
                &NESTED,
                r#"{"error": {"code": 42, "message": null, "status": "404", "path": true}}"#,
            ),
            (
                &NESTED,
                r#"{"error": {"code": "x", "code": null, "message": "m", "message": "n"}, "error": {"code": "y"}}"#,
            ),
            (
                &LIST,
                r#"{"errors": [{"type": "taken", "message": "a", "attribute": "name"}, 7, {"type": -3}]}"#,
            ),
            (
                &POSITIONAL,
                r#"["ERROR_GLPI_PARTIAL_ADD", [{"12": true, "message": ""}, {"id": false, "message": "No"}]]"#,
            ),
            (
                &POSITIONAL,
                r#"[{"id": 8, "message": ""}, {"id": false, "message": "No permission."}]"#,
            ),
        ];
        for (envelope, body) in cases {
            assert_eq!(
                read::<1>(envelope, body.as_bytes()),
                read_exactly::<1>(envelope, body),
                "{body}"
            );
        }
    }

    const LIST: Envelope<'static> = Envelope {
        format: BodyFormat::Json,
        at: &["errors"],
        many: true,
        results: false,
        code_before: None,
        code_after: None,
        parts: &[
            Part {
                path: &["type"],
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
                path: &["attribute"],
                role: Role::Field(0),
                rank: 0,
                group: 0,
            },
        ],
        multiple: None,
        batch: None,
        error_if: None,
        content_types: &[],
        request_id: &[],
        groups: &[],
    };

    #[test]
    fn reads_a_nested_error_with_its_status_and_fields() {
        let body = br#"{"error": {"code": "mvnoAccount", "status": 404, "message": "MVNO account not found", "path": "mvnoAccount"}}"#;
        assert_eq!(
            read::<1>(&NESTED, body),
            vec![Read {
                code: Some("mvnoAccount".into()),
                message: Some("MVNO account not found".into()),
                status: Some(404),
                fields: vec![Some("mvnoAccount".into())],
                items: vec![],
            }]
        );
    }

    #[test]
    fn a_multiple_wrapper_yields_its_inner_errors_wherever_its_code_sits() {
        let body = br#"{"error": {"inner": [
            {"message": "User not found", "code": "userId", "status": 404},
            {"message": "Invalid street", "code": "address.street", "status": "422"}],
            "code": "multiple", "status": 422}}"#;
        let errors = read::<1>(&NESTED, body);
        let codes: Vec<_> = errors.iter().map(|e| e.code.as_deref()).collect();
        assert_eq!(codes, [Some("userId"), Some("address.street")]);
        assert_eq!((errors[0].status, errors[1].status), (Some(404), Some(422)));
    }

    #[test]
    fn inner_errors_of_a_code_that_is_not_the_wrapper_are_dropped() {
        let body = br#"{"error": {"code": "expired", "inner": [{"code": "x"}], "message": "Session has expired"}}"#;
        let errors = read::<1>(&NESTED, body);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code.as_deref(), Some("expired"));
    }

    #[test]
    fn an_empty_multiple_wrapper_is_itself_the_error() {
        let body = br#"{"error": {"code": "multiple", "status": 422, "inner": []}}"#;
        let errors = read::<1>(&NESTED, body);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code.as_deref(), Some("multiple"));
    }

    #[test]
    fn a_positional_error_holds_a_message_or_batch_items() {
        let plain = read::<0>(&POSITIONAL, br#"["ERROR_GLPI_ADD", "Bad input"]"#);
        assert_eq!(plain[0].message.as_deref(), Some("Bad input"));
        assert!(plain[0].items.is_empty());

        let batch = read::<0>(
            &POSITIONAL,
            br#"["ERROR_GLPI_PARTIAL_UPDATE", [{"12": true, "message": ""}, {"13": false, "message": "Item not found"}]]"#,
        );
        assert_eq!(batch[0].message, None);
        assert_eq!(
            batch[0].items,
            vec![
                BatchItem {
                    id: Some("12"),
                    ok: true,
                    message: ""
                },
                BatchItem {
                    id: Some("13"),
                    ok: false,
                    message: "Item not found"
                },
            ]
        );
    }

    #[test]
    fn a_bare_array_of_items_is_read_when_the_spec_allows_it() {
        let errors = read::<0>(
            &POSITIONAL,
            br#"[{"id": 8, "message": ""}, {"id": false, "message": "No permission."}]"#,
        );
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code, None);
        assert_eq!(
            errors[0].items,
            vec![
                BatchItem {
                    id: Some("8"),
                    ok: true,
                    message: ""
                },
                BatchItem {
                    id: None,
                    ok: false,
                    message: "No permission."
                },
            ]
        );
        // Not every element is an item: no bare batch, only what the positions say.
        let mixed = read::<0>(&POSITIONAL, br#"[{"id": 8}, "x"]"#);
        assert_eq!(
            (mixed[0].message.as_deref(), mixed[0].items.len()),
            (Some("x"), 0)
        );
        assert_eq!(
            read::<0>(&POSITIONAL, br#"[{"id": 8}, {"id": 9}, 5]"#).len(),
            0
        );
    }

    #[test]
    fn an_array_of_errors_and_a_single_object_there_both_read() {
        let body = br#"{"errors": [{"type": "taken", "message": "has already been taken", "attribute": "name"}, {"type": "blank"}]}"#;
        let errors = read::<1>(&LIST, body);
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].fields, vec![Some("name".into())]);
        assert_eq!(
            (errors[1].code.as_deref(), errors[1].message.as_deref()),
            (Some("blank"), None)
        );
        let single = read::<1>(&LIST, br#"{"errors": {"type": "parent"}}"#);
        assert_eq!(single[0].code.as_deref(), Some("parent"));
    }

    #[test]
    fn wrong_types_are_skipped_without_losing_the_rest() {
        let body = br#"{"errors": [{"type": 42, "message": {"text": "x"}, "attribute": ["a", 1]}, {"type": true, "message": "m"}]}"#;
        let errors = read::<1>(&LIST, body);
        assert_eq!(errors[0].code.as_deref(), Some("42"));
        assert_eq!(errors[0].message, None);
        assert_eq!(errors[0].fields, vec![Some(r#"["a", 1]"#.into())]);
        assert_eq!(
            (errors[1].code.as_deref(), errors[1].message.as_deref()),
            (None, Some("m"))
        );
    }

    #[test]
    fn a_blank_code_is_no_code() {
        let errors = read::<1>(&NESTED, br#"{"error": {"code": " ", "message": "m"}}"#);
        assert_eq!(
            (errors[0].code.as_deref(), errors[0].message.as_deref()),
            (None, Some("m"))
        );
        // A blank duplicate comes last and wins over the code before it.
        let errors = read::<1>(
            &NESTED,
            br#"{"error": {"code": "taken", "code": " ", "message": "m"}}"#,
        );
        assert_eq!(errors[0].code.as_deref(), None);
        let errors = read::<1>(
            &NESTED,
            br#"{"error": {"code": " ", "code": "taken", "message": "m"}}"#,
        );
        assert_eq!(errors[0].code.as_deref(), Some("taken"));
    }

    #[test]
    fn the_lowest_rank_present_wins_and_duplicate_keys_keep_the_last() {
        const RANKED: Envelope<'static> = Envelope {
            format: BodyFormat::Json,
            at: &[],
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
                    path: &["type"],
                    role: Role::Code,
                    rank: 1,
                    group: 0,
                },
                Part {
                    path: &["detail"],
                    role: Role::Message,
                    rank: 0,
                    group: 0,
                },
                Part {
                    path: &["title"],
                    role: Role::Message,
                    rank: 1,
                    group: 0,
                },
            ],
            multiple: None,
            batch: None,
            error_if: None,
            content_types: &[],
            request_id: &[],
            groups: &[],
        };
        let read_one = |body: &str| {
            let errors = read::<0>(&RANKED, body.as_bytes());
            assert_eq!(errors.len(), 1, "{body}");
            (errors[0].code.clone(), errors[0].message.clone())
        };
        let some = |text: &str| Some(text.to_owned());
        // Whatever the order of the keys.
        assert_eq!(
            read_one(r#"{"type": "t", "title": "T", "code": "c", "detail": "D"}"#),
            (some("c"), some("D"))
        );
        assert_eq!(
            read_one(r#"{"type": "t", "title": "T"}"#),
            (some("t"), some("T"))
        );
        // An absent, null or blank first choice gives way.
        assert_eq!(
            read_one(r#"{"code": null, "type": "t", "detail": " ", "title": "T"}"#),
            (some("t"), some("T"))
        );
        // The same key twice: the last, as serde_json keeps it.
        assert_eq!(
            read_one(r#"{"code": "a", "code": "b", "detail": "x", "detail": "y"}"#),
            (some("b"), some("y"))
        );
    }

    #[test]
    fn a_field_at_a_parent_of_another_part_reads_the_whole_value() {
        // Jira-like: the code is the first message, the field all of them.
        const PARENT: Envelope<'static> = Envelope {
            format: BodyFormat::Json,
            at: &[],
            many: false,
            results: false,
            code_before: None,
            code_after: None,
            parts: &[
                Part {
                    path: &["errorMessages", "0"],
                    role: Role::Code,
                    rank: 0,
                    group: 0,
                },
                Part {
                    path: &["errorMessages"],
                    role: Role::Field(0),
                    rank: 0,
                    group: 0,
                },
                Part {
                    path: &["detail"],
                    role: Role::Field(1),
                    rank: 0,
                    group: 0,
                },
                Part {
                    path: &["detail", "text"],
                    role: Role::Message,
                    rank: 0,
                    group: 0,
                },
            ],
            multiple: None,
            batch: None,
            error_if: None,
            content_types: &[],
            request_id: &[],
            groups: &[],
        };
        let body =
            br#"{"errorMessages": ["first", "second"], "detail": {"text": "t\u00e9xt", "n": 1}}"#;
        let errors = read::<2>(&PARENT, body);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code.as_deref(), Some("first"));
        assert_eq!(errors[0].message.as_deref(), Some("t\u{e9}xt"));
        assert_eq!(
            errors[0].fields,
            vec![
                Some(r#"["first", "second"]"#.into()),
                Some(r#"{"text": "t\u00e9xt", "n": 1}"#.into())
            ]
        );
        // A scalar there is the field's and nothing else's.
        let errors = read::<2>(&PARENT, br#"{"errorMessages": "only", "detail": 5}"#);
        assert_eq!(errors[0].code, None);
        assert_eq!(
            errors[0].fields,
            vec![Some("only".into()), Some("5".into())]
        );
    }

    #[cfg(feature = "xml")]
    #[test]
    fn each_xml_element_at_an_errors_path_is_one_error() {
        // EC2's query API: <Response><Errors><Error>...</Error>...</Errors><RequestID>.
        const EC2: Envelope<'static> = Envelope {
            format: BodyFormat::Xml,
            at: &["Response", "Errors", "Error"],
            many: true,
            results: false,
            code_before: None,
            code_after: None,
            parts: &[
                Part {
                    path: &["Code"],
                    role: Role::Code,
                    rank: 0,
                    group: 0,
                },
                Part {
                    path: &["Message"],
                    role: Role::Message,
                    rank: 0,
                    group: 0,
                },
            ],
            multiple: None,
            batch: None,
            error_if: None,
            content_types: &[],
            request_id: &[],
            groups: &[],
        };
        let body = b"<?xml version=\"1.0\"?>\n<Response><Errors><Error><Code>InvalidInstanceID.NotFound</Code><Message>The instance ID 'i-1a2b3c4d' does not exist</Message></Error><Error><Code>AuthFailure</Code></Error><Other><Code>x</Code></Other></Errors><RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>";
        let errors = read::<0>(&EC2, body);
        let codes: Vec<_> = errors.iter().map(|error| error.code.as_deref()).collect();
        assert_eq!(
            codes,
            [Some("InvalidInstanceID.NotFound"), Some("AuthFailure")]
        );
        assert_eq!(
            errors[0].message.as_deref(),
            Some("The instance ID 'i-1a2b3c4d' does not exist")
        );
        // A JSON body is not XML, and an empty error element holds nothing.
        assert_eq!(read::<0>(&EC2, br#"{"Response": {}}"#), vec![]);
        assert_eq!(
            read::<0>(&EC2, b"<Response><Errors><Error/></Errors></Response>"),
            vec![]
        );
    }

    #[test]
    fn unreadable_bodies_hold_no_errors() {
        for body in [
            &b""[..],
            b"  ",
            b"<html>502</html>",
            b"null",
            b"{}",
            b"[]",
            b"42",
            b"\"x\"",
            b"{\"error\": 5}",
        ] {
            assert_eq!(read::<1>(&NESTED, body), vec![], "{body:?}");
        }
    }

    #[test]
    fn errors_completed_before_a_cut_are_kept() {
        let body = br#"{"errors": [{"type": "taken", "message": "a"}, {"type": "bla"#;
        let errors = read::<1>(&LIST, body);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code.as_deref(), Some("taken"));
    }

    #[test]
    fn a_bom_escapes_and_invalid_utf8_do_not_lose_the_code() {
        let body =
            b"\xEF\xBB\xBF{\"error\": {\"code\": \"expired\", \"message\": \"bad \xFF byte\"}}";
        let errors = read::<1>(&NESTED, body);
        assert_eq!(errors[0].code.as_deref(), Some("expired"));
        assert_eq!(errors[0].message.as_deref(), Some("bad \u{FFFD} byte"));
        let escaped = read::<1>(
            &NESTED,
            br#"{"error": {"code": "a\u00e9\"b", "message": "x\ud800y"}}"#,
        );
        assert_eq!(escaped[0].code.as_deref(), Some("a\u{e9}\"b"));
        assert_eq!(escaped[0].message.as_deref(), Some("x\u{FFFD}y"));
        let broken = read::<1>(
            &NESTED,
            b"{\"error\": {\"code\": \"c\\q\", \"message\": \"tab\there \\u12\"}}",
        );
        assert_eq!(broken[0].code.as_deref(), Some("c\\q"));
        assert_eq!(
            broken[0].message.as_deref(),
            Some("tab\u{FFFD}here \u{FFFD}12")
        );
        let pair = read::<1>(
            &NESTED,
            br#"{"error": {"code": "\ud83d\ude00", "message": "\udc00"}}"#,
        );
        assert_eq!(
            (pair[0].code.as_deref(), pair[0].message.as_deref()),
            (Some("\u{1F600}"), Some("\u{FFFD}"))
        );
    }

    #[test]
    fn deep_nesting_is_refused_without_overflowing_the_stack() {
        let mut body = "[".repeat(100_000);
        body.push_str(&"]".repeat(100_000));
        assert_eq!(read::<1>(&NESTED, body.as_bytes()), vec![]);
        let mut nested = String::from(r#"{"error": {"code": "x", "deep": "#);
        nested.push_str(&"[".repeat(100_000));
        assert_eq!(read::<1>(&NESTED, nested.as_bytes()), vec![]);
    }
}
