//! The rules of each table (`[api]`, `[envelope]`, `[[error]]`), lowering what they hold to
//! the model.

use core::ops::Range;
use std::collections::hash_map::{Entry, HashMap};
use std::collections::HashSet;

use errspec_vocab::pointer::{pointer_tokens, selector};
use errspec_vocab::{
    BodyFormat, Kind, Recovery, ResetFormat, Role, StatusFormat, MAX_PARTS, RATE_LIMIT_WINDOWS,
};
use heck::{ToSnakeCase, ToUpperCamelCase};
use toml::de::{DeTable, DeValue};

use super::{
    Api, Checker, Draft, API_KEYS, BATCH_KEYS, ENVELOPE_KEYS, ERROR_IF_KEYS, ERROR_KEYS,
    HEADERS_KEYS, HEADER_FIELD_KEYS, HOMES, INNER_KEYS, MAX_SHAPES, MULTIPLE_KEYS,
};
use crate::check::names::{check_field_name, check_type_name, check_variant_name, derive_variant};
use crate::check::reader::{closest, entry, Reader, Text};
use crate::check::template::{declared_params, parse_template};
use crate::diagnostic::Diagnostic;
use crate::model::{
    Batch, Envelope, ErrorEntry, ErrorIf, Field, HeaderField, Headers, Inner, MarkValue, Multiple,
    Template, BODIES, RESERVED_FIELDS,
};

/// The most pointers one part may list: the reader ranks them in a byte, `u8::MAX` meaning none.
const MAX_ALTERNATIVES: usize = 255;

impl Checker<'_> {
    pub(super) fn allow_keys(&mut self, table: &DeTable<'_>, allowed: &[&str], context: &str) {
        let elsewhere: Vec<(&str, &[&str])> = HOMES
            .iter()
            .filter(|(_, keys)| *keys != allowed)
            .copied()
            .collect();
        self.reader.allow_keys(table, allowed, context, &elsewhere);
    }

    // `[api]` is required and names the generated types.
    pub(super) fn check_api(&mut self, root: &DeTable<'_>) -> Api {
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
    pub(super) fn check_choice(
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
    pub(super) fn check_pointer(&mut self, text: Text, what: &str) -> Option<String> {
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

    // A part of an error may sit at one of several pointers, tried in order: a list holds at
    // least one, each once, and no more than the reader can rank.
    pub(super) fn pointers(
        &mut self,
        table: &DeTable<'_>,
        key: &str,
        what: &str,
    ) -> Option<Vec<String>> {
        let (value, _) = entry(table, key)?;
        let span = value.span();
        let texts = self.reader.strings(table, key)?;
        if texts.is_empty() {
            self.reader.push(
                Diagnostic::new(span, format!("{what} lists no pointer"))
                    .help("give one pointer, or several tried in order: `[\"/code\", \"/type\"]`"),
            );
            return None;
        }
        if texts.len() > MAX_ALTERNATIVES {
            self.reader.push(
                Diagnostic::new(
                    span,
                    format!(
                        "{what} lists {} pointers, more than {MAX_ALTERNATIVES}",
                        texts.len()
                    ),
                )
                .help("keep the pointers a server really uses"),
            );
            return None;
        }
        let mut pointers: Vec<String> = Vec::with_capacity(texts.len());
        let mut valid = true;
        for text in texts {
            let at = text.span.clone();
            match self.check_pointer(text, what) {
                Some(pointer) if pointers.contains(&pointer) => {
                    self.reader.push(
                        Diagnostic::new(at, format!("{what} lists `{pointer}` twice"))
                            .help("list each pointer once, in the order to try them"),
                    );
                    valid = false;
                }
                Some(pointer) => pointers.push(pointer),
                None => valid = false,
            }
        }
        valid.then_some(pointers)
    }

    // A location (where errors, items or a mark sit) is a plain pointer: a selector
    // (`[key=value]`) only chooses where a part of an error is read.
    pub(super) fn pointer(&mut self, table: &DeTable<'_>, key: &str, what: &str) -> Option<String> {
        let text = self.reader.string(table, key)?;
        let span = text.span.clone();
        let pointer = self.check_pointer(text, what)?;
        if pointer_tokens(&pointer)
            .iter()
            .any(|token| selector(token).is_some())
        {
            self.reader.push(
                Diagnostic::new(span, format!("{what} `{pointer}` has a selector"))
                    .help("a selector (`[key=value]`) chooses an array element for `code`, `message`, `status` and `fields`; a location such as this one is a plain JSON pointer"),
            );
            return None;
        }
        Some(pointer)
    }

    // Locations tried in order (the request id): plain pointers each, as `pointer` wants one.
    fn locations(&mut self, table: &DeTable<'_>, key: &str, what: &str) -> Option<Vec<String>> {
        let pointers = self.pointers(table, key, what)?;
        let selected = pointers.iter().find(|pointer| {
            pointer_tokens(pointer)
                .iter()
                .any(|token| selector(token).is_some())
        });
        if let (Some(pointer), Some((value, _))) = (selected, entry(table, key)) {
            self.reader.push(
                Diagnostic::new(value.span(), format!("{what} `{pointer}` has a selector"))
                    .help("a selector (`[key=value]`) chooses an array element for `code`, `message`, `status` and `fields`; a location such as this one is a plain JSON pointer"),
            );
            return None;
        }
        Some(pointers)
    }

    // `[envelope]` is required: one table, or an array of them (`[[envelope]]`), one per shape
    // the API's error bodies take, tried in order. Every shape declares the fields of all.
    pub(super) fn check_envelopes<'t, 'i>(
        &mut self,
        root: &'t DeTable<'i>,
    ) -> Vec<(Envelope, &'t DeTable<'i>)> {
        let Some((value, key_span)) = entry(root, "envelope") else {
            self.reader.push(
                Diagnostic::new(0..0, "missing `[envelope]` table")
                    .help("say where errors sit, for example `[envelope]` with `code = \"/code\"` and `message = \"/message\"`"),
            );
            return Vec::new();
        };
        let tables = match value.get_ref() {
            DeValue::Table(table) => vec![(table, key_span)],
            DeValue::Array(items) if items.is_empty() => {
                self.reader.push(
                    Diagnostic::new(key_span, "`envelope` holds no shape")
                        .help("write one `[envelope]` table, or an `[[envelope]]` table per shape the API's errors take"),
                );
                return Vec::new();
            }
            DeValue::Array(_) => self.reader.tables(root, "envelope"),
            // Reported as a value of the wrong type.
            _ => self.reader.table(root, "envelope").into_iter().collect(),
        };
        if let Some((_, span)) = tables.get(MAX_SHAPES) {
            self.reader.push(
                Diagnostic::new(
                    span.clone(),
                    format!(
                        "the spec has {} shapes, more than the {MAX_SHAPES} errspec tries",
                        tables.len()
                    ),
                )
                .note("every shape may be tried on each response, one walk of the body each")
                .help("merge shapes that differ only by a location: a part may sit at several pointers, tried in order"),
            );
        }
        let mut shapes: Vec<(Envelope, &'t DeTable<'i>)> = tables
            .into_iter()
            .take(MAX_SHAPES)
            .enumerate()
            .map(|(index, (table, span))| (self.check_shape(table, span, index == 0), table))
            .collect();
        let mut envelopes: Vec<&mut Envelope> = shapes.iter_mut().map(|(shape, _)| shape).collect();
        declare_every_field(&mut envelopes);
        self.check_header_fields_apart(&shapes);
        shapes
    }

    // A field read from a header is no shape's body field: a later shape's field of that name
    // would be one field filled from two places.
    fn check_header_fields_apart(&mut self, shapes: &[(Envelope, &DeTable<'_>)]) {
        let Some((first, _)) = shapes.first() else {
            return;
        };
        for header_field in &first.headers.fields {
            let Some(name) = first
                .fields
                .get(header_field.field)
                .map(|field| field.name.as_str())
            else {
                continue;
            };
            for (shape, table) in &shapes[1..] {
                let read = shape
                    .fields
                    .get(header_field.field)
                    .is_some_and(|field| !field.pointers.is_empty());
                let span = self
                    .reader
                    .table(table, "fields")
                    .and_then(|(fields, _)| entry(fields, name))
                    .map(|(_, span)| span);
                if let (true, Some(span)) = (read, span) {
                    self.reader.push(
                        Diagnostic::new(
                            span,
                            format!("field `{name}` is read from a header already"),
                        )
                        .help("give the body's field a name of its own"),
                    );
                }
            }
        }
    }

    // One shape of the API's error bodies: `code` says where the wire code sits.
    fn check_shape(
        &mut self,
        table: &DeTable<'_>,
        envelope_span: Range<usize>,
        first: bool,
    ) -> Envelope {
        self.allow_keys(
            table,
            ENVELOPE_KEYS,
            if first { "[envelope]" } else { "[[envelope]]" },
        );
        let single = self.pointer(table, "error", "the `error` pointer");
        let many = self.pointer(table, "errors", "the `errors` pointer");
        if let (Some((_, first)), Some((_, second))) =
            (entry(table, "error"), entry(table, "errors"))
        {
            self.reader.push(
                Diagnostic::new(second, "`error` and `errors` cannot both be set")
                    .label(first, "`error` is set here")
                    .help("use `error` for one error object, `errors` for an array of them"),
            );
        }
        let code = self.pointers(table, "code", "the `code` pointer");
        let code_before = self.code_delimiter(table, "code_before");
        let code_after = self.code_delimiter(table, "code_after");
        let message = self.pointers(table, "message", "the `message` pointer");
        let status = self.pointers(table, "status", "the `status` pointer");
        let status_format = self.check_status_format(table);
        let retry_after = self.pointers(table, "retry_after", "the `retry_after` pointer");
        let request_id = self.locations(table, "request_id", "the `request_id` pointer");
        let mut fields = self.check_fields(table);
        let results = self.check_results(table, many.is_some());
        let index = self.check_shape_index(table, many.is_some(), &mut fields);
        let inner = self.check_inner(table, &mut fields);
        self.check_outside_groups(table, &inner);
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
        let format = self.check_body_format(table);
        let headers = if first {
            self.check_headers(table, &mut fields)
        } else {
            self.check_headers_in_first_shape(table);
            Headers::default()
        };
        let envelope = Envelope {
            format,
            many: many.is_some(),
            at: many.or(single).unwrap_or_default(),
            code,
            code_before,
            code_after,
            message,
            status,
            status_format,
            retry_after,
            fields,
            inner,
            multiple,
            batch,
            error_if: self.check_error_if(table),
            headers,
            content_types: self.check_content_types(table),
            request_id,
            results,
            index,
        };
        self.check_parts_fit(table, envelope_span, &envelope);
        envelope
    }

    // Per-item results are the elements of an array: `errors` says where it sits.
    fn check_results(&mut self, table: &DeTable<'_>, many: bool) -> bool {
        let results = self.reader.boolean(table, "results").unwrap_or(false);
        if let (true, false, Some((_, span))) = (results, many, entry(table, "results")) {
            self.reader.push(
                Diagnostic::new(span, "`results` needs `errors`")
                    .note("per-item results are the elements of an array, each a success or an error")
                    .help("say where the array of item results sits with `errors`, for example `errors = \"/responses\"`"),
            );
        }
        results
    }

    // An error's position is its place in the array at `errors`; the field that keeps it is
    // a field of every variant.
    fn check_shape_index(
        &mut self,
        table: &DeTable<'_>,
        many: bool,
        fields: &mut Vec<Field>,
    ) -> Option<usize> {
        let name = self.reader.string(table, "index")?;
        if !many {
            self.reader.push(
                Diagnostic::new(name.span, "`index` needs `errors`")
                    .note("`index` keeps each error's position in the array at `errors`")
                    .help("say where the array of errors sits with `errors`, or leave `index` out"),
            );
            return None;
        }
        if fields
            .iter()
            .any(|field| field.name == name.value && !field.pointers.is_empty())
        {
            self.reader.push(
                Diagnostic::new(
                    name.span,
                    format!("field `{}` is read from the body already", name.value),
                )
                .help("give the field that keeps the position a name of its own"),
            );
            return None;
        }
        self.check_field_key(&name.value, name.span)
            .then(|| field_index(fields, &mut fields_by_name(fields), &name.value))
    }

    // The headers are the response's, whatever shape its body takes: read once, as the first
    // shape says.
    fn check_headers_in_first_shape(&mut self, table: &DeTable<'_>) {
        if let Some((_, span)) = entry(table, "headers") {
            self.reader.push(
                Diagnostic::new(span, "`headers` belongs to the first `[[envelope]]`")
                    .note("a response's headers are read whatever shape its body takes")
                    .help("move this table to the first `[[envelope]]`"),
            );
        }
    }

    // `content_type` names media types (`type/subtype`, no parameters): a response whose
    // `Content-Type` is another is not read in this shape.
    fn check_content_types(&mut self, table: &DeTable<'_>) -> Vec<String> {
        let texts = self
            .reader
            .strings(table, "content_type")
            .unwrap_or_default();
        let token = |part: &str| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|byte| byte.is_ascii_alphanumeric() || b"!#$&-^_.+".contains(&byte))
        };
        texts
            .into_iter()
            .filter_map(|text| {
                let valid = text
                    .value
                    .split_once('/')
                    .is_some_and(|(kind, subtype)| token(kind) && token(subtype));
                if valid {
                    return Some(text.value.to_ascii_lowercase());
                }
                self.reader.push(
                    Diagnostic::new(text.span, format!("`{}` is not a media type", text.value))
                        .help("write a type and subtype without parameters, as in `application/xml` or `application/problem+json`"),
                );
                None
            })
            .collect()
    }

    // The reader tracks at most `MAX_PARTS` locations in each error: a spec past it would
    // leave declared fields unread.
    fn check_parts_fit(&mut self, table: &DeTable<'_>, span: Range<usize>, envelope: &Envelope) {
        let parts = crate::runtime_tables::parts(envelope);
        let Some(first_unread) = parts.get(MAX_PARTS) else {
            return;
        };
        let field = match first_unread.role {
            Role::Field(index) => envelope.fields.get(index),
            _ => None,
        };
        let at = field
            .and_then(|field| {
                let (fields, _) = self.reader.table(table, "fields")?;
                Some(entry(fields, &field.name)?.1)
            })
            .unwrap_or(span);
        let what = field.map_or_else(String::new, |field| {
            format!(
                ": field `{}` and those after it would never be read",
                field.name
            )
        });
        self.reader.push(
            Diagnostic::new(
                at,
                format!(
                    "the envelope reads {} locations in each error, more than the {MAX_PARTS} errspec reads{what}",
                    parts.len()
                ),
            )
            .note("each pointer of `code`, `message`, `status` and every extra field counts, and so do those of nested errors")
            .help("drop the fields you do not need, or read their parent object as one field: an object or an array is kept as its JSON text"),
        );
    }

    // `[envelope.headers]` names HTTP headers (RFC 9110 tokens), and each reset header has a
    // known format.
    fn check_headers(&mut self, envelope: &DeTable<'_>, fields: &mut Vec<Field>) -> Headers {
        let Some((table, _)) = self.reader.table(envelope, "headers") else {
            return Headers::default();
        };
        self.allow_keys(table, HEADERS_KEYS, "[envelope.headers]");
        let mut names = |key: &str| -> Vec<String> {
            let texts = self.reader.strings(table, key).unwrap_or_default();
            texts
                .into_iter()
                .filter_map(|text| self.check_header_name(&text.value, text.span))
                .collect()
        };
        let code = names("code");
        let request_id = names("request_id");
        let should_retry = names("should_retry");
        let code_first = self.reader.boolean(table, "code_first").unwrap_or(false);
        let header_fields = self.check_header_fields(table, fields);
        let mut retry_after = Vec::new();
        if let Some((resets, _)) = self.reader.table(table, "retry_after") {
            let formats: Vec<&str> = ResetFormat::ALL
                .iter()
                .map(|format| format.as_str())
                .collect();
            for (key, _) in resets {
                let name = key.get_ref().to_string();
                let format = self.check_choice(resets, &name, &formats, "reset format");
                if !self.check_not_retry_after(&name, key.span()) {
                    continue;
                }
                let name = self.check_header_name(&name, key.span());
                if let (Some(name), Some((format, _))) = (name, format) {
                    if let Some(format) = ResetFormat::from_name(&format) {
                        retry_after.push((name, format));
                    }
                }
            }
        }
        Headers {
            code,
            code_first,
            request_id,
            should_retry,
            retry_after,
            fields: header_fields,
        }
    }

    // `[envelope.headers.fields]` maps a field name, not one the body already reads, to a
    // header name, or to a table of the header's name and where the field sits in its text:
    // every variant gets the field, filled from the response's header.
    fn check_header_fields(
        &mut self,
        headers: &DeTable<'_>,
        fields: &mut Vec<Field>,
    ) -> Vec<HeaderField> {
        let Some((table, _)) = self.reader.table(headers, "fields") else {
            return Vec::new();
        };
        let mut checked = Vec::new();
        // The body's fields, looked up once per header field (TOML keys of one table differ).
        let from_body: HashSet<String> = fields.iter().map(|field| field.name.clone()).collect();
        for (key, _) in table {
            let name = key.get_ref().to_string();
            if !self.check_field_key(&name, key.span()) {
                continue;
            }
            if from_body.contains(&name) {
                self.reader.push(
                    Diagnostic::new(
                        key.span(),
                        format!("field `{name}` is read from the body already"),
                    )
                    .help("give the header's field a name of its own"),
                );
                continue;
            }
            let (text, before, after) = match entry(table, &name).map(|(value, _)| value.get_ref())
            {
                Some(DeValue::Table(cut)) => {
                    self.allow_keys(cut, HEADER_FIELD_KEYS, "a header field's table");
                    let Some(text) = self.reader.string(cut, "header") else {
                        self.reader.push(
                            Diagnostic::new(key.span(), format!("field `{name}` names no header"))
                                .help("write `header = \"x-amzn-query-error\"` in its table, with `before` or `after` where the field sits in the header's text"),
                        );
                        continue;
                    };
                    let cuts = "`before` and `after` cut the field out of the header's text, for example `before = \";\"` for the code of `Customized;Sender`; leave them out when the text is the field";
                    let before = self.delimiter(cut, "before", cuts);
                    let after = self.delimiter(cut, "after", cuts);
                    (text, before, after)
                }
                _ => {
                    let Some(text) = self.reader.string(table, &name) else {
                        continue;
                    };
                    (text, None, None)
                }
            };
            let Some(header) = self.check_header_name(&text.value, text.span) else {
                continue;
            };
            fields.push(Field {
                name,
                pointers: Vec::new(),
            });
            checked.push(HeaderField {
                field: fields.len() - 1,
                header,
                before,
                after,
            });
        }
        checked
    }

    // `Retry-After` is read before every reset header, in its own formats: listing it among
    // them would say something errspec does not do.
    fn check_not_retry_after(&mut self, name: &str, span: Range<usize>) -> bool {
        if !name.eq_ignore_ascii_case("retry-after") {
            return true;
        }
        self.reader.push(
            Diagnostic::new(span, "`Retry-After` is not a reset header")
                .note("errspec always reads `Retry-After` first, as seconds (a fraction too) or an HTTP date; the headers here are tried only when it is absent")
                .help("remove this line"),
        );
        false
    }

    // A header name is a non-empty token of RFC 9110: letters, digits and ``!#$%&'*+-.^_`|~``.
    fn check_header_name(&mut self, name: &str, span: Range<usize>) -> Option<String> {
        let token = |byte: u8| byte.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&byte);
        if !name.is_empty() && name.bytes().all(token) {
            return Some(name.to_owned());
        }
        let problem = if name.is_empty() {
            "a header name is empty".to_owned()
        } else {
            format!("`{name}` is not an HTTP header name")
        };
        self.reader.push(Diagnostic::new(span, problem).help(
            "write the header's name alone, as in `x-request-id`, without a colon or a value",
        ));
        None
    }

    // `[envelope.error_if]` says where, from the root, a body sent with a success status says
    // it is an error, and by which value (a boolean, a string or an integer; any but `null`
    // when left out).
    fn check_error_if(&mut self, envelope: &DeTable<'_>) -> Option<ErrorIf> {
        let (table, span) = self.reader.table(envelope, "error_if")?;
        self.allow_keys(table, ERROR_IF_KEYS, "[envelope.error_if]");
        let at = self.pointer(table, "at", "the `at` pointer");
        if entry(table, "at").is_none() {
            self.reader.push(
                Diagnostic::new(span, "missing `at` in [envelope.error_if]").help(
                    "add where the mark sits, from the document's root, for example `at = \"/ok\"` with `is = false`",
                ),
            );
        }
        let is = match entry(table, "is") {
            None => None,
            Some((value, _)) => match value.get_ref() {
                DeValue::Boolean(flag) => Some(MarkValue::Bool(*flag)),
                DeValue::String(text) => Some(MarkValue::Text(text.to_string())),
                DeValue::Integer(_) => {
                    let (number, span) = self.reader.integer(table, "is")?;
                    match i64::try_from(number) {
                        Ok(number) => Some(MarkValue::Integer(number)),
                        Err(_) => {
                            self.reader.push(
                                Diagnostic::new(span, "`is` is out of range")
                                    .help("an integer mark is a 64-bit signed integer"),
                            );
                            return None;
                        }
                    }
                }
                _ => {
                    self.reader.push(
                        Diagnostic::new(value.span(), "`is` must be a boolean, a string or an integer")
                            .help("write the value that marks an error, for example `is = false` for `\"ok\": false`; leave `is` out when any value but `null` does"),
                    );
                    return None;
                }
            },
        };
        Some(ErrorIf { at: at?, is })
    }

    // Errors nested in each error (`[[envelope.inner]]`) sit somewhere, read something, and
    // keep their extra fields among the variants' fields: a name `[envelope.fields]` declares
    // is the same field, any other is added.
    fn check_inner(&mut self, envelope: &DeTable<'_>, fields: &mut Vec<Field>) -> Vec<Inner> {
        let mut by_name = fields_by_name(fields);
        let groups = self.reader.tables(envelope, "inner");
        if let (Some((_, multiple)), Some((_, inner))) =
            (entry(envelope, "multiple"), entry(envelope, "inner"))
        {
            self.reader.push(
                Diagnostic::new(inner, "`[[envelope.inner]]` and `[envelope.multiple]` cannot both be set")
                    .label(multiple, "`[envelope.multiple]` is set here")
                    .help("`[envelope.multiple]` is for a wrapper error whose inner errors have the envelope's own shape; `[[envelope.inner]]` for nested errors of a shape of their own, kept after the error that holds them"),
            );
        }
        let mut checked = Vec::new();
        let mut places = Vec::new();
        for (table, span) in groups {
            self.allow_keys(table, INNER_KEYS, "[[envelope.inner]]");
            let at = self.pointer(table, "at", "the `at` pointer");

            if entry(table, "at").is_none() {
                self.reader.push(
                    Diagnostic::new(span.clone(), "missing `at` in [[envelope.inner]]").help(
                        "add the pointer to the nested errors, relative to the error, for example `at = \"/errors\"`",
                    ),
                );
            }
            let code = self.pointers(table, "code", "the `code` pointer");
            let message = self.pointers(table, "message", "the `message` pointer");
            let status = self.pointers(table, "status", "the `status` pointer");
            let mut own_fields = Vec::new();
            if let Some((table_fields, _)) = self.reader.table(table, "fields") {
                for (key, _) in table_fields {
                    let name = key.get_ref().to_string();
                    if !self.check_field_key(&name, key.span()) {
                        continue;
                    }
                    let what = format!("the pointer of field `{name}`");
                    if let Some(pointers) = self.pointers(table_fields, &name, &what) {
                        own_fields.push((field_index(fields, &mut by_name, &name), pointers));
                    }
                }
            }
            let key = self.reader.string(table, "key").and_then(|name| {
                self.check_field_key(&name.value, name.span)
                    .then(|| field_index(fields, &mut by_name, &name.value))
            });
            let index = self.reader.string(table, "index").and_then(|name| {
                self.check_field_key(&name.value, name.span)
                    .then(|| field_index(fields, &mut by_name, &name.value))
            });
            let reads = ["code", "message", "fields", "key"]
                .iter()
                .any(|key| entry(table, key).is_some());
            if !reads {
                self.reader.push(
                    Diagnostic::new(span.clone(), "this `[[envelope.inner]]` reads nothing in its errors")
                        .help("say where each nested error's `code`, `message` or `fields` sit, relative to it (`\"\"` for the error itself, as in an array of strings)"),
                );
            }
            let no_error = self.check_no_error(table, code.is_some());
            let replaces = self.reader.boolean(table, "replaces").unwrap_or(false);
            let recursive = self.check_recursive(table, at.as_deref());
            // A recursive group at `""` is refused by `check_recursive` already.
            if let (Some(at), Some((value, _))) = (&at, entry(table, "at")) {
                let refused =
                    at.is_empty() && self.reader.boolean(table, "recursive") == Some(true);
                if !refused {
                    places.push((at.clone(), value.span()));
                }
            }
            if let Some(at) = at {
                checked.push(Inner {
                    at,
                    code,
                    message,
                    status,
                    fields: own_fields,
                    key,
                    index,
                    no_error,
                    replaces,
                    recursive,
                    // Read once the entries are known (`check_inner_fallbacks`).
                    fallback_missing: Vec::new(),
                    fallback_unknown: Vec::new(),
                });
            }
        }
        self.check_group_places(&places);
        checked
    }

    // A group's place is relative to the error, and what sits there is read as that group's
    // errors only: a group at the error itself, or inside another's place, is never read.
    fn check_group_places(&mut self, places: &[(String, Range<usize>)]) {
        for (index, (at, span)) in places.iter().enumerate() {
            if at.is_empty() {
                self.reader.push(
                    Diagnostic::new(span.clone(), "nested errors cannot sit at the error itself")
                        .help("point `at` at the member or element that holds them, relative to the error (`\"/errors\"`); an error's own parts belong in `[envelope]`"),
                );
                continue;
            }
            let holder = places.iter().enumerate().find(|(other, (place, _))| {
                *other != index
                    && !place.is_empty()
                    && (at.starts_with(&format!("{place}/")) || (at == place && *other < index))
            });
            if let Some((_, (place, place_span))) = holder {
                self.reader.push(
                    Diagnostic::new(span.clone(), format!("`{at}` lies among the nested errors at `{place}`, which are read as that group's errors only"))
                        .label(place_span.clone(), "that group is declared here")
                        .help("give each group a place of its own, relative to the error; errors nested in nested errors of the same shape are read by `recursive = true`"),
                );
            }
        }
    }

    // What sits inside a group's place is read as its nested errors, in the one pass over the
    // body: a pointer of the error holding them that leads in there would never be read.
    fn check_outside_groups(&mut self, envelope: &DeTable<'_>, groups: &[Inner]) {
        let places: Vec<&str> = groups
            .iter()
            .map(|group| group.at.as_str())
            .filter(|at| !at.is_empty())
            .collect();
        if places.is_empty() {
            return;
        }
        let fields = self
            .reader
            .table(envelope, "fields")
            .map(|(fields, _)| fields);
        let mut located: Vec<(String, &DeTable<'_>)> = ["code", "message", "status", "retry_after"]
            .iter()
            .map(|key| (key.to_string(), envelope))
            .collect();
        if let Some(fields) = fields {
            located.extend(
                fields
                    .iter()
                    .map(|(key, _)| (key.get_ref().to_string(), fields)),
            );
        }
        for (key, table) in located {
            let Some((value, _)) = entry(table, &key) else {
                continue;
            };
            let pointers: Vec<String> = match value.get_ref() {
                DeValue::String(text) => vec![text.to_string()],
                DeValue::Array(items) => items
                    .iter()
                    .filter_map(|item| item.get_ref().as_str().map(str::to_string))
                    .collect(),
                _ => continue,
            };
            let inside = pointers.iter().find_map(|pointer| {
                places
                    .iter()
                    .find(|at| pointer == *at || pointer.starts_with(&format!("{at}/")))
                    .map(|at| (pointer.clone(), *at))
            });
            if let Some((pointer, at)) = inside {
                self.reader.push(
                    Diagnostic::new(value.span(), format!("`{pointer}` lies among the nested errors at `{at}`, which the error holding them does not read"))
                        .help("read it as a field of the nested errors, relative to each, in `[envelope.inner.fields]`"),
                );
            }
        }
    }

    // Codes that mean "no error here" are compared with the nested errors' codes: without a
    // `code` there is nothing to compare, and a blank one could never be read.
    fn check_no_error(&mut self, table: &DeTable<'_>, reads_code: bool) -> Vec<String> {
        let Some(texts) = self.reader.strings(table, "no_error") else {
            return Vec::new();
        };
        if let (false, Some((_, span))) = (reads_code, entry(table, "no_error")) {
            self.reader.push(
                Diagnostic::new(span, "`no_error` needs the nested errors' `code`")
                    .help("say where each nested error's code sits (`code = \"/Code\"`): `no_error` lists codes that mean no error is there"),
            );
        }
        texts
            .into_iter()
            .filter_map(|text| {
                if !text.value.trim().is_empty() {
                    return Some(text.value);
                }
                self.reader.push(
                    Diagnostic::new(text.span, "a blank code in `no_error`")
                        .help("a blank code is read as no code at all: list the codes that mean no error is there, as in `no_error = [\"None\"]`"),
                );
                None
            })
            .collect()
    }

    // A recursive group reads each of its errors' own errors at `at`: `at = ""` would be each
    // error inside itself.
    fn check_recursive(&mut self, table: &DeTable<'_>, at: Option<&str>) -> bool {
        let recursive = self.reader.boolean(table, "recursive").unwrap_or(false);
        if let (true, Some(""), Some((_, span))) = (recursive, at, entry(table, "at")) {
            self.reader.push(
                Diagnostic::new(span, "a recursive `[[envelope.inner]]` cannot sit at `\"\"`")
                    .help("point `at` at the key under which each nested error holds the next, as in `at = \"/innerError\"`"),
            );
            return false;
        }
        recursive
    }

    // `format` names a known syntax; an XML body has elements, not arrays or nested shapes,
    // so the envelope keys that only make sense in JSON are mistakes there.
    fn check_body_format(&mut self, envelope: &DeTable<'_>) -> BodyFormat {
        let names: Vec<&str> = BodyFormat::ALL
            .iter()
            .map(|format| format.as_str())
            .collect();
        let Some((name, span)) = self.check_choice(envelope, "format", &names, "body format")
        else {
            return BodyFormat::Json;
        };
        let format = BodyFormat::from_name(&name).unwrap_or_default();
        self.check_format_read(format, span);
        if format == BodyFormat::Xml {
            for key in ["inner", "multiple", "batch", "error_if"] {
                if let Some((_, span)) = entry(envelope, key) {
                    self.reader.push(
                        Diagnostic::new(span, format!("`{key}` is not supported with `format = \"xml\"`"))
                            .help("an XML spec reads one error element, or each element at `errors`, with `code`, `message`, `status` and `fields` below it"),
                    );
                }
            }
            for key in [
                "error",
                "errors",
                "code",
                "message",
                "status",
                "retry_after",
                "request_id",
            ] {
                self.check_xml_pointers(envelope, key);
            }
            if let Some((fields, _)) = self.reader.table(envelope, "fields") {
                let names: Vec<String> = fields
                    .iter()
                    .map(|(key, _)| key.get_ref().to_string())
                    .collect();
                for name in names {
                    self.check_xml_pointers(fields, &name);
                }
            }
        }
        format
    }

    // The runtime reads XML and CBOR with a feature each: without it, generated code could
    // read no error from a body, so the spec is refused where the feature is named.
    fn check_format_read(&mut self, format: BodyFormat, span: Range<usize>) {
        if self.formats.contains(&format) {
            return;
        }
        let name = format.as_str();
        self.reader.push(
            Diagnostic::new(span, format!("errspec reads `{name}` bodies with its feature `{name}`, which is not enabled"))
                .help(format!("enable it where you depend on errspec: `errspec = {{ version = \"0.1\", features = [\"{name}\"] }}`")),
        );
    }

    // In XML, a pointer names elements: an array index or a selector there never matches.
    fn check_xml_pointers(&mut self, table: &DeTable<'_>, key: &str) {
        let Some((value, _)) = entry(table, key) else {
            return;
        };
        let texts: Vec<(String, Range<usize>)> = match value.get_ref() {
            DeValue::String(text) => vec![(text.to_string(), value.span())],
            DeValue::Array(items) => items
                .iter()
                .filter_map(|item| match item.get_ref() {
                    DeValue::String(text) => Some((text.to_string(), item.span())),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        for (pointer, span) in texts {
            let tokens = pointer_tokens(&pointer);
            let misfit = tokens.iter().find(|token| {
                selector(token).is_some()
                    || (!token.is_empty() && token.bytes().all(|byte| byte.is_ascii_digit()))
            });
            if let Some(token) = misfit {
                self.reader.push(
                    Diagnostic::new(span, format!("`{token}` in `{pointer}` names no XML element"))
                        .help("in an XML body a pointer is a path of element names, as in `/Error/Code`; array indexes and selectors are for JSON"),
                );
            } else if let Some(token) = tokens
                .iter()
                .find(|token| !token.is_empty() && !is_xml_name(token))
            {
                self.reader.push(
                    Diagnostic::new(span, format!("`{token}` in `{pointer}` is not an XML element name"))
                        .help("an element name starts with a letter, `_` or `:` and holds no spaces or punctuation other than `-`, `.`, `_` and `:` (XML 1.0's `Name`), as in `/Error/Code`"),
                );
            }
        }
    }

    // A code delimiter is text to find, so it cannot be empty.
    fn code_delimiter(&mut self, table: &DeTable<'_>, key: &str) -> Option<String> {
        self.delimiter(table, key, "`code_before` and `code_after` cut the code out of a longer text, for example `code_after = \"#\"` for `namespace#Code`; leave them out when the text is the code")
    }

    // A delimiter (of a code, of a header field) is text to find, so it cannot be empty;
    // `help` says what it cuts.
    fn delimiter(&mut self, table: &DeTable<'_>, key: &str, help: &str) -> Option<String> {
        let text = self.reader.string(table, key)?;
        if text.value.is_empty() {
            self.reader
                .push(Diagnostic::new(text.span, format!("`{key}` is empty")).help(help));
            return None;
        }
        Some(text.value)
    }

    // `status_format` is a known format and says how the `status` pointer's value is written.
    pub(super) fn check_status_format(&mut self, table: &DeTable<'_>) -> StatusFormat {
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
    pub(super) fn check_fields(&mut self, envelope: &DeTable<'_>) -> Vec<Field> {
        let Some((fields, _)) = self.reader.table(envelope, "fields") else {
            return Vec::new();
        };
        let mut checked = Vec::new();
        for (key, _) in fields {
            let name = key.get_ref().to_string();
            if !self.check_field_key(&name, key.span()) {
                continue;
            }
            let what = format!("the pointer of field `{name}`");
            if let Some(pointers) = self.pointers(fields, &name, &what) {
                checked.push(Field { name, pointers });
            }
        }
        checked
    }

    // A blank code is never matched: the reader takes a blank code in a body for none.
    fn check_code_not_blank(&mut self, code: Option<&Text>) -> bool {
        let Some(code) = code.filter(|code| code.value.trim().is_empty()) else {
            return false;
        };
        self.reader.push(
            Diagnostic::new(code.span.clone(), "a blank code is never matched")
                .help("a blank code in a body counts as none: write the code the server sends, or leave `code` out so that the entry is chosen by its `message` template or as a fallback"),
        );
        true
    }

    // A field name is a snake_case name that no variant already uses.
    fn check_field_key(&mut self, name: &str, span: Range<usize>) -> bool {
        let problem = check_field_name(name).err().or_else(|| {
            RESERVED_FIELDS
                .contains(&name)
                .then(|| "is a field every variant already has".to_owned())
        });
        let Some(problem) = problem else {
            return true;
        };
        self.reader.push(
            Diagnostic::new(span, format!("field name `{name}` {problem}")).help(
                "name fields in snake_case, other than `message`, `code`, `status` and `items`",
            ),
        );
        false
    }

    // A spec documents at least one error.
    pub(super) fn check_errors(
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

    pub(super) fn check_error(
        &mut self,
        table: &DeTable<'_>,
        span: Range<usize>,
        strip_prefix: Option<&str>,
        envelope: Option<&Envelope>,
    ) -> Option<Draft> {
        self.allow_keys(table, ERROR_KEYS, "[[error]]");
        let code = self.reader.string(table, "code");
        let blank = self.check_code_not_blank(code.as_ref());
        let derive_from = code.as_ref().filter(|_| !blank);
        let variant = self.check_variant(table, &span, derive_from, strip_prefix);
        let status = self.check_status(table);
        let kind = self.check_kind(table);
        let recovery = self.check_choice(table, "recovery", Recovery::NAMES, "recovery");
        let retryable = self.reader.boolean(table, "retryable");
        let retryable = self.check_recovery(table, retryable, recovery.as_ref());
        let empty_body_span = self.check_body(table, code.is_some());
        let mistakes = self.reader.diagnostics.len();
        let when = self.check_when(table, code.is_some(), envelope);
        let when_failed = self.reader.diagnostics.len() > mistakes;
        let template_text = self.reader.string(table, "message");
        let template_span = template_text.as_ref().map(|text| text.span.clone());
        let template = template_text
            .as_ref()
            .and_then(|text| self.check_template(text, envelope));
        let template_failed = template_span.is_some() && template.is_none();
        // A template with a mistake still declares the parameters it names, so that code
        // using them meets the one error above rather than a missing field as well.
        let template = template.or_else(|| {
            let text = template_text.as_ref()?;
            let params: Vec<String> = declared_params(&text.value)
                .into_iter()
                .filter(|param| {
                    !RESERVED_FIELDS.contains(&param.as_str())
                        && envelope.is_none_or(|envelope| {
                            envelope.fields.iter().all(|field| field.name != *param)
                        })
                })
                .collect();
            Some(Template {
                text: text.value.clone(),
                pieces: vec![String::new(); params.len() + 1],
                params,
            })
        });
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
            template_failed,
            when_failed,
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
                when,
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
    pub(super) fn check_recovery(
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
                    diagnostic = diagnostic.label(value.span(), "`retryable` is set here");
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
    // `when` keys an entry's code by the values of extra fields as well (Google's `reason`
    // within its `domain`): each key a field the errors read, each value the text it holds.
    // An entry without a code has no code to key.
    pub(super) fn check_when(
        &mut self,
        table: &DeTable<'_>,
        has_code: bool,
        envelope: Option<&Envelope>,
    ) -> Vec<(usize, String)> {
        let Some((when, span)) = self.reader.table(table, "when") else {
            return Vec::new();
        };
        if !has_code {
            self.reader.push(
                Diagnostic::new(span, "`when` keys an entry's code, and this entry has no `code`")
                    .help("give the entry a `code`, or tell entries without one apart by their `message` templates"),
            );
            return Vec::new();
        }
        if when.is_empty() {
            self.reader.push(
                Diagnostic::new(span, "`when` names no field")
                    .help("write the field and the value it holds, as in `when = { domain = \"googleapis.com\" }`, or remove `when`"),
            );
        }
        let fields = envelope.map_or(&[][..], |envelope| &envelope.fields[..]);
        let mut keyed = Vec::new();
        for (key, _) in when {
            let name = key.get_ref().to_string();
            let Some(value) = self.reader.string(when, &name) else {
                continue;
            };
            let Some(field) = fields.iter().position(|field| field.name == name) else {
                let declared: Vec<String> = fields
                    .iter()
                    .map(|field| format!("`{}`", field.name))
                    .collect();
                let help = if declared.is_empty() {
                    "declare the field in `[envelope.fields]`, where each error holds it".to_owned()
                } else {
                    format!(
                        "the fields are {}; declare others in `[envelope.fields]`",
                        declared.join(", ")
                    )
                };
                self.reader.push(
                    Diagnostic::new(
                        key.span(),
                        format!("`{name}` is not an extra field of the errors"),
                    )
                    .help(help),
                );
                continue;
            };
            if value.value.trim().is_empty() {
                self.reader.push(
                    Diagnostic::new(value.span, format!("the value of `{name}` is blank"))
                        .note("a blank field is not present, so no error would hold it")
                        .help("write the text the field holds, or remove the key"),
                );
                continue;
            }
            keyed.push((field, value.value));
        }
        keyed
    }

    pub(super) fn check_body(
        &mut self,
        table: &DeTable<'_>,
        has_code: bool,
    ) -> Option<Range<usize>> {
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

    // A variant name is given or derived from the code, and is a usable Rust identifier.
    pub(super) fn check_variant(
        &mut self,
        table: &DeTable<'_>,
        span: &Range<usize>,
        code: Option<&Text>,
        strip_prefix: Option<&str>,
    ) -> Option<(String, Range<usize>, bool)> {
        if let Some(given) = self.reader.string(table, "variant") {
            return match check_variant_name(&given.value) {
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
        match check_variant_name(&derived) {
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
    pub(super) fn check_status(&mut self, table: &DeTable<'_>) -> Option<u16> {
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
    pub(super) fn check_kind(&mut self, table: &DeTable<'_>) -> Option<Kind> {
        self.check_kind_at(table, "kind")
    }

    // A kind is one of `errspec::Kind`'s names.
    pub(super) fn check_kind_at(&mut self, table: &DeTable<'_>, key: &str) -> Option<Kind> {
        let kind = self.reader.string(table, key)?;
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
    pub(super) fn check_template(
        &mut self,
        text: &Text,
        envelope: Option<&Envelope>,
    ) -> Option<Template> {
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
}

/// The fields by name, so that each field nested errors read is found or added in one step.
fn fields_by_name(fields: &[Field]) -> HashMap<String, usize> {
    let mut by_name = HashMap::with_capacity(fields.len());
    for (index, field) in fields.iter().enumerate() {
        by_name.entry(field.name.clone()).or_insert(index);
    }
    by_name
}

/// The index of field `name` in `fields` (`by_name` its index), added (read by nested errors
/// only) if absent.
fn field_index(fields: &mut Vec<Field>, by_name: &mut HashMap<String, usize>, name: &str) -> usize {
    if let Some(index) = by_name.get(name) {
        return *index;
    }
    fields.push(Field {
        name: name.to_owned(),
        pointers: Vec::new(),
    });
    by_name.insert(name.to_owned(), fields.len() - 1);
    fields.len() - 1
}

/// An UpperCamelCase spelling of `name` that is a usable type name, if it differs.
fn suggest_type_name(name: &str) -> Option<String> {
    let words: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let better = words.to_upper_camel_case();
    (better != name && check_type_name(&better).is_ok()).then_some(better)
}

/// Gives every shape the fields of all, in one order (the first shape's, then those only later
/// shapes declare), so that a field has one index whatever shape read it; a field a shape does
/// not read has no pointers there. Nested groups' field indexes follow.
fn declare_every_field(shapes: &mut [&mut Envelope]) {
    // Found by name in a map, not a scan: 100,000 header fields are declared in linear time.
    let mut names: Vec<String> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for shape in shapes.iter() {
        for field in &shape.fields {
            if let Entry::Vacant(vacant) = by_name.entry(field.name.clone()) {
                vacant.insert(names.len());
                names.push(field.name.clone());
            }
        }
    }
    for shape in shapes.iter_mut() {
        let own = std::mem::take(&mut shape.fields);
        let index_of = |old: usize| {
            own.get(old)
                .and_then(|field| by_name.get(&field.name).copied())
        };
        for inner in &mut shape.inner {
            inner.fields = inner
                .fields
                .iter()
                .filter_map(|(old, pointers)| Some((index_of(*old)?, pointers.clone())))
                .collect();
            inner.key = inner.key.and_then(index_of);
            inner.index = inner.index.and_then(index_of);
        }
        shape.headers.fields = shape
            .headers
            .fields
            .iter()
            .filter_map(|header_field| {
                Some(HeaderField {
                    field: index_of(header_field.field)?,
                    ..header_field.clone()
                })
            })
            .collect();
        // The first of a shape's fields of one name gives the pointers.
        let mut pointers: Vec<Option<_>> = names.iter().map(|_| None).collect();
        for field in own.into_iter().rev() {
            pointers[by_name[&field.name]] = Some(field.pointers);
        }
        shape.fields = names
            .iter()
            .zip(pointers)
            .map(|(name, pointers)| Field {
                name: name.clone(),
                pointers: pointers.unwrap_or_default(),
            })
            .collect();
    }
}

/// Whether `name` is an XML 1.0 `Name` (fifth edition, productions 4 and 4a): no element
/// of a well-formed document has another name.
fn is_xml_name(name: &str) -> bool {
    let starts = |c: char| {
        matches!(c, ':' | 'A'..='Z' | '_' | 'a'..='z'
            | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}'
            | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}'
            | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}'
            | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
    };
    let continues = |c: char| {
        starts(c)
            || matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
    };
    let mut chars = name.chars();
    chars.next().is_some_and(starts) && chars.all(continues)
}
