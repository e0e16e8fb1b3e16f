//! Decoding with a spec that was never compiled: the validated model the macro expands, turned
//! into the runtime's tables at run time and decoded by the runtime's own `decode`. Choosing
//! the entry, its kind, retry advice and recovery are the runtime's rules, as for generated
//! types; this file only lays the tables out and reads the result.

use std::time::Duration;

use errspec_vocab::pointer::pointer_tokens;

use errspec::__private::{
    self as rt, Batch, CodeTable, Entry, Envelope, ErrorIf, Headers, Mark, Part, Parts, View,
    MAX_PARTS,
};
use errspec_codegen::model::{ErrorEntry, MarkValue};
use errspec_codegen::runtime_tables::Tables;
use errspec_codegen::Spec;
pub use errspec_vocab::template::MAX_PARAMS;

use crate::decoded::{Decoded, DecodedError};

/// How many extra fields an interpreted spec may read: every part of an error fits.
const FIELDS: usize = MAX_PARTS;

/// A validated spec, ready to decode responses.
#[derive(Debug, Clone)]
pub struct Interpreter {
    spec: Spec,
    tables: Tables,
}

/// What one documented entry fixes whatever status its error arrives with (`None`: the
/// status decides), by the runtime's rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fixed {
    /// The kind.
    pub kind: Option<errspec::Kind>,
    /// Whether retrying may succeed.
    pub retryable: Option<bool>,
    /// What to do about it.
    pub recovery: Option<errspec::Recovery>,
}

impl Interpreter {
    /// An interpreter of `spec`, a spec without mistakes (`Checked::valid`).
    ///
    /// # Errors
    /// One line when the spec has a template with more than [`MAX_PARAMS`] parameters.
    pub fn new(spec: Spec) -> Result<Self, String> {
        // The checker keeps a valid spec within `MAX_PARTS` locations per error.
        let tables = Tables::new(&spec);
        if let Some(entry) = spec
            .errors
            .iter()
            .find(|entry| entry.params().len() > MAX_PARAMS)
        {
            return Err(format!(
                "the template of `{}` has {} parameters; the interpreter takes at most {MAX_PARAMS}",
                entry.variant,
                entry.params().len()
            ));
        }
        Ok(Interpreter { spec, tables })
    }

    /// The spec being interpreted.
    #[must_use]
    pub fn spec(&self) -> &Spec {
        &self.spec
    }

    /// Decodes an error response with the runtime's `decode`, as generated types do. Never
    /// fails.
    #[must_use]
    pub fn decode(&self, status: u16, body: &[u8]) -> Decoded {
        self.with_tables(|spec| {
            let build = |entry: Option<usize>, parts: Parts<FIELDS, MAX_PARAMS>| {
                self.error(spec, entry, parts)
            };
            let response = rt::decode(spec, &spec.envelope, status, body, &build);
            Decoded::from_parts(response)
        })
    }

    /// Decodes an error response with its headers, with the runtime's `decode_parts`, as
    /// generated types do. Never fails.
    #[must_use]
    pub fn decode_parts(
        &self,
        status: u16,
        headers: &errspec::http::HeaderMap,
        body: &[u8],
    ) -> Decoded {
        self.with_tables(|spec| {
            let build = |entry: Option<usize>, parts: Parts<FIELDS, MAX_PARAMS>| {
                self.error(spec, entry, parts)
            };
            let response = rt::decode_parts(spec, &spec.envelope, status, headers, body, &build);
            Decoded::from_parts(response)
        })
    }

    /// Runs `run` with the runtime's tables of the spec, borrowed from this interpreter.
    fn with_tables<R>(&self, run: impl FnOnce(&rt::Spec<'_>) -> R) -> R {
        let tables = &self.tables;
        let templates: Vec<(Vec<&str>, Vec<&str>)> = self
            .spec
            .errors
            .iter()
            .map(|entry| match &entry.template {
                Some(template) => (strs(&template.pieces), strs(&template.params)),
                None => (Vec::new(), Vec::new()),
            })
            .collect();
        let entries: Vec<Entry<'_>> = self
            .spec
            .errors
            .iter()
            .zip(&tables.next)
            .zip(&templates)
            .map(|((entry, next), (pieces, params))| runtime_entry(entry, *next, pieces, params))
            .collect();
        let slots: Vec<(&str, u16)> = tables
            .codes
            .slots
            .iter()
            .map(|(code, first)| (code.as_str(), *first))
            .collect();
        let paths: Vec<Vec<&str>> = tables.parts.iter().map(|part| strs(&part.path)).collect();
        let parts: Vec<Part<'_>> = paths
            .iter()
            .zip(&tables.parts)
            .map(|(path, part)| Part {
                path,
                role: part.role,
                rank: part.rank,
                group: part.group,
            })
            .collect();
        let at = strs(&tables.at);
        let headers = &self.spec.envelope.headers;
        let code_headers = strs(&headers.code);
        let request_id_headers = strs(&headers.request_id);
        let resets: Vec<(&str, _)> = headers
            .retry_after
            .iter()
            .map(|(name, format)| (name.as_str(), *format))
            .collect();
        let error_if_at: Vec<String> = self
            .spec
            .envelope
            .error_if
            .as_ref()
            .map(|error_if| pointer_tokens(&error_if.at))
            .unwrap_or_default();
        let error_if_at = strs(&error_if_at);
        let fields: Vec<&str> = self
            .spec
            .envelope
            .fields
            .iter()
            .map(|field| field.name.as_str())
            .collect();
        let envelope = &self.spec.envelope;
        let spec = rt::Spec {
            name: &self.spec.name,
            entries: &entries,
            codes: CodeTable {
                key: tables.codes.key,
                disps: &tables.codes.disps,
                codes: &slots,
            },
            missing: &tables.missing,
            unknown: &tables.unknown,
            by_message: &tables.by_message,
            fields: &fields,
            envelope: Envelope {
                format: envelope.format,
                at: &at,
                many: envelope.many,
                parts: &parts,
                code_before: envelope.code_before.as_deref(),
                code_after: envelope.code_after.as_deref(),
                multiple: envelope
                    .multiple
                    .as_ref()
                    .map(|multiple| multiple.code.as_str()),
                batch: envelope.batch.as_ref().map(|batch| Batch {
                    id: &batch.id,
                    message: &batch.message,
                    bare: batch.bare,
                }),
                error_if: envelope.error_if.as_ref().map(|error_if| ErrorIf {
                    at: &error_if_at,
                    is: error_if.is.as_ref().map(|mark| match mark {
                        MarkValue::Bool(flag) => Mark::Bool(*flag),
                        MarkValue::Text(text) => Mark::Text(text),
                        MarkValue::Integer(number) => Mark::Integer(*number),
                    }),
                }),
            },
            status_format: envelope.status_format,
            rate_limit_window: self.spec.rate_limit_window,
            kinds: &self.spec.kinds,
            headers: Headers {
                code: &code_headers,
                request_id: &request_id_headers,
                retry_after: &resets,
            },
        };
        run(&spec)
    }

    /// The interpreter's `build`: what the runtime's accessors say of the error.
    fn error(
        &self,
        spec: &rt::Spec<'_>,
        entry: Option<usize>,
        parts: Parts<FIELDS, MAX_PARAMS>,
    ) -> DecodedError {
        let view: View<'_, FIELDS, MAX_PARAMS> = View {
            entry,
            received_code: parts.code.as_deref(),
            message: &parts.message,
            status: parts.status,
            fields: parts.fields.each_ref().map(Option::as_deref),
            params: parts.params.each_ref().map(Option::as_deref),
            items: &parts.items,
        };
        let documented = entry.and_then(|index| spec.entries.get(index));
        DecodedError {
            variant: rt::variant_name(spec, entry).to_owned(),
            code: rt::code(spec, &view).map(str::to_owned),
            message: parts.message.clone(),
            status: parts.status,
            documented_status: documented.and_then(|entry| entry.status),
            kind: rt::kind(spec, entry, parts.status),
            retryable: rt::is_retryable(spec, entry, parts.status),
            recovery: rt::recovery(spec, entry, parts.status),
            rate_limit_window: spec.rate_limit_window.map(Duration::from_secs),
            details: rt::details(spec, &view)
                .into_iter()
                .map(|(name, value)| (name.to_owned(), value.map(str::to_owned)))
                .collect(),
            items: parts.items.clone(),
            description: documented
                .map(|entry| entry.description)
                .filter(|description| !description.is_empty())
                .map(str::to_owned),
            solution: documented
                .and_then(|entry| entry.solution)
                .map(str::to_owned),
        }
    }
}

/// What `entry` fixes whatever status its error arrives with, by the runtime's rules.
#[must_use]
pub fn fixed(entry: &ErrorEntry) -> Fixed {
    let entry = runtime_entry(entry, None, &[], &[]);
    Fixed {
        kind: rt::fixed_kind(&entry),
        retryable: rt::fixed_retryable(&entry),
        recovery: rt::fixed_recovery(&entry),
    }
}

/// `strings` borrowed as `&str`s.
fn strs(strings: &[String]) -> Vec<&str> {
    strings.iter().map(String::as_str).collect()
}

/// The runtime's entry for a model entry: the same facts, borrowed.
fn runtime_entry<'a>(
    entry: &'a ErrorEntry,
    next: Option<u16>,
    pieces: &'a [&'a str],
    params: &'a [&'a str],
) -> Entry<'a> {
    Entry {
        name: &entry.variant,
        code: entry.code.as_deref(),
        status: entry.status,
        kind: entry.kind,
        retryable: entry.retryable,
        recovery: entry.recovery,
        description: entry.description.as_deref().unwrap_or(""),
        cause: entry.cause.as_deref(),
        solution: entry.solution.as_deref(),
        docs: entry.docs.as_deref(),
        template: entry
            .template
            .as_ref()
            .map(|template| template.text.as_str()),
        pieces,
        params,
        next,
        batch: entry.batch,
        empty_body: entry.empty_body,
    }
}

#[cfg(test)]
mod tests {
    use errspec::Kind;

    use super::{Interpreter, MAX_PARAMS};

    fn interpreter(source: &str) -> Interpreter {
        let checked = errspec_codegen::check_spec(source);
        assert!(checked.diagnostics.is_empty(), "{:?}", checked.diagnostics);
        Interpreter::new(checked.spec.unwrap()).unwrap()
    }

    const ACME: &str = r#"
[api]
name = "Acme"

[envelope]
error = "/err"
code = "/c~1d"
message = "/m"

[envelope.fields]
where_ = "/w~0x"

[[error]]
code = "gone"
message = "Item {id} of {kind_} is gone"

[[error]]
code = "gone"
variant = "GoneAgain"
description = "Gone, again."

[[error]]
variant = "Busy"
status = 503

[fallback.missing]
503 = "Busy"
"#;

    #[test]
    fn templates_of_the_most_parameters_capture() {
        let params: String = (0..MAX_PARAMS)
            .map(|index| format!("<{{p{index}}}>"))
            .collect();
        let source = format!(
            "[api]\nname = \"Many\"\n[envelope]\ncode = \"/code\"\nmessage = \"/message\"\n[[error]]\ncode = \"x\"\nmessage = \"{params}\"\n"
        );
        let many = interpreter(&source);
        let message: String = (0..MAX_PARAMS).map(|index| format!("<{index}>")).collect();
        let body = format!(r#"{{"code": "x", "message": "{message}"}}"#);
        let decoded = many.decode(400, body.as_bytes());
        let values: Vec<String> = decoded.errors[0]
            .details
            .iter()
            .map(|(_, value)| value.clone().unwrap())
            .collect();
        let expected: Vec<String> = (0..MAX_PARAMS).map(|index| index.to_string()).collect();
        assert_eq!(values, expected);
    }

    #[test]
    fn escaped_pointers_and_templates_choose_the_variant() {
        let acme = interpreter(ACME);
        let decoded = acme.decode(
            410,
            br#"{"err": {"c/d": "gone", "m": "Item 7 of 'box' is gone.", "w~x": 3}}"#,
        );
        let error = &decoded.errors[0];
        assert_eq!(error.variant, "Gone");
        assert_eq!(
            error.details,
            [
                ("where_".to_owned(), Some("3".to_owned())),
                ("id".to_owned(), Some("7".to_owned())),
                ("kind_".to_owned(), Some("box".to_owned())),
            ]
        );
        assert_eq!(error.kind, Kind::NotFound);
        let other = acme.decode(410, br#"{"err": {"c/d": "gone", "m": " "}}"#);
        assert_eq!(other.errors[0].variant, "GoneAgain");
        assert_eq!(other.errors[0].message, "Gone, again.");
        assert_eq!(other.errors[0].code.as_deref(), Some("gone"));
    }

    #[test]
    fn a_body_without_a_code_falls_back_by_status() {
        let acme = interpreter(ACME);
        let busy = acme.decode(503, b"<html>busy</html>");
        assert_eq!(busy.errors[0].variant, "Busy");
        assert!(busy.errors[0].retryable);
        assert_eq!(busy.raw_body, b"<html>busy</html>");
        let unknown = acme.decode(418, b"");
        assert_eq!(unknown.errors[0].variant, "Unknown");
        assert_eq!(unknown.errors[0].message, "I'm a teapot");
        assert_eq!(unknown.errors[0].kind, Kind::Other);
    }

    #[test]
    fn errors_without_codes_are_chosen_by_message_then_by_status() {
        let source = "[api]\nname = \"Hub\"\n[envelope]\nmessage = \"/message\"\n[[error]]\nvariant = \"NotFound\"\nstatus = 404\nmessage = \"Not Found\"\n[[error]]\nvariant = \"Limited\"\nmessage = \"API rate limit exceeded for {address}.\"\n[[error]]\nvariant = \"Forbidden\"\nstatus = 403\n[fallback]\n403 = \"Forbidden\"\n";
        let hub = interpreter(source);
        let first = |status: u16, body: &[u8]| hub.decode(status, body).errors.remove(0);
        assert_eq!(
            first(404, br#"{"message": "Not Found"}"#).variant,
            "NotFound"
        );
        let limited = first(
            403,
            br#"{"message": "API rate limit exceeded for 203.0.113.5."}"#,
        );
        assert_eq!(limited.variant, "Limited");
        assert_eq!(
            limited.details,
            [("address".to_owned(), Some("203.0.113.5".to_owned()))]
        );
        let other = first(403, br#"{"message": "Must have admin rights."}"#);
        assert_eq!(
            (other.variant.as_str(), other.message.as_str()),
            ("Forbidden", "Must have admin rights.")
        );
    }

    #[test]
    fn the_code_is_cut_out_of_a_longer_text() {
        let aws = interpreter(
            "[api]\nname = \"Aws\"\n[envelope]\ncode = \"/__type\"\ncode_before = \":\"\ncode_after = \"#\"\nmessage = \"/message\"\n[envelope.fields]\ntype_name = \"/__type\"\n[[error]]\ncode = \"ValidationException\"\nstatus = 400\n",
        );
        let decoded = aws.decode(
            400,
            br#"{"__type": "com.amazon.coral.validate#ValidationException:http://internal/", "message": "Bad."}"#,
        );
        let error = &decoded.errors[0];
        assert_eq!(error.variant, "ValidationException");
        assert_eq!(
            error.details,
            [(
                "type_name".to_owned(),
                Some("com.amazon.coral.validate#ValidationException:http://internal/".to_owned())
            )]
        );
    }

    #[test]
    fn a_status_falls_back_to_its_class_then_to_default() {
        let source = ACME.replace(
            "[fallback.missing]\n503 = \"Busy\"\n",
            "[fallback]\n\"5xx\" = \"Busy\"\ndefault = \"GoneAgain\"\n\n[fallback.unknown]\n502 = \"Gone\"\n",
        );
        let acme = interpreter(&source);
        let variant =
            |status: u16, body: &[u8]| acme.decode(status, body).errors[0].variant.clone();
        // No code: the shared class, then the shared default.
        assert_eq!(variant(502, b""), "Busy");
        assert_eq!(variant(404, b""), "GoneAgain");
        // An undocumented code: the case's own status first, then the shared keys.
        let odd = br#"{"err": {"c/d": "odd", "m": "Odd."}}"#;
        assert_eq!(variant(502, odd), "Gone");
        assert_eq!(variant(500, odd), "Busy");
        assert_eq!(variant(404, odd), "GoneAgain");
    }

    #[test]
    fn too_many_fields_is_an_error_not_a_silent_cut() {
        let fields: String = (0..70)
            .map(|index| format!("f{index} = \"/f{index}\"\n"))
            .collect();
        let source = format!(
            "[api]\nname = \"Wide\"\n[envelope]\ncode = \"/code\"\n[envelope.fields]\n{fields}[[error]]\ncode = \"x\"\n"
        );
        // The checker refuses it, as the macro does: the interpreter never meets such a spec.
        let checked = errspec_codegen::check_spec(&source);
        assert_eq!(checked.diagnostics.len(), 1);
        assert_eq!(
            checked.diagnostics[0].message,
            "the envelope reads 71 locations in each error, more than the 64 errspec reads: field `f63` and those after it would never be read"
        );
        assert!(checked.valid().is_none());
    }
}
