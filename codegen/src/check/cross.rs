//! The rules that span entries: unique variant names, codes shared by several entries, the
//! `multiple` wrapper, fallbacks by status and entries sent without a body.

use core::ops::Range;
use std::collections::HashMap;

use toml::de::{DeTable, DeValue};

use super::{Checker, Draft, FALLBACK_KEYS};
use crate::check::reader::{closest, entry};
use crate::diagnostic::Diagnostic;
use crate::model::{Envelope, ErrorEntry, Fallbacks, Template};
use errspec_vocab::{FallbackKey, Kind};

impl Checker<'_> {
    // An entry sent with an empty body is what `[fallback.missing]` chooses for an empty body.
    pub(super) fn check_empty_bodies(
        &mut self,
        empty_bodies: &[(usize, Range<usize>)],
        errors: &[ErrorEntry],
        fallback_missing: &Fallbacks,
    ) {
        for (index, span) in empty_bodies {
            if fallback_missing.iter().any(|(_, chosen)| chosen == index) {
                continue;
            }
            let entry = &errors[*index];
            let status = entry
                .status
                .map_or_else(|| "<status>".to_owned(), |status| status.to_string());
            self.reader.push(
                Diagnostic::new(
                    span.clone(),
                    format!(
                        "`{}` is sent with an empty body, but `[fallback.missing]` does not choose it, so an empty body would not decode to it",
                        entry.variant
                    ),
                )
                .help(format!(
                    "add `{status} = \"{}\"` to `[fallback.missing]`",
                    entry.variant
                )),
            );
        }
    }

    // An entry's code is only ever compared with a code read from a body, so the envelope must
    // say where codes sit when entries have them. One report: the first such entry. A `code`
    // key with a mistake in it was reported already.
    pub(super) fn check_codes_are_read(
        &mut self,
        shapes: &[(Envelope, &DeTable<'_>)],
        drafts: &[Draft],
    ) {
        let read = |(envelope, table): &(Envelope, &DeTable<'_>)| {
            entry(table, "code").is_some()
                || envelope.code.is_some()
                || envelope.inner.iter().any(|inner| inner.code.is_some())
                || !envelope.headers.code.is_empty()
        };
        if shapes.is_empty() || shapes.iter().any(read) {
            return;
        }
        let mut coded = drafts.iter().filter(|draft| draft.entry.code.is_some());
        let Some(first) = coded.next() else {
            return;
        };
        let others = coded.count();
        let mut diagnostic = Diagnostic::new(
            first.code_span.clone().unwrap_or(first.span.clone()),
            "this code is never read: `[envelope]` has no `code` pointer",
        )
        .help("add where codes sit to `[envelope]` (for example `code = \"/code\"`), to an `[[envelope.inner]]` or to `[envelope.headers]`, or tell the errors apart by their `message` template alone, without `code`");
        if others > 0 {
            diagnostic = diagnostic.note(format!("{others} more entries have a code"));
        }
        self.reader.push(diagnostic);
    }

    // `code_before`/`code_after` cut the code out of the text the body holds, so a documented
    // code that holds one of them could never come out of the cut: it is never matched. Only
    // where every shape that reads codes cuts it (a nested group reads its codes whole; a
    // code header is cut as the body's code is).
    pub(super) fn check_codes_survive_the_cut(
        &mut self,
        shapes: &[(Envelope, &DeTable<'_>)],
        drafts: &[Draft],
    ) {
        let holds = |delimiter: &Option<String>, code: &str| {
            delimiter
                .as_deref()
                .is_some_and(|delimiter| !delimiter.is_empty() && code.contains(delimiter))
        };
        let read_whole =
            |envelope: &Envelope| envelope.inner.iter().any(|inner| inner.code.is_some());
        if shapes.is_empty() || shapes.iter().any(|(envelope, _)| read_whole(envelope)) {
            return;
        }
        for draft in drafts {
            let (Some(code), Some(span)) = (&draft.entry.code, &draft.code_span) else {
                continue;
            };
            let cut = |envelope: &Envelope| {
                holds(&envelope.code_before, code) || holds(&envelope.code_after, code)
            };
            let reading: Vec<&Envelope> = shapes
                .iter()
                .map(|(envelope, _)| envelope)
                .filter(|envelope| envelope.code.is_some() || !envelope.headers.code.is_empty())
                .collect();
            if reading.is_empty() || !reading.iter().all(|envelope| cut(envelope)) {
                continue;
            }
            let envelope = reading[0];
            let delimiter = [&envelope.code_before, &envelope.code_after]
                .into_iter()
                .flatten()
                .find(|delimiter| !delimiter.is_empty() && code.contains(delimiter.as_str()))
                .cloned()
                .unwrap_or_default();
            self.reader.push(
                Diagnostic::new(span.clone(), format!("code `{code}` holds the delimiter `{delimiter}`, so it is never matched"))
                    .help("`code_before` and `code_after` cut the code out of the text a body holds, so no code read can contain them: write the code as it is after the cut"),
            );
        }
    }

    // Entries without a code are told apart by their templates, tried in file order: an entry
    // whose template matches the same messages as an earlier one's, or comes after a lone
    // parameter that matches every message, is never chosen by its message.
    pub(super) fn check_message_only_templates(&mut self, drafts: &[Draft]) {
        let mut by_pieces: HashMap<&[String], usize> = HashMap::new();
        let mut lone: Option<usize> = None;
        for (index, draft) in drafts.iter().enumerate() {
            let (None, Some(template), false) = (
                &draft.entry.code,
                &draft.entry.template,
                draft.template_failed,
            ) else {
                continue;
            };
            let at = draft.template_span.clone().unwrap_or(draft.span.clone());
            let variant = &draft.entry.variant;
            let earlier = lone.or_else(|| by_pieces.get(&template.pieces[..]).copied());
            if let Some(other) = earlier {
                let other = &drafts[other];
                let there = other.template_span.clone().unwrap_or(other.span.clone());
                let why = if lone.is_some() {
                    "is a lone parameter and matches every message"
                } else {
                    "matches the same messages"
                };
                self.reader.push(
                    Diagnostic::new(
                        at,
                        format!(
                            "`{variant}` is never chosen by its message: the earlier template of `{}` (also without a code) {why}",
                            other.entry.variant
                        ),
                    )
                    .label(there, "that template")
                    .help("templates of entries without a code are tried in file order: make the literal text differ, or move the more general template after this one"),
                );
                continue;
            }
            by_pieces.entry(&template.pieces[..]).or_insert(index);
            if is_lone(template) {
                lone = Some(index);
            }
        }
    }

    // The tables index entries with 16 bits: the entries past `MAX_ENTRIES` are reported
    // (at the first of them) and left out, never folded onto another entry's index.
    pub(super) fn check_entry_count(&mut self, mut drafts: Vec<Draft>) -> Vec<Draft> {
        if let Some(first_past) = drafts.get(MAX_ENTRIES) {
            self.reader.push(
                Diagnostic::new(
                    first_past.span.clone(),
                    format!(
                        "the spec documents {} errors, more than the {MAX_ENTRIES} a spec may hold",
                        drafts.len()
                    ),
                )
                .note("entries are numbered with 16 bits in the generated tables; this is the first one past them")
                .help("split the vendor's errors into several specs, for example one per API product"),
            );
            drafts.truncate(MAX_ENTRIES);
        }
        drafts
    }

    // Variant names are unique; a later duplicate is reported and left out.
    pub(super) fn check_unique_variants(&mut self, drafts: Vec<Draft>) -> Vec<Draft> {
        let mut first_at: HashMap<String, usize> = HashMap::new();
        let mut unique: Vec<Draft> = Vec::with_capacity(drafts.len());
        for draft in drafts {
            let Some(&first) = first_at.get(&draft.entry.variant) else {
                first_at.insert(draft.entry.variant.clone(), unique.len());
                unique.push(draft);
                continue;
            };
            let first = &unique[first];
            let there = first.variant_span.clone();
            let variant = &draft.entry.variant;
            let same_code = draft.entry.code.is_some() && draft.entry.code == first.entry.code;
            let diagnostic = match (&draft.entry.code, &first.entry.code) {
                (Some(code), _) if same_code && draft.derived && first.derived => {
                    let apart = draft.template_failed
                        || draft.when_failed
                        || draft.entry.when != first.entry.when;
                    if draft.entry.template.is_none() && first.entry.template.is_none() && !apart {
                        Diagnostic::new(
                            draft.variant_span.clone(),
                            format!("wire code `{code}` is defined twice without a message to tell the entries apart"),
                        )
                        .label(there, "first defined here")
                        .here("defined again here")
                        .help("give all but one of the entries a `message` template or a `when`, and a `variant` name, or remove the duplicate")
                    } else {
                        Diagnostic::new(
                            draft.variant_span.clone(),
                            format!("wire code `{code}` has several entries, so each needs its own variant name"),
                        )
                        .label(there, format!("the first entry of `{code}`, which takes the variant name `{variant}`"))
                        .help("name this entry with `variant = \"...\"`")
                    }
                }
                (Some(code), Some(first_code)) if draft.derived && first.derived => {
                    Diagnostic::new(
                        draft.variant_span.clone(),
                        format!("codes `{first_code}` and `{code}` both become the variant name `{variant}`"),
                    )
                    .label(there, format!("`{first_code}` is here"))
                    .help("give one of them its own name with `variant = \"...\"`")
                }
                _ => Diagnostic::new(
                    draft.variant_span.clone(),
                    format!("variant `{variant}` is defined twice"),
                )
                .label(there, "first defined here")
                        .here("defined again here")
                .help(if draft.derived {
                    "the name is derived from the code: give this entry its own name with `variant = \"...\"`"
                } else {
                    "give each entry its own variant name"
                }),
            };
            self.reader.push(diagnostic);
        }
        unique
    }

    // Entries sharing a wire code (and the same `when`) are told apart by distinct templates;
    // at most one has none, and a template that matches every message leaves no other entry
    // of the code to choose. Entries keyed by other fields' values are chosen apart.
    pub(super) fn check_shared_codes(&mut self, drafts: &[Draft]) {
        let mut seen: HashMap<CodeKey<'_>, SharedCode<'_>> = HashMap::new();
        for (index, draft) in drafts.iter().enumerate() {
            let Some(code) = draft.entry.code.as_deref() else {
                continue;
            };
            if draft.template_failed || draft.when_failed {
                continue;
            }
            let mut when: Vec<&(usize, String)> = draft.entry.when.iter().collect();
            when.sort();
            let earlier = seen.entry((code, when)).or_default();
            // The earliest entry this one conflicts with, found through the group's indexes
            // instead of a comparison with every earlier entry.
            let template = draft.entry.template.as_ref();
            let candidates = [
                earlier
                    .without_template
                    .filter(|_| template.is_none_or(is_lone)),
                template.and_then(|template| earlier.by_pieces.get(&template.pieces[..]).copied()),
                earlier.lone,
                template.and_then(|template| {
                    let witness = witness(template);
                    earlier.templated.iter().copied().find(|&other| {
                        drafts[other]
                            .entry
                            .template
                            .as_ref()
                            .is_some_and(|theirs| matches_witness(theirs, &witness))
                    })
                }),
            ];
            let conflict = candidates
                .into_iter()
                .flatten()
                .filter_map(|other| {
                    let diagnostic = self.shared_code_conflict(code, &drafts[other], draft)?;
                    Some((other, diagnostic))
                })
                .min_by_key(|(other, _)| *other);
            if let Some((_, diagnostic)) = conflict {
                self.reader.push(diagnostic);
            }
            match template {
                None => {
                    earlier.without_template.get_or_insert(index);
                }
                Some(template) => {
                    earlier
                        .by_pieces
                        .entry(&template.pieces[..])
                        .or_insert(index);
                    if earlier.templated.len() < MAX_SHADOW_COMPARISONS {
                        earlier.templated.push(index);
                    }
                    if is_lone(template) {
                        earlier.lone.get_or_insert(index);
                    }
                }
            }
        }
    }

    pub(super) fn shared_code_conflict(
        &self,
        code: &str,
        other: &Draft,
        draft: &Draft,
    ) -> Option<Diagnostic> {
        let lone = is_lone;
        let here = draft.code_span.clone().unwrap_or(draft.span.clone());
        let at_template = draft.template_span.clone().unwrap_or(here.clone());
        let other_here = other.code_span.clone().unwrap_or(other.span.clone());
        let other_template = other.template_span.clone().unwrap_or(other.span.clone());
        let (mine, theirs) = (&draft.entry.template, &other.entry.template);
        let (variant, other_variant) = (&draft.entry.variant, &other.entry.variant);
        let diagnostic = match (mine, theirs) {
            (None, None) => Diagnostic::new(
                here,
                format!("wire code `{code}` is defined twice without a message to tell the entries apart"),
            )
            .label(other_here, "first defined here")
            .here("defined again here")
            .help("give all but one of the entries a `message` template or a `when`, or remove the duplicate"),
            (Some(mine), Some(theirs)) if mine.pieces == theirs.pieces => Diagnostic::new(
                at_template,
                format!("the templates of `{other_variant}` and `{variant}` (both code `{code}`) match the same messages, so they cannot be told apart"),
            )
            .label(other_template, "the other template")
            .help("make the literal text of the templates differ, or merge the entries"),
            (_, Some(theirs)) if lone(theirs) => Diagnostic::new(
                if mine.is_some() { at_template } else { here },
                format!("`{variant}` is never chosen: the earlier template of `{other_variant}` (also code `{code}`) is a lone parameter and matches every message"),
            )
            .label(other_template, "that template")
            .help(if mine.is_some() {
                "templates are tried in file order: move the lone-parameter entry after this one"
            } else {
                "an entry without a template already catches every message no template matches: drop the lone-parameter template, or one of the entries"
            }),
            (Some(mine), Some(theirs)) if shadows(theirs, mine) => Diagnostic::new(
                at_template,
                format!("`{variant}` is never chosen: every message its template matches, the earlier template of `{other_variant}` (also code `{code}`) matches first"),
            )
            .label(other_template, format!("that template: `{}` matches `{}`", theirs.text, mine.text))
            .help("templates of one code are tried in file order: move the more specific template before the more general one"),
            (Some(mine), None) if lone(mine) => Diagnostic::new(
                at_template,
                format!("`{other_variant}` is never chosen: this template of `{variant}` (also code `{code}`) is a lone parameter and matches every message"),
            )
            .label(other_here, format!("`{other_variant}`, without a template"))
            .help("an entry without a template already catches every other message: drop one of the two"),
            _ => return None,
        };
        Some(diagnostic)
    }

    // The `multiple` wrapper's code is a documented code.
    pub(super) fn check_multiple_code(
        &mut self,
        envelope: Envelope,
        table: &DeTable<'_>,
        errors: &[ErrorEntry],
    ) -> Envelope {
        let Some(multiple) = &envelope.multiple else {
            return envelope;
        };
        if errors
            .iter()
            .any(|entry| entry.code.as_deref() == Some(multiple.code.as_str()))
        {
            return envelope;
        }
        let span = self
            .reader
            .table(table, "multiple")
            .and_then(|(table, _)| self.reader.string(table, "code"))
            .map_or(0..0, |text| text.span);
        self.reader.push(
            Diagnostic::new(
                span,
                format!(
                    "the `multiple` code `{}` is not a documented code",
                    multiple.code
                ),
            )
            .help(
                "add an `[[error]]` entry with this code so the wrapper has a variant of its own",
            ),
        );
        Envelope {
            multiple: None,
            ..envelope
        }
    }

    // Fallback keys are statuses, classes or `default`, each once per table, and values name
    // existing variants; the keys of `[fallback]` itself serve both cases, where the case's
    // own table does not set the same key.
    pub(super) fn check_fallbacks(
        &mut self,
        root: &DeTable<'_>,
        errors: &[ErrorEntry],
    ) -> (Fallbacks, Fallbacks) {
        let Some((fallback, _)) = self.reader.table(root, "fallback") else {
            return (Vec::new(), Vec::new());
        };
        self.check_fallback_table(fallback, "fallback", errors)
    }

    // A group of nested errors may have fallbacks of its own (`[envelope.inner.fallback]`),
    // checked as `[fallback]` is.
    pub(super) fn check_inner_fallbacks(
        &mut self,
        mut envelope: Envelope,
        table: &DeTable<'_>,
        errors: &[ErrorEntry],
    ) -> Envelope {
        // The groups as `check_inner` read them; one it could not read was reported there.
        let groups: Vec<&DeTable<'_>> = match entry(table, "inner").map(|(value, _)| value) {
            Some(value) => match value.get_ref() {
                DeValue::Array(items) => items
                    .iter()
                    .filter_map(|item| match item.get_ref() {
                        DeValue::Table(group) => Some(group),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            },
            None => Vec::new(),
        };
        if groups.len() != envelope.inner.len() {
            return envelope;
        }
        for (inner, group) in envelope.inner.iter_mut().zip(groups) {
            if let Some((fallback, _)) = self.reader.table(group, "fallback") {
                (inner.fallback_missing, inner.fallback_unknown) =
                    self.check_fallback_table(fallback, "envelope.inner.fallback", errors);
            }
        }
        envelope
    }

    /// The fallbacks of a `[fallback]` table named `name` (without brackets): its own keys
    /// serve both cases where `[<name>.missing]` and `[<name>.unknown]` do not set the same.
    fn check_fallback_table(
        &mut self,
        fallback: &DeTable<'_>,
        name: &str,
        errors: &[ErrorEntry],
    ) -> (Fallbacks, Fallbacks) {
        let both = self.check_fallback_keys(fallback, &format!("[{name}]"), true, errors);
        let mut case = |key: &str| {
            let own = match self.reader.table(fallback, key) {
                Some((table, _)) => {
                    self.check_fallback_keys(table, &format!("[{name}.{key}]"), false, errors)
                }
                None => Vec::new(),
            };
            with_shared(own, &both)
        };
        let missing = case("missing");
        let unknown = case("unknown");
        (missing, unknown)
    }

    /// The fallbacks of one table; where it `holds_cases`, its `missing` and `unknown` tables
    /// are skipped (read by the caller).
    fn check_fallback_keys(
        &mut self,
        table: &DeTable<'_>,
        name: &str,
        holds_cases: bool,
        errors: &[ErrorEntry],
    ) -> Fallbacks {
        let mut mapped: Fallbacks = Vec::new();
        let skip: &[&str] = if holds_cases { FALLBACK_KEYS } else { &[] };
        let keys = self.status_keys(
            table,
            skip,
            &StatusKeyed {
                table: name,
                what: "fallback key",
                help: "key each fallback by a status (`404 = \"NotFound\"`), a class (`\"5xx\" = \"ServerError\"`) or `default`; `[fallback.missing]` and `[fallback.unknown]` hold the keys of one case only",
                keep: "keep one variant per key",
            },
        );
        for (fallback_key, text) in keys {
            let Some(variant) = self.reader.string(table, text) else {
                continue;
            };
            match errors
                .iter()
                .position(|entry| entry.variant == variant.value)
            {
                Some(index) => mapped.push((fallback_key, index)),
                None => {
                    let help = match closest(
                        &variant.value,
                        errors.iter().map(|entry| entry.variant.as_str()),
                    ) {
                        Some(name) => format!("did you mean `{name}`?"),
                        None => "name the variant of an `[[error]]` entry: its `variant`, or the name derived from its `code` (an entry without `code` is chosen by status only)".into(),
                    };
                    self.reader.push(
                        Diagnostic::new(
                            variant.span,
                            format!(
                                "fallback names variant `{}`, which no `[[error]]` defines",
                                variant.value
                            ),
                        )
                        .help(help),
                    );
                }
            }
        }
        mapped
    }
}

impl Checker<'_> {
    // `[kinds]` says what a status means for this API where the shared table misleads (a
    // payment API's 402 is a declined payment, not a used-up quota): keys as in `[fallback]`,
    // values kind names. An entry without a `kind` takes the one of its documented status.
    pub(super) fn check_kinds(
        &mut self,
        root: &DeTable<'_>,
        errors: &mut [ErrorEntry],
    ) -> Vec<(FallbackKey, Kind)> {
        let Some((table, _)) = self.reader.table(root, "kinds") else {
            return Vec::new();
        };
        let mut kinds: Vec<(FallbackKey, Kind)> = Vec::new();
        let keys = self.status_keys(
            table,
            &[],
            &StatusKeyed {
                table: "[kinds]",
                what: "`[kinds]` key",
                help: "key each kind by a status (`402 = \"bad_request\"`), a class (`\"5xx\" = \"unavailable\"`) or `default`",
                keep: "keep one kind per key",
            },
        );
        for (status_key, text) in keys {
            if let Some(kind) = self.check_kind_at(table, text) {
                kinds.push((status_key, kind));
            }
        }
        for entry in errors.iter_mut().filter(|entry| entry.kind.is_none()) {
            if let Some(status) = entry.status {
                entry.kind = kind_of_status(&kinds, status);
            }
        }
        kinds
    }
}

/// How the rule of status-keyed tables reports its mistakes in one table.
struct StatusKeyed<'w> {
    /// The table's name, as the spec writes it.
    table: &'w str,
    /// What its keys are called.
    what: &'w str,
    /// How to key it.
    help: &'w str,
    /// What a duplicate should become.
    keep: &'w str,
}

impl Checker<'_> {
    // The keys of `[fallback]` and `[kinds]` are statuses, classes or `default`, each once.
    fn status_keys<'t>(
        &mut self,
        table: &'t DeTable<'_>,
        skip: &[&str],
        keyed: &StatusKeyed<'_>,
    ) -> Vec<(FallbackKey, &'t str)> {
        let mut keys = Vec::new();
        let mut first_at: HashMap<FallbackKey, Range<usize>> = HashMap::new();
        for (key, _) in table {
            let text: &str = key.get_ref();
            if skip.contains(&text) {
                continue;
            }
            let Some(status_key) = FallbackKey::parse(text) else {
                self.reader.push(
                    Diagnostic::new(
                        key.span(),
                        format!("{} `{text}` is not an HTTP status (100..=599), a status class (`4xx`) or `default`", keyed.what),
                    )
                    .help(keyed.help),
                );
                continue;
            };
            if let Some(first) = first_at.get(&status_key) {
                self.reader.push(
                    Diagnostic::new(
                        key.span(),
                        format!("`{status_key}` is in {} twice", keyed.table),
                    )
                    .label(first.clone(), "first defined here")
                    .here("defined again here")
                    .help(keyed.keep),
                );
                continue;
            }
            first_at.insert(status_key, key.span());
            keys.push((status_key, text));
        }
        keys
    }
}

/// The kind `[kinds]` gives `status`: by the status, else its class, else `default`.
fn kind_of_status(kinds: &[(FallbackKey, Kind)], status: u16) -> Option<Kind> {
    FallbackKey::order(status).iter().find_map(|key| {
        kinds
            .iter()
            .find(|(held, _)| held == key)
            .map(|(_, kind)| *kind)
    })
}

/// A case's own fallbacks, then the shared ones for keys it does not set.
fn with_shared(mut own: Fallbacks, shared: &Fallbacks) -> Fallbacks {
    for (key, index) in shared {
        if !own.iter().any(|(own_key, _)| own_key == key) {
            own.push((*key, *index));
        }
    }
    own
}

/// A wire code with the field values `when` keys it by (sorted): the entries one error may
/// choose among.
type CodeKey<'d> = (&'d str, Vec<&'d (usize, String)>);

/// The earlier entries of one wire code, as the shared-code rule looks them up.
#[derive(Default)]
struct SharedCode<'d> {
    /// The first entry without a template.
    without_template: Option<usize>,
    /// The first entry of each template's literal pieces.
    by_pieces: HashMap<&'d [String], usize>,
    /// The first entry whose template is a lone parameter.
    lone: Option<usize>,
    /// The entries with a template, in file order (the first [`MAX_SHADOW_COMPARISONS`]).
    templated: Vec<usize>,
}

/// How many earlier templates of one code a template is compared with for shadowing: the
/// comparison is per pair, and no documented code has nearly this many messages.
const MAX_SHADOW_COMPARISONS: usize = 1024;

/// Whether `earlier` matches every message `later` matches, so that `later` (tried after it)
/// is never chosen. `later`'s parameters are filled with a character no literal text holds:
/// `earlier` can only match that message with its own parameters covering those characters,
/// so it matches whatever else they hold too.
fn shadows(earlier: &Template, later: &Template) -> bool {
    matches_witness(earlier, &witness(later))
}

/// A message `template` matches, its parameters filled with a character no literal text
/// holds ([`shadows`]), normalized as the matcher normalizes messages.
fn witness(template: &Template) -> String {
    let message = template.pieces.join("\u{E000}");
    errspec_vocab::template::normalize_message(&message).to_owned()
}

/// Whether `template` matches `witness`: first whether it starts and ends as the template's
/// literal text does, which settles most pairs of a code's many templates at once.
fn matches_witness(template: &Template, witness: &str) -> bool {
    let (Some(first), Some(last)) = (template.pieces.first(), template.pieces.last()) else {
        return false;
    };
    if !witness.starts_with(first.as_str()) || !witness.ends_with(last.as_str()) {
        return false;
    }
    let pieces: Vec<&str> = template.pieces.iter().map(String::as_str).collect();
    let mut values = vec![""; template.params.len()];
    errspec_vocab::template::capture(&pieces, witness, &mut values)
}

/// How many entries a spec may hold: the tables index them with `u16`.
pub(crate) const MAX_ENTRIES: usize = u16::MAX as usize;

/// Whether a template is a lone parameter, which matches every message.
fn is_lone(template: &Template) -> bool {
    template.pieces.iter().all(String::is_empty)
}
