//! A spec as the decoder reads it: `&'static` tables in generated code, tables built at run
//! time by the `errspec` command's interpreter. The rules in [`crate::engine::select`] and
//! [`crate::engine::resolve`] read nothing else, so compiled and interpreted decoding cannot differ.

use crate::batch::NO_ITEMS;
use crate::engine::envelope::Envelope;
use crate::engine::headers::Headers;
use crate::engine::lookup::CodeTable;
use crate::engine::select::Chosen;
use crate::{BatchItems, Kind, Recovery};
use errspec_vocab::{FallbackKey, StatusFormat};

/// Everything the rules need to know about one vendor's errors.
#[derive(Debug, Clone, Copy)]
pub struct Spec<'a> {
    /// The spec's `[api] name` (`Netilion`).
    pub name: &'a str,
    /// Every documented error, in file order: an error's index here is its variant's.
    pub entries: &'a [Entry<'a>],
    /// Each distinct wire code with the index of its first entry.
    pub codes: CodeTable<'a>,
    /// For a body without a readable code: the entry chosen by the error's status, its class
    /// or `default`.
    pub missing: &'a [(FallbackKey, u16)],
    /// For a code the spec does not document: the same, by a table of its own.
    pub unknown: &'a [(FallbackKey, u16)],
    /// The entries without a code but with a message template, in file order: tried by
    /// their template before the fallbacks.
    pub by_message: &'a [u16],
    /// The names of the extra fields every documented error carries, in spec order.
    pub fields: &'a [&'a str],
    /// Where the parts of an error sit in a body: the spec's first shape, the one `to_body`
    /// writes.
    pub envelope: Envelope<'a>,
    /// The shapes the API's errors also take, tried in order when the first finds no error
    /// (Twilio's JSON beside its XML, GraphQL's `{"errors": "..."}` beside its list).
    pub other_shapes: &'a [Envelope<'a>],
    /// How a status inside an error is written.
    pub status_format: StatusFormat,
    /// The length in seconds of the window the API's rate limits reset at, if it has one.
    pub rate_limit_window: Option<u64>,
    /// What the response's headers add: a code, the request id, rate-limit resets.
    pub headers: Headers<'a>,
    /// The kinds the spec gives statuses (`[kinds]`), where they differ from
    /// [`Kind::from_status`]: for errors whose entry fixes none.
    pub kinds: &'a [(FallbackKey, Kind)],
}

/// One documented error, as the spec writes it.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    /// The variant name.
    pub name: &'a str,
    /// The wire code; `None` for an entry chosen by status only.
    pub code: Option<&'a str>,
    /// The documented HTTP status.
    pub status: Option<u16>,
    /// The kind the spec names.
    pub kind: Option<Kind>,
    /// Whether the spec says retrying may succeed.
    pub retryable: Option<bool>,
    /// The recovery the spec names (`recovery = "..."`).
    pub recovery: Option<Recovery>,
    /// What the error means (empty when the spec says nothing).
    pub description: &'a str,
    /// Why it happens.
    pub cause: Option<&'a str>,
    /// What to do about it.
    pub solution: Option<&'a str>,
    /// A link to the vendor's documentation of this error.
    pub docs: Option<&'a str>,
    /// The message template as the spec writes it.
    pub template: Option<&'a str>,
    /// The template's literal pieces, normalized for matching: one more than `params`.
    pub pieces: &'a [&'a str],
    /// The template's parameter names, in order.
    pub params: &'a [&'a str],
    /// The next entry with the same wire code, in file order.
    pub next: Option<u16>,
    /// The extra fields (by index) and the values they must hold for the entry to be chosen
    /// by its code (`when = { domain = "googleapis.com" }`): a code keyed by two values, as
    /// Google's ErrorInfo `reason` within its `domain`. Empty: the code alone.
    pub when: &'a [(u16, &'a str)],
    /// Whether the error keeps the code it arrived with: an entry without a code of its own,
    /// or one a status fallback chooses, which may arrive with no code or another.
    pub keeps_code: bool,
    /// Whether the error carries per-item results of a batch write.
    pub batch: bool,
    /// Whether the vendor sends this error with an empty body.
    pub empty_body: bool,
}

impl Entry<'static> {
    /// An entry that states nothing: generated tables write only what an entry states and
    /// take the rest from here (`..Entry::DEFAULT`).
    pub const DEFAULT: Entry<'static> = Entry {
        name: "",
        code: None,
        status: None,
        kind: None,
        retryable: None,
        recovery: None,
        description: "",
        cause: None,
        solution: None,
        docs: None,
        template: None,
        pieces: &[],
        params: &[],
        next: None,
        when: &[],
        keeps_code: false,
        batch: false,
        empty_body: false,
    };

    /// The entries of `chunks`, in order, as one array of `N`: a large spec's table is written
    /// as constants of a few hundred entries each, because type checking one array expression
    /// grows faster than its elements (6.2 times the time for 4 times the entries, against
    /// 3.9 times in chunks). Evaluated at compile time.
    ///
    /// # Panics
    ///
    /// At compile time, when the chunks do not hold `N` entries together.
    #[must_use]
    pub const fn concat<const N: usize>(chunks: &[&[Entry<'static>]]) -> [Entry<'static>; N] {
        let mut all = [Entry::DEFAULT; N];
        let mut at = 0;
        let mut chunk = 0;
        while chunk < chunks.len() {
            let mut index = 0;
            while index < chunks[chunk].len() {
                all[at] = chunks[chunk][index];
                at += 1;
                index += 1;
            }
            chunk += 1;
        }
        assert!(at == N, "the chunks hold N entries");
        all
    }
}

/// What a decoded error holds, borrowed from a variant of a generated error type (or of the
/// interpreter's error): the input of every accessor. `F` is the spec's number of extra
/// fields, `P` the most parameters of one template. Two errors are equal when their views are:
/// a view holds everything a variant does.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View<'a, const F: usize, const P: usize> {
    /// The entry's index in [`Spec::entries`]; `None` for `Unknown`.
    pub entry: Option<usize>,
    /// The code the error arrived with, kept by `Unknown` and the entries whose
    /// [`Entry::keeps_code`]; `None` for the others, whose code is their entry's.
    pub received_code: Option<&'a str>,
    /// The message.
    pub message: &'a str,
    /// The status the error arrived with.
    pub status: u16,
    /// The extra fields, by index (`None` for `Unknown`).
    pub fields: [Option<&'a str>; F],
    /// The template's parameters, by index, padded with `None`.
    pub params: [Option<&'a str>; P],
    /// Batch item results.
    pub items: &'a BatchItems,
}

/// What fills a variant's padding: a field or parameter the variant does not have.
pub const NONE: &Option<String> = &None;

impl<'a, const F: usize, const P: usize> View<'a, F, P> {
    /// The view of a documented error (`entry`) or of `Unknown` (`None`).
    #[must_use]
    pub fn new(
        entry: Option<usize>,
        received_code: Option<&'a str>,
        message: &'a str,
        status: u16,
        fields: [&'a Option<String>; F],
        params: [&'a Option<String>; P],
    ) -> Self {
        View {
            entry,
            received_code,
            message,
            status,
            fields: fields.map(Option::as_deref),
            params: params.map(Option::as_deref),
            items: &NO_ITEMS,
        }
    }

    /// The view with the error's batch item results.
    #[must_use]
    pub fn with_items(mut self, items: &'a BatchItems) -> Self {
        self.items = items;
        self
    }

    /// What `build` makes the same variant from again: `Clone` of a generated error type,
    /// without a `match` of its own over thousands of variants.
    #[must_use]
    pub fn to_parts(&self) -> Parts<F, P> {
        let owned = |text: &Option<&str>| text.map(str::to_owned);
        Parts {
            code: self.received_code.map(str::to_owned),
            chosen: Chosen::Code,
            code_from_header: false,
            message: self.message.to_owned(),
            status: self.status,
            fields: self.fields.each_ref().map(owned),
            params: self.params.each_ref().map(owned),
            items: self.items.clone(),
        }
    }
}

/// What the decoder read for one error, ready to become a variant: `build(entry, parts)`.
#[derive(Debug)]
pub struct Parts<const F: usize, const P: usize> {
    /// The code the error arrived with, for `Unknown` and the entries whose
    /// [`Entry::keeps_code`]; `None` for the others.
    pub code: Option<String>,
    /// Which rule chose the entry. A variant keeps neither this nor `code_from_header`: what
    /// `Clone` builds again says [`Chosen::Code`] and `false`.
    pub chosen: Chosen,
    /// Whether the code is the one a header sent: the error's body held none, or the spec
    /// says the header's comes first.
    pub code_from_header: bool,
    /// The message, never empty: the body's, else the entry's description, else the status's
    /// reason phrase.
    pub message: String,
    /// The status the error arrived with.
    pub status: u16,
    /// The extra fields, by index.
    pub fields: [Option<String>; F],
    /// The template's parameters, by index; `None` where the message did not match.
    pub params: [Option<String>; P],
    /// Batch item results.
    pub items: BatchItems,
}

#[cfg(test)]
mod tests {
    use super::Entry;

    #[test]
    fn concat_keeps_the_entries_of_every_chunk_in_order() {
        const fn named(name: &'static str) -> Entry<'static> {
            Entry {
                name,
                ..Entry::DEFAULT
            }
        }
        const FIRST: [Entry<'static>; 2] = [named("a"), named("b")];
        const SECOND: [Entry<'static>; 1] = [named("c")];
        const ALL: [Entry<'static>; 3] = Entry::concat(&[&FIRST, &SECOND]);
        let names: Vec<&str> = ALL.iter().map(|entry| entry.name).collect();
        assert_eq!(names, ["a", "b", "c"]);
    }
}
