//! From spec text to a validated [`Spec`]: one `check_*` function per part, every mistake
//! collected before any is reported.

use core::ops::Range;
use std::collections::HashMap;

use heck::{ToSnakeCase, ToUpperCamelCase};
use toml::de::{DeTable, DeValue};

use crate::diagnostic::{line_col, Diagnostic};
use errspec_vocab::{Kind, Recovery, StatusFormat, RATE_LIMIT_WINDOWS};

use crate::model::{
    Batch, Envelope, ErrorEntry, Fallbacks, Field, Multiple, Spec, Template, BODIES,
    RESERVED_FIELDS,
};
use crate::names::{check_field_name, check_type_name, derive_variant};
use crate::reader::{closest, entry, Reader, Text};
use crate::template::parse_template;

const TOP_KEYS: &[&str] = &["api", "envelope", "error", "fallback"];
const API_KEYS: &[&str] = &["name", "title", "docs", "strip_prefix", "rate_limit_window"];
const ENVELOPE_KEYS: &[&str] = &[
    "error",
    "errors",
    "code",
    "message",
    "status",
    "status_format",
    "fields",
    "multiple",
    "batch",
];
const MULTIPLE_KEYS: &[&str] = &["code", "inner"];
const BATCH_KEYS: &[&str] = &["at", "id", "message", "bare"];
const ERROR_KEYS: &[&str] = &[
    "code",
    "variant",
    "status",
    "kind",
    "retryable",
    "message",
    "description",
    "cause",
    "solution",
    "docs",
    "batch",
    "recovery",
    "body",
];
const FALLBACK_KEYS: &[&str] = &["missing", "unknown"];

/// The tables a misplaced key may belong in, for help texts.
const HOMES: &[(&str, &[&str])] = &[
    ("`[api]`", API_KEYS),
    ("`[envelope]`", ENVELOPE_KEYS),
    ("an `[[error]]` table", ERROR_KEYS),
    ("`[fallback]`", FALLBACK_KEYS),
];

/// The most diagnostics reported for one spec; the rest are counted in a last one. A file
/// that is not a spec at all (binary data) would otherwise yield one per byte.
pub const MAX_DIAGNOSTICS: usize = 100;

/// The outcome of checking a spec: the model when it could be built (possibly partial: entries
/// with mistakes are left out so that the generated skeleton stays valid Rust) and every
/// mistake found.
#[derive(Debug)]
pub struct Checked {
    /// The spec as far as it is valid; `None` when not even its name could be read. With
    /// diagnostics, it is a skeleton: enough to generate types that compile, not a spec to
    /// decode with.
    pub spec: Option<Spec>,
    /// Every mistake, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// The spec when it has no mistake at all.
    #[must_use]
    pub fn valid(&self) -> Option<&Spec> {
        self.spec.as_ref().filter(|_| self.diagnostics.is_empty())
    }
}

/// Parses and checks a spec's text. Never panics, whatever the text.
#[must_use]
pub fn check_spec(source: &str) -> Checked {
    check_with(source, Vec::new())
}

/// [`check_spec`], with `found` (mistakes found before parsing) among the diagnostics.
pub(crate) fn check_with(source: &str, found: Vec<Diagnostic>) -> Checked {
    let (root, syntax_errors) = DeTable::parse_recoverable(source);
    let mut checker = Checker {
        reader: Reader::new(source),
        source,
    };
    // After a syntax error the parser guesses what was meant: the skeleton is built from its
    // guess, but only the syntax errors are reported, since the rules would report guesses.
    let spec = checker.check_root(root.get_ref());
    let mut diagnostics = found;
    if syntax_errors.is_empty() {
        diagnostics.append(&mut checker.reader.diagnostics);
    } else {
        diagnostics.extend(
            syntax_errors
                .iter()
                .map(|error| syntax_diagnostic(error, root.get_ref(), source)),
        );
    }
    diagnostics.sort_by_key(|diagnostic| diagnostic.span.start);
    if diagnostics.len() > MAX_DIAGNOSTICS {
        let more = diagnostics.len() - MAX_DIAGNOSTICS;
        let next = diagnostics[MAX_DIAGNOSTICS].span.clone();
        diagnostics.truncate(MAX_DIAGNOSTICS);
        diagnostics.push(
            Diagnostic::new(
                next,
                format!("{more} more errors in this spec are not shown"),
            )
            .help("fix the errors above first; is this file a spec?"),
        );
    }
    Checked { spec, diagnostics }
}

fn syntax_diagnostic(error: &toml::de::Error, root: &DeTable<'_>, source: &str) -> Diagnostic {
    let span = error.span().unwrap_or(0..0);
    let message = error.message().trim();
    let key = source.get(span.clone()).unwrap_or_default();
    let message = if message == "duplicate key" && !key.is_empty() && !key.contains('\n') {
        format!("duplicate key `{key}`")
    } else {
        message.to_owned()
    };
    let mut diagnostic = Diagnostic::new(span.clone(), format!("TOML syntax error: {message}"));
    if message.starts_with("duplicate key") {
        let first = earlier_key(root, key, span.start, source, 0)
            .or_else(|| earlier_header(source, span.start));
        if let Some(first) = first {
            diagnostic = diagnostic.note(format!(
                "`{key}` is first defined at line {}",
                line_col(source, first.start).0
            ));
        }
        diagnostic = diagnostic.help("a key may appear once per table: remove or rename one");
    } else if message.contains("string values must be quoted") {
        diagnostic = diagnostic
            .help("quote text (`code = \"E001\"`); numbers and `true`/`false` stand alone");
    }
    diagnostic
}

/// For a duplicate `[table]` header at `at`, the same header written earlier.
fn earlier_header(source: &str, at: usize) -> Option<Range<usize>> {
    let line = source
        .get(..at)?
        .rfind('\n')
        .map_or(0, |newline| newline + 1);
    let end = source
        .get(line..)?
        .find('\n')
        .map_or(source.len(), |newline| line + newline);
    let header = source.get(line..end)?.trim();
    if !header.starts_with('[') {
        return None;
    }
    let mut offset = 0;
    for text in source.get(..line)?.split_inclusive('\n') {
        if text.trim() == header {
            return Some(offset..offset + text.len());
        }
        offset += text.len();
    }
    None
}

/// The last key written exactly as `key` and defined before `before`, at any depth.
fn earlier_key(
    table: &DeTable<'_>,
    key: &str,
    before: usize,
    source: &str,
    depth: usize,
) -> Option<Range<usize>> {
    if depth > 32 {
        return None;
    }
    let mut found: Option<Range<usize>> = None;
    let mut consider = |candidate: Option<Range<usize>>| {
        if let Some(candidate) = candidate {
            let later = match &found {
                Some(best) => candidate.start > best.start,
                None => true,
            };
            if later {
                found = Some(candidate);
            }
        }
    };
    for (name, value) in table {
        let span = name.span();
        let same = source.get(span.clone()) == Some(key) || name.get_ref().as_ref() == key;
        if span.start < before && same {
            consider(Some(span));
        }
        match value.get_ref() {
            DeValue::Table(inner) => consider(earlier_key(inner, key, before, source, depth + 1)),
            DeValue::Array(items) => {
                for item in items {
                    if let DeValue::Table(inner) = item.get_ref() {
                        consider(earlier_key(inner, key, before, source, depth + 1));
                    }
                }
            }
            _ => {}
        }
    }
    found
}

struct Checker<'s> {
    reader: Reader<'s>,
    source: &'s str,
}

/// An entry before the cross-entry rules, with the spans they report at.
struct Draft {
    entry: ErrorEntry,
    span: Range<usize>,
    code_span: Option<Range<usize>>,
    /// The `variant` value, or the `code` value the name is derived from.
    variant_span: Range<usize>,
    derived: bool,
    template_span: Option<Range<usize>>,
    /// Whether the entry has a template with a mistake (left out of the skeleton).
    template_failed: bool,
    /// The `body = "empty"` value, for the rule that `[fallback.missing]` chooses the entry.
    empty_body_span: Option<Range<usize>>,
}

/// What `[api]` says.
#[derive(Default)]
struct Api {
    name: Option<String>,
    title: Option<String>,
    docs: Option<String>,
    strip_prefix: Option<String>,
    rate_limit_window: Option<u64>,
}

impl Checker<'_> {
    fn line_of(&self, span: &Range<usize>) -> usize {
        line_col(self.source, span.start).0
    }

    fn check_root(&mut self, root: &DeTable<'_>) -> Option<Spec> {
        // An empty spec (or one of comments only) is one mistake, not one per missing table.
        if root.is_empty() {
            self.reader.push(
                Diagnostic::new(0..0, "the spec is empty")
                    .help("a spec needs `[api]` with `name = \"Acme\"`, `[envelope]` with `code = \"/code\"`, and an `[[error]]` table per documented error"),
            );
            return None;
        }
        self.allow_keys(root, TOP_KEYS, "the spec");
        let api = self.check_api(root);
        let envelope = self.check_envelope(root);
        let drafts = self.check_errors(root, api.strip_prefix.as_deref(), envelope.as_ref());
        let drafts = self.check_unique_variants(drafts);
        self.check_shared_codes(&drafts);
        let empty_bodies: Vec<(usize, Range<usize>)> = drafts
            .iter()
            .enumerate()
            .filter_map(|(index, draft)| Some((index, draft.empty_body_span.clone()?)))
            .collect();
        let errors: Vec<ErrorEntry> = drafts.into_iter().map(|draft| draft.entry).collect();
        let envelope = envelope.map(|envelope| self.check_multiple_code(envelope, root, &errors));
        let (fallback_missing, fallback_unknown) = self.check_fallbacks(root, &errors);
        self.check_empty_bodies(&empty_bodies, &errors, &fallback_missing);
        Some(Spec {
            name: api.name?,
            title: api.title,
            docs: api.docs,
            rate_limit_window: api.rate_limit_window,
            // Without an envelope, the skeleton still needs one; it decodes nothing.
            envelope: envelope.unwrap_or_else(|| Envelope {
                at: String::new(),
                many: false,
                code: String::new(),
                message: None,
                status: None,
                status_format: StatusFormat::Number,
                fields: Vec::new(),
                multiple: None,
                batch: None,
            }),
            errors,
            fallback_missing,
            fallback_unknown,
        })
    }

    fn allow_keys(&mut self, table: &DeTable<'_>, allowed: &[&str], context: &str) {
        let elsewhere: Vec<(&str, &[&str])> = HOMES
            .iter()
            .filter(|(_, keys)| *keys != allowed)
            .copied()
            .collect();
        self.reader.allow_keys(table, allowed, context, &elsewhere);
    }

    // `[api]` is required and names the generated types.
    fn check_api(&mut self, root: &DeTable<'_>) -> Api {
        let Some((api, api_span)) = self.reader.table(root, "api") else {
            if entry(root, "api").is_none() {
                self.reader.push(
                    Diagnostic::new(0..0, "missing `[api]` table")
                        .help("start the spec with `[api]` and `name = \"Acme\"`: the prefix of the generated `AcmeError` and `AcmeCode`"),
                );
            }
            return Api::default();
        };
        self.allow_keys(api, API_KEYS, "[api]");
        let name = match self.reader.string(api, "name") {
            Some(name) => match check_type_name(&name.value) {
                Ok(()) => Some(name.value),
                Err(problem) => {
                    let help = match suggest_type_name(&name.value) {
                        Some(better) => format!("did you mean `{better}`? The name is the prefix of the generated `{better}Error` and `{better}Code`"),
                        None => "use an UpperCamelCase name such as `Acme`: the prefix of the generated `AcmeError` and `AcmeCode`".into(),
                    };
                    self.reader.push(
                        Diagnostic::new(name.span, format!("API name `{}` {problem}", name.value))
                            .help(help),
                    );
                    None
                }
            },
            None => {
                if entry(api, "name").is_none() {
                    self.reader.push(
                        Diagnostic::new(api_span, "missing `name` in [api]")
                            .help("add `name = \"Acme\"` below `[api]`: the prefix of the generated `AcmeError` and `AcmeCode`"),
                    );
                }
                None
            }
        };
        let title = self.reader.string(api, "title").map(|text| text.value);
        let docs = self.reader.string(api, "docs").map(|text| text.value);
        let strip_prefix = self
            .reader
            .string(api, "strip_prefix")
            .map(|text| text.value);
        let windows: Vec<&str> = RATE_LIMIT_WINDOWS.iter().map(|(name, _)| *name).collect();
        let rate_limit_window = self
            .check_choice(api, "rate_limit_window", &windows, "rate-limit window")
            .and_then(|(window, _)| RATE_LIMIT_WINDOWS.iter().find(|(name, _)| *name == window))
            .map(|(_, seconds)| *seconds);
        Api {
            name,
            title,
            docs,
            strip_prefix,
            rate_limit_window,
        }
    }

    // A key that takes one of a few names holds one of them.
    fn check_choice(
        &mut self,
        table: &DeTable<'_>,
        key: &str,
        names: &[&str],
        what: &str,
    ) -> Option<(String, Range<usize>)> {
        let text = self.reader.string(table, key)?;
        if names.contains(&text.value.as_str()) {
            return Some((text.value, text.span));
        }
        // `FixRequest` (the Rust name) or `Minute` stands for `fix_request` or `minute`.
        let snake = text.value.to_snake_case();
        let suggestion = names
            .iter()
            .copied()
            .find(|name| *name == snake)
            .or_else(|| closest(&text.value, names.iter().copied()));
        let help = match suggestion {
            Some(name) => format!("did you mean `{name}`?"),
            None => format!(
                "`{key}` is one of: {}",
                names
                    .iter()
                    .map(|name| format!("`{name}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        self.reader.push(
            Diagnostic::new(text.span, format!("unknown {what} `{}`", text.value)).help(help),
        );
        None
    }

    // A pointer is empty or a sequence of `/token`s where `~` only starts `~0` or `~1`.
    fn check_pointer(&mut self, text: Text, what: &str) -> Option<String> {
        let pointer = text.value;
        let (problem, fixed) = if !pointer.is_empty() && !pointer.starts_with('/') {
            (
                "it must be empty or start with `/`",
                Some(format!("/{pointer}")),
            )
        } else if pointer
            .split('~')
            .skip(1)
            .any(|after| !(after.starts_with('0') || after.starts_with('1')))
        {
            (
                "it has a `~` that is not `~0` (for `~`) or `~1` (for `/`)",
                None,
            )
        } else {
            return Some(pointer);
        };
        let fixed = fixed.filter(|fixed| !fixed.contains('~'));
        let help = match fixed {
            Some(fixed) => format!("did you mean `\"{fixed}\"`? A JSON pointer (RFC 6901) is `\"\"` for the whole document or `/key/0/key`"),
            None => "write a JSON pointer (RFC 6901): `\"\"` for the whole document, `/error/code`, `/0` for an array's first element, `~0` for `~` and `~1` for `/` inside a key".into(),
        };
        self.reader.push(
            Diagnostic::new(
                text.span,
                format!("{what} `{pointer}` is not a JSON pointer: {problem}"),
            )
            .help(help),
        );
        None
    }

    fn pointer(&mut self, table: &DeTable<'_>, key: &str, what: &str) -> Option<String> {
        let text = self.reader.string(table, key)?;
        self.check_pointer(text, what)
    }

    // `[envelope]` is required: `code` says where the wire code sits.
    fn check_envelope(&mut self, root: &DeTable<'_>) -> Option<Envelope> {
        let Some((table, span)) = self.reader.table(root, "envelope") else {
            if entry(root, "envelope").is_none() {
                self.reader.push(
                    Diagnostic::new(0..0, "missing `[envelope]` table")
                        .help("say where errors sit, for example `[envelope]` with `code = \"/code\"` and `message = \"/message\"`"),
                );
            }
            return None;
        };
        self.allow_keys(table, ENVELOPE_KEYS, "[envelope]");
        let single = self.pointer(table, "error", "the `error` pointer");
        let many = self.pointer(table, "errors", "the `errors` pointer");
        if let (Some((_, first)), Some((_, second))) =
            (entry(table, "error"), entry(table, "errors"))
        {
            self.reader.push(
                Diagnostic::new(second, "`error` and `errors` cannot both be set")
                    .note(format!("`error` is set at line {}", self.line_of(&first)))
                    .help("use `error` for one error object, `errors` for an array of them"),
            );
        }
        let code = self.pointer(table, "code", "the `code` pointer");
        if entry(table, "code").is_none() {
            self.reader.push(
                Diagnostic::new(span.clone(), "missing `code` in [envelope]")
                    .help("add the pointer to the wire code, for example `code = \"/code\"`"),
            );
        }
        let message = self.pointer(table, "message", "the `message` pointer");
        let status = self.pointer(table, "status", "the `status` pointer");
        let status_format = self.check_status_format(table);
        let fields = self.check_fields(table);
        let multiple = self
            .reader
            .table(table, "multiple")
            .and_then(|(multiple, span)| {
                self.allow_keys(multiple, MULTIPLE_KEYS, "[envelope.multiple]");
                let code = self.reader.string(multiple, "code");
                let inner = self.pointer(multiple, "inner", "the `inner` pointer");
                for (key, present) in [("code", code.is_some()), ("inner", inner.is_some())] {
                    if !present && entry(multiple, key).is_none() {
                        self.reader.push(Diagnostic::new(
                            span.clone(),
                            format!("missing `{key}` in [envelope.multiple]"),
                        ).help("`[envelope.multiple]` needs the wrapper's `code` and the pointer to its `inner` errors"));
                    }
                }
                Some(Multiple {
                    code: code?.value,
                    inner: inner?,
                })
            });
        let batch = self.reader.table(table, "batch").and_then(|(batch, span)| {
            self.allow_keys(batch, BATCH_KEYS, "[envelope.batch]");
            let at = self.pointer(batch, "at", "the `at` pointer");
            if entry(batch, "at").is_none() {
                self.reader.push(
                    Diagnostic::new(span, "missing `at` in [envelope.batch]").help(
                        "add the pointer to the array of item results, for example `at = \"/1\"`",
                    ),
                );
            }
            let id = self.reader.string(batch, "id");
            let message = self.reader.string(batch, "message");
            let bare = self.reader.boolean(batch, "bare");
            Some(Batch {
                at: at?,
                id: id.map_or_else(|| "id".into(), |text| text.value),
                message: message.map_or_else(|| "message".into(), |text| text.value),
                bare: bare.unwrap_or(false),
            })
        });
        Some(Envelope {
            many: many.is_some(),
            at: many.or(single).unwrap_or_default(),
            code: code.unwrap_or_default(),
            message,
            status,
            status_format,
            fields,
            multiple,
            batch,
        })
    }

    // `status_format` is a known format and says how the `status` pointer's value is written.
    fn check_status_format(&mut self, table: &DeTable<'_>) -> StatusFormat {
        let names: Vec<&str> = StatusFormat::ALL
            .iter()
            .map(|format| format.as_str())
            .collect();
        let Some((format, span)) =
            self.check_choice(table, "status_format", &names, "status format")
        else {
            return StatusFormat::Number;
        };
        if entry(table, "status").is_none() {
            self.reader.push(
                Diagnostic::new(span, "`status_format` without a `status` pointer")
                    .help("`status_format` says how the status at `status` is written: add `status = \"/status\"`, or remove `status_format`"),
            );
        }
        StatusFormat::from_name(&format).unwrap_or(StatusFormat::Number)
    }

    // Extra fields are snake_case names that no variant already uses.
    fn check_fields(&mut self, envelope: &DeTable<'_>) -> Vec<Field> {
        let Some((fields, _)) = self.reader.table(envelope, "fields") else {
            return Vec::new();
        };
        let mut checked = Vec::new();
        for (key, _) in fields {
            let name = key.get_ref().to_string();
            let problem = check_field_name(&name).err().or_else(|| {
                RESERVED_FIELDS
                    .contains(&name.as_str())
                    .then(|| "is a field every variant already has".to_owned())
            });
            if let Some(problem) = problem {
                self.reader.push(
                    Diagnostic::new(key.span(), format!("field name `{name}` {problem}"))
                        .help("name fields in snake_case, other than `message`, `code`, `status` and `items`"),
                );
                continue;
            }
            let what = format!("the pointer of field `{name}`");
            if let Some(pointer) = self.pointer(fields, &name, &what) {
                checked.push(Field { name, pointer });
            }
        }
        checked
    }

    // A spec documents at least one error.
    fn check_errors(
        &mut self,
        root: &DeTable<'_>,
        strip_prefix: Option<&str>,
        envelope: Option<&Envelope>,
    ) -> Vec<Draft> {
        let tables = self.reader.tables(root, "error");
        let empty_array = entry(root, "error")
            .map(|(value, _)| matches!(value.get_ref(), DeValue::Array(items) if items.is_empty()));
        if tables.is_empty() && empty_array.unwrap_or(true) {
            let span = entry(root, "error").map_or(0..0, |(_, key)| key);
            self.reader
                .push(Diagnostic::new(span, "the spec documents no errors").help(
                    "add an `[[error]]` table per documented error, with at least `code = \"...\"`",
                ));
        }
        tables
            .into_iter()
            .filter_map(|(table, span)| self.check_error(table, span, strip_prefix, envelope))
            .collect()
    }

    fn check_error(
        &mut self,
        table: &DeTable<'_>,
        span: Range<usize>,
        strip_prefix: Option<&str>,
        envelope: Option<&Envelope>,
    ) -> Option<Draft> {
        self.allow_keys(table, ERROR_KEYS, "[[error]]");
        let code = self.reader.string(table, "code");
        let variant = self.check_variant(table, &span, code.as_ref(), strip_prefix);
        let status = self.check_status(table);
        let kind = self.check_kind(table);
        let recovery = self.check_choice(table, "recovery", Recovery::NAMES, "recovery");
        let retryable = self.reader.boolean(table, "retryable");
        let retryable = self.check_recovery(table, retryable, recovery.as_ref());
        let empty_body_span = self.check_body(table, code.is_some());
        let template_text = self.reader.string(table, "message");
        let template_span = template_text.as_ref().map(|text| text.span.clone());
        let template = template_text
            .as_ref()
            .and_then(|text| self.check_template(text, envelope));
        let batch = self.reader.boolean(table, "batch").unwrap_or(false);
        let batch_span = entry(table, "batch").map(|(_, key_span)| key_span);
        if let (true, Some(key_span)) = (
            batch && envelope.is_some_and(|envelope| envelope.batch.is_none()),
            batch_span,
        ) {
            self.reader.push(
                Diagnostic::new(key_span, "`batch = true` needs an `[envelope.batch]` table")
                    .help("say where item results sit with `[envelope.batch]` and `at = \"/1\"`"),
            );
        }
        let text = |reader: &mut Reader, key| reader.string(table, key).map(|text| text.value);
        let description = text(&mut self.reader, "description");
        let cause = text(&mut self.reader, "cause");
        let solution = text(&mut self.reader, "solution");
        let docs = text(&mut self.reader, "docs");
        let (variant, variant_span, derived) = variant?;
        Some(Draft {
            code_span: code.as_ref().map(|code| code.span.clone()),
            template_failed: template_span.is_some() && template.is_none(),
            entry: ErrorEntry {
                code: code.map(|code| code.value),
                variant,
                status,
                kind,
                retryable,
                template,
                description,
                cause,
                solution,
                docs,
                batch,
                recovery: recovery.and_then(|(name, _)| Recovery::from_name(&name)),
                empty_body: empty_body_span.is_some(),
            },
            span,
            variant_span,
            derived,
            template_span,
            empty_body_span,
        })
    }

    // `retryable` and `recovery` agree: an error is retryable exactly when its recovery is
    // `retry`. Without `retryable`, `recovery` decides it.
    fn check_recovery(
        &mut self,
        table: &DeTable<'_>,
        retryable: Option<bool>,
        recovery: Option<&(String, Range<usize>)>,
    ) -> Option<bool> {
        match (retryable, recovery) {
            (Some(flag), Some((name, span))) if flag != (name == "retry") => {
                let mut diagnostic = Diagnostic::new(
                    span.clone(),
                    format!("`recovery = \"{name}\"` contradicts `retryable = {flag}`"),
                )
                .help(if flag {
                    "a retryable error's recovery is `retry`: remove `retryable = true`, or the `recovery`"
                } else {
                    "`recovery = \"retry\"` makes the error retryable: remove `retryable = false`, or choose another recovery"
                });
                if let Some((value, _)) = entry(table, "retryable") {
                    diagnostic = diagnostic.note(format!(
                        "`retryable` is set at line {}",
                        self.line_of(&value.span())
                    ));
                }
                self.reader.push(diagnostic);
                Some(flag)
            }
            (Some(flag), _) => Some(flag),
            (None, Some((name, _))) => Some(name == "retry"),
            (None, None) => None,
        }
    }

    // `body = "empty"` is for status-only entries: an entry with a code is read from a body.
    fn check_body(&mut self, table: &DeTable<'_>, has_code: bool) -> Option<Range<usize>> {
        let (body, span) = self.check_choice(table, "body", BODIES, "body")?;
        if body != "empty" {
            return None;
        }
        if has_code {
            self.reader.push(
                Diagnostic::new(span, "an entry with a `code` cannot be sent with an empty body: its code is read from the body")
                    .help("`body = \"empty\"` is for status-only entries (without `code`), which `[fallback.missing]` chooses for a body that says nothing"),
            );
            return None;
        }
        Some(span)
    }

    // An entry sent with an empty body is what `[fallback.missing]` chooses for an empty body.
    fn check_empty_bodies(
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

    // A variant name is given or derived from the code, and is a usable Rust identifier.
    fn check_variant(
        &mut self,
        table: &DeTable<'_>,
        span: &Range<usize>,
        code: Option<&Text>,
        strip_prefix: Option<&str>,
    ) -> Option<(String, Range<usize>, bool)> {
        if let Some(given) = self.reader.string(table, "variant") {
            return match check_type_name(&given.value) {
                Ok(()) => Some((given.value, given.span, false)),
                Err(problem) => {
                    let help = match suggest_type_name(&given.value) {
                        Some(better) => format!("did you mean `{better}`? A variant name is an UpperCamelCase Rust identifier"),
                        None => "write an UpperCamelCase Rust identifier such as `ThinClientNotFound`".into(),
                    };
                    self.reader.push(
                        Diagnostic::new(
                            given.span,
                            format!("variant name `{}` {problem}", given.value),
                        )
                        .help(help),
                    );
                    None
                }
            };
        }
        if entry(table, "variant").is_some() {
            return None;
        }
        let Some(code) = code else {
            if entry(table, "code").is_none() {
                self.reader.push(
                    Diagnostic::new(span.clone(), "an `[[error]]` without `code` needs a `variant`")
                        .help("a status-only entry is chosen by `[fallback]`; name it, for example `variant = \"NotFound\"`"),
                );
            }
            return None;
        };
        let derived = derive_variant(&code.value, strip_prefix);
        match check_type_name(&derived) {
            Ok(()) => Some((derived, code.span.clone(), true)),
            Err(problem) => {
                self.reader.push(
                    Diagnostic::new(
                        code.span.clone(),
                        format!("the variant name derived from code `{}` is `{derived}`, which {problem}", code.value),
                    )
                    .help("give the variant a name with `variant = \"...\"`"),
                );
                None
            }
        }
    }

    // A documented status is an HTTP status: 100..=599.
    fn check_status(&mut self, table: &DeTable<'_>) -> Option<u16> {
        let (status, span) = self.reader.integer(table, "status")?;
        match u16::try_from(status) {
            Ok(status) if (100..=599).contains(&status) => Some(status),
            _ => {
                self.reader.push(
                    Diagnostic::new(
                        span,
                        format!("status {status} is not an HTTP status (100..=599)"),
                    )
                    .help("write the documented HTTP status, or leave `status` out when the vendor documents none"),
                );
                None
            }
        }
    }

    // A kind is one of errspec's kinds, by its spec name.
    fn check_kind(&mut self, table: &DeTable<'_>) -> Option<Kind> {
        let kind = self.reader.string(table, "kind")?;
        if let Some(known) = Kind::from_name(&kind.value) {
            return Some(known);
        }
        let names = Kind::ALL.iter().map(|known| known.as_str());
        // Also accept the `errspec::Kind` variant name as a hint (`NotFound`).
        let by_variant = Kind::ALL
            .iter()
            .find(|known| known.variant_name() == kind.value)
            .map(|known| known.as_str());
        let help = match by_variant.or_else(|| closest(&kind.value, names.clone())) {
            Some(name) => format!("did you mean `{name}`?"),
            None => format!(
                "the kinds are: {}",
                names
                    .map(|name| format!("`{name}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        self.reader
            .push(Diagnostic::new(kind.span, format!("unknown kind `{}`", kind.value)).help(help));
        None
    }

    // Template parameters are field names that clash with no other field of the variant.
    fn check_template(&mut self, text: &Text, envelope: Option<&Envelope>) -> Option<Template> {
        match parse_template(&text.value) {
            Ok(template) => {
                for param in &template.params {
                    let clashes_with_field = envelope.is_some_and(|envelope| {
                        envelope.fields.iter().any(|field| field.name == *param)
                    });
                    if RESERVED_FIELDS.contains(&param.as_str()) || clashes_with_field {
                        let written = format!("{{{param}}}");
                        let offset = text.value.find(&written).unwrap_or(0);
                        let span = text.source_range(self.source, offset..offset + written.len());
                        let help = if clashes_with_field {
                            format!(
                                "`{param}` is an `[envelope.fields]` field: rename the parameter"
                            )
                        } else {
                            "every variant has `message`, `code`, `status` and `items`: rename the parameter".into()
                        };
                        self.reader.push(
                            Diagnostic::new(
                                span,
                                format!("template parameter `{written}` has the name of a field the variant already has"),
                            )
                            .help(help),
                        );
                        return None;
                    }
                }
                Some(template)
            }
            Err(error) => {
                let end = error.end.max(error.offset);
                let span = text.source_range(self.source, error.offset..end);
                let mut diagnostic = Diagnostic::new(span, error.message);
                if let Some(help) = error.help {
                    diagnostic = diagnostic.help(help);
                }
                self.reader.push(diagnostic);
                None
            }
        }
    }

    // Variant names are unique; a later duplicate is reported and left out.
    fn check_unique_variants(&mut self, drafts: Vec<Draft>) -> Vec<Draft> {
        let mut first_at: HashMap<String, usize> = HashMap::new();
        let mut unique: Vec<Draft> = Vec::with_capacity(drafts.len());
        for draft in drafts {
            let Some(&first) = first_at.get(&draft.entry.variant) else {
                first_at.insert(draft.entry.variant.clone(), unique.len());
                unique.push(draft);
                continue;
            };
            let first = &unique[first];
            let line = self.line_of(&first.variant_span);
            let variant = &draft.entry.variant;
            let same_code = draft.entry.code.is_some() && draft.entry.code == first.entry.code;
            let diagnostic = match (&draft.entry.code, &first.entry.code) {
                (Some(code), _) if same_code && draft.derived && first.derived => {
                    if draft.entry.template.is_none() && first.entry.template.is_none() && !draft.template_failed {
                        Diagnostic::new(
                            draft.variant_span.clone(),
                            format!("wire code `{code}` is defined twice without a message to tell the entries apart"),
                        )
                        .note(format!("first defined at line {line}"))
                        .help("give all but one of the entries a `message` template and a `variant` name, or remove the duplicate")
                    } else {
                        Diagnostic::new(
                            draft.variant_span.clone(),
                            format!("wire code `{code}` has several entries, so each needs its own variant name"),
                        )
                        .note(format!("the first entry of `{code}` is at line {line} and takes the variant name `{variant}`"))
                        .help("name this entry with `variant = \"...\"`")
                    }
                }
                (Some(code), Some(first_code)) if draft.derived && first.derived => {
                    Diagnostic::new(
                        draft.variant_span.clone(),
                        format!("codes `{first_code}` and `{code}` both become the variant name `{variant}`"),
                    )
                    .note(format!("`{first_code}` is at line {line}"))
                    .help("give one of them its own name with `variant = \"...\"`")
                }
                _ => Diagnostic::new(
                    draft.variant_span.clone(),
                    format!("variant `{variant}` is defined twice"),
                )
                .note(format!("first defined at line {line}"))
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

    // Entries sharing a wire code are told apart by distinct templates; at most one has none,
    // and a template that matches every message leaves no other entry of the code to choose.
    fn check_shared_codes(&mut self, drafts: &[Draft]) {
        let mut seen: HashMap<&str, SharedCode<'_>> = HashMap::new();
        for (index, draft) in drafts.iter().enumerate() {
            let Some(code) = draft.entry.code.as_deref() else {
                continue;
            };
            if draft.template_failed {
                continue;
            }
            let earlier = seen.entry(code).or_default();
            // The earliest entry this one conflicts with, found through the group's indexes
            // instead of a comparison with every earlier entry.
            let template = draft.entry.template.as_ref();
            let candidates = [
                earlier
                    .without_template
                    .filter(|_| template.is_none_or(is_lone)),
                template.and_then(|template| earlier.by_pieces.get(&template.pieces[..]).copied()),
                earlier.lone,
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
                    if is_lone(template) {
                        earlier.lone.get_or_insert(index);
                    }
                }
            }
        }
    }

    fn shared_code_conflict(&self, code: &str, other: &Draft, draft: &Draft) -> Option<Diagnostic> {
        let lone = is_lone;
        let here = draft.code_span.clone().unwrap_or(draft.span.clone());
        let at_template = draft.template_span.clone().unwrap_or(here.clone());
        let other_line = self.line_of(other.code_span.as_ref().unwrap_or(&other.span));
        let other_template_line = self.line_of(other.template_span.as_ref().unwrap_or(&other.span));
        let (mine, theirs) = (&draft.entry.template, &other.entry.template);
        let (variant, other_variant) = (&draft.entry.variant, &other.entry.variant);
        let diagnostic = match (mine, theirs) {
            (None, None) => Diagnostic::new(
                here,
                format!("wire code `{code}` is defined twice without a message to tell the entries apart"),
            )
            .note(format!("first defined at line {other_line}"))
            .help("give all but one of the entries a `message` template, or remove the duplicate"),
            (Some(mine), Some(theirs)) if mine.pieces == theirs.pieces => Diagnostic::new(
                at_template,
                format!("the templates of `{other_variant}` and `{variant}` (both code `{code}`) match the same messages, so they cannot be told apart"),
            )
            .note(format!("the other template is at line {other_template_line}"))
            .help("make the literal text of the templates differ, or merge the entries"),
            (_, Some(theirs)) if lone(theirs) => Diagnostic::new(
                if mine.is_some() { at_template } else { here },
                format!("`{variant}` is never chosen: the earlier template of `{other_variant}` (also code `{code}`) is a lone parameter and matches every message"),
            )
            .note(format!("that template is at line {other_template_line}"))
            .help(if mine.is_some() {
                "templates are tried in file order: move the lone-parameter entry after this one"
            } else {
                "an entry without a template already catches every message no template matches: drop the lone-parameter template, or one of the entries"
            }),
            (Some(mine), None) if lone(mine) => Diagnostic::new(
                at_template,
                format!("`{other_variant}` is never chosen: this template of `{variant}` (also code `{code}`) is a lone parameter and matches every message"),
            )
            .note(format!("`{other_variant}`, without a template, is at line {other_line}"))
            .help("an entry without a template already catches every other message: drop one of the two"),
            _ => return None,
        };
        Some(diagnostic)
    }

    // The `multiple` wrapper's code is a documented code.
    fn check_multiple_code(
        &mut self,
        envelope: Envelope,
        root: &DeTable<'_>,
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
            .table(root, "envelope")
            .and_then(|(table, _)| self.reader.table(table, "multiple"))
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

    // Fallback keys are distinct HTTP statuses and values name existing variants.
    fn check_fallbacks(
        &mut self,
        root: &DeTable<'_>,
        errors: &[ErrorEntry],
    ) -> (Fallbacks, Fallbacks) {
        let Some((fallback, _)) = self.reader.table(root, "fallback") else {
            return (Vec::new(), Vec::new());
        };
        self.allow_keys(fallback, FALLBACK_KEYS, "[fallback]");
        let missing = self.check_fallback(fallback, "missing", errors);
        let unknown = self.check_fallback(fallback, "unknown", errors);
        (missing, unknown)
    }

    fn check_fallback(
        &mut self,
        fallback: &DeTable<'_>,
        key: &str,
        errors: &[ErrorEntry],
    ) -> Fallbacks {
        let Some((table, _)) = self.reader.table(fallback, key) else {
            return Vec::new();
        };
        let mut mapped: Fallbacks = Vec::new();
        let mut first_at: HashMap<u16, Range<usize>> = HashMap::new();
        for (status_key, _) in table {
            let text = status_key.get_ref();
            let status = text
                .trim()
                .parse::<u16>()
                .ok()
                .filter(|status| (100..=599).contains(status));
            let Some(status) = status else {
                self.reader.push(
                    Diagnostic::new(
                        status_key.span(),
                        format!("fallback key `{text}` is not an HTTP status (100..=599)"),
                    )
                    .help("key each fallback by a status, for example `404 = \"NotFound\"`"),
                );
                continue;
            };
            if let Some(first) = first_at.get(&status) {
                self.reader.push(
                    Diagnostic::new(
                        status_key.span(),
                        format!("status {status} is in [fallback.{key}] twice"),
                    )
                    .note(format!("first defined at line {}", self.line_of(first)))
                    .help("keep one variant per status"),
                );
                continue;
            }
            first_at.insert(status, status_key.span());
            let Some(variant) = self.reader.string(table, text) else {
                continue;
            };
            match errors
                .iter()
                .position(|entry| entry.variant == variant.value)
            {
                Some(index) => mapped.push((status, index)),
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

/// An UpperCamelCase spelling of `name` that is a usable type name, if it differs.
/// The earlier entries of one wire code, as the shared-code rule looks them up.
#[derive(Default)]
struct SharedCode<'d> {
    /// The first entry without a template.
    without_template: Option<usize>,
    /// The first entry of each template's literal pieces.
    by_pieces: HashMap<&'d [String], usize>,
    /// The first entry whose template is a lone parameter.
    lone: Option<usize>,
}

/// Whether a template is a lone parameter, which matches every message.
fn is_lone(template: &Template) -> bool {
    template.pieces.iter().all(String::is_empty)
}

fn suggest_type_name(name: &str) -> Option<String> {
    let words: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let better = words.to_upper_camel_case();
    (better != name && check_type_name(&better).is_ok()).then_some(better)
}

#[cfg(test)]
mod tests {
    use super::check_spec;
    use crate::bundled::BUNDLED;

    fn messages(source: &str) -> Vec<String> {
        check_spec(source)
            .diagnostics
            .iter()
            .map(|diagnostic| diagnostic.render("acme.toml", source).to_string())
            .collect()
    }

    const HEAD: &str =
        "[api]\nname = \"Acme\"\n\n[envelope]\ncode = \"/code\"\nmessage = \"/message\"\n";

    #[test]
    fn the_bundled_specs_have_no_mistakes() {
        for spec in BUNDLED {
            let checked = check_spec(spec.source);
            assert_eq!(
                messages(spec.source),
                Vec::<String>::new(),
                "{}",
                spec.file_name
            );
            assert!(checked.valid().is_some());
        }
    }

    #[test]
    fn a_mistaken_entry_keeps_its_variant_in_the_skeleton() {
        let source = format!(
            "{HEAD}\n[[error]]\ncode = \"a\"\nmessage = \"{{x\"\n\n[[error]]\ncode = \"b\"\nstatus = 9\nkind = \"nope\"\n"
        );
        let checked = check_spec(&source);
        assert_eq!(checked.diagnostics.len(), 3);
        assert!(checked.valid().is_none());
        let spec = checked.spec.unwrap();
        let variants: Vec<&str> = spec
            .errors
            .iter()
            .map(|entry| entry.variant.as_str())
            .collect();
        assert_eq!(variants, ["A", "B"]);
    }

    #[test]
    fn a_skeleton_survives_a_missing_envelope_and_a_syntax_error() {
        let checked = check_spec("[api]\nname = \"Acme\"\n\n[[error]]\ncode = \"a\"\n");
        assert_eq!(checked.diagnostics.len(), 1);
        assert_eq!(checked.spec.unwrap().errors.len(), 1);
        let source = format!("{HEAD}\n[[error]]\ncode = \"a\"\nstatus = 4 04\n");
        let checked = check_spec(&source);
        assert!(checked.diagnostics[0]
            .message
            .starts_with("TOML syntax error"));
        assert_eq!(checked.spec.unwrap().name, "Acme");
    }

    #[test]
    fn duplicates_name_both_places() {
        let source = format!("{HEAD}\n[[error]]\ncode = \"a\"\ncode = \"b\"\n");
        let rendered = messages(&source).join("\n");
        assert!(
            rendered.contains("`code` is first defined at line 9"),
            "{rendered}"
        );
        let source = format!("{HEAD}\n[api]\n");
        let rendered = messages(&source).join("\n");
        assert!(
            rendered.contains("`api` is first defined at line 1"),
            "{rendered}"
        );
        let source = format!(
            "{HEAD}\n[[error]]\ncode = \"a\"\n\n[fallback.missing]\n404 = \"A\"\n\"0404\" = \"A\"\n"
        );
        let rendered = messages(&source).join("\n");
        assert!(
            rendered.contains("status 404 is in [fallback.missing] twice"),
            "{rendered}"
        );
        assert!(rendered.contains("first defined at line 12"), "{rendered}");
    }

    #[test]
    fn a_misplaced_key_names_its_table() {
        let source = "[api]\nname = \"Acme\"\ncode = \"/code\"\n";
        let rendered = messages(source).join("\n");
        assert!(
            rendered.contains("`code` belongs in `[envelope]` or an `[[error]]` table"),
            "{rendered}"
        );
    }

    #[test]
    fn a_lone_parameter_template_shadows_the_entries_after_it() {
        let source = format!(
            "{HEAD}\n[[error]]\ncode = \"a\"\nmessage = \"{{text}}\"\n\n[[error]]\ncode = \"a\"\nvariant = \"A2\"\nmessage = \"Other {{x}}\"\n"
        );
        let rendered = messages(&source).join("\n");
        assert!(rendered.contains("`A2` is never chosen"), "{rendered}");
    }

    #[test]
    fn template_mistakes_point_into_escaped_literals() {
        let source =
            format!("{HEAD}\n[[error]]\ncode = \"a\"\nmessage = \"say \\\"{{Bad Name}}\\\"\"\n");
        let rendered = messages(&source).join("\n");
        assert!(rendered.contains("--> acme.toml:10:18"), "{rendered}");
        assert!(rendered.contains("^^^^^^^^^^"), "{rendered}");
    }

    #[test]
    fn recovery_window_status_format_and_body_are_checked() {
        let source = "[api]\nname = \"Acme\"\nrate_limit_window = \"minutes\"\n\n[envelope]\ncode = \"/code\"\nstatus_format = \"NAME\"\n\n[[error]]\ncode = \"a\"\nrecovery = \"FixRequest\"\n\n[[error]]\ncode = \"b\"\nrecovery = \"retyr\"\n\n[[error]]\ncode = \"c\"\nrecovery = \"nap\"\n";
        let rendered = messages(source);
        assert_eq!(rendered.len(), 5, "{rendered:#?}");
        let expect = [
            (
                "unknown rate-limit window `minutes`",
                "acme.toml:3:21",
                "did you mean `minute`?",
            ),
            (
                "unknown status format `NAME`",
                "acme.toml:7:17",
                "did you mean `name`?",
            ),
            (
                "unknown recovery `FixRequest`",
                "acme.toml:11:12",
                "did you mean `fix_request`?",
            ),
            (
                "unknown recovery `retyr`",
                "acme.toml:15:12",
                "did you mean `retry`?",
            ),
            (
                "unknown recovery `nap`",
                "acme.toml:19:12",
                "`recovery` is one of: `retry`, `reauthenticate`, `fix_request`, `give_up`",
            ),
        ];
        for (diagnostic, (message, at, help)) in rendered.iter().zip(expect) {
            assert!(diagnostic.contains(message), "{diagnostic}");
            assert!(diagnostic.contains(at), "{diagnostic}");
            assert!(diagnostic.contains(help), "{diagnostic}");
        }
        // `status_format` needs the `status` pointer it describes.
        let source = format!("{HEAD}status_format = \"name\"\n\n[[error]]\ncode = \"a\"\n");
        let rendered = messages(&source);
        assert_eq!(rendered.len(), 1, "{rendered:#?}");
        assert!(
            rendered[0].contains("`status_format` without a `status` pointer"),
            "{}",
            rendered[0]
        );
    }

    #[test]
    fn recovery_decides_retryable_and_must_agree_with_it() {
        let source = format!(
            "{HEAD}\n[[error]]\ncode = \"a\"\nstatus = 500\nrecovery = \"retry\"\n\n[[error]]\ncode = \"b\"\nstatus = 503\nrecovery = \"give_up\"\n\n[[error]]\ncode = \"c\"\nretryable = true\nrecovery = \"reauthenticate\"\n"
        );
        let checked = check_spec(&source);
        let retryable: Vec<Option<bool>> = checked
            .spec
            .as_ref()
            .unwrap()
            .errors
            .iter()
            .map(|entry| entry.retryable)
            .collect();
        assert_eq!(retryable, [Some(true), Some(false), Some(true)]);
        let rendered = messages(&source);
        assert_eq!(rendered.len(), 1, "{rendered:#?}");
        assert!(
            rendered[0].contains("`recovery = \"reauthenticate\"` contradicts `retryable = true`"),
            "{}",
            rendered[0]
        );
        assert!(
            rendered[0].contains("`retryable` is set at line 20"),
            "{}",
            rendered[0]
        );
    }

    #[test]
    fn an_empty_body_is_for_status_only_entries_that_fallback_missing_chooses() {
        let source = format!(
            "{HEAD}\n[[error]]\ncode = \"a\"\nbody = \"empty\"\n\n[[error]]\nvariant = \"Gone\"\nstatus = 410\nbody = \"empty\"\n\n[[error]]\nvariant = \"Busy\"\nstatus = 503\nbody = \"empty\"\n\n[[error]]\nvariant = \"Odd\"\nbody = \"none\"\n\n[fallback.missing]\n503 = \"Busy\"\n"
        );
        let rendered = messages(&source);
        assert_eq!(rendered.len(), 3, "{rendered:#?}");
        assert!(
            rendered[0].contains("an entry with a `code` cannot be sent with an empty body"),
            "{}",
            rendered[0]
        );
        assert!(
            rendered[1].contains(
                "`Gone` is sent with an empty body, but `[fallback.missing]` does not choose it"
            ),
            "{}",
            rendered[1]
        );
        assert!(
            rendered[1].contains("add `410 = \"Gone\"` to `[fallback.missing]`"),
            "{}",
            rendered[1]
        );
        assert!(
            rendered[2].contains("unknown body `none`"),
            "{}",
            rendered[2]
        );
        let spec = check_spec(&source).spec.unwrap();
        let empty: Vec<&str> = spec
            .errors
            .iter()
            .filter(|entry| entry.empty_body)
            .map(|entry| entry.variant.as_str())
            .collect();
        assert_eq!(empty, ["Gone", "Busy"]);
    }

    #[test]
    fn too_many_mistakes_are_counted_not_listed() {
        let source = "x = 1\n".repeat(150);
        let checked = check_spec(&source);
        assert_eq!(checked.diagnostics.len(), super::MAX_DIAGNOSTICS + 1);
        let last = checked.diagnostics.last().unwrap();
        assert!(
            last.message.starts_with("49 more errors"),
            "{}",
            last.message
        );
    }
}
