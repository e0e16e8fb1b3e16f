//! From spec text to a validated [`Spec`]: one `check_*` function per part, every mistake
//! collected before any is reported.

use core::ops::Range;
use std::collections::HashMap;

use toml::de::DeTable;

use crate::diagnostic::{line_col, Diagnostic};
use crate::model::{
    Batch, Envelope, ErrorEntry, Fallbacks, Field, Multiple, Spec, KINDS, RESERVED_FIELDS,
};
use crate::names::{check_field_name, check_type_name, derive_variant};
use crate::reader::{entry, Reader, Text};
use crate::template::parse_template;

const TOP_KEYS: &[&str] = &["api", "envelope", "error", "fallback"];
const API_KEYS: &[&str] = &["name", "title", "docs", "strip_prefix"];
const ENVELOPE_KEYS: &[&str] = &[
    "error", "errors", "code", "message", "status", "fields", "multiple", "batch",
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
];
const FALLBACK_KEYS: &[&str] = &["missing", "unknown"];

/// The outcome of checking a spec: the model when it could be built (possibly partial: entries
/// with mistakes are left out so that the generated skeleton stays valid Rust) and every
/// mistake found.
#[derive(Debug)]
pub struct Checked {
    /// The spec as far as it is valid; `None` when not even its name could be read.
    pub spec: Option<Spec>,
    /// Every mistake, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses and checks a spec's text.
#[must_use]
pub fn check_spec(source: &str) -> Checked {
    let (root, syntax_errors) = DeTable::parse_recoverable(source);
    if !syntax_errors.is_empty() {
        let diagnostics = syntax_errors
            .iter()
            .map(|error| {
                let span = error.span().unwrap_or(0..0);
                Diagnostic::new(
                    span,
                    format!("TOML syntax error: {}", error.message().trim()),
                )
            })
            .collect();
        return Checked {
            spec: None,
            diagnostics,
        };
    }
    let mut checker = Checker {
        reader: Reader::default(),
        source,
    };
    let spec = checker.check_root(root.get_ref());
    let mut diagnostics = checker.reader.diagnostics;
    diagnostics.sort_by_key(|diagnostic| diagnostic.span.start);
    Checked { spec, diagnostics }
}

struct Checker<'s> {
    reader: Reader,
    source: &'s str,
}

/// An entry before the cross-entry rules, with the spans they report at.
struct Draft {
    entry: ErrorEntry,
    span: Range<usize>,
    code_span: Option<Range<usize>>,
    variant_span: Range<usize>,
    template_span: Option<Range<usize>>,
}

impl Checker<'_> {
    fn line_of(&self, span: &Range<usize>) -> usize {
        line_col(self.source, span.start).0
    }

    fn check_root(&mut self, root: &DeTable<'_>) -> Option<Spec> {
        self.reader.allow_keys(root, TOP_KEYS, "the spec");
        let (name, title, docs, strip_prefix) = self.check_api(root);
        let envelope = self.check_envelope(root);
        let drafts = self.check_errors(root, strip_prefix.as_deref(), envelope.as_ref());
        let drafts = self.check_unique_variants(drafts);
        self.check_shared_codes(&drafts);
        let errors: Vec<ErrorEntry> = drafts.into_iter().map(|draft| draft.entry).collect();
        let envelope = envelope.map(|envelope| self.check_multiple_code(envelope, root, &errors));
        let (fallback_missing, fallback_unknown) = self.check_fallbacks(root, &errors);
        Some(Spec {
            name: name?,
            title,
            docs,
            envelope: envelope?,
            errors,
            fallback_missing,
            fallback_unknown,
        })
    }

    // `[api]` is required and names the generated types.
    fn check_api(
        &mut self,
        root: &DeTable<'_>,
    ) -> (
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    ) {
        let Some((api, api_span)) = self.reader.table(root, "api") else {
            if entry(root, "api").is_none() {
                self.reader.push(
                    Diagnostic::new(0..0, "missing `[api]` table")
                        .help("start the spec with `[api]` and `name = \"Acme\"`: the prefix of the generated `AcmeError` and `AcmeCode`"),
                );
            }
            return (None, None, None, None);
        };
        self.reader.allow_keys(api, API_KEYS, "[api]");
        let name = match self.reader.string(api, "name") {
            Some(name) => match check_type_name(&name.value) {
                Ok(()) => Some(name.value),
                Err(problem) => {
                    self.reader.push(
                        Diagnostic::new(name.span, format!("API name `{}` {problem}", name.value))
                            .help("use an UpperCamelCase name such as `Acme`"),
                    );
                    None
                }
            },
            None => {
                if entry(api, "name").is_none() {
                    self.reader.push(
                        Diagnostic::new(api_span, "missing `name` in [api]")
                            .help("add `name = \"Acme\"`: the prefix of the generated `AcmeError` and `AcmeCode`"),
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
        (name, title, docs, strip_prefix)
    }

    // A pointer is empty or a sequence of `/token`s where `~` only starts `~0` or `~1`.
    fn check_pointer(&mut self, text: Text, what: &str) -> Option<String> {
        let pointer = text.value;
        let problem = if !pointer.is_empty() && !pointer.starts_with('/') {
            Some("must be empty or start with `/`")
        } else if pointer
            .split('~')
            .skip(1)
            .any(|after| !(after.starts_with('0') || after.starts_with('1')))
        {
            Some("has a `~` that is not `~0` (for `~`) or `~1` (for `/`)")
        } else {
            None
        };
        match problem {
            Some(problem) => {
                self.reader.push(
                    Diagnostic::new(text.span, format!("{what} `{pointer}` is not a JSON pointer: it {problem}"))
                        .help("write a JSON pointer (RFC 6901) such as `/error/code`, `/0`, or `\"\"` for the whole document"),
                );
                None
            }
            None => Some(pointer),
        }
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
        self.reader.allow_keys(table, ENVELOPE_KEYS, "[envelope]");
        let single = self.pointer(table, "error", "`error`");
        let many = self.pointer(table, "errors", "`errors`");
        if let (Some((_, first)), Some((_, second))) =
            (entry(table, "error"), entry(table, "errors"))
        {
            self.reader.push(
                Diagnostic::new(second, "`error` and `errors` cannot both be set")
                    .note(format!("`error` is set at line {}", self.line_of(&first)))
                    .help("use `error` for one error object, `errors` for an array of them"),
            );
        }
        let code = self.pointer(table, "code", "`code`");
        if entry(table, "code").is_none() {
            self.reader.push(
                Diagnostic::new(span.clone(), "missing `code` in [envelope]")
                    .help("add the pointer to the wire code, for example `code = \"/code\"`"),
            );
        }
        let message = self.pointer(table, "message", "`message`");
        let status = self.pointer(table, "status", "`status`");
        let fields = self.check_fields(table);
        let multiple = self
            .reader
            .table(table, "multiple")
            .and_then(|(multiple, span)| {
                self.reader
                    .allow_keys(multiple, MULTIPLE_KEYS, "[envelope.multiple]");
                let code = self.reader.string(multiple, "code");
                let inner = self.pointer(multiple, "inner", "`inner`");
                for (key, present) in [("code", code.is_some()), ("inner", inner.is_some())] {
                    if !present && entry(multiple, key).is_none() {
                        self.reader.push(Diagnostic::new(
                            span.clone(),
                            format!("missing `{key}` in [envelope.multiple]"),
                        ));
                    }
                }
                Some(Multiple {
                    code: code?.value,
                    inner: inner?,
                })
            });
        let batch = self.reader.table(table, "batch").and_then(|(batch, span)| {
            self.reader
                .allow_keys(batch, BATCH_KEYS, "[envelope.batch]");
            let at = self.pointer(batch, "at", "`at`");
            if entry(batch, "at").is_none() {
                self.reader.push(
                    Diagnostic::new(span, "missing `at` in [envelope.batch]").help(
                        "add the pointer to the array of item results, for example `at = \"/1\"`",
                    ),
                );
            }
            Some(Batch {
                at: at?,
                id: self
                    .reader
                    .string(batch, "id")
                    .map_or_else(|| "id".into(), |text| text.value),
                message: self
                    .reader
                    .string(batch, "message")
                    .map_or_else(|| "message".into(), |text| text.value),
                bare: self.reader.boolean(batch, "bare").unwrap_or(false),
            })
        });
        Some(Envelope {
            many: many.is_some(),
            at: many.or(single).unwrap_or_default(),
            code: code?,
            message,
            status,
            fields,
            multiple,
            batch,
        })
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
            if let Some(pointer) = self.pointer(fields, &name, &format!("field `{name}`")) {
                checked.push(Field { name, pointer });
            }
        }
        checked
    }

    fn check_errors(
        &mut self,
        root: &DeTable<'_>,
        strip_prefix: Option<&str>,
        envelope: Option<&Envelope>,
    ) -> Vec<Draft> {
        let tables = self.reader.tables(root, "error");
        if tables.is_empty() && entry(root, "error").is_none() {
            self.reader
                .push(Diagnostic::new(0..0, "the spec documents no errors").help(
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
        self.reader.allow_keys(table, ERROR_KEYS, "[[error]]");
        let code = self.reader.string(table, "code");
        let variant = self.check_variant(table, &span, code.as_ref(), strip_prefix);
        let status = self.check_status(table);
        let kind = self.check_kind(table);
        let retryable = self.reader.boolean(table, "retryable");
        let template_text = self.reader.string(table, "message");
        let template_span = template_text.as_ref().map(|text| text.span.clone());
        let template = template_text.and_then(|text| self.check_template(&text, envelope));
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
        let (variant, variant_span) = variant?;
        let template_failed = template_span.is_some() && template.is_none();
        if template_failed {
            return None;
        }
        Some(Draft {
            code_span: code.as_ref().map(|code| code.span.clone()),
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
            },
            span,
            variant_span,
            template_span,
        })
    }

    // A variant name is given or derived from the code, and is a usable Rust identifier.
    fn check_variant(
        &mut self,
        table: &DeTable<'_>,
        span: &Range<usize>,
        code: Option<&Text>,
        strip_prefix: Option<&str>,
    ) -> Option<(String, Range<usize>)> {
        if let Some(given) = self.reader.string(table, "variant") {
            return match check_type_name(&given.value) {
                Ok(()) => Some((given.value, given.span)),
                Err(problem) => {
                    self.reader.push(
                        Diagnostic::new(
                            given.span,
                            format!("variant name `{}` {problem}", given.value),
                        )
                        .help(
                            "write an UpperCamelCase Rust identifier such as `ThinClientNotFound`",
                        ),
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
            Ok(()) => Some((derived, code.span.clone())),
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
                    .help("leave `status` out when the vendor documents none"),
                );
                None
            }
        }
    }

    // A kind is one of errspec's kinds, by its spec name.
    fn check_kind(&mut self, table: &DeTable<'_>) -> Option<String> {
        let kind = self.reader.string(table, "kind")?;
        if KINDS.iter().any(|(name, _)| *name == kind.value) {
            return Some(kind.value);
        }
        let names: Vec<&str> = KINDS.iter().map(|(name, _)| *name).collect();
        let closest = names
            .iter()
            .map(|name| (strsim::jaro_winkler(&kind.value, name), *name))
            .filter(|(similarity, _)| *similarity >= 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        let help = match closest {
            Some((_, name)) => format!("did you mean `{name}`?"),
            None => format!("the kinds are: {}", names.join(", ")),
        };
        self.reader
            .push(Diagnostic::new(kind.span, format!("unknown kind `{}`", kind.value)).help(help));
        None
    }

    // Template parameters are field names that clash with no other field of the variant.
    fn check_template(
        &mut self,
        text: &Text,
        envelope: Option<&Envelope>,
    ) -> Option<crate::model::Template> {
        // The literal's opening quote; offsets inside escapes are approximate.
        let start = text.span.start + 1;
        match parse_template(&text.value) {
            Ok(template) => {
                for param in &template.params {
                    let clashes_with_field = envelope.is_some_and(|envelope| {
                        envelope.fields.iter().any(|field| field.name == *param)
                    });
                    if RESERVED_FIELDS.contains(&param.as_str()) || clashes_with_field {
                        let offset = text.value.find(&format!("{{{param}}}")).unwrap_or(0);
                        self.reader.push(
                            Diagnostic::new(
                                start + offset..start + offset + param.len() + 2,
                                format!("template parameter `{{{param}}}` has the name of a field the variant already has"),
                            )
                            .help("rename the parameter"),
                        );
                        return None;
                    }
                }
                Some(template)
            }
            Err(error) => {
                let at = (start + error.offset).min(text.span.end);
                let mut diagnostic = Diagnostic::new(at..at + 1, error.message);
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
        let mut first_at: HashMap<String, Range<usize>> = HashMap::new();
        let mut unique = Vec::with_capacity(drafts.len());
        for draft in drafts {
            if let Some(first) = first_at.get(&draft.entry.variant) {
                let derived = draft.code_span.as_ref() == Some(&draft.variant_span);
                let mut diagnostic = Diagnostic::new(
                    draft.variant_span.clone(),
                    format!("variant `{}` is defined twice", draft.entry.variant),
                )
                .note(format!("first defined at line {}", self.line_of(first)));
                diagnostic = if derived {
                    diagnostic.help("two codes convert to the same variant name: give one of them `variant = \"...\"`")
                } else {
                    diagnostic.help("give each entry its own variant name")
                };
                self.reader.push(diagnostic);
                continue;
            }
            first_at.insert(draft.entry.variant.clone(), draft.span.clone());
            unique.push(draft);
        }
        unique
    }

    // Entries sharing a wire code are told apart by distinct templates; at most one has none.
    fn check_shared_codes(&mut self, drafts: &[Draft]) {
        let mut seen: HashMap<&str, Vec<&Draft>> = HashMap::new();
        for draft in drafts {
            let Some(code) = draft.entry.code.as_deref() else {
                continue;
            };
            let earlier = seen.entry(code).or_default();
            for other in earlier.iter() {
                match (&draft.entry.template, &other.entry.template) {
                    (None, None) => {
                        self.reader.push(
                            Diagnostic::new(
                                draft.code_span.clone().unwrap_or(draft.span.clone()),
                                format!("wire code `{code}` is defined twice without a message to tell the entries apart"),
                            )
                            .note(format!("first defined at line {}", self.line_of(&other.span)))
                            .help("give all but one of the entries a `message` template, or remove the duplicate"),
                        );
                    }
                    (Some(mine), Some(theirs)) if mine.pieces == theirs.pieces => {
                        self.reader.push(
                            Diagnostic::new(
                                draft.template_span.clone().unwrap_or(draft.span.clone()),
                                format!("the templates of `{}` and `{}` (both code `{code}`) match the same messages, so they cannot be told apart", other.entry.variant, draft.entry.variant),
                            )
                            .note(format!("the other template is at line {}", self.line_of(other.template_span.as_ref().unwrap_or(&other.span))))
                            .help("make the literal text of the templates differ"),
                        );
                    }
                    _ => {}
                }
            }
            earlier.push(draft);
        }
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

    // Fallback keys are HTTP statuses and values name existing variants.
    fn check_fallbacks(
        &mut self,
        root: &DeTable<'_>,
        errors: &[ErrorEntry],
    ) -> (Fallbacks, Fallbacks) {
        let Some((fallback, _)) = self.reader.table(root, "fallback") else {
            return (Vec::new(), Vec::new());
        };
        self.reader
            .allow_keys(fallback, FALLBACK_KEYS, "[fallback]");
        let mut tables = FALLBACK_KEYS.iter().map(|key| {
            let Some((table, _)) = self.reader.table(fallback, key) else {
                return Vec::new();
            };
            let mut mapped = Vec::new();
            for (status_key, _) in table {
                let text = status_key.get_ref();
                let status = text.parse::<u16>().ok().filter(|status| (100..=599).contains(status));
                let Some(status) = status else {
                    self.reader.push(
                        Diagnostic::new(status_key.span(), format!("fallback key `{text}` is not an HTTP status (100..=599)"))
                            .help("key each fallback by a status, for example `404 = \"NotFound\"`"),
                    );
                    continue;
                };
                let Some(variant) = self.reader.string(table, text) else {
                    continue;
                };
                match errors.iter().position(|entry| entry.variant == variant.value) {
                    Some(index) => mapped.push((status, index)),
                    None => {
                        let closest = errors
                            .iter()
                            .map(|entry| (strsim::jaro_winkler(&variant.value, &entry.variant), entry.variant.as_str()))
                            .filter(|(similarity, _)| *similarity >= 0.8)
                            .max_by(|a, b| a.0.total_cmp(&b.0));
                        let help = match closest {
                            Some((_, name)) => format!("did you mean `{name}`?"),
                            None => "name the `variant` of an `[[error]]` entry (a status-only entry has no `code`)".into(),
                        };
                        self.reader.push(
                            Diagnostic::new(variant.span, format!("fallback names variant `{}`, which no `[[error]]` defines", variant.value))
                                .help(help),
                        );
                    }
                }
            }
            mapped
        });
        let missing = tables.next().unwrap_or_default();
        let unknown = tables.next().unwrap_or_default();
        (missing, unknown)
    }
}
